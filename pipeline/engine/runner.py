"""Where articles are processed: in this process, in a pool of worker processes, or on Dask.

Every engine yields `(kind, record)` in input order, with a bounded number of articles in flight,
so output is identical whatever the engine and memory stays constant in corpus size.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pipeline.engine.pool import BATCH, IN_FLIGHT_PER_WORKER, WorkerPool, batch_size, in_flight_limit
from pipeline.engine.stages import process_safely
from pipeline.model import ArticleTimeout, Failed, RawArticle

__all__ = ["BATCH", "IN_FLIGHT_PER_WORKER", "Options", "in_flight_limit", "run_dask", "run_local"]

Item = RawArticle | Failed
Result = tuple[str, dict[str, Any]]


_QUIETED: list[bool] = []  # whether quiet_libraries ran in this process (and with which debug)


def quiet_libraries(debug: bool) -> None:
    """Unless debugging, no library's log lines or warnings reach the terminal (trafilatura's "parsed
    tree length: 1, wrong data type or not valid HTML", bs4's, Dask's...): vnie reports problems in
    error records and its summary line. Once per process; forked workers inherit it."""
    if _QUIETED:
        return
    _QUIETED.append(debug)
    if debug:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
        return
    logging.disable(logging.CRITICAL)  # every level: a library may log at ERROR what is just a bad page
    warnings.simplefilter("ignore")


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
    """A batch of articles, in order (the unit of work sent to a Dask worker)."""
    quiet_libraries(options.debug)  # a Dask worker is not forked from the command's process
    return [process_one(item, options) for item in batch]


def _process_item(item: Item, options: Options) -> list[Result]:
    """One item's results (the unit a pool worker sends back)."""
    return [process_one(item, options)]


def worker_died(item: Item, how: str) -> list[Result]:
    """The error record of an article whose worker process died on it."""
    path, digest, url = item.path, getattr(item, "digest", ""), getattr(item, "url", None)
    message = (f"the worker process died while processing this article ({how}); the page may need more "
               "memory than the machine has, or hit a crash in a library; the run went on without it")
    return [("error", Failed(path, "worker_died", message, digest, url).record())]


def batches(items: Iterable[Item], workers: int) -> Iterator[list[Item]]:
    """Consecutive lists of items, read lazily: up to BATCH each, fewer when few inputs are left, so
    that every worker gets some (batch_size)."""
    lookahead: deque[Item] = deque()
    source = iter(items)
    exhausted = False
    while True:
        while not exhausted and len(lookahead) < workers * BATCH:
            try:
                lookahead.append(next(source))
            except StopIteration:
                exhausted = True
        if not lookahead:
            return
        size = BATCH if not exhausted else batch_size(len(lookahead), workers)
        yield [lookahead.popleft() for _ in range(min(size, len(lookahead)))]


def _ordered(submit: Callable[[list[Item]], Any], wait: Callable[[Any], list[Result]],
             items: Iterable[Item], workers: int) -> Iterator[Result]:
    """Submit batches, keep at most the in-flight limit pending, yield results in submission order."""
    pending: deque[Any] = deque()
    in_flight = max(1, in_flight_limit(workers) // BATCH)
    for batch in batches(items, workers):
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
    """In this process (workers=1) or a pool of `workers` processes that survives their deaths."""
    if workers <= 1:
        _warm_worker()  # models load before the first article's time limit starts
        for item in items:
            yield process_one(item, options)
        return
    # fork shares the loaded models copy-on-write (so load them once, here); spawn where fork is unavailable
    pool = WorkerPool(workers, functools.partial(_process_item, options=options), worker_died,
                      initializer=_warm_worker)
    if pool.context.get_start_method() == "fork":
        _warm_worker()
        pool.initializer = None
    for results in pool.map(items):
        yield from results


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
            lambda batch: (batch, client.submit(process_batch, batch, options, pure=False)),
            _dask_results,
            items,
            total_threads,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_results(submitted: tuple[list[Item], Any]) -> list[Result]:
    """A batch's results; a batch whose workers kept dying (Dask's KilledWorker) as worker_died errors."""
    batch, future = submitted
    try:
        return future.result()
    except Exception as error:
        if type(error).__name__ != "KilledWorker":
            raise
        return [result for item in batch for result in worker_died(item, "Dask KilledWorker")]
