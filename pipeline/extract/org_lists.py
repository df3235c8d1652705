"""Bodies listed after a counted head and a colon, each item a name written without the shared head."""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.org_definitions import Candidate, clean_span, define
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_scan import read_name
from pipeline.extract.org_view import View
from pipeline.extract.org_words import capitalised
from pipeline.text import name_key

# "các Tập đoàn:", "những trường:": a plural determiner, a head, then the colon that opens the list
_COUNTED = re.compile(r"(?<![^\W_])(?:các|những)[ \t\xa0]+")
_ASIDE = re.compile(r"[ \t\xa0]*\([^()\n]{1,40}\)")  # "(năm 1993)": a note on the item, not its name
_COLON = re.compile(r"[ \t\xa0]*:[ \t\xa0]+")
_SEPARATOR = re.compile(r"[ \t\xa0]*(?:[;,]|và(?![^\W_]))[ \t\xa0]*")
MAX_ITEMS = 12


def take_colon_lists(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Each capitalised item after "các Tập đoàn:" or "các trường:" up to the sentence's end is one
    body of that kind ("các Tập đoàn: Công nghiệp Than và Khoáng sản Việt Nam (Vinacomin); Bưu chính
    Viễn thông Việt Nam (VNPT)"); an item in lower case ends the list."""
    org_rules = rules()
    for counted in _COUNTED.finditer(view.lower):
        head = org_rules.head_re.match(view.lower, counted.end())
        if head is None or not view.ends_syllable(counted.end(), head.end()):
            continue
        colon = _COLON.match(view.norm, head.end())
        if colon is None:
            continue
        _take_items(view, colon.end(), org_rules.heads[head.group()], found, acronyms)


def _take_items(view: View, pos: int, head: Head, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """The items from `pos` (the first item's first syllable), while a separator joins them."""
    for _ in range(MAX_ITEMS):
        first = view.syllable(pos)
        if first is None or first[0] != pos or not capitalised(view.word(first)):
            return  # the list ends ("và trường Cán bộ quản lý Giáo dục": an item the usual reading takes)
        scan = read_name(view, pos - 1, head, capital_head=True) if view.norm[pos - 1] == " " else None
        if scan is None or not scan.strong or scan.first != pos:
            return
        name = clean_span(view, pos, scan.end, scan.cuts)
        cand = Candidate(view, pos, scan.end, name, head=name_key(head.term))
        found.append(cand)
        end = scan.end
        if scan.acronym:
            define(view, cand, scan, found, acronyms)
            end = scan.acronym[2]
        elif aside := _ASIDE.match(view.norm, end):
            end = aside.end()
        separator = _SEPARATOR.match(view.norm, end)
        if separator is None or separator.end() == end:
            return
        pos = separator.end()
