"""Count documents cited by type, issuer and subject with no number, and whether the gold lists them.

The shape is a type word of rules/directives.yml, "của" and an issuer, then "về" or "về việc" and a
subject ("Chỉ thị của Chủ tịch UBND tỉnh về việc ...", "Công điện của Ban Thường vụ Tỉnh ủy về ...").
Spec 3 counts "documents known by name"; before any rule, this tells whether the gold lists such
references (and under which id) across hosts, by the type word's case.

Usage:
  python bench/directive_unnumbered_count.py [--gold GOLD.jsonl ...] [--pages PAGES.jsonl] [--examples]
Dev files only (tests/heldout/extraction-dev*.jsonl); the score-only half is never read. --pages counts
the shape on unscored pages ({"url", "text"} lines), by host.
"""

from __future__ import annotations

import argparse
import glob
import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import regex

from pipeline.extract.directive_grammar import rules
from pipeline.text import alternation

ISSUER_WORDS = 14  # "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh" and its like fit; a clause does not


def unnumbered_pattern() -> regex.Pattern[str]:
    """Type word, "của", an issuer of words without punctuation, then "về" (or "về việc")."""
    types = alternation([t["term"] for t in rules().data["types"]], spaces="inline", ignore_case=True)
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<type>{types})(?:\s+khẩn)?\s+(?i:của)\s+"
        rf"(?P<issuer>(?:[^\s,.;:()“”\"]+\s+){{1,{ISSUER_WORDS}}}?)(?i:về)(?:\s+việc)?\s+[^.;\n]{{0,110}}"
    )


def listed_as(directives: list[dict], text: str, start: int) -> list[str]:
    """The ids of the gold directives whose text is written at this reference's start."""
    return [d["id"] for d in directives if d.get("text") and text.startswith(d["text"], start)]


def count_gold(paths: list[str], examples: bool) -> None:
    """Per type word case, the references listed and not, with the hosts they are on."""
    pattern = unnumbered_pattern()
    table: dict[tuple[str, str], Counter[str]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            host = gold.get("host") or gold.get("outlet") or next(iter(gold["key"].values()))
            text = "\n".join(row["text"] for row in gold["lines"])
            for found in pattern.finditer(text):
                case = "capitalised" if found["type"][0].isupper() else "lower-case"
                ids = listed_as(gold.get("directives") or [], text, found.start())
                table.setdefault((case, "listed" if ids else "not listed"), Counter())[host] += 1
                if examples:
                    print(f"  {path.rsplit('/', 1)[-1]:28} {host:30} ids={ids} | {found.group(0)[:140]}")
    for (case, listed), hosts in sorted(table.items()):
        print(f"   {case:11} {listed:10} {sum(hosts.values()):3}  hosts {len(hosts):2}  {dict(hosts)}")


def count_pages(path: str, examples: bool) -> None:
    """The shape on unscored pages, by host."""
    pattern = unnumbered_pattern()
    hosts: Counter[str] = Counter()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        host = urlparse(page["url"]).netloc
        for found in pattern.finditer(page["text"]):
            hosts[host] += 1
            if examples:
                print(f"  {host:34} | {found.group(0)[:140]}")
    print(f"   pages: {sum(hosts.values())} references on {len(hosts)} hosts {dict(hosts)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", nargs="*", default=[], help="more gold files (the shared dev gold)")
    parser.add_argument("--pages", help="unscored pages, one {url, text} a line")
    parser.add_argument("--examples", action="store_true", help="print each reference")
    args = parser.parse_args()
    paths = sorted(glob.glob("tests/heldout/extraction-dev*.jsonl")) + args.gold
    paths = [p for p in paths if "test" not in p.rsplit("/", 1)[-1]]  # score-only files are never read
    count_gold(paths, args.examples)
    if args.pages:
        count_pages(args.pages, args.examples)


if __name__ == "__main__":
    main()
