"""Parts of an organisation name that seat or number a unit: a bloc's kind and the city a central bloc
sits in ("Đảng ủy Khối cơ sở Bộ Công Thương tại TPHCM"), and a unit's number ("Quân khu 7", "Trường THPT
số 1", "Chi đoàn 15B", "UBND Quận 3"). Pure functions of the view and the scan so far; `org_scan` asks them.
"""

from __future__ import annotations

import re

from pipeline.extract.org_name_ends import counts_nothing, lowercase_tail
from pipeline.extract.org_parts import STOP, Decision, Part, Scan
from pipeline.extract.org_place_ends import ends_with_place, place_end
from pipeline.extract.org_punctuated import described
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_sentence_after import number_ends
from pipeline.extract.org_view import View, head_at, person_starts
from pipeline.extract.org_words import capitalised, place_level

DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})(?![/\w]|[.,]\d)")  # "30/4": a day and month, no year
# a unit's code, digits then capitals and digits: a school class ("Chi đoàn 15B", "Chi đoàn 12A1"), read
# as its number is; the numbered head and `number_ends` decide as for "Quân khu 7"
UNIT_CODE = re.compile(r"\d{1,2}[A-Z]{1,2}\d?")
NUMBER_WORD = "số"  # "Trường THPT số 1": the number of one unit of a kind
SEAT_WORD = "tại"  # "Đảng bộ Khối các cơ quan Trung ương tại TPHCM": where a central body's unit sits
SEAT_LEVELS = ("province", "country")  # the places a body is seated in as part of its name
ROMAN = re.compile(r"[IVXL]{1,5}")  # a region's number in Roman numerals ("khu vực IX")
MAX_REGION_WORDS = 5  # capitalised syllables of a region's own name ("Tây Nam Nghệ An")


def number_part(
    view: View, scan: Scan, word_starts: list[int], number_ok: bool, span: tuple[int, int]
) -> Decision:
    """A number is part of the name after a numbered head ("Quân khu 7", "Bệnh viện 108"), and so
    is a day and month the unit is named after ("Bệnh viện 30/4", "Trường THCS 2/9"), not a
    whole date or a document's number ("30/4/2020", "12/QĐ")."""
    dated = DAY_MONTH.match(view.norm, span[0])
    if dated and 1 <= int(dated.group(1)) <= 31 and 1 <= int(dated.group(2)) <= 12:
        span = (span[0], dated.end())
    if ward_number(view, scan, word_starts, span):
        return Part(span[0], span[1], "number", True)  # "UBND Quận 3", "Đảng ủy Phường 6"
    strict = scan.last in ("word", "lexical")
    if not (number_ok and number_ends(view, span, strict=strict)):
        return STOP
    return Part(span[0], span[1], "number", True)


def ward_number(view: View, scan: Scan, starts: list[int], span: tuple[int, int]) -> bool:
    """A capitalised administrative word read last, then the number that names its unit ("Quận 3",
    "Phường 14"): a place, as "quận 3" in lower case is."""
    if scan.last != "word" or not starts:
        return False
    admin = rules().admin_re.fullmatch(view.lower, starts[-1], scan.end)
    return admin is not None and place_end(view, span[0]) > span[0]


def field_adjective(view: View, name_end: int, span: tuple[int, int]) -> bool:
    """The count's noun at `span` right after a name's capitalised Vietnamese words (ending at
    `name_end`), counting nothing: the adjective of their field ("Trung tâm Chuyển đổi số tỉnh Ninh
    Bình", "Cục Thương mại điện tử và Kinh tế số,"), not a unit's number ("Trường THPT số 1")."""
    return described(view, name_end) and counts_nothing(view, (span[1], view.lower[span[0]:span[1]]))


