"""`SentenceStarts`: a text's sentence ends found once, read as a scan from the text's start reads them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.date_counts import SENTENCE_END, SentenceStarts


def _scanned_from_the_start(text: str, pos: int) -> int:
    """What each atom's look-back computed before: every sentence end of `text` up to `pos`, the last."""
    ends = list(SENTENCE_END.finditer(text, 0, pos))
    return ends[-1].end() if ends else 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?;\n\t")), max_size=40), st.data())
def test_the_sentence_start_is_the_one_a_scan_from_the_start_finds(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert SentenceStarts(text)(pos) == _scanned_from_the_start(text, pos)


def test_a_stop_whose_space_lies_past_the_position_ends_no_sentence_yet() -> None:
    text = "Năm 2020. Sau 5 năm, tỉnh đã có nhiều thay đổi.\nDòng sau"
    starts = SentenceStarts(text)
    assert starts(text.index(".") + 1) == 0  # the space after the stop is not in text[:pos]
    assert starts(text.index("Sau")) == text.index(".") + 1
    assert starts(text.index("\n") + 1) == text.index("\n") + 1  # a line break needs no space
    assert starts(len(text)) == text.index("\n") + 1
