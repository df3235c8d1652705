"""Years a text counts: "trong hai năm 2019 và 2020", "Qua 5 năm (2016 - 2020)", the N years a
document has been carried out since its issue, and a bare "5 năm" said again.

`pipeline.extract.date_segments` settles a segment's atoms and calls these on them in turn.
"""

from __future__ import annotations

import functools
import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

import regex

from pipeline.datetime_parse import Atom, Grammar, Point, alternation, date_rules
from pipeline.extract.directive_grammar import rules as directive_rules
from pipeline.text import casefold_words

SENTENCE_END = regex.compile(r"[.!?;](?=\s)|\n")
# What may stand before a year that opens its sentence: spaces, a bullet, "Trong"/"Qua"/"Vào"
_SENTENCE_OPENER = regex.compile(r"[\s\-–+•*/]*(?:(?i:trong|qua|vào|suốt)\s+)?")
ISSUE_DATE_WITHIN = 90  # characters from a document's type word to its date of issue ("ngày 07/6/2012")
# a document's number ending right before its date of issue: "số 04/2021/TT-TTCP ngày", "01-KH/HNDX, ngày"
_NUMBER_BEFORE = regex.compile(r"\d[\p{L}\d/.\-–&]*[^\S\n]*,?[^\S\n]*\Z")


class SentenceStarts:
    """Where the sentence holding a position of one text begins. The text's sentence ends are found once,
    at the first question, not again from its start for each atom that asks."""

    def __init__(self, text: str):
        self.text = text
        self._ends: list[int] | None = None
        self._breaks: frozenset[int] = frozenset()  # the ends that are line breaks

    def __call__(self, pos: int) -> int:
        """The end of the last sentence end of `text[:pos]` (a stop counts only when the space after it
        is before `pos` too), else 0."""
        if self._ends is None:
            found = list(SENTENCE_END.finditer(self.text))
            self._ends = [m.end() for m in found]
            self._breaks = frozenset(m.end() for m in found if m.group() == "\n")
        i = bisect_right(self._ends, pos) - 1
        if i >= 0 and self._ends[i] == pos and pos not in self._breaks:
            i -= 1  # "... năm 2020.| Sau 5 năm": the stop's space lies past `pos`
        return self._ends[i] if i >= 0 else 0


def one_point(atom: Atom) -> bool:
    """Whether the atom names one point: no range, not open to the present, no term."""
    return atom.hi is None and not atom.open_end and atom.term is None


def count_before(text: str, start: int, g: Grammar) -> tuple[int, int] | None:
    """Where a count written right before `start` begins, and its value ("2 ngày", "hai năm")."""
    count = g.before("day_count", text, start)
    if not count:
        return None
    value = int(count["n"]) if count["n"].isdigit() else g.numbers.get(casefold_words(count["n"]), 0)
    return count.start(), value


