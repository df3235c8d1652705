"""Whether a head word found in the text opens a body's name, read from the words around it: a title
before it ("Phó Giám đốc Sở"), a count or a scope ("các Sở", "Đoàn thanh niên các cấp"), a list of
levels or bodies after it, a generic unit ("chi bộ" alone)."""

from __future__ import annotations

import re

from pipeline.extract.org_parts import Scan
from pipeline.extract.org_place_ends import place_end, village_end
from pipeline.extract.org_rules import rules
from pipeline.extract.org_scan import read_name
from pipeline.extract.org_view import View, head_at, lower_head, person_starts, scope_word
from pipeline.extract.org_words import capitalised, place_level
from pipeline.extract.word_classes import word_class
from pipeline.text import name_key

# determiners that take the whole of one body ("toàn bộ Ban Chấp hành ..."), not many bodies
WHOLE_DETERMINERS = frozenset({"toàn bộ"})
# a body with a longer name is one body even before "các cấp" ("Đoàn TNCS Hồ Chí Minh các cấp")
MAX_SCOPED_WORDS = 3
# a year joined to the number before it by a dash or slash ends a range or a date ("2020-2025",
# "2020 – 2025", "30/4/2025"), not "3-4 Sở" (a count given as a range)
YEAR_DIGITS = 4
_RANGE_END = re.compile(r"\d[ \t\xa0]*[-–/][ \t\xa0]*$")
GENERIC_UNITS = frozenset({"chi bộ"})  # spec 6: "chi bộ" alone is a generic phrase, not a name
# "khóa mới", "nhiệm kỳ mới", or "mới" closing the clause or listing its members ("mới gồm 9 đồng chí"):
# the committee a congress is about to elect; "mới" before another verb is the adverb "just" ("Đảng ủy
# mới thành lập"), which says nothing about whether the body exists
_NEW_TERM = re.compile(r"[ \t\xa0]+(?:(?:khóa|khoá|nhiệm kỳ|nhiệm kì)[ \t\xa0]+mới\b"
                       r"|mới(?:[ \t\xa0]*[,.;:)]|[ \t\xa0]*$|[ \t\xa0]+gồm\b))")


def titled(view: View, head_start: int, head_end: int) -> bool:
    """A lower-case head that still starts a name: after a title word ("Trưởng ban Tổ chức", "Giám đốc
    sở Y tế"), or before a capitalised head of its own ("phòng Cảnh sát hình sự Công an tỉnh")."""
    after = view.next_word(head_end)
    if after is None or not capitalised(view.word(after)):
        return False
    if after_title(view, head_start):
        return True
    nested = head_at(view, after[0]) if view.token_starts[view.token(head_start)] == head_start else None
    return nested is not None and not view.fused(after[0], nested[0])  # not "đội Trường Sơn": a place


def body_next(view: View, head_end: int) -> bool:
    """A body's own name follows the head: a listed body, a head or a bank's brand ("chi nhánh NHCSXH
    tỉnh Hà Giang", "chi nhánh Agribank Bình Phước"); not a name of its own ("chi nhánh Phan Đình Phùng")."""
    after = view.next_word(head_end)
    if after is None or not capitalised(view.word(after)):
        return False
    r = rules()
    listed = r.term_re.match(view.lower, after[0])
    body = listed is not None and view.norm[after[0] : listed.end()] in r.bodies
    brand = view.word(after).lower().endswith(r.brand_suffixes)
    return body or brand or head_at(view, after[0]) is not None


def legal_form_next(view: View, head_end: int) -> bool:
    """The enterprise's legal form follows the head, then a capitalised name ("công ty cổ phần Nhân Đạt",
    "công ty TNHH Festo"): a registered company's name even with the head in lower case; not the form
    alone ("công ty cổ phần tư nhân": a kind of company), nor a level after it ("ngân hàng TMCP Nhà nước":
    the state-owned kind)."""
    r = rules()
    after = view.next_word(head_end)
    form = r.legal_suffix_re.match(view.lower, after[0]) if after is not None else None
    if form is None or not view.ends_syllable(after[0], form.end()):
        return False
    named = view.next_word(form.end())
    return named is not None and capitalised(view.word(named)) and not r.level_re.match(view.lower, named[0])


def after_stop_word(view: View, head_start: int) -> bool:
    """A capitalised title ("Phó Bí thư", "Chủ tịch") ends right before `head_start`."""
    stop_re = rules().stop_re
    starts = (at for at in range(max(0, head_start - 16), head_start - 1)
              if at == 0 or not view.norm[at - 1].isalnum())
    return any((m := stop_re.match(view.norm, at)) and m.end() + 1 == head_start for at in starts)


