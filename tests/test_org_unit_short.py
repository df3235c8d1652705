"""A place's body named again without its place, after the article named it with it (org_unit_short)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_unit_short import unit_targets, unit_without_place


def _mentions(text: str) -> dict[str, list[str]]:
    """Each organisation's name -> its mentions as written."""
    orgs = extract(build_document(text=text)).get("organizations", [])
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in orgs}


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("Hội cựu chiến binh huyện Thanh Miện", "Hội cựu chiến binh huyện"),
        ("Cục thuế tỉnh Lào Cai", "Cục thuế tỉnh"),
        ("Hội nông dân xã Lê Lợi", "Hội nông dân xã"),
    ],
)
def test_the_body_named_again_up_to_its_administrative_word_is_the_same_body(long: str, short: str) -> None:
    text = f"Hôm qua, {long} đã tổ chức hội nghị tổng kết năm. Trong năm nay, {short} đạt kết quả tốt."
    assert _mentions(text) == {long: [long, short]}


def test_the_administrative_word_is_the_last_one_before_the_place() -> None:
    name = "Ngân hàng chính sách xã hội thị xã Bến Cát"
    assert unit_without_place(name, "Ngân hàng") == "Ngân hàng chính sách xã hội thị xã"
    text = f"Hôm qua, {name} họp. Ngân hàng chính sách xã hội thị xã đã giải ngân."
    assert _mentions(text)[name] == [name, "Ngân hàng chính sách xã hội thị xã"]


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Công an huyện Thanh Miện", "Công an"),  # no word describes the body between head and place
        ("Hội nông dân xã Lê Lợi huyện Thanh Miện", "Hội"),  # two places: which one is left out is unclear
        ("Hội nông dân xã", "Hội"),  # no place to leave out
    ],
)
def test_no_place_less_form_without_a_describing_word_and_one_place(name: str, head: str) -> None:
    assert unit_without_place(name, head) is None


def test_no_short_form_without_the_long_form_in_the_article() -> None:
    assert _mentions("Trong năm nay, Hội cựu chiến binh huyện đạt kết quả tốt.") == {}


def test_a_short_form_two_bodies_share_names_neither() -> None:
    text = (
        "Hôm qua, Hội nông dân xã Lê Lợi và Hội nông dân xã Hòa Bình họp. "
        "Hội nông dân xã cho biết sẽ tiếp tục."
    )
    assert _mentions(text) == {
        "Hội nông dân xã Lê Lợi": ["Hội nông dân xã Lê Lợi"],
        "Hội nông dân xã Hòa Bình": ["Hội nông dân xã Hòa Bình"],
    }


def test_the_short_form_before_another_place_is_that_place_s_body() -> None:
    text = "Hôm qua, Hội nông dân xã Lê Lợi họp với Hội nông dân xã Tân Lập."
    assert _mentions(text) == {
        "Hội nông dân xã Lê Lợi": ["Hội nông dân xã Lê Lợi"],
        "Hội nông dân xã Tân Lập": ["Hội nông dân xã Tân Lập"],
    }


def test_the_short_form_must_keep_its_writing_and_end_on_a_word() -> None:
    text = "Hôm qua, Hội nông dân xã Lê Lợi họp. Các hội nông dân xã và Hội nông dân xãi không đến."
    assert _mentions(text) == {"Hội nông dân xã Lê Lợi": ["Hội nông dân xã Lê Lợi"]}


def test_a_short_form_two_bodies_share_in_another_case_names_neither() -> None:
    text = (
        "Hôm qua, Hội khuyến học tỉnh Bạc Liêu họp. Hội khuyến học tỉnh đã trao quà. "
        "Hội Khuyến học tỉnh Sóc Trăng dự."
    )
    assert "Hội khuyến học tỉnh" not in _mentions(text).get("Hội khuyến học tỉnh Bạc Liêu", [])


def test_a_found_short_form_groups_with_the_one_long_form_it_shortens() -> None:
    text = "BCH Đoàn xã Xuân Tân tổ chức lễ. Sau lễ ra quân, BCH Đoàn xã đã tổ chức cho ĐVTN dọn rác."
    assert _mentions(text) == {"BCH Đoàn xã Xuân Tân": ["BCH Đoàn xã Xuân Tân", "BCH Đoàn xã"]}
    assert unit_targets(
        {"bch đoàn xã xuân tân": ["BCH Đoàn xã Xuân Tân"], "bch đoàn xã": ["BCH Đoàn xã"]}
    ) == {"bch đoàn xã": "bch đoàn xã xuân tân"}


def test_a_found_short_form_two_long_forms_share_groups_with_neither() -> None:
    names = {
        "bch đoàn xã xuân tân": ["BCH Đoàn xã Xuân Tân"],
        "bch đoàn xã xuân yên": ["BCH Đoàn xã Xuân Yên"],
        "bch đoàn xã": ["BCH Đoàn xã"],
    }
    assert unit_targets(names) == {}
