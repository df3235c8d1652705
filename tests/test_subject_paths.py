"""bench/subject_paths.py: each figure labelled by the return of `choose` it took; the test half refused."""

from __future__ import annotations

import sys

import pytest

from pipeline.extract import extract, figure_subject
from pipeline.extract.document import build_document
from tests.bench_scripts import load_bench_script

CHOOSE = figure_subject.SubjectChooser.choose  # untraced, as each test starts


def _paths(text: str, title: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    paths = load_bench_script("subject_paths")
    monkeypatch.setattr(figure_subject.SubjectChooser, "choose", CHOOSE)  # put back after the test
    traced = paths.Traced()
    traced.install()
    record = extract(build_document(text, title=title, published="2024-01-02"))
    return [traced.path(f) for f in record["figures"]]


def test_the_sentences_name_the_carry_and_the_topic_are_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hội Nông dân huyện Chợ Lách đã kết nạp 30 hội viên.\n\nCả năm trao 20 suất quà."
    named, carried = _paths(text, "Tin", monkeypatch)
    assert "chosen.name" in named
    assert "established" in carried
    (topic,) = _paths("Cả năm trao 20 suất quà.", "Hội Nông dân huyện Chợ Lách tổng kết năm", monkeypatch)
    assert "article.topic" in topic


def test_it_refuses_a_test_file_among_dev_files(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = load_bench_script("subject_paths")
    files = ["tests/heldout/extraction-dev3.jsonl", "tests/heldout/extraction-test3.jsonl"]
    monkeypatch.setattr(sys, "argv", ["subject_paths.py", *files])
    with pytest.raises(SystemExit) as stopped:
        paths.main()
    assert "score only" in str(stopped.value)
