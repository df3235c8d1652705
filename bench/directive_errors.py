"""Per passage, the directive ids the system missed and added against gold (with their text).

Usage: python bench/directive_errors.py tests/heldout/extraction-dev3.jsonl [--all] [--text]
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--all", action="store_true", help="also print passages without errors")
    parser.add_argument("--text", action="store_true", help="print each passage's text too")
    args = parser.parse_args()
    if "test" in args.path.rsplit("/", 1)[-1]:
        sys.exit("the held-out test half is score only: never read its errors")
    from pipeline.evaluate import _name, gold_documents
    from pipeline.extract import extract

    totals = Counter()
    for gold, doc in gold_documents(args.path):
        record = extract(doc)
        predicted = Counter(_name(d["id"]) for d in record.get("directives", []))
        expected = Counter(_name(d["id"]) for d in gold.get("directives", []))
        missed, extra = expected - predicted, predicted - expected
        totals.update(missed=sum(missed.values()), extra=sum(extra.values()),
                      matched=sum((expected & predicted).values()))
        if not (missed or extra or args.all):
            continue
        where = gold.get("key", {}).get("url") if isinstance(gold.get("key"), dict) else gold.get("id")
        print(f"== {where}")
        for d in gold.get("directives", []):
            if missed[_name(d["id"])] > 0:
                missed[_name(d["id"])] -= 1
                print(f"  MISSED {d['id']:<40} {d.get('text', '')!r} issuer={d.get('issuer')}")
        for d in record.get("directives", []):
            if extra[_name(d["id"])] > 0:
                extra[_name(d["id"])] -= 1
                print(f"  EXTRA  {d['id']:<40} {d.get('text', '')!r} issuer={d.get('issuer')}")
        if args.text:
            print("  TEXT:", doc.text.replace("\n", " / "))
    print(dict(totals))


if __name__ == "__main__":
    main()
