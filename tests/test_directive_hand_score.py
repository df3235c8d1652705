"""bench/directive_hand_score.py: ids matched by the scorer's key, misses placed, open references neutral."""

from __future__ import annotations

import pytest

from tests.bench_scripts import load_bench_script

URL = "https://example.gov.vn/tin"
RECORD = {
    "source": {"url": URL},
    "title": "Triển khai Kế hoạch số 12-KH/HU",
    "text": "Thực hiện Kế hoạch số 12-KH/HU và Nghị quyết số 05-NQ/TW, huyện xây dựng quy chế làm việc.",
    "meta": [],
    "boilerplate": ["Số: 30/QĐ-UBND"],
    "directives": [
        {"id": "12-KH/HU", "text": "Kế hoạch số 12-KH/HU"},
        {"id": "Quy chế làm việc", "text": "quy chế làm việc"},
        {"id": "Nghị quyết 99", "text": "Nghị quyết 99"},
    ],
}
HAND = [
    {"url": URL, "text": "Kế hoạch số 12-KH/HU", "id": "12-KH/HU"},
    {"url": URL, "text": "Nghị quyết số 05-NQ/TW", "id": "05-NQ/TW"},
    {"url": URL, "text": "Số: 30/QĐ-UBND", "id": "30/QĐ-UBND"},
    {"url": URL, "text": "quy chế làm việc", "id": "?", "sure": False},
]


def test_matches_misses_and_extras_are_counted_by_the_scorers_key() -> None:
    result = load_bench_script("directive_hand_score").score([RECORD], HAND)
    assert result["matched"] == 1
    assert {(m["id"], m["where"]) for m in result["missed"]} == {
        ("05-NQ/TW", "text"),
        ("30/QĐ-UBND", "boilerplate"),
    }
    assert [e["id"] for e in result["extra"]] == ["Nghị quyết 99"]
    assert result["open"] == 1  # the open reference the run found is no extra


@pytest.mark.parametrize("path", ["tests/heldout/extraction-dev3.jsonl", "/tmp/x-test9.jsonl"])
def test_a_heldout_file_is_refused(path: str) -> None:
    with pytest.raises(SystemExit):
        load_bench_script("directive_hand_score")._refuse_heldout(path)
