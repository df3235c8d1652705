"""Districts and communes written without their administrative word: a city or town, a unit of the
article's own province or one it names elsewhere, one listed beside a place, or one right before the
place that holds it ("Cầu Giấy, Hà Nội")."""

from __future__ import annotations

from collections.abc import Callable

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import Gazetteer, PhraseIndex, place_key
from pipeline.extract.place_in_bodies import inside_org
from pipeline.extract.place_patterns import (
    CAP,
    NAME_RUN,
    NAME_WORD,
    LocationPatterns,
    bare_name_ok,
    foreign_name,
    known_prefix,
    place_mention,
)
from pipeline.model import Mention
from pipeline.text import tone_variants

_ORG_PLACE = regex.compile(rf"(?<![\p{{L}}])(?:Huyện|Thành|Quận|Thị)[ ](?:ủy|uỷ)[ ](?P<name>{NAME_RUN})")


def learn_from_committees(segment: Segment, gaz: Gazetteer, learned: dict[str, str]) -> None:
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


def bare_places(segment: Segment, pats: LocationPatterns, gaz: Gazetteer, learned: dict[str, str],
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


def communes_of_named_districts(segment: Segment, pats: LocationPatterns, gaz: Gazetteer,
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


def districts_before_provinces(segment: Segment, mentions: list[Mention], pats: LocationPatterns,
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


# "tại Tiên Ngọc", "ở Đồng Xoài": after a word of location, a capitalised run of two syllables or more
# that is wholly a known district or commune (no capitalised word going on) is that place
_LOCATED = regex.compile(rf"(?<![\p{{L}}])(?:[tT]ại|[ởỞ])[ ](?P<name>{CAP}(?:[ ]{CAP}){{1,3}})"
                         r"(?![\p{L}\p{N}]|[ ]\p{Lu}|[ ]?[-–])")


def located_units(segment: Segment, pats: LocationPatterns, gaz: Gazetteer, words: frozenset[int],
                  places: list[Mention]) -> list[Mention]:
    """A district or commune named bare right after "tại" or "ở" ("Giải cầu lông hè tại Tiên Ngọc"),
    where no other reading (`places`, which know its level better) took the name already."""
    text = segment.text
    found: list[Mention] = []
    for match in _LOCATED.finditer(text):
        start, end = match.span("name")
        if any(place.start < end and start < place.end for place in places):
            continue
        level = gaz.level_of(match.group("name"))
        if level in ("district", "commune") and bare_name_ok(text, start, end, pats) and \
                not inside_org(text, start, pats, words):
            found.append(place_mention(segment, start, end, match.group("name"), level, False))
    return found


# "tại Lekki (Nigeria)", "ở Cornwall, Anh": after a word of location, a capitalised run that the
# gazetteer does not know, written right before the country that holds it, is a place in that country;
# "ở Encino, California, Mỹ", "tại Zapopan, Jalisco, Mexico": or before a place abroad that holds it
_BEFORE_COUNTRY = regex.compile(rf"(?<![\p{{L}}])(?:[tT]ại|[ởỞ])[ ]"
                                rf"(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})(?:[ ]\(|,[ ])")
_STATE = regex.compile(rf"(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})(?:[ ]\(|,[ ])")


def _holders_abroad(places: list[Mention], gaz: Gazetteer) -> tuple[set[int], set[int]]:
    """Where places abroad start: countries other than Vietnam, and places of no Vietnamese level
    whose every word is no Vietnamese syllable ("California", "Mumbai")."""
    countries, foreign = set(), set()
    for place in places:
        key = place_key(place.attrs["name"])
        if place.attrs.get("level") == "country" and not gaz.is_home_country(key):
            countries.add(place.start)
        elif place.attrs.get("level") == "other" and foreign_name(place.attrs["name"].split(" ")):
            foreign.add(place.start)
    return countries, foreign


def places_before_countries(segment: Segment, pats: LocationPatterns, gaz: Gazetteer,
                            words: frozenset[int], places: list[Mention]) -> list[Mention]:
    """A place abroad named right before its country, in brackets or after a comma, where a word of
    location leads it ("nhà máy tại Lekki (Nigeria)"), or a foreign-looking one before a place abroad
    ("ở Encino, California, Mỹ"), a state named between them too ("tại Zapopan, Jalisco, Mexico"); a
    body's head opening the run ("ở ĐH Oxford (Anh)") makes it the body's name, and Vietnam's own
    places need their administrative word."""
    text = segment.text
    countries, foreign = _holders_abroad(places, gaz)
    found: list[Mention] = []
    for match in _BEFORE_COUNTRY.finditer(text):
        start, end = match.span("name")
        syllables = match.group("name").split(" ")
        state = _STATE.match(text, match.end())
        chain = [(start, end, syllables, match.end())]
        if state and state.end() in countries and foreign_name(state.group("name").split(" ")):
            chain.append((state.start(), state.end("name"), state.group("name").split(" "), state.end()))
        for at, (name_start, name_end, names, holder) in enumerate(reversed(chain)):
            held = holder in countries or (holder in foreign and foreign_name(names)) or \
                (at and foreign_name(names))  # the town before a state just read
            if not held:
                break
            if at == 0 and len(chain) > 1 and any(p.start == name_start for p in places):
                continue  # the state is a place already ("California"): the town before it still is one
            if _no_place_abroad(text, name_start, name_end, names, pats, words, places):
                break
            found.append(place_mention(segment, name_start, name_end, " ".join(names),
                                       gaz.level_of(" ".join(names)) or "other", False))
    return found


def _no_place_abroad(text: str, start: int, end: int, syllables: list[str], pats: LocationPatterns,
                     words: frozenset[int], places: list[Mention]) -> bool:
    """Is the run a body's name or a part of one, or a place already read?"""
    prefixes = (" ".join(syllables[:size]) for size in range(1, len(syllables) + 1))
    headed = any(pats.org_head_end.search(prefix) for prefix in prefixes)
    return headed or any(p.start < end and start < p.end for p in places) or \
        inside_org(text, start, pats, words)  # "Chi bộ Đại sứ quán tại Berlin, Đức": the body's seat
