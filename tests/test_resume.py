"""Kill-and-resume: a run killed mid-write and resumed ends byte for byte as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import NO_SHARED, REPO, SHARED

DANTRI = SHARED / "corpus" / "dantri-2020.jsonl"
ARTICLES = 40
KILL_AFTER = 5  # records written before the kill
WAIT_LIMIT = 300  # seconds: a run that never writes fails the test instead of hanging it


def _corpus(tmp_path: Path) -> Path:
    """40 Dân trí articles, with a broken line and a content-less one so errors.jsonl is not empty."""
    with DANTRI.open(encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in islice(handle, ARTICLES)]
    lines.insert(2, '{"url": "https://dantri.com.vn/broken.htm", "title": "Tin')
    lines.insert(30, json.dumps({"url": "https://dantri.com.vn/empty.htm", "title": "Không có nội dung"}))
    path = tmp_path / "dantri-40.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _start_and_kill(corpus: Path, out: Path) -> tuple[subprocess.Popen[bytes], threading.Thread]:
    """`vnie run` in a child process, SIGKILLed by a watcher thread once it has written KILL_AFTER records.

    The watcher lets the uninterrupted reference run go on in this process meanwhile (two cores).
    """
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(out), "-w", "1", "-q"]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)

    def watch() -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        while _count_lines(out / "records.jsonl") < KILL_AFTER and child.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)  # its own session: only this child and what it started

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return child, watcher


def _wait_for_lock(out: Path) -> None:
    """Until the killed run's output lock is free: its worker, killed with it, may still be exiting after
    the run's own process was reaped (a fast reference run gets here that soon), and holds the lock."""
    import fcntl

    from pipeline.ingest.paths import OUTPUT_LOCK

    deadline = time.monotonic() + WAIT_LIMIT
    with (out / OUTPUT_LOCK).open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return  # closing the handle lets the resumed run take it
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)


@pytest.mark.skipif(not DANTRI.exists(), reason=NO_SHARED)
def test_a_killed_run_resumes_to_the_same_bytes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    child, watcher = _start_and_kill(corpus, killed)
    try:
        assert main(["run", str(corpus), "-o", str(whole), "-w", "1", "-q"]) == 0
    finally:
        watcher.join(WAIT_LIMIT)
        child.wait(WAIT_LIMIT)
        _wait_for_lock(killed)
    expected_records = (whole / "records.jsonl").read_bytes()
    expected_errors = (whole / "errors.jsonl").read_bytes()
    assert expected_records.count(b"\n") + expected_errors.count(b"\n") == ARTICLES + 2
    assert expected_errors.count(b"\n") == 2

    assert child.returncode == -signal.SIGKILL, "the run ended before it was killed"
    written = _count_lines(killed / "records.jsonl")
    assert KILL_AFTER <= written < expected_records.count(b"\n")  # killed mid-run, not after it
    # the write the kill interrupted: half a record, no newline
    first = expected_records.split(b"\n", 1)[0]
    half = first[: len(first) // 2]
    with (killed / "records.jsonl").open("ab") as handle:
        handle.write(half)

    assert main(["run", str(corpus), "-o", str(killed), "-w", "2", "-q", "--resume"]) == 0
    assert (killed / "records.jsonl").read_bytes() == expected_records
    assert (killed / "errors.jsonl").read_bytes() == expected_errors


@pytest.mark.skipif(not DANTRI.exists(), reason=NO_SHARED)
def test_resuming_a_finished_run_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "three.jsonl"
    with DANTRI.open(encoding="utf-8") as handle:
        corpus.write_text("".join(islice(handle, 3)), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "-o", str(out), "-w", "1", "-q"]) == 0
    before = (out / "records.jsonl").read_bytes()
    assert main(["run", str(corpus), "-o", str(out), "-w", "1", "-q", "--resume"]) == 0
    assert (out / "records.jsonl").read_bytes() == before
    assert "skipped 3 unchanged" in capsys.readouterr().err
