"""What an article's dates are read against: its reference year, publication date and Party terms.

A date without a year of its own is placed by `kinds.dates.resolve` against this context. A dated article's
year is its publication's; an undated one's is read off the dates it writes: the latest day or month in full,
else the latest year that may be its own (not a term, a goal, a birth or a comparison base), moved by a
congress opening its term, a review of N years, an anniversary's age, a same-period comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.clean.published import parse_published
from pipeline.datetime_parse import Atom, grammar
from pipeline.extract.document import ArticleDoc

# Days written in full no later than this month of a review's plan year still place it at the turn
# of the year ("trước ngày 10/01/2026" in a review of 2025 asking for reports).
EARLY_MONTHS = 3


@dataclass(frozen=True)
class Context:
    """What a date without its own year needs from the article."""

    ref_year: int | None
    published: dt.date | None
    near_published: bool  # the reference year is the publication year: pick the nearest year
    term: tuple[int, int] | None  # the current Party term
    last_term: tuple[int, int] | None  # the last one that has ended by the reference year
    opened: tuple[int, int] | None = None  # the term the article's congress opens this year
    reported: tuple[int, int] | None = None  # the term it reports on ("Trong nhiệm kỳ, ...")
    turn: dt.date | None = None  # an undated year-end review's New Year, in place of a publication date
    written: frozenset[int] = frozenset()  # the years the article writes out
    now_unknown: bool = False  # an undated page writing a year of its own past the one its days give
    crossed: bool = False  # an undated page within a span across the New Year: its ref_year is the second


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


def closed_by(year: int) -> tuple[int, int]:
    """The term of the usual length that ends in the given year."""
    return (year - grammar().party_term["length"], year)


def article_context(doc: ArticleDoc, atoms: list[Atom]) -> Context:
    """Reference year, publication date and current term of the whole article."""
    published, turn = _published_date(doc.published), None
    if published is None:
        meta = (parse_published(s.text) for s in doc.segments if s.field.startswith("meta"))
        published = _published_date(next((m for m in meta if m), None))
    ref_year = doc.reference_year or (published.year if published else None)
    near = published is not None and ref_year == published.year
    day_dated = published is not None  # dated by its publication, or by a day it writes in full
    now_unknown = crossed = False
    if ref_year is None:
        # no publication date: the latest day or month the article writes in full places its terms
        # both ends of "19/5/1890 – 19/5/2021" are written in full
        told = [a for a in atoms if not (a.borrowed or a.born)]
        ends = [p for a in told for p in (a.lo, a.hi) if p is not None]
        written = [p.year for p in ends if p.year and p.precision > 0]
        own = _written_year([a for a in atoms if not a.plan])  # a plan's year is not yet the page's
        cited = max(written) if _cited_days_only(told, written, own) else None
        if cited:
            ends, written = [], []
        # a congress opening its term is held in that term's first year, after the years its report names
        years = [y for y in (_written_year(atoms), _opened_term_year(atoms), _reviewed_term_year(atoms),
                             _review_year(atoms)) if y]
        ref_year, day_dated = (max(written) if written else max(years, default=None)), bool(written)
        ref_year = _anniversary_year(doc, atoms, ref_year)
        ref_year = _after_same_period(atoms, ref_year)
        # a page citing a document of 2011 and naming its own 2013 was written in 2013 or later: its now
        # is unknown all the same, though that year places its yearless days
        now_unknown = later_year_written(cited or ref_year, own) and bool(cited or day_dated)
        # a review dated only by days early in its plan year ("trước ngày 10/01/2026") is at its turn too
        early = all(p.month and p.month <= EARLY_MONTHS for p in ends
                    if p.year == ref_year and p.precision > 0)
        turn = _turn_of_year(atoms) if ref_year and early else None
        # the plan year, a yearless day late in the year the reviewed year's ("Ngày 30/12")
        near = turn is not None and ref_year == turn.year
        crossed = not written and turn is None and _crosses_new_year(atoms, ref_year)
    named = [(a.lo.year, a.hi.year) for a in atoms if a.explicit_term and a.hi and a.lo.year and a.hi.year]
    term = current_term(ref_year, published.month if published else 1, named)
    # a congress of an article dated by a day, held in the first year of the term it opens (one dated
    # by no day takes its year from that term, so cannot tell its congress from one it recalls)
    opened = next(((a.lo.year, a.hi.year) for a in atoms if a.opens_term and a.explicit_term and a.hi
                   and a.hi.year and a.lo.year == ref_year), None) if day_dated else None
    if opened:  # a congress opening its term: "nhiệm kỳ qua" is the one it closes
        before = next((t for t in named if t[1] == opened[0] and t[0] < t[1]), None)
        closed = before or (2 * opened[0] - opened[1], opened[0])
        return Context(ref_year, published, near, term, closed, opened, closed, now_unknown=now_unknown)
    # "nhiệm kỳ qua" in a dated article naming no term: the term it closes ends in its year (the Party's
    # calendar does not place another body's terms: a 2023 article's "nhiệm kỳ vừa qua" is 2018-2023)
    last = last_term(ref_year, term) if named or published is None else closed_by(published.year)
    # a congress (an undated one too) reports on the term it closes; any other article on the current one
    congress = any(a.opens_term and a.explicit_term for a in atoms)
    return Context(ref_year, published, near, term, last, reported=last if congress else term, turn=turn,
                   now_unknown=now_unknown, crossed=crossed)


def later_year_written(ref_year: int | None, own_year: int | None) -> bool:
    """Whether an undated page placed by the days it writes (`ref_year`) also writes a year of its own
    past the next one ("ngày 14/1/2011" and "Hiến pháp năm 2013"): it was written then or later, so its
    "now" is unknown (its days still place its yearless days, told near them). The next year is no
    such sign: a meeting late in a year sets the next one's tasks ("ngày 2/12/2023 ... nhiệm vụ, giải
    pháp trọng tâm năm 2024")."""
    return ref_year is not None and own_year is not None and own_year > ref_year + 1


