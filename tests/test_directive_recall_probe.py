"""bench/directive_recall_probe.py: the shapes it puts an uncovered type word in."""

from __future__ import annotations

import pytest

from tests.bench_scripts import load_bench_script

probe = load_bench_script("directive_recall_probe")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Chi bộ triển khai NQ 35 của Bộ Chính trị.", [("number", "abbr", "nq")]),
        ("Đảng bộ học tập CT05 của Bộ Chính trị.", [("number", "abbr", "ct")]),
        (
            "Thực hiện Chỉ thị ngày 15-5-2016 của Bộ Chính trị, chi bộ họp.",
            [("date-only", "capital", "chỉ thị")],
        ),
        (
            "Thực hiện Chỉ thị ngày 15-5-2016 số 05 của Bộ Chính trị.",
            [("date-then-number", "capital", "chỉ thị")],
        ),
        ("Chi bộ bàn về nq 35 và CTV của đài.", []),
    ],
)
def test_abbreviations_and_dates_alone_are_shapes(text: str, found: list[tuple[str, str, str]]) -> None:
    rows = probe.candidates(text, [], probe.type_pattern())
    assert [(row["shape"], row["case"], row["type"]) for row in rows] == found
