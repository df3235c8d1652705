"""A segment's date atoms: the patterns' atoms with overlaps settled and neighbours joined.

A year shared along a list, "từ A đến B" ranges, "từ năm 2016 đến nay", the year opening a
sentence, N months said again, the years a text counts (`pipeline.extract.date_counts`), a time of
day beside a day. The atoms are placed in their article by `pipeline.extract.kinds.dates`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import replace

import regex

from pipeline.datetime_parse import (
    DASHES,
    Atom,
    Grammar,
    Point,
    clock_from,
    grammar,
    valid_date,
)
from pipeline.extract.date_counts import (
    SENTENCE_END,
    SentenceStarts,
    count_before,
    issue_day,
    one_point,
    repeated_years,
    years_after_written_year,
    years_back_of_sentence,
    years_of_one_count,
    years_since_issue,
)
from pipeline.text import casefold_words, eth_as_dj, longest_first

_DASH = regex.compile(DASHES)
# a month that opens its clause ("Trong tháng 10-2012, du khách ...", "cho biết, tháng 6, CPI ..."):
# the month a report is about, whose year to date a bare "10 tháng" then is; not one inside a clause
# ("năm tài chính kết thúc vào tháng 3/2021")
REPORT_MONTH = regex.compile(r"(?:^|[.,;:!?\n]|(?<![\p{L}])(?i:trong))[^\S\n]*$")
TO_MONTH = regex.compile(r"[^\S\n]+(?:đến|tới)(?:[^\S\n]+hết)?[^\S\n]+", regex.IGNORECASE)  # "... đến hết "
START_OF_YEAR = regex.compile(r"(?:kể\s+|tính\s+)?từ\s+đầu\s+năm", regex.IGNORECASE)
_BARE_DAY = regex.compile(r"ngày\s+\d{1,2}", regex.IGNORECASE)  # a listed day whose month comes later
# how far after a bare "9 tháng" the year's remaining months may be named to pair with it (", triển
# khai nhiệm vụ những tháng cuối năm 2020" is 43 characters)
REST_OF_YEAR_WITHIN = 60
_DAYS_BRACKET = regex.compile(r"ngày\s*\(\s*", regex.IGNORECASE)  # "2 ngày (14 và 15/11)": days in brackets


def find_atoms(text: str) -> list[Atom]:
    """Every pattern's atoms in one string, with days listed after a day, overlaps not yet settled."""
    g = grammar()
    found: list[Atom] = []
    # the count-led patterns are tried only where a count and its unit start (found once): scanning
    # every position of the text with each of them cost more than all their matches
    count_starts = _count_starts(text, g)
    for rank, (pattern, handler) in enumerate(g.patterns):
        # a day this pattern already chained after an earlier one would chain the same days again
        # (quadratic on a long list: "ngày 1-1-" a thousand times)
        chained: set[tuple[int, int]] = set()
        matches = _matches_at(pattern, text, count_starts) if rank in g.count_led else pattern.finditer(text)
        for match in matches:
            for atom in handler(match, text, g):
                atom.rank = rank
                found.append(atom)
                if atom.lo.day is not None and (atom.start, atom.end) not in chained:
                    listed = _chained(atom, text, g)
                    chained.update((a.start, a.end) for a in listed)
                    found.extend(listed)
                elif _month_of_year(atom) and (atom.start, atom.end) not in chained:
                    listed = _chained_months(atom, text, g)
                    chained.update((a.start, a.end) for a in listed)
                    found.extend(listed)
    return found


def _count_starts(text: str, g: Grammar) -> list[int]:
    """Every place a count and its unit start, looked for only in the few words before each unit:
    trying every place of a long text cost more than the count-led patterns saved."""
    found: set[int] = set()
    for unit in g.count_unit.finditer(text):
        # a count's spaces come right before its unit ("5năm" has none): a failed reversed search would
        # try every place back to the text's start
        if text[unit.start() - 1 : unit.start()].isspace() and (
            reach := g.count_reach.search(text, 0, unit.start())
        ):
            found.update(m.start() for m in g.count_start.finditer(text, reach.start(), unit.end()))
    return sorted(found)


