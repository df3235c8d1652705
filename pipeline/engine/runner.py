"""Where articles are read and processed: in a pool of worker processes, on Dask, or in this process.

The parent only frames the inputs (raw bytes, size caps); each frame is decoded, parsed and
processed where the work runs, under the per-article time limit and, in pool workers, a memory cap.
Every engine yields `(kind, record)` in input order, with a bounded number of articles in flight,
so output is identical whatever the engine and memory stays constant in corpus size.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import itertools
import logging
import os
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.engine.pool import BATCH, IN_FLIGHT_PER_WORKER, Tick, WorkerPool, batch_size, in_flight_limit
from pipeline.engine.stages import process_safely
from pipeline.ingest.inputs import Frame, read_framed
from pipeline.model import ArticleTimeout, Failed, RawArticle, Result
from pipeline.rulebook import activate
from pipeline.settings import DEFAULT_MAX_BYTES, Settings

__all__ = ["BATCH", "IN_FLIGHT_PER_WORKER", "in_flight_limit", "run_dask", "run_local"]

Item = Frame | RawArticle | Failed  # a frame to read, an article already read, or a failure
GRACE = 1.5  # seconds past the time limit before a worker stuck in C code is stopped

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


def _raise_in_thread(thread_id: int) -> None:
    """Raise ArticleTimeout in another thread, at its next Python instruction."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(ArticleTimeout))


