"""Which province an article is about: its outlet's province, else the one its places point to.

Places vote for a pre-2025 province (one of the 63 of `rules/provinces.yml`), or, for a commune
named only since 1 July 2025, for one of the 34 provinces after the merger. The record gets the
province as of its publication date (`province`) and the province it belongs to after the merger
(`province_2025`), so counts compare across that date.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

from pipeline.extract import gazetteer
from pipeline.extract.province_list import province_list
from pipeline.rulebook import compiled
from pipeline.text import alternation

MIN_MENTIONS = 2  # one passing mention ("tại Hà Nội") does not make an article about a place
MIN_SHARE = 0.5  # a list of ten provinces is about none of them
TITLE_WEIGHT = 2  # the headline says what the article is about


ADMIN_WORDS = r"(?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)"
COMMUNE_WORDS = r"(?i:xã|phường|thị trấn)"
NAME = r"\p{Lu}[\p{L}\p{M}]*(?:[ \-]\p{Lu}[\p{L}\p{M}]*){0,3}"
BEFORE, AFTER = "before", "after"  # the era of a place's province: the 63 until 30 June 2025, or the 34


WORD_RUN = regex.compile(r"[\p{L}\p{N}]+")


@compiled
def _province_pattern() -> tuple[regex.Pattern, frozenset[str] | None]:
    """Bare province names and aliases (case-insensitive; capitals checked at the match), and the
    lower-cased first words of the names (None when a name's first word cannot tell, see below)."""
    names = set(gazetteer.gazetteer().provinces) - gazetteer.NEEDS_ADMIN_WORD
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){alternation(names, spaces='any')}(?![\p{{L}}\p{{N}}])",
                            regex.IGNORECASE)
    firsts = [WORD_RUN.match(name) for name in names]
    if not all(firsts) or any(c.lower() != c.casefold() for name in names for c in name):
        return pattern, None
    return pattern, frozenset(m.group().lower() for m in firsts if m)


def _province_matches(text: str) -> list[regex.Match]:
    """What `_province_pattern().finditer(text)` finds, trying the pattern only at words that can
    start a name: a match starts a run of letters and digits, the whole run being its name's first
    word, so the ~100 alternatives are not tried at every word of a long body (0.4 of the time).

    Comparing lower-cased words is the pattern's case-insensitive comparison for letters whose lower
    case is their case fold (all Vietnamese ones); a text with another letter ("ſ", "µ") is searched
    whole.
    """
    pattern, firsts = _province_pattern()
    lowered = text.lower()
    if firsts is None or len(lowered) != len(text) or lowered != text.casefold():
        return list(pattern.finditer(text))
    found: list[regex.Match] = []
    end = 0
    for run in WORD_RUN.finditer(lowered):  # lower-casing kept every offset (same length)
        if run.group() in firsts and run.start() >= end and (match := pattern.match(text, run.start())):
            found.append(match)
            end = match.end()
    return found


# "Quận 3": numbered urban districts resolve with their administrative word (only Hồ Chí Minh's are)
ADMINISTERED = regex.compile(rf"(?<![\p{{L}}])(?:{ADMIN_WORDS})\s+({NAME}|\d{{1,2}}(?![\p{{N}}]|[.,]\d))")
COMMUNE = regex.compile(rf"(?<![\p{{L}}])(?:{COMMUNE_WORDS})\s+({NAME})")


def commune_province(name: str) -> tuple[str, str] | None:
    """(province, era) of a commune name only one province has: a pre-2025 ward (era BEFORE), else
    a commune of the 2025 map (era AFTER, its 2025 province); None when unknown or ambiguous."""
    gaz, key = gazetteer.gazetteer(), gazetteer.place_key(name)
    before, after = gaz.wards.get(key, set()), gaz.wards_2025.get(key, set())
    if before:
        return (next(iter(before)), BEFORE) if len(before) == 1 else None
    return (next(iter(after)), AFTER) if len(after) == 1 else None


def place_mentions(text: str) -> list[tuple[str, str]]:
    """(province, era) for each capitalised province name, each "huyện X" of a known district and each
    "xã X" of a commune only one province has (a commune of the 2025 map only: its 2025 province, AFTER)."""
    found: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for match in ADMINISTERED.finditer(text):
        province = gazetteer.province_of(match.group(0) if match.group(1).isdigit() else match.group(1))
        if province:
            found.append((province, BEFORE))
            taken.append(match.span())
    for match in COMMUNE.finditer(text):
        resolved = commune_province(match.group(1))
        if resolved:
            found.append(resolved)
            taken.append(match.span())
    for match in _province_matches(text):
        if not match.group(0)[0].isupper() or any(a <= match.start() < b for a, b in taken):
            continue
        province = gazetteer.province_of(match.group(0))
        if province:
            found.append((province, BEFORE))
    return found


def province_votes(record: dict[str, Any], after_merger: bool = False) -> tuple[Counter[str], Counter[str]]:
    """Weighted votes and plain mention counts per province, from title and body (inside
    organisation names too: "Công an tỉnh Thái Bình" says where the story is). Pre-2025 provinces
    vote unless `after_merger`, when every vote goes to its 2025 province; communes of the 2025
    map vote only then."""
    votes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    provinces = province_list()
    for field, weight in (("title", TITLE_WEIGHT), ("text", 1)):
        for name, era in place_mentions(record.get(field) or ""):
            if after_merger and era != AFTER:
                name = provinces.in_2025.get(name, name)
            elif not after_merger and era == AFTER:
                continue
            votes[name] += weight
            counts[name] += 1
    return votes, counts


def _winner(votes: Counter[str], counts: Counter[str]) -> str | None:
    """The province most votes name, if it is mentioned MIN_MENTIONS times and holds MIN_SHARE of them."""
    if not votes:
        return None
    (top, weight), total = votes.most_common(1)[0], sum(votes.values())
    return top if counts[top] >= MIN_MENTIONS and weight / total >= MIN_SHARE else None


def decide_unit(record: dict[str, Any]) -> tuple[str | None, bool]:
    """(province, after_merger): a pre-2025 province, or a 2025 one when the article dates from after
    the merger or names only communes of the 2025 map."""
    provinces = province_list()
    published = record.get("published")
    after = bool(published) and published[:10] >= provinces.merger_effective
    outlet = record.get("source", {}).get("outlet")
    if outlet and (from_outlet := gazetteer.province_from_outlet(outlet)):
        return (provinces.in_2025[from_outlet] if after else from_outlet), after
    winner = _winner(*province_votes(record, after_merger=after))
    if winner is None and not after and not published:
        winner = _winner(*province_votes(record, after_merger=True))  # undated, named by new communes only
        return winner, winner is not None
    return winner, after


def province_fields(record: dict[str, Any]) -> dict[str, str | None]:
    """`province` as of the publication date and `province_2025`, both canonical short names."""
    provinces = province_list()
    unit, after = decide_unit(record)
    if unit is None:
        return {"province": None, "province_2025": None}
    if after:
        return {"province": unit, "province_2025": unit}
    return {"province": provinces.as_of(unit, record.get("published")),
            "province_2025": provinces.in_2025[unit]}


def decide_province(record: dict[str, Any]) -> str | None:
    """The province's short name ("Ninh Thuận") as of the article's date, or None when it is not about one."""
    return province_fields(record)["province"]
