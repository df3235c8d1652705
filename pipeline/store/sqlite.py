"""The SQLite store: one row per article, child tables per extracted kind, FTS5 over the text.

`vnie run -o DIR` writes `DIR/vnie.db` beside the JSON Lines. Articles are upserted by id and
their child rows deleted and re-inserted, so re-running into the same DIR updates, never
duplicates. Writes are batched in transactions (WAL mode): a killed run leaves the last committed
batch, and `--resume` copies back whatever `records.jsonl` holds that the database does not.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DB_FILE = "vnie.db"
SCHEMA_VERSION = 1
COMMIT_EVERY = 200  # articles per transaction: fast, and a crash loses at most one batch


@dataclass(frozen=True)
class Column:
    """One column of a table: name, SQLite type (BOOLEAN is stored as 0/1) and meaning."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    """One table of the store, described once for the DDL, Datasette, exports and docs."""

    name: str
    description: str
    columns: tuple[Column, ...]


def _child(*columns: tuple[str, str, str]) -> tuple[Column, ...]:
    """Columns of a per-article child table: the article key and the item's position first."""
    head = (Column("article_id", "TEXT", "the article (articles.id)"),
            Column("seq", "INTEGER", "position of the item in the record's list, from 0"))
    return head + tuple(Column(*c) for c in columns)


SPAN = (("field", "TEXT", "the string the offsets index: text, title, captions.N or meta.N"),
        ("start", "INTEGER", "start character offset in that field"),
        ("end", "INTEGER", "end character offset (exclusive) in that field"))

TABLES: tuple[Table, ...] = (
    Table("articles", "One row per article record (the JSON record's scalar fields, lists as JSON).", tuple(
        Column(*c) for c in (
            ("id", "TEXT", "stable article id: the same input gives the same id on every run"),
            ("path", "TEXT", "source.path: the input as given, path#N for the N-th record of a container"),
            ("url", "TEXT", "source.url, or null"),
            ("outlet", "TEXT", "source.outlet: the site's host without www., from the URL or a source line"),
            ("format", "TEXT", "source.format: txt, html, jsonl or warc"),
            ("lang", "TEXT", "detected language, vi for Vietnamese"),
            ("province", "TEXT", "the province the article is about (short name), or null"),
            ("title", "TEXT", "the headline"),
            ("published", "TEXT", "publication time shown on the page, ISO: 2021-04-12T06:35 or 2021-04-12"),
            ("month", "TEXT", "YYYY-MM of published, for counting by month"),
            ("authors", "TEXT", "byline names, a JSON list"),
            ("text", "TEXT", "the clean body: paragraphs joined by a blank line"),
            ("captions", "TEXT", "photo captions, a JSON list"),
            ("meta", "TEXT", "meta lines (dateline, byline, source line), a JSON list"),
            ("boilerplate", "TEXT", "removed site lines, a JSON list, kept for audit"),
            ("n_entities", "INTEGER", "number of entity mentions (rows in mentions)"),
            ("n_directives", "INTEGER", "number of distinct directives"),
            ("n_figures", "INTEGER", "number of figures"),
            ("n_dates", "INTEGER", "number of date expressions"),
            ("n_organizations", "INTEGER", "number of distinct organisations"),
            ("n_people", "INTEGER", "number of distinct people"),
            ("n_locations", "INTEGER", "number of distinct places"),
        ))),
    Table("figures", "One row per reported quantity (spec section 4).", _child(
        ("value", "REAL", "the number, Vietnamese format read (3.650 -> 3650, 97,5% -> 97.5)"),
        ("unit", "TEXT", "the counted noun as written, % or the currency"),
        ("qualifier", "TEXT", "approx, more_than, at_least, at_most, less_than, or null"),
        ("is_target", "BOOLEAN", "1 when the number is a goal, plan or quota rather than a result"),
        ("subject", "TEXT", "the organisation the figure is about, when the sentence says it"),
        ("time", "TEXT", "the period or date the figure refers to (ISO), when the sentence says it"),
        ("sentence", "TEXT", "the whole sentence the figure is in"),
        ("text", "TEXT", "the figure as written"),
        *SPAN)),
    Table("directives", "One row per article and directive (a Party or State document referred to).", _child(
        ("directive_id", "TEXT", "canonical id: 05-CT/TW, 30/2020/NĐ-CP, or type and number/name as written"),
        ("kind", "TEXT", "full type name: Chỉ thị, Nghị quyết, Quyết định..."),
        ("number", "TEXT", "the number as written"),
        ("issuer", "TEXT", "the issuing body when stated or implied (Bộ Chính trị...)"),
        ("issued", "TEXT", "ISO date of issue when stated"),
        ("title", "TEXT", "the quoted subject when given"),
        ("text", "TEXT", "the first mention as written"),
        ("mentions", "INTEGER", "how many times the article mentions it"))),
    Table("organizations", "One row per article and distinct organisation.", _child(
        ("name", "TEXT", "the organisation's name (long form)"),
        ("acronym", "TEXT", "the acronym the article defines for it, or null"),
        ("mentions", "INTEGER", "how many times the article mentions it"))),
    Table("people", "One row per article and distinct person (bylines are in articles.authors).", _child(
        ("name", "TEXT", "the person's name"),
        ("role", "TEXT", "the role given in the article, or null"),
        ("mentions", "INTEGER", "how many times the article mentions them"))),
    Table("locations", "One row per article and distinct place.", _child(
        ("name", "TEXT", "the place's name without the administrative word"),
        ("level", "TEXT", "country, province, district or commune, when known"),
        ("mentions", "INTEGER", "how many times the article mentions it"))),
    Table("dates", "One row per date expression (spec section 5).", _child(
        ("value", "TEXT", "ISO 8601: day, month, year, interval 2016/2020 or open interval 2016/.."),
        ("text", "TEXT", "the expression as written"),
        ("inferred", "BOOLEAN", "1 when the year was not written and was taken from the article"),
        *SPAN)),
    Table("mentions", "One row per entity mention (the record's entities), with what it refers to.", _child(
        ("type", "TEXT", "ORG, PER, LOC, DIRECTIVE, DATE or FIGURE"),
        ("text", "TEXT", "the mention as written"),
        *SPAN,
        ("ref", "TEXT", "what it mentions: directive id, name, figure value or date value"))),
    Table("errors", "One row per input that could not become a record.", tuple(Column(*c) for c in (
        ("id", "TEXT", "stable id of the input"),
        ("path", "TEXT", "the input as given"),
        ("url", "TEXT", "its URL, or null"),
        ("type", "TEXT", "error type: empty, binary, undecodable, bad_json, no_body, timeout..."),
        ("message", "TEXT", "what went wrong and what a person can do about it"),
    ))),
)
TABLE_BY_NAME = {table.name: table for table in TABLES}
CHILD_TABLES = tuple(t.name for t in TABLES if t.columns[0].name == "article_id")

INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
    "CREATE INDEX IF NOT EXISTS articles_province ON articles(province)",
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet)",
    "CREATE INDEX IF NOT EXISTS directives_id ON directives(directive_id COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS figures_subject ON figures(subject)",
    "CREATE INDEX IF NOT EXISTS organizations_name ON organizations(name)",
    "CREATE INDEX IF NOT EXISTS people_name ON people(name)",
    "CREATE INDEX IF NOT EXISTS locations_name ON locations(name)",
    "CREATE INDEX IF NOT EXISTS mentions_ref ON mentions(type, ref)",
)

# External-content FTS5 over the article text, kept in step by triggers (the layout Datasette's
# search box recognises); remove_diacritics folds "dang" onto "đăng", not "đ" onto "d".
FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, captions, "
    "content=\"articles\", content_rowid=\"rowid\", tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text, captions) VALUES (new.rowid, new.title, new.text, "
    "new.captions); END",
    "CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text, captions) "
    "VALUES ('delete', old.rowid, old.title, old.text, old.captions); END",
    "CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text, captions) "
    "VALUES ('delete', old.rowid, old.title, old.text, old.captions); "
    "INSERT INTO articles_fts(rowid, title, text, captions) VALUES (new.rowid, new.title, new.text, "
    "new.captions); END",
)


def _quote(name: str) -> str:
    """A quoted SQL identifier ("end" is a keyword)."""
    return '"' + name.replace('"', '""') + '"'


def table_ddl(table: Table) -> str:
    """CREATE TABLE for one table, with its keys."""
    columns = []
    for column in table.columns:
        decl = f"{_quote(column.name)} {column.type}"
        if column.name == "id":
            decl += " PRIMARY KEY"
        elif column.name == "article_id":
            decl += " NOT NULL REFERENCES articles(id) ON DELETE CASCADE"
        columns.append(decl)
    if table.name in CHILD_TABLES:
        columns.append("PRIMARY KEY (article_id, seq)")
    return f"CREATE TABLE IF NOT EXISTS {table.name} (\n  " + ",\n  ".join(columns) + "\n)"


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store; read-only ones fail clearly when the file is missing."""
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise FileNotFoundError(f"no database at {path}; `vnie run INPUT -o DIR` writes DIR/{DB_FILE}")
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
    conn.row_factory = sqlite3.Row
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Tables, indexes, FTS and triggers (idempotent); refuse a database of another schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        raise RuntimeError(f"database schema version {version} is not {SCHEMA_VERSION}; "
                           "delete the file (or write to a new -o DIR) to rebuild it")
    with conn:
        for table in TABLES:
            conn.execute(table_ddl(table))
        for statement in (*INDEXES, *FTS):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _real(value: Any) -> float | None:
    """A figure's value as the REAL column holds it (an int past 2**63, "326 triệu nghìn tỷ", fits)."""
    return None if value is None else float(value)


