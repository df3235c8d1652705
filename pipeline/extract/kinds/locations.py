"""Named places: provinces, districts, communes (underthesea's gazetteer), countries and regions.

A bare province, country or region name is a place; a district or commune needs its administrative
word ("huyện Tiền Hải", "phường Kỳ Bá") because many such names are also common words or people.
Mentions include the administrative word, the entry's `name` does not. A place that is part of an
organisation's name ("Công an tỉnh Thái Bình") is left to the organisation.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

from pipeline.extract.bare_places import (
    bare_places,
    communes_of_named_districts,
    districts_before_provinces,
    learn_from_committees,
    located_units,
    places_before_countries,
)
from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.gazetteer import (
    UNIT_LEVELS,
    Gazetteer,
    gazetteer,
    location_rules,
    place_key,
    province_from_outlet,
)
from pipeline.extract.place_cues import cue_mentions
from pipeline.extract.place_in_bodies import (
    WordStarts,
    branch_body_before,
    inside_org,
    listed_body,
    named_by_acronym,
)
from pipeline.extract.place_lists import introduced_list, list_continuation, numbered_list
from pipeline.extract.place_patterns import (
    BARE_DISTRICT,
    CAP,
    LocationPatterns,
    abbreviated_word,
    admin_name,
    bare_name_ok,
    foreign_name,
    held_abroad,
    known_prefix,
    numbered_name,
    patterns,
    place_admin_level,
    place_capitalised,
    place_mention,
)
from pipeline.extract.place_regions import named_areas, region_start
from pipeline.extract.upper_places import dateline_places, upper_case_places
from pipeline.kinds import named_kind, register_kind
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import (
    after_dateline_tag,
    alternation,
    longest_first,
    modern_tones,
    sentence_initial,
    unlike_a_syllable,
)

_COUNTED = regex.compile(r"\d[ ]$")
MAX_ABROAD_WORDS = 3  # "tỉnh Mae Hong Son, Thái Lan": the longest unknown run read as a unit abroad
QUOTED_REACH = 150  # characters between an opening quotation mark and a place inside its name


@compiled
def _quoted_name_opening() -> regex.Pattern:
    """A naming noun, then an opening quotation mark and the quoted name up to its closing mark."""
    nouns = alternation([w["term"] for w in location_rules()["quoted_name_nouns"]], ignore_case=True)
    return regex.compile(rf'(?<![\p{{L}}]){nouns}[ ]?(?:“(?P<name>[^”\n]+)”|"(?P<name>[^"\n]+)")')


_OPEN_QUOTE = regex.compile(r'[“"][^“”"\n]*$')  # the last quotation mark before the place opens its name
_CLOSE_QUOTE = regex.compile(r'[^“”"\n]*[”"]')


def quoted_names(texts: list[str]) -> frozenset[str]:
    """The names an article quotes after a title, an award or a club ("danh hiệu "Nông dân Việt Nam
    xuất sắc""): quoted again without the noun ("100 "Nông dân Việt Nam xuất sắc""), each is the same name."""
    return frozenset(m.group("name") for text in texts for m in _quoted_name_opening().finditer(text))


def _in_quoted_name(text: str, start: int, names: frozenset[str]) -> bool:
    """Is the place inside the quoted name of a title, an award or a club? That name is a word of its
    own, no place of the article's; quoted speech ("ông nói: "Hà Nội ..."") is no such name."""
    opening = _OPEN_QUOTE.search(text, max(0, start - QUOTED_REACH), start)
    closing = _CLOSE_QUOTE.match(text, start) if opening else None
    if closing is None:
        return False
    name = text[opening.start() + 1:closing.end() - 1]
    return name in names


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
        admin_level = pats.admin_level.get(admin.strip().casefold(), "")
        name = admin_name(match.group("name"), admin_level, gaz)
        run = match.group("name")
        if admin.strip() in _abroad_words():
            # "bang Victoria": a state abroad, whose name no gazetteer holds; a state the gazetteer knows
            # ends there ("bang Alaska Sarah Palin": the governor follows)
            known = known_prefix(run.split(" "), gaz)
            name = known or (run.split(" ")[0] if name is None and foreign_name(run.split(" ")[:1]) else name)
        # a unit abroad borrows the words of Vietnam's units ("tỉnh", "huyện", "xã")
        abroad = name is None and admin_level in UNIT_LEVELS and len(run.split(" ")) <= MAX_ABROAD_WORDS \
            and held_abroad(text, match.end("name"), pats, gaz)
        if abroad:
            name = run  # "tỉnh Sê Kông, Lào": a unit abroad named in syllables of Vietnamese look
        if (name == run or (name is None and admin_level == "other" and " " not in run)) and \
                not any(unlike_a_syllable(word) for word in run.split(" ")):
            # the whole run: a number may follow ("ấp Bình An 2"), and it makes a village of one
            # syllable a name ("thôn Đoài 1"), where "thôn Trung" alone may be a part of the village;
            # not after a foreign word ("bản Android 11": a version)
            numbered = numbered_name(text, match.end("name"), run, admin_level, gaz)
            name = numbered if numbered != run else name
        after_word = pats.not_after.search(text[max(0, start - 20):start])
        level = "other" if abroad else place_admin_level(admin, name, pats, gaz) if name else ""
        if name and not after_word and admin[:1].islower() and " " in name:
            learned.setdefault(place_key(name), level)
        if not name or after_word or inside_org(text, start, pats) or \
                branch_body_before(text, start, pats, words):
            continue  # "Đảng bộ Khối ... tại Thành phố Hồ Chí Minh": the Party body's name
        inside_name = admin[:1].isupper() and not admin.isupper() and not (
            sentence_initial(text, start) or after_dateline_tag(text, start))
        if inside_name and not gaz.level_of(name):
            continue  # "Bà Huyện Thanh Quan": a capitalised admin word inside another name
        end = match.start("name") + len(name)
        found.append(place_mention(segment, start, end, name, level, True))
        found.extend(list_continuation(segment, end, admin, pats, gaz, plural))
    return found


