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

import regex

from pipeline.kinds import SPAN_COLUMNS, Column, item_span, registered_kinds

DB_FILE = "vnie.db"
SCHEMA_VERSION = 2  # 2: full-text search keeps tone marks (1 folded them); a version-1 file is migrated
COMMIT_EVERY = 200  # articles per transaction: fast, and a crash loses at most one batch


@dataclass(frozen=True)
class Table:
    """One table of the store, described once for the DDL, Datasette, exports and docs."""

    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def is_child(self) -> bool:
        """Whether its rows belong to one article (keyed by article_id and seq)."""
        return self.columns[0].name == "article_id"


CHILD_KEY = (Column("article_id", "TEXT", "the article (articles.id)"),
             Column("seq", "INTEGER", "position of the item in the record's list, from 0"))
ARTICLE_COLUMNS = tuple(Column(*c) for c in (
    ("id", "TEXT", "stable article id: the same input gives the same id on every run"),
    ("path", "TEXT", "source.path: the input as given, path#N for the N-th record of a container"),
    ("url", "TEXT", "source.url, or null"),
    ("outlet", "TEXT", "source.outlet: the site's host without www., from the URL or a source line"),
    ("format", "TEXT", "source.format: txt, html, jsonl or warc"),
    ("lang", "TEXT", "detected language, vi for Vietnamese"),
    ("province", "TEXT", "the province the article is about as of its publication date (short name of "
                         "rules/provinces.yml), or null"),
    ("province_2025", "TEXT", "the province after the 1 July 2025 merger (one of 34) that province is in"),
    ("title", "TEXT", "the headline"),
    ("published", "TEXT", "publication time shown on the page, ISO: 2021-04-12T06:35 or 2021-04-12",
     "timestamp"),
    ("month", "TEXT", "YYYY-MM of published, for counting by month"),
    ("story_id", "TEXT", "near-duplicate copies of one report share it: the id of its first stored copy"),
    ("original", "BOOLEAN", "1 for the story's earliest published copy, 0 for its republished copies; "
                            "count stories with WHERE original = 1"),
    ("authors", "TEXT", "byline names, a JSON list", "list"),
    ("text", "TEXT", "the clean body: paragraphs joined by a blank line"),
    ("captions", "TEXT", "photo captions, a JSON list", "list"),
    ("meta", "TEXT", "meta lines (dateline, byline, source line), a JSON list", "list"),
    ("boilerplate", "TEXT", "removed site lines, a JSON list, kept for audit", "list"),
    ("n_entities", "INTEGER", "number of entity mentions (rows in mentions)"),
))
ARTICLES_DESCRIPTION = "One row per article record (the JSON record's scalar fields, lists as JSON)."
MENTIONS_DESCRIPTION = "One row per entity mention (the record's entities), with what it refers to."
ERRORS = Table("errors", "One row per input that could not become a record.", tuple(Column(*c) for c in (
    ("id", "TEXT", "stable id of the input"),
    ("path", "TEXT", "the input as given"),
    ("url", "TEXT", "its URL, or null"),
    ("type", "TEXT", "error type: empty, binary, undecodable, bad_json, no_body, timeout..."),
    ("message", "TEXT", "what went wrong and what a person can do about it"),
)))


def tables() -> tuple[Table, ...]:
    """Every table of the store: articles, one per registered kind, mentions and errors."""
    registered = registered_kinds()
    counts = tuple(Column(f"n_{spec.field}", "INTEGER", f"number of {spec.field} found")
                   for spec in registered)
    articles = Table("articles", ARTICLES_DESCRIPTION, ARTICLE_COLUMNS + counts)
    per_kind = tuple(Table(spec.field, spec.description, CHILD_KEY + spec.columns) for spec in registered)
    mention_columns = (
        Column("type", "TEXT", ", ".join(spec.label for spec in registered)),
        Column("text", "TEXT", "the mention as written"),
        *SPAN_COLUMNS,
        Column("ref", "TEXT", "what it mentions: directive id, name, figure value or date value"),
    )
    mentions = Table("mentions", MENTIONS_DESCRIPTION, (*CHILD_KEY, *mention_columns))
    return (articles, *per_kind, mentions, ERRORS)


def table(name: str) -> Table:
    """One table by name."""
    return next(t for t in tables() if t.name == name)


def child_tables() -> tuple[str, ...]:
    """Names of the tables whose rows belong to one article."""
    return tuple(t.name for t in tables() if t.is_child)


def indexes() -> tuple[str, ...]:
    """CREATE INDEX statements: the articles' filters, each kind's own, and mentions by reference."""
    wanted = [("articles", "published"), ("articles", "province"), ("articles", "outlet"),
              ("articles", "province_2025"), ("articles", "story_id")]
    wanted += [(spec.field, column) for spec in registered_kinds() for column in spec.indexes]
    wanted.append(("mentions", "type, ref"))
    return tuple(f"CREATE INDEX IF NOT EXISTS {_index_name(name, column)} ON {name}({column})"
                 for name, column in wanted)


