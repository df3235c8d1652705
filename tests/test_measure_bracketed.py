"""A list item's amount in brackets after its label measures the label, not a name or a clause."""

from __future__ import annotations

import pytest

from tests.conftest import figure_measures


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # items "label (amount)" after the lead: each label is what its amount is of
        (
            "Dư nợ cao nhất là vay hộ nghèo, tiếp đến là cho vay hộ cận nghèo (148,4 tỷ đồng), hộ sản xuất"
            " - kinh doanh (80,2 tỷ đồng), nước sạch và vệ sinh môi trường (41,2 tỷ đồng).",
            "148,4 tỷ đồng",
            "cho vay hộ cận nghèo",
        ),
        (
            "Dư nợ cao nhất là vay hộ nghèo, tiếp đến là cho vay hộ cận nghèo (148,4 tỷ đồng), hộ sản xuất"
            " - kinh doanh (80,2 tỷ đồng), nước sạch và vệ sinh môi trường (41,2 tỷ đồng).",
            "80,2 tỷ đồng",
            "hộ sản xuất - kinh doanh",
        ),
        (
            "Dư nợ cao nhất là vay hộ nghèo, tiếp đến là cho vay hộ cận nghèo (148,4 tỷ đồng), hộ sản xuất"
            " - kinh doanh (80,2 tỷ đồng), nước sạch và vệ sinh môi trường (41,2 tỷ đồng).",
            "41,2 tỷ đồng",
            "nước sạch và vệ sinh môi trường",
        ),
        # a share in brackets after an item's count and its label, past the link inside the bracket
        (
            "Các huyện tổ chức Đại hội cơ sở: Long Xuyên 9/9 cơ sở Hội tổ chức Đại hội (đạt 100%); Tân Châu"
            " 12/14 cơ sở Hội tổ chức Đại hội (đạt 85,71%).",
            "85,71%",
            "cơ sở Hội tổ chức Đại hội",
        ),
        # the next item after "và": the joiner is no part of the label
        (
            "Nộp các khoản thu, gồm phí sử dụng thư viện (159 triệu đồng) và thế chân sử dụng thư viện"
            " (99 triệu đồng).",
            "99 triệu đồng",
            "thế chân sử dụng thư viện",
        ),
    ],
)
def test_a_bracketed_amount_measures_its_item_label(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a name before the bracket is whose the amount is, not what it is
        (
            "Lỗ nhiều nhất là Vietnam Airlines (gần 14.183 tỷ đồng) và hãng hàng không Vietjet Air"
            " (5.416 tỷ đồng).",
            "5.416 tỷ đồng",
        ),
        # an aside inside a phrase, and a unit glued to the amount the bracket converts
        ("Như vậy, hầu hết (90%) các nước trong nhóm đều là cường quốc.", "90%"),
        ("Con cá nặng xấp xỉ 100lb (tương đương 45kg).", "45kg"),
        # a clause opening the sentence is no item's label
        ("Tỉnh đề xuất điều chỉnh toàn bộ diện tích tự nhiên (90,91 km2) của xã.", "90,91 km2"),
    ],
)
def test_a_name_or_a_clause_before_the_bracket_is_no_label(sentence: str, figure: str) -> None:
    assert figure_measures(sentence)[figure] is None
