"""Where an organisation name ends: lower-case tails, joins (past punctuation: org_punctuated; before the
sentence's words: org_sentence_after)."""

from __future__ import annotations

import re

from pipeline.extract.gazetteer import UNIT_LEVELS
from pipeline.extract.org_field_tail import (
    division_activity,
    field_follows,
    field_words,
    head_before,
    proper_name_before,
)
from pipeline.extract.org_parts import ACRONYM_IN_BRACKETS
from pipeline.extract.org_place_ends import known_place_at, named_place_after, place_end
from pipeline.extract.org_punctuated import described, quoted_name
from pipeline.extract.org_rules import rules
from pipeline.extract.org_sentence_after import addressed_person, reports_content
from pipeline.extract.org_served import people_described, served_people
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_trades import trade_named, trade_words
from pipeline.extract.org_view import View, admin_word, head_at, lower_word, person_starts, scope_word
from pipeline.extract.org_words import (
    capitalised,
    place_level,
)
from pipeline.extract.word_classes import ENDS_A_NAME, word_class

MAX_TAIL_WORDS = 3  # lower-case words of the segmenter that may continue a name
MAX_LONG_TAIL = 6  # as many when a place or a parent body closes them ("... mại dâm tỉnh Lào Cai")
ABOUT = "về"  # between two nouns of a description, what the first is about ("tội phạm về ma túy")
NAME_ENDS = ",.;:()!?\n\"”'’…"
# a dash with a space either side ends a name as a comma does: the next body, or the parent one, follows
# ("Nhà máy Cơ khí công trình - Xí nghiệp liên hợp công trình 4"); "TT-TH", "Mầm non-Tiểu học" are joined
_SPACED_DASH = re.compile(r"[ \t\xa0]+[-–—][ \t\xa0]")


