"""Where an organisation name meets a place: a place or a village that ends it, a number that names a
place, a foreigner named after a place, a name that is a place's own."""

from __future__ import annotations

import re

from pipeline.extract.org_rules import rules
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_view import View, head_at, lower_word, person_starts
from pipeline.extract.org_words import BIG_PLACES, PLACES_KNOWN, capitalised, foreign_word, place_level
from pipeline.extract.word_classes import word_class


def foreigner_after_place(view: View, word_starts: list[int], span: tuple[int, int], named: bool) -> bool:
    """Two to four capitalised words after a name are a person when the name ends with a country or
    province ("Bộ Ngoại giao Nga Maria Zakharova") or they are foreign words after Vietnamese ones
    ("Tòa án Tối cao John Roberts"); not in "Công ty LG Display Việt Nam Hải Phòng"."""
    run = [span]  # the capitalised words from here on, all written like a person's name
    while len(run) < 5 and (nxt := view.next_word(run[-1][1])) and capitalised(view.word(nxt)):
        run.append(nxt)
    if not named or not 2 <= len(run) <= 4 or any(view.word(w).isupper() for w in run):
        return False
    text, end = view.norm[span[0]:run[-1][1]], view.norm.rfind(" ", 0, span[0])
    if place_level(text) is not None:
        return False
    starts_place = any(place_level(view.norm[s:e]) for s, e in (
        (span[0], span[1]), (span[0], run[1][1]), (word_starts[-1] if word_starts else span[0], span[1])))
    after_vietnamese = bool(word_starts) and not view.norm[word_starts[-1]:end].isascii()
    if after_vietnamese and not starts_place and any(foreign_word(view.word(w)) for w in run):
        return True
    return any(place_level(view.norm[s:end]) in BIG_PLACES for s in word_starts[-3:])


def place_end(view: View, start: int) -> int:
    """End of the place name starting at `start` (`start` itself when there is none)."""
    taken: list[tuple[int, int]] = []
    pos = start
    while len(taken) < 6 and (span := view.syllable(pos)) is not None:
        if (span[0] != start) if not taken else view.gap(pos, span[0]) not in ("space", "hyphen"):
            break
        word = view.word(span)
        if not (capitalised(word) or (not taken and word.isdigit() and _place_number(view, span))):
            break
        taken.append(span)
        pos = span[1]
        if word.isdigit():
            break
    for size in range(len(taken), 1, -1):  # the longest known place wins ("Hải Phòng" holds a head)
        if place_level(view.norm[start:taken[size - 1][1]]):
            return taken[size - 1][1]
    if taken and head_at(view, start):
        return start
    # "Chủ tịch UBND phường Báo cáo kết quả": a document or title word starts no unknown place's name
    stop = next((n for n, sp in enumerate(taken) if rules().stop_re.match(view.norm, sp[0])), None)
    taken = taken if stop is None else taken[:stop]
    ends = (n for n, sp in enumerate(taken) if n and (person_starts(view, sp) or head_at(view, sp[0])))
    cut = next(ends, None)  # "TP Hà Nội Chu Ngọc Anh": a person follows the place
    if cut is None and len(taken) >= 3 and PLACES_KNOWN:
        return start  # "UBND thành phố Chử Xuân Dũng": a long unknown run after the admin word is a person
    return taken[(cut or len(taken)) - 1][1] if taken else start


def village_end(view: View, start: int) -> int:
    """End of a village or neighbourhood with its name or number at `start` ("thôn Phú Mỹ", "ấp 3",
    "khu phố 2"), `start` itself when there is none: a bare "thôn" names no one village."""
    numbered = rules().numbered_village_re.match(view.norm, start)
    if numbered and view.ends_syllable(start, numbered.end()):
        return _village_number(view, numbered.end()) or start  # "Chi hội Phụ nữ TDP 16 phường Xuân Đỉnh"
    word = rules().village_re.match(view.norm, start)
    if word is None or not view.ends_syllable(start, word.end()):
        return start
    named = view.next_word(word.end())
    if named is None or not (capitalised(view.word(named)) or view.word(named).isdigit()):
        return start
    if view.word(named).isdigit():  # "thôn 5 xã Ea Tu": a village's number, whatever follows it
        return _village_number(view, word.end()) or start
    end = place_end(view, named[0])
    return end if end > named[0] else start


