"""The held-out report (bench/heldout_report.py): pooled scores are the scores of the pooled passages."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench_scripts import load_bench_script

REPO = Path(__file__).resolve().parent.parent


heldout_report = load_bench_script("heldout_report")


def _split_dev_file(tmp_path: Path) -> list[Path]:
    """Two small gold files cut from the tunable dev half."""
    passages = (REPO / "tests" / "heldout" / "extraction-dev.jsonl").read_text(encoding="utf-8").splitlines()
    parts = [tmp_path / "extraction-dev.jsonl", tmp_path / "extraction-dev-extra.jsonl"]
    parts[0].write_text("\n".join(passages[:3]) + "\n", encoding="utf-8")
    parts[1].write_text("\n".join(passages[3:6]) + "\n", encoding="utf-8")
    return parts


def test_pooled_scores_equal_scoring_the_files_together(tmp_path):
    parts = _split_dev_file(tmp_path)
    pooled = heldout_report.pooled([heldout_report.score_extraction([p]) for p in parts])
    together = heldout_report.score_extraction(parts)
    assert pooled.as_dict() == together.as_dict()
    assert pooled.matched == 6


def test_files_are_listed_in_the_order_they_were_added():
    names = ["extraction-test2", "extraction-dev4", "extraction-test", "extraction-dev-extra",
             "extraction-dev"]
    ordered = sorted((Path(f"{n}.jsonl") for n in names), key=heldout_report.file_order)
    assert [p.stem for p in ordered] == ["extraction-dev", "extraction-dev-extra", "extraction-dev4",
                                         "extraction-test", "extraction-test2"]


def test_report_prints_a_pooled_row_per_half(tmp_path, capsys):
    _split_dev_file(tmp_path)
    assert heldout_report.main(["--folder", str(tmp_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["set"] for r in rows] == ["extraction-dev", "extraction-dev-extra", "all dev files pooled"]
    assert rows[-1]["passages"] == 6
