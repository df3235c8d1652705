"""A region named by landform nouns before a part of the country: "Trung du và miền núi Bắc Bộ",
"duyên hải nam Trung bộ". The part of the country ("Bắc Bộ") is found as a place of its own; the
landform words before it (`region_landforms` of `rules/locations.yml`) belong to the same name."""

from __future__ import annotations

import regex

from pipeline.extract.gazetteer import location_rules
from pipeline.extract.place_patterns import COMPASS_POINTS, REGION_PART
from pipeline.rulebook import compiled
from pipeline.text import alternation

# a compass point, in either case ("duyên hải nam Trung bộ")
_POINT = "(?:" + "|".join(f"[{p[0]}{p[0].lower()}]{p[1:]}" for p in COMPASS_POINTS) + ")"


@compiled
def landforms_before() -> regex.Pattern:
    """Landform nouns (joined by "và"), then perhaps a compass point, right before the text's end."""
    words = [w["term"] for w in location_rules()["region_landforms"]]
    forms = alternation([*words, *(w[:1].upper() + w[1:] for w in words)])
    landform = rf"(?:{forms})"
    return regex.compile(rf"(?<![\p{{L}}]){landform}(?:[ ](?:và[ ])?{landform})*(?:[ ]{_POINT})?[ ]$")


def region_start(text: str, start: int, end: int) -> int:
    """Where a part of the country's name found at start..end begins with the landform words before
    it ("miền núi Bắc Bộ"), or start when none stand there or the place is no part of the country."""
    if text[start:end].split(" ")[-1].casefold() != REGION_PART.casefold():
        return start
    before = landforms_before().search(text, max(0, start - 60), start)
    return before.start() if before else start
