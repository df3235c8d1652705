"""Figures: the quantities an article reports (counts, percentages, money, areas, durations).

`figure_reading` reads one number and its unit and refuses what is no figure; `figure_forms` reads
the shapes around numbers common in party press (result/target pairs, parts of a whole, lists that
inherit a unit). Here every number of a segment is found and each figure is built.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

from pipeline.extract.document import ArticleDoc
from pipeline.extract.figure_forms import (
    headless_list_figures,
    list_figures,
    pair_figures,
    part_of_total,
    repeated_unit_target,
    slash_pair_second,
)
from pipeline.extract.figure_lexicon import Lexicon, lexicon
from pipeline.extract.figure_reading import (
    SPACE,
    TRAILING_JUNK,
    SegmentView,
    Unit,
    figure_mention,
    is_goal,
    names_rather_than_counts,
    plain_value,
    qualifier_after,
    qualifier_before,
    read_unit,
    refused,
    scaled_value,
    suffix_in,
    with_suffix,
    words_before,
)
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

GLUED_AFTER = regex.compile(r"(?<=\p{Ll}\p{Ll})(?=\d)")  # "kinh phí2.350 triệu đồng": a lost space
# the glued word is Vietnamese (a letter outside ASCII: "và9,7 ha"), so no code like "covid19"
VIETNAMESE_WORD_BEFORE = regex.compile(r"(?<=[^\x00-\x7F\P{Ll}]\p{Ll}*)(?=\d)")


def _figures_of(view: SegmentView, match: regex.Match, lex: Lexicon, glued: bool = False) -> list[Mention]:
    """The one figure, or two for a range, of a number match; none when it is no figure.

    A number glued to the word before it ("kinh phí2.350 triệu đồng") counts only as money, a
    percentage, with a scale word, or after a Vietnamese word ("và9,7 ha"): a code ("covid19") is none
    of those.
    """
    text = view.segment.text
    ranged = match.group("n2") is not None
    second, second_scale = scaled_value(match, 2, lex) if ranged else (None, "")
    # the first of a range takes the scale of the second ("11.000 - 12.000 tỷ USD")
    first, first_scale = scaled_value(match, 1, lex, inherit="" if match.group("pct1") else second_scale)
    if first is None or (ranged and (second is None or second <= first)):
        return []  # "2-1", "1-1": scores, not ranges
    if match.group("pct2" if ranged else "pct1"):
        unit = with_suffix(view, Unit("%", "percent", match.end()))
    else:
        unit = read_unit(view, match.end(), lex)
    scaled = bool(first_scale or second_scale)
    words = words_before(text, match.start(), view.sentence_starts[view.sentence(match.start())])
    qualifier, size = qualifier_before(words, lex)
    context = words[: len(words) - size]
    lost_space = glued and (
        scaled
        or unit.kind in ("money", "percent")
        or VIETNAMESE_WORD_BEFORE.match(text, match.start()) is not None
    )
    if (unit.kind is None and not scaled) or (glued and not lost_space):
        return []
    if ranged and "-" in match.group("sep") and suffix_in(context, lex.tables["score_words"])[0]:
        return []  # "thắng 2-3": a score
    if refused(view, match.start(), match.group("n1"), first, unit, scaled, context, lex) or (
        names_rather_than_counts(view, match.start(), unit, lex)
    ):
        return []
    if match.group("approx1") or match.group("approx2"):
        qualifier = "approx"  # "2 mấy tỷ"
    qualifier = qualifier_after(text, unit.end, lex) or qualifier  # "từ 18 tuổi trở lên"
    spans = [(match.start(), unit.end, first, qualifier)]
    if ranged:  # the first of a range is its number as written: "40" of "40-50%"
        first_end = max(match.end(g) for g in ("n1", "s1", "pct1") if match.group(g))
        own = lex.tables["qualifiers_before"].get(match.group("q2") or "", qualifier)  # "đến hơn 60"
        spans = [(match.start(), first_end, first, qualifier), (match.start("n2"), unit.end, second, own)]
    unit_text = unit.text if unit.kind is not None else _counted_before(view, match.start(), lex)
    return [
        figure_mention(
            view,
            start,
            end,
            plain_value(value),
            unit_text,
            own_qualifier,
            is_goal(view, start, end, own_qualifier, words, lex),
        )
        for start, end, value, own_qualifier in spans
    ]


def _compound_amount(view: SegmentView, first: regex.Match, lex: Lexicon) -> Mention | None:
    """One amount written with two scale words, the larger first: "5 tỷ 298,2 triệu đồng" is
    5.298.200.000 đồng, "1 tỷ 345 triệu đồng" 1.345.000.000 đồng (spec 4: scale words fold in)."""
    text = view.segment.text
    gap = SPACE.match(text, first.end())
    second = lex.bare.match(text, gap.end()) if gap.end() > first.end() else None
    if (
        not second
        or first.group("n2")
        or first.group("pct1")
        or not first.group("s1")
        or (second.group("n2") or second.group("pct1") or not second.group("s1"))
    ):
        return None
    (a, a_scale), (b, b_scale) = scaled_value(first, 1, lex), scaled_value(second, 1, lex)
    top, low = (lex.scales[s.split()[-1]] for s in (a_scale.strip(), b_scale.strip()))
    if a is None or b is None or low >= top or b >= top:
        return None  # "2 triệu 3 triệu" is no one amount
    rest = _figures_of(view, second, lex)
    if len(rest) != 1 or rest[0].attrs["unit"] not in (None, *lex.unit_written.values()):
        return None
    words = words_before(text, first.start(), view.sentence_starts[view.sentence(first.start())])
    qualifier = qualifier_before(words, lex)[0]
    return figure_mention(
        view,
        first.start(),
        rest[0].end,
        plain_value(a + b),
        rest[0].attrs["unit"],
        qualifier,
        rest[0].attrs["is_target"],
    )


SCALE_WORD = regex.compile(r"\b(?:nghìn|ngàn|triệu|tỷ|tỉ)\b")
CAPITAL_AFTER = regex.compile(r"[ \t]+\p{Lu}")  # "100 triệu Shilling Kenya": a unit our tables lack


def _unitless_amount(mention: Mention, text: str) -> bool:
    """An amount with a scale word, no unit read after it and no capitalised word standing for one."""
    return (
        mention.attrs["unit"] is None
        and SCALE_WORD.search(mention.text) is not None
        and not CAPITAL_AFTER.match(text, mention.end)
    )


def _money(found: list[Mention], lex: Lexicon) -> list[Mention]:
    """The figures among `found` whose unit is a currency."""
    return [m for m in found if m.attrs["unit"] and lex.at["money"].fullmatch(m.attrs["unit"])]


def _bare_amounts_take_currency(view: SegmentView, found: list[Mention], lex: Lexicon) -> None:
    """An amount with a scale word and no unit takes the currency of a money figure in its sentence,
    else of the nearest one before it in its paragraph (the currency is already named): "ngân sách
    huyện 250 triệu, ngân sách xã trên 150 triệu đồng" are both đồng; "trao 250 triệu đồng ... Cùng
    thời điểm, X ủng hộ 200 triệu" is đồng too. A bare amount before any currency keeps none."""
    text = view.segment.text
    money = [(view.sentence(m.start), m.start, m.attrs["unit"]) for m in _money(found, lex)]
    for mention in found:
        if not _unitless_amount(mention, text):
            continue
        sentence, low = view.sentence(mention.start), text.rfind("\n", 0, mention.start) + 1
        near = sorted(
            (at != sentence, abs(start - mention.start), unit)
            for at, start, unit in money
            if at == sentence or low <= start < mention.start
        )
        mention.attrs["unit"] = near[0][2] if near else None


