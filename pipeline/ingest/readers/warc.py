"""Web archives (.warc, .warc.gz): one article per HTML page response (status 200)."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from pipeline.ingest.readers.base import Frame, Item, Reader
from pipeline.ingest.records import RAW_FACTOR, article_from_html_bytes, read_limited, sha1, too_large_raw
from pipeline.model import Failed

HTML_TYPES = ("text/html", "application/xhtml")
GZIP_MAGIC = b"\x1f\x8b"
REPAIR = "Re-fetch the file or repair it (warcio recompress)."


def _warc_start(head: bytes) -> bool:
    """Whether the (possibly gzipped) first bytes are a WARC record header."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _unparsed_bytes(iterator: ArchiveIterator, stream: BinaryIO) -> int:
    """Bytes after the last record warcio could parse (warcio stops quietly on a cut gzip member)."""
    consumed = iterator.fh.tell()
    rest = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 16), b""))
    return consumed + rest - iterator.offset


def frames(
    stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
) -> Iterator[Frame | Failed]:
    """The payload of each HTML page response, with its URL and declared charset; other records are
    counted, not articles. warcio reads record-by-record gzip itself."""
    if not _warc_start(head):
        yield Failed(
            label, "bad_warc",
            "This file does not start with a WARC/1.x header: it is not a WARC, or its start is "
            "damaged. Rename it to its real type, or re-fetch it.",
            sha1(head),
        )  # fmt: skip
        return
    number = pages = 0
    seen: Counter[str] = Counter()
    limit = RAW_FACTOR * max_bytes
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
                yield Failed(path, "bad_warc", f"The record is cut short (truncated WARC). {REPAIR}", url=url)
            else:
                charset = content_type.partition("charset=")[2].strip(" \"';") or None
                yield Frame(path, "warc", payload, sha1(payload), url=url, charset=charset)
        leftover = _unparsed_bytes(iterator, stream)
    except Exception as error:  # warcio raises many types on damaged archives; keep what was read
        yield Failed(
            label, "bad_warc",
            f"The WARC is damaged after record {number} ({type(error).__name__}: {error}); the {pages} "
            f"page(s) before it were read. {REPAIR}",
        )  # fmt: skip
        return
    if leftover > 4:  # a few stray newlines at the end are harmless
        yield Failed(
            label, "bad_warc",
            f"The last {leftover} bytes after record {number} cannot be read (truncated or corrupt WARC); "
            f"the {pages} page(s) before them were read. {REPAIR}",
        )  # fmt: skip
    elif pages == 0:
        found = ", ".join(f"{count} {kind}" for kind, count in seen.most_common(5)) or "none"
        yield Failed(
            label, "no_articles",
            f"The WARC has {number} record(s) but no HTML page response (status 200, text/html); found: "
            f"{found}. Nothing to extract: check that the crawl saved the article pages.",
        )  # fmt: skip


def read(frame: Frame, max_bytes: int) -> list[Item]:
    """The page, decoded with the charset the response declared."""
    return [article_from_html_bytes(frame.data, frame.path, "warc", max_bytes, url=frame.url,
                                    declared=frame.charset)]


READER = Reader(
    name="warc",
    extensions=(".warc",),
    frames=frames,
    read=read,
    signature=lambda head, text: head.startswith(b"WARC/"),
    binary=True,
    own_gzip=True,
    priority=10,
    articles=lambda path: None,  # pages among other records: unknown until read
)
