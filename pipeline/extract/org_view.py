"""A segment as the organisation scanner reads it, and what stands in it: a head, a person, a byline."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from pipeline.extract.document import Segment
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_words import (
    BIG_PLACES,
    CAPITALS,
    SMALL,
    capitalised,
    foreign_word,
    place_level,
    shouting,
)
from pipeline.extract.people_patterns import patterns as people_patterns
from pipeline.extract.word_classes import word_class, word_count
from pipeline.text import modern_tones, name_key
from pipeline.text import sentence_initial as text_sentence_initial

# uses in the Dân trí corpus (word_classes.tsv) that make a head and the lower-case syllable after it a
# common word even where the segmenter split them ("khoa học" 400, "hội nghị" 111)
COMMON_WORD_USES = 100
DESCRIBING = frozenset({"noun", "determiner"})  # word classes that describe a unit after its head
# "TP.HCM", "T.Ư", "PCTT&TKCN" are one syllable; a stop between a small letter and a capitalised word
# ("Lộc Phát.Trường tọa lạc") is a sentence end that lost its space, not an abbreviation's stop
SYLLABLE_RE = re.compile(rf"[^\W_]+(?:(?:[&'’]|\.(?<![{SMALL}]\.(?=[{CAPITALS}][{SMALL}])))[^\W_]+)*")
# a foreign name spelt out in syllables joined by hyphens, the first capitalised and the rest in lower
# case ("Vắc-xin", "Mát-xcơ-va"), is one word: no dash between two parts of a name (`View.syllable`)
_LOANWORD_RE = re.compile(rf"[{CAPITALS}][^\W_]*(?:-[{SMALL}][^\W_]*)+")
_GAPS = (("space", re.compile(r"[ \t\xa0]+")), ("hyphen", re.compile(r"[ \t\xa0]*[-–][ \t\xa0]*")),
         ("and", re.compile(r"[ \t\xa0]*&[ \t\xa0]*")))  # "PCTT & TKCN", "PCTT& TKCN" as typed


def _lower(text: str) -> str:
    """Lower case with the same length (the rare letter whose lower case is longer stays as it is)."""
    lower = text.lower()
    same = lower if len(lower) == len(text) else None
    return same or "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class View:
    """One segment as the scanner reads it: syllables found on demand, and the word each belongs to."""

    field: str
    text: str
    norm: str  # tone placement modernised, same length as text
    lower: str
    token_starts: list[int]
    _syllables: dict[int, tuple[int, int] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, segment: Segment) -> View:
        norm = modern_tones(segment.text)
        from spacy.attrs import IDX  # spaCy loads with the first document, not with the kind registry

        return cls(segment.field, segment.text, norm, _lower(norm), segment.doc.to_array(IDX).tolist())

    def syllable(self, pos: int) -> tuple[int, int] | None:
        """The first syllable starting at or after `pos`, as (start, end)."""
        if pos not in self._syllables:
            match = SYLLABLE_RE.search(self.norm, pos)
            self._syllables[pos] = self._loanword(match.span()) if match else None
        return self._syllables[pos]

    def _loanword(self, span: tuple[int, int]) -> tuple[int, int]:
        """The syllable at `span` run on through the hyphenated lower-case parts of a foreign name spelt
        out ("Vắc-xin"), up to a part that starts a lower-case head: "Kim Hoàng-chi bộ doanh nghiệp" is a
        dash typed without spaces between two names, not one word."""
        loan = _LOANWORD_RE.match(self.norm, span[0])
        if loan is None or loan.end() <= span[1]:
            return span
        end = span[1]
        for part in re.finditer(r"-([^\W_]+)", self.norm[span[1]:loan.end()]):
            if lower_head(self, span[1] + part.start(1)) is not None:
                break
            end = span[1] + part.end()
        return span[0], end

    def word(self, span: tuple[int, int]) -> str:
        return self.norm[span[0]:span[1]]

    def ends_syllable(self, start: int, end: int) -> bool:
        """A match at start..end stops on a syllable end ("TP." in "TP.HCM" does not)."""
        span = self.syllable(start)
        return span is not None and span[0] == start and (span[1] == end or (
            end > span[1] and not SYLLABLE_RE.match(self.norm, end)))

    def token(self, pos: int) -> int:
        """Index of the underthesea word holding character `pos`."""
        return bisect_right(self.token_starts, pos) - 1

    def gap(self, pos: int, start: int) -> str:
        """'space', 'hyphen', 'and', 'none' or 'other': what separates `pos` from a syllable at `start`."""
        between = self.norm[pos:start]
        return next((kind for kind, gap in _GAPS if gap.fullmatch(between)), "other") if between else "none"

    def next_word(self, pos: int) -> tuple[int, int] | None:
        """The syllable right after `pos` when only spaces separate them."""
        span = self.syllable(pos)
        return span if span and self.gap(pos, span[0]) == "space" else None

    def _runs_on(self, token: int) -> bool:
        """A capitalised word follows the segmenter's word `token`: the name it starts goes on."""
        after = self.token_starts[token + 1] if token + 1 < len(self.token_starts) else len(self.norm)
        span = self.next_word(after - 1) if self.norm[after - 1:after] == " " else None
        return span is not None and capitalised(self.word(span))

    def fused(self, start: int, end: int) -> bool:
        """The segmenter made the head at start..end and capitalised words one word: "Trường Sa".

        An acronym head glued to a nested head is not fused ("BTV Huyện" + "ủy": the segmenter took
        the acronym for the first syllable of a name); an acronym is no syllable of a place's name.
        """
        token, span = self.token(start), self.next_word(end)
        if span is None or self.token(span[0]) != token or rules().phrase_re.match(self.norm, span[0]):
            return False
        own = head_at(self, start)
        # "Đảng bộ Cảng" + "Hải Phòng": a head of two words is no syllable of a place (but "Thường trực
        # Ban" + "Bí thư" is a title's word glued to the body it names)
        titled = own is not None and own[1].title_part
        if " " in self.norm[start:end] and self.token_starts[token] == start and self._runs_on(token) and (
                not titled):
            return False
        if self.norm[start:end].isupper() and end - start > 1 and head_at(self, span[0]) is not None:
            return False
        if own is not None and own[1].unit and own[0] == end:
            return False  # "Đoàn Khối" + "các cơ quan": a unit's body glued to the unit's head (`unit_after`)
        nested = False
        while span and self.token(span[0]) == token:
            if not capitalised(self.word(span)):
                return False
            nested = nested or head_at(self, span[0]) is not None
            end, span = span[1], self.next_word(span[1])
        # "Hội Người" + "cao tuổi": the segmenter glued a head to the first word of the name that lower-case
        # words go on describing; a place's name ("Trường Sa", "Hội An"), a lone word, or another head
        # ("Hội đồng Ban giám khảo": a jury) is one word with it
        described = span is not None and self.norm[span[0]].islower() and self.gap(end, span[0]) == "space"
        return nested or place_level(self.norm[start:end]) is not None or not described


