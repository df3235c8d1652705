"""Who signs a page the cleaner has never seen: bylines before and after the article, units and places that
sign, mastheads, menus and widgets that do not."""

from __future__ import annotations

import textwrap

import pytest

from pipeline.clean.bylines import is_full_name, is_signing_unit, names_in, names_over_unit
from pipeline.clean.furniture import listed_names
from pipeline.clean.lines import (
    BODY,
    BOILERPLATE,
    META,
    author_from_dateline,
    authors_from,
    boilerplate_rules,
    classify,
    container_authors,
    published_from,
    title_from,
)
from pipeline.clean.page import Page
from pipeline.engine.stages import process
from pipeline.model import RawArticle
from pipeline.name_syllables import opens_a_body, reads_as_slogan, reads_as_words
from tests.cleaning_pages import LAST, LEAD, RELATED, SECOND, TITLE_LINE, classes_of, page_of


@pytest.mark.parametrize(("byline", "names"), [
    ("NGUYÊN ĐOAN |", ["NGUYÊN ĐOAN"]),
    ("Lam Giang| 24/10/2017 10:03", ["Lam Giang"]),
    ("THANH HẢI - NGỌC TÚ", ["THANH HẢI", "NGỌC TÚ"]),
    ("Hồng Minh (ghi)", ["Hồng Minh"]),
    ("Nguyễn Tuyền (thực hiện)", ["Nguyễn Tuyền"]),
    ("Minh Hằng (Huyện đoàn Phú Bình)", ["Minh Hằng"]),
    ("Nguyễn Thị Tuyết - Ban Tuyên giáo Huyện ủy Đại Lộc", ["Nguyễn Thị Tuyết"]),
    ("ThS. Trần Minh Đức", ["Trần Minh Đức"]),
    ("Theo Đức Tuân/baochinhphu.vn", ["Đức Tuân"]),
    ("Nhật LinhTheo Reuters", ["Nhật Linh"]),
    ("Thực hiện: Ngọc Lan", ["Ngọc Lan"]),
    ("Nhóm PV", []),
    ("PV Minh Anh", ["Minh Anh"]),
    ("Minh Anh/VOV.VN", ["Minh Anh"]),
    ("Minh Anh - Báo Quảng Ninh", ["Minh Anh"]),
    ("Tin: Minh Anh; ảnh: Thu Hà", ["Minh Anh"]),
    ("Minh Anh.", ["Minh Anh"]),
    ("Đăng bởi: Minh Anh - 09/12/2024", ["Minh Anh"]),
    ("Viết bởi Minh Anh", ["Minh Anh"]),
    ("N.LÂN", ["N.LÂN"]),
    ("ThS LÊ VĂN CƯỜNG", ["LÊ VĂN CƯỜNG"]),
    ("Minh Chính- Quang Huy", ["Minh Chính", "Quang Huy"]),
    ("PV", []),
    ("L.P", ["L.P"]),
    ("Nguyễn Phường-Châu Kha", ["Nguyễn Phường", "Châu Kha"]),
    ("Đăng bởi Minh Anh lúc 08:30 12/03/2021", ["Minh Anh"]),
    ("(TTXVN/Vietnam+)", []),
    ("Theo TTXVN", []),
    ("Tin, ảnh: Phòng Công tác Sinh viên", []),
    # the roles join in any order, a writer's among them; a credit alone names no author
    ("Ảnh, tin: Phạm Hùng", ["Phạm Hùng"]),
    ("Tin/ảnh: Phạm Hùng", ["Phạm Hùng"]),
    ("Ảnh và tin: Phạm Hùng", ["Phạm Hùng"]),
    ("Tổng hợp: Lê Thảo", ["Lê Thảo"]),
    # a unit's acronym in capitals after the name is no second author; a CMS account is no person
    ("Mai Hương - VP HĐND-UBND", ["Mai Hương"]),
    ("Ngọc Hà - TT TTVHTT", ["Ngọc Hà"]),
    ("Người đăng: admin", []),
    ("Đăng bởi: Quản trị viên", []),
    ("Tác giả bài viết: Đoàn TT Phú Thịnh", []),
    # the post's acronym glued to the name by a hyphen
    ("Người viết: Hoàng Thị Hạnh-TPT", ["Hoàng Thị Hạnh"]),
    ("Lê Thảo-CTV", ["Lê Thảo"]),
])
def test_bylines_after_the_article(byline: str, names: list[str]) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, byline, "Chia sẻ", "Tin liên quan", *RELATED))
    line = next(x for x in lines if x.text == byline)
    assert line.cls == META
    assert authors_from(lines) == names


