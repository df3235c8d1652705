"""A company named by its trade in lower case: "Tổng công ty phát điện 2", "Công ty vận tải Hoàng Long".

Right after a company's head, the words of its trade may be verbs ("phát điện", "vận tải"), which
elsewhere start the clause's predicate ("Công ty đầu tư 5 tỷ đồng"). The phrase's shape decides: the
trade is short, no verb of it takes a body as its object, and a proper name closes it that is itself
followed by the clause's own predicate or a mark that ends a name; a number closing it is read by the
unit-number test as any numbered unit's is.
"""

from __future__ import annotations

from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, head_at, lower_word, person_starts
from pipeline.extract.org_words import capitalised, foreign_word
from pipeline.extract.word_classes import word_class
from pipeline.text import strip_tones

MAX_TRADE_WORDS = 2  # segmenter words of a trade ("khai thác" + "than"); more is a clause
TRADE_CLASSES = (None, "noun", "verb")  # "cấp nước", "dịch vụ", "vận tải"; no adjective ("mới")
AFTER_NAME = (",", ":", "(", ";")  # marks that close a name inside a clause
PREDICATE_CLASSES = ("verb", "adverb")  # "... Hoàng Long tổ chức", "... Hoàng Long đã"
MAX_NAME_SYLLABLES = 4  # of the proper name that closes a trade ("Việt Tiến", "Sài Gòn")


def trade_words(taken: list[tuple[str | None, int]], words: list[str]) -> bool:
    """The lower-case words read are a trade: few, nouns or verbs, none a verb whose object is a body."""
    classes = [c for c, _ in taken]
    return 0 < len(taken) <= MAX_TRADE_WORDS and all(c in TRADE_CLASSES for c in classes) and not any(
        w in rules().object_verbs or w in rules().tail_stops for w in words)


def trade_named(view: View, after: tuple[int, int]) -> bool:
    """At `after`, a proper name that closes a trade: capitalised syllables spelled the Vietnamese way
    (not a brand: "Iphone"), no head or stop word first, no person's full name, and after them the
    clause's predicate or a mark that ends a name ("Công ty vận tải Hoàng Long đã ...")."""
    if head_at(view, after[0]) or rules().stop_re.match(view.norm, after[0]):
        return False
    span, end, taken = after, after[0], 0
    while span is not None and capitalised(view.word(span)) and (
            not taken or view.gap(end, span[0]) == "space"):
        word = view.word(span)
        if (word.isupper() and len(word) > 1) or not word.isalpha() or foreign_word(strip_tones(word)):
            return False  # an acronym or a brand is no trade's name here
        end, taken, span = span[1], taken + 1, view.next_word(span[1])
    # a surname first reads as a person only with a given name after it: a person is named whole
    # ("Nguyễn Văn An"), a firm by two syllables ("Hoàng Long")
    if not taken or taken > MAX_NAME_SYLLABLES or (taken > 2 and person_starts(view, after)):
        return False
    rest = view.norm[end:end + 2].lstrip(" \t\xa0")[:1]
    if rest in AFTER_NAME:
        return True
    following = lower_word(view, span) if span is not None and view.gap(end, span[0]) == "space" else None
    return following is not None and word_class(following[1]) in PREDICATE_CLASSES

