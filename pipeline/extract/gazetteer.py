"""Vietnam's administrative units (from underthesea's address data) plus the place lexicons of rules/.

Loaded once per process. Districts and wards are underthesea's own `address/data/mapping.json`
(the 63 pre-2025 provinces' districts and wards), read from the installed package, never copied;
provinces and their written forms are `rules/provinces.yml` (`province_list`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import regex

from pipeline.place_names import place_key, strip_admin, ward_rows
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, ascii_fold

LEVELS = ("country", "province", "district", "commune", "other")
UNIT_LEVELS = ("province", "district", "commune")  # the levels of Vietnam's administrative units
HOME_COUNTRY = "việt nam"  # the key of the country whose units the gazetteer holds
# Place keys of names that, bare, are a person (or his thought, a campaign...): a place only with an
# administrative word ("TP Hồ Chí Minh", "thành phố Hồ Chí Minh").
NEEDS_ADMIN_WORD = frozenset({"hồ chí minh"})

_PLACE = lexicon_schema({"level": {"enum": list(LEVELS)}, "same_as": {"type": "string", "minLength": 1}})
_ADMIN = lexicon_schema({"level": {"enum": list(LEVELS)}, "numbered": {"type": "boolean"},
                         "abroad": {"type": "boolean"}})
_WORDS = lexicon_schema()
_CUE = lexicon_schema({"takes": {"enum": ["name", "code", "both"]}, "lower_only": {"type": "boolean"},
                       "described": {"type": "boolean"}, "by_unit": {"type": "boolean"},
                       "capitalised": {"type": "boolean"}, "counted": {"type": "boolean"}})
_TEXT = {"type": "string", "minLength": 1}
_FORMER = lexicon_schema({"province": _TEXT, "admin": {"enum": ["huyện", "quận", "thị xã", "thành phố"]},
                          "into": _TEXT, "by": _TEXT}, required=["province", "admin", "into", "by"])

LOCATION_RULES_SCHEMA: dict[str, Any] = strict_object(
    {
        "admin_words": _ADMIN,
        "segmented_admin_words": _ADMIN,
        "numbered_abbreviations": lexicon_schema({"full": _TEXT}, required=["full"]),
        "places": _PLACE,
        "org_heads": lexicon_schema({"branch": {"type": "boolean"}}),
        "org_inner_words": _WORDS,
        "org_member_nouns": _WORDS,
        "quoted_name_nouns": _WORDS,
        "not_after": _WORDS,
        "compound_tails": lexicon_schema({"head": {"type": "string", "minLength": 1}}),
        "plural_markers": _WORDS,
        "list_introducers": _WORDS,
        "org_breakers": _WORDS,
        "capitals_not_places": _WORDS,
        "acronyms_not_bodies": _WORDS,
        "openers": _WORDS,
        "place_cues": _CUE,
        "cue_prefixes": _WORDS,
        "cue_compounds": _WORDS,
        "cue_qualifiers": _WORDS,
        "region_landforms": _WORDS,
        "area_words": _WORDS,
        "bare_district_kinds": _WORDS,
        "former_districts": _FORMER,
    },
)


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
# a phrase opened by a lower-case word ("biển Đông") that a capitalised word continues ("vùng biển Đông
# Nam Á") is no match: the capitalised words may name a place of their own
_CAPITAL_NEXT = regex.compile(r"[ \t\xa0]+\p{Lu}")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words (letters and digits) and single punctuation marks, with their offsets."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass
class PhraseIndex:
    """Exact multi-word lookup: phrases are token tuples, so "TP.HCM" and "TP. HCM" are one key."""

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # tokens -> payload
    longest: dict[str, int] = field(default_factory=dict)  # first token -> most tokens of a phrase
    _starts: regex.Pattern | None = None

    def add(self, phrase: str, payload: str) -> None:
        """Index one phrase."""
        key = tuple(t for t, _, _ in tokens(phrase))
        if key:
            self.phrases[key] = payload
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
            self._starts = None

    def _start_pattern(self) -> regex.Pattern:
        """The words a phrase may open with: capitalised ones and the few lower-case first words ("châu")."""
        heads = rf"\p{{Lu}}[\p{{L}}\p{{N}}]*|{alternation(t for t in self.longest if not t[:1].isupper())}"
        return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{heads})(?![\p{{L}}\p{{N}}])")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping longest matches, left to right, that do not cross a line break."""
        if self._starts is None:
            self._starts = self._start_pattern()
        found: list[tuple[int, int, str]] = []
        resume = 0
        for start_match in self._starts.finditer(text):
            start = start_match.start()
            size = self.longest.get(start_match.group(0), 0)
            if not size or start < resume:
                continue
            toks: list[tuple[str, int]] = []
            pos = start
            while len(toks) < size:
                token = _TOKEN.search(text, pos)
                if token is None or "\n" in text[pos:token.start()]:
                    break
                toks.append((token.group(0), token.end()))
                pos = token.end()
            for n in range(len(toks), 0, -1):
                payload = self.phrases.get(tuple(t for t, _ in toks[:n]))
                if payload is not None and not (start_match.group(0)[:1].islower()
                                                and self._overrun(text, toks[:n])):
                    found.append((start, toks[n - 1][1], payload))
                    resume = toks[n - 1][1]
                    break
        return found

    def _overrun(self, text: str, toks: list[tuple[str, int]]) -> bool:
        """A capitalised word after the phrase continues a known place that starts inside it ("vùng biển
        Đông Nam Á": "Đông Nam Á", not "biển Đông"; but "miền Bắc Việt Nam" keeps "miền Bắc")."""
        following: list[str] = []
        pos = toks[-1][1]
        while len(following) < 4 and (nxt := _CAPITAL_NEXT.match(text, pos)):
            token = _TOKEN.search(text, nxt.end() - 1)
            if token is None:
                break
            following.append(token.group(0))
            pos = token.end()
        words = [t for t, _ in toks]
        return any(tuple(words[k:] + following[:m]) in self.phrases
                   for k in range(1, len(words)) for m in range(1, len(following) + 1))


