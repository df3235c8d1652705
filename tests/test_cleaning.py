"""The cleaner on pages of sites it has never seen: the article's span, link lists, chrome, captions and dates
(headlines: test_cleaning_titles.py; bylines: test_cleaning_bylines.py)."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from pipeline.clean.lines import (
    BODY,
    BOILERPLATE,
    CAPTION,
    META,
    TITLE,
    authors_from,
    classify,
    published_from,
    title_from,
)
from pipeline.clean.structure import parted_by_blanks
from pipeline.engine.stages import process
from pipeline.model import RawArticle
from tests.cleaning_pages import LAST, LEAD, RELATED, SECOND, TITLE_LINE, classes_of, page_of


@pytest.mark.parametrize("marker", [None, "Tin liên quan", "Các bài viết khác"])
def test_a_list_of_headlines_after_the_article_is_boilerplate(marker: str | None) -> None:
    tail = [*([marker] if marker else []), *RELATED, "Bản quyền thuộc về Báo Quảng Trị"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Minh Anh", *tail))
    assert classes[LAST] == BODY and classes["Minh Anh"] == META
    assert all(classes[line] == BOILERPLATE for line in tail)


FOOTER = ["BÁO QUẢNG TRỊ", "Điện thoại: 0233 3852 458"]
CUT_SHORT = "Để chuẩn bị mọi mặt cho cuộc bầu cử, ngay từ ngày 20/6, Ban Thường vụ Huyện ủy đã ban hành"


def test_headlines_over_the_footer_with_no_heading_are_a_list_and_the_name_above_them_signs() -> None:
    """The list's heading lost ("Tin khác" printed as an image): three headlines, then only the site's
    footer to the page's end, are the list; a name right above them is the byline, though the stored
    page cut the last paragraph short (no sentence's end to close the article)."""
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, *RELATED, *FOOTER))
    assert classes[LAST] == BODY and all(classes[line] == BOILERPLATE for line in [*RELATED, *FOOTER])
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, CUT_SHORT, "THU PHƯƠNG", *RELATED, *FOOTER))
    assert classes[CUT_SHORT] == BODY and classes["THU PHƯƠNG"] == META
    assert all(classes[line] == BOILERPLATE for line in RELATED)


@pytest.mark.parametrize("closing", [
    RELATED[:2],  # two headline-shaped lines: a subheading and a cut paragraph as often as a list
    [RELATED[0], "Hội Nông dân huyện Như Xuân", *RELATED[1:]],  # a unit signs among them
    ["Tường gạch đổ sập xuống nền", "Gạch, trần la phông bị đổ chắn lối đi cầu thang",
     "Tài sản trong phòng học bị hư hại", "Khoa học máy tính", "26.2"],  # captions over a table
    RELATED,  # nothing under them: the stored page may end with the article's own last lines
    ["Sản phẩm dành cho khách hàng doanh nghiệp:", "- Vay nhanh với lãi suất ưu đãi 6,6% trong 3 ngày",
     "- Tặng miễn phí tài khoản số đẹp cho doanh nghiệp", "- Miễn phí chuyển tiền trong và ngoài hệ thống",
     "Thông tin chi tiết vui lòng truy cập tại đây"],  # the article's own list, led in by a colon
])
def test_the_articles_own_last_lines_over_the_footer_stay_in_it(closing: list[str]) -> None:
    footer = [] if closing == RELATED else [*FOOTER, "Hotline: 1900 54 54 26"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, *closing, *footer))
    assert all(classes[line] != BOILERPLATE for line in closing)


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


def test_a_tables_header_over_its_numbers_at_the_articles_end_stays() -> None:
    table = ["TT", "Họ và tên đảng viên", "Năm vào Đảng", "1", "Nguyễn Văn An", "1975"]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, *table))
    assert classes["TT"] == classes["Họ và tên đảng viên"] == classes["Năm vào Đảng"] == BODY


