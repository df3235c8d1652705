"""One table of extraction scores on every held-out file, with the dev files and the test files pooled.

Each `tests/heldout/extraction-*.jsonl` file is scored as `vnie eval --extraction-only FILE` scores
it (the extractors on documents built from the gold's own lines), then the `-dev` files and the
`-test` files are pooled: their counts added, so a pooled F1 weighs every passage alike and is
steadier than any one small file. Only totals are printed, never a passage. The score-only test files
are scored only when asked (`--with-test`): a session tuning on the dev files should not see them.

    python bench/heldout_report.py                # the dev files and their pooled row (markdown)
    python bench/heldout_report.py --with-test    # the test files and their pooled row as well
    python bench/heldout_report.py --json         # the same numbers, machine-readable
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate import Scores, score_extraction

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "heldout"
FIELDS = ("directives", "figures", "dates", "organizations", "organizations_contain", "people", "locations")
ATTRIBUTION = ("figure_measure", "figure_subject", "figure_time", "figure_source")


def file_order(path: Path) -> tuple[str, float]:
    """dev, dev-extra, dev3, dev4, ..., then test, test2, ...: the order the files were added."""
    name = path.stem.split("-", 1)[1]
    half = "dev" if name.startswith("dev") else "test"
    rest = name[len(half):]
    return half, (1.0 if not rest else 1.5 if rest == "-extra" else float(rest))


def pooled(parts: list[Scores]) -> Scores:
    """Scores whose counts are the sums of the parts' counts."""
    total = Scores()
    for part in parts:
        total.matched += part.matched
        for name, tally in part.fields.items():
            into = total.tally(name)
            into.tp += tally.tp
            into.predicted += tally.predicted
            into.gold += tally.gold
        for name, ratio in part.shares.items():
            into_share = total.share(name)
            into_share.hits += ratio.hits
            into_share.total += ratio.total
    return total


def row(label: str, scores: Scores) -> dict[str, float | int | str]:
    """The F1 of each field and the four attribution shares of one set."""
    values: dict[str, float | int | str] = {"set": label, "passages": scores.matched}
    for name in FIELDS:
        values[name] = round(scores.fields[name].f1, 3) if name in scores.fields else float("nan")
    for name in ATTRIBUTION:
        values[name] = round(scores.shares[name].value, 3) if name in scores.shares else float("nan")
    return values


def markdown(rows: list[dict[str, float | int | str]]) -> str:
    """The rows as a markdown table (organisations with the lenient score in brackets)."""
    head = ("| set | passages | directives | figures | dates | organisations (lenient) | people | places"
            " | measure / subject / time / source |")
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        attribution = " / ".join(f"{r[name]:.3f}" for name in ATTRIBUTION)
        lines.append(
            f"| {r['set']} | {r['passages']} | {r['directives']:.3f} | {r['figures']:.3f} | {r['dates']:.3f} "
            f"| {r['organizations']:.3f} ({r['organizations_contain']:.3f}) | {r['people']:.3f} "
            f"| {r['locations']:.3f} | {attribution} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    parser.add_argument("--folder", type=Path, default=HELDOUT, help="where the extraction-*.jsonl files are")
    parser.add_argument("--with-test", action="store_true",
                        help="score the score-only test files too (never while tuning)")
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("extraction-*.jsonl"), key=file_order)
    if not args.with_test:
        files = [path for path in files if file_order(path)[0] == "dev"]
    if not files:
        print(f"heldout_report: no extraction-*.jsonl files in {args.folder}", file=sys.stderr)
        return 2
    by_file = {path.stem: score_extraction([path]) for path in files}
    rows = [row(name, scores) for name, scores in by_file.items()]
    for half in ("dev", "test"):
        members = [scores for name, scores in by_file.items() if name.split("-", 1)[1].startswith(half)]
        if members:
            rows.append(row(f"all {half} files pooled", pooled(members)))
    print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
