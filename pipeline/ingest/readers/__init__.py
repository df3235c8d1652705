"""The input formats vnie reads: one `Reader` per module of this package, found at import.

Adding a format is adding one module that defines `READER = Reader(...)`: its extensions, how to
recognise it, how the parent frames it and how a worker reads a frame. The record schema's
`source.format`, the database's description of `format` and the progress counter come from here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from functools import cache

from pipeline.ingest.decode import binary_message
from pipeline.ingest.readers.base import Frame, Item, Reader
from pipeline.ingest.records import sha1
from pipeline.model import Failed

__all__ = [
    "Frame", "Item", "Reader", "by_name", "choose", "formats", "read_frame", "reader_for_path", "readers",
]  # fmt: skip


@cache
def readers() -> tuple[Reader, ...]:
    """Every reader of this package, in sniffing order."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            reader = getattr(importlib.import_module(f"{__name__}.{module.name}"), "READER", None)
            if isinstance(reader, Reader):
                found.append(reader)
    return tuple(sorted(found, key=lambda reader: (reader.priority, reader.name)))


def formats() -> list[str]:
    """The record's possible `source.format` values."""
    return [reader.name for reader in readers()]


def by_name(name: str) -> Reader:
    """The reader of a format."""
    return next(reader for reader in readers() if reader.name == name)


def reader_for_path(path: str) -> tuple[Reader | None, str]:
    """The reader a file's name claims (its extension, under any .gz), and that extension."""
    lower = path.lower().removesuffix(".gz")
    extension = os.path.splitext(lower)[1]
    return next((reader for reader in readers() if extension in reader.extensions), None), extension


def _head_text(head: bytes) -> str:
    """The first bytes as text, for sniffing only."""
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    return head[:4096].decode("utf-16" if utf16 else "utf-8", "replace").lstrip("\ufeff \t\r\n")


def choose(named: Reader | None, head: bytes, label: str) -> Reader | Failed:
    """The reader for an input, from the reader its name claims and its first (decompressed) bytes."""
    if not head.strip():
        return Failed(label, "empty", "The input is empty (or only whitespace): there is nothing to read.")
    text = _head_text(head)
    for reader in readers():
        if reader.binary and (named is reader or (reader.signature and reader.signature(head, text))):
            return reader  # before the binary check: a WARC holds images
    message = binary_message(head)
    if message:
        return Failed(label, "binary", message, sha1(head))
    if named is not None and named.trusts_name:
        return named
    for reader in readers():
        if reader.signature and reader.signature(head, text):
            return reader
    if named is not None:
        return named
    for reader in readers():
        if reader.looks_like and reader.looks_like(text):
            return reader
    return next(reader for reader in readers() if reader.fallback)


def read_frame(frame: Frame, max_bytes: int) -> list[Item]:
    """A worker's side: the articles (or failures) in one frame's bytes."""
    return by_name(frame.reader).read(frame, max_bytes)
