"""A bare clone (no shared data beside it) passes, and says once, plainly, what it skipped and why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_without_the_shared_data_tests_skip_and_the_summary_says_so(tmp_path: Path) -> None:
    nowhere = tmp_path / "no-shared-here"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "tests/test_quality_gate.py", "tests/test_evaluate.py"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "VNIE_SHARED": str(nowhere)})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = [line for line in done.stdout.splitlines() if "skipped: needs the shared data" in line]
    assert len(summary) == 1 and str(nowhere) in summary[0], done.stdout[-3000:]
    count = int(summary[0].split()[0])
    assert count >= 10  # every quality-gate test, named in one line rather than one line each
    assert "VNIE_SHARED" in done.stdout
    assert done.stdout.splitlines()[0].count(".") >= 6  # the rest still ran: the scorer's tests passed
