"""A plural determiner opening a measure picks out what is measured; it is no part of the measure."""

from __future__ import annotations

import pytest

from tests.conftest import figure_measures


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # a share's phrase after it
        ("Năm 2023, 100% các cơ sở Đoàn đã tổ chức học tập.", "100%", "cơ sở Đoàn đã tổ chức học tập"),
        # a label before a link, "một số" two words to the segmenter or one
        ("Năm 2020, một số nhà hảo tâm giúp đỡ thêm 50 triệu đồng.", "50 triệu đồng", "nhà hảo tâm giúp đỡ"),
        ("Năm 2020, những sọc dài tới 1.000 mét.", "1.000 mét", "sọc dài"),
    ],
)
def test_a_plural_determiner_opens_no_measure(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # a proportion is what is measured: "đa số" stays
        ("Năm 2020, đa số học sinh cao 1,5m.", "1,5m", "đa số học sinh cao"),
    ],
)
def test_a_proportion_stays(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure
