"""The cleaning harness (bench/cleaning_eval.py): three faithful forms of a page, scored as vnie eval does."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from tests.bench_scripts import load_bench_script

cleaning_eval = load_bench_script("cleaning_eval")

PAGE = {
    "key": {"url": "https://baoquangtri.vn/xay-dung-dang/ket-nap-120-dang-vien-moi-12345.htm"},
    "host": "baoquangtri.vn",
    "title": "Kết nạp 120 đảng viên mới",
    "published": "2021-03-02T08:15",
    "authors": ["Lê Minh"],
    "top": [
        {"text": "Trang chủ", "class": "boilerplate"},
        {"text": "Kết nạp 120 đảng viên mới", "class": "title"},
        {"text": "08:15, 02/03/2021", "class": "meta"},
        {"text": "Trong năm 2020, Đảng bộ huyện đã kết nạp 120 đảng viên mới, đạt 104% kế hoạch đề ra.",
         "class": "body"},
        {"text": "Các chi bộ thôn đã chú trọng bồi dưỡng quần chúng ưu tú, nhất là đoàn viên thanh niên.",
         "class": "body"},
    ],
    "tail": [
        {"text": "Lê Minh", "class": "meta"},
        {"text": "Tin liên quan", "class": "boilerplate"},
        {"text": "Huyện Hải Lăng kết nạp 85 đảng viên theo Chỉ thị 05-CT/TW", "class": "boilerplate"},
        {"text": "BÁO QUẢNG TRỊ ĐIỆN TỬ", "class": "boilerplate"},
    ],
}


def test_the_text_form_is_every_line_in_order() -> None:
    text = cleaning_eval.render_text(PAGE)
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines == [line["text"] for line in cleaning_eval.page_lines(PAGE)]


def test_the_crawler_record_holds_the_whole_page_and_no_title() -> None:
    record = cleaning_eval.render_record(PAGE)
    assert "title" not in record
    assert record["content"].split("\n") == [line["text"] for line in cleaning_eval.page_lines(PAGE)]
    assert PAGE["key"]["url"] in record.values()


def test_the_html_form_puts_each_line_in_its_own_element() -> None:
    page = lxml_html.fromstring(cleaning_eval.render_html(PAGE))
    blocks = [" ".join(e.text_content().split()) for e in page.iter("p", "li", "h1", "figcaption", "span",
                                                                     "strong", "b", "a", "td")]
    for line in cleaning_eval.page_lines(PAGE):
        assert line["text"] in blocks, line
    assert page.xpath("//nav//a")[0].text_content() == "Trang chủ"  # top chrome is navigation


def test_renderings_are_stable_and_vary_between_pages() -> None:
    assert cleaning_eval.render_html(PAGE) == cleaning_eval.render_html(json.loads(json.dumps(PAGE)))
    headings = set()
    for n in range(12):
        other = {**PAGE, "key": {"url": f"https://example.vn/bai-{n}.html"}}
        headings.add(lxml_html.fromstring(cleaning_eval.render_html(other)).find(".//h1") is not None)
    assert headings == {True, False}  # the title is in an <h1> on some pages only


def test_the_harness_scores_each_form(tmp_path: Path) -> None:
    gold = tmp_path / "cleaning.jsonl"
    gold.write_text(json.dumps(PAGE, ensure_ascii=False) + "\n", encoding="utf-8")
    result = cleaning_eval.evaluate_file(gold)
    assert set(result["forms"]) == {"txt", "html", "jsonl"}
    for scores in result["forms"].values():
        assert scores["body_kept"]["total"] == 2 and scores["boilerplate_left"]["total"] == 4
        assert scores["errors"] == 0
    assert result["total"]["body_kept"]["total"] == 6
