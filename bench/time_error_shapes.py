"""Tally figure-time errors by the shape of the gold and the system value, to rank error classes.

A shape is what a time value is: `Y` year, `M` month, `D` day, `Yspan` span of years, `Mspan` span of
months of one year, `span` any other closed span, `open` a period open to now, `null`. Each pair
(gold shape, system shape) is counted with the number of passages (sites) it is seen on, so classes
seen on several sites rank above one page's many figures.

Usage:
  python bench/time_error_shapes.py tests/heldout/extraction-dev*.jsonl [--show Y,D --show D,Yspan]
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.attribution_errors import pairs_from_heldout  # noqa: E402
from pipeline.evaluate import attribute_agrees, matched_figures  # noqa: E402


def shape(value: str | None) -> str:
    """The shape of a time value (see the module docstring)."""
    if value is None:
        return "null"
    if value.endswith("/.."):
        return "open"
    first, _, last = value.partition("/")
    if not last:
        return {4: "Y", 7: "M", 10: "D"}.get(len(first), "other")
    if len(first) == len(last) == 4:
        return "Yspan"
    if len(first) == len(last) == 7 and first[:4] == last[:4]:
        return "Mspan"
    return "span"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", action="append", default=[], help="gold,system shapes to list in full")
    args = parser.parse_args()
    show = {tuple(pair.split(",")) for pair in args.show}
    counts: Counter[tuple[str, str]] = Counter()
    sites: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    matched = 0
    for path in args.paths:
        for gold, record in pairs_from_heldout(path):
            name = str(next(iter(gold["key"].values())))
            for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
                if "time" not in theirs:
                    continue
                matched += 1
                if attribute_agrees("time", mine.get("time"), theirs["time"]):
                    continue
                pair = (shape(theirs["time"]), shape(mine.get("time")))
                counts[pair] += 1
                sites[pair].add(name)
                if pair in show:
                    print(f"{name[:70]} gold={theirs['time']!r} sys={mine.get('time')!r}", end=" ")
                    print(repr(theirs.get("text")))
                    print(f"    {mine.get('sentence', '')[:240]}")
    print(f"matched {matched}; wrong {sum(counts.values())}")
    for pair, n in sorted(counts.items(), key=lambda item: (-len(sites[item[0]]), -item[1])):
        print(f"  gold {pair[0]:>5} sys {pair[1]:>5}: {n:3d} figures on {len(sites[pair]):2d} passages")


if __name__ == "__main__":
    main()
