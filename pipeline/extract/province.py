"""Which province an article is about: its outlet's province, else the one its places point to."""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

from pipeline.extract import gazetteer
from pipeline.rulebook import compiled
from pipeline.text import alternation

MIN_MENTIONS = 2  # one passing mention ("tại Hà Nội") does not make an article about a place
MIN_SHARE = 0.5  # a list of ten provinces is about none of them
TITLE_WEIGHT = 2  # the headline says what the article is about


ADMIN_WORDS = r"(?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)"
NAME = r"\p{Lu}[\p{L}\p{M}]*(?:[ \-]\p{Lu}[\p{L}\p{M}]*){0,3}"


@compiled
def _province_pattern() -> regex.Pattern:
    """Bare province names and aliases (case-insensitive; capitals checked at the match)."""
    names = alternation(set(gazetteer.gazetteer().provinces) - gazetteer.NEEDS_ADMIN_WORD, spaces="any")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){names}(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


ADMINISTERED = regex.compile(rf"(?<![\p{{L}}])(?:{ADMIN_WORDS})\s+({NAME})")


def place_mentions(text: str) -> list[tuple[str, int]]:
    """(province, 1) for each capitalised province name, and for each "huyện X" of a known district."""
    found: list[tuple[str, int]] = []
    taken: list[tuple[int, int]] = []
    for match in ADMINISTERED.finditer(text):
        province = gazetteer.province_of(match.group(1))
        if province:
            found.append((province, 1))
            taken.append(match.span())
    for match in _province_pattern().finditer(text):
        if not match.group(0)[0].isupper() or any(a <= match.start() < b for a, b in taken):
            continue
        province = gazetteer.province_of(match.group(0))
        if province:
            found.append((province, 1))
    return found


def province_votes(record: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
    """Weighted votes and plain mention counts per province, from title and body (inside
    organisation names too: "Công an tỉnh Thái Bình" says where the story is)."""
    votes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for field, weight in (("title", TITLE_WEIGHT), ("text", 1)):
        for name, _ in place_mentions(record.get(field) or ""):
            votes[name] += weight
            counts[name] += 1
    return votes, counts


def decide_province(record: dict[str, Any]) -> str | None:
    """The province's short name ("Ninh Thuận"), or None when the article is not about one."""
    outlet = record.get("source", {}).get("outlet")
    if outlet and (from_outlet := gazetteer.province_from_outlet(outlet)):
        return from_outlet
    votes, counts = province_votes(record)
    if not votes:
        return None
    (top, weight), total = votes.most_common(1)[0], sum(votes.values())
    return top if counts[top] >= MIN_MENTIONS and weight / total >= MIN_SHARE else None
