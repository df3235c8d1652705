"""Reading date expressions: the shapes of Vietnamese dates, turned into unresolved atoms.

Every pattern starts at a digit or a keyword ("tháng", "năm", "quý"); the words before it
(triggers such as "ngày" or "sáng", modifiers such as "cuối", period words such as "giai đoạn")
are checked by look-back regexes on a short window, which keeps the scan fast. An atom is a point
or an interval whose year may still be unknown; `pipeline.extract.kinds.dates` places it in the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, casefold_words

_INT = {"type": "integer"}
_BOOL = {"type": "boolean"}
# Every lexicon of rules/dates.yml with the extra keys its entries may carry besides term and gloss.
_LEXICONS = {
    "day_triggers": {"in_span": _BOOL, "past": _BOOL}, "range_triggers": None, "fraction_nouns": None,
    "tense_after": {"offset": _INT}, "parts_of_day": {"pm_from": _INT, "pm_below": _INT},
    "relative_years": {"offset": _INT}, "quantity_words": None, "approximators": None, "count_units": None,
    "period_words": None, "period_modifiers": None, "years_back_before": None, "years_back_after": None,
    "years_back_future": None, "years_back_blockers": None, "years_back_doing": None,
    "years_back_lengths": None, "named_days": None, "since_heads": None,
    "since_tails": None, "founding_verbs": None,
    "term_words": {"offset": _INT, "ended": _BOOL}, "english_months": {"month": _INT}, "lunar_markers": None,
    "decade_words": None, "number_words": {"value": _INT}, "month_words": {"month": _INT},
    "comparison_bases": {"offset": _INT}, "target_heads": None, "year_edge_heads": None,
    "term_openers": None,
}
RULES_SCHEMA: dict[str, Any] = strict_object(
    {
        **{key: lexicon_schema(extra) for key, extra in _LEXICONS.items()},
        "party_term": strict_object({"length": _INT, "anchor_year": _INT, "new_term_month": _INT}),
    },
    required=[*_LEXICONS, "party_term"],
)

# Building blocks of date shapes; years run 1000-2099, bare years (no "năm") only 1900-2099.
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1\d{3}|20\d\d)"
DASHES = r"[-–—‐−]"
DASH = rf"\s*{DASHES}\s*"
HSPACE = r"[^\S\n]"  # a space that does not end the line
# "06:35", "10:03:20", "23h50", "9h", "9 giờ 30 phút", "9 giờ"
TIME = (
    r"(?P<hh>[01]?\d|2[0-3])(?:\s?:\s?(?P<mi>[0-5]\d)(?::[0-5]\d)?|h(?P<mi>[0-5]\d)?(?!\p{L})"
    r"|\s*giờ(?:\s*(?P<mi>[0-5]\d)(?:\s*phút)?)?)(?!\d)"
)
# a number starts here (not inside a code, decimal or time); the look-ahead first lets the engine skip
# non-digits fast, six times faster than the look-behind alone
NUM_START = r"(?=\d)(?<![\p{L}\d.,/:+#\-])"
NUM_END = r"(?![\p{L}\d]|[.,/]\d|\s?%)"  # ...and ends here
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
FLAGS = regex.IGNORECASE
_DIGIT_SPACE = regex.compile(r"\d\s\Z")


def date_rules() -> dict[str, Any]:
    """The validated `rules/dates.yml`, loaded once per process."""
    return load_rules("dates", RULES_SCHEMA)




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
    explicit_term: bool = False  # "nhiệm kỳ 2015-2020": tells which term is current
    opens_term: bool = False  # "Đại hội ... nhiệm kỳ 2017-2022": held in the term's first year
    pm: tuple[int, int] = (0, 0)  # hours a time written before this day shifts by 12 ("tối")
    borrowed: bool = False  # its year was taken from a neighbour ("tháng 9, tháng 10 năm ngoái")
    tense: int = 0  # -1 already happened ("hôm 28/10", "vừa qua"), 1 still to come ("ngày 5/5 tới")
    months_back: int | None = None  # "7 tháng qua": the months up to the publication month
    comparison: int = 0  # "cùng kỳ năm 2020": a base year, the article's own is this many years later
    target: bool = False  # "đến năm 2030": a goal's year, not the article's
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


def iso_point(year: int, month: int | None = None, day: int | None = None, clock: Clock | None = None) -> str:
    """ISO 8601 text of a year, a month, a day or a day with time."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}" + (f"T{clock.iso()}" if clock else "")
    return text


