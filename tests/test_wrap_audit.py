"""The wrap audit (bench/wrap_audit.py): how it renders a passage, and what it refuses to print."""

from __future__ import annotations

import pytest

from tests.bench_scripts import load_bench_script

wrap_audit = load_bench_script("wrap_audit")

GOLD = {"lines": [{"text": "Đảng bộ Khối hiện có 95 tổ chức cơ sở đảng với 3.650 đảng viên và gần 12.000 "
                           "cán bộ, công chức, viên chức và người lao động trong toàn khối."},
                  {"text": "Ngày 7-4-2021, Ban Thường vụ tổ chức hội nghị."}]}


def test_a_wrapped_form_breaks_each_paragraph_at_its_width_and_keeps_paragraphs_apart() -> None:
    dump = wrap_audit.render("wrap72", GOLD)
    paragraphs = dump.strip().split("\n\n")
    assert len(paragraphs) == 2 and all(len(line) <= 72 for line in dump.splitlines())
    assert len(paragraphs[0].splitlines()) > 1


@pytest.mark.parametrize("argv", [["--per-file", "--test-half"],
                                  ["tests/heldout/extraction-test.jsonl"],
                                  ["--test-half", "tests/heldout/extraction-test.jsonl"]])
def test_the_score_only_files_are_scored_pooled_or_not_at_all(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        wrap_audit.main(argv)
