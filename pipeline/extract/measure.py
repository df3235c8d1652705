"""What a figure measures: the phrase its number quantifies, read from the segmented words.

A count measures its counted noun and what qualifies it ("kết nạp 288 đảng viên mới"); a share,
the phrase after it ("97,5% chi, đảng bộ cơ sở đã lãnh đạo hoàn thành tốt nhiệm vụ"), else the
one before ("số giảng viên đạt trình độ tiến sĩ là 28,8%"); money and measures, the noun after
the currency ("200.000 đồng tiền lãi"), the purpose ("128 triệu đồng để đầu tư vào Coolcat") or the
phrase before ("lợi nhuận trước thuế đạt 1.973 tỷ đồng"); a length of time, the action it lasts
("tạm đình chỉ công tác 90 ngày"). Phrases stop at punctuation, other figures and dates, and the
words `rules/attribution.yml` lists (read by `measure_phrases`); the rules say where, this module says how.
"""

from __future__ import annotations

from pipeline.extract.clauses import Words, rules
from pipeline.extract.kinds import figures
from pipeline.extract.measure_items import bracketed_item
from pipeline.extract.measure_phrases import (
    BACK_WORDS,
    GLUED_ESTIMATE,
    LEADING_JUNK,
    QUANTITY_NOUNS,
    Found,
    Marks,
    act_after,
    clause_opening,
    found_between,
    head_before_date,
    link_before,
    names_nothing,
    opening_reaches,
    read_backward,
    read_forward,
)
from pipeline.extract.measure_venues import without_venue
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention
from pipeline.rulebook import compiled

FORWARD_WORDS = 5  # words of qualification kept after a counted noun ("cá nhân điển hình tiên tiến")
SHARE_WORDS = 14  # a share's phrase may be a clause
SHARE_PHRASE_WORDS = 4  # a share of the plan's phrase before a change told without a comma ("kế hoạch năm")
# qualifiers end at a verb, "hiện nay" or an aspect ("3 phong trào thi đua | tiếp tục được ...")
NOUN_STOPS = ("measure_stops", "verbs", "present_words", "aspect_markers")


@compiled
def _unit_kinds() -> dict[str, str]:
    """Unit as written -> money, measure or time (counted nouns are everything else)."""
    lex = figures.lexicon()
    kinds = {
        written: "money" if lex.at["money"].fullmatch(term) else "measure"
        for term, written in lex.unit_written.items()
    }
    kinds.update({t: "time" for t in lex.time_ranks})
    kinds["%"] = "percent"
    return kinds


def unit_kind(unit: str | None) -> str | None:
    """percent, money, measure, time or noun; None for a bare number."""
    if not unit:
        return None
    return _unit_kinds().get(unit.split("/")[0], "noun")


def _past_owner(words: Words, i: int, j: int) -> int:
    """Where an amount's measure starts when a quantity noun follows what has it ("nhà máy urê |
    công suất 1,4 triệu tấn/năm", "các cửa khẩu của tỉnh Lạng Sơn | giá dao động từ ..."): at the
    quantity, two words or more into the phrase ("tổng sản lượng" is one quantity)."""
    for k in range(i + 2, j):
        if words.term_at(k, "worth_words", j):
            return i  # "mỗi suất quà trị giá 300 ngàn đồng": the thing priced is what the money is
        if words.term_at(k, "quantity_heads", j) and words.lower[k - 1] not in ("của", "và"):
            return k
    return i


def figure_kind(words: Words, figure: Mention, low: int) -> str | None:
    """The kind of amount a figure is (`unit_kind`), a multiple read like a share."""
    unit = figure.attrs.get("unit")
    kind = unit_kind(unit)
    if unit and rules().has("ratio_units", unit) and _multiplies(words, figure, low):
        kind = "percent"  # "tăng 2,2 lần về số dự án": a multiple is read like a share
    return kind


