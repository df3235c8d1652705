"""What the text around a date match says: the year written after it, a count or modifier before it."""

from __future__ import annotations

import regex

from pipeline.datetime_parse.lexicon import Grammar
from pipeline.text import casefold_words


def year_tail(match: regex.Match, g: Grammar) -> dict[str, int]:
    """Point fields from a pattern's `y` (written year) or `rel` ("năm ngoái") group."""
    groups = match.groupdict()
    if groups.get("y"):
        return {"year": int(groups["y"])}
    if groups.get("rel"):
        return {"offset": g.relative[casefold_words(groups["rel"])]}
    return {}


def counted(text: str, start: int, g: Grammar) -> bool:
    """Whether a number or quantity word comes right before ("bao năm nay", "mỗi tháng 2 lần"); an
    ordinal's number is none ("tuần thứ 2 tháng 3/2024")."""
    count = g.before("counted", text, start)
    if count is None:
        return False
    return not (count.group(0)[0].isdigit() and g.before("ordinal", text, _number_start(text, count.start())))


def _number_start(text: str, end: int) -> int:
    """Where the digits ending at `end` begin."""
    while end > 0 and text[end - 1].isdigit():
        end -= 1
    return end


def prefixed(name: str, match: regex.Match, text: str, g: Grammar) -> int:
    """Start of the match taking in the words of look-back `name` written right before it."""
    found = g.before(name, text, match.start())
    return found.start() if found and found.start() < match.start() else match.start()


def relative_lead(text: str, start: int, g: Grammar) -> tuple[int, bool]:
    """Where a year or span starting at `start` opens when a relative period stands right before the
    years it names ("nhiệm kỳ mới 2015 - 2020", "năm nay 2020": one expression, dated by its years),
    and whether that lead names a term."""
    lead = g.before("relative_lead", text, start)
    return (lead.start(), bool(lead["term"])) if lead else (start, False)


def item_start(text: str, start: int, word: str) -> int:
    """Start of a list item, taking in the word ("tháng", "quý") written right before it."""
    before = regex.search(rf"(?i){word}\s+\Z", text[max(0, start - 12):start])
    return start - len(before.group(0)) if before else start