@pytest.mark.parametrize("widget", [
    ["Thống kê truy cập", "Đang truy cập: 25", "Hôm nay: 1.234"],
    ["Tải ứng dụng", "App Store", "Google Play"],
])
def test_a_widgets_label_over_its_chrome_after_an_unsigned_article_is_boilerplate(widget: list[str]) -> None:
    footer = "© Bản quyền thuộc về Cổng thông tin điện tử huyện Yên Lạc"
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, *widget, footer))
    assert all(classes[line] == BOILERPLATE for line in widget)
    assert classes[LEAD] == classes[SECOND] == classes[LAST] == BODY


def test_a_menu_in_capitals_after_the_article_gives_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "GIỚI THIỆU", "TIN TỨC", "LIÊN HỆ"))
    assert authors_from(lines) == []


def test_a_widget_label_in_capitals_is_no_author_and_a_name_under_a_heading_in_capitals_is() -> None:
    page = page_of(TITLE_LINE, LEAD, SECOND, "BÀI MỚI ĐĂNG", "Theo Zing", "Tin liên quan", *RELATED)
    lines = classify(page)
    assert authors_from(lines) == []
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "ĐỀ CƯƠNG TUYÊN TRUYỀN", "Thanh Bình", "Tin liên quan",
                           *RELATED))
    assert authors_from(lines) == ["Thanh Bình"]


def test_a_journal_byline_with_its_unit_and_email_signs_wherever_it_stands() -> None:
    lines = classify(page_of("ThS. Lò Thu Hà", "Ngân hàng Chính sách xã hội", "Email: ha@vbsp.vn", "Tóm tắt:",
                           LEAD, SECOND, "Tin liên quan", *RELATED))
    assert authors_from(lines) == ["Lò Thu Hà"]
    assert [x.cls for x in lines[:3]] == [META, META, META]
    lines = classify(page_of(TITLE_LINE, LEAD, "ThS. Nguyễn Thuỳ Dương", "Trường Đại học Thương mại",
                             "Tóm tắt", SECOND, "Tin liên quan", *RELATED))
    assert authors_from(lines) == ["Nguyễn Thuỳ Dương"]
    lines = classify(page_of(TITLE_LINE, LEAD, "TS. Nguyễn Văn An", SECOND, "Tin liên quan", *RELATED))
    assert next(x for x in lines if x.text == "TS. Nguyễn Văn An").cls != META  # no unit, no anchor


def test_a_masthead_after_the_site_furniture_is_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Xuân Bính", "Chia sẻ", "Facebook", "BÁO ĐẮK NÔNG",
                           "Giấy phép số 152/GP-BTTTT"))
    assert authors_from(lines) == ["Xuân Bính"]


@pytest.mark.parametrize("masthead", ["HUYỆN ĐOÀN PHÚ TÂN - TỈNH AN GIANG", "Huyện Hương Khê",
                                      "TỈNH ĐOÀN BÌNH THUẬN", "Tỉnh Đoàn Khánh Hòa"])
def test_a_place_or_its_unit_named_by_its_level_is_no_author(masthead: str) -> None:
    rules = boilerplate_rules()
    assert names_in(masthead, rules.honorifics, rules.units) is None
    assert names_in(f"Minh Anh - {masthead}", rules.honorifics, rules.units) == ["Minh Anh"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Không có nhận xét nào", "Đăng nhận xét", masthead))
    assert authors_from(lines) == []
    for byline in ("Tình Phạm", "Văn Quân", "THÀNH PHƯƠNG"):  # given names the levels' words fold to
        assert names_in(byline, rules.honorifics, rules.units) == [byline]


@pytest.mark.parametrize(("line", "names"), [
    ("Ngày đăng: 09/12/2024 | Tác giả: Minh Anh", ["Minh Anh"]),
    ("09/12/2024 | Minh Anh", ["Minh Anh"]),
    ("Thứ Hai, 09/12/2024 - 10:00 | Minh Anh", ["Minh Anh"]),
])
def test_a_meta_line_of_parts_gives_the_date_and_the_author(line: str, names: list[str]) -> None:
    lines = classify(page_of(TITLE_LINE, line, LEAD, SECOND))
    assert next(x for x in lines if x.text == line).cls == META
    assert published_from(lines, None).startswith("2024-12-09")
    record = process(RawArticle(path="x.txt", text=page_of(TITLE_LINE, line, LEAD, SECOND)))
    assert record["authors"] == names


def test_authors_a_container_gives_are_read_as_bylines() -> None:
    given = ["Minh Anh - Báo Quảng Ninh", "Theo Đức Tuân/baochinhphu.vn", "Báo Quảng Ninh", "Thu Hằng",
             "admin"]
    assert container_authors(given) == ["Minh Anh", "Đức Tuân", "Thu Hằng", "admin"]


def test_a_unit_that_signs_the_article_is_meta_and_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Đài Kim Bảng"))
    assert next(x for x in lines if x.text == "Đài Kim Bảng").cls == META
    assert authors_from(lines) == []
    # signed by its unit, the article has ended: the buttons and headlines under it are the site's
    after = ["Chia sẻ bài viết này", "Bài viết trước", RELATED[0], "Bài viết tiếp theo", RELATED[1]]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, "Phòng Công tác Chính trị - HSSV", *after))
    assert classes["Phòng Công tác Chính trị - HSSV"] == META
    assert all(classes[line] == BOILERPLATE for line in after)


