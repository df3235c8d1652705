"""Shapes of figures common in party press (spec section 4): slash pairs, parts of a total, lists
after a count.

`figure_reading` reads one number and its unit; here are the shapes around numbers that tell
more: a pair written with a slash ("2.415/2.000 đảng viên" or "128.849 tấn/130.449 tấn" is a
result over its target, "7/9 chi bộ" a part of a whole, as "17 trong tổng số 19 mục tiêu" is)
and a list after a count whose items inherit its unit ("trong đó: Tân Uyên
95; Phú Giáo 88", "(khiển trách 512, cảnh cáo 171)").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from pipeline.datetime_parse import grammar as date_grammar
from pipeline.datetime_parse import valid_date
from pipeline.extract.figure_lexicon import Lexicon
from pipeline.extract.figure_reading import (
    PREV_WORDS,
    TRAILING_JUNK,
    YEAR,
    SegmentView,
    Unit,
    figure_mention,
    is_goal,
    label_before,
    names_rather_than_counts,
    plain_value,
    qualifier_before,
    read_unit,
    refused,
    scaled_value,
    suffix_in,
    with_suffix,
    words_before,
)
from pipeline.model import Mention

H = r"[ \t\u00a0]"
BRACKETED = regex.compile(r"[ \t]*\([^()\n]{1,20}\)")  # "16/16 (100%) xã": the unit after a bracket
# "30/4 và 1/5": a day and month listed after another
# a name's word (and a second syllable: "Bệnh viện") right before a number, not opening a sentence
NAME_BEFORE = regex.compile(r"\p{L}[ \t]+(?P<word>\p{L}+)(?:[ \t]+\p{Ll}+)?[ \t]+\Z")
DATE_BEFORE = regex.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*(?:,|và|-|–|đến|tới)[ \t]*\Z")
# After a count: ", trong đó:", " (", ", gồm:", ": "; then the list's items.
LIST_OPENER = regex.compile(
    rf"{H}*(?:(?P<paren>\(){H}*|,?{H}*(?P<words>(?i:trong{H}+đó|bao{H}+gồm|gồm(?:{H}+có)?|cụ{H}+thể)){H}*:?{H}*"
    rf"|{H}*:{H}*)"
)
# One item: a short label of words (no digits, no sentence punctuation), an optional colon, a number.
ITEM = regex.compile(rf"(?P<label>\p{{L}}[\p{{L}}.'’\-]*(?:{H}+[\p{{L}}.'’\-]+){{0,5}}){H}*:?{H}*(?=\d)")
ITEM_SEPARATOR = regex.compile(rf"{H}*(?:[,;]{H}*(?:và{H}+)?|{H}+và{H}+)")
CLOSING_BRACKET = regex.compile(rf"{H}*\)")
# "17 trong tổng số 19 mục tiêu", "1 trong số 96 gương tiêu biểu": a part, then the whole it is out of
PART_OF_TOTAL = regex.compile(rf"{H}+trong{H}+(?:tổng{H}+)?số{H}+(?=\d)", regex.IGNORECASE)
# A list no count heads opens after a colon or "là" ("Hình thức kỷ luật đảng viên: khiển trách 28 ...")
# (it starts where a run of spaces starts: a masked page-long number is a run of spaces, and a start
# inside it would rescan the run from every position)
HEADLESS_OPENER = regex.compile(rf"(?<!{H})(?:{H}*:|{H}+là){H}*(?=\p{{L}})")
HEADLESS_REACH = 300  # characters before a headless list's opener where its counted noun may stand
# "số đảng viên mới": the noun whose number a list gives
NUMBER_OF = regex.compile(rf"(?<!\p{{L}})(?i:số){H}+\Z")
# A headless item's share of the whole in brackets: "khiển trách 28 (chiếm 45%)", "cảnh cáo 21 (34%)"
SHARE_AFTER = regex.compile(rf"{H}*\((?i:chiếm{H}+)?\d[\d.,]*{H}*%\)")


@dataclass(frozen=True)
class ListItem:
    """A label and the position of the number after it, inside a list that follows a count."""

    label: str
    number_start: int


def list_opening(text: str, pos: int) -> tuple[int, bool, bool] | None:
    """Where the items of a list opened right after a count start, whether it is in brackets, and
    whether words announce its parts ("trong đó", "gồm")."""
    match = LIST_OPENER.match(text, pos)
    if not match or match.end() == pos:
        return None
    return match.end(), bool(match.group("paren")), bool(match.group("words"))


def list_item_at(text: str, pos: int) -> ListItem | None:
    """The item ("Tân Uyên 95", "chi bộ cơ sở: 1.608") starting at pos."""
    match = ITEM.match(text, pos)
    if not match:
        return None
    return ListItem(match.group("label"), match.end())


def next_item(text: str, pos: int, in_brackets: bool) -> int | None:
    """After an item ending at pos: where the next one starts, or None when the list ends there."""
    if in_brackets and closes_bracket(text, pos):
        return None
    separator = ITEM_SEPARATOR.match(text, pos)
    return separator.end() if separator else None


def closes_bracket(text: str, pos: int) -> bool:
    """Whether a closing bracket follows pos."""
    return CLOSING_BRACKET.match(text, pos) is not None


def slash_pair_second(text: str, end: int) -> int | None:
    """Start of the second number of "a/b" when one follows the first number's end."""
    if text[end:end + 1] == "/" and text[end + 1:end + 2].isdigit():
        return end + 1
    return None