def _cited_days_only(told: list[Atom], written: list[int], own: int | None) -> bool:
    """Whether an undated page's only days are the issue days of documents it cites ("Căn cứ Thông tư
    số 04/2021/TT-TTCP ngày 01/10/2021") and it names a later year of its own ("lịch tiếp công dân năm
    2025"): a document is issued before the page that cites it, so the page's own year places it."""
    days = [a for a in told if a.lo.precision > 0 and a.lo.year]
    return bool(days) and all(a.issued for a in days) and own is not None and own > max(written)


def counted_to_now(atom: Atom) -> bool:
    """Whether the atom is a span of years counted back to the article's now ("10 năm trở lại đây",
    "5 năm qua"), not placed by a document's issue or a period its sentence writes."""
    lo, hi = atom.lo, atom.hi
    return (hi is not None and lo.offset is not None and lo.offset < 0 and hi.offset == 0
            and atom.term is None and not atom.borrowed and not atom.since_issue)


def _written_year(atoms: list[Atom]) -> int | None:
    """The year of an undated article that writes no full day or month: the latest year it names.

    Party terms ("nhiệm kỳ 2020-2025"), goals' horizons ("đến năm 2030") and births ("SN 1997") are
    not the article's year; a comparison base ("so với cùng kỳ năm 2020") is the year before it; a
    period counts by its last year ("giai đoạn 2016-2019"), if it is no longer than a Party term.
    """
    own = _own_years(atoms)
    single = {a.lo.year for a in own if not (a.hi and a.hi.year)}
    # ...unless a year it names alone lies inside it: the article is within a programme's period
    # ("năm 2024" beside "Đề án ... giai đoạn 2023-2026"), not at its end
    written = [(a.hi.year if a.hi and a.hi.year else a.lo.year) + a.comparison for a in own
               if not (a.hi and a.hi.year and any(a.lo.year <= y < a.hi.year for y in single))
               and not _longer_than_a_term(a)]
    return max(written) if written else None


def _longer_than_a_term(atom: Atom) -> bool:
    """Whether the atom is a period of years longer than a Party term ("Đề án ... giai đoạn 2017 -
    2027", "1802-1820"): a strategy's horizon or a stretch of history, whose last year is not when a
    page is written (a term-long period's is: its review, "giai đoạn 2016 - 2020")."""
    hi = atom.hi.year if atom.hi else None
    return hi is not None and atom.lo.year is not None and hi - atom.lo.year > grammar().party_term["length"]


