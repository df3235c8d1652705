"""bench/place_recall_probe.py: where it looks for places, and what counts as covered."""

from __future__ import annotations

import pytest

from pipeline.text import unlike_a_syllable
from tests.bench_scripts import load_bench_script

probe = load_bench_script("place_recall_probe")


@pytest.mark.parametrize(("word", "foreign"), [
    ("Detroit", True), ("Salavan", True), ("Krông", True), ("K'bang", True), ("Ansan", True),
    ("Nguyễn", False), ("Quyết", False), ("Người", False), ("Khuya", False), ("Rio", False),
])
def test_a_foreign_word_is_no_vietnamese_syllable(word: str, foreign: bool) -> None:
    assert unlike_a_syllable(word) is foreign


def test_uncovered_runs_are_grouped_by_the_word_before_them() -> None:
    text = "Ông về thăm thôn Bản Phu ở thành phố Detroit; nhà máy tại Manesar và đường Lê Lợi."
    road = {"start": text.index("đường"), "end": len(text) - 1, "field": "text"}
    record = {"title": "", "text": text, "locations": [{"name": "đường Lê Lợi", "mentions": [road]}]}
    counts, uncovered = probe.probe(iter([("a", record)]))
    names = {shape: [name for _, name, _ in rows] for shape, rows in uncovered.items()}
    assert names == {"admin:other": ["thôn Bản Phu"], "admin:district": ["thành phố Detroit"],
                     "prep:foreign": ["tại Manesar"]}
    assert counts[("cue:road", "locations")] == 1
