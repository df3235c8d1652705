"""The speaker walk of `sources`: linear counts that agree with the plain ones."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import build_document
from pipeline.extract.clauses import Words
from pipeline.extract.sources import _length, _openings, _Outside, sentence_cues
from tests.growth import assert_linear

TOKENS = st.lists(st.sampled_from(["(", ")", "a", "b", ","]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TOKENS)
def test_the_running_count_outside_brackets_agrees_with_the_plain_one(tokens: list[str]) -> None:
    words = SimpleNamespace(lower=tokens)
    outside = _Outside(words, len(tokens))  # type: ignore[arg-type]
    for i in range(len(tokens) - 1, -1, -1):
        outside.extend(i)
        assert outside.length == _length(words, i, len(tokens))  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(TOKENS, st.integers(0, 40))
def test_one_pass_pairs_brackets_as_a_walk_back_from_each_does(tokens: list[str], floor: int) -> None:
    floor = min(floor, len(tokens))
    found = _openings(SimpleNamespace(lower=tokens), floor, len(tokens))  # type: ignore[arg-type]
    for close, word in enumerate(tokens):
        if word != ")" or close < floor:
            continue
        depth, opening = 0, None
        for k in range(close, floor - 1, -1):
            depth += (tokens[k] == ")") - (tokens[k] == "(")
            if depth == 0:
                opening = k
                break
        assert found.get(close) == opening


def test_a_speaker_phrase_of_unclosed_brackets_is_read_in_linear_time() -> None:
    def sentence(n: int) -> tuple[Words, int]:
        aside = " ".join("( việc" for _ in range(n))  # every word after the first "(" is inside
        text = f"Ông Nguyễn Văn An {aside} cho biết năm 2020 tỉnh thu ngân sách đạt 5.200 tỷ đồng."
        return Words(next(s for s in build_document(text, published=None) if s.field == "text")), len(text)

    # the walk back was quadratic: 4000 brackets took 6 s
    assert_linear(sentence, lambda read: sentence_cues(read[0], 0, read[1], []), 400)