def lowercase_tail(view: View, pos: int, named: bool, complement: bool = False,
                   numbered: bool = False, trade: bool = False) -> int:
    """Where lower-case words after `pos` stop continuing a name (`pos` when none continue), read
    from the phrase around them, not from a list of name words:
    - after the name's capitalised words (`named`), words the next word closes as a name: an
      administrative word, a known place or a head that closes names ("Đảng bộ Khối doanh nghiệp
      tỉnh", "Công ty CP Kinh doanh nước sạch Hải Dương", "Đảng ủy Các Khu chế xuất và công nghiệp
      thành phố"), unless they are a bare predicate ("Sở Y tế hỗ trợ tỉnh");
    - nouns followed by another capitalised name ("Tập đoàn tài chính Nam Long");
    - after capitalised words, nouns the name ends after: punctuation, a verb or a function word
      ("Trung tâm Dịch vụ việc làm, thuộc Sở ...", "Cục Quản lý xuất nhập cảnh đã cấp ...");
    - right after a head that needs a name (`complement`), words that describe it, a verb first
      too, up to an administrative word ("Ban Điều hành Quỹ hỗ trợ nông dân tỉnh", "Hội đồng thi
      đua khen thưởng huyện"): the head's name, not a predicate (a closing head, "Tỉnh ủy chỉ đạo
      huyện", may end the name); a level word ("Mặt trận cấp xã") ends it.
    A function word, a time word ("năm", "hiện nay") or a body's own head word ends the run."""
    r = rules()
    taken: list[tuple[str | None, int]] = []  # (class, end) of each lower-case word
    end, level_at = pos, 0
    while len(taken) < MAX_LONG_TAIL and (span := view.next_word(end)) is not None:
        # right after the name's capitalised words, "xã hội" is society, no commune word ("Bảo trợ xã hội")
        admin = admin_word(view, span[0]) if named and not taken else r.admin_re.match(view.norm, span[0])
        if admin or r.stop_re.match(view.norm, span[0]):
            break
        if taken and not level_at and view.norm[span[0]].islower() and _level_word(view, span):
            level_at = len(taken)  # "Y học cổ truyền trung ương": the level may close the description
        word = lower_word(view, span)
        scope = scope_word(view, span[0])
        level = scope and (complement or _admin_after(view, scope.end()))  # "Đảng ủy cấp xã" too
        stop = word is not None and word[1] in r.tail_stops and not (
            _verb_object(view, taken, word) or _described_class(view, word) or (
                complement and not taken and served_people(view, word)) or (  # "Học viện" + "cán bộ TPHCM"
                (named or taken) and counts_nothing(view, word)))  # "Chuyển đổi" + "số tỉnh"
        # a body's head ends the run, not what a body holds ("Trung tâm Phát triển quỹ đất huyện")
        held = complement and word is not None and word[1] in r.heads and r.heads[word[1]].nested_only
        # "Trung tâm Chăm sóc lão khoa Baycrest": a head that is one only with its capital is a word here
        body_head = word is not None and word[1] in r.heads and not held and not r.heads[word[1]].capital_only
        if word is None or stop or body_head or level or addressed_person(view, span) or (
                term_at(view, span[0])):
            break  # "Mặt trận cấp xã": each commune's; "... đại biểu đồng chí Nguyễn Văn An": a person
        if named and reports_content(view, word):
            break  # "Sở Y tế thông tin, năm nay ...": the body's reporting verb and what it reports
        if (complement or named) and word[1] in r.object_verbs:
            if not taken:
                return pos  # "Hội đồng đề nghị tỉnh xem xét": the predicate and its object
            # "Hội đồng thẩm định đề nghị Nhà nước", "Trung tâm Dịch vụ việc làm phối hợp Công an
            # huyện": the description ends before the predicate
            break
        cls = "and" if word[1] == "và" and taken else word_class(word[1])
        if word[1] == ABOUT and taken and taken[-1][0] == "noun" and _about_then_body(view, word[0]):
            cls = "and"  # "tội phạm về ma túy Công an tỉnh": a noun and what it is about, then the body
        if cls == "adverb" and taken and taken[-1][0] == "noun" and _closes_on_place(view, word[0]):
            cls = "adj"  # "nông thôn mới tỉnh Nghệ An": the new countryside, then the body's place
        if cls not in ("noun", "verb", "adj", "and", None):
            break
        taken.append((cls, word[0]))
        end = word[0]
    while taken and taken[-1][0] == "and":
        taken.pop()
    # "nhà và đô thị": two nouns "và" joins count as the words they are, not three
    joins = {i for i in range(1, len(taken) - 1)
             if taken[i][0] == "and" and taken[i - 1][0] == taken[i + 1][0] == "noun"}
    content = [i for i in range(len(taken)) if i not in joins]
    if len(content) > MAX_TAIL_WORDS and not _long_tail_closed(view, taken[-1][1], named or complement):
        taken = taken[:content[MAX_TAIL_WORDS]]  # a long run of lower-case words: a name only up to its place
        while taken and taken[-1][0] == "and":
            taken.pop()
    end = _tail_end(view, pos, taken, named, complement)
    # the trade's words are read only after a company's head (this runs on every lower-case tail)
    trade = trade and complement and trade_words(taken, [view.lower[s:e].strip()
                                                         for s, e in _spans(pos, taken)])
    after = view.next_word(taken[-1][1]) if taken else None
    if end == pos and trade and after is not None and view.gap(taken[-1][1], after[0]) == "space" and (
            trade_named(view, after)):
        end = taken[-1][1]  # "Công ty vận tải" + "Hoàng Long đã ..."
    if end == pos and level_at:  # read to the level word, the words before it may still end there
        end = _tail_end(view, pos, taken[:level_at], named, complement)
    nouns = next((i for i, (c, _) in enumerate(taken) if c != "noun"), len(taken))
    scoped = scope_word(view, view.next_word(pos)[0]) if taken else None
    if end == pos and named and not scoped and 0 < nouns < len(taken) and taken[nouns][0] == "verb" and (
            not complement or not head_before(view, pos)):
        # "Trung tâm Dịch vụ việc làm tiếp nhận hồ sơ": the run read on into the predicate; its nouns
        # before the verb still describe the name, as they do before a function word ("Hội Phụ nữ cơ
        # sở duy trì": a level word first makes it a kind of body, see `_scoped` in kinds/organizations);
        # so too after an open head's capitalised words, whose run reads verbs as its description does
        # ("Cục Bảo vệ" + "thực vật quản lý", "Cục Quản lý" + "chất lượng có"); not right after a nested
        # head ("Đảng bộ Trung tâm" + "y tế long trọng"), whose bare form stands for the longer name
        end = _tail_end(view, pos, taken[:nouns], named, complement)
    if end == pos and named and (described_end := people_described(view, pos, taken)) > pos and (
            _described_closed(view, described_end)):
        end = described_end  # "Hội Người" + "cao tuổi" + "đã tổ chức": which people, then the predicate
    # "Công ty cà phê 706:" right after the head, so too after the name's capitalised words ("Công ty
    # Thương mại dịch vụ 2 đã"): the number of one unit of that kind
    counted = numbered and taken and (nouns == len(taken) or trade)  # "Tổng công ty phát điện 2" too
    if end in (pos, taken[-1][1] if taken else pos) and counted and (
            complement or (named and described(view, pos))):
        end = max(end, _unit_number(view, pos, taken[-1][1]))
    return end


