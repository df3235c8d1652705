"""Date pattern handlers for days: a day and its month, in digits or words, alone, listed or spanned."""

from __future__ import annotations

import regex

from pipeline.datetime_parse.atoms import Atom, Point, clock_from, valid_date
from pipeline.datetime_parse.lexicon import Grammar
from pipeline.datetime_parse.match_context import year_tail
from pipeline.text import casefold_words

_PHRASE_END = regex.compile(r"[^\S\n]*(?:[.,;:!?()\"”]|\n|\Z)")


def on_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """25/4, 30-6, 27-28/4 after a trigger word ("ngày", "sáng", "từ"); any 7-4-2021 or 25/9/2020."""
    day, month, sep = int(match["d"]), int(match["m"]), match["sep"].strip()
    tail = year_tail(match, g)
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger else ""
    # "Ngày Quốc tế Phụ nữ 8/3", "ngày Thương binh liệt sỹ 27/7": a named day's name ends with its date
    named = not (tail.get("year") or word) and g.before("named_day_name", text, match.start(), width=80)
    if not (tail.get("year") or word or named):
        return []
    # "từ 30-4 đến 3-5 năm nay": a range word's dashed day whose pair is a day by its year, "ngày" or
    # "hết" ("từ 2-3 đến 4-5 người" is a count); the pair is read as any day listed after a day
    paired = word in g.weak and sep == "-" and _dated_pair(text, match.end(), g)
    weak = word in g.weak and not (tail.get("year") or paired)
    dashed_end = (sep != "/" and not _PHRASE_END.match(text, match.end())
                  and not (named and _named_runs_on(named, text, match.end(), g)))
    if (weak or named) and ((sep != "/" and not named) or (named and dashed_end)
                            or g.after("fraction", text, match.end())):
        return []  # "từ 2/3 tổng số": a fraction; "Ngày hội có 3-4 gian hàng": a count
    if not tail.get("year") and (weak or named or sep != "/") and g.after("unit", text, match.end()):
        return []  # "ngày 2-3 lần"
    if not valid_date(tail.get("year"), month, day):
        return []
    in_span = trigger and word in g.in_span and not trigger["ts"].strip()
    start = trigger.start() if in_span else match.start()
    lo = Point(month=month, day=day, **tail)
    if match.groupdict().get("d2"):
        last = int(match["d2"])
        # "ngày 3-4-5" may be no span; with its year written ("ngày 25-26-7-2022") a dashed one is
        year = tail.get("year")
        if (sep != "/" and not year) or last <= day or not valid_date(year, month, last):
            return []
        return [Atom(start, match.end(), lo, Point(month=month, day=last, **tail))]
    return [Atom(start, match.end(), lo, pm=g.pm.get(word, (0, 0)), tense=-1 if word in g.past else 0)]


def _named_runs_on(name: regex.Match, text: str, end: int, g: Grammar) -> bool:
    """Whether a named day's dashed date runs on into its clause: a capitalised word in the name after
    its head and a function word after the date ("Ngày Nhà giáo Việt Nam 20-11 là ngày ...", "Ngày Môi
    trường thế giới 13-8 tại ..."); a count runs on into its noun ("Ngày hội có 3-4 gian hàng")."""
    capitalised = any(word[0].isupper() for word in name.group(0).split()[1:])
    return capitalised and bool(g.after("named_follower", text, end))


def _dated_pair(text: str, end: int, g: Grammar) -> bool:
    """Whether "đến" and a dashed day right after `end` are a day: written with its year, "năm nay",
    after "hết" or "ngày" ("đến 3-5-2021", "đến 3-5 năm nay", "đến hết 31-12", "đến ngày 5-6")."""
    pair = g.after("dashed_pair", text, end)
    dated = pair and (pair["y"] or pair["rel"] or pair["upto"] or pair["day"])
    return bool(dated and not g.after("unit", text, pair.end()))  # "đến hết 6-8 người" counts


