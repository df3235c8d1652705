"""`vnie query`: figures, directive mentions and articles from the SQLite store, filtered.

Tables for a terminal (aligned, long cells cut with … to its width, numbers whole and written as
Vietnamese readers write them), CSV, JSON and JSON Lines for scripts (every column, nothing cut).
Columns are named as in the database and its exports, so a query's output joins with them.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from pipeline.extract.province_list import province_list
from pipeline.store.sqlite import (
    SCHEMA_VERSION,
    StoreError,
    better_copy,
    figure_counts_once,
    open_store,
    schema_version,
)
from pipeline.text import strip_tones

LIMIT_MAX = 2**63 - 1  # SQLite's largest integer
SENTENCE_MIN = 40  # below this a sentence is unreadable: hide url/title before squeezing it further
# in a narrow terminal these go first; csv/json always have them
HIDDEN_FIRST = ("url", "title", "field", "start", "end", "unit")  # unit: the figure's text has it
CELL_MAX = 22  # widest a column other than the sentence gets in a table
ID_COLUMNS = {"article_id", "id"}
DATES = {"published", "month", "time", "issued"}  # never cut: a cut date reads as another date
# kept whole in a table while the terminal allows
WHOLE = ID_COLUMNS | DATES | {"outlet", "text", "value", "of", "qualifier", "is_target", "articles",
                              "mentions", "n_figures", "n_directives", "n_organizations", "n_people",
                              "n_locations", "stories", "copies"}
HIDDEN_NEXT = ("of", "time", "is_target", "qualifier", "n_locations", "n_people", "n_organizations",
               "outlets", "kind", "issuer", "province_2025", "copies", "outlet", "measure", "source",
               "subject")
OPTIONAL = {"source", "of", "qualifier"}  # mostly empty: a table drops them when they are
POSITIONS = {"start", "end"}  # character offsets: numbers, but not quantities to group by thousands
ID_PREFIX = 10
DATE_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d", 16: "%Y-%m-%dT%H:%M"}


def _sql_strip_tones(text: str | None) -> str:
    """`strip_tones` as the SQL function vn_fold, for case- and accent-insensitive matching; NULL is ''."""
    return "" if text is None else strip_tones(text)


@dataclass(frozen=True)
class Filters:
    """What to select; None means no constraint."""

    directive: str | None = None
    org: str | None = None
    province: str | None = None
    province_2025: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    source: str | None = None  # a figure's source contains this (folded)
    measure: str | None = None  # a figure's measure has every one of these words (folded)
    short_forms: bool = False  # also count "Chỉ thị 05" where kind, number and issuer agree with the symbol
    limit: int | None = None
    all_copies: bool = False  # every republished copy of a story, not the story once

    def __post_init__(self) -> None:
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")
        if self.text is not None and not search_terms(self.text):
            raise ValueError(f"--text {self.text!r} has no word to search for")


def province_names(written: str, after_merger: bool = False) -> list[str]:
    """The canonical names a --province (or --province-2025) value stands for: "Huế" and "Thừa Thiên Huế"
    are one province, "TP.HCM" is "Hồ Chí Minh"; accents optional. Unknown values are kept as given."""
    provinces = province_list()
    names = provinces.names(written)
    if after_merger:
        after = provinces.province_2025(written) or next((n for n in provinces.after if n == written), None)
        names = {after} if after else set()
    if not names:  # "thanh hoa", "hue": compare without accents
        pool = provinces.after if after_merger else {*provinces.units, *provinces.after}
        names = {n for n in pool if strip_tones(n) == strip_tones(written)}
        if not after_merger and names:
            names = set().union(*(provinces.names(n) for n in names))
    return sorted(names or {written.strip()})


def date_bound(value: str) -> str:
    """A --since/--until value checked: a year, month, day or minute (2020, 2020-04, 2020-04-12T06:35)."""
    text = value.strip()
    try:
        datetime.strptime(text, DATE_FORMATS[len(text)])
    except (KeyError, ValueError):
        raise ValueError(f"{value!r} is not a date; give a year, month or day such as 2020, 2020-04 or "
                         "2020-04-12") from None
    return text


def row_limit(value: str) -> int:
    """A --limit value checked: a whole number of rows SQLite can count to."""
    try:
        limit = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None
    if not 1 <= limit <= LIMIT_MAX:
        raise ValueError(f"{value} is out of range; give a number of rows from 1 to {LIMIT_MAX:,}")
    return limit


def port_number(value: str) -> int:
    """A --port value checked: 0 (any free port) to 65535."""
    try:
        port = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise ValueError(f"{value} is not a port number; give one from 1 to 65535 (0: any free port)")
    return port


def open_readonly(path: str) -> sqlite3.Connection:
    """The store (a file or a run's folder), read-only, with the folding function registered."""
    conn = open_store(path)
    conn.create_function("vn_fold", 1, _sql_strip_tones, deterministic=True)
    return conn


SEARCH_TERM = re.compile(r'"([^"]*)"|(\S+)')


def search_terms(text: str) -> list[str]:
    """The words and "quoted phrases" of a --text value, NFC; a quote left open is ordinary text."""
    text = unicodedata.normalize("NFC", text)
    if text.count('"') % 2:
        text = text.replace('"', " ")
    terms = [" ".join((phrase or word).split()) for phrase, word in SEARCH_TERM.findall(text)]
    return [term for term in terms if re.search(r"\w", term)]


def fts_query(text: str) -> str:
    """An FTS5 query: every word and every "quoted phrase" (words in a row) must occur.

    Each term is quoted as an FTS5 string, so nothing the user types is read as query syntax
    (OR, NOT, *, -, :, parentheses are plain text); the tokenizer splits it into words, so a
    quoted term of several words is a phrase.
    """
    return " ".join('"' + term.replace('"', '""') + '"' for term in search_terms(text))


def has_tone_marks(text: str) -> bool:
    """True when the text has a Vietnamese diacritic (tone mark, breve, circumflex, horn or đ)."""
    return strip_tones(text) != text.casefold()


def directive_row(alias: str) -> str:
    """SQL: directives row `alias` is the :directive asked for (or, with :short_forms, its short form)."""
    return f"""(vn_fold({alias}.directive_id) = vn_fold(:directive)
  OR (:short_forms AND {alias}.directive_id NOT LIKE '%/%' AND {alias}.issuer IS NOT NULL AND EXISTS (
    SELECT 1 FROM directives c WHERE vn_fold(c.directive_id) = vn_fold(:directive)
      AND c.kind = {alias}.kind AND c.number = {alias}.number AND c.issuer = {alias}.issuer)))"""


DIRECTIVE_MATCH = f"EXISTS (SELECT 1 FROM directives d WHERE d.article_id = a.id AND {directive_row('d')})"
ORG_MATCH = """EXISTS (SELECT 1 FROM organizations o WHERE o.article_id = a.id
  AND (instr(vn_fold(o.name), vn_fold(:org)) > 0 OR instr(vn_fold(o.acronym), vn_fold(:org)) > 0
       OR instr(vn_fold(o.canonical), vn_fold(:org)) > 0))"""


def where(filters: Filters, figure_subject: bool = False) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over articles `a`, and figures `f` when `figure_subject`) and its parameters."""
    clauses: list[str] = ["1"]
    params: dict[str, Any] = {"short_forms": int(filters.short_forms), "limit": filters.limit or -1}
    if filters.directive:
        clauses.append(DIRECTIVE_MATCH)
        params["directive"] = filters.directive.strip()
    if filters.org:
        org = ORG_MATCH
        if figure_subject:
            org = f"(instr(vn_fold(f.subject), vn_fold(:org)) > 0 OR {ORG_MATCH})"
        clauses.append(org)
        params["org"] = filters.org.strip()
    if filters.province:
        clauses.append("vn_fold(a.province) IN (SELECT vn_fold(value) FROM json_each(:province))")
        params["province"] = json.dumps(province_names(filters.province.strip()), ensure_ascii=False)
    if filters.province_2025:
        clauses.append("vn_fold(a.province_2025) IN (SELECT vn_fold(value) FROM json_each(:province_2025))")
        params["province_2025"] = json.dumps(province_names(filters.province_2025.strip(), after_merger=True),
                                             ensure_ascii=False)
    if filters.since:
        clauses.append("a.published >= :since")
        params["since"] = filters.since
    if filters.until:
        # a prefix bound: --until 2021-04 keeps every day of April
        clauses.append("substr(a.published, 1, length(:until)) <= :until")
        params["until"] = filters.until
    if filters.text:
        clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :text)")
        params["text"] = fts_query(filters.text)
    figure_clauses = []
    if filters.source:
        figure_clauses.append("instr(vn_fold({f}.source), vn_fold(:source)) > 0")
        params["source"] = filters.source.strip()
    for i, word in enumerate((filters.measure or "").split()):
        figure_clauses.append(f"instr(vn_fold({{f}}.measure), vn_fold(:measure{i})) > 0")
        params[f"measure{i}"] = word
    if figure_clauses and figure_subject:
        clauses += [c.format(f="f") for c in figure_clauses]
    elif figure_clauses:  # other queries: the articles that have such a figure
        inner = " AND ".join(c.format(f="x") for c in figure_clauses)
        clauses.append(f"EXISTS (SELECT 1 FROM figures x WHERE x.article_id = a.id AND {inner})")
    return " AND ".join(clauses), params


LIMIT = " LIMIT :limit"  # a negative limit is none in SQLite

# named as the database's columns (figures.article_id, figures.subject...), so rows join with exports
FIGURE_COLUMNS = ("article_id", "outlet", "published", "source", "subject", "measure", "text", "value",
                  "unit", "of", "qualifier", "is_target", "time", "sentence", "field", "start", "end",
                  "title", "url")


def figures(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """One row per figure of the selected articles, with the figure as written and its offsets."""
    clause, params = where(filters, figure_subject=True)
    if not filters.all_copies:  # a figure a republished copy repeats counts once
        clause += f" AND {figure_counts_once()}"
    sql = f"""SELECT f.article_id, a.outlet, a.published, f.source, f.subject, f.measure, f.text, f.value,
      f.unit, f."of", f.qualifier, f.is_target, f.time, f.sentence, f.field, f.start, f."end", a.title, a.url
    FROM figures f JOIN articles a ON a.id = f.article_id
    WHERE {clause}
    ORDER BY a.published IS NULL, a.published, a.id, f.seq{LIMIT}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    for row in rows:
        row["is_target"] = bool(row["is_target"])
        for key in ("value", "of"):
            if isinstance(row[key], float) and row[key].is_integer():
                row[key] = int(row[key])
    return list(FIGURE_COLUMNS), rows


