"""The date rules (rules/dates.yml), the building blocks of date shapes and the compiled grammar's type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from pipeline.datetime_parse.atoms import Atom
from pipeline.rulebook import lexicon_schema, load_rules, strict_object
from pipeline.text import casefold_words

# More years back than this ("Bảy mươi năm qua", "93 năm qua") are an age counted from a founding, not a
# period: the dates stage dates one only from a year the article writes, and no figure takes one as its time.
AGE_YEARS = 50

_INT = {"type": "integer"}
_BOOL = {"type": "boolean"}
# Every lexicon of rules/dates.yml with the extra keys its entries may carry besides term and gloss.
_LEXICONS = {
    "day_triggers": {"in_span": _BOOL, "past": _BOOL}, "range_triggers": {"days_only": _BOOL},
    "fraction_nouns": None,
    "tense_after": {"offset": _INT}, "parts_of_day": {"pm_from": _INT, "pm_below": _INT},
    "relative_years": {"offset": _INT}, "relative_months": {"offset": _INT}, "quantity_words": None,
    "approximators": None, "count_units": None,
    "period_words": None, "period_modifiers": None,
    "years_back_before": {"held": _BOOL}, "years_back_after": None,
    "years_back_future": None, "years_back_blockers": None, "years_back_doing": None,
    "years_back_growing": None, "years_back_lengths": None,
    "years_repeat_before": None, "years_repeat_blockers": None, "years_after_heads": None,
    "named_days": None,
    "since_heads": None,
    "since_tails": None, "founding_verbs": None,
    "term_words": {"offset": _INT, "ended": _BOOL}, "english_months": {"month": _INT}, "lunar_markers": None,
    "lunar_stems": {"index": _INT}, "lunar_branches": {"index": _INT}, "lunar_new_year_heads": None,
    "lunar_months": None, "lunar_days": None,
    "lunar_twin_heads": None,
    "recurrence_markers": None, "recurrence_plurals": None, "named_date_followers": None,
    "listed_month_plurals": None, "decade_words": None, "decade_blockers": None,
    "decade_centuries": {"base": _INT},
    "number_words": {"value": _INT}, "month_words": {"month": _INT},
    "comparison_bases": {"offset": _INT, "same_period": _BOOL}, "target_heads": None, "plan_heads": None,
    "plan_blockers": None,
    "year_edge_heads": None,
    "term_openers": None, "issued_documents": {"year": _INT},
    "anniversary_heads": None, "anniversary_objects": None, "named_month_heads": None,
    "birth_heads": {"bare": _BOOL},
    "spelling_variants": {"as": {"type": "string", "minLength": 1}}, "ordinal_heads": None,
}
RULES_SCHEMA: dict[str, Any] = strict_object(
    {
        **{key: lexicon_schema(extra) for key, extra in _LEXICONS.items()},
        "party_term": strict_object({"length": _INT, "anchor_year": _INT, "new_term_month": _INT}),
    },
    required=[*_LEXICONS, "party_term"],
)

# Building blocks of date shapes; years run 1000-2099, bare years (no "năm") only 1900-2099.
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1\d{3}|20\d\d)"
DASHES = r"[-–—‐−]"
DASH = rf"\s*{DASHES}\s*"
HSPACE = r"[^\S\n]"  # a space that does not end the line
# "06:35", "10:03:20", "23h50", "9h", "9 giờ 30 phút", "9 giờ"
TIME = (
    r"(?P<hh>[01]?\d|2[0-3])(?:\s?:\s?(?P<mi>[0-5]\d)(?::[0-5]\d)?|h(?P<mi>[0-5]\d)?(?!\p{L})"
    r"|\s*giờ(?:\s*(?P<mi>[0-5]\d)(?:\s*phút)?)?)(?!\d)"
)
# a number starts here (not inside a code, decimal, time or file name: "Thông tư 10_2016_BGD"); the
# look-ahead first lets the engine skip non-digits fast, six times faster than the look-behind alone
NUM_START = r"(?=\d)(?<![\p{L}\d.,/:+#\-_])"
NUM_END = r"(?![\p{L}\d_]|[.,/]\d|\s?%)"  # ...and ends here
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
            "01": 1, "02": 2, "03": 3, "04": 4}
FLAGS = regex.IGNORECASE


def date_rules() -> dict[str, Any]:
    """The validated `rules/dates.yml`, loaded once per process."""
    return load_rules("dates", RULES_SCHEMA)


def birth_heads(bare: bool = True) -> list[str]:
    """The words that make the date after them a person's birth (`birth_heads`); without `bare`,
    only those that say so alone ("SN", "sinh năm"), not "sinh" ("sinh 2 con": gave birth)."""
    return [e["term"] for e in date_rules()["birth_heads"] if bare or not e.get("bare")]


def founding_verbs() -> list[str]:
    """The verbs of founding or beginning (`founding_verbs`): the date after them is when something came
    to be ("được thành lập năm 1999"), a point, not a period things are reported for."""
    return [e["term"] for e in date_rules()["founding_verbs"]]


Handler = Callable[[regex.Match, str, "Grammar"], list[Atom]]


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns, look-backs and lookups, built once from rules/dates.yml."""

    patterns: tuple[tuple[regex.Pattern, Handler], ...]
    count_led: frozenset[int]  # the patterns (by place) that open with a count and its unit ("6 tháng")
    count_start: regex.Pattern  # every place a count and its unit start, overlapping
    count_unit: regex.Pattern  # the units a count-led pattern counts
    count_reach: regex.Pattern  # (reversed) the stretch before a unit where its count may start
    re: dict[str, regex.Pattern]  # look-backs (ending at \Z) and look-aheads used by handlers
    in_span: frozenset[str]
    past: frozenset[str]
    weak: frozenset[str]
    days_only: frozenset[str]  # weak triggers of a day/month only, never of a month/year
    tense_after: dict[str, int]
    pm: dict[str, tuple[int, int]]
    relative: dict[str, int]
    relative_months: dict[str, int]  # "trước" -> -1 ("tháng trước")
    term_words: dict[str, tuple[int, bool]]
    party_term: dict[str, int]
    numbers: dict[str, int]  # small counts in words: "sáu" -> 6
    months: dict[str, int]  # month names in words: "chín" -> 9 ("tháng Chín")
    comparison: dict[str, int]  # a comparison cue before a base year -> years to the article's own
    same_period: frozenset[str]  # the comparison cues of the same period a year before ("cùng kỳ")
    cycle: dict[str, int]  # a lunar year's stem or branch -> its place in its cycle ("tân" -> 8, "sửu" -> 2)
    document_years: dict[str, int]  # group name in re["issued_document"] -> the year that document was issued
    spellings: dict[str, str]  # an older spelling -> the one the rules use, of the same length ("kì" -> "kỳ")
    centuries: dict[str, int]  # a century after a decade's tens -> its first year ("thế kỷ trước" -> 1900)

    def count(self, written: str) -> int:
        """A count written in digits or in words ("7", "Bảy"); 0 for a lower-case "năm" (a year)."""
        if written.isdigit():
            return int(written)
        return 0 if written == "năm" else self.numbers[casefold_words(written)]

    def before(self, name: str, text: str, start: int, width: int = 24) -> regex.Match | None:
        """The look-back `name` ending right at `start`."""
        return self.re[name].search(text, max(0, start - width), start)

    def after(self, name: str, text: str, end: int) -> regex.Match | None:
        """The look-ahead `name` starting right at `end`."""
        return self.re[name].match(text, end)
