"""Reading one figure: a number, its scale words and the unit after it, and why a number is no figure.

A figure is a number (digits in Vietnamese format, or a small number word opening a sentence)
with its scale words folded in and the counted noun, currency or measure after it. Whatever makes
a number *not* a figure (years, dates, clock times, codes, labels such as "Điều 125" or "lớp 1",
durations that frame a period) is refused here, whatever the dates extractor finds. The words
live in `rules/figures.yml`, compiled by `figure_lexicon`; this module holds the logic, the
party-press forms around numbers are in `figure_forms`, and `pipeline.extract.kinds.figures` finds
and builds.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:  # numpy and spaCy load with the first document, not with the kind registry
    import numpy as np

from pipeline.extract.document import Segment
from pipeline.extract.figure_lexicon import QUOTES, WORD_END, Lexicon
from pipeline.model import Mention
from pipeline.text import QUOTE_PAIRS

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
# a period spelt out right after a duration, in brackets or after "giai đoạn": the duration frames
# that period and is a date ("Qua 5 năm (2016 - 2020)", spec 4; "Trong 2 ngày (16 và 17/10)", "Cách đây
# đúng 5 năm (ngày 24/5/2016)", "Kế hoạch 5 năm giai đoạn 2021 - 2025"); "4 năm (8 học kỳ)" is no period
PERIOD_AFTER = regex.compile(
    r"[ \t]*\([ \t]*(?:(?:từ|ngày|năm)[ \t]+)?"
    r"(?:(?:19|20)\d\d(?!\d)|\d{1,2}(?:[/.-]\d|[ \t]*(?:và|,|-|–)[ \t]*\d))"
    r"|[ \t]+giai đoạn[ \t]+(?:19|20)\d\d(?!\d)"
)
# what ends a list item after its unit: a separator, "và", or the text's end ("35 nhà; huyện ...")
ITEM_END = regex.compile(r"(?=[ \t]*(?:[;,.)]|và(?![\p{L}])|$))")
# "ông Nguyễn Thanh Đó, 52 tuổi,", "chị Phan Thị Phương Anh (32 tuổi, Bình Dương)", "em L.T.Đ (14 tuổi":
# an age set beside a name describes the person; it is no quantity the article reports
NAME_BEFORE_AGE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}.]*(?:,[ \t]*|[ \t]*\([ \t]*)\Z")
NAME_AFTER = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")  # a capitalised word, not an all-capitals headline
CLOCK = regex.compile(r"[ \t]*đồng hồ" + WORD_END)
# "tổ chức cơ sở đảng (TCCSĐ)": an acronym defined in brackets after lower-case words.
DEFINED_ACRONYM = regex.compile(r"(?<=\p{Ll}[ \t]*\([ \t]*)(\p{Lu}[\p{Lu}\d]{1,7})(?=[ \t]*\))")
ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\d]{1,7}(?![\p{L}\d])")
SLOGAN_WIDTH = 40  # characters a quoted slogan spans at most
RANGE_END = regex.compile(r"[ \t]*(?:tới|đến|lên)" + WORD_END)


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
        # "3.650", "1.094.816", "4,500,000" group thousands; "97,5", "1,300" and "1.5" are decimals;
        # "2,000 xe" groups them too: a decimal is never written with three trailing zeros
        thousands = len(groups) > 2 or (len(groups[1]) == 3 and (mark == "." or groups[1] == "000"))
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
    acronyms: frozenset[str]  # acronyms the segment defines: "tổ chức cơ sở đảng (TCCSĐ)"
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
                   starts, [*starts[1:], len(segment.text)], defined_acronyms(segment.text))

    def token_end(self, pos: int) -> int | None:
        """End of the word token starting exactly at `pos`, if one does."""
        i = int(self.token_starts.searchsorted(pos))
        if i < len(self.token_starts) and self.token_starts[i] == pos:
            return pos + int(self.token_lengths[i])
        return None

    def sentence(self, pos: int) -> int:
        """Index of the sentence holding `pos`."""
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)


def words_before(text: str, pos: int, lower: int = 0) -> list[str]:
    """The last few words (and punctuation marks) between `lower` and `pos`, in order."""
    return PREV_WORDS.findall(text, max(lower, pos - 48), pos)[-4:]


def suffix_in(words: list[str], table: dict[str, Any], skip: int = 0) -> tuple[Any, int]:
    """The table value of the longest 1-3 word suffix of words[:len-skip], and its length."""
    words = words[: len(words) - skip]
    for size in (3, 2, 1):
        if len(words) >= size and (key := " ".join(words[-size:]).lower()) in table:
            return table[key], size
    return None, 0


def qualifier_before(words: list[str], lex: Lexicon) -> tuple[str | None, int]:
    """The qualifier right before the number and how many words it takes."""
    kind, size = suffix_in(words, lex.tables["qualifiers_before"])
    # "giải pháp trên 2 mặt", "rõ hơn 27 biểu hiện": a preposition or a comparative
    if kind in ("more_than", "less_than") and size == 1 and suffix_in(
            words, lex.tables["qualifier_blockers"], skip=1)[0]:
        return None, 1
    return kind, size


LOWER_WORDS = regex.compile(r"(?:[ \t]+\p{Ll}+){1,2}")


def qualifier_after(text: str, end: int, lex: Lexicon) -> str | None:
    """The qualifier after a unit: right after it ("từ 18 tuổi trở lên"), or "trở lên" after up to two
    lower-case words that qualify the counted noun ("từ ba đảng viên chính thức trở lên"); farther
    away "trở lại" is a verb ("50 hộ dân trở lại làm ăn")."""
    if after := lex.at["qualifier_after"].match(text, end):
        return lex.tables["qualifiers_after"][after.group("q").lower()]
    words = LOWER_WORDS.match(text, end)
    if words and (after := lex.at["qualifier_after"].match(text, words.end())):
        qualifier = lex.tables["qualifiers_after"][after.group("q").lower()]
        return qualifier if qualifier == "at_least" else None
    return None


def read_unit(view: SegmentView, pos: int, lex: Lexicon, nouns_only: bool = False) -> Unit:
    """The unit starting at `pos`, right after the number and its scale words."""
    text, at_end = view.segment.text, pos >= len(view.segment.text)
    if not nouns_only and not at_end and text[pos].isalpha():
        glued = GLUED_UNIT.match(text, pos)
        written = lex.unit_written.get(glued.group(0))
        if written is None or TRAILING_JUNK.match(text, glued.end()):
            return Unit(kind="code")  # "5G", "7X", "20h30", "9g30"
        return with_suffix(view, Unit(written, "percent" if written == "%" else "measure", glued.end()))
    at = SPACE.match(text, pos).end()
    quoted = at < len(text) and text[at] in QUOTES
    at += quoted
    lower = at < len(text) and text[at].islower()
    unit, m = Unit(end=pos), None
    if quoted and (name := _quoted_name(text, at)):
        unit = Unit(*name)  # "trao tặng 03 “Nhà tình thương”": the things counted, named in quotes
    elif ((m := lex.at["noun"].match(text, at)) and (
            lower or _capitalised_phrase(m.group(0)) or _capitalised_kind(text, m, lex))) or (
            m := lex.at["acronym"].match(text, at)):
        unit = Unit(m.group(0), "noun", m.end())  # before money: "5 đồng chí" is a count
    elif (acronym := acronym_at(text, at)) in view.acronyms:
        unit = Unit(acronym, "noun", at + len(acronym))  # "215 TCCSĐ" after "tổ chức cơ sở đảng (TCCSĐ)"
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
    return with_suffix(view, unit)


QUOTED_NAME_WORDS = 8  # words a quoted name of the things counted spans at most


def _quoted_name(text: str, at: int) -> tuple[str, str, int] | None:
    """The short quoted name right after a number, as its unit (text, kind, end past the closing
    quote): words only, closed on the same line ("100 "Nông dân Việt Nam xuất sắc"", "164 “Cộng đồng
    học tập”"); a longer quotation or one holding figures or punctuation is a title or a saying."""
    closing = QUOTE_PAIRS.get(text[at - 1])
    end = text.find(closing, at, at + SLOGAN_WIDTH + 1) if closing else -1
    name = text[at:end] if end > at else ""
    if not WORDS.fullmatch(name) or name.count(" ") >= QUOTED_NAME_WORDS:
        return None
    return name, "noun", end + 1


def _capitalised_phrase(phrase: str) -> bool:
    """A counted noun of several words written with a capital ("152 Đảng bộ trực thuộc")."""
    rest = phrase.partition(" ")[2]
    return bool(rest) and rest == rest.lower()


CAPITAL_KIND_AFTER = regex.compile(r"[ \t]+(?:\p{Ll}|[\p{Lu}Đ][\p{Lu}Đ&]+(?![\p{L}\d]))")


def _capitalised_kind(text: str, noun: regex.Match, lex: Lexicon) -> bool:
    """A kind of body written with a capital, as bodies are, before a lower-case word or an acronym:
    the units counted ("chia 3 Đoàn đi khảo sát", "30 Đội CSGT"), not a name ("3 Đoàn Thanh niên")."""
    kind = noun.group(0).lower() in lex.tables["body_kinds"]
    return kind and CAPITAL_KIND_AFTER.match(text, noun.end()) is not None


def _coordinated(text: str, start: int, unit: Unit, lex: Lexicon) -> Unit:
    """Extend a person noun over a list: "cán bộ, công chức, viên chức và người lao động"."""
    end = unit.end
    while (sep := COORD_SEP.match(text, end)) and (noun := lex.at["coordinate"].match(text, sep.end())):
        ahead = NOUN_BEFORE_NUMBER.match(text, noun.end())
        if ahead and ahead.group(1).lower() not in lex.tables["not_units"]:
            break  # "905 người, giáo viên tiểu học 2.431 người": that noun heads the next figure
        end = noun.end()
    return Unit(text[start:end], unit.kind, end)


def with_suffix(view: SegmentView, unit: Unit) -> Unit:
    """Take a per-unit suffix into the unit: a rate keeps its "per" part ("đồng/lượng", "%/năm")."""
    text = view.segment.text
    while (m := SUFFIX.match(text, unit.end)) and not m.group(1).isdigit():
        end = max(view.token_end(m.start(1)) or 0, m.end())
        end = end if SUFFIX_WORDS.fullmatch(text, m.start(1), end) else m.end()
        if unit.text is not None:
            unit.text = f"{unit.text}{text[unit.end:end]}"
        unit.end = end
    return unit


def refused(view: SegmentView, start: int, number: str, value: Decimal, unit: Unit,
             scaled: bool, words: list[str], lex: Lexicon) -> bool:
    """Whether a number is a label, a date part, a code, a clock time or a framing period."""
    text = view.segment.text
    strong = scaled or unit.kind in ("percent", "money")
    if unit.kind == "code" or (not strong and len(number) >= 7 and number.isdigit()):
        return True
    if unit.kind == "measure" and (unit.text or "").lower() in lex.tables["rating_units"]:
        return True  # "Trạm 220kV Hà Đông": a voltage class names the installation
    if not strong and number[0] == "0" and number[1:2].isdigit() and (
            len(number) > 2 or unit.kind not in ("noun", "time")):
        return True  # "0912...", "05": phone numbers and codes ("03 tác phẩm", "01 ngày" are counts)
    document = suffix_in(words, lex.tables["document_labels"])[0]  # unless it counts: "kết luận 1 tổ chức"
    label = label_before(view, start, words, lex)
    if (label or (
            document and (unit.text or "").lower() not in lex.counted)) and not strong:
        period = suffix_in(words, lex.tables["per_periods"])[0]
        per_period = period and (unit.text or "").lower() in lex.tables["per_period_units"]
        # "ngày 2 buổi" is per day; "4 ngày 3 đêm", "2 năm 6 tháng" add up to one duration
        ranks = lex.time_ranks
        compound = unit.kind == "time" and len(words) > 1 and words[-2][0].isdigit() and (
            ranks.get(words[-1].lower(), 99) < ranks.get(unit.text, -1) <= ranks["đêm"])
        if not (per_period and value <= 10) and not compound:
            return True
    counted = unit.kind in ("measure", "time") or (unit.text or "").lower() in lex.counted or (
        unit.text in view.acronyms)
    year_like = YEAR.fullmatch(number) is not None
    if year_like and not scaled and suffix_in(words, lex.tables["year_words_before"])[0]:
        return True  # "cùng kỳ năm 2015 đồng thời ...": a year, though "đồng" follows it
    # a number after a capitalised word belongs to a name ("iPhone 12", "Dung Quất 2", "Euro 2020");
    # `words` stop at the sentence start, so a capitalised first word is no name
    named = len(words) > 1 and words[-1][0].isalpha() and any(c.isupper() for c in words[-1])
    if not strong and named and (not counted or year_like):
        # ...unless it is a list item whose unit an earlier item repeats; a number after an all-capitals
        # code stays the code's ("OM 18 giá 5.700 đồng": a rice variety)
        listed = not year_like and not words[-1].isupper() and _unit_listed_before(view, start, unit)
        if not listed:
            return True
    if year_like and not (strong or counted):
        return True
    if unit.kind is None and text[start - 1:start] == "(" and text[unit.end:unit.end + 1] == ")":
        return True  # "(1)": a list marker
    if (unit.text or "").lower() == "tuổi" and NAME_BEFORE_AGE.search(text, max(0, start - 40), start):
        return True
    return unit.kind == "time" and _time_refused(text, unit, words, lex)


def _unit_listed_before(view: SegmentView, start: int, unit: Unit) -> bool:
    """Whether a number's noun unit follows another number earlier in its sentence: a list that
    repeats its unit after each name counts ("huyện Ngân Sơn được hỗ trợ 35 nhà; huyện Bạch Thông 35
    nhà"), though a number after a capitalised word is otherwise a name's ("Dung Quất 2"). Both end
    a list item, so a name's number before a noun phrase stays the name's ("Toán 6 tập một; Ngữ văn
    6 tập hai", "An Cư 2 mở rộng - An Cư 3 mở rộng")."""
    if unit.kind != "noun" or not unit.text:
        return False
    low = view.sentence_starts[view.sentence(start)]
    text = view.segment.text
    earlier = regex.compile(r"\d[ \t]*" + regex.escape(unit.text) + ITEM_END.pattern)
    return bool(ITEM_END.match(text, unit.end)) and earlier.search(text, low, start) is not None


def label_before(view: SegmentView, start: int, words: list[str], lex: Lexicon) -> Any:
    """The label (`labels_before`) the words before `start` end in; none when they end in a word
    that only ends in a label's syllable ("học tập 4 nghị quyết", "nâng cấp 309 nhà", "trung cấp: 178")."""
    label, size = suffix_in(words, lex.tables["labels_before"])
    if label and _inside_word(view, view.segment.text.rfind(words[-size], max(0, start - 64), start)):
        return None
    return label


def _inside_word(view: SegmentView, pos: int) -> bool:
    """Whether `pos` falls inside a word token that starts before it ("tập" of "học tập")."""
    i = int(view.token_starts.searchsorted(pos, side="right")) - 1
    return pos > 0 and i >= 0 and view.token_starts[i] < pos < view.token_starts[i] + view.token_lengths[i]


def _time_refused(text: str, unit: Unit, words: list[str], lex: Lexicon) -> bool:
    """A clock time ("9 giờ tối") or a duration that frames a period ("Qua 5 năm", "10 năm tới")."""
    if unit.text == "giờ":
        cue = suffix_in(words, lex.tables["hour_duration_cues"])[0]
        if TIME_OF_DAY_AFTER.match(text, unit.end) or not (cue or CLOCK.match(text, unit.end)):
            return True
    if lex.at["framing_after"].match(text, unit.end) or DATE_AFTER.match(text, unit.end):
        return True
    skip = qualifier_before(words, lex)[1]  # "cách đây gần 3 năm", "kéo dài khoảng 4 ngày"
    if PERIOD_AFTER.match(text, unit.end) and not suffix_in(words, lex.tables["length_cues"], skip=skip)[0]:
        return True
    if unit.text.lower() == "năm" and NAME_AFTER.match(text, unit.end):
        return True  # years before a name: an anniversary ("73 năm Ngày Thương binh Liệt sĩ", "50 năm Bến
        # Tre Đồng Khởi") or a named programme's years ("10 năm Chương trình “Hành động việc làm”")
    if suffix_in(words, lex.tables["ago_before"], skip=skip)[0]:
        return True
    framing = suffix_in(words, lex.tables["framing_before"], skip=skip)[0]
    opening = not words and text[unit.end : unit.end + 1] == ","  # "10 tháng, lượng khách du lịch đạt ..."
    return unit.text in lex.framing_units and (bool(framing) or opening)


def scaled_value(match: regex.Match, i: int, lex: Lexicon, inherit: str = "") -> tuple[Decimal | None, str]:
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


def names_rather_than_counts(view: SegmentView, start: int, unit: Unit, lex: Lexicon) -> bool:
    """A number that names rather than counts: a badge class ("Huy hiệu 30 năm tuổi Đảng"), a
    position ("14,6 độ Vĩ Bắc"), the tiers of a system ("chính quyền 2 cấp"), or a slogan in quotes
    ("“5 không, 3 sạch”", where the word after the number is no counted noun)."""
    text = view.segment.text
    if unit.kind is not None and lex.at["label_after"].match(text, unit.end):
        return True
    tiers = suffix_in(words_before(text, start), lex.tables["tiered_systems"])[0]
    if tiers and (unit.text or "").lower() == "cấp":  # "chính quyền địa phương 2 cấp": no reported count
        return True
    uncounted = unit.kind == "noun" and (unit.text or "").lower() not in lex.counted
    return uncounted and in_short_quote(text, start, unit.end)


def figure_mention(view: SegmentView, start: int, end: int, value: int | float, unit: str | None,
             qualifier: str | None, is_target: bool, of: int | float | None = None) -> Mention:
    """A FIGURE mention of characters start..end with its reading (the record's figure fields)."""
    attrs = {"value": value, "unit": unit, "qualifier": qualifier, "is_target": is_target, "of": of}
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
                if bounded and not suffix_in(words_before(text, at), lex.tables["target_blockers"])[0]:
                    found.add(at)
                at = lowered.find(term, end)
        view.cue_positions = sorted(found)
    return view.cue_positions


def sentence_cues(view: SegmentView, index: int, lex: Lexicon) -> list[int]:
    """Positions of unblocked target cues in sentence `index`."""
    cues = _cue_positions(view, lex)
    low = bisect.bisect_left(cues, view.sentence_starts[index])
    return cues[low:bisect.bisect_left(cues, view.sentence_ends[index])]


def is_goal(view: SegmentView, start: int, end: int, qualifier: str | None, words: list[str],
               lex: Lexicon) -> bool:
    """Whether the figure is a goal, plan or quota rather than a result."""
    text = view.segment.text
    index = view.sentence(start)
    s_start, s_end = view.sentence_starts[index], view.sentence_ends[index]
    if words and words[-1].lower() == "từ" and RANGE_END.search(text, end, min(s_end, end + 80)):
        return False  # "tăng từ 400.000 khách hàng lên 2 triệu": the starting point is today's
    if any(cue < start for cue in sentence_cues(view, index, lex)):
        return True
    if qualifier in ("at_least", "at_most") and lex.at["quota"].search(text, s_start, start):
        return True  # "mỗi năm ... ít nhất 300 đảng viên mới"
    if index > 0 and lex.at["continuation"].match(text, s_start) and sentence_cues(view, index - 1, lex):
        return True  # "Đồng thời, ..." continues the goal before it
    # a list opened by a cue and a colon ("Một số chỉ tiêu đề ra ... như: ...") runs to the paragraph end
    while index > 0 and "\n" not in text[view.sentence_starts[index - 1]:view.sentence_starts[index]]:
        index -= 1
        cues = sentence_cues(view, index, lex)
        if cues and ":" in text[cues[0]:view.sentence_ends[index]]:
            return True
    return False


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms a text defines in brackets right after the words they stand for."""
    return frozenset(DEFINED_ACRONYM.findall(text))


def acronym_at(text: str, pos: int) -> str | None:
    """The all-capitals word starting at pos, if one does."""
    match = ACRONYM.match(text, pos)
    return match.group(0) if match else None


def in_short_quote(text: str, start: int, end: int) -> bool:
    """Whether start..end sits inside a short quotation: a slogan ("“5 không, 3 sạch”")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    curly = before.count("“") - before.count("”")
    straight = before.count('"') % 2
    if curly <= 0 and not straight:
        return False
    opening = before.rfind("“" if curly > 0 else '"')
    closing = text.find("”" if curly > 0 else '"', end)
    line_end = text.find("\n", end)
    return (len(before) - opening <= SLOGAN_WIDTH and 0 <= closing - end <= SLOGAN_WIDTH
            and (line_end < 0 or closing < line_end))