def directives(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """Mentions by directive, province and month."""
    clause, params = where(filters)
    if filters.directive:  # the directive filter selects articles; here only its own rows count
        clause += f" AND {directive_row('g')}"
    if not filters.all_copies:  # one copy of a story per directive: articles count stories
        clause += (" AND NOT EXISTS (SELECT 1 FROM articles c JOIN directives cg ON cg.article_id = c.id "
                   f"WHERE {better_copy('c', 'a')} AND cg.directive_id = g.directive_id)")
    sql = f"""SELECT g.directive_id, max(g.kind) AS kind, max(g.issuer) AS issuer,
      a.province, a.month, count(DISTINCT a.id) AS articles, sum(g.mentions) AS mentions,
      group_concat(DISTINCT a.outlet) AS outlets
    FROM directives g JOIN articles a ON a.id = g.article_id
    WHERE {clause}
    GROUP BY g.directive_id, a.province, a.month
    ORDER BY mentions DESC, articles DESC, g.directive_id, a.province, a.month{LIMIT}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    columns = ["directive_id", "kind", "issuer", "province", "month", "articles", "mentions", "outlets"]
    return columns, rows


def articles(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """One row per selected article, with how much was found in it."""
    clause, params = where(filters)
    if not filters.all_copies:  # one row per story: its original
        clause += " AND a.original = 1"
    columns = ["id", "published", "outlet", "province", "province_2025", "copies", "n_figures",
               "n_directives", "n_organizations", "n_people", "n_locations", "title", "url"]
    sql = f"""SELECT a.id, a.published, a.outlet, a.province, a.province_2025,
      (SELECT count(*) FROM articles c WHERE c.story_id = a.story_id) AS copies, a.n_figures,
      a.n_directives, a.n_organizations, a.n_people, a.n_locations, a.title, a.url
    FROM articles a WHERE {clause}
    ORDER BY a.published IS NULL, a.published, a.id{LIMIT}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    return columns, rows


QUERIES = {"figures": figures, "directives": directives, "articles": articles}


def vi_number(value: int | float) -> str:
    """A number as Vietnamese readers write it: 3.650, 97,5, 1.234.567,25 (dot groups, comma decimals)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".translate(str.maketrans(",.", ".,"))


def cell(value: Any, column: str = "") -> str:
    """A value as a table shows it: blank for null, yes for true, numbers Vietnamese-style, one line."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, int | float) and column not in POSITIONS:
        return vi_number(value)
    return " ".join(str(value).split())


def cut(text: str, width: int) -> str:
    """The text in at most `width` characters, … marking a cut; a number is dropped whole, never cut,
    and never touches the … (a cut "12.0…" or "2016…" would read as another number)."""
    if len(text) <= width:
        return text
    head = text[: max(width - 1, 0)]
    if head and not head[-1].isspace() and not text[len(head)].isspace():  # the cut is inside a word
        start = len(head) - len(head.split()[-1])
        end = len(head) + len(text[len(head):].split()[0])
        if any(ch.isdigit() for ch in text[start:end]):
            head = head[:start]
    head = head.rstrip()
    while head[-1:].isdigit():
        if len(head) + 2 <= width:
            return head + " …"
        head = head[: len(head) - len(head.split()[-1])].rstrip()
    return head + "…"


def fit_widths(natural: Sequence[int], minimum: Sequence[int], budget: int) -> list[int]:
    """Column widths within `budget`: the widest columns give way first, none below its minimum."""
    if sum(natural) <= budget:
        return list(natural)
    low, high = 0, max(natural)
    while low < high:  # the largest cap whose capped widths fit
        cap = (low + high + 1) // 2
        if sum(min(n, max(cap, m)) for n, m in zip(natural, minimum, strict=True)) <= budget:
            low = cap
        else:
            high = cap - 1
    return [min(n, max(low, m)) for n, m in zip(natural, minimum, strict=True)]


def _numeric(columns: list[str], rows: list[dict[str, Any]]) -> set[int]:
    """Indexes of the columns that hold numbers only (right-aligned, never cut)."""
    return {i for i, c in enumerate(columns)
            if any(r.get(c) is not None for r in rows)
            and all(isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool)
                    for r in rows if r.get(c) is not None)}


