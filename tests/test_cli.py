"""`vnie run` end to end, as a user runs it: files in, JSON Lines out, nothing lost."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import CORPUS, REPO


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_run_on_the_sample_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(CORPUS), "-o", str(tmp_path)]) == 0
    records = _lines(tmp_path / "records.jsonl")
    assert len(records) == len(list(CORPUS.glob("*.txt")))
    assert _lines(tmp_path / "errors.jsonl") == []
    assert "5 inputs, 5 records, 0 errors" in capsys.readouterr().err
    by_file = {Path(r["source"]["path"]).name: r for r in records}
    seed = by_file["000_97edc108545c4d6d.txt"]
    assert seed["title"].startswith("Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Ninh Thuận")
    assert seed["authors"] == ["Xuân Bính"]
    assert seed["source"]["outlet"] == "baoninhthuan.com.vn"
    assert "Phản hồi" in seed["boilerplate"] and "Phản hồi" not in seed["text"]


def test_ids_are_stable_across_runs_and_places(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    copy = tmp_path / "copy"
    copy.mkdir()
    page = CORPUS / "001_e1c2ef8d2dbf625c.txt"
    (copy / page.name).write_bytes(page.read_bytes())
    main(["run", str(page), "-o", str(first)])
    main(["run", str(copy), "-o", str(second)])
    assert _lines(first / "records.jsonl")[0]["id"] == _lines(second / "records.jsonl")[0]["id"]


def test_bad_inputs_become_error_records_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "crawl.jsonl").write_text(
        json.dumps({"url": "https://baomoi.vn/a.html", "title": "Tin", "content": "Có 3 người bị thương."},
                   ensure_ascii=False) + "\n{broken json\n" + json.dumps({"url": "https://x.vn/b"}) + "\n",
        encoding="utf-8",
    )
    (inputs / "nav.txt").write_text("Phản hồi\nCác tin khác\nMới nhất\n", encoding="utf-8")
    with gzip.open(inputs / "page.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write("Tiêu đề bài\n\nThân bài có Chỉ thị số 05-CT/TW của Bộ Chính trị.\n")
    (inputs / "moved.txt").symlink_to(tmp_path / "gone.txt")  # a broken link inside a folder: an error
    out = tmp_path / "out"
    assert main(["run", str(inputs), "-o", str(out)]) == 0
    records, errors = _lines(out / "records.jsonl"), _lines(out / "errors.jsonl")
    kinds = sorted(e["error"]["type"] for e in errors)
    assert kinds == ["bad_json", "binary", "empty", "no_body", "no_content", "not_found"]
    assert len(records) == 2
    assert all(len(e["error"]["message"]) > 20 for e in errors)
    assert {r["source"]["path"].rsplit("/", 1)[-1] for r in records} == {"crawl.jsonl#1", "page.txt.gz"}
    assert main(["run", str(inputs / "empty.txt"), "-o", str(tmp_path / "o2"), "--strict"]) == 1


def test_records_to_stdout_without_output_dir(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(CORPUS / "003_1b17c64f24c0bdbf.txt")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and json.loads(out[0])["published"] == "2017-10-24T10:03"


def test_console_script_help_and_version() -> None:
    run = [sys.executable, "-m", "pipeline"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, cwd=REPO, check=True)
    assert version.stdout.startswith("vnie ")
    for args in (["--help"], ["run", "--help"], ["eval", "--help"]):
        shown = subprocess.run([*run, *args], capture_output=True, text=True, cwd=REPO, check=True)
        assert "usage: vnie" in shown.stdout


def test_stdin_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    page = (CORPUS / "004_54c9deb80d019863.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
    assert main(["run", "-"]) == 0
    record = json.loads(capsys.readouterr().out.strip().splitlines()[0])
    assert record["source"]["path"] == "-" and record["authors"] == ["Nguyễn Mai"]