def _headline_currency(doc: ArticleDoc, found: list[Mention], lex: Lexicon) -> None:
    """A headline's amount with a scale word and no unit takes the currency the article counts its
    money in (the most used one): "hơn 74.3 ngàn tỷ" over a body in tỷ đồng."""
    used, title = Counter(m.attrs["unit"] for m in _money(found, lex)), doc.segment("title")
    if not used or title is None:
        return  # no money written out anywhere: the amount may count anything
    for mention in found:
        if mention.field == "title" and _unitless_amount(mention, title.text):
            mention.attrs["unit"] = used.most_common(1)[0][0]


def _counted_before(view: SegmentView, start: int, lex: Lexicon) -> str | None:
    """The counted noun a unit-less number takes from "số <noun>" before it in its sentence.

    "nâng tổng số đảng viên của khối lên gần 6 ngàn" counts đảng viên.
    """
    text = view.segment.text
    low = view.sentence_starts[view.sentence(start)]
    noun = None
    for head in lex.at["count_head"].finditer(text, low, start):
        if found := lex.at["noun"].match(text, SPACE.match(text, head.end()).end(), start):
            noun = found.group(0)
    return noun


def _number_word_figure(view: SegmentView, start: int, lex: Lexicon, within: bool = False) -> list[Mention]:
    """A small count in words before a counted noun: "Hai chương trình...", "có từ ba đảng viên trở lên".

    Inside a sentence (`within`) the word before must not make it an ordinal or a name ("thứ ba",
    "Trung ương Ba"), and the count takes its qualifier like a number in figures does.
    """
    text = view.segment.text
    match = lex.at["number_word"].match(text, start)
    if not match:
        return []
    unit = read_unit(view, match.end(), lex, nouns_only=True)
    if unit.kind != "noun" or unit.text.lower() not in lex.counted:
        return []
    start, value = match.start("w"), lex.tables["number_words"][match.group("w").lower()]
    qualifier, words = None, []
    if within:
        words = words_before(text, start, view.sentence_starts[view.sentence(start)])
        blocked = suffix_in(words, lex.tables["number_word_blockers"])[0]
        if not words or not words[-1][:1].islower() or blocked:
            return []
        qualifier = qualifier_before(words, lex)[0]
    qualifier = qualifier_after(text, unit.end, lex) or qualifier  # "từ ba ... trở lên"
    is_target = is_goal(view, start, unit.end, qualifier, words, lex)
    return [figure_mention(view, start, unit.end, value, unit.text, qualifier, is_target)]


