"""Audit of the merge step: the mentions it drops because they cross a kept one of the same layer.

Runs every registered kind's extractor on each document, then the merge (`resolve_overlaps`), and lists
each mention the merge dropped that CROSSES a kept mention of its field and layer (they overlap, and
neither holds the other: "Chương trình xây dựng nông thôn mới, đến đầu" against the date "đầu tháng 7
năm 2017"), by (winner kind, loser kind), with counts and samples in context. Mentions dropped inside a
longer one (nested) are counted apart, and so are kept mentions of two layers that cross ("both": an
organisation may sit inside a document's name, never run out of it halfway). On the extraction-dev
files each side is also checked against the gold: a side is "gold" when its text is a gold item's
text (or name) of its kind.

    PYTHONPATH=$PWD python bench/merge_audit.py                      # the extraction-dev files
    PYTHONPATH=$PWD python bench/merge_audit.py --corpus /work/shared/corpus/dantri-2020.jsonl -n 800
    PYTHONPATH=$PWD python bench/merge_audit.py --pair DIRECTIVE/DATE --samples 40

Reads every extraction-dev file by default; the score-only `-test` files only with `--test-half` alone
(pooled rows, no samples).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import _name, as_ingested, gold_documents  # noqa: E402
from pipeline.extract.document import ArticleDoc, build_document  # noqa: E402
from pipeline.extract.merge import resolve_overlaps  # noqa: E402
from pipeline.kinds import registered_kinds  # noqa: E402
from pipeline.model import Mention  # noqa: E402

Gold = dict[str, set[str]]  # kind label -> the folded texts of its gold items


def corpus_documents(path: str, limit: int | None) -> Iterator[tuple[Gold, ArticleDoc]]:
    """Documents of a crawled corpus as the pipeline builds them (clean, language, province), no gold."""
    from pipeline.engine import guards
    from pipeline.engine.stages import PLAIN_RUN, clean_stage, language_stage, province_stage
    from pipeline.ingest.inputs import read_inputs
    from pipeline.model import RawArticle, VnieError, empty_record

    for raw in islice(read_inputs([path]), limit):
        if not isinstance(raw, RawArticle):
            continue
        record = empty_record(raw)
        try:
            clean_stage(raw, record, PLAIN_RUN)
            language_stage(raw, record, PLAIN_RUN)
            province_stage(raw, record, PLAIN_RUN)
        except VnieError:
            continue
        if record["lang"] != "vi":
            continue
        read = guards.record_fields(record)
        yield {}, build_document(
            read["text"], title=read.get("title", record["title"]),
            captions=[read[f"captions.{i}"] for i in range(len(record["captions"]))],
            meta=[read[f"meta.{i}"] for i in range(len(record["meta"]))],
            published=record["published"], outlet=record["source"]["outlet"], province=record["province"])


def dev_documents(paths: list[Path]) -> Iterator[tuple[Gold, ArticleDoc]]:
    """Documents of the extraction gold files, with each kind's gold texts."""
    for path in paths:
        for gold, doc in gold_documents(path):
            texts: Gold = {}
            for spec in registered_kinds():
                items = gold.get(spec.field) or []
                texts[spec.label] = {as_ingested(i.get("text") or i.get("name") or "") if isinstance(i, dict)
                                     else _name(i) for i in items}
            yield texts, doc


def crossings(doc: ArticleDoc) -> Iterator[tuple[str, Mention, Mention]]:
    """("crossed" | "nested", kept, dropped) for each mention the merge dropped against a kept one of its
    field and layer ("nested" only when a kept one holds it and it crosses none), and ("both", lower
    layer's, higher layer's) for two kept mentions of different layers that cross each other."""
    layer = {spec.label: spec.layer for spec in registered_kinds()}
    found = [m for spec in registered_kinds() for m in spec.find(doc)]
    kept = resolve_overlaps(found)
    kept_set = set(kept)
    by_place: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in kept:
        by_place[m.field, layer.get(m.type, 2)].append(m)
    for m in kept:  # kept across layers: a name may hold another, never cross it
        for k in kept:
            if k.field == m.field and layer.get(k.type, 2) < layer.get(m.type, 2) and _cross(k, m):
                yield "both", k, m
    for m in dict.fromkeys(found):
        if m in kept_set or m.end <= m.start:
            continue
        over = [k for k in by_place[m.field, layer.get(m.type, 2)] if k.start < m.end and m.start < k.end]
        crossed = [k for k in over if _cross(k, m)]
        for k in crossed:
            yield "crossed", k, m
        if not crossed and over:
            yield "nested", over[0], m