def measure_of(words: Words, marks: Marks, figure: Mention, low: int, high: int) -> Found | None:
    """The measure of one figure within its sentence [low, high), or None when nothing names it."""
    found = _measure_of(words, marks, figure, low, high)
    if found is not None and names_nothing(words, found):
        amount = figure_kind(words, figure, low) in ("money", "measure", "percent")
        found = head_before_date(words, marks, found, low, amount)
    if found is None and figure_kind(words, figure, low) in ("money", "measure", "percent"):
        found = bracketed_item(words, marks, figure, low, high)  # "cho vay hộ cận nghèo (148,4 tỷ đồng)"
    k = words.at(found.start) if found else len(words)
    alone = k < len(words) and words.ends[k] >= found.end and words.term_at(k, "demonstratives")
    if alone and (owned := _owned_before(words, marks, k, low)):
        return owned  # "Tổng giá trị vốn hóa của 50 công ty | này | đạt 829.010 tỉ đồng"
    return without_venue(words, marks, found, figure.start)


def _owned_before(words: Words, marks: Marks, k: int, low: int) -> Found | None:
    """What is measured when a demonstrative at word `k` closes an owner that is a figure: the noun
    before "của" ("Tổng giá trị vốn hóa thị trường của 50 công ty này đạt ...")."""
    floor, m = words.at(low), k
    while m > floor and marks.blocked[m - 1]:
        m -= 1
    if m == k or m <= floor or words.lower[m - 1] != "của":
        return None
    i, j, _ = read_backward(words, marks, words.starts[m - 1], low, amount=True)
    return found_between(words, i, j)


def _measure_of(words: Words, marks: Marks, figure: Mention, low: int, high: int) -> Found | None:
    """`measure_of` before the check that the phrase names something."""
    unit = figure.attrs.get("unit")
    kind = figure_kind(words, figure, low)
    if kind == "noun":
        return _count(words, marks, figure, unit, low, high)
    if kind == "percent":
        i, j = read_forward(
            words, marks, _past_links(words, figure.end, high), high, ("share_stops",), SHARE_WORDS, commas=1
        )
        if j > i and word_class(words.lower[i]) != "conjunction":  # "giảm 9,2% | và đồ uống có cồn ...":
            return found_between(words, i, j)  # a conjunction after a share opens the next clause
        if _changes_a_share(words, marks, figure, low):
            return None  # `change_measure` reads what the change is of
        i, j, _ = read_backward(words, marks, figure.start, low, amount=True, passive=True)
        return found_between(words, i, j)
    if kind in ("money", "measure"):
        after = words.at(figure.end)
        if after < len(words) and words.lower[after] == "để":  # "128 triệu đồng để đầu tư vào Coolcat"
            i, j = read_forward(words, marks, words.ends[after], high, ("share_stops",), FORWARD_WORDS)
            if j > i:
                return found_between(words, i, j)
        i, j = read_forward(words, marks, figure.end, high, NOUN_STOPS, 4)
        if kind == "measure":
            j = _material_end(words, i, j)
        # "trên 150mm | như tỉnh Hòa Bình", "200.000 đồng | như một lời tri ân": examples or a likeness, not
        # what the amount is; the phrase before names it
        if j > i and not (words.term_at(i, "links") or words.term_at(i, "breakdown_openers", j)):
            return found_between(words, i, j)
    i, j, _ = read_backward(words, marks, figure.start, low, amount=kind in ("money", "measure"))
    if kind in ("money", "measure"):
        i = _past_owner(words, i, j)
    if kind == "money" and (n := words.term_before(j, "worth_words", i)) and j - n > i:
        j -= n  # "mỗi phần quà | trị giá 600.000 đồng": the money is the thing's worth
    if kind == "money":
        i, j = _past_money_noun(words, i, j, low)
    if j > i:
        return found_between(words, i, j)
    if kind == "time":
        i, j = read_forward(words, marks, figure.end, high, NOUN_STOPS, FORWARD_WORDS)
        return found_between(words, i, j)
    return act_after(words, marks, figure.end, high, FORWARD_WORDS) if kind == "money" else None