def _reviewed_term_year(atoms: list[Atom]) -> int | None:
    """An undated article whose only years are comparison bases ("so với năm 2004") but which names a
    Party term ("nhiệm kỳ 2010 - 2015"): a base only bounds the year from below, the term's last year
    (the review at its end) places it better."""
    own = _own_years(atoms)
    if not own or not all(a.comparison for a in own):
        return None
    terms = [a.hi.year for a in atoms if a.explicit_term and a.hi and a.hi.year and not a.target]
    return max(terms, default=None)


def _review_year(atoms: list[Atom]) -> int | None:
    """An undated article reviewing N years of a period its sentence writes ("sơ kết 5 năm thực hiện
    ... giai đoạn 2016 - 2020", "tổng kết 5 năm ... giai đoạn 2016 - 2021") is held N years after the
    period's first year, when the N years are over: the period's last year may be its last working
    year (2020) or the year the review closes it (2021)."""
    return max((a.lo.year + a.reviews_years for a in atoms if a.reviews_years and a.lo.year), default=None)


def _anniversary_year(doc: ArticleDoc, atoms: list[Atom], year: int | None) -> int | None:
    """An undated anniversary article ("kỷ niệm 45 năm ngày thành lập Hội" of a Hội "thành lập vào ngày
    8/3/1974") is in its founding year plus the age, when that is later than any year it writes."""
    ages = [int(m["n"]) for s in doc.segments for m in grammar().re["age"].finditer(s.text)]
    first = min((a.lo.year for a in atoms if a.founding and a.lo.year), default=None)
    later = [first + n for n in ages if first and 1 <= n <= 150 and (year is None or first + n > year)]
    return max(later) if later else year


def _after_same_period(atoms: list[Atom], year: int | None) -> int | None:
    """An undated page comparing with the same period of a year ("tăng 6,98% so với cùng kỳ 2018")
    reports on a later year, even where it writes a day or month of that base year ("điều chỉnh tăng
    trưởng 9 tháng năm 2018 xuống còn 6,96%"): its year is at least the base's plus one."""
    bases = [a.lo.year + a.comparison for a in atoms if a.same_period and a.lo.year and not a.borrowed]
    return max([year, *bases]) if bases and year is not None else year


def _own_years(atoms: list[Atom]) -> list[Atom]:
    """The atoms whose year may be the article's: not a term, a goal, a birth or a borrowed year."""
    return [a for a in atoms if a.lo.year and not (a.borrowed or a.target or a.explicit_term or a.born)]


def _turn_of_year(atoms: list[Atom]) -> dt.date | None:
    """An undated article whose latest year is only a plan's ("triển khai nhiệm vụ năm 2025"), right
    after a year it names as its own ("tổng kết năm 2024"): a review of the year, held late in it or
    in the plan year, so its yearless days fall around that New Year. The plan year's first day."""
    own = [a for a in _own_years(atoms) if a.lo.precision == 0 and not a.hi and not a.comparison]
    plans = {a.lo.year for a in own if a.plan}
    others = {a.lo.year for a in own if not a.plan}
    year = max(plans, default=None)
    if year is None or (others and max(others) >= year) or year - 1 not in others:
        return None
    return dt.date(year, 1, 1)


def _crosses_new_year(atoms: list[Atom], year: int | None) -> bool:
    """Whether an undated page's latest year is only the second of a span of two it writes as one
    ("khai giảng năm học mới 2023 – 2024", "Vụ Đông xuân 2017 - 2018 sắp tới"), never alone: a school
    year or a season across the New Year, so its yearless days fall on either side of that New Year."""
    own = _own_years(atoms)
    spans = any(a.hi and a.hi.year == year and a.lo.year == year - 1 for a in own) if year else False
    return spans and not any(a.lo.year == year and not (a.hi and a.hi.year) for a in own)


def _opened_term_year(atoms: list[Atom]) -> int | None:
    """The year of an undated article about a congress that opens a term: the first year of the first
    such term it names (its own congress; one it recalls later, "Đại hội nhiệm kỳ 2015-2020", is older)."""
    return next((a.lo.year for a in atoms if a.opens_term and a.lo.year), None)
