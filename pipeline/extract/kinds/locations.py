"""Named places: provinces, districts, communes (underthesea's gazetteer), countries and regions.

A bare province, country or region name is a place; a district or commune needs its administrative
word ("huyện Tiền Hải", "phường Kỳ Bá") because many such names are also common words or people.
Mentions include the administrative word, the entry's `name` does not. A place that is part of an
organisation's name ("Công an tỉnh Thái Bình") is left to the organisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import regex

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.gazetteer import (
    Gazetteer,
    PhraseIndex,
    gazetteer,
    place_key,
    province_from_outlet,
)
from pipeline.extract.kinds.people import looks_foreign
from pipeline.extract.place_patterns import (
    BARE_DISTRICT,
    CAP,
    NAME_RUN,
    NAME_WORD,
    NEXT_CAP,
    CuePatterns,
    LocationPatterns,
    admin_name,
    bare_name_ok,
    inside_org,
    known_prefix,
    patterns,
    place_admin_level,
    place_capitalised,
    place_mention,
)
from pipeline.extract.upper_places import upper_case_places
from pipeline.kinds import named_kind, register_kind
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import alternation, longest_first, modern_tones, sentence_initial, tone_variants

MAX_LISTED = 30  # items read after one plural administrative word


_COUNTED = regex.compile(r"\d[ ]$")


def _admin_mentions(segment: Segment, pats: LocationPatterns, gaz: Gazetteer,
                    learned: dict[str, str], words: frozenset[int]) -> list[Mention]:
    """Places after an administrative word; every such name (even inside an organisation's) is
    `learned`, so that the article's later bare uses of it are found too."""
    text = segment.text
    found: list[Mention] = []
    for match in pats.admin.finditer(text):
        admin, start = match.group("admin"), match.start()
        if admin.strip(" \t:") in pats.segmented_admin and (
                start not in words or _COUNTED.search(text, max(0, start - 6), start)):
            continue  # "văn bản Hướng dẫn": part of a word; "1 bản Khơ Mú": a village of a people
        if admin[:1].isupper() and pats.admin_level.get(admin.strip().casefold()) == "other" and \
                gaz.level_of(f"{admin.strip()} {match.group('name').split(' ')[0]}"):
            continue  # "Buôn Hồ", "Buôn Ma Thuột": a village word that starts a known unit's own name
        plural = bool(pats.plural_before.search(text[max(0, start - 12):start]))
        if ":" in admin:
            if not plural:
                continue  # "Chủ tịch UBND xã: Nguyễn Văn A": a singular admin word before a colon
            admin = admin.replace(":", "")
        name = admin_name(match.group("name"), pats.admin_level.get(admin.strip().casefold(), ""), gaz)
        after_word = pats.not_after.search(text[max(0, start - 20):start])
        if name and not after_word and admin[:1].islower() and " " in name:
            learned.setdefault(place_key(name), place_admin_level(admin, name, pats, gaz))
        if not name or after_word or inside_org(text, start, pats):
            continue
        inside_name = admin[:1].isupper() and not admin.isupper() and not sentence_initial(text, start)
        if inside_name and not gaz.level_of(name):
            continue  # "Bà Huyện Thanh Quan": a capitalised admin word inside another name
        level = place_admin_level(admin, name, pats, gaz)
        end = match.start("name") + len(name)
        found.append(place_mention(segment, start, end, name, level, True))
        found.extend(_list_continuation(segment, end, admin, pats, gaz, plural))
    return found


_LOWER_TAIL = regex.compile(r"[ ]\p{Ll}+(?![\p{L}\p{N}])")


def _list_continuation(segment: Segment, pos: int, admin: str, pats: LocationPatterns,
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


def _introduced_list(segment: Segment, pats: LocationPatterns, gaz: Gazetteer) -> list[Mention]:
    """"08 xã đủ điều kiện xét công nhận ... gồm: Lại Xuân, Kỳ Sơn, An Sơn": names listed after a
    plural administrative word and "gồm"/"là" in the same sentence, each a place of the word's level.
    An item is a capitalised run (a number may end it: "Mỹ Đình 1") or a written form the place index
    knows ("TP. HCM"); a lower-case syllable stays in it only when the gazetteer knows the whole or a
    separator follows ("Kiền bái, Hoàng Động"). The list ends at the first item that is not a name;
    two items at least, else nothing is taken."""
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
        if len(items) < 2:
            continue
        for start, end in items:
            name = text[start:end]
            level = place_admin_level(admin, name, pats, gaz)
            indexed = known.get(start, (0, BARE_DISTRICT))
            whole = indexed[0] == end and indexed[1] != BARE_DISTRICT
            known_level = indexed[1] if whole else gaz.level_of(name)
            if level in ("province", "district") and known_level and known_level != level:
                level = known_level  # "6 tỉnh/thành phố gồm Hà Nội, Thủ Đức", "4 thành phố là TP. HCM"
            found.append(place_mention(segment, start, end, name, level, True))
    return found


def _named_mentions(segment: Segment, pats: LocationPatterns, words: frozenset[int],
                    districts: list[tuple[int, int]]) -> list[Mention]:
    """Provinces, countries and regions named alone; district names alone are left in `districts`
    for `_bare_places`, which needs the whole article."""
    text = segment.text
    found: list[Mention] = []
    for start, end, level in pats.named.find(text):
        if level == BARE_DISTRICT:
            districts.append((start, end))
            continue
        if not bare_name_ok(text, start, end, pats) or inside_org(text, start, pats, words):
            continue
        found.append(place_mention(segment, start, end, text[start:end], level, False))
    return found


def _numbered_mentions(segment: Segment, pats: LocationPatterns) -> list[Mention]:
    """"quận 3", "phường 12": the number names the place together with its administrative word."""
    text = segment.text
    found: list[Mention] = []
    for match in pats.numbered.finditer(text):
        if not inside_org(text, match.start(), pats):
            level = pats.admin_level.get(match.group("admin").casefold(), "other")
            name = place_capitalised(" ".join(match.group(0).split()))  # "quận 10" and "Quận 10": one place
            found.append(place_mention(segment, match.start(), match.end(), name, level, True))
    return found


def _cue_mentions(segment: Segment, pats: LocationPatterns, words: frozenset[int]) -> list[Mention]:
    """Places led by a cue, the cue kept in the name: "quốc lộ 1A", "sân bay Nội Bài", "cầu Rồng"."""
    text = segment.text
    found: list[Mention] = []
    cues = pats.cues
    for found_cue in cues.cue.finditer(text):
        start, cue = found_cue.start(), found_cue.group()
        match = (cues.name.match(text, found_cue.end()) if cue in cues.named else None) or (
            cues.code.match(text, found_cue.end()) if cue in cues.coded else None) or (
            cues.described_name.match(text, found_cue.end()) if cue in cues.described else None)
        if match is None or _cue_before_cue(text, found_cue.end(), cues):
            continue
        before = text[max(0, start - 12):start].split()
        prefixed = bool(before) and before[-1] in pats.cue_prefixes
        if ((cue in pats.lower_cues and start not in words) or cue in cues.prefixed) and not prefixed:
            continue  # "yêu cầu", "thành phố", "Sông Công"; but "tuyến đường", "dòng Sông Chảy"
        if cue in pats.lower_cues and before and before[-1].casefold() in pats.cue_compounds:
            continue  # "vùng núi Tây Bắc", "đầu cầu Hà Nội": a common noun before a place of its own
        if inside_org(text, start, pats, words):
            continue  # "Ban Quản lý Khu kinh tế Dung Quất" is the board
        if not _ends_a_word(text, match.end(), words):
            continue  # "phố Trung thu", "cầu Tình yêu": the name's last word is a longer common word
        found.append(place_mention(segment, start, match.end(), text[start:match.end()], "other", False))
        if cue in cues.named and pats.plural_before.search(text[max(0, start - 12):start]):
            found.extend(_cue_list(segment, match.end(), pats, words))
    return found


def _cue_before_cue(text: str, end: int, cues: CuePatterns) -> bool:
    """"đường ĐT.741", "tuyến đường Quốc lộ 1A": a road cue names no road of its own where another
    cue and its code follow; the inner cue and code are the place."""
    inner = cues.cue.match(text, end + 1) if text[end:end + 1] == " " else None
    return bool(inner and inner.group() in cues.coded and cues.code.match(text, inner.end()))


_CUE_LIST_GAP = regex.compile(r",|[ ]và(?=[ ])")


def _ends_a_word(text: str, end: int, words: frozenset[int]) -> bool:
    """Does a name end where a word of the segmenter ends, not inside one ("cầu Tình yêu")?"""
    return not (end < len(text) and text[end] == " " and end + 1 not in words)


def _cue_list(segment: Segment, pos: int, pats: LocationPatterns, words: frozenset[int]) -> list[Mention]:
    """"các KCN Nam Sách, Phú Thái và Lai Vu": after a plural cue, the names listed with the first are
    places of the same kind, each named as written (the cue is not repeated)."""
    text = segment.text
    found: list[Mention] = []
    for _ in range(MAX_LISTED):
        gap = _CUE_LIST_GAP.match(text, pos)
        item = pats.cues.name.match(text, gap.end()) if gap else None
        if item is None or not _ends_a_word(text, item.end(), words):
            break
        start = item.start() + 1
        found.append(place_mention(segment, start, item.end(), text[start:item.end()], "other", False))
        pos = item.end()
    return found


_ORG_PLACE = regex.compile(rf"(?<![\p{{L}}])(?:Huyện|Thành|Quận|Thị)[ ](?:ủy|uỷ)[ ](?P<name>{NAME_RUN})")


def _learn_from_committees(segment: Segment, gaz: Gazetteer, learned: dict[str, str]) -> None:
    """"Huyện ủy Đức Trọng": a district named by its Party committee is one the article is about."""
    for match in _ORG_PLACE.finditer(segment.text):
        known = known_prefix(match.group("name").split(" "), gaz)
        if known and " " in known and gaz.level_of(known) == "district":
            learned.setdefault(place_key(known), "district")


_LIST_GAP = regex.compile(r"[ ]?[-–,][ ]|[ ]và[ ]")  # "Quảng Bình - Vĩnh Linh", "Hà Giang, Mèo Vạc"


_HOUSE_NUMBER = regex.compile(r"\d[\p{L}/]*[ ]$")  # "32 Đại Từ, Hoàng Mai": a street, not the district
# "Đông Anh 3 (thị trấn Nam Ban)", "Mỹ Đình 1,": a unit's number makes a name of its own (a village, a
# hamlet, a school), not the district
_NUMBERED_AFTER = regex.compile(r"[ ]\d{1,2}(?=[ ]?[,;.:()]|$)")


def _beside_a_place(text: str, start: int, end: int, places: list[Mention]) -> bool:
    """The name and a place already found stand side by side in a list: it is a place too."""
    if _HOUSE_NUMBER.search(text[max(0, start - 12):start]) or _NUMBERED_AFTER.match(text, end):
        return False
    return any(_LIST_GAP.fullmatch(text[place.end:start]) or _LIST_GAP.fullmatch(text[end:place.start])
               for place in places)


def _bare_places(segment: Segment, pats: LocationPatterns, gaz: Gazetteer, learned: dict[str, str],
                 province: str | None, words: frozenset[int], districts: list[tuple[int, int]],
                 places: list[Mention]) -> list[Mention]:
    """Districts and communes without their administrative word: a city, urban district or town
    ("Nha Trang", "Thủ Đức"), a district of the article's own province, a place the article names
    with its administrative word elsewhere ("huyện Đức Trọng ... Đức Trọng kết nạp"), or a district
    of two words or more listed beside a place found ("Quảng Bình - Vĩnh Linh")."""
    text = segment.text
    found: list[Mention] = []
    spans = [(s, e, place_key(text[s:e])) for s, e in districts]
    listable: list[tuple[int, int, str]] = []  # districts that may yet be listed beside a place
    for start, end, key in spans + (_learned_index(learned).find(text) if learned else []):
        known_here = key in learned or (province is not None and province in gaz.districts.get(key, ()))
        if not (known_here or (" " in key and gaz.district_kinds.get(key, set()) & pats.bare_kinds)):
            if " " in key and key in gaz.districts:
                listable.append((start, end, key))
            continue
        if not bare_name_ok(text, start, end, pats) or inside_org(text, start, pats, words):
            continue
        level = learned.get(key) or "district"
        found.append(place_mention(segment, start, end, text[start:end], level, False))
    while listable:  # each district taken may put the next one in the list beside a place
        listed = [span for span in listable if _beside_a_place(text, span[0], span[1], [*places, *found])]
        listed = [span for span in listed if bare_name_ok(text, span[0], span[1], pats)
                  and not inside_org(text, span[0], pats, words)]
        if not listed:
            break
        found += [place_mention(segment, start, end, text[start:end], "district", False)
                  for start, end, _ in listed]
        listable = [span for span in listable if span not in listed]
    return found


_SENTENCE_END = regex.compile(r"[.!?;\n]")
MIN_LISTED_COMMUNES = 2  # one bare commune name may be a person ("Thanh Hải"); two in a sentence are places


def _communes_of_named_districts(segment: Segment, pats: LocationPatterns, gaz: Gazetteer,
                                 learned: dict[str, str], words: frozenset[int]) -> list[Mention]:
    """Communes written bare in a sentence that names two or more communes of a district the article
    names ("Huyện ủy Lục Ngạn ... là Thanh Hải 11/15, Đồng Cốc 8/7"): the district's communes."""
    communes = {ward for key, level in learned.items() if level == "district"
                for ward in gaz.district_wards.get(key, ()) if " " in ward and ward not in learned}
    if not communes:
        return []
    text = segment.text
    index = _learned_index(dict.fromkeys(communes, "commune"))
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, key in index.find(text):
        if bare_name_ok(text, start, end, pats) and not inside_org(text, start, pats, words):
            sentence = len(_SENTENCE_END.findall(text, 0, start))
            by_sentence.setdefault(sentence, []).append((start, end, key))
    return [place_mention(segment, start, end, text[start:end], "commune", False)
            for found in by_sentence.values() if len({key for _, _, key in found}) >= MIN_LISTED_COMMUNES
            for start, end, _ in found]


def _learned_index(learned: dict[str, str]) -> PhraseIndex:
    """The article's learned names as written in any case ("Đức Trọng")."""
    index = PhraseIndex()
    for key in learned:
        for form in tone_variants(" ".join(w[:1].upper() + w[1:] for w in key.split(" "))):
            index.add(form, key)
    return index


_JOINED_BEFORE = regex.compile(r"[-–][ ]?$")  # "Bắc Thăng Long - Nội Bài (Hà Nội)": a route's end
_BEFORE_PROVINCE = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<d>{CAP}(?:[ ]{CAP}){{0,3}})(?:,[ ]|[ ]\()$")
# what `_BEFORE_PROVINCE` closes on ("$" stands before a final line break too): most mentions follow
# neither, and are passed without searching the words before them
_BEFORE_PROVINCE_ENDS = (", ", " (", ", \n", " (\n")


def _units_before(segment: Segment, mentions: list[Mention], pats: LocationPatterns, level: str,
                  holds: Callable[[Mention, str], bool], smallest: int) -> list[Mention]:
    """Places of `level` written right before a place that holds them ("Cầu Giấy, Hà Nội", "Khương
    Mai (Thanh Xuân"): the longest run of `smallest` words or more ending there that the place after
    it `holds` (by key)."""
    text = segment.text
    found: list[Mention] = []
    for mention in mentions:
        if not text.endswith(_BEFORE_PROVINCE_ENDS, 0, mention.start):
            continue
        window = text[max(0, mention.start - 40):mention.start]
        match = _BEFORE_PROVINCE.search(window)
        if not match:
            continue
        words = match.group("d").split(" ")
        for size in range(min(3, len(words)), smallest - 1, -1):
            name = " ".join(words[-size:])
            if holds(mention, place_key(name)):
                start = mention.start - len(window) + match.end("d") - len(name)
                alone = smallest == 1 or (bare_name_ok(text, start, start + len(name), pats)
                                          and not _JOINED_BEFORE.search(text, max(0, start - 3), start)
                                          and not _HOUSE_NUMBER.search(text[max(0, start - 12):start]))
                if alone and not inside_org(text, start, pats):
                    found.append(place_mention(segment, start, start + len(name), name, level, True))
                break
    return found


def _districts_before_provinces(segment: Segment, mentions: list[Mention], pats: LocationPatterns,
                                gaz: Gazetteer) -> list[Mention]:
    """"Cầu Giấy, Hà Nội", "Bình Chánh (TP.HCM)": a district of the province named right after it;
    then "Khương Mai (Thanh Xuân, Hà Nội)", "Hướng Phùng, Hướng Hóa": a commune of the district named
    right after it, or one of the province's communes since 2025 ("Bà Nà, Đà Nẵng"), two words or more
    (one may be a word of the sentence) and standing alone (not the end of "ông Lê Văn Hùng" nor of a
    route "Bắc Thăng Long - Nội Bài", nor a street after its house number: "286 Thụy Khuê, Tây Hồ")."""
    def province(mention: Mention) -> str | None:
        level = mention.attrs.get("level")
        return gaz.provinces.get(place_key(mention.attrs["name"])) if level == "province" else None

    def holds_district(mention: Mention, key: str) -> bool:
        return province(mention) in gaz.districts.get(key, ())

    def holds_commune(mention: Mention, key: str) -> bool:
        if mention.attrs.get("level") == "district":
            return key in gaz.district_wards.get(place_key(mention.attrs["name"]), ())
        return province(mention) in gaz.wards_2025.get(key, ())

    found = _units_before(segment, mentions, pats, "district", holds_district, 1)
    return found + _units_before(segment, mentions + found, pats, "commune", holds_commune, 2)


_TITLE_PLACE = regex.compile(rf"^(?P<name>{CAP}(?:[ ]{CAP}){{0,3}})\s*:")


def _title_place(segment: Segment, gaz: Gazetteer) -> list[Mention]:
    """"Chợ Lách: Kết quả ..." : a known district or commune heading a title is the place reported on."""
    match = _TITLE_PLACE.match(segment.text)
    if not match:
        return []
    level = gaz.level_of(match.group("name"))
    if level not in ("district", "commune"):
        return []
    start, end = match.span("name")
    return [place_mention(segment, start, end, match.group("name"), level, False)]


def find(doc: ArticleDoc) -> list[Mention]:
    """Place mentions in the title, body and captions (meta lines are bylines and sources)."""
    from spacy.attrs import IDX  # spaCy loads with the first document, not with the kind registry

    pats, gaz = patterns(), gazetteer()
    segments = [s for s in doc if not s.field.startswith("meta") and s.text]
    learned: dict[str, str] = {}  # places the article names with their administrative word
    per_segment: list[tuple[Segment, frozenset[int], list[Mention], list[tuple[int, int]]]] = []
    for segment in segments:
        words = frozenset(segment.doc.to_array(IDX).tolist())  # where the segmenter's words start
        districts: list[tuple[int, int]] = []
        mentions = _admin_mentions(segment, pats, gaz, learned, words)
        mentions += _named_mentions(segment, pats, words, districts)
        mentions += _numbered_mentions(segment, pats) + _cue_mentions(segment, pats, words)
        mentions += _introduced_list(segment, pats, gaz) + upper_case_places(segment, pats, gaz)
        mentions += _districts_before_provinces(segment, mentions, pats, gaz)
        if segment.field == "title":
            mentions += _title_place(segment, gaz)
        _learn_from_committees(segment, gaz, learned)
        per_segment.append((segment, words, mentions, districts))
    province = province_from_outlet(doc.outlet)
    if doc.province:
        province = gaz.provinces.get(place_key(doc.province), province)
    found: list[Mention] = []
    for segment, words, mentions, districts in per_segment:
        mentions += _bare_places(segment, pats, gaz, learned, province, words, districts, mentions)
        mentions += _communes_of_named_districts(segment, pats, gaz, learned, words)
        found.extend(longest_first(mentions))  # the merge step does the same across kinds
    return found


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per distinct place: name as first written, level from an administrative word if any."""
    gaz = gazetteer()
    entries: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        name = mention.attrs.get("name", mention.text)
        key = place_key(name)
        if mention.attrs.get("level") == "province":
            key = place_key(gaz.provinces.get(key, name))  # "TP.HCM" and "thành phố Hồ Chí Minh"
        key = gaz.same_as.get(key, key)  # "Nhật" and "Nhật Bản"
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {"name": name, "level": mention.attrs.get("level", "other"),
                                    "mentions": [], "_admin": mention.attrs.get("admin", False)}
        elif mention.attrs.get("admin") and not entry["_admin"]:
            entry["level"], entry["_admin"] = mention.attrs.get("level", entry["level"]), True
        entry["mentions"].append(mention.as_mention())
        entry.setdefault("_spellings", []).append((name, mention.field))
    for entry in entries.values():
        entry.pop("_admin")
        entry["name"] = _spelling(entry["name"], entry.pop("_spellings"))
    return list(entries.values())


def _spelling(name: str, written: list[tuple[str, str]]) -> str:
    """Of the name's spellings that differ in tone placement only ("Hướng Hoá", "Hướng Hóa"), the one
    the article uses most, the body's before the title's when as often: a headline may keep the
    old placement that the text then drops."""
    same = [(form, field) for form, field in written if modern_tones(form) == modern_tones(name)]
    counts = Counter(form for form, _ in same)
    if len(counts) < 2:
        return name
    order = [form for form, field in same if field != "title"] + [form for form, _ in same]
    return max(counts, key=lambda form: (counts[form], -order.index(form)))


KIND = register_kind(named_kind(
    label="LOC", field="locations", noun="place", order=5, find=find, build=build,
    rank=2, colour="#ff9561", rules="locations",
    description="One row per article and distinct place.",
    name="the place's name without the administrative word",
    attribute=("level", "country, province, district or commune, when known"),
    mentions="how many times the article mentions it",
))