Handler = Callable[[regex.Match, str, "Grammar"], list[Atom]]


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns, look-backs and lookups, built once from rules/dates.yml."""

    patterns: tuple[tuple[regex.Pattern, Handler], ...]
    re: dict[str, regex.Pattern]  # look-backs (ending at \Z) and look-aheads used by handlers
    in_span: frozenset[str]
    past: frozenset[str]
    weak: frozenset[str]
    tense_after: dict[str, int]
    pm: dict[str, tuple[int, int]]
    relative: dict[str, int]
    term_words: dict[str, tuple[int, bool]]
    party_term: dict[str, int]
    numbers: dict[str, int]  # small counts in words: "sáu" -> 6
    months: dict[str, int]  # month names in words: "chín" -> 9 ("tháng Chín")
    comparison: dict[str, int]  # a comparison cue before a base year -> years to the article's own

    def count(self, written: str) -> int:
        """A count written in digits or in words ("7", "Bảy"); 0 for a lower-case "năm" (a year)."""
        if written.isdigit():
            return int(written)
        return 0 if written == "năm" else self.numbers[casefold_words(written)]

    def before(self, name: str, text: str, start: int, width: int = 24) -> regex.Match | None:
        """The look-back `name` ending right at `start`."""
        return self.re[name].search(text, max(0, start - width), start)

    def after(self, name: str, text: str, end: int) -> regex.Match | None:
        """The look-ahead `name` starting right at `end`."""
        return self.re[name].match(text, end)


def _year_tail(match: regex.Match, g: Grammar) -> dict[str, int]:
    """Point fields from a pattern's `y` (written year) or `rel` ("năm ngoái") group."""
    groups = match.groupdict()
    if groups.get("y"):
        return {"year": int(groups["y"])}
    if groups.get("rel"):
        return {"offset": g.relative[casefold_words(groups["rel"])]}
    return {}


def _counted(text: str, start: int, g: Grammar) -> bool:
    """Whether a number or quantity word comes right before ("bao năm nay", "mỗi tháng 2 lần")."""
    return g.before("counted", text, start) is not None


def _prefixed(name: str, match: regex.Match, text: str, g: Grammar) -> int:
    """Start of the match taking in the words of look-back `name` written right before it."""
    found = g.before(name, text, match.start())
    return found.start() if found and found.start() < match.start() else match.start()


def _on_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """25/4, 30-6, 27-28/4 after a trigger word ("ngày", "sáng", "từ"); any 7-4-2021 or 25/9/2020."""
    day, month, sep = int(match["d"]), int(match["m"]), match["sep"].strip()
    tail = _year_tail(match, g)
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger else ""
    if not (tail.get("year") or word):
        return []
    weak = word in g.weak and not tail.get("year")
    if weak and (sep != "/" or g.after("fraction", text, match.end())):
        return []  # "từ 2/3 tổng số": a fraction
    if not tail.get("year") and (weak or sep != "/") and g.after("unit", text, match.end()):
        return []  # "ngày 2-3 lần"
    if not valid_date(tail.get("year"), month, day):
        return []
    in_span = trigger and word in g.in_span and not trigger["ts"].strip()
    start = trigger.start() if in_span else match.start()
    lo = Point(month=month, day=day, **tail)
    if match.groupdict().get("d2"):
        last = int(match["d2"])
        if sep != "/" or last <= day or not valid_date(tail.get("year"), month, last):
            return []
        return [Atom(start, match.end(), lo, Point(month=month, day=last, **tail))]
    return [Atom(start, match.end(), lo, pm=g.pm.get(word, (0, 0)), tense=-1 if word in g.past else 0)]


