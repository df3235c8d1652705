"""The `vnie` command: run the pipeline, score it against gold."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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

    from pipeline.ingest import expand_inputs

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
    from pipeline.engine import Options, run_dask, run_local
    from pipeline.ingest import read_inputs
    from pipeline.store import JsonlSink, completed_paths

    started = time.perf_counter()
    out_dir = Path(args.output) if args.output else None
    if args.resume and out_dir is None:
        print("vnie run: --resume needs -o DIR (the run to complete)", file=sys.stderr)
        return 2
    done = completed_paths(out_dir) if args.resume and out_dir.exists() else set()
    try:
        sink = JsonlSink(out_dir, append=bool(args.resume))
    except OSError as exc:
        print(f"vnie: cannot write to {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    items = (i for i in read_inputs(args.inputs, max_bytes=args.max_bytes) if i.path not in done)
    options = Options(timeout=args.timeout, debug=args.debug)
    if args.engine == "dask":
        results = run_dask(items, options, scheduler=args.scheduler, workers=args.workers)
    else:
        results = run_local(items, args.workers or os.cpu_count() or 1, options)
    progress = _progress(args, args.inputs)
    with sink:
        for kind, obj in results:
            sink.write(kind, obj)
            if progress is not None:
                progress.update(1)
                progress.set_postfix(errors=sink.counts["error"], refresh=False)
    if progress is not None:
        progress.close()
    records, errors = sink.counts["record"], sink.counts["error"]
    seconds = time.perf_counter() - started
    where = f" -> {out_dir}" if out_dir else ""
    resumed = f" (resumed: {len(done)} already done)" if done else ""
    print(f"vnie: {records + errors} inputs, {records} records, {errors} errors in {seconds:.1f} s"
          f"{where}{resumed}", file=sys.stderr)
    return 1 if args.strict and errors else 0


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
                     help="write DIR/records.jsonl and DIR/errors.jsonl (default: records to stdout)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `vnie` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
