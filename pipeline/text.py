"""Vietnamese text helpers every stage shares: folding, tone placement, sentence starts, alternations, spans.

Each folding function names one meaning, so two modules that compare words the same way call the
same function, and two that compare them differently say how in the name or a keyword.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, Literal, Protocol, TypeVar

import regex

# --- folding ------------------------------------------------------------------------------------

_STROKED_D = str.maketrans("đĐ", "dD")  # đ is a letter of its own, not d with a mark: no decomposition


def casefold_words(text: str, *, nfc: bool = False, modern: bool = False) -> str:
    """The words of `text` case-folded, one space apart: " Nghị  QUYẾT " -> "nghị quyết".

    With `nfc`, composed first, for text that did not come through ingest (gold files, user input).
    With `modern`, old tone placement moved to the modern one too: "Khoá XII" -> "khóa xii".
    """
    if nfc:
        text = unicodedata.normalize("NFC", text)
    folded = " ".join(text.casefold().split())
    return modern_tones(folded) if modern else folded


def strip_tones(text: str) -> str:
    """Case-folded, without tone marks, other diacritics or the stroke of đ: "Đắk Lắk" -> "dak lak"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKED_D))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only, without diacritics: "Ninh Thuận" -> "ninhthuan"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKED_D))
    return "".join(c for c in decomposed.lower() if c.isascii() and c.isalnum())


# a Vietnamese syllable folded to ASCII: an onset, one to three vowels and a final ("nghiêng" -> "nghieng")
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def unlike_a_syllable(word: str) -> bool:
    """Does the word, folded to ASCII, fit no standard syllable shape (onset, vowels, final)? "Detroit",
    "Salavan", and the Central Highlands' "Krông", "K'bang" do not fit; "Nguyễn", "Quyết", "Rio" do.
    Stricter than `org_words.foreign_word` (letters no Vietnamese word can have), which lets
    "Krông" pass: a place's level wants the shape, a name's end the impossibility."""
    folded = ascii_fold(word)
    return bool(folded) and not _SYLLABLE.fullmatch(folded)


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words, no tone marks, đ as d, as URLs spell a headline ("Nẻo về" -> neo, ve)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKED_D).casefold())
    return re.findall(r"[a-z0-9]+", "".join(c for c in decomposed if not unicodedata.combining(c)))


def name_words(name: str) -> list[str]:
    """A name's words, tone marks, case and initials' dots folded ("T.Hương" -> t, huong): how one
    person's forms are matched, and a person's name against a place's."""
    return [ascii_fold(w) for w in name.replace(".", " ").split()]


def name_key(text: str, *, tones_anywhere: bool = False) -> str:
    """Grouping key of a name: case, Unicode form, tone placement, spaces and hyphen spacing folded.

    `tones_anywhere` moves old tone placement inside words too (see `modern_tones`).
    """
    text = modern_tones(unicodedata.normalize("NFC", text).casefold(), anywhere=tones_anywhere)
    return " ".join(text.replace("-", " - ").split())


# --- tone placement -----------------------------------------------------------------------------

# Old tone placement ("Hoà", "Thuỷ", "khoá") and the modern one ("Hòa", "Thủy", "khóa") write the
# same syllable; each pair has the same length, so offsets in the moved text index the original.
OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_MOVES = {**OLD_TONES, **{old.capitalize(): new.capitalize() for old, new in OLD_TONES.items()}}
_OLD_TONE = "[oOuU][àáảãạèéẻẽẹỳýỷỹỵ]"
_OLD_TONE_ANYWHERE = re.compile(_OLD_TONE)
# at a syllable's end only, and not in "qu" where u is part of the consonant ("quý" stays)
_OLD_TONE_AT_END = re.compile(rf"(?<![qQ]){_OLD_TONE}(?!\w)")


# Windows-1258 puts Đ and đ at the bytes Windows-1252 reads as the Icelandic eth (Ð, ð), which look
# the same: pages converted through the wrong code page keep them, and then "Ðông Dương" is no place
# and "Ðảng" no party. In Vietnamese text they are always Đ and đ.
ETH_AS_DJ = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def eth_as_dj(text: str) -> str:
    """The look-alike eth read as Đ and đ ("HÐND" -> "HĐND"), same length."""
    return text.translate(ETH_AS_DJ) if "\u00d0" in text or "\u00f0" in text else text