def _matches_at(pattern: regex.Pattern, text: str, starts: list[int]) -> Iterator[regex.Match]:
    """`pattern.finditer(text)` when it can only start at `starts`: the first match at each start
    not inside the match before."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def _month_of_year(atom: Atom) -> bool:
    """A single month with its year written (or borrowed from the list it closes)."""
    return atom.hi is None and atom.lo.day is None and atom.lo.month is not None and atom.lo.year is not None


def _chained_months(atom: Atom, text: str, g: Grammar) -> list[Atom]:
    """Months with their years listed after one: "tháng 11, 12/2021 và 1/2022" (a bare "1/2022" alone
    may be a ratio; after a listed month it is the next one)."""
    found: list[Atom] = []
    pos = atom.end
    while (match := g.after("chain_month", text, pos)) and not g.after("fraction", text, match.end()):
        month = Point(year=int(match["y"]), month=int(match["m"]))
        found.append(Atom(match.start("item"), match.end(), month, rank=atom.rank))
        pos = match.end()
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


def _share_years(atoms: list[Atom], text: str, g: Grammar) -> None:
    """A listed day or month without a year takes the next one's: "tháng 9, tháng 10 năm ngoái"."""
    for left, right in zip(reversed(atoms[:-1]), reversed(atoms[1:]), strict=True):
        if (one_point(left) and left.lo.yearless and left.lo.precision == right.lo.precision > 0
                and not right.lo.yearless and g.re["list_gap"].fullmatch(text, left.end, right.start)):
            left.lo = replace(left.lo, year=right.lo.year, offset=right.lo.offset)
            left.borrowed = True


def _sentence_year(atoms: list[Atom], text: str, g: Grammar) -> None:
    """"Năm 2016, ... 2 đợt lũ tháng 10 và tháng 11": a day or month without a year takes the year
    that opens its sentence ("Năm 2016," or "Trong năm 2016,"), not the article's; a year opening its
    paragraph frames the paragraph's later sentences too, up to the next year it writes."""
    for opener, atom in itertools.product(atoms, atoms):
        if not (one_point(opener) and opener.lo.year and opener.lo.precision == 0 and opener.end < atom.start
                and one_point(atom) and atom.lo.yearless and atom.tense == 0):
            continue
        opens = any(g.before(look, text, opener.start) for look in ("sentence_start", "within_opener"))
        if (opens and g.after("opener_comma", text, opener.end)
                and (not SENTENCE_END.search(text, opener.end, atom.start)
                     or _frames_paragraph(atoms, opener, atom, text, g))):
            atom.lo = replace(atom.lo, year=opener.lo.year)
            atom.borrowed = True


def _frames_paragraph(atoms: list[Atom], opener: Atom, atom: Atom, text: str, g: Grammar) -> bool:
    """"Trong năm 2022, nguồn cung ... tăng 2% so với năm 2021. Theo đó, ngay từ tháng 2, ...": a year
    opening its paragraph, with no other year written before the atom (a comparison base aside) and
    the atom in the same paragraph, is the year of the paragraph's yearless days and months (not of one
    told from the publication, "ngày 5/3 vừa qua")."""
    if (not g.before("paragraph_opener", text, opener.start) or "\n" in text[opener.end:atom.start]
            or g.after("tense", text, atom.end)):
        return False
    return not any(other.lo.year and not other.borrowed and opener.end <= other.start < atom.start
                   and not g.before("comparison", text, other.start) for other in atoms)


def _sentence_month(atoms: list[Atom], text: str) -> list[Atom]:
    """"IIP tháng 3 năm 2021 tăng 28,7% so với tháng trước": a relative month counts from the month its
    sentence names before it, not from the publication month; across a year end only from a written year."""
    kept: list[Atom] = []
    for atom in atoms:
        base = None if atom.month_offset is None else next(
            (a for a in reversed(kept) if one_point(a) and a.lo.precision == 1 and a.month_offset is None
             and not SENTENCE_END.search(text, a.end, atom.start)), None)
        if base is not None:
            month = base.lo.month + atom.month_offset
            if not (1 <= month <= 12 or base.lo.year):
                continue  # "tháng 1 ... so với tháng trước": December of a year the article leaves open
            year = base.lo.year + (month - 1) // 12 if base.lo.year else None
            atom.lo = replace(base.lo, year=year, month=(month - 1) % 12 + 1)
            atom.month_offset, atom.borrowed = None, True
        kept.append(atom)
    return kept


