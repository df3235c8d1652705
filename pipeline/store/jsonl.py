"""Writing results: JSON Lines records and error records, appended and flushed per article; the lock
on the output folder, and what an earlier run left in it."""

from __future__ import annotations

import datetime
import json
import os
import re
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.ingest.paths import OUTPUT_LOCK

RECORDS_FILE = "records.jsonl"
ERRORS_FILE = "errors.jsonl"
DAMAGED_SUFFIX = ".damaged"  # bad lines set aside: records.jsonl.damaged
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 text kept readable."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def escape_surrogates(line: str) -> str:
    """A JSON line with its lone surrogates as JSON escapes (\\udcff): valid UTF-8, and lossless, since
    json.loads gives the same string back (a file name with non-UTF-8 bytes, via os.fsencode)."""
    # a surrogate can only stand inside a JSON string, where its escape means the same character
    return LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", line)


class OutputBusy(Exception):
    """Another vnie run holds the output folder."""


class OutputLock:
    """An exclusive lock on an -o DIR for the whole run, taken before anything in DIR is touched.

    The lock file holds who took it (pid, host, start time, command), so a second run can say.
    """

    def __init__(self, out_dir: Path):
        import fcntl

        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / OUTPUT_LOCK
        self._handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held for the run)
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._handle.seek(0)
            holder = self._handle.read().strip() or "another process"
            self._handle.close()
            raise OutputBusy(
                f"{out_dir} is in use by another vnie run ({holder}); wait for it to end, or write to "
                "another -o DIR"
            ) from None
        self._handle.seek(0)
        self._handle.truncate()
        started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        command = " ".join(sys.argv[:1] + sys.argv[1:8])
        self._handle.write(f"pid {os.getpid()} on {socket.gethostname()}, started {started}: {command}\n")
        self._handle.flush()

    def release(self) -> None:
        """Let the next run in (also done by the system when the process ends, however it ends)."""
        if not self._handle.closed:
            self._handle.close()

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class JsonlSink:
    """Records and errors to `DIR/records.jsonl` and `DIR/errors.jsonl`, or to stdout and stderr."""

    def __init__(self, out_dir: Path | None, append: bool = False):
        self.out_dir = out_dir
        self.counts = {"record": 0, "error": 0}
        if out_dir is None:
            self._streams: dict[str, IO[str]] = {"record": sys.stdout, "error": sys.stderr}
            self._owned = False
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        mode = "a" if append else "w"
        self._streams = {
            "record": (out_dir / RECORDS_FILE).open(mode, encoding="utf-8"),
            "error": (out_dir / ERRORS_FILE).open(mode, encoding="utf-8"),
        }
        self._owned = True

    def write(self, kind: str, obj: dict[str, Any]) -> None:
        """Append one line and flush, so a killed run loses at most the article in flight."""
        stream = self._streams[kind]
        line = dumps(obj) + "\n"
        try:
            stream.write(line)  # the text is encoded whole before any byte is written
        except UnicodeEncodeError:
            stream.write(escape_surrogates(line))
        stream.flush()
        self.counts[kind] += 1

    def close(self) -> None:
        if self._owned:
            for stream in self._streams.values():
                stream.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cut_partial_last_line(path: Path) -> None:
    """Cut a half-written last line (a run killed mid-write) so the file is valid JSON Lines again."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        # walk back to the last complete line
        position = size
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            chunk = handle.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                handle.truncate(position - step + newline + 1)
                return
            position -= step
        handle.truncate(0)


def _parse_line(line: bytes) -> dict[str, Any] | None:
    """One written line, or None when it is damaged (not JSON, or not a record with an id)."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if isinstance(obj, dict) and isinstance(obj.get("id"), str) and isinstance(obj.get("source"), dict):
        return obj
    return None


def _line_id(line: bytes) -> str | None:
    """The id of one written line, or None when the line is damaged."""
    obj = _parse_line(line)
    return None if obj is None else obj["id"]


@dataclass
class Written:
    """What earlier runs left in an output folder: the ids written (and each error's type), the size
    of each file (where this run's lines begin), and the damaged lines set aside."""

    ids: set[str] = field(default_factory=set)
    error_types: dict[str, str] = field(default_factory=dict)  # id -> error type, for errors.jsonl
    sizes: dict[str, int] = field(default_factory=dict)  # file name -> bytes before this run
    damaged: dict[str, list[int]] = field(default_factory=dict)  # file name -> line numbers set aside

    def notes(self, out_dir: Path) -> list[str]:
        """A message per file that had damaged lines: where they went, and that their inputs are redone."""
        return [
            f"{len(numbers)} damaged line(s) of {out_dir / name} (line {', '.join(map(str, numbers[:5]))}"
            f"{', ...' if len(numbers) > 5 else ''}) set aside in {out_dir / (name + DAMAGED_SUFFIX)}; "
            "their inputs are processed again"
            for name, numbers in self.damaged.items()
        ]


def _set_aside(path: Path, bad: list[tuple[int, bytes]]) -> None:
    """Move the damaged lines out of a JSON Lines file (to FILE.damaged) and rewrite it without them."""
    with (path.parent / (path.name + DAMAGED_SUFFIX)).open("ab") as aside:
        for _number, line in bad:
            aside.write(line.rstrip(b"\n") + b"\n")
    numbers = {number for number, _line in bad}
    temporary = path.parent / (path.name + ".repairing")
    with path.open("rb") as source, temporary.open("wb") as target:
        for number, line in enumerate(source, 1):
            if number not in numbers:
                target.write(line)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, path)


def read_written(out_dir: Path) -> Written:
    """The ids already in DIR's JSON Lines, after cutting a half-written last line and setting aside
    any damaged line (whose input is then processed again)."""
    written = Written()
    for name in (RECORDS_FILE, ERRORS_FILE):
        path = out_dir / name
        _cut_partial_last_line(path)
        if not path.exists():
            continue
        bad: list[tuple[int, bytes]] = []
        with path.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                obj = _parse_line(line)
                if obj is None:
                    bad.append((number, line))
                    continue
                written.ids.add(obj["id"])
                if name == ERRORS_FILE:
                    error = obj.get("error")
                    written.error_types[obj["id"]] = str(error.get("type")) if isinstance(error, dict) else ""
        if bad:
            _set_aside(path, bad)
            written.damaged[name] = [number for number, _line in bad]
        written.sizes[name] = path.stat().st_size
    return written


def drop_replaced(out_dir: Path, ids: set[str], sizes: dict[str, int]) -> None:
    """Upsert by id: remove the lines written before this run (the first `sizes` bytes of each file)
    whose id this run wrote again, so each id is in DIR once, as last written."""
    for name, size in sizes.items():
        path = out_dir / name
        temporary = path.parent / (path.name + ".repairing")
        with path.open("rb") as source, temporary.open("wb") as target:
            position = 0
            for line in source:
                earlier = position < size
                position += len(line)
                if earlier and line.strip() and _line_id(line) in ids:
                    continue
                target.write(line)
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, path)
