"""The cleaner on HTML pages: the headline from the markup, the site's name, byline elements."""

from __future__ import annotations

import pytest

from pipeline.clean.lines import BODY, BOILERPLATE, TITLE
from pipeline.engine.stages import process
from pipeline.ingest.html import extract_html
from pipeline.model import RawArticle
from tests.cleaning_pages import (
    BODY_HTML,
    LAST,
    LEAD,
    RELATED,
    SECOND,
    TITLE_LINE,
    classes_of,
    html_record,
    page_of,
)


@pytest.mark.parametrize("head", [
    f"<title>{TITLE_LINE} - BÁO QUẢNG TRỊ</title>",  # the name its home link gives
    f"<title>{TITLE_LINE} | Báo Quảng Trị</title><link rel='canonical' href='https://baoquangtri.vn/a-1.html'>",
    f"<title>Báo điện tử | {TITLE_LINE}</title><meta property='og:site_name' content='Báo điện tử'>",
    f"<meta property='og:title' content='{TITLE_LINE} - Báo Quảng Trị'><title>x</title>"
    "<link rel='canonical' href='https://baoquangtri.vn/a-1.html'>",
])
def test_an_html_title_without_the_site_name(head: str) -> None:
    assert html_record(head, BODY_HTML)["title"] == TITLE_LINE


def test_an_html_title_that_is_only_the_site_name_is_no_title() -> None:
    record = html_record("<title>BÁO QUẢNG TRỊ</title>", BODY_HTML)
    assert record["title"] is None and record["text"].startswith(LEAD)


SITE_WITH_DASH = "BÁO QUẢNG TRỊ - CƠ QUAN CỦA ĐẢNG BỘ TỈNH QUẢNG TRỊ"


def test_a_site_name_with_a_dash_in_it_is_cut_whole_from_the_title() -> None:
    home = f"<header><a href='/'>{SITE_WITH_DASH}</a></header>"
    record = html_record(f"<title>{TITLE_LINE} - {SITE_WITH_DASH}</title>", f"{home}{BODY_HTML}")
    assert record["title"] == TITLE_LINE
    # a title that is the first part of the site's name is the site's, not a headline
    record = html_record(f"<title>{SITE_WITH_DASH}</title>", f"{home}{BODY_HTML}")
    assert record["title"] is None
    # the site's name the page gives is cut whole, though its last part alone is spelled by the host
    site = "BỆNH VIỆN PHỤ SẢN - NHI ĐÀ NẴNG"
    home = f"<header><a href='/'>{site}</a></header><link rel='canonical' href='https://phusannhidanang.org.vn/x'>"
    record = html_record(f"<title>{TITLE_LINE} | {site}</title>", f"{home}{BODY_HTML}")
    assert record["title"] == TITLE_LINE


def test_an_element_classed_as_the_title_when_there_is_no_h1() -> None:
    record = html_record("", f"<div class='article-title'><strong>{TITLE_LINE}</strong></div>{BODY_HTML}")
    assert record["title"] == TITLE_LINE
    # a listed article's title is a link, and a site's title is no article's
    linked = f"<div class='news-title'><a href='/x.html'>{RELATED[0]}</a></div>"
    site = "<div class='site-title'>Cổng thông tin điện tử huyện Hải Lăng</div>"
    page = f"<html><body>{site}{linked}<article>{BODY_HTML}</article></body></html>"
    assert extract_html(page).title is None


GLUED_HEADING = f"{TITLE_LINE} 12/03/2021 08:15"


@pytest.mark.parametrize("element", [f"<h1>{GLUED_HEADING}</h1>",
                                     f"<div class='article-title'><strong>{GLUED_HEADING}</strong></div>"])
def test_the_reader_hands_over_the_headline_element_as_the_page_prints_it(element: str) -> None:
    html = f"<html><head><title>{TITLE_LINE}</title></head><body>{element}{BODY_HTML}</body></html>"
    page = extract_html(html)
    assert page.heading == GLUED_HEADING


def _dropped_heading_record(heading: str) -> dict:
    """An HTML page whose main-content extractor dropped its headline element, as on longer pages."""
    text = "\n".join([LEAD, SECOND, LAST])
    return process(RawArticle(path="page.html", text=text, fmt="html", title=TITLE_LINE, heading=heading))


