"""When an event gives a figure its time (spec section 4a `time`): the day of a ceremony or meeting for
who attended it and what was handed over there, the term a congress elects for and sets targets for.

The methods `Dating` (`figure_time`) tries when a figure's own clause names no period of its own; they read
the days and terms `SentenceDates` kept while reading the sentences before.
"""

from __future__ import annotations

from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import Dated
from pipeline.extract.figure_dates import SentenceDates
from pipeline.model import Mention


class EventDating(SentenceDates):
    """The times an event gives: an event's day, the term a congress elects for or sets targets for."""

    def _congress_target(self, fig: Mention) -> str | None:
        """A target its paragraph dates nowhere before it, set by a congress the paragraph names before it
        ("đại hội đã đề ra 9 chỉ tiêu ...: phấn đấu 100% ..."): the term that congress opens, as the
        article writes it, not the period the page or the paragraph before reports on (the term the
        congress closes: "Nhiệm kỳ qua, Hội đã kết nạp ...")."""
        term, words = self.article.congress_term, self.words
        low = words.paragraph_bounds(fig.start)[0]
        mentions = self.article.mentions.get(fig.field, [])
        if term is None or any(m.type == "DATE" and low <= m.start < fig.start for m in mentions):
            return None
        congress = any(words.term_at(i, "congress_words") for i in range(words.at(low), words.at(fig.start)))
        return term if congress else None

    def _event_day(self, fig: Mention) -> str | None:
        """For a count of who attended ("Tham dự hội nghị có 120 đại biểu") or of what was handed over
        there ("Dịp này, ... đã trao 50 suất học bổng") in a sentence without a date of its own: the
        last day named before it, the event's."""
        words = self.words
        first = words.at(words.sentence(fig.start)[0])
        handed = words.term_at(first, "occasion_openers") and any(
            _ends_with(words, i, "occasion_acts") for i in range(first, words.at(fig.start))
        )
        # "... diễn ra với sự tham dự của 399 đại biểu chính thức, đại diện cho 62.935 đảng viên"
        # (a count right after the link: "sự tham gia của các hiệp hội" counts no one)
        joined = any(
            (n := words.term_at(i, "attendance_links"))
            and any(w[:1].isdigit() for w in words.lower[i + n : i + n + 2])
            for i in range(first, words.at(fig.start))
        )
        if handed or joined or words.opens_with(first, "attendance_openers"):
            return next((value for start, value in reversed(self.days) if start < fig.start), None)
        # "Hội đã trao 15 suất quà cho các đối tượng chính sách": what is handed over in a news report
        # of the publication year is handed over on the day it reports (a day of history is no such)
        at, year = words.at(fig.start), self.article.year
        if year and at > 0 and _ends_with(words, at - 1, "occasion_acts"):
            days = (value for start, value in reversed(self.days) if start < fig.start)
            return next((value for value in days if value[:4] == str(year)), None)
        return None

    def _elected_term(self, fig: Mention, dates: list[Dated], clause: int) -> str | None:
        """For a count of those a congress elects ("Đại hội tiến hành bầu 52 nhân sự"): the Party term
        its sentence names, before or after it, else the last one the text named before; else, where
        its own clause elects, the first one the text names after (the congress's: "... khóa XV,
        nhiệm kỳ 2025–2030 gồm 52 nhân sự"; "X được bầu vào HĐQT. Ông là Chủ tịch của 3 công ty" is
        no such count)."""
        words = self.words
        low, high = words.sentence(fig.start)
        if not any(words.term_at(i, "election_words") for i in range(words.at(low), words.before(high))):
            return None
        if own := [d for d in dates if d[3] == "term"]:
            return own[-1][2]
        # a term named elsewhere is a congress's only where a congress elects ("Đại hội đã bầu ra ...");
        # those voters elect ("Kết quả có 05 đồng chí Trưởng thôn tái đắc cử") are counted on the day
        if not any(words.term_at(i, "congress_words") for i in range(words.at(low), words.before(high))):
            return None
        if earlier := next((value for start, value in reversed(self.terms) if start < fig.start), None):
            return earlier
        if not any(
            words.term_at(i, "election_words") and ". " not in words.text[words.starts[i] : fig.start]
            for i in range(words.at(clause), words.at(fig.start))
        ):
            return None  # (a stop the segmenter read as an abbreviation's, "vào HĐQT. Ông", ends a clause)
        later = (
            m
            for m in self.article.mentions.get(words.segment.field, [])
            if m.type == "DATE" and m.start > high and words.term_at(words.at(m.start), "qualifying_periods")
        )
        return next((str(m.attrs["value"]) for m in later if m.attrs.get("value")), None)


def _ends_with(words: Words, i: int, name: str) -> bool:
    """Whether word `i` is a term of table `name` or ends with one the segmenter glued to the word
    before it ("huyện uỷ trao Huy hiệu" read as "huyện", "uỷ trao")."""
    if words.term_at(i, name):
        return True
    syllables = words.lower[i].split() if i < len(words.lower) else []
    return any(rules().has(name, " ".join(syllables[k:])) for k in range(1, len(syllables)))