def format_table(columns: list[str], rows: list[dict[str, Any]], width: int) -> tuple[str, list[str]]:
    """An aligned text table cut to `width`, and the columns left out for lack of room.

    Words are cut (…) and columns left out to fit; numbers never: a number column keeps its width
    and a number inside a cut text is dropped whole, since a cut "12.0…" reads as another number.
    An optional column empty in every row (`source`, `of`, `qualifier`) is left out altogether.
    """
    columns = [c for c in columns if c not in OPTIONAL or any(cell(row.get(c), c) for row in rows)]
    cells = [[cell(row.get(c), c) for c in columns] for row in rows]
    for name in ID_COLUMNS & set(columns):  # a prefix is enough to tell articles apart (vnie show takes it)
        i = columns.index(name)
        for r in cells:
            r[i] = r[i][:ID_PREFIX]
    numeric = _numeric(columns, rows)
    natural = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(columns)]
    wide = "sentence" if "sentence" in columns else "title"
    shown, hidden = list(range(len(columns))), []
    for name in HIDDEN_FIRST:  # too narrow for everything: drop url, title... before the sentence suffers
        rest = sum(min(natural[i], CELL_MAX) + 2 for i in shown if columns[i] != wide)
        if name in columns and name != wide and rest + SENTENCE_MIN > width:
            shown.remove(columns.index(name))
            hidden.append(name)

    def least(i: int) -> int:  # the narrowest a column may be: its heading, a whole number, date or id
        if columns[i] in ID_COLUMNS or columns[i] in DATES or i in numeric:
            return natural[i]
        # a text that starts with a number ("3.650 đảng viên") keeps room for that number
        lead = max((len(r[i].split()[0]) + 2 for r in cells
                    if r[i] and any(ch.isdigit() for ch in r[i].split()[0])), default=0)
        return min(natural[i], max(len(columns[i]), 4, lead))

    for name in HIDDEN_NEXT:  # a very narrow terminal: minor columns go before the sentence is unreadable
        rest = sum(least(i) + 2 for i in shown if columns[i] != wide)
        if name in columns and columns.index(name) in shown and rest + SENTENCE_MIN // 2 > width:
            shown.remove(columns.index(name))
            hidden.append(name)
    budget = width - 2 * (len(shown) - 1)
    minimum = [natural[i] if columns[i] in WHOLE else least(i) for i in shown]
    if sum(minimum) + SENTENCE_MIN // 2 > budget:  # dates give way too
        minimum = [least(i) for i in shown]
    widths = [natural[i] for i in shown]
    if wide in columns and sum(widths) > budget:
        # the sentence keeps what the others leave when each is held to CELL_MAX (at least SENTENCE_MIN)
        k = shown.index(columns.index(wide))
        others = [min(w, max(CELL_MAX, m))
                  for j, (w, m) in enumerate(zip(widths, minimum, strict=True)) if j != k]
        target = min(widths[k], max(SENTENCE_MIN, budget - sum(others)))
        rest = fit_widths([w for j, w in enumerate(widths) if j != k],
                          [m for j, m in enumerate(minimum) if j != k], budget - target)
        widths = [*rest[:k], min(widths[k], max(budget - sum(rest), minimum[k])), *rest[k:]]
    widths = fit_widths(widths, minimum, budget)  # a very narrow terminal: everything else gives way

    def line(values: list[str]) -> str:
        parts = []
        for (i, w), v in zip(zip(shown, widths, strict=True), values, strict=True):
            v = cut(v, w)
            parts.append(v.rjust(w) if i in numeric else v.ljust(w))
        return "  ".join(parts).rstrip()

    out = [line([columns[i] for i in shown]), line(["─" * w for w in widths])]
    out += [line([r[i] for i in shown]) for r in cells]
    return "\n".join(out), hidden


