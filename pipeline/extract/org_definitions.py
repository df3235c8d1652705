"""Organisation candidates and the short forms an article defines for them.

A `Candidate` is a mention being built. A short form is defined by the text around it: a name with
the acronym in brackets after it ("Sở Giao dịch Chứng khoán TP.HCM (HSX)", for the whole name or
its last words: "Khối Các cơ quan (CCQ)"), the acronym with the name in brackets ("HSX (Sở Giao
dịch ...)"), or a phrase whose initials spell it ("tổ chức cơ sở đảng (TCCSĐ)", "Công viên địa chất
(CVĐC)"). Definitions go to the article's `acronyms` table: ("whole", key, long name), ("part",
long words) or ("phrase", None, long words); the canonical names expand them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.extract.org_parts import ACRONYM_IN_BRACKETS, Scan
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import SYLLABLE_RE, View, head_at
from pipeline.extract.org_words import place_level
from pipeline.text import name_key


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
    national: str = ""  # the key of a listed national body ("chính phủ"), perhaps with a foreign country
    body: bool = True  # False: a name that is no body (a fund); its span still holds its place


def clean_span(view: View, start: int, end: int, cuts: Sequence[tuple[int, int]] = ()) -> str:
    """The text of a span without acronym definitions, on one line with single spaces."""
    pieces, pos = [], start
    for cut_start, cut_end in cuts:
        pieces.append(view.text[pos:cut_start])
        pos = cut_end
    return " ".join("".join([*pieces, view.text[pos:end]]).split())


def initials_start(view: View, first: int, paren: int, acronym: str) -> int | None:
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


def define(view: View, cand: Candidate, scan: Scan, found: list[Candidate], acronyms: dict[str, Any],
            ) -> None:
    """Record an acronym defined right after a name: for the whole name or for its last words."""
    acronym, paren = scan.acronym[0], scan.acronym[1]
    if place_level(acronym):
        return  # "Công ty X (Huế)" names a place, not the company
    begin = initials_start(view, cand.start, paren, acronym)
    if begin is not None and (begin > cand.start or scan.cuts):  # "Khối Các cơ quan (CCQ)", "(UBKT) Tỉnh ủy"
        acronyms.setdefault(acronym, ("part", clean_span(view, begin, paren)))
        cand.long_form = True  # the name the article writes the short forms for
        return
    inner = inner_wrapper(view, cand, paren)
    if inner is not None:  # "Hội đồng quản trị Công ty ... (VPF)": the acronym is the company's
        cand = inner
        found.append(cand)
    cand.acronym, cand.long_form = acronym, True
    acronyms.setdefault(acronym, ("whole", name_key(cand.name), cand.name))
    if not scan.cuts:
        inner = view.text.index(acronym, paren)
        found.append(Candidate(view, inner, inner + len(acronym), acronym, acronym=acronym))


def inner_wrapper(view: View, cand: Candidate, paren: int) -> Candidate | None:
    """A company or bank named inside a part of it ("Hội đồng quản trị Công ty CP Bóng đá (VPF)"):
    the acronym before `paren` names the inner body. None when the outer body is itself one."""
    outer = rules().heads.get(cand.head)
    if outer is None or outer.wrapper:
        return None
    first_space = view.norm.find(" ", cand.start, paren)
    for word in SYLLABLE_RE.finditer(view.norm, paren if first_space < 0 else first_space, paren):
        inner = head_at(view, word.start())
        if inner is not None and inner[1].wrapper and word.start() > cand.start:
            end = len(view.text[:cand.end].rstrip())
            return Candidate(view, word.start(), end, clean_span(view, word.start(), end),
                             head=name_key(inner[1].term))
    return None


def _spelt_start(view: View, first: int, paren: int, acronym: str) -> int | None:
    """`initials_start`, a level word before the bracket spelt or not ("... mồ côi tỉnh (HBTNKTVTMC)")."""
    begin = initials_start(view, first, paren, acronym)
    last = view.norm[first:paren].rstrip().rsplit(" ", 1)[-1]
    if begin is None and last.islower() and rules().admin_re.fullmatch(last):
        begin = initials_start(view, first, len(view.norm[:paren].rstrip()) - len(last), acronym)
    return begin


def extend_to_initials(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """A head scan cut short before a bracketed acronym whose initials spell the name from its head to
    the bracket ("Đảng ủy Khối cơ quan (ĐUKCQ)", "Hội Bảo trợ người khuyết tật và trẻ mồ côi
    (HBTNKTVTMC)"): the spelt words are the name's, so it runs to the bracket and the acronym is its
    short form; so too for a name that reaches the bracket on an open end ("Hội Nông dân tỉnh (HNDT)").
    Only a head's scan (a brand's words are no evidence: "Google Mobile Services (GMS)" names a product),
    and only when the initials start exactly at its first word; a name longer than the
    spelt words keeps its extent ("Ban quản lý các Khu công nghiệp (KCN)" defines a part)."""
    for match in ACRONYM_IN_BRACKETS.finditer(view.norm):
        acronym, paren = match.group(1), view.norm.index("(", match.start())
        end = len(view.norm[:paren].rstrip())
        if not acronym.isupper() or len(acronym) < MIN_PHRASE_INITIALS or acronym in acronyms:
            continue
        short = [c for c in found if c.view is view and c.head and not c.acronym and c.start < c.end <= end
                 and (c.end == end or _GAP_WORDS.fullmatch(view.norm, c.end, end))]
        if len(short) != 1 or any(c.view is view and short[0].end <= c.start < end for c in found) or any(
                c.view is view and c.start == view.text.find(acronym, paren) for c in found):
            continue  # none, or another name in the gap: not one name cut short
        cand = short[0]
        if _spelt_start(view, cand.start, paren, acronym) != cand.start:
            continue
        if cand.end < end:
            cand.end, cand.name, cand.open_end = end, clean_span(view, cand.start, end), False
        cand.acronym, cand.long_form = acronym, True
        acronyms[acronym] = ("whole", name_key(cand.name), cand.name)
        inner = view.text.index(acronym, paren)
        found.append(Candidate(view, inner, inner + len(acronym), acronym, acronym=acronym))


# words and spaces only between a name's end and the bracket: no punctuation, no number
_GAP_WORDS = re.compile(r"(?:[ \t\xa0]+[^\W\d_]+)+")


MIN_PHRASE_INITIALS = 3  # two initials spell too many phrases by chance

# "HSX (Sở Giao dịch Chứng khoán TP.HCM)": a short form of two or more capitals, then "(" and a name
SHORT_BEFORE_BRACKET = re.compile(r"(?:^|(?<=[\s,;:“\"]))([A-ZĐ][A-Za-zĐđ0-9&\-]*[A-ZĐ][A-Za-zĐđ0-9&\-]*)"
                                  r"[ \t\xa0]*\([ \t\xa0]*$")


def take_short_then_long(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """A short form defined by the name in brackets after it ("HSX (Sở Giao dịch Chứng khoán
    TP.HCM)", "WHO (Tổ chức Y tế Thế giới)"): one organisation, the name in brackets its long form."""
    for cand in [c for c in found if c.view is view and not c.acronym]:
        before = SHORT_BEFORE_BRACKET.search(view.norm, max(0, cand.start - 20), cand.start)
        closing = view.norm[cand.end:cand.end + 3].lstrip(" \t\xa0")
        if before is None or not closing.startswith(")") or place_level(before.group(1)):
            continue
        short = before.group(1)  # an acronym, not a brand: "VinHMS (Tập đoàn Vingroup)" names the parent
        if not short.isupper() or short in acronyms or short.casefold() in cand.name.casefold():
            continue
        cand.acronym, cand.long_form = short, True
        acronyms[short] = ("whole", name_key(cand.name), cand.name)
        if not any(c.view is view and c.start == before.start(1) for c in found):
            found.append(Candidate(view, before.start(1), before.end(1), short, acronym=short))


