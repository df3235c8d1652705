"""A measure that only points back ("con số này", "tỷ lệ đó") takes the last figure's of its kind."""

from __future__ import annotations

import pytest

from pipeline.extract.measure_anaphors import points_back
from tests.conftest import figure_measures


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Năm 2020, sản lượng lúa đạt 1,2 triệu tấn. Năm 2019, con số này là 1,1 triệu tấn.", "1,1 triệu tấn",
         "sản lượng lúa"),
        ("Tỷ lệ hộ nghèo năm 2022 là 4,03%. Con số này của năm 2021 là 5,2%.", "5,2%", "hộ nghèo"),
    ],
)
def test_a_pointing_measure_takes_the_last_figures(text: str, figure: str, measure: str) -> None:
    assert figure_measures(text)[figure] == measure


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # no figure of its kind before: what it says is kept
        ("Năm 2020, sản lượng lúa đạt 1,2 triệu tấn. Năm 2019, tỷ lệ này là 12%.", "12%", "tỷ lệ này"),
        # the figure right before names nothing: no earlier one is reached past it
        ("Năm 2020, tỷ lệ hộ nghèo là 4%. Các xã đều có hộ nghèo (Tỉ lệ: 36,3%). Tại xã A, tỷ lệ này là 80%.",
         "80%", "tỷ lệ này"),
        # a sentence without a figure between may name what is pointed at: only the sentence before counts
        ("Năm 2020, tỷ lệ hộ nghèo là 4%. Tuy nhiên, tỷ lệ hộ cận nghèo giảm chậm. Năm 2017, tỷ lệ này "
         "đạt 9%.", "9%", "tỷ lệ này"),
    ],
)
def test_a_pointing_measure_without_its_kind_before_is_kept(text: str, figure: str, measure: str) -> None:
    assert figure_measures(text)[figure] == measure


@pytest.mark.parametrize(
    ("measure", "points"),
    [("Con số này", True), ("tỉ lệ đó", True), ("mức này", True), ("hộ nghèo này", False), ("con số", False)],
)
def test_points_back(measure: str, points: bool) -> None:
    assert points_back(measure) is points
