"""Whether what follows a name is the sentence's: after a unit's number, a person addressed, a report."""

from __future__ import annotations

import re

from pipeline.extract.org_rules import rules
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_view import View, head_at, lower_word
from pipeline.extract.org_words import capitalised
from pipeline.extract.people_patterns import patterns as people_patterns
from pipeline.extract.word_classes import ENDS_A_NAME, word_class

REPORTED_ON = ("về", "thêm")  # after a reporting verb: what it reports on, or more of it
SENTENCE_ENDS = ".!?…"


def number_ends(view: View, span: tuple[int, int], strict: bool) -> bool:
    """A short number that ends the name: "Quân khu 7", "Trường THPT Lục Ngạn Số 1 (Bắc Giang)" (strict:
    after a word, only before punctuation or a word that ends a name: "Sư đoàn Pháo binh 351 và",
    "Bệnh viện Nhân dân 115 vừa"), not "công ty 15 nghìn người" nor "trường 46,6 triệu"."""
    after = view.next_word(span[1])
    if span[1] - span[0] > 4 or re.match(r"[.,]\d|[ \xa0]?%", view.norm[span[1]:span[1] + 2]):
        return False  # "trường 46,6 triệu"; a share ("Công ty 100% vốn Nhà nước") numbers no unit
    if not after or term_at(view, after[0]):
        return True  # "Công ty Điện lực 1" + "khóa mới": the term follows the unit's number, counts nothing
    if strict:
        token = view.token(after[0])
        stop = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
        following = view.lower[after[0]:stop].strip() if view.token_starts[token] == after[0] else ""
        return word_class(following) in ENDS_A_NAME or addressed_person(view, after) or (
            following != "" and reports_content(view, (stop, following)))  # "Công ty Điện lực 1 thông tin,"
    return not rules().stop_re.match(view.norm, after[0]) and not _counts(view, after)



def addressed_person(view: View, after: tuple[int, int]) -> bool:
    """A form of address (people.yml's honorifics) and a capitalised name: a person, who ends the name
    before it as a comma would ("Công ty Điện lực 1 đồng chí Nguyễn Văn An", "Ban Thẩm tra tư cách
    đại biểu ông Lê Minh")."""
    word = lower_word(view, after)
    if word is None or word[1] not in people_patterns().honorifics:
        return False
    name = view.next_word(word[0])
    return name is not None and capitalised(view.word(name))



def _counts(view: View, after: tuple[int, int]) -> bool:
    """The number counts the word after it ("Ban Chỉ đạo 3 năm qua", "Quân khu 7 người"): a time or
    counted word that no number of its own follows ("Quân khu 7 năm 2020" names the region)."""
    word = lower_word(view, after)
    if word is None or word[1] not in rules().tail_stops:
        return False
    following = view.next_word(word[0])
    return following is None or not view.word(following).isdigit()



def reports_content(view: View, word: tuple[int, str]) -> bool:
    """A reporting verb of rules/attribution.yml (`source_after`) with its content: after a comma or a
    colon ("thông tin, năm nay ...", "báo cáo: ..."), after "về" or "thêm" ("thông tin về ca bệnh",
    "thông tin thêm") or the sentence's end it closes ("..., Ban Tổ chức Trung ương thông tin."): the
    body's predicate, however often the word is a noun, unless a body's head follows the comma ("Cục An
    toàn thông tin, Bộ TT&TT": its parent body). A name holding the word writes it capitalised or the
    segmenter reads it inside a longer word ("Trung tâm Thông tin", "Trung tâm Công nghệ thông tin")."""
    # imported here: clauses loads spaCy, which a plain-text run loads only when figures need it
    from pipeline.extract.clauses import rules as attribution_rules

    if not attribution_rules().has("source_after", word[1]):
        return False
    rest = view.norm[word[0]:word[0] + 2].lstrip(" \t\xa0")[:1]
    if rest != "" and rest in SENTENCE_ENDS:
        return view.norm[word[0]:word[0] + 2] != ".."  # dots of an ellipsis may leave the sentence open
    if rest not in (",", ":"):
        following = view.next_word(word[0])
        further = lower_word(view, following) if following is not None else None
        return further is not None and further[1] in REPORTED_ON
    after = view.syllable(word[0])
    return after is None or head_at(view, after[0]) is None
