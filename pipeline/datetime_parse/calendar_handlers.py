"""Date pattern handlers for calendar months, quarters, years and decades as written."""

from __future__ import annotations

import regex

from pipeline.datetime_parse.atoms import Atom, Point
from pipeline.datetime_parse.lexicon import QUARTERS, Grammar
from pipeline.datetime_parse.match_context import counted, item_start, prefixed, relative_lead, year_tail
from pipeline.text import casefold_words

_DIGIT_SPACE = regex.compile(r"\d\s\Z")


def on_lunar_new_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Tết Nguyên đán Tân Sửu, xuân Mậu Tuất: a lunar New Year named by its cycle, no year written."""
    lunar = (g.cycle[casefold_words(match["stem"])], g.cycle[casefold_words(match["branch"])])
    return [Atom(match.start(), match.end(), Point(), lunar_year=lunar)]


def on_month(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 10/2017, tháng 10 năm 2017, cuối tháng 10 năm ngoái, tháng 9 (the article's year)."""
    tail = year_tail(match, g)
    # a number before a month whose year follows a slash counts nothing: "đạt cấp độ 2 tháng 12/2014"
    slashed = tail.get("year") and "/" in text[match.end("m"):match.start("y")]
    if (counted(text, match.start(), g) and not slashed) or (not tail and g.after("unit", text, match.end())):
        return []  # "mỗi tháng 2 lần", "tháng 3 triệu đồng"
    if g.before("named_month", text, match.start()):
        # "Cách mạng tháng 8 năm 1945": an event's name, dated by its year; a year written after a slash
        # or dash ("tháng 8/1945") has no reading of its own, so it is read here, over the month it dates
        # (a bare "8/1945" would read as a fraction)
        glued = match["y"] and not text[match.end("m"):match.start("y")].strip(" /-–").strip()
        return [Atom(match.start(), match.end("y"), Point(int(match["y"])))] if glued else []
    month = int(match["m"]) if match["m"].isdigit() else g.months[casefold_words(match["m"])]
    return [Atom(prefixed("modifier", match, text, g), match.end(), Point(month=month, **tail))]


def on_month_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """từ 9/2019, đến 12/2020: a month and year without "tháng", after a word of time ("từ", "đến",
    "vào", "hết"...) or alone in brackets ("Nghị định 43 (04/2006)"); elsewhere "1/2000" may be a
    ratio or a map scale."""
    trigger = g.before("trigger", text, match.start())
    opened = trigger and not trigger["ts"].strip() and casefold_words(trigger["tw"]) not in g.days_only
    ranged = g.before("month_year_dash", text, match.start())  # "(từ 7/2014 - 10/2017)": the end needs none
    bracketed = g.before("bracket_open", text, match.start()) and g.after("bracket_close", text, match.end())
    if not (opened or ranged or bracketed) or g.after("fraction", text, match.end()):
        return []
    return [Atom(match.start(), match.end(), Point(year=int(match["y"]), month=int(match["m"])))]


def on_month_range(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 9-11/2020, trong tháng 7-8, cuối tháng 9-10: months of one year. It takes in the modifier
    before it as a lone month does, or "Trong tháng 7" (the longer span) would win over the range."""
    first, last = int(match["m"]), int(match["m2"])
    if last <= first or counted(text, match.start(), g):
        return []
    tail = year_tail(match, g)
    start = prefixed("modifier", match, text, g)
    return [Atom(start, match.end(), Point(month=first, **tail), Point(month=last, **tail))]


def on_month_list(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 7, 8 và 9/2020: every month takes the year written after the last one. A plural or a count
    of the listed months before it names them ("các tháng 11, 12/2021", "2 tháng 10 và 11/2020") when the
    year is written; without one it is a length or a recurrence ("mỗi tháng 2, 3 lần")."""
    tail, spans = year_tail(match, g), match.spans("item")
    first = item_start(text, spans[0][0], "tháng")
    if counted(text, match.start(), g):
        head = _list_head(text, match.start(), len(spans), g) if "year" in tail else None
        if head is None:
            return []
        first = head
    last = len(spans) - 1
    return [
        Atom(first if i == 0 else item_start(text, start, "tháng"), match.end() if i == last else end,
             Point(month=int(text[start:end]), **tail), borrowed=i < last)
        for i, (start, end) in enumerate(spans)
    ]


def _list_head(text: str, start: int, items: int, g: Grammar) -> int | None:
    """Where a plural ("các", "những") or a count of exactly the listed months ("2 tháng 10 và 11")
    before a list of months starts; None for any other quantity word."""
    plural = g.before("listed_plural", text, start)
    if plural:
        return plural.start()
    count = g.before("day_count", text, start)
    if count and g.count(count["n"]) == items:
        return count.start()
    return None


def on_month_word(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng Chín, tháng Tám năm 2020: a month named in words (capitalised, or before its year)."""
    tail = year_tail(match, g)
    if not (tail or match["mw"][0].isupper()) or counted(text, match.start(), g):
        return []
    if g.before("named_month", text, match.start()):
        return []  # "Cách mạng Tháng Tám năm 1945": an event's name; its year is read on its own
    point = Point(month=g.months[casefold_words(match["mw"])], **tail)
    return [Atom(prefixed("modifier", match, text, g), match.end(), point)]


def on_quarter(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """quý II, quý I/2021, quý II và quý III năm nay: three months each."""
    tail, spans = year_tail(match, g), match.spans("item")
    if not tail and g.after("plural_years", text, match.end()):
        return []  # "quý IV các năm 2011-2019": that quarter of every year named, no one date
    atoms = []
    for i, (start, end) in enumerate(spans):
        quarter, last = QUARTERS[text[start:end].casefold()], i == len(spans) - 1
        first = match.start() if i == 0 else item_start(text, start, "quý")  # "quý I", "Q1" opens it
        atoms.append(Atom(first, match.end() if last else end,
                          Point(month=3 * quarter - 2, **tail), Point(month=3 * quarter, **tail),
                          borrowed=bool(tail) and not last))
    return atoms


def on_year_range(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """2016 - 2020, giai đoạn 2016-2020, nhiệm kỳ 2020–2025, năm học 2019/2020."""
    first, last = int(match["y"]), int(match["y2"])
    period = g.before("period", text, match.start())
    if not 0 < last - first <= 100 or ("/" in match["rs"] and not period and last - first > 1):
        return []
    counts = g.before("approx", text, match.start()) or g.after("unit", text, match.end())
    if not period and (first < 1900 or counts):
        return []  # "từ 2000-3000 người": a range of counts
    if period:
        start, term = period.start(), casefold_words(period["pw"]) == "nhiệm kỳ"
    else:
        start, term = relative_lead(text, match.start(), g)
    return [Atom(start, match.end(), Point(first), Point(last), explicit_term=term)]


def on_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
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
    start, _ = relative_lead(text, start, g)  # "năm nay 2020": one expression, not two
    return [Atom(start, match.end(), Point(year))]


def on_decade(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """thập niên 90, cuối những năm 80 của thế kỷ trước: a decade written by its tens alone."""
    tens = int(match["tens"])
    base = g.centuries[casefold_words(match["c"])] if match["c"] else 1900 if tens >= 40 else None
    if base is None:
        return []  # "những năm 20", "vào thập niên 30": the 1930s or a forecast's 2030s
    first = base + tens
    return [Atom(prefixed("modifier", match, text, g), match.end(), Point(first), Point(first + 9))]
