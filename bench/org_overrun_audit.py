"""Organisation names that run past where the same article ends them, measured on a `vnie run` output.

    python bench/org_overrun_audit.py RECORDS.jsonl [--show CLASS] [--limit N]

Self-supervised: an article that names a body as S and, elsewhere, as S plus one to three more words
tells where S may end. The extra words are classed by what they start with: a lower-case function,
time or verb word (`function`: "Trường Đại học Bách khoa" + "khi", "Hội Ung thư Mỹ" + "khuyên"; the
longer name most likely ran into the sentence), a lower-case noun (`noun`: a description or a count,
"Sở Y tế" + "người dân"), an administrative word (`place`: "Sở Y tế" + "tỉnh Quảng Nam", usually
right), a capitalised word (`capital`: a place, a person or the name going on) or other (`other`:
a number, "&", a dash). Per class: pairs, the articles they come from, and samples with the words
after the longer name; read `function` first. Records only: no gold, so it runs on any corpus.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.extract.org_rules import rules
from pipeline.extract.word_classes import ENDS_A_NAME, word_class

MAX_EXTRA_WORDS = 3
CLASSES = ("function", "noun", "place", "capital", "other")


def extra_class(extra: str) -> str:
    """The class of the words a longer name adds to a shorter one of the same article."""
    words = extra.split()
    first = words[0]
    if first[:1].isupper() or (first == "và" and len(words) > 1 and words[1][:1].isupper()):
        return "capital"  # "Học viện Báo chí" + "và Tuyên truyền": the name goes on
    if not first[:1].isalpha():
        return "other"
    r = rules()
    if r.admin_re.match(extra):
        return "place"
    two = " ".join(words[:2]).lower()
    word = two if len(words) > 1 and word_class(two) else first.lower()
    if word in r.tail_stops or word_class(word) in ENDS_A_NAME:
        return "function"
    return "noun"


def overruns(record: dict) -> list[tuple[str, str, str]]:
    """(shorter, extra words, text right after the longer name) for each pair of the article's names."""
    written: dict[str, int] = {}
    for entry in record.get("organizations", []):
        for mention in entry["mentions"]:
            if mention["field"] == "text":
                written.setdefault(mention["text"], mention["end"])
    pairs = []
    for longer, end in written.items():
        for shorter in written:
            added = len(longer.split()) - len(shorter.split())
            if longer.startswith(shorter + " ") and added <= MAX_EXTRA_WORDS:
                after = record["text"][end:end + 30].replace("\n", " / ")
                pairs.append((shorter, longer[len(shorter) + 1:], after))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", type=Path)
    parser.add_argument("--show", choices=CLASSES, default="function")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    samples: list[str] = []
    with args.records.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for shorter, extra, after in overruns(record):
                cls = extra_class(extra)
                counts[cls] += 1
                articles[cls].add(record["id"])
                if cls == args.show:
                    samples.append(f"  {record['id']}  {shorter} [+ {extra}] |{after}")
    print(f"{'class':10} {'pairs':>6} {'articles':>9}")
    for cls in CLASSES:
        print(f"{cls:10} {counts[cls]:6} {len(articles[cls]):9}")
    print(f"\n{args.show}: {len(samples)} pairs")
    print("\n".join(samples[:args.limit]))


if __name__ == "__main__":
    main()