def _index_name(table_name: str, column: str) -> str:
    """An index name from its table and columns: directives_directive_id, mentions_type_ref."""
    return "_".join([table_name, *regex.findall(r"\w+", column.split(" COLLATE")[0])])


# External-content FTS5 over the article text, kept in step by triggers (the layout Datasette's
# search box recognises). Tokens are words split at spaces and punctuation, lower-cased, with their
# tone marks kept (remove_diacritics 0): Vietnamese tells words apart by tone, and folding them made
# "cát" (sand) match "cắt" (cut) and "các" match "cá". Phrases ("học phí") are FTS5 phrase queries.
FTS_TOKENIZER = "unicode61 remove_diacritics 0"
FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, captions, "
    f"content=\"articles\", content_rowid=\"rowid\", tokenize='{FTS_TOKENIZER}')",
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


def better_copy(other: str, this: str) -> str:
    """SQL: article `other` is a copy of the same story as `this` that counts before it (the original,
    then the earliest published, then the smallest id), so `this` repeats what `other` says."""
    return (f"({other}.story_id = {this}.story_id AND {other}.id <> {this}.id AND ({other}.original > "
            f"{this}.original OR ({other}.original = {this}.original AND (coalesce({other}.published, '~') < "
            f"coalesce({this}.published, '~') OR (coalesce({other}.published, '~') = "
            f"coalesce({this}.published, '~') AND {other}.id < {this}.id)))))")


def figure_counts_once(figure: str = "f", article: str = "a") -> str:
    """SQL: a figure row that no earlier copy of its story also reports (same value and unit):
    a republished figure counts once, a figure only a later copy adds still counts."""
    return (f"NOT EXISTS (SELECT 1 FROM articles c JOIN figures cf ON cf.article_id = c.id "
            f"WHERE {better_copy('c', article)} AND cf.value IS {figure}.value AND cf.unit IS {figure}.unit)")


# Views a dashboard reads as tables: each counts a story (an article and its republished copies) once.
VIEWS = (
    "CREATE VIEW IF NOT EXISTS figures_by_province_year AS "
    "SELECT a.province, a.province_2025, substr(a.published, 1, 4) AS year, count(*) AS figures, "
    "sum(f.is_target) AS targets, count(DISTINCT a.story_id) AS stories, count(DISTINCT a.id) AS articles "
    f"FROM figures f JOIN articles a ON a.id = f.article_id WHERE {figure_counts_once()} "
    "GROUP BY a.province, a.province_2025, year",
)
VIEW_DESCRIPTIONS = {
    "figures_by_province_year": "Figures reported per province (as of the article's date, and after the "
                                "2025 merger) and year of publication; a figure republished by copies of "
                                "one story counts once. stories: distinct stories; articles: articles "
                                "(copies included) the figures come from.",
}


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
    if table.is_child:
        columns.append("PRIMARY KEY (article_id, seq)")
    return f"CREATE TABLE IF NOT EXISTS {table.name} (\n  " + ",\n  ".join(columns) + "\n)"


FTS_OBJECTS = ("TRIGGER articles_ai", "TRIGGER articles_ad", "TRIGGER articles_au", "TABLE articles_fts")