@pytest.mark.parametrize(("line", "published"), [
    ("Xây dựng Đảng - Ngày đăng : 08:50, 30/03/2021", "2021-03-30T08:50"),
    ("THỨ HAI, 30/11/2020 12:03:31", "2020-11-30T12:03"),
    ("Xây dựng Đảng | 09/12/2024", "2024-12-09"),
    ("Lượt xem: 123 | 09/12/2024", "2024-12-09"),
    ("Ngày đăng: 09-12-2024 | Lượt xem: 52", "2024-12-09"),
    ("Đăng ngày 09 - 12 - 2024", "2024-12-09"),  # the dashes set off by spaces (vienkiemsat.thanhhoa.gov.vn)
    ("09 tháng 12, 2024", "2024-12-09"),
    ("09 Tháng 12 2024", "2024-12-09"),
    ("Tác giả: Minh Anh - 09/12/2024", "2024-12-09"),
    ("Chính trị - Xã hội - Ngày 09/12/2024", "2024-12-09"),
    ("Cập nhật ngày 09/12/2024 - Lượt xem 1.234", "2024-12-09"),
    ("Đăng ngày 09/12/2024 bởi Minh Anh", "2024-12-09"),
    ("9/12/2024 2:30:00 CH", "2024-12-09T14:30"),
    ("2024/12/09 10:00", "2024-12-09T10:00"),
    ("(09/12/2024). Số lượt xem:2082", "2024-12-09"),
    # a counter beside the date in brackets: the brackets are no words of it
    ("[ Cập nhật vào ngày (09/12/2024) ] - [ Số lần xem: 410 ]", "2024-12-09"),
    # the month in words, as WordPress prints dates in Vietnamese and English
    ("Tháng Mười Hai 9, 2024", "2024-12-09"),
    ("9 Tháng mười hai, 2024", "2024-12-09"),
    ("Posted on December 9, 2024", "2024-12-09"),
])
def test_datelines_with_a_section_or_a_weekday(line: str, published: str) -> None:
    lines = classify(page_of(TITLE_LINE, line, LEAD, SECOND))
    assert published_from(lines, None) == published
    assert next(x for x in lines if x.text == line).cls == META


def test_an_item_of_the_articles_schedule_with_a_time_and_a_date_stays_body() -> None:
    item = "- Thời gian: : 08:30 - 11:30, ngày 25/04/2021"
    classes = classes_of(page_of(TITLE_LINE, "09/12/2024", LEAD, item, SECOND, LAST))
    assert classes[item] == BODY


@pytest.mark.parametrize("pair", [["Chủ nhật, ngày 08 tháng 12 năm 2024", "16:02 (GMT +7)"],
                                  ["16:02", "08/12/2024"]])
def test_a_time_on_its_own_line_beside_the_date_is_the_publication_time(pair: list[str]) -> None:
    lines = classify(page_of(TITLE_LINE, *pair, LEAD, SECOND))
    assert published_from(lines, None) == "2024-12-08T16:02"
    assert all(x.cls == META for x in lines if x.text in pair)


def test_a_span_of_dates_is_not_a_dateline() -> None:
    span = "Nam 20/10/1930 - 20/10/2023."
    wrapped = "Trà Tân kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt"  # a sentence wrapped by hand
    lines = classify(page_of(TITLE_LINE, LEAD, wrapped, span, SECOND))
    assert next(x for x in lines if x.text == span).cls == BODY
    assert published_from(lines, None) is None


def test_a_time_alone_inside_the_article_stays_body() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, "Chương trình hội nghị:", "08:00", "Khai mạc", SECOND))
    assert next(x for x in lines if x.text == "08:00").cls == BODY


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


@pytest.mark.parametrize("widget", ["- 86 lượt xem", "- Quảng Cáo -", "• Trang chủ"])
def test_a_widget_set_off_as_a_lists_item_is_furniture(widget: str) -> None:
    """A counter, an ad label or a menu item behind a bullet or between dashes is what it is without them."""
    classes = classes_of(page_of(TITLE_LINE, widget, LEAD, SECOND, widget, LAST))
    assert classes[widget] == BOILERPLATE and classes[LEAD] == BODY and classes[LAST] == BODY


@pytest.mark.parametrize(
    "item",
    [
        "- Quảng cáo sản phẩm của hợp tác xã trên các sàn thương mại điện tử",
        "- Địa chỉ: Số 12 đường Trần Phú, phường Đông Hải",  # the contact the article gives, not the footer's
    ],
)
def test_a_dashed_item_of_the_articles_own_list_stays_body(item: str) -> None:
    email = "- Email: lienhe@example.vn"
    classes = classes_of(page_of(TITLE_LINE, LEAD, "Liên hệ:", item, email, SECOND, LAST))
    assert classes[item] == BODY


