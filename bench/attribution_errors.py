"""List matched figures whose attribution disagrees with gold, to study error classes.

Usage:
  python bench/attribution_errors.py dev-gold RECORDS.jsonl GOLD.jsonl ...  (records of `vnie run`)
  python bench/attribution_errors.py heldout tests/heldout/extraction-dev*.jsonl  (every file given)
Options: --fields subject,time (default) ; --counts only prints the tallies ; --where adds, per field,
a tally of where gold and vnie's values stand against the figure's sentence (null, inside, outside).
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


def attributed_figures(paths: list[str], field: str):
    """(passage name, record, vnie's figure, gold's figure, whether they agree on `field`) of every
    matched figure whose gold gives `field`, extraction alone on the dev files `paths`."""
    for path in paths:
        for gold, record in pairs_from_heldout(path):
            name = str(next(iter(gold["key"].values())))
            for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
                if field in theirs:
                    yield name, record, mine, theirs, attribute_agrees(field, mine.get(field), theirs[field])


def shape_arguments(doc: str | None) -> tuple[list[str], set[tuple[str, ...]]]:
    """The dev files and the (gold, system) shape pairs to list in full (`--show GOLD,SYS`) of a
    shape tally's command line; the held-out test half refused."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", action="append", default=[], help="gold,system shapes to list in full")
    args = parser.parse_args()
    if any("test" in path.rsplit("/", 1)[-1] for path in args.paths):
        sys.exit("the held-out test half is score only: never read its errors")
    return args.paths, {tuple(pair.split(",")) for pair in args.show}


def print_figure(name: str, field: str, mine: dict, theirs: dict) -> None:
    """One figure's gold and system `field`, its text and its sentence."""
    print(f"{name[:70]} gold={theirs[field]!r} sys={mine.get(field)!r}", end=" ")
    print(repr(theirs.get("text")))
    print(f"    {mine.get('sentence', '')[:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["dev-gold", "heldout"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--fields", default="subject,time")
    parser.add_argument("--counts", action="store_true")
    parser.add_argument("--where", action="store_true")
    args = parser.parse_args()
    fields = args.fields.split(",")
    if args.mode == "dev-gold":
        pairs = pairs_from_records(args.paths[0], args.paths[1:])
    else:
        if any("test" in path.rsplit("/", 1)[-1] for path in args.paths):
            sys.exit("the held-out test half is score only: never read its errors")
        pairs = (pair for path in args.paths for pair in pairs_from_heldout(path))
    wrong: Counter[str] = Counter()
    where: Counter[tuple[str, str, str]] = Counter()
    matched = 0
    for gold, record in pairs:
        name = next(iter(gold["key"].values()))
        for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
            matched += 1
            bad = [f for f in fields if f in theirs and not attribute_agrees(f, mine.get(f), theirs[f])]
            if not bad:
                continue
            wrong.update(bad)
            sentence = mine.get("sentence") or ""
            where.update((f, _where(theirs[f], sentence), _where(mine.get(f), sentence)) for f in bad)
            if args.counts:
                continue
            print(f"== {name} | {theirs.get('text')!r} value={theirs.get('value')} {theirs.get('unit')}")
            print(f"   sentence: {mine.get('sentence', '')[:400]}")
            if record.get("published"):
                print(f"   published: {record.get('published')}")
            for f in bad:
                print(f"   {f}: gold={theirs.get(f)!r}  sys={mine.get(f)!r}")
    print(f"matched {matched}; wrong: " + ", ".join(f"{f} {wrong[f]}" for f in fields))
    if args.where:
        for (f, gold_at, mine_at), n in where.most_common():
            print(f"  {f}: gold {gold_at:7} vnie {mine_at:7} {n}")


def _where(value: object, sentence: str) -> str:
    """Where an attribute's value stands against the figure's sentence: null, inside or outside."""
    if value is None:
        return "null"
    return "inside" if str(value).lower() in sentence.lower() else "outside"


if __name__ == "__main__":
    main()