def pair_figures(view: SegmentView, first: regex.Match, lex: Lexicon) -> list[Mention]:
    """"a/b" before a unit: a result over its target ("2.415/2.000 đảng viên", "91,4%/85%"), or a
    part of a whole ("7/9 chi bộ": 7, of 9).

    A percentage, a result exceeding the other number, or a pair after a plan word ("đạt
    1.800/2.000 đảng viên", the `pair_cues` of rules/attribution.yml) is a result over a target;
    otherwise it is a part of a whole. A fraction of an amount ("chiếm 3/4 diện tích", "1/2 hoạt
    động") is neither.
    """
    text = view.segment.text
    second = lex.bare.match(text, first.end() + 1)
    if first.group("n2") or not second or second.group("n2") or TRAILING_JUNK.match(text, second.end()) \
            or text[second.end():second.end() + 1] == "/":
        return []  # "30/2020/NĐ-CP", "7/4/2021", ranges
    if first.group("pct1") and not second.group("pct1"):
        return []
    b, b_scale = scaled_value(second, 1, lex)
    a, a_scale = scaled_value(first, 1, lex)
    if a is None or b is None or (YEAR.fullmatch(first.group("n1")) and YEAR.fullmatch(second.group("n1"))):
        return []  # "năm học 2019/2020"
    if _date_shaped(text, first, second):
        return []  # "dịp 30/4 và 1/5 khách tăng": a day and month
    if second.group("pct1"):
        unit = with_suffix(view, Unit("%", "percent", second.end()))
    else:
        unit = read_unit(view, second.end(), lex)
        if unit.kind is None and (bracket := BRACKETED.match(text, second.end())):
            # "16/16 (100%) xã": the unit after a bracket, which keeps its own figure out of the span
            unit = read_unit(view, bracket.end(), lex, nouns_only=True)
            unit.end = second.end()
    if unit.kind in (None, "code", "time"):
        return []  # "24/24", "4/7" of a grade, "2/3 số": no counted unit
    if unit.kind == "money" and b_scale and not a_scale:
        a, a_scale = scaled_value(first, 1, lex, inherit=b_scale)  # "45.799/36.875 tỷ đồng": both in tỷ
    words = words_before(text, first.start(), view.sentence_starts[view.sentence(first.start())])
    qualifier, size = qualifier_before(words, lex)
    context = words[: len(words) - size]
    scaled = bool(a_scale or b_scale)
    if refused(view, first.start(), first.group("n1"), a, unit, scaled, context, lex) or (
            names_rather_than_counts(view, first.start(), unit, lex)):
        return []
    # a result can exceed its target, a part never its whole; a plan word says so for a smaller result
    planned = _after_plan_word(words)
    if a > b and not planned and _named_date(text, first, second):
        return []  # "Chi đoàn Bệnh viện 30/4 tổ chức khám bệnh": a name's date, then a verb
    if unit.kind == "percent" or ((a > b or planned) and (unit.kind in ("money", "measure") or
                                                          _counts(unit, lex, view))):
        first_end = first.end()
        return [figure_mention(view, first.start(), first_end, plain_value(a), unit.text, qualifier, False),
                figure_mention(view, second.start(), unit.end, plain_value(b), unit.text, None, True)]
    if unit.kind != "noun" or a == 1 or _fraction(context, b, unit, lex, view):
        return []  # "RAM 4/6 GB" offers two sizes; "1/100 triệu máy" is a rate
    is_target = is_goal(view, first.start(), unit.end, qualifier, words, lex)
    return [figure_mention(view, first.start(), unit.end, plain_value(a), unit.text, qualifier, is_target,
                     of=plain_value(b))]


