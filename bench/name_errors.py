"""Per passage, the organisation / place / person names the system missed and added against gold.

Usage: python bench/name_errors.py tests/heldout/extraction-dev-extra.jsonl [--kind organizations]
Refuses the test half: it prints gold and text.
"""
from __future__ import annotations

import argparse
import sys

from pipeline.evaluate import _name, gold_documents
from pipeline.extract import extract

KINDS = ("organizations", "locations", "people")


def _around(text: str, name: str, width: int) -> str:
    """The text either side of the name's first occurrence (any case), or nothing."""
    at = text.casefold().find(name) if width else -1
    if at < 0:
        return ""
    return "   | " + text[max(0, at - width):at + len(name) + width].replace("\n", " / ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold")
    parser.add_argument("--kind", action="append", choices=KINDS)
    parser.add_argument("--text", action="store_true", help="print each passage's text too")
    parser.add_argument("--context", type=int, default=0, metavar="N",
                        help="print N characters either side of each name's first occurrence")
    args = parser.parse_args()
    if "-test" in args.gold:
        sys.exit("the test half is score only: not printed")
    kinds = args.kind or list(KINDS[:2])
    for gold, doc in gold_documents(args.gold):
        record = extract(doc)
        lines = []
        text = "\n".join(s.text for s in doc.segments)
        for kind in kinds:
            mine = {_name(x): x for x in record.get(kind, [])}
            theirs = {_name(x): x for x in gold.get(kind, [])}
            missed = sorted(set(theirs) - set(mine))
            extra = sorted(set(mine) - set(theirs))
            for name in missed:
                lines.append(f"  {kind[:4]} MISS  {name}{_around(text, name, args.context)}")
            for name in extra:
                item = mine[name]
                level = f" [{item.get('level')}]" if isinstance(item, dict) and item.get("level") else ""
                lines.append(f"  {kind[:4]} EXTRA {name}{level}{_around(text, name, args.context)}")
        if lines:
            print(f"# {gold.get('id') or gold.get('key')}")
            if args.text:
                print("  | " + text.replace("\n", "\n  | "))
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
