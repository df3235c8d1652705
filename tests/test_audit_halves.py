"""The audits' guard on the score-only half (bench/halves.py): -test files are scored pooled, never read."""

import argparse

import pytest

from tests.bench_scripts import load_bench_script

halves = load_bench_script("halves")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    halves.add_test_half(parser)
    return parser


def test_dev_half_by_default():
    files = halves.audit_paths(_parser(), "extraction", [], False)
    assert files and all("-dev" in f.name for f in files)


def test_test_half_alone_reads_the_test_files():
    files = halves.audit_paths(_parser(), "cleaning", [], True)
    assert files and all("-test" in f.name for f in files)


@pytest.mark.parametrize("named, test_half, reading", [
    (["tests/heldout/extraction-test.jsonl"], False, False),  # a test file named
    (["tests/heldout/extraction-dev.jsonl"], True, False),  # files named with --test-half
    ([], True, True),  # per-page details over the test half
])
def test_reading_the_test_half_is_refused(named, test_half, reading):
    with pytest.raises(SystemExit):
        halves.audit_paths(_parser(), "extraction", named, test_half, reading)
