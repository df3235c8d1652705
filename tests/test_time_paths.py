"""bench/time_paths.py: each figure time tallied by the path it took, and the score-only half refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import figure_time
from tests.bench_scripts import load_bench_script

PASSAGE = {
    "key": {"url": "https://example.vn/a"},
    "host": "example.vn",
    "published": "2021-03-10",
    "lines": [
        {"text": "Năm 2020, huyện kết nạp 120 đảng viên mới. Huyện đã trao 35 suất quà.", "class": "body"},
    ],
    "figures": [
        {"text": "120 đảng viên mới", "value": 120, "unit": "đảng viên mới", "time": "2020"},
        {"text": "35 suất quà", "value": 35, "unit": "suất quà", "time": "2019"},
    ],
}


def test_a_sentence_date_and_a_carried_period_are_told_apart(tmp_path: Path) -> None:
    paths = load_bench_script("time_paths")
    gold = tmp_path / "extraction-dev-tiny.jsonl"
    gold.write_text(json.dumps(PASSAGE, ensure_ascii=False) + "\n", encoding="utf-8")
    original = figure_time.Dating.time
    counts, _, errors = paths.tally([str(gold)])
    assert counts[("sentence", True)] == 1  # "Năm 2020, ... 120 đảng viên mới": its own sentence's year
    assert counts[("carried", False)] == 1  # the next sentence names none: the paragraph's 2020, not 2019
    assert [(way, theirs["text"]) for way, _, _, theirs in errors] == [("carried", "35 suất quà")]
    assert figure_time.Dating.time is original  # the recorder is taken off again


def test_a_test_file_is_refused_before_any_is_read() -> None:
    paths = load_bench_script("time_paths")
    with pytest.raises(SystemExit) as stopped:
        paths.tally(["tests/heldout/extraction-dev3.jsonl", "tests/heldout/extraction-test3.jsonl"])
    assert "score only" in str(stopped.value)