def test_a_caption_under_the_lead_photo_is_not_lost() -> None:
    classes = classes_of(page_of(TITLE_LINE, LEAD, "Lãnh đạo huyện trao khen thưởng. Ảnh: D.My", SECOND))
    assert classes["Lãnh đạo huyện trao khen thưởng. Ảnh: D.My"] == CAPTION


@pytest.mark.parametrize("caption", [
    "Ông Lữ Văn Hùng - Bí thư Tỉnh ủy Bạc Liêu phát biểu khai mạc.",
    "Th.S Nguyễn Quốc Thới – Giảng viên nghề Điện công nghiệp hướng dẫn sinh viên thực hành",
])
def test_a_person_named_with_the_post_between_paragraphs_is_a_caption(caption: str) -> None:
    # a text dump lost the photo; who stands in it and their post after a dash is its caption
    classes = classes_of(page_of(TITLE_LINE, LEAD, caption, SECOND, LAST))
    assert classes[caption] == CAPTION and classes[SECOND] == BODY


@pytest.mark.parametrize("sentence", [
    "Ông Nguyễn Văn Hưng – Trưởng phòng GD&ĐT cho biết: toàn thành phố có trên 30 điểm trường.",
    "Bà Lê Thị Ái Nam - Phó Bí thư thường trực Tỉnh ủy nói “phải làm ngay”.",
    "Ông Trần Văn Long - Chủ tịch HĐQT bận rộn nhất?",
    "Ông Phạm Văn Thiều - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bạc Liêu đánh giá cao những nỗ lực"
    " của ngành trong năm qua, đồng thời đề nghị các sở, ngành tiếp tục phối hợp để hoàn thành nhiệm vụ.",
])
def test_a_person_named_with_the_post_in_a_sentence_that_speaks_or_runs_on_stays_body(sentence: str) -> None:
    classes = classes_of(page_of(TITLE_LINE, LEAD, sentence, SECOND, LAST))
    assert classes[sentence] == BODY


def test_a_wrapped_paragraph_opening_with_a_person_and_the_post_stays_body() -> None:
    # the dump wrapped the paragraph: its first piece names a person with the post, as a caption does
    told = ("Ông Lữ Văn Hùng - Bí thư Tỉnh ủy Bạc Liêu phát biểu khai mạc và nhấn mạnh rằng tỉnh sẽ"
            " tiếp tục đầu tư cho du lịch, văn hóa và hạ tầng giao thông trong những năm tới"
            " để thu hút thêm du khách.")
    dump = "\n".join([TITLE_LINE, *("\n".join(textwrap.wrap(p, 80)) for p in (LEAD, told, SECOND, LAST))])
    first = textwrap.wrap(told, 80)[0]
    assert classes_of(dump)[first] == BODY


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


@pytest.mark.parametrize("between", [["Trang chủ > Chính trị"], ["Thời sự » Trong tỉnh"], ["Minh Anh"]])
def test_the_sites_clock_gives_way_to_the_dateline_under_the_headline_past_a_breadcrumb_or_byline(
        between: list[str]) -> None:
    # a breadcrumb or the byline between the headline and its dateline: the dateline still stands in the
    # article's header, above its lead (thanhtratamky.gov.vn, baoquangninh.vn and tintucdantoc.vn print
    # the clock over the headline; page_top_audit's `crumb-below` form)
    header, dateline = "Thứ Hai, 15/04/2024 17:03 (GMT +7)", "Thứ 4, 21/02/2024 | 21:43:00 (GMT +7)"
    lines = classify(page_of(header, TITLE_LINE, *between, dateline, LEAD, SECOND))
    assert published_from(lines, None) == "2024-02-21T21:43"
    # a date under the lead is the article's text or a list's, not its header: the clock stays
    lines = classify(page_of(header, TITLE_LINE, *between, LEAD, dateline, SECOND))
    assert published_from(lines, None) == "2024-04-15T17:03"


