"""A body named after a numbered village (org_place_ends) or counting its tiers (org_tiers)."""

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


@pytest.mark.parametrize(("text", "name"), [
    ("(Thanhhoa.dcs.vn): Từ đầu năm đến nay, Viện Kiểm sát nhân dân hai cấp trên địa bàn tỉnh đã tập trung"
     " triển khai đồng bộ các biện pháp thực hành quyền công tố.", "Viện Kiểm sát nhân dân hai cấp"),
    ("Hà Nam đã chỉ đạo Viện Kiểm sát hai cấp chủ động phối hợp.", "Viện Kiểm sát hai cấp"),
])
def test_a_tier_count_after_a_name_is_part_of_it(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_rate_glued_to_the_tier_noun_counts_no_tiers() -> None:
    assert "Sở Y tế" in _names("Hôm qua, Sở Y tế hai cấp độ báo động.")
