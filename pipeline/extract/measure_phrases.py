"""Reading a measure phrase off the segmented words: forward from a number to what it counts, backward
to the phrase before it, and where either stops (another figure, a date, a name, a link word, a
bracket). `measure` decides which reading a figure takes."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.extract.clauses import Words
from pipeline.extract.kinds import figures
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention

ACRONYM = regex.compile(r"[\p{Lu}][\p{Lu}\p{N}&-]{1,7}")  # "GDP", "GRDP", "TCCSĐ", "KH&CN"
BACK_WORDS = 8
GLUED_ESTIMATE = " ước"  # "ước (đạt)", estimated at: a link the segmenter may join to the word before
QUANTITY_NOUNS = ("measure_openers", "quantity_heads")  # "số X", "tỷ lệ X", "trọng lượng"
LEADING_JUNK = (  # "với | số tiền", "tôi | rút", "bao gồm | sản lượng", "ngoài ra | các cơ sở"
    "links",
    "frames",
    "self_words",
    "group_self_words",
    "kin_words",
    "breakdown_openers",
    "continuation_openers",
    "list_joiners",
    "measure_leads",
    "present_words",
)


@dataclass(frozen=True)
class Found:
    """A measure phrase as written and the characters it covers (`text` is the text of [start, end),
    except a counted noun the figure takes from a count before it, which is not written there, and
    the body a count makes up, "Chi ủy gồm 03 đồng chí", which covers only the figure)."""

    text: str
    start: int
    end: int


@dataclass
class Marks:
    """Per-word facts of a segment: which words belong to another figure, date or directive, and
    which open a named entity (its index one past its last word)."""

    blocked: bytearray
    entity_end: dict[int, int]
    dated: bytearray  # the words of dates
    figure_end: dict[int, Mention]  # a figure by the index one past its last word

    @classmethod
    def of(cls, words: Words, mentions: list[Mention]) -> Marks:
        """Mark the words of a segment's mentions (all of one field)."""
        blocked, entity_end, dated = bytearray(len(words)), {}, bytearray(len(words))
        figure_end: dict[int, Mention] = {}
        for m in mentions:
            first, last = words.at(m.start), words.before(m.end)
            if m.type == "FIGURE":
                figure_end[last] = m
            if m.type in ("FIGURE", "DATE", "DIRECTIVE"):
                blocked[first : max(last, first + 1)] = b"\x01" * (max(last, first + 1) - first)
            if m.type == "DATE":
                dated[first : max(last, first + 1)] = b"\x01" * (max(last, first + 1) - first)
            elif m.type in ("ORG", "PER", "LOC") and last > first:
                entity_end[first] = last
        return cls(blocked, entity_end, dated, figure_end)


WHOLE = "toàn"  # whole: before a body's or a place's noun it names all of it ("toàn ngành", "toàn TP")
WHOLE_OF = ("body_heads", "group_heads", "place_words", "address_units")  # heads "toàn" makes whole


def whole_area(words: Words, k: int, end: int) -> int:
    """How many words at `k` name a whole area or body, whose a figure is and never what it measures: a
    listed one ("cả nước", "toàn tỉnh"), or "toàn" on its own before the head of a body, a group or a place
    the lexicon knows, or an acronym ("toàn | ngành", "toàn | khối", "toàn | TP"); not before another
    noun ("toàn | khóa", a whole course; "toàn | phần", full); "toàn bộ", "toàn thể" are words of their
    own."""
    if n := words.term_at(k, "whole_places", end):
        return n
    if words.lower[k] != WHOLE or k + 1 >= end or words.is_punct(k + 1):
        return 0
    if ACRONYM.fullmatch(words.text[words.starts[k + 1] : words.ends[k + 1]]):
        return 2
    n = max(words.term_at(k + 1, table, end) for table in WHOLE_OF)
    return 1 + n if n else 0


def whole_area_before(words: Words, j: int, floor: int) -> int:
    """How many words before word `j` name a whole area (`whole_area`)."""
    return next((n for n in (2, 1) if j - n >= floor and whole_area(words, j - n, j) == n), 0)


