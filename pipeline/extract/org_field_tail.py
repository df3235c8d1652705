"""Whether the lower-case words after a body's capitalised words still name its field (its trade,
discipline or department: "Phòng Kế hoạch tổng hợp", "Khoa Răng hàm mặt") or start the sentence's
predicate; read by org_name_ends where a name's tail may end (fields joined across "và", "-" or ",":
org_fields)."""

from __future__ import annotations

import re

from pipeline.extract.canonical import rules as canonical_rules
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, head_at, lower_word
from pipeline.extract.org_words import capitalised
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.text import strip_tones


def field_follows(view: View, conjunction: tuple[int, int]) -> bool:
    """After "và", a capitalised word that starts no body: a second field of the same name ("Phòng Quản
    lý thi và Kiểm định chất lượng"), so the words before "và" do not close it."""
    span = view.next_word(conjunction[1])
    return span is not None and capitalised(view.word(span)) and head_at(view, span[0]) is None


def division_activity(view: View, pos: int, taken: list[tuple[str | None, int]]) -> bool:
    """One lower-case verb right after a division head's field when that field is one syllable or itself
    an activity ("Khoa Răng" + "hàm mặt", "Khoa Hồi sức" + "cấp cứu"): the second half of the field the
    department is named by, not a predicate (a field named by a noun, "Phòng Y tế" + "kiểm tra", is one)."""
    if len(taken) != 1 or taken[0][0] != "verb":
        return False
    start = view.token_starts[view.token(pos - 1)]
    head = head_at(view, start)
    if head is None or head[0] >= pos:  # the field is its own word: the head is the word before it
        if start == 0:
            return False
        head = head_at(view, view.token_starts[view.token(start - 1)])
        if head is None or head[0] > start:
            return False
    if not head[1].division:
        return False
    field = view.lower[head[0]:pos].strip()
    return len(field.split()) == 1 or word_class(field) == "verb"


def head_before(view: View, pos: int) -> bool:
    """The name's words end at `pos` on a head word of its own ("Đảng bộ Trung tâm"), not on a name's
    capitalised word."""
    start = view.token_starts[view.token(pos - 1)]
    head = head_at(view, start)
    return head is not None and head[0] == pos


def proper_name_before(view: View, pos: int) -> bool:
    """The name's words end at `pos` on a proper name: its last two syllables each capitalised, as
    proper names are written ("Gio Châu", "Hồ Chí Minh"; a trade's word is written "Dịch vụ", "Kiểm
    chuẩn"), and neither they nor the segmenter's word a word the tagger or the canonical forms know
    ("Công Thương")."""
    token = view.token(pos - 1)
    word = re.split(r"[-–]", view.lower[view.token_starts[token]:pos])[-1].strip()  # "Cơ khí-Cơ": "cơ"
    before = SYLLABLE_GAPS.split(view.norm[max(0, pos - 40):pos])[-2:]
    if len(before) < 2 or not all(capitalised(w) and not (len(w) > 1 and w.isupper()) for w in before):
        return False  # "Sư phạm", "TNHH Một": no proper name of two syllables
    if before[0].lower() in rules().heads:
        # "Khoa Ngoại": the head and one syllable, which is a proper name only if it is no word ("Hội Tiệp")
        return not known_word(before[1].lower())
    return not (known_word(" ".join(before).lower()) or known_word(word))


def known_word(word: str) -> bool:
    """A word the tagger classes, or a trade's name as canonical names write it ("Công Thương", "Quân y")."""
    return word_class(word) is not None or word.casefold() in canonical_rules().forms


SYLLABLE_GAPS = re.compile(r"[\s\-–]+")  # between syllables: spaces or a hyphen ("Cơ khí-Cơ điện")
SYLLABLE_VOWELS = re.compile(r"[aeiouy]+")  # one run of vowels in a syllable without its tone marks


def field_words(view: View, pos: int, taken: list[tuple[str | None, int]]) -> bool:
    """Lower-case words that go on naming a field: nouns, a compound adjective first ("cơ bản miền",
    "công cộng"), words no class lists ("kỹ nghệ", "tin lành") that hold no function word ("trong khi")."""
    words = [c for c, _ in taken if c != "and"]
    if not words or any(c not in ("noun", "adj", None) for c in words) or "adj" in words[1:]:
        return False
    before = pos
    for cls, end in taken:
        span = view.next_word(before)
        word = lower_word(view, span) if span is not None and cls in ("adj", None) else None
        if cls is None and (word is None or not view.norm[span[0]:word[0]].islower() or any(
                w in rules().tail_stops or word_class(w) in ENDS_A_NAME
                or len(SYLLABLE_VOWELS.findall(strip_tones(w))) != 1 for w in word[1].split())):
            return False  # "khóa XII" (one word of the segmenter), "nhậntheo" (two glued): no field words
        if cls == "adj" and (word is None or len(word[1].split()) < 2):
            return False  # "Bộ Y tế cũ": a one-syllable adjective is said of the body, not its field
        before = end
    return True
