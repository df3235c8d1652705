"""A list item named by whose it is ("Hà Giang 298 ha; Đà Nẵng 181 ha"): the item measures what the
list's lead names after its verb ("Một số tỉnh có diện tích rừng bị cháy nhiều là: ..."), not the name."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right

from pipeline.extract.clauses import Words
from pipeline.extract.measure_phrases import Found, Marks, found_between
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention

NAMES = ("ORG", "LOC")
ITEM_MARKS = frozenset({",", ";"})  # what separates a list's items before the figure
BRACKETS = frozenset({"(", ")"})
LEAD_WORDS = 8  # the lead's measured phrase; longer is a clause
LEAD_PARTS = 3  # comma-parted pieces of one lead's clause read back for its verb and noun phrase
CONTINUING = frozenset({"verb", "adj", "adverb"})  # what opens a part that goes on with the clause before it
# what ends the lead's noun phrase: a verb ("bị cháy"), a quality ("nhiều", "cao", "mới"), a number; a
# determiner or a pronoun opens none ("đưa ra | một số lựa chọn")
PHRASE_ENDS = frozenset(
    {"verb", "adj", "adverb", "number", "preposition", "conjunction", "determiner", "pronoun"}
)


class Names:
    """A segment's names of bodies and places, by start (its mentions come sorted so), made once per
    segment: each figure finds the names before it by bisection, not by a pass over every mention."""

    def __init__(self, mentions: list[Mention]):
        self.spans = [m for m in mentions if m.type in NAMES]
        self.starts = [m.start for m in self.spans]
        self.reach = list(itertools.accumulate((m.end for m in self.spans), max))  # furthest end so far

    def starting_in(self, low: int, high: int) -> list[Mention]:
        """The names starting in [low, high), in order."""
        return self.spans[bisect_left(self.starts, low) : bisect_left(self.starts, high)]

    def around(self, found: Found) -> bool:
        """Whether a phrase lies inside a name: one starting no later than it reaches past its end."""
        before = bisect_right(self.starts, found.start)
        return before > 0 and self.reach[before - 1] >= found.end


def lead_measure(
    words: Words, marks: Marks, figure: Mention, measure: str | None, low: int, names: Names
) -> Found | None:
    """What a figure whose measure is only the name before it measures when it is an item of a list
    its sentence opens with a colon or a list opener ("như", "gồm"): the noun phrase after a verb of
    the lead's clause ("có | diện tích rừng | bị cháy nhiều là:")."""
    name = measure and next((m for m in names.starting_in(low, figure.start) if measure in m.text), None)
    if not name:
        return None
    if any(words.term_at(x, "change_verbs") for x in range(words.at(name.end), words.at(figure.start))):
        return None  # "Hoa Kỳ tăng 10,2%": what a change measures is an open question of its own
    floor = words.at(low)
    k = words.at(name.start)
    while k > floor and not words.term_before(k, "breakdown_openers", floor):
        if words.is_punct(k - 1) and words.lower[k - 1] not in ITEM_MARKS:
            break
        k -= 1
    opener = k - (words.term_before(k, "breakdown_openers", floor) or 1)
    if k <= floor or not (words.lower[k - 1] == ":" or words.term_before(k, "breakdown_openers", floor)):
        return None
    while opener > floor and words.is_punct(opener - 1):
        opener -= 1  # "... như:", "..., gồm"
    end = opener
    for _ in range(LEAD_PARTS):
        start = end
        while start > floor and (not words.is_punct(start - 1) or words.lower[start - 1] in BRACKETS):
            start -= 1  # the lead's clause, an acronym in brackets and all ("trên địa bàn (GRDP) hai chữ số")
        for verb in (v for v in range(start, end) if word_class(words.lower[v]) == "verb"):
            if lead := _noun_phrase(words, marks, verb + 1, end):
                return None if names.around(lead) else lead
        continuing = word_class(words.lower[start]) in CONTINUING
        if start <= floor or words.lower[start - 1] != "," or not continuing:
            return None
        # a part opening on a verb or a quality has no subject of its own: it continues the lead's clause
        # after a comma, coordinated verbs ("có diện tích rừng bị chặt, | phá nhiều là:") or a quality ("ghi
        # nhận GRDP thấp hơn 3%, | thấp nhất cả nước, gồm ..."); the noun phrase is in the part before it.
        # A part opening on a name or a noun is a clause of its own ("Để làm được điều đó, | Distillers ...")
        end = start - 1
    return None


def _noun_phrase(words: Words, marks: Marks, i: int, end: int) -> Found | None:
    """The noun phrase from word `i` on, before word `end`: up to punctuation, another mention, a
    comparison, or a word of a class no noun phrase goes on with; a rate's opener left out."""
    j = i
    while j < end and j - i < LEAD_WORDS and not words.is_punct(j) and not marks.blocked[j]:
        if word_class(words.lower[j]) in PHRASE_ENDS or words.term_at(j, "comparison_cues", end):
            break
        j += 1
    while i < j and (n := words.term_at(i, "measure_openers", j)):
        i += n  # "có tỷ lệ | kết nạp đảng viên mới": the rate is the figure itself
    return found_between(words, i, j) if j > i else None
