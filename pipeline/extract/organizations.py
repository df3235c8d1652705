"""Organisations: named bodies of the Party, State, Front, mass organisations, forces and companies.

A name is a head word from `rules/organizations.yml` ("Sở", "Đảng bộ", "Công ty") followed by what
the scanner reads as a name: capitalised words, nested heads, listed lower-case name words and a
place with its administrative word. Bodies that need no head (Quốc hội, Google) come from the rule
file's list; acronyms defined in the article ("Khối Các cơ quan (CCQ)") are kept in `doc.cache`,
so that short forms in every segment join the long name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.merge import field_rank
from pipeline.model import Mention
from pipeline.rules import lexicon_schema, load_rules, strict_object

try:
    from pipeline.extract.gazetteer import gazetteer as _place_gazetteer
except ImportError:  # without the place gazetteer, names are simply not checked against places
    _place_gazetteer = None

_FLAG = {"type": "boolean"}
_HEAD_FLAGS = ("standalone", "closes", "wrapper", "people_names", "numbered", "local")
RULES_SCHEMA: dict[str, Any] = strict_object({
    "heads": lexicon_schema({**dict.fromkeys(_HEAD_FLAGS, _FLAG), "lowercase": {"enum": ["keep", "drop"]}}),
    "introducers": lexicon_schema(),
    "name_words": lexicon_schema(),
    "name_phrases": lexicon_schema(),
    "admin_words": lexicon_schema(),
    "bodies": lexicon_schema({"aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                              "coordinated": _FLAG, "mid_sentence": _FLAG}),
    "partners": lexicon_schema(),
    "brand_suffixes": lexicon_schema(),
    "acronym_starts": lexicon_schema(),
    "stop_words": lexicon_schema(),
    "not_names": lexicon_schema(),
    "surnames": lexicon_schema(),
})

MAX_PARTS = 24  # a name longer than this is a run-away scan, not a name
SKIPPED_FIELDS = ("meta.",)  # bylines and source lines carry an author's role, not the article's bodies
BIG_PLACES = ("country", "province", "other")  # places that are not also brand names, unlike communes

# Old tone placement on open syllables ("Uỷ", "Hoà") moved to the modern one; same length, so
# offsets found in the normalised text index the original.
_TONE_PAIRS = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
               "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONE_TABLE = {**_TONE_PAIRS, **{k.capitalize(): v.capitalize() for k, v in _TONE_PAIRS.items()}}
_TONE_RE = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵ](?!\w)")
_VOWELS = "aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
_TWO_SYLLABLES = re.compile(f"(?i)[{_VOWELS}][^{_VOWELS}\\W\\d_]+[{_VOWELS}]")  # "lựcquận", "Vietbank"
_TONED_CAPITALS = re.compile("[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]")
_NOT_VIETNAMESE = re.compile(r"[fjwzFJWZ]|[^\W\d_](?<![aeiouyAEIOUYcmnptgh])$|[^cn]h$|[^n]g$")
_SYLLABLE_RE = re.compile(r"[^\W_]+(?:[.&'’][^\W_]+)*")
_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_ACRONYM_RE = re.compile(  # "(CCQ)", "(EVN HCMC)", "(Vietcombank)", "(Viettel)", "(Eximbank - mã: EIB)"
    rf"[ \t\xa0]?\([ \t\xa0]*((?![IVXLC]+\))[{_UP}][{_UP}0-9&\-]+(?: [{_UP}][{_UP}0-9&\-]+)?"
    rf"|[{_UP}][^\W\d_]*[Bb]ank|[{_UP}][^\W\d_{_UP}]+[{_UP}][^\W\d_]*|[{_UP}][a-z]{{3,}})"
    r"[ \t\xa0]*(?:[-–,;][^()\n]{0,40})?\)")
_GAPS = (("space", re.compile(r"[ \t\xa0]+")), ("hyphen", re.compile(r"[ \t\xa0]*[-–][ \t\xa0]*")),
         ("and", re.compile(r"[ \t\xa0]+&[ \t\xa0]+")))


def modern_tones(text: str) -> str:
    """The text with old tone placement on open syllables modernised ("Uỷ ban" -> "Ủy ban"), same length."""
    def move(m: re.Match[str]) -> str:
        old = m.group()
        return old if m.start() and text[m.start() - 1] in "qQ" else _TONE_TABLE.get(old, old)
    return _TONE_RE.sub(move, text)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Grouping key of a name: case, Unicode form, tone placement, spaces and hyphen spacing folded."""
    text = modern_tones(unicodedata.normalize("NFC", text).casefold())
    return " ".join(text.replace("-", " - ").split())