def years_of_one_count(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """"Trong hai năm 2019 và 2020": N years listed one after another after "N năm" are one period."""
    joined: list[Atom] = []
    i = 0
    while i < len(atoms):
        first = atoms[i]
        said = text[first.start:first.start + 3].casefold() == "năm"  # "hai năm 2019", not "hai 2019"
        count = count_before(text, first.start, g) if said else None
        run = atoms[i:i + count[1]] if count and count[1] >= 2 else []
        if (run and len(run) == count[1]
                and all(one_point(a) and a.lo.precision == 0 and a.lo.year == first.lo.year + k
                        for k, a in enumerate(run))
                and all(g.re["list_gap"].fullmatch(text, a.end, b.start)
                        for a, b in itertools.pairwise(run))):
            joined.append(Atom(count[0], run[-1].end, first.lo, run[-1].lo, rank=first.rank))
            i += len(run)
        else:
            joined.append(first)
            i += 1
    return joined


def years_back_of_sentence(atoms: list[Atom], text: str, starts: SentenceStarts) -> None:
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
        after = SENTENCE_END.search(text, atom.end)
        lo, hi = starts(atom.start), after.start() if after else len(text)
        fits = [p for p in periods
                if lo <= p.start and p.end <= hi and p.hi.year - p.lo.year in (years - 1, years)]
        if fits:
            atom.lo, atom.hi, atom.borrowed = Point(fits[0].lo.year), Point(fits[0].hi.year), True
            atom.reviews_years = years
        elif _review().match(text, atom.start) and (
                frame := _sentence_opening_year(atoms, text, lo, atom.start)):
            # "Trong 2018 Hội tổ chức tổng kết 10 năm ...": the N years end in the year the sentence
            # opens with, when it was reviewed, not in the article's (an article of January 2019)
            atom.lo, atom.hi, atom.borrowed = Point(frame - years), Point(frame), True


@functools.cache
def _review() -> regex.Pattern:
    """A review's N years ("tổng kết 10 năm"): the years_back_before heads marked `held`."""
    held = [e["term"] for e in date_rules()["years_back_before"] if e.get("held")]
    return regex.compile(rf"{alternation(held, spaces='any')}(?!\p{{L}})", regex.IGNORECASE)


def _sentence_opening_year(atoms: list[Atom], text: str, start: int, end: int) -> int | None:
    """The single year a sentence opens with, before `end` ("Năm 2018, ...", "Trong năm 2018 ..."): the
    time frame of everything the sentence tells."""
    for a in atoms:
        if start <= a.start < end and a.lo.year and a.lo.precision == 0 and a.hi is None and not a.open_end:
            return a.lo.year if _SENTENCE_OPENER.fullmatch(text, start, a.start) else None
    return None


def _years_back(atom: Atom) -> int:
    """N for the N years up to the article's ("Qua 5 năm", "3 năm thực hiện"), else 0."""
    back = atom.hi is not None and atom.lo.year is None and atom.lo.offset and atom.hi.offset == 0
    counted = back and atom.term is None and not atom.months_back and not atom.repeats_years
    return -atom.lo.offset if counted and atom.lo.offset else 0


def repeated_years(atoms: list[Atom], body: Sequence[Atom] = ()) -> list[Atom]:
    """A bare "5 năm" is the 5 years the text counted before it ("tổng kết 10 năm thực hiện cuộc vận
    động ..., 10 năm Chương trình ..."), or a headline's those its article's `body` counts; with
    none, it is a length of time, no date."""
    kept: list[Atom] = []
    for atom in atoms:
        if atom.repeats_years:
            n = atom.repeats_years
            named = next((a for a in reversed(kept) if a.counted_years == n), None)
            named = named or next((a for a in body if a.counted_years == n), None)
            if named is None:
                continue
            atom = replace(named, start=atom.start, end=atom.end, rank=atom.rank, borrowed=True)
        kept.append(atom)
    return kept


def years_after_written_year(atoms: list[Atom], text: str, g: Grammar, body: Sequence[Atom],
                             starts: SentenceStarts) -> None:
    """"... thực hiện từ năm 2020. Sau 5 năm, ...": a bare "Sau N năm," opening its sentence, where the
    text counted no N years before, is the N years after the one year the sentence before it writes
    (a start told just before: a founding day, "từ năm 2020"); with none, or two, it stays a length."""
    counted = {a.counted_years for a in [*atoms, *body] if a.counted_years}
    for atom in atoms:
        n = atom.repeats_years
        opening = g.before("after_opening", text, atom.start) if n and n not in counted else None
        if not opening or not g.after("clause_comma", text, atom.end):
            continue
        first = starts(opening.start())  # where the sentence before begins
        # a term, a goal's year, a comparison base or a birth is no start the years count from
        told = [a for a in atoms if first <= a.start and a.end <= opening.start() and a.term is None
                and not a.target and not any(g.before(cue, text, a.start) for cue in ("comparison", "born"))]
        years = {p.year for a in told for p in (a.lo, a.hi) if p is not None and p.year}
        if len(years) == 1:
            year = years.pop()
            head = len(opening[0]) - len(opening[0].lstrip(".!?:;\n \t\xa0"))
            atom.start, atom.lo, atom.hi = opening.start() + head, Point(year), Point(year + n)
            atom.repeats_years, atom.counted_years, atom.borrowed = 0, n, True


def years_since_issue(atoms: list[Atom], text: str, g: Grammar) -> None:
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
    near = issued.start - pos <= ISSUE_DATE_WITHIN and not SENTENCE_END.search(text, pos, issued.start)
    dated = text[issued.start:issued.start + 4].casefold() == "ngày"  # "ngày 07/6/2012", not "năm 2020"
    return issued.lo.year if written and near and dated else None


def issue_day(atom: Atom, text: str) -> bool:
    """Whether a day written in full is the date of issue of a numbered document named right before it
    ("Căn cứ Thông tư số 04/2021/TT-TTCP ngày 01/10/2021", "Kế hoạch số 01-KH/HNDX, ngày 01/11/2024"):
    a day the page cites, which places the page no later than it."""
    full_day = atom.lo.day is not None and atom.lo.year is not None and atom.hi is None
    if not full_day or text[atom.start : atom.start + 4].casefold() != "ngày":
        return False
    if not _NUMBER_BEFORE.search(text, max(0, atom.start - 40), atom.start):
        return False
    window = text[max(0, atom.start - ISSUE_DATE_WITHIN) : atom.start]
    typed = list(directive_rules().patterns["type"].finditer(window))
    return bool(typed) and not SENTENCE_END.search(window, typed[-1].end())