def test_a_dateline_glued_inside_the_headline_element_is_the_page_time() -> None:
    record = _dropped_heading_record(GLUED_HEADING)
    assert record["title"] == TITLE_LINE and record["published"] == "2021-03-12T08:15"
    # the page as a whole: the <h1> holds the dateline, og:title the headline alone
    head = f"<meta property='og:title' content='{TITLE_LINE}'>"
    record = html_record(head, f"<h1>{GLUED_HEADING}</h1>{BODY_HTML}")
    assert record["title"] == TITLE_LINE and record["published"] == "2021-03-12T08:15"


def test_a_dated_headline_element_that_is_not_the_articles_title_dates_nothing() -> None:
    # a masthead's clock in the <h1>: what is left of it is not the headline the page gives
    record = _dropped_heading_record("Tin tức sự kiện trong tỉnh 12/03/2021 08:15")
    assert record["title"] == TITLE_LINE and record["published"] is None


def test_the_h1_when_the_title_tag_adds_an_unknown_site_name() -> None:
    record = html_record(f"<title>{TITLE_LINE} :: Cổng TTĐT</title>", f"<h1>{TITLE_LINE}</h1>{BODY_HTML}")
    assert record["title"] == TITLE_LINE


def test_a_headline_printed_whole_keeps_its_opening_words_that_spell_the_host() -> None:
    # "Giáo phận Xuân Lộc – ..." is the headline the page prints, and <title> names the site after it
    canonical = "<link rel='canonical' href='https://giaophanxuanloc.org/tin/thanh-le-1.html'>"
    headline = "Giáo phận Xuân Lộc – Thánh lễ truyền chức phó tế cho bảy thầy"
    for head in (f"<meta property='og:title' content='{headline}'>",
                 f"<title>{headline} | giaophanxuanloc.org</title>"):
        record = html_record(f"{head}{canonical}", f"<h1>{headline}</h1>{BODY_HTML}")
        assert record["title"] == headline
    # the site's name opening <title> over a headline element printed without it is cut
    rest = headline.split(" – ")[1]
    record = html_record(f"<title>{headline}</title>{canonical}", f"<h1>{rest}</h1>{BODY_HTML}")
    assert record["title"] == rest


def test_html_author_meta_that_names_the_site_is_no_author() -> None:
    head = "<title>t</title><link rel='canonical' href='https://baoquangtri.vn/a-1.html'>"
    assert html_record(f"{head}<meta name='author' content='Báo Quảng Trị'>", BODY_HTML)["authors"] == []
    assert html_record(f"{head}<meta name='author' content='Minh Anh'>", BODY_HTML)["authors"] == ["Minh Anh"]


def test_byline_and_date_blocks_an_extractor_drops_are_put_back() -> None:
    article = (f"<h1>{TITLE_LINE}</h1><p class='meta'>08:50, 30/03/2021</p>{BODY_HTML}"
               "<p class='meta'>Hồng Thắng</p>")
    record = html_record("<title>t</title>", article)
    assert record["authors"] == ["Hồng Thắng"] and record["published"] == "2021-03-30T08:50"
    assert record["text"].split("\n\n") == [LEAD, SECOND, LAST]


