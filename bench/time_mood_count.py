"""Count gold-null against gold-dated figure times in generic or hypothetical statements, by site.

A figure whose clause opens its predicate with a modal ("phải", "cần", "nên"), a distributive
("mỗi", "cứ") or a condition ("nếu"), or whose sentence closes on a question mark after it, is a
candidate for "no period" (spec 4a: null when none is given). Before any rule, this tells whether
the gold leaves such figures undated across sites or only in a few articles.

Usage:
  python bench/time_mood_count.py [--records RUN/records.jsonl GOLD.jsonl ...] [--examples CUE]
Dev files only (tests/heldout/extraction-dev*.jsonl); the score-only half is never read.
"""

from __future__ import annotations

import argparse
import glob
import re
from collections import Counter, defaultdict
from urllib.parse import urlparse

from attribution_errors import pairs_from_heldout, pairs_from_records

from pipeline.evaluate import matched_figures

CUES = {
    "modal": re.compile(r"\b(phải|cần|nên)\b"),  # lower case: not "Cần Thơ"
    "distributive": re.compile(r"\b(mỗi|cứ)\b"),
    "conditional": re.compile(r"\b(nếu|giả sử)\b"),
}
# a clause naming a period of its own keeps it whatever its mood ("cần ... 1.200 MW vào năm 2030")
OWN_TIME = re.compile(r"(năm|tháng|quý|giai đoạn|nhiệm kỳ|\d{1,2}/\d{4}|\b(19|20)\d\d\b)", re.I)


def clause_of(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The figure's clause (between commas, semicolons or a colon) and its part before the figure."""
    low = max(sentence.rfind(c, 0, start) for c in ",;:") + 1
    ends = [j for j in (sentence.find(c, end) for c in ",;") if j >= 0]
    high = min([*ends, len(sentence)])
    return sentence[low:high], sentence[low:start]


def moods(sentence: str, text: str) -> list[tuple[str, bool]]:
    """The cues of a figure's statement, each with whether its clause names a period of its own."""
    start = sentence.find(text)
    if start < 0:
        return []
    clause, before = clause_of(sentence, start, start + len(text))
    own = bool(OWN_TIME.search(clause.replace(text, "")))
    found = [(name, own) for name, cue in CUES.items() if cue.search(before)]
    if "?" in sentence[start:]:
        found.append(("question", own))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", nargs="+", help="a run's records.jsonl, then its gold files")
    parser.add_argument("--examples", help="print each figure under this cue")
    args = parser.parse_args()
    dev_files = sorted(glob.glob("tests/heldout/extraction-dev*.jsonl"))
    sources = [(path, pairs_from_heldout(path)) for path in dev_files]
    if args.records:
        sources.append(("dev-gold", pairs_from_records(args.records[0], args.records[1:])))
    table: dict[str, dict[tuple[str, str], Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for origin, pairs in sources:
        for gold, record in pairs:
            name = next(iter(gold["key"].values()))
            site = urlparse(name).netloc or name
            site = f"dev-gold:{site}" if origin == "dev-gold" else site
            for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
                if "time" not in theirs:
                    continue
                for cue, own in moods(mine.get("sentence", ""), theirs.get("text") or ""):
                    dated = "gold-null" if theirs["time"] is None else "gold-dated"
                    table[cue][(dated, "own-time" if own else "no-own-time")][site] += 1
                    if cue == args.examples:
                        print(f"  {dated} own={own} {site} {theirs.get('text')!r} gold={theirs['time']!r} "
                              f"sys={mine.get('time')!r} | {mine.get('sentence', '')[:200]}")
    for cue, rows in table.items():
        print(f"## {cue}")
        for key, sites in sorted(rows.items()):
            print(f"   {key[0]:10} {key[1]:11} {sum(sites.values()):4}  sites {len(sites):2}  {dict(sites)}")


if __name__ == "__main__":
    main()