def test_a_name_the_sites_host_spells_signs_no_article() -> None:
    text = page_of(TITLE_LINE, LEAD, SECOND, "Mạng Y Tế", "Tin cùng chuyên mục", *RELATED)
    assert authors_from(classify(text, url="https://amp.mangyte.vn/news-1.html")) == []
    # three syllables with no family name and no middle name are no person's wherever they stand
    assert authors_from(classify(text, url="https://baoxyz.vn/news-1.html")) == []
    text = page_of(TITLE_LINE, LEAD, SECOND, "Gia Lai", "Tin cùng chuyên mục", *RELATED)
    assert authors_from(classify(text, url="https://gialai.vn/news-1.html")) == []
    assert authors_from(classify(text, url="https://baoxyz.vn/news-1.html")) == ["Gia Lai"]


def test_the_line_under_a_byline_name_is_its_unit_not_the_headline() -> None:
    headline = ("Đấu tranh phản bác âm mưu, thủ đoạn chống phá của các thế lực thù địch trên lĩnh vực tư "
                "tưởng, lý luận trong giai đoạn hiện nay")
    lines = classify(page_of("Chủ nhật, ngày 26/12/2021, 10:02", headline, "LÊ THỊ CHIÊN",
                           "Học viện Chính trị quốc gia Hồ Chí Minh", LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert authors_from(lines) == ["LÊ THỊ CHIÊN"]


def test_two_bylines_before_the_furniture_both_sign_the_article() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Thu Hòa/VOV4", "Việt Phú", "Viết bình luận",
                           "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Thu Hòa", "Việt Phú"]
    # two bare names in a row among the chrome are a menu in capitals, not bylines
    menu = ["GIỚI THIỆU", "TIN TỨC"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, *menu, "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == []


def test_a_heading_in_capitals_over_two_lines_is_body_and_no_byline() -> None:
    heading = ["KẾT QUẢ, NHIỆM VỤ, GIẢI PHÁP", "VÀ PHƯƠNG HƯỚNG NĂM 2025"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, *heading, "Tin liên quan", *RELATED))
    assert [line.cls for line in lines if line.text in heading] == [BODY, BODY]
    assert authors_from(lines) == []
    # a byline in capitals with a paragraph under it that opens with "Tại" still signs
    opening = "Tại hội nghị, " + LEAD
    lines = classify(page_of(TITLE_LINE, "THẾ ANH |", opening, SECOND, "Tin liên quan", *RELATED))
    assert authors_from(lines) == ["THẾ ANH"]
    # nor does a list heading that opens with "Các" make a byline a heading
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "THẾ ANH", "Các tin, bài viết khác", *RELATED))
    assert authors_from(lines) == ["THẾ ANH"]


def test_a_name_right_above_a_source_line_after_a_cut_paragraph_signs_the_article() -> None:
    cut = "Để dân vận tốt, cán bộ, chiến sĩ Đội Vận động"
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, cut, "Hoàng Thư", "Nguồn: Báo Nhân Dân",
                           "Xem thêm", *RELATED))
    assert authors_from(lines) == ["Hoàng Thư"]
    assert next(x for x in lines if x.text == cut).cls == BODY


def test_a_name_run_together_with_its_unit_signs_but_a_sentence_after_a_place_does_not() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Hồng Mai Trung tâm TT/GDSK", "In bài", "Đóng cửa sổ"))
    assert authors_from(lines) == ["Hồng Mai"]
    rules = boilerplate_rules()
    assert names_in("Bắc Giang Sở Y tế tổ chức hội nghị", rules.honorifics, rules.units) is None


