"""The people an open head's body serves, written in lower case right after the head.

"Học viện cán bộ TPHCM", "Trường cán bộ Cơ yếu Trung ương", "Ban đại diện CMHS": right after a head that
needs a name, a noun of people the tail otherwise never takes ("cán bộ", a body's officials; the
`tail_stops` flagged `people` in rules/organizations.yml) names whom the body is for when the body's
place written whole or its capitalised name follows it at once; a time word ("Ban Chấp hành khóa X")
never does. Elsewhere ("Sở Y tế cán bộ", "Hội Nông dân tỉnh cán bộ") the noun starts the sentence's
next phrase and ends the name.
"""

from __future__ import annotations

from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, head_at, person_starts
from pipeline.extract.org_words import capitalised


def served_people(view: View, word: tuple[int, str]) -> bool:
    """The noun `word` (its end, its lower-case text), read right after an open head, is followed at once
    by a capitalised word, the body's place or name: not another body's head, a person or a stop word."""
    after = view.next_word(word[0])
    if after is None or word[1] not in rules().served_nouns or not capitalised(view.word(after)):
        return False
    stop = rules().stop_re.match(view.norm, after[0])
    return not (head_at(view, after[0]) or person_starts(view, after) or stop)