@compiled
def _abroad_words() -> frozenset[str]:
    """Administrative words that name units abroad only ("bang": a federation's state)."""
    rules = location_rules()
    words = rules["admin_words"] + rules["segmented_admin_words"]
    return frozenset(e["term"] for e in words if e.get("abroad"))


def _named_mentions(segment: Segment, pats: LocationPatterns, words: frozenset[int],
                    districts: list[tuple[int, int]]) -> list[Mention]:
    """Provinces, countries and regions named alone; district names alone are left in `districts`
    for `bare_places`, which needs the whole article."""
    text = segment.text
    found: list[Mention] = []
    for start, end, level in pats.named.find(text):
        if level == BARE_DISTRICT:
            districts.append((start, end))
            continue
        if not bare_name_ok(text, start, end, pats) or inside_org(text, start, pats, words):
            continue
        if level == "other":
            start = region_start(text, start, end)  # "Trung du và miền núi Bắc Bộ", not "Bắc Bộ" alone
        found.append(place_mention(segment, start, end, text[start:end], level, False))
    return found


_ADDRESS_BEFORE = regex.compile(r",[ ]?$")
_ADDRESS_AFTER = regex.compile(r"[ ]?[,–-][ ]?\p{Lu}")


def _in_address(text: str, start: int, end: int) -> bool:
    """Is "P.12" or "Q.10" a part of an address: after a comma, or before a comma (or dash) and the
    next part ("số 10 Đường 3/2, P.12, Q.10, TP. Hồ Chí Minh", "ở Q.9, TPHCM")?"""
    return bool(_ADDRESS_BEFORE.search(text, max(0, start - 2), start) or _ADDRESS_AFTER.match(text, end))


