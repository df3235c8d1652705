"""List items told as "label (amount)": the label right before the bracket is what the amount is of
("tiếp đến là cho vay hộ cận nghèo (148,4 tỷ đồng), hộ mới thoát nghèo (37,8 tỷ đồng)")."""

from __future__ import annotations

from pipeline.extract.breakdown import LABEL_WORDS
from pipeline.extract.clauses import Words
from pipeline.extract.measure_phrases import Found, Marks, found_between, joined_by_hyphen
from pipeline.model import Mention


def bracketed_item(words: Words, marks: Marks, figure: Mention, low: int, high: int) -> Found | None:
    """What an amount or a share in brackets that names nothing measures: the lower-case phrase right
    before the bracket, a list item's label ("tiếp đến là cho vay hộ cận nghèo | (148,4 tỷ đồng)",
    "Long Xuyên 9/9 cơ sở Hội tổ chức Đại hội | (đạt 100%)"); not a name (whose it is: "Vietjet Air
    (5.416 tỷ đồng)") nor another amount it converts ("30.000 Rupee (400 USD)")."""
    floor, k = words.at(low), words.before(figure.start)
    while k > floor and (n := words.term_before(k, "links", floor)):
        k -= n  # "(đạt 100%)"
    after = words.at(figure.end)
    if k - 1 <= floor or words.lower[k - 1] != "(" or after >= len(words) or words.lower[after] != ")":
        return None
    if words.starts[after] >= high or words.is_punct(k - 2) or marks.blocked[k - 2]:
        return None
    closed = after + 1
    if closed < len(words) and not (words.is_punct(closed) or words.term_at(closed, "list_joiners")):
        return None  # an aside inside a phrase ("hầu hết (90%) các nước"), no item's end
    j = i = k - 1
    while i > floor and j - i <= LABEL_WORDS:
        if joined_by_hyphen(words, marks, i, floor):
            i -= 2  # "hộ sản xuất - kinh doanh"
            continue
        if marks.blocked[i - 1]:
            # a share after a count and its noun: `change_measure` reads it ("18 người ... (28%)")
            return None
        if words.is_punct(i - 1) or words.lower[i - 1][:1].isdigit():
            break  # the item before, or a count the label goes with ("Long Xuyên 9/9 | cơ sở Hội ...")
        if words.term_before(i, "label_links", floor):
            break  # "tiếp đến là | cho vay hộ cận nghèo"
        i -= 1
    m = i
    while m > floor and not words.is_punct(m - 1):
        if marks.blocked[m - 1]:
            return None  # "45 doanh nghiệp có lãi (chiếm 60%)": the clause's count is what the share is of
        m -= 1
    opened = i > floor
    while i < j and (n := words.term_at(i, "list_joiners", j) or words.term_at(i, "breakdown_openers", j)):
        i += n  # "và | thế chân sử dụng thư viện (99 triệu đồng)", "gồm | tháp phía Bắc (20 m)"
    if i < j and i > 0 and not words.text[words.starts[i] - 1].isspace():
        return None  # a unit glued to the amount before ("100lb (45kg)", "30.000 Rupee/bình (400 USD/bình)")
    found = found_between(words, i, j)
    if not opened or j - i > LABEL_WORDS or found is None:
        return None  # no item before it (a clause opening the sentence), or a clause
    # a name closing the label is whose the amount is ("Vietjet Air"); one opening it acts ("Chính phủ giao")
    if any(w[:1].isupper() for w in (found.text.split()[0], found.text.split()[-1])):
        return None
    return found