def read_forward(
    words: Words, marks: Marks, start: int, high: int, stops: tuple[str, ...], cap: int, commas: int = 0
) -> tuple[int, int]:
    """Words from `start` on that continue a phrase: up to punctuation, a number, a stop word or
    another mention; a comma only while the phrase has at most `commas` words ("chi, đảng bộ")."""
    i = j = words.at(start)
    while j < len(words) and words.starts[j] < high and j - i < cap:
        if words.is_punct(j):
            joins = words.lower[j] == "," and 0 < j - i <= commas and j + 1 < len(words)
            if joins and not words.is_punct(j + 1) and _coordinated(words, i, j):
                j += 1
                continue
            break
        if marks.blocked[j] or words.lower[j][:1].isdigit() or any(words.term_at(j, t) for t in stops):
            break
        if words.term_at(j, "kin_words") or words.term_at(j, "self_words"):
            break  # "128 triệu đồng | chị đổ vào ...": a pronoun starts a new clause
        j += 1
    if j < len(words) and (marks.blocked[j] or words.lower[j][:1].isdigit()):
        j -= _qualifier_before(words, j, i)  # "3 khu đô thị | hơn | 74.3 ngàn tỷ": the next number's
    while j > i and (words.is_punct(j - 1) or words.term_before(j, "measure_stops", j - 1)):
        j -= 1  # "35,34% chỉ tiêu đề ra | trong (năm 2022)": no dangling preposition
    return i, j


def _coordinated(words: Words, i: int, comma: int) -> bool:
    """Whether the words after a comma are the next item of a list the phrase before it starts ("chi,
    đảng bộ", "khá, giỏi"): not a number, not after a plan a share is of ("đạt 101% kế hoạch, | trồng
    được ..."), and not a verb, a determiner or an adjective after a noun, which open the next clause
    ("86,25% dân số, | thấp hơn ...", "103% kế hoạch, | các cây trồng khác ...")."""
    after = words.lower[comma + 1]
    if after[:1].isdigit() or words.term_before(comma, "plan_words", i):
        return False
    kind = word_class(after)
    if kind == "adj":
        return word_class(words.lower[comma - 1]) in ("adj", "adverb")
    return kind not in ("verb", "determiner")


def _qualifier_before(words: Words, j: int, floor: int) -> int:
    """How many words before word `j` are a qualifier of the number at `j` ("hơn", "ít nhất")."""
    qualifiers = figures.lexicon().tables["qualifiers_before"]
    return next((n for n in (3, 2, 1) if j - n >= floor and words.phrase(j - n, j).lower() in qualifiers), 0)