def common_word_start(head: str, after: str) -> bool:
    """A head and the lower-case syllable after it make a common word of the corpus ("khoa học"), even
    where the segmenter split them or never saw them (an acronym's spelt-out words)."""
    return word_count(f"{head.lower()} {after.lower()}") >= COMMON_WORD_USES


def head_at(view: View, start: int) -> tuple[int, Head] | None:
    """A capitalised head word starting at `start`: (end, head), or None."""
    match = rules().head_re.match(view.lower, start) if view.norm[start:start + 1].isupper() else None
    if not match or not view.ends_syllable(start, match.end()):
        return None
    after = view.next_word(match.end())
    if after and view.norm[after[0]].islower() and (view.token(after[0]) == view.token(start) or (
            common_word_start(view.lower[start:match.end()], view.word(after)))):
        return None  # "Chuyên gia", "Hội nghị", "Khoa học": the head starts a longer common word
    head = rules().heads[match.group()]
    if head.unit and (after is None or not view.norm[after[0]].islower()) and not unit_after(view, after):
        return None  # "Đoàn Công Dũng": a surname; the unit's body has a lower-case unit after it
    if head.term.isupper() and (not view.norm[start:match.end()].isupper() or acronym_joined(view, start)):
        return None
    return match.end(), head


def lower_head(view: View, start: int) -> tuple[int, Head] | None:
    """A head word in lower case at `start`, ending where a syllable does: (end, head), or None."""
    match = rules().head_re.match(view.lower, start) if view.norm[start:start + 1].islower() else None
    if not match or not view.ends_syllable(start, match.end()):
        return None
    return match.end(), rules().heads[match.group()]


