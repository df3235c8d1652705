"""The measuring half of `run_bench.py`: what runs inside each fresh child process.

Each `_run_*` times one configuration on the articles the parent pickled (after a warm-up that loads
the models, excluded from the rates) and returns its measurement; `child_main` writes it to the path
the parent named. Memory: `ru_maxrss` of the process and its largest child, and `TreeSampler`'s
sampled RSS and PSS of the whole process tree.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def _maxrss_mb(who: int) -> float:
    """ru_maxrss in MB (Linux reports KiB, macOS bytes)."""
    value = resource.getrusage(who).ru_maxrss
    return value / MB if sys.platform == "darwin" else value / 1024


def _cpu_seconds() -> float:
    """User + system CPU of this process and its reaped children (the pool's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class TreeSampler:
    """Samples the summed RSS and PSS of this process and its children: ru_maxrss sees one process only.

    RSS is cheap to read and sampled often; PSS (which counts pages that forked workers share once) costs
    ~7 ms per process to read, so it is read every `slow_every` samples and on a new RSS high only, lest
    the sampler itself slow the run it measures.
    """

    def __init__(self, interval: float = 0.25, slow_every: int = 8):
        self.interval, self.slow_every = interval, slow_every
        self.rss_mb = self.pss_mb = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._procs: list[Any] = []
        self._ticks = 0
        try:
            import psutil  # a dependency of dask.distributed; optional here

            self._psutil: Any = psutil
        except ImportError:
            self._psutil = None

    @staticmethod
    def _pss(pid: int) -> int | None:
        """Proportional set size in bytes from /proc (Linux), else None."""
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def _sample(self) -> None:
        self._ticks += 1
        slow = self._ticks % self.slow_every == 1
        if self._ticks % 2 == 1:  # a new pool's workers are seen within half a second
            me = self._psutil.Process()
            self._procs = [me, *me.children(recursive=True)]
        rss = 0
        for proc in self._procs:
            try:
                rss += proc.memory_info().rss
            except self._psutil.Error:  # a worker that just exited
                continue
        if slow or rss / MB > self.rss_mb * 1.05:  # PSS peaks where RSS does: read it on a new high too
            self.pss_mb = max(self.pss_mb, sum(self._pss(proc.pid) or 0 for proc in self._procs) / MB)
        self.rss_mb = max(self.rss_mb, rss / MB)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> TreeSampler:
        if self._psutil is not None:
            self._sample()
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._sample()


def _fields(entry: dict[str, Any] | None) -> list[str]:
    """The strings of one article the floor segments: title and body (vnie also does captions and meta
    lines, short strings that moved the ratio by about 1% when counted)."""
    if entry is None:
        return []
    return [s for s in (entry["title"] or "", entry["text"]) if s.strip()]


def _timed(step, units: list[Any]) -> tuple[float, float, list[float]]:
    """Wall seconds, CPU seconds and per-unit wall seconds of `step` over `units`."""
    per_unit: list[float] = []
    cpu0 = _cpu_seconds()
    started = time.perf_counter()
    for unit in units:
        t0 = time.perf_counter()
        step(unit)
        per_unit.append(time.perf_counter() - t0)
    return time.perf_counter() - started, _cpu_seconds() - cpu0, per_unit


def _run_vnie(data: dict[str, Any], workers: int, out: Path) -> dict[str, Any]:
    """vnie through run_local; records written to `out` for the equality check."""
    from pipeline.engine.runner import run_local
    from pipeline.engine.stages import process_safely
    from pipeline.settings import Settings
    from pipeline.store.jsonl import dumps

    items = data["items"]
    t0 = time.perf_counter()
    process_safely(items[0])  # warm-up: models and rules load here (before the fork, so workers share them)
    gc.freeze()  # what loaded lives as long as the run; `vnie run` freezes it too (engine.runner._warm_up)
    warmup = time.perf_counter() - t0
    results: list[str] = []
    per_item: list[float] = []
    with TreeSampler() as sampler:
        cpu0 = _cpu_seconds()
        started = last = time.perf_counter()
        # vnie-1 in this process, as its README numbers were measured; N workers in the pool
        for kind, obj in run_local(iter(items), workers, Settings(), in_process=workers == 1):
            results.append(dumps({"kind": kind, "record": obj}))
            now = time.perf_counter()
            per_item.append(now - last)  # with a pool this is arrival spacing, meaningful only summed
            last = now
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu0
    out.write_text("\n".join(results) + "\n", encoding="utf-8")
    return {"warmup_s": warmup, "seconds": seconds, "cpu_seconds": cpu, "per_item_s": per_item,
            "tree_rss_mb": sampler.rss_mb, "tree_pss_mb": sampler.pss_mb}


def _run_floor(data: dict[str, Any]) -> dict[str, Any]:
    """underthesea word_tokenize alone on each field vnie segments, one call per field as vnie does."""
    from underthesea import word_tokenize

    entries = data["fields"]
    t0 = time.perf_counter()
    for text in _fields(entries[0]):
        word_tokenize(text)
    gc.freeze()  # frozen after warm-up like vnie's run, so neither side pays for collecting its models
    warmup = time.perf_counter() - t0
    with TreeSampler() as sampler:
        seconds, cpu, per_item = _timed(lambda e: [word_tokenize(t) for t in _fields(e)], entries)
    return {"warmup_s": warmup, "seconds": seconds, "cpu_seconds": cpu, "per_item_s": per_item,
            "tree_rss_mb": sampler.rss_mb, "tree_pss_mb": sampler.pss_mb}


def _run_peer(data: dict[str, Any], count: int) -> dict[str, Any]:
    """The naive peer: underthesea.ner on every sentence (underthesea.sent_tokenize) of title and body."""
    from underthesea import ner, sent_tokenize

    entries = data["fields"][:count]

    def tag(entry: dict[str, Any] | None) -> None:
        for text in _fields(entry):
            for sentence in sent_tokenize(text):
                ner(sentence)

    t0 = time.perf_counter()
    tag(entries[0])
    warmup = time.perf_counter() - t0
    with TreeSampler() as sampler:
        seconds, cpu, per_item = _timed(tag, entries)
    return {"warmup_s": warmup, "seconds": seconds, "cpu_seconds": cpu, "per_item_s": per_item,
            "tree_rss_mb": sampler.rss_mb, "tree_pss_mb": sampler.pss_mb}


def _run_paired(data: dict[str, Any]) -> dict[str, Any]:
    """vnie-1, the floor and vnie's own segmentation path article by article in one process, in turns.

    The machine's speed drifts by tens of percent over minutes; timing them on each article back to
    back makes their ratios immune to that drift, which separate processes a minute apart are not. The
    floor is underthesea's stock `word_tokenize`; `segmenter_s` is the same fields through the path vnie
    segments with (pipeline/extract/segmenter.py: the same words, computed faster), shown so that what
    vnie gains there is seen apart from the rest.
    """
    from underthesea import word_tokenize

    from pipeline.engine.runner import process_one
    from pipeline.engine.stages import process_safely
    from pipeline.extract.tokenize import word_tokenize as vnie_word_tokenize
    from pipeline.settings import Settings

    items, entries, settings = data["items"], data["fields"], Settings()
    process_safely(items[0])
    gc.freeze()  # as `vnie run` does after its warm-up (engine.runner._warm_up)
    spent = {"vnie": 0.0, "floor": 0.0, "segmenter": 0.0}
    steps = ("vnie", "floor", "segmenter")
    for n, (item, entry) in enumerate(zip(items, entries, strict=True)):
        for step in steps[n % 3:] + steps[:n % 3]:
            t0 = time.perf_counter()
            if step == "vnie":
                process_one(item, settings)
            else:
                segment = word_tokenize if step == "floor" else vnie_word_tokenize
                for text in _fields(entry):
                    segment(text)
            spent[step] += time.perf_counter() - t0
    return {f"{step}_s": seconds for step, seconds in spent.items()}


def _run_profile(data: dict[str, Any], top: int = 15) -> dict[str, Any]:
    """cProfile over the 1-worker run (after warm-up): the functions with the most cumulative time."""
    import cProfile
    import pstats

    from pipeline.engine.runner import run_local
    from pipeline.engine.stages import process_safely
    from pipeline.settings import Settings

    process_safely(data["items"][0])
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in run_local(iter(data["items"]), 1, Settings(), in_process=True):  # the profiler sees this process
        pass
    profiler.disable()
    table = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max((row[3] for row in table.values()), default=0.0)

    def rows(column: int) -> list[dict[str, Any]]:
        ranked = sorted(table.items(), key=lambda kv: kv[1][column], reverse=True)[:top]
        return [{"function": f"{Path(file).name}:{line}({func})" if line else func, "calls": calls,
                 "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3),
                 "share": round((cumtime if column == 3 else tottime) / total, 3) if total else 0.0}
                for (file, line, func), (_prim, calls, tottime, cumtime, _callers) in ranked]

    # cumulative time shows the call chain; own time shows which leaves actually burn the CPU
    return {"total_s": total, "top": rows(3), "top_own": rows(2)}


def child_main(args: argparse.Namespace) -> None:
    """One configuration in this fresh process; the measurement goes to --result as JSON."""
    with open(args.data, "rb") as handle:
        data = pickle.load(handle)
    result_path = Path(args.result)
    if args.child == "vnie":
        result = _run_vnie(data, args.workers, result_path.with_suffix(".records.jsonl"))
    elif args.child == "floor":
        result = _run_floor(data)
    elif args.child == "peer":
        result = _run_peer(data, args.peer_articles)
    elif args.child == "paired":
        result = _run_paired(data)
    else:
        result = _run_profile(data)
    result["peak_rss_mb_self"] = _maxrss_mb(resource.RUSAGE_SELF)
    result["peak_rss_mb_children"] = _maxrss_mb(resource.RUSAGE_CHILDREN)  # the largest pool worker
    result_path.write_text(json.dumps(result), encoding="utf-8")
