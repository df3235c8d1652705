"""Whether vnie's segmentation path gives underthesea's words, on every string a corpus run segments.

`pipeline/extract/segmenter.py` computes `underthesea.word_tokenize`'s output without its feature
strings. This runs the whole pipeline over the input (default: the 2,619-article corpus), catches
every string it hands the segmenter (titles, bodies, captions, meta lines, the pieces between long
unbroken runs), and segments each one both ways: the counts, the strings that differ (expected:
none), how many took underthesea's own path (a character outside the fast path's set), and the CPU
seconds of each side. Then the words vnie reads, cut where a word glues a name to a common word
(`pipeline/extract/name_cuts.py`): how many strings and words the cuts change, a few of them, and
their cost; every other word must stay as underthesea gave it.

    python bench/segmenter_check.py [--input PATH] [--articles N]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import sys
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "dantri-2020.jsonl"


def main() -> int:
    """Run the pipeline over the input, segment each caught string both ways, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--articles", type=int, default=0, help="the first N only (0: all)")
    args = parser.parse_args()
    from underthesea import word_tokenize as stock

    from pipeline.engine.runner import process_one
    from pipeline.extract import tokenize
    from pipeline.extract.segmenter import SAFE_TEXT, load_segmenter
    from pipeline.ingest.inputs import read_inputs
    from pipeline.settings import Settings

    texts: list[str] = []
    cut = tokenize.segmenter()
    tokenize.word_tokenize = lambda text: texts.append(text) or cut(text)  # type: ignore[assignment]
    fast = load_segmenter()
    items = read_inputs([str(args.input)])
    settings = Settings()
    count = 0
    for item in islice(items, args.articles or None):
        process_one(item, settings)
        count += 1
    print(f"{count} articles, {len(texts)} strings segmented ({sum(map(len, texts)):,} characters); "
          f"{sum(SAFE_TEXT.fullmatch(t) is None for t in texts)} take underthesea's own path")
    stock("x")
    gc.freeze()
    seconds = {}
    outputs = {}
    sides = (("underthesea word_tokenize", stock), ("vnie's path", fast), ("with name cuts", cut))
    for name, segment in sides:
        started = time.process_time()
        outputs[name] = [segment(text) for text in texts]
        seconds[name] = time.process_time() - started
    stock_words, fast_words, cut_words = outputs.values()
    differ = [i for i, (a, b) in enumerate(zip(stock_words, fast_words, strict=True)) if a != b]
    for name, cpu in seconds.items():
        print(f"{name:<26} {cpu:7.2f} s CPU")
    stock_s, fast_s, cut_s = seconds.values()
    print(f"speed-up {stock_s / fast_s:.2f}x; strings whose words differ: {len(differ)}")
    for i in differ[:5]:
        print(f"  {texts[i][:120]!r}")
    cuts = [(i, change) for i, (a, b) in enumerate(zip(fast_words, cut_words, strict=True))
            for change in _changes(a, b)]
    strays = [i for i, (a, b) in enumerate(zip(fast_words, cut_words, strict=True))
              if "".join(a).replace(" ", "") != "".join(b).replace(" ", "")]
    print(f"name cuts: {len({i for i, _ in cuts})} strings, {len(cuts)} changed runs of words, "
          f"{cut_s / fast_s - 1:+.0%} CPU; strings whose syllables differ (expected: none): {len(strays)}")
    for _i, (before, after) in cuts[:8]:
        print(f"  {' | '.join(before)!r} -> {' | '.join(after)!r}")
    return 1 if differ or strays else 0


def _changes(before: list[str], after: list[str]) -> list[tuple[list[str], list[str]]]:
    """The runs of words the name cuts changed: (underthesea's words, the words after the cuts)."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


if __name__ == "__main__":
    sys.exit(main())
