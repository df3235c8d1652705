"""Lower-case heads in a name before a capitalised one: a unit's, a members' body's unit, a school's kind
and level."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.extract.org_parts import Scan
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_view import BIG_PLACES, View, lower_head, noun_head
from pipeline.extract.org_words import capitalised, place_level

ABBREVIATED_ADMIN = 2  # "Q.", "H.", "TX." before a place: quận, huyện, thị xã


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


def school_level(view: View, scan: Scan, last: Head | None, span: tuple[int, int]) -> tuple[int, Head] | None:
    """Right after a school's head (`levels`), the school's level in lower case, when the school's own
    name follows ("trường tiểu học Đạo Tú", "trường mầm non Hoa Hồng"): the level's head, as it is read
    when capitalised ("Trường Tiểu học Đạo Tú")."""
    if scan.last not in ("head", "") or last is None or not last.levels:
        return None
    found = lower_head(view, span[0])
    if found is None or not _level(found[1]) or not named_after(view, found[0]):
        return None
    return found


def _level(head: Head) -> bool:
    """A school's level or kind ("tiểu học", "trung học cơ sở", "đại học"): a head a person may name."""
    return head.people_names and not head.levels


def named_after(view: View, end: int) -> bool:
    """A capitalised word right after `end` that starts a name, not a province, country or foreign
    place nor an abbreviated administrative word ("mầm non Hoa Hồng", "tiểu học Đạo Tú", named after
    its commune; not "một trường mầm non Q. Bình Tân", "một trường đại học Hoa Kỳ": a school of a place)."""
    after = view.next_word(end)
    if after is None or not capitalised(view.word(after)) or rules().admin_re.match(view.norm, after[0]):
        return False
    if view.norm[after[1]:after[1] + 1] == "." and len(view.word(after)) <= ABBREVIATED_ADMIN:
        return False  # "Q. Bình Tân", "H. Châu Thành"
    rest = view.next_word(after[1])
    words = view.word(after) if rest is None else f"{view.word(after)} {view.word(rest)}"
    return place_level(view.word(after)) not in BIG_PLACES and place_level(words) not in BIG_PLACES


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
    if found[1].levels and (level := lower_head(view, after[0])) is not None and _level(level[1]):
        return found if named_after(view, level[0]) else None  # "Chi bộ trường" + "tiểu học Đạo Tú"
    return found if capitalised(view.word(after)) else None
