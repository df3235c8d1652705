"""Figures: the quantities an article reports (counts, percentages, money, areas, durations).

A figure is a number (digits in Vietnamese format, or a small number word opening a sentence)
with its scale words folded in and the counted noun, currency or measure after it. Whatever makes
a number *not* a figure (years, dates, clock times, codes, labels such as "Điều 125" or "lớp 1",
durations that frame a period) is refused here, whatever the dates extractor finds. The words
live in `rules/figures.yml`; this module holds the number shapes and the logic.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:  # numpy and spaCy load with the first document, not with the kind registry
    import numpy as np

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.kinds import (
    SPAN_COLUMNS,
    Column,
    KindSpec,
    iso_schema,
    item_span,
    nullable,
    real,
    refs_of_value,
    register_kind,
    spanned_item_schema,
)
from pipeline.model import Mention
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
GLUED_UNIT = regex.compile(r"[\p{L}°]+[²³23]?")  # "100m", "128GB", "50.000đ", "320m2"
TRAILING_JUNK = regex.compile(r"[-/:]\d|\d|[.,]\d")  # "7-4-2021", "24/4", "06:35"
SPACE = regex.compile(r"[ \t\u00a0]*")
PREV_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.&]*|[^\s\p{L}\p{N}]")
SUFFIX = regex.compile(r"/[ ]?([\p{L}\p{N}²³]+)")  # per-unit: "đồng/tháng", "km/h"
SUFFIX_WORDS = regex.compile(r"[\p{L}\p{N}²³]+(?: \p{L}+)*")
COORD_SEP = regex.compile(r",[ \t]*|[ \t]+(?:và|cùng)[ \t]+")
NOUN_BEFORE_NUMBER = regex.compile(r"[ \t]+(\p{L}+)(?:[ \t]+\p{L}+){0,2}[ \t]+\d|[ \t]+()\d")
SYLLABLE = regex.compile(r"\p{L}+")
WORDS = regex.compile(r"\p{L}+(?: \p{L}+)*")
YEAR = regex.compile(r"(?:19|20)\d\d")
TIME_OF_DAY_AFTER = regex.compile(r"[ \t]*(?:\d|sáng|trưa|chiều|tối|đêm|kém|khuya)", regex.IGNORECASE)
# "9 tháng năm 2017", "10 năm 2020", "2 ngày 21/4", "2 ngày 23 và 24/4" ("4 ngày 3 đêm" is no date)
DATE_AFTER = regex.compile(
    r"[ \t]+(?:(?:năm|tháng)[ \t]+\d|\d{4}|\d{1,2}(?:[/.-]\d|[ \t]*(?:và|,|-|–)[ \t]*\d))"
)
CLOCK = regex.compile(r"[ \t]*đồng hồ" + WORD_END)
RANGE_END = regex.compile(r"[ \t]*(?:tới|đến|lên)" + WORD_END)


def _at(terms: list[str], flags: int = 0, lead: str = "", group: str | None = None) -> regex.Pattern:
    """A pattern matching one of `terms` (after `lead`) at a position, ending at a word boundary."""
    name = f"?P<{group}>" if group else "?:"
    return regex.compile(f"{lead}({name}{alternation(terms)}){WORD_END}", flags)


@dataclass(frozen=True)
class Lexicon:
    """The rule file compiled once per process: patterns at a position, and word tables."""

    core: regex.Pattern  # a number with its scale words and %, or a range of two
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
    scale = f"(?:{alternation(terms['scales'])}){WORD_END}"
    quantity = (
        rf"(?P<n{{i}}>{NUMBER})(?:(?P<approx{{i}}>[ \t]+mấy)?(?P<s{{i}}>(?:[ \t]+{scale})+)"
        rf"(?P<half{{i}}>[ \t]+rưỡi{WORD_END})?)?(?P<pct{{i}}>[ \t]?%)?"
    )
    core = (
        LEFT_EDGE + quantity.replace("{i}", "1")
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
        "framing_after": _at(terms["framing_after"], regex.IGNORECASE, lead="[ \t]*"),
        "qualifier_after": _at(terms["qualifiers_after"], regex.IGNORECASE, lead="[ \t]*", group="q"),
        "continuation": _at(terms["continuations"], regex.IGNORECASE, lead=lead),
        "quota": _at(terms["quota_periods"], regex.IGNORECASE, lead=r"(?<![\p{L}])"),
    }
    keyed = {"qualifiers_before": "qualifier", "qualifiers_after": "qualifier", "number_words": "value"}
    tables = {name: {e["term"].lower(): e.get(keyed.get(name, ""), True) for e in rules[name]}
              for name in terms}
    # the longest match wins: "kỷ luật 3 đảng viên" ends in "luật" but is no law
    tables["labels_before"].update(dict.fromkeys(tables.pop("not_labels"), False))
    return Lexicon(
        core=regex.compile(core),
        scales={e["term"]: int(e["factor"]) for e in rules["scales"]},
        unit_written={e["term"]: e.get("unit", e["term"]) for e in rules["currencies"] + rules["measures"]},
        at=at,
        tables=tables,
        framing_units=frozenset(e["term"] for e in rules["time_units"] if e["framing"]),
        time_ranks={term: rank for rank, term in enumerate(terms["time_units"])},
        counted=frozenset(t.lower() for t in nouns + terms["acronym_units"]),
        cue_terms=tuple(t.lower() for t in terms["target_cues"]),
    )


def parse_number(text: str) -> Decimal | None:
    """Read a number written the Vietnamese way ("3.650", "97,5", "1.234,5"), or English-style."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "").replace(decimal_mark, ".")
    elif dots or commas:
        mark = "." if dots else ","
        groups = text.split(mark)
        if len(groups) > 2 and not all(len(g) == 3 for g in groups[1:]):
            return None  # "1.2.3": a section or version number
        # "3.650", "1.094.816", "4,500,000" group thousands; "97,5", "1,300" and "1.5" are decimals
        thousands = len(groups) > 2 or (mark == "." and len(groups[1]) == 3)
        text = text.replace(mark, "") if thousands else text.replace(mark, ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def plain_value(value: Decimal) -> int | float:
    """A JSON-friendly number: int when whole."""
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Unit:
    """What follows a number: `kind` is percent, money, measure, time, noun, code or None."""

    text: str | None = None
    kind: str | None = None
    end: int = 0  # end of the figure's span (unit, per-unit suffix, closing quote)


@dataclass
class SegmentView:
    """Per-segment facts computed once: token offsets, sentence bounds, target cue positions."""

    segment: Segment
    token_starts: np.ndarray
    token_lengths: np.ndarray
    sentence_starts: list[int]
    sentence_ends: list[int]
    cue_positions: list[int] | None = None

    @classmethod
    def of(cls, segment: Segment) -> SegmentView:
        """Index a segment's tokens and sentences (arrays: iterating spaCy Tokens is slow)."""
        import numpy as np
        from spacy.attrs import IDX, LENGTH, SENT_START

        table = segment.doc.to_array([IDX, LENGTH, SENT_START])
        if not len(table):
            table = np.zeros((1, 3), dtype=np.uint64)
        starts = table[table[:, 2] == 1, 0].tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        return cls(segment, table[:, 0].astype(np.int64), table[:, 1].astype(np.int64),
                   starts, [*starts[1:], len(segment.text)])

    def token_end(self, pos: int) -> int | None:
        """End of the word token starting exactly at `pos`, if one does."""
        i = int(self.token_starts.searchsorted(pos))
        if i < len(self.token_starts) and self.token_starts[i] == pos:
            return pos + int(self.token_lengths[i])
        return None

    def sentence(self, pos: int) -> int:
        """Index of the sentence holding `pos`."""
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)


