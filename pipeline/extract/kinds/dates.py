"""Dates: every date expression of an article, written as ISO 8601 (spec section 5).

`datetime_parse` reads the shapes into atoms, per segment. Here overlaps are settled, neighbouring
atoms are joined (a year shared along a list, "từ A đến B" ranges, "từ năm 2016 đến nay", a time
of day beside a day) and every atom is resolved against the article: its reference year, its
publication date and its current Party term. `parse_published` reads a page's publication time
from a metadata line or a crawler field, for the cleaning stage.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace
from typing import Any

import regex

from pipeline.clean.published import parse_published
from pipeline.datetime_parse import (
    DASHES,
    Atom,
    Grammar,
    Point,
    clock_from,
    grammar,
    iso_point,
    valid_date,
)
from pipeline.extract.directive_grammar import rules as directive_rules
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
from pipeline.text import casefold_words, longest_first

_DASH = regex.compile(DASHES)
START_OF_YEAR = regex.compile(r"(?:kể\s+|tính\s+)?từ\s+đầu\s+năm", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?;](?=\s)|\n")
ISSUE_DATE_WITHIN = 90  # characters from a document's type word to its date of issue ("ngày 07/6/2012")

# A yearless date is placed around the publication date: more than this many days after it, it is
# last year's ("ngày 28/12" in a January article; deadlines such as "31/12" in April stay this
# year's); more than this many days before it, next year's ("ngày 5/1" in a late-December article).
LATER_THAN_PUBLISHED_DAYS = 260
EARLIER_THAN_PUBLISHED_DAYS = 300
# A day said to be still to come ("kỳ nghỉ lễ 30/4 - 1/5 sắp tới") up to this many days before the
# publication date is this year's: pages are dated after they were written, or on the day itself.
PUBLISHING_LAG_DAYS = 7


@dataclass(frozen=True)
class Context:
    """What a date without its own year needs from the article."""

    ref_year: int | None
    published: dt.date | None
    near_published: bool  # the reference year is the publication year: pick the nearest year
    term: tuple[int, int] | None  # the current Party term
    last_term: tuple[int, int] | None  # the last one that has ended by the reference year
    opened: tuple[int, int] | None = None  # the term the article's congress opens this year


def find_atoms(text: str) -> list[Atom]:
    """Every pattern's atoms in one string, with days listed after a day, overlaps not yet settled."""
    g = grammar()
    found: list[Atom] = []
    for rank, (pattern, handler) in enumerate(g.patterns):
        for match in pattern.finditer(text):
            for atom in handler(match, text, g):
                atom.rank = rank
                found.append(atom)
                if atom.lo.day is not None:
                    found.extend(_chained(atom, text, g))
    return found


def _chained(atom: Atom, text: str, g: Grammar) -> list[Atom]:
    """Days listed after a day: "ngày 3/6, 7/6 và 15/6", "30/4-1/5 năm 2019"."""
    found: list[Atom] = []
    pos = atom.end
    written = text[atom.start:atom.end]
    chain = "chain_dash" if "-" in written and "/" not in written else "chain"  # "ngày 30-4 và 1-5"
    while (match := g.after(chain, text, pos)) and not g.after("fraction", text, match.end()):
        tail = {"year": int(match["y"])} if match["y"] else {}
        day, month = int(match["d"]), int(match["m"])
        if not valid_date(tail.get("year"), month, day):
            break
        last = match.groupdict().get("d2")
        hi = Point(month=month, day=int(last), **tail) if last else None
        lo = Point(month=month, day=day, **tail)
        found.append(Atom(match.start("item"), match.end(), lo, hi, rank=atom.rank))
        pos = match.end()
    return found


