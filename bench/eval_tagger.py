"""Score the learned tagger merged with the rules, and time it (issue 13 item 6, an experiment).

The tagger's ORG/PER/LOC spans are added where the rules found nothing: a span that overlaps a rule
mention of a name kind (or, with `--clear-of-all`, of any kind) is dropped, and with `--only-plausible`
so is one that does not look like its kind (see `plausible`); the rest join the rules' mentions at a
lower priority and go through the normal merge step and each kind's `build`. Scores are those of
`vnie eval --extraction-only` (documents built from the gold lines, the same scorer), on the
held-out dev half, the held-out test half (score only) and the dev gold (seeds + dev-dantri).

Speed: on `--articles` corpus articles, article by article in one process, in rotating order (the
machine's speed drifts; pairing makes the ratios immune to it): underthesea word segmentation of title
and body alone (the floor), vnie, and vnie with the tagger; with `--architectures`, also the inference
alone of smaller untrained `ner` and token-classifier models on the same articles. Usage:

    python bench/eval_tagger.py [--model DIR] [--types ORG,PER,LOC] [--clear-of-all] [--only-plausible]
                                [--articles 200] [--skip-speed] [--architectures] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, against this checkout

import spacy  # noqa: E402

import pipeline.extract as extract_module  # noqa: E402
from pipeline.evaluate import Scores, gold_documents, score_article  # noqa: E402
from pipeline.extract.document import ArticleDoc  # noqa: E402
from pipeline.extract.gazetteer import gazetteer, strip_admin  # noqa: E402
from pipeline.extract.merge import resolve_overlaps  # noqa: E402
from pipeline.extract.tokenize import create_underthesea_tokenizer  # noqa: E402,F401 (registers it)
from pipeline.kinds import registered_kinds  # noqa: E402
from pipeline.model import Mention  # noqa: E402
from pipeline.text import name_key  # noqa: E402

SHARED = REPO.parent / "shared"
DEFAULT_MODEL = REPO / "bench" / "results" / "tagger" / "model"
GOLD_SETS = {
    "heldout dev": [REPO / "tests" / "heldout" / "extraction-dev.jsonl"],
    "heldout test": [REPO / "tests" / "heldout" / "extraction-test.jsonl"],
    "dev gold": [SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "dev-dantri.jsonl"],
}
NAME_KINDS = ("ORG", "PER", "LOC")
FIELDS = ("organizations", "organizations_contain", "people", "locations")
TAGGER_PRIORITY = -1  # below every rule mention


def tagged_mention(label: str, field: str, start: int, end: int, text: str) -> Mention:
    """A tagger span as a mention carrying the attributes each kind's `build` reads."""
    if label == "ORG":
        attrs: dict[str, Any] = {"name": text, "key": name_key(text)}
    elif label == "PER":
        attrs = {"name": text, "kind": "full" if " " in text else "short", "keep": True, "role": None}
    else:
        admin, name = strip_admin(text)
        attrs = {"name": name, "level": gazetteer().level_of(name) or "other", "admin": bool(admin)}
    return Mention(label, start, end, text, field, attrs, priority=TAGGER_PRIORITY)


def tagger_mentions(doc: ArticleDoc, ner: Any, types: tuple[str, ...]) -> list[Mention]:
    """The tagger's spans of the wanted types in the title, body and captions (meta lines are bylines)."""
    segments = [s for s in doc if not s.field.startswith("meta") and s.text.strip()]
    found: list[Mention] = []
    for segment in segments[:1]:  # the segments' vocab is the pipeline's, not the model's
        for label in ner.labels:
            segment.doc.vocab.strings.add(label)
    for segment, tagged in zip(segments, ner.pipe([s.doc for s in segments]), strict=True):
        for ent in tagged.ents:
            if ent.label_ in types:
                found.append(tagged_mention(ent.label_, segment.field, ent.start_char, ent.end_char,
                                            ent.text))
        tagged.ents = ()  # the segment's Doc is shared with the extractors: leave it as it was
    return found


def plausible(mention: Mention) -> bool:
    """A tagger span that looks like its kind: a place the gazetteer knows (or led by an administrative
    word), a person of two or more capitalised syllables, an organisation of two or more words."""
    words = mention.text.split()
    if mention.type == "LOC":
        return mention.attrs["admin"] or gazetteer().level_of(mention.attrs["name"]) is not None
    if mention.type == "PER":
        return len(words) >= 2 and all(w[:1].isupper() for w in words)
    return len(words) >= 2


