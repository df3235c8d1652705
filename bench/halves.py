"""Which held-out files an audit reads: the dev half it may be tuned on, or the test half, scored only.

Every self-supervised audit reads the `-dev` files by default and refuses a `-test` file named on its
command line. `--test-half` alone (no files named, no per-page details) runs it over the `-test` files
and lets it print only rows pooled over them: the never-read half as a score, never as text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
REFUSED = "the -test files are scored, never read: only `--test-half` alone scores them, pooled"


def add_test_half(parser: argparse.ArgumentParser) -> None:
    """The `--test-half` option, worded the same in every audit."""
    parser.add_argument("--test-half", action="store_true",
                        help="score the score-only -test files instead: pooled rows only, nothing else")


def audit_paths(parser: argparse.ArgumentParser, kind: str, named: list, test_half: bool,
                *reading: bool) -> list[Path]:
    """The `kind` ("extraction", "cleaning") files to audit: those named, else the dev half, else with
    `test_half` the test half; exits through `parser` when a -test file would be read (named, or with
    any of the `reading` options that print per-page rows)."""
    if test_half and (named or any(reading)):
        parser.error(REFUSED)
    half = "test" if test_half else "dev"
    files = [Path(p) for p in named] or sorted(HELDOUT.glob(f"{kind}-{half}*.jsonl"))
    if not test_half and any("-test" in f.name for f in files):
        parser.error(REFUSED)
    return files
