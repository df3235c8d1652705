"""Short forms defined in one article, read in another: "HSX" alone takes the long name an article gave it.

An article that writes "Sở Giao dịch Chứng khoán TP.HCM (HSX)" or "HSX (Sở Giao dịch ...)" defines the
short form; the extractor groups both forms, and the organisation's `acronym` and `canonical` record
the definition. Another article may write "HSX" alone, with no definition: inside that article its
canonical name can only be "HSX". Like `spellings`, the store settles it: the definitions seen in the
store, then in the run (in the order written), are remembered, and an organisation named by nothing
but a short form that was defined elsewhere takes the canonical name of that definition. Only when
every definition seen names the same body ("CDC" is each province's centre and America's, so it
stays "CDC"), only in an article of the same province when that body's name holds the province of
the article that defined it ("Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"), and never for the
lexicon's short forms (`rules/org_canonical.yml`: "UBND", "HTX"), which are common nouns expanded in
place, not one body's name. An article read before the first definition of its short form keeps the
short form (the run is a stream).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.extract.canonical import rules as canonical_rules
from pipeline.extract.province_list import province_list
from pipeline.model import Result, each_record
from pipeline.text import name_key

FIELD = "organizations"


class Acronyms:
    """The long canonical name each defined short form stands for, learned from the store and the run."""

    def __init__(self, conn: sqlite3.Connection | None = None):
        self.seen: dict[str, set[str]] = {}  # short form -> canonical keys of its definitions
        self.spelling: dict[str, str] = {}  # canonical key -> the spelling first written
        self.local: dict[str, str | None] = {}  # canonical key -> the province its name holds, if any
        if conn is not None:
            self._load(conn)

    def _load(self, conn: sqlite3.Connection) -> None:
        """The definitions the store holds, the earliest written first."""
        try:
            rows = conn.execute(f'SELECT o."acronym", o."canonical", a."province" FROM "{FIELD}" o '
                                'JOIN "articles" a ON a."id" = o."article_id" '
                                'WHERE o."acronym" IS NOT NULL ORDER BY o.rowid')
            for acronym, canonical, province in rows:
                self.learn(acronym, canonical, province)
        except sqlite3.OperationalError:  # a store made before the columns existed
            return

    def learn(self, acronym: str | None, canonical: str | None, province: str | None = None) -> None:
        """Remember one definition: `acronym` stands for the body named `canonical` (in an article of
        `province`)."""
        if not acronym or not canonical or acronym in canonical_rules().expansions:
            return
        key = name_key(canonical)
        if key == name_key(acronym):
            return
        self.seen.setdefault(acronym, set()).add(key)
        self.spelling.setdefault(key, canonical)
        if key not in self.local:
            self.local[key] = province if province and _holds_province(canonical, province) else None

    def long_name(self, acronym: str, province: str | None = None) -> str | None:
        """The canonical name every definition of `acronym` gives, if it may stand in an article of
        `province`; else None."""
        keys = self.seen.get(acronym, set())
        if len(keys) != 1:
            return None
        key = next(iter(keys))
        local = self.local.get(key)
        return self.spelling[key] if local is None or local == province else None

    def settle(self, record: dict[str, Any]) -> None:
        """Learn the record's definitions, then expand its organisations named by a bare short form."""
        items, province = record.get(FIELD) or (), record.get("province")
        for item in items:
            self.learn(item.get("acronym"), item.get("canonical"), province)
        for item in items:
            name = item.get("name") or ""
            if item.get("acronym") or name_key(item.get("canonical") or "") != name_key(name):
                continue
            long_name = self.long_name(name.strip(), province)
            if long_name:
                item["canonical"] = long_name

    def assign(self, results: Iterable[Result]) -> Iterator[Result]:
        """The engine's results, each record's bare short forms given the long name defined elsewhere."""
        return each_record(results, self.settle)


def _holds_province(canonical: str, province: str) -> bool:
    """Does the body's name hold the province, by any of its names ("Hà Nam", "Hồ Chí Minh")?"""
    provinces = province_list()
    unit = provinces.unit(province)
    names = {province, *((unit, *provinces.units[unit].aliases) if unit in provinces.units else ())}
    folded = f" {name_key(canonical)} "
    return any(f" {name_key(name)} " in folded for name in names)