# A hard wrap inside a paragraph (a dump wrapped at its width, a <br> mid-sentence): one line break
# between two pieces of one sentence, the second opening in lower case or with a digit. A piece that
# opens with a capital may be a line of its own (a letterhead's "Số:" line, a heading), so it joins
# only after a word `joins_capital` names (a document's type word: "Nghị quyết\nĐại hội"). A break
# after a closing mark, next to another break, or before a list mark ("- ", "•") stays.
_WRAP_BREAK = regex.compile(r"(?<=[^\s.;:!?…])[^\S\n]*\n[^\S\n]*(?=(\p{Ll}|\d)|\p{Lu}|[(“\"])")


def wrap_as_space(text: str, joins_capital: regex.Pattern[str] | None = None) -> str:
    """A paragraph's single line breaks inside a sentence read as spaces, same length."""
    if "\n" not in text:
        return text

    def join(match: regex.Match[str]) -> str:
        before = text[max(0, match.start() - 40):match.start()]
        if match.group(1) or (joins_capital is not None and joins_capital.search(before)):
            return match[0].replace("\n", " ")
        return match[0]
    return _WRAP_BREAK.sub(join, text)


# a piece that opens with a number goes on with a sentence only where a lower-case word follows the
# number ("26/9/2017 của Đảng ủy", "1.250 đảng viên") and the piece before asks for more (`number_after`:
# "... của" over "2 tỉnh ..."): a headline over a lead that opens with a figure ("27/63 bí thư ...") or a
# date in words ("27 tháng 4, 2021") looks the same, and a number closed by "." or ")" opens a list's item
_NUMBER_READ_ON = regex.compile(r"\d[\d.,/:%-]*(?<![.)])[^\S\n]+\p{Ll}")
_WEB_ADDRESS = regex.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)", regex.IGNORECASE)  # no word of a sentence


def carries_on(before: str, after: str, joins_capital: regex.Pattern[str] | None = None,
               number_after: regex.Pattern[str] | None = None) -> bool:
    """`after` goes on with the sentence `before` broke off at a single line break (`wrap_as_space`'s
    rule); a piece that opens with a number only after a piece `number_after` finds ends so, and one
    that opens with a web address never ("Đăng ngày: 20/11/2024" over "http://Có một nghề ...")."""
    if _WEB_ADDRESS.match(after.lstrip()):
        return False
    if after[:1].isdigit() and (number_after is None or number_after.search(before.rstrip()) is None
                                or _NUMBER_READ_ON.match(after) is None):
        return False
    return "\n" not in wrap_as_space(f"{before.rstrip()}\n{after.lstrip()}", joins_capital)


# A syllable's final y is also written i ("nhiệm kì", "qui định", "lí luận"), the spelling before the
# 1984 rules and still a school's habit: each pair has the same length, so offsets hold.
_FINAL_I = {"ì": "ỳ", "í": "ý", "ỉ": "ỷ", "ĩ": "ỹ", "ị": "ỵ", "i": "y"}
_FINAL_I_SYLLABLE = re.compile(r"(?<!\w)([qQ][uU]|[kKlL])([iìíỉĩị])(?!\w)")


def final_y(text: str) -> str:
    """The syllables "qui", "kì", "lí" (any tone) written with y ("quy", "kỳ", "lý"), same length.

    Only these: "kì"/"kỳ" and "lí"/"lý" are one word either way, and no Vietnamese syllable is "qui"
    but as "quy"; "ki", "li" with no tone are other words in loans ("ki-lô", "li-băng") and stay.
    """
    if not _FINAL_I_SYLLABLE.search(text):
        return text
    return _FINAL_I_SYLLABLE.sub(lambda m: m[1] + _FINAL_I[m[2].lower()] if m[2].lower() != "i" or
                                 m[1].lower() == "qu" else m[0], text)


def modern_tones(text: str, *, anywhere: bool = False) -> str:
    """Old tone placement moved to the modern one ("Uỷ ban Hoà" -> "Ủy ban Hòa"), and the look-alike
    eth read as Đ, same length.

    By default only at the end of a syllable and not after q; `anywhere` also moves the pairs inside
    words and after q ("hoàng" -> "hòang"), which is wrong spelling but harmless in a key that both
    sides of a comparison get.
    """
    pattern = _OLD_TONE_ANYWHERE if anywhere else _OLD_TONE_AT_END
    return pattern.sub(lambda m: _TONE_MOVES.get(m.group(), m.group()), eth_as_dj(text))


def tone_variants(term: str) -> set[str]:
    """The term in both tone placements, wherever the pairs stand, capitalised too: {"Thanh Hóa",
    "Thanh Hoá"}, {"Ủy viên", "Uỷ viên"}."""
    forms = {term}
    for old, new in _TONE_MOVES.items():
        forms |= {f.replace(new, old) for f in forms} | {f.replace(old, new) for f in forms}
    return forms


