"""Places listed after one administrative word ("các xã Tân Thiềng, Vĩnh Thành và Hòa Nghĩa", "08 xã
... gồm: Lại Xuân, Kỳ Sơn", "4 xã (Đồng Tiến, Lưu Hoàng)"), each a place of the word's level, or after
a counted place cue ("3 vịnh: Vân Phong, Nha Trang"), each a place of its kind."""

from __future__ import annotations

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import Gazetteer
from pipeline.extract.people_patterns import looks_foreign
from pipeline.extract.place_patterns import (
    BARE_DISTRICT,
    NAME_WORD,
    NEXT_CAP,
    LocationPatterns,
    admin_name,
    patterns,
    place_admin_level,
    place_capitalised,
    place_mention,
)
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import alternation

MAX_LISTED = 30  # items read after one plural administrative word

_LOWER_TAIL = regex.compile(r"[ ]\p{Ll}+(?![\p{L}\p{N}])")


def list_continuation(segment: Segment, pos: int, admin: str, pats: LocationPatterns,
                       gaz: Gazetteer, plural: bool) -> list[Mention]:
    """"các xã Tân Thiềng, Vĩnh Thành và Hòa Nghĩa": the names listed after a plural admin word; after
    a singular one ("huyện Bát Xát, Sa Pa"), only names the gazetteer knows at the word's level."""
    found: list[Mention] = []
    level_of_word = pats.admin_level.get(admin.strip().casefold(), "")
    while True:
        match = pats.list_next.match(segment.text, pos)
        if not match:
            return found
        name = admin_name(match.group("name"), level_of_word, gaz)
        if name and (tail := _LOWER_TAIL.match(segment.text, match.start("name") + len(name))) and \
                gaz.level_of(name + tail.group()):
            name += tail.group()  # "Thanh thuỷ và Yên Lập": a known name with a syllable in lower case
        if not name or len(name.split()) > 3 or (not plural and (
                gaz.level_of(name) != level_of_word or NEXT_CAP.match(segment.text[match.start("name")
                                                                                     + len(name):]))):
            return found
        start = match.start("name")
        level = place_admin_level(admin, name, pats, gaz)
        found.append(place_mention(segment, start, start + len(name), name, level, True))
        pos = start + len(name)


_LISTED_ITEM = regex.compile(rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}}"
                             rf"(?:[ ]\d{{1,2}}(?![\p{{L}}\p{{N}}])|[ ](?!và(?!\p{{L}}))\p{{Ll}}+)?")
# after an item, the district it lies in may stand in brackets ("Cảnh Tiên (Trùng Khánh); Kéo Yên");
# items are parted by a comma, a semicolon or "và", or by nothing but a space after such brackets
_ITEM_SEPARATOR = regex.compile(r"(?:[ ]?\([^()\n]{1,40}\))?(?:[ ]?[,;][ ]?(?:và[ ])?|[ ]và[ ])"
                                r"|[ ]?\([^()\n]{1,40}\)[ ](?=\p{Lu})")


@compiled
def _item_admin() -> regex.Pattern:
    """An administrative word an item repeats before its name ("gồm: xã Vĩnh Phong (Bảo Lâm); Cảnh
    Tiên"): it is skipped and the item read from the name on."""
    words = alternation(w for w in patterns().admin_level if not w.endswith("."))
    return regex.compile(rf"(?i:{words})[ ](?=\p{{Lu}})")


def _listable(item: str, indexed: bool, gaz: Gazetteer) -> bool:
    """A listed item is a place unless it is one unknown Vietnamese syllable ("Đại" of "Đại học ...")
    or a letter ("D" of "D.C."); a foreign one ("Takeo", "Kandal") may be a place abroad."""
    if " " in item or indexed or gaz.level_of(item):
        return True
    return len(item) > 1 and looks_foreign([item])


def _enough_items(text: str, cue: regex.Match, items: list[tuple[int, int]]) -> bool:
    """Two items at least; a list in brackets after its counted word ("4 xã (Đồng Tiến, Lưu Hoàng,
    ...)") only when its bracket closes right after the last item, which is then enough alone where
    the count says one ("1 xã (Vạn Kim)")."""
    if not cue.group("bracket"):
        return len(items) >= 2
    if not items or not text.startswith(")", items[-1][1]):
        return False  # "2 tỉnh (Hà Nội là ...": a bracket that says more than names
    return len(items) >= 2 or (cue.group("count") is not None and int(cue.group("count")) == len(items))


