"""Dates: every date expression of an article, written as ISO 8601 (spec section 5).

`datetime_parse` reads the shapes into atoms, and `date_segments` settles their overlaps and joins
neighbours, per segment. Here every atom is resolved against the article: its reference year, its
publication date and its current Party term, read by `date_context`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

import regex

from pipeline.datetime_parse import AGE_YEARS, Atom, Point, grammar, iso_point, months_later
from pipeline.extract.date_context import Context, article_context, counted_to_now, current_term
from pipeline.extract.date_segments import segment_atoms
from pipeline.extract.document import ArticleDoc
from pipeline.kinds import (
    SPAN_COLUMNS,
    Column,
    KindSpec,
    iso_schema,
    item_span,
    refs_of_value,
    register_kind,
    spanned_item_schema,
)
from pipeline.model import Mention

# A yearless date is placed around the publication date: more than this many days after it, it is
# last year's ("ngày 28/12" in a January article; deadlines such as "31/12" in April stay this
# year's); more than this many days before it, next year's ("ngày 5/1" in a late-December article).
LATER_THAN_PUBLISHED_DAYS = 260
EARLIER_THAN_PUBLISHED_DAYS = 300
# A day said to be still to come ("kỳ nghỉ lễ 30/4 - 1/5 sắp tới") up to this many days before the
# publication date is this year's: pages are dated after they were written, or on the day itself.
PUBLISHING_LAG_DAYS = 7
# Days in brackets restate a named period ("6 tháng đầu năm 2024 (từ ngày 01/12/2023 đến ngày
# 31/5/2024)") when their length is within this share of the period's.
RESTATED_LENGTH = 0.25
# A span of two years written as one ("năm học 2023 – 2024", "vụ Đông xuân 2017 - 2018") runs from the
# first year's autumn (from this month: a school year opens on 5/9) through the second's summer.
SPAN_SECOND_HALF = 9


def _months_back(atom: Atom, ctx: Context) -> str | None:
    """"7 tháng qua" in an August article: January to July; in another month, the N months before it."""
    months = atom.months_back or 0
    if ctx.published is None or ctx.published.month in (months, months + 1):
        return None  # the first N months of the article's year, as written in the atom
    year, month = ctx.published.year, ctx.published.month
    # from N months before publication to the month before it
    first, last = (iso_point(*months_later(year, month, -n)) for n in (months, 1))
    return first if first == last else f"{first}/{last}"


def _year_of(point: Point, ctx: Context, tense: int = 0) -> tuple[int, bool] | None:
    """The point's year and whether it was inferred; None when the article gives none."""
    if point.year is not None:
        return point.year, False
    if ctx.ref_year is None:
        return None
    if point.offset is not None:
        return ctx.ref_year + point.offset, True
    year = ctx.ref_year
    if ctx.crossed and point.month:  # "ngày 5 tháng 9" of "năm học 2023 – 2024" is 2023's
        return year - (point.month >= SPAN_SECOND_HALF), True
    anchor = ctx.published or ctx.turn
    if ctx.near_published and anchor and point.month:
        gap = (dt.date(year, point.month, min(point.day or 1, 28)) - anchor).days
        if tense < 0 or gap > LATER_THAN_PUBLISHED_DAYS:
            year -= gap > 0
        elif tense > 0 or gap < -EARLIER_THAN_PUBLISHED_DAYS:
            year += gap < (-PUBLISHING_LAG_DAYS if tense > 0 else -EARLIER_THAN_PUBLISHED_DAYS)
    return year, True


def lunar_new_year(cycle: tuple[int, int], ref_year: int | None) -> int | None:
    """The solar year opening the lunar year of a stem and a branch ((8, 2): Tân Sửu) next to the
    reference year; a lunar year's name further off ("Tết Mậu Thân" of 1968 in a 2018 article) is
    history the name alone does not date."""
    stem, branch = cycle
    near = range(ref_year - 1, ref_year + 2) if ref_year else range(0)
    return next((y for y in near if (y - 3 - stem) % 10 == 0 and (y - 3 - branch) % 12 == 0), None)


