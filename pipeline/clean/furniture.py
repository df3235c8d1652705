"""What one line is by itself: site furniture by rule, a dateline, a byline, a credit, a source line.

`rules/boilerplate.yml` compiled once per rulebook: phrases and named patterns (furniture whatever
page it is on), tail markers and list headings, and the prefixes that sort meta lines; with them
and the line shapes of `shapes.py`, the predicates the cleaner (`lines.py`) asks of each line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.clean.bylines import MAX_BYLINE_WORDS, is_full_name, is_signing_unit, names_in, source_author
from pipeline.clean.published import is_month_and_year, with_numeric_dates
from pipeline.clean.shapes import (
    DATE,
    STAMP,
    TIME,
    WEEKDAY,
    has_stamp,
    is_breadcrumb,
    is_leaked_markup,
    is_loose_name,
    is_name,
    is_paragraph,
)
from pipeline.name_syllables import reads_as_slogan, seldom_in_names
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, casefold_words

BOILERPLATE_SCHEMA = strict_object(
    {
        "phrases": lexicon_schema(),
        "patterns": lexicon_schema({"name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}},
                                   required=["name"]),
        "tail_markers": lexicon_schema(),
        "list_headings": lexicon_schema(),
        "recent_headings": lexicon_schema(),
        "byline_prefixes": lexicon_schema(),
        "credit_prefixes": lexicon_schema(),
        "source_prefixes": lexicon_schema(),
        "caption_markers": lexicon_schema(),
        "honorifics": lexicon_schema(),
        "address_terms": lexicon_schema(),
        "unit_words": lexicon_schema(),
        "continuation_words": lexicon_schema(),
        "dangling_words": lexicon_schema(),
        "narrative_aspect_words": lexicon_schema(),
        "label_words": lexicon_schema(),
        "form_fields": lexicon_schema(),
    },
)

URL = regex.compile(r"(?:https?://|www\.)[^\s)\]>\"']+", regex.IGNORECASE)
DATELINE = regex.compile(  # "09/12/2024", "2024-12-09", "9 tháng 12 năm 2024", "09 Tháng 12, 2024"
    r"\b\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}\b|\b\d{4}([-/])\d{2}\1\d{2}\b"
    r"|\b\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,\s*|\s+năm\s+|\s*/\s*|\s+)\d{4}\b",
    regex.IGNORECASE,
)
DATELINE_MAX_WORDS = 14
STAMP_LEFTOVER_WORDS = 4  # words a dateline with a time may carry besides it (its section's name)
DATELINE_WORDS = regex.compile(
    r"\b(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|đăng|xuất bản|phát hành|lúc|ngày|giờ|sáng|chiều|tối|trưa"
    r"|(?:posted|published|updated)(?:\s+on)?"  # an English theme's dateline ("Posted on 05/11/2025")
    rf"|{WEEKDAY}|gmt|utc|am|pm)\b|\d{{1,2}}\s*[:h]\s*\d{{2}}(?::\d{{2}})?"
    r"|[+\-]\d{1,2}(?::?\d{2})?|[()\[\],:\-–|/]",
    regex.IGNORECASE,
)
# a weekday and a date in words and nothing else, no time ("Thứ sáu, ngày 26 tháng 04 năm 2024"): how a
# site's header prints the day the page is read; an article's dateline prints its date in figures or its time
WEEKDAY_DATE = regex.compile(
    rf"^\W*{WEEKDAY}[\s,\-–]*(?:ngày\s+)?\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm|\s*,)?\s+\d{{4}}[\s,.\-–]*$",
    regex.IGNORECASE,
)
# "Đăng lúc: 25-05-2020 9:49 Sáng - Đã xem: 26 lượt xem": a line that opens by saying when the page was
# posted is its dateline, whatever counters and buttons the template glues on after the date
POSTED_AT_FIRST = regex.compile(
    rf"^(?:ngày\s+)?(?:cập nhật|đăng|xuất bản)(?:\s+(?:ngày|lúc|vào))?\s*:?\s*(?:lúc\s*)?"
    rf"(?:{TIME}[\s,]*)?{DATE}",
    regex.IGNORECASE,
)
# a menu's bullet, or a dash and a space, before a line, and maybe a dash after it ("- Quảng Cáo -"); the
# article's own dashed lists are longer than a widget's label (`BULLETED_WIDGET_WORDS`)
DECORATED = regex.compile(r"^(?:[•·▪►▸]|[-–—](?=\s))\s*(?P<inner>.*?\p{L}.*?)(?:\s+[-–—])?$")
BULLETED_WIDGET_WORDS = 4  # a widget's label behind a bullet; a longer item lists the article's own details
NO_CONTENT = regex.compile(r"^[^\p{L}\p{N}]*$")
AGENCY_WORD = r"\p{Lu}[\p{L}\d/+.\-]*"
AGENCY = regex.compile(rf"^\((?:[Tt]heo\s+)?{AGENCY_WORD}(?:\s+{AGENCY_WORD}){{0,3}}\)$")  # (TTXVN)
ROLE_JOINER = r"\s*(?:,|/|&|[-–]|\bvà\b)\s*"  # "Bài, ảnh", "Tin - ảnh", "Bài/ảnh", "Ảnh và tin"
SEGMENT = regex.compile(r"\s*[|｜•·]\s*")  # "Ngày đăng: 09/12/2024 | Lượt xem: 52 | Tác giả: Minh Anh"
POSTED_BY = regex.compile(r"\bbởi\s+(?P<name>[^|,]+?)\s*$", regex.IGNORECASE)
DASHED = regex.compile(r"\s+[-–]\s+")  # "Chính trị - Xã hội - Ngày 09/12/2024"
# "(11/10/2018). Số lượt xem:2082": a full stop after the date sets the counter off as a bar does
STOPPED = regex.compile(r"(?<=[\d)])\.\s+(?=\p{Lu})")
# a time alone on its line, next to the date on the line above or below ("16:02 (GMT +7)")
TIME_LINE = regex.compile(
    r"^\(?\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]|SA|CH)?\s*(?:\(?\s*(?:GMT|UTC)\s*[+\-]\s*\d{1,2}\s*\)?)?\)?$")
SEGMENT_ASIDE_WORDS = 4  # a segment beside the date may be a section's name or a view counter
# a bracket set apart around a segment is no word of it ("[ Số lần xem: 410 ]" has four); a dash or a colon
# set apart still counts ("- Thời gian: : 08:30", an item of the article's schedule, is no counter)
BRACKETS_ONLY = regex.compile(r"^[\[\]()]+$")
TIME_ALONE = regex.compile(r"\b\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\b)?")
WIDE_GAP = regex.compile(r"\s{2,}")  # a dump's gap between widgets side by side; a sentence has single spaces
GLUED_SOURCE = regex.compile(r"^(?P<name>.+?\p{Ll})(?:Theo|Nguồn)\b")  # "Nhật LinhTheo Reuters"


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled `rules/boilerplate.yml`."""

    phrases: frozenset[str]
    patterns: tuple[tuple[str, regex.Pattern], ...]  # (rule name, pattern)
    tail_markers: frozenset[str]
    list_heading: regex.Pattern
    recent_heading: regex.Pattern  # recent articles' heading ends so ("Bài viết mới"), a subheading too
    byline: regex.Pattern
    credit: regex.Pattern
    source: regex.Pattern
    caption: regex.Pattern
    honorifics: regex.Pattern
    address: regex.Pattern  # how running text addresses a named person ("Đồng chí", "Ông", "Bà")
    units: regex.Pattern  # a unit's name starts so ("Báo ...", "Trung tâm ...")
    label: regex.Pattern  # a word of a widget's label no person's name holds ("BÀI MỚI ĐĂNG")
    continuation: regex.Pattern  # a line carrying on the one above starts so ("và ...", "của ...")
    dangling: regex.Pattern  # a line a dump broke in mid-sentence ends so ("... có sự tham dự của")
    narrative: regex.Pattern  # a narrating sentence holds an aspect word ("đã", "vừa"); a headline none
    form_field: regex.Pattern  # a form's field label or button, a required field's star ("Email *", "Gửi")


