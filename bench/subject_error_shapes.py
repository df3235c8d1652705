"""Tally figure-subject errors by the shape of the gold and the system value, to rank error classes.

A shape is what a subject value is: `null`; `level` a bare administrative word or whole area ("toàn
tỉnh", "của tỉnh", "cả nước"), as `level-named` when the passage names a place of that level (vnie
could have written its name) and `level-unnamed` when it names none (the convention on what to write
then is open: docs/gold-conventions.md, row "toàn tỉnh"); `group` a lower-case phrase ("các cấp hội",
"khu vực kinh tế trong nước"); `name` any other. Each pair (gold shape, system shape) is counted with
the passages and hosts it is seen on, so classes seen on several sites rank above one page's many
figures; the figures whose subjects agree are tallied by the gold's shape too (what a change of a
shape's convention would cost).

Usage:
  python bench/subject_error_shapes.py tests/heldout/extraction-dev*.jsonl [--show level-unnamed,null]
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.attribution_errors import attributed_figures, print_figure, shape_arguments  # noqa: E402
from pipeline.extract.clauses import rules  # noqa: E402

POINTING = ("này", "nhà")  # "tỉnh này", "tỉnh nhà": still the bare level word


def shape(value: str | None, record: dict[str, Any]) -> str:
    """The shape of a subject value in the passage `record` was extracted from (module docstring)."""
    if value is None:
        return "null"
    words = value.lower().split()
    if words[-1:] and words[-1] in POINTING:
        words = words[:-1]
    level = rules().get("place_words", " ".join(words))
    if level:
        named = any(place.get("level") == level for place in record.get("locations", []))
        return "level-named" if named else "level-unnamed"
    return "group" if value[:1].islower() else "name"


def main() -> None:
    paths, show = shape_arguments(__doc__)
    counts: Counter[tuple[str, str]] = Counter()
    passages: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    hosts: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    agreed: Counter[str] = Counter()
    agreed_hosts: defaultdict[str, set[str]] = defaultdict(set)
    matched = 0
    for name, record, mine, theirs, agrees in attributed_figures(paths, "subject"):
        matched += 1
        host = urlparse(name).netloc or name
        if agrees:
            agreed[kind := shape(theirs["subject"], record)] += 1
            agreed_hosts[kind].add(host)
            continue
        pair = (shape(theirs["subject"], record), shape(mine.get("subject"), record))
        counts[pair] += 1
        passages[pair].add(name)
        hosts[pair].add(host)
        if pair in show:
            print_figure(name, "subject", mine, theirs)
    print(f"matched {matched}; wrong {sum(counts.values())}")
    for pair, n in sorted(counts.items(), key=lambda item: (-len(hosts[item[0]]), -item[1])):
        where = f"{len(passages[pair]):2d} passages, {len(hosts[pair]):2d} hosts"
        print(f"  gold {pair[0]:>13} sys {pair[1]:>13}: {n:3d} figures on {where}")
    for kind, n in agreed.most_common():
        print(f"  agree, gold {kind:>13}: {n:4d} figures on {len(agreed_hosts[kind]):2d} hosts")


if __name__ == "__main__":
    main()