def test_a_name_after_the_end_mark_of_the_last_paragraph_signs_and_the_paragraph_stays_body() -> None:
    last = SECOND.rstrip(".") + "./. Ngọc Quân"
    lines = classify(page_of(TITLE_LINE, LEAD, last, "Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Ngọc Quân"]
    assert next(x for x in lines if x.text == last).cls == BODY
    # a sentence after the end mark is no byline
    last = SECOND.rstrip(".") + "./. Xem thêm các tin khác"
    lines = classify(page_of(TITLE_LINE, LEAD, last, "Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == []


@pytest.mark.parametrize(("text", "signs"), [
    ("Đài Kim Bảng", True), ("Phòng Công tác Sinh viên", True), ("Ban Mai", False), ("Minh Anh", False)])
def test_a_unit_signs_alone_with_words_enough(text: str, signs: bool) -> None:
    assert is_signing_unit(text, boilerplate_rules().units) is signs


def test_a_byline_over_its_unit_and_the_lead_when_the_headline_is_not_printed() -> None:
    # the container gives the headline (HTML <title>), the page prints only the dateline and the byline
    text = page_of("Thứ hai, 11 Tháng 12 2023 16:03", "ThS LÊ VĂN CƯỜNG", "Học viện Chính trị, Bộ Quốc phòng",
                   LEAD, SECOND)
    assert authors_from(classify(text, title=TITLE_LINE)) == ["LÊ VĂN CƯỜNG"]


@pytest.mark.parametrize("unit", ["Chi bộ Trường MN Kim Đồng", "Công đoàn Sở Y tế", "Đảng bộ xã Hưng Vũ"])
def test_a_party_cell_or_a_union_signs_with_no_person(unit: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, f"Tác giả: {unit}", "Những tin cũ hơn"))
    assert authors_from(lines) == []


def test_a_communes_portal_signed_with_the_communes_name_has_no_author() -> None:
    """The signature names the place whose portal the page is (its footer in capitals prints it after
    "xã", tone marks aside); a person's name the footer does not print stays the author."""
    footer = "TRANG THÔNG TIN ĐIỆN TỬ XÃ HOẰNG XUÂN - HUYỆN HOẰNG HÓA"
    tail = ["Tin liên quan", *RELATED, footer]
    assert authors_from(classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hoàng Xuân", *tail))) == []
    signed = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hoàng Thu", *tail))
    assert authors_from(signed) == ["Hoàng Thu"]


@pytest.mark.parametrize(("signature", "authors"), [
    ("HMT", ["HMT"]),  # a reporter's initials, one for each syllable of her name
    ("NTN.", ["NTN"]),
    ("BBT", []),  # the editorial board signs, no person
    ("VNF", []),  # no Vietnamese syllable opens with F: the site's tag
    ("UBND", []),  # a unit's acronym runs to four letters
])
def test_initials_alone_under_the_last_paragraph_sign_the_article(signature: str, authors: list[str]) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, signature, "Chia sẻ:", "Facebook  Zalo",
                             "Tin liên quan", *RELATED))
    assert authors_from(lines) == authors
    assert next(line for line in lines if line.text == signature).cls != BODY


def test_an_outlets_acronym_under_a_source_line_is_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Theo Lê Ngọc", "VOV"))
    assert authors_from(lines) == []


@pytest.mark.parametrize(("line", "full"), [
    ("NÂNG CAO CHẤT LƯỢNG", False),  # four capitalised words, no family name: a headline cut short
    ("Tổ Chức Giải Báo", False),
    ("Phường Tân Định", False),  # a ward, no family name and no middle name
    ("Nguyễn Thị Thu Hà", True),
    ("Lăng Văn Tuấn", True),  # a family name the lexicon lacks, a middle name after it
    ("LÊ QUANG TÙNG", True),
    ("THANH HẢI", True),  # pen names of two syllables need neither
    ("N.T. Hà", True),
    ("ĐOÀN THỊ TRẤN PHÚ", False),  # a family name, a middle name, but a level with a place after it: a unit
    ("Hoàng Văn Tỉnh", True),  # a level at a name's end may be a given name
    ("BẠCH THÔNG RỘN RÀNG", False),  # a district's name and two words: a headline about it, cut short
    ("Hà Tĩnh Hướng Tới", False),
    ("KIÊN GIANG", True),  # a province's name alone may be a pen name
    ("Hoàng Mai Thị Lan", True),  # a district's name ("Hoàng Mai"), then a middle name: a person's
])
def test_a_name_of_three_or_four_syllables_opens_with_a_family_name_or_has_a_middle_name(
        line: str, full: bool) -> None:
    assert is_full_name(line) is full


@pytest.mark.parametrize("signature", ["NÂNG CAO CHẤT LƯỢNG", "Trường Mầm Non Tân"])
def test_a_line_in_a_bylines_place_with_no_persons_name_gives_no_author(signature: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, signature, "Tin liên quan", *RELATED))
    assert authors_from(lines) == []
    assert next(x for x in lines if x.text == signature).cls != BODY


@pytest.mark.parametrize("under", ["THI HÀNH KỶ LUẬT", "Phường Tân Định"])
def test_a_byline_over_a_line_of_no_persons_shape_is_no_menu_item(under: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "THANH HẢI - NGỌC TÚ", under, "Tin liên quan",
                             *RELATED))
    assert authors_from(lines) == ["THANH HẢI", "NGỌC TÚ"]