def _report_month(kept: list[Atom], n: int, atom: Atom, text: str) -> Atom | None:
    """The month n named before a bare "n tháng" where it opens its clause, unless an approximator
    makes the count a length ("dưới 3 tháng")."""
    if grammar().before("approx", text, atom.start):
        return None
    return next((a for a in reversed(kept) if not (a.repeats_months or a.open_end) and a.hi is None
                 and a.lo.month == n and a.lo.day is None and a.month_offset is None
                 and REPORT_MONTH.search(text, max(0, a.start - 12), a.start)), None)


def _repeated_months(atoms: list[Atom], text: str, body: Sequence[Atom],
                     starts: SentenceStarts) -> list[Atom]:
    """A bare "7 tháng" is the first 7 months the text named before it ("7 tháng qua", "7 tháng năm
    2023"), that year's, or the months up to the month 7 it named ("tháng 6, CPI tăng 0,46%; bình
    quân sáu tháng tăng 1,72%": a report's month, then its year to date); in a headline, the first 7
    months its article's `body` names ("9 tháng, thu ngân sách đạt 80%" over "Chín tháng đầu năm
    2023, ..."); in the text's first line, the first 7 months it names after it; with none of these,
    a length of time, no date, unless its sentence compares with the same period. The months of a
    year compared with as the same period ("so với cùng kỳ 2018") lend no year."""
    bases = _same_period_years(atoms, text) | {a.lo.year for a in body if a.same_period and a.lo.year}
    kept: list[Atom] = []
    for atom in atoms:
        if atom.repeats_months:
            n = atom.repeats_months
            # a lead's bare "10 tháng", before the body writes the period with its year, as a headline's
            lead = "\n" not in text[:atom.start]
            later = (a for a in atoms if lead and a.start > atom.end and a.lo.year and not a.repeats_months)
            candidates = [*(a for a in reversed(kept) if not a.repeats_months), *body, *later]
            named = next((a for a in candidates if _first_months(a, n) and a.lo.year not in bases), None)
            # the months of a year compared with as the same period are not the article's own months
            based = any(_first_months(a, n) and a.lo.year in bases for a in candidates)
            if named is not None:
                atom.lo, atom.hi, atom.months_back = named.lo, named.hi, named.months_back
                atom.borrowed = True
            elif month := _report_month(kept, n, atom, text):
                atom.lo, atom.hi, atom.borrowed = replace(month.lo, month=1), month.lo, True
            elif rest := _rest_of_year(atoms, atom, text):
                year = Point(year=rest.lo.year, offset=rest.lo.offset)
                atom.lo, atom.hi = replace(year, month=1), replace(year, month=n)
                atom.borrowed = True
            elif not (based or _compared_in_sentence(atom, text, starts)):
                continue  # a length of time (else the article's own first N months, as the atom reads)
        kept.append(atom)
    return kept


def _same_period_years(atoms: Sequence[Atom], text: str) -> set[int]:
    """The years the text names as the same period compared with ("so với cùng kỳ 2018"): the
    article's own months are of another year, though it writes the base's ("9 tháng năm 2018")."""
    g = grammar()
    return {a.lo.year for a in atoms if a.lo.year and (base := g.before("comparison", text, a.start))
            and casefold_words(base["cw"]) in g.same_period}


def _compared_in_sentence(atom: Atom, text: str, starts: SentenceStarts) -> bool:
    """Whether the sentence of a bare "6 tháng" compares with the same period ("tăng 10,55% so với cùng
    kỳ năm trước (6 tháng tăng 11,29%, quý III tăng 9,09%)"): its months are a period, no length."""
    g = grammar()
    if g.after("counted_to", text, atom.end):
        return False  # "ba tháng tính đến tháng 12": the months up to another point
    after = SENTENCE_END.search(text, atom.end)
    return g.re["same_period"].search(text, starts(atom.start),
                                      after.start() if after else len(text)) is not None


