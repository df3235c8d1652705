"""Per passage, the items of one field the system missed and added against a held-out gold file.

Usage: python bench/passage_errors.py tests/heldout/extraction-dev3.jsonl dates [--all] [--text]
Fields: dates (scored by their date part), directives (by id) and figures (by value and the unit's
first word; spec section 7). The held-out
test files are refused: they are score only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

Item = dict[str, Any]


def _date_key(item: Item) -> str:
    """The scored part of a date value (spec section 7: the date part)."""
    return str(item.get("value", "")).split("T")[0]


def _directive_key(item: Item) -> str:
    """A directive's id as the scores compare it (the spec's equivalences of ids, then as a name)."""
    from pipeline.evaluate import directive_key

    return directive_key(item["id"])


def _figure_key(item: Item) -> str:
    from pipeline.evaluate import _figure_key as key

    return repr(key(item))


# field: (the key items are matched by, how one item is printed, what the passage header adds)
FIELDS: dict[str, tuple[Callable[[Item], str], Callable[[Item], str], Callable[[Item], str]]] = {
    "dates": (
        _date_key,
        lambda d: f"{d['value']:<24} {d.get('text', '')!r} inferred={d.get('inferred')}",
        lambda gold: f"  published={gold.get('published')}",
    ),
    "figures": (
        _figure_key,
        lambda f: f"{f.get('value')!s:<16} {f.get('unit')!s:<14} {f.get('text', '')!r}",
        lambda gold: "",
    ),
    "directives": (
        _directive_key,
        lambda d: f"{d['id']:<40} {d.get('text', '')!r} issuer={d.get('issuer')}",
        lambda gold: "",
    ),
}


# fields the scorer compares as sets of keys per article (`pipeline.evaluate.score_article`), the
# others as lists
SET_FIELDS = frozenset({"directives"})


def report(path: str, field: str, show_all: bool = False, show_text: bool = False) -> Counter:
    """Print each passage's missed and extra items of `field`; return the totals."""
    from pipeline.evaluate import gold_documents
    from pipeline.extract import extract

    key, describe, header = FIELDS[field]
    totals: Counter = Counter()
    for gold, doc in gold_documents(path):
        record = extract(doc)
        predicted = Counter(key(d) for d in record.get(field, []))
        expected = Counter(key(d) for d in gold.get(field, []))
        if field in SET_FIELDS:  # a document the gold lists once per mention is still one item
            predicted, expected = Counter(set(predicted)), Counter(set(expected))
        missed, extra = expected - predicted, predicted - expected
        totals.update(
            missed=sum(missed.values()),
            extra=sum(extra.values()),
            matched=sum((expected & predicted).values()),
        )
        if not (missed or extra or show_all):
            continue
        where = gold.get("key", {}).get("url") if isinstance(gold.get("key"), dict) else gold.get("id")
        print(f"== {where}{header(gold)}")
        sides = (("MISSED", gold.get(field, []), missed), ("EXTRA ", record.get(field, []), extra))
        for label, items, left in sides:
            for item in items:
                if left[key(item)] > 0:
                    left[key(item)] -= 1
                    print(f"  {label} {describe(item)}")
        if show_text:
            print("  TEXT:", doc.segment("text").text.replace("\n", " / "))
    return totals


def main(field: str | None = None) -> None:
    """The command line; `field` is fixed by the per-field scripts that call it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    if field is None:
        parser.add_argument("field", choices=sorted(FIELDS))
    parser.add_argument("--all", action="store_true", help="also print passages without errors")
    parser.add_argument("--text", action="store_true", help="print each passage's text too")
    args = parser.parse_args()
    if "test" in args.path.rsplit("/", 1)[-1]:
        sys.exit("the held-out test files are score only: never read their errors")
    print(dict(report(args.path, field or args.field, args.all, args.text)))


if __name__ == "__main__":
    main()