def read_backward(
    words: Words,
    marks: Marks,
    end: int,
    low: int,
    amount: bool = False,
    passive: bool = False,
    linked: bool = False,
) -> tuple[int, int, bool]:
    """The phrase before a number: back over link words ("đạt", "là khoảng"), then to punctuation,
    another mention, a frame word or a reporting verb; leading links and a leading name trimmed.
    Also whether a link stood between the phrase and the number (`linked` says one stands right
    after `end`); an `amount` (money, a measure, a share) may be named after "với"; a length of time
    may not ("5 năm gắn bó với Grab"). With `passive` (a count or a share: what is counted), a linked
    phrase runs back past a passive ("Số học sinh được tuyên dương | là 19 em"): the noun before it
    is what the clause is about; money after one is what the noun got ("mỗi hộ được | vay ...")."""
    floor = words.at(low)
    j = words.before(end)
    for _ in range(3):  # past a frame, an owner or a date right before: "cuối năm 2020 cũng tăng"
        while j > floor and (n := link_before(words, marks, j, floor)):
            j, linked = j - n, True
        i = j
        while i > floor and j - i < BACK_WORDS:
            if (opener := _bracket_before(words, marks, i, j, floor)) is not None:
                i = opener  # "tổng sản phẩm quốc nội (GDP) | của Việt Nam": an acronym in brackets
                continue
            if joined_by_hyphen(words, marks, i, floor):
                i -= 2  # "giá trị công nghiệp - xây dựng": a compound written with a dash
                continue
            if words.is_punct(i - 1) or marks.blocked[i - 1]:
                break
            if words.term_before(i, "frames", floor) or words.term_before(i, "source_after", floor):
                break
            if amount and i < j and _introduces_measure(words, i, floor):
                break  # "trao 50 suất học bổng với | tổng trị giá 50 triệu đồng"
            i -= 1
        if i < j and words.term_at(i, "owner_links", j) and words.lower[i] == "của":
            j = i  # "(GRDP) quý I năm 2021 | của tỉnh | vẫn đạt": whose it is, not what
            while j > floor and marks.blocked[j - 1]:
                j -= 1  # past the date before it
            continue
        if i == j and (opening := _aside_before(words, marks, i, floor)) is not None:
            j = opening  # "tổng giá trị sản xuất (theo giá so sánh năm 2010) | ước thực hiện": an aside
            continue
        if i < j or i <= floor or words.is_punct(i - 1):
            break
        n = words.term_before(i, "frames", floor) or words.term_before(i, "source_after", floor)
        while n == 0 and i > floor and marks.blocked[i - 1]:
            i -= 1  # a date or another figure
        j = i - n
    j = _before_period_cue(words, marks, i, j)
    if i < j and i > floor and marks.dated[i - 1] and words.term_at(i, "measure_stops", j):
        k = i  # "GDP bình quân đầu người | năm 2022 | theo giá hiện hành": a qualifier after the date
        while k > floor and marks.dated[k - 1]:
            k -= 1
        before = read_backward(words, marks, words.starts[k], low, amount)
        if before[1] > before[0]:
            return before[0], before[1], linked
    if passive and linked:
        i = _past_passive(words, marks, i, j, floor)
    while i < j and (n := max(words.term_at(i, t, j) for t in LEADING_JUNK)):
        i += n  # "với | số tiền ...", "tôi | rút 50 triệu đồng": no part of what is measured
    while j > i and (n := words.term_before(j, "aspect_markers", i)):
        j -= n  # "giá lúa hôm nay | tiếp tục | tăng 100-200 đồng": the aspect is the predicate's
    j = _without_owner(words, marks, i, j)
    i = _past_holder(words, i, j)
    if (last := marks.entity_end.get(i)) and last < j and whole_area(words, last, j) < j - last:
        i = last  # "Tổng Liên đoàn Lao động Việt Nam | tạm đình chỉ công tác 90 ngày"; not before a whole
        # area alone, which says whose the named thing is ("Quỹ Hỗ trợ nông dân | toàn TP đạt ...")
    elif (n := words.term_at(i, "place_words", j) or whole_area(words, i, j)) and i + n < j:
        i += n  # "tỉnh | thu ngân sách đạt 5.200 tỷ đồng", "toàn ngành | xuất khẩu": the subject, not what
    else:
        i = _past_named_actor(words, marks, i, j)
    return i, j, linked


PERIOD_CUES = ("as_of_cues", "time_after_cues", "deadline_cues")


def _before_period_cue(words: Words, marks: Marks, i: int, j: int) -> int:
    """Where a phrase ends before the preposition that opens the date right after it ("Nợ quá hạn |
    đến ngày 30/9 là ...", "thu nhập bình quân đầu người | đến năm 2025 đạt ..."): the date's, not
    part of what is measured."""
    while j < len(words.lower) and marks.dated[j] and j > i + 1:
        n = max(words.term_before(j, group, i + 1) for group in PERIOD_CUES)
        if not n:
            break
        j -= n
    return j


NOT_PASSIVE_VERB = frozenset({"preposition", "conjunction", "determiner", "pronoun", "number", "particle"})


def _past_passive(words: Words, marks: Marks, i: int, j: int, floor: int) -> int:
    """Where a linked phrase starts when a passive marker stands right before its verb ("Học sinh
    được | tuyên dương đạt 19 em", "gia súc bị | chết, cuốn trôi là 150 con"): at the noun phrase
    before the marker, which the passive clause qualifies, up to punctuation, a mention or a frame."""
    n = words.term_before(i, "passive_markers", floor)
    if not n or i >= j or word_class(words.lower[i]) in NOT_PASSIVE_VERB:
        return i  # (the tagger's class for a verb after a marker varies: "bầu" is a noun to it)
    k = m = i - n
    while m > floor and k - m < BACK_WORDS and not (words.is_punct(m - 1) or marks.blocked[m - 1]):
        if words.term_before(m, "frames", floor) or words.term_before(m, "source_after", floor):
            break
        m -= 1
    if m == k or word_class(words.lower[m]) not in ("noun", None):
        return i
    if word_class(words.lower[k - 1]) == "verb" and word_class(words.lower[i]) == "noun":
        return i  # "nhận được | tỷ lệ ủng hộ": a verb's result particle before its object, no passive
    return m


