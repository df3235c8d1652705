"""Every script of `bench/` loads and its command line answers `--help`, so a renamed helper it imports,
an import error or a broken parser fails here instead of when somebody next runs it.

The scripts are found by glob: a new one is covered without editing this file. A file with no
`if __name__ == "__main__":` block is a helper the scripts import (`halves.py`, `bench_report.py`, ...):
it is loaded, which catches its import errors. A script must have a `main()` that reads its command line
from `sys.argv`, as running it does, and parse it before any work: a script that would do its work on
`--help` is refused before it runs (`identity_snapshot.py` would rewrite tests/identity/).
"""

from __future__ import annotations

import sys

import pytest

from tests.bench_scripts import BENCH, load_bench_script

SCRIPTS = sorted(path.stem for path in BENCH.glob("*.py"))
# how a script's source shows it parses a command line: itself, or by the bench helper that does
PARSES = ("parse_args(", "frame_audit_args(", "errors_main(", "shape_arguments(")


def _is_script(name: str) -> bool:
    """Whether `bench/<name>.py` runs as a command (has a `__main__` block), not only imported."""
    return 'if __name__ == "__main__":' in (BENCH / f"{name}.py").read_text(encoding="utf-8")


def test_the_glob_finds_the_scripts() -> None:
    assert {"passage_errors", "halves", "heldout_report"} <= set(SCRIPTS)
    assert _is_script("heldout_report") and not _is_script("halves")


@pytest.mark.parametrize("name", SCRIPTS)
def test_bench_script_loads_and_answers_help(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = load_bench_script(name)
    if not _is_script(name):
        return
    assert callable(getattr(module, "main", None)), f"bench/{name}.py runs as a script but has no main()"
    source = (BENCH / f"{name}.py").read_text(encoding="utf-8")
    assert any(mark in source for mark in PARSES), f"bench/{name}.py parses no command line: give it one"
    monkeypatch.setattr(sys, "argv", [str(BENCH / f"{name}.py"), "--help"])
    with pytest.raises(SystemExit) as stopped:
        module.main()
    assert stopped.value.code in (0, None), f"bench/{name}.py --help exited {stopped.value.code}"
    assert "usage:" in capsys.readouterr().out
