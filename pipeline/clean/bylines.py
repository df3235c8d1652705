"""Bylines in the forms news pages print them, and the names they give.

"Bài, ảnh: Triều Dương", "NGUYÊN ĐOAN |", "Lam Giang| 24/10/2017 10:03", "THANH HẢI - NGỌC TÚ",
"Hồng Minh (ghi)", "Minh Hằng (Huyện đoàn Phú Bình)", "Nguyễn Thị Tuyết - Ban Tuyên giáo Huyện ủy",
"ThS. Trần Minh Đức", "Theo Đức Tuân/baochinhphu.vn", "Nhóm PV": each is a name (or names) with a
role, a unit, a date or a source around it. The shapes decide; the prefix words come from
`rules/boilerplate.yml`.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from pipeline.clean.shapes import has_lowercase, is_name, is_name_with_posts, is_syllable, words
from pipeline.name_syllables import opens_a_body, reads_as_words
from pipeline.people_rules import name_syllables
from pipeline.place_names import opening_place_words
from pipeline.text import ascii_words, casefold_words

SEPARATOR = regex.compile(r"\s*(?:,|;|\s[-–]\s|(?<=\p{L})[-–]\s|\s[-–](?=\p{L})|&|\bvà\b)\s*")  # "A- B" too
PIPE = regex.compile(r"\s*[|｜•·]\s*")
NAME_PARTS = regex.compile(r"[ \-]+")  # a name's syllables (and its hyphenated parts)
PARENTHESIS = regex.compile(r"^(?P<name>[^()]+?)\s*\((?P<aside>[^()]*)\)\s*\.?$")
SLASH_SOURCE = regex.compile(r"^(?P<name>[^/]+?)\s*/\s*(?P<source>\S+)$")  # "Đức Tuân/baochinhphu.vn"
TEAM = regex.compile(r"^(?:nhóm|nhóm phóng viên|nhóm pv|pv|ctv|phóng viên)(?:\s+\S+){0,3}$", regex.IGNORECASE)
# the newsroom's roles that sign without a person: reporter, contributor, and in initials the editorial
# board (BBT, ban biên tập) and an editor (BTV, biên tập viên)
BARE_ROLE = regex.compile(r"^(?:pv|ctv|phóng viên|cộng tác viên|p\.v|bbt|btv)$", regex.IGNORECASE)
# a reporter's initials without dots ("HMT", "NTN"): one capital for each of a full name's three
# syllables (family, middle and given name), each a letter a Vietnamese syllable opens with (no F, J,
# W or Z: "VNF" is a site's tag); unit acronyms run to four letters or more ("UBND", "MTTQ", "TTXVN")
BARE_INITIALS = regex.compile(r"^[A-EGHIK-VXYĐ]{3}$")
# "PV Minh Anh": a role before the name
ROLE = regex.compile(r"^(?:nhóm\s+)?(?:pv|ctv|phóng viên|cộng tác viên)\s+(?P<name>.+)$", regex.IGNORECASE)
OUTLET_AFTER_SLASH = regex.compile(r"^(?P<name>[^/]+?)\s*/\s*(?P<outlet>\S+)$")  # "Minh Anh/VOV.VN"
# "Tin: Minh Anh; ảnh: Thu Hà": the photo credit after the author
CREDIT_AFTER = regex.compile(r"\s*[;,]\s*\p{Ll}[\p{L} ]{0,20}:.*$")
MAX_BYLINE_WORDS = 12
FULL_NAME_SYLLABLES = 3  # a family name, a middle name, a given name; pen names have two
# the levels of local government (Luật Tổ chức chính quyền địa phương) as `ascii_words` folds them
LEVELS = "xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh"
# the same levels with their tone marks ("Quân", "Tình" are given names): a name-shaped line that opens
# with one names a place or its unit ("TỈNH AN GIANG", "Huyện Hương Khê", "Tỉnh Đoàn Khánh Hòa"), no person
# ("Thị Xã" alone too: a level with no place after it is a menu's or a heading's word, no person)
LEVEL_OPENING = regex.compile(r"^(?:thị\s+trấn|thị\s+xã|thành\s+phố|tỉnh|huyện|quận|xã|phường)(?:\s|$)",
                              regex.IGNORECASE)
# a level with a place's name after it inside the line ("ĐOÀN THỊ TRẤN PHÚ": the Youth Union of the town
# of Phú; "Hội Nông dân xã Hòa An"): a unit of the place, no person; at a name's end a level may be a
# given name ("Hoàng Văn Tỉnh"), and "Phường" is one ("Nguyễn Phường")
LEVEL_WITH_PLACE = regex.compile(r"\s(?:thị\s+trấn|thị\s+xã|thành\s+phố|tỉnh|huyện|quận|xã)\s+(?-i:\p{Lu})",
                                 regex.IGNORECASE)
# a province's or district's name with this many words after it is a headline cut short ("Hà Tĩnh Hướng
# Tới", "BẠCH THÔNG RỘN RÀNG"); the name alone is a pen name ("Hà Giang"), one syllable more may be one too
WORDS_AFTER_PLACE = 2
UNIT_MIN_WORDS = 3  # a unit alone is its head and a name ("Đài Kim Bảng"); two words may be a person's


def strip_honorific(name: str, honorifics: regex.Pattern) -> str:
    """"ThS. Trần Minh Đức" → "Trần Minh Đức"; a name with no title is returned as it is."""
    return honorifics.sub("", name.strip()).strip()


def names_in(text: str, honorifics: regex.Pattern, units: regex.Pattern | None = None) -> list[str] | None:
    """The names a line made of names gives ("THANH HẢI - NGỌC TÚ" → two), or None if it is not one.

    Around the names a unit or role may follow a dash or sit in brackets ("- Ban Tuyên giáo ...",
    "(ghi)"); a date or nothing may follow a bar ("NAME |"). `units` opens a unit's name ("Báo Quảng
    Ninh" after "Minh Anh - " is where she works, not a second author).
    """
    stripped = text.strip().rstrip(".")
    posts = is_name_with_posts(stripped)  # the author's posts may run long after the name
    bracketed = PARENTHESIS.match(stripped)  # a unit in brackets runs long: "(NCS. Khoa ..., Học viện ...)"
    counted = bracketed["name"] if bracketed and words(bracketed["aside"]) <= MAX_BYLINE_WORDS else stripped
    if not stripped or words(counted) > MAX_BYLINE_WORDS * (2 if posts else 1):
        return None
    head = CREDIT_AFTER.sub("", PIPE.split(stripped, maxsplit=1)[0])
    aside = PARENTHESIS.match(head)
    if aside:  # "Hồng Minh (ghi)", "Minh Hằng (Huyện đoàn Phú Bình)"
        head = aside["name"]
    slashed = OUTLET_AFTER_SLASH.match(head)
    if slashed and is_name(slashed["name"]) and not is_name(slashed["outlet"]):
        head = slashed["name"]  # the outlet after the slash is not a second author
    head = _name_before_unit(head, units)
    role = ROLE.match(head)
    if role and (named := names_in(role["name"], honorifics, units)):
        return named  # "PV Minh Anh": the role is not part of the name
    if TEAM.match(head) or BARE_ROLE.match(head):
        return []  # "PV", "Nhóm PV": a reporter or a team signs, no person named
    names: list[str] = []
    for position, part in enumerate(_joined_names(SEPARATOR.split(head))):
        name = strip_honorific(part, honorifics)
        if LEVEL_OPENING.match(name) or LEVEL_WITH_PLACE.search(name) or (
                units is not None and (is_signing_unit(name, units) or (names and units.match(name)))):
            if not names:
                return None  # "Đài Kim Bảng", "TỈNH AN GIANG": a unit or a place signs it, no person
            break
        if is_name(name):
            names.append(name)
        elif names and (outlet := _name_over_outlet(name)):
            names.append(outlet)  # "Thu Hằng, Quang Hưng/VOV.VN": the outlet after the last name's slash
            break
        elif position == 0 or not names or not part[:1].isupper():
            return None
        elif names == [names[0]] and _is_place(names[0]) and (units is None or units.match(part) is None):
            return None  # "SÓC TRĂNG - CHẶNG ĐƯỜNG", "THANH HÓA, NGÀY 27/4": a place heads a headline, a lead
        else:
            break  # "Nguyễn Thị Tuyết - Ban Tuyên giáo Huyện ủy Đại Lộc": the unit after the name
    return names or None


def _name_over_outlet(part: str) -> str | None:
    """The name of "Quang Hưng/VOV.VN" (a name, a slash, an outlet that is no name), else None."""
    slashed = OUTLET_AFTER_SLASH.match(part.strip())
    if slashed and is_name(slashed["name"]) and not is_name(slashed["outlet"]):
        return slashed["name"]
    return None


def is_full_name(name: str) -> bool:
    """A name of three or four syllables is a full name: a family name opens it or a middle name ("Văn",
    "Thị") is its second syllable ("Nguyễn Thị Thu Hà", "Lăng Văn Tuấn"); a reporter's pen name of two
    syllables has neither. Four capitalised words without them are a headline cut short or a unit
    ("NÂNG CAO CHẤT LƯỢNG", "Tổ Chức Giải Báo"). Initials are left to their own shape. A name of any
    length whose given syllables the corpus writes as ordinary words, never in names, is none; nor is
    one with a level and a place's name inside."""
    parts = [casefold_words(part, nfc=True) for part in NAME_PARTS.split(name.strip())]
    if reads_as_words(name):
        return False  # "Tôn Vinh Những Người", "MỘT ĐIỂM": capitalised words no name is made of
    if LEVEL_WITH_PLACE.search(name):
        return False  # "ĐOÀN THỊ TRẤN PHÚ": a unit of a place, its level inside
    if opens_a_body(name):
        return False  # "Đoàn Cục Kiểm Lâm": the union or delegation of a body, "Đoàn" no family name here
    if opens_with_place_and_words(name):
        return False  # "Hà Tĩnh Hướng Tới": a headline about a place, cut short
    if len(parts) < FULL_NAME_SYLLABLES or "." in name:
        return True
    surnames, middle_names = name_syllables()
    return parts[0] in surnames or parts[1] in middle_names


