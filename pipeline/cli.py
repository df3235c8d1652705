"""The `vnie` command: run the pipeline, score it against gold, query and show what it stored."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable

from pipeline import __version__, settings

EPILOG_RUN = """examples:
  vnie run corpus/ -o outputs/               every page under corpus/ into outputs/records.jsonl
  vnie run 'crawl/*.jsonl.gz' -o out/        crawler JSON Lines, gzipped, by glob
  cat page.html | vnie run - > records.jsonl  one page from stdin, records to stdout
  vnie run crawl/ -o out/                    again the next day: adds only new or changed pages
"""


def _run(args: argparse.Namespace) -> int:
    import gc

    # imports allocate objects that live as long as the process: collection passes over them find
    # nothing (the engine pauses it the same way while the models load: pipeline.engine.runner._warm_up)
    gc.disable()
    try:
        from pipeline.engine.job import run
    finally:
        gc.enable()
    try:  # the run's one settings object, checked where its fields are defined
        configured = settings.Settings.from_environment(
            timeout=args.timeout, max_bytes=args.max_bytes, memory_limit=args.max_memory * 1_000_000,
            debug=args.debug, url_dates=args.url_dates,
        )
    except ValueError as exc:
        print(f"vnie run: {exc}", file=sys.stderr)
        return 2
    try:
        return run(args, configured)
    finally:
        gc.unfreeze()  # called in a longer-lived process (tests): what the run loaded can go again


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_table, no_match_message, read_jsonl, score_extraction

    if not args.extraction_only and len(args.files) < 2:
        print("vnie eval: give RECORDS and at least one GOLD file", file=sys.stderr)
        return 2
    reading = args.files[0]
    try:
        if args.extraction_only:
            scores = score_extraction(args.files)
            problem = None if scores.matched else no_match_message([], [])
        else:
            records = read_jsonl(reading)
            if not all(isinstance(r, dict) for r in records):
                raise ValueError("its lines are not records (JSON objects)")
            golds = []
            for reading in args.files[1:]:
                golds += read_jsonl(reading)
                if not all(isinstance(g, dict) and isinstance(g.get("key"), dict) for g in golds):
                    raise ValueError('its lines have no "key" naming an article, so it is not gold '
                                     "(give RECORDS first, then GOLD)")
    except OSError as exc:
        print(f"vnie eval: cannot read {exc.filename or reading}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # not JSON Lines, or not the file expected there
        reason = f"not JSON Lines ({exc.msg})" if isinstance(exc, json.JSONDecodeError) else exc
        print(f"vnie eval: {reading}: {reason}", file=sys.stderr)
        return 2
    if not args.extraction_only:
        scores = evaluate(records, golds)
        problem = None if scores.matched else no_match_message(records, golds)
    if problem:  # scores over nothing would read as a perfect or a zero score: say so instead
        print(f"vnie eval: {problem}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_table(scores))
    return 0


def _store_command(module: str) -> Callable[[argparse.Namespace], int]:
    """The handler of a store command: `run(args)` of pipeline.store.<module>, imported only when it
    is called (each command loads only what it uses)."""

    def handler(args: argparse.Namespace) -> int:
        return importlib.import_module(f"pipeline.store.{module}").run(args)

    return handler


DEFAULT_DB = "outputs/vnie.db"
DB_HELP = f"the database, or the folder `vnie run -o DIR` wrote it in (default: {DEFAULT_DB})"
EPILOG_QUERY = """examples:
  vnie query figures --directive 05-CT/TW             figures of articles citing Chỉ thị 05-CT/TW
  vnie query figures --org 'hoi nong dan' --format csv  by organisation, accents optional, as CSV
  vnie query figures --source 'Ban To chuc' --measure 'dang vien moi'   who reported new members
  vnie query directives --province 'Thanh Hóa'         mentions by directive, province and month
  vnie query articles --text '"học phí" tăng' --since 2020-01 --limit 20 --db outputs/
