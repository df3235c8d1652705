"""A division ("Khoa", "Phòng") is named by its field whole: the lower-case half of that field after its
capitalised word runs on to where the phrase closes the name (org_name_ends._tail_end), and a head
with one syllable after it ("Khoa Ngoại") is a field word, not a proper name
(org_field_tail.proper_name_before)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    # the field's verb half after an activity (bvdkbacninh.vn) or one syllable (Dân trí 2020), then a
    # function word or punctuation
    ("Khoa Hồi sức cấp cứu từ tháng 03 năm 2010 tách ra thành 02 khoa.", "Khoa Hồi sức cấp cứu"),
    ("Bệnh nhân được điều trị tại Khoa Răng hàm mặt, sức khỏe đã ổn định.", "Khoa Răng hàm mặt"),
    ("Các bác sĩ Khoa Răng hàm mặt và Bệnh viện Bạch Mai đã hội chẩn.", "Khoa Răng hàm mặt"),
    # the field's adjective, up to a word that ends a name as it does up to punctuation
    ("Phòng Kế hoạch tổng hợp đã tiếp nhận hồ sơ của bệnh nhân.", "Phòng Kế hoạch tổng hợp"),
    ("Bác sĩ Lê Đức, Khoa Nội tổng hợp, Bệnh viện Bạch Mai cho biết.", "Khoa Nội tổng hợp"),
])
def test_division_named_by_its_whole_field(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(("text", "name"), [
    # a field named by a noun: the verb after it is the predicate
    ("Phòng Y tế kiểm tra tại các cơ sở kinh doanh thực phẩm.", "Phòng Y tế"),
    # a verb with its object: the predicate, whatever the field
    ("Khoa Nhi tiếp nhận bệnh nhân từ tuyến dưới.", "Khoa Nhi"),
    # a verb the next verb closes is a predicate too ("được" is the tagger's verb)
    ("Khoa Hồi sức cấp cứu được bố trí tại tầng một.", "Khoa Hồi sức"),
])
def test_predicate_after_a_division_is_no_part_of_its_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_one_syllable_after_a_head_that_is_no_word_stays_a_proper_name() -> None:
    """"Tiệp" is no word of the tagger: the name ends on it, as a proper name does before a predicate."""
    assert "Hội Tiệp nhanh chóng" not in _names("Hội Tiệp nhanh chóng nhiễm thói xấu của giới giải trí.")


@pytest.mark.parametrize(("text", "wrong"), [
    # a word no class lists ("thăng") and a noun before a function word: the predicate and its object
    ("Năm 2020, anh được Bộ Quốc phòng thăng quân hàm trước niên hạn.", "Bộ Quốc phòng thăng quân hàm"),
    # "và" before a capitalised field goes on with the name: the verb before it closes nothing
    ("Trưởng Phòng Quản lý thi và Kiểm định chất lượng giáo dục cho biết.", "Phòng Quản lý thi"),
])
def test_no_cut_where_the_phrase_goes_on(text: str, wrong: str) -> None:
    assert wrong not in _names(text)
