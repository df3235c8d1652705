"""Train a small spaCy `ner` for organisations, people and places (issue 13 item 6, an experiment).

Labels come from two places:
- silver: the rules' own ORG/PER/LOC mentions on the dantri corpus (articles that any gold names are
  skipped), one training example per sentence, tokens as vnie segments them;
- gold: `../shared/gold/*.jsonl` and `tests/heldout/extraction-dev.jsonl`. Gold lists names without
  offsets, so each name is found in its article's text (a place with the administrative word before it,
  as the rules' spans are written), and the rules' mentions of a gold entity (an acronym, a short form)
  are added; everything else in a gold article is outside any name. Gold examples are repeated
  `--gold-weight` times; `--without-heldout-dev` leaves the held-out dev half out, so the merge can be
  judged on it honestly. `tests/heldout/extraction-test.jsonl` is never trained on (only its keys and
  titles are read, to keep its articles out of the silver set).

The model is a blank `vi` pipeline with vnie's registered tokenizer and one small `ner`. Usage:

    python bench/train_tagger.py [--articles N] [--epochs N] [--max-minutes M] [--out DIR]
                                 [--without-heldout-dev] [--unknown-capitals]

Silver labels are cached in DIR/silver.jsonl or `--silver FILE` (`--fresh-silver` rebuilds them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from multiprocessing import Pool
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, against this checkout

import regex  # noqa: E402
import spacy  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.training import Example  # noqa: E402

from pipeline.engine.stages import PLAIN_RUN, clean_stage, language_stage  # noqa: E402
from pipeline.evaluate import gold_documents, read_jsonl  # noqa: E402
from pipeline.extract import build_document, extract, find_mentions  # noqa: E402
from pipeline.extract.document import ArticleDoc  # noqa: E402
from pipeline.ingest.inputs import read_inputs  # noqa: E402
from pipeline.model import Mention, RawArticle, VnieError, empty_record  # noqa: E402
from pipeline.text import casefold_words  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "dantri-2020.jsonl"
GOLD = [*sorted((SHARED / "gold").glob("*.jsonl")), REPO / "tests" / "heldout" / "extraction-dev.jsonl"]
NEVER = REPO / "tests" / "heldout" / "extraction-test.jsonl"  # score only: never a training source
DEFAULT_OUT = REPO / "bench" / "results" / "tagger"
LABELS = {"ORG": "organizations", "PER": "people", "LOC": "locations"}
# The rules write a place's span with its administrative word ("xã Tân Thiềng"), gold writes the name.
ADMIN_BEFORE = regex.compile(r"(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|TP\.?)\s*$",
                             regex.IGNORECASE)
LETTER = regex.compile(r"[\p{L}\p{N}]")

# A small model: hash embeddings and a one-layer CNN, the transition-based NER head at half width.
NER_CONFIG: dict[str, Any] = {"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
                "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
                "subword_features": True}}}

Sentence = dict[str, Any]  # {"words", "spaces", "ents": [[start, end, label]], "missing": [[start, end]]}


# ------------------------------------------------------------------------------------ labelled docs

def label_segments(doc: ArticleDoc, spans: Iterable[Mention]) -> Iterator[Sentence]:
    """One labelled sentence per sentence of the title, body and captions (meta lines are bylines).

    A span that does not fall on token boundaries is marked missing rather than outside, so a word the
    segmenter joined across a name's edge teaches nothing wrong.
    """
    by_field: dict[str, list[Mention]] = {}
    for span in spans:
        by_field.setdefault(span.field, []).append(span)
    for segment in doc:
        if segment.field.startswith("meta") or not segment.text.strip():
            continue
        sdoc = segment.doc
        ents: list[Span] = []
        missing: list[Span] = []
        for mention in sorted(by_field.get(segment.field, []), key=lambda m: m.start):
            exact = sdoc.char_span(mention.start, mention.end, label=mention.type)
            if exact is not None:
                ents.append(exact)
                continue
            wide = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
            if wide is not None and len(wide):
                missing.append(wide)
        for sent in sdoc.sents:
            words = [t.text for t in sent]
            if not any(LETTER.search(w) for w in words):
                continue
            inside = [[e.start - sent.start, e.end - sent.start, e.label_] for e in ents
                      if e.start >= sent.start and e.end <= sent.end]
            gaps = [[m.start - sent.start, m.end - sent.start] for m in missing
                    if m.start < sent.end and m.end > sent.start]
            gaps = [[max(0, s), min(len(words), e)] for s, e in gaps]
            yield {"words": words, "spaces": [bool(t.whitespace_) for t in sent], "ents": inside,
                   "missing": gaps}


def _silver_one(item: Any) -> list[Sentence]:
    """The rules' ORG/PER/LOC mentions on one corpus article, as labelled sentences."""
    if not isinstance(item, RawArticle):
        return []
    record = empty_record(item)
    try:
        clean_stage(item, record, PLAIN_RUN)
        language_stage(item, record, PLAIN_RUN)
    except VnieError:
        return []
    if record["lang"] != "vi":
        return []
    doc = build_document(record["text"], title=record["title"], captions=record["captions"],
                         meta=record["meta"], published=record["published"],
                         outlet=record["source"]["outlet"])
    mentions = [m for m in find_mentions(doc) if m.type in LABELS]
    return list(label_segments(doc, mentions))


