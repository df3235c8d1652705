"""Directives by symbol: a code ("05-CT/TW", "30/2020/NĐ-CP", "57 NQ/TW", "NQ 57") and the type word
that owns it ("Chỉ thị số", "CV số", a letterhead's "Số:"), or None where a code names no document.

`kinds/directives` finds every other shape; this module reads the ones a symbol carries.
"""

from __future__ import annotations

import bisect

import regex

from pipeline.extract.directive_found import Found
from pipeline.extract.directive_grammar import (
    LOOSE_SYMBOL,
    LOWER_SYMBOL,
    NAME_THEN_SO,
    NUMBERS_THEN,
    ONLY_SO,
    QUALIFIER_THEN_SO,
    SEPARATOR,
    SYMBOL,
    H,
    canonical_type,
    match_at,
    rules,
)
from pipeline.extract.directive_issuers import issuer_and_date
from pipeline.extract.directive_laws import blocked_left
from pipeline.extract.directive_links import on_letterhead
from pipeline.extract.directive_symbols import canonical_symbol, known_code, unglued
from pipeline.text import casefold_words

# a law's symbol: its number, year and the National Assembly that passed it ("80/2015/QH13")
LAW_SYMBOL = regex.compile(r"\d{1,3}/(?:19|20)\d\d/QH\d{1,2}(?!\d)")
TYPE_REACH = 90  # characters before a symbol within which its type word (and a law's name) may start
GLUED_WORD = regex.compile(r"\p{Ll}+(?![\p{L}\d])")  # lower-case letters glued to a symbol's last code
FILE_SUFFIX = regex.compile(r"\.(?P<ext>[A-Za-z]{3,4})(?![\p{L}\d])")  # ".pdf" right after a symbol


def _word_starts_before(anchors: list[int], pos: int, end: int) -> list[int]:
    """The word starts from TYPE_REACH before a symbol at `pos` up to `end`, nearest first."""
    return anchors[bisect.bisect_left(anchors, pos - TYPE_REACH):bisect.bisect_left(anchors, end)][::-1]


def find_coded(name: str, text: str, anchors: list[int]) -> list[Found]:
    """Symbols, with the type word (and a law's name) written before them."""
    found = [item for match in SYMBOL.finditer(text) if (item := _coded(name, text, match, anchors))]
    for match in LOOSE_SYMBOL.finditer(text):
        if item := _coded(name, text, match, anchors, loose=True):
            found.append(item)
    for match in LOWER_SYMBOL.finditer(text):
        if item := _coded(name, text, match, anchors, lower=True):
            found.append(item)
    return found


def find_abbreviated(name: str, text: str) -> list[Found]:
    """A type's abbreviation as its word before a bare number ("NQ 57", "QĐ số 1234"): a short form
    that names a document only when the article writes its symbol ("KL 21" may count anything)."""
    found = []
    for match in rules().patterns["abbreviated_short"].finditer(text):
        kind = rules().kind_by_abbr[match.group("type").upper()][1]
        number, year = match.group("num"), match.group("year")
        found.append(Found(name, match.start(), match.end(), match.group(0), "short", kind, number=number,
                           year=year, id=f"{kind} {number}" + (f"/{year}" if year else ""), priority=1,
                           needs_symbol=True))
    return found


def _space_lost(text: str, end: int) -> bool:
    """Whether the lower-case letters glued to a symbol's end are a word that follows a document, its
    space lost ("Quyết định số 449/QĐ-TTngày 12 tháng 3", as "11/2021/TT-BGDĐTvề" is on a longer code)."""
    glued = match_at(GLUED_WORD, text, end)
    return bool(glued) and casefold_words(glued.group(0), modern=True) in rules().words["document_next_words"]


def _file_name(text: str, end: int) -> bool:
    """Whether a symbol ending at `end` is the name of an attached file ("QĐ 206-CĐSTV.pdf")."""
    suffix = match_at(FILE_SUFFIX, text, end)
    return bool(suffix) and suffix.group("ext").casefold() in rules().words["file_extensions"]


