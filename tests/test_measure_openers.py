"""A measure opener ("tổng số", "số lượng", "tỷ lệ") says the figure is a number or a rate of what
follows; spec 4a measures what follows ("hộ nghèo" in "giảm tỷ lệ hộ nghèo còn 2,5%")."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document, extract


def _measures(text: str) -> list[tuple[str, str | None]]:
    """(figure text, measure) in order for a short article."""
    record = extract(build_document(text, published="2021-04-21"))
    return [(f["text"], f["measure"]) for f in record["figures"]]


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a count's label before its link
        ("Năm 2020, tổng số bệnh nhân được khám là 1.200 người.", "1.200 người", "bệnh nhân được khám"),
        # the owner after "của" stays out as before
        ("Năm 2021, tổng số đảng viên của Đảng bộ đạt 3.500 đồng chí.", "3.500 đồng chí", "đảng viên"),
        # a rate: what it is a rate of
        ("Năm 2022, tỷ lệ hộ nghèo toàn huyện còn 2,5%.", "2,5%", "hộ nghèo"),
    ],
)
def test_a_measure_opener_is_left_out(text: str, figure: str, measure: str) -> None:
    assert dict(_measures(text))[figure] == measure


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a noun of money keeps its opener: the act after it says what the money is
        ("Năm 2020, tổng số tiền ủng hộ đạt 50 triệu đồng.", "50 triệu đồng", "tổng số tiền ủng hộ"),
    ],
)
def test_a_money_noun_keeps_its_opener(text: str, figure: str, measure: str) -> None:
    assert dict(_measures(text))[figure] == measure


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a rate of an event (no noun after the opener): the rate is what is measured
        ("Năm 2020, tỷ lệ tái nhiễm chỉ là 0,04%.", "0,04%", "tỷ lệ tái nhiễm"),
        ("Năm 2020, tỷ lệ lấp đầy đạt 98%.", "98%", "tỷ lệ lấp đầy"),
    ],
)
def test_a_rate_of_an_event_keeps_its_opener(text: str, figure: str, measure: str) -> None:
    assert dict(_measures(text))[figure] == measure


def test_an_opener_before_a_demonstrative_still_points_back() -> None:
    # "Tỷ lệ này" is an anaphor: the later rate measures what the earlier one does
    text = "Năm 2020, tỷ lệ hộ nghèo là 5%. Tỷ lệ này năm 2021 là 4%."
    assert _measures(text) == [("5%", "hộ nghèo"), ("4%", "hộ nghèo")]
