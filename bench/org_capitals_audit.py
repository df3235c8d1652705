"""Self-supervised audit of organisations in text written in capitals (headlines, subheads, leads).

Takes sentences whose organisations vnie finds in plain case (run on the sentence alone): the
extraction-dev passages (gold organisations vnie finds exactly there) and, with --corpus, the Dân trí
run (organisations vnie found there, read again on the sentence alone). Each sentence is then written in
capitals and read in three shapes:
- `alone`: the capitals sentence on its own line, as a headline with no article after it;
- `headline`: the capitals sentence as the title, the sentence's paragraph in plain case as the body;
- `inline`: the sentence in capitals inside its paragraph, the rest of the paragraph in plain case.
Per name: same (the capitals span of the name), too long, too short, crossed, missed. False bodies: an
organisation the capitals reading finds that overlaps none of the plain reading's, split by what it
covers (a gold person or place, or other words).

    PYTHONPATH=$PWD python bench/org_capitals_audit.py [--corpus [N]] [--details]

Refuses the score-only `-test` files; by default reads every extraction-dev file.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import audit_paths  # noqa: E402
from pipeline.evaluate import gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402

SHAPES = ("alone", "headline", "inline")
KINDS = ("same", "too long", "too short", "crossed", "missed")
CORPUS_RUN = Path("/tmp/base21-run/records.jsonl")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])")


def sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of a paragraph."""
    out, pos = [], 0
    for stop in _SENTENCE_END.finditer(paragraph):
        out.append((pos, paragraph[pos:stop.start()]))
        pos = stop.end()
    out.append((pos, paragraph[pos:]))
    return [(at, s) for at, s in out if s.strip()]


def org_spans(record: dict, field: str) -> list[tuple[int, int]]:
    """(start, end) of each organisation mention the record has in `field`."""
    return sorted({(m["start"], m["end"]) for entry in record.get("organizations", [])
                   for m in entry.get("mentions", []) if m.get("field") == field})


def judge(span: tuple[int, int], found: list[tuple[int, int]]) -> str:
    """How the found spans cover `span`: same, too long, too short, crossed or missed."""
    start, end = span
    kinds = set()
    for s, e in found:
        if e <= start or s >= end:
            continue
        kinds.add("same" if (s, e) == span else "too long" if s <= start and e >= end else
                  "too short" if s >= start and e <= end else "crossed")
    return next((k for k in KINDS if k in kinds), "missed")


def frames(sentence: str, paragraph: str, at: int) -> dict[str, tuple[dict, str, int]]:
    """Each shape's extraction record, the field the capitals sentence stands in and its offset there."""
    caps = sentence.upper()
    inline = paragraph[:at] + caps + paragraph[at + len(sentence):]
    return {
        "alone": (extract(build_document(caps)), "text", 0),
        "headline": (extract(build_document(paragraph, title=caps)), "title", 0),
        "inline": (extract(build_document(inline)), "text", at),
    }


def audit_sentence(sentence: str, paragraph: str, at: int, names: list[str], others: list[str],
                   tally: Counter, false: Counter, details: list[str]) -> None:
    """Score one sentence's names in every capitals shape; `others` are people and places in it."""
    plain = extract(build_document(sentence))
    plain_spans = org_spans(plain, "text")
    wanted = [(sentence.find(n), sentence.find(n) + len(n)) for n in names if n in sentence]
    wanted = [w for w in wanted if w in plain_spans]  # found in plain case, alone
    if not wanted:
        return
    for shape, (record, field, offset) in frames(sentence, paragraph, at).items():
        found = [(s - offset, e - offset) for s, e in org_spans(record, field)
                 if s >= offset and e <= offset + len(sentence)]
        for span in wanted:
            kind = judge(span, found)
            tally[(shape, kind)] += 1
            if kind != "same" and details is not None:
                details.append(f"{shape:8} {kind:9} {sentence[span[0]:span[1]]!r} <- {sorted(found)} "
                               f"in {sentence.upper()[:160]!r}")
        for s, e in found:
            if any(s < pe and ps < e for ps, pe in plain_spans):
                continue
            covers = "person/place" if any(o.upper() in sentence.upper()[s:e] for o in others) else "other"
            false[(shape, covers)] += 1
            details.append(f"{shape:8} false     {sentence.upper()[s:e]!r} ({covers}) in "
                           f"{sentence.upper()[max(0, s - 60):e + 60]!r}")


def dev_items(paths: list[str]):
    """(sentence, paragraph, offset, gold org names, gold people and places) of the dev passages."""
    for path in paths:
        for gold, doc in gold_documents(path):
            names = [o if isinstance(o, str) else o.get("name", "") for o in gold.get("organizations", [])]
            others = [o if isinstance(o, str) else o.get("name", "")
                      for kind in ("people", "locations") for o in gold.get(kind, [])]
            for segment in doc:
                if segment.field != "text":
                    continue
                for paragraph in segment.text.split("\n"):
                    for at, sentence in sentences(paragraph):
                        inside = [n for n in names if n and n in sentence]
                        if inside:
                            yield sentence, paragraph, at, inside, [o for o in others if o in sentence]


def _field(record: dict, key: str) -> list:
    value = record.get(key) or []
    return ast.literal_eval(value) if isinstance(value, str) else value


def corpus_items(limit: int):
    """(sentence, paragraph, offset, org names, people and places) from the Dân trí run: the first
    sentence of each article holding an organisation vnie found there, up to `limit`."""
    taken = 0
    for line in CORPUS_RUN.open(encoding="utf-8"):
        if taken >= limit:
            return
        record = json.loads(line)
        text = record.get("text") or ""
        orgs = {m["text"] for e in _field(record, "organizations") for m in e["mentions"]
                if m["field"] == "text"}
        others = [m["text"] for k in ("people", "locations") for e in _field(record, k)
                  for m in e["mentions"]]
        for paragraph in text.split("\n"):
            item = next(((at, s) for at, s in sentences(paragraph) if any(o in s for o in orgs)), None)
            if item is not None and len(item[1]) < 400:
                at, sentence = item
                inside = [o for o in orgs if o in sentence]
                yield sentence, paragraph, at, inside, [o for o in others if o in sentence]
                taken += 1
                break


def report(label: str, tally: Counter, false: Counter) -> None:
    print(f"{label}: " + "  ".join(KINDS) + "   false bodies (person/place, other)")
    for shape in SHAPES:
        total = sum(tally[(shape, k)] for k in KINDS)
        cells = "  ".join(f"{tally[(shape, k)]:4}" for k in KINDS)
        print(f"  {shape:8} {cells}   of {total}: same {tally[(shape, 'same')] / max(1, total):6.1%}   "
              f"false {false[(shape, 'person/place')]}, {false[(shape, 'other')]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--corpus", type=int, nargs="?", const=300, default=0,
                        help="also N sentences of the Dân trí run (default 300)")
    parser.add_argument("--details", action="store_true", help="print each miss and false body")
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, False)]
    sources = [("dev", dev_items(paths))]
    if args.corpus:
        sources.append(("corpus", corpus_items(args.corpus)))
    for label, items in sources:
        tally: Counter = Counter()
        false: Counter = Counter()
        details: list[str] = []
        for sentence, paragraph, at, names, others in items:
            audit_sentence(sentence, paragraph, at, names, others, tally, false, details)
        report(label, tally, false)
        if args.details:
            print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
