"""Plain-text page dumps (.txt): the whole file is one article; the cleaner classifies its lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from pipeline.ingest.readers.base import Frame, Item, Reader
from pipeline.ingest.records import article_from_text_bytes, read_limited, sha1, too_large_raw
from pipeline.model import Failed

TEXT_FACTOR = 4  # a UTF-8 character takes at most 4 bytes: more raw bytes cannot be max_bytes of text


def frames(
    stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
) -> Iterator[Frame | Failed]:
    """The whole file, up to what max_bytes of text can take."""
    limit = TEXT_FACTOR * max_bytes
    data = read_limited(stream, limit)
    if data is None:
        yield too_large_raw(label, limit, max_bytes)
    else:
        yield Frame(label, "txt", data, sha1(data))


def read(frame: Frame, max_bytes: int) -> list[Item]:
    """The decoded text."""
    return [article_from_text_bytes(frame.data, frame.path, max_bytes)]


READER = Reader(
    name="txt",
    extensions=(".txt", ".text"),
    frames=frames,
    read=read,
    trusts_name=False,  # a saved page named .txt that starts like HTML is read as HTML
    fallback=True,
    priority=90,
)
