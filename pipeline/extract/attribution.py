"""Who, what, when: each figure's measure, subject, time and source (spec section 4a).

The reading is sentence by sentence through each paragraph. A figure's subject is the body,
place or person its sentence puts before it (at its fullest name in the article), else the one the
paragraph is about so far, else the article's; its time is a date of its clause or sentence that
is neither a comparison base ("so với cùng kỳ năm 2019") nor a deadline of someone else's target,
else the paragraph's, else the article's period (`figure_time`); its source comes from `sources`, its
measure from `measure`. A paragraph keeps what the one before established when it continues it (it opens with
"Theo đó", "Trong đó"..., it goes on with figures, it is inside the same quote or answer);
a heading or a new topic starts afresh. In a breakdown ("312 đảng viên mới, trong đó: Tân Uyên
95; Phú Giáo 88") each item's label is its subject, or narrows its measure when it is no place or
body ("bậc tiểu học 599 người"). Pure functions over the document and its mentions.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace
from typing import Any

import regex

from pipeline.extract.article_facts import Article, article_of, led_body
from pipeline.extract.article_topic import topic
from pipeline.extract.breakdown import breakdown, breakdown_clause, item
from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import Dated, inside_aside, is_period, past_enclosed
from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.figure_subject import SubjectChooser
from pipeline.extract.figure_time import Dating, figure_key
from pipeline.extract.headline_times import headline_from_body, headline_periods
from pipeline.extract.measure import change_measure, measure_of
from pipeline.extract.measure_anaphors import PointedMeasures
from pipeline.extract.measure_lead import Names, lead_measure
from pipeline.extract.measure_phrases import Found, Marks
from pipeline.extract.sources import Cue, interview, quotes, sentence_cues
from pipeline.extract.subjects import Candidate, Namer
from pipeline.extract.unit_nouns import UnitNouns
from pipeline.model import Mention

HEADING_WORDS = 20
# between the ends of a range ("40-50%", "từ 54 đến 9.146 USD") or a result and its target ("91,4%/85%")
RANGE_GAP = regex.compile(r"\s*(?:[-–—/]|đến|tới)\s*(?:hơn\s+|gần\s+|khoảng\s+)?", regex.IGNORECASE)
SENTENCE_END = '.!?:…"”)»;'


@dataclass
class State:
    """What a paragraph has established so far: subject, period and source of its figures."""

    subject: str | None = None
    time: str | None = None
    source: str | None = None
    plan: str | None = None  # a later year a plan is for, named without figures: its targets' period


def attribute(doc: ArticleDoc, figures: list[Mention], context: list[Mention]) -> list[dict[str, Any]]:
    """measure, subject, time, source and of for each figure, in the order given."""
    if not figures:
        return []
    article = article_of(doc, context)
    readers = {
        s.field: Reader(article, s)
        for s in doc
        if s.field in ("title", "text") or any(f.field == s.field for f in figures)
    }
    article.topic = led_body(article, topic(readers))
    starts = {name: [f.start for f in figures if f.field == name] for name in readers}
    article.find_scope = lambda: next(
        (s for name, r in readers.items() if (s := r.namer.scope(starts[name]))), None
    )
    found: dict[tuple[str, int], dict[str, Any]] = {}
    headline = State()
    for name, reader in readers.items():
        own = sorted((f for f in figures if f.field == name), key=lambda m: m.start)
        if name == "text" and "title" in readers:
            reader.headline_periods = headline_periods(figures, found, readers["title"])
        if own or name == "title":
            attributed, left = reader.read(own, headline if name == "text" else None)
            found.update(attributed)
            headline = left if name == "title" else headline
    headline_from_body(figures, found, readers)
    empty = {"measure": None, "subject": None, "time": None, "source": None}
    return [{**found.get((f.field, f.start), empty), "of": f.attrs.get("of")} for f in figures]


class Reader:
    """One segment (headline, body or a caption) read paragraph by paragraph, sentence by sentence."""

    def __init__(self, article: Article, segment: Segment):
        self.article = article
        self.mentions = mentions = article.mentions.get(segment.field, [])
        self.words = words = Words(segment, [b for m in mentions for b in (m.start, m.end)])
        self.marks = Marks.of(words, mentions)
        self.dating = Dating(words, article)
        self.namer = Namer(article, words, mentions, self.marks)
        self.quotes = quotes(words, mentions)
        self.layout = (
            interview(words, mentions, article.mentions.get("title", [])) if segment.field == "text" else None
        )
        self.people: list[
            tuple[str, str]
        ] = []  # (first word, as written) of speakers and titled people, in order
        self.recent: list[Candidate] = []  # what the paragraph has named so far, for "họ", "đơn vị này"
        self.pending: list[tuple[int, int, list[Mention], list[Cue]]] = []  # sentences not read for names yet
        self.mention_starts = [m.start for m in self.mentions]
        self.names = Names(mentions)  # bodies and places by start, for a list's lead
        self.groups: set[str] = set()  # names of the segment's group candidates ("ngành giáo dục")
        self.unit_nouns = UnitNouns()  # what each classifier counted, for a later bare one
        self.pointed = PointedMeasures(words)  # what each kind of figure measured, for "con số này"
        self._cues: dict[tuple[int, int], list[Cue]] = {}
        self.undated: set[tuple[str, int]] = set()  # figures whose time nothing in the text gave
        self.headline_periods: dict[tuple[Any, str], str] = {}  # the headline's dated figures (body only)
        self.subjects = SubjectChooser(article, words, self.namer, self._recent)
        self.forms = self.subjects.forms  # a speaker as written -> as a subject, at their fullest name

    def read(
        self, own: list[Mention], state: State | None = None
    ) -> tuple[dict[tuple[str, int], dict], State]:
        """Every figure of the segment, attributed, and what the segment leaves established (the
        headline's source carries into a body that continues it)."""
        out: dict[tuple[str, int], dict[str, Any]] = {}
        state, before_had_figures = state or State(), False
        text, layout = self.words.text, self.layout
        # after its last figure a body needs no more reading (a headline's state goes on into the body)
        last = own[-1].start if own and self.words.segment.field != "title" else len(text)
        for index, (low, high) in enumerate(self.words.paragraphs):
            if low > last:
                break
            figs = [f for f in own if low <= f.start < high]
            heading = _heading(text[low:high])
            opener = self.words.term_at(self.words.at(low), "continuation_openers")
            quoted = any(q.start < low < q.end for q in self.quotes)
            if heading or not (opener or quoted or (figs and before_had_figures)):
                # a new topic: its own subject and period; the source stays until someone else speaks
                keep = not heading and not self._new_actor(low, high)
                state = State(source=state.source if keep else None)
            elif not opener and state.subject in self.groups:
                state.subject = None  # figures going on keep a named subject, not a group named in passing
            if self.words.term_at(self.words.at(low), "own_report_openers"):
                state.source = None  # "Được biết, ...": the outlet reports itself
            if (layout and index in layout.questions) or text[low:high].rstrip().endswith("?"):
                state = State()  # a question states nothing
            elif layout and index in layout.answers:
                if index - 1 not in layout.answers:
                    state = State()  # an answer starts afresh after its question
                state.source = layout.interviewee
            self.recent, self.pending = [], []
            for s_low, s_high in self.sentences(low, high):
                if s_low > last:
                    break
                if (
                    s_low > low
                    and state.subject in self.groups
                    and not self.words.term_at(self.words.at(s_low), "continuation_openers")
                ):
                    state.subject = None  # a group named in passing is no subject for the next sentence
                self._sentence(s_low, s_high, [f for f in figs if s_low <= f.start < s_high], state, out)
            # the next paragraph's figures go on from one with figures, one that names a period, or
            # a news lead dated by its event's day ("Ngày 30/6, tỉnh công bố ...")
            before_had_figures = (
                bool(figs) or self._names_period(low, high) or self._dateline(low, high)
            ) and not heading
        return out, state

    def _names_period(self, low: int, high: int) -> bool:
        """Whether the paragraph names a year, month or span ("Năm 2017, ..."), not only days: the
        figures of the paragraph after it report on that period (a day is an event's, "15/10/1949")."""
        mentions = self.within(low, high)
        return any(m.type == "DATE" and is_period(str(m.attrs.get("value") or "")) for m in mentions)

    def _dateline(self, low: int, high: int) -> bool:
        """Whether the paragraph opens on the day of the event it reports ("Ngày 03/5/2012, Ban Tổ
        chức ... họp xét hồ sơ", "Sáng 21/8, ..."), a day of the news, not of history ("Ngày
        15/10/1949, Chủ tịch Hồ Chí Minh viết ..."): in the publication year, or on an undated page
        the latest of the years the article names, after an earlier one."""
        first = next((m for m in self.within(low, high) if m.type == "DATE"), None)
        if first is None or self.words.at(first.start) - self.words.at(low) > 2:
            return False
        value = str(first.attrs.get("value") or "")
        if is_period(value) or not value[:4].isdigit():
            return False
        years = [
            int(v[:4])
            for m in self.article.mentions.get("text", [])
            if m.type == "DATE" and (v := str(m.attrs.get("value") or ""))[:4].isdigit()
        ]
        year = int(value[:4])
        if self.article.year:
            return year == self.article.year
        return bool(years) and min(years) < year == max(years)

    def _new_actor(self, low: int, high: int) -> bool:
        """Whether a paragraph opens on a person doing something, not speaking ("Không chỉ đầu tư
        một mình, anh N.T (Hà Nội) còn rủ thêm ..."): the last source no longer speaks."""
        s_low, s_high = self.sentences(low, high)[0]
        mentions = self.within(s_low, s_high)
        if self.cues(s_low, s_high, mentions):
            return False
        first = self.words.at(s_low)
        return any(
            m.type == "PER" and self.words.at(m.start) - first <= 8 and self.namer.titled(m) for m in mentions
        )

    def cues(self, low: int, high: int, mentions: list[Mention]) -> list[Cue]:
        """The attribution cues of the sentence [low, high), found once."""
        if (low, high) not in self._cues:
            self._cues[(low, high)] = sentence_cues(self.words, low, high, mentions)
        return self._cues[(low, high)]

    def sentences(self, low: int, high: int) -> list[tuple[int, int]]:
        """Character bounds of the sentences of the paragraph [low, high)."""
        starts = [s for s in self.words.sentence_starts if low < s < high]
        bounds = [low, *starts, high]
        return list(itertools.pairwise(bounds))

    def _sentence(
        self,
        low: int,
        high: int,
        figs: list[Mention],
        state: State,
        out: dict[tuple[str, int], dict[str, Any]],
    ) -> None:
        """Attribute the figures of one sentence and update what the paragraph has established."""
        mentions = self.within(low, high)
        cues = [self._resolved(c, mentions) for c in self.cues(low, high, mentions)]
        for m in mentions:
            if (
                m.type == "PER"
                and (n := self.namer.titled(m))
                and not any(c.speaker[0] <= m.start < c.speaker[1] for c in cues)
            ):
                i = self.words.at(m.start)
                written = self.words.text[self.words.starts[i - n] : m.end]
                self.people.append((self.words.lower[i - n], written))
                self.forms[written] = self.namer.name(m)
        dates = self.dating.dates(low, high, mentions)
        if not figs:  # nothing to attribute: keep what the next sentences may need, cheaply
            self.pending.append((low, high, mentions, cues))
            self._advance(state, cues, dates, None)
            return
        measures = self._measures(figs, low, high)
        spans = [
            (min(f.start, m.start if m else f.start), self._covered(max(f.end, m.end if m else f.end)))
            for f, m in ((f, measures[f.start]) for f in figs)
        ]
        listed = self.namer.enumerated(mentions)  # read once: the candidates and the carry below use it
        candidates = self.namer.candidates(low, high, mentions, spans, cues, listed)
        items = breakdown(self.words, figs, measures)
        previous: dict[str, Any] | None = None
        explicit = None
        named_here: set[str] = set()  # the subjects the sentence's figures were named with
        parts_from = breakdown_clause(self.words, low, high)  # a clause listing parts of what came before
        whole: str | None = None  # the subject the last figure before that clause was named with
        parted = False  # whether a part of that whole was named in it
        done: list[tuple[Mention, str | None]] = []
        owned: set[int] = set()  # dates a figure of the sentence took as its own
        for fig in figs:
            found = measures[fig.start]
            if found and rules().has("comparison_bases", found.text):
                found = None  # "giảm so với mức 20,2%": a base measures what the compared figure does
            measure = found.text if found else self._measure_before(fig, done, low, high)
            source = self._source(fig, cues, state)
            opens = min(fig.start, found.start) if found else fig.start  # where the figure's phrase opens
            clause = self._clause_start(fig.start, low)
            subject, named = self.subjects.choose(fig, candidates, low, clause, state.subject, source, opens)
            reach = max(fig.end, found.end if found else fig.end)
            if owner := self.namer.owner_after(reach, high, mentions):
                subject, named = owner, True
            elif (
                not named
                and not self._recipients(fig)
                and (area := self.namer.owner_after(reach, high, mentions, "area_links"))
            ):
                subject, named = area, True  # "36 hộ dân trên địa bàn xã": where the counted are
            if label := items.get(fig.start):
                measure, subject = item(fig, label, measure, subject, items, measures)
            if lead := lead_measure(self.words, self.marks, fig, measure, low, self.names):
                measure = lead.text  # "Một số tỉnh có diện tích rừng bị cháy nhiều là: Hà Giang 298 ha"
            subject = subject and self.article.at_fullest(subject)  # "Đảng bộ huyện" at its fullest
            self.unit_nouns.note(fig, found)
            measure = self.unit_nouns.named(fig, measure)  # "16 căn nhà đồng đội, sửa chữa 25 căn"
            measure = self.pointed.resolved(fig, measure)  # "Con số này của năm 2021 là 25,91%"
            inherited = state.plan if state.plan and fig.attrs.get("is_target") else state.time
            time = self.dating.time(fig, dates, self._clause_start(fig.start, low), inherited, reach, owned)
            if not dates and (key := figure_key(fig)) in self.headline_periods:
                # the headline's figure restated in a sentence naming no date ("Triển khai hỗ trợ xây
                # dựng 200 nhà ... trong năm 2020" / "... xây dựng kế hoạch hỗ trợ 200 nhà ..."), and so is
                # what the paragraph goes on with
                time = state.time = self.headline_periods[key]
            entry = {
                "measure": measure,
                "subject": subject,
                "time": self.dating.restated(fig, time),
                "source": source,
            }
            if self.dating.fell_back and entry["time"] == time:
                self.undated.add((fig.field, fig.start))
            out[(fig.field, fig.start)] = entry
            # an item's label is no subject the next sentences go on with
            carried = named and not any(c.item and c.name == subject for c in candidates)
            # the same period of another year ("cùng kỳ năm 2020 tăng 0,78%") is no period to go on with,
            # nor is a bracketed aside's ("bằng 70% (Theo kế hoạch ... đến năm 2008 ..., bằng 99,6%)")
            aside = inside_aside(self.words.text, low, fig.start)
            previous = previous if self.dating.borrowed or aside else entry
            explicit = subject if carried else explicit
            if carried:
                named_here.add(subject)
            if parts_from is None or fig.start < parts_from[0]:
                whole = subject if carried else None
            elif fig.start < parts_from[1]:
                parted = parted or bool(whole and carried and subject != whole)
            done.append((fig, measure))
        self.recent += [c for c in candidates if not c.item]
        self.groups.update(c.name for c in candidates if c.group)
        # a sentence naming several ("Quận Liên Chiểu, từ 878 tổ dân phố ...; phường Hoà Minh từ 278
        # ...") lists parallel parts: the next goes on with what the paragraph established before it
        # (so does one enumerating names between its figures: "Trường THPT Chuyên Lê Quý Đôn có 28 giải;
        # các trường THPT: thị xã Quảng Trị, Đông Hà và Vĩnh Định, mỗi đơn vị có 1 giải")
        several = len(named_here) >= 2 or any(figs[0].start < s < figs[-1].start for s in listed)
        if explicit and (not several or not state.subject):
            state.subject = explicit
        if whole and parted:  # "{S} thụ lý 16 tin; trong đó, {part} 11 tin": the next go on with the whole
            state.subject = whole
        self._advance(state, cues, dates, previous)

    def _recipients(self, fig: Mention) -> bool:
        """Whether a figure counts whom someone else acts for ("tiêm vắc xin cho hơn 200 cán bộ ..."):
        a recipient's area is not whose figure it is."""
        i = self.words.at(fig.start)
        return any(self.words.term_before(k, "not_subject_before", k - 3) for k in (i, i - 1) if k > 0)

    def _advance(
        self,
        state: State,
        cues: list[Cue],
        dates: list[Dated],
        last: dict[str, Any] | None,
    ) -> None:
        """What the next sentences of the paragraph inherit from this one: its leading source, and
        the period its figures took (or, without figures, the one it names)."""
        leading = [c for c in cues if c.leads]
        if leading:
            state.source = leading[-1].source
        # an issue date ("Quyết định ... ngày 7-8-2025") stands for the sentence only when it names no period
        # the day something came to be ("Xã ..., được thành lập năm 1999") is no period what follows reports
        dates = [d for d in dates if d[0] not in self.dating.foundings]
        plain = [d for d in dates if d[3] in ("time", "cued", "asof", "term", "review", "titled")] or [
            d for d in dates if d[3] == "issued"
        ]
        if last and last["time"] and plain:
            state.time = last["time"]
        elif plain and plain[0][3] != "issued":  # (an issue day goes on only through a figure it dated)
            # a sentence without figures that names a day and a period ("Ngày 22/4, ... sơ kết 5 năm
            # ... giai đoạn 2016 - 2020") frames what follows by the period; the day is its event's
            # (a Party term only names a congress: "chiều nay (17/10), Đại hội ... nhiệm kỳ 2020 - 2025")
            # a review meeting's period yields to another the sentence names ("Tại hội nghị sơ kết 6
            # tháng đầu năm 2023, Bộ công bố xếp hạng năm 2022"): that one is what follows reports on;
            # a later year a plan is for ("tổng kết năm 2018; triển khai nhiệm vụ năm 2019") frames the
            # targets that follow, not the results (`_planned_later`)
            later = [d for d in plain if self._planned_later(d)]
            rest = [d for d in plain if d not in later]
            periods = [d for d in rest if is_period(d[2]) and d[3] not in ("term", "review", "titled")] or [
                d
                for d in rest
                if is_period(d[2]) and d[3] in ("review", "titled")  # (a title's: the last)
            ]
            if periods or not later:
                state.time = (periods or plain)[0][2]
            if later:
                state.plan = later[0][2]

    def _planned_later(self, date: Dated) -> bool:
        """Whether a date names what a plan is for ("phương hướng, nhiệm vụ năm 2015", `plan_periods`)
        and begins after the publication year: the period of the targets set for it, never of the
        results a review of the year before reports (spec 4a: a target's time is its period)."""
        year = self.article.year
        return bool(
            year and date[0] in self.dating.plans and date[2][:4].isdigit() and int(date[2][:4]) > year
        )

    def within(self, low: int, high: int) -> list[Mention]:
        """The segment's mentions starting in [low, high)."""
        return self.mentions[
            bisect.bisect_left(self.mention_starts, low) : bisect.bisect_left(self.mention_starts, high)
        ]

    def _recent(self) -> list[Candidate]:
        """What the paragraph has named so far (sentences without figures are read only now)."""
        for low, high, mentions, cues in self.pending:
            self.recent += self.namer.candidates(low, high, mentions, [], cues)
        self.pending = []
        return sorted(self.recent, key=lambda c: c.start)

    def _measures(self, figs: list[Mention], low: int, high: int) -> dict[int, Found | None]:
        """Each figure's measure; the two ends of a range ("200.000 - 300.000 đồng tiền lãi", "từ
        54 đến 9.146 USD") share one, read after the second and before the first."""
        found = {f.start: measure_of(self.words, self.marks, f, low, high) for f in figs}
        for first, second in itertools.pairwise(figs):
            if RANGE_GAP.fullmatch(self.words.text[first.end : second.start]):
                pair = Mention("FIGURE", first.start, second.end, "", second.field, second.attrs)
                found[first.start] = found[second.start] = measure_of(self.words, self.marks, pair, low, high)
        return found

    def _measure_before(
        self, fig: Mention, done: list[tuple[Mention, str | None]], low: int, high: int
    ) -> str | None:
        """A figure that names nothing measures what the amount a change follows does ("đạt 955 triệu
        USD, tăng 11,2%"), else what the last figure of its kind in the sentence did ("tăng 44%",
        "đạt 50,98%"), else a plan it reaches ("vượt ... so với kế hoạch, ... đạt 233,3%"), else what
        the last figure did ("lãi 1.368 tỷ đồng, tăng 10%")."""
        if borrowed := change_measure(self.words, self.marks, fig, low, high):
            return borrowed
        share = fig.attrs.get("unit") == "%"
        same = [m for f, m in done if m and (f.attrs.get("unit") == "%") == share]
        if same:
            return same[-1]
        words = self.words
        before = words.before(fig.start)
        if share and before and words.term_before(before, "pair_cues", before - 2):
            plans = [i for i in range(words.at(low), before - 1) if words.term_at(i, "plan_words")]
            if plans:
                return words.phrase(plans[-1], plans[-1] + words.term_at(plans[-1], "plan_words"))
        return next((m for _, m in reversed(done) if m), None)

    def _covered(self, end: int) -> int:
        """A measure's end, past a parenthesis right after it ("95 tổ chức cơ sở đảng (TCCSĐ)")."""
        return past_enclosed(self.words.text, end, "(", ")")

    # ---------------------------------------------------------------- source

    def _resolved(self, cue: Cue, mentions: list[Mention]) -> Cue:
        """A bare kin word as the speaker ("- chị kể", "người chơi này") is the last person
        introduced with it, or a later one introduced without one ("một người chơi ở Vĩnh Phúc")."""
        lowered = cue.source.lower().split()
        if not lowered:
            return cue
        phrase = " ".join(lowered)
        if rules().has("kin_words", phrase) or rules().has("person_words", phrase):
            for head, name in reversed(self.people):
                if head == lowered[0] or not rules().has("kin_words", head):
                    return replace(cue, source=name)
            return cue
        self.people.append((lowered[0], cue.source))
        person = next(
            (m for m in mentions if m.type == "PER" and cue.speaker[0] <= m.start < cue.speaker[1]), None
        )
        if person and cue.source not in self.forms:
            self.forms[cue.source] = self.namer.name(person)
        return cue

    def _source(self, fig: Mention, cues: list[Cue], state: State) -> str | None:
        """A closing cue after the figure, else an opening one before it, else its quote's, else
        what the paragraph established."""
        closing = [c for c in cues if not c.leads and c.at > fig.start]
        if closing:
            return closing[0].source
        opening = [c for c in cues if c.leads and c.at < fig.start]
        if opening:
            return opening[-1].source
        quote = next((q for q in self.quotes if q.start <= fig.start < q.end), None)
        if quote and quote.source:
            return self._resolved(Cue(quote.source, 0, False, (0, 0)), []).source
        return state.source

    def _clause_start(self, pos: int, low: int) -> int:
        text = self.words.text
        return max(low, text.rfind(";", low, pos) + 1, text.rfind(":", low, pos) + 1)


def _heading(text: str) -> bool:
    """A short line without closing punctuation: a section heading."""
    stripped = text.strip()
    return bool(stripped) and stripped[-1] not in SENTENCE_END and len(stripped.split()) <= HEADING_WORDS