def _on_day_list(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """ngày 2 và 3/6/2021, ngày 10, 11 và 12/6: every day takes the month (and year) of the last."""
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and not trigger["ts"].strip() else ""
    if word not in g.in_span:
        return []
    tail, spans, month = _year_tail(match, g), match.spans("item"), int(match["m"])
    if any(not valid_date(tail.get("year"), month, int(text[a:b])) for a, b in spans):
        return []
    return [
        Atom(trigger.start() if i == 0 else start, match.end() if i == len(spans) - 1 else end,
             Point(month=month, day=int(text[start:end]), **tail), borrowed=i < len(spans) - 1)
        for i, (start, end) in enumerate(spans)
    ]


def _on_day_span(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """từ ngày 27 đến 29/4, ngày 12 đến ngày 15 tháng 10 năm 2020: the first day takes the last's month."""
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and not trigger["ts"].strip() else ""
    tail, month = _year_tail(match, g), int(match["m"])
    first, last = int(match["d"]), int(match["d2"])
    if word not in g.in_span or first >= last or not valid_date(tail.get("year"), month, last):
        return []
    return [Atom(trigger.start(), match.end(), Point(month=month, day=first, **tail),
                 Point(month=month, day=last, **tail))]


def _on_iso(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """2021-04-21 and 2021-04-21T14:30 written in the text."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    clock = clock_from(match["hh"], match["mi"]) if match["hh"] else None
    if not valid_date(year, month, day):
        return []
    return [Atom(match.start(), match.end(), Point(year, month, day, clock))]


def _on_word_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """ngày 7 tháng 4 năm 2021; "ngày 2 tháng 9" takes the article's year."""
    tail = _year_tail(match, g)
    day, month = int(match["d"]), int(match["m"])
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and not trigger["ts"].strip() else ""
    if not (tail or word in g.in_span) or not valid_date(tail.get("year"), month, day):
        return []
    start = trigger.start() if word in g.in_span else match.start()
    return [Atom(start, match.end(), Point(month=month, day=day, **tail), pm=g.pm.get(word, (0, 0)))]


def _on_paren_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """(25/4) and (17-18/4): a bare day/month alone in brackets is a date; (19-5) after a named day."""
    day, month = int(match["d"]), int(match["m"])
    last = int(match["d2"]) if match["d2"] else None
    if not valid_date(None, month, day) or (last and not (day < last and valid_date(None, month, last))):
        return []
    if match["sep"] == "-" and (last or not g.before("named_day", text, match.start(), width=100)):
        return []  # "(2-1)" is a score unless it dates a named day: "Ngày sinh Chủ tịch Hồ Chí Minh (19-5)"
    hi = Point(month=month, day=last) if last else None
    return [Atom(match.start("d"), match.end("m"), Point(month=month, day=day), hi)]


def _on_month(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 10/2017, tháng 10 năm 2017, cuối tháng 10 năm ngoái, tháng 9 (the article's year)."""
    tail = _year_tail(match, g)
    if _counted(text, match.start(), g) or (not tail and g.after("unit", text, match.end())):
        return []  # "mỗi tháng 2 lần", "tháng 3 triệu đồng"
    month = int(match["m"]) if match["m"].isdigit() else g.months[casefold_words(match["m"])]
    return [Atom(_prefixed("modifier", match, text, g), match.end(), Point(month=month, **tail))]


def _on_month_range(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 9-11/2020: months of one year."""
    first, last = int(match["m"]), int(match["m2"])
    if last <= first or _counted(text, match.start(), g):
        return []
    tail = _year_tail(match, g)
    return [Atom(match.start(), match.end(), Point(month=first, **tail), Point(month=last, **tail))]


def _item_start(text: str, start: int, word: str) -> int:
    """Start of a list item, taking in the word ("tháng", "quý") written right before it."""
    before = regex.search(rf"(?i){word}\s+\Z", text[max(0, start - 12):start])
    return start - len(before.group(0)) if before else start


def _on_month_list(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 7, 8 và 9/2020: every month takes the year written after the last one."""
    if _counted(text, match.start(), g):
        return []
    tail, spans = _year_tail(match, g), match.spans("item")
    return [
        Atom(_item_start(text, start, "tháng"), match.end() if i == len(spans) - 1 else end,
             Point(month=int(text[start:end]), **tail), borrowed=i < len(spans) - 1)
        for i, (start, end) in enumerate(spans)
    ]


def _on_quarter(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """quý II, quý I/2021, quý II và quý III năm nay: three months each."""
    tail, spans = _year_tail(match, g), match.spans("item")
    atoms = []
    for i, (start, end) in enumerate(spans):
        quarter, last = QUARTERS[text[start:end].casefold()], i == len(spans) - 1
        atoms.append(Atom(_item_start(text, start, "quý"), match.end() if last else end,
                          Point(month=3 * quarter - 2, **tail), Point(month=3 * quarter, **tail),
                          borrowed=bool(tail) and not last))
    return atoms


def _on_year_range(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """2016 - 2020, giai đoạn 2016-2020, nhiệm kỳ 2020–2025, năm học 2019/2020."""
    first, last = int(match["y"]), int(match["y2"])
    period = g.before("period", text, match.start())
    if not 0 < last - first <= 100 or ("/" in match["rs"] and not period and last - first > 1):
        return []
    counts = g.before("approx", text, match.start()) or g.after("unit", text, match.end())
    if not period and (first < 1900 or counts):
        return []  # "từ 2000-3000 người": a range of counts
    term = bool(period) and casefold_words(period["pw"]) == "nhiệm kỳ"
    start = period.start() if period else match.start()
    return [Atom(start, match.end(), Point(first), Point(last), explicit_term=term)]


def _on_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """năm 2016, cuối năm 2020, SN 1955, and a bare 2018 that is not a count or a code."""
    year = int(match["y"])
    decade = g.before("decade", text, match.start()) if year % 10 == 0 else None
    if decade:
        return [Atom(decade.start(), match.end(), Point(year), Point(year + 9))]
    prefix = g.before("year_prefix", text, match.start())
    if not (prefix and prefix["nam"]) and (
        year < 1900 or text[match.end():match.end() + 1].isalpha()  # "the 1980s"
        or g.before("approx", text, match.start()) or g.after("unit", text, match.end())
        or _DIGIT_SPACE.search(text, max(0, match.start() - 2), match.start())
    ):
        return []  # "khoảng 2000 em", "hơn 2000 năm", "1900 9009": counts and phone numbers
    start = prefix.start() if prefix and prefix.start() < match.start() else match.start()
    return [Atom(start, match.end(), Point(year))]


def _on_relative_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """năm nay, năm ngoái, cuối năm nay: the year relative to the article's."""
    if _counted(text, match.start(), g):
        return []
    point = Point(offset=g.relative[casefold_words(match["rel"])])
    return [Atom(_prefixed("modifier", match, text, g), match.end(), point)]


def _on_part_of_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """9 tháng năm 2017, 6 tháng đầu năm, nửa cuối năm nay: the first or last months of a year."""
    groups = match.groupdict()
    half = casefold_words(groups["half"] or "")
    months = g.count(groups["n"]) if groups.get("n") else 6
    tail = _year_tail(match, g)
    if not 1 <= months <= 12 or not (half or tail or groups.get("some")) or (groups.get("of") and months < 2):
        return []  # "trong 1 tháng của năm 2010" lasted a month; it was not January
    if not tail:
        tail = {"offset": 0}  # "6 tháng đầu năm", "những tháng cuối năm": the article's year
    first, last = (13 - months, 12) if half == "cuối" else (1, months)
    return [Atom(match.start(), match.end(), Point(month=first, **tail), Point(month=last, **tail))]


def _on_months_back(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """7 tháng qua, 3 tháng vừa qua: the months up to the publication month."""
    months = g.count(match["n"])
    if not 1 <= months <= 12 or _counted(text, match.start(), g):
        return []
    lo, hi = Point(month=1, offset=0), Point(month=months, offset=0) if months > 1 else None
    return [Atom(match.start(), match.end(), lo, hi, months_back=months)]


def _on_month_word(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng Chín, tháng Tám năm 2020: a month named in words (capitalised, or before its year)."""
    tail = _year_tail(match, g)
    if not (tail or match["mw"][0].isupper()) or _counted(text, match.start(), g):
        return []
    point = Point(month=g.months[casefold_words(match["mw"])], **tail)
    return [Atom(_prefixed("modifier", match, text, g), match.end(), point)]


def _on_year_edge(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """so với đầu năm, đến cuối năm, "Cuối năm, ...": the first or last month of the article's year.

    Only after a preposition or opening a sentence: "giữa năm và cuối năm" of a recurring season
    is no date.
    """
    if not (g.before("edge_head", text, match.start()) or g.before("sentence_start", text, match.start())):
        return []
    month = 1 if casefold_words(match["half"]) == "đầu" else 12
    return [Atom(match.start(), match.end(), Point(month=month, offset=0))]


def _on_within_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """"Trong năm, ..." opening a sentence: the article's year ("một mùa trong năm" is any year)."""
    if not g.before("sentence_start", text, match.start()):
        return []
    return [Atom(match.start(), match.end(), Point(offset=0))]


def _on_years_back(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Qua 5 năm (2016 - 2020) as written; "Qua 5 năm", "5 năm qua": the N years up to the article's."""
    cue = g.before("back_cue", text, match.start())
    start = cue.start() if cue else match.start()
    if match["y"]:
        first, last = int(match["y"]), int(match["y2"])
        return [Atom(start, match.end(), Point(first), Point(last))] if first < last else []
    years, end = int(match["n"]), match.end()
    if cue and (regex.match(r"\s+\d|\p{L}", text[end:end + 2]) or g.after("back_future", text, end)):
        return []  # "qua 2 năm 2019 và 2020": the years are dates of their own; "sau 5 năm nữa": to come
    if not cue:
        after = g.after("back_after", text, end)
        if not after and not g.before("back_length", text, match.start()):
            after = g.after("back_doing", text, end)
        if not after or g.before("approx", text, match.start()) or _counted(text, match.start(), g):
            return []
        end = after.end()
    return [Atom(start, end, Point(offset=-years), Point(offset=0))] if 1 <= years <= 50 else []


def _on_term(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """nhiệm kỳ tới (the next Party term), Từ đầu nhiệm kỳ đến nay (since the current one began)."""
    head = g.before("term_since", text, match.start())
    tail = g.after("since_tail", text, match.end("kw"))
    if head and tail:
        return [Atom(head.start(), tail.end(), Point(), term=0, open_end=True)]
    if not match["tw"] or _counted(text, match.start(), g):
        return []
    offset, ended = g.term_words[casefold_words(match["tw"])]
    return [Atom(match.start(), match.end(), Point(), term=offset, term_ended=ended)]


def _on_since_year_start(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Từ đầu năm đến nay: from the first month of the article's year, open to the present."""
    head = g.before("since_head_word", text, match.start())
    return [Atom(head.start(), match.end(), Point(month=1, offset=0), open_end=True)] if head else []


def _lexicon(rules: dict[str, Any], key: str) -> str:
    return alternation([entry["term"] for entry in rules[key]], spaces="any")


@compiled
def grammar() -> Grammar:
    """Every pattern, compiled once per process from the rule file."""
    rules = date_rules()
    lex = {key: _lexicon(rules, key) for key in _LEXICONS}
    rel_tail = rf"\s+năm\s+(?P<rel>{lex['relative_years']})\b(?!\s+(?:đó|ấy)\b)"
    year_tail = (rf"(?:\s*(?:/|{DASHES}|\.)\s*(?P<y>{YEAR})(?!\d)"
                 rf"|\s*,?\s+năm\s+(?P<y>{YEAR})(?!\d)|{rel_tail})")
    year_end = rf"(?!\d|[.,]\d|/|-\p{{L}}|\s?%|{DASH}\d)"
    item_joiner = rf"\s*(?:,|và|hoặc|{DASHES})\s*"
    until = r"(?:cho\s+)?(?:đến|tới)(?:\s+hết)?"  # "đến", "tới", "cho đến hết"
    list_gap = rf"\s*(?:,|;|và|hoặc|{DASHES}|{until})\s*"
    quarter = r"(?P<item>IV|III|II|I|[1-4])(?![\p{L}\d])"
    count = rf"(?:(?=\d)(?<![\d.,])(?P<n>\d{{1,2}})|(?<!\p{{L}})(?P<n>{lex['number_words']})(?!\p{{L}}))"
    specs: list[tuple[str, Handler]] = [
        (rf"(?=\d)(?<![\d\-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?!\d)", _on_iso),
        (rf"{NUM_START}(?P<d>{DAY})\s?(?P<sep>[/.\-])\s?(?P<m>{MONTH})\s?(?P=sep)\s?(?P<y>{YEAR})"
         r"(?!\d|[.,]\d|/\p{L}|-\p{L})", _on_day),
        (rf"(?=\d)(?<![\d.,])(?P<d>{DAY})\s+tháng\s+(?P<m>{MONTH})"
         rf"(?:\s*,?\s*năm\s+(?P<y>{YEAR})|\s*/\s*(?P<y>{YEAR})|{rel_tail})?(?![\d\p{{L}}]|[.,/]\d)",
         _on_word_day),
        (rf"{NUM_START}(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?(?P<sep>\s?/\s?|-|\.)(?P<m>{MONTH})"
         rf"(?:\s+năm\s+(?P<y>{YEAR})(?!\d)|{rel_tail})?{NUM_END}", _on_day),
        # a span of days sharing month and year: "ngày 15-16/5/2021", "từ ngày 25-27/12/2020"
        (rf"{NUM_START}(?P<d>{DAY}){DASH}(?P<d2>{DAY})(?P<sep>\s?/\s?)(?P<m>{MONTH})\s?/\s?(?P<y>{YEAR})"
         rf"(?!\d|[.,]\d|/)", _on_day),
        (rf"{NUM_START}(?P<item>{DAY})(?:\s*(?:,|và|hoặc)\s*(?P<item>{DAY}))+\s?/\s?(?P<m>{MONTH})"
         rf"(?:\s?/\s?(?P<y>{YEAR}))?(?!\d|[.,/]\d)", _on_day_list),
        # the same with dashes, as dash-style papers write it: "ngày 5 và 6-6-2024", "ngày 14, 15-6"
        (rf"{NUM_START}(?P<item>{DAY})(?:\s*(?:,|và|hoặc)\s*(?P<item>{DAY}))+-(?P<m>{MONTH})"
         rf"(?:-(?P<y>{YEAR}))?(?!\d|[.,/-]\d)", _on_day_list),
        (rf"{NUM_START}(?P<d>{DAY})\s+(?:đến|tới)\s+(?:ngày\s+)?(?P<d2>{DAY})(?:\s?/\s?(?P<m>{MONTH})"
         rf"(?:\s?/\s?(?P<y>{YEAR}))?|-(?P<m>{MONTH})(?:-(?P<y>{YEAR}))?|\s+tháng\s+(?P<m>{MONTH})(?:\s*,?\s*năm\s+(?P<y>{YEAR}))?){NUM_END}",
         _on_day_span),
        (rf"\(\s*(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?(?P<sep>\s?/\s?|-)(?P<m>{MONTH})\s*\)", _on_paren_day),
        (rf"tháng\s+(?P<item>{MONTH})(?:\s*(?:,|và|hoặc)\s*(?:tháng\s+)?(?P<item>{MONTH}))+{year_tail}",
         _on_month_list),
        (rf"tháng\s+(?P<m>{MONTH}){DASH}(?:tháng\s+)?(?P<m2>{MONTH})(?:{year_tail})?{NUM_END}",
         _on_month_range),
        (rf"tháng\s+(?P<m>{MONTH})(?:{year_tail})?{NUM_END}", _on_month),
        (rf"\bquý\s+{quarter}(?:{item_joiner}(?:quý\s+)?{quarter})*(?:{year_tail})?", _on_quarter),
        (rf"{NUM_START}(?P<y>{YEAR})(?P<rs>{DASH}|\s?/\s?)(?P<y2>{YEAR}){year_end}", _on_year_range),
        (rf"{NUM_START}(?P<y>{YEAR})(?!\s\d){year_end}", _on_year),
        (rf"\bnăm\s+(?P<rel>{lex['relative_years']})\b(?!\s+(?:đó|ấy)\b)", _on_relative_year),
        (rf"{count}\s+tháng\s+(?:(?P<half>đầu|cuối)\s+)?(?:(?P<of>của)\s+)?năm"
         rf"(?:\s+(?P<y>{YEAR})(?!\d)|{rel_tail})?", _on_part_of_year),
        (rf"(?<!\p{{L}})(?P<some>những|các)\s+tháng\s+(?P<half>đầu|cuối)\s+năm"
         rf"(?:\s+(?P<y>{YEAR})(?!\d)|{rel_tail})?", _on_part_of_year),
        (rf"{count}\s+tháng\s+(?:vừa\s+)?qua(?!\p{{L}})", _on_months_back),
        (rf"tháng\s+(?P<mw>{lex['month_words']})(?!\p{{L}})(?:{year_tail})?{NUM_END}", _on_month_word),
        (r"(?<!\p{L})(?P<half>đầu|cuối)\s+năm(?![\p{L}\d]|\s+(?:\d|học|lớp|tài\s+chính))", _on_year_edge),
        (r"(?<!\p{L})trong\s+năm(?=[^\S\n]*,)", _on_within_year),
        (rf"\bnửa\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>{YEAR})(?!\d)|{rel_tail})?", _on_part_of_year),
        (rf"(?=\d)(?<![\d.,])(?P<n>\d{{1,2}})\s+năm(?:\s*\(\s*(?P<y>{YEAR}){DASH}(?P<y2>{YEAR})\s*\))?",
         _on_years_back),
        (rf"\bnhiệm\s+(?P<kw>kỳ)(?:\s+(?P<tw>{lex['term_words']})\b)?", _on_term),
        (rf"\bđầu\s+năm\s+{lex['since_tails']}\b", _on_since_year_start),
    ]
    looks = {
        "trigger": rf"(?<!\p{{L}})(?P<tw>{lex['day_triggers']}|{lex['range_triggers']})(?P<ts>\s*[,(]?\s*)\Z",
        "counted": rf"(?:\d|(?<!\p{{L}}){lex['quantity_words']})\s+\Z",
        "modifier": rf"(?<!\p{{L}})(?:{lex['period_modifiers']}|trong|cùng\s+kỳ)\s+\Z",
        "period": rf"(?<!\p{{L}})(?P<pw>{lex['period_words']})\s+\Z",
        "approx": rf"(?<!\p{{L}}){lex['approximators']}\s+\Z",
        "year_prefix": rf"(?<!\p{{L}})(?:{lex['period_modifiers']}\s+)?(?:(?P<nam>năm)\s+|SN\s*)\Z"
                       rf"|(?<!\p{{L}}){lex['period_modifiers']}\s+\Z",
        "decade": rf"(?<!\p{{L}}){lex['decade_words']}\s+\Z",
        "tense": rf"[^\S\n]+(?P<tw>{lex['tense_after']})\b",
        "lunar": rf"\s*\(?\s*{lex['lunar_markers']}\b",
        "back_cue": rf"(?<!\p{{L}})(?<!{lex['years_back_blockers']}\s+){lex['years_back_before']}\s+\Z",
        "back_after": rf"\s+{lex['years_back_after']}\b",
        "back_future": rf"\s+{lex['years_back_future']}\b",
        "back_doing": rf"\s+{lex['years_back_doing']}(?=[^\S\n]+\p{{L}})",
        "named_day": rf"(?<!\p{{L}}){lex['named_days']}[^.;:!?\n()]{{0,80}}\Z",
        "back_length": rf"(?<!\p{{L}}){lex['years_back_lengths']}\s+\Z",
        "term_since": rf"(?<!\p{{L}}){lex['since_heads']}\s+đầu\s+\Z",
        "since_head_word": rf"(?<!\p{{L}}){lex['since_heads']}\s+\Z",
        "since_head": rf"(?<!\p{{L}}){lex['since_heads']}\s*\(?\s*\Z",
        "since_tail": rf"\s*,?\s*{lex['since_tails']}\b",
        "founded": rf"(?<!\p{{L}}){lex['founding_verbs']}\s+\Z",
        "day_count": rf"(?<![\p{{L}}\d])(?P<n>\d{{1,2}}|{lex['number_words']})\s+\Z",
        "term_opener": rf"(?<!\p{{L}}){lex['term_openers']}(?!\p{{L}})[^.;!?\n]*\Z",
        "range_next": rf"\s*(?:{DASHES}|{until})",
        "edge_head": rf"(?<!\p{{L}}){lex['year_edge_heads']}\s+\Z",
        "sentence_start": r"(?:\A|[.!?:;\n]|[.!?]\s*[”\"])[^\S\n]*\Z",
        "comparison": rf"(?<!\p{{L}})(?P<cw>{lex['comparison_bases']})\s+\Z",
        "target": rf"(?<!\p{{L}}){lex['target_heads']}\s+\Z",
        "fraction": rf"{HSPACE}+{lex['fraction_nouns']}\b",
        "unit": rf"{HSPACE}+{lex['count_units']}\b(?!{HSPACE}+lệ\b)",  # not "tỷ lệ" (rate)
        "chain": rf"{list_gap}(?P<item>(?:ngày\s+)?(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?\s?/\s?(?P<m>{MONTH})"
                 rf"(?:\s?/\s?(?P<y>{YEAR})|\s+năm\s+(?P<y>{YEAR}))?){NUM_END}",
        "list_gap": list_gap,
        "range_gap": rf"\s*(?:{DASHES}|{until})\s*",
        "time_before": rf"(?<![\d:]){TIME}(?:\s*(?P<pod>{lex['parts_of_day']}))?[\s,(]*"
                       rf"(?:{lex['day_triggers']}[\s,(]*)?\Z",
        "time_after": rf"(?:\s*[-–|,]?\s*(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?!\d)"
                      rf"|\s*,?\s+(?:vào\s+)?lúc\s+{TIME})(?:\s+(?P<pod>{lex['parts_of_day']})\b)?",
    }
    return Grammar(
        patterns=tuple((regex.compile(p, FLAGS), h) for p, h in specs),
        re={name: regex.compile(p, FLAGS) for name, p in looks.items()},
        in_span=frozenset(casefold_words(e["term"]) for e in rules["day_triggers"] if e["in_span"]),
        past=frozenset(casefold_words(e["term"]) for e in rules["day_triggers"] if e.get("past")),
        tense_after={casefold_words(e["term"]): e["offset"] for e in rules["tense_after"]},
        weak=frozenset(casefold_words(e["term"]) for e in rules["range_triggers"]),
        pm={casefold_words(e["term"]): (e["pm_from"], e["pm_below"]) for e in rules["parts_of_day"]},
        relative={casefold_words(e["term"]): e["offset"] for e in rules["relative_years"]},
        term_words={casefold_words(e["term"]): (e["offset"], e.get("ended", False))
                    for e in rules["term_words"]},
        party_term=dict(rules["party_term"]),
        numbers={casefold_words(e["term"]): e["value"] for e in rules["number_words"]},
        months={casefold_words(e["term"]): e["month"] for e in rules["month_words"]},
        comparison={casefold_words(e["term"]): e["offset"] for e in rules["comparison_bases"]},
    )