def _past_money_noun(words: Words, i: int, j: int, low: int) -> tuple[int, int]:
    """A money measure without the noun that only says it is money: the act before it ("tài trợ |
    số tiền", "vận động được | số tiền"); kept after "với", where the act is a clause away."""
    n = words.term_before(j, "money_nouns", i)
    if not n or j - n < i:
        return i, j
    if j - n > i:
        return i, j - n
    floor, k = words.at(low), i
    if k > floor and words.lower[k - 1] == "được":
        k -= 1  # "vận động được": the result particle is not the act
    m = k
    while m > floor and k - m < 3 and _act_word(words.lower[m - 1]):
        m -= 1
    return (m, k) if m < k else (i, j)


def _act_word(word: str) -> bool:
    """Whether a word can be part of the act an amount of money is for: a verb, not "được"."""
    return word != "được" and word_class(word) == "verb"


def _material_end(words: Words, i: int, j: int) -> int:
    """The end of what a measure unit weighs or covers: its noun phrase, up to a verb, an adverb or a list of
    examples ("5.300 tấn mủ cao su | đem về doanh thu", "18.000 tấn cao su | như Kế hoạch")."""
    for k in range(i + 1, j):
        if word_class(words.lower[k]) in ("verb", "adverb") or words.term_at(k, "breakdown_openers", j):
            return k
    return j


def change_measure(words: Words, marks: Marks, figure: Mention, low: int, high: int) -> str | None:
    """A share that names nothing, told as a change right after an amount or a count, or in brackets
    after it, measures what that one does ("máy tính bảng đạt 955 triệu USD, tăng 11,2%", "khiển
    trách 28 (chiếm 45%)"); None otherwise. Borrowed, not written there: it covers no words."""
    if figure_kind(words, figure, low) != "percent":
        return None
    floor = words.at(low)
    j, changed, part = _links_before(words, figure, low)
    opener = words.lower[j - 1] if j > floor else ""
    joined = changed and (opener in (",", "(") or _after_share(words, marks, j, floor))
    if not (joined or (part and opener == "(")):
        return None  # a change after a comma or in brackets; a part in brackets ("(chiếm 73,1%)")
    # the last amount of the clause, past a share of the plan and its phrase ("lượng khách đạt 2,37
    # triệu lượt, đạt 89,67% kế hoạch năm, tăng 10,4%")
    k = j - 1
    while k > floor and words.lower[k - 1] != ";":
        before = marks.figure_end.get(k)
        if before is not None and unit_kind(before.attrs.get("unit")) != "percent":
            if unit_kind(before.attrs.get("unit")) in (None, "time"):
                return None
            found = measure_of(words, marks, before, low, high)
            return found.text if found else None
        k -= 1
    return None


def _links_before(words: Words, figure: Mention, low: int) -> tuple[int, bool, bool]:
    """Where the links before a figure start ("đạt | tăng gần"), whether one is a change verb and
    whether all are part links ("chiếm")."""
    floor = words.at(low)
    j = words.before(figure.start)
    changed, part = False, True
    while j > floor and (n := words.term_before(j, "links", floor)):
        changed = changed or bool(words.term_at(j - n, "change_verbs", j))
        part = part and bool(words.term_at(j - n, "part_links", j))
        j -= n
    return j, changed, part


def _changes_a_share(words: Words, marks: Marks, figure: Mention, low: int) -> bool:
    """Whether a share is a change told right after another share and its phrase ("đạt 87,38% kế
    hoạch | tăng 9,8%"): the words before it are that share's, not what it measures."""
    j, changed, _ = _links_before(words, figure, low)
    return changed and _after_share(words, marks, j, words.at(low))


