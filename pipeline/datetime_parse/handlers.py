"""Handlers of the date patterns: each reads one match into atoms, or refuses it (a count, a code)."""

from __future__ import annotations

import regex

from pipeline.datetime_parse.atoms import Atom, Point, clock_from, valid_date
from pipeline.datetime_parse.lexicon import QUARTERS, Grammar
from pipeline.text import casefold_words

_DIGIT_SPACE = regex.compile(r"\d\s\Z")
_NUMBER_NEXT = regex.compile(r"\s+\d")  # "trong 2 năm 2019 và 2020": a number right after
_PHRASE_END = regex.compile(r"[^\S\n]*(?:[.,;:!?()\"”]|\n|\Z)")


def _year_tail(match: regex.Match, g: Grammar) -> dict[str, int]:
    """Point fields from a pattern's `y` (written year) or `rel` ("năm ngoái") group."""
    groups = match.groupdict()
    if groups.get("y"):
        return {"year": int(groups["y"])}
    if groups.get("rel"):
        return {"offset": g.relative[casefold_words(groups["rel"])]}
    return {}


def _counted(text: str, start: int, g: Grammar) -> bool:
    """Whether a number or quantity word comes right before ("bao năm nay", "mỗi tháng 2 lần"); an
    ordinal's number is none ("tuần thứ 2 tháng 3/2024")."""
    count = g.before("counted", text, start)
    if count is None:
        return False
    return not (count.group(0)[0].isdigit() and g.before("ordinal", text, _number_start(text, count.start())))


def _number_start(text: str, end: int) -> int:
    """Where the digits ending at `end` begin."""
    while end > 0 and text[end - 1].isdigit():
        end -= 1
    return end


def _prefixed(name: str, match: regex.Match, text: str, g: Grammar) -> int:
    """Start of the match taking in the words of look-back `name` written right before it."""
    found = g.before(name, text, match.start())
    return found.start() if found and found.start() < match.start() else match.start()


def on_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """25/4, 30-6, 27-28/4 after a trigger word ("ngày", "sáng", "từ"); any 7-4-2021 or 25/9/2020."""
    day, month, sep = int(match["d"]), int(match["m"]), match["sep"].strip()
    tail = _year_tail(match, g)
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
    tail, spans, month = _year_tail(match, g), match.spans("item"), int(match["m"])
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
    tail, month = _year_tail(match, g), int(match["m"])
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
    tail = _year_tail(match, g)
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