def _number_words_within(view: SegmentView, lex: Lexicon) -> list[Mention]:
    """Counts in words inside sentences ("quán triệt sáu nội dung trọng tâm")."""
    starts = set(view.sentence_starts)
    found: list[Mention] = []
    for word in lex.at["number_word_within"].finditer(view.segment.text):
        if word.start() not in starts:
            found += _number_word_figure(view, word.start(), lex, within=True)
    return found


def find(doc: ArticleDoc) -> list[Mention]:
    """Figures in the title, body and captions (meta lines hold dates and bylines, not figures), with
    result/target pairs, parts of a whole and lists that inherit a unit (`figure_forms`)."""
    lex = lexicon()
    found: list[Mention] = []
    for segment in doc:
        if segment.field.startswith("meta"):
            continue
        view = SegmentView.of(segment)
        text, own, whole_end = segment.text, [], -1
        for match in lex.core.finditer(text):
            if match.start() < whole_end:
                continue  # the whole of a part just read ("19" of "17 trong tổng số 19 mục tiêu")
            if (part := part_of_total(view, match, lex)) is not None:
                own.extend(part)
                whole_end = part[0].end if part else whole_end
            elif amount := _compound_amount(view, match, lex):
                own.append(amount)  # "5 tỷ 298,2 triệu đồng"
                whole_end = amount.end
            elif not TRAILING_JUNK.match(text, match.end()):
                read = _figures_of(view, match, lex)
                target = repeated_unit_target(view, read[-1], lex) if read else None
                own.extend([*read, target] if target else read)
            elif slash_pair_second(text, match.end()):
                own.extend(pair_figures(view, match, lex))
        for glued in GLUED_AFTER.finditer(text):
            if (match := lex.bare.match(text, glued.start())) and not TRAILING_JUNK.match(text, match.end()):
                own.extend(_figures_of(view, match, lex, glued=True))
        for start in view.sentence_starts:
            own.extend(_number_word_figure(view, start, lex))
        own.extend(_number_words_within(view, lex))
        own.sort(key=lambda m: m.start)
        _bare_amounts_take_currency(view, own, lex)
        listed = list_figures(view, own, lex)
        found += own + listed + headless_list_figures(view, own + listed, lex)
    _headline_currency(doc, found, lex)
    return found


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per figure, with its sentence and its attribution: measure, subject, time, source."""
    from pipeline.extract.attribution import attribute  # it reads this module's lexicon

    segments = {s.field: s for s in doc}
    placed = [m for m in mentions if m.field in segments]
    entries = []
    for mention, who in zip(placed, attribute(doc, placed, context), strict=True):
        sentence = segments[mention.field].sentence_at(mention.start, mention.end)
        entries.append(
            {
                "text": mention.text,
                **{key: mention.attrs[key] for key in ("value", "unit", "qualifier", "is_target")},
                **who,
                "sentence": sentence.strip(),
                "start": mention.start,
                "end": mention.end,
                "field": mention.field,
            }
        )
    return entries


def unit_start(mention: Mention) -> int | None:
    """Where a figure's unit starts, the counted noun a name after it may begin with ("4 nghị quyết
    số 18-NQ/TW": the resolutions counted are the one named); None when its text does not end on it."""
    unit = mention.attrs.get("unit") or ""
    if not unit.strip() or not mention.text.endswith(unit) or len(unit) >= len(mention.text):
        return None
    return mention.end - len(unit)


