"""Whose figure it is (spec section 4a `subject`): mechanisms found on fresh pages."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _subjects(text: str, title: str = "Tin") -> list[str | None]:
    record = extract(build_document(text, title=title, published="2024-01-02"))
    return [f["subject"] for f in record["figures"]]


@pytest.mark.parametrize(
    ("middle", "subject"),
    [
        # the last body of the head that acted before the bare head, not the first one named
        ("Năm 2025, Hội Liên hiệp phụ nữ phường Thới Long tiếp tục chăm lo cho hội viên.",
         "Hội Liên hiệp phụ nữ phường Thới Long"),
        # a body named only in a title acts nowhere: the article's body stays
        ("Dự có bà Lê Thị B, Phó Chủ tịch Hội Liên hiệp phụ nữ phường Thới Long.",
         "Hội Liên hiệp Phụ nữ Việt Nam"),
    ],
)
def test_a_bare_head_points_back_to_the_last_body_of_that_head_that_acted(middle: str, subject: str) -> None:
    text = (
        "Các cấp Hội Liên hiệp Phụ nữ Việt Nam đặc biệt quan tâm đến phụ nữ nghèo.\n\n"
        f"{middle}\n\nHội duy trì 18 mô hình kinh tế tập thể."
    )
    assert _subjects(text) == [subject]