def _after_share(words: Words, marks: Marks, j: int, floor: int) -> bool:
    """Whether the change verb at word `j` follows a share and its phrase with no comma, or after a
    conjunction ("đạt 87,38% kế hoạch | tăng 9,8%", "bằng 41,3% kế hoạch năm và | tăng 22,1%"): it
    changes the amount the share is of, as after a comma."""
    k = j - 1 if j > floor and word_class(words.lower[j - 1]) == "conjunction" else j
    for m in range(k - 1, max(floor, k - SHARE_PHRASE_WORDS) - 1, -1):
        before = marks.figure_end.get(m + 1)
        if before is not None:
            return unit_kind(before.attrs.get("unit")) == "percent"
        # the share's phrase is lower-case words ("kế hoạch năm"); a name opens a list item of its own
        # ("..., Quảng Nam tăng 2,68% và Lâm Đồng | tăng 2,97%")
        if words.is_punct(m) or not words.lower[m][:1].isalpha() or not words.text[words.starts[m]].islower():
            return False
        if word_class(words.lower[m]) == "conjunction":
            return False
    return False


def _multiplies(words: Words, figure: Mention, low: int) -> bool:
    """Whether "lần" after the number is a multiple ("tăng 8 lần", "gấp 2,5 lần"), not a count of
    times ("thi 5 lần")."""
    floor, j = words.at(low), words.before(figure.start)
    return j > floor and any(words.term_before(j, t, floor) for t in ("change_verbs", "multipliers"))


def _past_links(words: Words, pos: int, high: int) -> int:
    """Where a share's phrase starts: past "là", "cho" ("90% là dịch vụ", "20% cho cổ đông") and
    the aspect a change is told in ("tăng 18,3% về số lượng")."""
    i = words.at(pos)
    while (
        i < len(words)
        and words.starts[i] < high
        and not words.term_at(i, "share_stops")
        and (n := words.term_at(i, "links") or words.term_at(i, "share_aspects"))
    ):
        i += n
    return words.starts[i] if i < len(words) else pos


def _noun_after(words: Words, marks: Marks, k: int, figure_end: int, end: int) -> bool:
    """Whether word `k`, inside a measure ending at `end`, can be the noun a classifier before it
    counts: no punctuation, other figure, name, verb, link or joiner ("6 con | lợn", not "6 con | và")."""
    if k >= len(words) or words.starts[k] >= end or words.is_punct(k):
        return False
    if marks.blocked[k] and words.starts[k] >= figure_end:
        return False
    if not words.text[words.starts[k]].islower():
        return False
    return not any(words.term_at(k, t) for t in (*NOUN_STOPS, "frames", "links", "list_joiners"))


def _person_classified(words: Words, marks: Marks, k: int, figure_end: int, end: int) -> bool:
    """Whether the person classifier at word `k` ("em", "đồng chí") classifies a common noun after it
    ("15 em | học sinh"), not an adjective, a verb or a name ("20 em | nhỏ")."""
    if words.term_at(k, "person_classifiers") != 1 or not _noun_after(words, marks, k + 1, figure_end, end):
        return False
    return word_class(words.lower[k + 1]) in ("noun", None)


def _generic_pair(unit: str) -> bool:
    """Whether a unit is a classifier and its noun that together say nothing ("lượt người")."""
    return rules().has("generic_units", unit) and not rules().has("person_classifiers", unit)


def _before_next_amount(words: Words, marks: Marks, i: int, j: int) -> int:
    """The end of a counted noun's qualifiers before a quantity noun naming the next figure: "712
    suất | trị giá (gần) 514,7 triệu đồng", "3 căn nhà | diện tích 120 m2" (what that one measures)."""
    for k in range(i, j):
        n = max(words.term_at(k, t, j) for t in QUANTITY_NOUNS)
        ahead = range(k + n, min(k + n + 2, len(words))) if n else range(0)
        for m in ahead:
            if words.is_punct(m) or (marks.blocked[m] and marks.dated[m]):
                break
            if marks.blocked[m]:
                return k - words.term_before(k, "total_words", i)  # "| tổng trị giá": the total's word too
    return j


