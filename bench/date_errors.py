"""Per passage, the missed and extra dates (gold value + text against the system's), to study errors.

Usage: python bench/date_errors.py tests/heldout/extraction-dev-extra.jsonl [--all] [--text]
       python bench/date_errors.py --classes [FILE ...]   # every dev file: misses and extras per class
       python bench/date_errors.py --classes --per-file    # ...and each class's misses/extras per file
The held-out test files are refused: they are score only. (bench/passage_errors.py does the work.)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from passage_errors import _date_key
from passage_errors import main as errors_main

# (class, what its text looks like), first match wins: the relative and vague forms the brief names
CLASSES = (
    ("term", re.compile(r"nhiệm\s+k[ỳì]", re.I)),
    ("comparison", re.compile(r"cùng\s+kỳ", re.I)),
    ("duration", re.compile(r"(?:\d+|hai|ba|bốn|năm|mười)\s+năm(?!\s*\d)", re.I)),  # "5 năm qua", "hai năm"
    ("part-of-year", re.compile(r"(?:đầu|cuối|giữa)\s+năm(?!\s*\d)|tháng\s+(?:cuối|còn lại)|hè", re.I)),
    ("yearless", re.compile(r"^(?!.*\d{4})")),
    ("bare-year", re.compile(r"^(?:năm\s+)?\d{4}$", re.I)),
)


def date_class(item: dict) -> str:
    """The class of one missed or extra date, by its text."""
    text = str(item.get("text", "")).strip()
    return next((name for name, shape in CLASSES if shape.search(text)), "other")


def classes(paths: list[str], per_file: bool = False) -> None:
    """Misses and extras per class over the files, with how many files each comes from (or, per_file,
    which files: "dev3 2/1" is two misses and one extra in extraction-dev3)."""
    from pipeline.evaluate import gold_documents
    from pipeline.extract import extract

    counts: Counter = Counter()
    by_file: Counter = Counter()
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in paths:
        for gold, doc in gold_documents(path):
            record = extract(doc)
            predicted = Counter(_date_key(d) for d in record.get("dates", []))
            expected = Counter(_date_key(d) for d in gold.get("dates", []))
            for side, items, left in (
                ("missed", gold.get("dates", []), expected - predicted),
                ("extra", record.get("dates", []), predicted - expected),
            ):
                for item in items:
                    if left[_date_key(item)] > 0:
                        left[_date_key(item)] -= 1
                        counts[date_class(item), side] += 1
                        by_file[date_class(item), Path(path).stem.replace("extraction-", ""), side] += 1
                        files[date_class(item), side].add(Path(path).stem)
    print(f"{'class':14} {'missed':>6} {'extra':>6}  files")
    for name in [c for c, _ in CLASSES] + ["other"]:
        where = files[name, "missed"] | files[name, "extra"]
        short = sorted(f.replace("extraction-", "") for f in where)
        named = (
            "  " + " ".join(f"{f} {by_file[name, f, 'missed']}/{by_file[name, f, 'extra']}" for f in short)
            if per_file
            else ""
        )
        print(f"{name:14} {counts[name, 'missed']:6d} {counts[name, 'extra']:6d}  {len(where)}{named}")


def main() -> None:
    """The command line: `--classes` over files, else passage_errors.py's with its field fixed to dates."""
    if "--classes" not in sys.argv:
        errors_main("dates")
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--classes", action="store_true")
    parser.add_argument("--per-file", action="store_true", help="name the files of each class")
    parser.add_argument("gold", nargs="*")
    args = parser.parse_args()
    from bench.halves import audit_paths

    classes([str(p) for p in audit_paths(parser, "extraction", args.gold, False, True)], args.per_file)


if __name__ == "__main__":
    main()
