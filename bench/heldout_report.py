"""One table of extraction scores on every held-out file, with the dev files and the test files pooled.

Each `tests/heldout/extraction-*.jsonl` file is scored as `vnie eval --extraction-only FILE` scores
it (the extractors on documents built from the gold's own lines), then the `-dev` files and the
`-test` files are pooled: their counts added, so a pooled F1 weighs every passage alike and is
steadier than any one small file. Only totals are printed, never a passage. The score-only test files
are scored only when asked (`--with-test`): a session tuning on the dev files should not see them.

    python bench/heldout_report.py                # the dev files and their pooled row (markdown)
    python bench/heldout_report.py --with-test    # the test files and their pooled row as well
    python bench/heldout_report.py --json         # the same numbers, machine-readable
    python bench/heldout_report.py --with-test --readme   # rewrite the README's two held-out tables

The README's tables label each file's use from tests/heldout/manifest.yml.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.evaluate import Scores, score_extraction  # noqa: E402 (after the path set-up)
from tests.heldout_manifest import load, use_label  # noqa: E402

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


def f1_cells(r: dict[str, float | int | str]) -> str:
    """One set's F1 cells, organisations with the lenient score in brackets."""
    return (f"{r['directives']:.3f} | {r['figures']:.3f} | {r['dates']:.3f} "
            f"| {r['organizations']:.3f} ({r['organizations_contain']:.3f}) | {r['people']:.3f} "
            f"| {r['locations']:.3f}")


def markdown(rows: list[dict[str, float | int | str]]) -> str:
    """The rows as a markdown table (organisations with the lenient score in brackets)."""
    head = ("| set | passages | directives | figures | dates | organisations (lenient) | people | places"
            " | measure / subject / time / source |")
    lines = [head, "|" + "---|" * 9]
    for r in rows:
        attribution = " / ".join(f"{r[name]:.3f}" for name in ATTRIBUTION)
        lines.append(f"| {r['set']} | {r['passages']} | {f1_cells(r)} | {attribution} |")
    return "\n".join(lines)


F1_HEAD = ("| file | use | passages | directives | figures | dates | organisations (lenient) | people"
           " | places |")
ATTRIBUTION_HEAD = "| data | use | measure | subject | time | source | figures F1 |"


def readme_tables(rows: list[dict[str, float | int | str]]) -> tuple[list[str], list[str]]:
    """The README's held-out F1 table and attribution table (without its dev-gold row), one line per row."""
    manifest = load()
    f1_lines, attribution_lines = [F1_HEAD, "|" + "---|" * 9], [ATTRIBUTION_HEAD, "|" + "---|" * 7]
    for r in rows:
        name = str(r["set"])
        pooled_row = name.startswith("all ")
        label = f"**{name}**" if pooled_row else f"`{name}`"
        if pooled_row:
            use = "**score only**" if "test" in name else "tuned on"
        else:
            use = use_label(manifest[f"{name}.jsonl"])
        f1_lines.append(f"| {label} | {use} | {r['passages']} | {f1_cells(r)} |")
        shares = " | ".join(f"{r[field]:.3f}" for field in ATTRIBUTION)
        attribution_lines.append(f"| {label} | {use} | {shares} | {r['figures']:.3f} |")
    return f1_lines, attribution_lines


def write_readme(path: Path, rows: list[dict[str, float | int | str]]) -> None:
    """Replace the README's two held-out tables; the attribution table keeps its dev-gold rows."""
    text = path.read_text(encoding="utf-8")
    f1_lines, attribution_lines = readme_tables(rows)
    for new in (f1_lines, attribution_lines):
        start = text.index(new[0])
        end = text.index("\n\n", start)
        kept = [line for line in text[start:end].split("\n") if line.startswith("| dev gold")]
        text = text[:start] + "\n".join([*new[:2], *kept, *new[2:]]) + text[end:]
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    parser.add_argument("--folder", type=Path, default=HELDOUT, help="where the extraction-*.jsonl files are")
    parser.add_argument("--with-test", action="store_true",
                        help="score the score-only test files too (never while tuning)")
    parser.add_argument("--readme", type=Path, nargs="?", const=REPO / "README.md",
                        help="rewrite the README's held-out tables (needs --with-test)")
    args = parser.parse_args(argv)
    if args.readme and not args.with_test:
        parser.error("--readme needs --with-test: the README's tables hold both halves")
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
    if args.readme:
        write_readme(args.readme, rows)
        print(f"wrote the held-out tables of {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
