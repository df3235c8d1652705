"""What one line is by itself: site furniture by rule, a dateline, a byline, a credit, a source line.

`rules/boilerplate.yml` compiled once per rulebook: phrases and named patterns (furniture whatever
page it is on), tail markers and list headings, and the prefixes that sort meta lines; with them
and the line shapes of `shapes.py`, the predicates the cleaner (`lines.py`) asks of each line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.clean.bylines import names_in, source_author
from pipeline.clean.shapes import STAMP, has_stamp, is_breadcrumb, is_leaked_markup, is_name, is_paragraph
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, casefold_words

BOILERPLATE_SCHEMA = strict_object(
    {
        "phrases": lexicon_schema(),
        "patterns": lexicon_schema({"name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}},
                                   required=["name"]),
        "tail_markers": lexicon_schema(),
        "list_headings": lexicon_schema(),
        "byline_prefixes": lexicon_schema(),
        "credit_prefixes": lexicon_schema(),
        "source_prefixes": lexicon_schema(),
        "caption_markers": lexicon_schema(),
        "honorifics": lexicon_schema(),
    },
)

URL = regex.compile(r"(?:https?://|www\.)[^\s)\]>\"']+", regex.IGNORECASE)
DATELINE = regex.compile(
    r"\b\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b",
    regex.IGNORECASE,
)
DATELINE_MAX_WORDS = 14
STAMP_LEFTOVER_WORDS = 4  # words a dateline with a time may carry besides it (its section's name)
DATELINE_WORDS = regex.compile(
    r"\b(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|đăng|xuất bản|lúc|ngày|giờ|sáng|chiều|tối|trưa"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|gmt|utc|am|pm)\b|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?"
    r"|[+\-]\d{1,2}(?::?\d{2})?|[()\[\],:\-–|/]",
    regex.IGNORECASE,
)
NO_CONTENT = regex.compile(r"^[^\p{L}\p{N}]*$")
AGENCY_WORD = r"\p{Lu}[\p{L}\d/+.\-]*"
AGENCY = regex.compile(rf"^\((?:[Tt]heo\s+)?{AGENCY_WORD}(?:\s+{AGENCY_WORD}){{0,3}}\)$")  # (TTXVN)
GLUED_SOURCE = regex.compile(r"^(?P<name>.+?\p{Ll})(?:Theo|Nguồn)\b")  # "Nhật LinhTheo Reuters"


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled `rules/boilerplate.yml`."""

    phrases: frozenset[str]
    patterns: tuple[tuple[str, regex.Pattern], ...]  # (rule name, pattern)
    tail_markers: frozenset[str]
    list_heading: regex.Pattern
    byline: regex.Pattern
    credit: regex.Pattern
    source: regex.Pattern
    caption: regex.Pattern
    honorifics: regex.Pattern


def _alternation(entries: list[dict[str, str]]) -> str:
    """The entries' terms, spaces optional: crawled bylines lose them ("Bàivàảnh")."""
    return alternation((e["term"] for e in entries), spaces="optional")


@compiled
def boilerplate_rules() -> BoilerplateRules:
    """Load and compile the boilerplate rules once per process."""
    data: dict[str, Any] = load_rules("boilerplate", BOILERPLATE_SCHEMA)
    flags = regex.IGNORECASE | regex.V1
    return BoilerplateRules(
        phrases=frozenset(casefold_words(e["term"]) for e in data["phrases"]),
        patterns=tuple((e["name"], regex.compile(e["term"], flags)) for e in data["patterns"]),
        tail_markers=frozenset(casefold_words(e["term"]) for e in data["tail_markers"]),
        list_heading=regex.compile(
            rf"^[^\d.!?]*\b(?:{_alternation(data['list_headings'])})(?:\s+ngày)?\s*:?$", flags),
        byline=regex.compile(
            rf"^(?:{_alternation(data['byline_prefixes'])})\s*:\s*(?P<names>.+)$", flags
        ),
        credit=regex.compile(
            rf"^\(?(?:{_alternation(data['credit_prefixes'])})\s*:\s*(?P<names>.+?)\)?$", flags
        ),
        source=regex.compile(rf"^(?:{_alternation(data['source_prefixes'])})\b\s*(?P<rest>.*)$", flags),
        caption=regex.compile("|".join(f"(?:{e['term']})" for e in data["caption_markers"]), flags),
        honorifics=regex.compile(rf"^(?:(?:{_alternation(data['honorifics'])})\s*)+", flags),
    )


