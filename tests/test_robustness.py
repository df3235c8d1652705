"""Issue 15: no input, path or crash may lose records, hang a run, or escape its limits.

Each test here failed on the code before the fix it pins (the defect's number is in its name).
"""

from __future__ import annotations

import ctypes
import faulthandler
import fcntl
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.engine import runner as engine
from pipeline.engine.runner import run_local
from pipeline.ingest.inputs import read_input, read_inputs
from pipeline.model import Failed, RawArticle
from pipeline.settings import Settings
from tests.conftest import CORPUS, REPO

SEEDS = sorted(CORPUS.glob("*.txt"))
HANG_LIMIT = 90  # seconds: a run that takes longer is hung, and the test fails instead of hanging


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _crawl(path: Path, count: int = 3) -> Path:
    """A crawler JSON Lines file of `count` seed pages."""
    lines = [json.dumps({"url": f"https://baotinh.vn/{n}.html", "text": SEEDS[n].read_text(encoding="utf-8")},
                        ensure_ascii=False) for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- 1: output inside input


def test_1_an_output_folder_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "page.txt").write_bytes(SEEDS[0].read_bytes())
    command = [sys.executable, "-m", "pipeline", "run", ".", "-o", "out", "-w", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=HANG_LIMIT, env=env)
    assert first.returncode == 0, first.stderr
    assert len(_lines(folder / "out" / "records.jsonl")) == 1
    # a second run into another folder must not read the first run's output either
    command[6] = "out2"
    second = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=HANG_LIMIT, env=env)
    assert len(_lines(folder / "out2" / "records.jsonl")) == 1
    assert "vnie output" in second.stderr and "out" in second.stderr


# ----------------------------------------------------------------------------- 2: non-UTF-8 file names


@pytest.mark.parametrize("workers", ["1", "2"])
def test_2_a_file_name_with_non_utf8_bytes_is_kept_losslessly(tmp_path: Path, workers: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = b"bad\xff\xfe.txt"
    (folder / os.fsdecode(name)).write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(folder), "-o", str(out), "-w", workers, "-q"]) == 0
    raw = (out / "records.jsonl").read_bytes()
    raw.decode("utf-8")  # strict: still a valid UTF-8 file
    (record,) = _lines(out / "records.jsonl")
    assert os.fsencode(record["source"]["path"]).endswith(b"/" + name)
    with sqlite3.connect(out / "vnie.db") as conn:
        (path,) = conn.execute("SELECT path FROM articles WHERE id = ?", (record["id"],)).fetchone()
    assert path == os.fsencode(record["source"]["path"])  # a BLOB of the name's own bytes
    assert main(["run", str(folder), "-o", str(out), "-w", workers, "-q", "--resume"]) == 0
    assert (out / "records.jsonl").read_bytes() == raw


# ----------------------------------------------------------------------------- 3: one bad JSONL line


def test_3_one_bad_jsonl_line_is_one_error_and_the_next_lines_are_read(tmp_path: Path) -> None:
    lines = [json.dumps({"url": f"https://x.vn/{n}", "text": f"Bài số {n} có 3 người dự họp."})
             for n in range(10)]
    lines[3] = '{"url": "https://x.vn/3", "views": ' + "9" * 5000 + ', "text": "Bài số 3."}'
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = list(read_input(str(path)))
    assert [item.path.rsplit("#", 1)[1] for item in items] == [str(n) for n in range(1, 11)]
    assert [type(item).__name__ for item in items].count("RawArticle") == 9
    assert isinstance(items[3], Failed) and items[3].kind == "bad_json" and "Line 4" in items[3].message


def test_3_a_lone_surrogate_in_utf16_jsonl_damages_only_its_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Bài {n} về Chỉ thị 05-CT/TW."}, ensure_ascii=False) for n in range(3)]
    lines[1] = '{"text": "Bài 1 \ud800 hỏng."}'
    path = tmp_path / "ps.jsonl"
    path.write_bytes("\r\n".join(lines).encode("utf-16", "surrogatepass"))
    items = list(read_input(str(path)))
    assert [item.path.rsplit("#", 1)[1] for item in items] == ["1", "2", "3"]
    assert isinstance(items[0], RawArticle) and isinstance(items[2], RawArticle)
    assert items[2].text == "Bài 2 về Chỉ thị 05-CT/TW."


