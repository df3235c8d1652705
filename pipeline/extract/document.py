"""The article as extractors see it: each field of the record as a segmented spaCy Doc."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads with the first document, not with the kind registry
    from spacy.tokens import Doc


@dataclass
class Segment:
    """One string of the record that extractors read: `field` says which ("text", "title", "captions.0")."""

    field: str
    text: str
    doc: Doc

    def sentence_at(self, start: int, end: int) -> str:
        """The text of the sentence holding characters start..end (the first one if the range spans
        several); the Doc's text is the segment's, so a slice of it, not the sentence's tokens joined."""
        span = self.doc.char_span(start, max(end, start + 1), alignment_mode="expand")
        sentence = (span[0] if span is not None and len(span) else self.doc[0]).sent
        return self.text[sentence.start_char : sentence.end_char]


@dataclass
class ArticleDoc:
    """Everything an extractor may read; extractors never see the raw page."""

    segments: list[Segment]
    published: str | None = None  # ISO date or datetime of publication, for dates without a year
    outlet: str | None = None
    province: str | None = None  # decided before extraction: organisations complete "UBND tỉnh" with it
    cache: dict = field(default_factory=dict)  # per-article memo shared by extractors (e.g. acronyms)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def segment(self, name: str) -> Segment | None:
        """The segment for a field name, or None."""
        return next((s for s in self.segments if s.field == name), None)

    @property
    def reference_year(self) -> int | None:
        """The year a date without one takes: the publication year (dates.py weighs the article's own)."""
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return None


def build_document(
    text: str,
    title: str | None = None,
    captions: list[str] | None = None,
    meta: list[str] | None = None,
    published: str | None = None,
    outlet: str | None = None,
    province: str | None = None,
) -> ArticleDoc:
    """Segment every field an extractor reads: title, body, captions and meta lines."""
    from pipeline.extract.tokenize import tokenize

    fields: list[tuple[str, str]] = []
    if title:
        fields.append(("title", title))
    fields.append(("text", text))
    fields += [(f"captions.{i}", c) for i, c in enumerate(captions or [])]
    fields += [(f"meta.{i}", m) for i, m in enumerate(meta or [])]
    segments = [Segment(name, value, tokenize(value)) for name, value in fields if value is not None]
    return ArticleDoc(segments, published=published, outlet=outlet, province=province)
