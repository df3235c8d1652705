"""Self-supervised audit of hard-wrapped text dumps: the extraction-dev passages as a crawler prints them.

Each passage of the extraction-dev files is rendered as a text dump, one gold line a paragraph, blank
lines apart, as it is (`whole`) or wrapped at a width the way html2text (78), lynx/w3m (79, 80) and
mail tools (72) do (`wrapN`; `tightwrapN`: no blank line between paragraphs). The whole pipeline runs on
each dump with the container's title, URL and date, as a crawler's record gives them, and its record
is scored against the passage's gold. A wrapped dump should score as the unwrapped one does: the
cleaner joins a paragraph's pieces back, so no sentence, name, id or figure is split across lines.

    PYTHONPATH=$PWD python bench/wrap_audit.py                     # every extraction-dev file
    PYTHONPATH=$PWD python bench/wrap_audit.py --forms whole,wrap80 --per-file
    PYTHONPATH=$PWD python bench/wrap_audit.py --test-half          # the score-only files, pooled rows only

The score-only `-test` files are scored only by `--test-half` alone, which prints the pooled row per form
and nothing of any passage: they are scored, never read.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import add_test_half, audit_paths  # noqa: E402
from bench.heldout_report import pooled  # noqa: E402
from pipeline.engine.stages import process  # noqa: E402
from pipeline.evaluate import Scores, read_jsonl, score_article  # noqa: E402
from pipeline.model import RawArticle, VnieError  # noqa: E402

FORMS = ["whole", "wrap72", "wrap78", "wrap80", "tightwrap80"]
FIELDS = ["directives", "figures", "dates", "organizations", "people", "locations"]


def _width(form: str) -> int:
    """The column a `wrapN` or `tightwrapN` form wraps at (0: none)."""
    found = re.search(r"wrap(\d+)$", form)
    return int(found[1]) if found else 0


def render(form: str, gold: dict[str, Any]) -> str:
    """The passage as the form's dump prints it."""
    width = _width(form)
    paragraphs = [line["text"].strip() for line in gold.get("lines", []) if line["text"].strip()]
    if width:
        paragraphs = ["\n".join(textwrap.wrap(p, width)) for p in paragraphs]
    return ("\n" if form.startswith("tight") else "\n\n").join(paragraphs) + "\n"


def record_of(form: str, gold: dict[str, Any], name: str) -> dict[str, Any]:
    """The pipeline's record for the passage's dump (an empty one when it keeps nothing)."""
    raw = RawArticle(path=name, text=render(form, gold), url=gold.get("key", {}).get("url"),
                     title=gold.get("title"), published=gold.get("published") or None, digest=name)
    try:
        return process(raw)
    except VnieError:
        return {}


def audit(path: Path, forms: list[str]) -> dict[str, Scores]:
    """Per form: the file's passages scored against their gold."""
    golds = read_jsonl(path)
    out: dict[str, Scores] = {}
    for form in forms:
        scores = Scores()
        for i, gold in enumerate(golds):
            scores.matched += 1
            score_article(record_of(form, gold, f"{path.stem}-{i:03d}"), gold, scores)
        out[form] = scores
    return out


def _row(label: str, form: str, scores: Scores) -> str:
    cells = " ".join(f"{name[:5]} {scores.tally(name).f1:.3f}" for name in FIELDS)
    return f"{label:<22}{form:<12}{cells}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="extraction-dev files (default: all of them)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {FORMS}")
    parser.add_argument("--per-file", action="store_true", help="a row per file and form")
    add_test_half(parser)
    args = parser.parse_args(argv)
    files = audit_paths(parser, "extraction", args.files, args.test_half, args.per_file)
    forms = args.forms.split(",")
    parts: dict[str, list[Scores]] = {form: [] for form in forms}
    for path in files:
        for form, scores in audit(path, forms).items():
            parts[form].append(scores)
            if args.per_file:
                print(_row(path.stem, form, scores))
    for form in forms:
        print(_row("all", form, pooled(parts[form])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
