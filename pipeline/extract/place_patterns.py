"""Place patterns and the checks a candidate name passes, shared by the ways places are found.

The compiled patterns of `rules/locations.yml` (administrative words, cues, regions, countries),
whether a capitalised run may stand alone as a place, and the mention a place makes (whether it sits
inside an organisation's name: `place_in_bodies.py`). `pipeline/extract/kinds/locations.py` finds
places with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import (
    NEEDS_ADMIN_WORD,
    Gazetteer,
    PhraseIndex,
    gazetteer,
    location_rules,
    place_key,
)
from pipeline.extract.province_list import province_list
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import alternation, sentence_initial, tone_variants, trie_alternation, unlike_a_syllable

CAP = r"\p{Lu}[\p{Ll}\p{M}]*"
# a syllable of a name; Central Highlands names join two with an apostrophe ("Ia H'Drai", "M'Đrắk"),
# some pages with a space after a one-letter syllable's ("Đắk R' Lấp")
NAME_WORD = rf"(?:\p{{Lu}}['’][ ]\p{{Lu}}[\p{{Ll}}\p{{M}}]*|{CAP}(?:['’]\p{{L}}[\p{{Ll}}\p{{M}}]*)?)"
# a capitalised syllable that is not a whole upper-case acronym ("UBND") of two letters or more
NAME_RUN = rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,4}}"
ROAD_CODE = r"\d{1,3}[A-Z]?(?![\p{L}\p{N}]|[.,]\d)"  # "1A", "14", "741" (not "5.000")
BARE_DISTRICT = "bare district"  # a district name alone: a place only when `_bare_places` (kinds) says so
# a word in capitals, "&" or a hyphen inside ("BVĐK", "TTPBXH", "PT&TH", "LĐ-TB&XH"): a body's short name
ACRONYM = r"\p{Lu}(?:[\p{Lu}&]|-(?=\p{Lu})){1,9}"
LISTED_HEAD_WORDS = 2  # words after a plural head before its colon ("các trường THPT: ")
LEADING_WORDS = 5  # how many syllables of a run after an admin word can form a name
INTRODUCED_GAP = 120  # characters between a plural admin word and the "gồm:" that opens its list


@dataclass(frozen=True)
class LocationPatterns:
    """Everything compiled once per process."""

    admin: regex.Pattern
    admin_level: dict[str, str]
    named: PhraseIndex  # provinces, aliases, countries, regions and districts as written -> level
    org_tail: regex.Pattern
    org_head_end: regex.Pattern  # an organisation's head ending where the search ends
    branch_head: regex.Pattern  # a Party body's head, whose name may end "tại" a place
    org_inner: regex.Pattern  # a lower-case word inside an organisation's name ("nhân dân")
    not_after: regex.Pattern
    compound_tails: dict[str, set[str]]
    plural_before: regex.Pattern
    list_next: regex.Pattern
    introduced: regex.Pattern  # "08 xã đủ điều kiện ... gồm: ", "4 xã (" before a list of names
    openers: frozenset[str]
    numbered: regex.Pattern  # "quận 3", "phường 12"
    cues: CuePatterns  # "quốc lộ 1A", "sân bay Nội Bài"
    lower_cues: frozenset[str]
    cue_prefixes: frozenset[str]
    cue_compounds: frozenset[str]  # words a lower-case cue ends as a common noun ("miền núi", "đầu cầu")
    bare_kinds: frozenset[str]
    segmented_admin: frozenset[str]  # admin words only where the segmenter starts a word ("bản")
    acronym_body: regex.Pattern  # a body's acronym ("BVĐK", "TTPBXH", "PT&TH"), none of `acronyms_not_bodies`
    listed_bodies: regex.Pattern  # "các trường THPT: ": a plural head before a list of bodies
    admin_syllables: frozenset[str]  # the syllables of the administrative words ("thị", "xã")


def abbreviated_word(abbreviation: str) -> str:
    """The administrative word an address abbreviation stands for ("Q." -> "quận")."""
    return next(e["full"] for e in location_rules()["numbered_abbreviations"] if e["term"] == abbreviation)


def place_capitalised(term: str) -> str:
    """The name with its first letter capitalised, the rest as written ("quận 10" -> "Quận 10")."""
    return term[:1].upper() + term[1:]


REGION_PART = "Bộ"  # the last word of the country's parts ("Bắc Bộ", "Đông Nam Bộ"), written either way


def case_variants(term: str) -> set[str]:
    """A place's name with its lower-case words capitalised or not, as the press writes region names:
    "đồng bằng sông Cửu Long", "Đồng bằng Sông Cửu Long", "Đồng Bằng Sông Cửu Long"; "Châu Âu"; the
    part of the country in lower case too ("Bắc bộ", "Đông Nam bộ")."""
    forms = {""}
    words = term.split(" ")
    for i, word in enumerate(words):
        options = {word, place_capitalised(word)} if word.islower() else {word}
        if i and i == len(words) - 1 and word == REGION_PART:
            options.add(word.lower())  # "đồng bằng Bắc bộ", "Nam bộ": the part of the country in lower case
        forms = {f"{form} {option}" if i else option for form in forms for option in options}
    return forms


def region_variants(term: str, level: str) -> set[str]:
    """A place's case variants; a region named by a common noun ("Trung du và miền núi phía Bắc",
    "Duyên hải Nam Trung Bộ": the second word in lower case) is written with that noun in lower case
    mid-sentence too ("các tỉnh trung du miền núi phía Bắc")."""
    forms = case_variants(term)
    words = term.split(" ")
    if level == "other" and len(words) > 1 and words[0][:1].isupper() and words[1].islower():
        forms |= case_variants(" ".join([words[0].lower(), *words[1:]]))
    return forms


def head_variants(term: str) -> set[str]:
    """An organisation's head as written, and with its later words in the other case: the press writes
    "Viện kiểm sát" and "Viện Kiểm sát", "Đảng Cộng sản" and "Đảng cộng sản"."""
    first, _, rest = term.partition(" ")
    lowered = f"{first} {rest.lower()}" if rest and not rest.isupper() else term
    return case_variants(term) | case_variants(lowered)


@compiled
def patterns() -> LocationPatterns:
    """Compile the rule file and gazetteer into regexes."""
    rules = location_rules()
    gaz = gazetteer()
    admin_level: dict[str, str] = {}
    admin_alts: list[str] = []
    for entry in rules["admin_words"]:
        # "Thành Phố Hồ Chí Minh", "Thị Xã Sơn Tây": some pages capitalise every word of it
        every_word = " ".join(place_capitalised(w) for w in entry["term"].split(" "))
        for form in {entry["term"], place_capitalised(entry["term"]), every_word}:
            admin_level[form.casefold()] = entry["level"]
            admin_alts.append(form)
    for entry in rules["segmented_admin_words"]:  # lower case only: "Bản" opens "Bản đồ", "Nhật Bản"
        admin_level[entry["term"]] = entry["level"]
        admin_alts.append(entry["term"])
    # an abbreviation with a dot may touch its name ("TP.Vinh")
    dotted = alternation(a for a in admin_alts if a.endswith("."))
    # a colon may follow a plural one: "các huyện: Bát Xát, Sa Pa" (checked where it matches)
    plain = alternation(a for a in admin_alts if not a.endswith("."))
    admin_pattern = rf"{dotted}\s*|{plain}(?:[ \t]*:[ \t]*|[ \t]+)"
    # a name may have two parts joined by a hyphen ("Phan Rang - Tháp Chàm", "Trung Lương - Mỹ Thuận");
    # a run stops before a capitalised word of a unit that has a level ("Tp.Bảo Lộc - Huyện Bảo Lâm",
    # "Phường Lộc Phát Tp.Bảo Lộc"): that word opens the next place of an address
    units = alternation(f for e in rules["admin_words"] if e["level"] != "other"
                        for f in {e["term"], place_capitalised(e["term"])} if f[:1].isupper())
    word = rf"(?!(?:{units})(?![\p{{L}}]))"
    run = (rf"{NAME_WORD}(?:[ ]{word}{NAME_WORD}){{0,4}}"
           rf"(?:[ ]?[-–][ ]?{word}{CAP}(?:[ ]{word}{CAP}){{0,3}})?")
    admin = regex.compile(rf"(?<![\p{{L}}\p{{N}}.])(?P<admin>(?:{admin_pattern}))(?P<name>{run})")
    numbered_words = alternation([f for e in rules["admin_words"] if e.get("numbered")
                                   for f in (e["term"], place_capitalised(e["term"]))])
    abbreviations = alternation(e["term"] for e in rules["numbered_abbreviations"])
    # "Tổ dân phố số 6": "số" (number) may stand between the word and its number, and stays in the name
    numbered = regex.compile(rf"(?<![\p{{L}}\p{{N}}.])(?:(?P<admin>{numbered_words})[ ]"
                             rf"|(?P<abbr>{abbreviations})[ ]?)(?P<name>(?:số[ ])?\d{{1,2}})"
                             r"(?![\p{L}\p{N}/]|[.,]\d)")  # "thôn 13/13": a share of the villages

    named = PhraseIndex()
    for key in gaz.districts:  # first, so that a province of the same name overwrites its city
        for form in tone_variants(" ".join(w[:1].upper() + w[1:] for w in key.split(" "))):
            named.add(form, BARE_DISTRICT)
    for key, short in gaz.provinces.items():
        if key == place_key(short) and key not in NEEDS_ADMIN_WORD:
            for form in tone_variants(short):
                named.add(form, "province")
    for unit in province_list().units.values():  # aliases as rules/provinces.yml writes them ("TP.HCM")
        for alias in unit.aliases:
            for form in tone_variants(alias):
                named.add(form, "province")
    for place in rules["places"]:
        for written in region_variants(place["term"], place["level"]):
            for form in tone_variants(written):
                named.add(form, place["level"])

    # a head of several words is written in sentence case or title case ("Viện kiểm sát", "Viện Kiểm sát");
    # as a trie: org_tail and head_end search a window at every place, and a flat alternation of the
    # ~300 heads made org_tail cost three times as much (same matches: a case-sensitive trie tries the
    # heads that fit at a place longest first too)
    heads = trie_alternation(sorted({form for h in rules["org_heads"] for form in head_variants(h["term"])}))
    inner = alternation([w["term"] for w in rules["org_inner_words"]])
    # org names capitalise each word's first syllable only: "Sở Tài nguyên và Môi trường"
    breakers = alternation([w["term"] for w in rules["org_breakers"]])
    # "Trường THCS số 2 Nghệ An": a unit's number is part of its name
    # an acronym may stand in brackets after the long form ("Bộ đội Biên phòng (BĐBP) tỉnh") and a
    # residential unit's acronym takes its number ("Chi hội Phụ nữ TDP 16 phường Xuân Đỉnh")
    acronym = r"\p{Lu}[\p{Lu}&\d]+"
    # "Hội người mù": the people an association gathers, a noun and at most two lower-case words
    members = alternation([w["term"] for w in rules["org_member_nouns"]])
    lower = rf"[ ](?!(?:{breakers})(?!\p{{L}}))\p{{Ll}}+"
    org_word = (rf"{CAP}(?:{lower})?|{acronym}(?:[ ]\d{{1,3}})?"
                rf"|\({acronym}\)|{inner}|[-–&]|số[ ]\d{{1,3}}|(?:{members})(?:{lower}){{0,2}}")
    org_tail = regex.compile(rf"(?<![\p{{L}}])(?:{heads})(?:\s+(?:{org_word}))*\s+$")
    after_words = alternation([w["term"] for w in rules["not_after"]])
    not_after = regex.compile(rf"(?<![\p{{L}}])(?:{after_words})\s+$")
    compound_tails: dict[str, set[str]] = {}
    for entry in rules["compound_tails"]:
        compound_tails.setdefault(entry["head"], set()).add(entry["term"])
    plural = alternation([w["term"] for w in rules["plural_markers"]])
    plural_before = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{plural}|\d+)\s+$", regex.IGNORECASE)
    list_next = regex.compile(rf"(?:\s*,\s*|\s+và\s+|\s+,\s+)(?P<name>{NAME_RUN})")
    plural_admin = alternation([e["term"] for e in rules["admin_words"] if not e["term"].endswith(".")])
    counted_cues = alternation([c["term"] for c in rules["place_cues"] if c.get("counted")])
    introducers = alternation([w["term"] for w in rules["list_introducers"]])
    # "4 xã (Đồng Tiến, Lưu Hoàng, ...)": the list may stand in brackets right after the counted word
    opens_list = rf"(?:[ ]?(?P<bracket>\()|[^.;!?\n:]{{0,{INTRODUCED_GAP}}}?[ ](?:{introducers})[ ]?:?[ ])"
    # a counted cue lists places of its kind too, also right after a colon ("3 vịnh: Vân Phong, Nha Trang")
    introduced = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:(?P<count>\d+)|{plural})[ ]"
        rf"(?:(?P<admin>{plural_admin})(?![\p{{L}}]){opens_list}"
        rf"|(?P<admin>{counted_cues})(?![\p{{L}}])(?::[ ]|{opens_list}))"
        r"(?=\p{Lu})", regex.IGNORECASE)
    openers = frozenset(w["term"] for w in rules["openers"])
    head_end = regex.compile(rf"(?<![\p{{L}}])(?:{heads})$")
    not_bodies = alternation(w["term"] for w in rules["acronyms_not_bodies"])
    branch_heads = alternation([form for h in rules["org_heads"] if h.get("branch")
                                  for form in head_variants(h["term"])])
    branch_head = regex.compile(rf"(?<![\p{{L}}])(?:{branch_heads})(?![\p{{L}}])")
    return LocationPatterns(admin, admin_level, named, org_tail, head_end, branch_head,
                            regex.compile(inner), not_after, compound_tails, plural_before, list_next,
                            introduced, openers, numbered,
                            cue_pattern(rules["place_cues"], rules["cue_qualifiers"], rules["org_breakers"],
                                        [e["term"] for e in rules["admin_words"] if e["level"] != "other"]),
                            frozenset(c["term"] for c in rules["place_cues"] if c.get("lower_only")),
                            frozenset(w["term"] for w in rules["cue_prefixes"]),
                            frozenset(w["term"] for w in rules["cue_compounds"]),
                            frozenset(w["term"] for w in rules["bare_district_kinds"]),
                            frozenset(w["term"] for w in rules["segmented_admin_words"]),
                            regex.compile(rf"(?!(?:{not_bodies})$){ACRONYM}"),
                            regex.compile(rf"(?<![\p{{L}}])(?:{plural}|\d+)[ ](?:{heads})"
                                          rf"(?:[ ][\p{{L}}&]+){{0,{LISTED_HEAD_WORDS}}}[ ]?:[ ]",
                                          regex.IGNORECASE),
                            frozenset(syllable for key in admin_level for syllable in key.split()))


@dataclass(frozen=True)
class CuePatterns:
    """Cue words (found first, with the fast `re` engine) and what may follow each."""

    cue: re.Pattern[str]
    named: frozenset[str]  # cues followed by a capitalised name ("cầu Rồng")
    coded: frozenset[str]  # cues followed by a road code ("QL1A", "quốc lộ 14")
    name: regex.Pattern
    unit_name: regex.Pattern  # a unit with its administrative word ("tỉnh Hà Nam") after a `by_unit` cue
    by_unit: frozenset[str]  # zones a unit may name ("Khu Công nghệ cao tỉnh Hà Nam")
    code: regex.Pattern
    described: frozenset[str]  # cues whose name may follow a description in lower case
    prefixed: frozenset[str]  # lower-case cues capitalised: cues only after a prefix ("dòng Sông Chảy")
    capitalised: frozenset[str]  # of those, the ones a place's own name opens with ("Sông Hương")
    described_name: regex.Pattern  # "dệt thổ cẩm Đam Pao" after "Làng nghề"


MAX_DESCRIBED = 4  # lower-case syllables between a described cue and its name ("dâu tằm tơ")


def cue_pattern(cues: list[dict[str, Any]], qualifiers: list[dict[str, Any]],
                breakers: list[dict[str, Any]], units: list[str]) -> CuePatterns:
    """Cue, then a capitalised name or a road code, as each cue takes ("quốc lộ 1A", "cầu Rồng"); a
    qualifier may stand between a named cue and its name ("nghĩa trang liệt sĩ Trường Sơn"), and after a
    `described` cue a few lower-case syllables that are no breaker ("Làng nghề dệt thổ cẩm Đam Pao");
    a cue that counts capitalised may be named after a unit with its administrative word ("Khu Công
    nghệ cao tỉnh Hà Nam", "Nhà văn hóa trung tâm xã Chi Lăng Nam")."""
    # "đường Lê Lợi Quận 1" ends at Quận ("đường Nguyễn Thị Minh Khai" goes on)
    admin_words = r"(?:Quận|Phường|Huyện|Tỉnh|Xã|Thị xã|Thị trấn|Thành phố|TP)(?!\p{L})"
    word = rf"(?!{admin_words})(?:\p{{Lu}}[\p{{Lu}}\p{{N}}]+|{CAP})(?![\p{{L}}\p{{N}}])"  # "Rồng", "VSIP"
    # a phase or unit number may end the name where punctuation follows it ("KCN VSIP 2, ...")
    number = r"(?:[ ]\d{1,2}(?=[,;.:)]|[ ]và[ ]|[ ]\(|$))?"  # "Đông Anh 5 (thị trấn Nam Ban)"
    unit = rf"(?:{alternation(u for u in units if u.islower())})[ ]|TP\.?[ ]?"  # "tỉnh Hà Nam", "TP.HCM"
    qualifier = rf"(?:[ ](?i:{alternation(q['term'] for q in qualifiers)})(?=[ ](?:{unit})?\p{{Lu}}))?"
    name_words = rf"{word}(?:[ ]{word}){{0,4}}(?:[ ]?[-–][ ]?{word}(?:[ ]{word}){{0,3}})?{number}"
    name = rf"{qualifier}[ ]{name_words}"
    # a lower-case cue written with a capital is a name's own first word ("Sông Công", "Cầu Giấy"), unless
    # a classifier stands before it ("dòng Sông Chảy", "cây Cầu Rồng")
    prefixed = {place_capitalised(c["term"]) for c in cues if c.get("lower_only")} - {c["term"] for c in cues}
    return CuePatterns(
        cue=re.compile(r"(?<!\w)" + trie_alternation([c["term"] for c in cues] + sorted(prefixed))),
        named=frozenset([c["term"] for c in cues if c["takes"] in ("name", "both")] + sorted(prefixed)),
        coded=frozenset(c["term"] for c in cues if c["takes"] in ("code", "both")),
        name=regex.compile(name),
        unit_name=regex.compile(rf"{qualifier}[ ](?:{unit}){name_words}"),
        by_unit=frozenset(c["term"] for c in cues if c.get("by_unit")),
        code=regex.compile(rf"\.?[ ]?{ROAD_CODE}"),
        described=frozenset(c["term"] for c in cues if c.get("described")),
        prefixed=frozenset(prefixed),
        capitalised=frozenset(place_capitalised(c["term"]) for c in cues if c.get("capitalised")),
        described_name=regex.compile(
            rf"(?:[ ](?!(?:{alternation([b['term'] for b in breakers] + ['và'])})(?!\p{{L}}))\p{{Ll}}+)"
            rf"{{1,{MAX_DESCRIBED}}}(?=[ ]\p{{Lu}}){name}"),
    )


def known_prefix(words: list[str], gaz: Gazetteer) -> str | None:
    """The longest leading run of `words` that the gazetteer knows at any level."""
    for size in range(min(len(words), LEADING_WORDS), 0, -1):
        candidate = " ".join(words[:size])
        if gaz.level_of(candidate):
            return candidate
    return None


MIN_FOREIGN_LETTERS = 3  # "thành phố St. Petersburg", "Thành phố Z": a letter or two name nothing alone


def foreign_name(words: list[str]) -> bool:
    """Is every word of a run no Vietnamese syllable ("Detroit", "Samut Prakan")? After the word of a
    unit (a city, a district, a province) such a run is a unit abroad that no gazetteer of Vietnam
    knows, where a run of Vietnamese syllables may be a common phrase ("xã Nông thôn mới") or a
    person after an office's unit ("Chủ tịch UBND tỉnh Trần Xuân Dưỡng")."""
    return all(len(word) >= MIN_FOREIGN_LETTERS and unlike_a_syllable(word) for word in words)


# what stands between a unit and the country that holds it: "tỉnh Sê Kông, Lào", "tỉnh Kam Pot
# (Campuchia)", "tỉnh Mae Hong Son của Thái Lan"
_BEFORE_HOLDER = regex.compile(r",[ ]|[ ]\(|[ ]của[ ]")
_HOLDER_REACH = 30  # characters after the gap in which the country's name is looked up
_AFTER_HOLDER = regex.compile(rf"[ ]{CAP}")  # "..., Anh Tuấn": a capital going on makes it no country


def held_abroad(text: str, end: int, pats: LocationPatterns, gaz: Gazetteer) -> bool:
    """Does a country other than Vietnam follow the run ending at `end`, after a comma, an opening
    bracket or "của", and end there ("tỉnh Sê Kông, Lào")? Then the run is a unit abroad even where
    its syllables look Vietnamese, which `foreign_name` cannot tell."""
    gap = _BEFORE_HOLDER.match(text, end)
    if gap is None:
        return False
    window = text[gap.end():gap.end() + _HOLDER_REACH]
    first = pats.named.find(window)[:1]
    if not first or first[0][0] != 0 or first[0][2] != "country":
        return False
    key = place_key(window[:first[0][1]])
    return not gaz.is_home_country(key) and not _AFTER_HOLDER.match(window, first[0][1])


def admin_name(run: str, level: str, gaz: Gazetteer) -> str | None:
    """The place name at the start of a capitalised run after an administrative word."""
    words = run.split(" ")
    known = known_prefix(words, gaz)
    if known and (" " in known or len(words) == 1 or level == "province"):
        return known  # a one-syllable ward ("Quế") does not end "xã Quế Trung"
    if "-" in words or "–" in words:  # an unknown hyphenated run: the name is its first part
        words = words[:min(words.index(w) for w in ("-", "–") if w in words)]
    if len(words) == 1 or level == "province":
        if not known and level != "other" and foreign_name(words):
            return " ".join(words)  # "thành phố Detroit", "tỉnh Samut Prakan": a unit abroad
        return known  # "xã Nông thôn mới"; and every province is known ("tỉnh Trần Xuân Dưỡng" is not)
    return " ".join(words[:3]) if len(words) <= 3 else " ".join(words[:2])


# a number after a name: "ấp Bình An 2", "phường Cổ Nhuế 1"; then the next word, if any
_SUFFIX_NUMBER = regex.compile(r"[ ](?P<number>\d{1,2})(?![\p{L}\p{N}]|[.,/]\d)"
                               r"(?:[ ](?P<next>\p{Ll}+(?:[ ]\p{Ll}+)?))?")


def numbered_name(text: str, end: int, name: str, level: str, gaz: Gazetteer) -> str:
    """The name with the number that follows it, where the number tells apart units of one name
    ("ấp Bình An 2", "phường Cổ Nhuế 1", "làng Linh Đông 1 có 300 hộ"): a commune or district only as
    the gazetteer knows it so; a village or hamlet when no noun follows the number, which it would count
    ("thôn Phú Mỹ 3 năm liền": three years)."""
    match = _SUFFIX_NUMBER.match(text, end)
    if match is None:
        return name
    numbered = f"{name} {match.group('number')}"
    following = match.group("next")
    if level != "other":
        # "huyện Phú Hòa 1 thôn": the number counts the noun after it, though "Phú Hòa 1" is a ward
        # elsewhere; an administrative word after it starts the next unit ("phường Mỹ Đình 2 quận ...")
        counted = following is not None and _counted_noun(text, match.start("next"), following.split(" ")[0])
        return numbered if gaz.level_of(numbered) and not counted else name
    if following is None:
        return numbered  # punctuation, a capital or the end after the number
    # the segmenter's word of two syllables when the corpus knows it ("tổ chức"), else the first syllable
    kind = word_class(following) or word_class(following.split(" ")[0])
    return numbered if kind in ENDS_A_NAME else name


_NAMED_NEXT = regex.compile(r"\p{Ll}+[ ]\p{Lu}")  # "quận Nam Từ Liêm": a word, then a capitalised name


def _counted_noun(text: str, start: int, first: str) -> bool:
    """Is `first`, the lower-case word at `start` after a number, a noun the number counts ("1 thôn",
    "12 trường hợp"), not an administrative word naming the next unit ("2 quận Nam Từ Liêm")?"""
    if first in patterns().admin_syllables and _NAMED_NEXT.match(text, start):
        return False
    return word_class(first) == "noun"


def place_admin_level(admin: str, name: str, pats: LocationPatterns, gaz: Gazetteer) -> str:
    """Level given by the administrative word; a "thành phố" that is a province stays a province."""
    level = pats.admin_level.get(admin.strip().casefold(), "other")
    key = place_key(name)
    if key in gaz.places:
        return gaz.places[key]
    city = admin.strip().casefold().replace(".", "").startswith(("thành phố", "tp"))  # "T.P" too
    if level == "district" and city and key in gaz.province_cities:
        return "province"
    if city and key not in gaz.districts and key not in gaz.provinces:
        return "other"  # "thành phố Vũ Hán": a city abroad
    if not known_spelling(name, gaz) and foreign_name(name.split(" ")):
        return "other"  # "tỉnh Salavan", "quận Yongsan": a unit abroad has none of Vietnam's levels
    return level


_CURLY_APOSTROPHE = str.maketrans({"’": "'"})


def known_spelling(name: str, gaz: Gazetteer) -> bool:
    """Does the gazetteer know the name as written, with its apostrophes straight or dropped? The
    Central Highlands' names are written either way ("Đắk G'Long" is "Đắk Glong", "Đắk R’Moan" is
    "Đắk R'Moan", "K'bang" is "Kbang")."""
    straight = name.translate(_CURLY_APOSTROPHE)
    return any(gaz.level_of(form) for form in (name, straight, straight.replace("'", "")))


# "phía Tây Nam Nghệ An", "hướng Đông Bắc Hà Nội", "miền Đông Ukraine": a compass point after a word of
# direction or region is no part of the place's name that follows it
COMPASS_POINTS = ("Đông", "Tây", "Nam", "Bắc")
_POINT = f"(?:{'|'.join(COMPASS_POINTS)})"
_COMPASS_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:phía|hướng|vùng|miền)[ ]{_POINT}(?:[ ]{_POINT})?[ ]$")
PREV_CAP = regex.compile(rf"(?<![\p{{L}}]){CAP}[ ]$")
NEXT_CAP = regex.compile(rf"^[ ]{CAP}")
NEXT_WORD = regex.compile(r"^[ ]([\p{Ll}]+)")


