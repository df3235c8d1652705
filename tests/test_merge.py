"""Overlap resolution: longest wins within a layer; layers nest; output in reading order."""

from __future__ import annotations

from pipeline.extract.merge import resolve_overlaps
from pipeline.model import Mention


def m(type_: str, start: int, end: int, field: str = "text", priority: int = 0) -> Mention:
    return Mention(type_, start, end, "x" * (end - start), field, priority=priority)


def test_longest_wins_within_a_layer() -> None:
    kept = resolve_overlaps([m("FIGURE", 5, 10), m("DATE", 0, 20), m("FIGURE", 25, 30)])
    assert [(k.type, k.start) for k in kept] == [("DATE", 0), ("FIGURE", 25)]


def test_layers_may_nest() -> None:
    kept = resolve_overlaps([m("DIRECTIVE", 0, 40), m("ORG", 20, 35), m("LOC", 28, 35)])
    assert [k.type for k in kept] == ["DIRECTIVE", "ORG"]


def test_a_date_may_nest_in_a_document_name() -> None:
    """A programme's name holds its period ("Đề án \"... giai đoạn 2021 - 2030\""): both are kept, but a
    date that runs past the name still loses, and nested dates do not overlap each other."""
    kept = resolve_overlaps([m("DIRECTIVE", 0, 40), m("DATE", 20, 39), m("FIGURE", 3, 6)])
    assert [(k.type, k.start) for k in kept] == [("DIRECTIVE", 0), ("DATE", 20)]
    kept = resolve_overlaps([m("DIRECTIVE", 0, 40), m("DATE", 30, 45)])
    assert [k.type for k in kept] == ["DIRECTIVE"]
    kept = resolve_overlaps([m("DIRECTIVE", 0, 40), m("DATE", 20, 30), m("DATE", 25, 35)])
    assert [(k.type, k.start) for k in kept] == [("DIRECTIVE", 0), ("DATE", 20)]
    kept = resolve_overlaps([m("DIRECTIVE", 0, 40), m("FIGURE", 20, 25)])
    assert [k.type for k in kept] == ["DIRECTIVE"]  # only the kinds that name it may nest


def test_priority_then_type_break_ties() -> None:
    assert resolve_overlaps([m("FIGURE", 0, 5), m("DATE", 0, 5)])[0].type == "DATE"
    assert resolve_overlaps([m("DATE", 0, 5), m("FIGURE", 0, 5, priority=2)])[0].type == "FIGURE"


def test_fields_are_separate_and_ordered() -> None:
    kept = resolve_overlaps([m("ORG", 0, 5, "captions.0"), m("ORG", 0, 5), m("ORG", 0, 5, "title")])
    assert [k.field for k in kept] == ["title", "text", "captions.0"]


def test_empty_spans_are_dropped_and_many_mentions_are_fine() -> None:
    many = [m("FIGURE", i, i + 3) for i in range(0, 60000, 2)] + [m("DATE", 10, 10)]
    kept = resolve_overlaps(many)
    assert all(k.end > k.start for k in kept)
    assert len(kept) == 15000
