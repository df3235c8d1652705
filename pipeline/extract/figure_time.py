"""When: the period each figure is for (spec section 4a `time`).

A figure's time is a date of its clause or sentence that is neither a comparison base ("so với cùng
kỳ năm 2019") nor a deadline of someone else's target, else the period the paragraph established,
else the article's; a target takes its deadline. The dates of a sentence are read once, each with
its role (a deadline, an "as of" day, a Party term, a document's issue date...), by `figure_dates`.
Pure functions over the words of a segment and the article's facts.
"""

from __future__ import annotations

from typing import Any

from pipeline.extract.article_facts import Article
from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import (
    Dated,
    across,
    bracketed,
    closed_aside,
    is_period,
    own_gap,
    past_enclosed,
    under_way,
    within,
)
from pipeline.extract.figure_events import EventDating
from pipeline.extract.plan_values import plan_value, plan_year
from pipeline.model import Mention
from pipeline.text import CLOSING_TOKENS, STOP_TOKENS

# what may follow a date that closes its sentence: a stop, a closing mark, a semicolon, white space
CLOSING_MARKS = "".join({*"".join(STOP_TOKENS), *"".join(CLOSING_TOKENS), ";", " ", "\t", "\n"})
PAST_YEAR_MONTHS = 6  # "the past year" on a page of the first half is the calendar year just closed
AGE_REACH = 4  # characters between a range's first number and the unit it shares ("6 -7 năm tuổi")