def _words_before(text: str, pos: int, lower: int = 0) -> list[str]:
    """The last few words (and punctuation marks) between `lower` and `pos`, in order."""
    return PREV_WORDS.findall(text, max(lower, pos - 48), pos)[-4:]


def _suffix_in(words: list[str], table: dict[str, Any], skip: int = 0) -> tuple[Any, int]:
    """The table value of the longest 1-3 word suffix of words[:len-skip], and its length."""
    words = words[: len(words) - skip]
    for size in (3, 2, 1):
        if len(words) >= size and (key := " ".join(words[-size:]).lower()) in table:
            return table[key], size
    return None, 0


def _qualifier_before(words: list[str], lex: Lexicon) -> tuple[str | None, int]:
    """The qualifier right before the number and how many words it takes."""
    kind, size = _suffix_in(words, lex.tables["qualifiers_before"])
    # "giải pháp trên 2 mặt", "rõ hơn 27 biểu hiện": a preposition or a comparative
    if kind in ("more_than", "less_than") and size == 1 and _suffix_in(
            words, lex.tables["qualifier_blockers"], skip=1)[0]:
        return None, 1
    return kind, size


def _read_unit(view: SegmentView, pos: int, lex: Lexicon, nouns_only: bool = False) -> Unit:
    """The unit starting at `pos`, right after the number and its scale words."""
    text, at_end = view.segment.text, pos >= len(view.segment.text)
    if not nouns_only and not at_end and text[pos].isalpha():
        glued = GLUED_UNIT.match(text, pos)
        written = lex.unit_written.get(glued.group(0))
        if written is None or TRAILING_JUNK.match(text, glued.end()):
            return Unit(kind="code")  # "5G", "7X", "20h30", "9g30"
        return _with_suffix(view, Unit(written, "percent" if written == "%" else "measure", glued.end()))
    at = SPACE.match(text, pos).end()
    quoted = at < len(text) and text[at] in QUOTES
    at += quoted
    lower = at < len(text) and text[at].islower()
    unit, m = Unit(end=pos), None
    if (lower and (m := lex.at["noun"].match(text, at))) or (m := lex.at["acronym"].match(text, at)):
        unit = Unit(m.group(0), "noun", m.end())  # before money: "5 đồng chí" is a count
    elif nouns_only:
        return unit
    elif m := lex.at["money"].match(text, at):
        unit = Unit(lex.unit_written[m.group(0)], "money", m.end())
    elif m := lex.at["measure"].match(text, at):
        written = lex.unit_written[m.group(0)]
        unit = Unit(written, "percent" if written == "%" else "measure", m.end())
    elif m := lex.at["time"].match(text, at):
        unit = Unit(m.group(0), "time", m.end())
    elif lower:
        head_end = view.token_end(at)
        head = text[at:head_end] if head_end else ""
        head = head if WORDS.fullmatch(head) else SYLLABLE.match(text, at).group(0)
        if head.lower() not in lex.tables["not_units"] and head.lower() not in lex.scales:
            unit = Unit(head, "noun", at + len(head))
    if unit.kind == "noun" and lex.at["coordinate"].fullmatch(unit.text):
        unit = _coordinated(text, at, unit, lex)
    if unit.kind is None:
        return unit
    if quoted and unit.end < len(text) and text[unit.end] in QUOTES:
        unit.end += 1
    return _with_suffix(view, unit)


