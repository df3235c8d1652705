"""Near-duplicate stories, measured: synthetic republished copies of the corpus, and the corpus itself.

    python bench/stories_bench.py [--originals N] [--copies K] [--seed S] [--records RECORDS.jsonl]

Synthetic: N corpus articles (default: all) each rendered as an original page and K republished
copies (another outlet's chrome, a later date, light edits: tests/republish.py), cleaned by the
pipeline's clean stage and fed to the story index in shuffled order. Reports the share of copies
that joined their original's story (recall), stories holding two different originals (false
merges), originals marked right, and the similarity of copies. With --records (a `vnie run` output
of the real corpus), lists every story of two or more articles for checking by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from republish import republish  # noqa: E402

from pipeline.engine.stages import PLAIN_RUN, clean_stage  # noqa: E402
from pipeline.model import VnieError, empty_record  # noqa: E402
from pipeline.store.stories import Stories  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "dantri-2020.jsonl"


def synthetic(rows: list[dict], originals: int, copies: int, seed: int) -> dict:
    """Cluster N originals and their copies; the measures of the test."""
    rng = random.Random(seed)
    chosen = rng.sample(range(len(rows)), min(originals, len(rows)))
    pages = []
    for i in chosen:
        others = [rows[(i + k) % len(rows)]["title"] for k in range(1, 3 * (copies + 1) + 1)]
        pages += republish(rows[i]["title"], rows[i]["time"], rows[i]["content"], i, copies, rng, others)
    rng.shuffle(pages)  # copies often arrive before their original
    stories, source_of, published = Stories(), {}, {}
    started, skipped = time.perf_counter(), 0
    for page in pages:
        record = empty_record(page.raw)
        try:
            clean_stage(page.raw, record, PLAIN_RUN)
        except VnieError:
            skipped += 1
            continue
        stories.add(record)
        source_of[record["id"]] = (page.source, page.raw.path.startswith("orig"))
        published[record["id"]] = (record["story_id"], record["original"])
    # a copy written as original before its earlier original arrived is demoted at the end of a run
    published = {a: (story, flag and a not in stories.demoted) for a, (story, flag) in published.items()}
    members = defaultdict(set)
    for article, (story, _) in published.items():
        members[story].add(article)
    story_of_original = {source_of[a][0]: published[a][0] for a in published if source_of[a][1]}
    copy_ids = [a for a in published if not source_of[a][1]]
    joined = sum(published[a][0] == story_of_original.get(source_of[a][0]) for a in copy_ids)
    mixed = [s for s, ids in members.items() if len({source_of[a][0] for a in ids}) > 1]
    right_original = sum(published[a][1] == source_of[a][1] for a in published)
    mixed_titles = [sorted({rows[source_of[a][0]]["title"][:70] for a in members[s]}) for s in mixed]
    return {"originals": len(chosen), "copies": len(copy_ids), "pages_skipped": skipped,
            "mixed": mixed_titles,
            "copies_joined": joined, "recall": round(joined / max(len(copy_ids), 1), 4),
            "stories_mixing_originals": len(mixed), "original_flag_right": right_original,
            "articles": len(published), "seconds": round(time.perf_counter() - started, 1)}


def corpus_stories(path: Path) -> list[list[dict]]:
    """Stories of two or more articles in a `vnie run` output, biggest first."""
    groups = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            groups[record["story_id"]].append(record)
    return sorted((g for g in groups.values() if len(g) > 1), key=len, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--originals", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--records", type=Path, help="records.jsonl of `vnie run` on the corpus")
    args = parser.parse_args()
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    print(json.dumps(synthetic(rows, args.originals, args.copies, args.seed), indent=2, ensure_ascii=False))
    if args.records:
        groups = corpus_stories(args.records)
        print(f"\n{len(groups)} stories of 2+ articles in {args.records}")
        for group in groups:
            print("---")
            for record in sorted(group, key=lambda r: r["published"] or ""):
                mark = "*" if record["original"] else " "
                print(f"{mark} {record['id']} {record['published']} {(record['title'] or '')[:90]}")


if __name__ == "__main__":
    main()
