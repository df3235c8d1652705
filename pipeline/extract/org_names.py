"""Organisation names: the rule file compiled, a segment as the scanner reads it, and word tests."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.document import Segment
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import modern_tones, name_key, strip_tones
from pipeline.text import sentence_initial as text_sentence_initial

try:
    from pipeline.extract.gazetteer import gazetteer as _place_gazetteer
    from pipeline.extract.gazetteer import location_rules as _location_rules
except ImportError:  # without the place gazetteer, names are simply not checked against places
    _place_gazetteer = _location_rules = None

_FLAG = {"type": "boolean"}
_HEAD_FLAGS = ("standalone", "closes", "wrapper", "people_names", "numbered", "local", "title_part",
               "apposition")
RULES_SCHEMA: dict[str, Any] = strict_object({
    "heads": lexicon_schema({**dict.fromkeys(_HEAD_FLAGS, _FLAG),
                             "lowercase": {"enum": ["keep", "drop", "placed"]}}),
    "introducers": lexicon_schema(),
    "name_words": lexicon_schema(),
    "name_phrases": lexicon_schema(),
    "admin_words": lexicon_schema(),
    "bodies": lexicon_schema({"aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                              "coordinated": _FLAG, "mid_sentence": _FLAG, "national": _FLAG}),
    "partners": lexicon_schema(),
    "brand_suffixes": lexicon_schema(),
    "acronym_starts": lexicon_schema(),
    "stop_words": lexicon_schema(),
    "not_names": lexicon_schema(),
    "surnames": lexicon_schema(),
    "tail_stops": lexicon_schema(),
    "object_verbs": lexicon_schema(),
    "scope_words": lexicon_schema(),
    "title_words": lexicon_schema(),
    "middle_names": lexicon_schema(),
    "domain_suffixes": lexicon_schema(),
    "company_suffixes": lexicon_schema(),
    "law_words": lexicon_schema(),
})

BIG_PLACES = ("country", "province", "other")  # places that are not also brand names, unlike communes

_VOWELS = "aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
TWO_SYLLABLES = re.compile(f"(?i)[{_VOWELS}][^{_VOWELS}\\W\\d_]+[{_VOWELS}]")  # "lựcquận", "Vietbank"
_TONED_CAPITALS = re.compile("[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]")
_NOT_VIETNAMESE = re.compile(r"[fjwzFJWZ]|[^\W\d_](?<![aeiouyAEIOUYcmnptgh])$|[^cn]h$|[^n]g$")
FIELD_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")  # "PTNT", "XH", "DL": initials of a field's name
SYLLABLE_RE = re.compile(r"[^\W_]+(?:[.&'’][^\W_]+)*")
_GAPS = (("space", re.compile(r"[ \t\xa0]+")), ("hyphen", re.compile(r"[ \t\xa0]*[-–][ \t\xa0]*")),
         ("and", re.compile(r"[ \t\xa0]+&[ \t\xa0]+")))


def trie_alternation(words: list[str]) -> str:
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
    return re.compile(trie_alternation(words) + r"(?!\w)")


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
    title_part: bool = False
    apposition: bool = False


@dataclass(frozen=True)
class Rules:
    """The rule file compiled once per process."""

    term_re: re.Pattern[str]  # heads, bodies, introducers and not-names, searched in the lower-cased text
    heads: dict[str, Head]  # keys are lower-cased
    head_re: re.Pattern[str]
    lower_ok: frozenset[str]  # listed words that matter even in lower case ("trường", "hãng")
    bodies: dict[str, str]  # exact surface -> name_key(canonical term)
    body_key: dict[str, str]  # name_key(surface) -> name_key(canonical term)
    canonical: dict[str, str]  # name_key(canonical term) -> the term as written
    coordinated: frozenset[str]
    national: frozenset[str]  # a country's body: a foreign country after it is part of the name
    mid_sentence: frozenset[str]
    partner_after: re.Pattern[str]
    partner_before: re.Pattern[str]
    introducers: frozenset[str]
    not_names: frozenset[str]
    name_word_re: re.Pattern[str]
    phrase_re: re.Pattern[str]
    admin_re: re.Pattern[str]
    village_re: re.Pattern[str]  # a village or neighbourhood word ("thôn", "ấp", "khu phố"), lower case
    stop_re: re.Pattern[str]
    brand_suffixes: tuple[str, ...]
    acronym_start_re: re.Pattern[str]
    surnames: frozenset[str]
    tail_stops: frozenset[str]
    object_verbs: frozenset[str]  # a predicate right after a head that needs a name ("đề nghị", "yêu cầu")
    scope_re: re.Pattern[str]
    title_words: frozenset[str]
    middle_names: frozenset[str]
    domain_suffixes: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    law_before: re.Pattern[str]  # a law's kind right before: the words after it are the law's title


@compiled
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
        canonical[name_key(e["term"])] = e["term"]
        bodies.update({modern_tones(s): name_key(e["term"]) for s in [e["term"], *e.get("aliases", [])]})
    everything = [*heads, *map(str.lower, bodies), *terms("introducers", True), *terms("not_names", True)]
    head_re, partners = _words(list(heads)), trie_alternation(terms("partners"))
    lower_ok = {*terms("introducers", True), *(s.lower() for s in bodies if not s[:1].isupper())}
    lower_ok |= {t for t in everything if (m := head_re.match(t)) and heads[m.group()].lowercase}
    return Rules(
        term_re=_words(everything), heads=heads, head_re=head_re, lower_ok=frozenset(lower_ok),
        bodies=bodies, body_key={name_key(s): key for s, key in bodies.items()},
        canonical=canonical,
        coordinated=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("coordinated")),
        mid_sentence=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("mid_sentence")),
        national=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("national")),
        partner_after=re.compile(r"[ \t\xa0]*(?:,|và)[ \t\xa0]*" + partners + r"(?!\w)"),
        partner_before=re.compile(partners + r"[ \t\xa0]*(?:,|và)[ \t\xa0]*$"),
        introducers=frozenset(terms("introducers")), not_names=frozenset(terms("not_names", True)),
        name_word_re=_words(terms("name_words")), phrase_re=_words(terms("name_phrases")),
        admin_re=_words(terms("admin_words")), village_re=_words(_village_words()),
        stop_re=_words(terms("stop_words")),
        brand_suffixes=tuple(terms("brand_suffixes", True)),
        acronym_start_re=_words(terms("acronym_starts", True)), surnames=frozenset(terms("surnames")),
        tail_stops=frozenset(terms("tail_stops", True)), object_verbs=frozenset(terms("object_verbs", True)),
        scope_re=_words(terms("scope_words", True)),
        title_words=frozenset(terms("title_words", True)),
        middle_names=frozenset(terms("middle_names")), domain_suffixes=tuple(terms("domain_suffixes")),
        company_suffixes=tuple(terms("company_suffixes")),
        law_before=re.compile(r"(?<!\w)" + trie_alternation(terms("law_words")) + r"[ \t\xa0]+$"),
    )


def _village_words() -> list[str]:
    """The words below the commune that rules/locations.yml lists ("thôn", "ấp", "khu phố"): one list
    for places and for the bodies named after them ("Chi bộ thôn Phú Mỹ")."""
    entries = _location_rules()["admin_words"] if _location_rules is not None else []
    return [e["term"] for e in entries if e["level"] == "other" and e["term"].islower()]


def _lower(text: str) -> str:
    """Lower case with the same length (the rare letter whose lower case is longer stays as it is)."""
    lower = text.lower()
    same = lower if len(lower) == len(text) else None
    return same or "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def place_level(name: str) -> str | None:
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
        from spacy.attrs import IDX  # spaCy loads with the first document, not with the kind registry

        return cls(segment.field, segment.text, norm, _lower(norm), segment.doc.to_array(IDX).tolist())

    def syllable(self, pos: int) -> tuple[int, int] | None:
        """The first syllable starting at or after `pos`, as (start, end)."""
        if pos not in self._syllables:
            match = SYLLABLE_RE.search(self.norm, pos)
            self._syllables[pos] = match.span() if match else None
        return self._syllables[pos]

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

    def fused(self, start: int, end: int) -> bool:
        """The segmenter made the head at start..end and capitalised words one word: "Trường Sa".

        An acronym head glued to a nested head is not fused ("BTV Huyện" + "ủy": the segmenter took
        the acronym for the first syllable of a name); an acronym is no syllable of a place's name.
        """
        token, span = self.token(start), self.next_word(end)
        if span is None or self.token(span[0]) != token or rules().phrase_re.match(self.norm, span[0]):
            return False
        if self.norm[start:end].isupper() and end - start > 1 and head_at(self, span[0]) is not None:
            return False
        while span and self.token(span[0]) == token:
            if not capitalised(self.word(span)):
                return False
            span = self.next_word(span[1])
        return True


def head_at(view: View, start: int) -> tuple[int, Head] | None:
    """A capitalised head word starting at `start`: (end, head), or None."""
    match = rules().head_re.match(view.lower, start) if view.norm[start:start + 1].isupper() else None
    if not match or not view.ends_syllable(start, match.end()):
        return None
    after = view.next_word(match.end())
    if after and view.norm[after[0]].islower() and view.token(after[0]) == view.token(start):
        return None  # "Chuyên gia", "Hội nghị": the head starts a longer common word
    head = rules().heads[match.group()]
    return None if head.term.isupper() and not view.norm[start:match.end()].isupper() else (match.end(), head)


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


def number_ends(view: View, span: tuple[int, int], strict: bool) -> bool:
    """A short number that ends the name: "Quân khu 7", "Trường THPT Lục Ngạn Số 1 (Bắc Giang)" (strict:
    after a word, only before punctuation or a word that ends a name: "Sư đoàn Pháo binh 351 và",
    "Bệnh viện Nhân dân 115 vừa"), not "công ty 15 nghìn người" nor "trường 46,6 triệu"."""
    after = view.next_word(span[1])
    if span[1] - span[0] > 4 or re.match(r"[.,]\d", view.norm[span[1]:span[1] + 2]):
        return False
    if not after:
        return True
    if strict:
        token = view.token(after[0])
        stop = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
        following = view.lower[after[0]:stop].strip() if view.token_starts[token] == after[0] else ""
        return word_class(following) in ENDS_A_NAME
    return not rules().stop_re.match(view.norm, after[0])


def shouting(word: str) -> bool:
    """A word in capitals with Vietnamese tone marks is text in capitals ("TẠI ĐÂY"), not an acronym."""
    return len(word) > 1 and word.isupper() and bool(_TONED_CAPITALS.search(word))


def foreigner_after_place(view: View, word_starts: list[int], span: tuple[int, int], named: bool) -> bool:
    """Two to four capitalised words after a name are a person when the name ends with a country or
    province ("Bộ Ngoại giao Nga Maria Zakharova") or they are foreign words after Vietnamese ones
    ("Tòa án Tối cao John Roberts"); not in "Công ty LG Display Việt Nam Hải Phòng"."""
    run = [span]  # the capitalised words from here on, all written like a person's name
    while len(run) < 5 and (nxt := view.next_word(run[-1][1])) and capitalised(view.word(nxt)):
        run.append(nxt)
    if not named or not 2 <= len(run) <= 4 or any(view.word(w).isupper() for w in run):
        return False
    text, end = view.norm[span[0]:run[-1][1]], view.norm.rfind(" ", 0, span[0])
    if place_level(text) is not None:
        return False
    starts_place = any(place_level(view.norm[s:e]) for s, e in (
        (span[0], span[1]), (span[0], run[1][1]), (word_starts[-1] if word_starts else span[0], span[1])))
    after_vietnamese = bool(word_starts) and not view.norm[word_starts[-1]:end].isascii()
    if after_vietnamese and not starts_place and any(_foreign(view.word(w)) for w in run):
        return True
    return any(place_level(view.norm[s:end]) in BIG_PLACES for s in word_starts[-3:])


def _foreign(word: str) -> bool:
    """A word no Vietnamese syllable could be: "Roberts", "Wu", "Zakharova" (not "Nam Kinh")."""
    return bool(TWO_SYLLABLES.search(word) or _NOT_VIETNAMESE.search(word))


def compound(view: View, pos: int) -> bool:
    """After "và" at `pos`, a capitalised word written like a common noun ("Môi trường"), not a head,
    or one whose lower-case words run on to the name's place ("Bệnh viện Lao và Bệnh phổi tỉnh X"),
    or the initials of a field that rules/org_canonical.yml expands ("Bộ Nông nghiệp và PTNT")."""
    span = view.next_word(pos)
    if span is None or not capitalised(view.word(span)) or head_at(view, span[0]) or (
            rules().stop_re.match(view.norm, span[0])):
        return False
    if FIELD_ACRONYM.fullmatch(view.word(span)):
        from pipeline.extract.canonical import rules as canonical_rules  # it reads this module's rules

        return view.word(span) in canonical_rules().expansions  # "PTNT", not a brand's "HA"
    after = view.next_word(span[1])
    if after is not None and view.token(after[0]) == view.token(span[0]) and view.norm[after[0]].islower():
        return True
    tail = lowercase_tail(view, span[1], named=True) if after is not None else span[1]
    place = view.next_word(tail) if tail > span[1] else None
    return place is not None and rules().admin_re.match(view.norm, place[0]) is not None


def joins_across(view: View, pos: int, span: tuple[int, int]) -> bool:
    """After "-" or "&", more of the same name ("Cơ quan - Doanh nghiệp", "Ernst & Young"), not another
    body ("Ngoại thương Việt Nam - Vietcombank", "Bộ Y tế - Bộ Công an")."""
    r, word = rules(), view.word(span)
    if not capitalised(word) or head_at(view, span[0]) or person_starts(view, span) or (
            r.stop_re.match(view.norm, span[0])):
        return False
    if view.norm[pos:span[0]] == "-":
        return True  # "Luxshare-ICT", "Cơ quan-Doanh nghiệp"
    body = r.term_re.match(view.lower, span[0])
    listed = body is not None and view.norm[span[0]:body.end()] in r.bodies
    return not (listed or word.lower().endswith(r.brand_suffixes))


def place_end(view: View, start: int) -> int:
    """End of the place name starting at `start` (`start` itself when there is none)."""
    taken: list[tuple[int, int]] = []
    pos = start
    while len(taken) < 6 and (span := view.syllable(pos)) is not None:
        if (span[0] != start) if not taken else view.gap(pos, span[0]) not in ("space", "hyphen"):
            break
        word = view.word(span)
        if not (capitalised(word) or (not taken and word.isdigit() and _place_number(view, span))):
            break
        taken.append(span)
        pos = span[1]
        if word.isdigit():
            break
    for size in range(len(taken), 1, -1):  # the longest known place wins ("Hải Phòng" holds a head)
        if place_level(view.norm[start:taken[size - 1][1]]):
            return taken[size - 1][1]
    if taken and head_at(view, start):
        return start
    ends = (n for n, sp in enumerate(taken) if n and (person_starts(view, sp) or head_at(view, sp[0])))
    cut = next(ends, None)  # "TP Hà Nội Chu Ngọc Anh": a person follows the place
    if cut is None and len(taken) >= 3 and _place_gazetteer is not None:
        return start  # "UBND thành phố Chử Xuân Dũng": a long unknown run after the admin word is a person
    return taken[(cut or len(taken)) - 1][1] if taken else start


def village_end(view: View, start: int) -> int:
    """End of a village or neighbourhood with its name or number at `start` ("thôn Phú Mỹ", "ấp 3",
    "khu phố 2"), `start` itself when there is none: a bare "thôn" names no one village."""
    word = rules().village_re.match(view.norm, start)
    if word is None or not view.ends_syllable(start, word.end()):
        return start
    named = view.next_word(word.end())
    if named is None or not (capitalised(view.word(named)) or view.word(named).isdigit()):
        return start
    if view.word(named).isdigit():  # "thôn 5 xã Ea Tu": a village's number, whatever follows it
        decimal = re.match(r"[.,]\d", view.norm[named[1]:named[1] + 2])
        return named[1] if named[1] - named[0] <= 3 and not decimal else start
    end = place_end(view, named[0])
    return end if end > named[0] else start


def _place_number(view: View, span: tuple[int, int]) -> bool:
    """A number that names a place ("quận 3", "phường 12"): short, and not a count of what follows
    ("tỉnh 500 triệu đồng", "xã 12 hộ")."""
    after = view.next_word(span[1])
    word = (_lower_word(view, after) or (0, view.lower[after[0]:after[1]]))[1] if after else ""
    # the segmenter's whole word: "phường 5 tổ chức" (a verb) names a ward, "xã 12 hộ" counts
    counted = after is not None and (rules().stop_re.match(view.norm, after[0]) is not None
                                     or word_class(word) == "noun")
    return span[1] - span[0] <= 2 and not re.match(r"[.,]\d", view.norm[span[1]:span[1] + 2]) and not counted


def brand_like(view: View, start: int, end: int) -> bool:
    """Capitalised words that can name a brand: not a country or province, nor a listed non-name ("Việt")."""
    name = view.norm[start:end]
    return name_key(name) not in rules().not_names and place_level(name) not in BIG_PLACES


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


MAX_TAIL_WORDS = 3  # lower-case words of the segmenter that may continue a name
_NAME_ENDS = ",.;:()!?\n\"”'’…"


def _lower_word(view: View, span: tuple[int, int]) -> tuple[int, str] | None:
    """The whole segmenter word starting at a lower-case syllable: (end, word), or None when the
    syllable does not start a word ("trường" in "thị trường")."""
    token = view.token(span[0])
    if view.token_starts[token] != span[0] or not view.norm[span[0]].islower():
        return None
    end, nxt = span[1], view.next_word(span[1])
    while nxt and view.token(nxt[0]) == token:
        end, nxt = nxt[1], view.next_word(nxt[1])
    return end, view.lower[span[0]:end]


def lowercase_tail(view: View, pos: int, named: bool, complement: bool = False) -> int:
    """Where lower-case words after `pos` stop continuing a name (`pos` when none continue), read
    from the phrase around them, not from a list of name words:
    - after the name's capitalised words (`named`), words the next word closes as a name: an
      administrative word, a known place or a head that closes names ("Đảng bộ Khối doanh nghiệp
      tỉnh", "Công ty CP Kinh doanh nước sạch Hải Dương", "Đảng ủy Các Khu chế xuất và công nghiệp
      thành phố"), unless they are a bare predicate ("Sở Y tế hỗ trợ tỉnh");
    - nouns followed by another capitalised name ("Tập đoàn tài chính Nam Long");
    - after capitalised words, nouns the name ends after: punctuation, a verb or a function word
      ("Trung tâm Dịch vụ việc làm, thuộc Sở ...", "Cục Quản lý xuất nhập cảnh đã cấp ...");
    - right after a head that needs a name (`complement`), words that describe it, a verb first
      too, up to an administrative word ("Ban Điều hành Quỹ hỗ trợ nông dân tỉnh", "Hội đồng thi
      đua khen thưởng huyện"): the head's name, not a predicate (a closing head, "Tỉnh ủy chỉ đạo
      huyện", may end the name); a level word ("Mặt trận cấp xã") ends it.
    A function word, a time word ("năm", "hiện nay") or a body's own head word ends the run."""
    r = rules()
    taken: list[tuple[str | None, int]] = []  # (class, end) of each lower-case word
    end = pos
    while len(taken) < MAX_TAIL_WORDS and (span := view.next_word(end)) is not None:
        if r.admin_re.match(view.norm, span[0]) or r.stop_re.match(view.norm, span[0]):
            break
        word = _lower_word(view, span)
        if word is None or word[1] in r.tail_stops or word[1] in r.heads or (
                complement and r.scope_re.match(view.lower, span[0])):  # "Mặt trận cấp xã": each commune's
            break
        if complement and not taken and word[1] in r.object_verbs:
            return pos  # "Hội đồng đề nghị tỉnh xem xét": the predicate and its object
        cls = "and" if word[1] == "và" and taken else word_class(word[1])
        if cls not in ("noun", "verb", "adj", "and", None):
            break
        taken.append((cls, word[0]))
        end = word[0]
    while taken and taken[-1][0] == "and":
        taken.pop()
    if not taken:
        return pos
    end = taken[-1][1]
    classes = [c for c, _ in taken]
    content = [c for c in classes if c != "and"]
    plain = "and" not in classes and all(c == "noun" for c in content)
    nominal = complement or content[0] in ("noun", None)  # not a predicate ("đăng tải thông tin")
    descriptive = named and described(view, pos)  # "Dịch vụ việc làm", not "Viettel giải pháp"
    after = view.next_word(end)
    if after is None:  # punctuation or the end of the text ("thực phẩm (Bộ Y tế)": past the space)
        rest = view.norm[end:end + 3].lstrip(" \t\xa0")[:1]
        return end if descriptive and plain and (not rest or rest in _NAME_ENDS) else pos
    start = after[0]
    admin = r.admin_re.match(view.norm, start)
    if admin and (view.norm[start].islower() or view.norm[start:admin.end()].rstrip(".").isupper()):
        return end if (named or complement) and nominal else pos  # "... du lịch TP Đà Nẵng" too
    if capitalised(view.word(after)):
        nested = head_at(view, start)
        if nested:
            return end if named and nominal and nested[1].closes else pos  # "... Tỉnh ủy"
        if person_starts(view, after) or r.stop_re.match(view.norm, start):
            return pos
        place = place_end(view, start)
        if place > start and place_level(view.norm[start:place]):
            return end if named and nominal else pos
        return end if plain else pos
    following = _lower_word(view, after)
    cls = word_class(following[1]) if following else None
    return end if descriptive and plain and cls in ENDS_A_NAME else pos


def described(view: View, pos: int) -> bool:
    """The name's last capitalised word is a Vietnamese word, which a description may go on from
    ("Trung tâm Dịch vụ việc làm"), not a brand or an acronym ("Viettel giải pháp", "Twitter, video")."""
    word = view.norm[view.token_starts[view.token(pos - 1)]:pos]
    bare = strip_tones(word)  # "Dịch vụ" -> "dich vu": spelled the Vietnamese way
    return capitalised(word) and not word.isupper() and not any(_foreign(w) for w in bare.split())


def ends_with_place(view: View, word_starts: list[int], pos: int) -> bool:
    """The capitalised words read last name a known place ("Văn phòng Huyện ủy Đức Trọng thông tin"):
    the name ends there."""
    return any(place_level(view.norm[s:pos]) and _all_capitalised(view.norm[s:pos]) for s in word_starts[-3:])


def _all_capitalised(run: str) -> bool:
    """Every syllable capitalised, as places are written ("An Toàn"); "An toàn" (safety), "Xúc tiến"
    are common words even where a commune shares their letters."""
    return all(capitalised(w) for w in run.split())


def comma_tail(view: View, pos: int) -> int:
    """"Vụ Tổ chức, biên chế của Bộ": a name that is itself a list goes on after its comma with one
    lower-case noun, when a function word or the end of the sentence follows it (not a verb: "Theo
    Sở Công thương, kim ngạch tăng"; not another list item, nor a body of its own: "bệnh viện")."""
    if view.norm[pos:pos + 2] != ", " or not described(view, pos):
        return pos
    span = view.next_word(pos + 1)
    word = _lower_word(view, span) if span else None
    r = rules()
    if word is None or word[1] in r.heads or word[1] in r.tail_stops or word_class(word[1]) != "noun":
        return pos
    after = view.next_word(word[0])
    if after is None:
        return word[0] if view.norm[word[0]:word[0] + 1] in (".", ";", ")", "") else pos
    following = _lower_word(view, after)
    cls = word_class(following[1]) if following else None
    return word[0] if cls == "preposition" else pos  # not "Hội Nông dân, phụ nữ đã ...": a list of bodies


_QUOTES = {"“": "”", '"': '"', "‘": "’"}
MAX_QUOTED_WORDS = 6


def quoted_name(view: View, pos: int, start: int) -> int | None:
    """End of a capitalised name in quotation marks that is part of a longer name (Quỹ “Vì người
    nghèo” tỉnh, phong trào “Dân vận khéo” huyện Chợ Đồn), or None."""
    between = view.norm[pos:start]
    opening = between.strip(" \t\xa0")
    if len(opening) != 1 or opening not in _QUOTES or not between.startswith((" ", "\xa0")):
        return None
    close = view.norm.find(_QUOTES[opening], start, start + 60)
    inside = view.norm[start:close] if close > start else ""
    if not inside or not capitalised(inside) or any(c in inside for c in ".,;:!?\n"):
        return None
    after = view.next_word(close + 1)  # the name goes on after the quote: "tỉnh", "huyện Chợ Đồn"
    if after is None or not rules().admin_re.match(view.norm, after[0]):
        return None
    return close + 1 if len(inside.split()) <= MAX_QUOTED_WORDS else None
