"""The `vnie` command: run the pipeline, score it against gold, query and show what it stored."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from pipeline import __version__

EPILOG_RUN = """examples:
  vnie run corpus/ -o outputs/               every page under corpus/ into outputs/records.jsonl
  vnie run 'crawl/*.jsonl.gz' -o out/        crawler JSON Lines, gzipped, by glob
  cat page.html | vnie run - > records.jsonl  one page from stdin, records to stdout
"""


def _progress(args: argparse.Namespace, specs: list[str]):
    """A progress bar on stderr for long runs; None when quiet or not a terminal."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    from pipeline.ingest.inputs import expand_inputs

    total = 0
    for path in expand_inputs(specs):
        if path.endswith(".jsonl") and os.path.isfile(path):
            with open(path, "rb") as handle:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda h=handle: h.read(1 << 20), b""))
        elif path.endswith((".gz", ".warc", ".json")) or path == "-":
            total = None  # containers of unknown size: rate without ETA
            break
        else:
            total += 1
    return tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)


def _run(args: argparse.Namespace) -> int:
    from pipeline.engine.runner import Options, run_dask, run_local
    from pipeline.ingest.inputs import read_inputs
    from pipeline.rulebook import activate
    from pipeline.settings import Settings
    from pipeline.store.jsonl import JsonlSink, completed_paths
    from pipeline.store.sqlite import open_sink

    started = time.perf_counter()
    try:
        settings = Settings.from_environment(timeout=args.timeout, max_bytes=args.max_bytes, debug=args.debug)
    except ValueError as exc:
        print(f"vnie run: {exc}", file=sys.stderr)
        return 2
    activate(settings)  # the rules load once here; forked workers share them
    out_dir = Path(args.output) if args.output else None
    if args.resume and out_dir is None:
        print("vnie run: --resume needs -o DIR (the run to complete)", file=sys.stderr)
        return 2
    done = completed_paths(out_dir) if args.resume and out_dir.exists() else set()
    try:
        sink = JsonlSink(out_dir, append=bool(args.resume))
        # the SQLite store beside the JSON Lines; on --resume it first takes in what they already hold
        database = open_sink(out_dir, resume=bool(args.resume)) if out_dir else None
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        print(f"vnie: cannot write to {args.output}: {reason}", file=sys.stderr)
        return 2
    items = (i for i in read_inputs(args.inputs, max_bytes=settings.max_bytes) if i.path not in done)
    templates = _templates(args, out_dir, settings.max_bytes)
    if templates is not None:
        items = templates.attach(items)
    options = Options(timeout=settings.timeout, debug=settings.debug)
    if args.engine == "dask":
        results = run_dask(items, options, scheduler=args.scheduler, workers=args.workers)
    else:
        results = run_local(items, args.workers or os.cpu_count() or 1, options)
    progress = _progress(args, args.inputs)
    removed_by_templates = 0
    with sink, database or nullcontext():
        for kind, obj in results:
            removed_by_templates += obj.get("source", {}).get("template_lines", 0)
            sink.write(kind, obj)
            if database is not None:
                database.write(kind, obj)
            if progress is not None:
                progress.update(1)
                progress.set_postfix(errors=sink.counts["error"], refresh=False)
    if progress is not None:
        progress.close()
    records, errors = sink.counts["record"], sink.counts["error"]
    learned = ""
    if templates is not None and templates.sites_with_templates():
        learned = (f"; {removed_by_templates} lines removed as the templates of "
                   f"{templates.sites_with_templates()} sites")
    seconds = time.perf_counter() - started
    where = f" -> {out_dir}" if out_dir else ""
    resumed = f" (resumed: {len(done)} already done)" if done else ""
    print(f"vnie: {records + errors} inputs, {records} records, {errors} errors in {seconds:.1f} s"
          f"{where}{resumed}{learned}", file=sys.stderr)
    return 1 if args.strict and errors else 0


def _templates(args: argparse.Namespace, out_dir: Path | None, max_bytes: int):
    """Site templates for this run: loaded from an earlier run's profile, learned for new sites, saved."""
    from pipeline.clean.templates import TEMPLATES_FILE, Templates
    from pipeline.ingest.inputs import read_inputs

    if args.no_templates:
        return None
    path = Path(args.templates) if args.templates else (out_dir / TEMPLATES_FILE if out_dir else None)
    templates = Templates.load(path) if path else Templates()
    if "-" not in args.inputs:  # standard input cannot be read twice
        templates.learn(read_inputs(args.inputs, max_bytes=max_bytes))
    if out_dir is not None:
        templates.save(out_dir / TEMPLATES_FILE)
    return templates


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_table, read_jsonl, score_extraction

    if args.extraction_only:
        scores = score_extraction(args.files)
    elif len(args.files) < 2:
        print("vnie eval: give RECORDS and at least one GOLD file", file=sys.stderr)
        return 2
    else:
        records, *gold_paths = args.files
        scores = evaluate(read_jsonl(records), [g for path in gold_paths for g in read_jsonl(path)])
    if args.json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_table(scores))
    return 0


