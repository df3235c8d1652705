"""Read every article in the inputs, whatever the crawler wrote: text, HTML, JSON(L), WARC, gzip, stdin.

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
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import regex
from warcio.archiveiterator import ArchiveIterator

from pipeline.ingest.decode import binary_message
from pipeline.ingest.html import looks_like_html
from pipeline.ingest.paths import FolderSpecial, Skipped, expand_inputs, walk
from pipeline.ingest.records import (
    MAX_BYTES,
    RAW_FACTOR,
    Item,
    article_from_html_bytes,
    article_from_text_bytes,
    read_json,
    read_limited,
    read_up_to,
    sha1,
    too_large_raw,
)
from pipeline.model import Failed

__all__ = ["MAX_BYTES", "Item", "expand_inputs", "read_input", "read_inputs"]

HEAD_BYTES = 1 << 16  # bytes read ahead to tell the format
GZIP_MAGIC = b"\x1f\x8b"
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".warc": "warc",
}  # fmt: skip
STRONG_MARKUP = regex.compile(r"<(?:!doctype\s+html|html|\?xml|head|body)\b", regex.IGNORECASE)
JSON_START = regex.compile(r'\{\s*(?:"|\})|\[\s*[\[{"\d\-tfn\]]')
HTML_TYPES = ("text/html", "application/xhtml")
CONTAINER_ERRORS = (OSError, EOFError, zlib.error)  # what a damaged gzip stream raises while read


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


def _unparsed_bytes(iterator: ArchiveIterator, stream: BinaryIO) -> int:
    """Bytes after the last record warcio could parse (warcio stops quietly on a cut gzip member)."""
    consumed = iterator.fh.tell()
    rest = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 16), b""))
    return consumed + rest - iterator.offset


def _read_warc(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[Item]:
    """One article per HTML response (status 200) of a WARC; other records are not articles."""
    number = pages = 0
    seen: Counter[str] = Counter()
    limit = RAW_FACTOR * max_bytes
    repair = "Re-fetch the file or repair it (warcio recompress)."
    try:
        iterator = ArchiveIterator(stream)
        for number, record in enumerate(iterator, 1):
            http = record.http_headers
            content_type = (http.get_header("Content-Type") or "").lower() if http else ""
            is_page = record.rec_type == "response" and http is not None and http.get_statuscode() == "200"
            if not (is_page and any(kind in content_type for kind in HTML_TYPES)):
                seen[f"{record.rec_type} {content_type.split(';')[0] or '-'}"] += 1
                continue
            pages += 1
            path = f"{label}#{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = read_limited(record.content_stream(), limit)
            if payload is None:
                yield too_large_raw(path, limit, max_bytes, url=url)
            elif getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
                yield Failed(path, "bad_warc", f"The record is cut short (truncated WARC). {repair}", url=url)
            else:
                charset = content_type.partition("charset=")[2].strip(" \"';") or None
                yield article_from_html_bytes(payload, path, "warc", max_bytes, url=url, declared=charset)
        leftover = _unparsed_bytes(iterator, stream)
    except Exception as error:  # warcio raises many types on damaged archives; keep what was read
        yield Failed(
            label, "bad_warc",
            f"The WARC is damaged after record {number} ({type(error).__name__}: {error}); the {pages} "
            f"page(s) before it were read. {repair}",
        )  # fmt: skip
        return
    if leftover > 4:  # a few stray newlines at the end are harmless
        yield Failed(
            label, "bad_warc",
            f"The last {leftover} bytes after record {number} cannot be read (truncated or corrupt WARC); "
            f"the {pages} page(s) before them were read. {repair}",
        )  # fmt: skip
    elif pages == 0:
        found = ", ".join(f"{count} {kind}" for kind, count in seen.most_common(5)) or "none"
        yield Failed(
            label, "no_articles",
            f"The WARC has {number} record(s) but no HTML page response (status 200, text/html); found: "
            f"{found}. Nothing to extract: check that the crawl saved the article pages.",
        )  # fmt: skip


def _format_hint(name: str) -> tuple[str | None, bool]:
    """The format the file name claims, and whether it claims gzip."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    return EXTENSIONS.get(os.path.splitext(lower)[1]), compressed


def _sniff(hint: str | None, head: bytes) -> str:
    """The format to read: the name's claim unless the bytes say otherwise."""
    text = head[:4096].decode("utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8", "replace")
    text = text.lstrip("\ufeff \t\r\n")
    if hint in ("json", "jsonl", "html"):
        return hint
    if hint == "txt":
        return "html" if STRONG_MARKUP.match(text) else "txt"
    if JSON_START.match(text):
        return "json-unknown"
    return "html" if looks_like_html(text) else "txt"