def _village_number(view: View, end: int) -> int:
    """End of the short number right after a village word at `end` ("thôn 5", "Tổ dân phố 16"), 0 when
    none follows (a count or a decimal is no village's number: "TDP 1.200")."""
    number = view.next_word(end)
    if number is None or view.gap(end, number[0]) != "space" or not view.word(number).isdigit():
        return 0
    decimal = re.match(r"[.,]\d", view.norm[number[1]:number[1] + 2])
    return number[1] if number[1] - number[0] <= 3 and not decimal else 0


def _place_number(view: View, span: tuple[int, int]) -> bool:
    """A number that names a place ("quận 3", "phường 12"): short, and not a count of what follows
    ("tỉnh 500 triệu đồng", "xã 12 hộ")."""
    after = view.next_word(span[1])
    word = (lower_word(view, after) or (0, view.lower[after[0]:after[1]]))[1] if after else ""
    # the segmenter's whole word: "phường 5 tổ chức" (a verb) names a ward, "xã 12 hộ" counts; the
    # place the ward lies in ("phường 14 quận 6", "Phường 6, Quận Tân Bình") is no counted noun, nor is
    # a term ("UBND phường 1 khóa mới")
    parent = after is not None and (rules().admin_re.match(view.norm, after[0]) is not None
                                    or term_at(view, after[0]))
    counted = after is not None and not parent and (rules().stop_re.match(view.norm, after[0]) is not None
                                                    or word_class(word) == "noun")
    return span[1] - span[0] <= 2 and not re.match(r"[.,]\d", view.norm[span[1]:span[1] + 2]) and not counted


def ends_with_place(view: View, word_starts: list[int], pos: int) -> bool:
    """The capitalised words read last name a known place ("Văn phòng Huyện ủy Đức Trọng thông tin"):
    the name ends there."""
    return any(place_level(view.norm[s:pos]) and _all_capitalised(view.norm[s:pos]) for s in word_starts[-3:])


def _all_capitalised(run: str) -> bool:
    """Every syllable capitalised, as places are written ("An Toàn"); "An toàn" (safety), "Xúc tiến"
    are common words even where a commune shares their letters."""
    return all(capitalised(w) for w in run.split())


def named_for_place(view: View, span: tuple[int, int]) -> bool:
    """After a name's own capitalised word, a known place written whole that ends the capitalised run,
    though it starts like a person ("Công ty Than Dương Huy", "Đảng bộ Than Hà Lầm"): the place an
    enterprise is named after; a person would follow the whole name, mostly in three syllables
    ("Công ty Than Nguyễn Văn An"), so a person's name right after the place leaves it a place
    ("Bí thư Huyện ủy Lương Tài Nguyễn Văn A")."""
    end = place_end(view, span[0])
    if end <= span[0] or place_level(view.norm[span[0]:end]) is None:
        return False
    after = view.next_word(end)
    return after is None or view.gap(end, after[0]) != "space" or not capitalised(view.word(after)) or (
        person_starts(view, after))


def known_place_at(view: View, start: int) -> bool:
    """A place the gazetteer knows, with its level, starts at `start` ("Hà Nội", "Nghệ An")."""
    place = place_end(view, start)
    return place > start and place_level(view.norm[start:place]) is not None


def named_place_after(view: View, end: int) -> bool:
    """A place's name follows the word ending at `end` (an administrative word: "tỉnh" + "Nghệ An")."""
    place = view.next_word(end)
    return place is not None and place_end(view, place[0]) > place[0]


PROGRAMME_WORDS = 8  # syllables of a programme naming a body ("Xây dựng nông thôn mới")


def runs_to_place(view: View, end: int) -> bool:
    """From `end`, a short run of words with only spaces between them (no number, stop word, head or person),
    then the body's place: a known place, or an administrative word and its named place ("Xây dựng nông
    thôn mới Hà Nội", "Mục tiêu Quốc gia huyện Đăk Tô")."""
    r = rules()
    for _ in range(PROGRAMME_WORDS):
        span = view.next_word(end)
        if span is None or view.gap(end, span[0]) != "space":
            return False
        admin = r.admin_re.match(view.norm, span[0])
        if admin is not None:
            return named_place_after(view, admin.end())
        if known_place_at(view, span[0]):
            return True
        numbered = view.word(span)[:1].isdigit()  # "Kế hoạch" + "số 12": a document's number, no programme
        if (
            numbered
            or r.stop_re.match(view.norm, span[0])
            or head_at(view, span[0])
            or person_starts(view, span)
        ):
            return False
        end = span[1]
    return False
