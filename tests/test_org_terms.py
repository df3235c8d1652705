"""A term phrase after a body ("khóa XII", "khóa mới", "nhiệm kỳ 2020-2025") ends its name (org_terms)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_view import View


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    # the segmenter glues "khóa" to the name's last syllable ("Tú khóa", "Pháp chế khóa")
    ("Đại hội đã bầu Ban Dân vận Huyện ủy Mỹ Tú khóa mới gồm 9 đồng chí.", "Ban Dân vận Huyện ủy Mỹ Tú"),
    ("Đại hội đã bầu Vụ Pháp chế khóa mới gồm 9 đồng chí.", "Vụ Pháp chế"),
    ("Kỳ họp thứ nhất Trường THPT Lộc Phát khóa XII đã bế mạc.", "Trường THPT Lộc Phát"),
    # a unit's number before the term names the unit; it counts no terms
    ("Đại hội đã bầu Công ty Điện lực 1 khóa mới gồm 9 đồng chí.", "Công ty Điện lực 1"),
    ("Đại hội đã bầu Quân khu 2 khóa mới gồm 9 đồng chí.", "Quân khu 2"),
    # lower-case words of the name end before the term
    ("Đại hội đã bầu Trung tâm Dịch vụ việc làm khóa mới gồm 9 đồng chí.", "Trung tâm Dịch vụ việc làm"),
    ("Đại hội Công ty Thủy điện Hòa Bình nhiệm kỳ 2015-2020 thành công.", "Công ty Thủy điện Hòa Bình"),
    ("Đại hội đã bầu Bộ Công nghiệp nặng khóa mới gồm 9 đồng chí.", "Bộ Công nghiệp nặng"),
    ("Đại hội đã bầu Phân xưởng Cơ khí-Cơ điện khóa mới gồm 9 đồng chí.", "Phân xưởng Cơ khí-Cơ điện"),
    ("Đại hội đã bầu Công ty cà phê 706 khóa mới gồm 9 đồng chí.", "Công ty cà phê 706"),
    ("Đại hội đã bầu UBND phường 1 khóa mới gồm 9 đồng chí.", "UBND phường 1"),
    # a second trade joined by "và" runs on to the term as it would to a place
    ("Đại hội đã bầu Bộ Cơ khí và Luyện Kim khóa mới gồm 9 đồng chí.", "Bộ Cơ khí và Luyện Kim"),
])
def test_term_ends_the_name(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(("text", "term"), [
    ("Ban Chấp hành Trung ương Đảng khóa XIII họp.", True),
    ("HĐND tỉnh khoá 12 họp.", True),
    ("Hội Nông dân nhiệm kỳ qua đã làm tốt.", True),
    # bare "khóa" with no numeral or time word is a course or a lock, not a term
    ("Trung tâm khóa học nghề khai giảng.", False),
    ("Công ty khóa sổ cuối năm.", False),
    ("Công ty khóa Lâm Viên.", False),
    ("Công ty khóa In Sài Gòn.", False),
    ("Trường khóa 12.5 điểm.", False),
])
def test_where_a_term_starts(text: str, term: bool) -> None:
    view = View("text", text, text, text.lower(), [0])
    at = text.lower().find("khóa") if "nhiệm" not in text else text.index("nhiệm")
    assert term_at(view, at if at >= 0 else text.lower().index("khoá")) is term
