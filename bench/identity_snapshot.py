"""(Re)write the byte-identical check's snapshot, tests/identity/, from this checkout's output.

Run it when a change of records, errors or database rows is intended; the diff of tests/identity/
then shows which ids and fields changed (review it before committing). It runs what
tests/test_identity.py runs: `vnie run` on the seeds, the dev articles and a fixed 300-article
slice of ../shared/corpus/dantri-2020.jsonl, with 2 workers; about 20 s.

    python bench/identity_snapshot.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, against this checkout

from tests.run_digests import SNAPSHOT, differences, has_inputs, load, run_digests, save  # noqa: E402


def main() -> int:
    """Write the snapshot; say what changed against the one there was."""
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    if not has_inputs():
        print(
            "identity_snapshot: needs ../shared/corpus (dev-dantri.jsonl, dantri-2020.jsonl)", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory() as workdir:
        snapshot = run_digests(Path(workdir))
    changes = differences(load(), snapshot) if (SNAPSHOT / "records.tsv").exists() else ["(first snapshot)"]
    save(snapshot)
    print(
        f"{len(snapshot['records'])} records, {len(snapshot['errors'])} errors, "
        f"{len(snapshot['database'])} database entries -> {SNAPSHOT.relative_to(REPO)}"
    )
    for line in changes or ["no change"]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
