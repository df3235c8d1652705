"""Raise the score-only files' floors to their scores, and render the held-out README's table.

The floors live in `tests/heldout/manifest.yml`, beside what each file is. `--raise` scores every
score-only file (extraction as `vnie eval --extraction-only`, cleaning as `bench/cleaning_eval.py`) and
lifts each floor to the score rounded down to two decimals (at most 0.99; boilerplate left: rounded up,
at least 0.01); a floor never goes down. Only totals are printed, never a passage.

    python bench/heldout_floors.py --raise              # score, raise, write the manifest
    python bench/heldout_floors.py --raise --dry-run    # print what would move
    python bench/heldout_floors.py --readme             # rewrite tests/heldout/README.md's table
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.heldout_manifest import (  # noqa: E402 (after the path set-up)
    ATTRIBUTION_FIELDS,
    CLEANING_AT_LEAST,
    CLEANING_AT_MOST,
    F1_FIELDS,
    FLOAT_NOISE,
    HELDOUT,
    README,
    dump,
    load,
    readme_with_table,
)


def at_least(score: float) -> float:
    """The floor a score earns: rounded down to two decimals, never above 0.99."""
    return min(0.99, math.floor(score * 100 + FLOAT_NOISE) / 100)


def at_most(share: float) -> float:
    """The ceiling a share of boilerplate left earns: rounded up to two decimals, never under 0.01."""
    return max(0.01, math.ceil(share * 100 - FLOAT_NOISE) / 100)


def extraction_scores(name: str) -> dict[str, float]:
    """One extraction file's F1 per field and attribution shares."""
    from pipeline.evaluate import score_extraction

    scores = score_extraction([HELDOUT / name])
    found = {field: scores.fields[field].f1 for field in F1_FIELDS}
    return found | {field: scores.shares[f"figure_{field}"].value for field in ATTRIBUTION_FIELDS}


def cleaning_scores(name: str) -> dict[str, dict[str, float]]:
    """One cleaning file's scores per input form."""
    from cleaning_eval import evaluate_file

    forms = evaluate_file(HELDOUT / name)["forms"]
    return {
        form: {field: scores["authors"]["f1"] if field == "authors_f1" else scores[field]["value"]
               for field in (*CLEANING_AT_LEAST, CLEANING_AT_MOST)}
        for form, scores in forms.items()
    }


def raised(floors: dict[str, Any], scores: dict[str, Any]) -> dict[str, Any]:
    """The floors lifted to the scores, none lowered (nested per input form for cleaning files)."""
    lifted: dict[str, Any] = {}
    for field, floor in floors.items():
        if isinstance(floor, dict):
            lifted[field] = raised(floor, scores[field])
        elif field == CLEANING_AT_MOST:
            lifted[field] = min(floor, at_most(scores[field]))
        else:
            lifted[field] = max(floor, at_least(scores[field]))
    return lifted


def raise_floors(dry_run: bool) -> int:
    """Score every score-only file and raise its floors; the number of floors that moved."""
    files, moved = load(), 0
    for name, entry in files.items():
        if entry["half"] != "test":
            continue
        scores = extraction_scores(name) if name.startswith("extraction") else cleaning_scores(name)
        lifted = raised(entry["floors"], scores)
        changes = _changes(entry["floors"], lifted)
        if changes:
            print(f"{name}: " + "; ".join(changes))
            moved += len(changes)
        entry["floors"] = lifted
    if not dry_run:
        dump(files)
    print(f"{moved} floors raised" + (" (dry run: manifest unchanged)" if dry_run else ""))
    return moved


def _changes(old: dict[str, Any], new: dict[str, Any], prefix: str = "") -> list[str]:
    """Each floor that moved, as `field old -> new`."""
    moved = []
    for field, value in new.items():
        if isinstance(value, dict):
            moved += _changes(old[field], value, f"{prefix}{field}.")
        elif value != old[field]:
            moved.append(f"{prefix}{field} {old[field]} -> {value}")
    return moved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_", action="store_true", help="score and raise the floors")
    parser.add_argument("--dry-run", action="store_true", help="with --raise: print, do not write")
    parser.add_argument("--readme", action="store_true", help="rewrite the held-out README's table")
    args = parser.parse_args(argv)
    if not (args.raise_ or args.readme):
        parser.error("say --raise, --readme or both")
    if args.raise_:
        raise_floors(args.dry_run)
    if args.readme:
        README.write_text(readme_with_table(README.read_text(encoding="utf-8"), load()), encoding="utf-8")
        print(f"wrote {README.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
