"""A body named after a numbered village written capitalised or by its initials (org_place_ends)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_rules import rules


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


def test_numbered_village_forms_come_from_the_location_rules() -> None:
    pattern = rules().numbered_village_re
    for form in ("TDP", "KP", "Tổ dân phố", "Khu phố", "Thôn"):
        assert pattern.fullmatch(form), form
    assert not pattern.fullmatch("Làng")  # a village word without a number names its village by name


@pytest.mark.parametrize(("text", "name"), [
    ("Hôm qua, Chi hội Phụ nữ TDP 16 phường Xuân Đỉnh nhận bằng khen.",
     "Chi hội Phụ nữ TDP 16 phường Xuân Đỉnh"),
    ("Hôm qua, Chi bộ Tổ dân phố 5 phường Tân Định nhận bằng khen.", "Chi bộ Tổ dân phố 5 phường Tân Định"),
    ("Hôm qua, Chi bộ KP 3 phường Tân Định nhận bằng khen.", "Chi bộ KP 3 phường Tân Định"),
])
def test_village_number_then_its_ward_stay_in_the_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_decimal_after_the_initials_is_no_village_number() -> None:
    assert not any("1.200" in n for n in _names("Hôm qua, Chi hội Phụ nữ TDP 1.200 hội viên tham gia."))