def on_word_day(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """ngày 7 tháng 4 năm 2021, ngày 15 tháng Mười Hai; "ngày 2 tháng 9" takes the article's year."""
    tail = _year_tail(match, g)
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


def on_month(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 10/2017, tháng 10 năm 2017, cuối tháng 10 năm ngoái, tháng 9 (the article's year)."""
    tail = _year_tail(match, g)
    if _counted(text, match.start(), g) or (not tail and g.after("unit", text, match.end())):
        return []  # "mỗi tháng 2 lần", "tháng 3 triệu đồng"
    if g.before("named_month", text, match.start()):
        # "Cách mạng tháng 8 năm 1945": an event's name, dated by its year; a year written after a slash
        # or dash ("tháng 8/1945") has no reading of its own, so it is read here, over the month it dates
        # (a bare "8/1945" would read as a fraction)
        glued = match["y"] and not text[match.end("m"):match.start("y")].strip(" /-–").strip()
        return [Atom(match.start(), match.end("y"), Point(int(match["y"])))] if glued else []
    month = int(match["m"]) if match["m"].isdigit() else g.months[casefold_words(match["m"])]
    return [Atom(_prefixed("modifier", match, text, g), match.end(), Point(month=month, **tail))]


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
    if last <= first or _counted(text, match.start(), g):
        return []
    tail = _year_tail(match, g)
    start = _prefixed("modifier", match, text, g)
    return [Atom(start, match.end(), Point(month=first, **tail), Point(month=last, **tail))]


def _item_start(text: str, start: int, word: str) -> int:
    """Start of a list item, taking in the word ("tháng", "quý") written right before it."""
    before = regex.search(rf"(?i){word}\s+\Z", text[max(0, start - 12):start])
    return start - len(before.group(0)) if before else start


def on_month_list(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng 7, 8 và 9/2020: every month takes the year written after the last one. A plural or a count
    of the listed months before it names them ("các tháng 11, 12/2021", "2 tháng 10 và 11/2020") when the
    year is written; without one it is a length or a recurrence ("mỗi tháng 2, 3 lần")."""
    tail, spans = _year_tail(match, g), match.spans("item")
    first = _item_start(text, spans[0][0], "tháng")
    if _counted(text, match.start(), g):
        head = _list_head(text, match.start(), len(spans), g) if "year" in tail else None
        if head is None:
            return []
        first = head
    last = len(spans) - 1
    return [
        Atom(first if i == 0 else _item_start(text, start, "tháng"), match.end() if i == last else end,
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


def on_quarter(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """quý II, quý I/2021, quý II và quý III năm nay: three months each."""
    tail, spans = _year_tail(match, g), match.spans("item")
    if not tail and g.after("plural_years", text, match.end()):
        return []  # "quý IV các năm 2011-2019": that quarter of every year named, no one date
    atoms = []
    for i, (start, end) in enumerate(spans):
        quarter, last = QUARTERS[text[start:end].casefold()], i == len(spans) - 1
        first = match.start() if i == 0 else _item_start(text, start, "quý")  # "quý I", "Q1" opens it
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
    term = bool(period) and casefold_words(period["pw"]) == "nhiệm kỳ"
    start = period.start() if period else match.start()
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
    return [Atom(start, match.end(), Point(year))]


def on_decade(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """thập niên 90, cuối những năm 80 của thế kỷ trước: a decade written by its tens alone."""
    tens = int(match["tens"])
    base = g.centuries[casefold_words(match["c"])] if match["c"] else 1900 if tens >= 40 else None
    if base is None:
        return []  # "những năm 20", "vào thập niên 30": the 1930s or a forecast's 2030s
    first = base + tens
    return [Atom(_prefixed("modifier", match, text, g), match.end(), Point(first), Point(first + 9))]


def on_relative_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """năm nay, năm ngoái, cuối năm nay: the year relative to the article's."""
    if _counted(text, match.start(), g):
        return []
    point = Point(offset=g.relative[casefold_words(match["rel"])])
    return [Atom(_prefixed("modifier", match, text, g), match.end(), point)]


def on_relative_month(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng trước, đầu tháng này, tháng tới: the month relative to the publication month."""
    if _counted(text, match.start(), g):
        return []  # "vài tháng tới", "hai tháng trước": a length of time
    offset = g.relative_months[casefold_words(match["rel"])]
    return [Atom(_prefixed("modifier", match, text, g), match.end(), Point(), month_offset=offset)]


def on_part_of_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """9 tháng năm 2017, 6 tháng đầu năm, nửa cuối năm nay, 2 quý đầu năm: a year's first or last months."""
    groups = match.groupdict()
    half = casefold_words(groups["half"] or "")
    months = _months_counted(groups.get("n"), half, text, match.start(), g)
    if groups.get("quarters"):
        months = 3 * g.count(groups["n"]) if 1 <= g.count(groups["n"]) <= 3 else 0
    tail = _year_tail(match, g)
    if not 1 <= months <= 12 or not (half or tail or groups.get("some")) or (groups.get("of") and months < 2):
        return []  # "trong 1 tháng của năm 2010" lasted a month; it was not January
    counts = _counted(text, match.start(), g) or g.after("unit", text, match.end())
    if groups.get("bare") and (months < 2 or counts):
        return []  # "1 tháng 2020", "mỗi 3 tháng 2000 người", "6 tháng 1500 USD": a length and a count
    if not tail:
        tail = {"offset": 0}  # "6 tháng đầu năm", "những tháng cuối năm": the article's year
    if groups.get("some") and half == "đầu":
        # "những tháng đầu năm 2017": first months up to the writing, how many untold: only the year
        return [Atom(match.start(), match.end(), Point(**tail))]
    first, last = (13 - months, 12) if half == "cuối" else (1, months)
    return [Atom(match.start(), match.end(), Point(month=first, **tail), Point(month=last, **tail))]


def _months_counted(written: str | None, half: str, text: str, start: int, g: Grammar) -> int:
    """How many months a part of a year counts: six when untold ("nửa đầu năm"); a lower-case "năm" is
    five only before "tháng đầu/cuối năm" ("năm tháng đầu năm", the first five months), where it cannot
    be the word "year" ("những năm tháng đầu năm 1975" speaks of years and months)."""
    if not written:
        return 6
    plural = regex.search(r"(?<!\p{L})(?:những|các)\s+\Z", text[max(0, start - 8):start])
    if written == "năm" and half and plural is None:
        return 5
    return g.count(written)


def on_months_back(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """7 tháng qua, 3 tháng vừa qua: the months up to the publication month."""
    months = g.count(match["n"])
    if not 1 <= months <= 12 or _counted(text, match.start(), g):
        return []
    lo, hi = Point(month=1, offset=0), Point(month=months, offset=0) if months > 1 else None
    return [Atom(match.start(), match.end(), lo, hi, months_back=months)]


def on_bare_months(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """"kim ngạch 7 tháng đạt 3,26 tỷ USD": N months said again after "7 tháng qua", "7 tháng năm 2023"
    are that period (kept by `segment_atoms` only when the text named it before); a length ("thời hạn
    6 tháng") or a count ("mỗi 3 tháng") is none."""
    months = g.count(match["n"])
    start = match.start()
    if not 2 <= months <= 12 or _counted(text, start, g) or g.before("back_length", text, start):
        return []
    return [Atom(match.start(), match.end(), Point(month=1, offset=0), Point(month=months, offset=0),
                 repeats_months=months)]


def on_month_word(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng Chín, tháng Tám năm 2020: a month named in words (capitalised, or before its year)."""
    tail = _year_tail(match, g)
    if not (tail or match["mw"][0].isupper()) or _counted(text, match.start(), g):
        return []
    if g.before("named_month", text, match.start()):
        return []  # "Cách mạng Tháng Tám năm 1945": an event's name; its year is read on its own
    point = Point(month=g.months[casefold_words(match["mw"])], **tail)
    return [Atom(_prefixed("modifier", match, text, g), match.end(), point)]


def on_year_edge(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """so với đầu năm, đến cuối năm, "Cuối năm, ...": the first or last month of the article's year.

    Only after a preposition or opening a sentence: "giữa năm và cuối năm" of a recurring season
    is no date.
    """
    if not (g.before("edge_head", text, match.start()) or g.before("sentence_start", text, match.start())):
        return []
    month = 1 if casefold_words(match["half"]) == "đầu" else 12
    return [Atom(match.start(), match.end(), Point(month=month, offset=0))]


def on_within_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """"Trong năm, ..." opening a sentence: the article's year ("một mùa trong năm" is any year)."""
    if not g.before("sentence_start", text, match.start()):
        return []
    return [Atom(match.start(), match.end(), Point(offset=0))]


def on_reported_term(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """"Trong nhiệm kỳ, ..." opening a sentence: the term the article reports on; "so với đầu nhiệm kỳ":
    that term's first year. A bare term inside a clause ("khối đầu nhiệm kỳ (...)") dates nothing."""
    if match["within"]:  # as "Trong năm, ...": opening a sentence, closed by a comma
        opening = g.before("sentence_start", text, match.start())
        if not (opening and regex.match(r"[^\S\n]*,", text[match.end():])):
            return []
    elif not g.before("edge_head", text, match.start()):
        return []
    return [Atom(match.start(), match.end(), Point(), term=0, term_reported=True,
                 term_first_year=bool(match["edge"]))]


def on_years_back(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Qua 5 năm (2016 - 2020) as written; "Qua 5 năm", "5 năm qua": the N years up to the article's."""
    # "gần ba năm qua", "Qua hơn 4 năm triển khai Chỉ thị": a hedged count is the same period back
    hedge = g.before("approx", text, match.start())
    cue = g.before("back_cue", text, hedge.start() if hedge else match.start())
    start = cue.start() if cue else match.start()
    if match["y"]:
        first, last = int(match["y"]), int(match["y2"])
        return [Atom(start, match.end(), Point(first), Point(last))] if first < last else []
    # "năm năm qua": a "năm" before the word "năm" can only be the count five
    years, end = 5 if match["n"].casefold() == "năm" else g.count(match["n"]), match.end()
    if cue and (regex.match(r"\s+\d|\p{L}", text[end:end + 2]) or g.after("back_future", text, end)):
        return []  # "qua 2 năm 2019 và 2020": the years are dates of their own; "sau 5 năm nữa": to come
    if not cue:
        after = g.after("back_after", text, end)
        if not after and not g.before("back_length", text, match.start()):
            after = g.after("back_doing", text, end)
        after = after or g.after("back_growing", text, end)  # "91 năm hình thành": an age up to now
        if _counted(text, match.start(), g) or _NUMBER_NEXT.match(text, end):
            return []  # "mỗi 2 năm", "trong 2 năm 2019 và 2020": no period of its own
        if hedge and not after:
            # "hơn 2000 năm", "khoảng 3 năm": a length unless it runs up to now or frames a doing, or
            # says again N years the text counted before ("Nhìn lại gần 4 năm ..., sau gần 4 năm ...")
            return _repeated(match, text, g, years, hedge.start())
        if not after:
            if g.before("anniversary", text, match.start()):
                return []  # "Kỷ niệm 75 năm Ngày truyền thống": an anniversary's age, not a period
            return _framed_later(match, text, g, years) or _repeated(match, text, g, years, match.start())
        end = after.end()
    if not 1 <= years <= 99:
        return []
    return [Atom(start, end, Point(offset=-years), Point(offset=0), counted_years=years)]


def _repeated(match: regex.Match, text: str, g: Grammar, years: int, start: int) -> list[Atom]:
    """A bare "N năm" where a period stands: the N years counted before it in the text, if any
    (`date_segments`), else none."""
    if not 1 <= years <= 99 or not g.before("repeat_slot", text, start) or g.after("repeat_length", text,
                                                                                     match.end()):
        return []
    return [Atom(match.start(), match.end(), Point(offset=-years), Point(offset=0), repeats_years=years)]


def _framed_later(match: regex.Match, text: str, g: Grammar, years: int) -> list[Atom]:
    """"30 năm đổi mới và phát triển Trường (1986-2016)": N years whose sentence brackets a period
    exactly N years long are that period (an anniversary's N years are its age); so are "Trong N
    năm" opening the sentence after one that names such a period."""
    if g.before("anniversary", text, match.start()):
        return []  # "Kỷ niệm 75 năm Ngày truyền thống (1945 - 2020)": an anniversary's age, not a period
    since = g.after("since_year", text, match.end())
    if since:
        first = int(since["y"])  # "33 năm kể từ ... (1988)": the N years from that year on
        return [Atom(match.start(), match.end(), Point(first), Point(first + years), borrowed=True,
                     counted_years=years)]
    framed = g.after("framed_period", text, match.end()) or g.before("framed_before", text, match.start(),
                                                                      width=300)
    first, last = (int(framed["y"]), int(framed["y2"])) if framed else (0, 0)
    if last - first != years:
        return []
    return [Atom(match.start(), match.end(), Point(first), Point(last), borrowed=True, counted_years=years)]


def on_term(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """nhiệm kỳ tới (the next Party term), Từ đầu nhiệm kỳ đến nay (since the current one began)."""
    head = g.before("term_since", text, match.start())
    tail = g.after("since_tail", text, match.end("kw"))
    if head and tail:
        return [Atom(head.start(), tail.end(), Point(), term=0, open_end=True)]
    if not match["tw"] or _counted(text, match.start(), g):
        return []
    offset, ended = g.term_words[casefold_words(match["tw"])]
    return [Atom(match.start(), match.end(), Point(), term=offset, term_ended=ended)]


def on_since_year_start(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Từ đầu năm đến nay: from the first month of the article's year, open to the present."""
    head = g.before("since_head_word", text, match.start())
    return [Atom(head.start(), match.end(), Point(month=1, offset=0), open_end=True)] if head else []