def unit_guessed(mention: Mention) -> bool:
    """Whether a figure's unit is only the word after its number, one no table of units knows ("108
    đưa ra"): the figure's end is a guess."""
    unit, lex = mention.attrs.get("unit") or "", lexicon()
    known = (
        unit == "%"
        or unit.lower() in lex.counted
        or unit in lex.unit_written.values()
        or (unit in lex.time_ranks)
    )
    return not known


QUALIFIERS = [None, "approx", "more_than", "at_least", "at_most", "less_than"]
KIND = register_kind(
    KindSpec(
        label="FIGURE",
        field="figures",
        noun="figure",
        order=1,
        find=find,
        build=build,
        layer=0,
        rank=2,
        colour="#f0a3c8",
        rules="figures",
        # a count's unit may be the type or level word of the document or body it counts ("4 nghị quyết số
        # 18-NQ/TW", "2 tỉnh Nghệ An", "hai CLB Italia"); a date's head word ("3 ngày 4 đến 6/9", "Chi bộ 3
        # nhiệm kỳ 2025-2027") is the date's or the count's, never both
        tail=unit_start,
        tail_shared_with=("DIRECTIVE", "ORG", "LOC"),
        soft_end=unit_guessed,
        description="One row per reported quantity (spec section 4).",
        columns=(
            Column("value", "REAL", "the number, Vietnamese format read (3.650 -> 3650, 97,5% -> 97.5)"),
            Column("unit", "TEXT", "the counted noun as written, % or the currency"),
            Column("qualifier", "TEXT", "approx, more_than, at_least, at_most, less_than, or null"),
            Column("is_target", "BOOLEAN", "1 when the number is a goal, plan or quota rather than a result"),
            Column(
                "measure", "TEXT", "what the number counts (đảng viên mới), for a % what it is a share of"
            ),
            Column(
                "subject", "TEXT", "whose figure it is: organisation, place or group, at its fullest name"
            ),
            Column("time", "TEXT", "the period the figure is for (ISO); a comparison base is never the time"),
            Column(
                "source", "TEXT", "who states it (Theo X, X cho biết), as written; null when the outlet does"
            ),
            Column("of", "REAL", "the whole a part is out of (7/9 chi bộ -> 9), else null"),
            Column("sentence", "TEXT", "the whole sentence the figure is in"),
            Column("text", "TEXT", "the figure as written"),
            *SPAN_COLUMNS,
        ),
        row=lambda f: (
            real(f.get("value")),
            f.get("unit"),
            f.get("qualifier"),
            bool(f.get("is_target")),
            f.get("measure"),
            f.get("subject"),
            f.get("time"),
            f.get("source"),
            real(f.get("of")),
            f.get("sentence"),
            f.get("text"),
            *item_span(f),
        ),
        refs=refs_of_value,
        indexes=("subject", "source"),
        item_schema=spanned_item_schema(
            [
                "value",
                "unit",
                "qualifier",
                "is_target",
                "measure",
                "subject",
                "time",
                "source",
                "of",
                "sentence",
                "text",
            ],
            value={"type": "number"},
            unit=nullable("string"),
            qualifier={"enum": QUALIFIERS},
            is_target={"type": "boolean"},
            measure=nullable("string"),
            subject=nullable("string"),
            time=iso_schema(),
            source=nullable("string"),
            of=nullable("number"),
            sentence={"type": "string"},
            text={"type": "string"},
        ),
    )
)
