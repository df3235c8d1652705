"""The cleaner on pages of sites it has never seen: headline, article span, link lists, bylines, dates."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.clean.bylines import is_addressed_with_post, is_signing_unit, names_in
from pipeline.clean.lines import (
    BODY,
    BOILERPLATE,
    CAPTION,
    META,
    TITLE,
    authors_from,
    boilerplate_rules,
    classify,
    container_authors,
    published_from,
    title_from,
)
from pipeline.clean.title import slug_match, slug_words
from pipeline.engine.stages import process
from pipeline.model import RawArticle
from tests.cleaning_pages import LAST, LEAD, RELATED, SECOND, TITLE_LINE, classes_of, page_of


@pytest.mark.parametrize("chrome", [
    ["VI | EN", "Bỏ qua liên kết"],
    ["Đường dây nóng: 0912 345 678", "Chính trị"],
    ["BÁO QUẢNG TRỊ ĐIỆN TỬ", "Trang chủ > Xây dựng Đảng"],
    ["Banner", "Thứ Hai, 12/04/2021"],
])
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


def test_a_question_is_a_headline_above_the_article() -> None:
    question = "Vì sao nhiều đảng viên trẻ ngại sinh hoạt chi bộ?"
    classes = classes_of(page_of("Xây dựng Đảng", question, LEAD, SECOND))
    assert classes[question] == TITLE and classes["Xây dựng Đảng"] == BOILERPLATE


@pytest.mark.parametrize("marker", [None, "Tin liên quan", "Các bài viết khác"])
def test_a_list_of_headlines_after_the_article_is_boilerplate(marker: str | None) -> None:
    tail = [*([marker] if marker else []), *RELATED, "Bản quyền thuộc về Báo Quảng Trị"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Minh Anh", *tail))
    assert classes[LAST] == BODY and classes["Minh Anh"] == META
    assert all(classes[line] == BOILERPLATE for line in tail)


def _record(text: str, **container: Any) -> dict[str, Any]:
    return process(RawArticle(path="page.txt", text=text, digest="d", **container))


@pytest.mark.parametrize("marker", [None, "Có thể bạn quan tâm"])
def test_a_headline_list_adds_no_figure_or_directive_to_the_record(marker: str | None) -> None:
    article = page_of(TITLE_LINE, "12/04/2021 08:30", LEAD, SECOND, LAST, "Minh Anh")
    tail = page_of(*([marker] if marker else []), *RELATED, "Chia sẻ", "Facebook",
                 "Giấy phép số 41/GP-BTTTT cấp ngày 24/3/2017")
    alone, listed = _record(article), _record(f"{article}\n{tail}")
    for field in ("directives", "figures"):
        assert listed[field] == alone[field], field
    assert {d["id"] for d in listed["directives"]} == {"05-CT/TW"}
    values = {f["value"] for f in listed["figures"]}
    assert not values & {85, 3.5e9, 3.5}  # the other articles' figures stay out
    assert 120 in values and 95 in values
    assert "15-NQ/TU" not in listed["text"] and listed["text"].endswith(LAST)


def test_photo_captions_and_a_table_after_the_last_paragraph_stay_in_the_article() -> None:
    rows = ["Tường gạch đổ sập xuống nền", "Gạch, trần la phông bị đổ chắn lối đi cầu thang",
            "Tài sản trong phòng học bị hư hại", "Khoa học máy tính", "26.2", "Quản trị kinh doanh", "27.15"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, *rows, "Hải Phong"))
    assert all(classes[row] != BOILERPLATE for row in rows if not row[0].isdigit())
    assert classes["Hải Phong"] == META


def test_a_short_last_paragraph_after_captions_is_kept() -> None:
    captions = ["Một phần mái tôn vắt lên tường", "Phòng học toang hoang sau khi mái tôn bị gió cuốn đi",
                "Tường gạch đổ sập xuống nền"]
    ending = "Chúng tôi đang đợi hướng xử lý từ các cơ quan chức năng”, ông Đức nói"
    classes = classes_of(page_of(TITLE_LINE, LEAD, *captions, "Không có học sinh nào bị thương.", ending))
    assert classes["Không có học sinh nào bị thương."] == BODY and classes[ending] == BODY


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


def test_a_tables_header_over_its_numbers_at_the_articles_end_stays() -> None:
    table = ["TT", "Họ và tên đảng viên", "Năm vào Đảng", "1", "Nguyễn Văn An", "1975"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, *table))
    assert classes["TT"] == classes["Họ và tên đảng viên"] == classes["Năm vào Đảng"] == BODY


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


@pytest.mark.parametrize(("line", "published"), [
    ("Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021", "2021-03-30T08:50"),
    ("THỨ HAI, 30/11/2020 12:03:31", "2020-11-30T12:03"),
    ("Xây dựng Đảng | 09/12/2024", "2024-12-09"),
    ("Lượt xem: 123 | 09/12/2024", "2024-12-09"),
    ("Ngày đăng: 09-12-2024 | Lượt xem: 52", "2024-12-09"),
    ("09 tháng 12, 2024", "2024-12-09"),
    ("09 Tháng 12 2024", "2024-12-09"),
    ("Tác giả: Minh Anh - 09/12/2024", "2024-12-09"),
    ("Chính trị - Xã hội - Ngày 09/12/2024", "2024-12-09"),
    ("Cập nhật ngày 09/12/2024 - Lượt xem 1.234", "2024-12-09"),
    ("Đăng ngày 09/12/2024 bởi Minh Anh", "2024-12-09"),
    ("9/12/2024 2:30:00 CH", "2024-12-09T14:30"),
    ("2024/12/09 10:00", "2024-12-09T10:00"),
    ("(09/12/2024). Số lượt xem:2082", "2024-12-09"),
    # the month in words, as WordPress prints dates in Vietnamese and English
    ("Tháng Mười Hai 9, 2024", "2024-12-09"),
    ("9 Tháng mười hai, 2024", "2024-12-09"),
    ("Posted on December 9, 2024", "2024-12-09"),
])
def test_datelines_with_a_section_or_a_weekday(line: str, published: str) -> None:
    lines = classify(page_of(TITLE_LINE, line, LEAD, SECOND))
    assert published_from(lines, None) == published
    assert next(x for x in lines if x.text == line).cls == META


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


@pytest.mark.parametrize("pair", [["Chủ nhật, ngày 08 tháng 12 năm 2024", "16:02 (GMT +7)"],
                                  ["16:02", "08/12/2024"]])
def test_a_time_on_its_own_line_beside_the_date_is_the_publication_time(pair: list[str]) -> None:
    lines = classify(page_of(TITLE_LINE, *pair, LEAD, SECOND))
    assert published_from(lines, None) == "2024-12-08T16:02"
    assert all(x.cls == META for x in lines if x.text in pair)


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


def test_a_span_of_dates_is_not_a_dateline() -> None:
    span = "Nam 20/10/1930 - 20/10/2023."
    wrapped = "Trà Tân kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt"  # a sentence wrapped by hand
    lines = classify(page_of(TITLE_LINE, LEAD, wrapped, span, SECOND))
    assert next(x for x in lines if x.text == span).cls == BODY
    assert published_from(lines, None) is None


def test_of_two_lines_that_spell_the_slug_the_one_nearest_the_article_is_the_headline() -> None:
    url = "https://bao.vn/x/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri.aspx"
    section = "Tin tức - Sự kiện Tin hoạt động"
    classes = classes_of(page_of(TITLE_LINE, section, TITLE_LINE, LEAD, SECOND), url=url)
    assert classes[section] == BOILERPLATE


def test_a_time_alone_inside_the_article_stays_body() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, "Chương trình hội nghị:", "08:00", "Khai mạc", SECOND))
    assert next(x for x in lines if x.text == "08:00").cls == BODY


def test_a_headline_with_a_full_stop_is_the_headline_when_the_url_spells_it() -> None:
    url = "https://bao.vn/x/huyen-uy-so-ket-5-nam-thuc-hien-chi-thi-05-cua-bo-chinh-tri-123.html"
    classes = classes_of(page_of("Trang chủ", f"{TITLE_LINE}.", LEAD, SECOND), url=url)
    assert classes[f"{TITLE_LINE}."] == TITLE
    assert classes[LEAD] == BODY


def test_a_lead_that_repeats_the_slug_stays_body() -> None:
    url = "https://bao.vn/x/ban-thuong-vu-huyen-uy-to-chuc-hoi-nghi-so-ket-5-nam-thuc-hien-chi-thi-05-123.html"
    classes = classes_of(page_of("Trang chủ", LEAD, SECOND), url=url)
    assert classes[LEAD] == BODY


def test_a_lead_with_the_outlet_tag_is_not_the_headline() -> None:
    lead = "(BQT) - Sáng 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05"
    classes = classes_of(page_of("Trang chủ", TITLE_LINE, lead, SECOND))
    assert classes[TITLE_LINE] == TITLE


@pytest.mark.parametrize(("line", "url", "title"), [
    (f"{TITLE_LINE} - Báo Quảng Trị", None, TITLE_LINE),
    (f"{TITLE_LINE} | Quảng Trị", "https://baoquangtri.vn/a.html", TITLE_LINE),
    ("Giao lưu Việt - Lào năm 2024", None, "Giao lưu Việt - Lào năm 2024"),
])
def test_the_site_name_after_the_headline_is_not_the_title(line: str, url: str | None, title: str) -> None:
    record = process(RawArticle(path="x.txt", text=page_of("Trang chủ", line, LEAD, SECOND), url=url))
    assert record["title"] == title


def test_a_dateline_glued_to_the_lead_gives_the_date_and_keeps_the_lead() -> None:
    glued = f"{LEAD} 04:30 GMT+7, Thứ Ba, 27/9/2022"
    lines = classify(page_of(TITLE_LINE, glued, SECOND))
    assert published_from(lines, None) == "2022-09-27T04:30"
    assert next(x for x in lines if x.text == glued).cls == BODY


def test_an_event_date_in_the_body_is_not_the_publication_date() -> None:
    body = "Sáng 4/2/2021, tại Hà Nội, Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị hiệp thương."
    assert published_from(classify(page_of(TITLE_LINE, body, SECOND)), None) is None


@pytest.mark.parametrize("leak", [
    "PublishingPortal - Block_BanTin_ViewData",
    "nguyen van vinh",
    "Đảng bộ thị trấn trao tặng huy hiệu Đảng .jpg",
    "Tăng cỡ chữ Giảm cỡ chữ",
])
def test_leaked_markup_and_widgets_among_the_paragraphs(leak: str) -> None:
    classes = classes_of(page_of(TITLE_LINE, LEAD, leak, SECOND, LAST))
    assert classes[leak] == BOILERPLATE and classes[SECOND] == BODY


def test_a_caption_under_the_lead_photo_is_not_lost() -> None:
    classes = classes_of(page_of(TITLE_LINE, LEAD, "Lãnh đạo huyện trao khen thưởng. Ảnh: D.My", SECOND))
    assert classes["Lãnh đạo huyện trao khen thưởng. Ảnh: D.My"] == CAPTION


def test_the_sites_date_above_the_headline_is_not_the_articles() -> None:
    # a site's header prints today's date; the article's dateline stands under its headline
    header, dateline = "Thứ tư, ngày 24 tháng 4 năm 2024", "Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31"
    lines = classify(page_of(header, TITLE_LINE, dateline, LEAD, SECOND))
    assert published_from(lines, None) == "2023-01-24T10:31"


def test_the_sites_clock_above_the_headline_gives_way_to_the_dateline_under_it() -> None:
    # the header's date carries the clock too; the line right under the headline is the article's
    header, dateline = "Thứ Hai, 15/04/2024 17:03 (GMT +7)", "Thứ 4, 21/02/2024 | 21:43:00 (GMT +7)"
    lines = classify(page_of(header, TITLE_LINE, dateline, LEAD, SECOND))
    assert published_from(lines, None) == "2024-02-21T21:43"
    # with nothing dated under the headline, the date above it is the article's
    lines = classify(page_of(dateline, TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) == "2024-02-21T21:43"


def test_a_dateline_above_the_headline_is_the_articles_when_it_is_the_only_one() -> None:
    lines = classify(page_of("Thứ ba, ngày 24 tháng 1 năm 2023", TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) == "2023-01-24"


def test_a_name_the_sites_host_spells_signs_no_article() -> None:
    text = page_of(TITLE_LINE, LEAD, SECOND, "Mạng Y Tế", "Tin cùng chuyên mục", *RELATED)
    assert authors_from(classify(text, url="https://amp.mangyte.vn/news-1.html")) == []
    assert authors_from(classify(text, url="https://baoxyz.vn/news-1.html")) == ["Mạng Y Tế"]


def test_the_line_under_a_byline_name_is_its_unit_not_the_headline() -> None:
    headline = ("Đấu tranh phản bác âm mưu, thủ đoạn chống phá của các thế lực thù địch trên lĩnh vực tư "
                "tưởng, lý luận trong giai đoạn hiện nay")
    lines = classify(page_of("Chủ nhật, ngày 26/12/2021, 10:02", headline, "LÊ THỊ CHIÊN",
                           "Học viện Chính trị quốc gia Hồ Chí Minh", LEAD, SECOND))
    assert title_from(lines, None) == headline
    assert authors_from(lines) == ["LÊ THỊ CHIÊN"]


def test_a_kicker_of_names_with_a_colon_is_not_the_first_paragraph() -> None:
    kicker = "Hội NCT TP Phú Quốc, tỉnh Kiên Giang:"
    classes = classes_of(page_of(kicker, TITLE_LINE, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[kicker] == BOILERPLATE
    # a sentence that introduces a list stays the article's
    intro = "Giá vé sau khi điều chỉnh tại các bến xe trong tỉnh như sau:"
    classes = classes_of(page_of(TITLE_LINE, intro, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[intro] == BODY


def test_under_the_dateline_a_photo_caption_is_not_the_headline() -> None:
    caption = "Lễ hội Đền Hùng với nhiều nghi lễ và hoạt động phong phú"
    lines = classify(page_of(TITLE_LINE, "Ngày đăng: 23/12/2024", caption, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE
    # with no headline-shaped line above it, the line under the dateline is the headline
    lines = classify(page_of("Ngày đăng: 23/12/2024", TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) == TITLE_LINE


def test_a_headline_with_a_full_stop_printed_again_under_the_lead_is_the_headline() -> None:
    headline = "Đoàn thị trấn ra quân tình nguyện chỉnh trang khuôn viên Nhà văn hóa khối phố."
    lead = ("Ngày 7-3, nhân dịp tháng thanh niên, Đoàn Thanh niên thị trấn tổ chức chỉnh trang nhà văn hóa "
            "khối phố")
    lines = classify(page_of(headline, "Thứ hai - 08/03/2021 10:21", lead, headline, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines if x.text == lead] == [BODY]
    assert [x.cls for x in lines if x.text == headline] == [TITLE, BOILERPLATE]
    # a caption echoed right under itself is no headline printed again
    caption = "Toàn cảnh hội nghị sơ kết tại hội trường Huyện ủy."
    lines = classify(page_of(caption, caption, TITLE_LINE, LEAD, SECOND))
    assert title_from(lines, None) != caption


def test_a_headline_printed_whole_then_broken_over_lines() -> None:
    pieces = ["BỐI CẢNH HỌC TẬP CỦA BẢO TÀNG – PHÂN TÍCH", "TỪ TRƯNG BÀY NGHỀ THỦ CÔNG TRUYỀN THỐNG",
              "Ở BẢO TÀNG THÀNH PHỐ HỒ CHÍ MINH"]
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
    lines = classify(page_of(f"{TITLE_LINE} - {site}", TITLE_LINE, "Đăng ngày: 13/09/2022", LEAD, SECOND,
                           "Tin liên quan", *RELATED, site.upper()))
    assert title_from(lines, None) == TITLE_LINE
    # an unknown tail after a dash, printed nowhere else, stays in the headline
    lines = classify(page_of(f"{TITLE_LINE} - góc nhìn từ cơ sở", LEAD, SECOND))
    assert title_from(lines, None) == f"{TITLE_LINE} - góc nhìn từ cơ sở"



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


def test_keywords_closing_an_abstract_are_body_and_a_tag_list_is_not() -> None:
    keywords = "Từ khóa: tín dụng chính sách, hộ nghèo, an sinh xã hội"
    lines = classify(page_of(TITLE_LINE, "Tóm tắt:", LEAD, keywords, SECOND, "Tin liên quan", *RELATED))
    assert next(x for x in lines if x.text == keywords).cls == BODY
    # the same line at the end of a page with no abstract is the site's tag list
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, keywords, "Tin liên quan", *RELATED))
    assert next(x for x in lines if x.text == keywords).cls == BOILERPLATE


def test_a_dashed_list_of_headlines_before_the_footer_is_boilerplate_but_dashed_tasks_are_body() -> None:
    listed = ["- " + headline for headline in RELATED]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, *listed, "Giấy phép số 98/GP-BTTTT"))
    assert {x.cls for x in lines if x.text in listed} == {BOILERPLATE}
    # a dashed list of the article's own tasks ends its items like sentences: body
    tasks = ["- Tăng cường công tác tuyên truyền trong cán bộ, đảng viên;",
             "- Rà soát, bổ sung quy hoạch cán bộ các cấp."]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, *tasks, "Giấy phép số 98/GP-BTTTT"))
    assert {x.cls for x in lines if x.text in tasks} == {BODY}


def test_a_headline_in_capitals_wrapped_over_two_lines_under_its_whole_copy_is_a_copy() -> None:
    whole = "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH LẦN THỨ V NHIỆM KỲ 2020-2025"
    pieces = ["HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH LẦN", "THỨ V NHIỆM KỲ 2020-2025"]
    lines = classify(page_of(whole, *pieces, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert title_from(lines, None) == whole
    assert {x.cls for x in lines if x.text in pieces} == {BOILERPLATE}


def test_the_site_name_over_its_address_at_the_foot_closes_the_furniture() -> None:
    listed = ["Bệnh viện tiếp nhận 500 bộ sinh phẩm xét nghiệm",
              "Công đoàn tổ chức hội thao chào mừng ngày 8/3"]
    footer = ["TRUNG TÂM Y TẾ HUYỆN ĐAN PHƯỢNG", "Số 12 Trần Phú, thị trấn Phùng, huyện Đan Phượng, Hà Nội"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Tin tức - Sự kiện", *listed, *footer))
    assert {x.cls for x in lines if x.text in [*listed, *footer]} == {BOILERPLATE}
    # names after a comma are no address, and without the address the lines stay the article's
    names = "Nguyễn Văn An, Trần Thị Bình, Lê Cường"
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, names))
    assert next(x for x in lines if x.text == names).cls != BOILERPLATE


def test_a_long_headline_in_capitals_with_a_full_stop_heading_the_page_is_its_title() -> None:
    headline = ("HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN "
                "LẦN THỨ XX, NHIỆM KỲ 2020 – 2025.")
    lines = classify(page_of(headline, LEAD, SECOND, "Tin liên quan", *RELATED))
    assert title_from(lines, None) == headline
    assert [x.cls for x in lines if x.text in (LEAD, SECOND)] == [BODY, BODY]


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


def test_a_first_paragraph_cut_before_its_full_stop_is_no_headline_when_a_number_ends_a_sentence() -> None:
    cut = ("Ngày 7.2, Đảng bộ Sở Y tế tổ chức Hội nghị Ban Chấp hành lần thứ 27. Dự và chủ trì Hội nghị có "
           "đồng chí Bí thư Đảng ủy cùng các đồng chí là ủy viên Ban Chấp hành Đảng bộ")
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


def test_a_piece_of_a_wrapped_sentence_opening_with_a_source_word_in_lowercase_is_no_source_line() -> None:
    said = '"Chúng tôi đang tập hợp đơn gửi lên Ban giám đốc để có hướng xử lý theo quy định",'
    piece = "nguồn tin này cho hay."
    after = "Theo đó, kể từ ngày 19/4 đến nay, có khoảng 500 người dân nộp đơn tố cáo."
    page = page_of(TITLE_LINE, LEAD, said, piece, after, SECOND, "Hoàng Thuận", "Tin liên quan", *RELATED)
    lines = classify(page)
    assert [x.cls for x in lines if x.text in (piece, after, SECOND)] == [BODY, BODY, BODY]
    assert authors_from(lines) == ["Hoàng Thuận"]
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, "Theo Báo Nhân Dân", "Tin liên quan", *RELATED))
    assert next(x for x in lines if x.text == "Theo Báo Nhân Dân").cls == META


def test_menu_items_glued_together_are_chrome_but_a_brand_in_camel_case_is_no_menu() -> None:
    menu = "Trang chủTin tứcVideo"
    subheading = "LienVietPostBank và VinFast đẩy mạnh chuyển đổi số"
    piece = "quan trọng nhất, LienVietPostBank đang tập trung đầu tư hạ tầng mạng lưới, đặc biệt"
    lines = classify(page_of(menu, TITLE_LINE, LEAD, subheading, SECOND, piece, LAST, "Tin liên quan",
                             *RELATED))
    assert next(x for x in lines if x.text == menu).cls == BOILERPLATE
    assert [x.cls for x in lines if x.text in (subheading, piece)] == [BODY, BODY]


def test_a_name_after_the_end_mark_of_the_last_paragraph_signs_and_the_paragraph_stays_body() -> None:
    last = SECOND.rstrip(".") + "./. Ngọc Quân"
    lines = classify(page_of(TITLE_LINE, LEAD, last, "Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == ["Ngọc Quân"]
    assert next(x for x in lines if x.text == last).cls == BODY
    # a sentence after the end mark is no byline
    last = SECOND.rstrip(".") + "./. Xem thêm các tin khác"
    lines = classify(page_of(TITLE_LINE, LEAD, last, "Ý kiến bạn đọc", "Tin cùng chuyên mục", *RELATED))
    assert authors_from(lines) == []


def test_a_caption_again_without_its_full_stop_is_its_copy() -> None:
    caption = "Đội cồng chiêng xã Vĩnh An luôn duy trì luyện tập"
    classes = classes_of(page_of(TITLE_LINE, LEAD, f"{caption}.", caption, SECOND))
    assert classes[f"{caption}."] == CAPTION and classes[caption] == BOILERPLATE
    assert classes[LEAD] == classes[SECOND] == BODY


@pytest.mark.parametrize(("text", "signs"), [
    ("Đài Kim Bảng", True), ("Phòng Công tác Sinh viên", True), ("Ban Mai", False), ("Minh Anh", False)])
def test_a_unit_signs_alone_with_words_enough(text: str, signs: bool) -> None:
    assert is_signing_unit(text, boilerplate_rules().units) is signs


@pytest.mark.parametrize("label", ["Sự kiện", "'70", "Chia sẻ bài"])
def test_a_short_label_between_the_headline_and_the_lead_is_chrome(label: str) -> None:
    classes = classes_of(page_of("Trang chủ", TITLE_LINE, label, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[label] == BOILERPLATE
    assert classes[LEAD] == classes[SECOND] == BODY


@pytest.mark.parametrize("heading", ["TÓM TẮT:", "I. MỤC ĐÍCH", "Đặt vấn đề:"])
def test_the_articles_own_heading_above_its_lead_stays(heading: str) -> None:
    classes = classes_of(page_of(TITLE_LINE, heading, LEAD, SECOND))
    assert classes[heading] == BODY and classes[LEAD] == BODY


def test_a_long_notice_above_the_breadcrumb_is_not_the_lead() -> None:
    notice = ("Thời gian làm việc: Khám bệnh: 7h-16h (Thứ 2-Thứ 6), 7h-12h (Sáng thứ 7), trừ nghỉ lễ ----- "
              "Tiếp "
              "nhận cấp cứu và điều trị nội trú 24/7, kể cả nghỉ lễ, tại tất cả các khoa phòng của bệnh viện")
    slogan = "CHẤT LƯỢNG HÀNG ĐẦU - PHÁT TRIỂN CHUYÊN SÂU"
    crumb = "Bệnh viện tỉnh > TIN TỨC > Tin y tế"
    classes = classes_of(page_of(slogan, notice, slogan, crumb, TITLE_LINE, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[notice] == BOILERPLATE
    assert classes[LEAD] == classes[SECOND] == BODY


def test_a_lead_over_a_line_of_arrows_in_the_article_stays() -> None:
    flow = "Tiếp nhận > Thẩm định > Trả kết quả"
    classes = classes_of(page_of(TITLE_LINE, LEAD, flow, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[LEAD] == classes[SECOND] == BODY


def test_the_date_above_the_sites_hotline_is_its_clock() -> None:
    top = ["Thứ tư 04/02/2026 17:50", "Hotline: 024.355.63.010", "Email: bbt@gmail.com", "Hoạt động Hội"]
    lines = classify(page_of(*top, TITLE_LINE, LEAD, SECOND))
    assert next(x for x in lines if x.text == top[0]).cls == BOILERPLATE
    assert published_from(lines, None) is None
    assert published_from(classify(page_of(top[0], TITLE_LINE, LEAD, SECOND)), None) == "2026-02-04T17:50"


def test_a_byline_over_its_unit_and_the_lead_when_the_headline_is_not_printed() -> None:
    # the container gives the headline (HTML <title>), the page prints only the dateline and the byline
    text = page_of("Thứ hai, 11 Tháng 12 2023 16:03", "ThS LÊ VĂN CƯỜNG", "Học viện Chính trị, Bộ Quốc phòng",
                   LEAD, SECOND)
    assert authors_from(classify(text, title=TITLE_LINE)) == ["LÊ VĂN CƯỜNG"]


def test_the_headline_over_a_lead_that_lost_its_drop_capital() -> None:
    lead = "ại " + LEAD[1:]  # a dump lost the lead's drop capital with its first letter
    lines = classify(page_of(TITLE_LINE, lead, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE


def test_a_sentence_wrapped_by_a_dump_gives_no_headline_piece() -> None:
    wrapped = ["Ngày 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện", "Chỉ thị 05-CT/TW"
               " của Bộ Chính trị về đẩy mạnh học tập và làm theo Bác.".lower()]
    lines = classify(page_of(*wrapped, SECOND, LAST))
    assert title_from(lines, None) != wrapped[0]


def test_a_long_first_line_without_a_stop_is_body_where_the_paragraphs_lack_stops_too() -> None:
    first = ("Được sự cho phép của Đảng ủy xã, sáng nay, ngày 21 tháng 1 năm 2020 chi bộ trường mầm non "
             "tổ chức "
             "Đại hội chi bộ lần thứ II nhiệm kỳ 2020-2022 với sự tham dự của toàn thể đảng viên")
    second = ("Đại hội đã đi sâu kiểm điểm tình hình thực hiện nhiệm vụ nhiệm kỳ qua, rút ra bài học kinh "
              "nghiệm làm cơ sở để đề ra phương hướng, nhiệm vụ và những giải pháp cho nhiệm kỳ tới")
    lines = classify(page_of(first, second, LAST))
    assert title_from(lines, None) is None
    assert next(x for x in lines if x.text == first).cls == BODY


@pytest.mark.parametrize("unit", ["Chi bộ Trường MN Kim Đồng", "Công đoàn Sở Y tế", "Đảng bộ xã Hưng Vũ"])
def test_a_party_cell_or_a_union_signs_with_no_person(unit: str) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, f"Tác giả: {unit}", "Những tin cũ hơn"))
    assert authors_from(lines) == []


@pytest.mark.parametrize("stamp", [
    "Lần cập nhật cuối lúc Thứ sáu, 31 Tháng 12 2021 15:20",
    "Cập nhật lần cuối: 05/01/2022 09:12",
    "Last Updated on Friday, 31 December 2021 15:20",
])
def test_a_last_modified_stamp_is_chrome_and_no_published_date(stamp: str) -> None:
    """When the page was last edited is not when the article was published (Joomla's footer stamp)."""
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, stamp))
    assert next(x for x in lines if x.text == stamp).cls == BOILERPLATE
    assert published_from(lines, None) is None
    dated = classify(page_of(TITLE_LINE, "09/12/2024 10:00", LEAD, SECOND, stamp))
    assert published_from(dated, None) == "2024-12-09T10:00"