def placed(view: View, head_end: int) -> bool:
    """A named place follows the head: a known place, or an administrative word and its name
    ("huyện ủy Thủ Thừa", "đảng ủy xã Tân Hòa"); a Party committee's head in lower case then names
    that place's committee, as in capitals (alone, "các huyện ủy" is the common noun)."""
    after = view.next_word(head_end)
    if after is None:
        return False
    if village_end(view, after[0]) > after[0] or named_unit(view, after):
        return True  # "chi bộ thôn Phú Mỹ", "chi bộ trường THPT Phạm Hồng Thái"
    admin = rules().admin_re.match(view.norm, after[0])
    if admin and view.norm[after[0]].islower() and view.ends_syllable(after[0], admin.end()):
        named = view.next_word(admin.end())
        return named is not None and capitalised(view.word(named)) and place_end(view, named[0]) > named[0]
    place = place_end(view, after[0]) if capitalised(view.word(after)) else after[0]
    return place > after[0] and place_level(view.norm[after[0]:place]) is not None


def own_name_next(view: View, head_end: int) -> bool:
    """A proper name of the cell's own right after a lower-case cell head ("chi bộ Kim Hoàng", "chi bộ
    Lý luận Chính trị"): a capitalised syllable, no acronym, that opens no head or listed body ("Công
    ty", "Đảng"), document, held event ("Đại hội") or person's name; it names the cell as a place does."""
    after = view.next_word(head_end)
    if after is None or not capitalised(view.word(after)) or view.word(after).isupper():
        return False
    org_rules, at = rules(), after[0]
    listed = org_rules.term_re.match(view.lower, at)  # a head or a listed body ("Đảng")
    if (listed and view.ends_syllable(at, listed.end())) or org_rules.stop_re.match(view.norm, at):
        return False
    return not org_rules.held_re.match(view.norm, at) and not person_starts(view, after)


def named_unit(view: View, after: tuple[int, int]) -> bool:
    """At `after`, the head of a unit, in lower case or capitalised, and that unit's capitalised name
    right after it ("trường THPT Phạm Hồng Thái", "Công ty Than Hà Lầm"): a lower-case Party head
    before it names that unit's Party body, as a named place does."""
    match = rules().head_re.match(view.lower, after[0])
    if match is None or not view.ends_syllable(after[0], match.end()):
        return False
    head = rules().heads[match.group()]
    if not (head_at(view, after[0]) or (view.norm[after[0]].islower() and (
            head.lowercase == "keep" or head.apposition))):
        return False
    named = view.next_word(match.end())
    return named is not None and view.token(named[0]) != view.token(match.end() - 1) and (
        capitalised(view.word(named)))


def counted(view: View, head_start: int) -> bool:
    """A determiner or a count stands right before the head ("các Ban Đảng", "67 Đảng bộ tỉnh,
    thành phố"): the phrase speaks of a kind of body, not of one named body."""
    token = view.token(head_start)
    if token <= 0 or view.token_starts[token] != head_start:
        return False
    start = view.token_starts[token - 1]
    before = view.lower[start:head_start].strip()
    if not before:
        return False
    if before.isdigit():  # a count, unless a noun labels the number ("năm 2018 Huyện ủy ...")
        if len(before) == YEAR_DIGITS and _RANGE_END.search(view.norm, max(0, start - 16), start):
            return False  # "nhiệm kỳ 2020 - 2025 Đảng bộ ...": the number ends a range of years, no count
        label = view.lower[view.token_starts[token - 2]:start].strip() if token > 1 else ""
        return word_class(label) != "noun"
    return word_class(before) == "determiner" and before not in WHOLE_DETERMINERS


def names_listed(view: View, end: int) -> bool:
    """More names of the same head follow after a comma ("các Bộ Ngoại giao, Quốc phòng, Công an"):
    the determiner counts named bodies."""
    comma = view.norm[end:end + 2].lstrip()
    after = view.syllable(end)
    return comma.startswith(",") and after is not None and capitalised(view.word(after)) and (
        head_at(view, after[0]) is None and not rules().admin_re.match(view.norm, after[0]))


def bare_party_unit(view: View, scan: Scan) -> bool:
    """The name is one bare Party cell head with no place or name of its own ("Chi ủy" + "Chi bộ"): as
    "chi bộ" alone (spec 6), it names no one unit."""
    nested = head_at(view, scan.first) if scan.parts == 1 and scan.last == "head" else None
    return nested is not None and nested[0] == scan.end and name_key(nested[1].term) in GENERIC_UNITS


