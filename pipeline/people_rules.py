"""The schema of rules/people.yml and its loader: the people extractor's cues, and the family and
middle names the clean stage's bylines are checked against."""

from __future__ import annotations

from typing import Any

from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import casefold_words

_WORDS = lexicon_schema()
RULES_SCHEMA: dict[str, Any] = strict_object(
    {
        "honorifics": _WORDS,
        "titles": lexicon_schema({"role": {"type": "boolean"}}),
        "title_prefixes": _WORDS,
        "surnames": _WORDS,
        "famous": lexicon_schema({"name": {"type": "string", "minLength": 1}}),
        "not_names": _WORDS,
        "surname_bodies": _WORDS,
        "blockers": _WORDS,
        "role_inner_words": _WORDS,
        "role_enders": _WORDS,
        "company_words": _WORDS,
        "middle_names": _WORDS,
        "institution_heads": _WORDS,
        "place_words": _WORDS,
        "plural_markers": _WORDS,
        "doctrine_heads": _WORDS,
        "name_openers": _WORDS,
    },
)


def rules() -> dict[str, Any]:
    """rules/people.yml, validated."""
    return load_rules("people", RULES_SCHEMA)


@compiled
def name_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """The family names and the middle names ("Văn", "Thị") of rules/people.yml, folded."""
    data = rules()
    return (frozenset(casefold_words(s["term"], nfc=True) for s in data["surnames"]),
            frozenset(casefold_words(m["term"], nfc=True) for m in data["middle_names"]))


@compiled
def body_words() -> frozenset[str]:
    """The capitalised words of rules/people.yml that are no name after a title ("Cục", "Sở", "Đảng"),
    one word each, folded: a body's or an office's word."""
    return frozenset(casefold_words(w["term"], nfc=True) for w in rules()["not_names"]
                     if " " not in w["term"])