def _alternation(entries: list[dict[str, str]]) -> str:
    """The entries' terms, spaces optional: crawled bylines lose them ("Bàivàảnh")."""
    return alternation((e["term"] for e in entries), spaces="optional")


def _undotted(entries: list[dict[str, str]]) -> str:
    """The abbreviated titles without their final dot ("ThS LÊ VĂN CƯỜNG"); a space must follow them."""
    return alternation((e["term"].rstrip(".") for e in entries if e["term"].endswith(".")), spaces="optional")


# the line shapes a named pattern of rules/boilerplate.yml may name instead of spelling them again
PATTERN_FRAGMENTS = {"{weekday}": WEEKDAY}


def with_fragments(term: str) -> str:
    """A named pattern with each fragment it names (`{weekday}`) spelled out."""
    for name, fragment in PATTERN_FRAGMENTS.items():
        term = term.replace(name, fragment)
    return term


@compiled
def boilerplate_rules() -> BoilerplateRules:
    """Load and compile the boilerplate rules once per process."""
    data: dict[str, Any] = load_rules("boilerplate", BOILERPLATE_SCHEMA)
    flags = regex.IGNORECASE | regex.V1
    writers = _alternation(data["byline_prefixes"])
    roles = _alternation([*data["byline_prefixes"], *data["credit_prefixes"]])
    return BoilerplateRules(
        phrases=frozenset(casefold_words(e["term"]) for e in data["phrases"]),
        patterns=tuple(
            (e["name"], regex.compile(with_fragments(e["term"]), flags)) for e in data["patterns"]
        ),
        tail_markers=frozenset(casefold_words(e["term"]) for e in data["tail_markers"]),
        list_heading=regex.compile(
            rf"^[^\d.!?]*\b(?:{_alternation(data['list_headings'])})(?:\s+ngày)?\s*:?$", flags),
        recent_heading=regex.compile(rf"\b(?:{_alternation(data['recent_headings'])})\s*:?$", flags),
        byline=regex.compile(
            # the roles a signature names, joined in any order ("Bài và ảnh", "Ảnh, tin", "Tin/ảnh"), one
            # of them a writer's; "Đăng bởi Minh Anh": a prefix that ends in "bởi" (by) needs no colon
            rf"^(?=(?:(?:{roles}){ROLE_JOINER})*(?:{writers})\b)(?:{roles})(?:{ROLE_JOINER}(?:{roles}))*"
            rf"(?:\s*:|(?<=\bbởi))\s*(?P<names>.+)$", flags
        ),
        credit=regex.compile(
            rf"^\(?(?:{_alternation(data['credit_prefixes'])})\s*:\s*(?P<names>.+?)\)?$", flags
        ),
        source=regex.compile(rf"^(?:{_alternation(data['source_prefixes'])})\b\s*(?P<rest>.*)$", flags),
        caption=regex.compile("|".join(f"(?:{e['term']})" for e in data["caption_markers"]), flags),
        honorifics=regex.compile(rf"^(?:(?:{_alternation(data['honorifics'])})\s*|(?:{_undotted(data['honorifics'])})\s+)+",
                                 flags),
        address=regex.compile(rf"^(?:{_alternation(data['address_terms'])})\s+", flags),
        units=regex.compile(rf"^(?:{_alternation(data['unit_words'])})\b", flags),
        label=regex.compile(rf"\b(?:{alternation(e['term'] for e in data['label_words'])})\b", flags),
        continuation=regex.compile(
            rf"^(?:{alternation(e['term'] for e in data['continuation_words'])})\s", flags),
        dangling=regex.compile(rf"\s(?:{alternation(e['term'] for e in data['dangling_words'])})$", flags),
        narrative=regex.compile(
            rf"(?<!\w)(?:{alternation(e['term'] for e in data['narrative_aspect_words'])})(?!\w)", flags),
        form_field=regex.compile(
            rf"^(?:(?:{_alternation(data['form_fields'])})\s*[:*]*\s*(?:\((?:bắt buộc|required)\))?"
            rf"|[^.!?:]{{1,40}}\s*\*)$", flags),
    )


