"""The words a segment is read in (clauses.Words): what the segmenter's tokens are cut into."""

from __future__ import annotations

import pytest

from pipeline.extract.clauses import Words
from pipeline.extract.document import build_document


@pytest.mark.parametrize("stops", ["....", "…."])
def test_a_run_of_stops_ends_the_sentence_and_leaves_no_blank_word(stops: str) -> None:
    # the segmenter keeps "doanh nghiệp.... Toàn" as two tokens, the second opening on the stops and a
    # space: the space is no word, so "Toàn tỉnh" opens its own sentence (and clause, owning its count)
    text = f"Các đảng bộ kết nạp học sinh, sinh viên, trong doanh nghiệp{stops} Toàn tỉnh đã kết nạp."
    words = Words(build_document(text, title=None, published=None).segment("text"))
    assert all(text[a:b].strip() for a, b in zip(words.starts, words.ends, strict=True))
    assert text.index("Toàn") in words.sentence_starts
