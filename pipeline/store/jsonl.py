"""Writing results: JSON Lines records and error records, appended and flushed per article."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

RECORDS_FILE = "records.jsonl"
ERRORS_FILE = "errors.jsonl"


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 text kept readable."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


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
        stream.write(dumps(obj) + "\n")
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


def _repair_tail(path: Path) -> None:
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


def completed_paths(out_dir: Path) -> set[str]:
    """`source.path` of every article already written to DIR, after repairing a truncated last line."""
    done: set[str] = set()
    for name in (RECORDS_FILE, ERRORS_FILE):
        path = out_dir / name
        _repair_tail(path)
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    done.add(json.loads(line)["source"]["path"])
    return done