class StoreError(Exception):
    """A database cannot be read: missing, not SQLite, not written by vnie, or by a newer vnie."""


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
    """Tables, indexes, FTS and triggers (idempotent), migrating a version-1 file; refuse other versions."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, 1, SCHEMA_VERSION):
        raise RuntimeError(f"database schema version {version} is not {SCHEMA_VERSION}; "
                           "delete the file (or write to a new -o DIR) to rebuild it")
    with conn:
        if version == 1:  # only the full-text index changed: drop it, and rebuild it below
            for kind_name in FTS_OBJECTS:
                conn.execute(f"DROP {kind_name.split()[0]} IF EXISTS {kind_name.split()[1]}")
        for table in tables():
            conn.execute(table_ddl(table))
            _add_missing_columns(conn, table)
        for statement in (*indexes(), *FTS, *VIEWS):
            conn.execute(statement)
        if version == 1:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _add_missing_columns(conn: sqlite3.Connection, table: Table) -> None:
    """Columns a newer vnie derives for a table (a kind's new field) added to a file written before."""
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
    for column in table.columns:
        if column.name not in present:
            conn.execute(f"ALTER TABLE {table.name} ADD COLUMN {_quote(column.name)} {column.type}")


def database_path(path: Path | str) -> Path:
    """The file a --db value names: the file itself, or DIR/vnie.db when it is a run's folder."""
    path = Path(path)
    return path / DB_FILE if path.is_dir() else path


def open_store(path: Path | str) -> sqlite3.Connection:
    """A read-only connection to a vnie database (a file or a run's folder); StoreError says what is wrong."""
    db = database_path(path)
    if not db.exists():
        where = f"{path} has no {DB_FILE}" if Path(path).is_dir() else f"no database at {db}"
        raise StoreError(f"{where}; `vnie run INPUT -o DIR` writes DIR/{DB_FILE} (give --db DIR or the file)")
    if not db.is_file():
        raise StoreError(f"{db} is not a file; give --db the {DB_FILE} that `vnie run -o DIR` writes, or DIR")
    conn = connect(db, readonly=True)
    try:
        version = schema_version(conn)
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        what = "cannot be read" if isinstance(exc, sqlite3.OperationalError) else "is not an SQLite database"
        raise StoreError(f"{db} {what} ({exc}); give --db the {DB_FILE} that `vnie run -o DIR` writes, "
                         "or DIR") from exc
    if version == 0 or not {t.name for t in tables()} <= present:
        conn.close()
        raise StoreError(f"{db} is an SQLite database, but not one vnie wrote (it lacks vnie's tables); "
                         f"`vnie run INPUT -o DIR` writes DIR/{DB_FILE}")
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{db} was written by a newer vnie (schema {version}; this one reads up to "
                         f"{SCHEMA_VERSION}): upgrade vnie (pip install -U vnie)")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version a database was written with (PRAGMA user_version)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _dump(value: Any) -> str:
    """A list or object column as JSON text, Vietnamese letters as written."""
    return json.dumps(value, ensure_ascii=False)


def _references(record: dict[str, Any]) -> dict[tuple[Any, ...], str | None]:
    """(type, field, start, end) of every mention -> the directive id, name or value it refers to."""
    refs: dict[tuple[Any, ...], str | None] = {}
    for spec in registered_kinds():
        for item in record.get(spec.field) or []:
            for span, ref in spec.refs(item):
                refs.setdefault((spec.label, *span), ref)
    return refs


def article_rows(record: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one record becomes, per table, in column order."""
    source = record.get("source") or {}
    published = record.get("published")
    entities = record.get("entities") or []
    rid = record["id"]
    rows: dict[str, list[tuple[Any, ...]]] = {"articles": [(
        rid, source.get("path"), source.get("url"), source.get("outlet"), source.get("format"),
        record.get("lang"), record.get("province"), record.get("province_2025"), record.get("title"),
        published,
        published[:7] if published and len(published) >= 7 else None,
        record.get("story_id") or rid, 1 if record.get("original") is not False else 0,
        _dump(record.get("authors") or []), record.get("text") or "", _dump(record.get("captions") or []),
        _dump(record.get("meta") or []), _dump(record.get("boilerplate") or []),
        len(entities), *(len(record.get(spec.field) or []) for spec in registered_kinds()),
    )]}
    for spec in registered_kinds():
        rows[spec.field] = [(rid, i, *spec.row(item)) for i, item in enumerate(record.get(spec.field) or [])]
    refs = _references(record)
    rows["mentions"] = [(rid, i, e.get("type"), e.get("text"), *item_span(e),
                         refs.get((e.get("type"), *item_span(e)))) for i, e in enumerate(entities)]
    return rows


def _insert_sql(table: Table, upsert_key: str | None = None) -> str:
    """The INSERT of a table's rows; with `upsert_key`, a row of the same key is replaced in place."""
    names = [c.name for c in table.columns]
    sql = (f"INSERT INTO {table.name} ({', '.join(map(_quote, names))}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    if upsert_key:
        updates = ", ".join(f"{_quote(n)} = excluded.{_quote(n)}" for n in names if n != upsert_key)
        sql += f" ON CONFLICT({upsert_key}) DO UPDATE SET {updates}"
    return sql


_STATEMENTS: dict[tuple[int, ...], dict[str, str]] = {}


def insert_statements() -> dict[str, str]:
    """INSERT (or upsert, for articles and errors) per table, built once per set of registered kinds."""
    key = tuple(map(id, registered_kinds()))
    if key not in _STATEMENTS:
        _STATEMENTS[key] = {t.name: _insert_sql(t, None if t.is_child else "id") for t in tables()}
    return _STATEMENTS[key]


def _delete_article(conn: sqlite3.Connection, article_id: str, keep_article: bool) -> None:
    """Remove an article's child rows (and, unless kept for an upsert, the article itself)."""
    for name in child_tables():
        conn.execute(f"DELETE FROM {name} WHERE article_id = ?", (article_id,))
    if not keep_article:
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def upsert_record(conn: sqlite3.Connection, record: dict[str, Any]) -> None:
    """Insert or replace one article and all its child rows (caller commits)."""
    rows = article_rows(record)
    # child rows first: upserting the article keeps its rowid, so the FTS row is updated in place
    _delete_article(conn, record["id"], keep_article=True)
    conn.execute("DELETE FROM errors WHERE id = ?", (record["id"],))
    statements = insert_statements()
    for name, table_rows in rows.items():
        if table_rows:
            conn.executemany(statements[name], table_rows)


def upsert_error(conn: sqlite3.Connection, error: dict[str, Any]) -> None:
    """Insert or replace one error record; an article of the same id no longer stands (caller commits)."""
    source, info = error.get("source") or {}, error.get("error") or {}
    _delete_article(conn, error["id"], keep_article=False)
    conn.execute(insert_statements()["errors"], (error["id"], source.get("path"), source.get("url"),
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
    return {t.name: conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in tables()}
