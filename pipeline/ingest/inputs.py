"""Read every article in the inputs, whatever the crawler wrote: text, HTML, JSON(L), WARC, gzip, stdin.

Reading has two sides. The parent frames each input cheaply (`frame_inputs`): it opens files,
gunzips, tells the format from the name and the first bytes (the readers' registry), cuts the raw
bytes of each article (a file, a JSON line, a WARC response) under size caps, and hashes them.
A worker reads each frame (`readers.read_frame`): decoding, JSON and HTML parsing, under the
per-article time limit. `read_inputs` does both in this process.

Nothing is dropped: what cannot be read becomes a `Failed` saying what is wrong and what to do.
Containers stream, so memory stays flat however large the corpus file is.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from pipeline.ingest.paths import FolderSpecial, Skipped, expand_inputs, walk
from pipeline.ingest.readers import Frame, choose, read_frame, reader_for_path
from pipeline.ingest.records import MAX_BYTES, Item, internal_failure, read_up_to, sha1
from pipeline.model import ArticleTimeout, Failed

__all__ = ["MAX_BYTES", "Frame", "Item", "expand_inputs", "frame_inputs", "read_input", "read_inputs"]

HEAD_BYTES = 1 << 16  # bytes read ahead to tell the format
GZIP_MAGIC = b"\x1f\x8b"
CONTAINER_ERRORS = (OSError, EOFError, zlib.error)  # what a damaged gzip stream raises while read
Framed = Frame | Failed


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read to sniff its format."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._position, self._rest = head, 0, rest

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill buffer from the kept head first, then from the rest of the stream."""
        view = memoryview(buffer).cast("B")
        if self._position < len(self._head):
            chunk = self._head[self._position : self._position + len(view)]
            self._position += len(chunk)
        else:
            chunk = self._rest.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)


def _frame_stream(raw: BinaryIO, label: str, name: str, max_bytes: int) -> Iterator[Framed]:
    """Every article's frame in one opened input, after telling its format from its name and first bytes."""
    named, extension = reader_for_path(name)
    head = read_up_to(raw, HEAD_BYTES)
    stream: BinaryIO = io.BufferedReader(_Prefixed(head, raw), buffer_size=HEAD_BYTES)
    compressed = head.startswith(GZIP_MAGIC)
    if named is not None and named.own_gzip and head.strip():
        yield from named.frames(stream, head, label, max_bytes, extension)  # e.g. record-by-record .warc.gz
        return
    try:
        if compressed:
            unzipped = gzip.GzipFile(fileobj=stream, mode="rb")
            head = read_up_to(unzipped, HEAD_BYTES)
            stream = io.BufferedReader(_Prefixed(head, unzipped), buffer_size=HEAD_BYTES)  # type: ignore[arg-type]
        reader = choose(named, head, label)
        if isinstance(reader, Failed):
            yield reader
            return
        found = False
        for framed in reader.frames(stream, head, label, max_bytes, extension if reader is named else ""):
            found = True
            yield framed
        if not found:  # records + errors = inputs: an input never vanishes
            yield Failed(
                label, "no_articles",
                f"The input holds no article: read as {reader.name}, it has nothing but blank lines or an "
                "empty list. Check what the crawler saved.",
                sha1(head),
            )  # fmt: skip
    except CONTAINER_ERRORS as error:
        if not compressed:
            raise
        yield Failed(
            label, "bad_gzip",
            f"The gzip data is corrupt or truncated ({error}). Re-download or re-compress the file; any "
            "articles before the damage were read.",
            sha1(head),
        )  # fmt: skip


def _stdin_bytes() -> BinaryIO:
    """Standard input as bytes (a test may replace sys.stdin with a text stream)."""
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))


def _folder_failure(path: str) -> Failed:
    """A folder handed to read_input: empty (not_found), unlistable or a folder (unreadable)."""
    try:
        os.scandir(path).close()
    except OSError as error:
        return Failed(path, "unreadable", f"Cannot list this folder: {error.strerror}. Check its permission.")
    has_files = any(not folder for _, folder in walk(path))
    if not has_files:
        return Failed(path, "not_found", "This folder has no files to read (hidden dot-files are skipped).")
    return Failed(
        path, "unreadable",
        "This is a folder, not a file. Pass it to read_inputs (or the vnie command), which reads the "
        "files inside.",
    )  # fmt: skip