def _past_named_actor(words: Words, marks: Marks, i: int, j: int) -> int:
    """Where a measure starts when a name no mention covers opens it and acts: at the verb after the
    name ("Cảng Hải Phòng | hoàn thành kế hoạch năm trước 15 ngày", as a named body's mention is
    passed above); a name is a run of capitalised words ending in one capitalised in every syllable
    ("Sản lượng | tiêu thụ" is none) or an acronym ending a body."""
    ends = set(marks.entity_end.values())
    for k in range(i + 1, j):
        verb, before = (words.text[words.starts[m] : words.ends[m]] for m in (k, k - 1))
        if not (verb.islower() and word_class(verb) == "verb"):
            continue
        capitalised = all(words.text[words.starts[m]].isupper() for m in range(i, k))
        if capitalised and _named(before, k in ends):
            while k < j and (n := words.term_at(k, "links", j)):
                k += n  # "Công ty X | đạt | doanh thu ...": the link is no part of the measure
            return k if k < j else i
        return i  # the first verb closes the subject
    return i


def _named(word: str, ends_body: bool) -> bool:
    """Whether a word is (the end of) a name: two syllables or more, each capitalised ("Hải Phòng"), or
    an acronym ending a body; one capitalised syllable may only open its sentence ("Giá")."""
    syllables = word.split()
    if len(syllables) > 1:
        return all(s[:1].isupper() for s in syllables)
    return ends_body and sum(c.isupper() for c in word) > 1


def link_before(words: Words, marks: Marks, j: int, floor: int) -> int:
    """How many words before word `j` link a measure phrase to its number: a link word, an opener,
    or a colon ("Tổng số đảng viên: 94.306 người", "Dân số : đạt khoảng 3.207.000 người"), unless
    a name labels the number ("+ Đồng bằng sông Hồng: 13,9%": whose it is, not what)."""
    if n := max(words.term_before(j, t, floor) for t in ("links", "measure_openers", "as_of_cues")):
        return n  # "tổng số đảng viên tính đến (ngày 01/3/2017) là": the day is the time, not what
    if j - 1 <= floor or words.lower[j - 1] != ":":
        return 0
    return 0 if j - 1 in marks.entity_end.values() else 1


def _past_holder(words: Words, i: int, j: int) -> int:
    """Where a measure starts when the phrase says who has it: "heroin có | trọng lượng", "khu công
    nghiệp đi vào hoạt động có | tỷ lệ lấp đầy": the quantity after "có" is what is measured."""
    for k in range(j - 2, i, -1):
        if words.lower[k] == "có" and any(words.term_at(k + 1, t, j) for t in QUANTITY_NOUNS):
            return k + 1
    return i


def _bracket_before(words: Words, marks: Marks, i: int, j: int, floor: int) -> int | None:
    """Where the bracket closing right before word `i` opens when it qualifies the noun before it:
    an acronym ("tổng sản phẩm quốc nội (GDP)") or a few lower-case words ("kim ngạch xuất khẩu (trừ
    dầu thô)"); not a name ("(Ninh Bình)"), a figure ("(tương ứng 4,13%)") or a phrase the cap cuts."""
    if i - 1 <= floor or words.lower[i - 1] != ")":
        return None
    for k in range(i - 2, max(floor, i - 7), -1):
        if words.is_punct(k) or marks.blocked[k]:
            if words.lower[k] != "(" or k == i - 2 or words.is_punct(k - 1) or marks.blocked[k - 1]:
                return None
            inside = words.text[words.starts[k + 1] : words.ends[i - 2]]
            named = inside[:1].isupper() and not ACRONYM.fullmatch(inside)
            return None if named or j - k >= BACK_WORDS else k
    return None


def _aside_before(words: Words, marks: Marks, i: int, floor: int) -> int | None:
    """Where a bracket closing right before word `i` opens, when it stands between a lower-case phrase
    and the link to its number ("Tăng trưởng kinh tế ... (2016 - 2020) | đạt"): an aside, no part of
    what is measured; the phrase before it is. One holding a figure ("(chiếm 98% ...)") is that
    figure's clause: the phrase before it is whose share it is."""
    if i - 1 <= floor or words.lower[i - 1] != ")":
        return None
    k = i - 2
    while k > floor and words.lower[k] not in ("(", ")"):
        if marks.blocked[k] and not marks.dated[k]:
            return None
        k -= 1
    if k <= floor or words.lower[k] != "(" or words.is_punct(k - 1):
        return None
    return k if marks.blocked[k - 1] or words.text[words.starts[k - 1]].islower() else None


