"""Start-up: commands that need no model import none, `vnie run` reports the time the user waited,
and rules load quickly yet still fail loudly. (Speed itself is measured by bench/run_bench.py.)"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline import rulebook
from tests.conftest import CORPUS, REPO

# the kind registry (pipeline.extract.kinds) is read for the database's tables; its modules are light
HEAVY = ("spacy", "underthesea", "trafilatura", "pyarrow", "datasette", "uvicorn", "jsonschema", "bs4",
         "numpy", "scipy", "datasketch", "yaml", "pipeline.extract.tokenize", "pipeline.engine.runner")
PAGE = CORPUS / "000_97edc108545c4d6d.txt"
# what `vnie run` on one plain-text page needs in its own process at most: the story index (datasketch)
RUN_HEAVY = ("spacy", "underthesea", "pipeline.extract.tokenize", "trafilatura", "bs4", "pyarrow",
             "datasette", "uvicorn", "datasketch")


def _imported(args: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """The heavy modules a fresh interpreter has imported after `vnie ARGS` (in the command's own process,
    not in its workers)."""
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            f"    pass\nprint('imported:', *(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO,
                          check=True)
    return done.stdout.splitlines()[-1].split()[1:]


def test_importing_the_cli_imports_nothing_heavy() -> None:
    code = f"import sys\nimport pipeline.cli\nprint(*(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == []


def test_a_plain_text_run_loads_what_it_needs_where_it_needs_it(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    # one page: its worker loads the models; the command itself only the story index and the store
    assert _imported(["run", str(PAGE), "-o", out, "-q"], RUN_HEAVY) == ["datasketch"]
    assert (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").count("\n") == 1
    # again: nothing new, so nothing to load
    assert _imported(["run", str(PAGE), "-o", out, "-q"], RUN_HEAVY) == []


def test_a_run_called_in_process_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    from pipeline.cli import main

    for workers in ("1", "2"):  # a lone worker loads its own models; two share those loaded here
        assert main(["run", str(CORPUS), "-o", str(tmp_path / workers), "-w", workers, "-q"]) == 0
        assert gc.isenabled() and gc.get_freeze_count() == 0


def _echo(item: int, _tick: Any) -> list[tuple[str, dict[str, Any]]]:
    return [("record", {"item": item})]


def _slow_start() -> None:
    time.sleep(1.0)  # models loading on a busy machine: longer than an article's time limit


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="fork")
@pytest.mark.parametrize(("items", "started"), [(1, 1), (3, 2)])
def test_the_pool_starts_workers_as_work_arrives(
    monkeypatch: pytest.MonkeyPatch, items: int, started: int
) -> None:
    from pipeline.engine import pool as pool_module

    starts: list[int] = []
    start = pool_module.WorkerPool._start
    monkeypatch.setattr(pool_module.WorkerPool, "_start", lambda self: starts.append(1) or start(self))
    pool = pool_module.WorkerPool(2, _echo, lambda item, how: [("error", {"item": item})], method="fork")
    assert [result for results in pool.map(range(items)) for result in results] == [
        ("record", {"item": n}) for n in range(items)]
    assert len(starts) == started


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="fork")
def test_a_worker_loading_its_models_is_not_over_an_articles_time_limit() -> None:
    from pipeline.engine.pool import WorkerPool

    pool = WorkerPool(1, _echo, lambda item, how: [("error", {"item": item, "how": how})],
                      on_overtime=lambda item: [("timeout", {"item": item})], time_limit=0.2, grace=0.2,
                      initializer=_slow_start, method="fork")
    called: list[bool] = []
    results = pool.map([7, 8], meanwhile=lambda: called.append(True))
    assert [result for batch in results for result in batch] == [("record", {"item": n}) for n in (7, 8)]
    assert called == [True]  # the caller's set-up ran once, while the worker loaded


def _broken_start() -> None:
    os._exit(3)  # a model that cannot load: every worker dies before its first article


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="fork")
def test_workers_that_die_loading_their_models_are_no_articles_fault() -> None:
    from pipeline.engine.pool import WorkerPool

    pool = WorkerPool(1, _echo, lambda item, how: [("error", {"item": item, "how": how})],
                      initializer=_broken_start, method="fork")
    with pytest.raises(RuntimeError, match=r"keep dying before any work \(exit status 3\)"):
        list(pool.map([7, 8]))


def test_help_query_and_eval_import_no_model(tmp_path: Path) -> None:
    from tests.test_database import make_record, write_all

    write_all(tmp_path / "vnie.db", [make_record(0)])
    for args in (["--help"], ["run", "--help"], ["query", "--help"], ["export", "--help"],
                 ["serve", "--help"], ["show", "--help"], ["eval", "--help"], ["--version"],
                 ["query", "figures", "--db", str(tmp_path), "--text", "đảng viên"],
                 ["query", "directives", "--db", str(tmp_path), "--format", "csv"]):
        assert _imported(args) == [], args


def test_run_reports_the_wall_time_since_the_process_started(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pipeline", "run", str(CORPUS / "000_97edc108545c4d6d.txt"),
               "-o", str(tmp_path / "out"), "-q"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    wall = time.perf_counter() - started
    reported = float(re.search(r" in ([\d.]+) s", done.stderr).group(1))
    # imports and model loading count: the time said is the time waited, less process exit; it is
    # printed to a tenth (up to 0.05 s over) from a process start the kernel keeps in clock ticks (0.01 s)
    assert 0.8 * wall - 0.15 <= reported <= wall + 0.05 + 0.02, (reported, wall)


def test_wall_seconds_counts_from_the_process_start() -> None:
    from pipeline import clock

    # this test process started long before pipeline.clock was imported (pytest collected first)
    assert clock.wall_seconds() > time.monotonic() - clock.IMPORTED
    code = "import time; time.sleep(0.5); from pipeline.clock import wall_seconds; print(wall_seconds())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert 0.5 <= float(done.stdout) < 30  # the half second before the import counts


def test_a_bad_rule_file_still_fails_loudly(tmp_path: Path) -> None:
    bad = "entries:\n  - term: Chỉ thị\n    glos: directive\n"  # a typo in a key
    (tmp_path / "probe.yml").write_text(bad, encoding="utf-8")
    schema = {"type": "object", "properties": {"entries": rulebook.lexicon_schema()},
              "additionalProperties": False}
    with pytest.raises(rulebook.RulesError, match=r"probe\.yml: entries/0: .*glos"):
        rulebook.Rulebook(tmp_path).load("probe", schema)
    (tmp_path / "probe.yml").write_text("entries: [\n", encoding="utf-8")
    with pytest.raises(rulebook.RulesError, match="not valid YAML"):
        rulebook.Rulebook(tmp_path).load("probe", schema)
