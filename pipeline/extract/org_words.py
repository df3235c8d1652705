"""Tests on a word by itself: its case, a spelling no Vietnamese syllable has, the place it names."""

from __future__ import annotations

import re

try:
    from pipeline.extract.gazetteer import gazetteer as _place_gazetteer
except ImportError:  # without the place gazetteer, names are simply not checked against places
    _place_gazetteer = None

PLACES_KNOWN = _place_gazetteer is not None  # whether place_level can name any place at all
BIG_PLACES = ("country", "province", "other")  # places that are not also brand names, unlike communes

_VOWELS = "aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
TWO_SYLLABLES = re.compile(f"(?i)[{_VOWELS}][^{_VOWELS}\\W\\d_]+[{_VOWELS}]")  # "lựcquận", "Vietbank"
# capital vowels with a mark
_MARKED_CAPITALS = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
CAPITALS = f"A-ZĐ{_MARKED_CAPITALS}"  # every capital letter of Vietnamese, for inside a regex's [...]
SMALL = f"a-zđ{_VOWELS}"  # every small letter of Vietnamese, for inside a regex's [...]
_TONED_CAPITALS = re.compile(f"[{_MARKED_CAPITALS}]")
# a last letter no Vietnamese syllable ends in: any vowel (toned too: "Hà", "Phú") or c, m, n, p, t, g, h
_NOT_VIETNAMESE = re.compile(
    rf"[fjwzFJWZ]|[^\W\d_](?<![{_VOWELS}{_VOWELS.upper()}cmnptgh])$|[^cn]h$|[^n]g$")
FIELD_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")  # "PTNT", "XH", "DL": initials of a field's name


def capitalised(word: str) -> bool:
    """The word starts with a capital letter."""
    return word[:1].isupper()


def place_level(name: str) -> str | None:
    """The level of a known place ("country", "province", "district", "commune"), or None."""
    return _place_gazetteer().level_of(name) if _place_gazetteer is not None else None


def shouting(word: str) -> bool:
    """A word in capitals with Vietnamese tone marks is text in capitals ("TẠI ĐÂY"), not an acronym;
    initials written with stops are an abbreviation ("T.Ư" for Trung ương), whatever their letters."""
    return len(word) > 1 and word.isupper() and "." not in word and bool(_TONED_CAPITALS.search(word))


def foreign_word(word: str) -> bool:
    """A word no Vietnamese syllable could be: "Roberts", "Wu", "Zakharova" (not "Nam Kinh")."""
    return bool(TWO_SYLLABLES.search(word) or _NOT_VIETNAMESE.search(word))


def standalone_name(word: str) -> bool:
    """A capitalised word that is a name by itself, never a Vietnamese compound's syllable: a foreign
    name ("Ialy", "Oscar") or an acronym ("TPHCM", "AFC")."""
    acronym = len(word) > 1 and word.isupper() and word.isalpha() and not shouting(word)
    return capitalised(word) and (acronym or foreign_word(word))
