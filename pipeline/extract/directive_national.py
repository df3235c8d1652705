"""A state programme known by its capitalised name and the word saying it is the nation's.

A `span_capital_subject` type ("Chương trình") with a capitalised name is an event's unless a span of
years closes it (`directive_names.plan_at`); a name that ends in a `national_name_ends` word at its
clause's end ("Chương trình Chuyển đổi số quốc gia,", "Chương trình CĐS quốc gia.") is the State's
programme whatever the type word's case (spec section 3, "documents known by name count too").
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.extract.directive_grammar import H, canonical_type, clean, match_at, rules, type_entry
from pipeline.extract.directive_names import Named, plural_before
from pipeline.text import alternation

MAX_NAME_WORDS = 6  # "Phòng chống tác hại thuốc lá": a programme's name before its national word


@cache
def national_name() -> regex.Pattern[str]:
    """A capitalised name of a few words ending in a national word, then the clause's end."""
    ends = alternation(rules().words["national_name_ends"], spaces="inline")  # a space: within the line
    name = rf"\p{{Lu}}\p{{L}}*(?:{H}+\p{{L}}+){{0,{MAX_NAME_WORDS - 1}}}?{H}+{ends}"
    return regex.compile(rf"{H}+(?P<name>{name})(?={H}*(?:[,.;:)–-]|$))", regex.IGNORECASE)


def national_plan_at(text: str, pos: int) -> Named | None:
    """A programme named by a capitalised name ending in its national word, starting at a type word."""
    match = match_at(rules().patterns["type"], text, pos)
    written = match.group("type") if match else ""
    if not (written and type_entry(written).get("span_capital_subject")) or plural_before(text, pos):
        return None
    name = match_at(national_name(), text, match.end())
    if not name or not name.group("name")[:1].isupper():
        return None
    kind = canonical_type(written)
    return Named(pos, name.end(), f"{kind} {clean(name.group('name'))}", kind)