def _special_failure(path: str) -> Failed:
    """A FIFO, socket or device met in a folder walk: reading it could block or never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return Failed(path, "unreadable", f"Cannot read this file: {error.strerror}.")
    what = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device")  # fmt: skip
    return Failed(
        path, "unreadable",
        f"This is {what}, not a file: it was found in a folder and not read, since reading it could "
        "block or never end. Name it on its own (vnie run PATH) to read from it, or remove it.",
    )  # fmt: skip


def _frame_input(spec: str, max_bytes: int) -> Iterator[Framed]:
    """frame_input without the safety net."""
    if spec == "-":
        yield from _frame_stream(_stdin_bytes(), "-", "", max_bytes)
        return
    if not os.path.exists(spec):
        broken = os.path.lexists(spec)
        yield Failed(
            spec, "not_found",
            "This is a symbolic link to a file that does not exist. Fix or remove the link." if broken else
            "No file or folder by this name, and no file matches it as a pattern. Check the path (relative "
            f"to {os.getcwd()}), and quote patterns so the shell does not expand them.",
        )  # fmt: skip
        return
    if os.path.isdir(spec):
        yield _folder_failure(spec)
        return
    if isinstance(spec, FolderSpecial):
        yield _special_failure(spec)
        return
    try:
        mode = os.stat(spec).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            yield Failed(spec, "unreadable", "This is a socket or device, not a file: nothing to read.")
            return
        handle = open(spec, "rb")  # noqa: SIM115 (closed below; the generator streams from it)
    except OSError as error:
        yield Failed(spec, "unreadable", f"Cannot open this file: {error.strerror}. Check its permissions.")
        return
    with handle:
        try:
            yield from _frame_stream(handle, spec, spec, max_bytes)
        except OSError as error:
            yield Failed(spec, "unreadable", f"Reading the file failed: {error.strerror or error}.")


def frame_input(spec: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Framed]:
    """The raw frame of every article in one input (a file, '-' for stdin), or a Failed saying what is
    wrong and what to do."""
    try:
        yield from _frame_input(spec, max_bytes)
    except Exception as error:  # a bug must not stop a corpus run: report it on this input
        yield internal_failure(spec, error)


def frame_inputs(
    specs: Iterable[str], *, max_bytes: int = MAX_BYTES, exclude: Iterable[str] = (),
    skipped: Skipped | None = None,
) -> Iterator[Framed]:  # fmt: skip
    """The frames of every input the specs name, streamed in order (see expand_inputs for the rest)."""
    if isinstance(specs, str):  # one spec given bare: not its characters
        specs = [specs]
    for path in expand_inputs(specs, exclude, skipped):
        yield from frame_input(path, max_bytes=max_bytes)


def read_framed(framed: Framed, max_bytes: int = MAX_BYTES) -> list[Item]:
    """The articles of one frame (a Failed stands for itself); a bug is reported on the frame."""
    if isinstance(framed, Failed):
        return [framed]
    try:
        return read_frame(framed, max_bytes)
    except (ArticleTimeout, MemoryError):  # the worker's limits, reported by the engine
        raise
    except Exception as error:  # a bug on one article must not end the run
        return [internal_failure(framed.path, error, framed.digest)]


def read_input(spec: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Every article in one input (a file, '-' for stdin), or a Failed saying what is wrong and what to do."""
    for framed in frame_input(spec, max_bytes=max_bytes):
        yield from read_framed(framed, max_bytes)


def read_inputs(
    specs: Iterable[str], *, max_bytes: int = MAX_BYTES, exclude: Iterable[str] = (),
    skipped: Skipped | None = None,
) -> Iterator[Item]:  # fmt: skip
    """Every article of every input the specs name, framed and read in this process, in order."""
    for framed in frame_inputs(specs, max_bytes=max_bytes, exclude=exclude, skipped=skipped):
        yield from read_framed(framed, max_bytes)
