"""Articles from bytes and crawler records: text and HTML pages, JSON Lines, JSON arrays and objects."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, BinaryIO

import regex

from pipeline.ingest.decode import convert_legacy, decode_bytes, normalize_text, repair_legacy
from pipeline.ingest.html import HtmlPage, collapse, extract_html, looks_like_html, split_authors
from pipeline.model import Failed, RawArticle, VnieError

Item = RawArticle | Failed

MAX_BYTES = 5_000_000  # largest article text (UTF-8 bytes) accepted
RAW_FACTOR = 10  # an HTML page or a record may carry this many times its text in markup
URL_FIELDS = ("url", "link", "href", "uri")
TITLE_FIELDS = ("title", "headline")
HTML_FIELDS = ("html", "raw_html", "raw_content")
TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
DATE_FIELDS = ("published", "date", "time", "pubdate", "publish_date", "published_at", "datetime")
AUTHOR_FIELDS = ("author", "authors", "byline")
AUTHOR_NAME_KEYS = ("name", "full_name", "fullname", "display_name", "displayname")
META_CHARSET = regex.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", regex.IGNORECASE)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SPLIT_ADVICE = "If it is really several articles, split it; if it is one, raise max_bytes."


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes, fewer only at the end of the stream."""
    chunks, total = [], 0
    while total < size:
        chunk = stream.read(size - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def sha1(data: bytes) -> str:
    """The digest that makes ids stable: sha1 of the article's raw bytes."""
    return hashlib.sha1(data).hexdigest()


def _megabytes(size: int) -> str:
    """A size as people read it."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} KB" if size >= 1000 else f"{size} bytes"


def too_large(path: str, size: int, limit: int, digest: str = "", url: str | None = None) -> Failed:
    """The failure for an article whose text (size, in UTF-8 bytes) is over max_bytes (limit)."""
    return Failed(
        path, "too_large",
        f"This article's text is {_megabytes(size)}, over the {_megabytes(limit)} limit for one article. "
        f"{SPLIT_ADVICE}",
        digest, url,
    )  # fmt: skip


def too_large_raw(path: str, raw_limit: int, max_bytes: int, url: str | None = None) -> Failed:
    """The failure for an input whose raw bytes are too many to hold one article of max_bytes."""
    return Failed(
        path, "too_large",
        f"This input is over {_megabytes(raw_limit)}, too much for one article (the limit is "
        f"{_megabytes(max_bytes)} of text) and not read further. {SPLIT_ADVICE}",
        url=url,
    )  # fmt: skip


def check_size(text: str, path: str, max_bytes: int, digest: str, url: str | None = None) -> Failed | None:
    """too_large when the text's UTF-8 size is over max_bytes."""
    if len(text) * 4 <= max_bytes:  # cheap bound: no UTF-8 character is longer than 4 bytes
        return None
    size = len(text.encode("utf-8", errors="surrogatepass"))
    return too_large(path, size, max_bytes, digest, url) if size > max_bytes else None


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """The whole stream, or None when it is longer than limit."""
    data = read_up_to(stream, limit + 1)
    return None if len(data) > limit else data


def article_from_text_bytes(data: bytes, path: str, max_bytes: int) -> Item:
    """A plain-text page dump: the whole decoded text; the cleaner classifies its lines."""
    digest = sha1(data)
    try:
        text = decode_bytes(data)
    except VnieError as error:
        return Failed(path, error.kind, error.message, digest)
    too_big = check_size(text, path, max_bytes, digest)
    return too_big or RawArticle(path=path, text=text, fmt="txt", digest=digest)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in <meta charset> or http-equiv, if any."""
    match = META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _article_from_html(html: str, path: str, fmt: str, digest: str, max_bytes: int, url: str | None) -> Item:
    """The main content and metadata of a decoded HTML page."""
    try:
        page = extract_html(html, url)
    except VnieError as error:
        return Failed(path, error.kind, error.message, digest, url)
    return _article(page.text, path, fmt, digest, max_bytes, page, url=url)


def article_from_html_bytes(
    data: bytes, path: str, fmt: str, max_bytes: int, url: str | None = None, declared: str | None = None
) -> Item:
    """An HTML page from its bytes: charset from the bytes (BOM, meta, header), then content."""
    digest = sha1(data)
    try:
        html = decode_bytes(data, declared or _declared_charset(data))
    except VnieError as error:
        return Failed(path, error.kind, error.message, digest, url)
    return _article_from_html(html, path, fmt, digest, max_bytes, url)


def _article(
    text: str, path: str, fmt: str, digest: str, max_bytes: int, page: HtmlPage | None = None,
    url: str | None = None, title: str | None = None, published: str | None = None,
    authors: list[str] | None = None,
) -> Item:  # fmt: skip
    """A RawArticle from text and whatever the container and the page said (container first)."""
    text, legacy = repair_legacy(normalize_text(text))
    page = page or HtmlPage(text="")
    url = url or page.url
    if not text.strip():
        message = "The article's text is only whitespace or control characters: check what the crawler saved."
        return Failed(path, "no_content", message, digest, url)
    failure = check_size(text, path, max_bytes, digest, url)
    if failure:
        return failure
    title = collapse(convert_legacy(normalize_text(title), legacy)) if title else page.title
    authors = [convert_legacy(normalize_text(name), legacy) for name in (authors or page.authors)]
    return RawArticle(
        path=path, text=text, fmt=fmt, url=url, title=title, published=published or page.published,
        authors=authors, html_outlet=page.outlet, digest=digest,
    )  # fmt: skip


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    """Keys lowercased (first spelling wins), with one level of nested objects as fallbacks."""
    fields: dict[str, Any] = {}
    for key, value in record.items():
        fields.setdefault(str(key).lower(), value)
    for value in record.values():
        if isinstance(value, dict):
            for key, inner in value.items():
                fields.setdefault(str(key).lower(), inner)
    return fields


def _text_value(value: Any) -> str | None:
    """A string field, a list of strings (paragraphs) joined by lines, or None."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        parts = [item for item in value if isinstance(item, str) and item.strip()]
        return "\n".join(parts) or None
    return None


def _first_field(fields: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of these fields holding text."""
    return next((text for name in names if name in fields and (text := _text_value(fields[name]))), None)


def _date_value(value: Any) -> str | None:
    """A date as the crawler wrote it; epoch seconds or milliseconds become ISO UTC."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")
        except (OverflowError, OSError, ValueError):
            return str(value)
    return collapse(_text_value(value).split("\n")[0]) if _text_value(value) else None


def _author_names(value: Any, depth: int = 0) -> list[str]:
    """The name strings in an author value: strings, {"name": ...} objects, lists of them; never
    the text of another type (null, numbers, nested lists are read through or dropped)."""
    if isinstance(value, str):
        return [value]
    if depth > 3:
        return []
    if isinstance(value, dict):
        keys = {str(key).lower(): inner for key, inner in value.items()}
        return next((_author_names(keys[key], depth + 1) for key in AUTHOR_NAME_KEYS if key in keys), [])
    if isinstance(value, list):
        return [name for item in value for name in _author_names(item, depth + 1)]
    return []


def _authors_value(value: Any) -> list[str]:
    """Names from a string, a list of strings, or {"name": ...} objects (alone or in a list)."""
    return split_authors(value if isinstance(value, str) else _author_names(value))


def _article_from_record(record: Any, path: str, where: str, digest: str, max_bytes: int) -> Item:
    """One crawler record (a JSON object) as an article."""
    if not isinstance(record, dict):
        kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(record), "number")
        return Failed(
            path, "not_an_object",
            f"{where} is a JSON {kind}, not an object. Each record must be one object with the article's "
            "fields (url, title, text or html, date, author).",
            digest,
        )  # fmt: skip
    fields = _fields(record)
    url = collapse(_first_field(fields, URL_FIELDS))
    html = _first_field(fields, HTML_FIELDS)
    text = _first_field(fields, TEXT_FIELDS)
    if text and not html and looks_like_html(text):
        html, text = text, None  # crawlers that store the page under "content"
    page = None
    if not text and html:
        if len(html) > RAW_FACTOR * max_bytes:
            return too_large_raw(path, RAW_FACTOR * max_bytes, max_bytes, url)
        try:
            page = extract_html(normalize_text(html), url)
        except VnieError as error:
            return Failed(path, error.kind, f"{where}: {error.message}", digest, url)
        text = page.text
    if not text:
        found = ", ".join(sorted(str(key) for key in record)[:12]) or "none"
        return Failed(
            path, "no_content",
            f"{where} has no article text (its fields: {found}). Put the text in one of "
            f"{'/'.join(TEXT_FIELDS)} or the page in {'/'.join(HTML_FIELDS)}.",
            digest, url,
        )  # fmt: skip
    dates = (_date_value(fields[name]) for name in DATE_FIELDS if name in fields)
    bylines = (_authors_value(fields[name]) for name in AUTHOR_FIELDS if name in fields)
    return _article(
        text, path, "jsonl", digest, max_bytes, page, url=url, title=_first_field(fields, TITLE_FIELDS),
        published=next((date for date in dates if date), None), authors=next((a for a in bylines if a), []),
    )  # fmt: skip


