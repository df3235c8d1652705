"""The people an open head's body serves, written in lower case right after the head.

"Học viện cán bộ TPHCM", "Trường cán bộ Cơ yếu Trung ương", "Ban đại diện CMHS": right after a head that
needs a name, a noun of people the tail otherwise never takes ("cán bộ", a body's officials; the
`tail_stops` flagged `people` in rules/organizations.yml) names whom the body is for when the body's
place written whole or its capitalised name follows it at once; a time word ("Ban Chấp hành khóa X")
never does. Elsewhere ("Sở Y tế cán bộ", "Hội Nông dân tỉnh cán bộ") the noun starts the sentence's
next phrase and ends the name.

The same nouns written with their capital inside a name ("Hội Người cao tuổi", "Câu lạc bộ Người cao
tuổi thôn 3") are whom the body gathers, and the lower-case words that say which people they are belong
to the name: a name never ends on the bare noun ("Hội Người").
"""

from __future__ import annotations

from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, head_at, person_starts
from pipeline.extract.org_words import capitalised

# the classes of the words that say which people a noun of people names ("cao tuổi", "khuyết tật")
_DESCRIBING = ("adj", "noun")


def served_people(view: View, word: tuple[int, str]) -> bool:
    """The noun `word` (its end, its lower-case text), read right after an open head, is followed at once
    by a capitalised word, the body's place or name: not another body's head, a person or a stop word."""
    after = view.next_word(word[0])
    if after is None or word[1] not in rules().served_nouns or not capitalised(view.word(after)):
        return False
    stop = rules().stop_re.match(view.norm, after[0])
    return not (head_at(view, after[0]) or person_starts(view, after) or stop)


def people_described(view: View, pos: int, taken: list[tuple[str | None, int]]) -> int:
    """After a name whose last word is a capitalised noun of people ("Hội Người" + "cao tuổi đã ..."),
    the end of the leading adjectives and nouns of the lower-case words `taken` ((class, end) each) that
    say which people; `pos` when there are none. A village or administrative word ends the run: the
    place after the description is read as any name's place is."""
    before = view.norm[max(0, pos - 12):pos]
    noun = next((n for n in rules().served_nouns if before.lower().endswith(" " + n)), None)
    if noun is None or not capitalised(before[-len(noun):]):
        return pos  # the segmenter may glue the noun to the head ("Hội Người"): its syllables decide
    end = pos
    for cls, word_end in taken:
        word = view.next_word(end)
        if cls not in _DESCRIBING or word is None or (
                rules().village_re.match(view.norm, word[0]) or rules().admin_re.match(view.norm, word[0])):
            break
        end = word_end
    return end
