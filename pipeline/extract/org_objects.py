"""The object of a verb a name is built on: "Quản lý" + "bay", "Khám" + "chữa bệnh", "Chống" + "độc".

Vietnamese names of bodies capitalise the first syllable of each part of the name only: a part that
is an action ("Cục Quản lý Khám chữa bệnh", "Khoa Cấp cứu Chống độc", "Công ty TNHH Kỹ thuật Quản lý
bay") goes on in lower case with what the action is done to. The segmenter, which learnt words in
lower case, often leaves the capitalised syllable alone ("Khám" | "chữa" | "bệnh"), so the name's
reader cannot take its object as part of a capitalised word; here the object is read from what
follows it instead: a few lower-case words and then plainly the end of the name (punctuation, the
predicate's verb or function word, a place's administrative word, a person or another body).
"""

from __future__ import annotations

from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, head_at, lower_word, person_starts
from pipeline.extract.org_words import capitalised, place_level
from pipeline.extract.people_patterns import patterns as people_patterns
from pipeline.extract.word_classes import ENDS_A_NAME, word_class

MAX_OBJECT_WORDS = 2  # "chữa" + "bệnh": an action's object in a name is short
OBJECT_CLASSES = ("noun", "verb", "adj")  # a word the tagger seldom saw is no sure object
# the copula, "have", the passive markers and "must": the tagger calls them verbs, but they start a
# predicate, never an action's object ("Trường THPT Lộc Phát được thành lập")
PREDICATE_VERBS = frozenset({"là", "có", "được", "bị", "phải"})


def verb_object(view: View, part_start: int, verb_start: int, pos: int) -> int:
    """After the name's last capitalised word (`verb_start`..`pos`), a verb after another capitalised
    Vietnamese part of the name (at `part_start`), the end of the lower-case words that are its object;
    `pos` when there are none or the name's end does not follow them."""
    if word_class(view.lower[verb_start:pos]) != "verb" or view.norm[part_start:verb_start].strip().isupper():
        return pos  # "Công ty TNHH Đầu tư" + "mua đất": after initials the action is the name's first part
    if view.token_starts[view.token(verb_start)] != verb_start or place_level(view.norm[part_start:pos]):
        return pos  # "Lộc Phát", "Biên Hòa": a later syllable of a proper name or a place, not a word
    r, end, taken = rules(), pos, 0
    while taken < MAX_OBJECT_WORDS and (span := view.next_word(end)) is not None:
        word = lower_word(view, span)
        if word is None or r.admin_re.match(view.norm, span[0]) or r.stop_re.match(view.norm, span[0]) or (
                word[1] in r.tail_stops or word[1] in r.heads or word[1] in PREDICATE_VERBS) or (
                word[1] in people_patterns().honorifics):
            break  # "Vận tải" + "đồng chí Nguyễn Văn An": a form of address starts a person, no object
        cls = word_class(word[1])
        if cls not in OBJECT_CLASSES or (cls == "verb" and " " in word[1]):
            break  # a verb of two syllables is the predicate: "Chống độc" + "tổ chức đại hội"
        taken, end = taken + 1, word[0]
    return end if taken and _name_ends(view, end) else pos


def _name_ends(view: View, end: int) -> bool:
    """What follows `end` plainly ends a name: punctuation or the text's end, a verb or function word,
    an administrative word, a capitalised person or body, or a form of address."""
    after = view.next_word(end)
    if after is None:
        return True  # punctuation, a dash or the end of the text
    r = rules()
    if r.admin_re.match(view.norm, after[0]) or r.stop_re.match(view.norm, after[0]):
        return True
    following = lower_word(view, after)
    if following is None:
        return head_at(view, after[0]) is not None or person_starts(view, after)
    addressed = following[1] in people_patterns().honorifics  # "bay" + "đồng chí Nguyễn Văn An"
    return following[1] in r.tail_stops or word_class(following[1]) in ENDS_A_NAME or addressed


def acted_field(view: View, pos: int) -> int:
    """Right after a bare head that needs a name, or its one capitalised word (`pos`), a lower-case
    verb of the body's work and a capitalised field it works on ("Trung tâm" + "phục vụ" + "Hành chính
    công", "Cục" + "quản lý" + "Khám chữa bệnh"): the verb's end, so the name reads on into the field;
    `pos` otherwise. The field is a common word (no proper name, person or place), no nested body,
    document, title or award (stop words) and nothing a body holds (held objects: "Trường" + "tổ
    chức" + "Hội thi" is the predicate)."""
    verb = view.next_word(pos)
    word = lower_word(view, verb) if verb is not None else None
    r = rules()
    if word is None or " " not in word[1] or word_class(word[1]) != "verb" or (
            word[1] in r.object_verbs or word[1] in PREDICATE_VERBS or word[1] in r.tail_stops):
        return pos  # one syllable ("Hội" + "có"): too often the predicate's verb or a particle
    field = view.next_word(word[0])
    if field is None or not capitalised(view.word(field)) or view.word(field).isupper():
        return pos
    token = view.token(field[0])
    stop = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
    common = view.lower[field[0]:stop].strip()
    one_word = view.token_starts[token] == field[0] and " " in common
    if not one_word or word_class(common) not in ("noun", "verb"):
        return pos  # the field is one common word of the segmenter ("Hành chính", "Môi trường")
    if r.head_re.match(common):
        return pos  # "Hội viên", "Đoàn viên", "Đảng viên": the members a body works with, a head's word
    if head_at(view, field[0]) or person_starts(view, field) or r.stop_re.match(view.norm, field[0]) or (
            r.held_re.match(view.norm, field[0]) or r.law_re.match(view.norm, field[0]) or (
            r.admin_re.match(view.norm, field[0])) or place_level(view.norm[field[0]:stop].strip())):
        return pos
    return word[0]
