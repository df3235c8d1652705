"""The data that flows between stages: raw pages, mentions, records and error records."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from typing import Any

from pipeline.kinds import registered_kinds

# a line of the page text holding a no-break space marks where an image stood: text dumps leave it,
# the HTML reader writes it above a caption, the cleaner reads the line under it as a caption
IMAGE_PLACEHOLDER = "\xa0"

Result = tuple[str, dict[str, Any]]  # what the engine yields an input: ("record" or "error", its line)


@dataclass
class RawArticle:
    """One article as ingest found it: decoded text plus whatever the container told us."""

    path: str  # the input as given; "FILE#N" for the N-th record of a JSONL/WARC file
    text: str = ""  # decoded, NFC page text (plain text or main content extracted from HTML)
    fmt: str = "txt"  # txt, html, jsonl, warc
    url: str | None = None
    title: str | None = None  # from the container (crawler field, HTML <title>/og:title)
    heading: str | None = None  # the HTML page's headline element (<h1>, else classed a title), as printed
    published: str | None = None  # raw date string from the container
    published_guess: str | None = None  # a date guessed from the HTML page's text, not declared by it
    guess_printed_in: tuple[str, ...] = ()  # the page's own texts that print the guessed date's year
    authors: list[str] = field(default_factory=list)
    digest: str = ""  # sha1 of the raw bytes of this article, for the stable id


@dataclass(frozen=True)
class Mention:
    """One span of a field of the article, found by an extractor.

    `field` names the string the offsets index: "text" (the clean body), "title",
    "captions.N" or "meta.N"; `attrs` carries the normalised value (id, value, unit...).
    """

    type: str
    start: int
    end: int
    text: str
    field: str = "text"
    attrs: dict[str, Any] = dataclass_field(default_factory=dict, compare=False, hash=False)
    priority: int = 0  # higher wins overlaps of the same type (e.g. a coded symbol over a short form)

    def as_entity(self) -> dict[str, Any]:
        """The record's `entities` item for this mention."""
        entity = {"type": self.type, "text": self.text, "start": self.start, "end": self.end}
        if self.field != "text":
            entity["field"] = self.field
        return entity

    def as_mention(self) -> dict[str, Any]:
        """The item of a named kind's `mentions` list for this mention (kinds.MENTION_SCHEMA)."""
        return {"text": self.text, "start": self.start, "end": self.end, "field": self.field}


class VnieError(Exception):
    """A failure on one input that becomes an error record; `kind` is the error type."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class ArticleTimeout(Exception):
    """An article took longer than the per-article limit (the engine reports it as a `timeout` error)."""


def stable_id(path: str, digest: str) -> str:
    """Same input, same id, on any machine: hash of the content and its position in a container."""
    # The path's basename and record number (not the absolute path) keep ids stable across machines.
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    # surrogateescape: a file name with non-UTF-8 bytes hashes as those bytes (os.fsencode)
    return hashlib.sha1(f"{name}\x00{digest}".encode("utf-8", "surrogateescape")).hexdigest()[:16]


def empty_record(raw: RawArticle) -> dict[str, Any]:
    """A record with every contract field present, to be filled by the stages."""
    return {
        "id": stable_id(raw.path, raw.digest),
        "source": {"path": raw.path, "url": raw.url, "outlet": None, "format": raw.fmt},
        "lang": None,
        "province": None,
        "province_2025": None,
        "title": None,
        "published": None,
        "authors": [],
        "text": "",
        "captions": [],
        "meta": [],
        "boilerplate": [],
        "entities": [],
        **{spec.field: [] for spec in registered_kinds()},
        "story_id": None,  # set where the batch and the store are in view (pipeline.store.stories)
        "original": None,
    }


def each_record(results: Iterable[Result], settle: Callable[[dict[str, Any]], None]) -> Iterator[Result]:
    """The results in their order, each record passed to `settle` first (error records pass through)."""
    for kind, obj in results:
        if kind == "record":
            settle(obj)
        yield kind, obj


def error_record(path: str, digest: str, kind: str, message: str, url: str | None = None) -> dict[str, Any]:
    """The error file's line for an input that could not be turned into a record."""
    return {
        "id": stable_id(path, digest),
        "source": {"path": path, "url": url},
        "error": {"type": kind, "message": message},
    }


@dataclass
class Failed:
    """An input (or one record of a container) that could not be read: becomes an error record."""

    path: str
    kind: str  # e.g. empty, binary, undecodable, bad_json, no_content, unreadable, too_large, timeout
    message: str  # what a person can do about it
    digest: str = ""
    url: str | None = None

    def record(self) -> dict[str, Any]:
        """The error file's line for this failure."""
        return error_record(self.path, self.digest, self.kind, self.message, self.url)
