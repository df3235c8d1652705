"""A company's name written again without its head: "Thủy điện Ialy" after "Công ty Thủy điện Ialy",
"Apatit Việt Nam" after "Công ty Cổ phần Apatit Việt Nam".

After the article's organisations are read, each body named after a wrapper head of
rules/organizations.yml (a company, corporation, group, bank: "the name without the head is the same
body") yields the rest of its name, its legal form ("Cổ phần", "TNHH MTV") dropped, as a short form
when that rest is distinctive: a proper name after its first word (a capital or a number: not "Điện
lực", "Nhà nước", which are common nouns capitalised), no administrative word and place, not a place
the gazetteer knows ("Báo Quảng Ninh" -> "Quảng Ninh" is the province), not a listed non-name.
Names whose rest is capitalised throughout ("Hòa Phát") already carry it as their alias; this step
reads the others. Each later use of the short form written the same way (same capitals), word-bounded,
outside any other name and not after a head of its own ("nhà máy Thủy điện Ialy"), becomes a mention
of the same organisation: it takes the long form's name, no new name.
"""

from __future__ import annotations

import re

from pipeline.extract.org_definitions import Candidate
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View
from pipeline.extract.org_words import capitalised, place_level
from pipeline.text import name_key

try:
    from pipeline.extract.gazetteer import location_rules
except ImportError:  # without the place rules, no rest is read as a place's cue and name
    location_rules = None

MAX_HEAD_WORDS = 3  # words before a short form searched for a head that ends there ("nhà máy")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def distinctive_rest(name: str, head_term: str) -> str | None:
    """The name without its head and legal form, when that rest names the body by itself, else None."""
    words = name.split()
    size = len(head_term.split())
    if len(words) <= size or name_key(" ".join(words[:size])) != name_key(head_term):
        return None
    rest = " ".join(words[size:])
    legal = rules().legal_suffix_re.match(rest.lower())
    if legal:  # "Cổ phần Apatit Việt Nam": the company's legal form, not its name
        rest = rest[legal.end():].strip()
    rest_words = rest.split()
    if not rest_words or not capitalised(rest_words[0]):
        return None
    if not any(capitalised(w) or w[:1].isdigit() for w in rest_words[1:]):
        return None  # "Điện lực", "Nhà nước": a common noun capitalised, no name of its own
    if any(rules().admin_re.fullmatch(w) for w in rest_words):
        return None  # "Chính trị tỉnh", "Điện lực tỉnh Bình Định": a unit's body, named by its place
    if place_level(rest) is not None or name_key(rest) in rules().not_names or _place_cued(rest):
        return None
    if len(rest_words) <= 3 and all(capitalised(w) for w in rest_words) and rest_words[0] in rules().surnames:
        return None  # "Chu Văn An": a person's name alone names the person
    return rest


def _place_cued(rest: str) -> bool:
    """The rest opens on a cue that names a place as written ("KCN Phong Phú", "Sân bay Nội Bài"): alone
    it names the place the company is named after, as the place rules read it; a cue that counts only in
    lower case does not ("Cảng Sài Gòn" is a name of its own)."""
    if location_rules is None:
        return False
    cues = (c["term"] for c in location_rules()["place_cues"] if not c.get("lower_only"))
    return any(rest.startswith(cue + " ") for cue in cues)


def _short_forms(found: list[Candidate]) -> dict[str, str]:
    """Each distinctive rest -> the long name it shortens; a rest two bodies share names neither."""
    heads = rules().heads
    forms: dict[str, str] = {}
    shared: set[str] = set()
    for cand in found:
        head = heads.get(cand.head)
        if head is None or not head.wrapper or not cand.rest or cand.alias or not cand.body:
            continue
        rest = distinctive_rest(cand.name, head.term)
        if rest is None:
            continue
        if forms.get(rest, cand.name) != cand.name and name_key(forms[rest]) != name_key(cand.name):
            shared.add(rest)
        forms.setdefault(rest, cand.name)
    return {rest: name for rest, name in forms.items() if rest not in shared}


def _after_head(view: View, pos: int) -> bool:
    """A head word of a body ends right before `pos` ("nhà máy Thủy điện Ialy"): the short form is the
    rest of another name."""
    before = _WORD.findall(view.lower[max(0, pos - 40):pos])[-MAX_HEAD_WORDS:]
    between = view.norm[max(0, pos - 2):pos]
    if not between.endswith(" ") or not before:
        return False
    return any(name_key(" ".join(before[i:])) in rules().heads for i in range(len(before)))


def _after_capital(view: View, pos: int) -> bool:
    """The word right before `pos`, across one space, is capitalised (the segmenter's word: "Dự án")
    and no sentence's first word: the short form goes on a longer name ("Dự án Thủy điện Ialy")."""
    if view.norm[pos - 1:pos] != " " or not view.norm[:pos - 1].strip():
        return False
    syllable = view.norm[:pos - 1].rsplit(None, 1)[-1]
    start = pos - 1 - len(syllable)
    token_start = view.token_starts[view.token(start)]
    start = token_start + len(view.norm[token_start:start]) - len(view.norm[token_start:start].lstrip())
    if not capitalised(view.norm[start:pos]):
        return False
    previous = view.norm[:start].rstrip()
    return bool(previous) and previous[-1] not in ".!?:\n\"“"


def short_form_mentions(views: list[View], found: list[Candidate]) -> list[Candidate]:
    """Mentions of a company written without its head and legal form, found in every view."""
    forms = _short_forms(found)
    mentions: list[Candidate] = []
    for view in views:
        taken = [(c.start, c.end) for c in found if c.view is view]
        for rest, name in forms.items():
            pos = view.norm.find(rest)
            while pos >= 0:
                end = pos + len(rest)
                before, after = view.norm[pos - 1:pos], view.norm[end:end + 2]
                bounded = not before.isalnum() and not after[:1].isalnum()
                longer = (after[:1] == " " and capitalised(after[1:])) or after[:1].isdigit()
                # crossing or inside another name; a shorter name inside it is read over ("Masan")
                inside = any(s < end and pos < e and not pos <= s < e <= end for s, e in taken)
                if bounded and not longer and not inside and not _after_head(view, pos) and (
                        not _after_capital(view, pos)):
                    mentions.append(Candidate(view, pos, end, name))
                    taken.append((pos, end))
                pos = view.norm.find(rest, end)
    return mentions
