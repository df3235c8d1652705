"""A region named by landform nouns before a part of the country: "Trung du và miền núi Bắc Bộ",
"duyên hải nam Trung bộ". The part of the country ("Bắc Bộ") is found as a place of its own; the
landform words before it (`region_landforms` of `rules/locations.yml`) belong to the same name.
An area named after a noun for an area ("vùng Donbass"): the name alone is the place."""

from __future__ import annotations

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import gazetteer, location_rules
from pipeline.extract.place_in_bodies import inside_org
from pipeline.extract.place_patterns import (
    COMPASS_POINTS,
    NAME_WORD,
    REGION_PART,
    LocationPatterns,
    foreign_name,
    place_mention,
)
from pipeline.model import Mention
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


@compiled
def area_word_name() -> regex.Pattern:
    """A lower-case noun for an area (`area_words`), then a run of capitalised syllables, spaced or
    hyphenated ("vùng Nagorno-Karabakh"), that no letter or digit goes on from."""
    words = alternation([w["term"] for w in location_rules()["area_words"]])
    return regex.compile(rf"(?<![\p{{L}}])(?:{words})[ ](?P<name>{NAME_WORD}(?:[ -]{NAME_WORD}){{0,3}})"
                         r"(?![\p{L}\p{N}]|[ ]\p{Lu})")


def named_areas(segment: Segment, pats: LocationPatterns, words: frozenset[int],
                places: list[Mention]) -> list[Mention]:
    """"vùng Donbass", "vùng Bố Hải": the capitalised name after a noun for an area is a place (level
    the gazetteer's, else other), where no other reading took it. One syllable must look foreign
    ("Vùng Đỏ", "vùng Vịnh", a zone "vùng C" name no place of their own), and the name must end where
    a word of the segmenter ends ("vùng Thủ đô", "vùng Cao nguyên" are common words capitalised)."""
    text = segment.text
    found: list[Mention] = []
    for match in area_word_name().finditer(text):
        start, end = match.span("name")
        syllables = regex.split(r"[ -]", match.group("name"))
        if len(syllables) == 1 and not foreign_name(syllables):
            continue
        if end < len(text) and text[end] == " " and end + 1 not in words:
            continue  # the last capitalised syllable opens a longer common word
        if any(place.start < end and start < place.end for place in places) or \
                inside_org(text, match.start(), pats, words):
            continue
        name = match.group("name")
        found.append(place_mention(segment, start, end, name, gazetteer().level_of(name) or "other", False))
    return found
