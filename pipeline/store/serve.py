"""`vnie serve`: Datasette over the store, with titles, column descriptions and canned queries.

The database is always named `vnie` in URLs (`/vnie/figures.json`), whatever the file is called,
so links and dashboards keep working when the file moves. The server only reads: requests other
than GET and HEAD are refused with 405 before they reach Datasette (which answers a POST to a
read-only canned query or a table with a 500). Read-only SQL is allowed, as Datasette allows it by
default; `--no-sql` turns it off and leaves the tables and canned queries.
"""

from __future__ import annotations

import errno
import socket
import sys
from pathlib import Path
from typing import Any

from pipeline.store.sqlite import (
    VIEW_DESCRIPTIONS,
    StoreError,
    better_copy,
    database_path,
    figure_counts_once,
    open_store,
    tables,
)

DB_NAME = "vnie"

FIGURES_UNDER_DIRECTIVE = """SELECT a.outlet, a.published, a.title, a.url, f.source, f.subject, f.measure,
  f.text, f.value, f.unit, f."of", f.qualifier, f.is_target, f.time, f.sentence, f.field, f.start, f."end",
  f.article_id
FROM figures f JOIN articles a ON a.id = f.article_id
WHERE f.article_id IN (SELECT article_id FROM directives WHERE directive_id = :directive COLLATE NOCASE)
  AND """ + figure_counts_once() + """
ORDER BY a.published IS NULL, a.published, a.id, f.seq"""

# one copy of a story per directive: a republished article does not count the directive again
ONE_COPY = ("NOT EXISTS (SELECT 1 FROM articles c JOIN directives cd ON cd.article_id = c.id "
            f"WHERE {better_copy('c', 'a')} AND cd.directive_id = d.directive_id)")

MENTIONS_BY_PROVINCE = f"""SELECT d.directive_id, max(d.kind) AS kind, a.province,
  a.province_2025, count(DISTINCT a.story_id) AS stories, sum(d.mentions) AS mentions
FROM directives d JOIN articles a ON a.id = d.article_id
WHERE {ONE_COPY}
GROUP BY d.directive_id, a.province, a.province_2025
ORDER BY mentions DESC, stories DESC, d.directive_id, a.province"""

MENTIONS_BY_MONTH = f"""SELECT d.directive_id, a.month, count(DISTINCT a.story_id) AS stories,
  sum(d.mentions) AS mentions
FROM directives d JOIN articles a ON a.id = d.article_id
WHERE a.month IS NOT NULL AND {ONE_COPY}
GROUP BY d.directive_id, a.month
ORDER BY a.month, mentions DESC"""

FIGURES_BY_PROVINCE_AND_YEAR = """SELECT * FROM figures_by_province_year
ORDER BY province_2025 IS NULL, province_2025, province, year"""

ORGANISATIONS = """SELECT o.canonical, count(DISTINCT a.story_id) AS stories, sum(o.mentions) AS mentions,
  group_concat(DISTINCT o.name) AS written
FROM organizations o JOIN articles a ON a.id = o.article_id
WHERE a.original = 1
GROUP BY o.canonical
ORDER BY stories DESC, mentions DESC, o.canonical"""

QUERIES: dict[str, dict[str, str]] = {
    "figures_under_directive": {
        "title": "Figures reported under a directive",
        "description": "Who reported which figures under a directive, e.g. 05-CT/TW (id as in the "
                       "directives table, case-insensitive): every figure of the articles that mention "
                       "it, with its source, subject, measure, period and sentence.",
        "sql": FIGURES_UNDER_DIRECTIVE,
    },
    "directive_mentions_by_province": {
        "title": "Directive mentions by province",
        "description": "How many stories of each province (as of the article's date, and after the 2025 "
                       "merger) mention each directive, and how often; copies of a story count once.",
        "sql": MENTIONS_BY_PROVINCE,
    },
    "directive_mentions_by_month": {
        "title": "Directive mentions by month",
        "description": "Stories and mentions per directive and month of publication; copies of a story "
                       "count once.",
        "sql": MENTIONS_BY_MONTH,
    },
    "figures_by_province_and_year": {
        "title": "Figures by province and year",
        "description": VIEW_DESCRIPTIONS["figures_by_province_year"] + " The view figures_by_province_year "
                       "holds the same rows for a dashboard to read directly.",
        "sql": FIGURES_BY_PROVINCE_AND_YEAR,
    },
    "organisations": {
        "title": "Organisations by canonical name",
        "description": "Each body once (its canonical name: acronyms expanded, place completed), with the "
                       "stories that name it and the ways they write it.",
        "sql": ORGANISATIONS,
    },
}