def take_acronym_phrases(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Lower-case phrases defined by an acronym: "tổ chức cơ sở đảng (TCCSĐ)"; any other phrase
    whose initials spell the acronym ("Công viên địa chất (CVĐC)") is kept as a definition only,
    which the canonical names expand ("Ban quản lý CVĐC" -> "Ban Quản lý Công viên địa chất")."""
    paren = view.norm.find("(")
    while paren >= 0:
        match = (ACRONYM_IN_BRACKETS.match(view.norm, max(0, paren - 1))
                 or ACRONYM_IN_BRACKETS.match(view.norm, paren))
        acronym = match.group(1) if match else ""
        if acronym.isupper() and not any(c.start <= paren <= c.end + 1 for c in found if c.view is view):
            begin = initials_start(view, max(0, paren - 12 * len(acronym)), paren, acronym)
            if begin is not None and not rules().acronym_start_re.match(view.lower, begin):
                if len(acronym) >= MIN_PHRASE_INITIALS:
                    acronyms.setdefault(acronym, ("phrase", None, clean_span(view, begin, paren)))
            elif begin is not None:
                name, inner = clean_span(view, begin, paren), view.text.index(acronym, paren)
                found.append(Candidate(view, begin, begin + len(view.text[begin:paren].rstrip()), name,
                                       acronym=acronym, long_form=True))
                found.append(Candidate(view, inner, inner + len(acronym), acronym, acronym=acronym))
                acronyms.setdefault(acronym, ("whole", name_key(name), name))
        paren = view.norm.find("(", paren + 1)
