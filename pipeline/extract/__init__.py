"""Extraction: every kind's extractor is a pure function `(doc) -> list[Mention]`, from the kind registry.

Finding is separate from writing (spaCy's match / set_annotations split): all extractors find,
`resolve_overlaps` settles overlaps once, then each kind's `build` writes its record entries from
the surviving mentions (and may read the others: a figure's subject organisation and time).
"""

from __future__ import annotations

from typing import Any

from pipeline.extract.document import ArticleDoc, Segment, build_document
from pipeline.extract.merge import resolve_overlaps
from pipeline.kinds import registered_kinds
from pipeline.model import Mention


def find_mentions(doc: ArticleDoc) -> list[Mention]:
    """Every extractor's mentions, overlaps resolved."""
    found: list[Mention] = []
    for spec in registered_kinds():
        found.extend(spec.find(doc))
    return resolve_overlaps(found)


def extract(doc: ArticleDoc) -> dict[str, Any]:
    """The record's extraction fields: `entities` plus one list per kind."""
    mentions = find_mentions(doc)
    fields = {spec.field: spec.build([m for m in mentions if m.type == spec.label], doc, mentions)
              for spec in registered_kinds()}
    # a mention marked `entity: False` holds its span in the merge but names no entity: a fund's name, or
    # a name its kind's build set aside (a street's name read again as a person's); so entities come last
    entities = [m.as_entity() for m in mentions if m.attrs.get("entity", True)]
    return {"entities": entities, **fields}


__all__ = ["ArticleDoc", "Segment", "build_document", "extract", "find_mentions"]