def test_a_sapo_without_its_full_stop_is_not_the_headline() -> None:
    sapo = ("Sáng 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05 với sự "
            "tham dự của hơn 100 đại biểu")
    classes = classes_of(page_of(TITLE_LINE, sapo, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[sapo] == BODY


def test_a_caption_under_a_sapo_without_its_full_stop_is_not_the_headline() -> None:
    # headline, a sapo with no full stop, the photo's caption (the nearest headline-shaped line), the lead
    sapo = ("Năm 2018 được xem là năm đánh dấu mốc đáng nhớ của Bệnh viện tròn 20 năm xây dựng và phát triển "
            "với nhiều kỹ thuật mới")
    caption = "PGS.TS. Lê Đình Khánh báo cáo tình hình hoạt động 6 tháng đầu năm"
    classes = classes_of(page_of(TITLE_LINE, sapo, caption, LEAD, SECOND))
    assert classes[TITLE_LINE] == TITLE and classes[sapo] == BODY and classes[caption] != TITLE
    # with no sapo between them the line nearer the lead is scored the headline, as before
    short = "Kỷ niệm 20 năm thành lập bệnh viện"
    classes = classes_of(page_of(short, caption, LEAD, SECOND))
    assert classes[caption] == TITLE


def test_readers_comments_after_the_article_are_not_its_text() -> None:
    comments = ["Ý kiến bạn đọc", "Nguyễn Văn Hùng", "Bài viết rất hay, mong huyện tiếp tục phát huy."]
    classes = classes_of(page_of(TITLE_LINE, LEAD, SECOND, LAST, "Minh Anh", *comments))
    assert all(classes[line] == BOILERPLATE for line in comments) and classes[LAST] == BODY


def test_a_sentence_broken_across_lines_is_not_a_headline() -> None:
    classes = classes_of(page_of("Tin tức", "Ngày 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết",
                             "công tác xây dựng Đảng năm 2021, với 120 đại biểu tham dự.", SECOND))
    assert TITLE not in classes.values()


@pytest.mark.parametrize("element", ['<p class="author">{}</p>',
                                     '<div class="byline"><strong>{}</strong></div>'])
@pytest.mark.parametrize(("byline", "names"), [
    ("Tác giả: Minh Anh", ["Minh Anh"]),
    ("Bài, ảnh: MINH ANH", ["MINH ANH"]),
    ("ThS. Trần Minh Đức", ["Trần Minh Đức"]),
    ("Ngày đăng: 12/03/2021 | Người đăng: Minh Anh", ["Minh Anh"]),
    ("Theo Báo Bến Tre", []),
])
def test_a_byline_element_in_html_gives_its_names_once(element: str, byline: str, names: list[str]) -> None:
    # trafilatura also guesses an author from such an element, with the prefix and punctuation lost
    page = (f"<html><body><article><h1>{TITLE_LINE}</h1><p>{LEAD}</p><p>{SECOND}</p>"
            f"{element.format(byline)}</article></body></html>")
    article = extract_html(page)
    record = process(RawArticle(path="x.html", text=article.text, authors=article.authors))
    assert record["authors"] == names


def test_a_br_inside_a_sentence_reads_as_a_space_and_a_byline_under_a_br_stays_its_line() -> None:
    broken = LEAD.replace(" Chỉ thị", "<br>Chỉ thị").replace(" với sự", "<br>với sự")
    record = html_record(f"<title>{TITLE_LINE}</title>", f"<h1>{TITLE_LINE}</h1><p>{broken}</p>"
                         f"<p>{SECOND}</p><p>{LAST}</p><p>Minh Anh<br>Trung tâm Văn hóa huyện</p>")
    paragraphs = record["text"].split("\n\n")  # a capital goes on only where a shape says so
    assert LEAD.split(" Chỉ thị")[0] in paragraphs and "Chỉ thị" + LEAD.split(" Chỉ thị")[1] in paragraphs
    assert "Minh Anh" not in record["text"] and "Trung tâm" not in record["text"]


def test_a_crawlers_lone_newline_inside_a_sentence_reads_as_a_space_a_dateline_stays() -> None:
    lead = LEAD.replace(" với sự", "\nvới sự").replace("của 120", "của\n120")
    second = SECOND.replace("có 95%", "có\n95%")
    content = page_of(TITLE_LINE, "12/04/2019 08:30", lead, second, "2. Khen thưởng", LAST)
    record = process(RawArticle(path="x.jsonl#1", text=content, fmt="jsonl", title=TITLE_LINE))
    paragraphs = record["text"].split("\n\n")
    assert LEAD in paragraphs and "2. Khen thưởng" in paragraphs
    assert SECOND not in paragraphs  # a figure goes on only after a word no sentence ends with
    assert record["published"].startswith("2019-04-12")


HEADLINE_PARTS = ("ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ", "50 NĂM MỘT CHẶNG ĐƯỜNG")


@pytest.mark.parametrize("element", ["<h1>{}</h1>", "<div class='article-title'><strong>{}</strong></div>"])
def test_a_headline_printed_over_two_elements_the_title_tag_joins_is_one_headline(element: str) -> None:
    parts = "".join(element.format(part) for part in HEADLINE_PARTS)
    record = html_record(f"<title>{' '.join(HEADLINE_PARTS)}</title>", f"{parts}{BODY_HTML}")
    assert record["title"] == " ".join(HEADLINE_PARTS)


def test_a_second_headline_element_the_title_tag_does_not_join_stays_apart() -> None:
    parts = "".join(f"<h1>{part}</h1>" for part in HEADLINE_PARTS)
    record = html_record(f"<title>{HEADLINE_PARTS[0]}</title>", f"{parts}{BODY_HTML}")
    assert record["title"] == HEADLINE_PARTS[0]
