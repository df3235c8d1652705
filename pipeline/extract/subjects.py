"""Whose figure it is: the bodies, places, groups and people a sentence offers as a subject.

A subject is named at its fullest in the article (an organisation by the name the organisations
extractor settled on, a person by their full name with the title or kin word the text gives
them), a bare administrative word ("huyện có ...") by the article's place of that level, a bare
head ("Đảng ủy cũng đã ...") by the article's body of that head, a group opening its clause
("ngành giáo dục đã ...", "UBKT các cấp") as written. Recipients, partners, kinds ("các TCCSĐ"),
a document's issuer and the outlet itself are no subject (`subject_filters`). The words are in
`rules/attribution.yml`.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from pipeline.extract.article_facts import ADMIN, Article, places_in_name
from pipeline.extract.clauses import Words, rules
from pipeline.extract.dated_text import inside_aside, past_enclosed
from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.measure_phrases import Marks
from pipeline.extract.org_rules import rules as org_rules
from pipeline.extract.people_context import role_around
from pipeline.extract.people_patterns import patterns as people_patterns
from pipeline.extract.sources import Cue
from pipeline.extract.subject_heads import Candidate, SubjectHeads
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention
from pipeline.place_names import place_key
from pipeline.rulebook import compiled
from pipeline.text import alternation

QUOTED = regex.compile(r"“[^”\n]{1,200}”")  # a span in curly quotes, within a line
STOP_INSIDE = regex.compile(r"[.!?…](?:\s|$)")  # a sentence stop: speech, not a title
YEAR = regex.compile(r"(?:19|20)\d\d")
# a role after a person's name: a comma, a bracket, or a dash with a space after it ("Bà H.- Tổng cục trưởng")
ROLE_AFTER = regex.compile(r",|\(|\s?[-–]\s")
HOLDING_REACH = 12  # how many words after an official's name a verb of holding makes the figure theirs
# a wider unit after a narrower one is its address; a named site is narrowest ("chợ X, TP Hồ Chí Minh")
LEVEL_RANK = {"other": 0, "commune": 1, "district": 2, "province": 3}


class Namer(SubjectHeads):
    """The subject candidates of one segment's sentences."""

    def __init__(self, article: Article, words: Words, mentions: list[Mention], marks: Marks):
        self.article, self.words, self.mentions, self.marks = article, words, mentions, marks
        self.word_ends = set(words.ends)
        # the segment's mentions are fixed: index them once rather than per figure or candidate
        self.place_at: dict[int, Mention] = {}
        for m in mentions:
            if m.type == "LOC":
                self.place_at.setdefault(m.start, m)
        self.body_starts = frozenset(m.start for m in mentions if m.type == "ORG")
        self.named_spans = [(m.start, m.end) for m in mentions if m.type in ("ORG", "LOC", "PER")]
        self.person_starts = frozenset(m.start for m in mentions if m.type == "PER")
        self.person_ends = frozenset(m.end for m in mentions if m.type == "PER")
        self._address_end = -1  # where the last place read as a person's address ends

    def owner_after(
        self, end: int, high: int, mentions: list[Mention], links: str = "owner_links"
    ) -> str | None:
        """A body or place named right after a figure's measure as its owner ("13 đảng viên thuộc Đảng
        bộ UBND tỉnh", "... của huyện Chợ Lách"), if any; `links`: the table of words joining them."""
        words = self.words
        i = self._past_levels(words.at(end))  # "226 xã | , phường, thị trấn | trong tỉnh"
        if i >= len(words) or not (n := words.term_at(i, links)) or i + n >= len(words):
            return None
        start = words.starts[i + n]
        named = next(
            (m for m in mentions if m.start == start and m.type in ("ORG", "LOC") and m.start < high), None
        )
        if named:
            return self.name(named)
        j = i + n
        after = j + (head := words.term_at(j, "body_heads"))
        upper = after < len(words) and words.text[words.starts[after]].isupper()  # a name goes on
        # a bare body head ("7.300 đảng viên trong toàn đảng bộ"): the body it points back to
        if head and not upper and (body := self._body_of(" ".join(words.lower[j:after]), start)):
            return body
        # a bare level word ("226 xã, phường, thị trấn trong tỉnh"): the article's place of that level
        place = place_pattern().match(words.text, start, high)
        if place is None or place.end() not in self.word_ends:
            return None
        level = rules().get("place_words", place.group(1))
        return (self._place_of(level, start) or place.group(0)) if level else None

    def _past_levels(self, i: int) -> int:
        """Past the level words listed after a counted one from word `i` on (", phường, thị trấn" of
        "226 xã, phường, thị trấn trong tỉnh"): the list is what is counted, the owner comes after it."""
        words, level_of = self.words, rules().tables["place_words"]
        while i + 1 < len(words) and (words.lower[i] == "," or words.term_at(i, "list_joiners")):
            if words.lower[i + 1] not in level_of:
                break
            i += 2
        return i

    def candidates(
        self, low: int, high: int, mentions: list[Mention], spans: list[tuple[int, int]], cues: list[Cue],
        listed: set[int] | None = None,
    ) -> list[Candidate]:
        """The bodies, places and people the sentence [low, high) names that can be a subject: not
        inside a figure's measure, not a recipient or partner ("gửi Bộ GD&ĐT"), a kind ("các
        TCCSĐ"), a document's issuer, or the outlet; of a speaker phrase only its head name. `listed`:
        the starts `enumerated` gives, when the caller has them."""
        words, found = self.words, []
        heads = {self._speaker_head(c, mentions) for c in cues}
        blocked_ends: set[int] = set()  # ends of names a partner cue blocked, for the list they open
        listed = self.enumerated(mentions) if listed is None else listed
        for m in mentions:
            i = words.at(m.start)
            if m.start in listed:
                continue
            if self._listed_after(i, blocked_ends):
                blocked_ends.add(words.before(m.end) - 1)
                continue
            owner = (
                i > 0 and words.lower[i - 1] == "của"
            )  # "tổng số ĐV của tỉnh": inside a measure, still its owner
            inside = any(a <= m.start < b for a, b in spans)
            item = inside and not owner and self._states_figure(m)
            if m.type not in ("ORG", "LOC", "PER") or (inside and not owner and not item):
                continue
            spoken = any(c.speaker[0] <= m.start < c.speaker[1] for c in cues)
            if self._blocked(i, m):
                blocked_ends.add(words.before(m.end) - 1)
                continue
            if (spoken and m.start not in heads) or self._apposed(m, mentions) or self._instrument(i):
                continue
            if not spoken and self._official(m):
                continue
            after = words.before(m.end)
            if n := words.term_at(after, "group_tails"):  # "UBKT các cấp": a kind of body, as written
                end, phrase = words.ends[after + n - 1], words.phrase(i, after + n)
                found.append(Candidate(m.start, end, phrase, group=True))
                continue
            if self._address_of(m, found):
                continue
            name = (spoken and self._role_body(m, cues, mentions)) or self.name(m)
            found.append(Candidate(m.start, m.end, name, spoken, item=item))
        for match in place_pattern().finditer(words.text, low, high):
            level = rules().get("place_words", match.group(1))
            i = words.at(match.start())
            inside = any(m.start <= match.start() < m.end for m in mentions if m.type in ("ORG", "LOC"))
            framing = self.opens_clause(i) or words.term_before(i, "place_introducers", i - 3)
            # "kim ngạch xuất khẩu toàn tỉnh": the whole area, wherever it stands
            leading = framing or words.term_at(i, "whole_places")
            term = " ".join(match.group(1).lower().split())
            # a place word inside the text's last segmented word ("thuộc liên xã") starts no word
            whole = i < len(words.starts) and words.starts[i] == match.start() and (
                match.end() in self.word_ends  # not "xã" of "xã hội"
                # a whole area of two syllables the segmenter glued to the next ("toàn quốc ước có")
                or (" " in term and rules().has("whole_places", term))
            )
            if (
                inside
                or not whole
                or not level
                or not leading
                or words.term_before(i, "place_blockers", i - 3)
                or words.compared(i, 3, "ranking_fields")  # "dẫn đầu toàn tỉnh": the field of a ranking
            ):
                continue
            if self._counted_or_listed(i, match.end()) or (not framing and self._after_actor(found)):
                continue
            written = match.group(0)
            place = self._place_of(level, match.start()) or written
            found.append(Candidate(match.start(), match.end(), place))
        found = sorted(found + self._heads(low, high, mentions, spans), key=lambda c: c.start)
        return self._titled(found, low, high)

    def _official(self, m: Mention) -> bool:
        """Whether a person is named with a job title ("đồng chí Nguyễn Văn An, Phó Bí thư huyện ủy
        trao Huy hiệu ..."): an official acts for a body at its event, owns no figure, unless they
        hold it (`holding_verbs`); the body of the title, when named, stays a candidate."""
        if m.type != "PER" or not role_around(self.words.text, m.start, m.end, people_patterns()):
            return False
        # "ông X - Chủ tịch Hoà Phát - đang sở hữu 700 triệu cổ phiếu": what they hold is their own
        words, i = self.words, self.words.before(m.end)
        stop = min(len(words), words.at(self.words.sentence(m.start)[1] - 1) + 1, i + HOLDING_REACH)
        return not any(words.term_at(k, "holding_verbs", stop) for k in range(i, stop))

    def _role_body(self, m: Mention, cues: list[Cue], mentions: list[Mention]) -> str | None:
        """The one body a speaking official's title names ("Ông Trần Quốc Tuấn, Giám đốc Phòng Giao dịch
        Ngân hàng CSXH Thăng Bình cho biết, tổng dư nợ ..."): an official reports for that body, so the
        figures are its (spec 4a names bodies, places and groups as subjects, no person); none when
        the title names no body or several ("Ủy viên BTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh")."""
        text = self.words.text
        if m.type != "PER" or not ROLE_AFTER.match(text, m.end):
            return None
        if not role_around(text, m.start, m.end, people_patterns()):
            return None
        phrase = next((c.speaker for c in cues if c.speaker[0] <= m.start < c.speaker[1]), None)
        if phrase is None:
            return None
        bodies = [o for o in mentions if o.type == "ORG" and m.end <= o.start < phrase[1]]
        return self.name(bodies[0]) if len(bodies) == 1 else None

    def _after_actor(self, found: list[Candidate]) -> bool:
        """Whether a name before opens the sentence's clause as its actor: a whole area named after it
        in passing is the field of a ranking or comparison ("Trà Vinh xếp hạng 25/63 tỉnh, thành phố
        cả nước", "tỉnh X có tỷ lệ ... đứng thứ 12 trong cả nước"), not whose figure it is."""
        for c in found:
            first = self.words.at(c.start)  # "tỉnh Điện Biên": the level word may stand before the name
            opens = self.opens_clause(first) or (first > 0 and self.opens_clause(first - 1))
            if opens and not c.spoken and not c.group:
                return True
        return False

    def _address_of(self, m: Mention, found: list[Candidate]) -> bool:
        """Whether a place only completes the address of the name before it ("Mặt trận Tổ quốc xã
        Thanh Sơn, huyện Thanh Hà và ...", "xã Hòa Sơn, huyện Ninh Sơn"): a wider unit after a comma."""
        level = LEVEL_RANK.get(m.attrs.get("level"))
        if m.type != "LOC" or level is None or not found:
            return False
        before = found[-1]
        text = self.words.text
        between = text[before.end : m.start].strip()
        # the address goes on over wider units after a comma ("người dân huyện Quản Bạ, tỉnh Hà Giang")
        if self._residents_address(before, between) or text[self._address_end : m.start].strip() == ",":
            self._address_end = m.end
            return True
        if between != ",":
            return False
        ranks = [rank for lvl, _ in places_in_name(before.name) if (rank := LEVEL_RANK.get(lvl)) is not None]
        named = self.place_at.get(before.start)
        if named is not None and (rank := LEVEL_RANK.get(named.attrs.get("level"))) is not None:
            ranks.append(rank)
        return bool(ranks) and max(ranks) < level

    def _residents_address(self, before: Candidate, between: str) -> bool:
        """Whether a place set off by a comma after a person names where they live ("anh Trần Xuân
        Hoàn, huyện Bảo Thắng với mô hình ...", "Ông Lý Tả Dũng, người dân huyện Quản Bạ"): an
        apposition, the person's figure, not the place's."""
        if not between.startswith(",") or before.start not in self.person_starts:
            return False
        rest = " ".join(between[1:].lower().split())
        return not rest or rules().has("resident_words", rest) or rules().has("residence_words", rest)

    def _counted_or_listed(self, i: int, end: int) -> bool:
        """A bare level word after a number is counted ("có 08 xã đủ điều kiện"), and one listed with
        another level word is every unit of those levels ("Ở xã, phường, thị trấn có ..."): no subject."""
        words, level_of = self.words, rules().tables["place_words"]
        if i > 0 and words.lower[i - 1][:1].isdigit() and not YEAR.fullmatch(words.lower[i - 1]):
            return True  # "năm 2020 toàn tỉnh ...": a year is no count
        j = words.at(end) if end < len(words.text) else len(words.lower)
        after = j + 1 if j < len(words.lower) and words.lower[j] == "," else -1
        before = i - 2 if i > 1 and words.lower[i - 1] == "," else -1
        return (0 <= after < len(words.lower) and words.lower[after] in level_of) or (
            before >= 0 and words.lower[before] in level_of)

    def _place_of(self, level: str, pos: int) -> str | None:
        """The place a bare level word ("của huyện") points back to: the last place of that level
        named before it ("Huyện Duy Tiên có ... Tỉ lệ hộ nghèo của huyện"), else the article's."""
        named = [
            m for m in self.mentions if m.type == "LOC" and m.attrs.get("level") == level and m.start < pos
        ]
        body = self._body_place(level, pos)
        last_named = named[-1].text if named else self.article.places.get(level)
        if body and (not named or body[0] > named[-1].start) and not _same_place(body[1], last_named):
            return body[1]
        if not named:
            return self.article.places.get(level)
        last = named[-1]
        same = [
            m.text for m in self.mentions if m.type == "LOC" and m.attrs.get("name") == last.attrs.get("name")
        ]
        return next((w for w in [last.text, *same] if ADMIN.match(w)), last.text)

    def _body_place(self, level: str, pos: int) -> tuple[int, str] | None:
        """The start of the last body before `pos` in its paragraph and the place of `level` it ends on."""
        # "* Theo Sở GD - ĐT Bắc Giang, tỷ lệ ... của tỉnh đạt 99,37%": the bare level word is Bắc
        # Giang's, not the province of the list item before; "cả nước" stays the country the
        # article names (docs/gold-conventions.md)
        if level == "country":
            return None
        text, opens = self.words.text, self.words.paragraph_bounds(pos)[0]
        bodies = [
            m
            for m in self.mentions
            if m.type == "ORG"
            and opens <= m.start < pos
            # a body in a bracketed aside is named in passing ("(... thuộc Đảng bộ tỉnh Đắk Lắk)")
            and not inside_aside(text, opens, m.start)
        ]
        if not bodies:
            return None
        last = bodies[-1]  # a body naming no place leaves the level word to the places named
        placed = places_in_name(last.text)
        if found := [place for lvl, place in placed if lvl == level]:
            return last.start, found[-1]
        if placed:  # "Hội Nông dân xã Tân Phú" is the commune's: its tail names no district Tân Phú
            return None
        written = last.text.split()
        for n in (3, 2):  # a bare place name closing the body's name ("Sở Y tế Bắc Giang")
            tail = " ".join(written[-n:])
            if len(written) > n and tail.istitle() and gazetteer().level_of(tail) == level:
                return last.start, tail
        return None

    def scope(self, figures: list[int]) -> str | None:
        """The first whole area the segment names in a sentence with a figure ("toàn tỉnh có 3 dự
        án", "cả nước ghi nhận 16,8 nghìn doanh nghiệp"), at the article's name for its level when
        there is one. `figures`: where the segment's figures start."""
        words = self.words
        for match in place_pattern().finditer(words.text):
            i = words.at(match.start())
            low, high = words.sentence(match.start())
            if not any(low <= f < high for f in figures):
                continue  # "đi du lịch khắp cả nước": a place named in passing
            if words.compared(i, 3) or words.compared(i, 3, "ranking_fields"):
                continue  # "so với bình quân cả nước", "dẫn đầu toàn tỉnh": a base or a field, not the scope
            if words.starts[i : i + 1] == [match.start()] and words.term_at(i, "whole_places"):
                level = rules().get("place_words", match.group(1))
                return self.article.places.get(level) or match.group(0)
        return None

    def venue(self, c: Candidate, named: list[Candidate]) -> bool:
        """Whether a name only sets the scene of the sentence's event, a body named after it acting:
        a place or a body's premises where it is held ("Sáng 22/4 tại Hà Nội, Tổng cục Giáo dục nghề
        nghiệp và Cục Việc làm đã ký kết ...", "tại Trường ĐH Tây Nguyên, Chi bộ Khoa Kinh tế ..."),
        or a name inside the verb phrase the sentence opens on, before the comma of a body, place or
        group opening the clause ("Thực hiện Nghị quyết của Ban chấp hành Đảng bộ, sáng 02/02, Đảng bộ
        Bệnh viện tổ chức ...", "Hưởng ứng phong trào của Trung ương Hội, huyện X đã ..."); what the
        article is about is the actor."""
        words, i = self.words, self.words.at(c.start)
        later = [o for o in named if o.start > c.end and not o.spoken]
        after = [o for o in later if o.start in self.body_starts]
        # a body's premises are a venue too when the next body follows its comma ("Sáng ngày 24/4, tại
        # Trường Đại học Tây Nguyên, Chi bộ Khoa Kinh tế đã tổ chức Đại hội"), not one of a pair ("tại
        # Trường Newton và Trường Pascal")
        held = c.start in self.place_at or (
            c.start in self.body_starts and bool(after) and "," in words.text[c.end : after[0].start]
        )
        if held and words.term_before(i, "locatives", i - 1) and after:
            return True
        first = words.at(words.sentence(c.start)[0])
        if "," in words.text[words.starts[first] : c.start]:
            return False

        def acts_after_comma(o: Candidate) -> bool:
            return "," in words.text[c.end : o.start] and self.opens_clause(words.at(o.start))

        if words.term_at(first, "verbs", i) and any(acts_after_comma(o) for o in after):
            return True
        # a sentence opening on a verb by its usual class ("Chào mừng ...", "Hưởng ứng ...") names its
        # object before the actor's comma, the actor a body, a place or a group going on to its
        # predicate (not the next name of a list or an address: "Trường A, Trường B và ..."), the
        # first name after the object (not one in a later clause or quote); so does a phrase before
        # a body of the same kind acting after its comma, whatever its first word ("Hướng tới kỷ niệm
        # Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh, Đoàn Thanh niên khối các cơ quan tỉnh
        # Thái Bình tổ chức ..."): a unit names its parent's occasion, then acts itself
        kin = first < i and c.start in self.body_starts
        # (a place going on to where is the object's address, no actor: "Báo cáo của Sở Y tế, TPHCM
        # tại cuộc họp ...")
        def acts(o: Candidate) -> bool:
            k = words.at(past_enclosed(words.text, o.end, "(", ")"))
            return self.predicate_at(k) and not words.term_at(k, "locatives")

        return (word_class(words.lower[first]) == "verb" or kin) and any(
            acts_after_comma(o) and acts(o)
            and (word_class(words.lower[first]) == "verb" or _same_kind(c.name, o.name))
            for o in later[:1]
        )

    def paragraph_actor(self, recent: list[Candidate], low: int) -> str | None:
        """The body the sentence before `low` puts at the opening of a clause ("Vụ Đông Xuân, UBND
        huyện tiếp tục hỗ trợ nông dân. Theo đó, hỗ trợ 50% giá giống ..."): what the paragraph goes
        on about in a sentence with figures that names no one. `recent`: what the paragraph named."""
        words, bodies = self.words, self.body_starts
        if words.paragraph_bounds(low)[0] >= low:
            return None  # the paragraph's first sentence: nothing before it in the paragraph
        before = words.sentence(low - 1)[0]
        for c in reversed([c for c in recent if before <= c.start and c.end <= low]):
            # a body after a word ("Ủy viên Bộ Chính trị") is part of a title, not the clause's actor;
            # a place acts when an aspect marker follows it ("Tỉnh đã chú trọng khai thác các nguồn thu.
            # Tổng số thu nội địa 6.530 tỷ đồng": the province's)
            acting = c.start in bodies or bool(words.term_at(words.at(c.end), "aspect_markers"))
            if acting and not (c.spoken or c.group) and self.opens_clause(words.at(c.start)):
                return c.name
        return None

    def _titled(self, found: list[Candidate], low: int, high: int) -> list[Candidate]:
        """Candidates outside a quoted title ("phong trào “Nông dân thi đua sản xuất kinh doanh
        giỏi”", "“Cả nước chung tay vì người nghèo”"): a quoted span with no sentence stop in it
        names a campaign or a fund, not whose figure it is; a quote holding just one name quotes
        that name ("chuyển trường thành “trường THCS & THPT Lộc Phát”")."""
        text = self.words.text
        titles = [
            (q.start(), q.end())
            for q in QUOTED.finditer(text, low, high)
            if not STOP_INSIDE.search(q.group(0)[1:-1])
        ]
        return [
            c for c in found if not any(a < c.start < b and not self._quoted_name(c, a, b) for a, b in titles)
        ]

    def _quoted_name(self, c: Candidate, a: int, b: int) -> bool:
        """Whether the quote [a, b) holds just the name of a body: it quotes the name, names no campaign."""
        return c.start in self.body_starts and not c.group and (c.start, c.end) == (a + 1, b - 1)

    def _speaker_head(self, cue: Cue, mentions: list[Mention]) -> int:
        named = [
            m for m in mentions if m.type in ("ORG", "PER") and cue.speaker[0] <= m.start < cue.speaker[1]
        ]
        return named[0].start if named else -1

    def name(self, m: Mention) -> str:
        """A body at its fullest name in the article; a place and a person as written, with the
        title or kin word before a person ("Chị T.H")."""
        if m.type == "ORG":
            written = self.article.names.get((m.field, m.start, m.end)) or m.attrs.get("name") or m.text
            return self.article.at_fullest(written)
        if m.type == "PER":
            full = self.article.names.get((m.field, m.start, m.end)) or m.text
            if n := self.titled(m):
                i = self.words.at(m.start)
                return f"{self.words.phrase(i - n, i)} {full}"  # "chị H" is "chị T.H"
            return full
        return m.text

    def pointers(
        self,
        low: int,
        high: int,
        source: str | None,
        candidates: list[Candidate],
        recent: Callable[[], list[Candidate]],
        forms: dict[str, str],
    ) -> list[Candidate]:
        """Words of the clause before a figure that point to a subject: the speaker's "tôi" or kin
        word ("chị" for "Chị T.H"), an anaphor ("họ", "đơn vị này") to the last name before it."""
        words, found = self.words, []
        first, stop = words.at(low), words.before(high)
        if words.none_of(first, stop, "self_words", "group_self_words", "anaphors", "kin_words"):
            return found
        for i in range(first, stop):
            if self.marks.blocked[i]:
                continue  # "231.263 em": a unit, not a pronoun
            pos = words.starts[i]
            kin = rules().has("kin_words", words.lower[i]) and private(source or "")
            named_next = i + 1 < len(words) and words.text[words.starts[i + 1]].isupper()
            if words.term_at(i, "group_self_words"):
                if self.article.topic:
                    found.append(Candidate(pos, pos, self.article.topic))
            elif source and (words.term_at(i, "self_words") or kin) and not named_next:
                found.append(Candidate(pos, pos, forms.get(source, source)))
            elif n := words.term_at(i, "anaphors"):
                earlier = [c for c in [*recent(), *candidates] if c.end <= pos]
                if earlier:
                    found.append(Candidate(pos, words.ends[i + n - 1], earlier[-1].name))
        return found