@dataclass
class Gazetteer:
    """Name sets by level, keyed by `place_key`; values say which province(s) a name belongs to."""

    provinces: dict[str, str] = field(default_factory=dict)  # key -> province short name
    province_cities: set[str] = field(default_factory=set)  # keys of centrally-run cities
    districts: dict[str, set[str]] = field(default_factory=dict)
    district_kinds: dict[str, set[str]] = field(default_factory=dict)  # key -> "quận", "thành phố"...
    numbered_districts: dict[str, set[str]] = field(default_factory=dict)  # key of "quận 3" -> provinces
    wards: dict[str, set[str]] = field(default_factory=dict)
    district_wards: dict[str, set[str]] = field(default_factory=dict)  # district key -> keys of its wards
    wards_2025: dict[str, set[str]] = field(default_factory=dict)  # communes since 1 July 2025 -> provinces
    places: dict[str, str] = field(default_factory=dict)  # countries, regions, other: key -> level
    same_as: dict[str, str] = field(default_factory=dict)  # key of another spelling -> key of the main one
    outlet_keys: list[tuple[str, str]] = field(default_factory=list)  # (ascii fold, province), longest first

    def level_of(self, name: str) -> str | None:
        """The highest level a bare name is known at, or None."""
        key = place_key(name)
        if key in self.places:
            return self.places[key]
        if key in self.provinces:
            return "province"
        if key in self.districts:
            return "district"
        if key in self.wards or key in self.wards_2025:
            return "commune"
        return None

    def is_home_country(self, key: str) -> bool:
        """Whether a country's place key ("việt nam", or another spelling of it) is Vietnam."""
        return self.same_as.get(key, key) == HOME_COUNTRY


# Onsets no Vietnamese syllable has ("Krông", "Glong", "Drai"): a name of the Central Highlands'
# languages, which the press writes split or joined ("Đa Krông", "Đakrông")
_FOREIGN_ONSET = re.compile(r"^(?:(?!tr)[bcdđghklmnprstv][lr]|h')", re.IGNORECASE)  # "tr" is Vietnamese


# "Đắk" (the word for water in the Central Highlands' names) is written with or without its tone:
# the official names use both ("Đắk Song", "Đăk Glong"), the press either
_DAK = {"Đắk": "Đăk", "Đăk": "Đắk"}


def joined_forms(name: str) -> list[str]:
    """Other spellings of a district's name: "Đắk"/"Đăk" either way, and its syllables joined where
    a later one has a foreign onset ("Đa Krông" -> "Đakrông"); none for a Vietnamese name."""
    words = name.split(" ")
    forms = [" ".join(_DAK.get(w, w) for w in words)] if any(w in _DAK for w in words) else []
    if len(words) >= 2 and any(_FOREIGN_ONSET.match(w) for w in words[1:]):
        forms += [f.split(" ")[0] + "".join(w.lower() for w in f.split(" ")[1:]) for f in [name, *forms]]
    return forms