def new_term_body(view: View, head_start: int, end: int) -> bool:
    """The name is a committee's head and a bare body of members after it, no name or place of either
    ("Ban Chấp hành" + "Đảng bộ", "BCH" + "Liên đội"), and "khóa mới" or a closing "mới" follows: the
    committee of the coming term, which the congress elects ("bầu Ban Chấp hành Đảng bộ khóa mới"), a
    common noun, not a named body (dev5, dev12, dev15, dev20 gold); "Bộ Công an", "Đảng ủy Tập đoàn" are
    named by the second head, no body of members."""
    if not _NEW_TERM.match(view.lower, end):
        return False
    heads = rules().heads
    outer = rules().head_re.match(view.lower, head_start)
    after = view.next_word(outer.end()) if outer is not None else None
    inner = rules().head_re.match(view.lower, after[0]) if after is not None else None
    return inner is not None and inner.end() == end and view.ends_syllable(after[0], end) and (
        not heads[outer.group()].standalone and heads[inner.group()].members)


def bodies_listed(view: View, end: int) -> bool:
    """Another body's head follows after a comma or "và" ("Đảng ủy, HĐND, UBND xã", "của Đảng ủy,
    Hội CCB huyện"): the bare head is one of a unit's bodies listed together, not a title's word
    ("Bí thư Đảng ủy, Chủ tịch HĐND xã") nor the common noun."""
    joint = re.match(r"[ \t\xa0]*(?:,|và)[ \t\xa0]+", view.norm[end:end + 8])
    return joint is not None and head_at(view, end + joint.end()) is not None


def scoped(view: View, end: int) -> bool:
    """A level or a determiner follows the body ("MTTQ cấp xã", "UBND các xã, phường", "Hội LHPN các
    xã"): a kind of body at each unit, not one named body."""
    after = view.next_word(end)
    if after is None or not view.norm[after[0]].islower():
        return False
    if scope_word(view, after[0]):
        return True  # a whole word of the segmenter: "cấp xã", not "cấp cứu"
    token = view.token(after[0])
    if view.token_starts[token] != after[0]:
        return False
    stop = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
    word = view.lower[after[0]:stop].strip()
    level = view.syllable(stop) if stop > after[0] else None
    return (word_class(word) == "determiner" and word not in WHOLE_DETERMINERS and level is not None
            and rules().admin_re.match(view.lower, level[0]) is not None)  # not "Ban Duy tu các công trình"


def levels_listed(view: View, end: int) -> bool:
    """A name ending on a bare administrative word that another one follows after a comma ("Hội đồng
    sơ tuyển tỉnh, thành phố"): the body of each province or city, not one named body."""
    comma = re.match(r",[ \t\xa0]*", view.norm[end:end + 4])
    return comma is not None and rules().admin_re.match(view.lower, end + comma.end()) is not None


def scoped_partner(view: View, end: int) -> bool:
    """The body is coordinated with a short body that a level or a determiner follows ("Chủ tịch
    HĐND và UBND các xã, phường"): the level scopes both, a kind of body at each unit."""
    joint = re.match(r"[ \t\xa0]*(?:,|và)[ \t\xa0]+", view.norm[end:end + 8])
    partner = head_at(view, end + joint.end()) if joint else None
    if partner is None:
        return False
    scan = read_name(view, partner[0], partner[1], capital_head=True)
    return len(view.norm[end + joint.end():scan.end].split()) <= MAX_SCOPED_WORDS and scoped(view, scan.end)


def title_part_next(view: View, head_end: int) -> bool:
    """A title-part head follows the head ("Ban Thường trực" after "Phó trưởng"): with the title
    before, it names the officer ("Phó trưởng Ban Thường trực": the standing deputy head), not a body;
    so too written in lower case ("Phó trưởng Ban thường trực Ban chỉ đạo"), which no body's name is."""
    after = view.next_word(head_end)
    nested = head_at(view, after[0]) if after is not None else None
    if nested is None and after is not None:
        nested = lower_head(view, after[0])
    return nested is not None and nested[1].title_part


def after_title(view: View, head_start: int) -> bool:
    """A title word stands right before `head_start` ("Trưởng ban", "Giám đốc sở")."""
    before = view.lower[max(0, head_start - 24):head_start].split()
    title_words = rules().title_words
    return bool(before) and (before[-1] in title_words or " ".join(before[-2:]) in title_words)
