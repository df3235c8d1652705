"""Words.opens_with: an attendance opener is found whether or not the segmenter glued it on."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document
from pipeline.extract.clauses import Words


def _words(first: str) -> Words:
    """Words of a short text whose first word is taken to be `first` (as the segmenter may cut it)."""
    doc = build_document("Dự đại hội có 120 đại biểu.", published=None)
    words = Words(next(s for s in doc if s.field == "text"))
    words.lower = [first, *words.lower[1:]]
    return words


@pytest.mark.parametrize("first", ["dự", "dự đại hội", "dự động viên", "tham dự hội nghị", "về dự"])
def test_an_opener_alone_or_glued_to_the_event_opens_a_guest_sentence(first: str) -> None:
    assert _words(first).opens_with(0, "attendance_openers")


@pytest.mark.parametrize("first", ["dự án", "dự kiến", "dự thảo", "tham gia", "đại hội"])
def test_a_compound_the_opener_heads_is_no_opener(first: str) -> None:
    assert not _words(first).opens_with(0, "attendance_openers")
