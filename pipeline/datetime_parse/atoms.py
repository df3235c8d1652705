"""What a date expression becomes before the article places it: points, intervals and times of day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """A time of day in 24-hour form."""

    hour: int
    minute: int

    def iso(self) -> str:
        """The time as HH:MM."""
        return f"{self.hour:02d}:{self.minute:02d}"


@dataclass(frozen=True)
class Point:
    """One end of a date; without `year` it comes from the article, `offset` years from its own."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    clock: Clock | None = None
    offset: int | None = None

    @property
    def precision(self) -> int:
        """0 year, 1 month, 2 day."""
        return 2 if self.day is not None else 1 if self.month is not None else 0

    @property
    def yearless(self) -> bool:
        """Whether the year is neither written nor relative ("ngày 25/4")."""
        return self.year is None and self.offset is None

    def key(self) -> tuple[int, int, int]:
        """Sort key within one year."""
        return (self.year or 0, self.month or 0, self.day or 0)


@dataclass
class Atom:
    """A date expression found in one string, not yet resolved against the article."""

    start: int
    end: int
    lo: Point
    hi: Point | None = None  # the end of an interval
    open_end: bool = False  # "từ năm 2016 đến nay": open to the present
    term: int | None = None  # a Party term relative to the current one ("nhiệm kỳ tới": 1)
    term_ended: bool = False  # ...or to the last one that has ended ("nhiệm kỳ qua")
    term_reported: bool = False  # "Trong nhiệm kỳ, ...": the term the article reports on
    term_first_year: bool = False  # "so với đầu nhiệm kỳ": only that term's first year
    explicit_term: bool = False  # "nhiệm kỳ 2015-2020": tells which term is current
    opens_term: bool = False  # "Đại hội ... nhiệm kỳ 2017-2022": held in the term's first year
    pm: tuple[int, int] = (0, 0)  # hours a time written before this day shifts by 12 ("tối")
    borrowed: bool = False  # its year was taken from a neighbour ("tháng 9, tháng 10 năm ngoái")
    tense: int = 0  # -1 already happened ("hôm 28/10", "vừa qua"), 1 still to come ("ngày 5/5 tới")
    months_back: int | None = None  # "7 tháng qua": the months up to the publication month
    comparison: int = 0  # "cùng kỳ năm 2020": a base year, the article's own is this many years later
    same_period: bool = False  # ...the same period a year before the article's ("cùng kỳ 2018")
    lunar_year: tuple[int, int] | None = None  # "Tết Nguyên đán Tân Sửu": the lunar year's stem and branch
    target: bool = False  # "đến năm 2030": a goal's year, not the article's
    plan: bool = False  # "triển khai nhiệm vụ năm 2025": the year a plan is set for
    founding: bool = False  # "thành lập vào ngày 8/3/1974": the day something was founded
    month_offset: int | None = None  # "tháng trước": months from the publication month (or the sentence's)
    born: bool = False  # "SN 1997", "sinh ngày 5/6/1960": a person's birth, not the article's time
    issued: bool = False  # "Thông tư số 04/2021/TT-TTCP ngày 01/10/2021": a cited document's issue day
    since_issue: int = 0  # "3 năm thực hiện Chỉ thị 05": N years from the year the document was issued
    repeats_months: int = 0  # a bare "7 tháng": the first 7 months named before it, if the text names them
    year_rest: bool = False  # "3 tháng cuối năm 2023", "những tháng cuối năm": the last months of a year
    reviews_years: int = 0  # "sơ kết 5 năm ... giai đoạn 2016 - 2020": N years reviewed from its start
    counted_years: int = 0  # "5 năm qua": its N, kept when its ends are placed (a period, an issue year)
    repeats_years: int = 0  # a bare "5 năm": the N-year period the text counted before, if it did
    rank: int = 0


def clock_from(hh: str, mi: str | None, pm_range: tuple[int, int] = (0, 0)) -> Clock | None:
    """A Clock from hour and minute strings, shifted by 12 when the hour lies in `pm_range`."""
    hour, minute = int(hh), int(mi or 0)
    if pm_range[0] <= hour < pm_range[1]:
        hour += 12
    return Clock(hour, minute) if hour <= 23 and minute <= 59 else None


def valid_date(year: int | None, month: int, day: int | None) -> bool:
    """Whether day/month (in `year`, or a leap year when unknown) is a calendar date."""
    if day is None:
        return 1 <= month <= 12
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def months_later(year: int, month: int, months: int) -> tuple[int, int]:
    """The year and month `months` after (or before, when negative) a month: (2021, 1, -1) -> (2020, 12)."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_point(year: int, month: int | None = None, day: int | None = None, clock: Clock | None = None) -> str:
    """ISO 8601 text of a year, a month, a day or a day with time."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}" + (f"T{clock.iso()}" if clock else "")
    return text