"""


def _checked(name: str):
    """An argparse type that runs the check `name` of pipeline.store.query (imported only when used)."""

    def parse(value: str):
        from pipeline.store import query

        try:
            return getattr(query, name)(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = name
    return parse


def _add_store_commands(sub: argparse._SubParsersAction) -> None:
    """`query`, `serve`, `export` and `show`: reading the SQLite store `vnie run -o DIR` writes."""
    query = sub.add_parser(
        "query", help="figures, directive mentions or articles from the database",
        description="Select from DIR/vnie.db: one row per figure, per directive/province/month, or per "
                    "article. Filters combine (AND).",
        epilog=EPILOG_QUERY, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument("what", choices=("figures", "directives", "articles"))
    query.add_argument("--directive", metavar="ID",
                       help="articles that mention this directive id (case-insensitive), e.g. 05-CT/TW")
    query.add_argument("--short-forms", action="store_true",
                       help="with --directive: also articles that write only the short form (Chỉ thị 05) "
                            "when kind, number and issuer agree with the symbol's")
    query.add_argument("--org", metavar="TEXT",
                       help="an organisation of the article, or the figure's subject, contains TEXT "
                            "(case- and accent-insensitive)")
    query.add_argument("--province", metavar="P",
                       help="the article's province as of its date; any written form (Huế = Thừa Thiên Huế, "
                            "TP.HCM), accents optional")
    query.add_argument("--province-2025", metavar="P",
                       help="the province after the 1 July 2025 merger (Khánh Hòa includes Ninh Thuận); "
                            "a pre-2025 name stands for the province it merged into")
    query.add_argument("--all-copies", action="store_true",
                       help="every republished copy of a story (by default a story counts once: its "
                            "original, and a figure or directive mention the copies repeat once)")
    query.add_argument("--since", metavar="DATE", type=_checked("date_bound"),
                       help="published on or after DATE (2020, 2020-04, 2020-04-12)")
    query.add_argument("--until", metavar="DATE", type=_checked("date_bound"),
                       help="published on or before DATE (2021-04 keeps all of April)")
    query.add_argument("--text", metavar="WORDS",
                       help='full-text search: the article has every word and every "quoted phrase"; '
                            "case is ignored, tone marks are not (cát is not cắt)")
    query.add_argument("--source", metavar="TEXT",
                       help="figures whose source (who states them: Theo X, X cho biết) contains TEXT "
                            "(case- and accent-insensitive); other queries: articles with such a figure")
    query.add_argument("--measure", metavar="WORDS",
                       help="figures whose measure (what they count) has every word (accents optional), "
                            "e.g. 'dang vien moi'; other queries: articles with such a figure")
    query.add_argument("--limit", type=_checked("row_limit"), metavar="N", help="at most N rows")
    query.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    query.add_argument("--format", choices=("table", "csv", "json", "jsonl"), default="table",
                       help="a table cut to the terminal (default), or CSV, JSON or JSON Lines with every "
                            "column uncut")
    query.set_defaults(handler=_store_command("query"))

    serve = sub.add_parser(
        "serve", help="browse and query the database in Datasette",
        description="Datasette over the database, named `vnie` in URLs (/vnie/figures.json), with column "
                    "descriptions and canned queries.",
    )
    serve.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=_checked("port_number"), default=8001,
                       help="port, 1-65535, or 0 for any free one (default: 8001)")
    serve.add_argument("--no-sql", action="store_true",
                       help="no arbitrary SQL: tables, search and canned queries only (default: read-only "
                            "SQL allowed, as in Datasette)")
    serve.set_defaults(handler=_store_command("serve"))

    export = sub.add_parser(
        "export", help="one Parquet or CSV file per table, for dashboards",
        description="Write every table of the database to DIR/<table>.parquet (or .csv).",
    )
    export.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    export.add_argument("--to", choices=("parquet", "csv"), default="parquet",
                        help="file format: typed Parquet, or CSV (default: parquet)")
    export.add_argument("--out", required=True, metavar="DIR",
                        help="folder to write DIR/<table>.parquet (or .csv) to, created if missing; "
                             "files of the same names are replaced (required)")
    export.set_defaults(handler=_store_command("export"))

    show = sub.add_parser(
        "show", help="one article as a self-contained HTML page, every mention highlighted",
        description="Render an article with its entities highlighted by type, and a side table of its "
                    "figures and directives, into one HTML file with no external assets.",
    )
    show.add_argument("id", metavar="ID", help="the article id, or a unique prefix of it")
    show.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    show.add_argument("--html", required=True, metavar="OUT.html",
                      help="the file to write (its folder must exist; an existing file is replaced)")
    show.set_defaults(handler=_store_command("show"))


def _schema(args: argparse.Namespace) -> int:
    """`vnie schema`: print the JSON Schema of a record or an error record."""
    from pipeline.contract import load_schema

    print(json.dumps(load_schema(args.which), ensure_ascii=False, indent=2))
    return 0


def _seconds(value: str) -> float:
    """--timeout: a number of seconds that pipeline.settings accepts as a time limit."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if problem := settings.timeout_problem(seconds):
        raise argparse.ArgumentTypeError(f"{value} {problem}")
    return seconds


