"""Crawler JSON (.jsonl, .ndjson, .json): JSON Lines, a JSON array of records, or one JSON document.

The parent cuts the bytes of each line, of each item of an array (a scanner that follows strings
and brackets, never parses) or of the whole document; a worker parses them. A bad line or item is
one error record, and the next is read.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import regex

from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.readers.base import Frame, Item, Reader, whole_input
from pipeline.ingest.records import (
    HTML_FIELDS,
    RAW_FACTOR,
    TEXT_FIELDS,
    article_from_record,
    json_reason,
    record_from_line,
    sha1,
    too_large_raw,
)
from pipeline.model import Failed, VnieError

JSON_START = regex.compile(r'\{\s*(?:"|\})|\[\s*[\[{"\d\-tfn\]]')
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
BLANK = b" \t\r\n"
NAMED = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
STRUCTURE = re.compile(rb'["\[\]{},]')  # what a scanner outside strings stops at
IN_STRING = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+', re.DOTALL)  # a string's body, escapes included


def _lone_surrogate_or_replace(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a lone surrogate kept (its line decodes it), anything else replaced (a
    cut last character), so one bad unit damages its own line, never the whole file."""
    try:
        return codecs.lookup_error("surrogatepass")(error)
    except UnicodeError:
        return "\ufffd", error.end  # type: ignore[attr-defined]


codecs.register_error("vnie_utf16_lines", _lone_surrogate_or_replace)


def _lines(stream: BinaryIO, head: bytes, line_limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes without the line end) for each non-blank line; None for an overlong one."""
    if head.startswith(UTF16_BOMS):  # PowerShell's `>` writes UTF-16: lines are split on characters
        chars = io.TextIOWrapper(stream, encoding="utf-16", errors="vnie_utf16_lines", newline=None)
        for number, line in enumerate(chars, 1):
            if line.strip():
                yield number, line.strip().encode("utf-8", errors="surrogatepass")
        return
    number = 0
    while line := stream.readline(line_limit + 1):
        number += 1
        if len(line) > line_limit and not line.endswith(b"\n"):
            while (rest := stream.readline(line_limit)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the overlong line without holding it
            yield number, None
            continue
        line = line.strip()
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line:
            yield number, line


class _Utf8(io.RawIOBase):
    """A UTF-16 stream as UTF-8 bytes (undecodable units replaced), so the array scanner sees bytes."""

    def __init__(self, stream: BinaryIO):
        self._chars = io.TextIOWrapper(stream, encoding="utf-16", errors="replace")
        self._pending = b""

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (fewer only at the end)."""
        while size < 0 or len(self._pending) < size:
            chars = self._chars.read(1 << 16 if size < 0 else max(1 << 12, size))
            if not chars:
                break
            self._pending += chars.encode("utf-8")
        cut = len(self._pending) if size < 0 else size
        data, self._pending = self._pending[:cut], self._pending[cut:]
        return data


class _ArrayScanner:
    """The raw bytes of each item of a top-level JSON array, in one pass and bounded memory: strings and
    bracket depth are followed, nothing is parsed. An item over `limit` bytes is skipped, not held."""

    def __init__(self, stream: BinaryIO, limit: int, chunk: int = 1 << 16):
        self.stream, self.limit, self.chunk = stream, limit, chunk
        self.buffer, self.position, self.at_end = b"", 0, False

    def _more(self, keep_from: int) -> None:
        """Read on, dropping the buffer before `keep_from`; doubling keeps big items linear."""
        data = self.stream.read(max(self.chunk, len(self.buffer) - keep_from))
        self.at_end = not data
        self.buffer = self.buffer[keep_from:] + data
        self.position -= keep_from

    def _skip_blank(self) -> bytes:
        """The next byte after blanks (b'' at the end), without consuming it."""
        while True:
            while self.position < len(self.buffer) and self.buffer[self.position] in BLANK:
                self.position += 1
            if self.position < len(self.buffer) or self.at_end:
                return self.buffer[self.position : self.position + 1]
            self._more(self.position)

    def items(self) -> Iterator[bytes | None]:
        """Each item's bytes, or None for one over the limit; ValueError when the array is broken."""
        self._more(0)
        if self.buffer.startswith(b"\xef\xbb\xbf"):
            self.position = 3
        if self._skip_blank() != b"[":
            raise ValueError("the file does not start with '['")
        self.position += 1
        if self._skip_blank() == b"]":
            return
        while True:
            self._skip_blank()
            item, closed = self._item()
            yield item
            if closed:
                return

    def _item(self) -> tuple[bytes | None, bool]:
        """One item from the current position, and whether the array closed after it."""
        start, depth, in_string, too_big = self.position, 0, False, False
        while True:
            if not too_big and self.position - start > self.limit:
                too_big = True
            if too_big:  # not held: keep only what the scan still needs
                self.buffer, self.position = self.buffer[self.position :], 0
            if in_string:
                end = IN_STRING.match(self.buffer, self.position).end()  # type: ignore[union-attr]
                if self.buffer[end : end + 1] == b'"':
                    self.position, in_string = end + 1, False
                    continue
                self.position = end  # the string goes on (or an escape is cut) past what is read
            else:
                match = STRUCTURE.search(self.buffer, self.position)
                if match is not None:
                    token, self.position = match.group(), match.end()
                    if token == b'"':
                        in_string = True
                    elif token in b"[{":
                        depth += 1
                    elif depth > 0 and token in b"]}":
                        depth -= 1
                    elif depth == 0:  # a comma, or the array's own ']', ends the item
                        item = self.buffer[start : match.start()].strip(BLANK)
                        if not item and not too_big:
                            raise ValueError(f"expected a value before {token.decode()!r}")
                        return (None if too_big else item), token == b"]"
                    continue
                self.position = len(self.buffer)
            if self.at_end:
                raise ValueError("the array is not closed with ']' (truncated file?)")
            keep = self.position if too_big else start
            self._more(keep)
            start -= keep