def _rest_of_year(atoms: list[Atom], atom: Atom, text: str) -> Atom | None:
    """The last months of a year whose tasks or plan are named right after a bare "9 tháng" in its
    sentence ("sơ kết công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2023", "... quý IV/2023",
    "đánh giá ... ngân sách 9 tháng, triển khai nhiệm vụ những tháng cuối năm 2020"): a review of the
    year's first months paired with the plan for the rest, so the bare months are the first of that year
    ("thi công 9 tháng, hoàn thành vào 3 tháng cuối năm" names no plan: a length)."""
    after = next((a for a in atoms if a.start >= atom.end), None)
    # the year's last months counted ("3 tháng cuối năm") or untold, or its last quarter ("quý IV/2023")
    last_months = after is not None and (after.year_rest or (
        after.hi is not None and after.hi.month == 12 and (after.lo.month or 0) > 1 and after.lo.day is None))
    if (not last_months or after.start - atom.end > REST_OF_YEAR_WITHIN
            or not grammar().before("plan", text, after.start, width=40)):
        return None
    months_left = 12 - after.lo.month + 1 if after.hi is not None and after.lo.month else 0
    if SENTENCE_END.search(text, atom.end, after.start) or atom.repeats_months + months_left > 12:
        return None
    return after


def _first_months(atom: Atom, n: int) -> bool:
    """Whether the atom is the first n months of a year ("9 tháng đầu năm 2023", "7 tháng qua")."""
    return atom.hi is not None and atom.lo.month == 1 and atom.hi.month == n and not atom.open_end