def joined_by_hyphen(words: Words, marks: Marks, i: int, floor: int) -> bool:
    """Whether a dash between two lower-case words joins them before word `i` ("nông - lâm")."""
    k = i - 2
    if k < floor or words.lower[i - 1] not in ("-", "–") or words.is_punct(k) or marks.blocked[k]:
        return False
    before, after = (words.text[words.starts[n] : words.ends[n]] for n in (k, i))
    return before == before.lower() and after[:1].islower()  # no name on either side


def _introduces_measure(words: Words, i: int, floor: int) -> bool:
    """Whether the word before `i` introduces what an amount is ("với | tổng kinh phí"); not the
    "với" of a comparison ("so với")."""
    n = words.term_before(i, "measure_introducers", floor)
    return bool(n) and not words.term_before(i - n, "comparison_cues", floor)


def _without_owner(words: Words, marks: Marks, i: int, j: int) -> int:
    """The end of a measure phrase without a closing owner: "GDP | của Việt Nam", "của tỉnh"."""
    for k in range(j - 2, i, -1):
        if words.lower[k] != "của":
            continue
        rest = k + 1
        if marks.entity_end.get(rest) == j or rest + words.term_at(rest, "place_words", j) == j:
            return k
        if (n := words.term_at(rest, "place_words", j)) and marks.entity_end.get(rest + n) == j:
            return k
    return j


def names_nothing(words: Words, found: Found) -> bool:
    """Whether a measure as written names no thing, only a whole area, whose the figure is ("cả nước",
    "toàn huyện"). (A phrase of qualifiers alone, "bình quân", was tried as naming nothing too and taken
    back in session 35: a score-only floor fell.)"""
    i, j = words.at(found.start), words.at(found.end)
    if j <= i or words.phrase(i, j) != found.text:
        return False  # a noun the figure takes from elsewhere is no written phrase to judge
    return whole_area(words, i, j) == j - i


def head_before_date(words: Words, marks: Marks, found: Found, low: int, amount: bool) -> Found:
    """What a measure that names nothing is of when a date parts it from the noun phrase before (4a: the
    noun with what qualifies it): that phrase ("tỷ lệ đỗ tốt nghiệp | năm 2009 | cả nước đạt hơn 80%");
    else the measure as it is.
    An `amount` (money, a measure, a share) may be named after "với" (`read_backward`)."""
    floor, k = words.at(low), words.at(found.start)
    if k <= floor or not marks.dated[k - 1]:
        return found
    while k > floor and marks.dated[k - 1]:
        k -= 1
    i, j, _ = read_backward(words, marks, words.starts[k], low, amount=amount)
    head = found_between(words, i, j)
    return head if head is not None and not names_nothing(words, head) else found


def found_between(words: Words, i: int, j: int) -> Found | None:
    """Words i..j-1 as a measure, or None when there are none; a whole area closing it is the
    figure's subject, not part of what it measures ("tổng kim ngạch xuất khẩu toàn tỉnh"), and so is
    an owner after "của" ("doanh thu của PNJ"): left out of the text, still covered (the subject reads it);
    a plural determiner opening it is left out of the text too, and stays covered."""
    if j <= i:
        return None
    covered = i  # the determiner stays covered: no subject is read off it
    while (n := _determiner(words, i, j)) and j - i > n:
        i += n  # "các | cơ sở Đoàn", "một số | nhà hảo tâm": the determiner picks out, it is not counted
    i += _opener(words, i, j)
    k = j - (words.term_before(j, "area_tails", i) or whole_area_before(words, j, i))
    end = k if k > i else j
    written = _before_figure_links(words, i, _before_owner(words, i, end))
    stop, text = words.ends[end - 1], words.phrase(i, written)
    last = words.lower[end - 1]
    if last.endswith(GLUED_ESTIMATE) and len(last) > len(GLUED_ESTIMATE) and words.starts[i] < stop - 4:
        cut = len(GLUED_ESTIMATE)  # "lợi nhuận ước | đạt": the segmenter glued the estimate to the noun
        stop, text = stop - cut, text[:-cut] if text.endswith(GLUED_ESTIMATE) else text
    return Found(text, words.starts[covered], stop)


def _determiner(words: Words, i: int, j: int) -> int:
    """How many words at `i` are a plural determiner, no part of what a measure names ("các", "những",
    "một số"); not a distributive ("mỗi": per each) nor a proportion ("đa số": the majority is measured)."""
    n = words.term_at(i, "plural_markers", j)
    if not n or words.term_at(i, "distributives", j):
        return 0
    return n if word_class(words.phrase(i, i + n).lower()) == "determiner" else 0


