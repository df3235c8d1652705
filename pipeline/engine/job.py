"""One `vnie run`: check the inputs, lock the output folder, see what it already holds, process what
is new on the chosen engine, write records and the database, and say what happened in one line.

Re-running into a DIR is incremental: an input whose id (file name and content) is already in DIR is
skipped and counted, so a daily crawl adds only what is new; records.jsonl and vnie.db both hold the
union, one line and one row per id. A run killed half way is completed the same way.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from pipeline.clean.templates import TEMPLATES_FILE, Templates
from pipeline.clock import wall_seconds
from pipeline.engine.runner import quiet_libraries, run_dask, run_local
from pipeline.ingest.inputs import Frame, expand_inputs, frame_inputs, read_inputs
from pipeline.ingest.paths import Skipped, missing_input
from pipeline.ingest.readers import reader_for_path
from pipeline.model import Failed, stable_id
from pipeline.rulebook import activate
from pipeline.settings import Settings
from pipeline.store.acronyms import Acronyms
from pipeline.store.jsonl import (
    RECORDS_FILE,
    JsonlSink,
    OutputBusy,
    OutputLock,
    Written,
    drop_replaced,
    read_written,
)
from pipeline.store.spellings import Spellings
from pipeline.store.sqlite import open_sink
from pipeline.store.stories import Stories

# Errors that say more about the machine than the input: an input that gave one is tried again.
RETRIED_ERRORS = frozenset({"unreadable", "worker_died", "internal", "internal_error"})


def expected_articles(specs: list[str], exclude: list[str]) -> int | None:
    """How many articles the inputs hold, as far as each reader can tell cheaply; None when unknown."""
    total = 0
    for path in expand_inputs(specs, exclude):
        reader, _extension = reader_for_path(path)
        count = 1 if reader is None else reader.articles(path)
        if count is None or path == "-" or path.lower().endswith(".gz"):
            return None  # containers of unknown size: rate without ETA
        total += count
    return total


def _progress(args: argparse.Namespace, specs: list[str], exclude: list[str]) -> Any:
    """A progress bar on stderr for long runs; None when quiet or not a terminal."""
    if args.quiet or not sys.stderr.isatty():
        return None
    import tqdm

    tqdm.tqdm.monitor_interval = 0  # no monitor thread: the pool forks replacement workers
    total = expected_articles(specs, exclude)
    return tqdm.tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)


class _NewOnly:
    """Only what DIR does not hold yet is written: an input (or a record) whose id, from its file name
    and content, is already there is skipped and counted; an id is written once per run."""

    def __init__(self, written: Written | None, progress: Any):
        written = written or Written()
        self.before = written.ids
        retried = {ident for ident, kind in written.error_types.items() if kind in RETRIED_ERRORS}
        self.known = written.ids - retried  # ids not to write again
        self.unchanged = 0
        self.replaced: set[str] = set()  # ids written again: their earlier lines go
        self.progress = progress

    def __call__(self, framed: Iterable[Frame | Failed]) -> Iterator[Frame | Failed]:
        """The frames to read and process: those whose id is known already (the parent hashed their
        bytes) are not even decoded."""
        for item in framed:
            if item.digest and stable_id(item.path, item.digest) in self.known:
                self._skip()
                continue
            yield item

    def keep(self, obj: dict[str, Any]) -> bool:
        """Whether to write a result (one from a JSON array or document had no id before it was read)."""
        ident = obj["id"]
        if ident in self.known:
            self._skip()
            return False
        self.known.add(ident)
        if ident in self.before:
            self.replaced.add(ident)
        return True

    def _skip(self) -> None:
        self.unchanged += 1
        if self.progress is not None:
            self.progress.update(1)


def _templates(args: argparse.Namespace, out_dir: Path | None, max_bytes: int, exclude: list[str]) -> Any:
    """Site templates for this run: an earlier run's profiles, and with --learn-templates new sites learned
    from a sample and saved; None when there are none."""
    path = Path(args.templates) if args.templates else (out_dir / TEMPLATES_FILE if out_dir else None)
    templates = Templates.load(path) if path else Templates()
    if args.learn_templates and "-" not in args.inputs:  # standard input cannot be read twice
        # the sample is read here, outside the per-article limits: hence a choice, not the default
        templates.learn(read_inputs(args.inputs, max_bytes=max_bytes, exclude=exclude))
        if out_dir is not None:
            templates.save(out_dir / TEMPLATES_FILE)
    return templates if templates.profiles else None


def _usage_error(message: str) -> int:
    print(f"vnie run: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, settings: Settings) -> int:
    """`vnie run` with the settings the command line built from `args`; the exit status."""
    quiet_libraries(settings.debug)
    activate(settings)  # the rules load once here; forked workers share them
    missing = [reason for spec in args.inputs if (reason := missing_input(spec))]
    if missing:
        return _usage_error("; ".join(missing))
    out_dir = Path(args.output) if args.output else None
    if args.resume and out_dir is None:
        return _usage_error("--resume needs -o DIR (the run to complete)")
    lock = None
    try:
        lock = OutputLock(out_dir) if out_dir else None  # before anything in DIR is read or written
        written = read_written(out_dir) if out_dir else None
        sink = JsonlSink(out_dir, append=True)
        # the SQLite store beside the JSON Lines: it first takes in what they hold and it lacks
        database = open_sink(out_dir, resume=True, jsonl_ids=written.ids) if out_dir and written else None
    except OutputBusy as exc:
        return _usage_error(str(exc))
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        if lock is not None:
            lock.release()
        reason = getattr(exc, "strerror", None) or exc
        print(f"vnie: cannot write to {args.output}: {reason}", file=sys.stderr)
        return 2
    for note in written.notes(out_dir) if written and out_dir else []:
        print(f"vnie: {note}", file=sys.stderr)
    exclude = [str(out_dir)] if out_dir else []
    skipped = Skipped()
    progress = _progress(args, args.inputs, exclude)
    new_only = _NewOnly(written, progress)
    framed = frame_inputs(args.inputs, max_bytes=settings.max_bytes, exclude=exclude, skipped=skipped)
    items = new_only(framed)
    templates = _templates(args, out_dir, settings.max_bytes, exclude)
    settings = replace(settings, templates=templates)  # learned now, read by every worker
    # near-duplicates of the batch and of the store share a story_id (in the main process: same on any engine)
    stories = Stories(database.conn if database else None)
    spellings = Spellings(database.conn if database else None)  # one spelling per canonical name
    acronyms = Acronyms(database.conn if database else None)  # short forms defined in other articles
    if args.engine == "dask":
        results = run_dask(items, settings, scheduler=args.scheduler, workers=args.workers)
    else:  # the story index is built while the workers start on the first articles
        results = run_local(items, args.workers or os.cpu_count() or 1, settings, meanwhile=stories.prepare)
    removed_by_templates = 0
    with lock or nullcontext(), sink, database or nullcontext():
        for kind, obj in stories.assign(spellings.assign(acronyms.assign(
                r for r in results if new_only.keep(r[1])))):
            removed_by_templates += obj.get("source", {}).get("template_lines", 0)
            sink.write(kind, obj)
            if database is not None:
                database.write(kind, obj)
            if progress is not None:
                progress.update(1)
                progress.set_postfix(errors=sink.counts["error"], refresh=False)
        if out_dir and written and new_only.replaced:
            sink.close()
            drop_replaced(out_dir, new_only.replaced, written.sizes)
    if progress is not None:
        progress.close()
    stories.finish(out_dir / RECORDS_FILE if out_dir else None)
    records, errors = sink.counts["record"], sink.counts["error"]
    # the wall time since the process started: what the user waited, start-up included
    summary = _summary(records, errors, new_only.unchanged, wall_seconds(), out_dir, skipped)
    if templates is not None and templates.sites_with_templates():
        summary += (f"; {removed_by_templates} lines removed as the templates of "
                    f"{templates.sites_with_templates()} sites")
    print(summary, file=sys.stderr)
    return 1 if args.strict and errors else 0


def _summary(records: int, errors: int, unchanged: int, seconds: float, out_dir: Path | None,
             skipped: Skipped) -> str:
    """The run's one line: inputs, records, errors, what was skipped and why."""
    inputs = records + errors + unchanged
    line = f"vnie: {inputs} inputs, {records} records, {errors} errors"
    if unchanged:
        line += f", skipped {unchanged} unchanged (already in {out_dir})"
    line += f" in {seconds:.1f} s"
    if out_dir:
        line += f" -> {out_dir}"
    notes = skipped.notes()
    return line + ("; " + "; ".join(notes) if notes else "")