def numbered_unit(view: View, span: tuple[int, int]) -> Decision:
    """"số" and a short number after a name's words number one unit of a kind ("Trường THPT số 1",
    "Trung tâm GDTX số 2"); not a document's number ("số 433/QĐ") nor a count ("số 2 triệu")."""
    number = view.next_word(span[1])
    if number is None or not view.word(number).isdigit() or number[1] - number[0] > 2 or (
            re.match(r"[.,/]\w", view.norm[number[1]:number[1] + 2])):
        return STOP
    after = view.next_word(number[1])
    if after is not None and not (number_ends(view, number, strict=True) or place_at(view, after)
                                  or rules().admin_re.match(view.norm, after[0])):
        return STOP
    return Part(span[0], number[1], "number", True)


def regional_unit(view: View, scan: Scan, span: tuple[int, int]) -> Decision | None:
    """After a body's name, a region word and that region's number or capitalised name: one regional
    branch of the body ("Kiểm toán Nhà nước khu vực IX vừa", "Bệnh viện Đa khoa khu vực Cửa Lò"); a
    number ends the name, as a unit's number does. None when neither follows: the word ends the name."""
    region = rules().region_re.match(view.lower, span[0])
    if not scan.parts or region is None or not view.ends_syllable(span[0], region.end()):
        return None
    after = view.next_word(region.end())
    if after is None or view.gap(region.end(), after[0]) != "space":
        return None
    word = view.word(after)
    if (word.isdigit() and len(word) <= 2) or ROMAN.fullmatch(word):
        return Part(span[0], after[1], "number", True) if number_ends(view, after, strict=True) else None
    end = place_at(view, after) or _region_name(view, after)
    return Part(span[0], end, "phrase", True) if end else None


def _region_name(view: View, span: tuple[int, int]) -> int:
    """End of a region's name written in capitalised syllables from `span` ("Tây Nam Nghệ An", "Bắc
    Quảng Bình"), stopping before a body's head; 0 when a person, an acronym or a stop word starts it, or
    a syllable is the start of a common word ("Cửa khẩu quốc tế ...": a description, not a name)."""
    r, word = rules(), view.word(span)
    if not capitalised(word) or word.isupper() or person_starts(view, span) or (
            r.stop_re.match(view.norm, span[0])):
        return 0
    end, taken = span[0], 0
    while span is not None and taken < MAX_REGION_WORDS and capitalised(view.word(span)) and (
            view.gap(end, span[0]) == "space" or not taken) and not head_at(view, span[0]):
        nxt = view.next_word(span[1])
        if nxt is not None and view.token(nxt[0]) == view.token(span[0]) and view.norm[nxt[0]].islower():
            return 0
        end, taken, span = span[1], taken + 1, nxt
    return end if taken else 0


def place_at(view: View, span: tuple[int, int]) -> int:
    """End of a known place written whole from `span` (0 when there is none)."""
    if not capitalised(view.word(span)) or person_starts(view, span):
        return 0
    end = place_end(view, span[0])
    return end if end > span[0] and place_level(view.norm[span[0]:end]) else 0


def bloc_seat(
    view: View, scan: Scan, head: Head | None, last_head: Head | None, span: tuple[int, int]
) -> int:
    """After a central bloc's name (ending on a level word, "Trung ương", or a ministry's name), "tại"
    and a province or city, written whole or with its administrative word: the central bloc seated
    there, one name ("Đảng ủy Khối Doanh nghiệp Công nghiệp Trung ương tại TPHCM"). The end of that
    place, else `span`'s start."""
    last = view.lower[view.token_starts[view.token(scan.end - 1)]:scan.end].strip() if scan.parts else ""
    bloc = (head is not None and head.bloc) or rules().bloc_head.lower() in view.lower[
        scan.first:scan.end].split()  # a bloc of central agencies or firms, not "Viện X Trung ương"
    after = view.next_word(span[1])
    # the bloc is central when its name ends on a level word or groups a ministry's units ("Khối cơ
    # sở Bộ Công Thương tại Thành phố Hồ Chí Minh")
    ministry = last_head is not None and last_head.ministry
    central = bool(last) and (rules().level_re.fullmatch(last) is not None or (
        ministry and last_head is not head))
    if not bloc or not central or after is None:
        return span[0]
    admin = rules().admin_re.match(view.lower, after[0])
    named = view.next_word(admin.end()) if admin and view.ends_syllable(after[0], admin.end()) else after
    if (place := _seat_place(view, named)) is None:
        return span[0]
    end, level = place
    return end if level in SEAT_LEVELS or (admin and end > named[0]) else span[0]