def _trie(words: list[str]) -> str:
    """One regular expression for many literal words, shaped as a trie (much faster than a|b|c)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [re.escape(c).replace("\\ ", " ") + render(sub) for c, sub in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return "(?:" + (render(root) or "(?!)") + ")"


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of the words, ending where a word ends."""
    return re.compile(_trie(words) + r"(?!\w)")


@dataclass(frozen=True)
class Head:
    """A head word and how it behaves (the flags are explained in the rule file)."""

    term: str
    lowercase: str | None = None
    standalone: bool = False
    closes: bool = False
    wrapper: bool = False
    people_names: bool = False
    numbered: bool = False
    local: bool = False


@dataclass(frozen=True)
class Rules:
    """The rule file compiled once per process."""

    term_re: re.Pattern[str]  # heads, bodies, introducers and not-names, searched in the lower-cased text
    heads: dict[str, Head]  # keys are lower-cased
    head_re: re.Pattern[str]
    lower_ok: frozenset[str]  # listed words that matter even in lower case ("trường", "hãng")
    bodies: dict[str, str]  # exact surface -> fold(canonical term)
    body_key: dict[str, str]  # fold(surface) -> fold(canonical term)
    canonical: dict[str, str]  # fold(canonical term) -> the term as written
    coordinated: frozenset[str]
    mid_sentence: frozenset[str]
    partner_after: re.Pattern[str]
    partner_before: re.Pattern[str]
    introducers: frozenset[str]
    not_names: frozenset[str]
    name_word_re: re.Pattern[str]
    phrase_re: re.Pattern[str]
    admin_re: re.Pattern[str]
    stop_re: re.Pattern[str]
    brand_suffixes: tuple[str, ...]
    acronym_start_re: re.Pattern[str]
    surnames: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Load and compile rules/organizations.yml."""
    data = load_rules("organizations", RULES_SCHEMA)

    def terms(key: str, lower: bool = False) -> list[str]:
        words = [modern_tones(e["term"]) for e in data.get(key, [])]
        return [w.lower() for w in words] if lower else words

    heads = {}
    for e in data["heads"]:
        flags = {k: e[k] for k in (*_HEAD_FLAGS, "lowercase") if k in e}
        flags["closes"] = e.get("closes", False) or e.get("standalone", False)
        heads[modern_tones(e["term"]).lower()] = Head(e["term"], **flags)
    bodies, canonical = {}, {}
    for e in data["bodies"]:
        canonical[fold(e["term"])] = e["term"]
        bodies.update({modern_tones(s): fold(e["term"]) for s in [e["term"], *e.get("aliases", [])]})
    everything = [*heads, *map(str.lower, bodies), *terms("introducers", True), *terms("not_names", True)]
    head_re, partners = _words(list(heads)), _trie(terms("partners"))
    lower_ok = {*terms("introducers", True), *(s.lower() for s in bodies if not s[:1].isupper())}
    lower_ok |= {t for t in everything if (m := head_re.match(t)) and heads[m.group()].lowercase}
    return Rules(
        term_re=_words(everything), heads=heads, head_re=head_re, lower_ok=frozenset(lower_ok),
        bodies=bodies, body_key={fold(s): key for s, key in bodies.items()}, canonical=canonical,
        coordinated=frozenset(fold(e["term"]) for e in data["bodies"] if e.get("coordinated")),
        mid_sentence=frozenset(fold(e["term"]) for e in data["bodies"] if e.get("mid_sentence")),
        partner_after=re.compile(r"[ \t\xa0]*(?:,|và)[ \t\xa0]*" + partners + r"(?!\w)"),
        partner_before=re.compile(partners + r"[ \t\xa0]*(?:,|và)[ \t\xa0]*$"),
        introducers=frozenset(terms("introducers")), not_names=frozenset(terms("not_names", True)),
        name_word_re=_words(terms("name_words")), phrase_re=_words(terms("name_phrases")),
        admin_re=_words(terms("admin_words")), stop_re=_words(terms("stop_words")),
        brand_suffixes=tuple(terms("brand_suffixes", True)),
        acronym_start_re=_words(terms("acronym_starts", True)), surnames=frozenset(terms("surnames")),
    )


def _lower(text: str) -> str:
    """Lower case with the same length (the rare letter whose lower case is longer stays as it is)."""
    lower = text.lower()
    same = lower if len(lower) == len(text) else None
    return same or "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _place_level(name: str) -> str | None:
    """The level of a known place ("country", "province", "district", "commune"), or None."""
    return _place_gazetteer().level_of(name) if _place_gazetteer is not None else None


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
        return cls(segment.field, segment.text, norm, _lower(norm), segment.doc.to_array(IDX).tolist())

    def syllable(self, pos: int) -> tuple[int, int] | None:
        """The first syllable starting at or after `pos`, as (start, end)."""
        if pos not in self._syllables:
            match = _SYLLABLE_RE.search(self.norm, pos)
            self._syllables[pos] = match.span() if match else None
        return self._syllables[pos]

    def word(self, span: tuple[int, int]) -> str:
        return self.norm[span[0]:span[1]]

    def ends_syllable(self, start: int, end: int) -> bool:
        """A match at start..end stops on a syllable end ("TP." in "TP.HCM" does not)."""
        span = self.syllable(start)
        return span is not None and span[0] == start and (span[1] == end or (
            end > span[1] and not _SYLLABLE_RE.match(self.norm, end)))

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

    def fused(self, start: int, end: int) -> bool:
        """The segmenter made the head at start..end and capitalised words one word: "Trường Sa"."""
        token, span = self.token(start), self.next_word(end)
        if span is None or self.token(span[0]) != token or rules().phrase_re.match(self.norm, span[0]):
            return False
        while span and self.token(span[0]) == token:
            if not _capitalised(self.word(span)):
                return False
            span = self.next_word(span[1])
        return True


def _head_at(view: View, start: int) -> tuple[int, Head] | None:
    """A capitalised head word starting at `start`: (end, head), or None."""
    match = rules().head_re.match(view.lower, start) if view.norm[start:start + 1].isupper() else None
    if not match or not view.ends_syllable(start, match.end()):
        return None
    after = view.next_word(match.end())
    if after and view.norm[after[0]].islower() and view.token(after[0]) == view.token(start):
        return None  # "Chuyên gia", "Hội nghị": the head starts a longer common word
    head = rules().heads[match.group()]
    return None if head.term.isupper() and not view.norm[start:match.end()].isupper() else (match.end(), head)


def _person_starts(view: View, span: tuple[int, int]) -> bool:
    """The syllable is a surname followed by a capitalised given name: a person, not part of a name."""
    after = view.next_word(span[1]) if view.word(span) in rules().surnames else None
    return after is not None and _capitalised(view.word(after))


def _number_ends(view: View, span: tuple[int, int], strict: bool) -> bool:
    """A short number that ends the name: "Quân khu 7", "Trường THPT Lục Ngạn Số 1 (Bắc Giang)" (strict:
    after a word, only before punctuation), not "công ty 15 nghìn người" nor "trường 46,6 triệu"."""
    after = view.next_word(span[1])
    if span[1] - span[0] > 4 or re.match(r"[.,]\d", view.norm[span[1]:span[1] + 2]):
        return False
    return not after or not (strict or rules().stop_re.match(view.norm, after[0]))


def _shouting(word: str) -> bool:
    """A word in capitals with Vietnamese tone marks is text in capitals ("TẠI ĐÂY"), not an acronym."""
    return len(word) > 1 and word.isupper() and bool(_TONED_CAPITALS.search(word))


def _foreigner_after_place(view: View, word_starts: list[int], span: tuple[int, int], named: bool) -> bool:
    """Two to four capitalised words after a name are a person when the name ends with a country or
    province ("Bộ Ngoại giao Nga Maria Zakharova") or they are foreign words after Vietnamese ones
    ("Tòa án Tối cao John Roberts"); not in "Công ty LG Display Việt Nam Hải Phòng"."""
    run = [span]  # the capitalised words from here on, all written like a person's name
    while len(run) < 5 and (nxt := view.next_word(run[-1][1])) and _capitalised(view.word(nxt)):
        run.append(nxt)
    if not named or not 2 <= len(run) <= 4 or any(view.word(w).isupper() for w in run):
        return False
    text, end = view.norm[span[0]:run[-1][1]], view.norm.rfind(" ", 0, span[0])
    if _place_level(text) is not None:
        return False
    starts_place = any(_place_level(view.norm[s:e]) for s, e in (
        (span[0], span[1]), (span[0], run[1][1]), (word_starts[-1] if word_starts else span[0], span[1])))
    after_vietnamese = bool(word_starts) and not view.norm[word_starts[-1]:end].isascii()
    if after_vietnamese and not starts_place and any(_foreign(view.word(w)) for w in run):
        return True
    return any(_place_level(view.norm[s:end]) in BIG_PLACES for s in word_starts[-3:])


def _foreign(word: str) -> bool:
    """A word no Vietnamese syllable could be: "Roberts", "Wu", "Zakharova" (not "Nam Kinh")."""
    return bool(_TWO_SYLLABLES.search(word) or _NOT_VIETNAMESE.search(word))


def _compound(view: View, pos: int) -> bool:
    """After "và" at `pos`, a capitalised word written like a common noun ("Môi trường"), not a head."""
    span = view.next_word(pos)
    if span is None or not _capitalised(view.word(span)) or _head_at(view, span[0]) or (
            rules().stop_re.match(view.norm, span[0])):
        return False
    after = view.next_word(span[1])
    return after is not None and view.token(after[0]) == view.token(span[0]) and view.norm[after[0]].islower()


def _joins_across(view: View, pos: int, span: tuple[int, int]) -> bool:
    """After "-" or "&", more of the same name ("Cơ quan - Doanh nghiệp", "Ernst & Young"), not another
    body ("Ngoại thương Việt Nam - Vietcombank", "Bộ Y tế - Bộ Công an")."""
    r, word = rules(), view.word(span)
    if not _capitalised(word) or _head_at(view, span[0]) or _person_starts(view, span) or (
            r.stop_re.match(view.norm, span[0])):
        return False
    if view.norm[pos:span[0]] == "-":
        return True  # "Luxshare-ICT", "Cơ quan-Doanh nghiệp"
    body = r.term_re.match(view.lower, span[0])
    listed = body is not None and view.norm[span[0]:body.end()] in r.bodies
    return not (listed or word.lower().endswith(r.brand_suffixes))


def _place_end(view: View, start: int) -> int:
    """End of the place name starting at `start` (`start` itself when there is none)."""
    taken: list[tuple[int, int]] = []
    pos = start
    while len(taken) < 6 and (span := view.syllable(pos)) is not None:
        if (span[0] != start) if not taken else view.gap(pos, span[0]) not in ("space", "hyphen"):
            break
        word = view.word(span)
        if not (_capitalised(word) or (not taken and word.isdigit())):
            break
        taken.append(span)
        pos = span[1]
        if word.isdigit():
            break
    for size in range(len(taken), 1, -1):  # the longest known place wins ("Hải Phòng" holds a head)
        if _place_level(view.norm[start:taken[size - 1][1]]):
            return taken[size - 1][1]
    if taken and _head_at(view, start):
        return start
    ends = (n for n, sp in enumerate(taken) if n and (_person_starts(view, sp) or _head_at(view, sp[0])))
    cut = next(ends, None)  # "TP Hà Nội Chu Ngọc Anh": a person follows the place
    if cut is None and len(taken) >= 3 and _place_gazetteer is not None:
        return start  # "UBND thành phố Chử Xuân Dũng": a long unknown run after the admin word is a person
    return taken[(cut or len(taken)) - 1][1] if taken else start


@dataclass
class Scan:
    """What the scanner read after a head."""

    end: int
    first: int = -1  # char offset of the first name part
    parts: int = 0
    strong: bool = False  # a capitalised word, closing head, place or fixed phrase: a real name
    named: bool = False  # strong by more than an administrative word ("Trung tâm thành phố" is not)
    capital_first: bool = False
    all_title: bool = True  # only capitalised words: reads as a brand ("Hòa Phát", "Coolcat")
    open_end: bool = False  # a short form that may stand for a longer name ("Đảng bộ Khối", "UBND tỉnh")
    last: str = ""
    cuts: list[tuple[int, int]] = field(default_factory=list)
    acronym: tuple[str, int, int] | None = None  # (acronym, start of "(", end of ")")


def _scan(view: View, pos: int, head: Head | None) -> Scan:
    """Read a name after `pos` (where the head, if any, ends)."""
    r, scan = rules(), Scan(end=pos)
    people_ok = head is not None and head.people_names  # "Trường ĐH Tôn Đức Thắng"
    person_left = 0  # words left of a person's name the name is read from ("Trường THCS Vũ Phạm Khải")
    number_ok = head is not None and head.numbered  # "Quân khu 7"
    before_head, last_token = -1, -1  # where the name ends without a nested head that cannot end it
    word_starts: list[int] = []
    foreign_check = head is not None and not head.wrapper  # bank and company names hold "Việt Nam" mid-name
    while scan.parts < MAX_PARTS:
        acronym = None if scan.acronym or not (scan.parts or head) else _ACRONYM_RE.match(view.norm, scan.end)
        if acronym:
            scan.acronym = (acronym.group(1), *acronym.span())
            after = view.next_word(acronym.end())
            if after is None or not r.admin_re.match(view.norm, after[0]):
                break
            scan.cuts.append(acronym.span())  # the name goes on after it: "Khối Các cơ quan (CCQ) tỉnh"
            pos = acronym.end()
        span = view.syllable(pos)
        if span is None:
            break
        start, word, gap = span[0], view.word(span), view.gap(pos, span[0])
        if gap in ("hyphen", "and") and not (scan.last == "word" and _joins_across(view, pos, span)):
            break
        if gap not in ("space", "hyphen", "and") or (scan.parts and r.stop_re.match(view.norm, start)):
            break
        phrase, admin = r.phrase_re.match(view.norm, start), r.admin_re.match(view.norm, start)
        lexical = r.name_word_re.match(view.norm, start)
        glued = scan.last == "word" and view.token(start) == last_token and _capitalised(word)  # "Quốc Hội"
        nested = None if glued else _head_at(view, start)
        if phrase and view.ends_syllable(start, phrase.end()):
            end, kind, strong = phrase.end(), "phrase", True
        elif nested:
            end, kind, strong = nested[0], "head", nested[1].closes
            before_head = -1 if strong else scan.end
        elif admin and view.ends_syllable(start, admin.end()):
            after = view.next_word(admin.end())
            place = _place_end(view, after[0]) if after else admin.end()
            scan.open_end = not after or place == after[0]  # "UBND tỉnh" may stand for "UBND tỉnh Thanh Hóa"
            scan.end = place if after and place > after[0] else admin.end()
            scan.parts, scan.strong, scan.all_title, before_head = scan.parts + 1, True, False, -1
            scan.first = start if scan.first < 0 else scan.first
            break
        elif lexical and view.ends_syllable(start, lexical.end()):
            end, kind, strong = lexical.end(), "lexical", False
        elif word.isdigit():
            if not (number_ok and _number_ends(view, span, strict=scan.last == "word")):
                break
            end, kind, strong = span[1], "number", True  # a number ends the name ("Bệnh viện 108")
        elif _capitalised(word):
            if _person_starts(view, span) and people_ok and not person_left:
                person_left = 3
            person = _person_starts(view, span) and not (people_ok or person_left)
            foreigner = foreign_check and _foreigner_after_place(view, word_starts, span, scan.named)
            if person or foreigner or _shouting(word):
                break
            end, nxt, token = span[1], view.next_word(span[1]), view.token(start)  # "Tài nguyên" is one word
            vietnamese = not word.isupper() and not _TWO_SYLLABLES.search(word)
            while vietnamese and nxt and view.token(nxt[0]) == token and view.norm[nxt[0]].islower():
                if _TWO_SYLLABLES.search(view.word(nxt)):  # "Điện lựcquận": a lost space, an unreliable name
                    return Scan(end=pos)
                end, nxt = nxt[1], view.next_word(nxt[1])
            kind, strong, last_token = "word", True, token
            scan.all_title = scan.all_title and end == span[1]
            word_starts.append(start)
        elif word == "và" and scan.last == "word" and _compound(view, span[1]):
            pos = span[1]
            continue
        else:
            break
        scan.first = start if scan.first < 0 else scan.first
        scan.capital_first = scan.capital_first or (scan.parts == 0 and kind in ("word", "phrase", "head"))
        scan.strong, scan.named = scan.strong or strong, scan.named or strong
        scan.all_title = scan.all_title and kind == "word"
        scan.open_end, scan.last, scan.end, pos = kind == "head", kind, end, end
        people_ok, person_left = False, max(0, person_left - 1) if kind == "word" else 0
        number_ok = kind == "word" and head is not None and head.numbered
        if nested and kind == "head":
            people_ok, number_ok = nested[1].people_names, nested[1].numbered
        scan.parts += 1
        if kind == "number":
            break
    if before_head >= 0 and scan.last == "head":  # "các trường ĐH, CĐ": drop the head that has no name
        scan.end, scan.parts, scan.open_end = before_head, scan.parts - 1, False
        if not scan.parts:
            scan.strong = scan.capital_first = scan.named = False
    return scan


@dataclass
class Candidate:
    """A mention being built: span, name, and how it groups."""

    view: View
    start: int
    end: int
    name: str
    head: str = ""
    acronym: str | None = None
    long_form: bool = False
    open_end: bool = False
    rest: str = ""  # the name without a wrapper head ("hòa phát" in "Tập đoàn Hòa Phát")
    alias: str = ""  # a bare form that names this body elsewhere in the article
    key: str = ""


def _clean(view: View, start: int, end: int, cuts: Sequence[tuple[int, int]] = ()) -> str:
    """The text of a span without acronym definitions, on one line with single spaces."""
    pieces, pos = [], start
    for cut_start, cut_end in cuts:
        pieces.append(view.text[pos:cut_start])
        pos = cut_end
    return " ".join("".join([*pieces, view.text[pos:end]]).split())


def _initials_start(view: View, first: int, paren: int, acronym: str) -> int | None:
    """Offset from which the words between `first` and `paren` spell the acronym's letters, or None."""
    letters = [c for c in acronym.casefold() if c.isalpha()]
    for word in reversed(list(_SYLLABLE_RE.finditer(view.norm, first, paren))):
        text = word.group().casefold()
        if text == "và" and "&" in acronym:
            continue
        if unicodedata.normalize("NFD", text)[:1] != unicodedata.normalize("NFD", letters.pop())[:1]:
            return None
        if not letters:
            return word.start()
    return None


