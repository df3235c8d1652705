"""Reading one organisation name after its head: where each part starts, what it is, where the name ends.

`read_name` walks the syllables after a head ("Sở", "Đảng bộ") one part at a time. Each step decides,
in this order, whether a bracketed acronym lets the name go on, whether the gap before the next
syllable ends it, and what the next part is: a fixed phrase, a nested head, a place with its
administrative word (which ends the name), a listed lower-case name word, a number, a capitalised
word, or lower-case words the phrase around them makes part of the name. The tests of where a name
ends live in `org_name_ends`, the word tests in `org_words`.
"""

from __future__ import annotations

import re

from pipeline.extract.org_branches import (
    acronym_run,
    branch_after_dash,
    field_after_words,
    glued_number,
    joins_across,
    parent_group,
    past_dash,
)
from pipeline.extract.org_counted import counts_a_thing
from pipeline.extract.org_fields import compound, field_named, field_re, field_word
from pipeline.extract.org_forms import listed_rest
from pipeline.extract.org_joined import bloc_joined, ends_as_a_list, field_joined, level_joined
from pipeline.extract.org_lower_heads import (
    committee_after,
    members_unit,
    school_kind,
    school_level,
    unit_head,
)
from pipeline.extract.org_name_ends import counts_nothing, lowercase_tail
from pipeline.extract.org_named_after import kind_before_person
from pipeline.extract.org_objects import acted_field, verb_object
from pipeline.extract.org_parts import ACRONYM_IN_BRACKETS, SKIP, STOP, UNRELIABLE, Decision, Part, Scan
from pipeline.extract.org_place_ends import (
    ends_with_place,
    foreigner_after_place,
    named_for_place,
    place_end,
    runs_to_place,
    village_end,
)
from pipeline.extract.org_punctuated import listed_description, quoted_name
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_sentence_after import reports_content
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_tiers import tier_end
from pipeline.extract.org_units import (
    NUMBER_WORD,
    SEAT_WORD,
    UNIT_CODE,
    bloc_described,
    bloc_kind_end,
    bloc_seat,
    field_adjective,
    home_seat,
    number_part,
    numbered_unit,
    place_at,
    regional_unit,
)
from pipeline.extract.org_view import (
    View,
    admin_word,
    glued_address,
    head_at,
    person_starts,
    unit_after,
)
from pipeline.extract.org_words import TWO_SYLLABLES, capitalised, place_level, shouting
from pipeline.extract.word_classes import word_class

MAX_PARTS = 24  # a name longer than this is a run-away scan, not a name

def _a_kind(view: View, part: Part) -> bool:
    """One word of the segmenter, a capitalised syllable then a lower-case one: a kind of institution
    ("Chính trị", "Đa khoa"), not a name of its own ("Bạch Mai", "ĐH")."""
    words = view.norm[part.start:part.end].split()
    return len(words) == 2 and capitalised(words[0]) and words[1].islower()


def _one_word(view: View, part: Part) -> bool:
    """The part is one word of the segmenter: initials ("QLDA") or a capitalised common word of two
    syllables or more ("Cán bộ"), not a proper name ("Lê Lợi")."""
    text = view.norm[part.start:part.end]
    if text.isupper() and text.isalpha():
        return True
    return view.token(part.start) == view.token(part.end - 1) and " " in text and field_word(
        view, part.start, part.end)


def _legal_form(view: View, part: Part) -> bool:
    """The part is an enterprise's legal form, whole ("cổ phần", "TNHH", "TNHH MTV")."""
    return rules().legal_suffix_re.fullmatch(view.lower[part.start:part.end].strip()) is not None


def _ends_on_level(view: View, start: int, end: int) -> bool:
    """The words from `start` to `end` end on a level word ("bầu cử quốc gia", "... trung ương"), after
    at least one word of their own."""
    words = view.lower[start:end].split()
    return any(rules().level_re.fullmatch(" ".join(words[-size:])) for size in range(1, min(3, len(words))))


