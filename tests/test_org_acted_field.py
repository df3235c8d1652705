"""A bare head, a lower-case verb of its work and the capitalised field it works on (acted_field)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    ("Hôm qua, Trung tâm phục vụ Hành chính công tỉnh Thanh Hóa đã tổ chức hội nghị.",
     "Trung tâm phục vụ Hành chính công tỉnh Thanh Hóa"),
    ("Đây là kết quả của Cục quản lý Khám chữa bệnh trong năm qua.", "Cục quản lý Khám chữa bệnh"),
    ("Hội bảo trợ Bệnh nhân nghèo TP. Hồ Chí Minh tài trợ 20 xe lăn.",
     "Hội bảo trợ Bệnh nhân nghèo TP. Hồ Chí Minh"),
])
def test_a_verb_of_the_work_and_its_capitalised_field_name_the_body(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Giáo viên trường Cán bộ quản lý Giáo dục và trường Trung học Sư phạm Mầm non.",
     "trường Cán bộ quản lý Giáo dục"),
    ("Hôm qua, Trung tâm Kỹ thuật phục vụ Hành chính công tỉnh họp.",
     "Trung tâm Kỹ thuật phục vụ Hành chính công tỉnh"),
])
def test_so_too_after_one_capitalised_common_word_of_the_head(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_field_that_is_a_head_word_is_the_members_a_body_works_with() -> None:
    assert "Hội CCB vận động Hội viên" not in _names("Hội CCB vận động Hội viên tham gia.")


@pytest.mark.parametrize(("text", "verb"), [
    ("Trường tổ chức Hội thi văn nghệ chào mừng ngày 20/11.", "tổ chức"),
    ("Hội phát động Phong trào thi đua trong toàn tỉnh.", "phát động"),
    ("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở họp sơ kết.", "thực hiện"),
    ("Sở chỉ đạo Bệnh viện tỉnh tăng cường trực.", "chỉ đạo"),
])
def test_what_a_body_holds_or_another_body_after_the_verb_is_its_object(text: str, verb: str) -> None:
    assert not [name for name in _names(text) if verb in name]
