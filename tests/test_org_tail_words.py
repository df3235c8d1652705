"""Words of tail_stops after a name: "số" that may be the field's adjective, a time word that ends it."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document
from pipeline.extract.kinds import organizations
from pipeline.extract.merge import resolve_overlaps
from pipeline.extract.org_rules import rules


def _names(text: str) -> list[str]:
    doc = build_document(text)
    mentions = resolve_overlaps(organizations.find(doc))
    return [entry["name"] for entry in organizations.build(mentions, doc, mentions)]


@pytest.mark.parametrize(("text", "name"), [
    ("Trung tâm Chuyển đổi số tỉnh Ninh Bình vừa ra mắt.", "Trung tâm Chuyển đổi số tỉnh Ninh Bình"),
    ("Cục Chuyển đổi số quốc gia cho biết.", "Cục Chuyển đổi số quốc gia"),
    ("Hiệp hội Chuyển đổi số Việt Nam tổ chức hội thảo.", "Hiệp hội Chuyển đổi số Việt Nam"),
    ("Theo Cục Thương mại điện tử và Kinh tế số, năm nay tăng.", "Cục Thương mại điện tử và Kinh tế số"),
])
def test_count_noun_counting_nothing_is_the_fields_adjective(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Trường THPT số 1 Lào Cai khai giảng.", "Trường THPT số 1 Lào Cai"),  # a unit's number
    ("Sở Y tế số ca mắc giảm.", "Sở Y tế"),  # a count
    ("Báo Nhân Dân số Tết năm nay.", "Báo Nhân Dân"),  # an issue: a capitalised word that is no place
])
def test_count_noun_before_what_it_counts_ends_the_name(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("Phong trào tại Trường Đại học Bách khoa khi ghi nhận số lượng tăng.", "Trường Đại học Bách khoa"),
    ("Chi bộ khoa Lý luận cơ sở hiện có 10 đảng viên.", "Chi bộ khoa Lý luận cơ sở"),
    ("Trung tâm Dịch vụ việc làm năm 2020 tiếp nhận hồ sơ.", "Trung tâm Dịch vụ việc làm"),
    ("Cục Quản lý chất lượng khi xem xét hồ sơ.", "Cục Quản lý chất lượng"),
    ("Kiến nghị gửi Bộ Tư pháp hồi cuối tháng 10.", "Bộ Tư pháp"),  # one syllable starts the time phrase
    ("\"Hội Nhà báo hàng năm được giao nhiệm vụ tổ chức các giải.", "Hội Nhà báo"),
])
def test_time_word_ends_the_description_before_it(text: str, name: str) -> None:
    """A time or function word of tail_stops ("khi", "hiện", "năm") ends a name's lower-case
    description as a verb does: the words before it stay, the word itself does not."""
    assert _names(text) == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("Sở Y tế căn cứ vào diễn biến dịch bệnh để điều chỉnh.", "Sở Y tế"),
    ("Sở Y tế người dân không nên hoang mang.", "Sở Y tế"),
    ("Sở Y tế tỉnh Quảng Nam cho biết.", "Sở Y tế tỉnh Quảng Nam"),
    ("Sở Kế hoạch và Đầu tư cấp phép cho dự án.", "Sở Kế hoạch và Đầu tư"),
])
def test_department_named_by_a_ministrys_field_is_complete(text: str, name: str) -> None:
    """"Sở" and a listed ministry's field ("Bộ Y tế") name a department whole: a lower-case word after
    them is the sentence's, as after the ministry; its place still follows an administrative word."""
    assert _names(text) == [name]


def test_the_department_head_is_a_flag_of_the_rule_file() -> None:
    """The heads read as a ministry's department come from rules/organizations.yml (`department`)."""
    assert rules().departments == ("Sở",)
    assert rules().heads["sở"].department and not rules().heads["bộ"].department


@pytest.mark.parametrize(("text", "names"), [
    ("Lưu đồ kiểm tra do Cục Bảo vệ thực vật quản lý.", ["Cục Bảo vệ thực vật"]),
    ("Theo văn bản, Cục Bảo vệ thực vật có 9 chi cục vùng.", ["Cục Bảo vệ thực vật"]),
    ("Hồ sơ do Cục Quản lý chất lượng tiếp nhận.", ["Cục Quản lý chất lượng"]),
    # the predicate stays out, and a name with no noun before the verb keeps its capitalised words
    ("Bộ Y tế khuyến cáo người dân nên đeo khẩu trang.", ["Bộ Y tế"]),
    ("Ngày 5/3, Cục Thú y gửi công văn.", ["Cục Thú y"]),
])
def test_open_heads_nouns_before_the_predicate_stay_in_its_name(text: str, names: list[str]) -> None:
    """After an open head's capitalised words ("Cục Bảo vệ"), lower-case nouns then a verb: the nouns
    still name the field, the verb starts the predicate, as after any other name's capitalised words."""
    assert _names(text) == names
