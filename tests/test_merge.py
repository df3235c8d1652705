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


def figure(text: str, start: int, unit: str) -> Mention:
    return Mention("FIGURE", start, start + len(text), text, attrs={"unit": unit})


def test_a_count_shares_its_unit_with_the_document_it_counts() -> None:
    """"4 nghị quyết số 18-NQ/TW": the count's unit is the type word the document's name starts with,
    so both are kept though they cross; a name that begins in the count's number does not share."""
    text = "ban hành 4 nghị quyết số 18-NQ/TW"
    count = figure("4 nghị quyết", 9, "nghị quyết")
    named = Mention("DIRECTIVE", 11, len(text), text[11:])
    assert set(resolve_overlaps([count, named])) == {count, named}
    in_number = Mention("DIRECTIVE", 9, len(text), text[9:])  # holds the number too: it wins alone
    assert resolve_overlaps([count, in_number]) == [in_number]
    unitless = Mention("FIGURE", 9, 21, text[9:21], attrs={"unit": "x"})  # no tail: the longer wins
    assert resolve_overlaps([unitless, named]) == [named]


def test_a_date_never_shares_a_count_s_unit() -> None:
    """"Trong 3 ngày 4 đến 6/9": "ngày" is the count's or the date's; the longer keeps it."""
    count = figure("3 ngày", 6, "ngày")
    date = Mention("DATE", 8, 20, "ngày 4 đến 6/9")
    assert resolve_overlaps([count, date]) == [date]


def test_a_name_holding_a_count_s_number_drops_the_count() -> None:
    """"Bệnh viện Trung ương Quân đội 108 đưa ra": the number ends the body's name and "đưa" is no unit
    the tables know, so "108 đưa" is no figure; a known unit ("Công ty 3 đồng chí") or a place that
    begins at the count's unit ("2 tỉnh Nghệ An") leaves it be."""
    body = Mention("ORG", 0, 33, "Bệnh viện Trung ương Quân đội 108")
    number = figure("108 đưa", 30, "đưa")
    assert resolve_overlaps([body, number]) == [body]
    company, comrades = Mention("ORG", 0, 9, "Công ty 3"), figure("3 đồng chí", 8, "đồng chí")
    assert set(resolve_overlaps([company, comrades])) == {company, comrades}  # a unit the tables know
    count, place = figure("2 tỉnh", 0, "tỉnh"), Mention("LOC", 2, 14, "tỉnh Nghệ An")
    assert set(resolve_overlaps([count, place])) == {count, place}
