"""List matched figures whose attribution disagrees with gold, to study error classes.

Usage:
  python bench/attribution_errors.py dev-gold RECORDS.jsonl GOLD.jsonl ...  (records of `vnie run`)
  python bench/attribution_errors.py heldout tests/heldout/extraction-dev.jsonl
Options: --fields subject,time (default) ; --counts only prints the tallies.
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from pipeline.evaluate import (
    attribute_agrees,
    gold_documents,
    gold_key,
    matched_figures,
    read_jsonl,
    record_keys,
)


def pairs_from_records(records_path: str, gold_paths: list[str]):
    """(gold article, record) pairs, records from a `vnie run`."""
    records = read_jsonl(records_path)
    index = {}
    for record in records:
        for key in record_keys(record):
            index.setdefault(key, record)
    for path in gold_paths:
        for gold in read_jsonl(path):
            if (record := index.get(gold_key(gold))) is not None:
                yield gold, record


def pairs_from_heldout(path: str):
    """(gold passage, record) pairs, extraction alone on the gold's own text."""
    from pipeline.extract import extract

    if "test" in path.rsplit("/", 1)[-1]:
        sys.exit("the held-out test half is score only: never read its errors")
    for gold, doc in gold_documents(path):
        yield gold, extract(doc)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["dev-gold", "heldout"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--fields", default="subject,time")
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    fields = args.fields.split(",")
    if args.mode == "dev-gold":
        pairs = pairs_from_records(args.paths[0], args.paths[1:])
    else:
        pairs = pairs_from_heldout(args.paths[0])
    wrong: Counter[str] = Counter()
    matched = 0
    for gold, record in pairs:
        name = next(iter(gold["key"].values()))
        for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
            matched += 1
            bad = [f for f in fields if f in theirs and not attribute_agrees(f, mine.get(f), theirs[f])]
            if not bad:
                continue
            wrong.update(bad)
            if args.counts:
                continue
            print(f"== {name} | {theirs.get('text')!r} value={theirs.get('value')} {theirs.get('unit')}")
            print(f"   sentence: {mine.get('sentence', '')[:400]}")
            if record.get("published"):
                print(f"   published: {record.get('published')}")
            for f in bad:
                print(f"   {f}: gold={theirs.get(f)!r}  sys={mine.get(f)!r}")
    print(f"matched {matched}; wrong: " + ", ".join(f"{f} {wrong[f]}" for f in fields))


if __name__ == "__main__":
    main()
