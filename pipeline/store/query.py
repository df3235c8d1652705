"""`vnie query`: figures, directive mentions and articles from the SQLite store, filtered.

Tables for a terminal (aligned, long cells cut with … to its width), CSV and JSON for scripts
(every column, nothing cut).
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from pipeline.extract.province_list import province_list
from pipeline.store.sqlite import better_copy, connect, figure_counts_once

WHAT = ("figures", "directives", "articles")
FORMATS = ("table", "csv", "json")
SENTENCE_MIN = 40  # below this a sentence is unreadable: hide url/title before squeezing it further
HIDDEN_FIRST = ("url", "title")  # in a narrow terminal these go first; csv/json always have them
CELL_MAX = 22  # widest a column other than the sentence gets in a table
ID_COLUMNS = {"article", "id"}
# kept whole in a table while the terminal allows
WHOLE = ID_COLUMNS | {"outlet", "published", "month", "time", "value", "qualifier", "is_target", "articles",
                      "mentions", "figures", "directives", "organizations", "people", "locations"}
HIDDEN_NEXT = ("time", "is_target", "qualifier", "locations", "people", "organizations", "outlets", "kind",
               "issuer", "province_2025", "copies")
HEADERS = {"is_target": "target"}  # shorter table headings; csv and json keep the field names
ID_PREFIX = 10


def fold(text: str | None) -> str:
    """Lower case without diacritics (đ -> d), for case- and accent-insensitive matching."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


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
    short_forms: bool = False  # also count "Chỉ thị 05" where kind, number and issuer agree with the symbol
    limit: int | None = None
    all_copies: bool = False  # every republished copy of a story, not the story once


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
        names = {n for n in pool if fold(n) == fold(written)}
        if not after_merger and names:
            names = set().union(*(provinces.names(n) for n in names))
    return sorted(names or {written.strip()})


def open_readonly(path: str) -> sqlite3.Connection:
    """The store, read-only, with the folding function registered."""
    conn = connect(path, readonly=True)
    conn.create_function("vn_fold", 1, fold, deterministic=True)
    return conn


def fts_query(words: str) -> str:
    """An FTS5 query that needs every word (quoted, so punctuation cannot be read as syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.split())


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
    clauses, params = ["1"], {"short_forms": int(filters.short_forms)}
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
    return " AND ".join(clauses), params


def _limit(filters: Filters) -> str:
    return f" LIMIT {int(filters.limit)}" if filters.limit is not None else ""


FIGURE_COLUMNS = ("article", "outlet", "published", "organisation", "value", "unit", "qualifier",
                  "is_target", "time", "sentence", "title", "url")


def figures(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """One row per figure of the selected articles."""
    clause, params = where(filters, figure_subject=True)
    if not filters.all_copies:  # a figure a republished copy repeats counts once
        clause += f" AND {figure_counts_once()}"
    sql = f"""SELECT a.id AS article, a.outlet, a.published, f.subject AS organisation, f.value, f.unit,
      f.qualifier, f.is_target, f.time, f.sentence, a.title, a.url
    FROM figures f JOIN articles a ON a.id = f.article_id
    WHERE {clause}
    ORDER BY a.published IS NULL, a.published, a.id, f.seq{_limit(filters)}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    for row in rows:
        row["is_target"] = bool(row["is_target"])
        if isinstance(row["value"], float) and row["value"].is_integer():
            row["value"] = int(row["value"])
    return list(FIGURE_COLUMNS), rows


