"""Tally figure times right and wrong by where vnie took them from, to rank what to work on.

Each figure's time comes by one of four paths of `figure_time.Dating.time`: `sentence` (a date of the
figure's own sentence), `carried` (the period its paragraph established, its sentence naming none),
`article` (nothing in the text dated it: the article's period, `fell_back`), or `other` (a rule of
its own: an event's day, a term, the article's year after "Trong năm"...). Each path is counted right
and wrong against the gold with the number of passages (sites) it is seen on.

Usage:
  python bench/time_paths.py tests/heldout/extraction-dev*.jsonl [--show carried] [--show article]
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
from pipeline.extract import figure_time  # noqa: E402

PATHS: dict[tuple[str, int], str] = {}  # (field, start) of each figure dated -> its path


def _recording(time):
    """`Dating.time`, noting the path each figure's time took."""

    def wrapped(self, fig, dates, clause, inherited, reach, owned):
        value = time(self, fig, dates, clause, inherited, reach, owned)
        low, high = self.words.sentence(fig.start)
        own = any(low <= d[0] < high for d in dates)
        if self.fell_back:
            path = "article"
        elif inherited and value == inherited and not own:
            path = "carried"
        else:
            path = "sentence" if own else "other"
        PATHS[(fig.field, fig.start)] = path
        return value

    return wrapped


def tally(paths: list[str]) -> tuple[Counter, defaultdict, list[tuple[str, str, dict, dict]]]:
    """Counts and passages per (path, right) over the files given, and each error as (path, passage,
    vnie's figure, gold's figure)."""
    if any("test" in path.rsplit("/", 1)[-1] for path in paths):
        sys.exit("the held-out test half is score only: never read its errors")
    counts: Counter[tuple[str, bool]] = Counter()
    sites: defaultdict[tuple[str, bool], set[str]] = defaultdict(set)
    errors: list[tuple[str, str, dict, dict]] = []
    original = figure_time.Dating.time
    figure_time.Dating.time = _recording(original)
    try:
        for path in paths:
            for gold, record in pairs_from_heldout(path):
                name = str(next(iter(gold["key"].values())))
                for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
                    if "time" not in theirs:
                        continue
                    way = PATHS.get((mine.get("field"), mine.get("start")), "other")
                    right = attribute_agrees("time", mine.get("time"), theirs["time"])
                    counts[(way, right)] += 1
                    sites[(way, right)].add(name)
                    if not right:
                        errors.append((way, name, mine, theirs))
                PATHS.clear()
    finally:
        figure_time.Dating.time = original
    return counts, sites, errors


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", action="append", default=[], help="a path whose errors to list")
    args = parser.parse_args()
    counts, sites, errors = tally(args.paths)
    for way, name, mine, theirs in errors:
        if way in args.show:
            print(f"{way}: {name[:70]} gold={theirs['time']!r} sys={mine.get('time')!r} "
                  f"{theirs.get('text')!r}\n    {(mine.get('sentence') or '')[:240]}")
    for way in ("sentence", "carried", "article", "other"):
        right, wrong = counts[(way, True)], counts[(way, False)]
        print(f"  {way:8} right {right:4} on {len(sites[(way, True)]):3} passages; "
              f"wrong {wrong:4} on {len(sites[(way, False)]):3} passages")


if __name__ == "__main__":
    main()
