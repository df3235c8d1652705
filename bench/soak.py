"""Soak: the corpus read and processed again and again in one process; does memory grow?

Not part of the tests (it takes the better part of an hour). Each pass frames the whole corpus as
the parent does and reads and processes every frame as a worker does (`process_frame`, with the time
limit), in this one process, writing nothing. Every --every articles the resident size is sampled
(after a garbage collection, so what is counted is what is kept). The first pass fills the caches
and is left out; the growth is the least-squares slope of resident size over articles processed in
the later passes, in MB per thousand articles. Issue 15's target: under 1 MB per thousand.

    python bench/soak.py                          # ../shared/corpus/dantri-2020.jsonl, 10 passes
    python bench/soak.py --passes 3 --input crawl.jsonl
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "dantri-2020.jsonl"


def resident_mb() -> float:
    """This process's resident size, in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of y over x."""
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--every", type=int, default=500, help="articles between memory samples")
    parser.add_argument("--out", type=Path, help="write the samples here as JSON")
    args = parser.parse_args()
    if not args.input.exists():
        print(f"no input at {args.input}", file=sys.stderr)
        return 2
    from pipeline.engine.runner import _warm_worker, process_frame, quiet_libraries
    from pipeline.ingest.inputs import frame_inputs
    from pipeline.settings import Settings

    quiet_libraries(debug=False)
    _warm_worker()
    settings = Settings()
    samples: list[tuple[int, int, float]] = []  # (pass, articles so far, resident MB)
    done = 0
    started = time.perf_counter()
    print(f"start: {resident_mb():.1f} MB resident; {args.passes} passes over {args.input.name}")
    for number in range(1, args.passes + 1):
        outcomes = {"record": 0, "error": 0}
        for frame in frame_inputs([str(args.input)]):
            for kind, _obj in process_frame(frame, settings):
                outcomes[kind] += 1
            done += 1
            if done % args.every == 0:
                gc.collect()
                samples.append((number, done, resident_mb()))
        gc.collect()
        samples.append((number, done, resident_mb()))
        print(f"pass {number}: {outcomes['record']} records, {outcomes['error']} errors; {done} articles in "
              f"{time.perf_counter() - started:.0f} s; {samples[-1][2]:.1f} MB resident", flush=True)
    later = [(articles, mb) for number, articles, mb in samples if number > 1]
    growth = slope(later) * 1000 if len(later) > 1 else float("nan")
    first_end = next(mb for number, _a, mb in reversed(samples) if number == 1)
    print(f"growth after the first pass: {growth:.3f} MB per thousand articles "
          f"({first_end:.1f} MB at the end of pass 1, {samples[-1][2]:.1f} MB at the end)")
    if args.out:
        args.out.write_text(json.dumps({"samples": samples, "mb_per_thousand": growth}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