COPULA = "là"


def _spans(pos: int, taken: list[tuple[str | None, int]]) -> list[tuple[int, int]]:
    """(start, end) of each lower-case word read after `pos`."""
    starts = [pos, *(end for _, end in taken[:-1])] if taken else []
    return [(start, end) for start, (_, end) in zip(starts, taken, strict=True)]


def _unit_number(view: View, pos: int, end: int) -> int:
    """After nouns that describe a numbered head ("Công ty" + "cà phê"), a short number right before
    punctuation or a word that ends a name numbers one unit of that kind ("Công ty cà phê 706:"): the
    end of that number, else `pos` ("công ty xây dựng 3 cây cầu", "công ty mẹ 5.000 tỷ" are counts)."""
    number = view.next_word(end)
    if number is None or view.gap(end, number[0]) != "space" or not view.word(number).isdigit():
        return pos
    if number[1] - number[0] > 3 or re.match(r"[.,/%]\w|[%/]", view.norm[number[1]:number[1] + 2]):
        return pos
    rest = view.norm[number[1]:number[1] + 3].lstrip(" \t\xa0")[:1]
    if not rest or rest in NAME_ENDS or _SPACED_DASH.match(view.norm, number[1]):
        return number[1]
    after = view.next_word(number[1])
    if after is not None and term_at(view, after[0]):
        return number[1]  # "Công ty cà phê 706" + "khóa mới": the term follows the unit's number
    following = lower_word(view, after or number)
    return number[1] if following is not None and word_class(following[1]) in ENDS_A_NAME else pos