def _query(args: argparse.Namespace) -> int:
    from pipeline.store.query import run

    return run(args)


def _serve(args: argparse.Namespace) -> int:
    from pipeline.store.serve import run

    return run(args)


def _export(args: argparse.Namespace) -> int:
    from pipeline.store.export import run

    return run(args)


def _show(args: argparse.Namespace) -> int:
    from pipeline.store.show import run

    return run(args)


DEFAULT_DB = "outputs/vnie.db"
EPILOG_QUERY = """examples:
  vnie query figures --directive 05-CT/TW             figures of articles citing Chỉ thị 05-CT/TW
  vnie query figures --org 'hoi nong dan' --format csv  by organisation, accents optional, as CSV
  vnie query directives --province 'Thanh Hóa'         mentions by directive, province and month
  vnie query articles --text 'đảng viên' --since 2020-01 --limit 20
"""


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
    query.add_argument("--province", metavar="P", help="the article's province (accents optional)")
    query.add_argument("--since", metavar="DATE",
                       help="published on or after DATE (2020, 2020-04, 2020-04-12)")
    query.add_argument("--until", metavar="DATE",
                       help="published on or before DATE (2021-04 keeps all of April)")
    query.add_argument("--text", metavar="WORDS", help="full-text search: the article has every word")
    query.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    query.add_argument("--db", default=DEFAULT_DB, help=f"the database (default: {DEFAULT_DB})")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="a table cut to the terminal (default), or CSV / JSON with every column uncut")
    query.set_defaults(handler=_query)

    serve = sub.add_parser(
        "serve", help="browse and query the database in Datasette",
        description="Datasette over the database, named `vnie` in URLs (/vnie/figures.json), with column "
                    "descriptions and canned queries.",
    )
    serve.add_argument("--db", default=DEFAULT_DB, help=f"the database (default: {DEFAULT_DB})")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8001, help="port (default: 8001)")
    serve.set_defaults(handler=_serve)

    export = sub.add_parser(
        "export", help="one Parquet or CSV file per table, for dashboards",
        description="Write every table of the database to DIR/<table>.parquet (or .csv).",
    )
    export.add_argument("--db", default=DEFAULT_DB, help=f"the database (default: {DEFAULT_DB})")
    export.add_argument("--to", choices=("parquet", "csv"), default="parquet", help="file format")
    export.add_argument("--out", required=True, metavar="DIR", help="folder to write to")
    export.set_defaults(handler=_export)

    show = sub.add_parser(
        "show", help="one article as a self-contained HTML page, every mention highlighted",
        description="Render an article with its entities highlighted by type, and a side table of its "
                    "figures and directives, into one HTML file with no external assets.",
    )
    show.add_argument("id", metavar="ID", help="the article id, or a unique prefix of it")
    show.add_argument("--db", default=DEFAULT_DB, help=f"the database (default: {DEFAULT_DB})")
    show.add_argument("--html", required=True, metavar="OUT.html", help="the file to write")
    show.set_defaults(handler=_show)


def _schema(args: argparse.Namespace) -> int:
    """`vnie schema`: print the JSON Schema of a record or an error record."""
    from pipeline.model import load_schema

    print(json.dumps(load_schema(args.which), ensure_ascii=False, indent=2))
    return 0


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
    run.add_argument("-w", "--workers", type=int, default=None, metavar="N",
                     help="worker processes (default: all cores); output is the same for any N")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes (default) or a Dask cluster")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 "
                          "(default: a local cluster)")
    run.add_argument("--resume", action="store_true",
                     help="complete an interrupted run into the same -o DIR: skip what is written, "
                          "append the rest")
    run.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                     help="per-article time limit; a slower article becomes a timeout error (default: 60)")
    run.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                     help="largest article text accepted; a larger one becomes a too_large error "
                          "(default: 5 MB)")
    run.add_argument("--templates", metavar="FILE",
                     help="site templates learned by an earlier run (default: DIR/templates.jsonl when it "
                          "exists); sites it lacks are learned; the run saves all in DIR/templates.jsonl")
    run.add_argument("--no-templates", action="store_true",
                     help="do not learn site templates (lines each site repeats on its pages)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run.add_argument("--strict", action="store_true", help="exit with status 1 when any input gave an error")
    run.add_argument("--debug", action="store_true", help="add a traceback to internal-error records")
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
    """Entry point of the `vnie` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except BrokenPipeError:
        # the reader went away (`vnie query ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("vnie: interrupted; with -o DIR, `vnie run ... --resume` completes the run", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
