"""Issue 15, defect 9: pathological texts are processed in linear time, the text kept whole, and the
spans that caused it skipped by extraction only; normal articles are untouched by the guards."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.engine.guards import for_extraction, pathological_spans
from pipeline.engine.runner import time_limit
from pipeline.engine.stages import process
from pipeline.model import RawArticle
from tests.conftest import CORPUS, DEV_INPUT
from tests.growth import assert_linear

PARAGRAPH = ("Năm 2020, Đảng bộ huyện kết nạp 245 đảng viên mới, đạt 102% chỉ tiêu theo Chỉ thị 05-CT/TW "
             "của Bộ Chính trị.")
HANG_LIMIT = 300  # seconds: past this a page fails the test instead of hanging it (no speed target)
REPEATED = "Huyện ủy chỉ đạo 35 chi bộ học tập Nghị quyết 36-NQ/TW về công tác dân vận. "


@pytest.fixture(scope="module")
def warm() -> None:
    from pipeline.engine.runner import _warm_worker

    _warm_worker()


def _process(text: str) -> dict[str, Any]:
    """The record of a page, failing (not hanging) past the limit."""
    with time_limit(HANG_LIMIT):
        return process(RawArticle(path="page.txt", text=f"Tin huyện\n\n{PARAGRAPH}\n\n{text}\n", digest="1"))


def _figures(record: dict[str, Any]) -> list[tuple[Any, str]]:
    return [(figure["value"], figure["unit"]) for figure in record["figures"]]


def _digits(tens: int) -> str:
    """A sentence with a run of 10 × `tens` digits."""
    return "Có " + "1234567890" * tens + " người dự hội nghị."


def _repeated(size: int) -> str:
    """One sentence repeated for about `size` characters."""
    return REPEATED * (size // len(REPEATED))


def test_a_run_of_100000_digits_in_a_sentence(warm: None) -> None:
    text = _digits(10_000)
    record = _process(text)
    assert text in record["text"]  # the text is kept whole
    assert (245, "đảng viên mới") in _figures(record)  # and the rest is still read
    assert {d["id"] for d in record["directives"]} == {"05-CT/TW"}
    body = record["text"]
    for entity in record["entities"]:  # offsets index the kept text
        if entity.get("field", "text") == "text":
            assert body[entity["start"]:entity["end"]] == entity["text"]


def test_400_kb_of_one_repeated_sentence(warm: None) -> None:
    text = _repeated(400_000)
    record = _process(text)
    assert text.strip() in record["text"]
    assert (245, "đảng viên mới") in _figures(record) and (35, "chi bộ") in _figures(record)
    assert {"05-CT/TW", "36-NQ/TW"} <= {d["id"] for d in record["directives"]}


def test_a_page_grows_linearly_with_a_run_of_digits(warm: None) -> None:
    assert_linear(_digits, _process, 1_000)  # 10,000 digits, then 100,000: unguarded, 20,000 took 56 s


def test_a_page_grows_linearly_with_a_repeated_sentence(warm: None) -> None:
    # 40 KB, then 400 KB: unguarded, 200 KB took 14 s and 400 KB over 40 s
    assert_linear(_repeated, _process, 40_000, repeats=1)


def test_runs_are_capped_not_cut() -> None:
    text = "Đảng bộ Khối (TCCSĐ" + ")" * 5_000 + " và " + "1 " * 3_000 + "đảng viên.\nDòng sau."
    read = for_extraction(text)
    assert len(read) == len(text)
    assert all(read[i] == "\n" for i, char in enumerate(text) if char == "\n")
    assert read.startswith("Đảng bộ Khối (TCCSĐ" + ")" * 64 + "\n")  # capped: the start stays
    assert read.endswith("đảng viên.\nDòng sau.")
    assert ")" * 65 not in read and "1 " * 129 not in read
    assert for_extraction(read) == read  # blanks are not pathological


def test_a_list_that_repeats_a_line_is_not_pathological() -> None:
    """Real pages repeat a line per item (each case of a daily COVID report): extraction reads all."""
    report = "".join(f"Bệnh nhân {n}: nam, {30 + n} tuổi. Kết quả xét nghiệm ngày 22/4 dương tính với "
                     "SARS-CoV-2.\n" for n in range(40))
    assert pathological_spans(report) == []
    assert pathological_spans(report * 5) == []  # 20 KB, but the repeated line is not most of it


@pytest.mark.skipif(not DEV_INPUT.exists(), reason="../shared is not beside the checkout")
def test_real_articles_have_no_pathological_span() -> None:
    from pipeline.ingest.inputs import read_inputs

    articles = [item for item in read_inputs([str(CORPUS), str(DEV_INPUT)]) if isinstance(item, RawArticle)]
    assert len(articles) == 15
    assert [item.path for item in articles if pathological_spans(item.text)] == []


def test_nothing_is_found_across_the_skipped_span(warm: None) -> None:
    """The last '1' of a skipped run and the unit after it are not one figure: offsets stay exact."""
    from tests.test_invariants import check_offsets

    record = _process("Đảng bộ có " + "1 " * 3_000 + "đảng viên và " + "1,5 " * 2_000 + "tỷ đồng.")
    check_offsets(record)  # every mention's text is the record's text at its offsets
    assert (245, "đảng viên mới") in _figures(record)
    assert all("  " not in figure["text"] for figure in record["figures"])