def home_seat(view: View, scan: Scan, head: Head | None, starts: list[int], span: tuple[int, int]) -> int:
    """After a seated head's name that ends on its home place, "tại" and a province or country written
    whole: where the association sits, one name ("Hội doanh nhân kiều bào Việt Nam tại Thái Lan"). The
    end of that place, else `span`'s start. With an administrative word ("tại thành phố Hà Nội") the
    place is more often where something happened, so it ends the name."""
    if head is None or not head.seated or scan.last != "word" or not ends_with_place(view, starts, scan.end):
        return span[0]
    named = view.next_word(span[1])
    if (named is not None and person_starts(view, named)) or (place := _seat_place(view, named)) is None:
        return span[0]
    end, level = place
    return end if level in SEAT_LEVELS else span[0]


def _seat_place(view: View, named: tuple[int, int] | None) -> tuple[int, str | None] | None:
    """The place a seat after "tại" names from the word `named`: its end and level (None when the
    gazetteer gives none); None when no capitalised word starts it."""
    if named is None or not capitalised(view.word(named)):
        return None
    end = place_end(view, named[0])
    return end, place_level(view.norm[named[0]:end]) if end > named[0] else None


def bloc_kind_end(view: View, scan: Scan, last_head: Head | None, start: int) -> int:
    """Right after the bloc word, what the bloc groups in lower case ("cơ quan", "cơ sở", "các
    trường") when the name goes on after it: an administrative word, a capitalised word or a head
    ("Khối cơ sở Bộ Công Thương"). Its end, else `start`."""
    if scan.last != "head" or last_head is None or not last_head.bloc:
        return start
    kind = rules().bloc_kind_re.match(view.lower, start)
    if kind is None or not view.norm[start].islower() or not view.ends_syllable(start, kind.end()):
        return start
    end = joined_bloc_kind(view, kind.end(), capital=False) or kind.end()
    after = view.next_word(end)
    if after is None or view.gap(end, after[0]) != "space":
        return start
    admin = rules().admin_re.match(view.norm, after[0])
    placed = admin is not None and view.norm[after[0]].islower()
    return end if capitalised(view.word(after)) or placed else start


def joined_bloc_kind(view: View, end: int, capital: bool) -> int:
    """After one kind a bloc groups, "và" and a second kind written the same way (`capital`: each word
    capitalised): one bloc of both ("Khối các cơ quan và doanh nghiệp tỉnh"); the second kind's end,
    else 0."""
    joint = view.next_word(end)
    if joint is None or view.word(joint) != "và" or view.gap(end, joint[0]) != "space":
        return 0
    second = view.next_word(joint[1])
    kind = rules().bloc_kind_re.match(view.lower, second[0]) if second is not None else None
    if kind is None or not view.ends_syllable(second[0], kind.end()):
        return 0
    return kind.end() if view.norm[second[0]].isupper() == capital else 0


def bloc_described(view: View, end: int) -> bool:
    """After a lower-case word that is also a head ("khối"), no known place but a fixed name part or
    lower-case words that describe it up to its place ("khối các cơ quan tỉnh", "khối doanh nghiệp
    tỉnh"); not "Câu lạc bộ khối đào tạo xây dựng - kiến trúc"."""
    after = view.next_word(end)
    if after is None or place_at(view, after):
        return False
    phrase = rules().phrase_re.match(view.norm, after[0]) or rules().bloc_kind_re.match(
        view.lower, after[0])
    return phrase is not None or lowercase_tail(view, end, named=False, complement=True) > end