def part_of_total(view: SegmentView, first: regex.Match, lex: Lexicon) -> list[Mention] | None:
    """"a trong (tổng) số b <unit>": one figure, a of b ("17 trong tổng số 19 mục tiêu"), which holds
    b too; None when the number opens no such shape."""
    text = view.segment.text
    link = PART_OF_TOTAL.match(text, first.end())
    second = link and lex.bare.match(text, link.end())
    if not second or any(m.group(g) for m in (first, second) for g in ("n2", "s1", "pct1")) or (
            TRAILING_JUNK.match(text, second.end())):
        return None
    a, b = scaled_value(first, 1, lex)[0], scaled_value(second, 1, lex)[0]
    unit = read_unit(view, second.end(), lex)
    if a is None or b is None or a > b or unit.kind != "noun":
        return None  # a part never exceeds its whole
    words = words_before(text, first.start(), view.sentence_starts[view.sentence(first.start())])
    qualifier, size = qualifier_before(words, lex)
    if refused(view, first.start(), first.group("n1"), a, unit, False, words[: len(words) - size], lex):
        return []
    is_target = is_goal(view, first.start(), unit.end, qualifier, words, lex)
    return [figure_mention(view, first.start(), unit.end, plain_value(a), unit.text, qualifier, is_target,
                           of=plain_value(b))]


def repeated_unit_target(view: SegmentView, first: Mention, lex: Lexicon) -> Mention | None:
    """The target of "a <unit>/b <unit>", the unit written twice ("đạt 128.849 tấn/130.449 tấn"):
    a result over its target, as "2.415/2.000 đảng viên" is."""
    text = view.segment.text
    second = lex.bare.match(text, first.end + 1) if text[first.end:first.end + 1] == "/" else None
    if not second or second.group("n2") or second.group("pct1") or TRAILING_JUNK.match(text, second.end()):
        return None
    value, _ = scaled_value(second, 1, lex)
    unit = read_unit(view, second.end(), lex)
    if value is None or unit.kind in (None, "code", "time") or (unit.text or "").lower() != (
            first.attrs["unit"] or "").lower():
        return None
    return figure_mention(view, second.start(), unit.end, plain_value(value), unit.text, None, True)


def _after_plan_word(words: list[str]) -> bool:
    """Whether the words before a pair end in a plan word ("đạt", "chỉ tiêu": `pair_cues`)."""
    from pipeline.extract.clauses import rules  # it loads spaCy: not on importing the kind registry

    return any(rules().has("pair_cues", " ".join(words[-size:])) for size in (1, 2, 3))


def _counts(unit: Unit, lex: Lexicon, view: SegmentView) -> bool:
    """Whether a noun unit begins with a counted noun or is an acronym: "24/7 phục vụ" is a rhythm."""
    text = unit.text or ""
    return unit.kind == "noun" and bool(lex.at["noun"].match(text) or text in view.acronyms)