def boilerplate_rule(text: str) -> str | None:
    """The name of the rule that makes a line site furniture whatever page it is on, or None."""
    rules = boilerplate_rules()
    folded = casefold_words(text)
    if folded in rules.phrases:
        return "phrase"
    if NO_CONTENT.match(text) is not None:
        return "no-content"
    named = next((name for name, pattern in rules.patterns if pattern.search(folded)), None)
    if named is not None or is_dateline(text):
        return named
    if is_leaked_markup(text):
        return "leaked-markup"
    return "breadcrumb" if is_breadcrumb(text) else None


def is_boilerplate_line(text: str) -> bool:
    """A line that is site furniture whatever page it is on."""
    return boilerplate_rule(text) is not None


def split_names(names: str) -> list[str]:
    """Names of a byline: "Triều Dương - Minh Anh" → two names; drops trailing role words."""
    parts = regex.split(r"\s*(?:,|;|\s-\s|\s–\s|&|\bvà\b)\s*", names.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 6]


def looks_like_name(text: str) -> bool:
    """A short line that is just a person's name ("Xuân Bính", "BÌNH MINH", "D.My")."""
    return is_name(text)


def is_source_line(text: str) -> bool:
    match = boilerplate_rules().source.match(text.strip())
    return bool(match) and (URL.search(text) is not None or len(text.split()) <= 8)


def is_dateline(text: str) -> bool:
    """A line that is a date (with time, weekday, "Cập nhật lúc", maybe a byline name), not a sentence."""
    if len(text.split()) > DATELINE_MAX_WORDS or DATELINE.search(text) is None:
        return False
    if has_stamp(text) and not is_paragraph(text):  # "Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021"
        rest = DATELINE_WORDS.sub(" ", STAMP.sub(" ", text))
        return len(regex.findall(r"\p{L}+", rest)) <= STAMP_LEFTOVER_WORDS
    rest = DATELINE_WORDS.sub(" ", DATELINE.sub(" ", text))
    head, _, tail = rest.partition("|")
    leftover = tail if looks_like_name(head) else rest
    return len(regex.findall(r"\p{L}+", leftover)) <= 1


def byline_names(text: str) -> list[str] | None:
    """Names of a byline with a prefix ("Bài và ảnh: Nguyễn Mai"), or None."""
    rules = boilerplate_rules()
    match = rules.byline.match(text.strip())
    if not match or len(text.split()) > 12:
        return None
    return names_in(match.group("names"), rules.honorifics) or split_names(match.group("names"))


def is_credit(text: str) -> bool:
    return len(text.split()) <= 10 and boilerplate_rules().credit.match(text.strip()) is not None


def meta_names(text: str) -> tuple[str, list[str]] | None:
    """("byline" | "credit" | "source" | "dateline", names it gives) for a meta line, else None."""
    names = byline_names(text)
    if names is not None:
        return "byline", names
    if is_credit(text):
        return "credit", []
    if is_source_line(text):
        rest = boilerplate_rules().source.match(text.strip())
        return "source", source_author(rest.group("rest") if rest else "", boilerplate_rules().honorifics)
    glued = GLUED_SOURCE.match(text.strip())
    if glued and is_name(glued["name"]):
        return "source", [glued["name"]]
    if AGENCY.match(text.strip()) and len(text.split()) <= 5:
        return "source", []
    if is_dateline(text):
        name = dateline_author(text)
        return "dateline", [name] if name else []
    return None


def dateline_author(text: str) -> str | None:
    """The name before the date in a combined line: "Lam Giang| 24/10/2017 10:03" → "Lam Giang"."""
    head = regex.split(r"\s*[|｜•·]\s*|\s+-\s+", text, maxsplit=1)[0]
    return head.strip() if head != text and looks_like_name(head) else None
