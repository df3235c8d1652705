"""Ingest: every input format and every failure kind, from fixtures written here."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.ingest.html import extract_html
from pipeline.ingest.inputs import MAX_BYTES, expand_inputs, read_input, read_inputs
from pipeline.model import Failed, RawArticle
from tests.conftest import SHARED as SHARED_ROOT
from tests.conftest import cp1258, needs_shared

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = SHARED_ROOT / "corpus"
FAILURE_KINDS = {
    "not_found", "unreadable", "empty", "binary", "undecodable", "bad_json", "not_an_object", "no_content",
    "too_large", "bad_gzip", "bad_warc", "no_articles",
}  # fmt: skip
BODY = (
    "Năm 2020, Đảng bộ huyện có 98,5% chi bộ tổ chức sinh hoạt định kỳ đúng quy định; kết nạp 245 đảng "
    "viên mới, đạt 102% chỉ tiêu Nghị quyết Đại hội đề ra."
)
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin huyện - Báo Tỉnh</title>
<meta property="og:site_name" content="Báo Tỉnh"></head><body>
<nav><a href="/">Trang chủ</a> <a href="/login">Đăng nhập</a></nav>
<article><h1>Tin huyện</h1><p>{BODY}</p>
<p>Huyện ủy tiếp tục chỉ đạo thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về học tập và làm theo tư tưởng,
đạo đức, phong cách Hồ Chí Minh trong toàn Đảng bộ huyện trong những năm tới.</p></article>
<footer>POWERED BY ABC</footer></body></html>"""


def read(path: Path | str, **kwargs: int) -> list[RawArticle | Failed]:
    return list(read_input(str(path), **kwargs))