def on_day_list(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """ngày 2 và 3/6/2021, ngày 10, 11 và 12/6: every day takes the month (and year) of the last; also
    the days bracketed after a count of them ("Trong 02 ngày (14 và 15/11/2019)")."""
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and trigger["ts"].strip() in ("", "(") else ""
    if word not in g.in_span:
        return []
    tail, spans, month = year_tail(match, g), match.spans("item"), int(match["m"])
    if any(not valid_date(tail.get("year"), month, int(text[a:b])) for a, b in spans):
        return []
    return [
        Atom(trigger.start() if i == 0 else start, match.end() if i == len(spans) - 1 else end,
             Point(month=month, day=int(text[start:end]), **tail), borrowed=i < len(spans) - 1)
        for i, (start, end) in enumerate(spans)
    ]


def on_day_span(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """từ ngày 27 đến 29/4, ngày 12 đến ngày 15 tháng 10 năm 2020, từ 13 đến 16-10-2015: the first day
    takes the last's month. A range word ("từ") opens the span only with the year written, as a lone
    day after it needs: "từ 2 đến 3/10" without one may be a fraction."""
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and not trigger["ts"].strip() else ""
    tail, month = year_tail(match, g), int(match["m"])
    first, last = int(match["d"]), int(match["d2"])
    opened = word in g.in_span or (word in g.weak and word not in g.days_only and tail.get("year"))
    if not opened or first >= last or not valid_date(tail.get("year"), month, last):
        return []
    return [Atom(trigger.start(), match.end(), Point(month=month, day=first, **tail),
                 Point(month=month, day=last, **tail))]


def on_day_pair(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """30/4-1/5, (1/7 đến 3/7/2021): two day/months running forward, one month to the next at most, are
    a span of days even with no trigger word. Fractions are not: "từ 1/3-1/2 số hộ" runs backward,
    "2/3-3/4 diện tích" has a fraction noun, and "tỷ lệ 1/2-2/3" (each first number the smaller, no
    year) reads as two fractions first; a span across the new year needs its year written."""
    first, last = (int(match["d"]), int(match["m"])), (int(match["d2"]), int(match["m2"]))
    tail = year_tail(match, g)
    forward = (last[1] == first[1] and last[0] > first[0]) or last[1] == first[1] % 12 + 1
    fractions = first[0] < first[1] and last[0] < last[1] and not tail
    new_year = last[1] < first[1] and not tail
    if (not forward or fractions or new_year or g.before("approx", text, match.start())
            or g.after("fraction", text, match.end())):
        return []
    # "từ ngày 14/4 đến 19/4" is read with its trigger; "dịp 30/4, 1/5 đến ngày 23/5" is a list; a first
    # day written with a dot or a dash after a weak trigger ("từ 17.10 đến 18.11.2021", "từ 3-7 - 4-7-2022")
    # is no day on its own, so the pair reads it
    trigger = g.before("trigger", text, match.start())
    unslashed = text[match.end("d")] in ".-" and not (trigger and casefold_words(trigger["tw"]) in g.in_span)
    if (trigger and not unslashed) or g.before("listed_day", text, match.start()):
        return []
    first_year = tail.get("year", 0) - 1 if tail and last[1] < first[1] else tail.get("year")
    if not (valid_date(first_year, first[1], first[0]) and valid_date(tail.get("year"), last[1], last[0])):
        return []
    lo = Point(month=first[1], day=first[0], **({"year": first_year} if first_year else {}))
    return [Atom(match.start(), match.end(), lo, Point(month=last[1], day=last[0], **tail))]


def on_iso(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """2021-04-21 and 2021-04-21T14:30 written in the text."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    clock = clock_from(match["hh"], match["mi"]) if match["hh"] else None
    if not valid_date(year, month, day):
        return []
    return [Atom(match.start(), match.end(), Point(year, month, day, clock))]


def on_us_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """5/26/2022: a month-first day, its second number over 12 so no day-first reading exists."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not valid_date(year, month, day):
        return []
    return [Atom(match.start(), match.end(), Point(year, month, day))]


def on_word_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """ngày 7 tháng 4 năm 2021, ngày 15 tháng Mười Hai; "ngày 2 tháng 9" takes the article's year."""
    tail = year_tail(match, g)
    trigger = g.before("trigger", text, match.start())
    word = casefold_words(trigger["tw"]) if trigger and not trigger["ts"].strip() else ""
    if match.groupdict().get("mw"):
        named = casefold_words(match["mw"])
        # lower case, "năm" reads as "year" ("9 tháng năm 2017": nine months of it); other month words
        # need the day's "ngày" when not capitalised ("3 tháng hai" may be a count)
        if not match["mw"][0].isupper() and (named == "năm" or not word):
            return []
        day, month = int(match["d"]), g.months[named]
    else:
        day, month = int(match["d"]), int(match["m"])
    if not (tail or word in g.in_span) or not valid_date(tail.get("year"), month, day):
        return []
    if not word and "/" in text[match.start():match.start("y") if match["y"] else match.start()]:
        return []  # "đạt cấp độ 2 tháng 12/2014": "N tháng M/YYYY" is a day only after "ngày", "sáng"...
    if not word and g.before("ordinal", text, match.start()):
        return []  # "tuần thứ 2 tháng 3/2024": a week's number; the month alone is read on its own
    start = trigger.start() if word in g.in_span else match.start()
    return [Atom(start, match.end(), Point(month=month, day=day, **tail), pm=g.pm.get(word, (0, 0)))]


def on_paren_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """(25/4) and (17-18/4): a bare day/month alone in brackets is a date; (19-5) after a named day."""
    day, month = int(match["d"]), int(match["m"])
    last = int(match["d2"]) if match["d2"] else None
    if not valid_date(None, month, day) or (last and not (day < last and valid_date(None, month, last))):
        return []
    named = (g.before("named_day", text, match.start(), width=100)
             or g.before("named_day_name", text, match.start(), width=80))
    if match["sep"] == "-" and (last or not named):
        return []  # "(2-1)" is a score unless it dates a named day: "Ngày sinh Chủ tịch Hồ Chí Minh (19-5)"
    hi = Point(month=month, day=last) if last else None
    return [Atom(match.start("d"), match.end("m"), Point(month=month, day=day), hi)]
