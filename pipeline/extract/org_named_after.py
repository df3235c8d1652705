"""Institutions named after a person, their kind written in lower case ("Trường chính trị Hoàng Văn Thụ")."""

from __future__ import annotations

from pipeline.extract.org_view import View, lower_word, person_starts
from pipeline.extract.word_classes import word_class


def kind_before_person(view: View, pos: int) -> int:
    """Right after the head of an institution that may carry a person's name ("Trường", "Bệnh viện"),
    one lower-case noun of two syllables, a single word of the segmenter, that a person's name follows
    ("chính trị" + "Hoàng Văn Thụ", "năng khiếu" + "Trần Phú"): the institution's kind, as "Chính trị"
    is in "Trường Chính trị Tôn Đức Thắng". Its end, else `pos`; a verb or a function word is the
    clause going on ("Trường có đồng chí Nguyễn Văn An")."""
    span = view.next_word(pos)
    word = lower_word(view, span) if span is not None else None
    if word is None or len(word[1].split()) != 2 or word_class(word[1]) != "noun":
        return pos
    person = view.next_word(word[0])
    return word[0] if person is not None and person_starts(view, person) else pos