def internal_failure(path: str, error: Exception, digest: str = "") -> Failed:
    """A bug met on one input: reported on it, so the run goes on."""
    return Failed(
        path, "internal",
        f"vnie failed on this input ({type(error).__name__}: {error}). This is a bug: please report it "
        "with the input.",
        digest,
    )  # fmt: skip


def _json_reason(error: Exception) -> str:
    """The parser's complaint, with where it is."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno} column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deep"
    return str(error).split(";")[0]  # e.g. a number of over 4300 digits, past Python's safe limit


def _record_from_line(line: bytes, path: str, number: int, max_bytes: int) -> Item:
    """Parse one JSONL line (its bytes are the record's digest) into an article or a failure."""
    digest = sha1(line)
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(line)
        except VnieError as error:
            return Failed(path, error.kind, f"Line {number}: {error.message}", digest)
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as error:  # ValueError: also a number too long to convert
        return Failed(
            path, "bad_json",
            f"Line {number} is not valid JSON ({_json_reason(error)}). Fix or remove that line; the other "
            "lines are read.",
            digest,
        )  # fmt: skip
    return _article_from_record(record, path, f"Line {number}", digest, max_bytes)


def _lines(stream: BinaryIO, head: bytes, line_limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes without the line end) for each non-blank line; None for an overlong one."""
    encoding = "utf-16" if head.startswith(UTF16_BOMS) else None
    if encoding:  # PowerShell's `>` writes UTF-16: lines must be split on characters, not bytes
        # surrogatepass: a lone surrogate damages its own line (decoded there), not the whole file
        chars = io.TextIOWrapper(stream, encoding=encoding, errors="surrogatepass", newline=None)
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


def _read_json_lines(stream: BinaryIO, head: bytes, label: str, max_bytes: int) -> Iterator[Item]:
    """Every line of a JSON Lines stream as an article or a failure of its own."""
    limit = RAW_FACTOR * max_bytes
    for number, line in _lines(stream, head, limit):
        path = f"{label}#{number}"
        if line is None:
            yield too_large_raw(path, limit, max_bytes)
            continue
        try:
            yield _record_from_line(line, path, number, max_bytes)
        except Exception as error:  # a bug on one line must not end the file: the next line is read
            yield internal_failure(path, error, sha1(line))


def _json_array_items(chars: io.TextIOBase, chunk: int = 1 << 16) -> Iterator[Any]:
    """Items of a top-level JSON array, parsed incrementally (an array of a million pages stays small)."""
    decoder = json.JSONDecoder()
    buffer, position, at_end = "", 0, False

    def more() -> None:
        nonlocal buffer, position, at_end
        data = chars.read(max(chunk, len(buffer) - position))  # doubling: big items parse in linear time
        at_end = not data
        buffer, position = buffer[position:] + data, 0

    def skip_blank() -> None:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n\ufeff":
                position += 1
            if position < len(buffer) or at_end:
                return
            more()

    skip_blank()
    if buffer[position : position + 1] != "[":
        raise ValueError("the file does not start with '['")
    position += 1
    expect_item = True
    while True:
        skip_blank()
        if position >= len(buffer):
            raise ValueError("the array is not closed with ']' (truncated file?)")
        if buffer[position] == "]":
            return
        if not expect_item:
            if buffer[position] != ",":
                raise ValueError(f"expected ',' or ']' but found {buffer[position]!r}")
            position += 1
            expect_item = True
            continue
        try:
            item, end = decoder.raw_decode(buffer, position)
        except json.JSONDecodeError as error:
            if at_end:
                raise ValueError(error.msg) from None
            more()
            continue
        if not at_end and (end >= len(buffer) or buffer[end] not in " \t\r\n,]"):
            more()  # "12" or "0." may go on in the next chunk: parse the item again whole
            continue
        yield item
        position, expect_item = end, False


def _read_json_array(stream: BinaryIO, head: bytes, label: str, max_bytes: int) -> Iterator[Item]:
    """Every item of a JSON array file as an article; a syntax error stops it, keeping what was read."""
    encoding = "utf-16" if head.startswith(UTF16_BOMS) else "utf-8-sig"
    chars = io.TextIOWrapper(stream, encoding=encoding, errors="replace")
    index = 0
    try:
        for index, item in enumerate(_json_array_items(chars), 1):
            digest = _record_digest(item)
            yield _article_from_record(item, f"{label}#{index}", f"Item {index}", digest, max_bytes)
    except (ValueError, RecursionError) as error:
        yield Failed(
            f"{label}#{index + 1}", "bad_json",
            f"The JSON array breaks after item {index} ({error}). Fix the file; the items before were read.",
        )  # fmt: skip


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
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
    return True


def read_json(
    stream: BinaryIO, head: bytes, label: str, hint: str | None, max_bytes: int
) -> Iterator[Item]:
    """A JSON/JSONL input: lines, an array, or one object, as its first bytes say."""
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")[:1]
    if start == b"[":
        yield from _read_json_array(stream, head, label, max_bytes)
        return
    if start == b"{" and hint != "jsonl":
        # One object on one line in a .json is one document; more lines of objects are JSON Lines.
        lines = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)
        more_lines = len(lines) > 1 and bool(lines[1].strip())
        as_lines = first_line_parses(head) and (hint is None or more_lines)
    else:
        as_lines = hint != "json"
    if as_lines:
        yield from _read_json_lines(stream, head, label, max_bytes)
        return
    data = read_limited(stream, RAW_FACTOR * max_bytes)
    if data is None:
        yield too_large_raw(label, RAW_FACTOR * max_bytes, max_bytes)
        return
    digest = sha1(data)
    try:
        record = json.loads(decode_bytes(data))
    except VnieError as error:
        yield Failed(label, error.kind, error.message, digest)
        return
    except (json.JSONDecodeError, RecursionError) as error:
        message = f"The file is not valid JSON ({_json_reason(error)}). Fix it and run again."
        yield Failed(label, "bad_json", message, digest)
        return
    wrapped = _wrapped_records(record)
    if wrapped is None:
        yield _article_from_record(record, label, "The file", digest, max_bytes)
        return
    for index, item in enumerate(wrapped, 1):
        yield _article_from_record(item, f"{label}#{index}", f"Item {index}", _record_digest(item), max_bytes)