def _coordinated(text: str, start: int, unit: Unit, lex: Lexicon) -> Unit:
    """Extend a person noun over a list: "cán bộ, công chức, viên chức và người lao động"."""
    end = unit.end
    while (sep := COORD_SEP.match(text, end)) and (noun := lex.at["coordinate"].match(text, sep.end())):
        ahead = NOUN_BEFORE_NUMBER.match(text, noun.end())
        if ahead and ahead.group(1).lower() not in lex.tables["not_units"]:
            break  # "905 người, giáo viên tiểu học 2.431 người": that noun heads the next figure
        end = noun.end()
    return Unit(text[start:end], unit.kind, end)


def _with_suffix(view: SegmentView, unit: Unit) -> Unit:
    """Take a per-unit suffix into the span ("đồng/cp", "%/năm"); only money and % drop it."""
    text = view.segment.text
    while (m := SUFFIX.match(text, unit.end)) and not m.group(1).isdigit():
        end = max(view.token_end(m.start(1)) or 0, m.end())
        end = end if SUFFIX_WORDS.fullmatch(text, m.start(1), end) else m.end()
        if unit.kind in ("noun", "measure"):
            unit.text = f"{unit.text}{text[unit.end:end]}"
        unit.end = end
    return unit


def _refused(view: SegmentView, start: int, number: str, value: Decimal, unit: Unit,
             scaled: bool, words: list[str], lex: Lexicon) -> bool:
    """Whether a number is a label, a date part, a code, a clock time or a framing period."""
    text = view.segment.text
    strong = scaled or unit.kind in ("percent", "money")
    if unit.kind == "code" or (not strong and len(number) >= 7 and number.isdigit()):
        return True
    if not strong and number[0] == "0" and number[1:2].isdigit() and (len(number) > 2 or unit.kind != "noun"):
        return True  # "0912...", "05": phone numbers and codes ("03 tác phẩm" is a count)
    if _suffix_in(words, lex.tables["labels_before"])[0] and not strong:
        period = _suffix_in(words, lex.tables["per_periods"])[0]
        per_period = period and (unit.text or "").lower() in lex.tables["per_period_units"]
        # "ngày 2 buổi" is per day; "4 ngày 3 đêm", "2 năm 6 tháng" add up to one duration
        ranks = lex.time_ranks
        compound = unit.kind == "time" and len(words) > 1 and words[-2][0].isdigit() and (
            ranks.get(words[-1].lower(), 99) < ranks.get(unit.text, -1) <= ranks["đêm"])
        if not (per_period and value <= 10) and not compound:
            return True
    counted = unit.kind in ("measure", "time") or (unit.text or "").lower() in lex.counted
    year_like = YEAR.fullmatch(number) is not None
    # a number after a capitalised word belongs to a name ("iPhone 12", "Dung Quất 2", "Euro 2020");
    # `words` stop at the sentence start, so a capitalised first word is no name
    named = len(words) > 1 and words[-1][0].isalpha() and any(c.isupper() for c in words[-1])
    if not strong and named and (not counted or year_like):
        return True
    if year_like and not (strong or counted):
        return True
    if unit.kind is None and text[start - 1:start] == "(" and text[unit.end:unit.end + 1] == ")":
        return True  # "(1)": a list marker
    return unit.kind == "time" and _time_refused(text, unit, words, lex)