def boilerplate_rule(text: str, folded: str | None = None) -> str | None:
    """The name of the rule that makes a line site furniture whatever page it is on, or None.
    `folded`: the line's `casefold_words`, when the caller has it."""
    rules = boilerplate_rules()
    folded = casefold_words(text) if folded is None else folded
    if folded in rules.phrases or folded.rstrip(" :") in rules.phrases:  # "Chia sẻ bài viết:": same label
        return "phrase"
    decorated = DECORATED.match(text.strip())
    inner = None
    if decorated is not None and len(decorated["inner"].split()) <= BULLETED_WIDGET_WORDS:
        inner = boilerplate_rule(decorated["inner"])
    if inner not in (None, "stray-numbers"):
        return inner  # "• Trang chủ", "- 86 lượt xem", "- Quảng Cáo -": a widget set off as a list's item
    if NO_CONTENT.match(text) is not None:
        return "no-content"
    named = next((name for name, pattern in rules.patterns if pattern.search(folded)), None)
    if named is not None or is_dateline(text):
        return named
    if is_leaked_markup(text):
        return "leaked-markup"
    if is_month_and_year(text):
        return "calendar-month"  # "Tháng Ba 2024" over a calendar's days, an archive's month: no day, no text
    if (row := _widget_row(text)) is not None:
        return row
    # "03:06 PM 13/12/2020 | Lượt xem: 4186 | In bài viết": bars divide a dateline's parts, not a menu's
    return "breadcrumb" if is_breadcrumb(text) and _segmented_meta(text) is None else None


