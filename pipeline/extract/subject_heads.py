"""The body a bare head or an office stands for, as a figure's subject (spec section 4a `subject`).

A clause opening with a bare head ("Đảng ủy cũng đã ...") points back to the article's body of that
head, a group opening its clause ("ngành giáo dục đã ...", "UBKT các cấp") is taken as written, and
an office's name tells the place it serves ("Cục Thống kê tỉnh Bình Dương"). A part of
`subjects.Namer`, which gives it the segment's article, words, marks and mentions. The words are in
`rules/attribution.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.extract.article_facts import Article, places_in_name
from pipeline.extract.clauses import rules
from pipeline.extract.subject_filters import GROUP_WORDS, SubjectFilters
from pipeline.model import Mention

ACRONYM = regex.compile(r"[\p{Lu}Đ]{2,}")


@dataclass(frozen=True)
class Candidate:
    """A body, place or person a sentence names that can be a figure's subject."""

    start: int
    end: int
    name: str
    spoken: bool = False  # the speaker of a cue in the sentence: a weaker claim
    group: bool = False  # a kind of body or people as written ("ngành giáo dục"), not one named party
    item: bool = False  # a list item's label read over by a measure: its own item's subject only


class SubjectHeads(SubjectFilters):
    """The bodies, groups and places that bare heads and offices' names stand for, over one segment."""

    article: Article
    person_ends: frozenset[int]  # where the segment's people's names end

    def name(self, m: Mention) -> str:
        """A mention's name at its fullest in the article (given by `subjects.Namer`)."""
        raise NotImplementedError

    def _heads(
        self, low: int, high: int, mentions: list[Mention], spans: list[tuple[int, int]]
    ) -> list[Candidate]:
        """A clause opening with a bare body head ("Đảng ủy cũng đã tổ chức ...": the article's
        body of that head), one owning a measure ("doanh thu của Công ty"), or a clause opening
        with a group ("ngành giáo dục đã ...": the group as written)."""
        words, found = self.words, []
        first, stop = words.at(low), words.at(high)
        if words.none_of(first, stop, "body_heads", "acting_heads", "group_heads", "group_tails"):
            return found
        # inside a name or a figure's measure ("62 bí thư, phó bí thư, cấp ủy") no head opens a clause
        names = [(m.start, m.end) for m in mentions if m.type in ("ORG", "LOC", "PER")]
        named = names + spans
        for i in range(first, stop):
            # "doanh thu của Công ty": the article's body owns the figure, even inside its measure
            owned = i > 0 and words.lower[i - 1] == "của" and bool(words.term_at(i, "body_heads", stop))
            if any(a <= words.starts[i] < b for a, b in (names if owned else named)):
                continue
            if not (i == first or self.opens_clause(i) or owned):
                continue
            if not owned and (n := words.term_at(i, "acting_heads", stop)) and words.term_at(
                i + n, "aspect_markers", stop
            ):  # "Ban đã cấp Giấy CNĐT cho 270 dự án": a body the article names no further
                found.append(Candidate(words.starts[i], words.ends[i + n - 1], words.phrase(i, i + n)))
            elif n := words.term_at(i, "body_heads", stop):
                after = i + n
                if after < len(words) and words.text[words.starts[after]].isupper():
                    continue  # the start of a name the extractor did not take
                if name := self._body_of(" ".join(words.lower[i:after]), words.starts[i]):
                    found.append(Candidate(words.starts[i], words.ends[after - 1], name))
                elif (
                    (j := self._phrase_end(after, stop)) > after
                    and self._acts(j, stop)
                    and self._leads(i)
                    and not words.term_at(i, "anaphors", stop)  # "Công ty này đã ...": the one named before
                ):
                    # "Bệnh viện đa khoa trung tâm huyện (và các PKĐKKV) đã khám ...": a body the
                    # article names no further, as written
                    found.append(Candidate(words.starts[i], words.ends[j - 1], words.phrase(i, j)))
            elif ACRONYM.fullmatch(words.text[words.starts[i] : words.ends[i]]) and (
                n := words.term_at(i + 1, "group_tails", stop)
            ):  # "UBKT các cấp", "HĐND các cấp": a kind of body the article names by its acronym
                phrase = words.phrase(i, i + 1 + n)
                found.append(Candidate(words.starts[i], words.ends[i + n], phrase, group=True))
            elif (
                (n := words.term_at(i, "group_heads", stop))
                and not self._listed_noun(i)
                and not self._describes_person(i)
            ):
                j = self._coordinated_end(i, self._phrase_end(i + n, stop, i + GROUP_WORDS), stop)
                # one a speaker reports acting ("X cho biết các cơ sở khám chữa bệnh đã khám ...") is what
                # the paragraph goes on about; one acting in the outlet's words may be a kind of the
                # article's body ("cấp ủy các TCCSĐ trực thuộc đã ...")
                reported = bool(words.term_before(i, "source_after", i - 3))
                acts = reported and bool(words.term_at(j, "aspect_markers", stop))
                if self._in_noun_list(i, j, first, stop):
                    continue
                phrase = words.phrase(i, j)
                found.append(Candidate(words.starts[i], words.ends[j - 1], phrase, group=not acts))
        return found

    def _describes_person(self, i: int) -> bool:
        """Whether word `i` opens an apposition to the person named before its comma ("Ông Lý Tả
        Dũng, người dân huyện Quản Bạ, ... thu nhập 150 triệu đồng"): who the person is, no group."""
        words = self.words
        return i > 1 and words.lower[i - 1] == "," and words.ends[i - 2] in self.person_ends

    def _leads(self, i: int) -> bool:
        """Whether word `i` leads its sentence's clause: after no comma, or after the comma of a
        phrase holding a date ("Trong tháng 9, Bệnh viện ... đã khám"); after another comma it may
        go on with a list ("67 Đảng bộ tỉnh, thành phố, Đảng bộ trực thuộc Trung ương đã tổ chức")."""
        words, k = self.words, i - 2
        if i == 0 or words.lower[i - 1] != ",":
            return True
        while k >= 0 and not (words.is_punct(k) and words.lower[k] not in "()"):
            if self.marks.dated[k]:
                return True  # "Trong 02 ngày (14 và 15/11/2019), Hội nông dân tỉnh đã giải ngân"
            k -= 1
        return False

    def _body_of(self, head: str, pos: int) -> str | None:
        """The body a bare head before `pos` points back to: the article's most named body of that
        head; of bodies named as often, the last that opened a clause before it ("Hội LHPN phường
        Thới Long tiếp tục ... Hội duy trì 18 mô hình"), not one named in a title ("Phó Chủ tịch Hội
        CCB tỉnh"), at its fullest name (one whose words a longer name holds is that name: "Ủy ban
        MTTQ xã" is "Ủy ban MTTQ Việt Nam xã Tân Hà", the misspelt "Hội Nông xã Hà Ngọc" is "Hội
        Nông dân xã Hà Ngọc")."""
        best = self.article.bodies.get(head := rules().get("head_aliases", head) or head)  # "nhà trường"
        names = list(self.article.names.values())  # every mention of the article, its title too
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.type != "ORG" or m.end > pos or not self.opens_clause(self.words.at(m.start)):
                continue
            name = self.name(m)
            if not " ".join(name.lower().split()).startswith(head + " "):
                continue
            if names.count(name) < names.count(best):
                return best
            held = set(name.lower().split())
            fuller = [n for n in set(names) if len(n) > len(name) and held <= set(n.lower().split())]
            return max(fuller, key=len) if fuller else name
        return best

    def reports_on_others(self, name: str) -> bool:
        """Whether a speaking body is an office reporting the figures of those it serves ("Tổng cục
        Thống kê cho biết ...", "Theo Ban Tổ chức Tỉnh ủy, ..."), not its own (a Hội, a company)."""
        lowered = name.lower().split()
        return any(rules().has("reporting_offices", " ".join(lowered[:n])) for n in (1, 2, 3))

    def place_served(self, name: str) -> str | None:
        """The place an office serves, from its name ("Cục Thống kê tỉnh Bình Dương", "UBND tỉnh",
        "Ban Tổ chức Tỉnh ủy", "Văn phòng Huyện ủy Đức Trọng"), a bare level at the article's
        place of that level; for a national office ("Bộ Tài chính") the country the article names."""
        if found := places_in_name(name):
            return found[-1][1]
        written = name.split()
        for k in range(len(written) - 1, 0, -1):
            level = rules().get("place_words", written[k].lower())
            if not level or level == "country":
                continue
            rest = written[k + 1 :]
            if rest[:1] and rest[0].lower() in ("ủy", "uỷ"):
                rest = rest[1:]  # "Huyện ủy Đức Trọng": the district's committee
            if rest and all(w[:1].isupper() for w in rest):
                return " ".join([written[k].lower(), *rest])
            return None if rest else self.article.places.get(level) or written[k].lower()
        # a ministry or general department serves the country: the one the article names, if any
        lowered = name.lower().split()
        if any(rules().has("national_offices", " ".join(lowered[:n])) for n in (1, 2)):
            return self.article.places.get("country")
        return None
