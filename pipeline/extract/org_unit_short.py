"""A body of a place named again without its place: "Hội cựu chiến binh huyện" after "Hội cựu chiến binh
huyện Thanh Miện", "Cục thuế tỉnh" after "Cục thuế tỉnh Lào Cai".

An article that names its own unit's body whole writes it again up to the administrative word, the
place left for the reader. The evidence is the article's: a body it found, whose name is its head,
words that describe it, an administrative word and a place in capitals that ends the name, gives the
short form up to that word. Each other use of the short form written the same way, word-bounded, not
followed by a capitalised word or a number (another unit's place: "Hội nông dân xã Hòa Bình") and outside
any other name, becomes a mention of that body: it takes the long form's name. Without such a long form
nothing is read (a described head and a bare administrative word alone may be any unit's), and a short
form two bodies of the article share (two communes' "Hội nông dân xã") names neither. A short form the
organisation scan already read as a name of its own groups with that body the same way (`unit_targets`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import regex

from pipeline.extract.org_definitions import Candidate
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View
from pipeline.extract.org_words import capitalised
from pipeline.text import alternation, name_key


def unit_without_place(name: str, head_term: str) -> str | None:
    """The name up to its administrative word, when words with no place describe the body between its head
    and that word and only a capitalised place follows it, else None."""
    size = len(head_term.split())
    words = name.split()
    if len(words) <= size or name_key(" ".join(words[:size])) != name_key(head_term):
        return None
    head_end = len(" ".join(words[:size]))
    short = None
    for match in rules().admin_re.finditer(name):
        start, end = match.start(), match.end()
        if match.group().lower() == rules().bloc_head.lower():
            continue  # "Đảng ủy khối": the bloc word names no place
        place = name[end:].split()
        if start <= head_end + 1 or name[start - 1] != " " or name[end : end + 1] != " ":
            continue  # no describing word between the head and the administrative word
        if place and all(capitalised(w) for w in place) and not rules().admin_re.search(name[end:]):
            short = name[:end]
        elif place and capitalised(place[0]):
            return None  # "Hội nông dân xã Lê Lợi huyện X": a place inside; which one is left out is unclear
    return short


def _unit_forms(found: list[Candidate]) -> dict[str, str]:
    """Each place-less short form -> the long name it shortens; a form two bodies share, in any case
    ("Hội khuyến học tỉnh Bạc Liêu", "Hội Khuyến học tỉnh Sóc Trăng"), names neither."""
    heads = rules().heads
    forms: dict[str, str] = {}
    longs: dict[str, set[str]] = {}  # the folded short form -> the folded long names it shortens
    for cand in found:
        head = heads.get(cand.head)
        if head is None or not cand.body or cand.acronym:
            continue
        short = unit_without_place(cand.name, head.term)
        if short is None:
            continue
        longs.setdefault(name_key(short), set()).add(name_key(cand.name))
        forms.setdefault(short, cand.name)
    return {short: name for short, name in forms.items() if len(longs[name_key(short)]) == 1}


def unit_short_mentions(views: list[View], found: list[Candidate]) -> list[Candidate]:
    """Mentions of a place's body written without its place, after the article named it with it."""
    forms = _unit_forms(found)
    if not forms:
        return []
    # word-bounded, and not followed by a capitalised word or a number: another unit's place
    uses = regex.compile(rf"(?<!\w){alternation(forms)}(?!\w)(?![ \u00a0][\p{{Lu}}\d])")
    mentions: list[Candidate] = []
    for view in views:
        taken = [(c.start, c.end) for c in found if c.view is view]
        for use in uses.finditer(view.norm):
            if not any(s < use.end() and use.start() < e for s, e in taken):
                mentions.append(Candidate(view, use.start(), use.end(), forms[use.group()]))
                taken.append(use.span())
    return mentions


def unit_targets(names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Group key -> the key it is short for, where a group is written as another group's name up to its
    administrative word ("BCH Đoàn xã" and "BCH Đoàn xã Xuân Tân"): one body, when only one longer
    group of the article ends so."""
    r = rules()
    longer: dict[str, set[str]] = {}
    for key, written in names.items():
        for name in written:
            match = r.head_re.match(name.lower())
            head = r.heads.get(match.group()) if match and name[:1].isupper() else None
            short = unit_without_place(name, head.term) if head is not None else None
            if short is not None and name_key(short) != key and name_key(short) in names:
                longer.setdefault(name_key(short), set()).add(key)
    return {short: next(iter(keys)) for short, keys in longer.items() if len(keys) == 1}
