"""bench/subject_paths.py: each figure labelled by the return of `choose` it took; the test half refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench_scripts import load_bench_script

REPO = Path(__file__).resolve().parent.parent
# The tracer replaces the process's trace function while `choose` runs: it runs in a fresh interpreter, as
# the bench script does, so no tracer another test's library left installed can interleave with it.
TRACE_PATHS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.bench_scripts import load_bench_script
from pipeline.extract import extract
from pipeline.extract.document import build_document
traced = load_bench_script("subject_paths").Traced()
traced.install()
out = []
for text, title in json.loads(sys.argv[2]):
    record = extract(build_document(text, title=title, published="2024-01-02"))
    out.append([traced.path(f) for f in record["figures"]])
print(json.dumps(out))
"""


def _paths(*passages: tuple[str, str]) -> list[list[str]]:
    done = subprocess.run([sys.executable, "-c", TRACE_PATHS, str(REPO), json.dumps(passages)],
                          capture_output=True, text=True, timeout=300, cwd=REPO, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_sentences_name_the_carry_and_the_topic_are_told_apart() -> None:
    text = "Hội Nông dân huyện Chợ Lách đã kết nạp 30 hội viên.\n\nCả năm trao 20 suất quà."
    (named, carried), (topic,) = _paths(
        (text, "Tin"), ("Cả năm trao 20 suất quà.", "Hội Nông dân huyện Chợ Lách tổng kết năm"))
    assert "chosen.name" in named
    assert "established" in carried
    assert "article.topic" in topic


def test_it_refuses_a_test_file_among_dev_files(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = load_bench_script("subject_paths")
    files = ["tests/heldout/extraction-dev3.jsonl", "tests/heldout/extraction-test3.jsonl"]
    monkeypatch.setattr(sys, "argv", ["subject_paths.py", *files])
    with pytest.raises(SystemExit) as stopped:
        paths.main()
    assert "score only" in str(stopped.value)


def test_where_the_gold_stands_is_told_against_the_choice_and_the_figure() -> None:
    where = load_bench_script("subject_paths").where_gold_stands
    sentence = "Hội Nông dân huyện đã trao 20 suất quà cho hộ nghèo tại xã Tân Phú."
    assert where("Hội Nông dân huyện", "xã Tân Phú", sentence, "20 suất quà") == "gold before choice"
    assert where("xã Tân Phú", "Hội Nông dân huyện", sentence, "20 suất quà") == "gold after figure"
    assert where("Hội Nông dân tỉnh", "xã Tân Phú", sentence, "20 suất quà") == "gold absent"
    assert where("hội nông dân huyện", None, sentence, "20 suất quà") == "choice absent"
    assert where(None, "xã Tân Phú", sentence, "20 suất quà") == "gold null"
    assert where("Tân Phú", "Hội Nông dân", "Hội Nông dân xã Tân Phú có 30 hội viên.", "30 hội viên") == (
        "gold after choice")