def _numbered_mentions(segment: Segment, pats: LocationPatterns) -> list[Mention]:
    """"quận 3", "phường 12": the number names the place together with its administrative word."""
    text = segment.text
    found: list[Mention] = []
    for match in pats.numbered.finditer(text):
        if match.group("abbr") and not _in_address(text, match.start(), match.end()):
            continue  # "biến thể P.1": a virus variant, no ward; an abbreviation names one in an address
        if not inside_org(text, match.start(), pats):
            admin = match.group("admin") or abbreviated_word(match.group("abbr"))  # "Q.3": "Quận 3"
            level = pats.admin_level.get(" ".join(admin.split()).casefold(), "other")
            # "quận 10" and "Quận 10": one place
            name = place_capitalised(" ".join(f"{admin} {match.group('name')}".split()))
            found.append(place_mention(segment, match.start(), match.end(), name, level, True))
            if pats.plural_before.search(text[max(0, match.start() - 12):match.start()]):
                found.extend(numbered_list(segment, match.end(), admin, level))
    return found


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
        words = WordStarts(segment.doc.to_array(IDX).tolist())  # where the segmenter's words start
        districts: list[tuple[int, int]] = []
        mentions = _admin_mentions(segment, pats, gaz, learned, words)
        mentions += _named_mentions(segment, pats, words, districts)
        mentions += _numbered_mentions(segment, pats) + cue_mentions(segment, pats, words)
        mentions += introduced_list(segment, pats, gaz) + upper_case_places(segment, pats, gaz)
        mentions += dateline_places(segment, pats)
        mentions += districts_before_provinces(segment, mentions, pats, gaz)
        if segment.field == "title":
            mentions += _title_place(segment, gaz)
        learn_from_committees(segment, gaz, learned)
        per_segment.append((segment, words, mentions, districts))
    province = province_from_outlet(doc.outlet)
    if doc.province:
        province = gaz.provinces.get(place_key(doc.province), province)
    found: list[Mention] = []
    names = quoted_names([segment.text for segment in segments])
    for segment, words, mentions, districts in per_segment:
        mentions += bare_places(segment, pats, gaz, learned, province, words, districts, mentions)
        mentions += communes_of_named_districts(segment, pats, gaz, learned, words)
        mentions += located_units(segment, pats, gaz, words, mentions)
        mentions += places_before_countries(segment, pats, gaz, words, mentions)
        mentions += named_areas(segment, pats, words, mentions)
        for mention in mentions:  # part of a body's name: no place, though a figure's subject still reads it
            in_body = mention.attrs["level"] != "other" and (
                named_by_acronym(segment.text, mention.start, mention.end, pats)
                or listed_body(segment.text, mention.start, pats))
            if in_body or _in_quoted_name(segment.text, mention.start, names):
                mention.attrs["entity"] = False
        kept = longest_first(mentions)  # the merge step does the same across kinds
        _hold_units(kept, mentions)
        found.extend(kept)
    return found


def _hold_units(kept: list[Mention], mentions: list[Mention]) -> None:
    """A place named after a unit with its administrative word ("Khu Công nghệ cao tỉnh Hà Nam") names
    that unit too: the unit's own mention, which the longer one covers, is held inside it for `build`."""
    for holder in kept:
        if holder.attrs.get("unit_named"):
            holder.attrs["holds"] = [m for m in mentions if m is not holder and m.attrs.get("entity", True)
                                     and m.attrs.get("level") != "other"
                                     and holder.start <= m.start and m.end <= holder.end]


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per distinct place: name as first written, level from an administrative word if any."""
    gaz = gazetteer()
    entries: dict[str, dict[str, Any]] = {}
    named = (place for m in mentions for place in (m, *m.attrs.get("holds", ())))
    for mention in (m for m in named if m.attrs.get("entity", True)):
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
    """Of the name's spellings that differ in tone placement only ("Hoằng Hoá", "Hoằng Hóa"), the one in
    the modern placement, even where the old one is written more often (a place has one canonical name,
    and annotators write the modern one); among equals the one the article uses most, the body's before
    the title's when as often."""
    same = [(form, field) for form, field in written if modern_tones(form) == modern_tones(name)]
    counts = Counter(form for form, _ in same)
    if len(counts) < 2:
        return name
    order = [form for form, field in same if field != "title"] + [form for form, _ in same]
    return max(counts, key=lambda form: (modern_tones(form) == form, counts[form], -order.index(form)))


KIND = register_kind(named_kind(
    label="LOC", field="locations", noun="place", order=5, find=find, build=build,
    rank=2, colour="#ff9561", rules="locations",
    description="One row per article and distinct place.",
    name="the place's name without the administrative word",
    attribute=("level", "country, province, district or commune, when known"),
    mentions="how many times the article mentions it",
))