@pytest.mark.parametrize("byline", ["Minh Chính- Quang Huy", "Lò Văn Mạnh - Sở Tư pháp Sơn La"])
def test_names_under_a_longer_headline_are_its_byline_not_the_headline(byline: str) -> None:
    lines = classify(page_of(TITLE_LINE, byline, "Cập nhật ngày: 26/08/2020 14:06", LEAD, SECOND,
                             "Tin liên quan", *RELATED))
    assert title_from(lines, None) == TITLE_LINE
    assert next(x for x in lines if x.text == byline).cls == META
    assert authors_from(lines)[0] in byline


@pytest.mark.parametrize("unit", ["Hội Nông dân xã", "Phóng viên", "MTTQ", "VP.UBND"])
def test_a_unit_role_or_acronym_under_a_byline_before_the_furniture_keeps_it_a_byline(unit: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hồng Nhung", unit, "Bình luận",
                             "Bạn phải đăng nhập để gửi bình luận.", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Hồng Nhung"]


@pytest.mark.parametrize("place", ["Thị trấn Phú Mỹ", "Xã Hòa An"])
def test_a_place_with_its_level_under_a_byline_before_the_furniture_keeps_it_a_byline(place: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hồng Nhung", place, "Bình luận",
                             "Bạn phải đăng nhập để gửi bình luận.", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Hồng Nhung"]


@pytest.mark.parametrize("signature", ["PV", "Nhóm PV", "BBT", "P.V"])
def test_a_newsroom_signature_inside_the_article_is_meta_and_names_no_one(signature: str) -> None:
    # a line the cleaner keeps as body may follow the signature (a widget, a second short item)
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, signature, LAST, *RELATED))
    classes = {line.text: line.cls for line in lines}
    assert classes[signature] == META and classes[SECOND] == classes[LAST] == BODY
    assert authors_from(lines) == []


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_a_wrapped_paragraphs_last_piece_shaped_like_a_name_is_body(separator: str) -> None:
    # "Sơn La." alone under "... cấp xã huyện tỉnh": a dump wrapped the sentence there, no one signs it
    last = ("Ngày 16/4/2025, Ban Thường vụ Tỉnh ủy đã ban hành Kết luận về chủ trương sắp xếp đơn vị hành "
            "chính cấp xã huyện tỉnh Sơn La.")
    dump = separator.join([TITLE_LINE, *("\n".join(textwrap.wrap(p, 60)) for p in (LEAD, SECOND, last))])
    lines = classify(dump)
    assert lines[-1].text == "Sơn La." and lines[-1].cls == BODY
    assert authors_from(lines) == []
    signed = classify(dump + "\nNgọc Quân")  # a byline under the paragraph's full stop still signs
    assert authors_from(signed) == ["Ngọc Quân"]


@pytest.mark.parametrize(("candidate", "words"), [
    ("Tôn Vinh Những Người", True),  # a headline cut short: những, người stand in no name
    ("MỘT ĐIỂM", True),
    ("HỌC TẬP", True),
    ("NHƯ Ý", False),  # given syllables that are words too, but stand in names often
    ("Vì Thị Thu", False),
    ("CÔNG SÁNG", False),
    ("Doãn Thị Ý", False),
    ("Trần Đơn", False),  # a family name and one syllable: a name's shape, not judged
    ("Minh Anh", False),
    ("N.T. Hà", False),  # initials are left to their own shape
    ("ĐOÀN ĐẠI BIỂU TỈNH", True),  # "đại" stands in names, "biểu" and "tỉnh" in none: most are words
])
def test_a_candidate_whose_given_syllables_are_ordinary_words_reads_as_words(
        candidate: str, words: bool) -> None:
    assert reads_as_words(candidate) is words
    assert is_full_name(candidate) is not words


def test_a_line_one_name_of_which_is_a_headlines_words_gives_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "KIÊN GIANG - MỘT ĐIỂM", "Tin liên quan", *RELATED))
    assert authors_from(lines) == []
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "THANH HẢI - NGỌC TÚ", "Tin liên quan", *RELATED))
    assert authors_from(lines) == ["THANH HẢI", "NGỌC TÚ"]


@pytest.mark.parametrize(("byline", "under"), [
    ("THU PHƯƠNG", "CẦN PHÁT HUY CÁCH"),
    ("Thanh Bình", "Nhiệt Liệt Chào Mừng"),
    ("Hồ Quân - Trung tâm VH-TT&TT huyện", "ĐỂ BÁO CHÍ LÀ"),
])
def test_a_byline_over_a_headline_cut_short_before_the_furniture_signs(byline: str, under: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, byline, under, "Ý kiến bạn đọc", "Gửi bình luận",
                             "Tin cùng chuyên mục", *RELATED))
    rules = boilerplate_rules()
    assert authors_from(lines) == names_in(byline, rules.honorifics, rules.units)


