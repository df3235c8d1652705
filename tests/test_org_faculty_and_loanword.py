"""A faculty or a hospital's department ("Khoa") is a unit head as "Phòng" is; a foreign name spelt out
in hyphenated syllables ("Mát-xcơ-va") is one word of a name (org_view.View.syllable)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    ("Lễ ký kết là bước kết nối giữa Khoa Xây dựng với các doanh nghiệp.", "Khoa Xây dựng"),
    ("Bệnh nhân được chuyển đến Khoa Hồi sức tích cực – Bệnh viện Bạch Mai.", "Khoa Hồi sức tích cực"),
    ("Chi bộ Khoa Kinh tế đã long trọng tổ chức Đại hội.", "Chi bộ Khoa Kinh tế"),
])
def test_faculty_is_a_unit(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Bộ Khoa học và Công nghệ vừa ban hành quyết định.", "Khoa học"),
    ("Trường Đại học Bách khoa đã tổ chức Lễ tuyên dương.", "Khoa"),
    ("Tất cả các chi bộ và đảng bộ Khoa liên tục được công nhận trong sạch, vững mạnh.", "đảng bộ Khoa"),
])
def test_faculty_head_alone_or_inside_a_word_is_no_name(text: str, absent: str) -> None:
    assert absent not in _names(text)


def test_head_starting_a_common_word_the_segmenter_split_is_no_head() -> None:
    """An acronym's expansion is never segmented: "KH&CN" read as "Khoa học và Công nghệ" is the field
    (word statistics: "khoa học" is a common word), no faculty."""
    names = _names("Ngành KH&CN thành phố đã tháo gỡ khó khăn. Sở Khoa học và Công nghệ TP Cần Thơ báo cáo.")
    assert not any(name.startswith("Khoa") for name in names)


def test_lower_case_faculty_after_a_title_is_the_officers_post() -> None:
    """A doctor's title names the department inside the hospital the text names: no body of its own."""
    names = _names("Bác sĩ Nguyễn Tuấn Như, Trưởng khoa Tai Mũi Họng, Bệnh viện Bạch Mai cho biết.")
    assert names == ["Bệnh viện Bạch Mai"]


def test_lower_case_faculty_word_inside_a_name_does_not_end_it() -> None:
    text = "Nghiên cứu từ Trung tâm Chăm sóc lão khoa Baycrest (Canada) cho thấy điều đó."
    assert "Trung tâm Chăm sóc lão khoa Baycrest" in _names(text)


def test_hyphenated_foreign_name_is_one_word() -> None:
    text = "Anh theo học tại Học viện Hàng không Mát-xcơ-va, LB Nga."
    assert "Học viện Hàng không Mát-xcơ-va" in _names(text)


def test_dash_typed_without_spaces_before_a_head_still_ends_the_name() -> None:
    text = "Thành phố công bố quyết định thành lập chi bộ Kim Hoàng-chi bộ doanh nghiệp ngoài khu vực."
    assert "chi bộ Kim Hoàng" in _names(text)