def gold_keys() -> set[str]:
    """URLs, file names and titles of every gold article (including the test half), to skip in silver."""
    keys: set[str] = set()
    for path in [*GOLD, NEVER]:
        for gold in read_jsonl(path):  # only the key and title of the test half are read
            keys.update(str(v) for v in gold["key"].values())
            if gold.get("title"):
                keys.add(casefold_words(gold["title"], nfc=True))
    return keys


def silver(articles: int, workers: int) -> list[Sentence]:
    """Labelled sentences from the first `articles` corpus articles that no gold names."""
    skip = gold_keys()
    items = []
    for item in read_inputs([str(CORPUS)]):
        if len(items) >= articles:
            break
        title = casefold_words(item.title or "", nfc=True) if isinstance(item, RawArticle) else None
        if isinstance(item, RawArticle) and (item.url in skip or title in skip):
            continue
        items.append(item)
    sentences: list[Sentence] = []
    with Pool(workers) as pool:
        for done, found in enumerate(pool.imap(_silver_one, items, chunksize=8), 1):
            sentences += found
            if done % 200 == 0:
                print(f"  silver: {done}/{len(items)} articles, {len(sentences)} sentences", flush=True)
    return sentences


def _occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where `name` stands in `text` as whole words (exact case first, else ignoring case)."""
    for flags in (0, regex.IGNORECASE):
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(name)}(?![\p{{L}}\p{{N}}])", flags)
        hits = [m.span() for m in pattern.finditer(text)]
        if hits:
            yield from hits
            return


def gold_spans(gold: dict[str, Any], doc: ArticleDoc) -> list[Mention]:
    """Gold names found in the article, plus the rules' mentions of a gold entity, longest first."""
    record = extract(doc)
    candidates: list[Mention] = []
    for label, field in LABELS.items():
        names = [n if isinstance(n, str) else n.get("name") for n in gold.get(field, [])]
        names = [n for n in names if n]
        for segment in doc:
            if segment.field.startswith("meta"):
                continue
            for name in names:
                for start, end in _occurrences(segment.text, name):
                    if label == "LOC" and (admin := ADMIN_BEFORE.search(segment.text[:start])):
                        start = admin.start()
                    candidates.append(Mention(label, start, end, segment.text[start:end], segment.field))
        wanted = {casefold_words(n, nfc=True) for n in names}
        for entry in record[field]:  # an acronym or short form of a gold entity is a mention of it
            if casefold_words(entry.get("name") or "", nfc=True) in wanted:
                for m in entry["mentions"]:
                    candidates.append(Mention(label, m["start"], m["end"], m["text"], m.get("field", "text")))
    kept: list[Mention] = []
    for cand in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if not any(k.field == cand.field and k.start < cand.end and cand.start < k.end for k in kept):
            kept.append(cand)
    return kept


def gold_sentences(paths: Iterable[Path]) -> list[Sentence]:
    """Labelled sentences of the gold articles (complete labels: what is not a name is outside)."""
    sentences: list[Sentence] = []
    for path in paths:
        if path.resolve() == NEVER.resolve():
            raise SystemExit(f"train_tagger: {path} is the score-only test half")
        for gold, doc in gold_documents(path):
            sentences += label_segments(doc, gold_spans(gold, doc))
    return sentences


# ------------------------------------------------------------------------------------------ training

