"""Tally figure subjects right and wrong by the path that chose them, to see which fallback misleads.

`SubjectChooser.choose` (pipeline/extract/figure_subject.py) takes a figure's subject by one of its
returns: the nearest name before the figure in its clause or sentence, a speaking office's place, what
the paragraph established (the carry), a body acting in the paragraph, a speaker, a private person,
the article's topic. This script runs extraction on the dev files with a trace on that function and
labels each matched figure by the source line of the return it took (`after choose` when a later step
replaced the choice: an owner after the measure, a list item's label, a recipients' area), then counts
the figures whose subject agrees with the gold and those that do not, with the hosts of the errors.
Session 33 (attr50, 30 dev files, 3,596 matched figures): the article's topic as fallback was wrong on
301 of 812 figures (92 hosts), the sentence's nearest name on 302 of 1,883 (116), the paragraph's carry
on 169 of 765 (53).
A second table splits each path's errors by where the gold's subject stands in vnie's sentence for the
figure (`where_gold_stands`): absent from it (another sentence's or the article's), after the figure,
before vnie's own choice, after it, or the gold null. Session 34 (attr52): of the nearest name's 302
errors, 111 have a gold absent from the sentence, 49 a gold before vnie's choice (the clause's actor
over an object, a venue, a recipient: each tried and taken back before), 34 a gold after it; of the
topic's, 151 a gold absent and 82 a gold in the sentence that no candidate covers (groups, bare heads,
short company names).

Usage:
  python bench/subject_paths.py tests/heldout/extraction-dev*.jsonl [--show topic]
(`--show TEXT` lists the errors of every path whose label contains TEXT.)
The held-out TEST half is refused: it is score only.
"""

from __future__ import annotations

import inspect
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.attribution_errors import attributed_figures, print_figure, shape_arguments  # noqa: E402
from pipeline.extract import figure_subject  # noqa: E402

AFTER = "after choose"
WHERE = (
    "gold null",
    "gold absent",
    "gold after figure",
    "gold before choice",
    "gold after choice",
    "choice absent",
)


class Traced:
    """`SubjectChooser.choose` wrapped: which of its returns each figure (field, start) took."""

    def __init__(self) -> None:
        self.original = figure_subject.SubjectChooser.choose
        lines, first = inspect.getsourcelines(self.original)
        self.source = {first + k: line.strip() for k, line in enumerate(lines)}
        self.taken: dict[tuple[str, int], tuple[str, str | None]] = {}  # of the passage read last
        self.article: Any = None

    def install(self) -> None:
        """Put the traced function in place of `choose` (for this process only)."""
        original, code, taken, source = self.original, self.original.__code__, self.taken, self.source

        def choose(chooser: Any, fig: Any, *args: Any, **kwargs: Any) -> tuple[str | None, bool]:
            if chooser.article is not self.article:  # a new passage: forget the last one's figures
                self.article = chooser.article
                taken.clear()
            returned: list[int] = []

            def local(frame: Any, event: str, arg: Any) -> Callable | None:
                if event == "return":
                    returned.append(frame.f_lineno)
                return local

            def calls(frame: Any, event: str, arg: Any) -> Callable | None:
                return local if frame.f_code is code else None

            before = sys.gettrace()
            sys.settrace(calls)
            try:
                result = original(chooser, fig, *args, **kwargs)
            finally:
                sys.settrace(before)
            label = source.get(returned[-1], "?") if returned else "?"
            taken[(fig.field, fig.start)] = (label, result[0])
            return result

        figure_subject.SubjectChooser.choose = choose

    def path(self, figure: dict[str, Any]) -> str:
        """The label of the return a figure of the last passage took."""
        label, chosen = self.taken.get((figure.get("field"), figure.get("start")), ("?", None))
        final = figure.get("subject")
        if chosen != final and not (chosen and final and chosen in final):
            return AFTER  # at_fullest only lengthens a name: any other change is a later step's
        return label


def where_gold_stands(gold: str | None, chosen: str | None, sentence: str, figure: str) -> str:
    """Where the gold's subject stands in vnie's sentence for a figure whose subject they disagree on:
    one of `WHERE` (folded for case; the figure found by its text, the names by their first place)."""
    if not gold:
        return "gold null"
    text = sentence.lower()
    at, figure_at = text.find(gold.lower()), text.find(figure.lower()) if figure else -1
    if at < 0:
        return "gold absent"
    if 0 <= figure_at < at:
        return "gold after figure"
    mine = text.find(chosen.lower()) if chosen else -1
    if mine < 0:
        return "choice absent"
    return "gold before choice" if at < mine else "gold after choice"


def main() -> None:
    paths, show = shape_arguments(__doc__)
    wanted = {text for pair in show for text in pair}  # "--show topic" arrives as ("topic",)
    traced = Traced()
    traced.install()
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    hosts: defaultdict[str, set[str]] = defaultdict(set)
    listed: list[tuple[str, str, dict, dict]] = []
    where: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, _record, mine, theirs, agrees in attributed_figures(paths, "subject"):
        label = traced.path(mine)
        if agrees:
            right[label] += 1
            continue
        wrong[label] += 1
        hosts[label].add(urlparse(name).netloc or name)
        gold, chosen = theirs.get("subject"), mine.get("subject")
        where[label][where_gold_stands(gold, chosen, mine.get("sentence") or "", mine.get("text") or "")] += 1
        if any(text in label for text in wanted):
            listed.append((label, name, mine, theirs))
    for label, name, mine, theirs in listed:
        print(f"[{label}]")
        print_figure(name, "subject", mine, theirs)
    print(f"{'wrong':>6} {'right':>6} {'share':>6} {'hosts':>6}  path (the return choose took)")
    for label in sorted(set(right) | set(wrong), key=lambda k: -wrong[k]):
        share = wrong[label] / (right[label] + wrong[label])
        print(f"{wrong[label]:>6} {right[label]:>6} {share:>6.1%} {len(hosts[label]):>6}  {label}")
    print()
    print(" ".join(f"{kind:>18}" for kind in WHERE) + "  path's errors by where the gold stands")
    for label in sorted(where, key=lambda k: -wrong[k]):
        print(" ".join(f"{where[label][kind]:>18}" for kind in WHERE) + f"  {label}")


if __name__ == "__main__":
    main()
