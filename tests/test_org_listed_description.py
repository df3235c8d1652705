"""A body described by a lower-case list its place closes (org_punctuated.listed_description)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    ("Hội Bảo trợ người khuyết tật, trẻ mồ côi và bệnh nhân nghèo huyện Bù Đăng đã tổ chức trao xe.",
     "Hội Bảo trợ người khuyết tật, trẻ mồ côi và bệnh nhân nghèo huyện Bù Đăng"),
    ("Hội Bảo trợ người khuyết, trẻ mồ côi và bệnh nhân nghèo tỉnh Đồng Tháp đã phối hợp với các huyện.",
     "Hội Bảo trợ người khuyết, trẻ mồ côi và bệnh nhân nghèo tỉnh Đồng Tháp"),
])
def test_a_described_list_closed_by_its_place_is_one_name(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(("text", "listed"), [
    ("Hội Nông dân, phụ nữ và cựu chiến binh xã Tân Lập đã họp.", "phụ nữ"),  # bodies listed after one
    ("Trường THPT Lê Lợi tổ chức, hướng dẫn và kiểm tra huyện Bù Đăng.", "hướng dẫn"),  # acts
    ("Hội Bảo trợ người khuyết tật, trẻ mồ côi và bệnh nhân nghèo huyện cho biết.", "mồ côi"),  # no place
])
def test_a_list_of_bodies_or_acts_or_one_no_place_closes_is_no_name(text: str, listed: str) -> None:
    assert not [name for name in _names(text) if listed in name]
