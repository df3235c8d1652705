"""The page-top audit (bench/page_top_audit.py): the datelines and headline surroundings it renders."""

from __future__ import annotations

import copy

import pytest

from tests.bench_scripts import load_bench_script
from tests.test_cleaning_eval import PAGE

page_top_audit = load_bench_script("page_top_audit")


def _texts(form: str) -> tuple[list[str], list[str]]:
    other = copy.deepcopy(PAGE)
    other["key"] = {"url": "https://baoquangtri.vn/other-2.htm"}
    other["title"] = "Huyện Hải Lăng tổ chức hội nghị tổng kết công tác năm"
    done = page_top_audit.perturb(form, [PAGE, other], 0)
    assert done is not None
    page, expected = done
    return [x["text"] for x in page["top"]], expected


@pytest.mark.parametrize(("form", "dateline"), [
    ("weekday", "Thứ Ba, 02/03/2021 08:15"), ("dash", "02/03/2021 - 08:15"),
    ("timefirst", "08:15 | 02-03-2021"), ("posted", "Ngày đăng: 02/03/2021 08:15"),
    ("english", "March 2, 2021 08:15"), ("spaced", "Đăng ngày 02 - 03 - 2021 08:15"),
])
def test_the_dateline_is_written_in_the_forms_sites_use(form: str, dateline: str) -> None:
    texts, expected = _texts(form)
    assert texts[2] == dateline and "08:15, 02/03/2021" not in texts and expected == ["Lê Minh"]


def test_a_glued_dateline_carries_the_byline_and_the_byline_line_goes() -> None:
    texts, expected = _texts("glued")
    assert "Lê Minh - 02/03/2021 08:15" in texts and "Lê Minh" not in texts and expected == ["Lê Minh"]


def test_the_dateline_moves_over_the_headline_or_under_the_article() -> None:
    above, _ = _texts("above")
    assert above.index("08:15, 02/03/2021") == above.index("Kết nạp 120 đảng viên mới") - 1
    bottom, _ = _texts("bottom")
    assert bottom.index("08:15, 02/03/2021") == bottom.index("Lê Minh") - 1


def test_a_breadcrumb_stands_under_the_headline_and_a_label_over_it() -> None:
    below, _ = _texts("crumb-below")
    assert below.index("Kết nạp 120 đảng viên mới") + 1 == below.index(next(t for t in below if ">" in t
                                                                             or "»" in t or "/" in t))
    labelled, _ = _texts("label")
    assert labelled[labelled.index("Kết nạp 120 đảng viên mới") - 1] in page_top_audit.LABELS


def test_the_slug_forms_spell_this_headline_or_another_pages() -> None:
    page, _ = page_top_audit.perturb("slug", [PAGE, PAGE], 0)
    assert "ket-nap-120-dang-vien-moi" in page["key"]["url"]


def test_the_audit_refuses_the_score_only_files() -> None:
    with pytest.raises(SystemExit):
        page_top_audit.main(["tests/heldout/cleaning-test.jsonl"])


def test_a_headglued_dateline_joins_the_headline_line_and_the_dateline_line_goes() -> None:
    texts, expected = _texts("headglued")
    assert "08:15, 02/03/2021" not in texts and "Kết nạp 120 đảng viên mới" not in texts
    assert any("Kết nạp 120 đảng viên mới" in t and "02/03/2021" in t for t in texts)
    assert expected == ["Lê Minh"]