def _time_refused(text: str, unit: Unit, words: list[str], lex: Lexicon) -> bool:
    """A clock time ("9 giờ tối") or a duration that frames a period ("Qua 5 năm", "10 năm tới")."""
    if unit.text == "giờ":
        cue = _suffix_in(words, lex.tables["hour_duration_cues"])[0]
        if TIME_OF_DAY_AFTER.match(text, unit.end) or not (cue or CLOCK.match(text, unit.end)):
            return True
    if lex.at["framing_after"].match(text, unit.end) or DATE_AFTER.match(text, unit.end):
        return True
    skip = _qualifier_before(words, lex)[1]  # "cách đây gần 3 năm"
    if _suffix_in(words, lex.tables["ago_before"], skip=skip)[0]:
        return True
    framing = _suffix_in(words, lex.tables["framing_before"], skip=skip)[0]
    return unit.text in lex.framing_units and bool(framing)


def _scaled(match: regex.Match, i: int, lex: Lexicon, inherit: str = "") -> tuple[Decimal | None, str]:
    """The value of quantity `i` of a match with its scale words folded in, and those words."""
    value = parse_number(match.group(f"n{i}"))
    scale = match.group(f"s{i}") or inherit
    if value is None:
        return None, scale
    if match.group(f"half{i}") and scale:
        value += Decimal("0.5")  # "1 triệu rưỡi"
    for word in scale.split():
        value *= lex.scales[word]
    return value, scale


