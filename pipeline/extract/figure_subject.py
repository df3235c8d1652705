"""Whose figure it is: the subject a figure takes among its sentence's candidates (spec section 4a).

The nearest name before the figure in its clause, else in its sentence; else what the paragraph
established; else a body acting in the paragraph; else a speaker; else the article's topic. A name
that only owns a noun of the predicate yields to the body that acts ("Hội PN huyện ... nhận ủy thác
của NHCSXH ..."). The candidates themselves come from `subjects.Namer`.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from pipeline.extract.article_facts import Article, committee_body, led_body
from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import past_enclosed
from pipeline.extract.subjects import Candidate, Namer, private
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention

WORD = regex.compile(r"\w")
BRACKET = regex.compile(r"[()]")


class SubjectChooser:
    """The subject of each figure of one segment, chosen among its sentence's candidates."""

    def __init__(self, article: Article, words: Words, namer: Namer, recent: Callable[[], list[Candidate]]):
        self.article, self.words, self.namer = article, words, namer
        self.recent = recent  # what the paragraph has named so far
        self.forms: dict[str, str] = {}  # a speaker as written -> as a subject, at their fullest name
        # read once a sentence for all its figures (from its start to its paragraph's end: what a
        # figure sees is what closes before it)
        self._low = -1  # where the sentence read last opens
        self._asides: list[tuple[int, int]] = []  # its bracketed asides
        self._written: dict[str, list[int]] = {}  # a given name -> where it ends as a word in it

    def choose(
        self,
        fig: Mention,
        candidates: list[Candidate],
        low: int,
        clause: int,
        established: str | None,
        source: str | None,
        opens: int,
    ) -> tuple[str | None, bool]:
        """The nearest name before the figure in its clause (opening at `clause`; the speaker where
        they speak of themself, the name "họ" points back to), else in its sentence; else the
        paragraph's (`established`, when it continues, and for a person while no other speaks; a
        committee's as the Party body it leads);
        else a speaker named in the sentence, or a private person speaking; else the article's
        topic. Also whether the sentence named it.
        `opens`: where the figure's measure begins ("doanh thu của Công ty X đạt 500 tỷ đồng": X
        owns the figure)."""
        self._read(low)
        aside = [(a, b) for a, b in self._asides if b < fig.start]
        text = self.words.text
        # "Tham dự đại hội có đồng chí X, Chủ tịch Hội Nông dân huyện; ... và 76 đại biểu": the
        # guests named before those attending are no owners of the count: the event's body is
        guests = self.words.opens_with(self.words.at(low), "attendance_openers")
        before = [
            c
            for c in candidates
            if c.end <= fig.start
            and not guests
            and not c.spoken
            and not any(a < c.start < b for a, b in aside)
            # a list item's label names the figures of its own item only ("Bắc Giang tăng 14,14%, ...")
            and not (c.item and any(text.find(p, c.end, fig.start) >= 0 for p in ",;"))
        ]
        pointed = self.namer.pointers(clause, fig.start, source, candidates, self.recent, self.forms)
        # a clause opening on its verb goes on with the sentence's actor ("Thành Đoàn X tổ chức ...;
        # trao tặng 10 suất quà cho các em xã Y, mỗi suất trị giá 500.000 đồng"): the actor is its own
        own = clause if clause <= low or not self._subjectless(clause) else low
        for pool in (
            sorted([c for c in before if c.start >= own] + pointed, key=lambda c: c.start),
            before,
        ):
            if pool:
                chosen = self._actor_over_owner(pool, clause, opens, fig.start)
                return self._composed(chosen, fig) or chosen.name, True
        spoken = [c for c in candidates if c.end <= fig.start and c.spoken]
        office = spoken and self.namer.reports_on_others(spoken[-1].name)
        # "Theo Ban Tổ chức Tỉnh ủy, ...": the province's figures; an office reporting in the sentence
        # moves on from what the paragraph before established ("Theo số liệu của Tổng cục Hải quan,
        # xuất khẩu ... đạt" after a paragraph on one province's prices: the country's)
        if office and (place := self.namer.place_served(spoken[-1].name)):
            return place, True
        # carried past the sentence that named it, a committee's figures are its Party body's
        # ("Đảng ủy Công ty đã lãnh đạo ... Doanh thu đạt ...": "Đảng bộ Công ty X")
        if established and not self._other_speaks(established, source, low, fig.start):
            return led_body(self.article, established) or established, False
        if actor := self.namer.paragraph_actor(self.recent(), low):
            return led_body(self.article, actor) or actor, False
        if spoken and not office:
            return spoken[-1].name, True
        if source and private(source) and not self._as_group(low, fig.start):
            return self.forms.get(source, source), True
        return self.article.topic or self.article.whole_area(), False

    def _other_speaks(self, established: str, source: str | None, low: int, high: int) -> bool:
        """Whether the paragraph's subject is a private person and another speaks in the sentence
        [low, high): one whose title names a body ("Ông Thọ, Trưởng phòng Kinh tế thị xã Vĩnh
        Châu, thông tin, ... 5.400 ha"), or a person framed by the first ("Gần ruộng của bà Phôl,
        ông Pha cho biết, ..."): the figures are no longer the first person's."""
        if not source or not private(established):
            return False
        given = _given(established)
        if given in (_given(self.forms.get(source, source)), _given(source)):
            return False
        text = self.words.text
        if given not in self._written:
            pattern = regex.compile(rf"(?<!\w){regex.escape(given)}", regex.IGNORECASE)
            end = self.words.paragraph_bounds(self._low)[1]
            self._written[given] = [self._low + m.end() for m in pattern.finditer(text[self._low : end])]
        # written before the figure as a word of its own (a word ending at the figure ends the span)
        framed = any(e == high or (e < high and not WORD.match(text, e)) for e in self._written[given])
        titled = any(
            m.type in ("ORG", "LOC") and text[m.start : m.end] in source
            for m in self.namer.mentions
            if low <= m.start < high
        )
        return titled or bool(framed)

    def _actor_over_owner(self, pool: list[Candidate], clause: int, opens: int, figure: int) -> Candidate:
        """The nearest name, unless it only owns a noun of the predicate ("của NHCSXH"), not of the
        figure's measure (which opens at `opens`), and a body opening the clause acts ("Hội PN huyện
        Sông Mã đã nhận ủy thác của NHCSXH huyện để cho hơn 4.000 lượt hội viên vay"), or it says
        where that actor acts ("Ngày 13/8, UBMTTQ xã đã trao nhà cho hộ nghèo ở thôn X"): the actor."""
        # a venue fronted before the actor ("Tại xã X, Hội PN huyện đã nhận ủy thác của NHCSXH ...") sets
        # the scene: the actor is the first name after it
        words, namer, nearest = self.words, self.namer, pool[-1]
        actor = next((c for c in pool if not self.namer.venue(c, pool)), pool[0])
        first = words.at(actor.start)
        after = words.at(past_enclosed(words.text, actor.end, "(", ")"))  # past "(Sơn La)"
        at = words.at(nearest.start)
        place = bool(words.term_before(at, "locatives", at - 1)) or self._qualifies_noun(nearest, at, figure)
        # an owner yields only to the clause's first words, or to a body whose quantity opens the
        # clause ("Nguồn vốn Hội CCB huyện nhận ủy thác của NHCSXH"); a place also to an actor after a date
        lead = words.at(clause)
        held = max(words.term_at(lead, table, first) for table in ("measure_openers", "quantity_heads"))
        # an actor after a venue opens the clause after its comma ("Tại xã X, Hội PN huyện ...")
        after_venue = actor is not pool[0]
        leads = (
            first - lead <= 1
            or lead + held == first
            or ((place or after_venue) and self.namer.opens_clause(first))
        )
        acts = words.term_at(after, "aspect_markers") or words.term_at(after, "verbs")
        if (
            actor is nearest
            or nearest.start >= opens
            or not leads
            or not (place or words.lower[at - 1] == "của")
            # a body acting where the place is, whatever its verb; a place before is no actor
            or not (acts or (place and actor.start in namer.body_starts and namer.predicate_at(after)))
        ):
            return nearest
        return actor

    def _subjectless(self, clause: int) -> bool:
        """Whether the clause opening at `clause` opens on its verb, naming no actor of its own."""
        words = self.words
        i = words.at(clause)
        if i >= len(words) or not words.text[words.starts[i]].islower():
            return False
        return bool(words.term_at(i, "aspect_markers") or words.term_at(i, "verbs")) or (
            word_class(words.lower[i]) == "verb"
        )

    def _qualifies_noun(self, c: Candidate, at: int, figure: int) -> bool:
        """Whether a place right after a common noun or adjective of the predicate, with no
        preposition, says where the people or things it names are ("trao quà cho hộ nghèo xã Tân
        Phú", "các em thiếu nhi vượt khó học giỏi xã Sơn Định"): as "ở xã Tân Phú", no actor. Not
        one whose noun phrase goes on to the figure at `figure` with no verb or stop ("dự án khu đô
        thị Cần Giờ | từ 600 ha": the thing measured), nor one heading its own clause ("ổ dịch Hà
        Nam | đã phát hiện 16 ca", "trong nghĩa trang xã X (thôn 5) | có 1 ngôi mộ")."""
        words = self.words
        if at < 1 or c.start not in self.namer.place_at or words.is_punct(at - 1):
            return False
        before = words.lower[at - 1]
        if not words.text[words.starts[at - 1]].islower() or rules().has("place_words", before):
            return False
        if word_class(before) not in ("noun", "adj"):
            return False
        after, last = words.at(past_enclosed(words.text, c.end, "(", ")")), words.before(figure)
        if after < len(words) and (words.term_at(after, "aspect_markers") or words.lower[after] == "có"):
            return False
        return any(words.is_punct(k) or self._ends_phrase(k) for k in range(after, last))

    def _ends_phrase(self, k: int) -> bool:
        """Whether word `k` ends a noun phrase before it: a verb (a term of the verbs table, else by
        its usual class) or a conjunction."""
        words = self.words
        return bool(words.term_at(k, "verbs")) or word_class(words.lower[k]) in ("verb", "conjunction")

    def _composed(self, c: Candidate, fig: Mention) -> str | None:
        """The organisation a committee leads when the figure counts what the committee is made of
        ("Ban Chấp hành Đảng bộ gồm 7 đồng chí", "Cấp ủy chi bộ được kiện toàn qua đại hội gồm 03
        đồng chí: ..., 01 ủy viên"): "gồm" in the committee's own clause, before the figure."""
        words = self.words
        first, last = words.at(c.end), words.at(fig.start)
        verb = next((k for k in range(first, last) if words.term_at(k, "composition_links")), None)
        if verb is None or any(words.is_punct(k) for k in range(first, verb)):
            return None
        return committee_body(self.article, c.name)

    def _read(self, low: int) -> None:
        """Find the bracketed asides of the sentence opening at `low` once for all its figures
        ("khu vực kinh tế có vốn đầu tư nước ngoài (chiếm 98% giá trị xuất khẩu toàn tỉnh) đạt ...":
        what they name is no subject of the figures after); a bracket is paired where it closes, so
        a figure sees the asides closed before it whatever follows."""
        if low == self._low:
            return
        self._low, self._written = low, {}
        found, opened = [], []
        for bracket in BRACKET.finditer(self.words.text, low, self.words.paragraph_bounds(low)[1]):
            if bracket.group() == "(":
                opened.append(bracket.start())
            elif opened:
                found.append((opened.pop(), bracket.start()))
        self._asides = found

    def _as_group(self, low: int, high: int) -> bool:
        """Whether the paragraph so far speaks as "chúng tôi": for a body, not as a person."""
        words = self.words
        para_low = words.paragraph_bounds(low)[0]
        return any(
            words.term_at(i, "group_self_words") for i in range(words.at(para_low), words.before(high))
        )


def _given(name: str) -> str:
    """The given name of a person as written, its last word before any role ("ông Tăng Pha (một
    hộ dân)" -> "pha"): two forms of one person share it."""
    head = name.split(",")[0].split("(")[0].split(" - ")[0].split()
    return head[-1].lower() if head else ""