def introduced_list(segment: Segment, pats: LocationPatterns, gaz: Gazetteer) -> list[Mention]:
    """"08 xã đủ điều kiện xét công nhận ... gồm: Lại Xuân, Kỳ Sơn, An Sơn": names listed after a
    plural administrative word and "gồm"/"là" in the same sentence, or in brackets right after a counted
    one ("huyện Ứng Hòa có 4 xã (Quảng Phú Cầu, Đồng Tiến, ...)"), each a place of the word's level;
    after a counted place cue ("3 vịnh: Vân Phong, Nha Trang"), places of its kind at the level the
    gazetteer knows, else "other".
    An item is a capitalised run (a number may end it: "Mỹ Đình 1") or a written form the place index
    knows ("TP. HCM"); a lower-case syllable stays in it only when the gazetteer knows the whole or a
    separator follows ("Kiền bái, Hoàng Động"). The list ends at the first item that is not a name;
    two items at least, else nothing is taken (`_enough_items`)."""
    text = segment.text
    found: list[Mention] = []
    cues = list(pats.introduced.finditer(text))
    known = {start: (end, level) for start, end, level in pats.named.find(text)} if cues else {}
    for cue in cues:
        admin = cue.group("admin")
        items: list[tuple[int, int]] = []
        pos = cue.end()
        for _ in range(MAX_LISTED):
            if repeated := _item_admin().match(text, pos):
                pos = repeated.end()
            item = _LISTED_ITEM.match(text, pos)
            if item is None and pos not in known:
                break
            end = max(known.get(pos, (pos, ""))[0], item.end() if item else pos)
            words = text[pos:end].split(" ")
            while (len(words) > 1 and words[-1].islower() and not gaz.level_of(" ".join(words))
                   and not _ITEM_SEPARATOR.match(text, pos + len(" ".join(words)))):
                words.pop()  # "Tân Dương tăng": the lower-case word is the sentence going on
            end = pos + len(" ".join(words))
            if _listable(text[pos:end], pos in known, gaz):
                items.append((pos, end))
            separator = _ITEM_SEPARATOR.match(text, end)
            if separator is None:
                break
            pos = separator.end()
        if not _enough_items(text, cue, items):
            continue
        by_cue = admin.strip().casefold() not in pats.admin_level  # "3 vịnh: Vân Phong, Nha Trang"
        for start, end in items:
            name = text[start:end]
            level = place_admin_level(admin, name, pats, gaz)
            indexed = known.get(start, (0, BARE_DISTRICT))
            whole = indexed[0] == end and indexed[1] != BARE_DISTRICT
            known_level = indexed[1] if whole else gaz.level_of(name)
            if by_cue:
                level = known_level or "other"  # a cue gives a kind, not a level: "Nha Trang" stays a city
            elif level in ("province", "district") and known_level and known_level != level:
                level = known_level  # "6 tỉnh/thành phố gồm Hà Nội, Thủ Đức", "4 thành phố là TP. HCM"
            found.append(place_mention(segment, start, end, name, level, not by_cue))
    return found




# the next number of a list after a numbered administrative word ("các quận 1, 3 và 5"): a comma or "và",
# then one or two digits that no letter, digit, slash or decimal part goes on from
_NEXT_NUMBER = regex.compile(r"(?:,[ ]?|[ ]và[ ]|,[ ]và[ ])(?P<number>\d{1,2})(?![\p{L}\p{N}/]|[.,]\d)")


def numbered_list(segment: Segment, pos: int, admin: str, level: str) -> list[Mention]:
    """"các quận 1, 3 và 5", "các phường 2, 7": after a plural numbered administrative word each number
    listed names a place of that word as the first one does ("Quận 3", "Quận 5")."""
    found: list[Mention] = []
    word = " ".join(admin.split())
    for _ in range(MAX_LISTED):
        match = _NEXT_NUMBER.match(segment.text, pos)
        if match is None:
            break
        start, end = match.span("number")
        name = place_capitalised(f"{word} {match.group('number')}")
        found.append(place_mention(segment, start, end, name, level, True))
        pos = end
    return found
