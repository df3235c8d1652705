"""A branch or a company form after a name and a dash (org_branches); an association seated away
from its home place (org_units.home_seat); the Youth Union of a capitalised bloc (org_view.unit_after)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_branches import glued_number
from pipeline.extract.org_view import View


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize("name", [
    "Ngân hàng TMCP Công thương Việt Nam – Chi nhánh Đà Nẵng",
    "Học viện Ngân hàng – Phân viện Thành phố Hồ Chí Minh",
    "Trường Cao đẳng Nghề Hà Nội – Phân hiệu Lạng Sơn",
])
def test_a_branch_head_after_a_dash_continues_the_name(name: str) -> None:
    assert name in _names(f"Hôm qua, {name} đã tổ chức hội nghị.")


def test_a_sentence_after_a_dash_ends_the_name() -> None:
    names = _names("Hôm qua, Ngân hàng TMCP Công thương Việt Nam – chi nhánh này đã tổ chức hội nghị.")
    assert names == ["Ngân hàng TMCP Công thương Việt Nam"]


def test_a_company_form_after_its_number_and_a_dash_is_part_of_the_name() -> None:
    assert _names("Hôm qua, Công ty Điện lực 1 – TNHH MTV đã tổ chức hội nghị.") == [
        "Công ty Điện lực 1 – TNHH MTV"]
    assert _names("Hôm qua, Bệnh viện 108 - Bộ Quốc phòng đã họp.") == ["Bệnh viện 108", "Bộ Quốc phòng"]


@pytest.mark.parametrize("name", [
    "Tổng công ty Điện lực miền Bắc – TNHH MTV",  # after a region
    "Công ty Cấp thoát nước tỉnh Bình Định – TNHH MTV",  # after a place with its word
    "Công ty Xổ số kiến thiết – TNHH MTV",  # after lower-case words
    "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam – Chi nhánh tỉnh Hà Tĩnh",
    "Trường Chính trị tỉnh – Phân hiệu Đà Nẵng",
    "Công ty Điện lực 1 – Chi nhánh Đà Nẵng",
])
def test_a_name_not_ended_on_a_capitalised_word_still_goes_on_over_a_dash(name: str) -> None:
    assert _names(f"Hôm qua, {name} đã tổ chức hội nghị.") == [name]


def test_a_bare_branch_head_or_place_word_after_the_dash_ends_the_name() -> None:
    assert _names("Hôm qua, Công ty Xổ số kiến thiết tỉnh – Chi nhánh đã họp.") == [
        "Công ty Xổ số kiến thiết tỉnh"]
    assert _names("Hôm qua, Trường Chính trị tỉnh – Phân hiệu tỉnh đã họp.") == ["Trường Chính trị tỉnh"]
    assert _names("Hôm qua, Sở Y tế tỉnh – đơn vị dẫn đầu đã họp.") == ["Sở Y tế tỉnh"]


@pytest.mark.parametrize("name", [
    "NHCSXH – Chi nhánh tỉnh Quảng Trị",  # a listed body by its initials, no head read
    "Vietcombank – Chi nhánh Đà Nẵng",  # a brand by its suffix
])
def test_a_listed_body_or_brand_goes_on_over_a_dash_to_its_branch(name: str) -> None:
    assert _names(f"Hôm qua, {name} đã tổ chức hội nghị.") == [name]


def test_the_bare_brand_after_its_branch_is_still_the_bank() -> None:
    assert _names("Agribank – Chi nhánh Hà Nội cho biết. Theo Agribank, tín dụng tăng.") == [
        "Agribank – Chi nhánh Hà Nội", "Agribank"]
    assert _names("Hôm qua, Agribank – Chi nhánh đã họp.") == ["Agribank"]


@pytest.mark.parametrize(("text", "glued"), [
    ("Tổng công ty Vinaconex-25 tuyển dụng", True),  # a number glued to the word it numbers
    ("dịch Covid-19 tỉnh", True),
    ("Công ty X-300/10B", False),  # an address's number, a slash after it
    ("Công ty X - 25", False),  # a spaced dash: no glue
    ("Khu 12-25", False),  # a number after a number
])
def test_a_number_glued_by_a_hyphen_to_its_word(text: str, glued: bool) -> None:
    view = View("text", text, text, text.lower(), [0])
    dash = text.rindex("-")
    pos = dash - 1 if text[dash - 1] == " " else dash
    assert glued_number(view, pos, view.syllable(dash + 1)) is glued


@pytest.mark.parametrize("name", [
    "Hội doanh nhân kiều bào Việt Nam tại Thái Lan",
    "Hội Doanh nghiệp Việt Nam tại Nhật Bản",
])
def test_an_association_seated_away_from_its_home_place_is_one_name(name: str) -> None:
    assert _names(f"Hôm nay, đoàn làm việc với {name} và Phòng Thương mại Thái Lan.")[0] == name


@pytest.mark.parametrize(("text", "name"), [
    ("Hôm qua, Hội Nông dân Việt Nam tại thành phố Hà Nội đã họp.", "Hội Nông dân Việt Nam"),
    ("Hôm qua, Hội Nông dân tỉnh Thanh Hóa tại Hội nghị đã phát biểu.", "Hội Nông dân tỉnh Thanh Hóa"),
    ("Hôm qua, Sở Y tế Hà Nội tại Thái Lan đã họp.", "Sở Y tế Hà Nội"),
])
def test_a_place_with_its_word_or_no_place_after_tai_ends_the_name(text: str, name: str) -> None:
    assert _names(text)[0] == name


@pytest.mark.parametrize("name", [
    "Đoàn Khối Cơ quan và Doanh nghiệp tỉnh An Giang",
    "Đoàn Khối Doanh nghiệp tỉnh An Giang",
])
def test_the_youth_union_of_a_bloc_written_in_capitals_is_one_name(name: str) -> None:
    assert _names(f"Đồng chí Tô Kim Hồng tái đắc cử Bí thư {name}, nhiệm kỳ 2022-2027.") == [name]


def test_a_surname_before_the_bloc_word_is_no_youth_union() -> None:
    assert _names("Hôm qua, ông Đoàn Khối phát biểu.") == []


@pytest.mark.parametrize("name", [
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện Lục Ngạn",  # Dân trí 2020
    "Trung tâm Văn hóa thông tin - Thể dục thể thao huyện Tư Nghĩa",  # gathered26 (a district's site)
    "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên TP Huế",
    "Trung tâm Văn hóa thông tin - Thể dục thể thao huyện",  # a bare level word closes it too
])
def test_a_second_field_after_lower_case_words_and_a_dash_goes_on_to_the_place(name: str) -> None:
    assert _names(f"Năm 2022, {name} tuyển 300 học viên.") == [name]


def test_after_lower_case_words_a_dash_still_ends_the_name_before_another_body_or_no_place() -> None:
    assert _names("Cục Tài chính doanh nghiệp - Bộ Tài chính xem xét cho phép.") == [
        "Cục Tài chính doanh nghiệp", "Bộ Tài chính"]
    assert _names("Năm nay, Trung tâm Dịch vụ việc làm - Nơi kết nối người lao động.") == [
        "Trung tâm Dịch vụ việc làm"]