def directives(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """Mentions by directive, province and month."""
    clause, params = where(filters)
    if filters.directive:  # the directive filter selects articles; here only its own rows count
        clause += f" AND {directive_row('g')}"
    if not filters.all_copies:  # one copy of a story per directive: articles count stories
        clause += (" AND NOT EXISTS (SELECT 1 FROM articles c JOIN directives cg ON cg.article_id = c.id "
                   f"WHERE {better_copy('c', 'a')} AND cg.directive_id = g.directive_id)")
    sql = f"""SELECT g.directive_id AS directive, max(g.kind) AS kind, max(g.issuer) AS issuer,
      a.province, a.month, count(DISTINCT a.id) AS articles, sum(g.mentions) AS mentions,
      group_concat(DISTINCT a.outlet) AS outlets
    FROM directives g JOIN articles a ON a.id = g.article_id
    WHERE {clause}
    GROUP BY g.directive_id, a.province, a.month
    ORDER BY mentions DESC, articles DESC, g.directive_id, a.province, a.month{_limit(filters)}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    columns = ["directive", "kind", "issuer", "province", "month", "articles", "mentions", "outlets"]
    return columns, rows


def articles(conn: sqlite3.Connection, filters: Filters) -> tuple[list[str], list[dict[str, Any]]]:
    """One row per selected article, with how much was found in it."""
    clause, params = where(filters)
    if not filters.all_copies:  # one row per story: its original
        clause += " AND a.original = 1"
    sql = f"""SELECT a.id, a.published, a.outlet, a.province, a.province_2025,
      (SELECT count(*) FROM articles c WHERE c.story_id = a.story_id) AS copies, a.n_figures AS figures,
      a.n_directives AS directives, a.n_organizations AS organizations, a.n_people AS people,
      a.n_locations AS locations, a.title, a.url
    FROM articles a WHERE {clause}
    ORDER BY a.published IS NULL, a.published, a.id{_limit(filters)}"""
    rows = [dict(row) for row in conn.execute(sql, params)]
    columns = ["id", "published", "outlet", "province", "province_2025", "copies", "figures", "directives",
               "organizations", "people", "locations", "title", "url"]
    return columns, rows


QUERIES = {"figures": figures, "directives": directives, "articles": articles}


def cell(value: Any) -> str:
    """A value as a table shows it: blank for null, yes for true, one line."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    return " ".join(str(value).split())


def cut(text: str, width: int) -> str:
    """The text in at most `width` characters, … marking a cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


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


def format_table(columns: list[str], rows: list[dict[str, Any]], width: int) -> tuple[str, list[str]]:
    """An aligned text table cut to `width`, and the columns left out for lack of room."""
    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    for name in ID_COLUMNS & set(columns):  # a prefix is enough to tell articles apart (vnie show takes it)
        i = columns.index(name)
        for r in cells:
            r[i] = r[i][:ID_PREFIX]
    headers = [HEADERS.get(c, c) for c in columns]
    natural = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    wide = "sentence" if "sentence" in columns else "title"
    shown, hidden = list(range(len(columns))), []
    for name in HIDDEN_FIRST:  # too narrow for everything: drop url, then title, before the sentence suffers
        rest = sum(min(natural[i], CELL_MAX) + 2 for i in shown if columns[i] != wide)
        if name in columns and name != wide and rest + SENTENCE_MIN > width:
            shown.remove(columns.index(name))
            hidden.append(name)

    def least(i: int) -> int:  # the narrowest a column may be: its heading, or a whole date or id
        return natural[i] if columns[i] in ID_COLUMNS else min(natural[i], max(len(headers[i]), 4))

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
    widths = fit_widths(widths, minimum, budget)  # a very narrow terminal: everything gives way
    numeric = {i for i in shown if rows and all(isinstance(r.get(columns[i]), int | float)
                                                 and not isinstance(r.get(columns[i]), bool)
                                                 for r in rows if r.get(columns[i]) is not None)}

    def line(values: list[str]) -> str:
        parts = []
        for (i, w), v in zip(zip(shown, widths, strict=True), values, strict=True):
            v = cut(v, w)
            parts.append(v.rjust(w) if i in numeric else v.ljust(w))
        return "  ".join(parts).rstrip()

    out = [line([headers[i] for i in shown]), line(["─" * w for w in widths])]
    out += [line([r[i] for i in shown]) for r in cells]
    return "\n".join(out), hidden


def write_rows(columns: list[str], rows: list[dict[str, Any]], fmt: str, stream: IO[str],
               width: int | None = None) -> list[str]:
    """Rows to `stream` as a table, CSV or JSON; the columns a table left out."""
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
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


def run(args: Any) -> int:
    """The `vnie query` command."""
    filters = Filters(directive=args.directive, org=args.org, province=args.province,
                      province_2025=args.province_2025, since=args.since, until=args.until, text=args.text,
                      short_forms=args.short_forms, limit=args.limit, all_copies=args.all_copies)
    try:
        conn = open_readonly(args.db)
    except FileNotFoundError as exc:
        print(f"vnie query: {exc}", file=sys.stderr)
        return 2
    try:
        columns, rows = QUERIES[args.what](conn, filters)
    except sqlite3.OperationalError as exc:
        print(f"vnie query: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    hidden = write_rows(columns, rows, args.format, sys.stdout)
    if args.format == "table":
        note = f"; hidden for width: {', '.join(hidden)} (--format csv or json shows all)" if hidden else ""
        print(f"{len(rows)} {args.what if len(rows) != 1 else args.what[:-1]}{note}", file=sys.stderr)
    return 0
