"""What a reader is: one input format, how the parent cuts it into raw frames, how a worker reads one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pipeline.ingest.records import read_limited, sha1, too_large_raw
from pipeline.model import Failed, RawArticle

Item = RawArticle | Failed


@dataclass
class Frame:
    """The raw bytes of one article (or of one JSON document of articles), cut from an input by the
    parent and not yet decoded: decoding and parsing happen in a worker, under the time limit."""

    path: str  # as the record's source.path: FILE, or FILE#N for the N-th article of a container
    reader: str  # the name of the reader that reads it (its format)
    data: bytes
    digest: str = ""  # sha1 of the article's raw bytes when the parent knows it: the id is known early
    url: str | None = None  # what the container says (a WARC's target URI)
    charset: str | None = None  # what the container declares (a WARC response's Content-Type)
    part: str = ""  # what the bytes are, for readers with several kinds (a JSON line, item, document)
    number: int = 0  # its line or item number, for messages

    @property
    def size(self) -> int:
        """Bytes held: what a frame weighs in memory while it waits for a worker."""
        return len(self.data)


def whole_input(stream: BinaryIO, label: str, reader: str, limit: int, max_bytes: int,
                part: str = "") -> Iterator[Frame | Failed]:
    """The whole input as one frame, or a `too_large` failure past `limit` raw bytes."""
    data = read_limited(stream, limit)
    if data is None:
        yield too_large_raw(label, limit, max_bytes)
    else:
        yield Frame(label, reader, data, sha1(data), part=part)


# The parent's side: cut an opened input (its first bytes already read as `head`) into frames, or
# failures. Only cheap, linear work here (reading, gunzip, splitting lines, size caps, sha1).
Framer = Callable[[BinaryIO, bytes, str, int, str], Iterator["Frame | Failed"]]


@dataclass(frozen=True)
class Reader:
    """One input format: its extensions, how to recognise it, how to frame it and how to read a frame.

    Sniffing order (see readers.choose): readers that may hold binary data (`binary`) are tried on
    their `signature` before the binary-data check; a name's format is kept when `trusts_name`; then
    any reader's `signature` (unmistakable first bytes) wins over the name; then the name; then the
    first reader whose `looks_like` accepts the text, by `priority`; then the `fallback` reader.
    """

    name: str  # the record's source.format
    extensions: tuple[str, ...]  # lowercase, with the dot; ".gz" of any of them is read too
    frames: Framer  # parent: (stream, head, label, max_bytes, extension) -> frames and failures
    read: Callable[[Frame, int], list[Item]]  # worker: (frame, max_bytes) -> articles and failures
    signature: Callable[[bytes, str], bool] | None = None  # (head bytes, head text): surely this format
    looks_like: Callable[[str], bool] | None = None  # (head text): probably this format
    trusts_name: bool = True  # a file named with its extension is read as this format
    binary: bool = False  # its files may hold binary data (WARC records of images)
    own_gzip: bool = False  # it reads a gzipped file itself (record-by-record gzip of .warc.gz)
    fallback: bool = False  # read as this when nothing else fits
    priority: int = 50  # order of sniffing, lowest first
    # a file's article count for the progress bar (None: unknown until read)
    articles: Callable[[str], int | None] = lambda path: 1