def write_rows(columns: list[str], rows: list[dict[str, Any]], fmt: str, stream: IO[str],
               width: int | None = None) -> list[str]:
    """Rows to `stream` as a table, CSV, JSON or JSON Lines; the columns a table left out."""
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:  # true/false as JSON and spreadsheets' importers read them
            writer.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()})
    else:
        table, hidden = format_table(columns, rows, width or shutil.get_terminal_size((120, 24)).columns)
        stream.write(table + "\n")
        return hidden
    return []


def _search_note(conn: sqlite3.Connection, filters: Filters, found: int) -> str | None:
    """What the reader should know about a --text search: an old index, or tone marks left out."""
    if not filters.text:
        return None
    if schema_version(conn) < SCHEMA_VERSION:
        return ("this database was written by an older vnie, whose text search ignores tone marks; "
                "`vnie run INPUT -o DIR` into the same DIR (or with --resume) updates it")
    if not found and not has_tone_marks(filters.text):
        return "tone marks count in --text (cát is not cắt): type them, e.g. --text 'học phí'"
    return None


def run(args: Any) -> int:
    """The `vnie query` command."""
    try:
        filters = Filters(directive=args.directive, org=args.org, province=args.province,
                          province_2025=args.province_2025, since=args.since, until=args.until,
                          text=args.text, source=args.source, measure=args.measure,
                          short_forms=args.short_forms, limit=args.limit, all_copies=args.all_copies)
    except ValueError as exc:
        print(f"vnie query: {exc}", file=sys.stderr)
        return 2
    try:
        conn = open_readonly(args.db)
    except StoreError as exc:
        print(f"vnie query: {exc}", file=sys.stderr)
        return 2
    try:
        columns, rows = QUERIES[args.what](conn, filters)
        note = _search_note(conn, filters, len(rows))
    except sqlite3.Error as exc:
        print(f"vnie query: cannot read {args.db}: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    hidden = write_rows(columns, rows, args.format, sys.stdout)
    if args.format == "table":
        shown = f"; hidden for width: {', '.join(hidden)} (--format csv or json shows all)" if hidden else ""
        print(f"{len(rows)} {args.what if len(rows) != 1 else args.what[:-1]}{shown}", file=sys.stderr)
    if note:
        print(f"vnie query: {note}", file=sys.stderr)
    return 0
