"""Publication time of a page, read from a dateline, a meta line or a crawler field."""

from __future__ import annotations

import regex

from pipeline.datetime_parse import (
    DAY,
    FLAGS,
    MONTH,
    TIME,
    YEAR,
    Clock,
    alternation,
    clock_from,
    date_rules,
    iso_point,
    valid_date,
)
from pipeline.rulebook import compiled
from pipeline.text import casefold_words

# the same separator twice; spaces around each slash as typed ("13/09/ 2022"); a dash or a dot set off
# by spaces the same way both times, as provincial portals print their posting date ("Đăng ngày 09 - 07
# - 2024"), while "09 -07- 2024" is no date
_NUMERIC_DATE = regex.compile(
    rf"(?<![\d.,/])(?P<d>{DAY})(?:(?P<slash>\s?/\s?)|(?P<sep>\s?[.\-]\s?))(?P<m>{MONTH})"
    rf"(?(slash)\s?/\s?|(?P=sep))(?P<y>{YEAR})(?!\d)")
_ISO_DATE = regex.compile(  # "2024-12-09T10:00", "2024/12/09 10:00"
    rf"(?<!\d)(?P<y>{YEAR})(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
    rf"(?:[T\s]+(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?(?!\d)")
_WORD_DATE = regex.compile(
    rf"(?<!\d)(?P<d>{DAY})\s+tháng\s+(?P<m>{MONTH})(?:\s*,\s*|\s+năm\s+|\s*/\s*|\s+)(?P<y>{YEAR})(?!\d)",
    FLAGS)
_TIME = regex.compile(rf"(?<![\d+:]){TIME}", FLAGS)
_AMPM = regex.compile(r"\s*(?:(?P<ap>[AaPp])\.?[Mm]|(?P<vn>SA|CH))\b")  # CH (chiều) is PM in vi-VN


def _named_months(key: str, pattern: str) -> tuple[regex.Pattern, dict[str, int]]:
    """A date pattern around the month words of `rules/dates.yml` `key` (`{names}` in `pattern`), and
    each word's month."""
    entries = date_rules()[key]
    names = alternation([e["term"] for e in entries], spaces="any")
    months = {casefold_words(e["term"]): e["month"] for e in entries}
    return regex.compile(pattern.replace("{names}", names), FLAGS), months


@compiled
def _english() -> tuple[regex.Pattern, dict[str, int]]:
    """A date whose month is an English word ("November 5, 2025", "5 Nov. 2025")."""
    return _named_months("english_months",
                         rf"\b(?:(?P<m1>{{names}})\.?\s+(?P<d1>{DAY})(?:st|nd|rd|th)?,?\s+(?P<y1>{YEAR})"
                         rf"|(?P<d2>{DAY})(?:st|nd|rd|th)?\s+(?P<m2>{{names}})\.?,?\s+(?P<y2>{YEAR}))\b")


@compiled
def _month_words() -> tuple[regex.Pattern, dict[str, int]]:
    """A date whose month is a word after "tháng", as WordPress prints it in Vietnamese ("Tháng Mười
    Một 5, 2025", "5 Tháng Mười Một, 2025"); the year must follow, or "tháng Năm" is not a month."""
    return _named_months("month_words",
                         rf"(?<!\p{{L}})(?:tháng\s+(?P<m1>{{names}})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})"
                         rf"|(?<!\d)(?P<d2>{DAY})\s+tháng\s+(?P<m2>{{names}})(?:\s*,\s*|\s+năm\s+)(?P<y2>{YEAR}))"
                         r"(?!\d)")


@compiled
def _month_and_year() -> regex.Pattern:
    """A line that is a month and its year alone, the month a number or a word ("Tháng Ba 2024", "Tháng
    3 năm 2024", "tháng 12/2023", "March 2024"): an archive's or a calendar's label."""
    rules = date_rules()
    words = alternation([e["term"] for e in rules["month_words"]], spaces="any")
    english = alternation([e["term"] for e in rules["english_months"]], spaces="any")
    return regex.compile(rf"^\W*(?:tháng\s+(?:{MONTH}|{words})(?:\s*[,/]\s*|\s+năm\s+|\s+)"
                         rf"|(?:{english})\.?,?\s+){YEAR}\W*$", FLAGS)


