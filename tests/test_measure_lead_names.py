"""`measure_lead.Names`: bodies and places found by bisection, as a pass over all mentions finds them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.measure_lead import NAMES, Names
from pipeline.extract.measure_phrases import Found
from pipeline.model import Mention

_SPANS = st.lists(
    st.tuples(st.sampled_from(["ORG", "LOC", "PER", "NUM"]), st.integers(0, 60), st.integers(1, 20)),
    max_size=12,
)


def _sorted_mentions(spans: list[tuple[str, int, int]]) -> list[Mention]:
    """Mentions as a segment holds them: sorted by start, ties in the order found."""
    made = [Mention(kind, start, start + length, "x" * length) for kind, start, length in spans]
    return sorted(made, key=lambda m: m.start)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(0, 80), st.integers(0, 80), st.integers(1, 20))
def test_names_are_those_a_pass_over_every_mention_finds(
    spans: list[tuple[str, int, int]], low: int, start: int, length: int
) -> None:
    mentions = _sorted_mentions(spans)
    names = Names(mentions)
    expected = [m for m in mentions if m.type in NAMES and low <= m.start < start]
    assert names.starting_in(low, start) == expected
    found = Found("x" * length, start, start + length)
    assert names.around(found) == any(
        m.type in NAMES and m.start <= found.start and found.end <= m.end for m in mentions
    )


def test_a_phrase_inside_an_earlier_longer_name_is_inside_a_name() -> None:
    names = Names(_sorted_mentions([("ORG", 0, 30), ("LOC", 5, 3), ("PER", 8, 40)]))
    assert names.around(Found("x" * 10, 12, 22))  # inside the first name, though a shorter one started later
    assert not names.around(Found("x" * 10, 25, 35))  # past its end; the person's name is no body's
