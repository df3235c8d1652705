"""One id per province, organisation and story, measured on a `vnie run` output.

    python bench/canonical_check.py RECORDS.jsonl [--sample N] [--seed S] [--changed]

Reports: articles with a province, and whether every `province` / `province_2025` is a canonical
name of rules/provinces.yml and consistent with the merger; organisations: distinct names and
distinct canonical names, canonical names that differ only in case, tone placement or spacing
(splits: should be none), and the names written most ways; stories of two or more articles.
With --sample, prints N organisations drawn at random (with their article's province, outlet and
a context line) for checking by hand; --changed draws only those whose canonical name differs
from the name as written.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.extract.province_list import province_list
from pipeline.text import name_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--changed", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.records.open(encoding="utf-8")]
    provinces = province_list()
    names = {*provinces.units, *provinces.after}
    known = [r for r in records if r.get("province")]
    bad = [r["id"] for r in known
           if r["province"] not in names or r.get("province_2025") not in provinces.after
           or provinces.in_2025.get(provinces.unit(r["province"]) or "") != r["province_2025"]]
    print(f"articles {len(records)}, with a province {len(known)}, province or province_2025 not canonical "
          f"or inconsistent: {len(bad)} {bad[:5]}")
    print("provinces:", Counter(r["province"] for r in known).most_common())

    orgs = [(r, o) for r in records for o in r.get("organizations", [])]
    by_canonical: dict[str, set[str]] = defaultdict(set)
    for _, org in orgs:
        by_canonical[org["canonical"]].add(org["name"])
    folded: dict[str, set[str]] = defaultdict(set)
    for canonical in by_canonical:
        folded[name_key(canonical)].add(canonical)
    splits = [sorted(v) for v in folded.values() if len(v) > 1]
    changed = sum(o["name"] != o["canonical"] for _, o in orgs)
    print(f"organisations {len(orgs)} (items), distinct names {len({o['name'] for _, o in orgs})}, distinct "
          f"canonical names {len(by_canonical)}, canonical differs from name {changed}, "
          f"canonical names split by case/tones/spaces {len(splits)} {splits[:5]}")
    widest = sorted(by_canonical.items(), key=lambda kv: -len(kv[1]))[:15]
    for canonical, written in widest:
        print(f"  {canonical}  <-  {sorted(written)}")

    stories = Counter(r.get("story_id") for r in records)
    print(f"stories {len(stories)}, of 2+ articles {sum(n > 1 for n in stories.values())}, "
          f"originals {sum(bool(r.get('original')) for r in records)}")

    if args.sample:
        pool = [(r, o) for r, o in orgs if not args.changed or o["name"] != o["canonical"]]
        for record, org in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
            mention = org["mentions"][0]
            source = record["text"] if mention.get("field", "text") == "text" else record.get("title") or ""
            context = source[max(0, mention["start"] - 60):mention["end"] + 40].replace("\n", " ")
            print(f"\n[{record['id'][:8]} {record.get('province')} {record['source'].get('outlet')}] "
                  f"{org['name']!r} -> {org['canonical']!r}\n    …{context}…")


if __name__ == "__main__":
    main()