def _coded(name: str, text: str, match: regex.Match[str], anchors: list[int],
           loose: bool = False, lower: bool = False) -> Found | None:
    """The reference a symbol makes, or None for a code that names no document.

    A loose symbol ("09KH/ĐTN", "57 NQ/TW", "18-2019-TT-BGDĐT") opens with a type abbreviation and
    needs that type's word before it ("4G/LTE", "12 TB/ngày" are no documents), a letterhead's "Số:"
    line ("Số: 01 NQ/THCSTrA"), or, dashed around its year, an issuer the rules know. Its separator
    after the type tells Party ("/") from State ("-") order.
    """
    written_codes = match.group("codes")
    codes = unglued(SEPARATOR.split(written_codes.upper() if lower else written_codes))  # "134/QĐUB": QĐ, UB
    if match.group("legislature"):
        codes[-1] += match.group("legislature")
    end = match.end()
    if _file_name(text, end):
        return None  # an attachment's file name abbreviates as it likes: the page cites no document by it
    if end < len(text) and text[end].islower() and len(codes[-1]) < 3 and not _space_lost(text, end):
        return None  # "12-Her...", "04/2021 - Địa...": a word, not an issuer code
    start, written, law_name = _type_before(text, match.start(), anchors)
    if lower and written is None:
        written = _listed_type(text, match.start(), anchors)  # "Nghị quyết số 18, 19-nq/tw"
    if lower and not (written and any(known_code(code) for code in codes)):
        return None  # "12 tb/ngày", "3 km/h": lower-case words, no symbol without its type word before it
    if written is None and (abbreviated := _abbreviated_type(text, match.start())):
        start, written = abbreviated  # "CV số 409/STTTT-BCVT": codes the rules may not know
    if written is None and not loose and not any(known_code(code) for code in codes):
        written = _listed_type(text, match.start(), anchors)  # "Công văn số 409, 446/STTTT-BCVT"
    if loose:
        abbr_kind = rules().kind_by_abbr.get(codes[0].upper())
        typed = bool(written) and abbr_kind is not None and abbr_kind[1] == canonical_type(written or "")
        headed = on_letterhead(text, match.start())
        if not abbr_kind or not (typed or headed or (match.group("year") and known_code(codes[-1]))):
            return None
        first_separator = SEPARATOR.search(match.group("codes"))
        dash_first = bool(first_separator) and "/" in first_separator.group(0) and not match.group("year")
    else:
        if written is None and not (known_code(codes[0]) or (len(codes) > 1 and known_code(codes[-1]))):
            return None
        dash_first = text[match.end("num"):match.start("codes")].strip() in "-–" and not match.group("year")
    year_dash = bool(match.group("year")) and "/" not in text[match.end("year"):match.start("codes")]
    slashed = all("/" in separator for separator in SEPARATOR.findall(written_codes))
    symbol, kind, issuer = canonical_symbol(match.group("num"), match.group("year"), codes, dash_first,
                                            year_dash, slashed)
    # the symbol tells more
    generic = written is None or (kind and casefold_words(written, modern=True) == "văn bản")
    written_kind = kind if generic else canonical_type(written or "")
    return Found(name, start, end, text[start:end], "coded", written_kind, kind, match.group("num"),
                 match.group("year"), id=symbol, issuer=issuer, name_key=law_name, priority=3)


SO_THEN = regex.compile(rf"{H}+(?i:số){H}*:?{H}*")  # "số" between an issuer or a date and the symbol
# a type's abbreviation as a word right before a symbol, perhaps with "số" ("CV số 409/...")
ABBREVIATED_TYPE = regex.compile(r"(?<![\p{L}\d])(?P<abbr>\p{Lu}{2,4})"
                                 r"(?:[^\S\n]+(?i:số)[^\S\n]*:?)?[^\S\n]*$")