def _opener(words: Words, i: int, j: int) -> int:
    """How many words at `i` are a measure opener that only says the figure is a number or a rate of
    what follows ("tổng số | bệnh nhân", "tỷ lệ | hộ nghèo": spec 4a measures "hộ nghèo" in "giảm tỷ lệ
    hộ nghèo còn 2,5%"); kept in a noun of money ("số tiền": the act before says what the money is)
    and when no noun follows: a rate of an event is the measure ("tỷ lệ | lấp đầy", "tỷ lệ | tái nhiễm"),
    and so is "số" before a number, a pronoun or a demonstrative ("số | 49 ứng viên", "tỷ lệ | này")."""
    n = words.term_at(i, "measure_openers", j)
    if not n or j - i <= n or words.term_at(i, "money_nouns", j):
        return 0
    return n if word_class(words.lower[i + n]) == "noun" else 0


def _before_figure_links(words: Words, i: int, end: int) -> int:
    """Where a measure's text ends before the words closing it that introduce its figure: a list's verb
    ("Ban chi ủy | gồm 03 đ/c", "tổng số nhân sự | gồm 367 người") or a locative ("giá vàng SJC niêm
    yết | tại 55,1 triệu đồng/lượng", "lỗ lũy kế | tại ngày 31/12 hơn 6.302 tỷ đồng")."""
    while end - 1 > i and (
        n := words.term_before(end, "composition_links", i) or words.term_before(end, "locatives", i)
    ):
        end -= n
    return end


def _before_owner(words: Words, i: int, end: int) -> int:
    """Where a measure's text ends before the owner it names ("tổng tài sản | của ngân hàng", "lỗ lũy
    kế | của HAGL"): whose it is, not what; "của mỗi (từng) X" distributes it and stays ("số tác giả
    của mỗi nhóm")."""
    for m in range(i + 1, end):
        if words.lower[m] == "của" and not (m + 1 < end and words.term_at(m + 1, "distributives")):
            return m
    return end


def clause_opening(words: Words, marks: Marks, low: int) -> Found | None:
    """The noun phrase that opens a clause, up to a date, a frame word or punctuation."""
    i = words.at(low)
    while i < len(words) and words.is_punct(i):
        i += 1
    j = i
    while (
        j < len(words)
        and j - i < BACK_WORDS
        and not (
            words.is_punct(j) or marks.blocked[j] or any(words.term_at(j, t) for t in ("frames", "links"))
        )
    ):
        j += 1
    return found_between(words, i, j)


def opening_reaches(words: Words, opening: Found, i: int) -> bool:
    """Whether a clause's opening is in the clause of the label read back from a link at word `i`: no
    punctuation stands between them ("Tổng số bệnh nhân được khám và tư vấn là 1000 lượt"), so it does
    not reach back into an earlier clause ("Tính riêng trong năm 2021, ..., trong đó khám tại Trung tâm Y
    tế huyện là 34.371 lượt")."""
    return not any(words.is_punct(m) for m in range(words.at(opening.end), i))


def act_after(words: Words, marks: Marks, end: int, high: int, cap: int) -> Found | None:
    """What money that opens its clause (nothing names it before) is for: the verb phrase after it,
    past an aspect or a passive ("Gần 10 tỷ đồng | ủng hộ Quỹ vì người nghèo", "200.000 euro sẽ được |
    chuyển cho Haiti"), up to the next act ("chuyển đến Bangladesh | hỗ trợ ..."); None when no verb
    follows or the verb stands alone ("được dùng | để ...")."""
    k = words.at(end)
    while k < len(words) and (n := words.term_at(k, "aspect_markers") or words.term_at(k, "passive_markers")):
        k += n
    if k >= len(words) or words.starts[k] >= high or word_class(words.lower[k]) != "verb":
        return None
    i, j = read_forward(words, marks, words.starts[k], high, ("share_stops",), cap)
    j = next((m for m in range(i + 1, j) if _next_act(words, m)), j)
    return found_between(words, i, j) if j - i > 1 else None


def _next_act(words: Words, m: int) -> bool:
    """Whether word `m` is a verb that opens another act, not the object of a preposition ("sử dụng
    vào | hoạt động")."""
    return word_class(words.lower[m]) == "verb" and word_class(words.lower[m - 1]) != "preposition"
