"""A whole area or body is whose a figure is, never what it measures; a measure that names nothing but it,
parted by a date from the noun phrase before, is that phrase; a list's lead is read back past the commas
of its own clause."""

from __future__ import annotations

import pytest

from tests.conftest import figure_measures


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # "toàn" before a noun or an acronym is a whole area, as a listed one is ("toàn tỉnh")
        ("Sau 4 tháng đầu năm 2025, toàn ngành xuất khẩu khoảng 21,15 tỷ USD.", "21,15 tỷ USD", "xuất khẩu"),
        ("Trong quý I/2025, toàn ngành tăng trưởng 3,74%.", "3,74%", "tăng trưởng"),
        ("Năm 2020, toàn tỉnh xuất khẩu 5 tỷ USD.", "5 tỷ USD", "xuất khẩu"),
        # a named fund before a whole area alone is what the amount is
        ("Hiện, Quỹ Hỗ trợ nông dân toàn TP đạt hơn 383 tỷ đồng.", "383 tỷ đồng", "Quỹ Hỗ trợ nông dân"),
    ],
)
def test_a_whole_area_is_no_part_of_a_measure(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # "toàn bộ" (all of) is a word of its own, no whole area
        ("Năm 2020, toàn bộ diện tích đạt 50 ha.", "50 ha", "toàn bộ diện tích"),
    ],
)
def test_all_of_stays_in_a_measure(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        (
            "Tỷ lệ đỗ tốt nghiệp Trung học Phổ thông năm 2009 cả nước đạt hơn 80%.",
            "80%",
            "Tỷ lệ đỗ tốt nghiệp Trung học Phổ thông",
        ),
    ],
)
def test_a_measure_naming_nothing_after_a_date_is_the_phrase_before(
    sentence: str, figure: str, measure: str
) -> None:
    assert figure_measures(sentence)[figure] == measure


def test_a_whole_area_with_no_date_before_stays() -> None:
    measures = figure_measures("Trong đó, đảng viên có 4.789 tham gia, đạt 99,6% toàn huyện.")
    assert measures["99,6%"] == "toàn huyện"  # no date: a later session may read it back


def test_a_list_lead_is_read_past_the_commas_of_its_clause() -> None:
    sentence = "Một số tỉnh có diện tích rừng bị chặt, phá nhiều là: Lâm Đồng 140,3 ha; Kon Tum 106 ha."
    measures = figure_measures(sentence)
    assert measures["140,3 ha"] == measures["106 ha"] == "diện tích rừng"


def test_a_part_opening_on_a_name_is_no_lead_of_the_list() -> None:
    sentence = (
        "Để làm được điều đó, Distillers Library đưa ra một số lựa chọn như một chai Glenfiddich"
        " sẽ có giá khoảng 25.000 đôla Singapore (18.800 USD)."
    )
    assert figure_measures(sentence)["18.800 USD"] != "điều"


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # "toàn" before a noun that heads no body, group or place: a whole course, a full programme
        ("Năm 2021, trường hỗ trợ 100% học phí toàn khóa.", "100%", "học phí toàn khóa"),
        (
            "Năm 2021, trường giảm 20% học phí cho chương trình quốc tế toàn phần.",
            "20%",
            "học phí cho chương trình quốc tế toàn phần",
        ),
    ],
)
def test_whole_before_another_noun_stays(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure
