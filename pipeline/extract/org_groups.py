"""Which organisation candidates are one body: the key each groups under.

A defined acronym groups with its long form, a listed body's alias with its term, a legal form
spelt out with its initials, a name written without "Việt Nam" with the article's form that has it;
a name whose place is written without its administrative word with the one form that has it
(`place_word_targets`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.extract.org_definitions import Candidate
from pipeline.extract.org_rules import rules
from pipeline.text import name_key


def group_keys(found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Set each candidate's key: the name of the body it groups with."""
    _resolve_keys(found, acronyms)
    _legal_forms_spelt(found)
    _country_dropped(found)


def _resolve_keys(found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Each candidate's group: a defined acronym's long form, a listed body, or its own folded name."""
    r = rules()
    parts = {a: entry[1] for a, entry in acronyms.items() if entry[0] == "part"}
    wholes = {name_key(a.replace(" ", "")): entry[1] for a, entry in acronyms.items() if entry[0] == "whole"}
    for cand in found:
        words = cand.name.split()
        if any(w in parts for w in words):  # "Đảng ủy Khối CCQ tỉnh" -> "Đảng ủy Khối Các cơ quan tỉnh"
            cand.name = " ".join(parts.get(w, w) for w in words)
        key, squashed = name_key(cand.name), name_key(cand.name.replace(" ", ""))
        if squashed in wholes and not cand.long_form:
            cand.key, cand.acronym = wholes[squashed], cand.name
            continue
        rest = key[len(cand.head) + 1:] if cand.head and key.startswith(cand.head + " ") else ""
        target = (wholes.get(rest.replace(" ", "")) or r.body_key.get(rest, "")) if rest else ""
        if target.startswith(cand.head + " "):  # "Tập đoàn EVN" is EVN, "Tập đoàn Điện lực Việt Nam"
            key = target
        cand.key = r.body_key.get(key, key)


def _legal_forms_spelt(found: list[Candidate]) -> None:
    """A company's legal form spelt out groups with its initials ("Công ty TNHH Một thành viên Apatit
    Việt Nam" and "Công ty TNHH MTV Apatit Việt Nam" are one company), when the article writes both."""
    def initials(key: str) -> str:
        for spelt, short in rules().legal_forms:
            key = spelt.sub(short, key)
        return key

    keys = {cand.key for cand in found}
    spelt = {initials(key): key for key in keys if initials(key) != key}
    for cand in found:
        if cand.key in spelt:
            cand.key = spelt[cand.key]  # the form spelt out names the group, as the longer form does


COUNTRY_IN_NAMES = " việt nam"  # "Ủy ban MTTQ Việt Nam huyện X", often written "Ủy ban MTTQ huyện X"
# words a name may be written without inside it: the country, and the school word before a school's
# level ("Chi bộ trường TH Nguyễn Đình Chiểu", also written "chi bộ TH Nguyễn Đình Chiểu")
DROPPED_IN_NAMES = (COUNTRY_IN_NAMES, " trường")


def _country_dropped(found: list[Candidate]) -> None:
    """A name written without the country or the school word inside it ("Ủy ban MTTQ huyện Bạch Thông")
    groups with the article's form that has it ("Ủy ban MTTQ Việt Nam huyện Bạch Thông")."""
    longer = {}
    for cand in found:
        for word in DROPPED_IN_NAMES:
            at = cand.key.find(word + " ")
            if at > 0:
                longer.setdefault(cand.key[:at] + cand.key[at + len(word):], cand.key)
    for cand in found:
        if cand.key in longer:
            cand.key = longer[cand.key]
        elif cand.open_end and rules().admin_re.fullmatch(cand.key.rsplit(" ", 1)[-1]):
            # "Ủy ban MTTQ huyện" still stands for the one body it shortens; "Ủy ban MTTQ" alone may not
            fits = {long for short, long in longer.items() if short.startswith(cand.key + " ")}
            cand.key = fits.pop() if len(fits) == 1 else cand.key


def place_word_targets(names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Group key -> the key it is short for, where the names grouped under a key write a place with its
    administrative word and another group writes the same name without it ("Bộ đội Biên phòng tỉnh Quảng
    Trị" and "Bộ đội Biên phòng Quảng Trị", dev22; "Sở Y tế tỉnh Quảng Nam" and "Sở Y tế Quảng Nam", 35
    such pairs in 34 Dân trí 2020 articles): one body. A short form two longer ones share stays apart."""
    longer: dict[str, set[str]] = {}
    for key, written in names.items():
        for name in written:
            for short in _without_place_word(name):
                if short != key and short in names:
                    longer.setdefault(short, set()).add(key)
    return {short: next(iter(keys)) for short, keys in longer.items() if len(keys) == 1}


def _without_place_word(name: str) -> Iterable[str]:
    """The keys of `name` with one administrative word dropped from before a capitalised place."""
    for match in rules().admin_re.finditer(name):
        start, end = match.start(), match.end()
        if start == 0 or name[start - 1] != " " or match.group().lower() == rules().bloc_head.lower():
            continue  # the bloc word is an admin word of the lexicon that names no place ("Đảng ủy khối")
        if name[end:end + 1] == " " and name[end + 1:end + 2].isupper():
            yield name_key(name[:start] + name[end + 1:])