def unit_after(view: View, after: tuple[int, int] | None) -> bool:
    """After a unit's body head ("Đoàn"), the capitalised head of the unit, which no given name starts:
    written with a lower-case syllable ("Đoàn Nhà máy Thuốc lá X", "Đoàn Cơ quan Văn phòng") or followed
    by lower-case words that describe it ("Đoàn Khối các cơ quan tỉnh"), not "Đoàn Trường Sơn"."""
    nested = head_at(view, after[0]) if after is not None else None
    if nested is None or nested[1].unit:
        return False
    if any(syllable[:1].islower() for syllable in view.norm[after[0]:nested[0]].split()):
        return True
    described = view.next_word(nested[0])
    if nested[1].bloc and described is not None and rules().bloc_kind_re.match(
            view.lower, described[0]):
        return True  # "Đoàn Khối Cơ quan và Doanh nghiệp tỉnh": a bloc's kind, capitalised or not
    if described is None or not view.norm[described[0]].islower() or (
            view.token(described[0]) == view.token(nested[0] - 1)):
        return False
    word = lower_word(view, described)  # a noun or a determiner, not "Đoàn Trường" + "phát biểu"
    return word is not None and word[1] not in rules().tail_stops and word_class(word[1]) in DESCRIBING


def acronym_joined(view: View, start: int) -> bool:
    """An acronym glued by "&" to capitals that are no head before it is the end of another acronym
    ("Đài PT&TH": radio and television), not a school's level ("THCS&THPT" is)."""
    before = re.search(r"([^\W\d_]+)&$", view.norm[max(0, start - 12):start])
    return before is not None and before.group(1).isupper() and before.group(1).lower() not in rules().heads


def person_starts(view: View, span: tuple[int, int]) -> bool:
    """The syllable is a surname followed by a capitalised given name, or any capitalised syllable
    followed by a middle name only people carry ("Cao Văn Trọng", "Lò Thị Mai"): a person, not part of
    a name."""
    after = view.next_word(span[1])
    if after is None or not capitalised(view.word(after)):
        return False
    if view.word(span) in rules().surnames:
        return True
    third = view.next_word(after[1]) if view.word(after) in rules().middle_names else None
    return third is not None and capitalised(view.word(third)) and capitalised(view.word(span))


def cut_by_capitals(view: View, head_start: int, head_end: int, end: int) -> bool:
    """A head written in capitals ("ĐẢNG BỘ") and a name whose scan a word in toned capitals stopped
    ("THAN" + "HÀ LẦM"): half of a name in a title written in capitals, not a name."""
    after = view.next_word(end)
    head = view.norm[head_start:head_end]
    return after is not None and head.isupper() and len(head) > 1 and shouting(view.word(after))


def brand_like(view: View, start: int, end: int) -> bool:
    """Capitalised words that can name a brand: not a country or province, nor a listed non-name ("Việt")."""
    name = view.norm[start:end]
    return name_key(name) not in rules().not_names and place_level(name) not in BIG_PLACES


def proper_named(view: View, start: int, end: int) -> bool:
    """The words up to `end` close on a proper name: from the first capitalised word on, every word is
    capitalised and none is initials or a place ("học bổng Vừ A Dính", "Thiện Tâm", "Fred Hollows"); not
    a purpose written in sentence case ("Hỗ trợ nông dân", "Mái ấm Công đoàn"), quoted or placed."""
    words = view.norm[start:end].split()
    name = words[next((i for i, w in enumerate(words) if capitalised(w)), len(words)):]
    proper = all(capitalised(w) and w.isalpha() and not (len(w) > 1 and w.isupper()) for w in name)
    # one Vietnamese syllable is as often the first of a phrase the segmenter split ("Mái" of "Mái ấm")
    whole = len(name) > 1 or (len(name) == 1 and foreign_word(name[0]))
    return proper and whole and brand_like(view, start, end) and place_level(" ".join(name)) is None


def byline(view: View, start: int, end: int) -> bool:
    """A line of only two capitalised syllables ("Trường Thịnh", "Hương Giang - Trường Thịnh") is an
    author's name that happens to start with a head word."""
    line_start, line_end = view.norm.rfind("\n", 0, start) + 1, view.norm.find("\n", end)
    before, after = view.norm[line_start:start].strip(), view.norm[end:None if line_end < 0 else line_end]
    words = view.norm[start:end].split()
    return (not after.strip() and (not before or before.endswith("-")) and len(words) == 2
            and all(capitalised(w) and not w.isupper() for w in words))


def sentence_initial(norm: str, pos: int) -> bool:
    """Nothing but quotes, dashes or spaces since the start of the line or the last full stop.

    The shared test with this module's own, narrower reading: 20 characters back, no bullets or
    curly single quotes before the word, no ellipsis or semicolon as a sentence end, and a window
    of only openers far into the text is not a sentence start.
    """
    return text_sentence_initial(norm, pos, look_back=20, openers=" \t\xa0\"“”'-–(", ends="\n.!?:",
                                 blank_window_opens=False)