def _same_kind(one: str, other: str) -> bool:
    """Whether two bodies' names open on the same head of rules/organizations.yml ("Đoàn Thanh niên
    Cộng sản Hồ Chí Minh", "Đoàn Thanh niên khối các cơ quan tỉnh Thái Bình")."""
    heads = org_rules().head_re
    first, second = heads.match(one.lower()), heads.match(other.lower())
    return bool(first and second) and first.group() == second.group()


def private(source: str) -> bool:
    """A speaker who is a private person: opening with a kin word, with no role after the name."""
    lowered = source.lower().split()
    kin = any(
        rules().has(table, " ".join(lowered[:size]))
        for table in ("kin_words", "person_words")
        for size in (1, 2)
    )
    return kin and not ROLE_AFTER.search(source)


@compiled
def place_pattern() -> regex.Pattern:
    """A bare administrative word used as a subject: no name after it ("huyện có", "tỉnh này")."""
    words = alternation(rules().tables["place_words"], spaces="any")  # the longest first
    return regex.compile(
        rf"(?<![\p{{L}}\d])({words})(?:\s+(?:này|nhà))?(?![\p{{L}}\d])(?!\s+(?-i:[\p{{Lu}}\d]))",
        regex.IGNORECASE,
    )


def _same_place(one: str, other: str | None) -> bool:
    """Whether two written places are one ("huyện Hoằng Hoá", "Hoằng Hóa"): the bare names' keys."""
    return other is not None and place_key(ADMIN.sub("", one)) == place_key(ADMIN.sub("", other))