def opens_with_place_and_words(name: str) -> bool:
    """A province's or district's name and two words or more after it ("BẠCH THÔNG RỘN RÀNG": Bạch
    Thông is a district of Bắc Kạn) open a headline, not a name; a middle name after the place makes
    it a family name and a person's ("Hoàng Mai Thị Lan" would not open a headline)."""
    parts = name.split()
    size = opening_place_words(parts)
    if not size or len(parts) - size < WORDS_AFTER_PLACE:
        return False
    _, middle_names = name_syllables()
    return casefold_words(parts[size], nfc=True) not in middle_names


def _name_before_unit(head: str, units: regex.Pattern | None) -> str:
    """The name of "Hồng Mai Trung tâm TT/GDSK": a name, then her unit with no dash between (the
    unit opens with a capital and a unit's word, has words enough not to be a third syllable, and
    ends with a proper name or an acronym, where a sentence ends with a lowercase word)."""
    if units is None or is_name(head):
        return head
    parts = head.split()
    for k in range(2, min(4, len(parts) - UNIT_MIN_WORDS) + 1):
        unit = " ".join(parts[k:])
        if is_name(" ".join(parts[:k])) and unit[:1].isupper() and parts[-1][:1].isupper() \
                and units.match(unit):
            return " ".join(parts[:k])
    return head