TABLE_EXTRAS: dict[str, dict[str, Any]] = {
    "articles": {"label_column": "title",
                 "facets": ["outlet", "province", "province_2025", "month", "original"],
                 "sort_desc": "published"},
    "figures": {"facets": ["source", "subject", "unit", "is_target"]},
    "directives": {"facets": ["directive_id", "kind", "issuer"], "sort_desc": "mentions"},
    "organizations": {"sort_desc": "mentions"},
    "people": {"sort_desc": "mentions"},
    "locations": {"facets": ["level"], "sort_desc": "mentions"},
    "mentions": {"facets": ["type"]},
    "errors": {"facets": ["type"]},
}


def metadata() -> dict[str, Any]:
    """Datasette metadata: titles, table and column descriptions, canned queries."""
    described: dict[str, Any] = {
        table.name: {"description": table.description,
                     "columns": {c.name: c.description for c in table.columns},
                     **TABLE_EXTRAS.get(table.name, {})}
        for table in tables()
    }
    described["articles_fts"] = {"hidden": True}
    described["story_signatures"] = {"hidden": True}  # MinHash signatures the story index reloads
    described.update({name: {"description": text} for name, text in VIEW_DESCRIPTIONS.items()})
    return {
        "title": "vnie: Vietnamese news, extracted",
        "description": "Articles cleaned and read by vnie: the directives they cite, the figures they "
                       "report, and the organisations, people, places and dates they name.",
        "databases": {DB_NAME: {
            "title": "vnie records",
            "description": "One row per article in `articles`; one row per extracted item in the other "
                           "tables, joined on article_id. Search the text on the articles table.",
            "tables": described,
            "queries": QUERIES,
        }},
    }


def make_datasette(db_path: Path | str, allow_sql: bool = True) -> Any:
    """A Datasette instance serving the file (or a run's folder) as `vnie`, read-only (mode=ro)."""
    from datasette.app import Datasette
    from datasette.database import Database

    open_store(db_path).close()  # a clear StoreError for a missing, foreign or newer file
    path = database_path(db_path)
    settings = {"default_page_size": 50, "sql_time_limit_ms": 3000, "default_allow_sql": allow_sql}
    ds = Datasette(metadata=metadata(), settings=settings)
    ds.remove_database("_memory")  # added when no file is given; we add ours under a fixed name
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


READ_METHODS = ("GET", "HEAD")
REFUSED = b"vnie serve only reads: send GET (canned queries take their parameters in the URL)\n"


def read_only(app: Any) -> Any:
    """The ASGI app, answering anything but GET and HEAD with 405 instead of passing it on."""

    async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] not in READ_METHODS:
            await send({"type": "http.response.start", "status": 405, "headers": [
                (b"allow", ", ".join(READ_METHODS).encode()), (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(REFUSED)).encode())]})
            await send({"type": "http.response.body", "body": REFUSED})
            return
        await app(scope, receive, send)

    return guarded


class PortError(Exception):
    """The address to serve on cannot be taken."""


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (as the server will bind it); PortError says why not and what to do."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise PortError(f"cannot serve on host {host!r}: {exc.strerror}; give --host an address such as "
                        "127.0.0.1") from exc
    sock = socket.socket(family, kind, proto)
    # as uvicorn binds: a live listener blocks the port, connections in TIME_WAIT do not
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else 8001
            raise PortError(f"port {port} on {host} is already in use (another vnie serve?); "
                            f"choose another with --port, e.g. --port {other}") from exc
        if exc.errno == errno.EACCES:
            raise PortError(f"not allowed to listen on port {port}; ports below 1024 need privileges: "
                            "choose another with --port, e.g. --port 8001") from exc
        raise PortError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try another --host or --port"
                        ) from exc
    return sock


def run(args: Any) -> int:
    """The `vnie serve` command: serve until interrupted."""
    try:
        sock = listen(args.host, args.port)  # first: a busy port is the likeliest failure, and cheap to find
    except PortError as exc:
        print(f"vnie serve: {exc}", file=sys.stderr)
        return 2
    try:
        ds = make_datasette(args.db, allow_sql=not args.no_sql)
    except StoreError as exc:
        sock.close()
        print(f"vnie serve: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"vnie serve: http://{shown}:{port}/{DB_NAME} (Ctrl-C stops)", file=sys.stderr)
    config = uvicorn.Config(read_only(ds.app()), log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
    return 0
