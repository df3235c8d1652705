"""Organisations vnie adds that match no gold name, tallied by shape (issue 13, organisation precision).

Every extraction-dev file by default (or those named; a -test file is refused: it prints text). Each extra
name takes the first shape that fits, so the open conventions of docs/gold-conventions.md are told apart
from extents and real false bodies:
- `party`: bare "Đảng" (the open row "bare Đảng");
- `congress`: every mention follows "Đại hội" in its clause (the open row "a body named inside a
  congress's or resolution's name");
- `title`: every mention follows a person's title of rules/people.yml ("Bí thư Tỉnh ủy": the open row
  "bare Party organs");
- `longer`: a gold name of the passage lies inside it, word for word (read past the name's end);
- `shorter`: it lies inside a gold name of the passage (cut short, or the bare form of a longer name);
- `bare-level`: it ends on a bare administrative word, no place ("Đảng bộ tỉnh", "Hội Nông dân xã");
- `other`: the rest (non-bodies, spelling variants, gold slips).

Usage: python bench/org_extra_shapes.py [FILE ...] [--details [SHAPE]]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import REFUSED, audit_paths  # noqa: E402
from pipeline.evaluate import _name, gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.org_rules import rules  # noqa: E402
from pipeline.extract.people_patterns import patterns  # noqa: E402

SHAPES = ("party", "congress", "title", "longer", "shorter", "bare-level", "other")
PARTY = "đảng"
CONGRESS = re.compile(r"đại hội\b[^.;:!?\n]{0,60}$")  # "Đại hội đại biểu " + the body, same clause
CONTEXT = 70


def _before(text: str, start: int) -> str:
    """The lower-case words right before a mention, within its line."""
    line = text.rfind("\n", 0, start) + 1
    return text[max(line, start - 80) : start].lower()


def _titled(before: str) -> bool:
    """A person's title of rules/people.yml ends the text before the mention ("Bí thư", "Ủy viên")."""
    words, titles = before.split(), patterns().titles
    return any(" ".join(words[-n:]) in titles for n in (1, 2, 3) if len(words) >= n)


def shape(name: str, golds: list[str], befores: list[str]) -> str:
    """The first shape of SHAPES an extra organisation `name` (folded) takes, given the passage's folded
    gold names and the text right before each of its mentions."""
    if name == PARTY:
        return "party"
    if befores and all(CONGRESS.search(b) for b in befores):
        return "congress"
    if befores and all(_titled(b) for b in befores):
        return "title"
    padded = f" {name} "
    if any(g != name and f" {g} " in padded for g in golds):
        return "longer"
    if any(g != name and padded in f" {g} " for g in golds):
        return "shorter"
    last = name.split()[-1:]
    if last and rules().admin_re.fullmatch(last[0]):
        return "bare-level"
    return "other"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*")
    parser.add_argument(
        "--details",
        nargs="?",
        const="all",
        choices=(*SHAPES, "all"),
        help="list each extra name of one shape (or all) with its passage and context",
    )
    args = parser.parse_args()
    if any("-test" in f for f in args.files):
        sys.exit(REFUSED)
    tally: dict[str, list[tuple[str, str]]] = defaultdict(list)  # shape -> (passage url, host)
    for path in audit_paths(parser, "extraction", args.files, False):
        for gold, doc in gold_documents(path):
            record = extract(doc)
            golds = [_name(x) for x in gold.get("organizations", [])]
            url = str((gold.get("key") or {}).get("url") or gold.get("id"))
            host = gold.get("host") or (url.split("/")[2] if "//" in url else url)
            for item in record.get("organizations", []):
                name = _name(item)
                if name in golds:
                    continue
                texts = [(doc.segment(m["field"]), m) for m in item.get("mentions", [])]
                befores = [_before(s.text, m["start"]) for s, m in texts if s is not None]
                found = shape(name, golds, befores)
                tally[found].append((url, host))
                if args.details in (found, "all"):
                    seg, first = texts[0] if texts else (None, None)
                    around = (
                        seg.text[max(0, first["start"] - CONTEXT) : first["end"] + CONTEXT] if seg else ""
                    )
                    print(f"{found:10} {Path(path).stem:22} {name} | {around}".replace("\n", " / "))
    total = sum(len(v) for v in tally.values())
    print(f"{'shape':12}{'extras':>8}{'passages':>10}{'hosts':>7}")
    for name in SHAPES:
        rows = tally.get(name, [])
        print(f"{name:12}{len(rows):8}{len({u for u, _ in rows}):10}{len({h for _, h in rows}):7}")
    print(f"{'all':12}{total:8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