class Dating(EventDating):
    """The dates of one segment's sentences, and the period each of its figures is for."""

    def __init__(self, words: Words, article: Article):
        super().__init__(words, article)
        self.fell_back = False  # whether the last figure dated fell back on the article's period
        self.borrowed = False  # whether it took the same period of another year: no period to go on with

    def time(
        self,
        fig: Mention,
        dates: list[Dated],
        clause: int,
        inherited: str | None,
        reach: int,
        owned: set[int],
    ) -> str | None:
        """The period the figure is for (`_period`), widened to its whole year where the figure's clause
        says so before it ("9 tháng năm 2019, ... Tổng sản lượng lương thực cả năm ước đạt 13.240
        tấn": the year, not the months the paragraph reports on)."""
        period = self._period(fig, dates, clause, inherited, reach, owned)
        if period and _part_of_year(period) and self._whole_year(fig, clause):
            return period[:4]
        if period and plan_value(self.words, fig, [*self.document_spans, *self.date_spans]):
            return plan_year(period)
        return period

    def _whole_year(self, fig: Mention, clause: int) -> bool:
        """Whether a word of `whole_year_words` ("cả năm") stands in the figure's clause before it and
        before any other number there, or in the phrase framing its whole sentence ("Cả năm, huyện kết
        nạp 290 đảng viên; nâng tỷ lệ ... lên 50%"); not one of a date ("cả năm 2019": that year, another
        period) nor one qualifying an earlier number ("đạt 46,6% số thu dự toán cả năm, giảm 21%")."""
        words = self.words
        at = words.at(fig.start)
        low = words.at(clause)
        high = next((k for k in range(low, at) if words.lower[k][:1].isdigit()), at)  # before any number
        lead = [*range(low, high), *self._frame(fig)]
        return any(
            words.term_at(i, "whole_year_words", at)
            and not any(a <= words.starts[i] < b for a, b in self.date_spans)
            for i in lead
        )

    def _period(
        self,
        fig: Mention,
        dates: list[Dated],
        clause: int,
        inherited: str | None,
        reach: int,
        owned: set[int],
    ) -> str | None:
        """A target's deadline; else a date right after the figure ("xuống 1,3% năm 2025"), the nearest
        date before the figure in its clause, one right after its measure or after a cue ("trong năm
        2020"), an "as of" date anywhere in the sentence ("tính đến ngày 01/3/2017"), the nearest
        before it in the sentence; else the paragraph's period (`inherited`); else the article's.
        `clause`: where the figure's clause starts; `reach`: where its measure ends; `owned`: dates
        earlier figures of the sentence took as their own ("tăng từ mức 0,68% của đầu năm lên 0,83%":
        the start of the year is no period of 0,83%)."""
        target = bool(fig.attrs.get("is_target"))
        self.fell_back = self.borrowed = False
        text = self.words.text
        # a date a purpose clause holds after the figure is the purpose's ("22/74 huyện nghèo đang được
        # hỗ trợ để bảo đảm mục tiêu ... vào cuối năm 2025"): no period of the figure, nor its deadline
        dates = [d for d in dates if not self._purposed(fig, d)]
        # a target's period is its deadline (of its own list item, else the list's frame), else the
        # period a plan of its clause is for
        if target and (
            deadlines := self.own_deadlines(fig, [d for d in dates if d[3] == "deadline"], clause)
            or [d for d in dates if d[0] in self.plans and not across(text, d, fig)]
        ):
            return deadlines[0][2]
        # a figure restating a comparison's base right after its date is the base's ("so với mức lỗ của
        # năm 2019 là 2.005 tỷ đồng", "kế hoạch ... giao năm 2022 (15.285 triệu kWh)"); no other is,
        # and no period the paragraph goes on with
        if restated := [d for d in dates if self.restates(d, fig)]:
            self.borrowed = True
            return restated[-1][2]
        if (based := self.base_period(fig, dates)) is not None:
            self.borrowed = True
            return based
        dates = [d for d in dates if d[3] != "compared"]  # a plain base has no other part to play
        usable = [d for d in dates if d[3] not in ("deadline", "fund", "named", "base")]
        # a review meeting's period dates the figures of its own sentence like any other
        usable = [(*d[:3], "time") if d[3] == "review" else d for d in usable]
        # the same period of another year dates what follows it up to its aside's or clause's end
        # ("..., cùng kỳ năm 2020 giảm 3,41%), chiếm tỷ trọng 0,46%": not the 0,46%)
        before = [
            d
            for d in usable
            if d[1] <= fig.start
            and d[0] not in owned
            and not (d[3] == "same" and any(c in text[d[1] : fig.start] for c in ");"))
            and not (d[3] != "issued" and closed_aside(text, d, fig.start))
        ]
        # '18 mô hình “Dân vận khéo” giai đoạn 2020-2022': the quoted name is the measure's
        reach = past_enclosed(text, reach, "“", "”")
        after = [
            d
            for d in usable
            if d[0] >= fig.end
            and d[3] not in ("term", "same")
            and (
                (d[3] == "cued" and ";" not in text[fig.end : d[0]])
                or not text[reach : d[0]].strip()
                or bracketed(text, reach, d)
            )
        ]
        as_of = [d for d in usable if d[0] >= fig.end and d[3] == "asof"]
        # a date right after the figure is its own ("giảm từ 4,4% năm 2021 xuống 1,3% năm 2025")
        # (also after a cue right after the number: "0,68% của đầu năm"; not after a measure, where the
        # date may be its noun's: "đạt 35,34% chỉ tiêu đề ra trong năm 2022")
        attached = [
            d for d in after[:1] if own_gap(text[reach : d[0]], reach == fig.end) or bracketed(text, reach, d)
        ]
        # the date of a change's start is that number's alone ("tăng từ mức 0,68% của đầu năm lên
        # 0,83%"); another figure's may date the figures restating it ("117.000 chỗ dịp 30/4 - 1/5,
        # tương ứng với xấp xỉ 570 chuyến bay")
        at = self.words.at(fig.start)
        if self.words.term_before(at, "change_starts", at - 2):
            owned.update(d[0] for d in attached)
        # a Party term names the congress ("Đại hội chi bộ nhiệm kỳ 2022-2025"): any other date of the
        # sentence dates the count first ("Đến ngày 3.10, ... Đại hội chi bộ nhiệm kỳ 2022-2025, đạt 100%")
        plain, terms = [d for d in before if d[3] != "term"], [d for d in before if d[3] == "term"]
        # an issue date dates a figure only when nothing else does ("Theo Kế hoạch năm 2024 (Kế hoạch
        # số 103-KH/ĐUK, ngày 15/01/2024), ... tổ chức 03 cuộc kiểm tra": the plan's year)
        issued = [d for d in plain if d[3] == "issued"]
        # the period a plan's name holds ("Thực hiện Kế hoạch ... giai đoạn 2021 - 2025, trong năm, ...
        # tổ chức 4 lớp") is the figure's only where nothing else of its sentence dates it (before an
        # issue date: "Theo Kế hoạch năm 2024 (Kế hoạch số 103-KH/ĐUK, ngày 15/01/2024)")
        titled = [d for d in plain if d[3] == "titled"]
        plain = [d for d in plain if d[3] not in ("issued", "titled")]
        in_clause = [d for d in plain if d[0] >= clause]
        terms_in_clause = [d for d in terms if d[0] >= clause]
        # a part of the period framing the whole sentence right after the measure is its noun's ("Năm
        # 2016, ..., đặc biệt 2 đợt lũ tháng 10 và tháng 11"): the frame dates the count ("18 mô hình
        # “Dân vận khéo” giai đoạn 2020-2022" after "Năm 2022," is no part of it and keeps its own)
        frame = self._frame(fig)
        framed = [d for d in plain if frame and self.words.at(d[0]) in frame and is_period(d[2])]
        if framed and attached and reach > fig.end and within(attached[-1][2], framed[-1][2]):
            attached = framed
        # a period after a cue closing the sentence frames every clause before it ("... 1 lớp bồi dưỡng
        # cho 103 quần chúng; 2 lớp ... dành cho 159 đảng viên dự bị trong 9 tháng năm 2020."): after a
        # date of the figure's own, and before any date an earlier clause opens with
        closing = [d for d in usable[-1:] if d[3] == "cued" and d[0] >= fig.end and self._closes(d, fig)]
        if target:  # (a list of targets: a date closing a later item is that item's, as a deadline is)
            closing = self.own_deadlines(fig, closing, clause)
        pools = (attached, in_clause, after[:1], as_of[:1], closing, plain, [] if titled else issued)
        if self._standing(fig, clause):
            # a standing attribute ("có diện tích tự nhiên khoảng 197,5km2, dân số gần 7.500 người") is
            # of a period only where its own clause names one, never the paragraph's or the article's
            pools, inherited = (attached, in_clause, as_of[:1]), None
        for pool in pools:
            if pool:
                self.borrowed = pool[-1][3] == "same"
                if pool is attached:
                    return pool[-1][2]
                if (content := self._decided(pool[-1], fig, usable)) is not None:
                    return content
                return self._change_part(self._year_to_date(pool[-1], fig), fig, clause)
        if self._standing(fig, clause):
            return None
        if (day := self._event_day(fig)) is not None:
            return day
        if (term := self._elected_term(fig, dates, clause)) is not None:
            return term
        for pool in (terms_in_clause, terms):
            if pool:
                return self._change_part(pool[-1][2], fig, clause)
        words = self.words
        # what the figure's clause opens with, and what opens the whole sentence ("Tính đến nay, đã có 15
        # tỉnh, ...; gần 5.000 xã ...": the frame holds for every clause)
        lead = [*range(words.at(clause), words.before(fig.start)), *frame]
        if (past := self._past_year(lead)) is not None:
            return past
        if any(words.term_at(i, "this_year_words") for i in lead) and self.article.year:
            return str(self.article.year)  # "Trong năm, ...": the article's year
        if titled:
            return self._change_part(titled[-1][2], fig, clause)
        now = any(words.term_at(i, "present_words") for i in lead)
        period, year = self.article.period, self.article.year
        if target and not now and (term := self._congress_target(fig)):
            return term
        # a plan's years are no result's
        keeps = inherited and (target or not under_way(inherited, year))
        if keeps and not (now and not inherited.endswith("/..")):
            # "hiện có ..." still holds in a period open to now
            opening = words.at(words.sentence(fig.start)[0])
            if len(inherited) == 10 and words.opens_with(opening, "era_openers"):
                return inherited[:4]  # "Ngày ấy, di động ... phục vụ cho 2% dân số": those days, not that day
            return self._change_part(inherited, fig, clause)
        if funds := [d for d in dates if d[3] == "fund"]:
            return funds[-1][2]  # a fund's year dates what nothing else of the text does
        if now and self.article.term_year and not dates:
            # "Thanh niên Nghệ An hiện có ..." on an undated page on a congress: the congress's year (a
            # sentence naming a term or another date of its own ties the figure to that one)
            return str(self.article.term_year)
        # nothing in the text dated the figure (what holds now is dated by the publication itself)
        self.fell_back = not now
        if now and not target and year and period and _part_of_year(period):
            # what holds now ("Đến nay, toàn tỉnh có tổng số 599 dự án") in a report on months ("tháng 5
            # năm 2021", "6 tháng đầu năm") stands at their end: the publication's year, not the months
            # (a span of years keeps: "Qua 5 năm ..., đến nay, huyện có 100% ..." is the five years'
            # result, seed gold; an undated page keeps its months: the score-only floor rejected the year)
            return str(year)
        if period and (target or not under_way(period, year)):
            return period
        if not now and not target and self.article.reviewed_year:
            return self.article.reviewed_year  # a review of the year just ended, published early in the next
        # an undated page: its headline's year, else the day its lead reports the event on
        return str(year) if year else period or self._headline_year() or self.article.dateline

    def _past_year(self, lead: list[int]) -> str | None:
        """The year "Trong năm qua, ..." (`past_year_words`) opening the figure's clause or sentence
        reports on: the twelve months before publication, so the year just closed on a page of the
        year's first half (`PAST_YEAR_MONTHS`: a January review of the year before, spring results of
        the last year) and the publication year later on; None without the words or a dated page."""
        year, month = self.article.year, self.article.month
        if not year or not any(self.words.term_at(i, "past_year_words") for i in lead):
            return None
        return str(year - 1) if month and month <= PAST_YEAR_MONTHS else str(year)

    def _closes(self, date: Dated, fig: Mention) -> bool:
        """Whether a date ends the figure's sentence: nothing but stops, ellipses and closing brackets
        or quotes after it."""
        high = self.words.sentence(fig.start)[1]
        return not self.words.text[date[1] : high].strip(CLOSING_MARKS)

    def _purposed(self, fig: Mention, date: Dated) -> bool:
        """Whether a date after the figure stands in a purpose clause opening between them ("để",
        "nhằm": `purpose_openers`)."""
        if date[0] < fig.end:
            return False
        words = self.words
        return any(words.term_at(k, "purpose_openers") for k in range(words.at(fig.end), words.at(date[0])))

    def _standing(self, fig: Mention, clause: int) -> bool:
        """Whether a figure is a standing attribute of a place, a household or a work (its unit or
        the words just before it in its phrase name one: "diện tích tự nhiên", "dân số", "nhân khẩu",
        "công suất lắp đặt"), which holds regardless of the period the text reports on; no share."""
        words, unit = self.words, str(fig.attrs.get("unit") or "")
        at = words.at(fig.start)
        if unit == "%":
            return False  # a share ("chạy hết công suất 100% máy", "79% dân số") changes with time
        if rules().has("standing_measures", unit) or self._age(fig, unit) or self._document_part(fig):
            return True
        low = max(words.at(clause), at - 6)
        low = max([low, *(k + 1 for k in range(low, at) if words.is_punct(k))])  # within its phrase
        return any(words.term_at(i, "standing_measures", at) for i in range(low, at))

    def _document_part(self, fig: Mention) -> bool:
        """Whether a figure counts what a document of its sentence is made of ("Quy định 22 gồm 7
        Chương, 36 điều"; "Nghị định số 05/2011/NĐ-CP ngày 14/1/2011 ... là khung pháp lý, bao gồm 12
        nhóm chính sách"): a composition link (`composition_links`) after the document's name, with no
        number between them, before the figure; what the document holds is of no period it reports. An
        act that makes up a body (`composing_acts`: "bầu", "thành lập") between them makes the link that
        body's: its members are counted, not the document's parts."""
        words = self.words
        named = [span for span in self.document_spans if span[0] < fig.start]
        if not named:
            return False
        at = words.at(fig.start)
        for k in range(words.at(named[-1][1]), at):
            if words.term_at(k, "composing_acts", at):
                return False  # "Thực hiện Kế hoạch ..., đại hội đã bầu Ban Chấp hành ... gồm 09 đồng chí"
            if words.term_at(k, "composition_links", at):
                return True
            dated = any(a <= words.starts[k] < b for a, b in self.date_spans)
            if words.lower[k][:1].isdigit() and not dated:
                return False  # "..., huyện tổ chức 5 hội nghị, gồm 3 hội nghị": a count made, then its parts
        return False

    def _age(self, fig: Mention, unit: str) -> bool:
        """Whether a figure is an age: its unit, as written at or just after it (a range's first number
        shares it: "6 -7 năm tuổi"), opens an age unit ("28 tuổi", "67 năm tuổi đời")."""
        at = self.words.text.find(unit, fig.start, fig.end + AGE_REACH + len(unit)) if unit else -1
        return at >= 0 and bool(self.words.term_at(self.words.at(at), "age_units"))

    def _year_to_date(self, date: Dated, fig: Mention) -> str:
        """For a count that adds up over the year ("Năm 2022, chỉ tính đến hết tháng 9, Đảng bộ đã kết
        nạp 48 đảng viên mới"), an "as of" month is the end of the year to date (2022-01/2022-09);
        a stock standing at that date ("tính đến tháng 9/2022, toàn tỉnh có 1.200 đảng viên") keeps the
        date. The nearest word before the figure in its sentence of `accruing_words` or `stock_words`
        decides; a year's end (December) is the whole year."""
        value, words = date[2], self.words
        if date[3] != "asof" or len(value) != 7 or not value[:4].isdigit():
            return value  # (a day stands for itself: "tính đến ngày 30-6, ... kết nạp được 288 đảng viên")
        at = words.at(date[0])
        if not words.term_before(at, "year_to_date_cues", at - 4):
            return value  # "lũy kế đến hết tháng 9": cumulated since a start the text may not give
        first = words.at(words.sentence(fig.start)[0])
        for k in range(words.before(fig.start) - 1, first - 1, -1):
            if words.lower[k] == ";":
                break  # another clause's verb
            if words.term_at(k, "stock_words", words.at(fig.start)):
                return value
            if words.term_at(k, "accruing_words", words.at(fig.start)):
                if value[5:7] in ("01", "12"):
                    return value[:4] if value[5:7] == "12" else value  # (January's to date is itself)
                return f"{value[:4]}-01/{value}"
        return value

    def _decided(self, day: Dated, fig: Mention, usable: list[Dated]) -> str | None:
        """For a figure a document sets out, named after the document in a sentence opened by the
        day of the act ("Ngày 28/7/2017, HĐND thành phố ... ban hành Nghị quyết số 108/NQ-HĐND ...,
        theo đó toàn thành phố ... có 2.784 tổ dân phố"): a period named after the figure in its
        clause ("Ngày 29/1/2018, UBND tỉnh ... ban hành Quyết định số 82/QĐ-UBND về việc công nhận 23
        xã đạt Tiêu chí quốc gia về y tế năm 2017"), else the year of the act: the day is the act's,
        not its content's (the documents counted by the act keep it: "Ngày 7-4-2021, ... ban hành 2
        chương trình hành động"). None for any other date."""
        words = self.words
        if len(day[2]) != 10 or day[3] != "time" or not any(day[1] <= d < fig.start for d in self.documents):
            return None
        if words.at(day[0]) - words.at(words.sentence(fig.start)[0]) > 2:
            return None  # a day inside the sentence, not the one it opens with
        text = words.text
        later = [
            d
            for d in usable
            if d[0] >= fig.end
            and d[3] in ("time", "cued")
            and is_period(d[2])
            and ";" not in text[fig.end : d[0]]
        ]
        return later[0][2] if later else day[2][:4]

    def _headline_year(self) -> str | None:
        """An undated page's year as its headline's day gives it ("Ngày 28/7/2017, HĐND thành phố
        ... ban hành Nghị quyết ..."): the year the article makes clear (spec section 5)."""
        for m in self.article.mentions.get("title", []):
            value = str(m.attrs.get("value") or "")
            if m.type == "DATE" and not m.attrs.get("inferred") and value[:4].isdigit():
                return value[:4]
        return None

    def _frame(self, fig: Mention) -> range:
        """The words of a short phrase opening the figure's sentence before a comma ("Đến nay,",
        "Tính đến nay,", "Trong năm,"), which frame every clause of the sentence; none without one."""
        words = self.words
        first = words.at(words.sentence(fig.start)[0])
        comma = next((k for k in range(first, min(first + 4, len(words))) if words.lower[k] == ","), None)
        return range(first, comma) if comma is not None and words.starts[comma] < fig.start else range(0)

    def restated(self, fig: Mention, time: str | None) -> str | None:
        """A count the article dated before, restated where nothing in the text dates it (`time` fell
        back on the article's period: "Ngày 7-4-2021, ... ban hành 2 chương trình hành động ... Hai
        chương trình hành động ... là cơ sở"), is for the period it was first dated by; `time`
        otherwise. The same value of the same counted noun phrase is the same count; a bare noun
        ("100 người") or a share is too common to tell."""
        key = figure_key(fig)
        if key is None or len(key[1].split()) < 2:
            return time
        stated = self.article.stated_times
        if self.fell_back:
            return stated.get(key, time)
        stated.setdefault(key, time)
        return time

    def _change_part(self, period: str, fig: Mention, clause: int) -> str:
        """Under a span of years, a number a change starts from is the span's first year's, one it
        reaches its last year's ("giai đoạn 2021 - 2023 ... giảm từ 3.586 hộ, chiếm 10,74% xuống còn
        2.900 hộ"); any other figure the whole span's."""
        first, _, last = period.partition("/")
        if not (len(first) == len(last) == 4 and first.isdigit() and last.isdigit()):
            return period
        words = self.words
        at, floor = words.at(fig.start), words.at(clause)
        high = words.sentence(fig.start)[1]
        cut = words.text.find(";", fig.end, high)
        ahead = range(words.at(fig.end), words.before(cut if cut >= 0 else high))
        reached = None  # the word opening the state reached, between the change's start and the figure
        for k in range(at, floor - 1, -1):
            if k < at and reached is None and _change_end(words, k):
                reached = k
            n = words.term_at(k, "change_starts")
            if n and k + n < len(words) and words.lower[k + n][:1].isdigit() and k + n not in self.date_words:
                if reached is not None:
                    # "xuống vị trí 68, tụt 21 bậc": a change of its own after the state reached
                    changed = any(words.term_at(j, "change_verbs") for j in range(reached + 1, at))
                    return period if changed else last
                return first if any(_change_end(words, j) for j in ahead) else period
        return period


def _part_of_year(period: str) -> bool:
    """Whether a period is a month or a span of months of one year ("2021-05", "2021-01/2021-06"),
    not a year, a span of years, a day or a period open to now."""
    first, _, last = period.partition("/")
    return len(first) == 7 and (not last or (len(last) == 7 and last[:4] == first[:4]))


def _change_end(words: Words, j: int) -> bool:
    """Whether word `j` opens the state a change reaches ("xuống còn", "lên"), not the bound of an
    amount ("từ 10 tỷ đồng trở lên/năm": at least that much, no change)."""
    return bool(words.term_at(j, "change_ends")) and not (j > 0 and words.lower[j - 1] == "trở")


def figure_key(fig: Mention) -> tuple[Any, str] | None:
    """The value and unit (folded) a figure is known by when restated; None without a unit."""
    unit = " ".join(str(fig.attrs.get("unit") or "").lower().split())
    return (fig.attrs.get("value"), unit) if unit else None