def _abbreviated_type(text: str, pos: int) -> tuple[int, str] | None:
    """Start and type of a type's own abbreviation written as its word before a symbol at pos."""
    before = max(0, pos - 12)
    found = ABBREVIATED_TYPE.search(text, before, pos)
    kind = rules().kind_by_abbr.get(found.group("abbr")) if found else None
    return (found.start("abbr"), kind[1]) if found and kind else None


def _type_before(text: str, pos: int, anchors: list[int]) -> tuple[int, str | None, str | None]:
    """Start and type word right before a symbol ("Quyết định số"), and a law's name before "số"."""
    rule = rules()
    for anchor in _word_starts_before(anchors, pos, pos):
        match = match_at(rule.patterns["type"], text, anchor)
        if not match:
            continue
        between = text[match.end():pos]
        doc_type = rule.types[casefold_words(match.group("type"), modern=True)]
        if doc_type.get("named") and blocked_left(text, anchor):
            # "quyết định kỷ luật số 25/QĐ-...": no law here, unless a law's name holds the words
            return _law_around(text, pos, anchors, anchor) or (pos, None, None)
        if ONLY_SO.fullmatch(between):
            return anchor, match.group("type"), None
        if doc_type.get("named") and NAME_THEN_SO.fullmatch(between):
            return _named_law(text, anchor, pos, match.group("type"))
        if not doc_type.get("named") and QUALIFIER_THEN_SO.fullmatch(between):
            return anchor, match.group("type"), None  # "Kế hoạch liên tịch số 01/KHLT-MTTQ-CA"
        tail = issuer_and_date(text, match.end())[0]
        if tail > match.end() and SO_THEN.fullmatch(text, tail, pos):
            return anchor, match.group("type"), None  # "Công văn của UBND tỉnh số 278/PGD&ĐT-THCS"
        return _law_around(text, pos, anchors, anchor) or (pos, None, None)
    return pos, None, None


def _law_around(text: str, pos: int, anchors: list[int], inner: int) -> tuple[int, str, str] | None:
    """A law whose name holds the type word at `inner` before "số" and a symbol ("Luật Ban hành văn
    bản quy phạm pháp luật số 80/2015/QH13": "văn bản" is a word of the law's name, not its type)."""
    rule = rules()
    if not LAW_SYMBOL.match(text, pos):
        return None  # only a law's own symbol follows its name ("quyết định kỷ luật số 25/QĐ-...")
    for anchor in _word_starts_before(anchors, pos, inner):
        match = match_at(rule.patterns["type"], text, anchor)
        if not match:
            continue
        if not rule.types[casefold_words(match.group("type"), modern=True)].get("named"):
            continue  # another word of the name ("văn bản" in "... Ban hành văn bản quy phạm ...")
        name = text[match.end() : pos]
        if (
            not blocked_left(text, anchor)
            and name.split(maxsplit=1)[0].casefold() not in rule.words["law_lower_blocklist"]
            and NAME_THEN_SO.fullmatch(name)
        ):
            return _named_law(text, anchor, pos, match.group("type"))
        return None  # the nearest law word before them starts no name running to the symbol
    return None


def _named_law(text: str, anchor: int, pos: int, written: str) -> tuple[int, str, str]:
    """Start, type word and folded name of a law named from `anchor` up to "số" and its symbol."""
    return anchor, written, casefold_words(text[anchor:pos].rsplit("số", 1)[0], modern=True)


def _listed_type(text: str, pos: int, anchors: list[int]) -> str | None:
    """The type word before numbers listed up to a symbol at pos ("Công văn số 409, 446/STTTT-BCVT"):
    the last of numbers sharing one symbol is a document of the list's type, its span its own."""
    for anchor in _word_starts_before(anchors, pos, pos):
        if match := match_at(rules().patterns["type"], text, anchor):
            return match.group("type") if NUMBERS_THEN.fullmatch(text, match.end(), pos) else None
    return None
