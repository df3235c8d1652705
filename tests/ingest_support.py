"""Fixtures and readers the ingest tests share: a sample page, its body, and read-one helpers."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.ingest.inputs import read_input
from pipeline.model import Failed, RawArticle

DATA = Path(__file__).parent / "data" / "ingest"
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
    """Every item one input yields."""
    return list(read_input(str(path), **kwargs))


def only(path: Path | str, **kwargs: int) -> RawArticle | Failed:
    """The one item an input yields."""
    items = read(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def failure(path: Path | str, kind: str, **kwargs: int) -> Failed:
    """The one error record an input yields, of the kind expected and with a message a person can act on."""
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