def _add_district(gaz: Gazetteer, name: str, kind: str, province: str) -> None:
    """Index a district-level unit under its name and its joined spellings (numbered ones apart)."""
    if name.isdigit():  # "Quận 3": the number names it only with its administrative word
        gaz.numbered_districts.setdefault(place_key(f"{kind} {name}"), set()).add(province)
        return
    for form in (name, *joined_forms(name)):
        gaz.districts.setdefault(place_key(form), set()).add(province)
        gaz.district_kinds.setdefault(place_key(form), set()).add(kind)


def location_rules() -> dict[str, Any]:
    """rules/locations.yml, validated."""
    return load_rules("locations", LOCATION_RULES_SCHEMA)


@compiled
def gazetteer() -> Gazetteer:
    """Build the name sets once per process (about 0.1 s)."""
    rules = location_rules()
    gaz = Gazetteer()
    from pipeline.extract.province_list import province_list  # it reads place keys from here

    provinces = province_list()
    gaz.provinces.update(provinces.forms)  # every written form -> the pre-2025 province (rules/provinces.yml)
    for unit in provinces.units.values():
        for name, admin in ((unit.name, unit.admin), *((r.name, r.admin) for r in [unit.renamed] if r)):
            if admin.casefold() == "thành phố":
                gaz.province_cities.add(place_key(name))
    # the 10,602 rows repeat their provinces and districts: each distinct name is resolved once (0.1 s)
    unit_of, in_2025 = functools.cache(provinces.unit), functools.cache(provinces.province_2025)
    key_of, split_admin = functools.cache(place_key), functools.cache(strip_admin)
    seen_districts: set[tuple[str, str, str]] = set()
    for row in ward_rows():
        province = unit_of(row.old_province) or row.old_province
        kind, district = split_admin(row.old_district or "")
        _, ward = split_admin(row.old_ward or "")
        if district:
            seen_districts.add((district, kind, province))
        if ward and not ward.isdigit():
            gaz.wards.setdefault(key_of(ward), set()).add(province)
            if district and not district.isdigit():
                gaz.district_wards.setdefault(key_of(district), set()).add(key_of(ward))
        _, new_ward = split_admin(row.new_ward or "")
        after = in_2025(row.new_province)
        if new_ward and not new_ward.isdigit() and after:
            gaz.wards_2025.setdefault(key_of(new_ward), set()).add(after)
    for former in rules["former_districts"]:  # abolished before the address data's snapshot
        unit = provinces.unit(former["province"])
        if unit is None:
            raise ValueError(f"rules/locations.yml: former district {former['term']!r}: "
                             f"unknown province {former['province']!r}")
        seen_districts.add((former["term"], former["admin"], unit))
    for district, kind, province in sorted(seen_districts):
        _add_district(gaz, district, kind, province)
    for place in rules["places"]:
        gaz.places[place_key(place["term"])] = place["level"]
        if "same_as" in place:
            gaz.same_as[place_key(place["term"])] = place_key(place["same_as"])
    folded = {(ascii_fold(name), short) for name, short in gaz.provinces.items()}
    # short folds ("hue") would match inside unrelated host names
    gaz.outlet_keys = sorted((k for k in folded if len(k[0]) >= 5), key=lambda k: -len(k[0]))
    return gaz


def province_of(name: str | None) -> str | None:
    """The short province name for a province, city alias or unambiguous district name, else None."""
    if not name:
        return None
    gaz = gazetteer()
    _, bare = strip_admin(name.strip())
    key = place_key(bare)
    if bare.isdigit():  # "Quận 3"
        numbered = gaz.numbered_districts.get(place_key(name.strip()), set())
        return next(iter(numbered)) if len(numbered) == 1 else None
    if key in gaz.provinces:
        return gaz.provinces[key]
    owners = gaz.districts.get(key)
    if owners and len(owners) == 1:
        return next(iter(owners))
    return None


def province_from_outlet(host: str | None) -> str | None:
    """The province whose folded name appears in an outlet's host: baoninhthuan.com.vn -> Ninh Thuận."""
    if not host:
        return None
    bare = host.casefold().removeprefix("www.").split("/")[0]
    labels = bare.split(".")[:-1] if "." in bare else [bare]
    # the site's own label first; then the labels after it: a district's or department's portal is
    # a subdomain of its province's (lucngan.bacgiang.gov.vn, sotnmt.quangninh.gov.vn)
    for label in (ascii_fold(label) for label in labels if label not in _GENERIC_LABELS):
        for folded, province in gazetteer().outlet_keys:
            if folded in label:
                return province
    return None


_GENERIC_LABELS = frozenset({"gov", "com", "org", "net", "edu", "info", "vn"})
