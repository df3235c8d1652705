"""The people an open head's body serves, in lower case right after the head (org_served)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize("name", [
    "Học viện cán bộ TPHCM",  # the place written whole
    "Trường cán bộ Cơ yếu Trung ương",  # a capitalised name
])
def test_a_served_noun_right_after_an_open_head_before_its_place_or_name_is_the_name(name: str) -> None:
    assert _names(f"Hôm qua, {name} đã tổ chức hội nghị.") == [name]


def test_the_noun_after_a_named_body_or_before_a_person_ends_the_name() -> None:
    assert _names("Hôm qua, Sở Y tế cán bộ Hà Nội đã tổ chức hội nghị.") == ["Sở Y tế"]
    assert _names("Hôm qua, Học viện cán bộ Nguyễn Văn An đã phát biểu.") == []
    assert _names("Hôm qua, ban lãnh đạo LG đã tổ chức hội nghị.") == []