def _cross(a: Mention, b: Mention) -> bool:
    """Whether two spans overlap with neither holding the other."""
    return a.start < b.end and b.start < a.end and (a.start - b.start) * (a.end - b.end) > 0


def _shown(doc: ArticleDoc, winner: Mention, loser: Mention) -> str:
    """The two spans in their sentence: [winner] and {loser} marked on the field's text."""
    segment = doc.segment(winner.field)
    text = segment.text if segment else ""
    start, end = min(winner.start, loser.start), max(winner.end, loser.end)
    left, right = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    left, right = max(left, start - 80), min(right if right >= 0 else len(text), end + 60)
    marks = sorted([(winner.start, "["), (winner.end, "]"), (loser.start, "{"), (loser.end, "}")],
                   key=lambda x: (x[0], x[1] in "]}"))
    out, at = [], left
    for offset, mark in marks:
        out += [text[at:offset], mark]
        at = offset
    out.append(text[at:right])
    return "".join(out).replace("\n", " ")


def _side(gold: Gold, mention: Mention) -> str:
    """Whether a mention's text is one of its kind's gold texts ("gold"), not ("-"), or no gold ("?")."""
    if not gold:
        return "?"
    return "gold" if _name(mention.text) in gold.get(mention.type, set()) else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: all of them)")
    parser.add_argument("--corpus", help="a crawled corpus (JSON Lines) instead of the gold files")
    parser.add_argument("-n", "--limit", type=int, help="the corpus's first N articles only")
    parser.add_argument("--pair", action="append", help="WINNER/LOSER kinds to sample (default: all)")
    parser.add_argument("--samples", type=int, default=8, help="samples printed per pair")
    parser.add_argument("--nested", action="store_true", help="sample the nested drops too")
    parser.add_argument("--both", action="store_true", help="sample the crossings kept across layers too")
    parser.add_argument("--seed", type=int, default=20)
    add_test_half(parser)
    args = parser.parse_args()
    reading = bool(args.pair) or args.nested or args.both
    if args.corpus:
        docs = corpus_documents(args.corpus, args.limit)
    else:
        docs = dev_documents(audit_paths(parser, "extraction", args.gold, args.test_half, reading))
    counts: Counter[tuple[str, str, str]] = Counter()
    sides: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    samples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    articles = 0
    for gold, doc in docs:
        articles += 1
        for how, winner, loser in crossings(doc):
            key = (how, winner.type, loser.type)
            counts[key] += 1
            verdict = f"{_side(gold, winner)}/{_side(gold, loser)}"
            sides[key][verdict] += 1
            samples[key].append(f"    {verdict:9} {winner.field:10} {_shown(doc, winner, loser)}")
    print(f"{articles} articles; drops by (how, winner, loser); w/l: winner/loser text is gold")
    print(f"{'how':8} {'winner':10} {'loser':10} {'count':>6}  sides")
    for key, n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        spread = " ".join(f"{v}:{c}" for v, c in sides[key].most_common()) if not args.corpus else ""
        print(f"{key[0]:8} {key[1]:10} {key[2]:10} {n:6d}  {spread}")
    if args.test_half or args.samples <= 0:
        return 0
    wanted = {tuple(p.split("/")) for p in args.pair or []}
    rng = random.Random(args.seed)
    for key in sorted(counts, key=lambda k: -counts[k]):
        hidden = {"nested": not args.nested, "both": not args.both}.get(key[0], False)
        if hidden or (wanted and key[1:] not in wanted):
            continue
        print(f"\n{key[0]} {key[1]} > {key[2]} ({counts[key]}): [winner] {{loser}}")
        chosen = samples[key] if len(samples[key]) <= args.samples else rng.sample(samples[key], args.samples)
        print("\n".join(chosen))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