def is_newsroom_signature(text: str) -> bool:
    """A newsroom's signature that names no person, alone on its line ("PV", "Nhóm PV", "BBT", "P.V"):
    never a sentence of the article, wherever it stands (a widget the cleaner kept may follow it)."""
    stripped = text.strip().rstrip(".")
    return TEAM.match(stripped) is not None or BARE_ROLE.match(stripped) is not None


def bare_initials(text: str) -> str | None:
    """The initials a reporter signs with alone on a line ("HMT"), unless they name a newsroom's role."""
    stripped = text.strip().rstrip(".")
    return stripped if BARE_INITIALS.match(stripped) and not BARE_ROLE.match(stripped) else None


def is_signing_unit(text: str, units: regex.Pattern) -> bool:
    """A unit's name with words enough to sign an article alone ("Đài Kim Bảng", "Phòng Công tác
    Sinh viên"); two words that open like a unit may be a person's name."""
    return units.match(text) is not None and words(text) >= UNIT_MIN_WORDS


# "Đồng chí Vũ Thế Kỳ -Trưởng ban ...": after the form of address, a name, a dash, the post in capitals
NAME_THEN_POST = regex.compile(r"^(?P<name>[^-–,:]+?)\s*[-–]\s*\p{Lu}")


def is_addressed_with_post(text: str, address: regex.Pattern, honorifics: regex.Pattern) -> bool:
    """A person addressed ("Đồng chí", "Ông", "Th.S"), named, then a dash and the person's post ("Th.S
    Nguyễn Quốc Thới – Giảng viên nghề ..."): a photo's caption or a byline. A headline names a person
    after the post ("Bí thư Tỉnh ủy Nguyễn Văn A thăm ...") or before a colon."""
    stripped = text.strip()
    addressed = address.match(stripped) or honorifics.match(stripped)
    if addressed is None:
        return False
    found = NAME_THEN_POST.match(stripped[addressed.end():])
    return found is not None and is_name(found["name"].strip())