def _fraction(words: list[str], whole: Decimal, unit: Unit, lex: Lexicon, view: SegmentView) -> bool:
    """Whether "a/b" is a fraction of an amount rather than part of a counted whole: a share
    ("chiếm 3/4 diện tích"), an amount's part ("1/10 tổng kinh phí"), or a small fraction of what
    is not counted ("4/5 gia tài"); "43/57 ấp" and "7/9 chi bộ" count."""
    noun = (unit.text or "").lower()
    if suffix_in(words, lex.tables["share_words"])[0] or noun in lex.tables["fraction_nouns"]:
        return True
    return whole <= 10 and noun not in lex.counted and unit.text not in view.acronyms


def _day_and_month(first: regex.Match, second: regex.Match) -> bool:
    """Whether the two numbers of "a/b" are a valid day and month."""
    day, month = first.group("n1"), second.group("n1")
    return day.isdigit() and month.isdigit() and valid_date(None, int(month), int(day))


def _named_date(text: str, first: regex.Match, second: regex.Match) -> bool:
    """Whether "a/b" is a day and month right after a capitalised word inside a sentence: the date
    a body or a street is named for ("Bệnh viện 30/4", "Trường 19/5"), not a result over a target."""
    if not _day_and_month(first, second):
        return False
    before = NAME_BEFORE.search(text, max(0, first.start() - 40), first.start())
    return bool(before and before.group("word")[:1].isupper())


def _date_shaped(text: str, first: regex.Match, second: regex.Match) -> bool:
    """Whether "a/b" reads as a day and month where it stands: after a date word or another date."""
    if not _day_and_month(first, second):
        return False
    start = first.start()
    listed = DATE_BEFORE.search(text, max(0, start - 24), start)
    return bool(listed or date_grammar().before("trigger", text, start))


