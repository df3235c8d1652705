"""HTML pages (.html, .htm...): the main content and metadata of one page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import regex

from pipeline.ingest.html import looks_like_html
from pipeline.ingest.readers.base import Frame, Item, Reader, whole_input
from pipeline.ingest.records import RAW_FACTOR, article_from_html_bytes
from pipeline.model import Failed

STRONG_MARKUP = regex.compile(r"<(?:!doctype\s+html|html|\?xml|head|body)\b", regex.IGNORECASE)


def frames(
    stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
) -> Iterator[Frame | Failed]:
    """The whole page, up to RAW_FACTOR times max_bytes of markup."""
    yield from whole_input(stream, label, "html", RAW_FACTOR * max_bytes, max_bytes)


def read(frame: Frame, max_bytes: int) -> list[Item]:
    """Charset, decoding, parsing and main-content extraction: the costly part, in a worker."""
    return [article_from_html_bytes(frame.data, frame.path, "html", max_bytes)]


READER = Reader(
    name="html",
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    frames=frames,
    read=read,
    signature=lambda head, text: STRONG_MARKUP.match(text) is not None,
    looks_like=looks_like_html,
    priority=30,
)