def _figures_of(view: SegmentView, match: regex.Match, lex: Lexicon) -> list[Mention]:
    """The one figure, or two for a range, of a number match; none when it is no figure."""
    text = view.segment.text
    ranged = match.group("n2") is not None
    second, second_scale = _scaled(match, 2, lex) if ranged else (None, "")
    # the first of a range takes the scale of the second ("11.000 - 12.000 tỷ USD")
    first, first_scale = _scaled(match, 1, lex, inherit="" if match.group("pct1") else second_scale)
    if first is None or (ranged and (second is None or second <= first)):
        return []  # "2-1", "1-1": scores, not ranges
    if match.group("pct2" if ranged else "pct1"):
        unit = _with_suffix(view, Unit("%", "percent", match.end()))
    else:
        unit = _read_unit(view, match.end(), lex)
    scaled = bool(first_scale or second_scale)
    words = _words_before(text, match.start(), view.sentence_starts[view.sentence(match.start())])
    qualifier, size = _qualifier_before(words, lex)
    context = words[: len(words) - size]
    if unit.kind is None and not scaled:
        return []
    if ranged and "-" in match.group("sep") and _suffix_in(context, lex.tables["score_words"])[0]:
        return []  # "thắng 2-3": a score
    if _refused(view, match.start(), match.group("n1"), first, unit, scaled, context, lex):
        return []
    if match.group("approx1") or match.group("approx2"):
        qualifier = "approx"  # "2 mấy tỷ"
    if after := lex.at["qualifier_after"].match(text, unit.end):
        qualifier = lex.tables["qualifiers_after"][after.group("q").lower()]  # "từ 18 tuổi trở lên"
    spans = [(match.start(), unit.end, first, qualifier)]
    if ranged:  # the first of a range is its number as written: "40" of "40-50%"
        first_end = max(match.end(g) for g in ("n1", "s1", "pct1") if match.group(g))
        own = lex.tables["qualifiers_before"].get(match.group("q2") or "", qualifier)  # "đến hơn 60"
        spans = [(match.start(), first_end, first, qualifier), (match.start("n2"), unit.end, second, own)]
    unit_text = "%" if unit.kind == "percent" else unit.text
    return [
        _mention(view, start, end, plain_value(value), unit_text, own_qualifier,
                 _is_target(view, start, end, own_qualifier, words, lex))
        for start, end, value, own_qualifier in spans
    ]


def _number_word_figure(view: SegmentView, sentence_start: int, lex: Lexicon) -> list[Mention]:
    """A small count in words opening a sentence, before a counted noun: "Hai chương trình..."."""
    match = lex.at["number_word"].match(view.segment.text, sentence_start)
    if not match:
        return []
    unit = _read_unit(view, match.end(), lex, nouns_only=True)
    if unit.kind != "noun" or unit.text.lower() not in lex.counted:
        return []
    start, value = match.start("w"), lex.tables["number_words"][match.group("w").lower()]
    is_target = _is_target(view, start, unit.end, None, [], lex)
    return [_mention(view, start, unit.end, value, unit.text, None, is_target)]


def _mention(view: SegmentView, start: int, end: int, value: int | float, unit: str | None,
             qualifier: str | None, is_target: bool) -> Mention:
    attrs = {"value": value, "unit": unit, "qualifier": qualifier, "is_target": is_target}
    return Mention("FIGURE", start, end, view.segment.text[start:end], view.segment.field, attrs)


def _cue_positions(view: SegmentView, lex: Lexicon) -> list[int]:
    """Sorted positions of unblocked target cues in the segment (str.find beats a regex scan)."""
    if view.cue_positions is None:
        text = view.segment.text
        lowered, found = text.lower(), set()
        for term in lex.cue_terms:
            at = lowered.find(term)
            while at >= 0:
                end = at + len(term)
                bounded = not lowered[at - 1:at].isalnum() and not lowered[end:end + 1].isalnum()
                if bounded and not _suffix_in(_words_before(text, at), lex.tables["target_blockers"])[0]:
                    found.add(at)
                at = lowered.find(term, end)
        view.cue_positions = sorted(found)
    return view.cue_positions


def _sentence_cues(view: SegmentView, index: int, lex: Lexicon) -> list[int]:
    """Positions of unblocked target cues in sentence `index`."""
    cues = _cue_positions(view, lex)
    low = bisect.bisect_left(cues, view.sentence_starts[index])
    return cues[low:bisect.bisect_left(cues, view.sentence_ends[index])]


def _is_target(view: SegmentView, start: int, end: int, qualifier: str | None, words: list[str],
               lex: Lexicon) -> bool:
    """Whether the figure is a goal, plan or quota rather than a result."""
    text = view.segment.text
    index = view.sentence(start)
    s_start, s_end = view.sentence_starts[index], view.sentence_ends[index]
    if words and words[-1].lower() == "từ" and RANGE_END.search(text, end, min(s_end, end + 80)):
        return False  # "tăng từ 400.000 khách hàng lên 2 triệu": the starting point is today's
    if any(cue < start for cue in _sentence_cues(view, index, lex)):
        return True
    if qualifier in ("at_least", "at_most") and lex.at["quota"].search(text, s_start, start):
        return True  # "mỗi năm ... ít nhất 300 đảng viên mới"
    if index > 0 and lex.at["continuation"].match(text, s_start) and _sentence_cues(view, index - 1, lex):
        return True  # "Đồng thời, ..." continues the goal before it
    # a list opened by a cue and a colon ("Một số chỉ tiêu đề ra ... như: ...") runs to the paragraph end
    while index > 0 and "\n" not in text[view.sentence_starts[index - 1]:view.sentence_starts[index]]:
        index -= 1
        cues = _sentence_cues(view, index, lex)
        if cues and ":" in text[cues[0]:view.sentence_ends[index]]:
            return True
    return False


