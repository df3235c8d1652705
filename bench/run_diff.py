"""What changed between two runs of vnie on the same input, kind by kind and article by article.

Compares two `records.jsonl` files by record id: for each extracted kind the items one run has and the other
lacks (a directive by its id, kind, date and text; a figure by its text and attribution; a date by its text,
value and place; a name by its name and where its mentions are), and for the page fields (title, published,
authors, text) whether they differ. It is how a session reads its changes on the corpus before merging them:
every changed item is printed, to be read and counted right or wrong.

Usage:
    python bench/run_diff.py BEFORE/records.jsonl AFTER/records.jsonl [--kind figures] [--show 40]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Item = tuple[Any, ...]
ITEM_KEYS: dict[str, Callable[[dict[str, Any]], Item]] = {
    "directives": lambda d: (d["id"], d["kind"], d.get("issued"), d["text"]),
    "figures": lambda f: (f["text"], f.get("measure"), f.get("subject"), f.get("time"), f.get("source")),
    "dates": lambda d: (d["text"], d["value"], d["start"], d.get("field")),
    "organizations": lambda o: (o["name"], tuple((m["start"], m["end"], m.get("field"))
                                                 for m in o["mentions"])),
    "people": lambda p: (p["name"], p.get("role"), tuple((m["start"], m["end"]) for m in p["mentions"])),
    "locations": lambda p: (p.get("name"), tuple((m["start"], m["end"]) for m in p.get("mentions", []))),
}
PAGE_FIELDS = ("title", "published", "authors", "text")


def read_run(path: Path) -> dict[str, dict[str, Any]]:
    """A run's records by id."""
    with path.open(encoding="utf-8") as handle:
        return {record["id"]: record for record in map(json.loads, handle) if record}


def changes(kind: str, before: dict[str, Any], after: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(gone, new) of one kind in one article: what one run has and the other lacks (items, or a field)."""
    if kind not in ITEM_KEYS:
        old, new = before.get(kind), after.get(kind)
        return ([old], [new]) if old != new else ([], [])
    key = ITEM_KEYS[kind]
    old_items = Counter(key(item) for item in before.get(kind) or [])
    new_items = Counter(key(item) for item in after.get(kind) or [])
    return list((old_items - new_items).elements()), list((new_items - old_items).elements())


def changed_articles(kind: str, before: dict, after: dict) -> Iterator[tuple[str, list[Any], list[Any]]]:
    """(id, gone, new) of every article both runs hold whose `kind` differs, in id order."""
    for rid in sorted(before.keys() & after.keys()):
        gone, new = changes(kind, before[rid], after[rid])
        if gone or new:
            yield rid, gone, new


def main(argv: list[str] | None = None) -> int:
    """Print, per kind, how many articles and items changed, then the changed items of the first articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the first run's records.jsonl")
    parser.add_argument("after", type=Path, help="the second run's records.jsonl")
    parser.add_argument("--kind", action="append", choices=[*ITEM_KEYS, *PAGE_FIELDS],
                        help="kinds to compare (repeatable; default every one)")
    parser.add_argument("--show", type=int, default=40, help="changed articles to print per kind")
    args = parser.parse_args(argv)
    before, after = read_run(args.before), read_run(args.after)
    print(f"records: {len(before)} and {len(after)}; only in the first {len(before.keys() - after.keys())}, "
          f"only in the second {len(after.keys() - before.keys())}")
    for kind in args.kind or [*ITEM_KEYS, *PAGE_FIELDS]:
        changed = list(changed_articles(kind, before, after))
        gone, new = sum(len(c[1]) for c in changed), sum(len(c[2]) for c in changed)
        print(f"\n== {kind}: {len(changed)} articles changed, {gone} items gone, {new} items new")
        for rid, old_items, new_items in changed[: args.show]:
            source = after[rid]["source"]
            print(f"-- {rid} ({source.get('url') or source.get('path')})")
            for sign, items in (("-", old_items), ("+", new_items)):
                for item in items:
                    print(f"   {sign} {json.dumps(item, ensure_ascii=False)[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