def _widget_row(text: str) -> str | None:
    """A row of the site's widgets a dump prints on one line, wide gaps between them ("In bài viết   Gửi
    cho bạn bè", "Đã đọc: 2236      Cỡ chữ: ..."): the rule of its first part when every part is
    furniture by itself, else None."""
    parts = WIDE_GAP.split(text.strip())
    if len(parts) < 2:
        return None
    rules = [boilerplate_rule(part) for part in parts]
    return rules[0] if all(rules) else None


def is_boilerplate_line(text: str) -> bool:
    """A line that is site furniture whatever page it is on."""
    return boilerplate_rule(text) is not None


NAME_SEPARATOR = regex.compile(r"\s*(?:,|;|\s-\s|\s–\s|&|\bvà\b)\s*")  # compiled once: split per page line


def split_names(names: str) -> list[str]:
    """Names of a byline: "Triều Dương - Minh Anh" → two names; drops trailing role words."""
    parts = NAME_SEPARATOR.split(names.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 6]


def looks_like_name(text: str) -> bool:
    """A short line that is just a person's name ("Xuân Bính", "BÌNH MINH", "D.My")."""
    return is_name(text)


def is_source_line(text: str) -> bool:
    """"Theo Báo Nhân Dân", "Nguồn: congluan.vn"; a line opening in lowercase ("nguồn tin này cho hay.")
    carries on a sentence a dump broke across lines."""
    match = boilerplate_rules().source.match(text.strip())
    if not match or text.strip()[:1].islower():
        return False
    return URL.search(text) is not None or len(text.split()) <= 8


def is_dateline(text: str) -> bool:
    """A line that is a date (with time, weekday, "Cập nhật lúc", maybe a byline name), not a sentence."""
    if len(text.split()) > DATELINE_MAX_WORDS:
        return False
    text = with_numeric_dates(text)  # "Tháng Mười Một 5, 2025", "November 5, 2025"
    if DATELINE.search(text) is None:
        return False
    if len(DATELINE.findall(text)) > 1:
        return False  # "20/10/1930 - 20/10/2023": a span the article speaks of, not when it was posted
    if has_stamp(text) and not is_paragraph(text):  # "Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021"
        rest = DATELINE_WORDS.sub(" ", STAMP.sub(" ", text))
        return len(regex.findall(r"\p{L}+", rest)) <= STAMP_LEFTOVER_WORDS
    rest = DATELINE_WORDS.sub(" ", DATELINE.sub(" ", text))
    head, _, tail = rest.partition("|")
    leftover = tail if looks_like_name(head) else rest
    return len(regex.findall(r"\p{L}+", leftover)) <= 1 or _poster(text) is not None


def _poster(text: str) -> str | None:
    """The name after "bởi" in a dateline: "Đăng ngày 09/12/2024 bởi Minh Anh" → "Minh Anh"."""
    found = POSTED_BY.search(text)
    return found["name"] if found and looks_like_name(found["name"]) else None


BARE_BY = regex.compile(r"^\W*bởi\s", regex.IGNORECASE)  # "Bởi Minh Anh": "by" and no other prefix


def byline_names(text: str) -> list[str] | None:
    """Names of a byline with a prefix ("Bài và ảnh: Nguyễn Mai"), or None."""
    rules = boilerplate_rules()
    match = rules.byline.match(text.strip())
    if not match or len(match.group("names").split()) > MAX_BYLINE_WORDS:  # the name and its unit
        return None
    given = _without_dates(match.group("names"))  # "Tác giả: Minh Anh - 09/12/2024"
    found = names_in(given, rules.honorifics, rules.units)
    if found is None and is_signing_unit(given, rules.units):
        return []  # "Tin, ảnh: Phòng Công tác Sinh viên": an office signs it, no person
    if found is None:
        found = [name for name in split_names(given) if is_loose_name(name)]  # "admin" signs nothing
    if not found and BARE_BY.match(text) and given == match.group("names").strip():
        return None  # "Bởi vậy, ...", "Bởi vì ...": a sentence, unless names or a date follow "Bởi"
    return found


