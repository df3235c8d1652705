"""Extraction: every extractor is a pure function `(doc) -> list[Mention]`, listed in one table.

Finding is separate from writing (spaCy's match / set_annotations split): all extractors find,
`resolve_overlaps` settles overlaps once, then each kind's `build` writes its record entries from
the surviving mentions (and may read the others: a figure's subject organisation and time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.extract import dates, directives, figures, locations, organizations, people
from pipeline.extract.document import ArticleDoc, Segment, build_document
from pipeline.extract.merge import resolve_overlaps
from pipeline.model import Mention

Finder = Callable[[ArticleDoc], list[Mention]]
Builder = Callable[[list[Mention], ArticleDoc, list[Mention]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Extractor:
    """One kind of mention: its entity type, record field, finder and builder."""

    type: str
    field: str
    find: Finder
    build: Builder


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("DIRECTIVE", "directives", directives.find, directives.build),
    Extractor("DATE", "dates", dates.find, dates.build),
    Extractor("FIGURE", "figures", figures.find, figures.build),
    Extractor("ORG", "organizations", organizations.find, organizations.build),
    Extractor("PER", "people", people.find, people.build),
    Extractor("LOC", "locations", locations.find, locations.build),
)


def find_mentions(doc: ArticleDoc) -> list[Mention]:
    """Every extractor's mentions, overlaps resolved."""
    found: list[Mention] = []
    for extractor in EXTRACTORS:
        found.extend(extractor.find(doc))
    return resolve_overlaps(found)


def extract(doc: ArticleDoc) -> dict[str, Any]:
    """The record's extraction fields: `entities` plus one list per kind."""
    mentions = find_mentions(doc)
    result: dict[str, Any] = {"entities": [m.as_entity() for m in mentions]}
    for extractor in EXTRACTORS:
        own = [m for m in mentions if m.type == extractor.type]
        result[extractor.field] = extractor.build(own, doc, mentions)
    return result


__all__ = ["EXTRACTORS", "ArticleDoc", "Extractor", "Segment", "build_document", "extract", "find_mentions"]