def resolve(atom: Atom, ctx: Context) -> tuple[str, bool] | None:
    """ISO value and `inferred` of an atom in its article, or None when it cannot be dated."""
    if atom.lunar_year is not None:
        year = lunar_new_year(atom.lunar_year, ctx.ref_year)
        return (str(year), True) if year else None
    if atom.term is not None:
        base = ctx.reported if atom.term_reported else ctx.last_term if atom.term_ended else ctx.term
        if base is None:
            return None
        if atom.term_first_year:
            return str(base[0]), True
        length = base[1] - base[0]
        start = base[0] + atom.term * length
        if ctx.opened and atom.term > 0:
            # at a congress opening its term, "nhiệm kỳ tới" and "nhiệm kỳ mới" are that term
            length = ctx.opened[1] - ctx.opened[0]
            start = ctx.opened[0] + (atom.term - 1) * length
        return (f"{start}/.." if atom.open_end else f"{start}/{start + length}"), True
    if atom.since_issue and atom.lo.year is not None:
        first, ref, years = atom.lo.year, ctx.ref_year, atom.since_issue
        # N years counted in calendar years or in whole years: "10 năm thực hiện" a 2016 document runs
        # to a 2025 or 2026 article's year; an article of another year looks back at N years from the issue
        last = ref if ref and first + years - 1 <= ref <= first + years else first + years
        return f"{first}/{last}", True
    if ctx.now_unknown and counted_to_now(atom):
        return None  # counted back from a year the page does not give
    if atom.month_offset is not None:
        if ctx.published is None:
            return None
        month_named = months_later(ctx.published.year, ctx.published.month, atom.month_offset)
        return iso_point(*month_named) + ("/.." if atom.open_end else ""), True
    if atom.months_back and (rolling := _months_back(atom, ctx)):
        return rolling, True
    lo = _year_of(atom.lo, ctx, atom.tense)
    age = atom.lo.offset is not None and atom.lo.offset < -AGE_YEARS
    if lo is None or (age and lo[0] not in ctx.written):
        return None  # an age whose first year the article does not write: a guess
    text = iso_point(lo[0], atom.lo.month, atom.lo.day, atom.lo.clock)
    inferred = lo[1] or atom.borrowed
    if atom.open_end:
        return f"{text}/..", inferred
    if atom.hi is None:
        return text, inferred
    hi = lo if atom.hi.yearless else _year_of(atom.hi, ctx)
    if hi is None:
        return None
    return f"{text}/{iso_point(hi[0], atom.hi.month, atom.hi.day, atom.hi.clock)}", inferred or hi[1]


def find(doc: ArticleDoc) -> list[Mention]:
    """Date mentions in every segment of the article (title, body, captions, meta lines)."""
    body = segment_atoms(doc.segment("text").text) if doc.segment("text") else []
    # a headline repeats the periods of its article ("9 tháng, ..."): read it with the body's atoms
    found = [(s, body if s.field == "text" else segment_atoms(s.text, body if s.field == "title" else ()))
             for s in doc.segments]
    every = [a for _, atoms in found for a in atoms]
    _repeated_periods(every)
    written = {p.year for a in every if not a.borrowed for p in (a.lo, a.hi) if p is not None and p.year}
    ctx = replace(article_context(doc, every), written=frozenset(written))
    mentions = []
    for segment, atoms in found:
        for atom in atoms:
            resolved = resolve(atom, ctx)
            if resolved:
                attrs = {"value": resolved[0], "inferred": resolved[1]}
                mentions.append(Mention("DATE", atom.start, atom.end, segment.text[atom.start:atom.end],
                                        field=segment.field, attrs=attrs))
    texts = {s.field: s.text for s in doc.segments}
    return _defined_periods(_lunar_twins(mentions, texts), texts)


def _months_of(atom: Atom) -> tuple[int, int] | None:
    """The first and last month of a period of whole months within one year ("quý III", "9 tháng đầu
    năm 2020"), or None for any other atom (a day, a year, a term, a span counted back)."""
    lo, hi = atom.lo, atom.hi
    if (hi is None or atom.open_end or atom.term is not None or atom.months_back or atom.month_offset
            is not None or lo.month is None or hi.month is None or lo.day is not None or hi.day is not None):
        return None
    return lo.month, hi.month


def _of_the_year(point: Point) -> bool:
    """Whether the point's year is the article's own, unwritten ("quý III", "9 tháng đầu năm")."""
    return point.year is None and point.offset in (None, 0)


def _repeated_periods(atoms: list[Atom]) -> None:
    """A period written without its year ("Quý III", "9 tháng đầu năm") where the article writes the same
    months with one year elsewhere ("Kết quả Quý III/2020", "9 tháng đầu năm 2019") is that year's: it
    names the period again, so it is not placed by the publication date or the article's latest year.
    Comparison bases ("so với quý III/2019") are not the article's period, and periods the article
    writes with two years are left to the article's year."""
    years: dict[tuple[int, int], set[int]] = {}
    # nor the months of a year the article compares with as the same period ("so với cùng kỳ 2018")
    bases = {a.lo.year for a in atoms if a.same_period}
    for atom in atoms:
        months = _months_of(atom)
        if months and atom.lo.year and atom.hi and atom.hi.year == atom.lo.year and not (
                atom.comparison or atom.borrowed or atom.target or atom.lo.year in bases):
            years.setdefault(months, set()).add(atom.lo.year)
    for atom in atoms:
        months = _months_of(atom)
        named = years.get(months) if months and atom.tense == 0 else None
        if named and len(named) == 1 and atom.hi and _of_the_year(atom.lo) and _of_the_year(atom.hi):
            year = next(iter(named))
            atom.lo, atom.hi = replace(atom.lo, year=year), replace(atom.hi, year=year)
            atom.borrowed = True


