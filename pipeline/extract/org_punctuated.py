"""Names that go on past punctuation: a list's comma ("Vụ Tổ chức, biên chế"), a quoted name inside one."""

from __future__ import annotations

from pipeline.extract.org_place_ends import place_end
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View, lower_word
from pipeline.extract.org_words import capitalised, foreign_word
from pipeline.extract.word_classes import word_class
from pipeline.text import QUOTE_PAIRS, strip_tones


def described(view: View, pos: int) -> bool:
    """The name's last capitalised word is a Vietnamese word, which a description may go on from
    ("Trung tâm Dịch vụ việc làm"), not a brand or an acronym ("Viettel giải pháp", "Twitter, video")."""
    word = view.norm[view.token_starts[view.token(pos - 1)]:pos]
    bare = strip_tones(word)  # "Dịch vụ" -> "dich vu": spelled the Vietnamese way
    return capitalised(word) and not word.isupper() and not any(foreign_word(w) for w in bare.split())


def comma_tail(view: View, pos: int) -> int:
    """"Vụ Tổ chức, biên chế của Bộ": a name that is itself a list goes on after its comma with one
    lower-case noun, when a function word or the end of the sentence follows it (not a verb: "Theo
    Sở Công thương, kim ngạch tăng"; not another list item, nor a body of its own: "bệnh viện")."""
    last = view.lower[view.token_starts[view.token(pos - 1)]:pos]
    if view.norm[pos:pos + 2] != ", " or not described(view, pos) or rules().level_re.fullmatch(last):
        return pos  # a level word ends the name as a place does ("... Trung ương, mưa lũ")
    span = view.next_word(pos + 1)
    word = lower_word(view, span) if span else None
    r = rules()
    if word is None or word[1] in r.heads or word[1] in r.tail_stops or word_class(word[1]) != "noun":
        return pos
    after = view.next_word(word[0])
    if after is None:
        return word[0] if view.norm[word[0]:word[0] + 1] in (".", ";", ")", "") else pos
    following = lower_word(view, after)
    cls = word_class(following[1]) if following else None
    return word[0] if cls == "preposition" else pos  # not "Hội Nông dân, phụ nữ đã ...": a list of bodies


MAX_QUOTED_WORDS = 6


def quoted_name(view: View, pos: int, start: int) -> int | None:
    """End of a capitalised name in quotation marks that is part of a longer name (Quỹ “Vì người
    nghèo” tỉnh, phong trào “Dân vận khéo” huyện Chợ Đồn), or None."""
    between = view.norm[pos:start]
    opening = between.strip(" \t\xa0")
    if len(opening) != 1 or opening not in QUOTE_PAIRS or not between.startswith((" ", "\xa0")):
        return None
    close = view.norm.find(QUOTE_PAIRS[opening], start, start + 60)
    inside = view.norm[start:close] if close > start else ""
    if not inside or not capitalised(inside) or any(c in inside for c in ".,;:!?\n"):
        return None
    after = view.next_word(close + 1)  # the name goes on after the quote: "tỉnh", "huyện Chợ Đồn"
    if after is None or not rules().admin_re.match(view.norm, after[0]):
        return None
    return close + 1 if len(inside.split()) <= MAX_QUOTED_WORDS else None


MAX_LISTED_WORDS = 14  # "người khuyết tật, trẻ mồ côi và bệnh nhân nghèo": a described list is short
LIST_CLASSES = ("noun", "adj", "verb", None)  # a word the tagger never saw may still be a noun


def listed_description(view: View, pos: int) -> int:
    """Right after a name's capitalised words (`pos`), a lower-case description that is itself a list
    ("Hội Bảo trợ" + "người khuyết tật, trẻ mồ côi và bệnh nhân nghèo" + "huyện Bù Đăng"): its commas
    and its "và" run on, when an administrative word and the place it names close it; the end of the
    list's last word, `pos` otherwise. The first item comes before the first comma (not "Hội Nông
    dân, phụ nữ và cựu chiến binh xã": bodies listed after one); no item holds a head or a stop."""
    r, end, words, commas, joined, item_start = rules(), pos, 0, 0, False, True
    while words <= MAX_LISTED_WORDS:
        if view.norm[end:end + 2] == ", " and words and not joined:
            span, commas, item_start = view.next_word(end + 1), commas + 1, True
        else:
            span = view.next_word(end)
        if span is None:
            return pos
        if r.admin_re.match(view.norm, span[0]) and view.norm[span[0]].islower():
            admin = r.admin_re.match(view.norm, span[0])
            named = view.next_word(admin.end())
            closed = named is not None and capitalised(view.word(named)) and (
                place_end(view, named[0]) > named[0])
            return end if commas and joined and closed else pos
        word = lower_word(view, span)
        stop = word is not None and word[1] in r.tail_stops and word[1] not in r.served_nouns
        if word is None or word[1] in r.heads or stop or r.stop_re.match(view.norm, span[0]):
            return pos  # the people a body serves are its description ("người khuyết tật"), no end
        if word[1] == "và":
            if joined or not commas:
                return pos  # one "và" closes a list its commas opened
            joined = item_start = True
            words, end = words + 1, word[0]
            continue
        cls = word_class(word[1])
        if cls not in LIST_CLASSES or (item_start and cls == "verb"):
            return pos  # an item is people or things ("trẻ mồ côi"), not acts ("tổ chức, hướng dẫn")
        words, end, item_start = words + 1, word[0], False
    return pos