def blank_tagger() -> spacy.Language:
    """A blank `vi` pipeline with vnie's tokenizer and one untrained `ner`."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "vnie.underthesea_tokenizer.v1"}}}
    nlp = spacy.blank("vi", config=config)
    ner = nlp.add_pipe("ner", config=NER_CONFIG)
    for label in LABELS:
        ner.add_label(label)
    return nlp


def example(nlp: spacy.Language, sentence: Sentence, unknown_capitals: bool = False) -> Example:
    """A training example: the sentence's words, its names, and its missing stretches left unknown.

    With `unknown_capitals`, a capitalised word past the first that the rules left unlabelled is
    unknown too, not outside: where the rules missed a name, silver labels would teach the miss.
    """
    words, spaces = sentence["words"], sentence["spaces"]
    stretches_in = list(sentence["missing"])
    if unknown_capitals:
        stretches_in += [[i, i + 1] for i, word in enumerate(words)
                         if i and word[:1].isupper() and not any(s <= i < e for s, e, _ in sentence["ents"])]
    predicted = Doc(nlp.vocab, words=words, spaces=spaces)
    reference = Doc(nlp.vocab, words=words, spaces=spaces)
    ents = [Span(reference, s, e, label=label) for s, e, label in sentence["ents"]]
    stretches: list[list[int]] = []
    for start, end in sorted(stretches_in):  # merged where two stretches share a word
        if stretches and start < stretches[-1][1]:
            stretches[-1][1] = max(end, stretches[-1][1])
        elif end > start:
            stretches.append([start, end])
    missing = [Span(reference, s, e) for s, e in stretches
               if not any(s < ent.end and ent.start < e for ent in ents)]
    reference.set_ents(ents, missing=missing, default="outside")
    return Example(predicted, reference)


def train(nlp: spacy.Language, examples: list[Example], epochs: int, max_seconds: float,
          seed: int = 0) -> list[dict[str, float]]:
    """Train the ner for `epochs` passes or until `max_seconds` of CPU; returns each epoch's loss."""
    random.seed(seed)
    optimizer = nlp.initialize(lambda: examples[:2000])
    started = time.process_time()
    history = []
    for epoch in range(epochs):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(examples, size=spacy.util.compounding(8.0, 64.0, 1.01)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
            if time.process_time() - started > max_seconds:
                break
        history.append({"epoch": epoch + 1, "loss": round(float(losses.get("ner", 0.0)), 1),
                        "cpu_s": round(time.process_time() - started, 1)})
        print(f"  epoch {epoch + 1}: loss {history[-1]['loss']}, {history[-1]['cpu_s']} s CPU", flush=True)
        if time.process_time() - started > max_seconds:
            print("  stopped: CPU time budget reached", flush=True)
            break
    return history


def sample_silver(sentences: list[Sentence], keep_plain: float, seed: int = 0) -> list[Sentence]:
    """Every sentence with a name, and a share `keep_plain` of those without (mostly lower-case prose)."""
    rng = random.Random(seed)
    return [s for s in sentences if s["ents"] or rng.random() < keep_plain]


def shown(path: Path) -> str:
    """A path as the README writes it: inside the checkout, or beside it (../shared/...)."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else f"../{path.relative_to(REPO.parent)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2619, help="corpus articles read for silver labels")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--max-minutes", type=float, default=12.0, help="CPU minutes of training at most")
    parser.add_argument("--silver-sentences", type=int, default=100_000, help="silver sentences trained on")
    parser.add_argument("--keep-plain", type=float, default=0.2, help="share of name-less silver kept")
    parser.add_argument("--gold-weight", type=int, default=4, help="times each gold sentence is repeated")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--silver", type=Path, help="silver cache to read or write (OUT/silver.jsonl)")
    parser.add_argument("--fresh-silver", action="store_true")
    parser.add_argument("--unknown-capitals", action="store_true",
                        help="silver: a capitalised word the rules left unlabelled is unknown, not outside")
    parser.add_argument("--without-heldout-dev", action="store_true",
                        help="leave the held-out dev half out of training, to judge the merge on it")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.silver or args.out / "silver.jsonl"
    cache.parent.mkdir(parents=True, exist_ok=True)
    if args.fresh_silver or not cache.exists():
        t0 = time.perf_counter()
        found = silver(args.articles, args.workers)
        cache.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in found), encoding="utf-8")
        print(f"silver: {len(found)} sentences in {time.perf_counter() - t0:.0f} s -> {cache}")
    silver_all = [json.loads(line) for line in cache.open(encoding="utf-8")]
    chosen = sample_silver(silver_all, args.keep_plain)
    random.Random(1).shuffle(chosen)
    chosen = chosen[:args.silver_sentences]
    gold_files = [p for p in GOLD if not (args.without_heldout_dev and "heldout" in p.parts)]
    gold = gold_sentences(gold_files)
    nlp = blank_tagger()
    examples = [example(nlp, s, args.unknown_capitals) for s in chosen]
    examples += [example(nlp, s) for s in gold] * args.gold_weight
    counts = Counter(label for s in chosen for *_, label in s["ents"])
    gold_counts = Counter(label for s in gold for *_, label in s["ents"])
    print(f"training on {len(chosen)} silver sentences {dict(counts)} and {len(gold)} gold sentences "
          f"{dict(gold_counts)} x{args.gold_weight}; {sum(len(s['words']) for s in chosen)} silver tokens")
    history = train(nlp, examples, args.epochs, args.max_minutes * 60)
    nlp.to_disk(args.out / "model")
    summary = {"silver_sentences": len(chosen), "silver_labels": dict(counts), "gold_sentences": len(gold),
               "gold_labels": dict(gold_counts), "gold_weight": args.gold_weight,
               "unknown_capitals": args.unknown_capitals, "epochs": history,
               "gold_files": [shown(p) for p in gold_files], "config": NER_CONFIG}
    report = json.dumps(summary, ensure_ascii=False, indent=1)
    (args.out / "training.json").write_text(report, encoding="utf-8")
    print(f"model -> {args.out / 'model'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
