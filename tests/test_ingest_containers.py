"""Ingest of containers: JSON Lines and arrays, WARC, gzip and standard input."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.inputs import read_inputs
from pipeline.model import Failed, RawArticle
from tests.ingest_support import BODY, PAGE, failure, only, read, write_warc

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