def list_figures(view: SegmentView, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """Numbers listed after a count inherit its unit: "kết nạp 312 đảng viên mới, trong đó: Tân Uyên
    95; Phú Giáo 88", "740 đảng viên (khiển trách 512, cảnh cáo 171)". An item whose label is itself
    a counted noun counts that ("tổ chức cơ sở Đảng (Đảng bộ cơ sở: 558, chi bộ cơ sở: 1.608)").
    A breakdown in brackets or after a bare colon has two items at least ("(loại xe nhóm 5)" is a
    label); one is enough after words that announce parts ("trong đó", "gồm").
    """
    text, added = view.segment.text, []
    by_start = {m.start: m for m in found}
    for head in found:
        opening = list_opening(text, head.end) if head.attrs["unit"] else None
        if opening is None:
            continue
        pos, in_brackets, _ = opening
        items: list[Mention] = []
        while pos is not None and (item := list_item_at(text, pos)):
            known = by_start.get(item.number_start)
            if known is not None:
                end = known.end
            elif (inherited := _list_item(view, item, head, lex)) is not None:
                items.append(inherited)
                end = inherited.end
            else:
                break
            pos = next_item(text, end, in_brackets)
        if len(items) >= (1 if opening[2] else 2) and (not in_brackets or closes_bracket(text, end)):
            added.extend(items)
            by_start.update((m.start, m) for m in items)
    return added


def headless_list_figures(view: SegmentView, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """Items of a list no count heads inherit the counted noun its sentence names before the colon
    or "là": "Hình thức kỷ luật đảng viên: khiển trách 28 (chiếm 45%), cảnh cáo 21 (34%)" (each
    item bears its share), "số đảng viên mới ... là Thanh Hải 11/15, Đồng Cốc 8/7" (each a slash
    pair after "số <noun>": results over targets when one exceeds its other, else parts of a whole).
    The noun after "số" wins over a later one ("số chi bộ ... ở các xã"). Two items at least."""
    text, added = view.segment.text, []
    known = {m.start for m in found}
    for opener in HEADLESS_OPENER.finditer(text):
        # the items first: most openers start no list, and looking for none costs far less than the
        # look back for the noun below (a match at every word start)
        items = _headless_items(view, opener.end(), known, lex)
        if len(items) < 2 or len({len(pair) for pair in items}) != 1:
            continue
        # the counted noun stands shortly before the opener: a bounded look back keeps a page-long
        # "sentence" (a run of digits, a table flattened to one line) linear
        first = max(view.sentence_starts[view.sentence(opener.start())], opener.start() - HEADLESS_REACH)
        nouns = [m for i in range(first, opener.start()) if (i == first or not text[i - 1].isalnum())
                 and (m := lex.at["noun"].match(text, i, opener.start()))
                 and (m.end() == len(text) or not text[m.end()].isalnum())]
        if not nouns:
            continue
        numbered = [m for m in nouns if NUMBER_OF.search(text, max(0, m.start() - 4), m.start())]
        if len(items[0]) == 2 and not numbered:
            continue  # "lịch làm việc: Hà Giang 12/5, ...": pairs compare the number of a noun
        exceeds = any(len(pair) == 2 and pair[0][1] > pair[1][1] for pair in items)
        unit = (numbered or nouns)[-1].group(0)
        for pair in items:
            (a, a_value), *rest = pair
            if rest and not exceeds:  # "Thanh Hải 7/9": 7 of 9
                added.append(figure_mention(view, a.start(), rest[0][0].end(), a_value, unit, None, False,
                                            rest[0][1]))
                continue
            added.append(figure_mention(view, a.start(), a.end(), a_value, unit, None, False))
            added.extend(figure_mention(view, b.start(), b.end(), v, unit, None, True) for b, v in rest)
    return added


def _headless_items(view: SegmentView, pos: int | None, known: set[int],
                    lex: Lexicon) -> list[list[tuple[regex.Match, int | float]]]:
    """The items of a headless list from pos: each its number, and its target or whole after a slash."""
    text, items = view.segment.text, []
    while pos is not None and (item := list_item_at(text, pos)):
        number = lex.bare.match(text, item.number_start)
        if not number or number.start() in known or number.group("n2") or number.group("pct1"):
            break
        pair = [number]
        if (second := slash_pair_second(text, number.end())) and (other := lex.bare.match(text, second)):
            if _date_shaped(text, number, other):
                break  # "ngày 12/5"
            pair.append(other)
            end = other.end()
        elif share := SHARE_AFTER.match(text, number.end()):
            end = share.end()
        else:
            break
        values = [scaled_value(m, 1, lex)[0] for m in pair]
        if any(v is None or m.group("s1") or m.group("pct1") for v, m in zip(values, pair, strict=True)):
            break
        if read_unit(view, pair[-1].end(), lex).kind is not None and len(pair) == 2:
            break  # "11/15 đảng viên": a pair with its own unit, read already
        items.append([(m, plain_value(v)) for m, v in zip(pair, values, strict=True)])
        pos = next_item(text, end, False)
    return items


def _list_item(view: SegmentView, item: ListItem, head: Mention, lex: Lexicon) -> Mention | None:
    """The figure of one list item without its own unit, or None when the item is no count."""
    text = view.segment.text
    number = lex.bare.match(text, item.number_start)
    if not number or number.group("n2") or number.group("pct1") or TRAILING_JUNK.match(text, number.end()):
        return None  # a range, a percentage of its own, a date ("ngày 12/5")
    if read_unit(view, number.end(), lex).kind is not None:
        return None  # a unit of its own that the finder refused
    label_words = PREV_WORDS.findall(item.label)
    value, _ = scaled_value(number, 1, lex)
    year_like = YEAR.fullmatch(number.group("n1")) and head.attrs["unit"] != "%"
    if value is None or year_like or label_before(view, item.number_start, label_words, lex):
        return None  # "năm 2020", "Điều 5": a date or a label, not an item
    counted = lex.at["noun"].fullmatch(item.label)
    unit = item.label if counted else head.attrs["unit"]
    is_target = head.attrs["is_target"]
    return figure_mention(view, number.start(), number.end(), plain_value(value), unit, None, is_target)