def _tail_end(view: View, pos: int, taken: list[tuple[str | None, int]], named: bool,
              complement: bool) -> int:
    """Where the lower-case words `taken` after `pos` end the name, read from what follows them."""
    r = rules()
    if not taken:
        return pos
    end = taken[-1][1]
    classes = [c for c, _ in taken]
    content = [c for c in classes if c != "and"]
    plain = all(c == "noun" for c in content)  # "và" only between two nouns ("sọ mặt và tạo hình")
    nominal = complement or content[0] in ("noun", None)  # not a predicate ("đăng tải thông tin")
    descriptive = named and described(view, pos)  # "Dịch vụ việc làm", not "Viettel giải pháp"
    # a description that a punctuation mark or a function word closes goes on from a trade's common
    # word ("Dịch vụ" + "việc làm,"), not from a proper name ("Gio Châu" + "thông tin,", "Hồ Chí Minh"
    # + "quy định về")
    common = descriptive and not proper_name_before(view, pos)
    # after a field's capitalised words, its adjective or words no class lists still name the field
    # ("Hóa chất" + "cơ bản miền Nam", "Hơi" + "kỹ nghệ Que hàn", "Y tế" + "công cộng -")
    field = descriptive and field_words(view, pos, taken)
    # a division's field read whole: its verb half after one syllable or an activity ("Khoa Răng" + "hàm
    # mặt", "Khoa Hồi sức" + "cấp cứu"), closed below by punctuation or a function word, never a verb
    activity = descriptive and division_activity(view, pos, taken)
    after = view.next_word(end)
    bracket = ACRONYM_IN_BRACKETS.match(view.norm, end) if after is None else None
    if bracket and view.next_word(bracket.end()) is not None:
        # "Ủy ban bầu cử (UBBC) tỉnh Điện Biên": the body's acronym between its words and what follows
        # them; what follows the bracket decides, as it does with no bracket (the scan steps over it)
        after = view.next_word(bracket.end())
    if after is None:  # punctuation or the end of the text ("thực phẩm (Bộ Y tế)": past the space)
        inside = view.syllable(end)
        if complement and inside is not None and quoted_name(view, end, inside[0]) is not None:
            return end  # "Ban Chỉ đạo phong trào thi đua" + "“Dân vận khéo” huyện": the campaign it leads
        rest = view.norm[end:end + 3].lstrip(" \t\xa0")[:1]
        closed = not rest or rest in NAME_ENDS or _SPACED_DASH.match(view.norm, end)
        return end if common and (plain or field or activity) and closed else pos
    start = after[0]
    if term_at(view, start) and named:
        # "Bộ Công nghiệp" + "nặng" + "khóa mới": the term closes the name's words as its place would
        return end if content[0] in ("noun", None) or (descriptive and content == ["adj"]) else pos
    admin = r.admin_re.match(view.norm, start)
    if admin and _glued(view, admin.end()):
        admin = None  # "xã hội" (society) is one word of the segmenter, not the commune word "xã"
    if admin and (view.norm[start].islower() or view.norm[start:admin.end()].rstrip(".").isupper()):
        # "Hội Người cao tuổi thị trấn Tân Yên": an adjective right after a Vietnamese noun of the
        # name describes that noun when the name's place follows
        modifier = descriptive and content == ["adj"]
        return end if (named or complement) and (nominal or modifier) else pos  # "... du lịch TP Đà Nẵng" too
    if capitalised(view.word(after)):
        nested = head_at(view, start)
        if nested:
            closing = named and nested[1].closes  # "... Tỉnh ủy"
            # "Cục Quản lý chất lượng Bộ Giáo dục": words that describe the unit, then the body it belongs
            # to; a lone verb before the body is a predicate and its object ("Trung Cấp tốt nghiệp Đại học")
            describing = (complement or (descriptive and plain)) and content != ["verb"]
            parent = describing and parent_body(view, nested[0])
            return end if nominal and (closing or parent) else pos
        if person_starts(view, after) or r.stop_re.match(view.norm, start):
            return pos
        place = place_end(view, start)
        if place > start and place_level(view.norm[start:place]):
            # "Viện ... nông nghiệp Liên Xô"; "Hội Người cao tuổi Việt Nam", as before an administrative word
            modifier = descriptive and content == ["adj"]
            return end if (named or complement) and (nominal or modifier) else pos
        if _level_word(view, after) and (complement or (descriptive and (plain or content == ["adj"]))):
            # "Ban chỉ đạo phòng chống lụt bão Trung ương": the description, then its level; so too
            # after a capitalised name ("Bệnh viện Y học cổ truyền Trung ương")
            return end
        if complement and _named_object_placed(view, after):
            # "Ban Chỉ đạo phòng, chống dịch" + "Covid-19 tỉnh Hà Nam": the work the head's body does, on a
            # named thing, then its place; the description and the thing are its name, as with no name
            return end
        return end if plain or field else pos
    level = r.level_re.match(view.lower, start) if _level_word(view, after) else None
    # "Bệnh viện Y học cổ truyền trung ương đã": the level in lower case after an adjective of the
    # name's field; after a noun it may be the tier the body serves ("Bệnh viện X tuyến trung ương")
    if level and (complement or (descriptive and content == ["adj"])) and _level_ends(view, level.end()):
        return level.end()
    following = lower_word(view, after)
    cls = word_class(following[1]) if following else None
    # "Trung tâm Dịch vụ việc làm" + "thông tin, ...": a reporting verb ends the name as a verb does; so
    # does a time or function word the tagger calls a noun ("việc làm" + "năm 2020", "cơ sở" + "hiện"),
    # after a word of two syllables: one syllable may start the time phrase ("hàng năm", "hồi cuối")
    last = view.lower[_spans(pos, taken)[-1][0]:end].split()
    ends = cls in ENDS_A_NAME or addressed_person(view, after) or (following is not None and (
        (following[1] in r.tail_stops and len(last) > 1) or reports_content(view, following)))
    joined = cls == "conjunction" and not field_follows(view, after)
    if activity and (cls in ("preposition", "adverb") or joined):
        return end  # "Khoa Hồi sức cấp cứu từ tháng 3", "Khoa Răng hàm mặt và Bệnh viện ..."
    # after a field's capitalised words, its adjective goes on naming the field up to such a word, as it
    # does up to punctuation ("Phòng Kế hoạch tổng hợp đã ..."); a word no class lists is read so only
    # before punctuation ("Bộ Quốc phòng" + "thăng quân hàm trước ...": the predicate)
    adjectival = field and all(c in ("noun", "adj") for c in content)
    return end if common and (plain or adjectival) and ends else pos


