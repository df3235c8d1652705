"""Regions named by landform nouns before a part of the country ("Trung du và miền núi Bắc Bộ")."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document
from pipeline.extract.kinds import locations
from pipeline.extract.place_regions import region_start


def _places(text: str) -> dict[str, str]:
    doc = build_document(text)
    return {e["name"]: e["level"] for e in locations.build(locations.find(doc), doc, [])}


@pytest.mark.parametrize(
    ("text", "region"),
    [("Tỉnh xếp thứ 8/14 tỉnh trong vùng Trung du và miền núi Bắc Bộ; tăng trưởng khá.",
      "Trung du và miền núi Bắc Bộ"),
     ("Hợp tác du lịch của các tỉnh duyên hải nam Trung bộ.", "duyên hải nam Trung bộ"),
     ("Các tỉnh miền núi Bắc Bộ rét đậm.", "miền núi Bắc Bộ")],
)
def test_landform_words_before_a_part_of_the_country_are_the_regions_name(text: str, region: str) -> None:
    places = _places(text)
    assert places.get(region) == "other"
    assert region.split(" ")[-2] + " " + region.split(" ")[-1] not in places  # not cut to its tail


def test_a_part_of_the_country_alone_keeps_its_name() -> None:
    assert _places("Mưa lớn ở Bắc Bộ và các tỉnh phía Bắc.") == {"Bắc Bộ": "other"}


def test_only_a_part_of_the_country_takes_the_landform_words() -> None:
    text = "vùng duyên hải Tây Nguyên"
    start = text.index("Tây Nguyên")
    assert region_start(text, start, len(text)) == start
    text = "vùng duyên hải Nam Bộ"
    assert region_start(text, text.index("Nam Bộ"), len(text)) == text.index("duyên hải")
