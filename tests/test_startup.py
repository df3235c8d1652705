"""Start-up: commands that need no model import none, `vnie run` reports the time the user waited,
and rules load quickly yet still fail loudly. (Speed itself is measured by bench/run_bench.py.)"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import rulebook
from tests.conftest import CORPUS, REPO

# the kind registry (pipeline.extract.kinds) is read for the database's tables; its modules are light
HEAVY = ("spacy", "underthesea", "trafilatura", "pyarrow", "datasette", "uvicorn", "jsonschema", "bs4",
         "numpy", "pipeline.extract.tokenize", "pipeline.engine.runner")


def _imported(args: list[str]) -> list[str]:
    """The heavy modules a fresh interpreter has imported after `vnie ARGS`."""
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            f"    pass\nprint('imported:', *(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO,
                          check=True)
    return done.stdout.splitlines()[-1].split()[1:]


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
    # imports and model loading count: the time said is the time waited, less process exit and rounding
    assert 0.8 * wall - 0.15 <= reported <= wall + 0.05, (reported, wall)


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