def _described_closed(view: View, end: int) -> bool:
    """After the words that describe a name's noun of people, the name ends or its place follows:
    punctuation, the text's end, a word that never continues a name, a village or administrative word;
    not "và" and more people ("khuyết tật và trẻ mồ côi")."""
    if (after := view.next_word(end)) is not None:
        r = rules()
        if view.word(after).isdigit():  # "Hội Người cao tuổi" + "6 tháng đầu năm": a count of time
            unit = view.next_word(after[1])
            counted = lower_word(view, unit) if unit is not None else None
            return counted is not None and counted[1] in r.tail_stops
        return bool(r.village_re.match(view.norm, after[0]) or r.admin_re.match(view.norm, after[0])) or (
            _level_ends(view, end))
    rest = view.norm[end:end + 3].lstrip(" \t\xa0")[:1]
    return not rest or rest in NAME_ENDS or bool(_SPACED_DASH.match(view.norm, end))


def _level_ends(view: View, end: int) -> bool:
    """After a level word, the name ends: punctuation, the text's end, or a word that never continues a
    name (a verb, a function word), not more of a description ("trung ương và địa phương")."""
    after = view.next_word(end)
    if after is None:
        return True
    following = lower_word(view, after)
    return following is not None and following[1] != "và" and (
        following[1] in rules().tail_stops or word_class(following[1]) in ENDS_A_NAME)


def _long_tail_closed(view: View, end: int, describes: bool) -> bool:
    """After more lower-case words than a name usually takes, the name's end: an administrative word
    and its named place ("Ban Chỉ đạo phòng chống tội phạm ma túy mại dâm tỉnh Lào Cai") or a parent
    body ("... trật tự xã hội Công an tỉnh"); anything else leaves the long run out of the name."""
    after = view.next_word(end)
    if not describes or after is None or view.gap(end, after[0]) != "space":
        return False
    admin = rules().admin_re.match(view.norm, after[0])
    if admin is not None and view.norm[after[0]].islower() and not _glued(view, admin.end()):
        return named_place_after(view, admin.end())
    nested = head_at(view, after[0])
    return nested is not None and parent_body(view, nested[0])