def _lunar_twins(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """A lunar date in brackets right after a day written in full ("Chiều ngày 11/5/2022 (nhằm ngày
    11/4/Nhâm Dần)", "từ ngày 21 đến 23/01/2026 (mùng 3 đến 5 tháng Chạp năm Ất Tỵ)") names the same
    day or days: one mention with their value, in place of the dates read inside the brackets."""
    g, out, inside = grammar(), [], set()
    for m in mentions:
        if (m.field, m.start) in inside:
            continue
        out.append(m)
        text, value = texts[m.field], str(m.attrs["value"])
        twin = g.after("lunar_twin", text, m.end) if len(value.partition("/")[0]) >= 10 else None
        if twin is None or not g.re["lunar_word"].search(twin["twin"]):
            continue
        start, end = twin.span("twin")
        inside.update((o.field, o.start) for o in mentions
                      if o.field == m.field and twin.start() <= o.start < twin.end())
        # the hour belongs to the day's own mention ("lúc 7h00 ngày 14/4/2021 (tức ngày mùng 3 ...)")
        attrs = {**m.attrs, "value": value if "/" in value else value[:10]}
        out.append(Mention("DATE", start, end, text[start:end], field=m.field, attrs=attrs))
    return out


def _defined_periods(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """A named period the article defines by the days it runs ("6 tháng đầu năm 2024 (từ ngày
    01/12/2023 đến ngày 31/5/2024)", a court's or an inspectorate's reporting year) is those days
    wherever the article names it. The days restate the period only when they run about as long:
    "hè năm 2022 (29/5 – 5/6/2022)" dates a campaign's first week, and "2022" stays the year."""
    defined: dict[str, str] = {}
    for one, two in itertools.pairwise(mentions):
        value, days = str(one.attrs["value"]), str(two.attrs["value"])
        gap = texts[one.field][one.end:two.start] if one.field == two.field else ""
        if ("/" in days and len(days.partition("/")[0]) == 10 and len(value.partition("/")[0]) in (4, 7)
                and ".." not in value + days and regex.fullmatch(r"\s*\(\s*(?:từ\s+)?", gap, regex.IGNORECASE)
                and texts[two.field][two.end:two.end + 2].lstrip().startswith(")")
                and _restates(value, days)):
            defined[value] = days
    for m in mentions:
        if (days := defined.get(str(m.attrs["value"]))) is not None:
            m.attrs["value"] = days
    return mentions


def _restates(period: str, days: str) -> bool:
    """Whether a run of days ("2023-12-01/2024-05-31") is as long as a period of months or years
    ("2024-01/2024-06", "2024"), within RESTATED_LENGTH of it: the same period, counted otherwise."""
    first, _, last = period.partition("/")
    last = last or first
    start = dt.date(int(first[:4]), int(first[5:7] or 1), 1)
    # the period runs to the end of its last month (or of its last year)
    after = months_later(int(last[:4]), int(last[5:7] or 12), 1)
    length = (dt.date(*after, 1) - start).days
    lo, _, hi = days.partition("/")
    written = (dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days + 1
    return abs(written - length) <= RESTATED_LENGTH * length


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per date expression that survived overlap resolution, in reading order."""
    return [
        {"value": m.attrs["value"], "text": m.text, "inferred": m.attrs["inferred"],
         "start": m.start, "end": m.end, "field": m.field}
        for m in mentions if m.type == "DATE"
    ]


__all__ = ["Context", "article_context", "build", "current_term", "find", "resolve", "segment_atoms"]


KIND = register_kind(KindSpec(
    label="DATE", field="dates", noun="date", order=2, find=find, build=build,
    layer=0, rank=1, colour="#bfe1d9", rules="dates", nests_in=("DIRECTIVE",),
    description="One row per date expression (spec section 5).",
    columns=(
        Column("value", "TEXT", "ISO 8601: day, month, year, interval 2016/2020 or open interval 2016/.."),
        Column("text", "TEXT", "the expression as written"),
        Column("inferred", "BOOLEAN", "1 when the year was not written and was taken from the article"),
        *SPAN_COLUMNS,
    ),
    row=lambda d: (d.get("value"), d.get("text"), bool(d.get("inferred")), *item_span(d)),
    refs=refs_of_value,
    item_schema=spanned_item_schema(
        ["value", "text", "inferred"],
        value=iso_schema(), text={"type": "string"}, inferred={"type": "boolean"}),
))
