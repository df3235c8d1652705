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


@pytest.mark.parametrize(
    ("text", "area"),
    [("Ông sẵn sàng gặp ở bất cứ chỗ nào thuộc vùng Donbass của Ukraine.", "Donbass"),
     ("Các sứ quân chiếm giữ vùng Bố Hải (nay thuộc Tiền Hải - Thái Bình).", "Bố Hải"),
     ("Xung đột ở vùng Nagorno-Karabakh leo thang.", "Nagorno-Karabakh")],
)
def test_the_name_after_a_noun_for_an_area_is_a_place_without_the_noun(text: str, area: str) -> None:
    assert _places(text).get(area) == "other"


@pytest.mark.parametrize(
    "text",
    ["Các tỉnh trong vùng Thủ đô liên kết.", "Món ăn ở vùng Cao nguyên Vân Hòa.", "Lương vùng I và vùng C.",
     "Chuyến đi đến vùng Vịnh.", "Chính quyền tuyên bố Vùng Đỏ ở 3 quận."],
)
def test_a_common_word_a_vietnamese_syllable_or_a_letter_after_the_noun_names_no_area(text: str) -> None:
    assert _places(text) == {}
