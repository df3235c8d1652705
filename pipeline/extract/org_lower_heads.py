"""Lower-case heads in a name before a capitalised one: a unit's, a members' body's unit, a school's kind."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.extract.org_parts import Scan
from pipeline.extract.org_rules import Head
from pipeline.extract.org_view import View, lower_head, noun_head
from pipeline.extract.org_words import capitalised


def unit_head(view: View, scan: Scan, head: Head | None, span: tuple[int, int]) -> tuple[int, Head] | None:
    """Right after the head of a unit's Party or mass body (a head that closes names), the lower-case
    head of that unit, when its capitalised name follows ("Chi bộ trường THPT Cửa Lò", "Đảng bộ cơ
    quan Khối dân", "Công đoàn cơ sở trường THCS Thái Nguyên", "Chi bộ phòng Kinh tế - Tài chính")."""
    if scan.parts or head is None or not (head.closes or head.unit):
        return None
    # a common noun of bodies ("cơ quan") or an agency's division ("phòng") only after a Party head:
    # "Huyện đoàn tổ chức Lễ ..." is a verb
    party = head.lowercase == "placed" or head.unit
    return _lower_head(view, span, lambda unit: unit.lowercase == "keep" or (
        party and (unit.apposition or unit.division)))


def members_unit(
    view: View, scan: Scan, head: Head | None, last_head: Head | None, span: tuple[int, int]
) -> tuple[int, Head] | None:
    """After the own name of a body of members ("Liên đội TNTP Hồ Chí Minh", "Hội Cựu chiến binh"),
    no other head read yet, a unit's lower-case head and capitalised name: the unit the body belongs
    to ("trường TH Hùng Vương"; an agency's or a firm's noun too: "cơ quan BHXH", "công ty X")."""
    if not scan.parts or head is None or not head.members or last_head is not head or (
            scan.last not in ("word", "phrase", "lexical")):
        return None
    return _lower_head(view, span, lambda u: u.lowercase == "keep" or u.apposition or u.wrapper)


def committee_after(
    view: View, scan: Scan, head: Head | None, span: tuple[int, int]
) -> tuple[int, Head] | None:
    """Right after the head of a committee's organ that needs a name ("BTV", "Ban Tuyên giáo", "UBKT"),
    the Party committee it belongs to written in lower case ("huyện ủy", "tỉnh ủy"), its place after it
    or not: one name ("Ủy viên BTV huyện ủy", "UBKT tỉnh ủy Đắk Nông"), not the organ of a place ("BTV
    huyện") and the committee read alone."""
    if scan.parts or head is None or head.closes:
        return None
    found = lower_head(view, span[0])
    if found is None or not (found[1].standalone and found[1].lowercase == "placed"):
        return None
    return found


def school_kind(view: View, scan: Scan, last: Head | None, span: tuple[int, int]) -> tuple[int, Head] | None:
    """Right after a school's level, the kind of that school in lower case, when the school's
    capitalised name follows ("Trường THPT chuyên Chu Văn An"); not "THPT chuyên ngành"."""
    if scan.last != "head" or last is None or not last.combines:
        return None
    return _lower_head(view, span, lambda kind: kind.people_names and not kind.combines, whole=True)


def _lower_head(view: View, span: tuple[int, int], fits: Callable[[Head], bool],
                whole: bool = False) -> tuple[int, Head] | None:
    """A head in lower case at `span` that `fits` the head read before it, with a capitalised name
    right after it (`whole`: a word of its own, not the first syllable of "chuyên ngành"), a common
    noun of bodies read as a noun (not the verb of "Tỉnh ủy tổ chức Hội nghị"): its end and the head."""
    found = lower_head(view, span[0])
    if found is None or not fits(found[1]) or not noun_head(view, span[0], *found):
        return None
    after = view.next_word(found[0])
    if after is None or (whole and view.token(after[0]) == view.token(span[0])):
        return None
    return found if capitalised(view.word(after)) else None
