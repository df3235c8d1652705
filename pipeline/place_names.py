"""Vietnam's provinces and districts by name, from underthesea's address data: what every stage may ask.

The extract stage's gazetteer builds its levels from the same data (`address_mapping`) and compares names
with the same key (`place_key`); the clean stage asks only whether a line opens with a province's or a
district's name (`opening_place_words`), to tell a headline about a place from a pen name.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from pipeline.rulebook import compiled
from pipeline.text import name_key

ADMIN_PREFIXES = ("thành phố ", "thị xã ", "thị trấn ", "tỉnh ", "huyện ", "quận ", "phường ", "xã ")
MAX_PLACE_WORDS = 3  # "Trần Văn Thời", "Bà Rịa - Vũng Tàu" bare: the longest opening worth trying


def place_key(name: str) -> str:
    """Compare place names ignoring case, Unicode form, tone placement ("Hoá", "Hóa"), spaces and hyphens."""
    return name_key(name, tones_anywhere=True)  # the gazetteer's keys were made so: "hoàng" -> "hòang"


def strip_admin(name: str) -> tuple[str, str]:
    """("Huyện Chợ Lách") -> ("huyện", "Chợ Lách"): the administrative word and the bare name."""
    lowered = name.casefold()
    for prefix in ADMIN_PREFIXES:
        if lowered.startswith(prefix):
            return prefix.strip(), name[len(prefix):].strip()
    return "", name.strip()


def address_mapping() -> dict[str, Any]:
    """underthesea's address data: the provinces, districts and communes before and after July 2025."""
    path = resources.files("underthesea") / "address" / "data" / "mapping.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


class WardRow(NamedTuple):
    """A row of the address data's ward mapping: a ward and its units before July 2025, and after."""

    old_province: str | None
    old_district: str | None
    old_ward: str | None
    new_province: str | None
    new_ward: str | None


@cache
def ward_rows() -> tuple[WardRow, ...]:
    """The ward mapping's rows, parsed once per process for both stages that read them (the clean stage's
    place words, the extract stage's gazetteer: 0.15 s a parse), each name kept once."""
    names: dict[str, str] = {}
    return tuple(
        WardRow(*(names.setdefault(value, value) if isinstance(value := row.get(name), str) else value
                  for name in WardRow._fields))
        for row in address_mapping().get("ward_mapping", [])
    )


@compiled
def _province_and_district_keys() -> frozenset[str]:
    """The keys of the pre-2025 provinces' and districts' bare names (numbered districts aside)."""
    keys: set[str] = set()
    for row in ward_rows():
        for unit in (row.old_province, row.old_district):
            _, bare = strip_admin(unit or "")
            if bare and not bare.isdigit():
                keys.add(place_key(bare))
    return frozenset(keys)


def opening_place_words(words: list[str]) -> int:
    """How many of `words` open with a province's or a district's name of two syllables or more
    (["BẠCH", "THÔNG", "RỘN", "RÀNG"] -> 2, ["Hà", "Tĩnh", ...] -> 2), else 0; a commune's name is
    left out (communes are named like people: "Minh Anh", "Thanh Hà")."""
    keys = _province_and_district_keys()
    for size in range(min(MAX_PLACE_WORDS, len(words)), 1, -1):
        if place_key(" ".join(words[:size])) in keys:
            return size
    return 0
