"""The dates of a sentence, each with the role it plays for the figures near it (spec section 4a
`time`): a period, a deadline, an "as of" day, a start open to now, a Party term, a document's issue
date; comparison bases, purposes and birth years left out. `figure_time` chooses among them."""

from __future__ import annotations

import regex

from pipeline.datetime_parse import AGE_YEARS
from pipeline.extract.article_facts import Article, anniversary
from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import Dated, is_period, joined, span_end, within
from pipeline.model import Mention

PAST_MONTHS = regex.compile(r"(?<![\p{L}\d.,])(\d{1,2})\s+tháng\s+(?:vừa\s+)?qua(?!\p{L})", regex.IGNORECASE)
FUTURE = regex.compile(r"(?<!\p{L})(\d{1,2})\s+(năm(?:\s+sắp)?\s+tới|năm\s+nữa)(?!\p{L})", regex.IGNORECASE)
# a span written with both its ends ("nhiệm kỳ 2020-2025"), not a decade ("những năm 1980")
BOTH_ENDS = regex.compile(r"\d{4}\D{1,12}\d{2,4}")
FAR_BASE_REACH = 12  # words a comparison's base may run back from its date to the cue opening it
BASE_PHRASE_WORDS = 6  # words a base's value may stand before the date closing its phrase


def _spans_an_age(value: str) -> bool:
    """Whether a closed span runs more than AGE_YEARS years ("1930/2023")."""
    first, _, last = value.partition("/")
    return first[:4].isdigit() and last[:4].isdigit() and int(last[:4]) - int(first[:4]) > AGE_YEARS


