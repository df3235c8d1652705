"""The headline on pages of sites the cleaner has never seen: the chrome above it, the URL's slug, captions,
leads and wrapped or capitals headlines."""

from __future__ import annotations

import textwrap

import pytest

from pipeline.clean.bylines import is_addressed_with_post
from pipeline.clean.headline import opens_on_lead_day
from pipeline.clean.lines import (
    BODY,
    BOILERPLATE,
    META,
    TITLE,
    authors_from,
    boilerplate_rules,
    classify,
    published_from,
    title_from,
)
from pipeline.clean.published import is_month_and_year
from pipeline.clean.shapes import is_breadcrumb, letters_only_ascii
from pipeline.clean.structure import wrap_width
from pipeline.clean.title import scored_title, slug_match, slug_words, split_glued_dateline
from pipeline.engine.stages import process
from pipeline.model import RawArticle
from tests.cleaning_pages import LAST, LEAD, RELATED, SECOND, TITLE_LINE, classes_of, page_of


@pytest.mark.parametrize(
    "chrome",
    [
        ["VI | EN", "Bỏ qua liên kết"],
        ["Đường dây nóng: 0912 345 678", "Chính trị"],
        ["BÁO QUẢNG TRỊ ĐIỆN TỬ", "Trang chủ > Xây dựng Đảng"],
        ["Banner", "Thứ Hai, 12/04/2021"],
    ],
)
def test_the_headline_is_not_the_chrome_above_it(chrome: list[str]) -> None:
    classes = classes_of(page_of(*chrome, TITLE_LINE, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE
    assert all(classes[line] != TITLE for line in chrome)
    assert classes[LEAD] == classes[SECOND] == BODY


def test_the_url_slug_names_the_headline_among_lines_shaped_like_one() -> None:
    url = "https://baoquangtri.vn/xay-dung-dang/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri-1.htm"
    section = "Đảng bộ huyện Gio Linh học tập và làm theo Bác"  # headline-shaped, and nearer the body
    classes = classes_of(page_of(TITLE_LINE, section, LEAD, SECOND), url=url)
    assert classes[TITLE_LINE] == TITLE and classes[section] == BODY
    assert slug_words("https://vietnam.vn/neo-ve-nguon-coi") == ["neo", "ve", "nguon", "coi"]
    assert slug_match(slug_words("https://x.vn/tin-tuc/dang-bo-da-nang-12345.html"), "Đảng bộ Đà Nẵng") == 1.0
    assert slug_words("https://x.vn/viewer.aspx?id=221378") == []  # no slug: the shape decides
    # a short slug is as often a section's name: it must spell the whole line
    section_slug = slug_words("https://x.gov.vn/chi-tiet-bai-viet/-/asset_publisher/aB1/content/id/1428")
    assert slug_match(section_slug, "Chi tiết bài viết Tin tức") == 0.0
    assert slug_match(slug_words("https://vietnam.vn/neo-ve-nguon-coi"), "Nẻo về nguồn cội") == 1.0


def test_a_page_that_starts_with_its_lead_has_no_headline() -> None:
    lines = classify(page_of(LEAD, SECOND, LAST))
    assert [line.cls for line in lines] == [BODY, BODY, BODY]


@pytest.mark.parametrize("english", ["Skip to main content", "Welcome to Yen Bai Portal"])
def test_a_line_in_english_over_a_page_cut_in_mid_article_is_no_headline(english: str) -> None:
    lines = classify(page_of(english, LEAD, SECOND, LAST))
    assert title_from(lines, None) is None
    assert classes_of(page_of(english, TITLE_LINE, LEAD, SECOND))[TITLE_LINE] == TITLE


@pytest.mark.parametrize("heading", ["1. Sổ tay Đảng viên là gì?", "I. CHỦ TRƯƠNG SẮP XẾP ĐƠN VỊ HÀNH CHÍNH"])
def test_a_numbered_section_heading_over_a_page_cut_in_mid_article_is_body(heading: str) -> None:
    lines = classify(page_of("Trang chủ", heading, LEAD, SECOND, LAST))
    assert title_from(lines, None) is None
    assert {line.text: line.cls for line in lines}[heading] == BODY


@pytest.mark.parametrize("label", ["Tháng Ba 2024", "Tháng 3 năm 2024", "tháng 12/2023", "March 2024"])
def test_a_month_and_its_year_alone_is_a_calendars_label_no_headline_no_body(label: str) -> None:
    lines = classify(page_of("Trang chủ", label, LEAD, SECOND, LAST))
    assert title_from(lines, None) is None
    assert {line.text: line.cls for line in lines}[label] == BOILERPLATE
    assert classes_of(page_of(label, TITLE_LINE, LEAD, SECOND))[TITLE_LINE] == TITLE
    assert not is_month_and_year("Tháng Ba 2024 sôi động")  # a headline that opens with a month


def test_a_page_cut_in_mid_sentence_has_no_headline_though_its_lead_restates_the_piece() -> None:
    cut = "giao 104 căn nhà Đại đoàn kết cho hộ nghèo trên địa bàn huyện."
    lead = (
        "Ngày 12/4, Ủy ban MTTQ huyện bàn giao 104 căn nhà Đại đoàn kết cho hộ nghèo trên địa bàn "
        "huyện, mỗi căn nhà được hỗ trợ 50 triệu đồng từ Quỹ Vì người nghèo."
    )
    lines = classify(page_of(cut, lead, SECOND, LAST))
    assert title_from(lines, None) is None
    assert [line.cls for line in lines] == [BODY] * 4


def test_a_page_without_prose_cut_in_mid_sentence_has_no_headline() -> None:
    lines = classify(page_of("học Nông nghiệp Việt Nam", "Các dạng bài đăng", "Quy trình phản biện"))
    assert title_from(lines, None) is None
    assert lines[0].cls == BODY


def test_a_question_is_a_headline_above_the_article() -> None:
    question = "Vì sao nhiều đảng viên trẻ ngại sinh hoạt chi bộ?"
    classes = classes_of(page_of("Xây dựng Đảng", question, LEAD, SECOND))
    assert classes[question] == TITLE and classes["Xây dựng Đảng"] == BOILERPLATE


def test_of_two_lines_that_spell_the_slug_the_one_nearest_the_article_is_the_headline() -> None:
    url = "https://bao.vn/x/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri.aspx"
    section = "Tin tức - Sự kiện Tin hoạt động"
    classes = classes_of(page_of(TITLE_LINE, section, TITLE_LINE, LEAD, SECOND), url=url)
    assert classes[section] == BOILERPLATE


def test_a_headline_with_a_full_stop_is_the_headline_when_the_url_spells_it() -> None:
    url = "https://bao.vn/x/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri-123.html"
    classes = classes_of(page_of("Trang chủ", f"{TITLE_LINE}.", LEAD, SECOND), url=url)
    assert classes[f"{TITLE_LINE}."] == TITLE
    assert classes[LEAD] == BODY


def test_a_lead_that_repeats_the_slug_stays_body() -> None:
    url = (
        "https://bao.vn/x/ban-thuong-vu-huyen-uy-to-chuc-hoi-nghi-so-ket-5-nam-thuc-hien-chi-thi-05-123.html"
    )
    classes = classes_of(page_of("Trang chủ", LEAD, SECOND), url=url)
    assert classes[LEAD] == BODY


def test_a_lead_with_the_outlet_tag_is_not_the_headline() -> None:
    lead = "(BQT) - Sáng 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05"
    classes = classes_of(page_of("Trang chủ", TITLE_LINE, lead, SECOND))
    assert classes[TITLE_LINE] == TITLE


@pytest.mark.parametrize(
    ("line", "url", "title"),
    [
        (f"{TITLE_LINE} - Báo Quảng Trị", None, TITLE_LINE),
        (f"{TITLE_LINE} | Quảng Trị", "https://baoquangtri.vn/a.html", TITLE_LINE),
        ("Giao lưu Việt - Lào năm 2024", None, "Giao lưu Việt - Lào năm 2024"),
    ],
)
def test_the_site_name_after_the_headline_is_not_the_title(line: str, url: str | None, title: str) -> None:
    record = process(RawArticle(path="x.txt", text=page_of("Trang chủ", line, LEAD, SECOND), url=url))
    assert record["title"] == title


def test_under_the_dateline_a_photo_caption_is_not_the_headline() -> None:
    caption = "Lễ hội Đền Hùng với nhiều nghi lễ và hoạt động phong phú"
    lines = classify(page_of(TITLE_LINE, "Ngày đăng: 23/12/2024", caption, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE
    # with no headline-shaped line above it, the line under the dateline is the headline
    lines = classify(page_of("Ngày đăng: 23/12/2024", TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE


def test_a_headline_with_a_full_stop_printed_again_under_the_lead_is_the_headline() -> None:
    headline = "Đoàn thị trấn ra quân tình nguyện chỉnh trang khuôn viên Nhà văn hóa khối phố."
    lead = (
        "Ngày 7-3, nhân dịp tháng thanh niên, Đoàn Thanh niên thị trấn tổ chức chỉnh trang nhà văn hóa "
        "khối phố"
    )
    lines = classify(page_of(headline, "Thứ hai - 08/03/2021 10:21", lead, headline, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines if x.text == lead] == [BODY]
    assert [x.cls for x in lines if x.text == headline] == [TITLE, BOILERPLATE]
    # a caption echoed right under itself is no headline printed again
    caption = "Toàn cảnh hội nghị sơ kết tại hội trường Huyện ủy."
    lines = classify(page_of(caption, caption, TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) != caption


def test_a_headline_printed_again_without_its_full_stop_is_the_headline() -> None:
    # the page prints its headline with a full stop, then again as its photo's caption without it
    headline = (
        "Các công đoàn cơ sở tổ chức trao danh hiệu Công nhân ưu tú năm 2021 cho những người lao "
        "động tiêu biểu trong sản xuất."
    )
    lead = (
        "Nhân kỷ niệm 92 năm ngày thành lập ngành cao su Việt Nam, nhằm tuyên dương những công nhân "
        "lao động tiêu biểu trong sản xuất, công đoàn tổ chức lễ trao danh hiệu cho 40 người."
    )
    lines = classify(page_of(headline, headline, headline.rstrip("."), lead, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines if x.text == lead] == [BODY]
    # a first line said once that narrates ("đã tổ chức"), over a paragraph: a page cut in mid-article
    narrated = headline.replace("tổ chức", "đã tổ chức")
    assert title_from(classify(page_of(narrated, lead, SECOND, LAST)), None) is None


def test_a_section_label_between_the_headline_and_the_lead_is_no_headline() -> None:
    # a long headline without its full stop, the CMS's section label under it, then the lead
    headline = (
        "Tx Dĩ An ngày 14/9: phòng VH&TTX Dĩ An phối hợp cùng hội LHPN TX tổ chức tổng kết 10 năm thi "
        "hành luật phòng chống bạo lực gia đình giai đoạn 2008-2018"
    )
    lines = classify(page_of(headline, "Hoạt động của Thị xã", SECOND, LAST))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines] == [TITLE, BOILERPLATE, BODY, BODY]
    # a headline with a full stop, too long to be read as one by its restating lead alone, over a label
    headline = (
        "Hội Cựu chiến binh huyện: Tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị."
    )
    lead = (
        "Sáng 12/4, Hội Cựu chiến binh huyện tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW "
        "ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh, với sự tham dự của 120 đại biểu là chi hội trưởng các chi hội cơ sở."
    )
    lines = classify(page_of(headline, "Chính quyền - Đoàn thể", lead, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines] == [TITLE, BOILERPLATE, BODY, BODY, BODY]
    # without the label, a sentence that narrates ("đã tổ chức") over a paragraph is a page cut in
    # mid-article; one that narrates nothing, its lead restating it, heads the page
    narrated = headline.replace("Tổ chức", "đã tổ chức")
    assert title_from(classify(page_of(narrated, lead, SECOND, LAST)), None) is None
    assert title_from(classify(page_of(headline, lead, SECOND, LAST)), None) == headline
    # a sub-heading over a paragraph in a page cut in mid-article stays the article's: no line over it
    # reads as a headline (two sentences), and a label as long as a third of the line is a sub-heading
    lines = classify(page_of(SECOND + " " + LAST, "Vài nét khái quát", LEAD, SECOND))
    assert title_from(lines, None) is None
    assert lines[1].cls == BODY


def test_a_headline_printed_whole_then_broken_over_lines() -> None:
    pieces = [
        "BỐI CẢNH HỌC TẬP CỦA BẢO TÀNG – PHÂN TÍCH",
        "TỪ TRƯNG BÀY NGHỀ THỦ CÔNG TRUYỀN THỐNG",
        "Ở BẢO TÀNG THÀNH PHỐ HỒ CHÍ MINH",
    ]
    whole = " ".join(pieces)
    lines = classify(page_of(whole, "01", "'70", *pieces, "Phạm Lan Hương", LEAD, SECOND))
    assert title_from(lines, None) == whole
    assert {line.cls for line in lines if line.text in pieces} == {BOILERPLATE}
    # a line that adds a few words to the headline (a section's name) is not the headline whole
    lines = classify(page_of(f"{TITLE_LINE} Chi bộ", TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE


def test_a_units_name_alone_above_the_article_is_no_headline() -> None:
    lines = classify(page_of("Hội Nông dân tỉnh", LEAD, SECOND))
    assert title_from(lines, None) is None and lines[0].cls == BOILERPLATE  # the page's section
    lines = classify(page_of(TITLE_LINE, "Minh Anh", "Hội Nông dân tỉnh", LEAD, SECOND))
    assert [line.cls for line in lines[:3]] == [TITLE, META, META]  # under a byline, the author's unit
    lines = classify(page_of("Hội Nông dân tỉnh", TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE


def test_the_site_name_the_page_prints_as_its_masthead_is_cut_from_the_title() -> None:
    site = "Tạp chí Khoa học Nông nghiệp Việt Nam"
    lines = classify(
        page_of(
            f"{TITLE_LINE} - {site}",
            TITLE_LINE,
            "Đăng ngày: 13/09/2022",
            LEAD,
            SECOND,
            "Tin liên quan",
            *RELATED,
            site.upper(),
        )
    )
    assert title_from(lines, None) == TITLE_LINE
    # an unknown tail after a dash, printed nowhere else, stays in the headline
    lines = classify(page_of(f"{TITLE_LINE} - góc nhìn từ cơ sở", LEAD, SECOND))
    assert title_from(lines, None) == f"{TITLE_LINE} - góc nhìn từ cơ sở"


def test_a_headline_in_capitals_wrapped_over_two_lines_under_its_whole_copy_is_a_copy() -> None:
    whole = "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH LẦN THỨ V NHIỆM KỲ 2020-2025"
    pieces = ["HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH LẦN", "THỨ V NHIỆM KỲ 2020-2025"]
    lines = classify(page_of(whole, *pieces, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert title_from(lines, None) == whole
    assert {x.cls for x in lines if x.text in pieces} == {BOILERPLATE}


def test_a_long_headline_in_capitals_with_a_full_stop_heading_the_page_is_its_title() -> None:
    headline = (
        "HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN "
        "LẦN THỨ XX, NHIỆM KỲ 2020 – 2025."
    )
    lines = classify(page_of(headline, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines if x.text in (LEAD, SECOND)] == [BODY, BODY]


def test_a_first_paragraph_cut_before_its_full_stop_is_no_headline_when_a_number_ends_a_sentence() -> None:
    cut = (
        "Ngày 7.2, Đảng bộ Sở Y tế tổ chức Hội nghị Ban Chấp hành lần thứ 27. Dự và chủ trì Hội nghị có "
        "đồng chí Bí thư Đảng ủy cùng các đồng chí là ủy viên Ban Chấp hành Đảng bộ"
    )
    lines = classify(page_of(cut, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert title_from(lines, None) is None
    assert next(x for x in lines if x.text == cut).cls == BODY


@pytest.mark.parametrize("end", ["của", "và", "với các", "hoặc", "những"])
def test_a_paragraph_a_dump_broke_after_a_word_that_cannot_end_a_sentence_is_no_headline(end: str) -> None:
    piece = f"Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ ở 4 thôn tổ chức lễ kỷ niệm có sự tham dự {end}"
    rest = "Hội LHPN huyện Đức Linh, lãnh đạo xã và đông đảo hội viên phụ nữ các thôn."
    headline = "KỶ NIỆM NGÀY PHỤ NỮ VIỆT NAM"
    lines = classify(page_of(headline, piece, rest, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert next(x for x in lines if x.text == piece).cls == BODY
    assert title_from(lines, None) == headline
    # a headline may end with a word that also closes a compound ("hiện tại", "trở về", "bên trong")
    for headline in ("Người con xa quê trở về", "Niềm vui của những người ở lại"):
        lines = classify(page_of(headline, LEAD, SECOND, "Tin liên quan", *RELATED))
        assert title_from(lines, None) == headline


def test_the_headline_over_a_lead_that_lost_its_drop_capital() -> None:
    lead = "ại " + LEAD[1:]  # a dump lost the lead's drop capital with its first letter
    lines = classify(page_of(TITLE_LINE, lead, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE


def test_a_sentence_wrapped_by_a_dump_gives_no_headline_piece() -> None:
    wrapped = [
        "Ngày 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện",
        "Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo Bác.".lower(),
    ]
    lines = classify(page_of(*wrapped, SECOND, LAST))
    assert title_from(lines, None) != wrapped[0]


def test_a_long_headline_read_as_prose_under_the_sites_masthead_in_capitals() -> None:
    """A headline too long to be shaped as one, under the site's name in capitals: the headline, not
    the masthead's last line; a long first line ending with a full stop there stays the lead."""
    headline = (
        "Ủy ban MTTQ Việt Nam Phường 7 tổ chức Hội nghị tiếp xúc cử tri sau kỳ họp thứ 17 HĐND "
        "Quận 5 và sau kỳ họp thứ 14 HĐND Phường 7"
    )
    masthead = ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH"]
    lines = classify(page_of(*masthead, headline, LEAD, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert all(x.cls == BOILERPLATE for x in lines if x.text in masthead)
    stopped = classify(page_of(*masthead, headline + ".", LEAD, SECOND, LAST))
    assert next(x for x in stopped if x.text == headline + ".").cls == BODY


def test_a_headline_in_capitals_wrapped_over_two_lines_is_one_title() -> None:
    lines = classify(
        page_of(
            "Giới thiệu",
            "Ngày 26-04-2014",
            "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ THÁI NGUYÊN",
            "50 NĂM MỘT CHẶNG ĐƯỜNG",
            LEAD,
            SECOND,
        )
    )
    assert title_from(lines, None) == "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ THÁI NGUYÊN 50 NĂM MỘT CHẶNG ĐƯỜNG"
    # the article's first heading, numbered, is no piece of the headline; nor a byline in capitals
    for under in ("I. MỤC ĐÍCH", "NGUYỄN VĂN AN"):
        lines = classify(page_of("HỘI NGHỊ SINH VIÊN NGHIÊN CỨU KHOA HỌC 2021-2022", under, LEAD, SECOND))
        assert title_from(lines, None) == "HỘI NGHỊ SINH VIÊN NGHIÊN CỨU KHOA HỌC 2021-2022"


@pytest.mark.parametrize(
    ("line", "addressed"),
    [
        ("Đồng chí Vũ Thế Kỳ -Trưởng ban đại diện hội người cao tuổi thành phố phát biểu", True),
        ("Th.S Nguyễn Quốc Thới – Giảng viên nghề Điện công nghiệp hướng dẫn sinh viên", True),
        ("Ông Nguyễn Văn An - Giám đốc Sở Y tế", True),
        ("Sóc Trăng - Chặng đường 25 năm xây dựng và phát triển", False),  # a place, no one addressed
        ("Bí thư Tỉnh ủy Nguyễn Văn An thăm và làm việc tại huyện Phú Giáo", False),  # the post first
        ("Ông Nguyễn Văn An: Người giữ lửa nghề gốm Bát Tràng", False),  # a colon: a headline's shape
    ],
)
def test_a_person_addressed_with_a_dash_and_the_post_is_a_caption_shape(line: str, addressed: bool) -> None:
    rules = boilerplate_rules()
    assert is_addressed_with_post(line, rules.address, rules.honorifics) is addressed


def test_a_short_article_a_dump_wrapped_over_lines_is_body() -> None:
    # its one paragraph broken where the dump wrapped it: no piece alone is prose, the pieces joined are
    pieces = [
        "Ngày 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05 của",
        "các cấp ủy, với sự tham dự của 120 đại biểu là bí thư các chi bộ, đảng bộ cơ sở trong",
        "huyện.",
    ]
    classes = classes_of(page_of(TITLE_LINE, "Xem với cỡ chữ", *pieces, "Minh Anh", "Bình luận", *RELATED))
    assert classes[" ".join(pieces)] == BODY and classes["Minh Anh"] == META  # joined as one sentence
    assert classes[TITLE_LINE] == TITLE and all(classes[line] == BOILERPLATE for line in RELATED)
    # a headline over a paragraph that lost its drop capital is no piece of it
    lead = "ại " + LEAD[1:]
    assert classes_of(page_of("Tin tức", TITLE_LINE, lead, SECOND))[TITLE_LINE] == TITLE


WRAPPED_LEAD = " ".join(
    [
        "Sáng 4/2, tại Hà Nội, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tổ chức Hội nghị",
        "hiệp thương lần thứ nhất để thỏa thuận về cơ cấu, thành phần, số lượng người của cơ quan, tổ chức ở",
        "Trung ương được giới thiệu ứng cử đại biểu Quốc hội khóa XV. Dự Hội nghị có đại diện Ủy ban Thường",
        "vụ Quốc hội, Chính phủ, Ban Tổ chức Trung ương và Văn phòng Chủ tịch nước.",
    ]
)


@pytest.mark.parametrize("top", [["Tin tức", TITLE_LINE], ["Tin tức"]])
def test_a_lead_a_dump_wrapped_at_a_width_is_body_where_its_pieces_open_with_capitals(top: list[str]) -> None:
    """Wrapped at 72 columns, the lead breaks before "Việt Nam": its first piece stops in mid-name and the
    next opens with a capital, no comma between; each piece but the last fills the width (the next
    line's first word would have overflowed it), so the pieces are one paragraph, never a headline."""
    pieces = textwrap.wrap(WRAPPED_LEAD, 72)
    assert wrap_width([*top, *pieces, SECOND]) == max(len(piece) for piece in pieces[:-1])
    lines = classify(page_of(*top, *pieces, SECOND, "Minh Anh", "Bình luận", *RELATED))
    assert all(line.cls == BODY for line in lines if line.text in pieces)
    assert title_from(lines, None) == (TITLE_LINE if len(top) > 1 else None)


def test_headlines_of_one_length_are_no_dump_wrapped_at_a_width() -> None:
    """Headlines listed under an unwrapped article end near one length too, but the paragraphs run
    longer than it, and none of them ends a sentence: no width, and the list stays furniture."""
    listed = [
        "Tỉnh ủy ban hành Nghị quyết 15-NQ/TU về phát triển kinh tế biển đảo",
        "Huyện Hải Lăng giải ngân 3,5 tỷ đồng hỗ trợ hộ nghèo năm 2024 vừa qua",
        "Kết nạp 85 đảng viên mới trong quý I tại các chi bộ của huyện Gio Linh",
        "Thành phố Đông Hà tổ chức hội nghị sơ kết công tác xây dựng Đảng quý I",
    ]
    assert wrap_width([TITLE_LINE, LEAD, SECOND, LAST, *listed]) is None
    # a blank line above the lead: a dump that wraps starts a paragraph there, the headline stays one
    pieces = textwrap.wrap(WRAPPED_LEAD, 64)
    lines = classify("\n".join([TITLE_LINE, "", "\n".join(pieces), "", SECOND]))
    assert title_from(lines, None) == TITLE_LINE


@pytest.mark.parametrize(
    "crumb", ["Thời sự » Trong tỉnh", "Tin trong tỉnh >> Văn hóa - Xã hội", "Trang chủ > Chính trị"]
)
def test_a_breadcrumb_of_two_sections_is_chrome_never_the_headline(crumb: str) -> None:
    assert is_breadcrumb(crumb)
    classes = classes_of(page_of(crumb, TITLE_LINE, "12/04/2021 08:30", LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[crumb] == BOILERPLATE


@pytest.mark.parametrize(
    "line",
    [
        "Nhiệt độ ngoài trời > 35 độ C trong nhiều ngày",
        "Lãi suất: 5% > 4,5% năm trước",
        "Sơ kết Chỉ thị 05 / 2020",
    ],
)
def test_an_arrow_before_a_number_or_a_lone_slash_is_no_breadcrumb(line: str) -> None:
    assert not is_breadcrumb(line)


def test_a_headline_with_a_full_stop_over_a_breadcrumb_and_its_dateline_heads_the_page() -> None:
    headline = "Hội đồng nhân dân xã tổ chức tiếp xúc cử tri trước kỳ họp thứ 9, nhiệm kỳ 2021-2026."
    dateline = "Đăng lúc: 10:39:22 02/07/2024 (GMT+7)"
    lines = classify(page_of(headline, "Home > Kinh tế", dateline, LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert published_from(lines, None) == "2024-07-02T10:39"


def test_a_headline_with_a_full_stop_over_a_breadcrumb_its_lead_restates_heads_the_page() -> None:
    """No dateline: the lead under the breadcrumb says the line's words again, where a site's notice over
    a breadcrumb shares none of the article's."""
    headline = "Ngân hàng Agribank đồng hành cùng bà con nông dân làm cà phê."
    lead = (
        "Ngân hàng Agribank đã nỗ lực hỗ trợ, đồng hành cùng bà con nông dân các huyện làm cà phê, "
        "tái canh hơn 2.000 ha cà phê già cỗi trong năm qua."
    )
    lines = classify(page_of(headline, "Trang chủ / Tin tức / Kinh tế", lead, SECOND))
    assert title_from(lines, None) == headline
    assert {line.text: line.cls for line in lines}[lead] == BODY


def test_a_longer_headline_with_a_full_stop_that_narrates_nothing_heads_the_page() -> None:
    """Past sixteen words, a first line with a full stop that the longer lead restates is the headline
    when it holds no aspect word ("đã", "vừa", "đang"): headlines leave them out, a lead keeps them."""
    headline = ("Hội Nông dân huyện Tân Phước, tổ chức thành công Đại hội đại biểu Hội Nông dân các xã "
                "nhiệm kỳ 2023- 2028.")
    lead = ("Thực hiện kế hoạch của Ban Thường vụ Hội Nông dân tỉnh, từ ngày 5/6 đến ngày 20/6/2023, "
            "Hội Nông dân huyện Tân Phước đã chỉ đạo 12 xã tổ chức thành công Đại hội đại biểu Hội Nông "
            "dân các xã nhiệm kỳ 2023 - 2028, bầu ra ban chấp hành mới với 96 đồng chí.")
    lines = classify(page_of("• Trang chủ", headline, lead, SECOND))
    assert title_from(lines, None) == headline
    assert {line.text: line.cls for line in lines}[lead] == BODY
    # the same sentence narrating ("vừa tổ chức"): the page's lead, the page cut above its headline
    narrated = headline.replace("tổ chức thành công", "vừa tổ chức thành công")
    assert title_from(classify(page_of("• Trang chủ", narrated, lead, SECOND)), None) is None


def test_a_section_label_in_capitals_above_the_headline_is_no_byline() -> None:
    lines = classify(
        page_of(
            "Thời sự Trong tỉnh",
            "CHÍNH TRỊ",
            TITLE_LINE,
            "23/06/2023 21:41",
            LEAD,
            SECOND,
            "Bài, ảnh: Khánh Duy",
        )
    )
    assert title_from(lines, None) == TITLE_LINE
    assert authors_from(lines) == ["Khánh Duy"]


def test_a_headline_with_a_full_stop_under_a_label_in_capitals_heads_the_page() -> None:
    headline = "Đại hội các chi bộ trực thuộc Đảng bộ Bệnh viện Đa khoa nhiệm kỳ 2022 - 2025."
    lines = classify(page_of("CHÍNH TRỊ", headline, "Đăng lúc: 10:24:33 29/07/2022 (GMT+7)", LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert authors_from(lines) == []


def test_of_two_datelines_over_the_headline_the_one_right_over_it_is_the_articles() -> None:
    lines = classify(
        page_of(
            "Thứ Hai, 15/04/2024 17:03 (GMT +7)",
            "Thứ 4, 21/02/2024 | 21:43:00 (GMT +7)",
            TITLE_LINE,
            LEAD,
            SECOND,
        )
    )
    assert title_from(lines, None) == TITLE_LINE
    assert published_from(lines, None) == "2024-02-21T21:43"


def test_a_byline_under_a_headline_read_as_prose_signs_it_and_is_no_headline() -> None:
    headline = (
        "Sơn La: Sơ kết giai đoạn 1 Đề án thứ tư phát huy vai trò của cơ quan Tư pháp trong "
        "phổ biến, giáo dục pháp luật, nâng cao ý thức chấp hành pháp luật cho cán bộ nhân dân "
        "ở xã, phường, thị trấn trên địa bàn tỉnh"
    )
    lines = classify(page_of(headline, "Lò Văn Mạnh - Sở Tư pháp Sơn La", "25/08/2008", LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert authors_from(lines) == ["Lò Văn Mạnh"]


NOTICE = (
    "Chào mừng quý độc giả đến với trang thông tin điện tử, mọi ý kiến đóng góp xin gửi về hộp thư "
    "của Ban Biên tập."
)


def test_a_notice_of_the_site_over_the_headline_the_url_spells_is_no_lead() -> None:
    url = "https://baoquangtri.vn/tin-tuc/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri-12.html"
    classes = classes_of(page_of(NOTICE, TITLE_LINE, LEAD, SECOND), url=url)
    assert classes[NOTICE] == BOILERPLATE and classes[TITLE_LINE] == TITLE
    assert classes[LEAD] == classes[SECOND] == BODY


def test_a_notice_of_the_site_over_a_headline_and_its_dateline_is_no_lead() -> None:
    classes = classes_of(page_of(NOTICE, TITLE_LINE, "12/04/2021 08:30", LEAD, SECOND))
    assert classes[NOTICE] == BOILERPLATE and classes[TITLE_LINE] == TITLE and classes[LEAD] == BODY


@pytest.mark.parametrize("byline", ["Lò Văn Mạnh", "NGUYÊN ĐOAN |"])
def test_a_notice_of_the_site_over_a_headline_and_its_byline_is_no_lead(byline: str) -> None:
    """No URL, no dateline: a byline under the line says it is the headline, the notice over it the site's."""
    classes = classes_of(page_of(NOTICE, TITLE_LINE, byline, LEAD, SECOND))
    assert classes[NOTICE] == BOILERPLATE and classes[TITLE_LINE] == TITLE and classes[SECOND] == BODY


def test_a_paragraph_over_a_caption_and_the_byline_closing_the_article_stays_the_article() -> None:
    """A page cut in mid-article: its last paragraph, the photo's caption, the byline; no headline."""
    classes = classes_of(page_of(LEAD, "Ảnh minh họa", "ĐỨC BÌNH", SECOND, LAST))
    assert classes[LEAD] == BODY


def test_a_paragraph_over_a_sub_heading_its_next_paragraph_restates_stays_the_article() -> None:
    """A page cut in mid-article: a paragraph, then a sub-heading the paragraph under it restates."""
    restating = (
        "Bình Thuận bắt đầu đón khách từ ngày 24/10. Khi mở cửa, các doanh nghiệp đều lấy an toàn "
        "là tiêu chí hàng đầu, quan trọng."
    )
    classes = classes_of(page_of(NOTICE, "An toàn là tiêu chí hàng đầu", restating, SECOND, LAST))
    assert classes[NOTICE] == BODY


@pytest.mark.parametrize("under", ["Hồng Minh (ghi)", "Huyện ủy sơ kết 5 năm Chỉ thị 05"])
def test_a_lead_over_its_byline_or_its_headline_again_stays_the_article(under: str) -> None:
    url = "https://baoquangtri.vn/tin-tuc/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri-12.html"
    for top, address in (([TITLE_LINE], url), ([TITLE_LINE], None), ([], None)):
        page = page_of(*top, LEAD, under, "Ngày 05 tháng 6 năm 2019", "Bình luận", *RELATED)
        assert classes_of(page, url=address)[LEAD] == BODY


def test_a_lead_over_its_headline_cut_as_a_caption_stays_the_article() -> None:
    """A crawler's content opening on the lead, the headline cut short under it as its photo's caption."""
    url = (
        "https://dantri.com.vn/du-lich/thanh-pho-co-xua-nhat-the-gioi-xay-bang-gach-bun-co-nguy-co-sup-do.htm"
    )
    lead = "Do mưa lũ, những tòa tháp cao trong thành phố hàng trăm năm tuổi có nguy cơ sụp đổ."
    cut = "Thành phố cổ xưa nhất thế giới xây bằng gạch bùn có nguy cơ sụp đổ vĩnh viễ"
    for title in (None, "Thành phố cổ xưa nhất thế giới xây bằng gạch bùn có nguy cơ sụp đổ"):
        assert classes_of(page_of(lead, cut, SECOND, LAST), title=title, url=url)[lead] == BODY


def test_a_first_line_with_a_full_stop_printed_again_under_the_lead_is_the_headline() -> None:
    headline = "Đoàn thị trấn Phú Thịnh: ra quân tình nguyện chỉnh trang khuôn viên Nhà văn hóa khối phố."
    classes = classes_of(page_of(headline, LEAD, headline, SECOND, LAST))
    assert classes[LEAD] == classes[SECOND] == BODY
    assert title_from(classify(page_of(headline, LEAD, headline, SECOND, LAST)), None) == headline


@pytest.mark.parametrize(
    ("line", "published"),
    [
        (f"{TITLE_LINE} 12/04/2021 08:30", "2021-04-12T08:30"),
        (f"12/04/2021 08:30 - {TITLE_LINE}", "2021-04-12T08:30"),
        (f"{TITLE_LINE} | 12/04/2021", "2021-04-12"),
        (f"12/04/2021 - {TITLE_LINE}", "2021-04-12"),
    ],
)
def test_a_dateline_glued_to_the_headline_is_the_page_time(line: str, published: str) -> None:
    lines = classify(page_of("Thứ Hai, 26/04/2024", line, LEAD, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE
    assert published_from(lines, None) == published


@pytest.mark.parametrize(
    "headline",
    [
        "Trường mầm non Tân Lập kỷ niệm ngày nhà giáo Việt Nam 20/11/2024",  # a day the headline speaks of
        "Kỷ niệm 93 năm Ngày thành lập Hội 20/10/1930 - 20/10/2023",
        "(TTV) Nhân rộng những điển hình học tập và làm theo Bác",
    ],
)
def test_a_headline_that_speaks_of_a_day_keeps_it(headline: str) -> None:
    assert split_glued_dateline(headline) == (headline, None)


def test_a_time_in_brackets_the_site_prints_in_its_headline_stays_in_it() -> None:
    headline = "Từ Đại hội đến Đại hội: Đại hội đại biểu lần thứ I Đảng bộ thành phố (10:44 01/10/2020)"
    assert split_glued_dateline(headline) == (headline, None)


def test_a_headline_ending_in_a_term_keeps_it_when_its_dateline_is_glued() -> None:
    headline = "Đại hội Hội Nông dân huyện lần thứ XII, nhiệm kỳ 2023 - 2028"
    assert split_glued_dateline(f"{headline} | 12/04/2021") == (headline, "12/04/2021")


def test_a_dateline_glued_to_a_line_scores_it_as_the_headline_as_one_beside_it_does() -> None:
    other = "Quang cảnh hội nghị sơ kết năm năm tại hội trường huyện nhà"
    texts = [f"{TITLE_LINE} 12/04/2021 08:30", other, LEAD]
    assert scored_title(texts, [0, 1], 2, lambda i, j: sum(i < c < j for c in (0, 1))) == 0


@pytest.mark.parametrize(
    "lead",
    [
        [
            "Ngày 7-3, nhân dịp tháng thanh niên, Đoàn Thanh niên thị trấn Phú Thịnh tổ chức chỉnh trang nhà "
            "văn hóa khối phố Thạnh Đức"
        ],
        [
            "Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ ở 4/4 thôn xã",
            "Trà Tân đều tổ chức lễ kỷ niệm 93 năm Ngày thành lập Hội liên hiệp Phụ nữ Việt",
            "Nam 20/10/1930 - 20/10/2023.",
        ],
    ],
)
def test_a_lead_opening_on_its_day_is_no_headline_on_a_page_cut_above_it(lead: list[str]) -> None:
    rest = (
        "Trong thời gian một ngày, các đoàn viên thanh niên đã lao động vệ sinh, phát quang bụi rậm, "
        "thu gom xử lý rác thải quanh nhà văn hóa và khu dân cư của khối phố.",
        "Đây là việc làm thiết thực, phát huy vai trò xung kích tình nguyện của đoàn viên thanh niên, "
        "cùng chung tay góp sức làm cho khối phố ngày càng xanh sạch đẹp hơn.",
        "Văn Quân",
    )
    lines = classify(page_of(*lead, *rest))
    assert title_from(lines, None) is None
    assert all(line.cls == BODY for line in lines if line.text in lead)


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("Sáng ngày 27-8, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị báo cáo viên", True),
        ("Ngày 28 tháng 11 năm 2015, Chi bộ kết nạp đảng viên mới", True),
        ("Ngày 7-3: Đoàn thị trấn ra quân chỉnh trang nhà văn hóa", False),  # a headline's day, then a colon
        ("Ngày hội văn hóa, thể thao các dân tộc huyện", False),
        ("Kỷ niệm 93 năm Ngày thành lập Hội, ngày 20/10/2023", False),
    ],
)
def test_a_lead_opens_on_its_day_and_a_comma(line: str, lead: bool) -> None:
    assert opens_on_lead_day(line) is lead


@pytest.mark.parametrize("unit", ["PHÒNG TỔ CHỨC - HÀNH CHÍNH", "Phòng Kế hoạch - Tài chính"])
def test_a_units_name_in_two_halves_over_the_lead_is_no_headline(unit: str) -> None:
    classes = classes_of(page_of(unit, LEAD, SECOND))
    assert classes[unit] != TITLE
    assert classes[LEAD] == classes[SECOND] == BODY


@pytest.mark.parametrize("icon", ["date", "calendar_today", "access_time"])
def test_an_icons_name_over_the_dateline_leaves_the_headline_over_it(icon: str) -> None:
    # the shape of https://bodedaotrang.vn/le-an-vi-phat-va-thuong-bang-hieu-tai-chua-phuoc-thanh.html,
    # whose dump prints "date" (its icon's name) between the headline and "05/11/2020"
    lines = classify(page_of(TITLE_LINE, icon, "05/11/2020", LEAD, SECOND, LAST))
    classes = {line.text: line.cls for line in lines}
    assert classes[TITLE_LINE] == TITLE
    assert classes[icon] == BOILERPLATE
    assert published_from(lines, None) == "2020-11-05"


def test_under_the_site_clock_the_dateline_under_an_icons_name_is_the_articles() -> None:
    clock = "Thứ sáu, ngày 26 tháng 04 năm 2024"
    lines = classify(
        page_of(clock, TITLE_LINE, "calendar_today", "Cập nhật lúc 03:36 ngày 10/10/2015", LEAD, SECOND, LAST)
    )
    assert title_from(lines, None) == TITLE_LINE
    assert published_from(lines, None) == "2015-10-10T03:36"


def test_a_lowercase_piece_under_a_line_is_no_dateline_label() -> None:
    from pipeline.clean.title import date_label_over

    texts = ["Huyện ủy tổ chức hội nghị", "date", "05/11/2020", "tổng kết công tác năm", LEAD]
    dated = {2}.__contains__
    assert date_label_over(texts, 1, dated)
    assert not date_label_over(texts, 3, dated)  # a sentence's next piece: four words, nothing dated under it
    assert not date_label_over(["Hội nghị", "date", LEAD], 1, lambda i: False)  # no dateline under the word


HEADLINE_TWICE = "Mừng lễ bổn mạng giáo xứ Vinh Hương"
SUBHEADING = "Lễ sinh nhật thánh Gioan Tẩy Giả - bổn mạng giáo xứ Vinh Hương"


def test_the_line_printed_twice_over_a_subheading_is_the_headline() -> None:
    # the shape of https://gpbanmethuot.vn/sinh-hoat/mung-le-bon-mang-giao-xu-vinh-huong-1379.html: the
    # headline, its dateline, the headline again (the photo's alt text), then a sub-heading over the lead
    lines = classify(
        page_of(
            "TÌM KIẾM",
            HEADLINE_TWICE,
            "Thứ hai - 03/05/2021 03:31 | 1084",
            HEADLINE_TWICE,
            SUBHEADING,
            LEAD,
            SECOND,
            LAST,
        )
    )
    assert title_from(lines, None) == HEADLINE_TWICE
    assert published_from(lines, None) == "2021-05-03T03:31"
    assert {line.text: line.cls for line in lines}[SUBHEADING] == BODY


def test_a_headline_printed_twice_on_one_line_is_its_echo() -> None:
    # the shape of https://lienhiephoiphuyen.com.vn/ban-tin-tri-thuc/nghien-cuu-trao-doi/283-DI-TICH-...html
    headline = "DI TÍCH LỊCH SỬ, VĂN HÓA Ở PHÚ YÊN VỚI HOẠT ĐỘNG DU LỊCH"
    cut = "Qua 5 năm, toàn huyện có 95% cán bộ, đảng viên đăng ký làm theo Bác; nhiều mô hình hay"
    lines = classify(page_of(headline, "27/09/2017 10:41", f"{headline} {headline}", cut, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert {line.text: line.cls for line in lines}[f"{headline} {headline}"] == BOILERPLATE


@pytest.mark.parametrize("label", ["Tin tức", "Kinh tế nông thôn xanh"])
def test_a_label_printed_twice_leaves_the_headline_under_its_dateline(label: str) -> None:
    # a section's label in the menu and the breadcrumb, then the headline with its dateline under it
    lines = classify(page_of(label, label, TITLE_LINE, "12/04/2021 08:30", LEAD, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE


def test_a_short_label_printed_twice_is_no_echoed_headline() -> None:
    lines = classify(page_of("Tin tức", "Tin tức", TITLE_LINE, LEAD, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE


def test_the_headline_again_with_other_marks_is_its_copy() -> None:
    # the shape of https://i-catholic.org/news-feed/p/190878: the headline in capitals, then again with a
    # dash and a full stop over the lead
    headline = "THÁNH LỄ BỔN MẠNG HỘI ĐỒNG MỤC VỤ GIÁO XỨ MỪNG KÍNH THÁNH PHAOLÔ TÔNG ĐỒ TRỞ LẠI"
    again = "THÁNH LỄ BỔN MẠNG HỘI ĐỒNG MỤC VỤ GIÁO XỨ – MỪNG KÍNH THÁNH PHAOLÔ TÔNG ĐỒ TRỞ LẠI."
    classes = classes_of(page_of(headline, again, LEAD, SECOND, LAST))
    assert classes[headline] == TITLE
    assert classes[again] == BOILERPLATE
    assert classes[LEAD] == BODY


def test_a_quoted_headline_leaves_the_line_it_cites_in_the_article() -> None:
    # dantri-2020 #1314: the headline quotes the article's subheading, which stays the article's
    quoted = "“Khi về đến nhà thì tất cả đã bị nước lũ cuốn trôi”"
    subheading = "Khi về đến nhà thì tất cả đã bị nước lũ cuốn trôi"
    classes = {line.text: line.cls for line in classify(page_of(LEAD, SECOND, subheading, LAST), quoted)}
    assert classes[subheading] == BODY


@pytest.mark.parametrize(
    ("text", "only_ascii"),
    [
        ("To chuc Ngay hoi - Anh 1", True),  # an alt text without marks
        ("Hội nghị tổng kết – Ảnh 1", False),
        ("Hello – world", True),  # a non-ASCII dash is no letter
        ("2020 – 2025", False),  # no letter at all
        ("", False),
        ("Café", False),
    ],
)
def test_letters_only_ascii(text: str, only_ascii: bool) -> None:
    assert letters_only_ascii(text) is only_ascii


@pytest.mark.parametrize(
    "aside",
    [
        "(Các sự kiện nổi bật diễn ra từ ngày 04-10/3/2024)",
        "(Tuần thứ 07 từ ngày 09/02/2026 đến ngày 13/02/2026)",
    ],
)
def test_a_line_wholly_in_brackets_under_the_headline_is_no_headline(aside: str) -> None:
    headline = "THÔNG TIN THỜI SỰ TUẦN THỨ 02 THÁNG 03/2024"
    assert title_from(classify(page_of(headline, aside, LEAD, SECOND, LAST)), None) == headline


def test_a_headline_ending_in_brackets_stays_the_headline() -> None:
    headline = "Kỷ niệm 75 năm ngày thành lập ngành Thống kê (06/5/1946 - 06/5/2021)"
    assert title_from(classify(page_of("Trang chủ", headline, LEAD, SECOND, LAST)), None) == headline
