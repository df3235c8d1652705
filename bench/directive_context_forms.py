"""Forms of a coded or numbered reference that bring other words with them, for bench/directive_audit.py.

Each form rewrites a reference vnie gets right into a form pages write with more around it: the symbol
alone with no type ("theo 35-KH/TU"), a Party symbol in State order or with other dashes ("05/CT-TW",
"05–CT/TW"), the type abbreviated with "số", a date in numerals after it, the issuer its code names
after it ("của Tỉnh ủy", "của UBND tỉnh"), the number after the issuer or the date ("Chỉ thị của Ban
Thường vụ Tỉnh ủy số 05", "Kế hoạch ngày 25/10/2017 số 45"), a second number sharing the type and
symbol ("Nghị quyết số 18, 19-NQ/TW", "Chỉ thị 05 và 42"). A form gives (variant, the ids the sentence
must give); the first id is the reference's own, the others are the documents the form adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a coded reference: the number, then the rest of its symbol ("-CT/TW", "/QĐ-UBND", "/2020/NĐ-CP")
CODED = re.compile(r"(?<![\w/])(\d{1,5})((?:/(?:19|20)\d\d)?[-/][A-ZĐ][\w.&]*(?:[-/][A-ZĐ][\w.&]*)*)$")
PARTY_ID = re.compile(r"^(\d{1,5})-([A-ZĐ][\w.]*)/([A-ZĐ][\w.]*)$")
SHORT_ID = re.compile(r"^([A-ZĐ][^\d]*?) (\d{1,5})$")
# the body a symbol's issuer code names, as pages write it after "của"
CODE_ISSUERS = {"TW": "Ban Chấp hành Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy", "ThU": "Thành ủy",
                "ĐU": "Đảng ủy", "UBND": "UBND tỉnh", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ",
                "HĐND": "HĐND tỉnh", "BYT": "Bộ Y tế"}
Form = Callable[[str, str, str | None], list[tuple[str, list[str]]]]


def _other(number: str) -> str:
    """Another document number of the same width ("05" → "42"-like, kept apart from the first)."""
    value = int(number) + 37
    value += 200 if 1900 <= value < 2100 else 0  # a year-like number reads as a year, not a document
    other = str(value)
    return other.zfill(len(number)) if number.startswith("0") else other


def _swap_number(want: str, number: str, other: str) -> str:
    return other + want[len(number):] if want.startswith(number) else want


def _coded(surface: str, want: str) -> tuple[str, str, str] | None:
    """(the words before the number, the number, the symbol after it) of a coded reference."""
    match = CODED.search(surface)
    if not match or not want.startswith(match.group(1)):
        return None
    return surface[:match.start()], match.group(1), match.group(2)


def _bare(surface: str, want: str, kind: str | None) -> list[tuple[str, list[str]]]:
    parts = _coded(surface, want)
    return [(parts[1] + parts[2], [want])] if parts and kind else []


def _state_order(surface: str, want: str, kind: str | None) -> list[tuple[str, list[str]]]:
    match = PARTY_ID.match(want)
    parts = _coded(surface, want)
    if not match or not parts or "-" not in parts[2]:
        return []
    return [(f"{parts[0]}{match.group(1)}/{match.group(2)}-{match.group(3)}", [want])]


def _en_dash(surface: str, want: str, kind: str | None) -> list[tuple[str, list[str]]]:
    parts = _coded(surface, want)
    return [(parts[0] + parts[1] + parts[2].replace("-", "–"), [want])] if parts and "-" in parts[2] else []


def _abbr_so(surface: str, want: str, kind: str | None, abbr: Callable[[str], str | None]) -> list:
    short = kind and abbr(kind)
    parts = _coded(surface, want)
    if not short or not parts or not parts[0].startswith(kind):
        return []
    return [(f"{short} số {parts[1]}{parts[2]}", [want])]


def _dated(surface: str, want: str, kind: str | None, written: str) -> list[tuple[str, list[str]]]:
    return [(f"{surface}{written}", [want])] if _coded(surface, want) else []


def _issuer(surface: str, want: str, kind: str | None) -> list[tuple[str, list[str]]]:
    code = re.split(r"[-/]", want)[-1]
    body = CODE_ISSUERS.get(code)
    return [(f"{surface} của {body}", [want])] if body and _coded(surface, want) else []


def _shared(surface: str, want: str, kind: str | None, joiner: str, first: bool) -> list:
    """Two numbers sharing one symbol: "Nghị quyết số 18, 19-NQ/TW" (the reference first or second)."""
    parts = _coded(surface, want)
    if not parts or not parts[0].strip():
        return []
    number, other = parts[1], _other(parts[1])
    pair = (number, other) if first else (other, number)
    return [(f"{parts[0]}{pair[0]}{joiner}{pair[1]}{parts[2]}", [want, _swap_number(want, number, other)])]


def _year_first(surface: str, want: str, kind: str | None) -> list[tuple[str, list[str]]]:
    """A year-like number first in a list sharing a symbol, the type with no "số" ("Quyết định
    1980, 2217/QĐ-TTg"): alone, "Quyết định 1980" may be a year's; the symbol makes it a number."""
    parts = _coded(surface, want)
    if not parts or not kind or not parts[0].startswith(kind):
        return []
    head = parts[0][:len(kind)] + " "
    year_like = "1998" if parts[1] != "1998" else "2005"
    return [(f"{head}{year_like}, {parts[1]}{parts[2]}", [want, _swap_number(want, parts[1], year_like)])]


def _short_list(surface: str, want: str, kind: str | None, joiner: str, first: bool) -> list:
    """Two numbers after one type with no symbol: "Chỉ thị 05 và 42" (the reference first or second)."""
    match = SHORT_ID.match(want)
    number = re.search(r"(\d{1,5})$", surface)
    if not match or not number or number.group(1) != match.group(2) \
            or match.group(1) != (kind or "").capitalize():  # "lần thứ 5" is no document's number
        return []
    other = _other(match.group(2))
    head = surface[:number.start()]
    pair = (match.group(2), other) if first else (other, match.group(2))
    return [(f"{head}{pair[0]}{joiner}{pair[1]}", [want, f"{match.group(1)} {other}"])]


def _number_after(surface: str, want: str, kind: str | None, middle: str) -> list[tuple[str, list[str]]]:
    """The number written after the issuer or the issue date ("Chỉ thị của Bộ Chính trị số 05",
    "Kế hoạch ngày 25/10/2017 số 45/KH-UBND"), as letters and provincial pages order them."""
    if not kind or not surface.casefold().startswith(kind.casefold()):
        return []
    head = surface[:len(kind)]
    if parts := _coded(surface, want):
        return [(f"{head}{middle} số {parts[1]}{parts[2]}", [want])]
    match, number = SHORT_ID.match(want), re.search(r"(\d{1,5})$", surface)
    if not match or not number or number.group(1) != match.group(2) or match.group(1) != kind.capitalize():
        return []
    return [(f"{head}{middle} số {number.group(1)}", [want])]


def context_forms(abbr: Callable[[str], str | None]) -> dict[str, Form]:
    """The forms by name; `abbr` gives a type word's symbol abbreviation."""
    return {
        "bare-symbol": _bare,
        "state-order": _state_order,
        "en-dash": _en_dash,
        "abbr-so": lambda s, w, k: _abbr_so(s, w, k, abbr),
        "dated-slash": lambda s, w, k: _dated(s, w, k, " ngày 25/10/2017"),
        "dated-comma-dash": lambda s, w, k: _dated(s, w, k, ", ngày 25-10-2017"),
        "dated-issuer": lambda s, w, k: _dated(s, w, k, " ngày 25/10/2017 của Ban Chấp hành Trung ương"),
        "issuer-of-code": _issuer,
        "issuer-then-number": lambda s, w, k: _number_after(s, w, k, " của Ban Thường vụ Tỉnh ủy"),
        "level-issuer-then-number": lambda s, w, k: _number_after(s, w, k, " của UBND tỉnh"),
        "date-then-number": lambda s, w, k: _number_after(s, w, k, " ngày 25/10/2017"),
        "date-issuer-then-number": lambda s, w, k: _number_after(s, w, k, ", ngày 25-10-2017 của HĐND huyện"),
        "shared-comma": lambda s, w, k: _shared(s, w, k, ", ", True),
        "shared-comma-second": lambda s, w, k: _shared(s, w, k, ", ", False),
        "shared-and": lambda s, w, k: _shared(s, w, k, " và ", True),
        "shared-year-first": _year_first,
        "short-list-and": lambda s, w, k: _short_list(s, w, k, " và ", True),
        "short-list-and-second": lambda s, w, k: _short_list(s, w, k, " và ", False),
        "short-list-comma": lambda s, w, k: _short_list(s, w, k, ", ", True),
    }