def _settle(found: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, the longest first (then pattern order), in text order."""
    return longest_first(found, tiebreak=lambda a: a.rank)


def _simple(atom: Atom) -> bool:
    return atom.hi is None and not atom.open_end and atom.term is None


def _share_years(atoms: list[Atom], text: str, g: Grammar) -> None:
    """A listed day or month without a year takes the next one's: "tháng 9, tháng 10 năm ngoái"."""
    for left, right in zip(reversed(atoms[:-1]), reversed(atoms[1:]), strict=True):
        if (_simple(left) and left.lo.yearless and left.lo.precision == right.lo.precision > 0
                and not right.lo.yearless and g.re["list_gap"].fullmatch(text, left.end, right.start)):
            left.lo = replace(left.lo, year=right.lo.year, offset=right.lo.offset)
            left.borrowed = True


def _sentence_year(atoms: list[Atom], text: str, g: Grammar) -> None:
    """"Năm 2016, ... 2 đợt lũ tháng 10 và tháng 11": a day or month without a year takes the year
    that opens its sentence ("Năm 2016," or "Trong năm 2016,"), not the article's."""
    for opener, atom in itertools.product(atoms, atoms):
        if not (_simple(opener) and opener.lo.year and opener.lo.precision == 0 and opener.end < atom.start
                and _simple(atom) and atom.lo.yearless and atom.tense == 0):
            continue
        opens = any(g.before(look, text, opener.start) for look in ("sentence_start", "within_opener"))
        if (opens and g.after("opener_comma", text, opener.end)
                and not _SENTENCE_END.search(text, opener.end, atom.start)):
            atom.lo = replace(atom.lo, year=opener.lo.year)
            atom.borrowed = True


def _repeated_months(atoms: list[Atom]) -> list[Atom]:
    """A bare "7 tháng" is the first 7 months the text named before it ("7 tháng qua", "7 tháng năm
    2023"), that year's; with none named before, it is a length of time, no date."""
    kept: list[Atom] = []
    for atom in atoms:
        if atom.repeats_months:
            named = next((a for a in reversed(kept) if not a.repeats_months and a.hi is not None
                          and a.lo.month == 1 and a.hi.month == atom.repeats_months and not a.open_end), None)
            if named is None:
                continue
            atom.lo, atom.hi, atom.months_back, atom.borrowed = named.lo, named.hi, named.months_back, True
        kept.append(atom)
    return kept


def _join_ranges(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """"30/4-1/5", "từ ngày 26/4 đến 9/5", "giai đoạn 2021 đến 2025": one interval from two points of
    the same precision."""
    joined: list[Atom] = []
    for atom in atoms:
        prev = joined[-1] if joined else None
        if (prev is not None and _simple(prev) and _simple(atom) and prev.lo.precision == atom.lo.precision
                and g.re["range_gap"].fullmatch(text, prev.end, atom.start)
                and (_DASH.search(text, prev.end, atom.start) or g.before("since_head", text, prev.start)
                     or g.before("period", text, prev.start))  # "giai đoạn 2021 đến 2025"
                and prev.lo.offset == atom.lo.offset and prev.lo.key() < atom.lo.key()):
            borrowed = prev.borrowed and atom.borrowed
            joined[-1] = Atom(prev.start, atom.end, prev.lo, atom.lo, borrowed=borrowed, rank=prev.rank)
        else:
            joined.append(atom)
    return joined


def _days_of_one_event(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """"Trong 2 ngày 21 và 22/7": N days listed after "N ngày", one after another, are one event's span."""
    joined: list[Atom] = []
    i = 0
    while i < len(atoms):
        first = atoms[i]
        count = _counted_days(first, text, g)
        days = atoms[i:i + count]
        if count >= 2 and len(days) == count and _one_after_another(days, text, g):
            joined.append(Atom(first.start, days[-1].end, first.lo, days[-1].lo, rank=first.rank))
            i += len(days)
        else:
            joined.append(first)
            i += 1
    return joined


def _counted_days(atom: Atom, text: str, g: Grammar) -> int:
    """N when the day is written "N ngày <day>" ("2 ngày 21 và 22/7", "hai ngày 2 và 3/6"), else 0."""
    if text[atom.start:atom.start + 4].casefold() != "ngày":
        return 0
    count = g.before("day_count", text, atom.start)
    if not count:
        return 0
    return int(count["n"]) if count["n"].isdigit() else g.numbers.get(casefold_words(count["n"]), 0)


def _one_after_another(days: list[Atom], text: str, g: Grammar) -> bool:
    """Whether listed days of one month follow each other: 21, 22 (and 23...)."""
    first = days[0]
    same_month = all(_simple(a) and a.lo.day is not None and (a.lo.month, a.lo.year, a.lo.offset)
                     == (first.lo.month, first.lo.year, first.lo.offset) for a in days)
    return same_month and all(b.lo.day == a.lo.day + 1 and g.re["list_gap"].fullmatch(text, a.end, b.start)
                              for a, b in itertools.pairwise(days))


def _open_since(atom: Atom, text: str, g: Grammar) -> None:
    """"từ năm 2016 đến nay", "Từ năm 2018, ...": open to the present, the span taking in both words.

    A year after "từ" with no end written is open too; a day or month after "từ" is when something
    began ("thành lập từ tháng 12/1960") unless "đến nay" follows, and so is a year after a verb of
    founding ("thành lập từ năm 1996").
    """
    head = g.before("since_head", text, atom.start) if _simple(atom) else None
    tail = g.after("since_tail", text, atom.end)
    if not head and _simple(atom) and atom.lo.day is not None and tail:
        head = g.before("since_event", text, atom.start, width=60)
        if head:
            atom.start, atom.end, atom.open_end = head.start(), tail.end(), True
        return
    if not head:
        return
    began = atom.lo.precision > 0 or g.before("founded", text, head.start())
    if not tail and (began or g.after("range_next", text, atom.end)):
        return
    atom.start, atom.end, atom.open_end = head.start(), tail.end() if tail else atom.end, True
    if atom.lo.precision == 0 and START_OF_YEAR.match(text, atom.start):
        atom.lo = replace(atom.lo, month=1)  # "từ đầu năm 2017 đến nay" starts in January


def _years_back_of_sentence(atoms: list[Atom], text: str) -> None:
    """"sơ kết 5 năm thực hiện ... giai đoạn 2016 - 2020": N years back take the sentence's N-year period.

    As in "Qua 5 năm (2016 - 2020)", the N years of a review are the period the sentence writes
    when its length fits (N years counted inclusively, or N years between its ends).
    """
    periods = [a for a in atoms if a.hi is not None and a.lo.year and a.hi.year and a.lo.precision == 0
               and a.hi.precision == 0 and not a.open_end]
    for atom in atoms:
        years = _years_back(atom)
        if not years:
            continue
        sentence = _SENTENCE_END.split(text[:atom.start])[-1], _SENTENCE_END.split(text[atom.end:])[0]
        lo, hi = atom.start - len(sentence[0]), atom.end + len(sentence[1])
        fits = [p for p in periods
                if lo <= p.start and p.end <= hi and p.hi.year - p.lo.year in (years - 1, years)]
        if fits:
            atom.lo, atom.hi, atom.borrowed = Point(fits[0].lo.year), Point(fits[0].hi.year), True


def _years_back(atom: Atom) -> int:
    """N for the N years up to the article's ("Qua 5 năm", "3 năm thực hiện"), else 0."""
    back = atom.hi is not None and atom.lo.year is None and atom.lo.offset and atom.hi.offset == 0
    return -atom.lo.offset if back and atom.term is None and not atom.months_back and atom.lo.offset else 0


def _years_since_issue(atoms: list[Atom], text: str, g: Grammar) -> None:
    """"3 năm thực hiện Chỉ thị 05": the N years a document has been carried out start in the year
    it was issued, written with it ("Quy định số 101-QĐ/TW ngày 07/6/2012") or one of the well-known
    documents of rules/dates.yml, and end in the article's year (`resolve`). The same N years said
    again later ("Qua 3 năm triển khai thực hiện, ...") are the same period."""
    issued: dict[int, int] = {}  # N -> the year of the document carried out for N years
    for i, atom in enumerate(atoms):
        years = _years_back(atom)
        if not years or atom.borrowed:
            continue  # a period its sentence writes ("giai đoạn 2016 - 2020") comes first
        gap = g.after("doing_gap", text, atom.end)
        pos = gap.end() if gap else atom.end
        known = g.after("issued_document", text, pos)
        year = g.document_years[known.lastgroup] if known else _issue_year(atoms[i + 1:], text, pos)
        if year is None:
            year = issued.get(years)
        else:
            issued[years] = year
        if year is not None:
            atom.lo, atom.hi, atom.since_issue, atom.borrowed = Point(year), Point(offset=0), years, True


def _issue_year(later: list[Atom], text: str, pos: int) -> int | None:
    """The year of a document named at `pos` when its date of issue follows it in the same sentence."""
    typed = directive_rules().patterns["type"].match(text, pos)
    if not typed or not text[pos].isupper() or not later:
        return None
    issued = later[0]
    written = issued.lo.year is not None and issued.lo.day is not None and issued.hi is None
    near = issued.start - pos <= ISSUE_DATE_WITHIN and not _SENTENCE_END.search(text, pos, issued.start)
    dated = text[issued.start:issued.start + 4].casefold() == "ngày"  # "ngày 07/6/2012", not "năm 2020"
    return issued.lo.year if written and near and dated else None


def _attach_time(atom: Atom, text: str, g: Grammar) -> None:
    """"23h50 ngày 23/4", "12/04/2021 - 06:35": a time of day written beside a day."""
    if not _simple(atom) or atom.lo.day is None or atom.lo.clock is not None:
        return
    before = g.before("time_before", text, atom.start, width=45)
    found = before or g.after("time_after", text, atom.end)
    if not found:
        return
    pm = g.pm.get(casefold_words(found["pod"]), atom.pm) if found["pod"] else atom.pm
    clock = clock_from(found["hh"], found["mi"], pm)
    if clock:
        atom.lo = replace(atom.lo, clock=clock)
        atom.start, atom.end = (found.start(), atom.end) if before else (atom.start, found.end())


def segment_atoms(text: str) -> list[Atom]:
    """The date atoms of one string, overlaps settled and joined with their neighbours."""
    g = grammar()
    # a lunar-calendar day or month ("mồng 10/3 Âm lịch") has no ISO form
    atoms = [a for a in _settle(find_atoms(text)) if a.lo.month is None or not g.after("lunar", text, a.end)]
    atoms = _repeated_months(atoms)
    _share_years(atoms, text, g)
    _sentence_year(atoms, text, g)
    atoms = _join_ranges(atoms, text, g)
    atoms = _days_of_one_event(atoms, text, g)
    _years_back_of_sentence(atoms, text)
    _years_since_issue(atoms, text, g)
    for atom in atoms:
        _open_since(atom, text, g)
        _attach_time(atom, text, g)
        if atom.explicit_term:
            atom.opens_term = g.before("term_opener", text, atom.start, width=160) is not None
        if atom.lo.year is not None and atom.lo.precision == 0:
            base = g.before("comparison", text, atom.start)
            atom.comparison = g.comparison[casefold_words(base["cw"])] if base else 0
            atom.target = g.before("target", text, atom.start) is not None
        tense = g.after("tense", text, atom.end) if atom.lo.yearless else None
        atom.tense = g.tense_after[casefold_words(tense["tw"])] if tense else atom.tense
    return atoms


def _published_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def current_term(ref_year: int | None, month: int, named: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The Party term running in the reference year, preferring one the article names."""
    if ref_year is None:
        return named[0] if named else None
    rules = grammar().party_term
    length = rules["length"]
    # a term ending this year gives way to the next one only once its congresses are over
    ending = ref_year - length if month < rules["new_term_month"] else ref_year
    containing = [t for t in named if t[0] <= ref_year <= t[1]]
    if containing:
        return next((t for t in containing if t[0] == ending), containing[0])
    start = ref_year - (ref_year - rules["anchor_year"]) % length
    start = ending if start == ref_year else start
    return (start, start + length)


def last_term(ref_year: int | None, current: tuple[int, int] | None) -> tuple[int, int] | None:
    """The latest Party term ending by the reference year ("nhiệm kỳ qua")."""
    if ref_year is None or current is None:
        return current
    length = current[1] - current[0]
    end = current[1] if current[1] <= ref_year else current[0]
    return (end - length, end)


def article_context(doc: ArticleDoc, atoms: list[Atom]) -> Context:
    """Reference year, publication date and current term of the whole article."""
    published = _published_date(doc.published)
    if published is None:
        meta = (parse_published(s.text) for s in doc.segments if s.field.startswith("meta"))
        published = _published_date(next((m for m in meta if m), None))
    ref_year = doc.reference_year or (published.year if published else None)
    near = published is not None and ref_year == published.year
    if ref_year is None:
        # no publication date: the latest day or month the article writes in full places its terms
        # both ends of "19/5/1890 – 19/5/2021" are written in full
        ends = [p for a in atoms if not a.borrowed for p in (a.lo, a.hi) if p is not None]
        written = [p.year for p in ends if p.year and p.precision > 0]
        ref_year = max(written) if written else _written_year(atoms) or _opened_term_year(atoms)
    named = [(a.lo.year, a.hi.year) for a in atoms if a.explicit_term and a.hi and a.lo.year and a.hi.year]
    term = current_term(ref_year, published.month if published else 1, named)
    # a congress of a dated article, held in the first year of the term it opens (an undated one takes
    # its year from that term, so cannot tell its congress from one it recalls)
    opened = next(((a.lo.year, a.hi.year) for a in atoms if a.opens_term and a.explicit_term and a.hi
                   and a.hi.year and a.lo.year == ref_year), None) if published else None
    if opened:  # a congress opening its term: "nhiệm kỳ qua" is the one it closes
        before = next((t for t in named if t[1] == opened[0] and t[0] < t[1]), None)
        return Context(ref_year, published, near, term,
                       before or (2 * opened[0] - opened[1], opened[0]), opened)
    return Context(ref_year, published, near, term, last_term(ref_year, term))


def _written_year(atoms: list[Atom]) -> int | None:
    """The year of an undated article that writes no full day or month: the latest year it names.

    Party terms ("nhiệm kỳ 2020-2025") and goals' horizons ("đến năm 2030") are not the article's
    year; a comparison base ("so với cùng kỳ năm 2020") is the year before it; a period counts by
    its last year ("giai đoạn 2016-2019").
    """
    own = [a for a in atoms if a.lo.year and not (a.borrowed or a.target or a.explicit_term)]
    written = [(a.hi.year if a.hi and a.hi.year else a.lo.year) + a.comparison for a in own]
    return max(written) if written else None


def _opened_term_year(atoms: list[Atom]) -> int | None:
    """The year of an undated article about a congress that opens a term: the term's first year."""
    opened = [a.lo.year for a in atoms if a.opens_term and a.lo.year]
    return min(opened) if opened else None


def _months_back(atom: Atom, ctx: Context) -> str | None:
    """"7 tháng qua" in an August article: January to July; in another month, the N months before it."""
    months = atom.months_back or 0
    if ctx.published is None or ctx.published.month in (months, months + 1):
        return None  # the first N months of the article's year, as written in the atom
    end = ctx.published.year * 12 + ctx.published.month - 2  # the month before publication, 0-based
    start = end - months + 1
    first, last = (f"{m // 12:04d}-{m % 12 + 1:02d}" for m in (start, end))
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
    if ctx.near_published and ctx.published and point.month:
        gap = (dt.date(year, point.month, min(point.day or 1, 28)) - ctx.published).days
        if tense < 0 or gap > LATER_THAN_PUBLISHED_DAYS:
            year -= gap > 0
        elif tense > 0 or gap < -EARLIER_THAN_PUBLISHED_DAYS:
            year += gap < (-PUBLISHING_LAG_DAYS if tense > 0 else -EARLIER_THAN_PUBLISHED_DAYS)
    return year, True


def resolve(atom: Atom, ctx: Context) -> tuple[str, bool] | None:
    """ISO value and `inferred` of an atom in its article, or None when it cannot be dated."""
    if atom.term is not None:
        base = ctx.last_term if atom.term_ended else ctx.term
        if base is None:
            return None
        length = base[1] - base[0]
        start = base[0] + atom.term * length
        if ctx.opened and atom.term > 0 and not atom.term_ended:
            # at a congress opening its term, "nhiệm kỳ tới" is that term
            length = ctx.opened[1] - ctx.opened[0]
            start = ctx.opened[0] + (atom.term - 1) * length
        return (f"{start}/.." if atom.open_end else f"{start}/{start + length}"), True
    if atom.since_issue and atom.lo.year is not None:
        first, ref, years = atom.lo.year, ctx.ref_year, atom.since_issue
        # N years counted in calendar years or in whole years: "10 năm thực hiện" a 2016 document runs
        # to a 2025 or 2026 article's year; an article of another year looks back at N years from the issue
        last = ref if ref and first + years - 1 <= ref <= first + years else first + years
        return f"{first}/{last}", True
    if atom.months_back and (rolling := _months_back(atom, ctx)):
        return rolling, True
    lo = _year_of(atom.lo, ctx, atom.tense)
    if lo is None:
        return None
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
    found = [(segment, segment_atoms(segment.text)) for segment in doc.segments]
    ctx = article_context(doc, [a for _, atoms in found for a in atoms])
    mentions = []
    for segment, atoms in found:
        for atom in atoms:
            resolved = resolve(atom, ctx)
            if resolved:
                attrs = {"value": resolved[0], "inferred": resolved[1]}
                mentions.append(Mention("DATE", atom.start, atom.end, segment.text[atom.start:atom.end],
                                        field=segment.field, attrs=attrs))
    return mentions


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
    layer=0, rank=1, colour="#bfe1d9", rules="dates",
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
