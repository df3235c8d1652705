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

import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.attribution_errors import attributed_figures, print_figure, shape_arguments  # noqa: E402


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
    paths, show = shape_arguments(__doc__)
    counts: Counter[tuple[str, str]] = Counter()
    sites: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    matched = 0
    for name, _, mine, theirs, agrees in attributed_figures(paths, "time"):
        matched += 1
        if agrees:
            continue
        pair = (shape(theirs["time"]), shape(mine.get("time")))
        counts[pair] += 1
        sites[pair].add(name)
        if pair in show:
            print_figure(name, "time", mine, theirs)
    print(f"matched {matched}; wrong {sum(counts.values())}")
    for pair, n in sorted(counts.items(), key=lambda item: (-len(sites[item[0]]), -item[1])):
        print(f"  gold {pair[0]:>5} sys {pair[1]:>5}: {n:3d} figures on {len(sites[pair]):2d} passages")


if __name__ == "__main__":
    main()