def test_a_heading_in_capitals_runs_on_in_capitals_not_under_a_byline_in_mixed_case() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "MỤC TIÊU, NHIỆM VỤ", "VÀ CÁC GIẢI PHÁP CHỦ YẾU", LAST,
                             "Tin liên quan", *RELATED))
    assert authors_from(lines) == []


@pytest.mark.parametrize("under", ["CẦN PHÁT HUY CÁCH", "Nhiệt Liệt Chào Mừng"])
def test_a_headline_cut_short_under_a_name_does_not_hold_off_the_furniture(under: str) -> None:
    furniture = ["Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED]
    page = Page(page_of(TITLE_LINE, LEAD, "THU PHƯƠNG", under, *furniture), None, frozenset())
    assert page.precedes_furniture(2)
    page = Page(page_of(TITLE_LINE, LEAD, "THU PHƯƠNG", "Trần Văn Minh", SECOND, LAST), None, frozenset())
    assert not page.precedes_furniture(2)


@pytest.mark.parametrize(("line", "names"), [
    ("Thị Xã", None),  # a level alone, no place after it: a menu's word
    ("THỊ XÃ", None),
    ("ĐOÀN THỊ TRẤN PHÚ", None),  # the Youth Union of the town of Phú, no person
    ("Hoàng Văn Tỉnh", ["Hoàng Văn Tỉnh"]),
    ("Minh Anh - Xã Hòa An", ["Minh Anh"]),
])
def test_a_level_alone_or_with_a_place_after_it_names_no_person(line: str, names: list[str] | None) -> None:
    rules = boilerplate_rules()
    assert names_in(line, rules.honorifics, rules.units) == names


def test_a_unit_of_a_place_under_a_byline_in_capitals_is_no_heading_over_it() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "XUÂN HIẾU - XUÂN THỊNH", "ĐOÀN THỊ TRẤN PHÚ", "Thích",
                             "Chia sẻ", "Tin liên quan", *RELATED))
    assert authors_from(lines) == ["XUÂN HIẾU", "XUÂN THỊNH"]



def test_a_name_after_the_end_mark_signs_when_the_line_in_a_bylines_place_names_no_person() -> None:
    last = SECOND.rstrip(".") + "./. Ngọc Quân"
    furniture = ["Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED]
    lines = classify(page_of(TITLE_LINE, LEAD, last, "Bệnh Viện Y Dược", *furniture))
    assert authors_from(lines) == ["Ngọc Quân"]


def test_a_unit_of_a_place_under_a_byline_does_not_hold_off_the_furniture() -> None:
    signed = [TITLE_LINE, LEAD, "Lê Thị Hà", "ĐOÀN ĐBQH TỈNH TRÀ VINH"]
    page = Page(page_of(*signed, "In trang", "Đóng", "Tin liên quan", *RELATED), None, frozenset())
    assert page.precedes_furniture(2)
    page = Page(page_of(*signed, SECOND, LAST), None, frozenset())
    assert not page.precedes_furniture(2)


CAPTION = "Lãnh đạo huyện trao giấy khen cho các tập thể có thành tích tiêu biểu"


@pytest.mark.parametrize("caption", [CAPTION + ". Ảnh: Minh Anh", CAPTION])
def test_a_byline_under_the_caption_under_the_last_paragraph_signs(caption: str) -> None:
    # the caption carries its photo credit, or repeats the caption printed in the article
    lines = classify(page_of(TITLE_LINE, LEAD, CAPTION, SECOND, LAST, caption, "THU TRANG", "Xem bài gốc",
                             "Tin cùng chủ đề", *RELATED))
    assert authors_from(lines) == ["THU TRANG"]


def test_a_line_under_the_last_paragraph_that_is_no_caption_still_closes_the_signature() -> None:
    # a headline of the tail's list under the last paragraph: a name under it is a listed article's
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, RELATED[0], "THU TRANG", "Xem bài gốc",
                             "Tin cùng chủ đề", *RELATED[1:]))
    assert authors_from(lines) == []


@pytest.mark.parametrize(("parts", "slogan"), [
    (["CÔNG KHAI", "DÂN CHỦ"], True),  # each part ends in a word no name is made of
    (["KỶ CƯƠNG", "TRÁCH NHIỆM"], True),  # most of the syllables words
    (["Dân Chủ", "Kỷ Cương"], True),  # half the syllables words, in a title's capitals
    (["An Toàn", "Hiệu Quả"], True),
    (["NHƯ Ý", "Minh Anh"], False),  # one word's syllable of four: a pen name beside another
    (["Minh Anh", "Thu Hà"], False),  # two pen names
    (["NHƯ Ý", "THU HÀ"], False),  # a name ending in a word's syllable beside another name
    (["Nguyễn Giờ", "Trần Đơn"], False),  # family names open them: people
    (["DÂN CHỦ"], False),  # one part: left to reads_as_words
])
def test_parts_of_a_line_each_of_ordinary_words_read_as_a_slogan(parts: list[str], slogan: bool) -> None:
    assert reads_as_slogan(parts) is slogan