def _record_digest(item: Any) -> str:
    """A record's digest from its canonical JSON: the same record, the same id."""
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False)
    return sha1(canonical.encode("utf-8", "surrogatepass"))


def _wrapped_records(document: Any) -> list[Any] | None:
    """The records of an export like {"articles": [{...}, ...]}: an object without article fields."""
    if not isinstance(document, dict) or any(
        str(key).lower() in TEXT_FIELDS + HTML_FIELDS for key in document
    ):
        return None
    return next(
        (value for value in document.values() if isinstance(value, list) and value
         and all(isinstance(item, dict) for item in value)),
        None,
    )  # fmt: skip


def first_line_parses(head: bytes) -> bool:
    """Whether the first line of the head is a whole JSON value: the file is JSON Lines."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    try:
        json.loads(first.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


def _layout(head: bytes, named: str | None) -> str:
    """"array", "lines" or "document", from the first bytes and what the name says."""
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")[:1]
    if start == b"[":
        return "array"
    if start == b"{" and named != "jsonl":
        # One object on one line in a .json is one document; more lines of objects are JSON Lines.
        lines = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)
        more_lines = len(lines) > 1 and bool(lines[1].strip())
        return "lines" if first_line_parses(head) and (named is None or more_lines) else "document"
    return "document" if named == "json" else "lines"


def frames(
    stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
) -> Iterator[Frame | Failed]:
    """Each line, each array item, or the whole document, as raw bytes."""
    limit = RAW_FACTOR * max_bytes
    layout = _layout(head, NAMED.get(extension))
    if layout == "lines":
        for number, line in _lines(stream, head, limit):
            path = f"{label}#{number}"
            if line is None:
                yield too_large_raw(path, limit, max_bytes)
            else:
                yield Frame(path, "jsonl", line, sha1(line), part="line", number=number)
        return
    if layout == "array":
        utf8 = _Utf8(stream) if head.startswith(UTF16_BOMS) else stream
        index = 0
        try:
            for index, item in enumerate(_ArrayScanner(utf8, limit).items(), 1):  # type: ignore[arg-type]
                path = f"{label}#{index}"
                if item is None:
                    yield too_large_raw(path, limit, max_bytes)
                else:
                    yield Frame(path, "jsonl", item, part="item", number=index)
        except ValueError as error:
            yield Failed(
                f"{label}#{index + 1}", "bad_json",
                f"The JSON array breaks after item {index} ({error}). Fix the file; the items before were "
                "read.",
            )  # fmt: skip
        return
    yield from whole_input(stream, label, "jsonl", limit, max_bytes, part="document")


def _read_item(frame: Frame, max_bytes: int) -> Item:
    """One item of a JSON array."""
    where = f"Item {frame.number}"
    try:
        item = json.loads(frame.data.decode("utf-8", "replace"))
    except (ValueError, RecursionError) as error:
        return Failed(
            frame.path, "bad_json",
            f"{where} of the array is not valid JSON ({json_reason(error)}). Fix or remove it; the other "
            "items are read.",
            sha1(frame.data),
        )  # fmt: skip
    return article_from_record(item, frame.path, where, _record_digest(item), max_bytes)


def _read_document(frame: Frame, max_bytes: int) -> list[Item]:
    """A JSON file of one record, or an export wrapping a list of records."""
    label, digest = frame.path, frame.digest
    try:
        record = json.loads(decode_bytes(frame.data))
    except VnieError as error:
        return [Failed(label, error.kind, error.message, digest)]
    except (ValueError, RecursionError) as error:
        message = f"The file is not valid JSON ({json_reason(error)}). Fix it and run again."
        return [Failed(label, "bad_json", message, digest)]
    wrapped = _wrapped_records(record)
    if wrapped is None:
        return [article_from_record(record, label, "The file", digest, max_bytes)]
    return [article_from_record(item, f"{label}#{index}", f"Item {index}", _record_digest(item), max_bytes)
            for index, item in enumerate(wrapped, 1)]


def read(frame: Frame, max_bytes: int) -> list[Item]:
    """The record (or records) in a frame's bytes."""
    if frame.part == "line":
        return [record_from_line(frame.data, frame.path, frame.number, max_bytes)]
    if frame.part == "item":
        return [_read_item(frame, max_bytes)]
    return _read_document(frame, max_bytes)


def _count_lines(path: str) -> int | None:
    """Lines of an uncompressed JSON Lines file, for the progress bar; None when it cannot say cheaply."""
    if not path.lower().endswith((".jsonl", ".ndjson")):
        return None
    try:
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 1


READER = Reader(
    name="jsonl",  # records from .json files too: one format for crawler records
    extensions=(".jsonl", ".ndjson", ".json"),
    frames=frames,
    read=read,
    looks_like=lambda text: JSON_START.match(text) is not None,
    priority=20,
    articles=_count_lines,
)
