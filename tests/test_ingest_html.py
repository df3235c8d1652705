"""Ingest of HTML pages: content, metadata, fallbacks, and what trafilatura drops put back."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.html import extract_html
from pipeline.model import RawArticle
from tests.ingest_support import DATA, PAGE, failure, only


def test_html_page_content_and_metadata() -> None:
    article = only(DATA / "baotinh.html")
    assert isinstance(article, RawArticle) and article.fmt == "html"
    assert article.title == "Chợ Lách: Nâng cao chất lượng sinh hoạt chi bộ"
    assert article.published == "2021-04-07T08:15:00+07:00"
    assert article.authors == ["Hữu Hiệp", "Thanh Tâm"]
    assert article.url == "https://baodongkhoi.vn/cho-lach-nang-cao-chat-luong-sinh-hoat-chi-bo-a12345.html"
    page = extract_html((DATA / "baotinh.html").read_text(encoding="utf-8"))
    assert page.outlet == "Báo Đồng Khởi"  # metadata; the pipeline takes the outlet from the URL
    lines = article.text.split("\n")
    assert any(line.startswith("Năm 2020, Đảng bộ huyện có 98,5% chi bộ") for line in lines)
    caption = "Bí thư Huyện ủy Chợ Lách Lê Văn Hùng dự sinh hoạt chi bộ ấp Phú Hòa. Ảnh: Hữu Hiệp"
    assert caption in lines
    # The caption stays between the paragraphs it stood between.
    following = next(i for i, line in enumerate(lines) if line.startswith("Theo đồng chí"))
    assert lines.index(caption) == following - 1
    for junk in ("Quảng cáo không được lấy", "color:red", "Trang chủ", "POWERED BY"):
        assert junk not in article.text


def test_html_fallbacks(tmp_path: Path) -> None:
    (tmp_path / "tiny.html").write_text("<html><body><div><p>Xin chào Ninh Thuận.</p></div></body></html>")
    tiny = only(tmp_path / "tiny.html")
    assert isinstance(tiny, RawArticle) and tiny.text == "Xin chào Ninh Thuận."
    (tmp_path / "titled.htm").write_text(
        "<html><head><title>Một tiêu đề | Báo A</title><meta property='og:site_name' content='Báo A'></head>"
        "<body><h1>Tiêu đề H1</h1><time datetime='2020-05-01T07:00'>1/5</time><p>Nội dung.</p></body></html>"
    )
    titled = only(tmp_path / "titled.htm")
    assert titled.title == "Một tiêu đề" and titled.published == "2020-05-01T07:00"
    (tmp_path / "nothing.html").write_text("<html><head><script>x()</script></head><body> </body></html>")
    assert "JavaScript" in failure(tmp_path / "nothing.html", "no_content").message


def test_html_div_paragraphs_and_table_captions(tmp_path: Path) -> None:
    paragraphs = [
        "Sáng 12-4, Tỉnh ủy Ninh Thuận tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW.",
        "Qua 5 năm (2016 - 2020), toàn tỉnh có 1.250 tập thể và 3.400 cá nhân được khen thưởng.",
        "Phát biểu tại hội nghị, Bí thư Tỉnh ủy yêu cầu các cấp ủy tiếp tục học tập và làm theo Bác.",
    ]
    (tmp_path / "divs.html").write_text(
        f"""<html><head><title>Hội nghị</title></head><body><div id="menu"><a>Trang chủ</a><a>Tin</a></div>
        <div class="content-detail"><div>{paragraphs[0]}</div><div>{paragraphs[1]}<br>{paragraphs[2]}</div>
        <table class="tplCaption"><tr><td><img src="a.jpg"></td></tr>
        <tr><td><p class="Image">Quang cảnh hội nghị. Ảnh: Văn Nỷ</p></td></tr></table></div></body></html>"""
    )
    lines = only(tmp_path / "divs.html").text.split("\n")
    # the caption stands under an image's place (a no-break space line): the cleaner reads it so
    assert lines == [*paragraphs, "\xa0", "Quang cảnh hội nghị. Ảnh: Văn Nỷ"]


def test_a_caption_trafilatura_kept_only_as_its_copy_is_marked_a_caption() -> None:
    # the caption cell dropped, its copy in a tools bar kept: the markup still says it is a caption
    lead = "Tối ngày 25/02, tại đình làng, UBND phường đã tổ chức thành công đêm diễn văn nghệ mừng lễ hội."
    after = "Tham gia đêm diễn có 06 khu phố và 05 nhà trường trên địa bàn phường, với nhiều tiết mục hay."
    caption = "Lãnh đạo UBND phường tặng hoa cho 13 đội tham gia đêm diễn văn nghệ"
    html = (f"<html><head><title>Đêm văn nghệ</title></head><body><article><h1>Đêm văn nghệ</h1><p>{lead}</p>"
            f"<table class='image'><tr><td><img src='a.jpg' alt=''></td></tr><tr><td class='image_desc'>"
            f"{caption}</td></tr></table><div class='tools'><span>{caption}</span></div><p>{after}</p>"
            "</article></body></html>")
    lines = extract_html(html).text.split("\n")
    assert caption in lines and lines[lines.index(caption) - 1] == "\xa0"


def test_html_short_article_keeps_its_paragraphs_apart() -> None:
    # trafilatura's fallback joins a short article's <p>s with spaces: each stays its own line
    paragraphs = ["Tên đề tài: Ứng dụng chuyển đổi số trong cải cách hành chính tại xã.", "PHẦN MỞ ĐẦU",
                  "1. Lý do chọn đề tài:"]
    html = ("<html><head><title>xa.gov.vn</title></head><body><header><div class='logo'><a href='/'>xa.gov.vn"
            "</a></div></header><main><article class='detail'>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "<p class='meta'>Người thực hiện: Lê Thị Mai - Công chức Văn phòng xã</p></article>"
            "<div class='box'><div class='item'><a href='#'>Tin khác</a></div><div class='item'><a href='#'>"
            "Xã ra quân làm đường giao thông</a></div></div></main>"
            "<footer><p>In bài viết</p></footer></body></html>")
    assert extract_html(html).text.split("\n")[:3] == paragraphs


def test_trafilatura_leaves_the_page_tree_whole() -> None:
    # the page's blocks are read after trafilatura, only when it found lines: it must read a copy
    from trafilatura.utils import load_html

    from pipeline.ingest.html import _block_texts, _trafilatura_lines

    tree = load_html(PAGE)
    before = _block_texts(tree)
    assert _trafilatura_lines(tree, None)[0] and _block_texts(tree) == before



def test_captions_and_a_byline_put_back_keep_the_pages_order() -> None:
    # trafilatura drops figures and the byline block after the last paragraph: they come back in order
    lead = "Tối 27/11, Ủy ban nhân dân tỉnh Bạc Liêu đã tổ chức lễ khai mạc Ngày hội Văn hóa - Du lịch."
    second = "Các hoạt động của ngày hội được tổ chức từ ngày 22 đến ngày 29/11 tại nhiều địa điểm của tỉnh."
    captions = ["Chương trình nghệ thuật lễ khai mạc được tổ chức quy mô.", "Ông Lữ Văn Hùng phát biểu.",
                "Phó Thủ tướng tham dự và phát biểu chỉ đạo."]
    figures = "".join(f"<figure><img src='{i}.jpg' alt=''><figcaption>{c}</figcaption></figure>"
                      for i, c in enumerate(captions))
    html = (f"<html><head><title>Khai mạc ngày hội</title></head><body><article><h1>Khai mạc ngày hội</h1>"
            f"<p>{lead}</p><p>{second}</p>{figures}<div class='info'><span>Ngọc Hân - Minh Trí</span></div>"
            "</article></body></html>")
    lines = [line for line in extract_html(html).text.split("\n") if line != "\xa0"]
    kept = [line for line in lines if line in captions or line == "Ngọc Hân - Minh Trí"]
    assert kept == [*captions, "Ngọc Hân - Minh Trí"]


def test_a_byline_block_under_a_kept_caption_comes_back_under_it() -> None:
    # a layout table's caption trafilatura keeps, then the byline in a <p class="meta"> it drops: the
    # byline comes back under the caption, where the page prints it, not between the photo and its caption
    lead = "Sáng 20-12, Hội Chiến sĩ bảo vệ Thành cổ tổ chức buổi gặp mặt thân mật nhân kỷ niệm 71 năm."
    second = "Sau 2 năm thành lập, Hội đã có 6 chi hội tại Đà Nẵng với tổng số 65 hội viên trong thành phố."
    caption = "Các hội viên ôn lại truyền thống 81 ngày đêm bảo vệ Thành cổ Quảng Trị."
    html = (f"<html><head><title>Gặp mặt</title></head><body><article><h1>Gặp mặt truyền thống</h1>"
            f"<p>{lead}</p><p>{second}</p><table class='image'><tr><td><img src='3.jpg' alt=''></td></tr>"
            f"<tr><td class='image_desc'>{caption}</td></tr></table><p class='meta'>N.A.T</p></article>"
            "</body></html>")
    lines = [line.strip() for line in extract_html(html).text.split("\n") if line.strip()]
    assert lines.index("N.A.T") == lines.index(caption) + 1


def test_a_date_the_page_never_prints_is_not_its_publication_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.html as html_module

    lead = "Sáng ngày 24/02/2026, Chi bộ trường Tiểu học tổ chức lễ kết nạp đảng viên mới cho quần chúng."
    page = f"<html><head><title>Kết nạp</title></head><body><article><p>{lead}</p></article></body></html>"
    for guessed, kept in (("2020-02-03", None), ("2026-02-24", "2026-02-24")):
        def found(tree: object, url: object, date: str = guessed) -> tuple[list[str], dict[str, str]]:
            return [lead], {"date": date}
        monkeypatch.setattr(html_module, "_trafilatura_lines", found)
        extracted = extract_html(page)
        assert extracted.published is None and extracted.published_guess == kept  # a guess, weighed later
        assert extracted.guess_printed_in == ((lead,) if kept else ())