def _span(item: dict[str, Any]) -> tuple[Any, Any, Any]:
    return item.get("field") or "text", item.get("start"), item.get("end")


def _refs(record: dict[str, Any]) -> dict[tuple[str, str, int, int], str]:
    """(type, field, start, end) of every mention -> the directive id, name or value it refers to."""
    refs: dict[tuple[str, str, int, int], str] = {}
    groups = (("DIRECTIVE", "directives", "id"), ("ORG", "organizations", "name"),
              ("PER", "people", "name"), ("LOC", "locations", "name"))
    for kind, key, attr in groups:
        for item in record.get(key) or []:
            for mention in item.get("mentions") or []:
                refs.setdefault((kind, *_span(mention)), item.get(attr))
    for kind, key in (("FIGURE", "figures"), ("DATE", "dates")):
        for item in record.get(key) or []:
            value = item.get("value")
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            refs.setdefault((kind, *_span(item)), None if value is None else str(value))
    return refs


def article_rows(record: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one record becomes, per table, in column order."""
    source = record.get("source") or {}
    published = record.get("published")
    lists = {key: record.get(key) or [] for key in
             ("entities", "directives", "figures", "dates", "organizations", "people", "locations")}
    rid = record["id"]
    rows: dict[str, list[tuple[Any, ...]]] = {"articles": [(
        rid, source.get("path"), source.get("url"), source.get("outlet"), source.get("format"),
        record.get("lang"), record.get("province"), record.get("title"), published,
        published[:7] if published and len(published) >= 7 else None,
        _dump(record.get("authors") or []), record.get("text") or "", _dump(record.get("captions") or []),
        _dump(record.get("meta") or []), _dump(record.get("boilerplate") or []),
        *(len(lists[key]) for key in lists),
    )]}
    rows["figures"] = [(rid, i, _real(f.get("value")), f.get("unit"), f.get("qualifier"),
                        bool(f.get("is_target")), f.get("subject"), f.get("time"), f.get("sentence"),
                        f.get("text"), *_span(f))
                       for i, f in enumerate(lists["figures"])]
    rows["directives"] = [(rid, i, d.get("id"), d.get("kind"), d.get("number"), d.get("issuer"),
                           d.get("issued"), d.get("title"),
                           d.get("text") or next((m.get("text") for m in d.get("mentions") or []), None),
                           len(d.get("mentions") or []))
                          for i, d in enumerate(lists["directives"])]
    rows["organizations"] = [(rid, i, o.get("name"), o.get("acronym"), len(o.get("mentions") or []))
                             for i, o in enumerate(lists["organizations"])]
    rows["people"] = [(rid, i, p.get("name"), p.get("role"), len(p.get("mentions") or []))
                      for i, p in enumerate(lists["people"])]
    rows["locations"] = [(rid, i, loc.get("name"), loc.get("level"), len(loc.get("mentions") or []))
                         for i, loc in enumerate(lists["locations"])]
    rows["dates"] = [(rid, i, d.get("value"), d.get("text"), bool(d.get("inferred")), *_span(d))
                     for i, d in enumerate(lists["dates"])]
    refs = _refs(record)
    rows["mentions"] = [(rid, i, e.get("type"), e.get("text"), *_span(e),
                         refs.get((e.get("type"), *_span(e)))) for i, e in enumerate(lists["entities"])]
    return rows


def _insert_sql(table: Table, upsert_key: str | None = None) -> str:
    names = [c.name for c in table.columns]
    sql = (f"INSERT INTO {table.name} ({', '.join(map(_quote, names))}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    if upsert_key:
        updates = ", ".join(f"{_quote(n)} = excluded.{_quote(n)}" for n in names if n != upsert_key)
        sql += f" ON CONFLICT({upsert_key}) DO UPDATE SET {updates}"
    return sql


INSERT_SQL = {t.name: _insert_sql(t, "id" if t.name in ("articles", "errors") else None) for t in TABLES}


def _delete_article(conn: sqlite3.Connection, article_id: str, keep_article: bool) -> None:
    """Remove an article's child rows (and, unless kept for an upsert, the article itself)."""
    for name in CHILD_TABLES:
        conn.execute(f"DELETE FROM {name} WHERE article_id = ?", (article_id,))
    if not keep_article:
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def upsert_record(conn: sqlite3.Connection, record: dict[str, Any]) -> None:
    """Insert or replace one article and all its child rows (caller commits)."""
    rows = article_rows(record)
    # child rows first: upserting the article keeps its rowid, so the FTS row is updated in place
    _delete_article(conn, record["id"], keep_article=True)
    conn.execute("DELETE FROM errors WHERE id = ?", (record["id"],))
    for name, table_rows in rows.items():
        if table_rows:
            conn.executemany(INSERT_SQL[name], table_rows)


def upsert_error(conn: sqlite3.Connection, error: dict[str, Any]) -> None:
    """Insert or replace one error record; an article of the same id no longer stands (caller commits)."""
    source, info = error.get("source") or {}, error.get("error") or {}
    _delete_article(conn, error["id"], keep_article=False)
    conn.execute(INSERT_SQL["errors"], (error["id"], source.get("path"), source.get("url"),
                                        info.get("type"), info.get("message")))


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Objects of a JSON Lines file, skipping a half-written line a killed run may have left."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def storable(value: Any, key: str = "") -> Any:
    """A record SQLite can hold: a path with non-UTF-8 bytes as those bytes (a BLOB, lossless, as
    os.fsencode gives them), any other lone surrogate shown as its escape."""
    if isinstance(value, dict):
        return {name: storable(inner, name) for name, inner in value.items()}
    if isinstance(value, list):
        return [storable(inner) for inner in value]
    if isinstance(value, str) and any("\ud800" <= char <= "\udfff" for char in value):
        if key == "path":
            try:
                return value.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                pass
        return "".join(f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char for char in value)
    return value


class SqliteSink:
    """Records and error records into the SQLite store, committed in batches."""

    def __init__(self, path: Path | str, commit_every: int = COMMIT_EVERY):
        self.path = Path(path)
        self.conn = connect(self.path)
        create_schema(self.conn)
        self.commit_every = commit_every
        self.pending = 0
        self.counts = {"record": 0, "error": 0}

    def write(self, kind: str, obj: dict[str, Any]) -> None:
        """Upsert one record ("record") or error record ("error"), all of its rows or none."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")  # else releasing the outermost savepoint would commit each article
        self.conn.execute("SAVEPOINT article")
        upsert = upsert_record if kind == "record" else upsert_error
        try:
            try:
                upsert(self.conn, obj)
            except UnicodeEncodeError:  # a lone surrogate: a non-UTF-8 file name, a crawler's "\ud800"
                self.conn.execute("ROLLBACK TO article")
                upsert(self.conn, storable(obj))
        except BaseException:
            self.conn.execute("ROLLBACK TO article")  # never half an article, even when committed later
            raise
        finally:
            self.conn.execute("RELEASE article")
        self.counts[kind] += 1
        self.pending += 1
        if self.pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        """End the current transaction."""
        self.conn.commit()
        self.pending = 0

    def backfill(self, out_dir: Path, jsonl_ids: set[str] | None = None) -> int:
        """Copy in what DIR's JSON Lines hold and the database lacks (after a crash); the count copied.

        `jsonl_ids`, the ids the JSON Lines hold when the caller has read them, spares reading them
        again when the database has them all (the usual case).
        """
        stored = self.conn.execute("SELECT id FROM articles UNION ALL SELECT id FROM errors")
        known = {row[0] for row in stored}
        if jsonl_ids is not None and jsonl_ids <= known:
            return 0
        copied = 0
        for kind, name in (("record", "records.jsonl"), ("error", "errors.jsonl")):
            for obj in _jsonl(out_dir / name):
                if obj.get("id") and obj["id"] not in known:
                    self.write(kind, obj)
                    known.add(obj["id"])
                    copied += 1
        self.commit()
        return copied

    def close(self) -> None:
        """Commit what is pending and close."""
        self.commit()
        self.conn.close()

    def __enter__(self) -> SqliteSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sink(out_dir: Path, resume: bool = False, jsonl_ids: set[str] | None = None) -> SqliteSink:
    """The store of a run into DIR: `DIR/vnie.db`, completed from DIR's JSON Lines when resuming."""
    sink = SqliteSink(out_dir / DB_FILE)
    if resume:
        sink.backfill(out_dir, jsonl_ids)
        sink.counts = {"record": 0, "error": 0}
    return sink


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table of the store."""
    return {t.name: conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
