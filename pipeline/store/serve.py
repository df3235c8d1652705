"""`vnie serve`: Datasette over the store, with titles, column descriptions and canned queries.

The database is always named `vnie` in URLs (`/vnie/figures.json`), whatever the file is called,
so links and dashboards keep working when the file moves.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pipeline.store.sqlite import VIEW_DESCRIPTIONS, better_copy, figure_counts_once, tables

DB_NAME = "vnie"

FIGURES_UNDER_DIRECTIVE = """SELECT a.outlet, a.published, a.title, a.url, f.subject AS organisation,
  f.value, f.unit, f.qualifier, f.is_target, f.time, f.sentence, a.id AS article_id
FROM figures f JOIN articles a ON a.id = f.article_id
WHERE f.article_id IN (SELECT article_id FROM directives WHERE directive_id = :directive COLLATE NOCASE)
  AND """ + figure_counts_once() + """
ORDER BY a.published IS NULL, a.published, a.id, f.seq"""

# one copy of a story per directive: a republished article does not count the directive again
ONE_COPY = ("NOT EXISTS (SELECT 1 FROM articles c JOIN directives cd ON cd.article_id = c.id "
            f"WHERE {better_copy('c', 'a')} AND cd.directive_id = d.directive_id)")

MENTIONS_BY_PROVINCE = f"""SELECT d.directive_id AS directive, max(d.kind) AS kind, a.province,
  a.province_2025, count(DISTINCT a.story_id) AS stories, sum(d.mentions) AS mentions
FROM directives d JOIN articles a ON a.id = d.article_id
WHERE {ONE_COPY}
GROUP BY d.directive_id, a.province, a.province_2025
ORDER BY mentions DESC, stories DESC, directive, a.province"""

MENTIONS_BY_MONTH = f"""SELECT d.directive_id AS directive, a.month, count(DISTINCT a.story_id) AS stories,
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
        "description": "Every figure of the articles that mention a directive, e.g. 05-CT/TW "
                       "(id as in the directives table, case-insensitive), with its sentence.",
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
    "figures": {"facets": ["unit", "qualifier", "is_target"]},
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


def make_datasette(db_path: Path | str) -> Any:
    """A Datasette instance serving the file as `vnie` (read-only: it opens the file with mode=ro)."""
    from datasette.app import Datasette
    from datasette.database import Database

    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}; `vnie run INPUT -o DIR` writes DIR/vnie.db")
    ds = Datasette(metadata=metadata(), settings={"default_page_size": 50, "sql_time_limit_ms": 3000})
    ds.remove_database("_memory")  # added when no file is given; we add ours under a fixed name
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


def run(args: Any) -> int:
    """The `vnie serve` command: serve until interrupted."""
    import uvicorn

    try:
        ds = make_datasette(args.db)
    except FileNotFoundError as exc:
        print(f"vnie serve: {exc}", file=sys.stderr)
        return 2
    print(f"vnie serve: http://{args.host}:{args.port}/{DB_NAME} (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning", lifespan="on")
    return 0