def _join_ranges(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """"30/4-1/5", "từ ngày 26/4 đến 9/5", "giai đoạn 2021 đến 2025": one interval from two points of
    the same precision, or of two precisions with both years written."""
    joined: list[Atom] = []
    for atom in atoms:
        prev = joined[-1] if joined else None
        if prev is not None and (year_start := _year_to_month(prev, atom, text)) is not None:
            joined[-1] = Atom(year_start, atom.end, replace(atom.lo, month=1), atom.lo, rank=prev.rank,
                              borrowed=atom.borrowed)
        elif (prev is not None and one_point(prev) and one_point(atom) and _same_grain(prev, atom)
                and g.re["range_gap"].fullmatch(text, prev.end, atom.start)
                and (_DASH.search(text, prev.end, atom.start) or g.before("since_head", text, prev.start)
                     or g.before("period", text, prev.start)  # "giai đoạn 2021 đến 2025"
                     or g.before("sentence_start", text, prev.start))  # "Năm 1996 đến năm 2003: ..."
                and prev.lo.offset == atom.lo.offset and prev.lo.key() < atom.lo.key()):
            borrowed = prev.borrowed and atom.borrowed
            joined[-1] = Atom(prev.start, atom.end, prev.lo, atom.lo, borrowed=borrowed, rank=prev.rank)
        else:
            joined.append(atom)
    return joined


def _same_grain(prev: Atom, atom: Atom) -> bool:
    """Whether two points can end one interval: of one precision, or both with their year written
    ("từ năm 2015 đến tháng 6/2020", "Năm 1996 đến tháng 9 năm 2003": a year to a month)."""
    return prev.lo.precision == atom.lo.precision or (prev.lo.year is not None and atom.lo.year is not None)


def _year_to_month(prev: Atom, atom: Atom, text: str) -> int | None:
    """Where "từ đầu năm đến (hết) tháng 5/2021" starts when `prev` is its "đầu năm" and `atom` its
    month: the months from January to that one (spec 5, part of a year)."""
    opening = START_OF_YEAR.search(text, max(0, prev.start - 12), prev.end)
    if not (opening and opening.end() == prev.end and one_point(atom) and atom.lo.month is not None
            and atom.lo.day is None and atom.month_offset is None):
        return None
    if not TO_MONTH.fullmatch(text, prev.end, atom.start):
        return None
    return opening.start()


def _days_of_one_event(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """"Trong 2 ngày 21 và 22/7", "Ngày 24,25/9/2022": days one after another, one event's span.

    The days are N listed after "N ngày", or a bare day ("Ngày 24") and the days after it that
    share the month written once at the end of the list.
    """
    joined: list[Atom] = []
    i = 0
    while i < len(atoms):
        first = atoms[i]
        count = _counted_days(first, text, g) or _bare_day_run(atoms, i, text, g)
        days = atoms[i:i + count]
        if count >= 2 and len(days) == count and _one_after_another(days, text, g):
            # "Trong 02 ngày (14 và 15/11/2019)": the days, without the bracket the trigger opened
            start = bracket.end() if (bracket := _DAYS_BRACKET.match(text, first.start)) else first.start
            joined.append(Atom(start, days[-1].end, first.lo, days[-1].lo, rank=first.rank))
            i += len(days)
        else:
            joined.append(first)
            i += 1
    return joined


def _bare_day_run(atoms: list[Atom], i: int, text: str, g: Grammar) -> int:
    """How many days, one after another, follow the bare day `atoms[i]` ("Ngày 24,25/9"), else 0."""
    if not _BARE_DAY.fullmatch(text, atoms[i].start, atoms[i].end):
        return 0
    run = 1
    while i + run < len(atoms) and _one_after_another(atoms[i:i + run + 1], text, g):
        run += 1
    return run if run >= 2 else 0


def _counted_days(atom: Atom, text: str, g: Grammar) -> int:
    """N when the day is written "N ngày <day>" ("2 ngày 21 và 22/7", "hai ngày 2 và 3/6"), else 0."""
    if text[atom.start:atom.start + 4].casefold() != "ngày":
        return 0
    count = count_before(text, atom.start, g)
    return count[1] if count else 0


def _one_after_another(days: list[Atom], text: str, g: Grammar) -> bool:
    """Whether listed days of one month follow each other: 21, 22 (and 23...)."""
    first = days[0]
    same_month = all(one_point(a) and a.lo.day is not None and (a.lo.month, a.lo.year, a.lo.offset)
                     == (first.lo.month, first.lo.year, first.lo.offset) for a in days)
    return same_month and all(b.lo.day == a.lo.day + 1 and g.re["list_gap"].fullmatch(text, a.end, b.start)
                              for a, b in itertools.pairwise(days))


def _open_since(atom: Atom, text: str, g: Grammar) -> None:
    """"từ năm 2016 đến nay", "Từ năm 2018, ...", "năm 1990 trở về sau": open to the present.

    A year after "từ" with no end written is open too; a day, a month or a part of a year ("từ cuối
    năm 2021") after "từ" is when something began ("thành lập từ tháng 12/1960") unless "đến nay"
    follows, and so is a year after a verb of founding ("thành lập từ năm 1996").
    """
    head = g.before("since_head", text, atom.start) if one_point(atom) else None
    tail = g.after("since_tail", text, atom.end)
    if not head and one_point(atom) and atom.lo.day is not None and tail:
        head = g.before("since_event", text, atom.start, width=60)
        if head:
            atom.start, atom.end, atom.open_end = head.start(), tail.end(), True
        return
    if not head and tail and one_point(atom) and atom.lo.precision == 0:
        atom.end, atom.open_end = tail.end(), True  # "năm 1990 trở về sau": a year onwards
        return
    if not head:
        return
    # a part of a year is a point too, as a month is: "Từ cuối năm 2021, ..." (when it began)
    began = (atom.lo.precision > 0 or g.before("founded", text, head.start())
             or g.re["year_part"].match(text, atom.start))
    if not tail and (began or g.after("range_next", text, atom.end)):
        return
    atom.start, atom.end, atom.open_end = head.start(), tail.end() if tail else atom.end, True
    if atom.lo.precision == 0 and START_OF_YEAR.match(text, atom.start):
        atom.lo = replace(atom.lo, month=1)  # "từ đầu năm 2017 đến nay" starts in January


_LUNAR_SHARED = ("range_gap", "list_gap")  # the gaps across which a lunar marker says both months


def _solar(atoms: list[Atom], text: str, g: Grammar) -> list[Atom]:
    """The atoms less the lunar-calendar days and months, which have no ISO form: those a lunar marker
    follows ("mồng 10/3 Âm lịch") or a lunar day names ("Rằm tháng 4"), and a yearless one that opens a
    range or a list ending in a lunar one ("độ tháng 3 đến tháng 8 âm lịch": the marker says both)."""
    lunar = [False] * len(atoms)
    for i in reversed(range(len(atoms))):
        atom = atoms[i]
        if atom.lo.month is None:
            continue
        after = atoms[i + 1] if i + 1 < len(atoms) else None
        shared = (after is not None and lunar[i + 1] and atom.lo.yearless and one_point(atom)
                  and atom.lo.precision == after.lo.precision
                  and any(g.re[gap].fullmatch(text, atom.end, after.start) for gap in _LUNAR_SHARED))
        lunar[i] = bool(shared or g.after("lunar", text, atom.end) or g.before("lunar_day", text, atom.start))
    return [a for a, moon in zip(atoms, lunar, strict=True) if not moon]


def _attach_time(atom: Atom, text: str, g: Grammar) -> None:
    """"23h50 ngày 23/4", "12/04/2021 - 06:35": a time of day written beside a day."""
    if not one_point(atom) or atom.lo.day is None or atom.lo.clock is not None:
        return
    before = g.before("time_before", text, atom.start, width=45)
    found = before or g.after("time_after", text, atom.end)
    if not found:
        return
    pm = g.pm.get(casefold_words(found["pod"]), atom.pm) if found["pod"] else atom.pm
    clock = clock_from(found["hh"], found["mi"], pm)
    if clock and found.groupdict().get("ap") and clock.hour <= 12:
        # a 12-hour clock: "12:05 AM" is just after midnight, "9:16 PM" is 21:16
        clock = replace(clock, hour=clock.hour % 12 + (12 if found["ap"] in ("PM", "CH") else 0))
    if clock:
        atom.lo = replace(atom.lo, clock=clock)
        atom.start, atom.end = (found.start(), atom.end) if before else (atom.start, found.end())


def _modern_spelling(text: str, g: Grammar) -> str:
    """The text with older spellings read as the rules write them ("nhiệm kì" as "nhiệm kỳ"), in the
    case written; every replacement has the same length, so offsets hold."""

    def spelled(match: regex.Match) -> str:
        written = match.group(0)
        modern = g.spellings.get(casefold_words(written), written)
        if written.isupper():
            return modern.upper()
        return modern[0].upper() + modern[1:] if written[0].isupper() else modern

    return g.re["spelling"].sub(spelled, text)


def segment_atoms(text: str, body: Sequence[Atom] = ()) -> list[Atom]:
    """The date atoms of one string, overlaps settled and joined with their neighbours; a headline's
    are read with its article's `body` atoms, whose periods its bare "9 tháng" repeats."""
    g = grammar()
    text = eth_as_dj(text)  # a page keeping the look-alike eth ("Ðại hội") names the same words; offsets hold
    text = _modern_spelling(text, g)
    atoms = _solar(_settle(find_atoms(text)), text, g)
    # a yearless day or month that recurs ("ngày 23/9 hàng năm") is no one date, nor a range ending in it
    recurring = {a.end for a in atoms if a.lo.month is not None and a.lo.yearless
                 and (g.after("recurring", text, a.end)
                      or g.before("recurring_before", text, a.start, width=40))}
    starts = SentenceStarts(text)  # where each sentence begins, for the counts that look back to it
    atoms = _repeated_months(atoms, text, body, starts)
    atoms = _sentence_month(atoms, text)
    _share_years(atoms, text, g)
    _sentence_year(atoms, text, g)
    atoms = [a for a in _join_ranges(atoms, text, g) if a.end not in recurring]
    atoms = _days_of_one_event(atoms, text, g)
    atoms = years_of_one_count(atoms, text, g)
    years_back_of_sentence(atoms, text, starts)
    years_since_issue(atoms, text, g)
    years_after_written_year(atoms, text, g, body, starts)
    atoms = repeated_years(atoms, body)
    for atom in atoms:
        _open_since(atom, text, g)
        _attach_time(atom, text, g)
        if atom.explicit_term:
            atom.opens_term = g.before("term_opener", text, atom.start, width=160) is not None
        # a year, or a period of months ("so với quý III/2019"), may be a comparison base
        if atom.lo.year is not None and (atom.lo.precision == 0 or atom.hi is not None):
            base = g.before("comparison", text, atom.start)
            atom.comparison = g.comparison[casefold_words(base["cw"])] if base else 0
            atom.same_period = bool(base) and casefold_words(base["cw"]) in g.same_period
        if atom.lo.year is not None and atom.lo.precision == 0:
            atom.target = g.before("target", text, atom.start) is not None
            atom.plan = g.before("plan", text, atom.start, width=40) is not None
        atom.founding = atom.lo.year is not None and g.before("founded_on", text, atom.start) is not None
        # the head is before the atom ("sinh ngày 5/6/1960") or opens it ("SN 1997")
        atom.born = bool(g.before("born", text, atom.start)
                         or g.re["born"].match(text, atom.start, atom.start + 2))
        atom.issued = issue_day(atom, text)
        tense = g.after("tense", text, atom.end) if atom.lo.yearless else None
        atom.tense = g.tense_after[casefold_words(tense["tw"])] if tense else atom.tense
    return atoms
