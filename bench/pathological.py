"""Pathological texts against normal pages of the same size (issue 15, defect 9).

Each pathological page is timed through the whole per-article pipeline (clean, language, tokenize,
extract, province: `pipeline.engine.stages.process`) in one warm process, and so is a normal page of
the same size made of distinct real articles (../shared/corpus/dantri-2020.jsonl, joined as
paragraphs). The ratio pathological / normal is the check: at most 1 means the guards
(pipeline/engine/guards.py) keep such texts in linear time. Each time is the best of --repeats.

    python bench/pathological.py                 # every case
    python bench/pathological.py --repeats 3 --only digits-100k
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "dantri-2020.jsonl"
SENTENCE = "Huyện ủy chỉ đạo 35 chi bộ học tập Nghị quyết 36-NQ/TW về công tác dân vận. "


def normal_text(size: int) -> str:
    """Distinct real articles, one paragraph per line, cut to `size` characters."""
    parts, total = [], 0
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line).get("content") or ""
            parts.append(body)
            total += len(body) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def _in_page(run: str, size: int) -> str:
    """A run inside a sentence, in a normal page, `size` characters in all."""
    sentence = f"Có {run} người dự hội nghị."
    return normal_text(size - len(sentence) - 2) + "\n\n" + sentence


CASES: dict[str, tuple[int, Callable[[int], str]]] = {
    "digits-100k": (165_000, lambda size: _in_page("1234567890" * 10_000, size)),
    "one-digit-100k": (165_000, lambda size: _in_page("1" * 100_000, size)),
    "digit-spaces-100k": (165_000, lambda size: _in_page("1 " * 50_000, size)),
    "dotted-digits-100k": (165_000, lambda size: _in_page("1.1." * 25_000, size)),
    "punctuation-100k": (165_000, lambda size: _in_page("!?" * 50_000, size)),
    "repeated-sentence": (200_000, lambda size: SENTENCE * (size // len(SENTENCE))),
    "repeated-phrase": (200_000, lambda size: "Chỉ thị " * (size // 8)),  # not guarded: linear already
}


def timed(text: str, repeats: int, limit: float) -> float | None:
    """Best seconds of `repeats` runs of the pipeline on a page, None past the limit."""
    from pipeline.engine.runner import time_limit
    from pipeline.engine.stages import process
    from pipeline.model import ArticleTimeout, RawArticle

    best = None
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            with time_limit(limit):
                process(RawArticle(path="page.txt", text=f"Tin huyện\n\n{text}\n", digest="1"))
        except ArticleTimeout:
            return None
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--limit", type=float, default=300, help="seconds before a page is given up")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS} (the shared corpus beside the checkout)", file=sys.stderr)
        return 2
    from pipeline.engine.runner import _warm_worker

    _warm_worker()
    normals: dict[int, float | None] = {}
    print(f"{'case':<20} {'chars':>8} {'pathological s':>15} {'normal s':>9} {'ratio':>6}")
    for name in args.only or CASES:
        size, make = CASES[name]
        if size not in normals:
            normals[size] = timed(normal_text(size), args.repeats, args.limit)
        text = make(size)
        seconds = timed(text, args.repeats, args.limit)
        normal = normals[size]
        shown = f"{seconds:.2f}" if seconds is not None else f">{args.limit:g}"
        ratio = f"{seconds / normal:.2f}" if seconds is not None and normal else "-"
        print(f"{name:<20} {len(text):>8,} {shown:>15} {normal or 0:>9.2f} {ratio:>6}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
