"""Organisations: named bodies of the Party, State, Front, mass organisations, forces and companies.

A name is a head word from `rules/organizations.yml` ("Sở", "Đảng bộ", "Công ty") followed by what
the scanner reads as a name: capitalised words, nested heads, listed lower-case name words and a
place with its administrative word. Bodies that need no head (Quốc hội, Google) come from the rule
file's list; acronyms defined in the article ("Khối Các cơ quan (CCQ)") are kept in `doc.cache`,
so that short forms in every segment join the long name. The compiled rule file and the word
tests the scanner applies live in `org_names`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.canonical import with_canonical
from pipeline.extract.document import ArticleDoc
from pipeline.extract.merge import field_rank
from pipeline.extract.org_names import (
    RULES_SCHEMA,
    SYLLABLE_RE,
    TWO_SYLLABLES,
    Head,
    View,
    brand_like,
    byline,
    capitalised,
    compound,
    fold,
    foreigner_after_place,
    head_at,
    joins_across,
    modern_tones,
    number_ends,
    person_starts,
    place_end,
    place_level,
    rules,
    sentence_initial,
    shouting,
)
from pipeline.kinds import (
    Column,
    KindSpec,
    mention_count,
    named_item_schema,
    nullable,
    refs_of_mentions,
    register_kind,
)
from pipeline.model import Mention

# find and build feed the extractor table; tests import the rest from here
__all__ = ["RULES_SCHEMA", "build", "find", "fold", "modern_tones", "rules"]

MAX_PARTS = 24  # a name longer than this is a run-away scan, not a name
SKIPPED_FIELDS = ("meta.",)  # bylines and source lines carry an author's role, not the article's bodies
_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_ACRONYM_RE = re.compile(  # "(CCQ)", "(EVN HCMC)", "(Vietcombank)", "(Viettel)", "(Eximbank - mã: EIB)"
    rf"[ \t\xa0]?\([ \t\xa0]*((?![IVXLC]+\))[{_UP}][{_UP}0-9&\-]+(?: [{_UP}][{_UP}0-9&\-]+)?"
    rf"|[{_UP}][^\W\d_]*[Bb]ank|[{_UP}][^\W\d_{_UP}]+[{_UP}][^\W\d_]*|[{_UP}][a-z]{{3,}})"
    r"[ \t\xa0]*(?:[-–,;][^()\n]{0,40})?\)")


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
        if gap in ("hyphen", "and") and not (scan.last == "word" and joins_across(view, pos, span)):
            break
        if gap not in ("space", "hyphen", "and") or (scan.parts and r.stop_re.match(view.norm, start)):
            break
        phrase, admin = r.phrase_re.match(view.norm, start), r.admin_re.match(view.norm, start)
        lexical = r.name_word_re.match(view.norm, start)
        glued = scan.last == "word" and view.token(start) == last_token and capitalised(word)  # "Quốc Hội"
        nested = None if glued else head_at(view, start)
        if phrase and view.ends_syllable(start, phrase.end()):
            end, kind, strong = phrase.end(), "phrase", True
        elif nested:
            end, kind, strong = nested[0], "head", nested[1].closes
            before_head = -1 if strong else scan.end
        elif admin and view.ends_syllable(start, admin.end()):
            after = view.next_word(admin.end())
            place = place_end(view, after[0]) if after else admin.end()
            scan.open_end = not after or place == after[0]  # "UBND tỉnh" may stand for "UBND tỉnh Thanh Hóa"
            scan.end = place if after and place > after[0] else admin.end()
            scan.parts, scan.strong, scan.all_title, before_head = scan.parts + 1, True, False, -1
            scan.first = start if scan.first < 0 else scan.first
            break
        elif lexical and view.ends_syllable(start, lexical.end()):
            end, kind, strong = lexical.end(), "lexical", False
        elif word.isdigit():
            if not (number_ok and number_ends(view, span, strict=scan.last == "word")):
                break
            end, kind, strong = span[1], "number", True  # a number ends the name ("Bệnh viện 108")
        elif capitalised(word):
            if person_starts(view, span) and people_ok and not person_left:
                person_left = 3
            person = person_starts(view, span) and not (people_ok or person_left)
            foreigner = foreign_check and foreigner_after_place(view, word_starts, span, scan.named)
            if person or foreigner or shouting(word):
                break
            end, nxt, token = span[1], view.next_word(span[1]), view.token(start)  # "Tài nguyên" is one word
            vietnamese = not word.isupper() and not TWO_SYLLABLES.search(word)
            while vietnamese and nxt and view.token(nxt[0]) == token and view.norm[nxt[0]].islower():
                if TWO_SYLLABLES.search(view.word(nxt)):  # "Điện lựcquận": a lost space, an unreliable name
                    return Scan(end=pos)
                end, nxt = nxt[1], view.next_word(nxt[1])
            kind, strong, last_token = "word", True, token
            scan.all_title = scan.all_title and end == span[1]
            word_starts.append(start)
        elif word == "và" and scan.last == "word" and compound(view, span[1]):
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
    for word in reversed(list(SYLLABLE_RE.finditer(view.norm, first, paren))):
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
            not capital and not (scan.capital_first and brand_like(view, scan.first, scan.end))):
        return None  # "UBND tỉnh" and "Công an huyện" are names, "Trung tâm thành phố", "đại học Mỹ" are not
    start = hs
    if not capital and head.lowercase == "drop" and scan.all_title:
        start = scan.first  # "công ty Coolcat": the name is the brand
        if not brand_like(view, start, scan.end) or scan.end - start < 2:
            return None
    if byline(view, start, scan.end):
        return None
    cand = Candidate(view, start, scan.end, _clean(view, start, scan.end, scan.cuts), head=fold(head.term),
                     open_end=scan.open_end or scan.parts == 0)
    if head.wrapper and scan.first >= 0 and start == hs:
        cand.rest = fold(_clean(view, scan.first, scan.end, scan.cuts))
        # "trường Chu Văn An": a short person's name alone names the man, "Hoàng Anh Gia Lai" the group
        person = person_starts(view, view.syllable(scan.first)) and len(cand.rest.split()) <= 3
        if scan.all_title and not person and brand_like(view, scan.first, scan.end):
            cand.alias = cand.rest
    elif start != hs:
        cand.alias = fold(cand.name)
    found.append(cand)
    if scan.acronym:
        _define(view, cand, scan, found, acronyms)
    return cand


def _define(view: View, cand: Candidate, scan: Scan, found: list[Candidate], acronyms: dict[str, Any],
            ) -> None:
    """Record an acronym defined right after a name: for the whole name or for its last words."""
    acronym, paren = scan.acronym[0], scan.acronym[1]
    if place_level(acronym):
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


def _take_body(view: View, s: int, e: int, key: str, found: list[Candidate]) -> None:
    """A listed body, unless its context says it is something else."""
    r = rules()
    if key in r.mid_sentence and sentence_initial(view.norm, s):
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
    if scan.parts and scan.all_title and scan.parts <= 4 and scan.end - scan.first > 1 and brand_like(
            view, scan.first, scan.end):
        name = _clean(view, scan.first, scan.end)
        found.append(Candidate(view, scan.first, scan.end, name, alias=fold(name)))


def _take_brand_suffixes(view: View, found: list[Candidate]) -> None:
    """Capitalised words ending in a brand suffix: "Vietcombank", "ABBank"."""
    for suffix in rules().brand_suffixes:
        pos = view.lower.find(suffix)
        while pos >= 0:
            end = pos + len(suffix)
            word = SYLLABLE_RE.match(view.norm, view.norm.rfind(" ", 0, pos) + 1)
            if word and word.end() == end and word.start() < pos and capitalised(word.group()):
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
                    after[:1] == " " and capitalised(after[1:]))  # not the start of "Việt Nam"
                crossing = any(s < end and pos < e and not pos <= s < e <= end for s, e in taken)
                if alone and capitalised(view.norm[pos]) and not crossing:  # it may hold a shorter form
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


KIND = register_kind(KindSpec(
    label="ORG", field="organizations", noun="organisation", order=3, find=find, build=with_canonical(build),
    layer=1, rank=0, colour="#7aecec", rules="organizations",
    description="One row per article and distinct organisation.",
    columns=(
        Column("name", "TEXT", "the organisation's name (long form)"),
        Column("acronym", "TEXT", "the acronym the article defines for it, or null"),
        Column("mentions", "INTEGER", "how many times the article mentions it"),
        Column("canonical", "TEXT", "one name per body across articles: acronyms expanded, the place written "
                                    "in full and completed where the article makes it certain"),
    ),
    row=lambda o: (o.get("name"), o.get("acronym"), mention_count(o), o.get("canonical")),
    refs=refs_of_mentions("name"),
    indexes=("name", "canonical"), canonical="canonical",
    item_schema=named_item_schema(["name"], name={"type": "string"}, acronym=nullable("string"),
                                  canonical={"type": "string"}),
))
