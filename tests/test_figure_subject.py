"""Whose figure it is (spec section 4a `subject`): mechanisms found on fresh pages."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _subjects(text: str, title: str = "Tin") -> list[str | None]:
    record = extract(build_document(text, title=title, published="2024-01-02"))
    return [f["subject"] for f in record["figures"]]


@pytest.mark.parametrize(
    ("middle", "subject"),
    [
        # the last body of the head that acted before the bare head, not the first one named
        ("Năm 2025, Hội Liên hiệp phụ nữ phường Thới Long tiếp tục chăm lo cho hội viên.",
         "Hội Liên hiệp phụ nữ phường Thới Long"),
        # a body named only in a title acts nowhere: the article's body stays
        ("Dự có bà Lê Thị B, Phó Chủ tịch Hội Liên hiệp phụ nữ phường Thới Long.",
         "Hội Liên hiệp Phụ nữ Việt Nam"),
    ],
)
def test_a_bare_head_points_back_to_the_last_body_of_that_head_that_acted(middle: str, subject: str) -> None:
    text = (
        "Các cấp Hội Liên hiệp Phụ nữ Việt Nam đặc biệt quan tâm đến phụ nữ nghèo.\n\n"
        f"{middle}\n\nHội duy trì 18 mô hình kinh tế tập thể."
    )
    assert _subjects(text) == [subject]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a body the article names no further acts in its clause: as written, not its partners
        ("Trong tháng 9, Bệnh viện đa khoa trung tâm huyện và các PKĐKKV đã khám bệnh cho 87.096 lượt người.",
         "Bệnh viện đa khoa trung tâm huyện"),
        # after a list's comma the head goes on with the counted list: no subject of its own
        ("Toàn bộ 67 Đảng bộ tỉnh, thành phố, Đảng bộ trực thuộc Trung ương đã tổ chức đại hội.", None),
    ],
)
def test_a_body_head_the_article_names_no_further_is_the_subject_as_written(
    sentence: str, subject: str | None
) -> None:
    assert _subjects(sentence) == [subject]


def test_an_anaphor_opening_the_clause_is_no_body_named_as_written() -> None:
    text = "Tập đoàn Ant được thành lập năm 2014.\n\nCông ty này đã có hơn 700 triệu người dùng mỗi tháng."
    assert _subjects(text)[-1] != "Công ty này"


@pytest.mark.parametrize(
    ("address", "blocked"),
    [("trú xóm 7, xã Thanh Hà, huyện Thanh Chương", True), ("ở xã Thanh Hà", False)],
)
def test_a_place_of_a_persons_address_is_no_subject(address: str, blocked: bool) -> None:
    text = (
        f"Công an bắt giữ Hoàng Thị Trang (1963), {address}.\n\n"
        "Khám xét tại nhà riêng, tổ công tác thu giữ 16 gói hêrôin."
    )
    assert (_subjects(text) != ["xã Thanh Hà"]) is blocked


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a place set off by a comma after a person is the person's address: the person's figure
        ("Năm 2020, anh Nguyễn Văn Bình, xã Tân Lập, huyện Đan Phượng với mô hình nuôi cá, cho thu lãi "
         "500 triệu đồng.", "anh Nguyễn Văn Bình"),
        ("Bà Hoàng Thị Mai, người dân huyện Yên Châu, tỉnh Sơn La trồng xoài với thu nhập "
         "300 triệu đồng/năm.", "Bà Hoàng Thị Mai"),
        # after no person the place still acts, its wider unit completing its address
        ("Năm 2020, xã Tân Lập, huyện Đan Phượng thu ngân sách 5 tỷ đồng.", "xã Tân Lập"),
    ],
)
def test_a_place_in_apposition_to_a_person_is_their_address(sentence: str, subject: str) -> None:
    assert _subjects(sentence) == [subject]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        ("Theo Cổng thông tin quốc gia về đăng ký kinh doanh,",
         "Cổng thông tin quốc gia về đăng ký kinh doanh"),
        ("Theo Quy hoạch được duyệt,", None),  # a clause, not a name
    ],
)
def test_theo_before_a_capitalised_name_the_extractors_do_not_know_names_the_source(
    opening: str, source: str | None
) -> None:
    record = extract(build_document(f"{opening} có 12.404 doanh nghiệp thành lập mới.", title="Tin"))
    assert [f["source"] for f in record["figures"]] == [source]


@pytest.mark.parametrize(
    ("speaker", "subject"),
    [
        ("Theo Ban Tổ chức Tỉnh ủy Long An,", "tỉnh Long An"),  # an office: the place it serves
        ("Theo Cục Thống kê tỉnh Bình Dương,", "tỉnh Bình Dương"),
        ("Tổng cục Thống kê cho biết,", None),  # a national office: no place of its own
        ("Theo Hội Nông dân tỉnh,", "Hội Nông dân tỉnh"),  # an association reports its own work
    ],
)
def test_a_speaking_office_reports_the_figures_of_the_place_it_serves(
    speaker: str, subject: str | None
) -> None:
    assert _subjects(f"{speaker} có 404 hộ tham gia.", title="Tin") == [subject]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the body whose funds open the clause acts; the bank only owns a noun of its predicate
        ("Ngày 30-5, Hội Cựu chiến binh (CCB) huyện Hớn Quản tổ chức đại hội lần thứ 6.\n\nNguồn vốn Hội CCB "
         "huyện nhận ủy thác của Ngân hàng Chính sách xã hội tỉnh đã cho hơn 1.800 hộ vay.",
         "Hội Cựu chiến binh huyện Hớn Quản"),
        # a bare head takes the body at its fullest name
        ("Ủy ban MTTQ Việt Nam xã Tân Hà phát động ủng hộ Quỹ.\n\nNăm nay, Ủy ban MTTQ xã tiếp tục vận động "
         "nhân dân.\n\nỦy ban đã trao 12 căn nhà đại đoàn kết.", "Ủy ban MTTQ Việt Nam xã Tân Hà"),
        # a bare body head after an owner link owns the count: the body it points back to
        ("Đảng bộ huyện Thanh Hà tổ chức Đại hội đại biểu lần thứ XXVI.\n\nDự đại hội có 236 đại biểu chính "
         "thức đại diện cho trên 7.300 đảng viên trong toàn đảng bộ.", "Đảng bộ huyện Thanh Hà"),
        # a name a dash sets after a partner is a partner too
        ("Hội Chữ thập đỏ tỉnh Cà Mau phối hợp với Quỹ Thiện Tâm – Tập đoàn Vingroup tổ chức trao 1.300 "
         "phần quà tết cho người nghèo.", "Hội Chữ thập đỏ tỉnh Cà Mau"),
        # a body named no further leads its clause after the comma of a dated phrase
        ("Trong 02 ngày (14 và 15/11/2019), Hội nông dân tỉnh đã giải ngân 1,6 tỷ đồng từ nguồn vốn Quỹ Hỗ "
         "trợ nông dân.", "Hội nông dân tỉnh"),
    ],
)
def test_whose_figure_it_is(text: str, subject: str) -> None:
    assert _subjects(text)[-1] == subject


@pytest.mark.parametrize(
    ("second", "subject"),
    [
        # a committee named in a sentence before: the figures after it are its Party body's
        ("Năm qua, Đảng ủy Công ty đã lãnh đạo hoàn thành các chỉ tiêu. Doanh thu đạt 1.200 tỷ đồng.",
         "Đảng bộ Công ty Cổ phần Cao su Phước Hòa"),
        # a committee acting in the figure's own clause keeps its figure
        ("Năm qua, Đảng ủy Công ty đã kết nạp 12 đảng viên mới.", "Đảng ủy Công ty"),
    ],
)
def test_a_committee_carried_from_before_gives_the_party_body_it_leads(second: str, subject: str) -> None:
    text = f"Ngày 5/6, Đảng bộ Công ty Cổ phần Cao su Phước Hòa tổ chức Đại hội lần thứ VI.\n\n{second}"
    assert _subjects(text)[-1] == subject


@pytest.mark.parametrize(
    "frame",
    [
        "thừa ủy nhiệm của Ban Thường vụ Tỉnh ủy, đồng chí Nguyễn Văn An, Phó Bí thư Thường trực",
        "đồng chí Nguyễn Văn An, Phó Bí thư Thường trực",
    ],
)
def test_an_official_or_a_delegating_body_gives_way_to_the_host(frame: str) -> None:
    text = (
        "Ngày 3/2, Đảng ủy xã Duy Phước tổ chức lễ kỷ niệm 94 năm Ngày thành lập Đảng.\n\n"
        f"Tại buổi lễ, {frame} trao Huy hiệu 30 năm tuổi Đảng cho 4 đồng chí."
    )
    assert _subjects(text)[-1] == "Đảng ủy xã Duy Phước"


def test_a_private_person_without_a_role_stays_the_subject() -> None:
    assert _subjects("Năm 2023, anh Nguyễn Văn Bình nuôi 20 con bò sinh sản.") == ["anh Nguyễn Văn Bình"]


def test_the_named_body_of_an_officials_title_stays_a_candidate() -> None:
    text = ("Đồng chí Trần Văn Hùng – Phó Trưởng Ban Tổ chức Huyện ủy chủ trì cuộc họp đã thông qua "
            "21 hồ sơ đề nghị kết nạp đảng viên mới.")
    assert _subjects(text) == ["Ban Tổ chức Huyện ủy"]


def test_an_official_keeps_what_they_hold() -> None:
    text = "Hiện tại, ông Trần Văn Long - Chủ tịch HĐQT - đang sở hữu 700 triệu cổ phiếu."
    assert _subjects(text) != [None]


@pytest.mark.parametrize("ending", ["thuộc liên xã", "thuộc liên xã.", "của liên huyện"])
def test_a_place_word_inside_the_last_word_is_no_bare_place(ending: str) -> None:
    # the segmenter glues "liên xã" into one word; the bare "xã" inside it starts no word (it crashed)
    subjects = _subjects(f"Kết nạp 12 đảng viên {ending}")
    assert len(subjects) == 1 and subjects[0] != "xã"


@pytest.mark.parametrize(
    ("lead", "subject"),
    [
        # a company announcing in the lead sentence reports its own figures: the article's topic
        ("Thông tin từ CTCP Tập đoàn Hòa Phát cho biết, sau 7 tháng, doanh nghiệp đạt sản lượng tốt.",
         "CTCP Tập đoàn Hòa Phát"),
        # an office reports those it serves, and a body cited after "Theo" reports on others
        ("Tổng cục Thống kê cho biết, sau 7 tháng, sản lượng đạt mức tốt.", None),
        ("Theo New York Times, sau 7 tháng, sản lượng đạt mức tốt.", None),
    ],
)
def test_a_body_announcing_in_the_lead_is_the_topic_when_nothing_else_is(
    lead: str, subject: str | None
) -> None:
    text = f"{lead}\n\nTrong tháng 7, thép tiêu thụ gần 110.000 tấn."
    assert _subjects(text, title="Thép tiêu thụ tăng")[-1] == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a body opening the clause acts, whatever its verb: the place after "tại" is where
        ("UBND tỉnh Bắc Ninh mời đầu tư dự án Khu đô thị mới tại phường Quế Võ với diện tích hơn 21ha.",
         "UBND tỉnh Bắc Ninh"),
        # a place opening the clause is no actor: the place of the figure's own phrase stays
        ("Trong đó, 20 hộ ở phường Trần Phú, TP Quảng Ngãi được vay 800 triệu đồng và 10 hộ ở xã Bình "
         "Chánh được vay 400 triệu đồng.", "xã Bình Chánh"),
    ],
)
def test_a_place_after_a_locative_yields_to_the_body_acting_in_the_clause(text: str, subject: str) -> None:
    assert _subjects(text)[-1] == subject


@pytest.mark.parametrize(
    ("opening", "subject"),
    [
        # a bare level word acting (an aspect marker after it) opens the sentence before: its place
        ("Tỉnh đã chú trọng khai thác các nguồn thu.", "tỉnh Trà Vinh"),
        # one named in passing does not act: the article's topic stays (the regional office, named whole)
        ("Nhiều nguồn thu, tỉnh chưa khai thác hết.", "Kiểm toán nhà nước khu vực IX"),
    ],
)
def test_a_place_acting_in_the_sentence_before_owns_the_next_figures(opening: str, subject: str) -> None:
    text = (
        "Kiểm toán nhà nước khu vực IX vừa hoàn thành cuộc kiểm toán ngân sách năm 2024 "
        "của tỉnh Trà Vinh.\n\n"
        f"{opening} Tổng số thu nội địa 6.530 tỷ đồng."
    )
    assert _subjects(text)[-1] == subject


def test_a_venue_fronted_before_the_actor_leaves_it_the_actor_over_an_owner_in_its_predicate() -> None:
    sentence = (
        "Tại xã Tân Phú, Hội PN huyện Sông Mã đã nhận ủy thác của NHCSXH huyện để cho hơn 4.000 lượt "
        "hội viên vay vốn."
    )
    assert _subjects(sentence) == ["Hội PN huyện Sông Mã"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a place qualifying a noun of the actor's predicate, no preposition: where the people are
        "Hội Nông dân huyện đã trao quà cho hộ nghèo xã Tân Phú và hỗ trợ 300 hộ vay vốn.",
        "Hội Nông dân huyện đã trao quà cho các em học sinh giỏi xã Tân Phú, mỗi suất trị giá 500.000 đồng.",
        # the clause after the semicolon opens on its verb: the sentence's actor goes on acting
        "Hội Nông dân huyện đã trao quà cho hộ nghèo xã Tân Phú; hỗ trợ 300 hộ vay vốn.",
    ],
)
def test_a_place_qualifying_a_noun_of_the_predicate_leaves_the_actor_the_subject(sentence: str) -> None:
    assert _subjects(sentence) == ["Hội Nông dân huyện"]


def test_a_clause_with_its_own_place_opening_it_keeps_that_place() -> None:
    sentence = "Hội Nông dân huyện đã trao quà cho hộ nghèo; xã Tân Phú có 300 hộ vay vốn."
    assert _subjects(sentence) == ["xã Tân Phú"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # the place heads its own clause: its figure
        ("Theo Cục Y tế Dự phòng, Bộ Y tế đến 19h ngày 1/5, liên quan đến ổ dịch Hà Nam đã phát hiện 16 ca.",
         "Hà Nam"),
        ("Người dân phát hiện trong nghĩa trang xã Thiệu Lý (thôn 5) có 1 ngôi mộ lạ.", "xã Thiệu Lý"),
    ],
)
def test_a_place_after_a_noun_that_heads_its_own_clause_keeps_its_figure(sentence: str, subject: str) -> None:
    assert _subjects(sentence)[-1] == subject


@pytest.mark.parametrize(
    ("lead", "subject"),
    [
        # the lead opens on a verb (by its usual class) whose object names a body: the actor after the
        # comma is what the article is about, a body or a place alike
        ("Hưởng ứng phong trào thi đua của Trung ương Hội Nông dân Việt Nam, Hội Nông dân xã Tân Phú "
         "đã nỗ lực vượt khó.", "Hội Nông dân xã Tân Phú"),
        ("Chào mừng kỷ niệm 90 năm Ngày thành lập Hội Nông dân Việt Nam, huyện Chợ Lách đã nỗ lực vượt khó.",
         "huyện Chợ Lách"),
        # a noun phrase opening the lead is no verb's object: its body stays the topic
        ("Hội Nông dân tỉnh Bến Tre, đơn vị dẫn đầu phong trào, đã nỗ lực vượt khó.",
         "Hội Nông dân tỉnh Bến Tre"),
    ],
)
def test_a_body_inside_a_lead_opening_on_its_verb_is_no_topic(lead: str, subject: str) -> None:
    text = f"{lead}\n\nTheo đó, trao 20 suất quà cho hộ nghèo."
    assert _subjects(text, title=None) == [subject]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        # the level word capitalised as an office writes its own unit: another entry of the builder
        ("Hội Chữ thập đỏ Thành phố Hồ Chí Minh", "Hội Chữ thập đỏ Thành phố"),
        # the place as an acronym in the full name, the level word in full in the short one
        ("Sở Y tế TP Hồ Chí Minh", "Sở Y tế Thành phố"),
    ],
)
def test_a_name_leaving_its_place_open_takes_the_articles_name_that_writes_it(full: str, short: str) -> None:
    text = f"{full} tổ chức hội nghị sơ kết. Năm 2020, {short} đã trao 146 xe lăn cho người khuyết tật."
    assert _subjects(text) == [full]


def test_a_name_leaving_its_place_open_stays_short_when_the_article_writes_two_places() -> None:
    text = ("Hội Nông dân Thành phố Hồ Chí Minh và Hội Nông dân Thành phố Cần Thơ ký kết hợp tác. "
            "Năm 2020, Hội Nông dân Thành phố đã trao 146 xe lăn cho người khuyết tật.")
    assert _subjects(text) == ["Hội Nông dân Thành phố"]


@pytest.mark.parametrize(
    ("lead", "topic"),
    [
        # a phrase (no verb by its usual class) names the parent body's occasion before the unit acting
        ("Hướng tới kỷ niệm 85 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh, Đoàn Thanh niên "
         "khối các cơ quan tỉnh Thái Bình tổ chức giải bóng đá thanh niên.",
         "Đoàn Thanh niên khối các cơ quan tỉnh Thái Bình"),
        # a body of another kind after the comma: the rule reaches only a unit of its parent's kind
        ("Hướng tới kỷ niệm 85 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Nông dân "
         "tỉnh Thái Bình tổ chức giải bóng đá thanh niên.",
         "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ],
)
def test_a_lead_naming_its_parent_bodys_occasion_is_about_the_unit_acting(lead: str, topic: str) -> None:
    text = f"{lead}\n\nTham gia giải đấu có 4 đội bóng với trên 80 cầu thủ."
    assert set(_subjects(text, title="")) == {topic}


def test_a_place_after_the_headlines_body_going_on_to_a_venue_is_its_address_not_the_actor() -> None:
    text = "Số trường hợp gặp phản ứng thông thường sau tiêm chiếm tỷ lệ 57,3% trên tổng số người được tiêm."
    title = "Báo cáo của Sở Y tế, TPHCM tại cuộc họp Ban chỉ đạo về tình hình dịch Covid-19"
    assert _subjects(text, title=title) == ["Sở Y tế"]
    # a place going on to its verb after the comma is still the actor
    acting = "Hưởng ứng phong trào của Trung ương Hội, huyện Tân Phú đã tổ chức tiêm vắc xin"
    assert _subjects(text, title=acting) == ["huyện Tân Phú"]


@pytest.mark.parametrize(
    ("before", "subject"),
    [
        # the one district the article names completes the body's open place
        ("Huyện Lạc Dương tổ chức hội nghị sơ kết công tác xây dựng Đảng.", "Đảng bộ huyện Lạc Dương"),
        # so does a place named only inside another body's name
        ("UBND huyện Lạc Dương tổ chức hội nghị sơ kết.", "Đảng bộ huyện Lạc Dương"),
        # two districts named: which one is open, the name stays as written
        ("UBND huyện Lạc Dương và UBND huyện Đam Rông tổ chức hội nghị.", "Đảng bộ huyện"),
        # a place of another level word (a town for "huyện") completes nothing
        ("UBND thị xã Lạc Dương tổ chức hội nghị sơ kết.", "Đảng bộ huyện"),
    ],
)
def test_a_body_ending_on_a_bare_level_word_takes_the_articles_one_place_of_that_level(
    before: str, subject: str
) -> None:
    text = f"{before}\n\nNăm 2023, Đảng bộ huyện đã kết nạp 67 đảng viên mới."
    assert _subjects(text) == [subject]


def test_a_body_at_a_tier_takes_no_one_place() -> None:
    text = ("UBND huyện Lý Nhân tổ chức hội nghị.\n\n"
            "Năm 2020, Trung tâm Y tế tuyến huyện đã khám cho 1.200 bệnh nhân.")
    assert _subjects(text) == ["Trung tâm Y tế tuyến huyện"]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # a list item's label right before its figure, after the item before it, is that item's own
        ("Nhiều đảng bộ có tỷ lệ kết nạp cao như: Đảng bộ Quân sự tỉnh đạt 61,90%; "
         "Đảng bộ huyện Ninh Sơn 45,16%; Đảng bộ huyện Thuận Nam 45,09%.",
         ["Đảng bộ Quân sự tỉnh", "Đảng bộ huyện Ninh Sơn", "Đảng bộ huyện Thuận Nam"]),
    ],
)
def test_a_list_items_label_right_before_its_figure_is_its_subject(text: str, subjects: list[str]) -> None:
    assert _subjects(text) == subjects


def test_a_place_after_a_venues_locative_right_before_a_figure_is_no_label() -> None:
    text = "Đội tuyển Pháp có 14 cầu thủ không được tham dự giải đấu ở châu Âu 4 năm tổ chức một lần này."
    assert "châu Âu" not in _subjects(text)


@pytest.mark.parametrize(
    ("first", "subject"),
    [
        # a part named in a breakdown clause ("trong đó", "gồm"): the next sentence goes on with the whole
        ("Viện Kiểm sát nhân dân tỉnh Thanh Hóa thụ lý 160 tin báo; trong đó, Công an huyện Nga Sơn "
         "thụ lý 20 tin.", "Viện Kiểm sát nhân dân tỉnh Thanh Hóa"),
        ("Hội Nông dân huyện Đức Phổ kết nạp 300 hội viên, gồm Hội Nông dân xã Phổ Văn 120 hội viên.",
         "Hội Nông dân huyện Đức Phổ"),
        # side by side with no breakdown opener: the party named last, as before
        ("Hội Nông dân huyện Đức Phổ có 3 mô hình điểm (gồm Phổ Văn, Phổ Ninh); Hội Nông dân huyện Mộ "
         "Đức có 2 mô hình điểm.", "Hội Nông dân huyện Mộ Đức"),  # a bracketed breakdown ends at its ')'
        ("Hội Nông dân huyện Đức Phổ có 3 mô hình điểm; Hội Nông dân huyện Mộ Đức có 2 mô hình điểm.",
         "Hội Nông dân huyện Mộ Đức"),
    ],
)
def test_the_carry_after_a_breakdown_stays_with_the_whole(first: str, subject: str) -> None:
    text = f"Năm 2023, {first} Theo đó, đã thành lập 15 chi hội mới."
    assert _subjects(text)[-1] == subject


@pytest.mark.parametrize(
    ("lead", "topic"),
    [
        # a faculty named as a part of its university, after a dash or a comma: the university is the topic
        ("Ngày hội việc làm do Khoa Quốc tế - Đại học Quốc gia Hà Nội vừa tổ chức.",
         "Đại học Quốc gia Hà Nội"),
        ("Hội thảo do Khoa Báo chí và Truyền thông, Trường Đại học Văn Lang tổ chức.",
         "Trường Đại học Văn Lang"),
        ("Phòng Cảnh sát giao thông thuộc Công an tỉnh Nam Định vừa ra quân.", "Công an tỉnh Nam Định"),
        # a division named alone acts for itself
        ("Phòng Giáo dục và Đào tạo huyện Lý Nhân vừa tổ chức hội nghị.",
         "Phòng Giáo dục và Đào tạo huyện Lý Nhân"),
    ],
)
def test_a_division_named_as_a_part_of_its_body_leaves_the_topic_to_that_body(lead: str, topic: str) -> None:
    text = f"{lead}\n\nTham gia có trên 50 đơn vị tuyển dụng."
    assert set(_subjects(text, title="")) == {topic}


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Tiếp theo lần lượt là Thái Lan (8 điểm), UAE (6 điểm) và Indonesia (0 điểm).",
         ["Thái Lan", "UAE", "Indonesia"]),
        ("Các đảng bộ kết nạp nhiều đảng viên là: Trường Cao đẳng Y tế (28 đảng viên), "
         "Sở Y tế (12 đảng viên).",
         ["Trường Cao đẳng Y tế", "Sở Y tế"]),
    ],
)
def test_a_list_items_label_ends_before_the_bracket_its_figure_opens(text: str, subjects: list[str]) -> None:
    assert _subjects(text) == subjects
