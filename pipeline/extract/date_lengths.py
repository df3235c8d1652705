"""Lengths of years that are dates: "Qua 5 năm", "3 năm thực hiện Chỉ thị 05", "Hơn bảy mươi năm qua".

`datetime_parse` reads them as N years back from the article's year; here each is tied to what the
text makes its period: the N-year period its sentence writes, the year the document carried out was
issued, or (hedged, "hơn/gần/khoảng N năm") the last year written before it in its paragraph.
"""

from __future__ import annotations

import regex

from pipeline.datetime_parse import Atom, Grammar, Point
from pipeline.extract.directive_grammar import rules as directive_rules

_SENTENCE_END = regex.compile(r"[.!?;](?=\s)|\n")
ISSUE_DATE_WITHIN = 90  # characters from a document's type word to its date of issue ("ngày 07/6/2012")
# "hơn 5 năm" from an anchor reaches up to this many years (or a tenth of N) past N: writers round down.
HEDGE_SLACK_YEARS = 2
FRAMED = "framed"  # the hedge of "Sau 5 năm", "Bình quân 2 năm": a date only in a sentence with such a period


def simple(atom: Atom) -> bool:
    """A single point in time: no interval, no open end, no Party term."""
    return atom.hi is None and not atom.open_end and atom.term is None


def years_back_of_sentence(atoms: list[Atom], text: str) -> None:
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


def years_since_issue(atoms: list[Atom], text: str, g: Grammar) -> None:
    """"3 năm thực hiện Chỉ thị 05": the N years a document has been carried out start in the year
    it was issued, written with it ("Quy định số 101-QĐ/TW ngày 07/6/2012") or one of the well-known
    documents of rules/dates.yml, and end in the article's year (`resolve`). The same N years said
    again later ("Qua 3 năm triển khai thực hiện, ...") are the same period."""
    issued: dict[int, int] = {}  # N -> the year of the document carried out for N years
    for i, atom in enumerate(atoms):
        years = _years_back(atom)
        if not years or atom.borrowed or atom.hedge == FRAMED:
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


def anchor_hedged(atoms: list[Atom], text: str) -> list[Atom]:
    """"Năm 1949 ... Hơn bảy mươi năm qua": hedged years with no period or document run from the last
    year written before them in the paragraph, open to the present; with no anchor they are no date."""
    kept: list[Atom] = []
    for atom in atoms:
        if atom.hedge == FRAMED and not atom.borrowed:
            continue  # "Sau 5 năm, ..." with no period that long in its sentence
        if atom.hedge and not atom.borrowed:
            paragraph_start = text.rfind("\n", 0, atom.start) + 1
            earlier = [a for a in kept if a.start >= paragraph_start and simple(a) and a.lo.year is not None
                       and not a.borrowed and not a.since_issue]
            if not earlier:
                continue
            years = _years_back(atom)
            atom.lo, atom.hi, atom.open_end = Point(earlier[-1].lo.year), None, True
            atom.since_issue, atom.borrowed = years, True
        kept.append(atom)
    return kept


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


def hedged_since(atom: Atom, ref_year: int | None) -> tuple[str, bool] | None:
    """Hedged years from their anchor to the article's year, when within the hedge's reach of N years."""
    first, years = atom.lo.year or 0, atom.since_issue
    if ref_year is None:  # an undated page knows no end but the present
        return (f"{first}/..", True) if atom.open_end else None
    gap, slack = ref_year - first, max(HEDGE_SLACK_YEARS, years // 10)
    low, high = {"more": (years, years + slack), "less": (years - slack, years)}.get(
        atom.hedge or "", (years - slack, years + slack))
    if not low <= gap <= high:
        return None
    return (f"{first}/.." if atom.open_end else f"{first}/{ref_year}"), True
