"""Baseline: underthesea's own NER on the gold documents, scored like our extractors.

Runs `underthesea.ner` on every sentence of the title, body and captions of each gold article
(meta lines are bylines, which our extractors skip too), turns B-/I- ORG, PER and LOC tags into
names (a place loses its leading administrative word, as the spec writes names: "xã Tây Tiến" ->
"Tây Tiến"), and scores them with the same scorer. Also runs our extractors on the same documents for
comparison. Usage: python bench/ner_baseline.py [gold.jsonl ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from underthesea import ner

from pipeline.evaluate import Scores, gold_documents, score_article
from pipeline.extract import ArticleDoc, extract
from pipeline.extract.gazetteer import strip_admin

FIELDS = {"ORG": "organizations", "PER": "people", "LOC": "locations"}
# the shared data beside the checkout (../shared), or where VNIE_SHARED says, as the tests find it
SHARED = Path(os.environ.get("VNIE_SHARED") or Path(__file__).resolve().parent.parent.parent / "shared")
DEFAULT_GOLD = [str(SHARED / "gold" / "seeds.jsonl"), str(SHARED / "gold" / "dev-dantri.jsonl")]


def entities(tagged: list[tuple[str, ...]]) -> list[tuple[str, str]]:
    """(type, name) spans from underthesea's (word, pos, chunk, tag) tuples."""
    found: list[tuple[str, str]] = []
    current: list[str] = []
    kind = ""
    for word, *_, tag in [*tagged, ("", "", "", "O")]:
        inside = tag.startswith("I-") and tag[2:] == kind and current
        if current and not inside:
            found.append((kind, " ".join(current)))
            current = []
        if tag.startswith("B-") or (tag.startswith("I-") and not inside):
            kind, current = tag[2:], [word]
        elif inside:
            current.append(word)
    return [(k, n) for k, n in found if k in FIELDS]


def baseline_record(doc: ArticleDoc) -> dict[str, Any]:
    """A record with only the three name fields, from underthesea's NER."""
    names: dict[str, dict[str, dict[str, str]]] = {field: {} for field in FIELDS.values()}
    for segment in doc:
        if segment.field.startswith("meta"):
            continue
        for sentence in segment.doc.sents:
            text = sentence.text.strip()
            if not text:
                continue
            for kind, name in entities(ner(text)):
                if kind == "LOC":
                    name = strip_admin(name)[1] or name
                names[FIELDS[kind]].setdefault(name.casefold(), {"name": name})
    return {field: list(found.values()) for field, found in names.items()}


def run(gold_paths: list[str]) -> None:
    """Score the baseline and our extractors on the gold documents and print both."""
    pairs = [pair for path in gold_paths for pair in gold_documents(path)]
    results = {}
    for label, make in (("underthesea ner", baseline_record), ("vnie extractors", extract)):
        make(pairs[0][1])  # load models and rules outside the timing
        scores = Scores()
        started = time.perf_counter()
        for gold, doc in pairs:
            score_article(make(doc), gold, scores)
        results[label] = (scores, (time.perf_counter() - started) / len(pairs) * 1000)
    print(f"{len(pairs)} gold articles")
    print(f"{'system':<18}{'field':<15}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}")
    for label, (scores, _) in results.items():
        for field in FIELDS.values():
            tally = scores.tally(field)
            print(
                f"{label:<18}{field:<15}{tally.precision:>7.3f}{tally.recall:>7.3f}{tally.f1:>7.3f}"
                f"{tally.predicted:>6}{tally.gold:>6}"
            )
    for label, (_, ms) in results.items():
        note = " (NER only)" if label.startswith("underthesea") else " (all six extractors)"
        print(f"{label:<18}{ms:>8.1f} ms per article{note}, documents already segmented")


def main() -> None:
    """The command line: the gold files to score on, the shared gold by default."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="*", help="gold files (default: the seeds and dev-dantri gold)")
    run(parser.parse_args().gold or DEFAULT_GOLD)


if __name__ == "__main__":
    main()