def _from_terms(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """One pass over the listed words: heads start a scan, bodies and introduced brands are taken."""
    r, norm, last_end = rules(), view.norm, -1
    for match in r.term_re.finditer(view.lower):
        s, e = match.span()
        lost_space = s and norm[s - 1].islower() and norm[s].isupper()  # "thuộcTổng công ty"
        if s < last_end or (s and norm[s - 1].isalnum() and not lost_space):
            continue
        if (not norm[s].isupper() and match.group() not in r.lower_ok) or match.group() in r.not_names:
            continue
        if not view.ends_syllable(s, e):
            continue
        head = r.head_re.match(view.lower, s)
        if head and view.ends_syllable(s, head.end()):
            cand = _from_head(view, s, head.end(), r.heads[head.group()], found, acronyms)
            last_end = cand.end if cand else last_end
        if norm[s:e] in r.bodies:
            _take_body(view, s, e, r.bodies[norm[s:e]], found)
        elif norm[s:e] in r.introducers:
            _take_brand(view, e, found)
    _take_acronym_phrases(view, found, acronyms)
    _take_brand_suffixes(view, found)


def _from_head(view: View, hs: int, he: int, head: Head, found: list[Candidate],
               acronyms: dict[str, Any]) -> Candidate | None:
    """The organisation a head word starts, if what follows reads as its name."""
    capital = view.norm[hs].isupper()
    if (head.term.isupper() and not view.norm[hs:he].isupper()) or (not capital and head.lowercase is None):
        return None
    glued = hs and view.norm[hs - 1].isalnum()
    if view.fused(hs, he) or (not glued and view.token_starts[view.token(hs)] != hs):
        return None  # "Trường Sa" is one word; in "môi trường", "trường" ends another word
    scan = _scan(view, he, head)
    if (capital and not (scan.named or head.standalone or (scan.strong and head.local))) or (
            not capital and not (scan.capital_first and _brand_like(view, scan.first, scan.end))):
        return None  # "UBND tỉnh" and "Công an huyện" are names, "Trung tâm thành phố", "đại học Mỹ" are not
    start = hs
    if not capital and head.lowercase == "drop" and scan.all_title:
        start = scan.first  # "công ty Coolcat": the name is the brand
        if not _brand_like(view, start, scan.end) or scan.end - start < 2:
            return None
    if _byline(view, start, scan.end):
        return None
    cand = Candidate(view, start, scan.end, _clean(view, start, scan.end, scan.cuts), head=fold(head.term),
                     open_end=scan.open_end or scan.parts == 0)
    if head.wrapper and scan.first >= 0 and start == hs:
        cand.rest = fold(_clean(view, scan.first, scan.end, scan.cuts))
        # "trường Chu Văn An": a short person's name alone names the man, "Hoàng Anh Gia Lai" the group
        person = _person_starts(view, view.syllable(scan.first)) and len(cand.rest.split()) <= 3
        if scan.all_title and not person and _brand_like(view, scan.first, scan.end):
            cand.alias = cand.rest
    elif start != hs:
        cand.alias = fold(cand.name)
    found.append(cand)
    if scan.acronym:
        _define(view, cand, scan, found, acronyms)
    return cand


def _brand_like(view: View, start: int, end: int) -> bool:
    """Capitalised words that can name a brand: not a country or province, nor a listed non-name ("Việt")."""
    name = view.norm[start:end]
    return fold(name) not in rules().not_names and _place_level(name) not in BIG_PLACES


def _byline(view: View, start: int, end: int) -> bool:
    """A line of only two capitalised syllables ("Trường Thịnh", "Hương Giang - Trường Thịnh") is an
    author's name that happens to start with a head word."""
    line_start, line_end = view.norm.rfind("\n", 0, start) + 1, view.norm.find("\n", end)
    before, after = view.norm[line_start:start].strip(), view.norm[end:None if line_end < 0 else line_end]
    words = view.norm[start:end].split()
    return (not after.strip() and (not before or before.endswith("-")) and len(words) == 2
            and all(_capitalised(w) and not w.isupper() for w in words))


def _define(view: View, cand: Candidate, scan: Scan, found: list[Candidate], acronyms: dict[str, Any],
            ) -> None:
    """Record an acronym defined right after a name: for the whole name or for its last words."""
    acronym, paren = scan.acronym[0], scan.acronym[1]
    if _place_level(acronym):
        return  # "Công ty X (Huế)" names a place, not the company
    begin = _initials_start(view, cand.start, paren, acronym)
    if begin is not None and begin > cand.start:  # "Khối Các cơ quan (CCQ)": CCQ stands for "Các cơ quan"
        acronyms.setdefault(acronym, ("part", _clean(view, begin, paren)))
        return
    cand.acronym, cand.long_form = acronym, True
    acronyms.setdefault(acronym, ("whole", fold(cand.name)))
    if not scan.cuts:
        inner = view.text.index(acronym, paren)
        found.append(Candidate(view, inner, inner + len(acronym), acronym, acronym=acronym))


def _take_acronym_phrases(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Lower-case phrases defined by an acronym: "tổ chức cơ sở đảng (TCCSĐ)"."""
    paren = view.norm.find("(")
    while paren >= 0:
        match = _ACRONYM_RE.match(view.norm, max(0, paren - 1)) or _ACRONYM_RE.match(view.norm, paren)
        acronym = match.group(1) if match else ""
        if acronym.isupper() and not any(c.start <= paren <= c.end + 1 for c in found if c.view is view):
            begin = _initials_start(view, max(0, paren - 12 * len(acronym)), paren, acronym)
            if begin is not None and rules().acronym_start_re.match(view.lower, begin):
                name, inner = _clean(view, begin, paren), view.text.index(acronym, paren)
                found.append(Candidate(view, begin, begin + len(view.text[begin:paren].rstrip()), name,
                                       acronym=acronym, long_form=True))
                found.append(Candidate(view, inner, inner + len(acronym), acronym, acronym=acronym))
                acronyms.setdefault(acronym, ("whole", fold(name)))
        paren = view.norm.find("(", paren + 1)


def _sentence_initial(norm: str, pos: int) -> bool:
    """Nothing but quotes, dashes or spaces since the start of the line or the last full stop."""
    before = norm[max(0, pos - 20):pos].rstrip(" \t\xa0\"“”'-–(")
    return (not before and pos <= 20) or (bool(before) and before[-1] in "\n.!?:")


def _take_body(view: View, s: int, e: int, key: str, found: list[Candidate]) -> None:
    """A listed body, unless its context says it is something else."""
    r = rules()
    if key in r.mid_sentence and _sentence_initial(view.norm, s):
        return  # "Dân trí Vượt lên khó khăn...": the outlet's dateline, or the common noun
    if key in r.coordinated and not (r.partner_after.match(view.norm, e)
                                     or r.partner_before.search(view.norm[max(0, s - 30):s])):
        return  # "Đảng" alone is the Party only beside another national body
    found.append(Candidate(view, s, e, _clean(view, s, e)))


def _take_brand(view: View, pos: int, found: list[Candidate]) -> None:
    """A brand after an introducer ("hãng Apple", "mạng xã hội Facebook"): up to four capitalised words."""
    if view.next_word(pos) is None:
        return
    scan = _scan(view, pos, None)
    if scan.parts and scan.all_title and scan.parts <= 4 and scan.end - scan.first > 1 and _brand_like(
            view, scan.first, scan.end):
        name = _clean(view, scan.first, scan.end)
        found.append(Candidate(view, scan.first, scan.end, name, alias=fold(name)))


def _take_brand_suffixes(view: View, found: list[Candidate]) -> None:
    """Capitalised words ending in a brand suffix: "Vietcombank", "ABBank"."""
    for suffix in rules().brand_suffixes:
        pos = view.lower.find(suffix)
        while pos >= 0:
            end = pos + len(suffix)
            word = _SYLLABLE_RE.match(view.norm, view.norm.rfind(" ", 0, pos) + 1)
            if word and word.end() == end and word.start() < pos and _capitalised(word.group()):
                found.append(Candidate(view, word.start(), end, word.group(), alias=fold(word.group())))
            pos = view.lower.find(suffix, end)


def _bare_forms(views: list[View], found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Later bare uses of a defined acronym or a learned brand ("EVN HCMC", "Hòa Phát")."""
    forms = {c.alias: fold(c.name) for c in reversed(found) if len(c.alias) > 2}
    for acronym, entry in acronyms.items():
        if entry[0] == "whole":
            forms[fold(acronym)] = forms[fold(acronym.replace(" ", ""))] = entry[1]
    for view in views:
        taken = [(c.start, c.end) for c in found if c.view is view]
        for form in forms:
            pos = view.lower.find(form)
            while pos >= 0:
                end = pos + len(form)
                before, after = view.norm[max(0, pos - 2):pos], view.norm[end:end + 2]
                alone = not before[-1:].isalnum() and not after[:1].isalnum() and not (
                    after[:1] == " " and _capitalised(after[1:]))  # not the start of "Việt Nam"
                crossing = any(s < end and pos < e and not pos <= s < e <= end for s, e in taken)
                if alone and _capitalised(view.norm[pos]) and not crossing:  # it may hold a shorter form
                    found.append(Candidate(view, pos, end, view.text[pos:end]))
                    taken.append((pos, end))
                pos = view.lower.find(form, end)


def _resolve_keys(found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Each candidate's group: a defined acronym's long form, a listed body, or its own folded name."""
    r = rules()
    parts = {a: entry[1] for a, entry in acronyms.items() if entry[0] == "part"}
    wholes = {fold(a.replace(" ", "")): entry[1] for a, entry in acronyms.items() if entry[0] == "whole"}
    for cand in found:
        words = cand.name.split()
        if any(w in parts for w in words):  # "Đảng ủy Khối CCQ tỉnh" -> "Đảng ủy Khối Các cơ quan tỉnh"
            cand.name = " ".join(parts.get(w, w) for w in words)
        key, squashed = fold(cand.name), fold(cand.name.replace(" ", ""))
        if squashed in wholes and not cand.long_form:
            cand.key, cand.acronym = wholes[squashed], cand.name
            continue
        rest = key[len(cand.head) + 1:] if cand.head and key.startswith(cand.head + " ") else ""
        target = (wholes.get(rest.replace(" ", "")) or r.body_key.get(rest, "")) if rest else ""
        if target.startswith(cand.head + " "):  # "Tập đoàn EVN" is EVN, "Tập đoàn Điện lực Việt Nam"
            key = target
        cand.key = r.body_key.get(key, key)


def find(doc: ArticleDoc) -> list[Mention]:
    """ORG mentions in the title, body and captions of an article."""
    views = [View.of(s) for s in doc if not s.field.startswith(SKIPPED_FIELDS) and s.text.strip()]
    acronyms: dict[str, Any] = {}
    found: list[Candidate] = []
    for view in views:
        _from_terms(view, found, acronyms)
    _bare_forms(views, found, acronyms)
    _resolve_keys(found, acronyms)
    doc.cache["org_acronyms"] = acronyms
    seen: dict[tuple[str, int, int], Candidate] = {}
    for cand in found:  # one mention per span: the first reading (a head scan) wins
        seen.setdefault((cand.view.field, cand.start, cand.end), cand)
    return [Mention("ORG", c.start, c.end, c.view.text[c.start:c.end], c.view.field, {
        "name": c.name, "key": c.key, "acronym": c.acronym, "long_form": c.long_form, "open": c.open_end,
        "rest": c.rest}) for c in seen.values()]


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per organisation: its long name, acronym and every mention."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        key = mention.attrs.get("key") or fold(mention.attrs.get("name", mention.text))
        groups.setdefault(key, []).append(mention)
    by_rest = {m.attrs["rest"]: key for key, ms in groups.items() for m in ms if m.attrs.get("rest")}
    target: dict[str, str] = {}  # a short form -> a longer name (so chains end)
    for key, ms in groups.items():
        if len(by_rest.get(key, "")) > len(key):
            target[key] = by_rest[key]  # "Hòa Phát" is "Tập đoàn Hòa Phát"
        elif all(m.attrs.get("open") for m in ms):  # "Đảng bộ Khối" is short for its long name
            longer = [k for k in groups if k.startswith(key + " ")]
            if longer:
                target[key] = max(longer, key=lambda k: len(groups[k]))
    merged: dict[str, list[Mention]] = {key: [] for key in groups}
    for key in target:
        final = key
        while final in target:
            final = target[final]
        merged[final] += groups[key]
    return [_entry(key, ms, merged[key]) for key, ms in groups.items() if key not in target]


def _entry(key: str, own: list[Mention], merged: list[Mention]) -> dict[str, Any]:
    """The record entry of one group: the long form, else the listed name, else the most used form."""
    long_forms = [m.attrs["name"] for m in own if m.attrs.get("long_form")]
    names = Counter(m.attrs["name"] for m in own if not m.attrs.get("acronym") or m.attrs.get("long_form"))
    names = names or Counter(m.attrs["name"] for m in own)
    canonical = rules().canonical
    if long_forms:
        name = long_forms[0]
    elif key in canonical and any(fold(n) == key for n in names):
        name = canonical[key]
    else:
        name = max(names, key=lambda n: (names[n], -list(names).index(n)))
    acronym = next((m.attrs["acronym"] for m in own if m.attrs.get("acronym")), None)
    every = sorted(own + merged, key=lambda m: (field_rank(m.field), m.start))
    return {
        "name": name,
        "acronym": acronym if acronym != name else None,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end, "field": m.field} for m in every],
    }