def _without_dates(text: str) -> str:
    """The text with its dates and times taken out, and the separators left around them."""
    bare = TIME_ALONE.sub(" ", DATELINE.sub(" ", STAMP.sub(" ", text)))
    bare = regex.sub(r"^[\s,|\-–]+|[\s,|\-–]+$", "", regex.sub(r"\s+", " ", bare))
    # the words that led into a date taken out ("Minh Anh lúc", "Minh Anh vào ngày"): names are capitalised
    return regex.sub(r"(?:\s+\p{Ll}+)+$", "", bare) if bare != text.strip() else bare


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
        return "dateline", dateline_names(text)
    if TIME_LINE.match(text.strip()):
        return "time", []
    segmented = _segmented_meta(text)
    if segmented is None and POSTED_AT_FIRST.match(text.strip()) and not is_paragraph(text):
        return "dateline", []
    return segmented


def _segmented_meta(text: str) -> tuple[str, list[str]] | None:
    """A meta line of several parts set off by bars ("Ngày đăng: 09/12/2024 | Lượt xem: 52 | Tác giả: X").

    Each part is a dateline, a byline or a name, or a short aside (a section, a counter); one of
    them at least is a dateline or a byline.
    """
    if len(text.split()) > 2 * DATELINE_MAX_WORDS:
        return None
    parts = [p for p in SEGMENT.split(text.strip()) if p]
    if len(parts) < 2 and len(DATELINE.findall(text)) == 1:  # "20/10/1930 - 20/10/2023" is a span
        parts = [p for p in DASHED.split(text.strip()) if p]  # dashes only where no bar divides the line
    if len(parts) < 2 and len(DATELINE.findall(text)) == 1:
        parts = [p for p in STOPPED.split(text.strip()) if p]
    if len(parts) < 2:
        return None
    kinds: list[str] = []
    names: list[str] = []
    for part in parts:
        found = meta_names(part)
        if found is not None:
            kinds.append(found[0])
            names += found[1]
        elif is_name(part):
            names.append(part)
        elif listed := listed_names(part):
            names += listed  # "Thu Hằng, Quang Hưng - 09/12/2024": the authors beside the date
        elif sum(BRACKETS_ONLY.match(token) is None for token in part.split()) > SEGMENT_ASIDE_WORDS \
                or is_paragraph(part):
            return None
    if "byline" in kinds:
        return "byline", names
    return ("dateline", names) if "dateline" in kinds else None


def dateline_names(text: str) -> list[str]:
    """The names a dateline gives: "Lam Giang| 24/10/2017 10:03" → one; "Thu Hằng, Quang Hưng | 24/10/2017"
    → both (the line less its date and time is a list of names only)."""
    rest = _without_dates(text)
    words_of_dates = (found.group() for found in DATELINE_WORDS.finditer(rest))
    if rest != text.strip() and not any(regex.search(r"\p{L}", found) for found in words_of_dates) \
            and (listed := listed_names(rest)):
        return listed
    name = dateline_author(text)
    return [name] if name else []


def listed_names(text: str) -> list[str] | None:
    """Two full names or more set off by commas or dashes ("Thu Hằng, Quang Hưng"), each syllable one
    that stands in names ("Chính Trị - Xã Hội", a section's name in title case, has words no name has)."""
    names = names_in(text, boilerplate_rules().honorifics)
    if not names or len(names) < 2 or not all(is_full_name(name) for name in names) or reads_as_slogan(names):
        return None
    if any(seldom_in_names(syllable) for name in names for syllable in name.split()):
        return None
    return names


def dateline_author(text: str) -> str | None:
    """The name before the date in a combined line: "Lam Giang| 24/10/2017 10:03" → "Lam Giang"."""
    parts = regex.split(r"\s*[|｜•·]\s*|\s+-\s+", text)
    if len(parts) < 2:
        return _poster(text)
    # the name stands first ("Lam Giang| 24/10/2017") or last ("09/12/2024 | Minh Anh")
    return next((part.strip() for part in (parts[0], parts[-1]) if looks_like_name(part)), None)