# ----------------------------------------------------------------------------- 5: two runs, one folder


def test_5_a_second_run_into_a_folder_in_use_exits_2_and_touches_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "records.jsonl").write_text('{"id": "0000000000000000", "source": {"path": "x"}}\n')
    before = (out / "records.jsonl").read_bytes()
    with open(out / ".vnie.lock", "w") as holder:
        holder.write("pid 4242 on crawler-1, started 2024-05-01T02:00:00+07:00: vnie run crawl/\n")
        holder.flush()
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["run", str(SEEDS[0]), "-o", str(out), "-q"]) == 2
        error = capsys.readouterr().err
    assert "in use" in error and "pid 4242" in error
    assert (out / "records.jsonl").read_bytes() == before
    assert not (out / "vnie.db").exists()
    assert main(["run", str(SEEDS[0]), "-o", str(out), "-q", "--resume"]) == 0  # free again


# ----------------------------------------------------------------------------- 6: a worker dies


def _fake(n: int, name: str = "page") -> RawArticle:
    return RawArticle(path=f"in/{n:03d}-{name}.txt", text="x", digest=f"{n:040x}")


def _crashing(item: Any, settings: Any = None) -> tuple[str, dict[str, Any]]:
    """Stands in for the pipeline: killed (as by the OOM killer) or segfaults on some inputs."""
    if "oom" in item.path:
        os.kill(os.getpid(), signal.SIGKILL)
    if "segfault" in item.path:
        faulthandler.disable()  # pytest's crash report: noise here
        ctypes.string_at(0)
    return "record", {"path": item.path, "pid": os.getpid()}


def _run_with_hang_limit(items: list[Any], workers: int, settings: Settings) -> list[tuple[str, dict]]:
    """run_local's results, failing the test (not hanging it) when they do not come."""
    results: list[tuple[str, dict]] = []
    thread = threading.Thread(target=lambda: results.extend(run_local(iter(items), workers, settings)),
                              daemon=True)
    thread.start()
    thread.join(HANG_LIMIT)
    assert not thread.is_alive(), "the run hung"
    return results


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork")
def test_6_a_worker_killed_or_crashed_costs_its_article_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "process_safely", _crashing)
    items = [_fake(n, {3: "oom", 11: "segfault", 12: "oom"}.get(n, "page")) for n in range(20)]
    results = _run_with_hang_limit(items, 2, Settings())
    assert len(results) == len(items)
    for item, (kind, obj) in zip(items, results, strict=True):
        if "page" in item.path:
            assert (kind, obj["path"]) == ("record", item.path)
        else:
            assert kind == "error" and obj["error"]["type"] == "worker_died", obj
            assert obj["source"]["path"] == item.path and "signal" in obj["error"]["message"]


# ----------------------------------------------------------------------------- 7: resume, other spelling


def test_7_resume_with_the_input_spelled_differently_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _crawl(tmp_path / "crawl.jsonl")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "crawl.jsonl", "-o", "out", "-w", "1", "-q"]) == 0
    before = (tmp_path / "out" / "records.jsonl").read_bytes()
    capsys.readouterr()
    assert main(["run", str(tmp_path / "crawl.jsonl"), "-o", "out", "-w", "1", "-q", "--resume"]) == 0
    assert (tmp_path / "out" / "records.jsonl").read_bytes() == before
    assert "skipped 3 unchanged" in capsys.readouterr().err
    assert main(["run", "./crawl.jsonl", "-o", str(tmp_path / "out"), "-w", "1", "-q", "--resume"]) == 0
    assert (tmp_path / "out" / "records.jsonl").read_bytes() == before


# ----------------------------------------------------------------------------- 8: damaged records.jsonl


def test_8_a_damaged_line_inside_records_is_set_aside_and_its_input_redone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl, out = _crawl(tmp_path / "crawl.jsonl"), tmp_path / "out"
    assert main(["run", str(crawl), "-o", str(out), "-w", "1", "-q"]) == 0
    whole = _lines(out / "records.jsonl")
    lines = (out / "records.jsonl").read_bytes().split(b"\n")
    damaged = lines[1][:40] + b"\x00\x00\x00" + lines[1][-40:]
    lines[1] = damaged
    (out / "records.jsonl").write_bytes(b"\n".join(lines))
    capsys.readouterr()
    assert main(["run", str(crawl), "-o", str(out), "-w", "1", "-q", "--resume"]) == 0
    error = capsys.readouterr().err
    assert "damaged" in error and "records.jsonl.damaged" in error
    again = _lines(out / "records.jsonl")
    assert sorted(r["id"] for r in again) == sorted(r["id"] for r in whole)
    assert (out / "records.jsonl.damaged").read_bytes() == damaged + b"\n"