@dataclass(frozen=True)
class Merge:
    """How tagger spans join the rules' mentions."""

    types: tuple[str, ...] = NAME_KINDS  # the tagger labels added
    clear_of_all: bool = False  # drop spans overlapping a mention of any kind, not only of the names
    only_plausible: bool = False  # keep only spans that look like their kind (`plausible`)

    def added(self, rules: list[Mention], tagged: list[Mention]) -> list[Mention]:
        """Tagger spans clear of the rules' mentions, and plausible if asked."""
        blocking = [m for m in rules if self.clear_of_all or m.type in NAME_KINDS]
        return [t for t in tagged if t.type in self.types
                and (plausible(t) or not self.only_plausible)
                and not any(b.field == t.field and b.start < t.end and t.start < b.end for b in blocking)]


def record_from(mentions: list[Mention], doc: ArticleDoc) -> dict[str, Any]:
    """The extraction fields from resolved mentions, as `pipeline.extract.extract` writes them."""
    result: dict[str, Any] = {"entities": [m.as_entity() for m in mentions]}
    for spec in registered_kinds():
        result[spec.field] = spec.build([m for m in mentions if m.type == spec.label], doc, mentions)
    return result


class Merged:
    """`find_mentions` with the tagger's spans added below the rules."""

    def __init__(self, ner: Any, merge: Merge, rules: Callable[[ArticleDoc], list[Mention]]):
        self.ner, self.merge, self.rules = ner, merge, rules

    def __call__(self, doc: ArticleDoc) -> list[Mention]:
        rules = self.rules(doc)
        extra = self.merge.added(rules, tagger_mentions(doc, self.ner, self.merge.types))
        return resolve_overlaps(rules + extra)


def score_sets(ner: Any, merge: Merge) -> dict[str, dict[str, Scores]]:
    """Scores of rules alone, the tagger alone and rules + tagger on every gold set."""
    results: dict[str, dict[str, Scores]] = {}
    for name, paths in GOLD_SETS.items():
        systems = {"rules": Scores(), "tagger alone": Scores(), "rules + tagger": Scores()}
        for path in paths:
            for gold, doc in gold_documents(path):
                rules = extract_module.find_mentions(doc)
                tagged = tagger_mentions(doc, ner, merge.types)
                alone = resolve_overlaps(merge.added([], tagged))
                merged = resolve_overlaps(rules + merge.added(rules, tagged))
                for system, found in zip(systems, (rules, alone, merged), strict=True):
                    systems[system].matched += 1
                    score_article(record_from(found, doc), gold, systems[system])
        results[name] = systems
    return results


def print_scores(results: dict[str, dict[str, Scores]]) -> None:
    """One row per gold set, system and field."""
    print(f"{'gold':<14}{'system':<16}{'field':<24}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}")
    for name, systems in results.items():
        for system, scores in systems.items():
            for field in FIELDS:
                t = scores.tally(field)
                print(f"{name:<14}{system:<16}{field:<24}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
                      f"{t.predicted:>6}{t.gold:>6}")


def corpus_sample(articles: int) -> tuple[list[Any], list[list[str]]]:
    """The first corpus articles, and the strings the floor segments in each (title and body)."""
    from pipeline.engine.stages import PLAIN_RUN, clean_stage, language_stage
    from pipeline.ingest.inputs import read_inputs
    from pipeline.model import RawArticle, VnieError, empty_record

    items = list(islice(read_inputs([str(SHARED / "corpus" / "dantri-2020.jsonl")]), articles))
    fields: list[list[str]] = []
    for item in items:
        strings: list[str] = []
        if isinstance(item, RawArticle):
            record = empty_record(item)
            try:
                clean_stage(item, record, PLAIN_RUN)
                language_stage(item, record, PLAIN_RUN)
                if record["lang"] == "vi":
                    strings = [s for s in (record["title"] or "", record["text"]) if s.strip()]
            except VnieError:
                pass
        fields.append(strings)
    return items, fields


def paired(steps: dict[str, Callable[[int], Any]], count: int) -> dict[str, float]:
    """Seconds of each step over articles 0..count-1, run back to back per article in rotating order."""
    for step in steps.values():  # warm-up: models and rules load here
        step(0)
    seconds = dict.fromkeys(steps, 0.0)
    order = list(steps)
    for n in range(count):
        for name in order[n % len(order):] + order[:n % len(order)]:
            t0 = time.perf_counter()
            steps[name](n)
            seconds[name] += time.perf_counter() - t0
    return seconds


def timing(ner: Any, merge: Merge, articles: int) -> dict[str, float]:
    """Seconds over `articles` corpus articles: the floor, vnie, and vnie with the tagger, paired."""
    from underthesea import word_tokenize

    from pipeline.engine.stages import process_safely

    items, fields = corpus_sample(articles)
    rules = extract_module.find_mentions
    merged = Merged(ner, merge, rules)

    def run_vnie(item: Any, with_tagger: bool) -> None:
        extract_module.find_mentions = merged if with_tagger else rules
        try:
            process_safely(item)
        finally:
            extract_module.find_mentions = rules

    return paired({
        "floor": lambda n: [word_tokenize(s) for s in fields[n]],
        "vnie": lambda n: run_vnie(items[n], False),
        "vnie + tagger": lambda n: run_vnie(items[n], True),
    }, len(items))