def parent_body(view: View, head_end: int) -> bool:
    """After a nested head that needs a name ("Bộ", "Cục"), that name follows: a capitalised word that
    starts no person's name, or an administrative word ("Cục Hải quan tỉnh"): a body named whole,
    which the unit's description before it belongs to."""
    after = view.next_word(head_end)
    if after is None or view.gap(head_end, after[0]) != "space":
        return False
    if rules().admin_re.match(view.norm, after[0]):
        return True
    return capitalised(view.word(after)) and not person_starts(view, after) and not (
        rules().stop_re.match(view.norm, after[0]))


def _about_then_body(view: View, pos: int) -> bool:
    """After "về" at `pos`, one or two lower-case nouns and then a body's head or an administrative
    word: what a unit deals with, inside its name ("tội phạm về ma túy Công an tỉnh"); not the verb
    "về" (to come) of "Cục Quản lý chất lượng về công tác tại ..."."""
    end = pos
    for _ in range(MAX_TAIL_WORDS - 1):
        span = view.next_word(end)
        word = lower_word(view, span) if span else None
        if word is None or word_class(word[1]) != "noun":
            break  # "về công tác tại Thanh tra": a preposition, the verb's own phrase
        end = word[0]
    after = view.next_word(end)
    return end > pos and after is not None and (
        head_at(view, after[0]) is not None or rules().admin_re.match(view.norm, after[0]) is not None)


def _closes_on_place(view: View, end: int) -> bool:
    """After `end`, the body's place closes its description: a known place ("Hà Nội"), or a lower-case
    administrative word, its own word, then a named place or a bare level the name ends on ("tỉnh Nghệ
    An", "tỉnh tiến hành"); not "tỉnh táo" (alert), nor a description that runs on."""
    after = view.next_word(end)
    if after is None or view.gap(end, after[0]) != "space":
        return False
    admin = rules().admin_re.match(view.norm, after[0])
    if admin is None:
        return known_place_at(view, after[0])
    if not view.norm[after[0]].islower() or _glued(view, admin.end()):
        return False
    return named_place_after(view, admin.end()) or _level_ends(view, admin.end())


def _admin_after(view: View, end: int) -> bool:
    """An administrative word follows `end` ("cấp" + "xã")."""
    after = view.next_word(end)
    return after is not None and rules().admin_re.match(view.norm, after[0]) is not None


def _glued(view: View, end: int) -> bool:
    """The segmenter's word goes on past `end`: the syllables before it are part of a longer word."""
    after = view.next_word(end)
    return after is not None and view.token(after[0]) == view.token(end - 1)


def _level_word(view: View, span: tuple[int, int]) -> bool:
    """A level word of rules/organizations.yml, capitalised and whole ("Trung ương", "Nhà nước"), after
    the words that describe a body: the level the body works at, the end of its name."""
    match = rules().level_re.match(view.lower, span[0])
    if match is None or not view.ends_syllable(span[0], match.end()):
        return False
    return not _glued(view, match.end())


def counts_nothing(view: View, word: tuple[int, str]) -> bool:
    """A count's noun ("số", flagged `counts` among tail_stops) with nothing after it that it could
    count: punctuation or the text's end, an administrative word, a level word or a known place. After
    the words of a name's field it is then their adjective ("Trung tâm Chuyển đổi số tỉnh", "Kinh tế
    số,": digital), not "số 2" nor "số hộ" (a number, a count)."""
    if word[1] not in rules().count_nouns:
        return False
    after = view.next_word(word[0])
    if after is None:
        rest = view.norm[word[0]:word[0] + 3].lstrip(" \t\xa0")[:1]
        return not rest or rest in NAME_ENDS
    # its place or its level, as after a name's words ("số tỉnh", "số quốc gia", "số Việt Nam"); not
    # a number ("số 2", "số XII") nor a newspaper's issue ("số Tết")
    if rules().admin_re.match(view.norm, after[0]) is not None or _level_word(view, after):
        return True
    place = place_end(view, after[0])
    return place > after[0] and place_level(view.norm[after[0]:place]) is not None