def only(path: Path | str, **kwargs: int) -> RawArticle | Failed:
    items = read(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def failure(path: Path | str, kind: str, **kwargs: int) -> Failed:
    item = only(path, **kwargs)
    assert isinstance(item, Failed), item
    assert item.kind == kind, (item.kind, item.message)
    assert len(item.message) > 30 and item.path == str(path)
    return item


def write_warc(path: Path, records: list[tuple[str, str, int, str, bytes]], compress: bool = False) -> None:
    """Records as (type, uri, status, content type, payload)."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for rec_type, uri, status, content_type, payload in records:
            if rec_type == "response":
                http = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                body = io.BytesIO(payload)
                record = writer.create_warc_record(uri, "response", payload=body, http_headers=http)
            else:
                record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload))
            writer.write_record(record)


# ----------------------------------------------------------------------------- expand_inputs


def test_expand_folder_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    names = ("b.txt", "a.txt", "sub/c.html", "sub/deeper/d.jsonl", ".hidden.txt", ".git/x.txt", "sub/.cache",
             "sub/c_files/style.css", "sub/c_files/logo.PNG", "sub/c_files/app.js.gz", "sub/notes")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [os.path.relpath(p, tmp_path) for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b.txt", "sub/c.html", "sub/deeper/d.jsonl", "sub/notes"]
    named = list(expand_inputs([str(tmp_path / "sub" / "c_files" / "*")]))
    assert [os.path.basename(p) for p in named] == ["app.js.gz", "logo.PNG", "style.css"]


def test_expand_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "inner").mkdir(parents=True)
    (tmp_path / "corpus" / "inner" / "page.txt").write_text("x")
    (tmp_path / "corpus" / "inner" / "loop").symlink_to(tmp_path / "corpus")
    (tmp_path / "corpus" / "self").symlink_to(".")
    started = time.monotonic()
    found = list(expand_inputs([str(tmp_path / "corpus"), str(tmp_path / "corpus" / "**")]))
    assert time.monotonic() - started < 5
    assert [os.path.basename(p) for p in found] == ["page.txt"]


def test_expand_globs_and_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("corpus/a.txt", "corpus/b.html", "corpus/x/c.txt", "corpus/x/y/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list(expand_inputs(["corpus/*.txt"])) == ["corpus/a.txt"]
    assert list(expand_inputs(["corpus/**/*.txt"])) == ["corpus/a.txt", "corpus/x/c.txt", "corpus/x/y/d.txt"]
    assert list(expand_inputs(["corpus/x/[cd].txt", "corpus/?.html"])) == ["corpus/x/c.txt", "corpus/b.html"]
    assert list(expand_inputs([str(tmp_path / "corpus" / "*.html")])) == [str(tmp_path / "corpus" / "b.html")]
    assert list(expand_inputs(["nothing/*.txt", "missing.txt", "-"])) == ["nothing/*.txt", "missing.txt", "-"]
    assert list(expand_inputs(["corpus/a.txt", "corpus"]))[0:2] == ["corpus/a.txt", "corpus/b.html"]


def test_not_found_and_folders(tmp_path: Path) -> None:
    assert "Check the path" in failure(tmp_path / "missing.txt", "not_found").message
    (tmp_path / "empty").mkdir()
    assert [f.kind for f in read_inputs([str(tmp_path / "empty")])] == ["not_found"]
    assert [f.kind for f in read_inputs([str(tmp_path / "nothing-*.txt")])] == ["not_found"]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("Một dòng.")
    failure(tmp_path / "full", "unreadable")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert "symbolic link" in failure(tmp_path / "dangling.txt", "not_found").message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.inputs

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    (tmp_path / "secret.txt").write_text(BODY)
    monkeypatch.setattr(pipeline.ingest.inputs, "open", denied, raising=False)
    assert "Permission denied" in failure(tmp_path / "secret.txt", "unreadable").message


# ----------------------------------------------------------------------------- text and encodings


def test_txt_page_dump(tmp_path: Path) -> None:
    raw = f"Tiêu đề bài viết\r\n\r\nThứ Hai, 12/04/2021\r\n{BODY}\rBình luận\n".encode()
    (tmp_path / "page.txt").write_bytes(raw)
    article = only(tmp_path / "page.txt")
    assert isinstance(article, RawArticle) and article.fmt == "txt" and article.title is None
    assert article.text == f"Tiêu đề bài viết\n\nThứ Hai, 12/04/2021\n{BODY}\nBình luận\n"
    assert article.digest == hashlib.sha1(raw).hexdigest()


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: unicodedata.normalize("NFD", t).encode(),
    ],
    ids=["bom", "utf16-bom", "utf16le", "utf16be", "nfd"],
)
def test_txt_encodings(tmp_path: Path, encode) -> None:
    (tmp_path / "page.txt").write_bytes(encode(BODY))
    assert only(tmp_path / "page.txt").text == BODY


def test_cp1258_html_with_meta_charset(tmp_path: Path) -> None:
    (tmp_path / "old.html").write_bytes(cp1258(PAGE.replace("utf-8", "windows-1258")))
    article = only(tmp_path / "old.html")
    assert isinstance(article, RawArticle) and BODY in article.text and article.title == "Tin huyện"


def test_empty_binary_and_undecodable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 50)
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    failure(tmp_path / "empty.txt", "empty")
    failure(tmp_path / "blank.txt", "empty")
    assert "PNG" in failure(tmp_path / "image.html", "binary").message
    assert "PDF" in failure(tmp_path / "doc.txt", "binary").message
    failure(tmp_path / "nul.txt", "binary")
    tar_header = b"page.txt".ljust(257, b"\0") + b"ustar\x0000" + b"\0" * 300
    (tmp_path / "corpus.tar.gz").write_bytes(gzip.compress(tar_header))
    assert "Unpack" in failure(tmp_path / "corpus.tar.gz", "binary").message
    failure(tmp_path / "noise.txt", "undecodable")


def test_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BODY * 40)
    message = failure(tmp_path / "big.txt", "too_large", max_bytes=1000).message
    assert "over 4.0 KB" in message and "1.0 KB of text" in message and "max_bytes" in message
    (tmp_path / "big.html").write_text(f"<html><body><p>{BODY * 20}</p></body></html>")
    html_failure = failure(tmp_path / "big.html", "too_large", max_bytes=3000)
    assert "text is" in html_failure.message and "over the 3.0 KB limit" in html_failure.message
    assert isinstance(only(tmp_path / "big.txt"), RawArticle)
    assert MAX_BYTES == 5_000_000


# ----------------------------------------------------------------------------- HTML


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


def test_sniffing_unknown_and_lying_extensions(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(PAGE)
    (tmp_path / "saved.txt").write_text(PAGE)
    (tmp_path / "dump").write_text(json.dumps({"title": "A", "text": BODY}) + "\n")
    (tmp_path / "notes.md").write_text(BODY)
    assert only(tmp_path / "page.php").fmt == "html"
    assert only(tmp_path / "saved.txt").fmt == "html"
    assert only(tmp_path / "dump").path == f"{tmp_path / 'dump'}#1"
    assert only(tmp_path / "notes.md").text == BODY


# ----------------------------------------------------------------------------- JSON


def test_jsonl_good_and_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"link": "https://dantri.com.vn/a.htm", "Title": "Bài A", "time": "2021-04-21",
                    "content": BODY}, ensure_ascii=False),
        '{"title": "broken", "text": "unterminated',
        "",
        "[1, 2]",
        json.dumps({"url": "https://x.vn/b", "headline": "Bài B", "maintext": ["Đoạn 1.", "Đoạn 2."],
                    "byline": ["Lam Giang", {"name": "Triều Dương"}], "published_at": 1618987200}),
        json.dumps({"url": "https://x.vn/c", "title": "Không có nội dung", "description": "?"}),
        json.dumps({"URL": "https://x.vn/d", "raw_html": PAGE, "author": "A; B"}),
    ]  # fmt: skip
    path = tmp_path / "dump.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n")
    items = read(path)
    assert [item.path.rsplit("#", 1)[1] for item in items] == ["1", "2", "4", "5", "6", "7"]
    first, broken, array, second, empty, html = items
    assert isinstance(first, RawArticle) and first.fmt == "jsonl" and first.text == BODY
    assert (first.url, first.title, first.published) == ("https://dantri.com.vn/a.htm", "Bài A", "2021-04-21")
    assert first.digest == hashlib.sha1(lines[0].encode()).hexdigest()
    assert isinstance(broken, Failed) and broken.kind == "bad_json" and "Line 2" in broken.message
    assert isinstance(array, Failed) and array.kind == "not_an_object" and "array" in array.message
    assert second.text == "Đoạn 1.\nĐoạn 2." and second.authors == ["Lam Giang", "Triều Dương"]
    assert second.published == "2021-04-21T06:40:00+00:00"
    assert isinstance(empty, Failed) and empty.kind == "no_content" and "description" in empty.message
    assert empty.url == "https://x.vn/c"
    assert isinstance(html, RawArticle) and BODY in html.text and html.title == "Tin huyện"
    assert html.url == "https://x.vn/d" and html.authors == ["A", "B"]


def test_json_array_single_object_and_broken_array(tmp_path: Path) -> None:
    records = [{"title": f"Bài {i}", "text": f"{BODY} {i}"} for i in range(3)]
    (tmp_path / "list.json").write_text(json.dumps(records, ensure_ascii=False, indent=2))
    assert [a.path.rsplit("#")[1] for a in read(tmp_path / "list.json")] == ["1", "2", "3"]
    (tmp_path / "one.json").write_text(json.dumps(records[0], indent=2))
    one = only(tmp_path / "one.json")
    assert isinstance(one, RawArticle) and one.path == str(tmp_path / "one.json") and one.title == "Bài 0"
    (tmp_path / "cut.json").write_text(json.dumps(records)[:-30])
    items = read(tmp_path / "cut.json")
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "Failed"]
    assert items[-1].kind == "bad_json" and "after item 2" in items[-1].message
    (tmp_path / "export.json").write_text(json.dumps({"source": "crawler", "count": 3, "articles": records}))
    assert [a.title for a in read(tmp_path / "export.json")] == ["Bài 0", "Bài 1", "Bài 2"]
    (tmp_path / "bad.json").write_text("{'single': 'quotes'}")
    failure(tmp_path / "bad.json", "bad_json")


def test_jsonl_overlong_line_and_utf16(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": BODY}) + "\n")
    kinds = [item.kind if isinstance(item, Failed) else "ok" for item in read(path, max_bytes=100)]
    assert kinds == ["too_large", "too_large"]  # the second record's text is also over 100 bytes
    kinds = [item.kind if isinstance(item, Failed) else "ok" for item in read(path, max_bytes=1000)]
    assert kinds == ["too_large", "ok"]
    powershell = (json.dumps({"text": BODY}, ensure_ascii=False) + "\r\n").encode("utf-16")
    (tmp_path / "ps.jsonl").write_bytes(powershell)
    assert only(tmp_path / "ps.jsonl").text == BODY


def test_jsonl_streams_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with open(path, "w") as handle:
        for i in range(4000):
            record = {"url": f"https://x.vn/{i}", "text": BODY * 3}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 2_000_000
    tracemalloc.start()
    count = sum(1 for _ in read_inputs([str(path)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 4000 and peak < 1_000_000


# ----------------------------------------------------------------------------- WARC


def test_warc_one_article_per_html_response(tmp_path: Path) -> None:
    page = PAGE.encode()
    records = [
        ("request", "https://baotinh.vn/a", 0, "", b"GET /a HTTP/1.1\r\n\r\n"),
        ("response", "https://baotinh.vn/a", 200, "text/html; charset=utf-8", page),
        ("response", "https://baotinh.vn/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00" * 50),
        ("response", "https://baotinh.vn/gone", 404, "text/html", b"<html><body><p>Not found</p></body>"),
        ("response", "https://baotinh.vn/b", 200, "application/xhtml+xml", page.replace(b"Tin h", b"Tin x")),
    ]
    for compress in (False, True):
        path = tmp_path / f"crawl.warc{'.gz' if compress else ''}"
        write_warc(path, records, compress)
        items = read(path)
        assert [item.path for item in items] == [f"{path}#2", f"{path}#5"]
        assert all(isinstance(item, RawArticle) and item.fmt == "warc" for item in items)
        assert items[0].url == "https://baotinh.vn/a" and items[0].published is None
        assert items[0].digest == hashlib.sha1(page).hexdigest() and BODY in items[0].text


def test_warc_without_pages_and_truncated(tmp_path: Path) -> None:
    write_warc(tmp_path / "assets.warc", [("response", "https://x.vn/a.css", 200, "text/css", b"body{}")])
    assert "text/css" in failure(tmp_path / "assets.warc", "no_articles").message
    pages = [("response", f"https://x.vn/{i}", 200, "text/html", PAGE.encode()) for i in range(3)]
    for name, compress in (("full.warc.gz", True), ("full.warc", False)):
        write_warc(tmp_path / name, pages, compress)
        data = (tmp_path / name).read_bytes()
        for cut in (len(data) * 2 // 3 + 40, len(data) // 2, 200):  # inside a record, never on a boundary
            (tmp_path / f"cut-{name}").write_bytes(data[:cut])
            items = read(tmp_path / f"cut-{name}")
            assert isinstance(items[-1], Failed) and items[-1].kind == "bad_warc", (name, cut, items)
            assert all(isinstance(item, RawArticle) for item in items[:-1]) and len(items) <= 3
    (tmp_path / "fake.warc").write_text("not a warc at all\n")
    failure(tmp_path / "fake.warc", "bad_warc")


# ----------------------------------------------------------------------------- gzip and stdin


def test_gzip_of_each_format(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "x.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    jsonl = "\n".join(json.dumps({"text": f"{BODY} {i}"}) for i in range(3)).encode()
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(jsonl))
    (tmp_path / "plain.txt.gz").write_bytes(BODY.encode())  # named .gz but not compressed
    assert only(tmp_path / "page.html.gz").fmt == "html"
    assert only(tmp_path / "x.txt.gz").text == BODY
    assert [a.path.rsplit("#")[1] for a in read(tmp_path / "dump.jsonl.gz")] == ["1", "2", "3"]
    assert only(tmp_path / "plain.txt.gz").text == BODY
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate")
    failure(tmp_path / "bad.txt.gz", "bad_gzip")
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(jsonl * 200)[:-200])
    items = read(tmp_path / "cut.jsonl.gz")
    assert isinstance(items[-1], Failed) and items[-1].kind == "bad_gzip"


class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "paths", "fmt"),
    [
        (b'{"text": "A"}\n{"text": "B"}\n', ["-#1", "-#2"], "jsonl"),
        (PAGE.encode(), ["-"], "html"),
        (BODY.encode(), ["-"], "txt"),
        (gzip.compress(BODY.encode()), ["-"], "txt"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, paths: list[str], fmt: str) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    items = list(read_inputs(["-"]))
    assert [i.path for i in items] == paths and all(isinstance(i, RawArticle) and i.fmt == fmt for i in items)


def test_stdin_text_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))
    assert only("-").text == BODY


# ----------------------------------------------------------------------------- robustness and real data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(str.encode)),
    name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a.warc", "a.txt.gz", "a.warc.gz", "x"]),
)
def test_any_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for item in read_input(str(path)):
        if isinstance(item, Failed):
            assert item.kind in FAILURE_KINDS, (item.kind, item.message)
            assert item.message
        else:
            assert unicodedata.is_normalized("NFC", item.text) and "\r" not in item.text


@needs_shared
def test_real_corpus() -> None:
    items = list(read_inputs([str(SHARED / "seeds"), str(SHARED / "dev-dantri.jsonl")]))
    assert len(items) == 15 and all(isinstance(i, RawArticle) for i in items)
    assert items[0].path.endswith("000_97edc108545c4d6d.txt") and items[5].path.endswith("dev-dantri.jsonl#1")
    assert items[5].url.startswith("https://dantri.com.vn/") and items[5].published == "2021-04-21"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(json_values, max_size=6), st.integers(min_value=1, max_value=9), st.booleans(), st.booleans())
def test_json_array_scanner_across_chunk_boundaries(
    items: list, chunk: int, pretty: bool, escaped: bool
) -> None:
    from pipeline.ingest.readers.jsonl import _ArrayScanner

    text = json.dumps(items, indent=2 if pretty else None, ensure_ascii=escaped)
    stream = io.BytesIO(text.encode("utf-8", "surrogatepass"))
    framed = list(_ArrayScanner(stream, limit=10**6, chunk=chunk).items())
    assert [json.loads(item.decode("utf-8", "surrogatepass")) for item in framed] == items


def test_json_array_scanner_skips_an_item_over_the_limit_without_holding_it() -> None:
    from pipeline.ingest.readers.jsonl import _ArrayScanner

    big = {"text": "a\\\"[{," * 50_000}  # escapes and brackets inside the string do not count
    data = json.dumps([{"text": "một"}, big, {"text": "hai"}], ensure_ascii=False).encode()
    framed = list(_ArrayScanner(io.BytesIO(data), limit=10_000, chunk=64).items())
    assert [json.loads(item) if item else None for item in framed] == [{"text": "một"}, None, {"text": "hai"}]
    for broken in (b'[{"a": 1}, ', b'[{"a": "x]}', b'{"a": 1}', b"[1,,2]"):
        with pytest.raises(ValueError):
            list(_ArrayScanner(io.BytesIO(broken), limit=100).items())


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