# Smaller and cheaper learned components than the trained one: (component, CNN width, depth, embedding
# rows, hidden width, maxout pieces). Untrained weights cost the same time as trained ones.
ARCHITECTURES = {
    "ner 64/2 hidden 64 (as trained)": ("ner", 64, 2, 2000, 64, 2),
    "ner 32/1 hidden 32": ("ner", 32, 1, 500, 32, 1),
    "token classifier 64/2": ("tagger", 64, 2, 2000, 0, 0),
    "token classifier 32/1": ("tagger", 32, 1, 500, 0, 0),
}
BILUO = ["O", *(f"{p}-{label}" for label in NAME_KINDS for p in "BILU")]


def untrained(component: str, width: int, depth: int, rows: int, hidden: int, pieces: int) -> Any:
    """An initialised, untrained `ner` or BILUO token classifier (spaCy `tagger`) on vnie's tokenizer."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnie.underthesea_tokenizer.v1"}}})
    tok2vec = {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width,
               "depth": depth, "embed_size": rows, "window_size": 1, "maxout_pieces": 3,
               "subword_features": True}
    if component == "ner":
        model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "nO": None,
                 "extra_state_tokens": False, "hidden_width": hidden, "maxout_pieces": pieces,
                 "use_upper": True, "tok2vec": tok2vec}
    else:
        model = {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False, "tok2vec": tok2vec}
    pipe = nlp.add_pipe(component, config={"model": model})
    for label in NAME_KINDS if component == "ner" else BILUO:
        pipe.add_label(label)
    nlp.initialize()
    return pipe


def architecture_timing(articles: int) -> dict[str, float]:
    """Seconds of the floor and of each architecture's inference alone on the same segmented articles."""
    from underthesea import word_tokenize

    from pipeline.extract.tokenize import tokenize

    _, fields = corpus_sample(articles)
    docs = [[tokenize(s) for s in strings] for strings in fields]
    for label in [*NAME_KINDS, *BILUO]:  # the Docs' vocab is the pipeline's, not the models'
        docs[0][0].vocab.strings.add(label)
    pipes = {name: untrained(*spec) for name, spec in ARCHITECTURES.items()}

    def infer(pipe: Any, n: int) -> None:
        for doc in pipe.pipe(docs[n]):
            doc.ents = ()

    steps: dict[str, Callable[[int], Any]] = {"floor": lambda n: [word_tokenize(s) for s in fields[n]]}
    for name, pipe in pipes.items():
        steps[name] = lambda n, pipe=pipe: infer(pipe, n)
    return paired(steps, len(docs))


def print_speed(title: str, seconds: dict[str, float], articles: int) -> dict[str, Any]:
    """ms/article and the ratio to the floor of each timed step; returns them for the JSON."""
    floor = seconds["floor"]
    print(title)
    for name, value in seconds.items():
        print(f"  {name:<30}{1000 * value / articles:>8.1f} ms/article  {value / floor:>5.2f} x floor")
    ratios = {name: value / floor for name, value in seconds.items()}
    return {"articles": articles, "seconds": seconds, "ratio_to_floor": ratios}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--types", default="ORG,PER,LOC", help="tagger labels added to the rules")
    parser.add_argument("--clear-of-all", action="store_true",
                        help="drop tagger spans overlapping a mention of any kind, not only of names")
    parser.add_argument("--only-plausible", action="store_true",
                        help="keep only tagger spans that look like their kind (see `plausible`)")
    parser.add_argument("--articles", type=int, default=200, help="corpus articles timed")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--architectures", action="store_true",
                        help="also time cheaper architectures' inference alone against the floor")
    parser.add_argument("--json", type=Path, help="write the numbers here too")
    args = parser.parse_args(argv)
    types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    ner = spacy.load(args.model).get_pipe("ner")
    merge = Merge(types, args.clear_of_all, args.only_plausible)
    results = score_sets(ner, merge)
    print(f"model {args.model}, {merge}")
    print_scores(results)
    out: dict[str, Any] = {"model": str(args.model), "merge": asdict(merge),
                           "scores": {name: {system: {f: s.tally(f).as_dict() for f in FIELDS}
                                             for system, s in systems.items()}
                                      for name, systems in results.items()}}
    if not args.skip_speed:
        seconds = timing(ner, merge, args.articles)
        out["speed"] = print_speed(f"speed on {args.articles} corpus articles (paired, one process):",
                                   seconds, args.articles)
    if args.architectures:
        seconds = architecture_timing(args.articles)
        out["architectures"] = print_speed(f"inference alone, untrained architectures, {args.articles} "
                                           "articles (paired):", seconds, args.articles)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
