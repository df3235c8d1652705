"""A classifier head before a thing it counts (org_counted); a lone foreign name or acronym (org_words)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_words import standalone_name


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "absent"), [
    ("Bộ phim Mank của đạo diễn David Fincher nhận 10 đề cử.", "Bộ phim Mank"),
    ("Bộ sách Harry Potter bán chạy nhất năm.", "Bộ sách Harry Potter"),
])
def test_bo_before_a_one_syllable_noun_counts_a_thing(text: str, absent: str) -> None:
    assert absent not in _names(text)


def test_bo_before_a_field_of_two_syllables_is_a_ministry() -> None:
    assert "Bộ năng lượng Liên Xô" in _names("Bộ năng lượng Liên Xô giúp đỡ xây dựng nhà máy.")


@pytest.mark.parametrize(("word", "alone"), [
    ("Ialy", True), ("TPHCM", True), ("Oscar", True), ("Nam", False), ("Âu", False), ("TẠI", False),
])
def test_standalone_name(word: str, alone: bool) -> None:
    assert standalone_name(word) is alone