# ----------------------------------------------------------------------------- 11: options, FIFOs, authors


@pytest.mark.parametrize(
    ("option", "value"),
    [("--timeout", "nan"), ("--timeout", "0"), ("--timeout", "-1"), ("--timeout", "inf"),
     ("--timeout", "soon"), ("--max-bytes", "-1"), ("--max-bytes", "0"),
     ("--max-bytes", "99999999999999999999"), ("-w", "0"), ("-w", "-2")],
)  # fmt: skip
def test_11_run_options_are_checked_when_parsed(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["run", str(SEEDS[0]), option, value])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert option in error and value in error and "Traceback" not in error


def test_11_a_fifo_or_socket_in_a_folder_is_an_error_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[0].read_bytes())
    os.mkfifo(folder / "b-pipe.txt")  # nobody writes to it: opening it would block forever
    server = None
    if len(str(folder / "c.sock")) < 100:  # the limit of a Unix socket's path
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / "c.sock"))
    try:
        items = list(read_inputs([str(folder)]))
    finally:
        if server is not None:
            server.close()
    assert isinstance(items[0], RawArticle)
    failures = {Path(item.path).name: item for item in items[1:]}
    assert set(failures) == ({"b-pipe.txt", "c.sock"} if server else {"b-pipe.txt"})
    assert all(f.kind == "unreadable" for f in failures.values())
    assert "named pipe" in failures["b-pipe.txt"].message
    if server:
        assert "socket" in failures["c.sock"].message


def test_11_author_values_that_are_objects_or_null_are_read_as_names_or_dropped(tmp_path: Path) -> None:
    values = [
        ({"author": None}, []),
        ({"author": [None, "Lam Giang"]}, ["Lam Giang"]),
        ({"authors": [{"name": "Triều Dương"}, {"name": None}, {"id": 7}]}, ["Triều Dương"]),
        ({"author": {"name": "Hữu Hiệp"}}, ["Hữu Hiệp"]),
        ({"author": [["Thanh Tâm", "Văn Nỷ"]]}, ["Thanh Tâm", "Văn Nỷ"]),
        ({"author": 5, "byline": {"full_name": "Xuân Bính"}}, ["Xuân Bính"]),
        ({"author": {"name": {"first": "A"}}}, []),
        ({"author": True}, []),
    ]
    path = tmp_path / "authors.jsonl"
    path.write_text("\n".join(json.dumps({**value, "text": "Có 3 người."}, ensure_ascii=False)
                              for value, _names in values) + "\n", encoding="utf-8")
    items = list(read_input(str(path)))
    assert [item.authors for item in items] == [names for _value, names in values]


# ----------------------------------------------------------------------------- 12: batches


def _which_worker(item: Any, settings: Any = None) -> tuple[str, dict[str, Any]]:
    started = time.monotonic()  # one clock for every process of the machine
    time.sleep(0.3)  # slow enough that one worker cannot take them all before the other starts
    return "record", {"path": item.path, "pid": os.getpid(), "busy": (started, time.monotonic())}


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork")
def test_12_few_inputs_are_spread_over_every_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "process_safely", _which_worker)
    items = [_fake(n) for n in range(6)]
    results = _run_with_hang_limit(items, 2, Settings())
    pids = [obj["pid"] for _kind, obj in results]
    assert [obj["path"] for _kind, obj in results] == [item.path for item in items]
    assert len(set(pids)) == 2 and sorted(pids.count(pid) for pid in set(pids)) == [3, 3]
    first, second = ([obj["busy"] for _kind, obj in results if obj["pid"] == pid] for pid in set(pids))
    # in parallel: one worker is busy with an article while the other is busy with another
    assert any(start < end_2 and start_2 < end for start, end in first for start_2, end_2 in second)