class SentenceDates:
    """The dates of one segment's sentences, read in order, and what they leave for the next."""

    def __init__(self, words: Words, article: Article):
        self.words = words
        self.article = article
        self.date_words: set[int] = set()  # the first words of the dates of the sentence read last
        self.days: list[tuple[int, str]] = []  # (start, value) of the days read so far: events' days
        self.terms: list[tuple[int, str]] = []  # (start, value) of the Party terms read so far
        self.plans: set[int] = set()  # starts of the dates that name what a plan is for
        self.foundings: set[int] = set()  # starts of the dates something came to be on ("thành lập năm 1999")
        self.documents: list[int] = []  # starts of the documents named in the sentence read last
        self.document_spans: list[tuple[int, int]] = []  # where their names start and end
        self.date_spans: list[tuple[int, int]] = []  # where the sentence's dates start and end

    def dates(self, low: int, high: int, mentions: list[Mention]) -> list[Dated]:
        """(start, end, value, role) of the sentence's dates: role is `time`, `deadline` or `cued`
        (after a cue such as "trong", the only dates after a figure that date it), `base` (closing a
        comparison's base that names what is compared: "so với mức lỗ của năm 2019"), `asof` (at the
        end of its period), `since` (open to now: "Từ ngày 1/7/2025"), `issued`, `titled` (the period
        an unnumbered document's title holds: "Kế hoạch ... giai đoạn 2021 - 2025"), `term` or `named`
        (the event a day holds); other comparison bases, purposes and birth years are left out. "10 năm
        tới" and "7 tháng qua" count from publication."""
        words, found, last_directive, numbered = self.words, [], -10, False
        bases: list[Dated] = []  # plain comparison bases: they date only the value bracketed after them
        self.foundings = set()
        self.documents = [m.start for m in mentions if m.type == "DIRECTIVE"]
        self.document_spans = [(m.start, m.end) for m in mentions if m.type == "DIRECTIVE"]
        self.date_spans = [(m.start, m.end) for m in mentions if m.type == "DATE"]
        self.date_words = {words.at(m.start) for m in mentions if m.type == "DATE"}
        for m in mentions:
            if m.type == "DIRECTIVE":
                # a numbered document's date is its issue date; an unnumbered plan's year or span is
                # the period it plans ("Kế hoạch công tác kiểm tra, giám sát năm 2024")
                last_directive, numbered = m.end, any(c.isdigit() for c in m.text)
            if m.type == "ORG" and rules().has("issuer_links", words.text[last_directive : m.start].strip()):
                last_directive = m.end  # its issuer before its day: "Nghị quyết 830 của UBTVQH ngày ..."
            if m.type != "DATE" or not m.attrs.get("value"):
                continue
            i = words.at(m.start)
            compared = self._comparison(i)
            if words.term_before(i, "not_time_cues", i - 3):
                continue
            if compared == "base":
                # "so với năm 2008 (75,96%)": a plain base dates no figure but the value bracketed
                # right after it, which is the base's (`restates`)
                bases.append((m.start, m.end, span_end(str(m.attrs["value"])), "compared"))
                continue
            if compared == "named":
                # a base naming what is compared ("so với mức lỗ của năm 2019") dates no figure but the
                # one restating its value (`figure_time`)
                found.append((m.start, m.end, span_end(str(m.attrs["value"])), "base"))
                continue
            deadline = words.term_before(i, "deadline_cues", i - 3)
            value = str(m.attrs["value"])
            closed = "/" in value and not value.endswith("/..")
            if closed and m.attrs.get("inferred") and _spans_an_age(value):
                continue  # "Bảy mươi năm qua": an age counted back frames no figure (a written span may)
            # "tổ chức 01 ngày, trong khoảng từ ngày 28/6 đến 06/7/2021": a closed span after "từ" is a period
            cued = words.term_before(i, "time_after_cues", i - 3) or (
                closed and words.term_before(i, "since_cues", i - 2)
            )
            if (
                deadline > cued
                and not self._ahead(value)
                and (i - deadline == 0 or words.is_punct(i - deadline - 1) or self._past_cutoff(value))
            ):
                # "Đến ngày 3.10, ...": a day already past opening the clause is "as of"; so is a day
                # or month already past anywhere ("Tiến độ thực hiện 19 tiêu chí đến 30/9/2015 - Tổng
                # tiêu chí đạt được: 1.286 tiêu chí"): a plan's horizon is a year ("đến năm 2025")
                deadline = 0
            role = "deadline" if deadline > cued else ("cued" if cued else "time")
            # a Party term after "trong" is the period of what is said ("kết nạp 300 đảng viên trong nhiệm
            # kỳ qua"), `cued` like "trong năm 2020", not the name of a congress
            spans_clause = words.term_before(i, "period_cues", i - 2)
            if words.term_before(i, "as_of_cues", i - 3):
                role = "asof"  # "tính đến ngày 01/3/2017": the state of things on that day
                value = value.rpartition("/")[2] if value[-1:].isdigit() else value  # "cuối quý 2": its end
            elif "/" not in value and (
                words.term_before(i, "since_cues", i - 2) or _since_to_now(words, i, words.at(m.end))
            ):
                value, role = f"{value}/..", "since"  # "Từ ngày 1/7/2025, tỉnh có ...": since then
            elif closed and BOTH_ENDS.search(m.text) and words.term_before(i, "span_start_cues", i - 1):
                value = value.partition("/")[0]  # "đầu nhiệm kỳ 2020-2025, Đảng bộ có ...": its first year
            elif closed and BOTH_ENDS.search(m.text) and words.term_before(i, "span_end_cues", i - 1):
                value = value.partition("/")[2]  # "cuối nhiệm kỳ 2015-2020, hội có ...": its last year
            elif m.start - last_directive <= 3 and (numbered or not is_period(value)):
                role = "issued"  # "Quyết định số 219-QĐ/TU ngày 7-8-2025": dates its own sentence only
            elif m.start - last_directive <= 3 and role == "time":
                role = "titled"  # "Thực hiện Kế hoạch ... giai đoạn 2021 - 2025, ...": its title's period
            elif words.term_at(i, "qualifying_periods") and not spans_clause:
                role = "term"  # "tổ chức đại hội nhiệm kỳ 2017-2020": names the congress, dates no count
            elif role == "time" and words.term_before(i, "review_words", i - 2):
                role = "review"  # "hội nghị sơ kết 6 tháng đầu năm 2023": names the meeting
            elif role == "time" and self._funded(i):
                role = "fund"  # "giải ngân 1,6 tỷ đồng từ nguồn vốn ... năm 2019": the fund's year
            if words.term_at(i, "year_end_words") and value[4:] == "-12":
                value = value[:4]  # "Cuối năm, Hội đã phát triển mới 21 nhóm": the year's results
            if compared == "same":
                role = "same"  # "cùng kỳ năm 2020 tăng 0,78%": the period of what follows it, there only
            found.append((m.start, m.end, span_end(value), role))
            if words.term_before(i, "founding_verbs", i - 3) or (
                i > 0 and words.lower[i - 1] == "vào" and words.term_before(i - 1, "founding_verbs", i - 4)
            ):
                self.foundings.add(m.start)  # "được thành lập năm 1999": a point, no period to go on with
            if role in ("time", "cued", "review", "titled") and words.term_before(i, "plan_periods", i - 3):
                self.plans.add(m.start)  # "theo kế hoạch năm 2017": the plan's period
            if role in ("time", "cued") and len(value.partition("/")[0]) == 10 and not anniversary(value):
                self.days.append((m.start, value))  # (an anniversary's span of generations is no event's day)
            elif role == "term" or (role == "cued" and words.term_at(i, "qualifying_periods")):
                self.terms.append((m.start, value))  # ("trong nhiệm kỳ tới" too: a congress elects for it)
        year, month = self.article.year, self.article.month
        if year and month:  # "7 tháng qua" in an August article: January to July
            for match in PAST_MONTHS.finditer(words.text, low, high):
                if 1 <= (months := int(match.group(1))) < month:
                    value = f"{year}-{month - months:02d}/{year}-{month - 1:02d}"
                    found.append((match.start(), match.end(), value, "time"))
        if self.article.year:
            for match in FUTURE.finditer(words.text, low, high):
                years = int(match.group(1))
                value = f"{self.article.year}/{self.article.year + years - 1}"
                found.append((match.start(), match.end(), value, "deadline"))
        return sorted([*joined(words.text, self._named_events(sorted(found), low, high)), *bases])

    def _named_events(self, found: list[Dated], low: int, high: int) -> list[Dated]:
        """A year or month that holds the day its sentence opens on ("Sáng ngày 27-8, Ban Tuyên giáo
        Tỉnh ủy tổ chức Hội nghị báo cáo viên tháng 8/2018 ..."; "Ngày 30.1, Thư viện tỉnh tổ chức hội
        nghị triển khai nhiệm vụ ... năm 2018"), in a clause that holds an event (`holding_events`: "tổ
        chức", "diễn ra"), names the event held that day: role `named`, dating nothing; the day dates the
        clause and what follows. A period a meeting reviews ("tổ chức hội nghị tổng kết công tác năm
        2022") still frames what the meeting reports; an act that holds no event ("ban hành Quyết định
        phê duyệt kết quả rà soát hộ nghèo năm 2019") leaves the period to date what the document sets out."""
        words = self.words
        if not found:
            return found
        day, text = found[0], words.text
        if (
            day[3] != "time"
            or is_period(day[2])
            or words.at(day[0]) - words.at(low) > 2
            or not text[day[1] :].lstrip(" ").startswith(",")
        ):
            return found  # no day framing the sentence's first clause
        # the day's clause, up to a semicolon or the sentence's end: the event held in it
        cut = text.find(";", day[1], high)
        clause = range(words.at(day[1]), words.before(cut if cut >= 0 else high))
        if not any(words.term_at(k, "holding_events") for k in clause):
            return found
        out = [day]
        for date in found[1:]:
            if (
                date[3] == "time"
                and within(day[2], date[2])
                and words.at(date[0]) in clause
                and not any(words.term_at(k, "review_words") for k in range(clause.start, words.at(date[0])))
            ):
                date = (*date[:3], "named")
            out.append(date)
        return out

    def _comparison(self, i: int) -> str:
        """ "base" where the date at word `i` is the base of a comparison ("so với cùng kỳ năm 2019",
        "so với cùng kỳ của năm 2019"); "named" where it closes a base naming what is compared
        (`_far_base`: "so với mức lỗ của năm 2019"); "same" where it is the same period of another year named
        without a comparison cue ("(cùng kỳ năm 2020 tăng 0,78%)"): the period of what is said of
        it; else ""."""
        words = self.words
        if words.term_before(i, "period_cues", i - 2):
            return ""  # "giảm 18 đảng viên so cùng kỳ trong 6 tháng đầu năm": the base ended before "trong"
        if same := words.term_before(i, "same_periods", i - 3):
            k = i - same
            compared = words.term_before(k, "comparison_cues", k - 4) or words.compared(k, 3)
            return "base" if compared else "same"
        if words.term_before(i, "comparison_cues", i - 4) or words.compared(i, 2):
            return "base"
        return "named" if self._far_base(i) else ""

    def _far_base(self, i: int) -> bool:
        """Whether the date at word `i` closes the base of a comparison opened further back in its
        clause: after a `comparison_bases` cue with no number between ("so với kế hoạch Tổng Công ty
        Điện lực Miền Nam (EVNSPC) giao năm 2022"), or after a share or a multiple a `ratio_cues` cue
        opens ("bằng 98,7% vụ đông xuân năm trước", "gấp 2 lần giai đoạn 2011 – 2020"): the period
        compared with, not the figure's (spec 4a). A stop, another date or a period cue ends the look."""
        words, k = self.words, i - 1
        floor = max(i - FAR_BASE_REACH, 0)
        while k >= floor:
            if words.lower[k] == ")":  # an aside inside the base: "(EVNSPC)"
                k = next((j for j in range(k - 1, floor - 1, -1) if words.lower[j] == "("), floor) - 1
                continue
            if words.is_punct(k) or k in self.date_words or words.term_before(k + 1, "period_cues", k):
                return False
            if words.lower[k][:1].isdigit():
                # a number between the cue and the date is a figure of its own, unless a ratio cue
                # opens it and a share or a multiple's unit closes it
                unit = words.lower[k].endswith("%") or words.term_at(k + 1, "ratio_units")
                unit = unit or (k + 1 < len(words) and words.lower[k + 1] == "%")
                return bool(unit and words.term_before(k, "ratio_cues", k - 2))
            if words.term_before(k + 1, "comparison_bases", k - 3):
                return True
            k -= 1
        return False

    def own_deadlines(self, fig: Mention, deadlines: list[Dated], clause: int) -> list[Dated]:
        """The deadlines a target is for: those of its own clause (between ";" or ":"), else those of
        the sentence's first clause, which frame what follows ("Tỉnh phấn đấu đến cuối năm 2025, hộ
        nghèo giảm còn dưới 1%; trong đó, ..."); a deadline inside a later item of a list is that item's
        ("... như: thu nhập bình quân đầu người đến năm 2025 đạt 108 triệu đồng; xây dựng 3/4 trường học
        đạt chuẩn quốc gia": not the 3/4's)."""
        own_end = self._list_clause(fig.start)[1]
        first_end = self._list_clause(self.words.sentence(fig.start)[0])[1]
        mine = [d for d in deadlines if clause <= d[0] < own_end]
        return mine or [d for d in deadlines if d[0] < first_end]

    def _list_clause(self, pos: int) -> tuple[int, int]:
        """Character bounds of the clause holding `pos`: its sentence cut at ";" and ":"."""
        low, high = self.words.sentence(pos)
        text = self.words.text
        start = max(low, text.rfind(";", low, pos) + 1, text.rfind(":", low, pos) + 1)
        ends = [k for k in (text.find(";", pos, high), text.find(":", pos, high)) if k >= 0]
        return start, min(ends, default=high)

    def restates(self, base: Dated, fig: Mention) -> bool:
        """Whether a figure follows a comparison base's date with nothing between but an opening
        bracket or a copula (`base_value_links`: "là"): the value of what is compared with. After a
        plain base (role `compared`: "tăng hơn so với năm 2008 (75,96%)") only the bracket: a copula
        there gives the change's value ("Mức tăng CPI ... so với cùng kỳ năm trước là 1,72%")."""
        if base[3] not in ("base", "compared") or base[1] > fig.start:
            return False
        words = self.words
        between = range(words.at(base[1]), words.at(fig.start))
        if base[3] == "compared":
            return [words.lower[k] for k in between] == ["("]
        return all(words.lower[k] == "(" or words.term_at(k, "base_value_links") for k in between)

    def base_period(self, fig: Mention, dates: list[Dated]) -> str | None:
        """The period of a comparison's base whose value the figure is: a figure right after a
        comparison cue (`comparison_bases`, a `base_value_nouns` word between: "so với mức") whose
        phrase a date closes, nothing but words between ("xuống 1,79% so với mức 1,98% cuối năm
        2020", "so với 275 triệu máy bán ra trong quý I/2020", "so với 432.009 tỷ đồng ở thời điểm
        cuối năm ngoái"): what the base measured then (spec 4a), not the compared figure's period."""
        words = self.words
        at = words.at(fig.start)
        opens = at - words.term_before(at, "base_value_nouns", at - 2)
        if not words.term_before(opens, "comparison_bases", opens - 3):
            return None
        high = words.sentence(fig.start)[1]
        for date in dates:
            if not fig.end <= date[0] < high or date[3] in ("deadline", "fund", "named"):
                continue
            between = range(words.at(fig.end), words.at(date[0]))
            if len(between) <= BASE_PHRASE_WORDS and not any(
                words.is_punct(k) or words.lower[k][:1].isdigit() for k in between
            ):
                return date[2]
            return None  # the first date after the figure closes its phrase, or none does
        return None

    def _funded(self, i: int) -> bool:
        """Whether the date at word `i` closes a phrase naming where money comes from ("từ nguồn vốn
        Quỹ Hỗ trợ nông dân do Trung ương Hội ủy thác năm 2019", "từ nguồn hỗ trợ đất lúa năm 2022"):
        the year the fund was allotted, not the period of what it paid for."""
        words = self.words
        for k in range(i - 1, max(i - 15, 0), -1):
            if words.is_punct(k) or k in self.date_words:
                return False
            if words.term_at(k, "fund_heads", i) and words.term_before(k, "since_cues", k - 1):
                return True
        return False

    def _past_cutoff(self, value: str) -> bool:
        """Whether a date is a day or a month not after the publication month (any, on an undated
        page): a report's cut-off, not a plan's horizon."""
        if len(value) not in (7, 10) or not value[:4].isdigit() or not value[5:7].isdigit():
            return False
        year, month = self.article.year, self.article.month
        return not year or (int(value[:4]), int(value[5:7])) <= (year, month or 12)

    def _ahead(self, value: str) -> bool:
        """Whether a date lies after the publication year ("Đến năm 2025" written in 2021)."""
        year = self.article.year
        return bool(year and value[:4].isdigit() and int(value.split("/")[-1][:4] or 0) > year)


def _since_to_now(words: Words, i: int, after: int) -> bool:
    """Whether a date is followed by "đến nay" with a "từ" a few words before it ("Tính từ ngày phát
    động 17-10-2000 đến nay"): a period open to now."""
    return bool(words.term_at(after, "until_now")) and any(
        words.term_at(k, "since_cues") for k in range(max(0, i - 5), i)
    )