def _before_examples(words: Words, i: int, j: int) -> int:
    """The end of a counted noun's qualifiers before words opening its examples or parts ("10 gương mặt
    mới | như địa ốc Đất Xanh"); an opener that qualifies a noun ("nhiệm vụ cụ thể") is kept."""
    listed = (k for k in range(i, j) if words.term_at(k, "breakdown_openers", j))
    return next((k for k in listed if word_class(words.lower[k]) != "adj"), j)


NOT_LABEL_END = frozenset({"verb", "preposition", "conjunction", "pronoun", "determiner", "number"})
NOT_LABEL_START = frozenset({"verb", "preposition", "conjunction", "pronoun", "determiner"})


def _label_before(words: Words, marks: Marks, figure: Mention, unit: str, low: int) -> Found | None:
    """The noun phrase a bare unit that names nothing counts, written right before its number: a
    label ("Chùa có sư trụ trì: 160 ngôi"), a noun phrase ("khách quốc tế 82.848 lượt", "nhà ở liền
    kề 467 căn") or the body a count makes up ("Chi ủy mới gồm 03 đồng chí"); not the object of a
    verb or a preposition ("trao Huy hiệu cho 4 đồng chí", "điều tra 400 NB"), nor a place ("xã có")."""
    if not (rules().has("generic_units", unit) or rules().has("classifiers", unit)):
        return None
    floor, k = words.at(low), words.before(figure.start)
    qualifiers = figures.lexicon().tables["qualifiers_before"]
    skipped = 0
    if figure.attrs.get("qualifier"):  # "hiện có | hơn | 700.000 người"
        spelled = (n for n in (2, 1) if k - n > floor and " ".join(words.lower[k - n : k]) in qualifiers)
        skipped = next(spelled, 0)
        if skipped and words.term_at(k - skipped, "label_links", k) == skipped:
            skipped = 0  # "ước đạt" (estimated at) qualifies the number and links the label to it
        k -= skipped
    if k <= floor or marks.blocked[k - 1]:
        return None
    colon = words.lower[k - 1] == ":" and not link_before(words, marks, k - 1, floor)
    composed = words.term_before(k, "composition_links", floor)
    n = 1 if colon else composed or words.term_before(k, "label_links", floor)
    if not n and (skipped or words.is_punct(k - 1) or link_before(words, marks, k, floor)):
        return None  # "là: 1.528 đồng chí", "cho 4 đồng chí", "nhiều hơn 1 bộ": no label right before
    if colon:  # a label runs back to the punctuation before it ("Đình làng được xếp hạng: 12 ngôi")
        i = j = k - 1
        while i > floor and j - i < BACK_WORDS and not (words.is_punct(i - 1) or marks.blocked[i - 1]):
            i -= 1
        while i < j and (m := max(words.term_at(i, t, j) for t in LEADING_JUNK)):
            i += m
    else:
        start = words.starts[k - n] if n else figure.start
        if composed:
            start = _past_term(words, marks, k - n, floor, start)
        i, j, _ = read_backward(words, marks, start, low, passive=True, linked=bool(n))
    listed = False  # an item listed after "gồm" is a noun phrase, whatever its last word
    for m in range(j - 1, i, -1):
        if words.term_at(m, "composition_links", j):
            i = m + words.term_at(m, "composition_links", j)  # "Công trình nhà ở gồm | nhà ở liền kề"
            listed = True
            break
    while i < j and (m := words.term_at(i, "election_words", j)):
        i += m  # "bầu ra | Chi ủy mới gồm 03 đồng chí": the act, not what is counted
    if composed:
        i = next((m for m in range(i, j) if marks.entity_end.get(m) == j), i)  # "bầu | Ủy ban Kiểm tra"
        # "Đại hội bầu | Ban Chấp hành khóa X": the body after the act that makes it up, if one follows
        acts = ((m, words.term_at(m, "composing_acts", j)) for m in range(j - 1, i - 1, -1))
        i = next((m + n for m, n in acts if n and m + n < j), i)
    if j <= i or words.is_punct(i) or words.term_at(i, "place_words", j) or _whole_place(words, i, j):
        return None  # "xã có 120 người", "Toàn quốc ước có ...": whose, not what
    if not composed and all(s[:1].isupper() for s in words.phrase(i, j).split()):
        return None  # "Cao Bằng 6 người": a breakdown's label is its subject ("Thanh niên Nghệ An" is none)
    if not colon and word_class(words.lower[i]) in NOT_LABEL_START:
        return None  # "điều tra 400 NB", "ở nhóm 17 bộ", "đây là lần đầu tiên hai đơn vị"
    if rules().has("generic_units", words.phrase(i, j)) or _opens_frame(words, i, j):
        return None  # "con, cháu là 40 người"; "mỗi năm nhà trường có 700 em": the clause's frame
    linked = _subject_of_link(words, marks, i, j, n)  # "doanh số bán | đạt 1.700 chiếc"
    if not (colon or listed or linked) and word_class(words.lower[j - 1]) in NOT_LABEL_END:
        return None
    after_frame = words.term_before(i, "frames", floor) and not (
        words.term_before(i, "measure_leads", floor) or _next_item(words, i, floor, n)
    )
    predicate = (not n and words.term_before(k, "frames", floor)) or after_frame  # "nâng | đảng số" leads
    if not (colon or composed) and (predicate or _after_preposition(words, i)):
        return None  # "kết nạp được 11 đồng chí", "Với nhóm 8 bộ": a predicate or a preposition's object
    found = found_between(words, i, j)
    if composed and found:  # the body stays free to be the subject: its members are what is counted
        return Found(found.text, figure.start, figure.end)
    return found


