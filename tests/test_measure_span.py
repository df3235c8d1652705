"""A figure's measure phrase and the characters it says it covers agree."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document, extract, find_mentions
from pipeline.extract.clauses import Words
from pipeline.extract.document import Segment
from pipeline.extract.measure import measure_of
from pipeline.extract.measure_phrases import Marks
from pipeline.model import Mention

SENTENCES = [
    # the area closing a measure is cut off the phrase ("toàn tỉnh", "trên địa bàn tỉnh")
    "Năm 2021, tổng kim ngạch xuất khẩu toàn tỉnh đạt 3,2 tỷ USD, tăng 14% so với năm 2020.",
    "Giá trị xuất khẩu hàng hóa trên địa bàn tỉnh đạt trên 10,77 tỷ USD.",
    "Năm 2020, toàn tỉnh kết nạp 312 đảng viên mới, trong đó: Tân Uyên 95; Phú Giáo 88.",
    "Có 97,5% chi, đảng bộ cơ sở hoàn thành tốt nhiệm vụ.",
    "Ngân hàng chi 200.000 đồng tiền lãi cho mỗi khách hàng.",
]


def _read(sentence: str) -> tuple[Segment, list[Mention], Words, Marks]:
    """The body segment of a one-sentence article, its mentions, words and marks."""
    doc = build_document(sentence, published="2021-04-21")
    segment = next(s for s in doc if s.field == "text")
    mentions = sorted((m for m in find_mentions(doc) if m.field == "text"), key=lambda m: m.start)
    words = Words(segment, [b for m in mentions for b in (m.start, m.end)])
    return segment, mentions, words, Marks.of(words, mentions)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_measure_text_is_the_text_of_its_span(sentence: str) -> None:
    segment, mentions, words, marks = _read(sentence)
    figures = [m for m in mentions if m.type == "FIGURE"]
    # a breakdown item ("Tân Uyên 95") takes its noun from the count before: not written at its span
    written = [m for m in figures if m.text.lower().endswith(str(m.attrs.get("unit") or "").lower())]
    found = [measure_of(words, marks, m, 0, len(segment.text)) for m in written]
    assert any(found), sentence
    for measure in filter(None, found):
        assert segment.text[measure.start : measure.end] == measure.text


def test_a_change_after_an_amount_borrows_its_measure_covering_no_words() -> None:
    """ "đạt 3,2 tỷ USD, tăng 14%": the share names nothing, so it has no measure span of its own, and
    the record gives it the amount's measure (attribution reads it, not measure_of)."""
    from pipeline.extract import extract

    segment, mentions, words, marks = _read(SENTENCES[0])
    change = next(m for m in mentions if m.type == "FIGURE" and m.text == "14%")
    assert measure_of(words, marks, change, 0, len(segment.text)) is None
    figures = extract(build_document(SENTENCES[0], published="2021-04-21"))["figures"]
    amount, share = (next(f for f in figures if f["text"].startswith(t)) for t in ("3,2", "14%"))
    assert amount["measure"] and share["measure"] and share["measure"].startswith(amount["measure"])


def test_an_area_closing_a_measure_is_outside_its_span() -> None:
    segment, mentions, words, marks = _read(SENTENCES[0])
    figure = next(m for m in mentions if m.type == "FIGURE" and m.text.startswith("3,2"))
    measure = measure_of(words, marks, figure, 0, len(segment.text))
    assert measure is not None and "toàn tỉnh" not in segment.text[measure.start : measure.end]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        # a list's verb closing the phrase opens the count, it measures nothing
        ("Ban chi ủy gồm 03 đ/c: đồng chí A, đồng chí B và đồng chí C.", "Ban chi ủy"),
        # nor does a locative introducing the amount
        ("Tại TP.HCM, giá vàng SJC niêm yết tại 55,1 triệu đồng/lượng.", "giá vàng SJC niêm yết"),
    ],
)
def test_a_measure_ends_before_the_words_introducing_its_figure(sentence: str, measure: str) -> None:
    record = extract(build_document(sentence, published="2021-04-21"))
    assert record["figures"][0]["measure"] == measure


