"""bench/attribution_errors.py: where a wrong attribute stands, and the score-only half refused."""

from __future__ import annotations

import sys

import pytest

from tests.bench_scripts import load_bench_script


def test_where_places_a_value_against_its_sentence() -> None:
    errors = load_bench_script("attribution_errors")
    sentence = "Năm 2020, Hội Nông dân các cấp đã vận động 120 hộ."
    assert errors._where(None, sentence) == "null"
    assert errors._where("hội nông dân các cấp", sentence) == "inside"
    assert errors._where("tỉnh Quảng Nam", sentence) == "outside"


def test_heldout_refuses_a_test_file_among_dev_files(monkeypatch: pytest.MonkeyPatch) -> None:
    errors = load_bench_script("attribution_errors")
    paths = ["tests/heldout/extraction-dev3.jsonl", "tests/heldout/extraction-test3.jsonl"]
    monkeypatch.setattr(sys, "argv", ["attribution_errors.py", "heldout", *paths, "--counts"])
    with pytest.raises(SystemExit) as stopped:
        errors.main()
    assert "score only" in str(stopped.value)
