"""A body written with and without its place's administrative word is one organisation (org_groups)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_groups import place_word_targets


def _organizations(text: str) -> list[dict]:
    return extract(build_document(text=text)).get("organizations", [])


def test_a_name_without_its_place_word_joins_the_name_with_it() -> None:
    found = _organizations("Hôm qua, Bộ đội Biên phòng tỉnh Quảng Trị đã họp. Sau đó, Bộ đội Biên phòng "
                           "Quảng Trị đã trao quà.")
    assert [o["name"] for o in found] == ["Bộ đội Biên phòng tỉnh Quảng Trị"]
    assert len(found[0]["mentions"]) == 2


def test_a_short_form_two_places_share_stays_apart() -> None:
    names = {"sở y tế tỉnh quảng trị": ["Sở Y tế tỉnh Quảng Trị"],
             "sở y tế thành phố quảng trị": ["Sở Y tế thành phố Quảng Trị"],
             "sở y tế quảng trị": ["Sở Y tế Quảng Trị"]}
    assert place_word_targets(names) == {}


def test_the_bloc_word_is_no_place_word() -> None:
    names = {"đảng ủy khối doanh nghiệp": ["Đảng ủy khối Doanh nghiệp"], "đảng ủy doanh nghiệp": [
        "Đảng ủy Doanh nghiệp"]}
    assert place_word_targets(names) == {}


def test_the_city_abbreviation_is_a_place_word() -> None:
    names = {"công an tp hà nội": ["Công an TP Hà Nội"], "công an hà nội": ["Công an Hà Nội"]}
    assert place_word_targets(names) == {"công an hà nội": "công an tp hà nội"}
