"""The figure rules compiled: `rules/figures.yml`'s schema, its word tables and the number patterns.

Loaded once per process; `figure_reading` reads one figure with it, `figure_forms` the party-press
forms around numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.datetime_parse import birth_heads
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation

QUALIFIERS = ("approx", "more_than", "at_least", "at_most", "less_than")


def _lexicon(rewrites: bool = False, **required: Any) -> dict[str, Any]:
    """A lexicon schema: keyword arguments are keys every entry carries; `rewrites` allows `unit`."""
    optional = {"unit": {"type": "string", "minLength": 1}} if rewrites else {}
    schema = lexicon_schema({**required, **optional})
    schema["items"]["required"] = ["term", "gloss", *required]
    return schema


PLAIN_TABLES = (
    "hour_duration_cues", "framing_after", "framing_before", "ago_before", "labels_before", "not_labels",
    "per_period_units", "per_periods", "score_words", "qualifier_blockers", "target_cues",
    "target_blockers", "continuations", "quota_periods", "not_units", "unit_phrases", "acronym_units",
    "scale_compounds", "labels_after", "count_heads", "share_words", "fraction_nouns", "document_labels",
    "number_word_blockers", "tiered_systems", "body_kinds", "year_words_before", "length_cues",
    "rating_units",
)
SCHEMA = strict_object({
    **{name: _lexicon() for name in PLAIN_TABLES},
    "currencies": _lexicon(rewrites=True),  # `unit` rewrites an abbreviation: "đ" -> "đồng"
    "measures": _lexicon(rewrites=True),
    "scales": _lexicon(factor={"type": "number", "exclusiveMinimum": 0}),
    "time_units": _lexicon(framing={"type": "boolean"}),
    "qualifiers_before": _lexicon(qualifier={"enum": list(QUALIFIERS)}),
    "qualifiers_after": _lexicon(qualifier={"enum": list(QUALIFIERS)}),
    "counted_nouns": _lexicon(coordinate={"type": "boolean"}),
    "number_words": _lexicon(value={"type": "integer", "minimum": 0}),
})

# Vietnamese writes 3.650 and 97,5; English-style 2,000 and 1.5 also occur in the press.
NUMBER = r"\d+(?:[.,]\d+)*"
LEFT_EDGE = r"(?<![\p{L}\p{N}_/\\@#+.,:'’\-])"  # not glued to a word, code, date or decimal
WORD_END = r"(?![\p{L}\p{N}])"
QUOTES = "“”\"'‘’«»"

def _at(terms: list[str], flags: int = 0, lead: str = "", group: str | None = None) -> regex.Pattern:
    """A pattern matching one of `terms` (after `lead`) at a position, ending at a word boundary."""
    name = f"?P<{group}>" if group else "?:"
    return regex.compile(f"{lead}({name}{alternation(terms)}){WORD_END}", flags)


@dataclass(frozen=True)
class Lexicon:
    """The rule file compiled once per process: patterns at a position, and word tables."""

    core: regex.Pattern  # a number with its scale words and %, or a range of two
    bare: regex.Pattern  # the same at any position (after "/" or glued to a word)
    scales: dict[str, int]
    unit_written: dict[str, str]  # currency or measure as matched -> as written in the record
    at: dict[str, regex.Pattern]  # name -> pattern matching one of a table's terms at a position
    tables: dict[str, dict[str, Any]]  # table name -> lower-cased term -> value (or True)
    framing_units: frozenset[str]
    time_ranks: dict[str, int]  # time unit -> position in its list, longest first
    counted: frozenset[str]  # counted nouns, unit phrases and abbreviations, lower-cased
    cue_terms: tuple[str, ...]


@compiled
def lexicon() -> Lexicon:
    """Load and compile `rules/figures.yml`."""
    rules = load_rules("figures", SCHEMA)
    terms = {name: [e["term"] for e in rules[name]] for name in rules if isinstance(rules[name], list)}
    # "tỷ lệ" (rate), "tỷ trọng" (share) are words, not the scale word tỷ
    not_scale = f"(?!(?:{alternation(terms['scale_compounds'])}){WORD_END})"
    scale = f"{not_scale}(?:{alternation(terms['scales'])}){WORD_END}"
    quantity = (
        rf"(?P<n{{i}}>{NUMBER})(?:(?P<approx{{i}}>[ \t]+mấy)?(?P<s{{i}}>(?:[ \t]*{scale})(?:[ \t]+{scale})*)"
        rf"(?P<half{{i}}>[ \t]+rưỡi{WORD_END})?)?(?P<pct{{i}}>[ \t]?%)?"
    )
    core = (
        quantity.replace("{i}", "1")
        + r"(?:(?P<sep>[ \t]*[-–—][ \t]*|[ \t]+(?:đến|tới)[ \t]+(?:(?P<q2>hơn|gần|khoảng|trên)[ \t]+)?)"
        + quantity.replace("{i}", "2") + ")?"
    )
    nouns = terms["counted_nouns"] + terms["unit_phrases"]
    lead = rf"[\s{QUOTES}(\-–—]*"
    at = {
        "money": _at(terms["currencies"]),
        "measure": _at(terms["measures"]),
        "time": _at(terms["time_units"]),
        "noun": _at(nouns, regex.IGNORECASE),
        "acronym": _at(terms["acronym_units"]),
        "coordinate": _at([e["term"] for e in rules["counted_nouns"] if e["coordinate"]], regex.IGNORECASE),
        "number_word": _at(terms["number_words"], regex.IGNORECASE, lead=lead, group="w"),
        # inside a sentence a count in words is in lower case, after a space
        "number_word_within": regex.compile(rf"(?<=[ \t])(?:{alternation(terms['number_words'])}){WORD_END}"),
        "label_after": _at(terms["labels_after"], regex.IGNORECASE, lead="[ \t]*"),
        "count_head": _at(terms["count_heads"], regex.IGNORECASE, lead=r"(?<![\p{L}])"),
        "framing_after": _at(terms["framing_after"], regex.IGNORECASE, lead="[ \t]*"),
        "qualifier_after": _at(terms["qualifiers_after"], regex.IGNORECASE, lead="[ \t]*", group="q"),
        "continuation": _at(terms["continuations"], regex.IGNORECASE, lead=lead),
        "quota": _at(terms["quota_periods"], regex.IGNORECASE, lead=r"(?<![\p{L}])"),
    }
    keyed = {"qualifiers_before": "qualifier", "qualifiers_after": "qualifier", "number_words": "value"}
    tables = {name: {e["term"].lower(): e.get(keyed.get(name, ""), True) for e in rules[name]}
              for name in terms}
    # "sinh năm 1993": the birth words of rules/dates.yml (the one list) make the number a year
    tables["year_words_before"].update(dict.fromkeys((t.lower() for t in birth_heads(bare=False)), True))
    # the longest match wins: "kỷ luật 3 đảng viên" ends in "luật" but is no law
    not_labels = dict.fromkeys(tables.pop("not_labels"), False)
    tables["labels_before"].update(not_labels)
    tables["document_labels"].update(not_labels)
    return Lexicon(
        core=regex.compile(LEFT_EDGE + core),
        bare=regex.compile(core),
        scales={e["term"]: int(e["factor"]) for e in rules["scales"]},
        unit_written={e["term"]: e.get("unit", e["term"]) for e in rules["currencies"] + rules["measures"]},
        at=at,
        tables=tables,
        framing_units=frozenset(e["term"] for e in rules["time_units"] if e["framing"]),
        time_ranks={term: rank for rank, term in enumerate(terms["time_units"])},
        counted=frozenset(t.lower() for t in nouns + terms["acronym_units"]),
        cue_terms=tuple(t.lower() for t in terms["target_cues"]),
    )