def test_a_long_headline_read_as_prose_under_the_sites_masthead_in_capitals() -> None:
    """A headline too long to be shaped as one, under the site's name in capitals: the headline, not
    the masthead's last line; a long first line ending with a full stop there stays the lead."""
    headline = ("Ủy ban MTTQ Việt Nam Phường 7 tổ chức Hội nghị tiếp xúc cử tri sau kỳ họp thứ 17 HĐND "
                "Quận 5 và sau kỳ họp thứ 14 HĐND Phường 7")
    masthead = ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH"]
    lines = classify(page_of(*masthead, headline, LEAD, SECOND, LAST))
    assert title_from(lines, None) == headline
    assert all(x.cls == BOILERPLATE for x in lines if x.text in masthead)
    stopped = classify(page_of(*masthead, headline + ".", LEAD, SECOND, LAST))
    assert next(x for x in stopped if x.text == headline + ".").cls == BODY


def test_a_communes_portal_signed_with_the_communes_name_has_no_author() -> None:
    """The signature names the place whose portal the page is (its footer in capitals prints it after
    "xã", tone marks aside); a person's name the footer does not print stays the author."""
    footer = "TRANG THÔNG TIN ĐIỆN TỬ XÃ HOẰNG XUÂN - HUYỆN HOẰNG HÓA"
    tail = ["Tin liên quan", *RELATED, footer]
    assert authors_from(classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hoàng Xuân", *tail))) == []
    signed = classify(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Hoàng Thu", *tail))
    assert authors_from(signed) == ["Hoàng Thu"]


def test_a_headline_in_capitals_wrapped_over_two_lines_is_one_title() -> None:
    lines = classify(page_of("Giới thiệu", "Ngày 26-04-2014", "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ THÁI NGUYÊN",
                             "50 NĂM MỘT CHẶNG ĐƯỜNG", LEAD, SECOND))
    assert title_from(lines, None) == "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ THÁI NGUYÊN 50 NĂM MỘT CHẶNG ĐƯỜNG"
    # the article's first heading, numbered, is no piece of the headline; nor a byline in capitals
    for under in ("I. MỤC ĐÍCH", "NGUYỄN VĂN AN"):
        lines = classify(page_of("HỘI NGHỊ SINH VIÊN NGHIÊN CỨU KHOA HỌC 2021-2022", under, LEAD, SECOND))
        assert title_from(lines, None) == "HỘI NGHỊ SINH VIÊN NGHIÊN CỨU KHOA HỌC 2021-2022"


@pytest.mark.parametrize(("line", "addressed"), [
    ("Đồng chí Vũ Thế Kỳ -Trưởng ban đại diện hội người cao tuổi thành phố phát biểu", True),
    ("Th.S Nguyễn Quốc Thới – Giảng viên nghề Điện công nghiệp hướng dẫn sinh viên", True),
    ("Ông Nguyễn Văn An - Giám đốc Sở Y tế", True),
    ("Sóc Trăng - Chặng đường 25 năm xây dựng và phát triển", False),  # a place, no one addressed
    ("Bí thư Tỉnh ủy Nguyễn Văn An thăm và làm việc tại huyện Phú Giáo", False),  # the post first
    ("Ông Nguyễn Văn An: Người giữ lửa nghề gốm Bát Tràng", False),  # a colon: a headline's shape
])
def test_a_person_addressed_with_a_dash_and_the_post_is_a_caption_shape(line: str, addressed: bool) -> None:
    rules = boilerplate_rules()
    assert is_addressed_with_post(line, rules.address, rules.honorifics) is addressed
