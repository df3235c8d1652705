"""Item 6 of issue 13: would a statistical tagger merged with the rules help where rules stop generalising?

Offline experiment, not shipped: a small spaCy `ner` (CPU, hash embeddings + CNN) is trained on silver
labels the rules give on Dân trí 2020 articles (ORG, PER, LOC spans of `vnie run` records, on vnie's own
word segmentation) plus the dev half's gold names projected onto its passages; then the tagger's ORG
spans that no rule mention overlaps are added to the rules' organisations, and both halves are scored
with and without them. Speed: the tagger's time per article against word segmentation alone.

    vnie run SILVER.jsonl -o /tmp/silver            # records with entities (the silver labels)
    python bench/tagger_experiment.py /tmp/silver/records.jsonl [--epochs 8] [--limit 800]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.evaluate import Scores, gold_documents, score_article
from pipeline.extract import extract
from pipeline.extract.tokenize import tokenize

BLANK = {"nlp": {"tokenizer": {"@tokenizers": "vnie.underthesea_tokenizer.v1"}}}  # no pyvi: vnie's tokenizer

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
LABELS = ("ORG", "PER", "LOC")


def _doc(nlp, text: str) -> Doc:
    """vnie's segmentation, in the tagger's vocabulary."""
    ours = tokenize(text)
    return Doc(nlp.vocab, words=[t.text for t in ours], spaces=[bool(t.whitespace_) for t in ours])


def _example(nlp, text: str, spans: list[tuple[int, int, str]]) -> Example:
    """A training example: vnie's segmentation, the spans as entities (overlaps: the first kept)."""
    doc = _doc(nlp, text)
    reference = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    ents, taken = [], set()
    for start, end, label in sorted(spans):
        span = reference.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and not taken & set(range(span.start, span.end)):
            ents.append(span)
            taken |= set(range(span.start, span.end))
    reference.ents = ents
    return Example(doc, reference)


def silver(nlp, records: Path, limit: int) -> list[Example]:
    """Examples from the rules' own mentions in record texts."""
    examples = []
    with records.open(encoding="utf-8") as handle:
        for line in list(handle)[:limit]:
            record = json.loads(line)
            text = record.get("text") or ""
            spans = [(e["start"], e["end"], e["type"]) for e in record.get("entities", [])
                     if e["type"] in LABELS and e.get("field", "text") == "text"]
            if text:
                examples.append(_example(nlp, text, spans))
    return examples


def half_files(half: str) -> list[Path]:
    """Every held-out extraction file of one half ("dev" or "test")."""
    return sorted(HELDOUT.glob(f"extraction-{half}*.jsonl"))


def dev_gold(nlp) -> list[Example]:
    """The dev files' gold names, found in their passages."""
    examples = []
    for gold, doc in (pair for path in half_files("dev") for pair in gold_documents(path)):
        text = doc.segment("text").text
        spans = []
        for field, label in (("organizations", "ORG"), ("people", "PER"), ("locations", "LOC")):
            for item in gold.get(field, []):
                name = item if isinstance(item, str) else item.get("name", "")
                pos = text.find(name) if name else -1
                while pos >= 0:
                    spans.append((pos, pos + len(name), label))
                    pos = text.find(name, pos + len(name))
        examples.append(_example(nlp, text, spans))
    return examples


def train(examples: list[Example], epochs: int) -> spacy.Language:
    nlp = spacy.blank("vi", config=BLANK)
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
                    "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
                    "subword_features": True}}})
    for label in LABELS:
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    for epoch in range(epochs):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.2)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.0f}", flush=True)
    return nlp


FIELDS = {"ORG": "organizations", "PER": "people", "LOC": "locations"}


def score(paths: list[Path], nlp: spacy.Language | None, labels: tuple[str, ...] = ("ORG",)) -> Scores:
    """Organisations, people and places of the rules, plus the tagger's `labels` spans no rule mention
    overlaps, pooled over `paths`."""
    scores = Scores()
    for gold, doc in (pair for path in paths for pair in gold_documents(path)):
        record = extract(doc)
        if nlp is not None:
            text = doc.segment("text").text
            taken = [(e["start"], e["end"]) for e in record["entities"] if e.get("field", "text") == "text"]
            for ent in nlp(text).ents:
                free = not any(s < ent.end_char and ent.start_char < e for s, e in taken)
                field = FIELDS[ent.label_]
                known = {(o if isinstance(o, str) else o.get("name", "")).casefold() for o in record[field]}
                if ent.label_ in labels and free and ent.text.casefold() not in known:
                    record[field].append({"name": ent.text, "level": "other"} if field == "locations"
                                         else {"name": ent.text})
                    taken.append((ent.start_char, ent.end_char))
        scores.matched += 1
        score_article(record, gold, scores)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--limit", type=int, default=800)
    args = parser.parse_args()
    random.seed(0)
    blank = spacy.blank("vi", config=BLANK)
    examples = silver(blank, args.records, args.limit) + dev_gold(blank) * 3
    print(f"{len(examples)} training passages", flush=True)
    nlp = train(examples, args.epochs)
    shown = ("organizations", "organizations_contain", "people", "locations")
    for half in ("dev", "test"):  # the test files are scored only, never read
        variants = (("rules", None, ()), ("rules+tagger ORG", nlp, ("ORG",)),
                    ("rules+tagger all", nlp, LABELS))
        for name, model, labels in variants:
            fields = score(half_files(half), model, labels).fields
            print(half, name, {k: {m: round(v, 3) for m, v in fields[k].as_dict().items()} for k in shown})
    texts = [json.loads(line)["text"] for line in args.records.open(encoding="utf-8")][:100]
    started = time.process_time()
    docs = [tokenize(t) for t in texts]
    segmenting = time.process_time() - started
    started = time.process_time()
    for doc in docs:
        nlp.get_pipe("ner")(Doc(nlp.vocab, words=[t.text for t in doc],
                                spaces=[bool(t.whitespace_) for t in doc]))
    tagging = time.process_time() - started
    print(f"speed on 100 articles: segmentation {segmenting:.2f} s CPU, tagger {tagging:.2f} s CPU "
          f"({tagging / segmenting:.2f}x the segmentation)")


if __name__ == "__main__":
    main()