@contextmanager
def _thread_time_limit(seconds: float):
    """The time limit where no alarm can reach (a Dask worker's thread): a timer raises in this thread."""
    thread_id, lock, state = threading.get_ident(), threading.Lock(), {"inside": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                _raise_in_thread(thread_id)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["inside"] = False
            if state["fired"]:  # raised too late to be caught here: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)


@contextmanager
def time_limit(seconds: float):
    """Raise ArticleTimeout after `seconds`: an alarm in a process's main thread, a timer elsewhere."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _thread_time_limit(seconds):
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


def _where(item: Item) -> tuple[str, str, str | None]:
    """Path, digest and URL of an item, for its error record."""
    return item.path, getattr(item, "digest", ""), getattr(item, "url", None)


def _failure(item: Item, kind: str, message: str) -> Result:
    """An error record for an item."""
    path, digest, url = _where(item)
    return "error", Failed(path, kind, message, digest, url).record()


def _timed_out(item: Item, settings: Settings) -> Result:
    message = (f"processing took longer than {settings.timeout:g} s and was stopped; the page may be "
               "pathological (huge or repetitive); raise --timeout to allow more time")
    return _failure(item, "timeout", message)


def _out_of_memory(item: Item, settings: Settings) -> Result:
    limit = f"{settings.memory_limit / 1e9:.1f} GB" if settings.memory_limit else "the machine's memory"
    message = (f"processing this page needed more than {limit} of memory and was stopped; the page may be "
               "pathological (huge or deeply nested); raise --max-memory to allow more")
    return _failure(item, "out_of_memory", message)


def process_one(item: RawArticle | Failed, settings: Settings) -> Result:
    """One article already read, with the time limit: a pathological page becomes an error record."""
    try:
        with time_limit(settings.timeout):
            return process_safely(item, settings)
    except ArticleTimeout:
        return _timed_out(item, settings)
    except MemoryError:
        return _out_of_memory(item, settings)


def process_frame(item: Item, settings: Settings, tick: Tick | None = None) -> list[Result]:
    """Read a frame and process its articles, all under the time limit: one article shares it with its
    reading; a document of several has it for its reading, then each article has its own."""
    if not isinstance(item, Frame):
        return [process_one(item, settings)]
    current: Item = item
    try:
        with time_limit(settings.timeout):
            articles = read_framed(item, settings.max_bytes)
            if len(articles) == 1:
                current = articles[0]
                return [process_safely(current, settings)]
    except ArticleTimeout:
        return [_timed_out(current, settings)]
    except MemoryError:
        return [_out_of_memory(current, settings)]
    results = []
    for article in articles:
        if tick is not None:
            tick()
        results.append(process_one(article, settings))
    return results


def process_batch(batch: list[Item], settings: Settings) -> list[Result]:
    """A batch of frames, in order (the unit of work sent to a Dask worker)."""
    quiet_libraries(settings.debug)  # a Dask worker is not forked from the command's process
    activate(settings)  # nor has it the run's rules (a no-op when it has)
    return [result for item in batch for result in process_frame(item, settings)]


def worker_died(item: Item, how: str) -> list[Result]:
    """The error record of an article whose worker process died on it."""
    message = (f"the worker process died while processing this article ({how}); the page may need more "
               "memory than the machine has, or hit a crash in a library; the run went on without it")
    return [_failure(item, "worker_died", message)]


def weigh(item: Item) -> int:
    """Bytes an item holds while it waits."""
    if isinstance(item, Frame):
        return item.size
    return len(item.text) if isinstance(item, RawArticle) else 0


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


WARM_PAGE = (
    "<html><head><title>Khởi động</title></head><body><article><p>Ngày 7-4-2021, UBND tỉnh Ninh Thuận có 3 "
    "người dự hội nghị về Chỉ thị 05-CT/TW của Bộ Chính trị.</p></article></body></html>"
)
WARM_TEXT = "Ngày 7-4-2021, UBND tỉnh Ninh Thuận có 3 người dự hội nghị về Chỉ thị 05-CT/TW của Bộ Chính trị."


def _warm_worker(settings: Settings | None = None, html: bool = True) -> None:
    """Load models and the settings' rules (the active ones by default), and with `html` set up the HTML
    reader, once per process before the first article's time limit starts (a cold first page costs about
    0.5 s more)."""
    from pipeline.engine.stages import PLAIN_RUN, process
    from pipeline.ingest.records import article_from_html_bytes, article_from_text_bytes

    if settings is not None:  # a spawned worker starts with the packaged rules
        activate(settings)
    if html:
        article = article_from_html_bytes(WARM_PAGE.encode(), "warm.html", "html", DEFAULT_MAX_BYTES)
    else:
        article = article_from_text_bytes(WARM_TEXT.encode(), "warm.txt", DEFAULT_MAX_BYTES)
    if isinstance(article, RawArticle):
        process(article, settings or PLAIN_RUN)


def _warm_up(settings: Settings, html: bool) -> None:
    """_warm_worker with the garbage collector paused: what loads lives as long as the process, and
    collections passing over it find nothing yet cost about 0.4 s. Collection then resumes with what is
    loaded frozen, which also keeps forked workers from writing to (so copying) the pages they share."""
    gc.disable()
    try:
        _warm_worker(settings, html)
    finally:
        gc.freeze()
        gc.enable()


def _paused(work: Callable[[], None]) -> None:
    """Do `work` (a set-up: imports, an index) with the garbage collector paused, as _warm_up does."""
    gc.disable()
    try:
        work()
    finally:
        gc.enable()


def _plain_text(item: Item) -> bool:
    """Whether an item is read as plain text (no HTML reader needed to read it)."""
    return getattr(item, "reader", None) == "txt" or getattr(item, "fmt", None) == "txt"


def run_local(items: Iterable[Item], workers: int, settings: Settings, in_process: bool = False,
              meanwhile: Callable[[], None] | None = None) -> Iterator[Result]:  # fmt: skip
    """In a pool of `workers` processes that survives their deaths, with a memory cap and a hard
    time limit; or, `in_process`, here (for profiling: no cap, and a crash ends the run).

    Nothing is loaded before there is something to process (a re-run with nothing new loads no model),
    and the HTML reader is set up beforehand unless the run starts with plain text (a later page that
    needs it sets it up in its worker, inside its time limit). `meanwhile` is the caller's own set-up,
    run here once the workers have started on the first articles.
    """
    source = iter(items)
    head = list(itertools.islice(source, 2))  # enough to tell whether more than one worker will run
    if not head:
        return
    items = itertools.chain(head, source)
    html = not _plain_text(head[0])
    if in_process:
        _warm_up(settings, html)  # models load before the first article's time limit starts
        if meanwhile is not None:
            meanwhile()
        for item in items:
            yield from process_frame(item, settings)
        return
    pool = WorkerPool(
        workers, functools.partial(_handle, settings=settings), worker_died,
        on_overtime=functools.partial(_overtime, settings=settings), time_limit=settings.timeout, grace=GRACE,
        memory_limit=settings.memory_limit, weigh=weigh,
        initializer=functools.partial(_warm_up, settings, html),
    )  # fmt: skip
    # Several forked workers share models loaded here, copy-on-write (spawn where fork is unavailable).
    # A lone worker loads its own while this process gets on with `meanwhile`: the two cores share it.
    if pool.context.get_start_method() == "fork" and min(workers, len(head)) > 1:
        _warm_up(settings, html)
        pool.initializer = None
    else:
        import numpy  # noqa: F401  the models need it, and `meanwhile` (the story index) too: imported once
    for results in pool.map(items, meanwhile and functools.partial(_paused, meanwhile)):
        yield from results


def _handle(item: Item, tick: Tick, settings: Settings) -> list[Result]:
    """What a pool worker does with one item."""
    if not settings.debug:
        _silence_worker_stderr()
    return process_frame(item, settings, tick)


_SILENCED: list[bool] = []


def _silence_worker_stderr() -> None:
    """A worker's native libraries write to file descriptor 2 past Python's logging (a Rust allocator
    aborting at the memory cap prints "memory allocation of N bytes failed"): unless debugging, that
    goes nowhere, as library log lines do; the article's error record says what happened."""
    if _SILENCED:
        return
    _SILENCED.append(True)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _overtime(item: Item, settings: Settings) -> list[Result]:
    """The error record of an article whose worker was stopped for running past the time limit."""
    return [_timed_out(item, settings)]


def run_dask(items: Iterable[Item], settings: Settings, scheduler: str | None = None,
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
                               processes=True, dashboard_address=None, silence_logs=logging.ERROR,
                               memory_limit=settings.memory_limit or "auto")
        client = Client(cluster)
    try:
        total_threads = sum(client.nthreads().values()) or 1
        yield from _ordered(
            lambda batch: (batch, client.submit(process_batch, batch, settings, pure=False)),
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
