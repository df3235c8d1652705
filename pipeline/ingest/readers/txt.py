"""Plain-text page dumps (.txt): the whole file is one article; the cleaner classifies its lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from pipeline.ingest.readers.base import Frame, Item, Reader, whole_input
from pipeline.ingest.records import article_from_text_bytes
from pipeline.model import Failed

TEXT_FACTOR = 4  # a UTF-8 character takes at most 4 bytes: more raw bytes cannot be max_bytes of text


def frames(
    stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
) -> Iterator[Frame | Failed]:
    """The whole file, up to what max_bytes of text can take."""
    yield from whole_input(stream, label, "txt", TEXT_FACTOR * max_bytes, max_bytes)


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
