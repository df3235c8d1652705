"""Pages the cleaning tests share: an article's lines, a list of other headlines, and builders."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pipeline.clean.lines import classify
from pipeline.engine.stages import process
from pipeline.ingest.inputs import read_input
from pipeline.model import RawArticle

LEAD = ("Ngày 12/4, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của "
        "Bộ Chính trị, với sự tham dự của 120 đại biểu là bí thư các chi bộ, đảng bộ cơ sở.")
SECOND = ("Qua 5 năm, toàn huyện có 95% cán bộ, đảng viên đăng ký làm theo Bác; nhiều mô hình hay được nhân "
          "rộng, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội của địa phương.")
LAST = "Dịp này, Huyện ủy khen thưởng 12 tập thể và 20 cá nhân có thành tích tiêu biểu."
TITLE_LINE = "Huyện ủy sơ kết 5 năm thực hiện Chỉ thị 05 của Bộ Chính trị"
RELATED = [
    "Tỉnh ủy ban hành Nghị quyết 15-NQ/TU về phát triển kinh tế biển",
    "Kết nạp 85 đảng viên mới trong quý I",
    "Huyện Hải Lăng giải ngân 3,5 tỷ đồng hỗ trợ hộ nghèo",
]


def classes_of(text: str, title: str | None = None, url: str | None = None) -> dict[str, str]:
    """Each line's class, as the cleaner gives it."""
    return {line.text: line.cls for line in classify(text, title, url)}


def page_of(*lines: str) -> str:
    """A text dump of these lines."""
    return "\n".join(lines)


def html_record(head: str, article: str, url: str | None = None) -> dict[str, Any]:
    """The record of an HTML page of a provincial paper holding this head and article."""
    page = (f"<html><head>{head}</head><body><header><a href='/'>BÁO QUẢNG TRỊ</a></header>"
            f"<nav><ul><li><a href='/xd'>Xây dựng Đảng</a></li></ul></nav><main><article>{article}"
            f"</article></main><footer><p>Bản quyền thuộc về Báo Quảng Trị</p></footer></body></html>")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        (raw,) = list(read_input(str(path)))
    return process(raw if url is None else RawArticle(**{**raw.__dict__, "url": url}))


BODY_HTML = f"<p>{LEAD}</p><p>{SECOND}</p><p>{LAST}</p>"