def _subject_of_link(words: Words, marks: Marks, i: int, j: int, n: int) -> bool:
    """Whether a phrase ending in a verb is the noun phrase a label link ("đạt", "là") predicates of:
    it opens on a noun the verb qualifies ("Khách lưu trú | đạt 139 nghìn lượt"), or on a word the
    tagger does not know that opens no name ("nhà ở" glued, "heroin": "Heroin thu giữ | đạt 4 bánh")."""
    if not n or j - i < 2 or word_class(words.lower[j - 1]) != "verb":
        return False
    opening = word_class(words.lower[i])
    return opening == "noun" or (opening is None and i not in marks.entity_end)


def _next_item(words: Words, i: int, floor: int, n: int) -> bool:
    """Whether the phrase at word `i` is a list's next item before its link: a noun after "và"
    ("khách nội địa đạt 98.000 lượt và | khách quốc tế | đạt 12.000 lượt"), not a verb phrase it joins."""
    joined = bool(words.term_before(i, "list_joiners", floor))
    return bool(n) and joined and word_class(words.lower[i]) == "noun"


def _whole_place(words: Words, i: int, j: int) -> bool:
    """Whether word `i` is a whole area ("Toàn quốc"), also glued to the estimate after it ("Toàn quốc
    ước | có 16,17 triệu người")."""
    glued = words.lower[i].removesuffix(GLUED_ESTIMATE)
    return bool(words.term_at(i, "whole_places", j)) or rules().has("whole_places", glued)


def _past_term(words: Words, marks: Marks, link: int, floor: int, start: int) -> int:
    """Where the body before a composition link at word `link` ends when its term stands between them
    after a comma ("Ban Chấp hành khóa X, | nhiệm kỳ 2015 - 2020 | gồm 13 đồng chí"): before the comma."""
    m = link
    while m > floor and marks.dated[m - 1]:
        m -= 1
    termed = m < link and words.term_at(m, "qualifying_periods", link)
    if not termed or m - 1 <= floor or words.lower[m - 1] != ",":
        return start
    return words.starts[m - 1]