def bare_name_ok(text: str, start: int, end: int, pats: LocationPatterns) -> bool:
    """A bare place name must stand alone: not inside a longer name, a language or a person's cue."""
    surface = text[start:end]
    if NEXT_CAP.match(text[end:end + 30]):
        return False  # "Thái Bình Dương", "Việt Nam Airlines", "Mỹ Tho"
    previous = PREV_CAP.search(text[max(0, start - 30):start])
    if previous and not (previous.group(0).strip() in pats.openers
                         and sentence_initial(text, start - len(previous.group(0)))) \
            and not _COMPASS_BEFORE.search(text, max(0, start - 30), start):
        return False  # "Tuấn Anh", "Nguyễn Hà Nam"; but "Tại Hà Nội", "phía Tây Nam Nghệ An"
    if pats.not_after.search(text[max(0, start - 20):start]):
        return False  # "tiếng Anh", "ông Đức"
    if " " not in surface:
        if surface == "Anh" and sentence_initial(text, start):
            return False  # sentence-initial "Anh" is the pronoun
        tail = NEXT_WORD.match(text[end:end + 20])
        if tail and tail.group(1) in pats.compound_tails.get(surface, ()):
            return False  # "Mỹ phẩm", "Ý kiến", "Pháp luật"
    return True


def place_mention(segment: Segment, start: int, end: int, name: str, level: str, admin: bool) -> Mention:
    """A LOC mention of characters start..end; `admin`: its level comes from an administrative word."""
    return Mention("LOC", start, end, segment.text[start:end], segment.field,
                   {"name": name, "level": level, "admin": admin})
