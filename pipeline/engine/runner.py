"""Where articles are processed: in this process, in a pool of worker processes, or on Dask.

Every engine yields `(kind, record)` in input order, with a bounded number of articles in flight,
so output is identical whatever the engine and memory stays constant in corpus size.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pipeline.engine.stages import process_safely
from pipeline.model import ArticleTimeout, Failed, RawArticle

Item = RawArticle | Failed
Result = tuple[str, dict[str, Any]]
IN_FLIGHT_PER_WORKER = 16  # enough queued work to keep a worker busy, little enough to bound memory
BATCH = 8  # articles per task: amortises inter-process overhead (one article is ~30 ms)


@dataclass(frozen=True)
class Options:
    """What every engine needs to know to process one article."""

    timeout: float = 60.0  # seconds per article before it becomes a `timeout` error record
    debug: bool = False


@contextmanager
def time_limit(seconds: float):
    """Raise ArticleTimeout after `seconds` (main thread of a process only; elsewhere a no-op)."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    usable = seconds > 0 and hasattr(signal, "setitimer") and in_main_thread
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_one(item: Item, options: Options) -> Result:
    """One article with the time limit: a pathological page becomes an error record, not a hung batch."""
    try:
        with time_limit(options.timeout):
            return process_safely(item, debug=options.debug)
    except ArticleTimeout:
        assert isinstance(item, RawArticle)
        message = (f"processing took longer than {options.timeout:g} s and was stopped; the page may be "
                   "pathological (huge or repetitive); raise --timeout to allow more time")
        return "error", Failed(item.path, "timeout", message, item.digest, item.url).record()


def process_batch(batch: list[Item], options: Options) -> list[Result]:
    """A batch of articles, in order (the unit of work sent to a worker)."""
    return [process_one(item, options) for item in batch]


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of at most `size` items, read lazily."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(submit: Callable[[list[Item]], Any], wait: Callable[[Any], list[Result]],
             items: Iterable[Item], in_flight: int) -> Iterator[Result]:
    """Submit batches, keep at most `in_flight` pending, yield results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches(items, BATCH):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from wait(pending.popleft())
    while pending:
        yield from wait(pending.popleft())


def _warm_worker() -> None:
    """Load models and rules once per worker, before the first article arrives."""
    from pipeline.extract import build_document, extract

    extract(build_document("Khởi động 1 lần.", title="Khởi động"))


def run_local(items: Iterable[Item], workers: int, options: Options) -> Iterator[Result]:
    """In this process (workers=1) or a pool of `workers` processes."""
    if workers <= 1:
        _warm_worker()  # models load before the first article's time limit starts
        for item in items:
            yield process_one(item, options)
        return
    # fork shares the loaded models copy-on-write (so load them once, here); spawn where fork is unavailable
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _warm_worker()
    with multiprocessing.get_context(method).Pool(workers, initializer=_warm_worker) as pool:
        yield from _ordered(
            lambda batch: pool.apply_async(process_batch, (batch, options)),
            lambda pending: pending.get(),
            items,
            workers * IN_FLIGHT_PER_WORKER // BATCH + 1,
        )


def run_dask(items: Iterable[Item], options: Options, scheduler: str | None = None,
             workers: int | None = None) -> Iterator[Result]:
    """On a Dask cluster: `scheduler` is its address; without one a local cluster is started."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # dask is an optional extra
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'vnie[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        total_threads = sum(client.nthreads().values()) or 1
        yield from _ordered(
            lambda batch: client.submit(process_batch, batch, options, pure=False),
            lambda future: future.result(),
            items,
            total_threads * IN_FLIGHT_PER_WORKER // BATCH + 1,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