def _described_class(view: View, word: tuple[int, str]) -> bool:
    """A counted noun that an adjective describes names a class of people, not a count ("Hội người
    cao tuổi phường Cầu Tre": the elderly), as the noun in "500 people" does not; so too one a noun
    describes when the description runs on to the body's named place ("Hội Bảo trợ người khuyết tật
    tỉnh Cao Bằng": the disabled), as no count does."""
    after = view.next_word(word[0])
    following = lower_word(view, after) if after is not None else None
    if word_class(word[1]) != "noun" or following is None:
        return False
    return word_class(following[1]) == "adj" or (
        word_class(following[1]) == "noun" and _runs_to_place(view, following[0]))


def _runs_to_place(view: View, end: int) -> bool:
    """Lower-case words of a description after `end` (nouns, verbs, adjectives, "và"), then an
    administrative word and its named place, within the words a long description takes."""
    for _ in range(MAX_LONG_TAIL):
        if _long_tail_closed(view, end, True):
            return True
        span = view.next_word(end)
        word = lower_word(view, span) if span is not None else None
        if word is None or rules().admin_re.match(view.norm, span[0]) or not (
                word[1] == "và" or word_class(word[1]) in ("noun", "verb", "adj")):
            return False
        end = word[0]
    return False


def _verb_object(view: View, taken: list[tuple[str | None, int]], word: tuple[int, str]) -> bool:
    """A noun that otherwise ends a name, after a verb of the name and before its administrative
    word, is that verb's object ("Ban Chỉ đạo chuyển đổi số tỉnh": digital transformation), not an
    amount or a time ("Sở Y tế số lượng", "Tỉnh ủy năm 2020")."""
    if not taken or taken[-1][0] != "verb" or word_class(word[1]) != "noun":
        return False
    after = view.next_word(word[0])
    return after is not None and rules().admin_re.match(view.norm, after[0]) is not None


NAMED_OBJECT_WORDS = 3  # capitalised words of a thing a body's work is about ("Covid-19", "HIV/AIDS")


def _named_object_placed(view: View, first: tuple[int, int]) -> bool:
    """From `first`, a short capitalised run that is neither a person nor a body ("Covid-19"), then a
    place: an administrative word and its name, or a known place ("tỉnh Hà Nam", "TPHCM")."""
    if head_at(view, first[0]) or person_starts(view, first) or rules().stop_re.match(view.norm, first[0]):
        return False
    if view.lower[:first[0]].split()[-1:] == [COPULA]:
        return False  # "CLB sót lại là" + "Real Madrid": the predicate's complement, not the body's work
    span: tuple[int, int] | None = first
    for _ in range(NAMED_OBJECT_WORDS):
        end = span[1]
        while (tail := view.syllable(end)) is not None and view.gap(end, tail[0]) == "hyphen" and (
                view.word(tail).isalnum()):
            end = tail[1]  # "Covid" + "-19"
        span = view.next_word(end)
        if span is None or view.gap(end, span[0]) != "space":
            return False
        admin = rules().admin_re.match(view.norm, span[0])
        if admin and view.ends_syllable(span[0], admin.end()):
            after = view.next_word(admin.end())
            return after is not None and capitalised(view.word(after))
        place = place_end(view, span[0])
        # the body's own unit ("tỉnh Hà Nam", "TPHCM", "Hội An"), not a foreign city ("Real" + "Madrid")
        if place > span[0] and place_level(view.norm[span[0]:place]) in UNIT_LEVELS:
            return True
        if not capitalised(view.word(span)) or head_at(view, span[0]):
            return False
    return False