@pytest.mark.parametrize(("name", "body"), [
    ("Đoàn Cục Kiểm Lâm", True), ("Đoàn Sở Y tế", True), ("Đoàn Viện Kiểm sát", True),
    ("Đoàn Văn Sở", False), ("Nguyễn Phường", False), ("Đoàn Thị Minh", False),
])
def test_a_family_name_with_a_bodys_word_after_it_opens_a_body(name: str, body: bool) -> None:
    assert opens_a_body(name) is body
    assert is_full_name(name) is not body or name == "Nguyễn Phường"


@pytest.mark.parametrize("stand_in", ["CÔNG KHAI, DÂN CHỦ", "Đoàn Cục Kiểm Lâm"])
def test_a_slogan_or_a_bodys_name_where_a_byline_would_stand_signs_no_one(stand_in: str) -> None:
    """A page no person signs: the slogan in capitals or the body's name under the article gives no author."""
    furniture = ["Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED]
    assert authors_from(classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, stand_in, *furniture))) == []


@pytest.mark.parametrize("headline", ["Đổi thay ở Vĩnh An", "Thi hành kỷ luật 28 đảng viên"])
def test_names_and_their_unit_under_a_short_headline_sign_it(headline: str) -> None:
    byline = "Phương Lê - Trung tâm Y tế huyện Phú Bình"  # the byline longer than the headline over it
    lines = classify(page_of(headline, byline, LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert authors_from(lines) == ["Phương Lê"]


@pytest.mark.parametrize(("line", "names"), [
    ("Lò Văn Mạnh - Sở Tư pháp Sơn La", ["Lò Văn Mạnh"]),
    ("Minh Chính, Quang Huy - Báo Phú Thọ", ["Minh Chính", "Quang Huy"]),
    ("Đà Nẵng - Trung tâm sự kiện của châu Á", None),  # a place before the dash: a headline
    ("Võ Nguyên Giáp - Vị tướng của nhân dân", None),  # no unit after the dash
    ("Hội Nông dân - Hội Liên hiệp Phụ nữ", None),  # units on both sides
])
def test_names_over_unit(line: str, names: list[str] | None) -> None:
    rules = boilerplate_rules()
    assert names_over_unit(line, rules.honorifics, rules.units) == names


@pytest.mark.parametrize("byline", [
    "Thu Hằng, Quang Hưng | 12/10/2020 10:03", "Thu Hằng, Quang Hưng - 12/10/2020",
    "12/10/2020 | Thu Hằng - Quang Hưng", "Thu Hằng, Quang Hưng/VOV.VN",
])
def test_two_authors_beside_a_date_or_before_an_outlet_both_sign(byline: str) -> None:
    lines = classify(page_of(TITLE_LINE, byline, LEAD, SECOND))
    assert authors_from(lines) == ["Thu Hằng", "Quang Hưng"]


@pytest.mark.parametrize(("line", "names"), [
    ("Thu Hằng, Quang Hưng", ["Thu Hằng", "Quang Hưng"]),
    ("Kinh Tế, Xã Hội", None),  # a section's name in title case: words no name has
    ("Thu Hằng", None),  # one name is the dateline's own shape
])
def test_listed_names(line: str, names: list[str] | None) -> None:
    assert listed_names(line) == names


@pytest.mark.parametrize(("line", "names"), [
    ("Sóc Trăng - Chặng đường 30 năm", None),  # a province, a dash, words: a headline
    ("THANH HÓA, NGÀY 27/4", None),  # a province, a comma, words: a lead's dateline
    ("Thanh Bình - Sở Y tế Quảng Nam", ["Thanh Bình"]),  # a pen name that is a district's, then her unit
])
def test_a_place_with_words_after_it_names_no_person(line: str, names: list[str] | None) -> None:
    rules = boilerplate_rules()
    assert names_in(line, rules.honorifics, rules.units) == names


def test_a_headline_cut_short_under_the_article_gives_no_author() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "SÓC TRĂNG - CHẶNG", "Tin liên quan", *RELATED))
    record_authors = authors_from(lines)
    assert record_authors == []
    assert all(author_from_dateline(line) is None for line in lines if line.text == "SÓC TRĂNG - CHẶNG")


