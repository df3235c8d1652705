"""How the dates of a sentence sit in its text: bracketed asides, periods joined by "và", the gap
between a figure and a date, and what a date value is (a period, an anniversary, a plan under way).
Pure functions over a segment's text and date tuples, shared by figure time and attribution.
"""

from __future__ import annotations

import regex

from pipeline.extract.article_facts import anniversary
from pipeline.extract.clauses import rules
from pipeline.model import Mention

Dated = tuple[int, int, str, str]  # a date of a sentence: start, end, value, role


def closed_aside(text: str, date: Dated, at: int) -> bool:
    """Whether a date stands in a bracketed aside that closes before `at` and reports more than the
    date ("ước 9 tháng đầu năm 2024 ... tăng 10,55% (6 tháng tăng 11,29%, quý III tăng 9,09%), trong
    đó: Khu vực nông, lâm nghiệp ... đạt 1.574,1 tỷ đồng"): its period is the aside's own; a bracket
    holding the date alone ("Qua 5 năm (2016 - 2020), ...") frames what follows."""
    opening = text.rfind("(", 0, date[0])
    if opening < 0 or ")" in text[opening : date[0]]:
        return False
    closing = text.find(")", date[1], at)
    return closing >= 0 and any(c.isdigit() for c in text[opening : date[0]] + text[date[1] : closing])


def inside_aside(text: str, low: int, at: int) -> bool:
    """Whether position `at` stands inside a bracket opened at or after `low` and not yet closed
    ("... bằng 70% (Theo kế hoạch ... đến năm 2008 ... trồng được 39.845 ha/40.000 ha KH, bằng 99,6%)")."""
    opening = text.rfind("(", low, at)
    return opening >= 0 and ")" not in text[opening:at]


def within(part: str, whole: str) -> bool:
    """Whether a date is a finer part of a period that is a year or a month ("2016-10/2016-11" of "2016")."""
    return part != whole and all(end.startswith(whole) for end in part.split("/"))


def across(text: str, date: Dated, fig: Mention) -> bool:
    """Whether a semicolon stands between a date and a figure: another clause's date."""
    return ";" in text[min(date[1], fig.end) : max(date[0], fig.start)]


def joined(text: str, dates: list[Dated]) -> list[Dated]:
    """Periods joined by "và" ("Trong năm 2022 và những tháng đầu năm 2023") as one span, from the
    first's start to the last's end, written at the coarser of their two precisions."""
    out: list[Dated] = []
    for date in dates:
        if out and joinable(text, out[-1], date):
            head = out[-1]
            first, last = head[2].partition("/")[0], date[2].rpartition("/")[2]
            if len(first) == 4 or len(last) == 4:
                first, last = first[:4], last[:4]
            out[-1] = (head[0], date[1], first if first == last else f"{first}/{last}", head[3])
        else:
            out.append(date)
    return out


def joinable(text: str, one: Dated, two: Dated) -> bool:
    """Whether two periods of the same role are joined by a conjunction alone, the later after."""
    if one[3] not in ("time", "cued") or two[3] not in ("time", "cued"):
        return False
    if not (is_period(one[2]) and is_period(two[2]) and "/.." not in one[2] + two[2]):
        return False
    gap = text[one[1] : two[0]].strip()
    return rules().has("period_joiners", gap) and one[2].partition("/")[0] < two[2].partition("/")[0]


def own_gap(gap: str, bare: bool) -> bool:
    """Whether what stands between a figure's measure and a date ties the date to the figure: nothing,
    or, after a `bare` number, a time cue alone ("của", "trong", "vào")."""
    gap = gap.strip()
    return not gap or (bare and rules().has("time_after_cues", gap))


def bracketed(text: str, reach: int, date: Dated) -> bool:
    """Whether a date stands alone in brackets right after a figure's phrase, at most a bound, a rate
    or a few words of its noun between them ("từ 15 tỷ đồng trở lên/năm (giai đoạn 2026-2030)", "trên
    14 triệu lượt khách (năm 2019)"): the figure's own period, unless a Party term's name."""
    gap = text[reach : date[0]].rstrip()
    if not gap.endswith("(") or not text[date[1] :].lstrip().startswith(")"):
        return False
    words = gap[:-1]
    if len(words) > 25 or regex.search(r"[\d,;:]|\bvà\b", words):
        return False
    # "miễn nhiệm 5 thành viên HĐQT nhiệm kỳ VI (2015-2020)": the term names the board
    spaced = f" {' '.join(text[max(0, date[0] - 25) : date[0]].lower().split())} "
    return not any(f" {term} " in spaced for term in rules().tables["qualifying_periods"])


def past_enclosed(text: str, end: int, opening: str, closing: str) -> int:
    """A measure's end, past a bracketed or quoted part right after it ("95 tổ chức cơ sở đảng
    (TCCSĐ)", 'mô hình “Dân vận khéo”'), at most 80 characters long."""
    at = end
    while at < len(text) and text[at] == " ":
        at += 1
    if text[at : at + 1] == opening and (close := text.find(closing, at, at + 80)) > 0:
        return close + 1
    return end


def is_period(value: str) -> bool:
    """Whether a date value is a year, a month or a span rather than a single day."""
    return len(value.split("/")[0]) in (4, 7)


def span_end(value: str) -> str:
    """A date as a figure's period: a span of generations ("132 năm ngày sinh ... (19/5/1890 -
    19/5/2022)") is an anniversary, dated by its end."""
    return value.partition("/")[2] if anniversary(value) else value


def under_way(period: str, year: int | None) -> bool:
    """Whether a period is a plan under way in the publication year: begun by then, ending after it
    ("giai đoạn 2019 - 2030" in 2021). Its years date targets, not results; a wholly future period
    ("năm học 2025 - 2026") dates projections too."""
    first, _, last = period.partition("/")
    if not year or not last[:4].isdigit() or not first[:4].isdigit():
        return False
    return int(first[:4]) <= year < int(last[:4])
