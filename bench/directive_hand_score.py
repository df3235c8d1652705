"""Score a run's directives against a hand list written for unannotated pages, and say where each miss sits.

A hand list is JSON Lines, one reference a line: {"url", "text", "id", "alt": [other ids that name
the same document], "sure": false for a reference spec 3 leaves open}. An open reference is neither
a miss nor, when a found reference's words and its words overlap, an extra. Ids are compared by the
scorer's key (`pipeline.evaluate.directive_key`). A miss is put where the run left its words: in the
record's text, title or captions (the finder read it and did not find it) or in its meta or
boilerplate (the cleaner dropped the line, the finder never saw it), or nowhere.

Usage:
  python bench/directive_hand_score.py --records RUN/records.jsonl --hand HAND.jsonl [--list]
Unannotated pages only: a held-out file is refused (the score-only half is never read).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from pipeline.evaluate import directive_key
from pipeline.text import casefold_words

# the record's fields a miss's words are looked for in, the ones the finder reads first
PLACES = ("text", "title", "captions", "meta", "boilerplate")


def _keys(entry: dict[str, Any]) -> set[str]:
    """The scorer's keys of every id the hand list accepts for one reference."""
    return {directive_key(i) for i in [entry["id"], *entry.get("alt", [])]}


def where(record: dict[str, Any], words: str) -> str:
    """The first of the record's fields that holds the reference's words (folded), or "absent"."""
    wanted = casefold_words(" ".join(words.split()))
    for place in PLACES:
        value = record.get(place) or ""
        held = " ".join(value) if isinstance(value, list) else value
        if wanted in casefold_words(" ".join(held.split())):
            return place
    return "absent"


def _overlaps(found: str, written: str) -> bool:
    """Whether a found reference's words and a hand entry's words overlap (one holds the other)."""
    a, b = casefold_words(" ".join(found.split())), casefold_words(" ".join(written.split()))
    return a in b or b in a


def score(records: list[dict[str, Any]], hand: list[dict[str, Any]]) -> dict[str, Any]:
    """Matched, missed (with where each sits) and extra references over the pages both name."""
    by_url: dict[str, list[dict[str, Any]]] = {}
    for entry in hand:
        by_url.setdefault(entry["url"], []).append(entry)
    matched, missed, extra, open_ = 0, [], [], 0
    for record in records:
        url = (record.get("source") or {}).get("url")
        got = {directive_key(d["id"]): d for d in record.get("directives", [])}
        used: set[str] = set()
        for entry in by_url.get(url, []):
            hit = _keys(entry) & set(got)
            used |= hit
            if hit:
                matched += bool(entry.get("sure", True))
            elif entry.get("sure", True):
                missed.append({**entry, "where": where(record, entry["text"])})
        unsure = [e["text"] for e in by_url.get(url, []) if not e.get("sure", True)]
        for key, d in got.items():
            if key in used:
                continue
            if any(_overlaps(d["text"], written) for written in unsure):
                open_ += 1
            else:
                extra.append({"url": url, "id": d["id"], "text": d["text"]})
    return {"matched": matched, "missed": missed, "extra": extra, "open": open_}


def _refuse_heldout(*paths: str) -> None:
    """Stop on a held-out file: this scores unannotated pages only."""
    for path in paths:
        if "heldout" in path or "-test" in path:
            raise SystemExit(f"{path}: a held-out file; this script is for unannotated pages")


def main() -> None:
    """The command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", required=True, help="a run's records.jsonl")
    parser.add_argument("--hand", required=True, help="the hand list, one reference a line")
    parser.add_argument("--list", action="store_true", help="print every miss and extra")
    args = parser.parse_args()
    _refuse_heldout(args.records, args.hand)
    with open(args.records, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    with open(args.hand, encoding="utf-8") as lines:
        hand = [json.loads(line) for line in lines if line.strip()]
    result = score(records, hand)
    found, lost, added = result["matched"], len(result["missed"]), len(result["extra"])
    precision = found / (found + added) if found + added else 0.0
    recall = found / (found + lost) if found + lost else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"matched {found}, missed {lost}, extra {added}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        f" ({result['open']} found where the hand list leaves the reference open)"
    )
    print("missed by where the run left their words:", dict(Counter(m["where"] for m in result["missed"])))
    if args.list:
        for miss in result["missed"]:
            print(f"  MISSED [{miss['where']}] {miss['id']:<34} {miss['text']!r}  {miss['url'][:60]}")
        for item in result["extra"]:
            print(f"  EXTRA  {item['id']:<43} {item['text']!r}  {item['url'][:60]}")


if __name__ == "__main__":
    main()