def is_month_and_year(text: str) -> bool:
    """The line names a month and its year and nothing else: no headline, no dateline (no day)."""
    return _month_and_year().match(text.strip()) is not None


def with_numeric_dates(text: str) -> str:
    """The text with each date whose month is a word (Vietnamese or English) written d/m/yyyy."""
    for pattern, months in (_month_words(), _english()):
        def numeric(match: regex.Match[str], months: dict[str, int] = months) -> str:
            month = months[casefold_words(match["m1"] or match["m2"])]
            return f"{int(match['d1'] or match['d2'])}/{month}/{match['y1'] or match['y2']}"
        text = pattern.sub(numeric, text)
    return text


def _first_date(text: str) -> tuple[int, int, int, int, int, Clock | None] | None:
    """The first full date in `text`: (start, end, year, month, day, time written with it)."""
    found = []
    for pattern in (_ISO_DATE, _NUMERIC_DATE, _WORD_DATE):
        for match in pattern.finditer(text):
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
            if valid_date(year, month, day):
                clock = clock_from(match["hh"], match["mi"]) if match.groupdict().get("hh") else None
                found.append((match.start(), match.end(), year, month, day, clock))
                break
    return min(found) if found else None


def _nearest_time(text: str, start: int, end: int) -> Clock | None:
    """The time of day written closest to the date at start..end (at most 30 characters away)."""
    best: tuple[int, Clock] | None = None
    for match in _TIME.finditer(text):
        if start <= match.start() < end:
            continue
        clock = clock_from(match["hh"], match["mi"])
        ampm = _AMPM.match(text, match.end())
        if clock and ampm:
            pm = (ampm["ap"] or "").lower() == "p" or ampm["vn"] == "CH"
            hour = clock.hour % 12 + (12 if pm else 0)
            clock = Clock(hour, clock.minute)
        distance = match.start() - end if match.start() >= end else start - match.end()
        if clock and distance <= 30 and (best is None or distance < best[0]):
            best = (distance, clock)
    return best[1] if best else None


def parse_published(text: str | None) -> str | None:
    """Publication time in a metadata line or crawler field: ISO `YYYY-MM-DD[THH:MM]`, or None."""
    if not text or not isinstance(text, str):
        return None
    head = with_numeric_dates(text[:500])
    found = _first_date(head)
    if found is None:
        return None
    start, end, year, month, day, clock = found
    return iso_point(year, month, day, clock or _nearest_time(head, start, end))


# "tháng 10/2018", "05/2009": a month of a year, no day (a date guessed from it is the month's first)
_MONTH_YEAR = regex.compile(rf"(?<![\d.,/])(?P<m>{MONTH})\s?[/.\-]\s?(?P<y>{YEAR})(?![\d/.\-]\d)")


def prints_date(text: str, iso: str) -> bool:
    """The line prints the day of the ISO date `iso` (any of the forms pages write it in), or, for a
    month's first day, that month of that year ("05/2009" for 2009-05-01)."""
    try:
        year, month, day = (int(part) for part in iso[:10].split("-"))
    except ValueError:
        return False
    head = with_numeric_dates(text)
    for pattern in (_ISO_DATE, _NUMERIC_DATE, _WORD_DATE):
        if any((int(m["y"]), int(m["m"]), int(m["d"])) == (year, month, day) for m in pattern.finditer(head)):
            return True
    return day == 1 and any((int(m["y"]), int(m["m"])) == (year, month) for m in _MONTH_YEAR.finditer(head))


# a calendar block prints the day big on one line and the month and year under it ("27" / "06/2016")
_DAY_ALONE = regex.compile(rf"^\s*(?P<d>{DAY})\s*$")
_MONTH_YEAR_ALONE = regex.compile(rf"^\s*(?P<m>{MONTH})\s*[/\-.]\s*(?P<y>{YEAR})\s*$")


def split_date(day_line: str, month_year_line: str) -> str | None:
    """The date a day alone and the month and year on the next line give together ("27", "06/2016")."""
    day, rest = _DAY_ALONE.match(day_line), _MONTH_YEAR_ALONE.match(month_year_line)
    if not (day and rest):
        return None
    year, month, date = int(rest["y"]), int(rest["m"]), int(day["d"])
    return iso_point(year, month, date) if valid_date(year, month, date) else None