def acronym_before(norm: str, space: int) -> bool:
    """The word ending at `space` (a space) is an acronym in capitals ("UV" in "UV BTV Tỉnh ủy")."""
    word = norm[:space].rsplit(" ", 1)[-1]
    return len(word) > 1 and word.isalpha() and word.isupper()


def after_locative(view: View, head_start: int) -> bool:
    """A locative preposition ("tại", "ở") stands right before `head_start`."""
    before = view.lower[max(0, head_start - 8):head_start].split()
    return bool(before) and before[-1] in rules().locatives


def lower_word(view: View, span: tuple[int, int]) -> tuple[int, str] | None:
    """The whole segmenter word starting at a lower-case syllable: (end, word), or None when the
    syllable does not start a word ("trường" in "thị trường")."""
    token = view.token(span[0])
    if view.token_starts[token] != span[0] or not view.norm[span[0]].islower():
        return None
    end, nxt = span[1], view.next_word(span[1])
    while nxt and view.token(nxt[0]) == token and not term_at(view, nxt[0]):  # "nặng khóa" + "mới"
        end, nxt = nxt[1], view.next_word(nxt[1])
    return end, view.lower[span[0]:end]


def scope_word(view: View, start: int) -> re.Match[str] | None:
    """A scope word of rules/organizations.yml at `start` written as a whole word of the segmenter ("cấp"
    + "xã", "các cấp"), or None: "cấp nước", "cấp thoát nước" are a trade (water supply), one word."""
    scope = rules().scope_re.match(view.lower, start)
    following = view.next_word(scope.end()) if scope else None
    if scope is None or (following is not None and view.token(following[0]) == view.token(scope.end() - 1)):
        return None
    return scope


def admin_word(view: View, start: int) -> re.Match[str] | None:
    """An administrative word of rules/organizations.yml at `start`, or None when the segmenter made it
    and the lower-case syllable after it one noun: "xã hội" (society) after a name's capitalised word is
    no commune ("Trung tâm Bảo trợ xã hội tỉnh"); "xã Tân" glued to its place's name, or a verb glued on
    ("tỉnh thành lập"), leaves the administrative word as it is."""
    admin = rules().admin_re.match(view.norm, start)
    following = view.next_word(admin.end()) if admin else None
    if admin is None or following is None or view.token(following[0]) != view.token(admin.end() - 1):
        return admin
    glued = lower_word(view, view.syllable(start))
    return None if glued is not None and word_class(glued[1]) == "noun" else admin


def glued_address(view: View, token: int) -> int | None:
    """Where a form of address the segmenter glued to a name's capitalised word starts, a person's name
    after it ("Xã hội" + "đồng chí" + "Nguyễn Văn An", "Giáo hội đồng chí" as one word), or None. (A
    verb glued so, "Vinh nhận", is left as it is: on news text most such verbs were a syllable of the
    name, "Lưu ký", "Hố sụt", "Hòa phát".)"""
    from pipeline.extract.segmenter import model_words  # numpy with it: not on the query path's imports

    start = view.token_starts[token]
    end = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
    whole = view.lower[start:end].strip()
    after = view.next_word(end - 1) if view.norm[end - 1:end] == " " else None
    if " " not in whole or whole in model_words() or after is None or not capitalised(view.word(after)):
        return None  # "Tài nguyên": a word the segmenter knows whole; no person named after it
    cuts = [m.start() + 1 for m in re.finditer(" ", whole)]
    for cut in reversed(cuts):  # the longest word before the address: "xã hội" + "đồng chí"
        before, rest = whole[:cut - 1], whole[cut:]
        if view.norm[start + cut].islower() and rest in people_patterns().honorifics and (
                " " not in before or word_class(before) is not None or before in model_words()):
            return start + cut
    return None


def noun_head(view: View, start: int, end: int, head: Head) -> bool:
    """A lower-case head at start..end that names a body there: one that keeps its name in lower case
    ("trường"), or a common noun of bodies, firms or divisions read as a noun (`noun_word`)."""
    common = head.lowercase != "keep" and (head.apposition or head.wrapper or head.division)
    return not common or noun_word(view, start, end)


def noun_word(view: View, start: int, end: int) -> bool:
    """start..end is one whole word of the segmenter that the tagger reads as a noun ("cơ quan",
    "công ty"; not the verb "tổ chức", nor "ban" of the word "ban hành")."""
    token = view.token(start)
    token_end = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
    whole = view.token_starts[token] == start and view.lower[start:token_end].strip() == view.lower[start:end]
    return whole and word_class(view.lower[start:end]) == "noun"
