"""The byline audit (bench/byline_audit.py): the forms it renders and the authors each one expects."""

from __future__ import annotations

import copy

import pytest

from tests.bench_scripts import load_bench_script
from tests.test_cleaning_eval import PAGE

byline_audit = load_bench_script("byline_audit")


def _texts(form: str, family: str = "") -> tuple[list[str], list[str]]:
    other = copy.deepcopy(PAGE)
    other["key"] = {"url": "https://baoquangtri.vn/other-2.htm"}
    other["title"] = "Huyện Hải Lăng tổ chức hội nghị tổng kết công tác năm"
    lines, expected = byline_audit.perturb(form, [PAGE, other], 0, family)
    return [x["text"] for x in lines], expected


def test_without_its_byline_a_page_expects_no_author() -> None:
    texts, expected = _texts("nobyline")
    assert "Lê Minh" not in texts and expected == []


def test_a_moved_byline_stands_under_the_headline() -> None:
    texts, expected = _texts("moved")
    assert texts.index("Lê Minh") == texts.index("Kết nạp 120 đảng viên mới") + 1 and expected == ["Lê Minh"]


@pytest.mark.parametrize("family", ["unit", "ward", "initials", "headline"])
def test_a_decoy_stands_under_the_byline_and_the_author_is_still_expected(family: str) -> None:
    texts, expected = _texts("decoy-tail", family)
    assert texts[texts.index("Lê Minh") + 1] not in {x["text"] for x in PAGE["tail"]}
    assert expected == ["Lê Minh"]


def test_the_audit_refuses_the_score_only_files() -> None:
    with pytest.raises(SystemExit):
        byline_audit.main(["tests/heldout/cleaning-test.jsonl"])


def test_linked_lists_the_other_pages_headlines_under_the_byline_and_keeps_its_author() -> None:
    texts, expected = _texts("linked")
    assert texts[texts.index("Lê Minh") + 1] == "Huyện Hải Lăng tổ chức hội nghị tổng kết công tác năm"
    assert expected == ["Lê Minh"]
