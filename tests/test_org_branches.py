"""A branch or a company form after a name and a dash (org_branches)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


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
