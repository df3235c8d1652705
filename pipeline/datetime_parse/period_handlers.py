"""Date pattern handlers for periods counted from the article's date: years back, parts of a year, terms."""

from __future__ import annotations

import regex

from pipeline.datetime_parse.atoms import Atom, Point
from pipeline.datetime_parse.lexicon import Grammar
from pipeline.datetime_parse.match_context import counted, prefixed, year_tail
from pipeline.text import casefold_words

_NUMBER_NEXT = regex.compile(r"\s+\d")  # "trong 2 năm 2019 và 2020": a number right after


def on_relative_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """năm nay, năm ngoái, cuối năm nay: the year relative to the article's."""
    if counted(text, match.start(), g):
        return []
    point = Point(offset=g.relative[casefold_words(match["rel"])])
    return [Atom(prefixed("modifier", match, text, g), match.end(), point)]


def on_relative_month(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """tháng trước, đầu tháng này, tháng tới: the month relative to the publication month."""
    if counted(text, match.start(), g):
        return []  # "vài tháng tới", "hai tháng trước": a length of time
    offset = g.relative_months[casefold_words(match["rel"])]
    return [Atom(prefixed("modifier", match, text, g), match.end(), Point(), month_offset=offset)]


def on_part_of_year(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """9 tháng năm 2017, 6 tháng đầu năm, nửa cuối năm nay, 2 quý đầu năm: a year's first or last months."""
    groups = match.groupdict()
    half = casefold_words(groups["half"] or "")
    months = _months_counted(groups.get("n"), half, text, match.start(), g)
    if groups.get("quarters"):
        months = 3 * g.count(groups["n"]) if 1 <= g.count(groups["n"]) <= 3 else 0
    tail = year_tail(match, g)
    if not 1 <= months <= 12 or not (half or tail or groups.get("some")) or (groups.get("of") and months < 2):
        return []  # "trong 1 tháng của năm 2010" lasted a month; it was not January
    counts = counted(text, match.start(), g) or g.after("unit", text, match.end())
    if groups.get("bare") and (months < 2 or counts):
        return []  # "1 tháng 2020", "mỗi 3 tháng 2000 người", "6 tháng 1500 USD": a length and a count
    written = "year" in tail
    if not tail:
        tail = {"offset": 0}  # "6 tháng đầu năm", "những tháng cuối năm": the article's year
    rest = half == "cuối" and not groups.get("quarters")
    if groups.get("some") and (half == "đầu" or written):
        # "những tháng đầu năm 2017", "các tháng cuối năm 2023": months at an edge of a written year,
        # how many untold: only the year (as "cuối năm 2020" is); a bare "những tháng cuối năm" is
        # the year's second half, still to come
        return [Atom(match.start(), match.end(), Point(**tail), year_rest=rest)]
    first, last = (13 - months, 12) if half == "cuối" else (1, months)
    return [Atom(match.start(), match.end(), Point(month=first, **tail), Point(month=last, **tail),
                 year_rest=rest)]


def _months_counted(written: str | None, half: str, text: str, start: int, g: Grammar) -> int:
    """How many months a part of a year counts: six when untold ("nửa đầu năm"); a lower-case "năm" is
    five only before "tháng đầu/cuối năm" ("năm tháng đầu năm", the first five months), where it cannot
    be the word "year" ("những năm tháng đầu năm 1975" speaks of years and months)."""
    if not written:
        return 6
    plural = g.before("listed_plural", text, start, width=8)  # rules/dates.yml listed_month_plurals
    if written == "năm" and half and plural is None:
        return 5
    return g.count(written)


def on_months_back(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """7 tháng qua, 3 tháng vừa qua: the months up to the publication month."""
    months = g.count(match["n"])
    if not 1 <= months <= 12 or counted(text, match.start(), g):
        return []
    lo, hi = Point(month=1, offset=0), Point(month=months, offset=0) if months > 1 else None
    return [Atom(match.start(), match.end(), lo, hi, months_back=months)]


def on_bare_months(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """"kim ngạch 7 tháng đạt 3,26 tỷ USD": N months said again after "7 tháng qua", "7 tháng năm 2023"
    are that period (kept by `segment_atoms` only when the text named it before); a length ("thời hạn
    6 tháng") or a count ("mỗi 3 tháng") is none."""
    months = g.count(match["n"])
    start = match.start()
    if not 2 <= months <= 12 or counted(text, start, g) or g.before("back_length", text, start):
        return []
    return [Atom(match.start(), match.end(), Point(month=1, offset=0), Point(month=months, offset=0),
                 repeats_months=months)]


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
        if counted(text, match.start(), g) or _NUMBER_NEXT.match(text, end):
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
    if g.before("anniversary", text, match.start()) or g.after("anniversary_object", text, match.end()):
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
    if not match["tw"] or counted(text, match.start(), g):
        return []
    offset, ended = g.term_words[casefold_words(match["tw"])]
    return [Atom(match.start(), match.end(), Point(), term=offset, term_ended=ended)]


def on_since_year_start(match: regex.Match, text: str, g: Grammar) -> list[Atom]:
    """Từ đầu năm đến nay: from the first month of the article's year, open to the present."""
    head = g.before("since_head_word", text, match.start())
    return [Atom(head.start(), match.end(), Point(month=1, offset=0), open_end=True)] if head else []
