"""A name over a dash or "&": a branch after its parent body (one organisation), a parent group, one name.

Pages write a body's branch as its registered name: the parent, a dash, then the branch's own head and
name ("Học viện Ngân hàng – Phân viện Thành phố Hồ Chí Minh", dev gold; "Trường Cao đẳng X Hà Nội –
Phân hiệu Lạng Sơn", cleaning-dev; "Ngân hàng TMCP Công thương Việt Nam – Chi nhánh Đà Nẵng"). A
`branch` head (rules/organizations.yml) right after the dash continues the name; anything else after a
spaced dash (a sentence, another body) still ends it, and a company's form after a dash ("– TNHH MTV",
"– CTCP") is read by `parent_group`. A name the scanner ended on something other than a
capitalised word (a place with its administrative word, a region, a number, lower-case words) still goes
on over such a dash (`past_dash`): "Tổng công ty Điện lực miền Bắc – TNHH MTV", "Ngân hàng Nông nghiệp
và Phát triển nông thôn Việt Nam – Chi nhánh tỉnh Hà Tĩnh". So too a listed body or a brand no head starts
(`branch_end`, from org_bodies and the brands): "NHCSXH – Chi nhánh tỉnh Quảng Trị", "Vietcombank – Chi
nhánh Đà Nẵng".

Dashes and "&" inside one name are read here too: more of the same name (`joins_across`: "Cơ quan -
Doanh nghiệp", "Ernst & Young"; `field_after_words`: "Giáo dục nghề nghiệp - Giáo dục thường xuyên") and
two acronyms as one (`acronym_run`: "Đài TT-TH").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.extract.org_parts import Scan
from pipeline.extract.org_place_ends import runs_to_place
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_view import View, head_at, person_starts
from pipeline.extract.org_words import capitalised

FIELD_SYLLABLES = 6  # of a second field before its level word ("Giáo dục thường xuyên" + "huyện")


def branch_after_dash(view: View, span: tuple[int, int]) -> bool:
    """Whether the syllable at `span`, right after a name and a dash, starts a branch's head with its
    capital ("Chi nhánh", "Phân viện", "Phân hiệu") and a name of its own after it."""
    found = head_at(view, span[0])
    if found is None or not found[1].branch:
        return False
    after = view.next_word(found[0])
    return after is not None and view.norm[after[0]].isupper()


def past_dash(view: View, scan: Scan, head: Head | None,
              read: Callable[[View, int, Head | None, bool], Scan]) -> Scan:
    """The scan of a name, carried over a spaced dash right after its end when the registered name goes
    on there: a company's form or listed parent group after a company's name ("Tổng công ty Điện lực miền
    Bắc – TNHH MTV"), or a branch's capitalised head and the name `read` takes after it ("... Việt Nam –
    Chi nhánh tỉnh Hà Tĩnh"). Anything else after the dash (a sentence, another body) leaves it."""
    span = view.syllable(scan.end) if scan.parts and scan.named else None
    if span is None or view.gap(scan.end, span[0]) != "hyphen" or " " not in view.norm[scan.end:span[0]]:
        return scan
    if (form := parent_group(view, _company_head(view, scan, head), span)) > span[0]:
        scan.end, scan.open_end = form, False
        return scan
    if (end := branch_end(view, scan.end, read)) > scan.end:
        scan.end, scan.open_end = end, False
    return scan


def branch_end(view: View, end: int, read: Callable[[View, int, Head | None, bool], Scan]) -> int:
    """Where a branch named after a body ending at `end` ends: a spaced dash, a branch's capitalised head
    and the name `read` takes after it ("Agribank – Chi nhánh tỉnh Hà Tĩnh"); `end` when none follows."""
    span = view.syllable(end)
    if span is None or view.gap(end, span[0]) != "hyphen" or " " not in view.norm[end:span[0]]:
        return end
    found = head_at(view, span[0])
    if found is None or not found[1].branch:
        return end
    branch = read(view, found[0], found[1], True)
    # a name or a place with its name ("tỉnh Hà Tĩnh"); "– Chi nhánh" alone, or "tỉnh" bare, names none
    return branch.end if branch.parts and (branch.named or (branch.strong and not branch.open_end)) else end


def _company_head(view: View, scan: Scan, head: Head | None) -> Head | None:
    """The company's head a name's form belongs to: the last company head read in it ("Đảng bộ Tổng Công
    ty X"), else the name's own head."""
    pos, last = max(scan.first, 0), head
    while (span := view.syllable(pos)) is not None and span[0] < scan.end:
        found = head_at(view, span[0])
        if found is not None and found[1].wrapper:
            last = found[1]
        pos = span[1]
    return last


def glued_number(view: View, pos: int, span: tuple[int, int]) -> bool:
    """The syllable at `span` is a number glued by a bare "-" to the word ending at `pos`, the word it
    numbers ("Covid-19", "Vinaconex-25"), not an address's ("-300/10B")."""
    if view.norm[pos:span[0]] != "-" or not view.word(span).isdigit() or pos == 0:
        return False
    return view.norm[pos - 1].isalpha() and view.norm[span[1]:span[1] + 1] != "/"


def joins_across(view: View, pos: int, span: tuple[int, int]) -> bool:
    """After "-" or "&", more of the same name ("Cơ quan - Doanh nghiệp", "Ernst & Young", "Covid-19"),
    not another body ("Ngoại thương Việt Nam - Vietcombank", "Bộ Y tế - Bộ Công an")."""
    r, word = rules(), view.word(span)
    if glued_number(view, pos, span):
        return True
    if not capitalised(word) or head_at(view, span[0]) or person_starts(view, span) or (
            r.stop_re.match(view.norm, span[0])):
        return False
    if view.norm[pos:span[0]] == "-":
        return True  # "Luxshare-ICT", "Cơ quan-Doanh nghiệp"
    body = r.term_re.match(view.lower, span[0])
    listed = body is not None and view.norm[span[0]:body.end()] in r.bodies
    return not (listed or word.lower().endswith(r.brand_suffixes))


def field_after_words(view: View, scan: Scan, pos: int, span: tuple[int, int]) -> bool:
    """After a name's field closed by its lower-case words ("Trung tâm Giáo dục nghề nghiệp", "Trung tâm
    Văn hóa thông tin"), a dash and a second field's capitalised word ("- Giáo dục thường xuyên huyện X",
    "- Thể dục thể thao huyện Y"): one body named by both fields, as after a capitalised word ("Văn hóa -
    Thể thao"), when the second field runs on to the body's place; not another body, a person or a stop
    word after the dash (`joins_across`), nor a word the name's place never closes ("Hội Chữ thập đỏ -
    Trăng lưỡi liềm", "Trung tâm Dịch vụ việc làm - Nơi kết nối")."""
    return (scan.last == "lexical" and scan.named and joins_across(view, pos, span)
            and (runs_to_place(view, span[1]) or _runs_to_level(view, span[1])))


def _runs_to_level(view: View, end: int) -> bool:
    """From `end`, a short run of words (no number, stop word, head or person) up to a bare level word
    ("- Thể dục thể thao huyện phối hợp ..."): the body's own unit, as "Trung tâm VHTT-TDTT huyện"."""
    r = rules()
    for _ in range(FIELD_SYLLABLES):
        span = view.next_word(end)
        if span is None or view.word(span)[:1].isdigit() or r.stop_re.match(view.norm, span[0]) or (
                head_at(view, span[0]) or person_starts(view, span)):
            return False
        if (admin := r.admin_re.match(view.norm, span[0])) and view.ends_syllable(span[0], admin.end()):
            return True
        end = span[1]
    return False


def acronym_run(view: View, pos: int, span: tuple[int, int]) -> bool:
    """Two acronyms with only "-" or "&" between them are one ("Đài TT-TH Đức Trọng", "khối các
    trường ĐH-CĐ&TCCN"), unless the second is a body that stands alone ("HĐND-UBND": two bodies)."""
    if view.norm[pos:span[0]] not in ("-", "&") or pos < 2:
        return False
    before, word = view.norm[:pos].split()[-1], view.word(span)
    before = re.split(r"[-&]", before)[-1]
    if not (len(word) > 1 and word.isupper() and len(before) > 1 and before.isupper()):
        return False
    nested = head_at(view, span[0])
    return nested is None or not nested[1].standalone


def parent_group(view: View, head: Head | None, span: tuple[int, int]) -> int:
    """After a company's name (`head`: the company's own head, nested or not) and a dash, a listed parent
    group or the enterprise's type that ends the name ("Công ty Than Dương Huy - TKV đặt mục tiêu",
    "Tổng công ty Thép Việt Nam – CTCP"): part of the company's registered name. Its end, else `span`'s
    start."""
    r = rules()
    if head is None or not head.wrapper or head.lowercase != "drop":
        return span[0]
    body = r.term_re.match(view.lower, span[0])
    if body is None or r.bodies.get(view.norm[span[0]:body.end()]) not in r.parents:
        body = r.legal_suffix_re.match(view.lower, span[0])
    if body is None or not view.ends_syllable(span[0], body.end()):
        return span[0]
    after = view.next_word(body.end())
    return span[0] if after is not None and capitalised(view.word(after)) else body.end()