def _opens_frame(words: Words, i: int, j: int) -> bool:
    """Whether a recurring period opens the phrase at word `i` or runs into it ("mỗi | năm ...")."""
    return bool(words.term_at(i, "recurring_frames", j)) or (
        i > 0 and words.term_at(i - 1, "recurring_frames", j) > 1
    )


def _after_preposition(words: Words, i: int) -> bool:
    """Whether word `i` follows a preposition ("Với | nhóm 8 bộ, ngành")."""
    return i > 0 and word_class(words.lower[i - 1]) == "preposition"


def _count(words: Words, marks: Marks, figure: Mention, unit: str, low: int, high: int) -> Found:
    """A counted noun and what follows it; a generic noun ("người", "em") takes the "số X" before."""
    if rules().has("generic_units", unit):
        i, j, linked = read_backward(words, marks, figure.start, low, passive=True)
        if j > i and words.term_at(i, "measure_openers", j):
            return found_between(words, i, j)  # "số giáo viên mầm non nghỉ hưu là 250 người"
        heads = [k for k in range(i, j) if words.term_at(k, "quantity_heads", j)]
        if heads:
            # "quy mô dân số 2.140.600 người": a quantity's noun names them
            return found_between(words, heads[0], j)
        before = words.before(figure.start)
        after_la = linked and before > 0 and words.lower[before - 1] == "là"
        if after_la and (found := clause_opening(words, marks, low)):
            if opening_reaches(words, found, i):
                return found  # "Nhu cầu đào tạo giáo viên mầm non ... năm 2021 ... là 599 người"
            if j > i:  # "..., trong đó khám tại Trung tâm Y tế huyện là 34.371 lượt": its own clause's label
                return found_between(words, i, j)
    after = words.at(figure.end)
    if rules().has("generic_units", unit) and after < len(words) and words.lower[after] == "là":
        i, j = read_forward(words, marks, words.ends[after], high, NOUN_STOPS, FORWARD_WORDS)
        if j > i:
            return found_between(words, i, j)  # "83 người là trưởng thôn, khu dân cư"
    i, j = read_forward(words, marks, figure.end, high, NOUN_STOPS, FORWARD_WORDS)
    j = _before_examples(words, i, _before_next_amount(words, marks, i, j))
    if j > i and words.term_before(j, "demonstratives", i) and "của" not in words.lower[i:j]:
        j -= 1  # "50 công ty | này", "2 vấn đề | đó": the demonstrative points, the noun is counted
    rest = found_between(words, i, j)
    end = rest.end if rest else figure.end
    written = words.text[figure.start : figure.end]
    if written.lower().endswith(unit.lower()):  # the counted noun as the figure writes it
        if rest is None and (label := _label_before(words, marks, figure, unit, low)):
            return label  # "khách quốc tế 82.848 lượt": a bare unit counts the phrase before it
        start = figure.end - len(unit)
        k = words.at(start)
        # "112 căn | nhà tình nghĩa": the classifier counts, the noun is what is measured
        if words.term_at(k, "classifiers") == 1 and _noun_after(words, marks, k + 1, figure.end, end):
            start = words.starts[k + 1]
        elif _person_classified(words, marks, k, figure.end, end) and not _generic_pair(unit):
            start = words.starts[k + 1]  # "15 em | học sinh ưu tú": the person classifier counts
        # "17,57 tiêu chí/xã": the noun counted, not what it is per; "63 tỉnh/thành phố" is one or the other
        per = figure.end - len(unit) + unit.find("/")
        if rest is None and start < per < end and not words.term_at(words.at(start), "place_words"):
            end = per
        return Found(words.text[start:end], start, end)
    # a noun the figure takes from the count before ("trong đó: Tân Uyên 95") is not written there:
    # the phrase is read, not a span; it covers what follows the number
    return Found(f"{unit} {rest.text}" if rest else unit, figure.end, end)