@pytest.mark.parametrize(
    "sentence",
    [
        # a change told after a share of the plan and its phrase, with no comma or after "và"
        "Khách quốc tế lưu trú là 289 ngàn lượt đạt 85,03% kế hoạch năm tăng 11,8% so với cùng kỳ.",
        "Vốn đầu tư ước đạt hơn 291 nghìn tỷ đồng, bằng 41,3% kế hoạch năm và tăng 22,1% so với cùng kỳ.",
    ],
)
def test_a_change_after_a_share_of_the_plan_measures_the_amount_before(sentence: str) -> None:
    from pipeline.extract import extract

    figures = extract(build_document(sentence, published="2021-04-21"))["figures"]
    amount, change = figures[0], figures[-1]
    assert change["measure"] == amount["measure"]


def test_a_labelled_item_after_a_share_keeps_its_own_change() -> None:
    from pipeline.extract import extract

    sentence = "Tăng trưởng GRDP gồm: Quảng Nam tăng 2,68% và Lâm Đồng tăng 2,97%."
    figures = extract(build_document(sentence, published="2021-04-21"))["figures"]
    assert figures[-1]["measure"] != "Quảng Nam"


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # examples after an amount ("như tỉnh Hòa Bình") are not what it measures: the phrase before is
        ("Nhiều nơi đã xuất hiện mưa lớn trên 150mm như tỉnh Hòa Bình, Phú Thọ.", "150mm", "mưa lớn"),
        # nor is a likeness after money ("như một lời tri ân")
        ("Hội trao quà cho các gia đình, mỗi suất 200.000 đồng như một lời tri ân.", "200.000 đồng", "suất"),
    ],
)
def test_words_after_an_amount_opening_examples_are_not_its_measure(
    sentence: str, figure: str, measure: str
) -> None:
    figures = extract(build_document(sentence, published="2021-04-21"))["figures"]
    found = next(f for f in figures if f["text"].endswith(figure))
    assert found["measure"] and measure in found["measure"] and "như" not in found["measure"]


def test_a_count_ends_before_the_words_opening_its_examples() -> None:
    """ "288 đảng viên mới | như anh A": the examples are not what is counted; "cụ thể" qualifying it is."""
    for sentence, measure in [
        ("Nhà trường kết nạp 288 đảng viên mới như anh A, chị B.", "đảng viên mới"),
        ("Đơn vị đã hoàn thành 3 nhiệm vụ cụ thể trong năm.", "nhiệm vụ cụ thể"),
    ]:
        assert extract(build_document(sentence, published="2021-04-21"))["figures"][0]["measure"] == measure


def test_an_item_label_that_ends_in_its_own_measure_is_not_added_to_it() -> None:
    """A later clause read as an item after "như" must not repeat its measure ("pháo đó ... pháo")."""
    sentence = (
        "T-59 ban đầu sử dụng pháo 100mm như T-54, sau đó một vài phiên bản nâng cấp lại sử dụng pháo 105mm."
    )
    figures = extract(build_document(sentence, published="2021-04-21"))["figures"]
    assert figures[-1]["measure"].count("pháo") == 1


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        ("Năm 2021, Hội trao 20 căn nhà tình nghĩa tổng trị giá 1 tỷ đồng.", "20 căn", "nhà tình nghĩa"),
        ("Năm 2021, Hội tặng 300 suất quà tổng giá trị 150 triệu đồng.", "300 suất quà", "suất quà"),
    ],
)
def test_a_count_ends_before_a_total_naming_the_next_amount(sentence: str, figure: str, measure: str) -> None:
    record = extract(build_document(sentence, published="2021-04-21"))
    assert {f["text"]: f["measure"] for f in record["figures"]}[figure] == measure
