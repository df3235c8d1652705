"""One table of cleaning scores on every held-out cleaning file, in the three input forms.

Each `tests/heldout/cleaning-*.jsonl` file goes through `bench/cleaning_eval.py` (a text dump, an HTML
page and a crawler record per page); each cell reads text dump / HTML / crawler JSONL, or one value when
the three agree. Only totals are printed, never a page. The score-only test files are scored only when
asked (`--with-test`), and `--readme` rewrites the README's cleaning table, each file's use taken from
tests/heldout/manifest.yml.

    python bench/cleaning_report.py                        # the dev files (markdown)
    python bench/cleaning_report.py --with-test --readme   # every file; rewrite the README's table
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.heldout_manifest import HELDOUT, load, use_label  # noqa: E402 (after the path set-up)

FORMS = ("txt", "html", "jsonl")
HEAD = "| file (pages) | use | body kept | boilerplate left | title right | published right | authors F1 |"


def scored(name: str) -> tuple[str, dict[str, Any]]:
    """One file's scores per form (run in a worker process: each file is a few `vnie run`s)."""
    from cleaning_eval import evaluate_file

    return name, evaluate_file(HELDOUT / name)["forms"]


def _joined(cells: list[str]) -> str:
    """Three forms' cells, or one with "each" when they agree."""
    return f"{cells[0]} each" if len(set(cells)) == 1 else " / ".join(cells)


def row(name: str, use: str, forms: dict[str, Any]) -> str:
    """One file's table row."""
    per_form = [forms[form] for form in FORMS]
    pages = per_form[0]["title_right"]["total"]
    cells = [_joined([f"{f[key]['value'] * 100:.1f}%" for f in per_form])
             for key in ("body_kept", "boilerplate_left")]
    for key in ("title_right", "published_right"):
        hits = [str(f[key]["hits"]) for f in per_form]
        cells.append(f"{hits[0]}/{pages} each" if len(set(hits)) == 1 else " / ".join(hits) + f" of {pages}")
    cells.append(_joined([f"{f['authors']['f1']:.2f}" for f in per_form]))
    return f"| `{name.removesuffix('.jsonl')}` ({pages}) | {use} | " + " | ".join(cells) + " |"


def write_readme(path: Path, rows: list[str]) -> None:
    """Replace the README's cleaning table with these rows."""
    text = path.read_text(encoding="utf-8")
    start = text.index(HEAD)
    end = text.index("\n\n", start)
    path.write_text(text[:start] + "\n".join([HEAD, "|" + "---|" * 7, *rows]) + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-test", action="store_true", help="score the score-only files too")
    parser.add_argument("--readme", type=Path, nargs="?", const=REPO / "README.md",
                        help="rewrite the README's cleaning table (needs --with-test)")
    parser.add_argument("--workers", type=int, default=2, help="files scored at once")
    args = parser.parse_args(argv)
    if args.readme and not args.with_test:
        parser.error("--readme needs --with-test: the README's table holds both halves")
    files = {name: entry for name, entry in load().items() if name.startswith("cleaning-")}
    if not args.with_test:
        files = {name: entry for name, entry in files.items() if entry["half"] == "dev"}
    with ProcessPoolExecutor(args.workers) as pool:
        results = dict(pool.map(scored, files))
    # the dev files first, then the test files, each half in the order its files arrived
    ordered = sorted(files, key=lambda name: files[name]["half"] == "test")
    rows = [row(name, use_label(files[name]), results[name]) for name in ordered]
    print("\n".join([HEAD, "|" + "---|" * 7, *rows]))
    if args.readme:
        write_readme(args.readme, rows)
        print(f"wrote the cleaning table of {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
