"""Byte-identical output: seeds, dev articles and 300 corpus articles give the committed snapshot.

A refactoring must not change one record, error or database row. The snapshot (digests only) is in
tests/identity/; an intended change of output is recorded by running bench/identity_snapshot.py,
and the diff of that snapshot shows which records and fields it touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.run_digests import SNAPSHOT, UPDATE_HINT, differences, has_inputs, load, run_digests


@pytest.mark.skipif(not has_inputs(), reason="needs the shared corpora (dev and 2020) beside the checkout")
def test_records_errors_and_database_are_the_snapshots(tmp_path: Path) -> None:
    actual = run_digests(tmp_path)
    assert actual["records"], "the run gave no records: nothing would be compared"
    changes = differences(load(SNAPSHOT), actual)
    if changes:
        pytest.fail("output differs from tests/identity/:\n  " + "\n  ".join(changes) + f"\n{UPDATE_HINT}",
                    pytrace=False)


def test_a_changed_field_is_named_with_its_id() -> None:
    """The comparison names the id and the field that changed, and a new table."""
    record = {"id": "a1", "sha256": "x", "fields": {"title": "t", "figures": "f", "source.path": "p"}}
    changed = {**record, "sha256": "y", "fields": {**record["fields"], "figures": "g"}}
    base = {"inputs": {"corpus": "c"}, "errors": [], "database": {"articles": {"rows": 1, "sha256": "d"}}}
    before = {**base, "records": [record]}
    extra_table = {"extra": {"rows": 2, "sha256": "e"}}
    after = {**base, "records": [changed], "database": {**base["database"], **extra_table}}
    lines = differences(before, after)
    assert "records a1: figures" in lines
    assert any(line.startswith("database extra: table differs") for line in lines)
    assert differences(before, before) == []