def read_name(view: View, pos: int, head: Head | None, capital_head: bool = False) -> Scan:
    """Read a name after `pos` (where the head, if any, ends; `capital_head`: it is capitalised)."""
    return past_dash(view, _NameReader(view, pos, head, capital_head).read(), head, read_name)


class _NameReader:
    """The scanner's state while it reads one name: the scan so far and what the next part may be."""

    def __init__(self, view: View, pos: int, head: Head | None, capital_head: bool) -> None:
        self.view, self.head, self.capital_head, self.rules = view, head, capital_head, rules()
        self.scan, self.pos = Scan(end=pos), pos
        self.people_ok = head is not None and head.people_names  # "Trường ĐH Tôn Đức Thắng"
        self.kind_end = -1  # where a lower-case kind a person's name follows ends ("Trường chính trị")
        self.person_left = 0  # words left of a person's name read as the name ("Trường THCS Vũ Phạm Khải")
        self.number_ok = head is not None and head.numbered  # "Quân khu 7"
        self.before_head = -1  # where the name ends without a nested head that cannot end it
        self.word_before_head = False  # a capitalised word of the name comes right before that head
        self.last_token = -1
        self.first_kind = ""  # what the first part read was ("head": "Phòng" + "Cảnh sát ...")
        self.last_head = head  # the head read last, the scan's own at first
        self.party_before = False  # the head read last follows a closing head ("Đảng ủy" + "Tập đoàn")
        # the head itself written with a capital ("Phòng", not the title's "Trưởng phòng")
        self.head_capital = head is not None and view.norm[max(0, pos - len(head.term)):pos][:1].isupper()
        self.word_starts: list[int] = []
        self.nested_start = -1  # where a nested head written with its capital starts, while it is read last
        self.head_start = pos - len(head.term) if head is not None else pos  # of the head read last
        self.only_heads = True  # every part read so far is a nested head
        self.word_run = 0  # capitalised words read in a row, only spaces between them
        self.foreign_check = head is not None and not head.wrapper  # bank and company names hold "Việt Nam"
        # the part read last is a head that needs a name: "Ban Điều hành Quỹ", "Hội đồng" at the start
        self.open_head = head is not None and capital_head and not head.closes
        self.word_after_open = False  # the part read last is one word right after an open head

    def read(self) -> Scan:
        """Take parts until one step says the name ends, then drop a trailing head with no name."""
        while self.scan.parts < MAX_PARTS:
            if not self._past_acronym():
                break
            span = self.view.syllable(self.pos)
            if span is None:
                break
            decision = self._next_part(span)
            if decision is SKIP:
                self.pos = span[1]
                continue
            if decision is UNRELIABLE:
                return Scan(end=self.pos)
            if not isinstance(decision, Part):
                break
            self._take(decision)
            if decision.kind == "number":
                self._place_after_number(decision)
                break  # a number ends the name ("Bệnh viện 108")
        self._drop_nameless_head()
        self.scan.end = tier_end(self.view, self.scan)  # "Viện Kiểm sát nhân dân" + "hai cấp"
        return self.scan

    def _past_acronym(self) -> bool:
        """An acronym in brackets after the name so far: the name goes on after it only when an
        administrative word or a closing head follows ("Ủy ban Kiểm tra (UBKT) Tỉnh ủy" goes on;
        "Ngân hàng Nhà nước (NHNN) cho biết" ends). False when the name ends there."""
        scan, view = self.scan, self.view
        if scan.acronym or not (scan.parts or self.head):
            return True
        acronym = ACRONYM_IN_BRACKETS.match(view.norm, scan.end)
        if not acronym:
            return True
        scan.acronym = (acronym.group(1), *acronym.span())
        after = view.next_word(acronym.end())
        closer = head_at(view, after[0]) if after is not None else None
        closing = closer is not None and closer[1].closes  # "Ban Chấp hành (BCH) Đảng bộ tỉnh"
        if after is None or not (self.rules.admin_re.match(view.norm, after[0]) or closing
                                 or self._country_after(after)):
            return False
        scan.cuts.append(acronym.span())  # the name goes on after it: "Khối Các cơ quan (CCQ) tỉnh"
        self.pos = acronym.end()
        return True

    def _country_after(self, span: tuple[int, int]) -> bool:
        """A country or province, written whole, right after the bracket ends its name ("Bảo hiểm Xã
        hội (BHXH) Việt Nam"): the body's place, as an administrative word and its name would be."""
        view = self.view
        end = place_end(view, span[0])
        after = view.norm[end:end + 2].lstrip(" \t\xa0")[:1]
        return end > span[0] and place_level(view.norm[span[0]:end]) in ("country", "province") and (
            not after or not after.isalnum() or not view.norm[end + 1:end + 2].isupper())

    def _stops_here(self, stop: re.Match[str]) -> bool:
        """A stop word ends the name after its first part, an honorific only before a capitalised name
        ("Công ty X Bà Lê Thị Lan"), not as the name's last syllable ("Nhà máy Thủy điện Thác Bà nằm ...");
        a rating the body earned ends it right after the head too ("Đảng bộ" + "Hoàn thành xuất sắc
        nhiệm vụ"), where another stop word may still name an open head ("Ủy ban" + "Kế hoạch Nhà nước")."""
        if not self.scan.parts:
            return stop.group() in self.rules.grade_stops
        if stop.group() not in self.rules.honorific_stops:
            # "Văn phòng Điều phối" + "Chương trình Xây dựng nông thôn mới Hà Nội": a head that still needs
            # a name is named by the programme it runs, up to the place that closes it
            return not (self.open_head and self.scan.parts <= 1 and runs_to_place(self.view, stop.end()))
        after = self.view.next_word(stop.end())
        return after is not None and capitalised(self.view.word(after))

    def _next_part(self, span: tuple[int, int]) -> Decision:
        """What the syllable at `span` is to the name, or whether the name ends before it."""
        view, pos, scan, r = self.view, self.pos, self.scan, self.rules
        start, word, gap = span[0], view.word(span), view.gap(pos, span[0])
        if word == "và" and level_joined(view, scan, self.last_head, span[1]):
            return SKIP  # "trường Tiểu học và THCS Tân Hà": one school of two levels
        if word == "và" and field_joined(view, scan, self.word_starts, span[1]):
            return SKIP  # "Bộ Cơ khí và Luyện Kim": one ministry of two trades
        if word == "và" and (joined := bloc_joined(view, self.last_head, self.head_start, pos)):
            return Part(start, joined, "phrase", True)  # "Khối Các cơ quan và Doanh nghiệp": one bloc of both
        if gap in ("hyphen", "and") and scan.parts and acronym_run(view, pos, span):
            return Part(start, span[1], "word", True)  # "Đài TT" + "-TH": one acronym
        branch = gap == "hyphen" and scan.parts > 0 and branch_after_dash(view, span)
        joined = (scan.last == "word" and joins_across(view, pos, span)) or (
            field_after_words(view, scan, pos, span))  # "Giáo dục nghề nghiệp - Giáo dục thường xuyên ..."
        if gap in ("hyphen", "and") and not joined and (
                not level_joined(view, scan, self.last_head, pos)) and (
                not branch):  # "Học viện X – Phân viện Y" reads on
            dashed = gap == "hyphen" and scan.last == "word"  # "Công ty Than Dương Huy - TKV"
            parent = parent_group(view, self.last_head, span) if dashed else span[0]
            return Part(start, parent, "phrase", True) if parent > span[0] else STOP
        if ends_as_a_list(view, scan, self.word_starts, pos, gap):
            return STOP
        if word == SEAT_WORD and (seat := bloc_seat(view, scan, self.head, self.last_head, span)) > span[1]:
            return Part(start, seat, "phrase", True)  # "Đảng bộ Khối ... Trung ương tại TPHCM"
        if word == SEAT_WORD and (seat := home_seat(view, scan, self.head, self.word_starts, span)) > span[1]:
            return Part(start, seat, "phrase", True)  # "Hội doanh nhân kiều bào Việt Nam tại Thái Lan"
        # "Đoàn" + "thanh niên cộng sản Hồ Chí Minh", so too right after a nested head written with its
        # capital ("Ban chấp hành Đoàn" + "thanh niên cộng sản Hồ Chí Minh Công ty")
        head_start = pos - len(self.head.term) if not scan.parts and self.head_capital else self.nested_start
        if head_start >= 0 and gap == "space" and (listed := listed_rest(view, head_start, start)) > start:
            return Part(start, listed, "phrase", True)
        if self._wants_unit(span):
            return STOP  # "Đoàn công tác": a delegation, not the Youth Union of a unit
        quoted = quoted_name(view, pos, start) if gap == "other" and self.capital_head else None
        if quoted is None and (gap not in ("space", "hyphen", "and") or (
                (stop := r.stop_re.match(view.norm, start)) and self._stops_here(stop))):
            return STOP
        if term_at(view, start):
            return STOP  # "Ban Dân vận Huyện ủy Mỹ Tú" + "khóa mới": the term the body sits for, no name
        phrase = r.phrase_re.match(view.norm, start)
        # after a capitalised word of the name, "xã hội" is society ("Bảo trợ xã hội"), no commune word
        admin = admin_word(view, start) if scan.last == "word" else r.admin_re.match(view.norm, start)
        lexical = r.name_word_re.match(view.norm, start)
        nested = head_at(view, start) or unit_head(view, scan, self.head, span) or (
            school_kind(view, scan, self.last_head, span)) or (
            school_level(view, scan, self.last_head, span)) or (
            members_unit(view, scan, self.head, self.last_head, span)) or (
            committee_after(view, scan, self.head, span))
        # "Quốc Hội": a capitalised syllable of the word just read is no nested head, unless the head
        # runs on past that word: the segmenter glued it to an acronym ("UBKT Tỉnh" + "ủy")
        glued = scan.last == "word" and view.token(start) == self.last_token and capitalised(word)
        if glued and nested and view.token(nested[0] - 1) == view.token(start):
            nested = None
        if quoted is not None:
            return Part(start, quoted, "phrase", True)  # Quỹ “Vì người nghèo” tỉnh
        if (kind := bloc_kind_end(view, scan, self.last_head, start)) > start:
            return Part(start, kind, "lexical", False)  # "Đoàn Khối" + "cơ quan" + "tỉnh Thái Nguyên"
        if phrase and view.ends_syllable(start, phrase.end()):
            return Part(start, phrase.end(), "phrase", True)
        if (field := field_re().match(view.lower, start)) and view.ends_syllable(start, field.end()):
            return Part(start, field.end(), "phrase", True)  # "Sở tài nguyên và môi trường tỉnh"
        if nested:
            strong = nested[1].closes
            self.before_head = -1 if strong else scan.end
            self.word_before_head = scan.last == "word"
            return Part(start, nested[0], "head", strong, nested[1])
        if (village := village_end(view, start)) > start:
            return Part(start, village, "phrase", True)  # "Chi bộ thôn Phú Mỹ", then its commune may follow
        if admin and view.ends_syllable(start, admin.end()):
            bloc = r.heads.get(view.lower[start:admin.end()])
            if bloc is not None and bloc_described(view, admin.end()):
                # "Đảng ủy khối các cơ quan tỉnh": the bloc word before its description, as the head "Khối"
                return Part(start, admin.end(), "head", bloc.closes, bloc)
            self._end_with_place(start, admin.end())
            return STOP
        if lexical and view.ends_syllable(start, lexical.end()):
            return Part(start, lexical.end(), "lexical", False)
        if scan.last == "word" and glued_number(view, pos, span):
            return Part(start, span[1], "word", False)  # "Covid" + "-19": the number glued to its word
        if word.isdigit() or UNIT_CODE.fullmatch(word):
            return number_part(view, scan, self.word_starts, self.number_ok, span)
        if word == NUMBER_WORD and scan.last == "word" and field_adjective(view, scan.end, span):
            return Part(start, span[1], "lexical", False)  # "Trung tâm Chuyển đổi" + "số": digital
        if word == NUMBER_WORD and scan.last in ("word", "head"):
            return numbered_unit(view, span)
        if (region := regional_unit(view, scan, span)) is not None:
            return region  # "Kiểm toán Nhà nước" + "khu vực IX": one regional office of the body
        if capitalised(word):
            return self._capitalised_word(span)
        if word == "và" and scan.last == "word" and compound(view, span[1]):
            return SKIP
        if scan.parts == 0 and counts_a_thing(view, self.head, pos):
            return STOP  # "Bộ" + "phim" + "Mank": a film counted, no ministry
        if self._ministry_named(pos):
            return STOP  # "Bộ Y tế" + "cấp phép": the clause's predicate, never more of a ministry's name
        if scan.parts == 0 and self.people_ok and not self.head.trade and (
                kind := kind_before_person(view, pos)) > pos:
            self.kind_end = kind  # "Trường" + "chính trị" + "Hoàng Văn Thụ": the person names it
            return Part(start, kind, "lexical", False)
        if scan.last == "word" and self.capital_head and (listed := listed_description(view, pos)) > pos:
            return Part(start, listed, "lexical", True)  # "Hội Bảo trợ" + "người khuyết tật, trẻ mồ côi, ..."
        if not ends_with_place(view, self.word_starts, pos) and (
                tail := lowercase_tail(view, pos, scan.parts > 0, self.open_head, self.number_ok,
                                       self.head is not None and self.head.trade)) > pos:
            # "cà phê 706" names it; so does the level that closes an open head's description ("Hội đồng"
            # + "bầu cử quốc gia": the national body, as a place closes "... huyện Thanh Miện")
            leveled = self.open_head and self.capital_head and not scan.named and (
                _ends_on_level(view, start, tail))
            return Part(start, tail, "lexical", view.norm[tail - 1].isdigit() or leveled)
        # an action right after another capitalised word of the name ("Cục Quản lý Khám" + "chữa bệnh"),
        # not the only word after a head ("Bộ Xây dựng" + "trao bộ hồ sơ": the predicate)
        if self.word_run > 1 and (
                acted := verb_object(view, self.word_starts[-2], self.word_starts[-1], pos)) > pos:
            return Part(start, acted, "lexical", True)  # "Cục Quản lý Khám" + "chữa bệnh"
        # a bare capitalised head that needs a name, then the verb of its work and its capitalised field
        # ("Trung tâm" + "phục vụ" + "Hành chính công"): the field names it, read on
        if ((scan.parts == 0 and self.open_head) or self.word_after_open) and (
                acted := acted_field(view, pos)) > pos:
            return Part(start, acted, "lexical", False)
        return STOP

    def _ministry_named(self, pos: int) -> bool:
        """The words from the head read last up to `pos` name a ministry of the lexicon whole ("Bộ Y tế",
        "Bộ Giáo dục và Đào tạo"): the Government's list, complete in itself; so too a province's
        department named by a ministry's field ("Sở Y tế" + "căn cứ vào ...", "Sở Y tế" + "người dân"): a
        head with the `department` flag."""
        name = self.view.norm[self.head_start:pos]
        department = next((term for term in self.rules.departments if name.startswith(term + " ")), None)
        if department is not None:
            name = self.rules.ministry_head + name[len(department):]
        return name.startswith(self.rules.ministry_head + " ") and name in self.rules.bodies

    def _wants_unit(self, span: tuple[int, int]) -> bool:
        """The head names the body of a unit (`unit`), and no lower-case administrative word or unit
        head starts its name ("Đoàn phường IV", "Đoàn trường THPT Cửa Lò" do)."""
        if self.head is None or not self.head.unit or self.scan.parts:
            return False
        admin = self.rules.admin_re.match(self.view.norm, span[0])
        placed = admin is not None and self.view.norm[span[0]].islower()
        # or, after "Đoàn" written with its capital, the unit's own head that no given name starts ("Đoàn
        # Nhà máy X"; not the delegation of "đoàn Đại sứ quán Anh")
        return not (placed or unit_head(self.view, self.scan, self.head, span) or (
            self.head_capital and unit_after(self.view, span)))

    def _end_with_place(self, start: int, admin_end: int) -> None:
        """An administrative word and the place it names end the name ("UBND tỉnh Thanh Hóa"); alone,
        "UBND tỉnh" may stand for the longer name (an open end)."""
        scan, view = self.scan, self.view
        after = view.next_word(admin_end)
        place = place_end(view, after[0]) if after else admin_end
        scan.open_end = not after or place == after[0]
        scan.end = place if after and place > after[0] else admin_end
        # words that describe an open head, then a named place: the body of that place ("Hội cựu
        # chiến binh huyện Thanh Miện"), not the head's common noun ("Trung tâm thành phố")
        described = scan.parts >= 1 and not scan.strong and scan.last == "lexical" and self.capital_head and (
            self.head is not None and not self.head.closes)
        scan.named = scan.named or (described and after is not None and place > after[0])
        scan.parts, scan.strong, scan.all_title, self.before_head = scan.parts + 1, True, False, -1
        scan.first = start if scan.first < 0 else scan.first

    def _place_after_number(self, part: Part) -> None:
        """A numbered unit's place after its number ends the name: written whole ("Trung tâm GDTX số 2
        Nghệ An", "Trường THPT số 1 Bảo Thắng") or with its administrative word ("... số 2 xã Nam Lý")."""
        view = self.view
        after = view.next_word(part.end) if view.norm[part.start:part.start + 2] == NUMBER_WORD else None
        admin = self.rules.admin_re.match(view.norm, after[0]) if after is not None else None
        if admin and view.norm[after[0]].islower() and view.ends_syllable(after[0], admin.end()):
            self._end_with_place(after[0], admin.end())  # "Trường Tiểu học số 2 xã Nam Lý"
        elif after is not None and (end := place_at(view, after)):
            self.scan.end = self.pos = end

    def _capitalised_word(self, span: tuple[int, int]) -> Decision:
        """A capitalised word continues the name, with the lower-case syllables of its segmenter word
        ("Tài nguyên"), unless it starts a person's name, a foreigner's after a place, or shouts."""
        view, scan = self.view, self.scan
        start, word = span[0], view.word(span)
        if person_starts(view, span) and self.people_ok and not self.person_left:
            self.person_left = 3
        # a known place written whole that ends the capitalised run is a place, not a person, whether it
        # follows the name's own word ("Công ty Than Dương Huy") or the head ("Huyện ủy Triệu Phong")
        person = person_starts(view, span) and not (
            self.people_ok or self.person_left or named_for_place(view, span))
        foreigner = self.foreign_check and foreigner_after_place(view, self.word_starts, span, scan.named)
        if person or foreigner or shouting(word):
            return STOP
        end, nxt, token = span[1], view.next_word(span[1]), view.token(start)
        # "Cửa Lò xếp" as one word of the segmenter: a lower-case syllable after a known place read
        # within that word is the verb after the name, not part of a common word ("Tài nguyên")
        in_word = [s for s in self.word_starts if view.token(s) == token and " " in view.norm[s:span[1]]]
        glued_to_place = token == self.last_token and ends_with_place(view, in_word, span[1])
        # one capital letter is a syllable ("Y học"), not an acronym glued to a word ("UBKT Tỉnh")
        acronym = word.isupper() and len(word) > 1
        vietnamese = not acronym and not TWO_SYLLABLES.search(word) and not glued_to_place
        # the segmenter's word, less a "và" it glued on ("Thanh và" + "Công an xã Lìa": two bodies) or, after
        # a proper name's later syllable, a word that never continues a name ("Cảng Đình Vũ" + "đại diện";
        # "Xổ số" is one word); so too a time word of two syllables it glued to any capitalised one ("Xanh"
        # + "nhiệm kỳ")
        token_end = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
        later = view.norm[view.token_starts[token]:start].strip() != ""
        rest = view.lower[nxt[0]:token_end].strip() if nxt is not None else ""
        # nor a reporting verb and its content ("Ấp Bắc thông tin" + ", năm nay ...": "Báo Ấp Bắc")
        # ("Chuyển đổi số" is one word: a count's noun that counts nothing is the field's adjective)
        stops = (rest in self.rules.tail_stops and not counts_nothing(view, (token_end, rest))) or (
            rest != "" and reports_content(view, (token_end, rest)))
        vietnamese = vietnamese and not ((later or " " in rest) and stops)
        while vietnamese and nxt and view.token(nxt[0]) == token and view.norm[nxt[0]].islower() and (
                view.word(nxt) != "và" and nxt[0] != glued_address(view, token)  # "Xã hội đồng chí"
                and not term_at(view, nxt[0])):  # "Tú khóa" + "mới": the term the segmenter glued on
            if TWO_SYLLABLES.search(view.word(nxt)):  # "Điện lựcquận": a lost space, an unreliable name
                return UNRELIABLE
            end, nxt = nxt[1], view.next_word(nxt[1])
        self.last_token = token
        scan.all_title = scan.all_title and end == span[1]
        self.word_starts.append(start)
        return Part(start, end, "word", True)

    def _take(self, part: Part) -> None:
        """Add the part to the scan and set what the next part may be."""
        scan, kind = self.scan, part.kind
        after_head = scan.parts == 0 or scan.last == "head"  # the head read last, the scan's own or nested
        scan.first = part.start if scan.first < 0 else scan.first
        self.first_kind = self.first_kind or kind
        spaced = scan.last == "word" and self.view.gap(scan.end, part.start) == "space"
        self.word_run = self.word_run + 1 if kind == "word" and spaced else int(kind == "word")
        scan.capital_first = scan.capital_first or (scan.parts == 0 and kind in ("word", "phrase", "head"))
        scan.strong, scan.named = scan.strong or part.strong, scan.named or part.strong
        scan.all_title = scan.all_title and kind == "word"
        self.only_heads = self.only_heads and kind == "head"
        capital = part.head is not None and self.view.norm[part.start].isupper()
        self.nested_start = part.start if capital else -1
        self.head_start = part.start if part.head is not None else self.head_start
        scan.open_end, scan.last, scan.end, self.pos = kind == "head", kind, part.end, part.end
        # after its head, an institution's kind ("Trường Chính trị", "Bệnh viện Đa khoa") may still be
        # followed by the person it is named after ("Trường Chính trị Tôn Đức Thắng")
        kind_word = scan.parts == 0 and self.people_ok and (
            (kind == "word" and _a_kind(self.view, part)) or part.end == self.kind_end)
        # so too a company's legal form: "Công ty cổ phần" + "Hoàng Anh Gia Lai", "Công ty TNHH MTV" +
        # "Phan Ngọc Wood": the registered name still to come may be its founder's
        kind_word = kind_word or (self.people_ok and _legal_form(self.view, part))
        self.people_ok, self.person_left = kind_word, max(0, self.person_left - 1) if kind == "word" else 0
        # a listed name word too: "Công ty Cơ khí giao thông 2", "Nhà máy Cơ khí giao thông 622"
        self.number_ok = kind in ("word", "lexical") and self.head is not None and self.head.numbered
        # lower-case words that describe a head before any name ("Ban Quản lý dự án" + "đầu tư xây dựng
        # huyện") still complete that head: it keeps needing its name
        describing = kind == "lexical" and self.open_head and not scan.named
        # "Ban Chỉ đạo Vận động" + "hiến máu tình nguyện tỉnh": a capitalised verb first after the head is
        # an action the body is named for, its object still to come, as the head's own description is;
        # so too after a nested head ("Đảng ủy Tổng Công ty" + "Quản lý" + "bay Việt Nam")
        acting = kind == "word" and self.open_head and after_head and word_class(
            self.view.lower[part.start:part.end]) == "verb"
        # one capitalised common word or acronym right after a head that needs a name ("Trường" + "Cán
        # bộ", "Ban" + "QLDA"): a lower-case verb of the body's work and its field may still follow
        # (a head that keeps its name in lower case needs one too: "trường" + "Cán bộ")
        keeps = scan.parts == 0 and self.head is not None and (
            self.head.lowercase == "keep" and not self.head.closes)
        self.word_after_open = kind == "word" and after_head and (self.open_head or keeps) and (
            _one_word(self.view, part))
        self.open_head = describing or acting or (part.head is not None and not part.head.closes)
        if part.head is not None:
            self.people_ok, self.number_ok = part.head.people_names, part.head.numbered
            self.party_before = self.last_head is not None and self.last_head.closes and scan.last == "head"
            self.last_head = part.head
        scan.parts += 1

    def _drop_nameless_head(self) -> None:
        """A nested head read last names nothing ("các trường ĐH, CĐ"): drop it, unless it is the whole
        name written out after a capitalised head ("Vụ Tổ chức")."""
        scan, view = self.scan, self.view
        described = self.first_kind == "head" and scan.last == "lexical" and not scan.strong
        if self.head_capital and described and capitalised(view.norm[scan.first:scan.first + 1]):
            scan.strong = scan.named = True  # "Phòng Cảnh sát kinh tế": the nested head's own description
            return
        if self.before_head < 0 or scan.last != "head":
            return
        nested_only = view.norm[self.before_head:scan.end].strip() if self.party_before else view.norm[
            scan.first:scan.end]
        # "Đảng bộ Tập đoàn", so too "Ban Thường vụ Đảng ủy Tập đoàn": the body of the article's own group
        # (not after a unit's body head: "Đoàn Tổng Công ty" names no unit, "Đoàn Nhà máy X" does)
        # so too a chain of capitalised heads down to it ("Chi bộ Văn phòng Công ty", "Đoàn Cơ quan Văn
        # phòng Tổng Công ty"): each unit inside the one before, the last the article's own firm
        alone = (scan.parts == 1 or self.party_before) and not (self.head is not None and self.head.unit)
        alone = alone or (self.only_heads and scan.parts > 1)
        if self.capital_head and alone and capitalised(nested_only) and not nested_only.isupper():
            scan.strong = scan.named = True
            return
        field = self.last_head is not None and not self.last_head.wrapper  # "Công ty" alone: the company
        # the school's level after its field ("trường Trung học Sư phạm Mầm non"), the head in either case
        either = self.capital_head or (self.head is not None and self.head.wrapper)
        if either and self.word_before_head and field and field_named(view, self.before_head, scan.end):
            return  # "Viện Khoa học Thanh tra;": the field the institute works in, written like a head
        scan.end, scan.parts, scan.open_end = self.before_head, scan.parts - 1, False
        if not scan.parts:
            scan.strong = scan.capital_first = scan.named = False