# "Lò Văn Mạnh - Sở Tư pháp Sơn La": the names, a spaced dash, then the unit the author works in
NAMES_DASH_UNIT = regex.compile(r"^(?P<names>[^-–]+?)\s+[-–]\s+(?P<unit>\p{Lu}[^-–]+)$")


def names_over_unit(text: str, honorifics: regex.Pattern, units: regex.Pattern) -> list[str] | None:
    """The names of "Lò Văn Mạnh - Sở Tư pháp Sơn La" (people, a dash, their unit ending in its proper
    name or acronym): a byline wherever it stands, however short the headline over it. A place before
    the dash ("Đà Nẵng - Trung tâm ...") heads a headline; names that read as words are no people."""
    found = NAMES_DASH_UNIT.match(text.strip().rstrip("."))
    if found is None or not is_signing_unit(found["unit"], units):
        return None
    if not found["unit"].split()[-1][:1].isupper():
        return None  # "Sở Y tế tổ chức tập huấn": a sentence about the unit, its last word lowercase
    names = names_in(found["names"], honorifics, units)
    if not names or not all(is_full_name(name) and not _is_place(name) for name in names):
        return None
    return names


def _is_place(name: str) -> bool:
    """The name is a province's or district's name, whole."""
    parts = name.split()
    return opening_place_words(parts) == len(parts)


def is_name_with_unit(text: str) -> bool:
    """A name with its unit in brackets ("NGUYỄN VĂN AN (NCS. Học viện ...)"): a byline, no headline."""
    bracketed = PARENTHESIS.match(text.strip())
    return bracketed is not None and is_name(bracketed["name"])


def _joined_names(parts: list[str]) -> list[str]:
    """Two names a bare hyphen joins ("Nguyễn Phường-Châu Kha") apart; a name itself has no hyphen
    between syllables of two words each."""
    out: list[str] = []
    for part in parts:
        name, _, role = part.rpartition("-")
        if name and is_name(name.strip()) and role.strip().isupper() and not is_syllable(role.strip()):
            out.append(name.strip())  # "Doãn Thị Ý-TPT", "Lê Thảo-CTV": the post's acronym after the name
            continue
        halves = part.split("-")
        if len(halves) == 2 and all(words(h) >= 2 and is_name(h) for h in halves):
            out.extend(h.strip() for h in halves)
        else:
            out.append(part)
    return out


def source_author(rest: str, honorifics: regex.Pattern) -> list[str]:
    """The person a source line credits: "Theo Đức Tuân/baochinhphu.vn" → ["Đức Tuân"]; else []."""
    rest = rest.strip().lstrip(":").strip()
    slashed = SLASH_SOURCE.match(rest)
    if slashed and not is_name(slashed["source"]):
        name = strip_honorific(slashed["name"], honorifics)
        return [name] if is_name(name) else []
    aside = PARENTHESIS.match(rest)  # "Theo Minh Anh (Báo Nhân Dân)"
    if aside:
        name = strip_honorific(aside["name"], honorifics)
        return [name] if is_name(name) else []
    # "Theo MINH ANH": a reporter's name in capitals; "Theo Nhân Dân" names a paper as often as a person
    return [rest] if is_name(rest) and not any(c.islower() for c in rest) else []


def names_the_sites_place(name: str, texts: Iterable[str]) -> bool:
    """The signature is the place whose portal the page is: a line of the page in capitals (its
    masthead or footer) prints it after a level of local government ("TRANG THÔNG TIN ĐIỆN TỬ XÃ
    HOẰNG XUÂN" over the signature "Hoàng Xuân"; tone marks aside, which a typist may get wrong)."""
    spelled = " ".join(ascii_words(name))
    if not spelled:
        return False
    after_level = regex.compile(rf"\b(?:{LEVELS}) {regex.escape(spelled)}\b")
    return any(after_level.search(" ".join(ascii_words(text))) for text in texts if not has_lowercase(text))
