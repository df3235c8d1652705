"""Per passage, the missed and extra dates (gold value + text against the system's), to study errors.

Usage: python bench/date_errors.py tests/heldout/extraction-dev-extra.jsonl [--all]
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter


def date_key(item: dict) -> str:
    """The scored part of a date value (spec section 7: the date part)."""
    return str(item.get("value", "")).split("T")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--all", action="store_true", help="also print passages without errors")
    args = parser.parse_args()
    if "test" in args.path.rsplit("/", 1)[-1]:
        sys.exit("the held-out test half is score only: never read its errors")
    from pipeline.evaluate import gold_documents
    from pipeline.extract import extract

    totals = Counter()
    for gold, doc in gold_documents(args.path):
        record = extract(doc)
        predicted = Counter(date_key(d) for d in record.get("dates", []))
        expected = Counter(date_key(d) for d in gold.get("dates", []))
        missed, extra = expected - predicted, predicted - expected
        totals.update(missed=sum(missed.values()), extra=sum(extra.values()),
                      matched=sum((expected & predicted).values()))
        if not (missed or extra or args.all):
            continue
        where = gold.get("key", {}).get("url") if isinstance(gold.get("key"), dict) else gold.get("id")
        print(f"== {where}  published={gold.get('published')}")
        for d in gold.get("dates", []):
            if missed[date_key(d)] > 0:
                missed[date_key(d)] -= 1
                print(f"  MISSED {d['value']:<24} {d.get('text', '')!r} inferred={d.get('inferred')}")
        for d in record.get("dates", []):
            if extra[date_key(d)] > 0:
                extra[date_key(d)] -= 1
                print(f"  EXTRA  {d['value']:<24} {d.get('text', '')!r} inferred={d.get('inferred')}")
    print(dict(totals))


if __name__ == "__main__":
    main()
