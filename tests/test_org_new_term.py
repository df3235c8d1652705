"""A committee named by heads alone before "khóa mới" is the one still to be elected (org_head_cues)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize("text", [
    "Đại hội bầu Ban Chấp hành Đảng bộ khoá mới.",
    "Đại hội đã bầu ra Ban chấp hành Đảng ủy mới gồm 9 đồng chí.",
    "Các đại biểu bầu vào Ban chấp hành Đảng bộ khóa mới, bảo đảm lãnh đạo.",
])
def test_bare_committee_of_the_new_term_is_no_body(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Ban Chấp hành Đảng bộ tỉnh khóa mới gồm 50 đồng chí.", "Ban Chấp hành Đảng bộ tỉnh"),
    ("Bầu Ban Thường vụ Tỉnh ủy khóa mới.", "Ban Thường vụ Tỉnh ủy"),
    ("Đảng ủy Khối mới thành lập.", "Đảng ủy Khối"),
    ("Ban Chấp hành Đảng bộ đã họp phiên thường kỳ.", "Ban Chấp hành Đảng bộ"),
])
def test_named_or_existing_committee_stays_a_body(text: str, name: str) -> None:
    assert name in _names(text)


def test_bct_alone_is_the_politburo() -> None:
    record = extract(build_document(text="Quán triệt Nghị quyết 15-NQ/TW của BCT về phát triển."))
    entry = next(o for o in record["organizations"] if o["name"] == "BCT")
    assert entry["canonical"] == "Bộ Chính trị"