OTHER_HEADLINES = ["Cần phát huy cách làm mới trong chăm lo Tết cho người lao động",
                   "Sơ kết Cụm thi đua số 1 các tỉnh miền núi khu vực Tây Bắc"]


@pytest.mark.parametrize("above", ["Để dân vận tốt, cán bộ, chiến sĩ Đội Vận động", "[video(20506)]"])
def test_a_name_over_other_articles_headlines_and_a_list_heading_signs_the_article(above: str) -> None:
    # a paragraph cut short or a player's placeholder over the name; under it other articles' links whose
    # own heading the dump lost, then the site's next list: the name is the byline, the links furniture
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, above, "Thu Phương", *OTHER_HEADLINES,
                             "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Thu Phương"]
    assert [x.cls for x in lines if x.text in OTHER_HEADLINES] == [BOILERPLATE, BOILERPLATE]


@pytest.mark.parametrize("credit", ["Theo tuoitre.vn", "Nguồn: Báo Nhân Dân", "Trình bày: Quang Đạt"])
def test_a_name_with_its_source_or_credit_over_other_articles_headlines_signs(credit: str) -> None:
    # the signature goes on under the name (the paper it is taken from, who laid it out), then the links
    # whose heading the dump lost, one of them long: the name still signs the article, the links furniture
    cut = "Để dân vận tốt, cán bộ, chiến sĩ Đội Vận động"
    links = [*OTHER_HEADLINES, "Lễ kết nạp Đảng viên mới khoa Kinh tế và Quản trị kinh doanh",
             "Chào cờ và Sinh hoạt chính trị chuyên đề tháng 3/2019",
             "15 năm thành lập Đảng bộ Tập đoàn Điện lực Việt Nam: Lãnh đạo EVN đảm bảo sứ mệnh cung cấp đủ "
             "điện phục vụ phát triển kinh tế xã hội của đất nước"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, cut, "Thu Phương", credit, *links,
                             "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Thu Phương"]
    assert [x.cls for x in lines if x.text in links] == [BOILERPLATE] * len(links)


def test_a_name_over_a_single_headline_or_a_unit_among_them_signs_nothing() -> None:
    cut = "Để dân vận tốt, cán bộ, chiến sĩ Đội Vận động"
    # one line may be the article's own last (a subheading, a caption): no list of links
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, cut, "Thu Phương", OTHER_HEADLINES[0],
                             "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == [] and next(x for x in lines if x.text == OTHER_HEADLINES[0]).cls == BODY
    # a unit's name among them: the lines are the article's, the name no byline over links
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, cut, "Thu Phương", OTHER_HEADLINES[0],
                             "Hội Nông dân tỉnh", OTHER_HEADLINES[1], "Tin cùng chuyên mục", *RELATED))
    assert "Thu Phương" not in authors_from(lines)


def test_a_name_over_links_one_of_them_stopped_or_long_ends_the_article_above_it() -> None:
    # a listed headline with its full stop, another of 35 words: read as prose, they no longer carry the
    # article on past its byline
    stopped = "Đoàn thị trấn Phú Thịnh: ra quân tình nguyện chỉnh trang khuôn viên Nhà văn hóa khối phố."
    long = ("Kỷ niệm 90 năm thành lập Đảng bộ thành phố Hà Nội (17/3/1930- 17/3/2020): Đảng bộ thành phố Hà "
            "Nội – Không ngừng đổi mới, nâng cao chất lượng toàn diện trong công tác xây dựng Đảng")
    links = [stopped, *OTHER_HEADLINES, long]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "THU PHƯƠNG", *links, "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["THU PHƯƠNG"]
    assert [x.cls for x in lines if x.text in links] == [BOILERPLATE] * 4
    assert next(x for x in lines if x.text == SECOND).cls == BODY


def test_a_name_over_sentences_or_a_single_headline_is_no_byline_over_links() -> None:
    # two sentences on a line are prose; one headline among stopped lines is too few for a list
    prose = "Hội nghị đã thống nhất thông qua nghị quyết. Các đại biểu biểu quyết tán thành."
    single = ["Hội nghị đã thống nhất thông qua nghị quyết về công tác cán bộ.", OTHER_HEADLINES[0]]
    for after in ([OTHER_HEADLINES[0], prose, OTHER_HEADLINES[1]], single):
        lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Thu Phương", *after, "Tin cùng chuyên mục",
                                 *RELATED))
        assert all(x.cls == BODY for x in lines if x.text in after)


def test_an_address_over_other_articles_headlines_signs_nothing() -> None:
    # a town, its district and its province set off by commas: the site's address, shaped like three names
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "[video(20506)]", "Xuân Mai, Chương Mỹ, Hà Nội",
                             *OTHER_HEADLINES, "Tin khác", *RELATED))
    assert authors_from(lines) == []
