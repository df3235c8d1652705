"""Build `pipeline/extract/data/word_classes.tsv`: the usual POS tag of common lower-case words.

Offline, once: underthesea's own POS tagger (its bundled CRF model) reads the articles of a corpus
(by default `../shared/corpus/dantri-2020.jsonl`, 2,619 Dan Tri articles of 2020) and, for every
lower-case word it saw at least `--min-count` times, the file keeps the tag it was given most often
(the VLSP 2013 tag set: N noun, V verb, A adjective, E preposition, C/Cc conjunction, R adverb, L
determiner, M number, P pronoun, T/I particle...). vnie reads the file at run time; tagging every
article at run time would cost three times the word segmentation, far over the speed budget.

    python bench/build_word_classes.py [--corpus FILE] [--min-count 3]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from underthesea import pos_tag, sent_tokenize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pipeline" / "extract" / "data" / "word_classes.tsv"
TAGS = {"N", "Nc", "Ny", "Nb", "Nu", "V", "A", "E", "C", "Cc", "R", "L", "M", "P", "T", "I"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dantri-2020.jsonl"))
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with open(args.corpus, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            article = json.loads(line)
            body = article.get("content") or article.get("text")
            text = "\n".join(filter(None, (article.get("title"), body)))
            for paragraph in text.split("\n"):
                for sentence in sent_tokenize(paragraph):
                    for word, tag in pos_tag(sentence):
                        if word[:1].islower() and tag in TAGS and not any(c.isdigit() for c in word):
                            counts[word][tag] += 1
            if n % 200 == 0:
                print(n, len(counts), flush=True)
    rows = sorted((w, c.most_common(1)[0][0], sum(c.values())) for w, c in counts.items()
                  if sum(c.values()) >= args.min_count)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(f"# word\ttag\tcount: the usual VLSP tag of lower-case words, by underthesea's POS "
                  f"tagger on {Path(args.corpus).name} (bench/build_word_classes.py)\n")
        out.writelines(f"{w}\t{cls}\t{n}\n" for w, cls, n in rows)
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
