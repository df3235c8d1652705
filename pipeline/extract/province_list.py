"""Vietnam's provinces as data (`rules/provinces.yml`): one canonical name each, the ways the press
writes it, the Huế renaming and the 1 July 2025 merger of 63 provinces into 34 (Nghị quyết
202/2025/QH15).

Two lists, two eras: a *unit* is one of the 63 provinces in force until 30 June 2025 ("Ninh Thuận",
"Thừa Thiên Huế"); a *2025 province* is one of the 34 after ("Khánh Hòa"). Every written form
("TP.HCM", "Đăk Lăk", "Huế") resolves to a unit, every unit to its 2025 province, and a unit has
a name at each date (Thừa Thiên Huế is "Huế" from 1 January 2025; Ninh Thuận is "Khánh Hòa" from
1 July 2025).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.gazetteer import place_key, strip_admin
from pipeline.rulebook import compiled, lexicon_schema, load_rules

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT = {"type": "string", "minLength": 1}
_COMMON = {"admin": {"enum": ["tỉnh", "thành phố", "Thành phố"]},
           "code": {"type": "string", "pattern": r"^\d{2}$"}}
RULES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["description", "merger", "provinces", "provinces_2025"],
    "properties": {
        "description": {"type": "string"},
        "merger": {"type": "object", "additionalProperties": False, "required": ["reference", "effective"],
                   "properties": {"reference": _TEXT, "effective": _DATE}},
        "provinces": lexicon_schema({
            **_COMMON,
            "aliases": {"type": "array", "items": _TEXT},
            "renamed": {"type": "object", "additionalProperties": False,
                        "required": ["name", "admin", "since", "by"],
                        "properties": {"name": _TEXT, "admin": _COMMON["admin"], "since": _DATE,
                                       "by": _TEXT}},
        }, required=["admin", "code"]),
        "provinces_2025": lexicon_schema({
            **_COMMON, "merged_from": {"type": "array", "items": _TEXT, "minItems": 1},
        }, required=["admin", "code", "merged_from"]),
    },
}


@dataclass(frozen=True)
class Renaming:
    """A province renamed (and re-classed) before the merger: Thừa Thiên Huế -> thành phố Huế."""

    name: str
    admin: str
    since: str  # ISO date it took effect
    by: str  # the legal act


@dataclass(frozen=True)
class Province:
    """One province of either era: its short name, administrative word and code."""

    name: str
    admin: str  # "tỉnh", "thành phố" (a centrally-run city) or "Thành phố" (Hồ Chí Minh's own name)
    code: str
    aliases: tuple[str, ...] = ()
    renamed: Renaming | None = None
    merged_from: tuple[str, ...] = ()  # for a 2025 province: the units merged into it

    @property
    def formal(self) -> str:
        """The name with its administrative word, as written inside a body's name: "tỉnh Ninh Thuận"."""
        return f"{self.admin} {self.name}"


@dataclass
class ProvinceList:
    """Both lists, every written form, and the merger."""

    units: dict[str, Province]  # the 63, by name
    after: dict[str, Province]  # the 34, by name
    in_2025: dict[str, str]  # unit name -> 2025 province name
    forms: dict[str, str] = field(default_factory=dict)  # place_key of any form -> unit name
    merger_effective: str = "2025-07-01"
    merger_reference: str = ""

    def unit(self, written: str | None) -> str | None:
        """The unit (pre-merger province) a written form names, administrative word or not."""
        if not written:
            return None
        key = place_key(written.strip())
        if key in self.forms:
            return self.forms[key]
        _, bare = strip_admin(written.strip())
        if bare.casefold().startswith("tp"):
            bare = bare[2:].lstrip(". ")
        return self.forms.get(place_key(bare))

    def province_2025(self, written: str | None) -> str | None:
        """The 2025 province of a written form: its unit's, or a 2025 name itself."""
        unit = self.unit(written)
        return self.in_2025[unit] if unit else None

    def as_of(self, unit: str | None, date: str | None) -> str | None:
        """A unit's name in force on an ISO date (its pre-merger name when the date is unknown)."""
        if unit is None or unit not in self.units:
            return unit
        if date and date[:10] >= self.merger_effective:
            return self.in_2025[unit]
        renamed = self.units[unit].renamed
        if date and renamed and date[:10] >= renamed.since:
            return renamed.name
        return unit

    def province(self, name: str | None) -> Province | None:
        """The Province of a canonical name of either era (a 2025 name first, then a unit or renaming)."""
        if not name:
            return None
        if name in self.after:
            return self.after[name]
        for unit in self.units.values():
            if unit.renamed and unit.renamed.name == name:
                return Province(unit.renamed.name, unit.renamed.admin, unit.code)
        return self.units.get(name)

    def names(self, written: str | None) -> set[str]:
        """Every canonical name a search for `written` means: its unit's names over time, or a
        2025 province's own name ("Huế" and "Thừa Thiên Huế" are one search; "Khánh Hòa" is not
        "Ninh Thuận")."""
        unit = self.unit(written)
        if unit is None:
            return set()
        names = {unit}
        renamed = self.units[unit].renamed
        if renamed:
            names.add(renamed.name)
        if self.in_2025[unit] in names or len(self.after[self.in_2025[unit]].merged_from) == 1:
            names.add(self.in_2025[unit])  # a province the merger left whole keeps one identity
        return names


def rules() -> dict[str, Any]:
    """rules/provinces.yml, validated."""
    return load_rules("provinces", RULES_SCHEMA)


@compiled
def province_list() -> ProvinceList:
    """Both lists and every form, built once per rulebook; inconsistent data fails loudly."""
    data = rules()
    units: dict[str, Province] = {}
    for entry in data["provinces"]:
        renamed = entry.get("renamed")
        units[entry["term"]] = Province(entry["term"], entry["admin"], entry["code"],
                                        tuple(entry.get("aliases", ())),
                                        Renaming(**renamed) if renamed else None)
    after: dict[str, Province] = {}
    in_2025: dict[str, str] = {}
    for entry in data["provinces_2025"]:
        after[entry["term"]] = Province(entry["term"], entry["admin"], entry["code"],
                                        merged_from=tuple(entry["merged_from"]))
        for unit in entry["merged_from"]:
            if unit not in units or unit in in_2025:
                raise ValueError(f"rules/provinces.yml: {unit!r} of {entry['term']!r} is not one unlisted "
                                 "pre-2025 province")
            in_2025[unit] = entry["term"]
    missing = set(units) - set(in_2025)
    if missing:
        raise ValueError(f"rules/provinces.yml: no 2025 province for {sorted(missing)}")
    result = ProvinceList(units, after, in_2025, merger_effective=data["merger"]["effective"],
                          merger_reference=data["merger"]["reference"])
    for unit in units.values():  # names first, so an alias never hides a province's own name
        result.forms[place_key(unit.name)] = unit.name
    for unit in units.values():
        forms = [*unit.aliases, unit.renamed.name] if unit.renamed else list(unit.aliases)
        for form in forms:
            result.forms.setdefault(place_key(form), unit.name)
    return result