def _warc_start(head: bytes, compressed: bool) -> bool:
    """Whether the (possibly gzipped) first bytes are a WARC record header."""
    if compressed:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _read_stream(raw: BinaryIO, label: str, name: str, max_bytes: int) -> Iterator[Item]:
    """Every article in one opened input, after telling its format from its name and first bytes."""
    hint, _ = _format_hint(name)
    head = read_up_to(raw, HEAD_BYTES)
    stream: BinaryIO = io.BufferedReader(_Prefixed(head, raw), buffer_size=HEAD_BYTES)
    compressed = head.startswith(GZIP_MAGIC)
    if hint == "warc" and head.strip():
        if not _warc_start(head, compressed):
            yield Failed(
                label, "bad_warc",
                "This file does not start with a WARC/1.x header: it is not a WARC, or its start is "
                "damaged. Rename it to its real type, or re-fetch it.",
                sha1(head),
            )  # fmt: skip
            return
        if compressed:
            yield from _read_warc(stream, label, max_bytes)  # warcio reads record-by-record gzip itself
            return
    try:
        if compressed:
            unzipped = gzip.GzipFile(fileobj=stream, mode="rb")
            head = read_up_to(unzipped, HEAD_BYTES)
            stream = io.BufferedReader(_Prefixed(head, unzipped), buffer_size=HEAD_BYTES)  # type: ignore[arg-type]
        yield from _read_format(stream, head, label, hint, max_bytes)
    except CONTAINER_ERRORS as error:
        if not compressed:
            raise
        yield Failed(
            label, "bad_gzip",
            f"The gzip data is corrupt or truncated ({error}). Re-download or re-compress the file; any "
            "articles before the damage were read.",
            sha1(head),
        )  # fmt: skip


def _read_format(
    stream: BinaryIO, head: bytes, label: str, hint: str | None, max_bytes: int
) -> Iterator[Item]:
    """Dispatch decoded-container bytes to the reader of their format."""
    if not head.strip():
        yield Failed(label, "empty", "The input is empty (or only whitespace): there is nothing to read.")
        return
    if hint == "warc" or head.startswith(b"WARC/"):  # before the binary check: WARCs hold images
        yield from _read_warc(stream, label, max_bytes)
        return
    message = binary_message(head)
    if message:
        yield Failed(label, "binary", message, sha1(head))
        return
    fmt = _sniff(hint, head)
    if fmt in ("json", "jsonl", "json-unknown"):
        yield from read_json(stream, head, label, None if fmt == "json-unknown" else fmt, max_bytes)
    else:
        limit = (RAW_FACTOR if fmt == "html" else 4) * max_bytes
        data = read_limited(stream, limit)
        if data is None:
            yield too_large_raw(label, limit, max_bytes)
        elif fmt == "html":
            yield article_from_html_bytes(data, label, "html", max_bytes)
        else:
            yield article_from_text_bytes(data, label, max_bytes)


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


def _read_input(spec: str, max_bytes: int) -> Iterator[Item]:
    """read_input without the safety net."""
    if spec == "-":
        yield from _read_stream(_stdin_bytes(), "-", "", max_bytes)
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
            yield from _read_stream(handle, spec, spec, max_bytes)
        except OSError as error:
            yield Failed(spec, "unreadable", f"Reading the file failed: {error.strerror or error}.")


def read_input(spec: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Every article in one input (a file, '-' for stdin), or a Failed saying what is wrong and what to do."""
    try:
        yield from _read_input(spec, max_bytes)
    except Exception as error:  # a bug must not stop a corpus run: report it on this input
        yield Failed(
            spec, "internal",
            f"vnie failed on this input ({type(error).__name__}: {error}). This is a bug: please report it "
            "with the file.",
        )  # fmt: skip


def read_inputs(
    specs: Iterable[str], *, max_bytes: int = MAX_BYTES, exclude: Iterable[str] = (),
    skipped: Skipped | None = None,
) -> Iterator[Item]:  # fmt: skip
    """Every article of every input the specs name, streamed in order (see expand_inputs for the rest)."""
    if isinstance(specs, str):  # one spec given bare: not its characters
        specs = [specs]
    for path in expand_inputs(specs, exclude, skipped):
        yield from read_input(path, max_bytes=max_bytes)