def test_the_sites_today_line_gives_way_to_the_articles_labelled_date_with_its_counters() -> None:
    # the header's "today" line is a bare dateline; the article's own date is labelled as its posting's
    # and carries the page's view counter, which makes it no bare dateline
    header, labelled = "Thứ Bảy, 20/04/2024", "Ngày đăng: 29/04/2020 / Lượt xem: 161"
    lines = classify(page_of(header, labelled, TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) == "2020-04-29"
    lines = classify(page_of(header, TITLE_LINE, labelled, LEAD, SECOND))
    assert published_from(lines, None) == "2020-04-29"
    # a counter line whose date is no posting's label does not outweigh the header's line
    counted = "Lượt xem: 161 - Tin cũ hơn 29/04/2020 - Chia sẻ bài viết"
    lines = classify(page_of(header, counted, TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) == "2024-04-20"


def test_a_weekday_and_a_date_without_a_time_above_the_headline_is_the_sites_clock() -> None:
    # a header prints the day the page is read, above the headline, with no time; its time may stand on a
    # line of its own under it: it dates no article (gold conventions: the site's clock, published null)
    clock = "Thứ sáu, ngày 26 tháng 04 năm 2024"
    for header in (["Chủ nhật, ngày 08 tháng 12 năm 2024", "16:02 (GMT +7)"], [clock, clock]):
        lines = classify(page_of(*header, TITLE_LINE, LEAD, SECOND))
        assert lines[0].cls == BOILERPLATE
        assert published_from(lines, None) is None
        # the article's dateline signing it under its last paragraph is its date
        signed = classify(page_of(*header, TITLE_LINE, LEAD, SECOND, "Cập nhật lúc 03:36 ngày 10/10/2015"))
        assert published_from(signed, None) == "2015-10-10T03:36"
    # with its time on its line, in figures, or under the headline, a weekday's date is the article's dateline
    for page, date in ((["Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31", TITLE_LINE], "2023-01-24T10:31"),
                       (["Thứ Hai, 24/03/2014", TITLE_LINE], "2014-03-24"),
                       ([TITLE_LINE, "Thứ ba, ngày 24 tháng 1 năm 2023"], "2023-01-24")):
        assert published_from(classify(page_of(*page, LEAD, SECOND)), None) == date


def test_the_sites_clock_gives_way_to_an_earlier_dateline_under_it_on_a_page_without_its_headline() -> None:
    # a page cut under its headline, or whose headline is not found: the header prints the day the page
    # was fetched, later than the article's own dateline under it
    header, dateline = "Thứ sáu, ngày 26 tháng 04 năm 2024", "Cập nhật lúc 03:36 ngày 10/10/2015"
    lines = classify(page_of(header, dateline, LEAD, SECOND))
    assert not any(line.cls == TITLE for line in lines)
    assert published_from(lines, None) == "2015-10-10T03:36"
    # a later day under the dateline is the article's update, not a clock over it
    posted, updated = "Ngày đăng: 08/07/2024 11:38", "Cập nhật: 16/07/2024 09:00"
    assert published_from(classify(page_of(posted, updated, LEAD, SECOND)), None) == "2024-07-08T11:38"


def test_the_sites_clock_over_the_headline_gives_way_to_an_earlier_dateline_signing_the_article() -> None:
    # the template prints the posting's date under the article, with its byline; the header's clock
    # over the headline is the day the page was fetched
    clock, article = "Thứ Hai, 15/04/2024 17:03 (GMT +7)", [TITLE_LINE, LEAD, SECOND, LAST]
    for signature in (["Thứ 4, 21/02/2024 | 21:43 (GMT +7)", "Minh Anh"], ["Minh Anh - 21:43, 21/02/2024"]):
        lines = classify(page_of(clock, *article, *signature, "Tin liên quan", *RELATED))
        assert published_from(lines, None) == "2024-02-21T21:43"
    # a later day under the article is its update, and a date in the lists under the article no dateline
    # of its own: the clock over the headline stays the article's
    lines = classify(page_of(clock, *article, "Cập nhật: 16/04/2024 09:00"))
    assert published_from(lines, None) == "2024-04-15T17:03"
    lines = classify(page_of(clock, *article, "Tin liên quan", f"{RELATED[0]} (21/02/2024)"))
    assert published_from(lines, None) == "2024-04-15T17:03"


def test_a_dateline_above_the_headline_is_the_articles_when_it_is_the_only_one() -> None:
    lines = classify(page_of("24/01/2023", TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) == "2023-01-24"
    # a weekday and a date with no time there is the site's clock (gold conventions), the only date or not
    lines = classify(page_of("Thứ ba, ngày 24 tháng 1 năm 2023", TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None) is None


def test_a_kicker_of_names_with_a_colon_is_not_the_first_paragraph() -> None:
    kicker = "Hội NCT TP Phú Quốc, tỉnh Kiên Giang:"
    classes = classes_of(page_of(kicker, TITLE_LINE, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[kicker] == BOILERPLATE
    # a sentence that introduces a list stays the article's
    intro = "Giá vé sau khi điều chỉnh tại các bến xe trong tỉnh như sau:"
    classes = classes_of(page_of(TITLE_LINE, intro, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[intro] == BODY


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


def test_a_piece_of_a_wrapped_sentence_opening_with_a_source_word_in_lowercase_is_no_source_line() -> None:
    said = '"Chúng tôi đang tập hợp đơn gửi lên Ban giám đốc để có hướng xử lý theo quy định",'
    piece = "nguồn tin này cho hay."
    after = "Theo đó, kể từ ngày 19/4 đến nay, có khoảng 500 người dân nộp đơn tố cáo."
    page = page_of(TITLE_LINE, LEAD, said, piece, after, SECOND, "Hoàng Thuận", "Tin liên quan", *RELATED)
    lines = classify(page)
    # the piece goes on with the quote's sentence (a lone break, lower case next): one line, body
    assert [x.cls for x in lines if x.text in (f"{said} {piece}", after, SECOND)] == [BODY, BODY, BODY]
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


def test_a_caption_again_without_its_full_stop_is_its_copy() -> None:
    caption = "Đội cồng chiêng xã Vĩnh An luôn duy trì luyện tập"
    classes = classes_of(page_of(TITLE_LINE, LEAD, f"{caption}.", caption, SECOND))
    assert classes[f"{caption}."] == CAPTION and classes[caption] == BOILERPLATE
    assert classes[LEAD] == classes[SECOND] == BODY


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


def test_a_long_first_line_without_a_stop_is_body_where_the_paragraphs_lack_stops_too() -> None:
    first = ("Được sự cho phép của Đảng ủy xã, sáng nay, ngày 21 tháng 1 năm 2020 chi bộ trường mầm non "
             "tổ chức "
             "Đại hội chi bộ lần thứ II nhiệm kỳ 2020-2022 với sự tham dự của toàn thể đảng viên")
    second = ("Đại hội đã đi sâu kiểm điểm tình hình thực hiện nhiệm vụ nhiệm kỳ qua, rút ra bài học kinh "
              "nghiệm làm cơ sở để đề ra phương hướng, nhiệm vụ và những giải pháp cho nhiệm kỳ tới")
    lines = classify(page_of(first, second, LAST))
    assert title_from(lines, None) is None
    assert next(x for x in lines if x.text == first).cls == BODY


@pytest.mark.parametrize("stamp", [
    "Lần cập nhật cuối lúc Thứ sáu, 31 Tháng 12 2021 15:20",
    "Cập nhật lần cuối: 05/01/2022 09:12",
    "Cập nhật lần cuối: Thứ 6, 05/01/2022 09:12",  # the weekday in figures, as the dateline reads it
    "Last Updated on Friday, 31 December 2021 15:20",
])
def test_a_last_modified_stamp_is_chrome_and_no_published_date(stamp: str) -> None:
    """When the page was last edited is not when the article was published (Joomla's footer stamp)."""
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND, stamp))
    assert next(x for x in lines if x.text == stamp).cls == BOILERPLATE
    assert published_from(lines, None) is None
    dated = classify(page_of(TITLE_LINE, "09/12/2024 10:00", LEAD, SECOND, stamp))
    assert published_from(dated, None) == "2024-12-09T10:00"


@pytest.mark.parametrize("weekday", ["Thứ Hai", "thứ 2", "Thứ Bảy", "Thứ Bẩy", "CHỦ NHẬT"])
def test_one_weekday_for_the_stamp_the_header_clock_and_the_last_modified_rule(weekday: str) -> None:
    """The weekday is written once (`shapes.WEEKDAY`): the time-and-date stamp, the site's clock in words
    and rules/boilerplate.yml's `{weekday}` read the same days."""
    from pipeline.clean.furniture import WEEKDAY_DATE, boilerplate_rule, with_fragments
    from pipeline.clean.shapes import WEEKDAY, has_stamp

    assert has_stamp(f"10:20, {weekday}, 23/11/2024")
    assert WEEKDAY_DATE.match(f"{weekday}, ngày 23 tháng 11 năm 2024")
    assert boilerplate_rule(f"Lần cập nhật cuối lúc {weekday}, 23 Tháng 11 2024 15:20") == "last-modified"
    assert with_fragments("^{weekday}$") == f"^{WEEKDAY}$"
    assert not has_stamp("10:20, thứ trưởng, 23/11/2024")


@pytest.mark.parametrize(("printed_in", "expected"), [
    ((), "2019-03-15"),  # printed where no text shows it (a script's data, the URL): kept
    (("15/03/2019 08:30",), "2019-03-15"),  # the page's dateline in its own element
    (("Ngày đăng: 15/03/2019",), "2019-03-15"),
    (("Giấy phép số 26/GP-TTĐT ngày 15/3/2019",), None),  # the licence's date in the footer
    (("Sáng 15/3/2019, Đảng ủy xã tổ chức hội nghị tổng kết công tác năm 2018.",), None),  # an event's day
])
def test_a_guessed_date_counts_only_where_a_dateline_prints_it(printed_in: tuple[str, ...],
                                                                expected: str | None) -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None, "2019-03-15", printed_in) == expected


def test_a_guess_of_a_month_printed_in_a_listed_headline_is_no_date() -> None:
    lines = classify(page_of(TITLE_LINE, LEAD, SECOND))
    assert published_from(lines, None, "2018-10-01", ("Thông báo lịch tiếp công dân tháng 10/2018",)) is None
    assert published_from(lines, None, "2009-05-01", ("Thông tư 05/2009/TT-BXD hướng dẫn dự toán",)) is None


def test_the_pages_dateline_comes_before_a_guessed_date() -> None:
    lines = classify(page_of(TITLE_LINE, "12/04/2021 08:30", LEAD, SECOND))
    assert published_from(lines, None, "2019-03-15") == "2021-04-12T08:30"


def test_a_menu_over_a_page_cut_in_mid_article_is_boilerplate_and_a_subheading_is_not() -> None:
    menu = ["Trang chủ", "Giới thiệu", "Tin tức", "Văn bản"]
    classes = classes_of(page_of(*menu, LEAD, SECOND, LAST))
    assert all(classes[item] == BOILERPLATE for item in menu)
    assert classes[LEAD] == BODY
    classes = classes_of(page_of("Đặt vấn đề", LEAD, SECOND, LAST))  # one short line: the article's
    assert classes["Đặt vấn đề"] != BOILERPLATE


def test_a_label_among_the_menus_items_is_no_headline_of_a_page_cut_in_mid_article() -> None:
    """"Hoạt động Đảng" under "• Xã hội": a few words with another label beside them are the menu's,
    never the headline; on a page printing none, the whole menu is chrome and the page has no title."""
    menu = ["• Chính trị", "• Xã hội", "Hoạt động Đảng"]
    lines = classify(page_of(*menu, LEAD, SECOND, LAST))
    assert title_from(lines, None) is None and all(x.cls == BOILERPLATE for x in lines if x.text in menu)
    lines = classify(page_of("Tin tức", "Hoạt động Hội", TITLE_LINE, LEAD, SECOND, LAST))
    assert title_from(lines, None) == TITLE_LINE


def test_a_tables_cells_over_the_first_paragraph_are_no_menu() -> None:
    cells = ["STT", "Tên trường", "Mức học phí", "Từ 980.000", "-", "Khoa Quốc tế", "-", "(tùy từng ngành)"]
    classes = classes_of(page_of(*cells, LEAD, SECOND, LAST), title=TITLE_LINE)
    assert all(classes[cell] == BODY for cell in cells if cell != "-")



WRAPPED_LEAD = ["27/63 bí thư tỉnh, thành ủy thuộc thế hệ 7X, trong đó có 4 ủy viên Trung ương",
                "Đảng. Người trẻ tuổi nhất là Bí thư Đồng Tháp Lê Quốc Phong - 43 tuổi."]


def test_a_lead_wrapped_over_two_lines_on_a_page_parted_by_blank_lines_is_body_under_its_headline() -> None:
    headline = "Chân dung 27 bí thư cấp tỉnh thuộc thế hệ 7X"
    text = "\n\n".join(["Trong nước", headline, "\n".join(WRAPPED_LEAD), "BÀI MỚI ĐĂNG", "TOP", "Theo Zing",
                       "Tags:", "Bài viết cùng chuyên mục", *RELATED[:2], "Viết bình luận"]) + "\n"
    lines = classify(text)
    assert {x.text: x.cls for x in lines}[WRAPPED_LEAD[0]] == BODY
    assert next(x for x in lines if x.cls == TITLE).text == headline


def test_without_blank_lines_two_headline_shaped_lines_are_not_read_as_one_paragraph() -> None:
    assert not parted_by_blanks(["Trong nước", TITLE_LINE, *WRAPPED_LEAD, "Chia sẻ"], set())


ITEM = "Với những nỗ lực bền bỉ trong chuyên môn, đồng chí đã được Chi bộ tin tưởng, giới thiệu vào Đảng."
ITEMS = [f"+ {ITEM}", f"1) {ITEM}"]


@pytest.mark.parametrize(("item", "cut"), [(ITEMS[0], "+ Phát biểu tại buổi lễ, đồng chí"),
                                           (ITEMS[1], "2) Phát biểu tại buổi lễ, đồng chí")])
def test_the_article_s_list_cut_short_over_the_byline_keeps_its_last_item(item: str, cut: str) -> None:
    classes = classes_of(page_of(TITLE_LINE, LEAD, item, cut, "Người viết: Nguyễn Thị Minh Ngọc",
                                 "Lượt xem: 73", "Chia sẻ", "Bài viết cùng chuyên mục", *RELATED))
    assert classes[cut] == BODY
    assert all(classes[x] == BOILERPLATE for x in RELATED)


def test_a_headline_under_an_item_of_another_mark_is_not_the_list_s_next_item() -> None:
    cut = "- Phát biểu tại buổi lễ, đồng chí"
    classes = classes_of(page_of(TITLE_LINE, LEAD, ITEMS[0], cut, "Người viết: Nguyễn Thị Minh Ngọc",
                                 "Lượt xem: 73", "Chia sẻ", "Bài viết cùng chuyên mục", *RELATED))
    assert classes[cut] == BOILERPLATE


def test_a_dated_sentence_between_the_article_s_paragraphs_is_body_not_its_dateline() -> None:
    dated = "Vào lúc 16h00 ngày 23 tháng 3 năm 2023."
    tail = ["Người đăng: Phạm Hữu Đạo", "Số lần xem: 118", "Các tin đã đưa", *RELATED]
    lines = classify("\n\n".join([TITLE_LINE, LEAD, dated, SECOND, *tail]))
    assert next(x for x in lines if x.text == dated).cls == BODY
    assert published_from(lines, None) is None


def test_a_drop_capital_on_its_own_line_rejoins_its_word_and_a_crawlers_break_joins_its_sentence() -> None:
    lead = LEAD.replace("Ngày", "gày", 1)
    record = process(RawArticle(path="x.txt", text=page_of(TITLE_LINE, "N", lead.replace(" với", "\nvới"),
                                                              SECOND, LAST)))
    assert LEAD in record["text"].split("\n\n")


@pytest.mark.parametrize("image", ["![]()", "![](/uploads/anh-1.jpg) |", "23.5 123456.png",
                                   "anh-dai-hoi_png"])
def test_the_line_under_an_image_printed_as_its_file_name_or_markdown_is_its_caption(image: str) -> None:
    caption = "Các lực lượng tham gia dọn vệ sinh môi trường."
    classes = classes_of(page_of(TITLE_LINE, LEAD, image, caption, SECOND, LAST))
    assert classes[caption] == CAPTION and classes[SECOND] == BODY


def test_a_long_paragraph_under_an_image_file_name_stays_body() -> None:
    long = f"{SECOND} {LAST} {SECOND}"  # past a caption's length
    classes = classes_of(page_of(TITLE_LINE, LEAD, "z5587142437264_2e12af5a.jpg", long, LAST))
    assert classes[long] == BODY