def _count_of(what: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number of `what` between low and high (pipeline.settings checks)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of {what}") from None
        if problem := settings.count_problem(number, low, high, what):
            raise argparse.ArgumentTypeError(f"{value} {problem}")
        return number

    parse.__name__ = what  # argparse names the type in its messages
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `vnie` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="vnie",
        description="Turn scraped Vietnamese news pages into structured records: directives, figures, "
                    "dates, organisations, people and places.",
    )
    parser.add_argument("--version", action="version", version=f"vnie {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser(
        "run", help="process pages into JSON Lines records",
        description="Read pages (.txt dumps, .html, crawler .jsonl/.json, .warc, any of them .gz), clean "
                    "them, extract mentions and write one record per article. Inputs that cannot be read "
                    "become error records: records + errors = inputs.",
        epilog=EPILOG_RUN, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files, folders (recursive), globs, or - for stdin")
    run.add_argument("-o", "--output", metavar="DIR",
                     help="write DIR/records.jsonl, DIR/errors.jsonl and the database DIR/vnie.db "
                          "(default: records to stdout)")
    run.add_argument("-w", "--workers", type=_count_of("worker processes", 1, 4096), default=None,
                     metavar="N",
                     help="worker processes (default: all cores); output is the same for any N")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes (default) or a Dask cluster")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 "
                          "(default: a local cluster)")
    run.add_argument("--resume", action="store_true",
                     help="complete an interrupted run into the same -o DIR (what every run into an "
                          "existing DIR does: inputs already there, unchanged, are skipped)")
    run.add_argument("--timeout", type=_seconds, default=settings.DEFAULT_TIMEOUT, metavar="SECONDS",
                     help="per-article time limit; a slower article becomes a timeout error (default: 60)")
    run.add_argument("--max-bytes", type=_count_of("bytes", 1, settings.MAX_BYTES_LIMIT),
                     default=settings.DEFAULT_MAX_BYTES, metavar="N",
                     help="largest article text accepted; a larger one becomes a too_large error "
                          "(default: 5 MB)")
    run.add_argument("--max-memory", type=_count_of("megabytes", *settings.MEMORY_LIMIT_MB),
                     default=settings.DEFAULT_MEMORY_LIMIT // 1_000_000, metavar="MB",
                     help="address space of each worker process; a page that needs more becomes an "
                          "out_of_memory error (default: 1500 MB, of which about 350 are the models)")
    run.add_argument("--templates", metavar="FILE",
                     help="site templates learned by an earlier run (default: DIR/templates.jsonl when it "
                          "exists)")
    run.add_argument("--learn-templates", action="store_true",
                     help="first learn the lines each site repeats on its pages from a sample of the "
                          "inputs (read in this process, outside the per-article limits) and save them "
                          "in DIR/templates.jsonl")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run.add_argument("--strict", action="store_true", help="exit with status 1 when any input gave an error")
    run.add_argument("--url-dates", action="store_true",
                     help="give a page that shows no publication date the day its URL states "
                          "(\"/2020/10/09/\", \"/2024-5-17/\"; rules/url_dates.yml)")
    run.add_argument("--debug", action="store_true",
                     help="add a traceback to internal-error records, and show libraries' log lines")
    run.set_defaults(handler=_run)

    ev = sub.add_parser(
        "eval", help="score records against gold annotations",
        description="Micro precision, recall and F1 per field (spec section 7), plus cleaning shares "
                    "(body recall, boilerplate leak) and metadata accuracy.",
    )
    ev.add_argument("files", nargs="+", metavar="RECORDS GOLD",
                    help="records.jsonl written by vnie run, then one or more gold JSON Lines files")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--extraction-only", action="store_true",
                    help="score extraction alone: every file is gold; the extractors run on the "
                         "gold's own line classes, so cleaning errors do not count")
    ev.set_defaults(handler=_eval)
    schema = sub.add_parser(
        "schema", help="print the JSON Schema of a record or an error record",
        description="The record's JSON Schema (2020-12): the part every record shares plus each registered "
                    "kind's items, derived from the kind registry.",
    )
    schema.add_argument("which", nargs="?", choices=("record", "error"), default="record",
                        help="record (default) or error")
    schema.set_defaults(handler=_schema)
    _add_store_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `vnie` console script (argv None) and of tests (argv given).

    As the console script it ends the process once its output is flushed and its files closed:
    freeing the loaded models and rules at interpreter exit takes about 0.3 s and achieves nothing.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        status = args.handler(args)
    except BrokenPipeError:
        # the reader went away (`vnie query ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    except KeyboardInterrupt:
        print("vnie: interrupted; with -o DIR, `vnie run ... --resume` completes the run", file=sys.stderr)
        status = 130
    if argv is None:
        _exit_now(status)
    return status


def _exit_now(status: int) -> None:
    """Flush standard output and error, then end the process without the interpreter's teardown."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
