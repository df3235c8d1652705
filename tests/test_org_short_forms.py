"""A company named again without its head and legal form (org_short_forms)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_short_forms import distinctive_rest


def _mentions(text: str) -> dict[str, list[str]]:
    """Each organisation's name -> its mentions as written."""
    orgs = extract(build_document(text=text)).get("organizations", [])
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in orgs}


def test_the_rest_after_a_company_head_names_the_company_again() -> None:
    text = "Hôm qua, Công ty Thủy điện Ialy đã họp. Trong năm nay, Thủy điện Ialy đạt kết quả tốt."
    assert _mentions(text) == {"Công ty Thủy điện Ialy": ["Công ty Thủy điện Ialy", "Thủy điện Ialy"]}


def test_the_legal_form_is_dropped_from_the_short_form() -> None:
    text = "Hôm qua, Công ty Cổ phần Apatit Việt Nam đã họp. Apatit Việt Nam cho biết sẽ tiếp tục."
    assert _mentions(text)["Công ty Cổ phần Apatit Việt Nam"][1:] == ["Apatit Việt Nam"]
    assert distinctive_rest("Công ty TNHH MTV Apatit Việt Nam", "Công ty") == "Apatit Việt Nam"


def test_no_short_form_without_the_long_form_in_the_article() -> None:
    assert _mentions("Trong năm nay, Thủy điện Ialy đạt kết quả tốt.") == {}


@pytest.mark.parametrize(("name", "head"), [
    ("Ngân hàng Nhà nước", "Ngân hàng"),  # a common noun capitalised: no name of its own
    ("Công ty Điện lực", "Công ty"),
    ("Báo Quảng Ninh", "Báo"),  # a province the gazetteer knows
    ("Trường Chính trị tỉnh Lạng Sơn", "Trường"),  # a unit's body named by its place
    ("Trường Nguyễn Văn An", "Trường"),  # a person's name alone names the person
    ("Công ty Cổ phần", "Công ty"),  # nothing but the legal form
    ("Công ty CP KCN Phong Phú", "Công ty"),  # the industrial park the company is named after
])
def test_a_rest_that_does_not_name_the_body_by_itself_is_no_short_form(name: str, head: str) -> None:
    assert distinctive_rest(name, head) is None


def test_a_numbered_rest_is_a_short_form() -> None:
    assert distinctive_rest("Tổng công ty Phát điện 1", "Tổng công ty") == "Phát điện 1"


def test_a_common_noun_rest_or_a_place_is_not_taken_in_the_article() -> None:
    names = _mentions("Hôm qua, Báo Quảng Ninh đã họp. Quảng Ninh có nhiều xã.")
    assert names.get("Báo Quảng Ninh") == ["Báo Quảng Ninh"]


def test_the_short_form_must_keep_its_capitals() -> None:
    text = "Hôm qua, Công ty Thủy điện Ialy đã họp. Dự án thủy điện Ialy được mở rộng."
    assert _mentions(text) == {"Công ty Thủy điện Ialy": ["Công ty Thủy điện Ialy"]}


def test_the_short_form_after_another_head_or_inside_a_longer_name_is_not_taken() -> None:
    text = ("Hôm qua, Công ty Thủy điện Ialy đã họp. Tại nhà máy Thủy điện Ialy, sản lượng tăng. "
            "Ban Thủy điện Ialy Mới cũng họp.")
    assert _mentions(text)["Công ty Thủy điện Ialy"] == ["Công ty Thủy điện Ialy"]


def test_the_short_form_must_end_on_a_word() -> None:
    text = "Hôm qua, Tổng công ty Phát điện 1 đã họp. Trong năm, Phát điện 12 đạt kết quả tốt."
    assert _mentions(text)["Tổng công ty Phát điện 1"] == ["Tổng công ty Phát điện 1"]


def test_a_rest_two_bodies_share_names_neither() -> None:
    text = ("Hôm qua, Công ty Thủy điện Ialy và Tập đoàn Thủy điện Ialy đã họp. "
            "Trong năm, Thủy điện Ialy đạt kết quả tốt.")
    assert all(len(mentions) == 1 for mentions in _mentions(text).values())


def test_the_short_form_after_a_capitalised_word_goes_on_another_name() -> None:
    text = "Hôm qua, Công ty Thủy điện Ialy đã họp về các hạng mục của Dự án Thủy điện Ialy mở rộng."
    assert _mentions(text)["Công ty Thủy điện Ialy"] == ["Công ty Thủy điện Ialy"]


def test_a_short_form_holding_a_shorter_name_is_read_over_it() -> None:
    text = "Hôm qua, CTCP Hàng tiêu dùng Masan đã họp. Trong năm nay, Hàng tiêu dùng Masan đạt kết quả tốt."
    long_form = "CTCP Hàng tiêu dùng Masan"
    assert _mentions(text) == {long_form: [long_form, "Hàng tiêu dùng Masan"]}
