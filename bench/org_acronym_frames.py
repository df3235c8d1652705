"""Frames of org_extent_audit.py for an acronym defined inside a name, the name going on after it.

"Bộ đội Biên phòng (BĐBP) tỉnh An Giang", "Hội Liên hiệp Phụ nữ (LHPN) huyện X": the body's short form
in brackets after its head's words, then the unit's place. The names are gold names vnie finds that end
on an administrative word and its place; the acronym (the initials of the words before the place) is put
before the administrative word. The expected organisation is the gold name without the bracket; in the
`acr-reused` frame the short form with the place ("LHPN huyện X") written later must be a mention of it.

The `after-*` frames put a name's own initials in brackets right after it ("Đảng ủy Khối cơ quan
(ĐUKCQ)"): gold names of at least three plain words with a lower-case word among them, where a scan may
stop short; the name must come out whole with the acronym among its mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.evaluate import _name
from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_words import place_level

# {A}: the name with the acronym inside; {S}: the acronym and the place, as the article writes it later
ACRONYM_FRAMES: dict[str, str] = {
    "acr-verb": "Hôm qua, {A} đã tổ chức hội nghị.",
    "acr-cua": "Đây là kết quả của {A} trong năm qua.",
    "acr-person": "Thay mặt {A} đồng chí Nguyễn Văn An phát biểu.",
    "acr-reused": "Hôm qua, {A} đã tổ chức hội nghị. Sau đó, {S} kiểm tra địa bàn.",
}
_PLACED = re.compile(r"^(.+?) ((?:tỉnh|huyện|xã|thành phố|quận|phường|thị xã) ([A-ZÀ-ỸĐ].*))$")
AFTER_FRAMES: dict[str, str] = {
    "after-verb": "Hôm qua, {N} ({I}) đã tổ chức hội nghị.",
    "after-cua": "Đây là kết quả của {N} ({I}) trong năm qua.",
}
KINDS = ("exact", "too long", "too short", "crossed", "missed")


def acronym_names(names: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(file stem, name, name with its acronym inside, acronym + place) for gold names of at least two
    plain words (no acronym, number or punctuation) before an administrative word and its place."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for stem, name in names:
        placed = _PLACED.match(name)
        if placed is None:
            continue
        words = placed.group(1).split()
        if len(words) < 2 or not all(w.isalpha() and w[1:] == w[1:].lower() for w in words) or (
                place_level(placed.group(3)) in (None, "country")):
            continue  # "Thông tấn xã Việt Nam", "Hợp tác xã X": the word is the name's, not a place's
        acronym = "".join(_initial(w) for w in words)
        inside = f"{placed.group(1)} ({acronym}) {placed.group(2)}"
        out.setdefault(name, (stem, name, inside, f"{acronym} {placed.group(2)}"))
    return list(out.values())


def after_names(names: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(file stem, name, its initials) for gold names of three or more plain words, one in lower case."""
    out: dict[str, tuple[str, str, str]] = {}
    for stem, name in names:
        words = name.split()
        plain = all(w.isalpha() and w[1:] == w[1:].lower() for w in words)  # no acronym inside
        if len(words) >= 3 and plain and any(w.islower() for w in words[1:]):
            out.setdefault(name, (stem, name, "".join(_initial(w) for w in words)))
    return list(out.values())


def after_report(names: list[tuple[str, str]], details: bool) -> None:
    """Per frame, how a name with its initials in brackets right after it comes out."""
    cases = after_names(names)
    print(f"{len(cases)} names with their initials in brackets after them")
    wrong: list[str] = []
    for frame, text in AFTER_FRAMES.items():
        table: Counter[str] = Counter()
        for stem, name, initials in cases:
            kind, got = _covered(name, text.replace("{N}", name).replace("{I}", initials), initials)
            table[kind] += 1
            if kind != "exact":
                wrong.append(f"  {frame:15} {kind:9} {stem:22} {name!r} ({initials}) -> {got!r}")
        print(f"{frame:15} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    if details:
        print("\n".join(wrong))


def _initial(word: str) -> str:
    """A word's initial as acronyms write it: capital, tone marks dropped, "Đ" kept ("Ủy" -> "U")."""
    first = word[0].upper()
    return first if first == "Đ" else unicodedata.normalize("NFD", first)[0]


def _judge(name: str, found: list[str]) -> tuple[str, str]:
    """How the organisations found cover the name (keys, as the passage writes it without the bracket)."""
    want = _name(name)
    if want in found:
        return "exact", want
    for kind, test in (("too long", lambda got: want in got), ("too short", lambda got: got in want)):
        got = next((g for g in found if test(g)), None)
        if got is not None:
            return kind, got
    return "missed", ""


def _covered(name: str, passage: str, short: str | None) -> tuple[str, str]:
    """How the organisations extracted from the passage cover the name (`_judge`), "crossed" when the
    name is found whole but its short form (when one is asked for) is not among its mentions."""
    orgs = extract(build_document(text=passage)).get("organizations", [])
    kind, got = _judge(name, [_name(o) for o in orgs])
    if kind == "exact" and short is not None:
        mine = next(o for o in orgs if _name(o) == _name(name))
        if short not in [m["text"] for m in mine.get("mentions", [])]:
            return "crossed", "short form apart"
    return kind, got


def acronym_report(names: list[tuple[str, str]], details: bool) -> None:
    """Per frame, how the name with an acronym inside comes out; `acr-reused` also needs the later short
    form among the name's mentions."""
    cases = acronym_names(names)
    print(f"{len(cases)} names with an acronym put before their place")
    print(f"{'frame':15} " + " ".join(f"{k:>9}" for k in KINDS))
    wrong: list[str] = []
    for frame, text in ACRONYM_FRAMES.items():
        table: Counter[str] = Counter()
        for stem, name, inside, short in cases:
            passage = text.replace("{A}", inside).replace("{S}", short)
            kind, got = _covered(name, passage, short if "{S}" in text else None)
            table[kind] += 1
            if kind != "exact":
                wrong.append(f"  {frame:15} {kind:9} {stem:22} {inside!r} -> {got!r}")
        print(f"{frame:15} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    if details:
        print("\n".join(wrong))
