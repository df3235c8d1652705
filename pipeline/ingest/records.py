"""Articles from raw bytes (a worker's side of reading): text and HTML pages, crawler JSON records."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, BinaryIO

import regex

from pipeline.ingest.decode import convert_legacy, decode_bytes, normalize_text, repair_legacy
from pipeline.ingest.html import HtmlPage, collapse, extract_html, looks_like_html, split_authors
from pipeline.model import Failed, RawArticle, VnieError
from pipeline.settings import DEFAULT_MAX_BYTES

Item = RawArticle | Failed

MAX_BYTES = DEFAULT_MAX_BYTES  # largest article text (UTF-8 bytes) accepted unless a run says otherwise
RAW_FACTOR = 10  # an HTML page or a record may carry this many times its text in markup
URL_FIELDS = ("url", "link", "href", "uri")
TITLE_FIELDS = ("title", "headline")
HTML_FIELDS = ("html", "raw_html", "raw_content")
TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
DATE_FIELDS = ("published", "date", "time", "pubdate", "publish_date", "published_at", "datetime")
AUTHOR_FIELDS = ("author", "authors", "byline")
AUTHOR_NAME_KEYS = ("name", "full_name", "fullname", "display_name", "displayname")
META_CHARSET = regex.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", regex.IGNORECASE)
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
        path=path, text=text, fmt=fmt, url=url, title=title, heading=page.heading,
        published=published or page.published,
        published_guess=page.published_guess, guess_printed_in=page.guess_printed_in, authors=authors,
        digest=digest,
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


def article_from_record(record: Any, path: str, where: str, digest: str, max_bytes: int) -> Item:
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


def json_reason(error: Exception) -> str:
    """The parser's complaint, with where it is."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno} column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deep"
    return str(error).split(";")[0]  # e.g. a number of over 4300 digits, past Python's safe limit


def record_from_line(line: bytes, path: str, number: int, max_bytes: int) -> Item:
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
            f"Line {number} is not valid JSON ({json_reason(error)}). Fix or remove that line; the other "
            "lines are read.",
            digest,
        )  # fmt: skip
    return article_from_record(record, path, f"Line {number}", digest, max_bytes)