def find(doc: ArticleDoc) -> list[Mention]:
    """Figures in the title, body and captions (meta lines hold dates and bylines, not figures), with
    parts of a whole, result/target pairs and breakdown items (`figure_forms`)."""
    from pipeline.extract import figure_forms  # it builds on this module's number shapes

    lex = lexicon()
    found: list[Mention] = []
    for segment in doc:
        if segment.field.startswith("meta"):
            continue
        view = SegmentView.of(segment)
        own: list[Mention] = []
        for match in lex.core.finditer(segment.text):
            if not TRAILING_JUNK.match(segment.text, match.end()):
                own.extend(_figures_of(view, match, lex))
        for start in view.sentence_starts:
            own.extend(_number_word_figure(view, start, lex))
        found += own + figure_forms.find(view, own, lex)
    return found


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per figure, with its sentence and its attribution: measure, subject, time, source."""
    from pipeline.extract.attribution import attribute  # it reads this module's lexicon

    segments = {s.field: s for s in doc}
    placed = [m for m in mentions if m.field in segments]
    entries = []
    for mention, who in zip(placed, attribute(doc, placed, context), strict=True):
        sentence = segments[mention.field].sentence_at(mention.start, mention.end)
        entries.append({
            "text": mention.text,
            **{key: mention.attrs[key] for key in ("value", "unit", "qualifier", "is_target")},
            **who,
            "sentence": sentence.text.strip(),
            "start": mention.start,
            "end": mention.end,
            "field": mention.field,
        })
    return entries


QUALIFIERS = [None, "approx", "more_than", "at_least", "at_most", "less_than"]
KIND = register_kind(KindSpec(
    label="FIGURE", field="figures", noun="figure", order=1, find=find, build=build,
    layer=0, rank=2, colour="#f0a3c8", rules="figures",
    description="One row per reported quantity (spec section 4).",
    columns=(
        Column("value", "REAL", "the number, Vietnamese format read (3.650 -> 3650, 97,5% -> 97.5)"),
        Column("unit", "TEXT", "the counted noun as written, % or the currency"),
        Column("qualifier", "TEXT", "approx, more_than, at_least, at_most, less_than, or null"),
        Column("is_target", "BOOLEAN", "1 when the number is a goal, plan or quota rather than a result"),
        Column("measure", "TEXT", "what the number counts (đảng viên mới), for a % what it is a share of"),
        Column("subject", "TEXT", "whose figure it is: organisation, place or group, at its fullest name"),
        Column("time", "TEXT", "the period the figure is for (ISO); a comparison base is never the time"),
        Column("source", "TEXT", "who states it (Theo X, X cho biết), as written; null when the outlet does"),
        Column("of", "REAL", "the whole a part is out of (7/9 chi bộ -> 9), else null"),
        Column("sentence", "TEXT", "the whole sentence the figure is in"),
        Column("text", "TEXT", "the figure as written"),
        *SPAN_COLUMNS,
    ),
    row=lambda f: (real(f.get("value")), f.get("unit"), f.get("qualifier"), bool(f.get("is_target")),
                   f.get("measure"), f.get("subject"), f.get("time"), f.get("source"), real(f.get("of")),
                   f.get("sentence"), f.get("text"), *item_span(f)),
    refs=refs_of_value,
    indexes=("subject", "source"),
    item_schema=spanned_item_schema(
        ["value", "unit", "qualifier", "is_target", "measure", "subject", "time", "source", "of", "sentence",
         "text"],
        value={"type": "number"}, unit=nullable("string"), qualifier={"enum": QUALIFIERS},
        is_target={"type": "boolean"}, measure=nullable("string"), subject=nullable("string"),
        time=iso_schema(), source=nullable("string"), of=nullable("number"),
        sentence={"type": "string"}, text={"type": "string"}),
))