# --- sentence starts ----------------------------------------------------------------------------

# Punctuation as the segmenter writes it, word by word: a sentence's stop, what may close the sentence
# after it (a quotation mark or bracket), and what may open the next one.
STOP_TOKENS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING_TOKENS = frozenset({"”", '"', "’", "'", ")", "»"})
OPENING_TOKENS = frozenset({"“", '"', "(", "«", "-", "–", "—"})
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}  # an opening quotation mark -> the one that closes it

SENTENCE_OPENERS = " \t\"“”'‘’(-–—*•"  # may stand between a sentence's end and its first word
SENTENCE_ENDS = ".!?…:;\n"


def sentence_initial(text: str, start: int, *, look_back: int = 40, openers: str = SENTENCE_OPENERS,
                     ends: str = SENTENCE_ENDS, blank_window_opens: bool = True) -> bool:
    """Is `start` the first word of a sentence or line (quotes and dashes aside)?

    Reads `look_back` characters before `start`. When they are all openers and do not reach the
    text's start, nothing says where the sentence began: the answer is `blank_window_opens`.
    """
    before = text[max(0, start - look_back):start].rstrip(openers)
    if not before:
        return blank_window_opens or start <= look_back
    return before[-1] in ends


# An outlet's tag that opens a paragraph before a dash ("QTO - ", "(HNMO) - ", "VOV.VN - ", "(Dân trí) - "):
# the dash ends the tag, and the word after it begins the article's first sentence
_DATELINE_TAG = regex.compile(
    r"(?:^|\n)[ \t]*(?:\([^()\n]{1,30}\)|\p{Lu}[\p{Lu}\p{N}.]{1,11})[ \t]*[-–—][ \t]*$")


def after_dateline_tag(text: str, start: int) -> bool:
    """Does `start` follow an outlet's tag and its dash at a paragraph's start ("QTO - Thôn Hà Lệt ...")?"""
    return bool(_DATELINE_TAG.search(text, max(0, start - 40), start))


# --- alternations -------------------------------------------------------------------------------

Spaces = Literal["exact", "any", "inline", "plain", "optional"]
# What a space between two words of a term matches.
SPACE_PATTERNS: dict[str, str] = {
    "any": r"\s+",  # any run of white space, line breaks included
    "inline": r"[^\S\n]+",  # a run of white space within one line
    "plain": r"[ \t\xa0]+",  # a run of spaces, tabs or no-break spaces
    "optional": r"\s*",  # any white space or none ("Bài và ảnh", "Bàivàảnh")
}


def alternation(terms: Iterable[str], *, spaces: Spaces = "exact", ignore_case: bool = False) -> str:
    """A regex group matching any of the literal terms, the longest first so "Hà Nội" wins over "Hà".

    `spaces` says what a space inside a term matches: "exact" one space, otherwise the pattern of
    SPACE_PATTERNS. With `ignore_case` the group is case-insensitive (inline flag). No terms: a
    group that never matches. The result also compiles under the standard `re` module.
    """
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    if not ordered:
        return "(?!)"
    if spaces == "exact":
        body = "|".join(regex.escape(t) for t in ordered)
    else:
        gap = SPACE_PATTERNS[spaces]
        body = "|".join(gap.join(regex.escape(w) for w in t.split()) for t in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


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


# --- overlapping spans --------------------------------------------------------------------------


class Span(Protocol):
    """Anything with character offsets."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def _start(span: Span) -> int:
    return span.start


def _length(span: Span) -> int:
    return span.end - span.start


def longest_first(spans: Iterable[S], tiebreak: Callable[[S], Any] | None = None) -> list[S]:
    """Non-overlapping spans chosen greedily, the longest first, in text order.

    Between spans of equal length `tiebreak` (smallest first) decides, then the leftmost. Empty
    spans cover nothing and are left out.
    """
    ranked = sorted((s for s in spans if s.end > s.start), key=_start)
    if not ranked:
        return []
    if tiebreak:  # stable sorts, the last key first: length, then tiebreak, then start
        ranked.sort(key=tiebreak)
    ranked.sort(key=_length, reverse=True)
    taken = bytearray(max(s.end for s in ranked))  # linear in the characters covered
    kept: list[S] = []
    for span in ranked:
        if taken.find(1, span.start, span.end) < 0:
            taken[span.start:span.end] = b"\x01" * (span.end - span.start)
            kept.append(span)
    return sorted(kept, key=_start)
