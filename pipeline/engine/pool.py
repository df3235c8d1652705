"""A pool of worker processes that holds its limits and survives its workers.

- A worker killed by the OOM killer or a segfault costs the article it was on (a `worker_died`
  error record), is replaced, and the run goes on: multiprocessing.Pool loses a dead worker's task
  and waits for it forever. Here the parent knows which articles each worker holds, sends a worker
  more only once it has returned all it had, and watches every worker's pipe and exit at once.
- A worker still on one article `grace` seconds after its time limit (stuck in C code the alarm
  cannot interrupt) is killed, and the article becomes a timeout error record.
- Each worker's address space can be capped (setrlimit): a page that needs more memory fails alone.
- Results come back in input order; articles read ahead are bounded in number and in bytes.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from pipeline.model import Result

Task = tuple[int, Any]  # (position in the input, item)
Tick = Callable[[], None]  # a worker's "still going: the next article of this item has started"
IN_FLIGHT_PER_WORKER = 16  # enough queued work to keep a worker busy, little enough to bound memory
IN_FLIGHT_BYTES = 256_000_000  # raw bytes read ahead at most (beyond one item per worker)
BATCH = 8  # most articles sent to a worker at once: amortises inter-process overhead (~30 ms each)
BATCH_BYTES = 8_000_000  # a batch holds at most this much (one bigger item goes alone)
RESTARTS_WITHOUT_WORK = 3  # workers dying before taking any article: a broken setup, not a bad page


def batch_size(waiting: int, workers: int) -> int:
    """Articles per batch: up to BATCH, but few inputs are spread over every worker (6 inputs on 2
    workers go 3 and 3, not 6 to one)."""
    return max(1, min(BATCH, math.ceil(waiting / max(1, workers))))


def in_flight_limit(workers: int) -> int:
    """Most articles read but not yet given back, whatever the engine."""
    return max(1, workers) * IN_FLIGHT_PER_WORKER


def cap_memory(limit: int) -> None:
    """Cap this process's address space at `limit` bytes (0: no cap): past it, allocations fail with
    MemoryError (or the process dies), and only the article being processed is lost."""
    if limit <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(connection: Connection, others: list[Connection], handle: Callable[[Any, Tick], list[Result]],
           initializer: Callable[[], None] | None, memory_limit: int) -> None:
    """A worker's life: take a batch, send back each article's results as soon as they are ready."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    for other in others:  # the other workers' pipes, inherited by fork: theirs to close, not ours
        other.close()
    if initializer is not None:
        initializer()
        connection.send(("ready", -1, None))  # the time limit of its first article starts now, not before
    cap_memory(memory_limit)  # after the models are in: the cap is for the articles
    while True:
        try:
            batch = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if batch is None:
            return
        for seq, item in batch:
            try:
                results = handle(item, lambda seq=seq: connection.send(("tick", seq, None)))
                connection.send(("done", seq, results))
            except (BrokenPipeError, OSError):
                return


@dataclass
class _Worker:
    """One worker process, its pipe, the articles it holds (oldest first: the one in progress), and
    since when the current one has been in progress."""

    process: BaseProcess
    connection: Connection
    holding: deque[Task] = field(default_factory=deque)
    since: float = 0.0
    took_work: bool = False
    ready: bool = True  # False while its initializer runs (loading models is not an article's time)


class WorkerPool:
    """`workers` forked (or spawned) processes running `handle(item, tick) -> list of results`.

    `on_death(item, how)` and `on_overtime(item)` give the results of an item whose worker died or
    was stopped; `time_limit` (seconds, 0: none) plus `grace` is how long one article may take;
    `weigh(item)` is its size in bytes, for the bounds on what is read ahead and sent at once.
    """

    def __init__(self, workers: int, handle: Callable[[Any, Tick], list[Result]],
                 on_death: Callable[[Any, str], list[Result]], *,
                 on_overtime: Callable[[Any], list[Result]] | None = None, time_limit: float = 0.0,
                 grace: float = 1.5, memory_limit: int = 0, weigh: Callable[[Any], int] = lambda item: 0,
                 initializer: Callable[[], None] | None = None, method: str | None = None):
        self.size = max(1, workers)
        self.handle, self.on_death, self.on_overtime = handle, on_death, on_overtime
        self.time_limit, self.grace, self.memory_limit = time_limit, grace, memory_limit
        self.weigh, self.initializer = weigh, initializer
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context(method or ("fork" if "fork" in methods else "spawn"))
        self.workers: list[_Worker] = []
        self._idle_restarts = 0

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        others = [worker.connection for worker in self.workers]
        process = self.context.Process(
            target=_serve,
            args=(child_end, others if self.context.get_start_method() == "fork" else [], self.handle,
                  self.initializer, self.memory_limit),
            daemon=True,
        )  # fmt: skip
        process.start()
        child_end.close()
        return _Worker(process, parent_end, ready=self.initializer is None)

    def map(self, items: Iterable[Any], meanwhile: Callable[[], None] | None = None
            ) -> Iterator[list[Result]]:  # fmt: skip
        """The results of each item, in input order; `meanwhile` runs once, here, as soon as the first
        workers have work (the caller's own set-up, done while they work)."""
        source = iter(items)
        limit = in_flight_limit(self.size)
        waiting: deque[Task] = deque()  # read, not yet sent
        retry: deque[Task] = deque()  # sent to a worker that died before reaching them
        ready: dict[int, list[Result]] = {}
        weights: dict[int, int] = {}  # bytes of each item read and not yet given back
        held_bytes = 0
        next_seq = next_out = 0
        exhausted = False
        self.workers = []  # started as work arrives: one input needs one worker, not one per core
        try:
            while True:
                # read ahead, up to the bounds on articles (and bytes) not yet given back
                while not exhausted and next_seq - next_out < limit and (
                    held_bytes < IN_FLIGHT_BYTES or next_seq - next_out < self.size
                ):
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    waiting.append((next_seq, item))
                    weights[next_seq] = self.weigh(item)
                    held_bytes += weights[next_seq]
                    next_seq += 1
                self._dispatch(waiting, retry)
                if meanwhile is not None:
                    meanwhile()
                    meanwhile = None
                while next_out in ready:
                    held_bytes -= weights.pop(next_out)
                    yield ready.pop(next_out)
                    next_out += 1
                if exhausted and next_out == next_seq:
                    return
                self._collect(ready, retry)  # something is always in progress here
        finally:
            self._stop()

    def _dispatch(self, waiting: deque[Task], retry: deque[Task]) -> None:
        """Give each idle worker a batch: articles of a dead worker's batch first, one at a time. Workers
        are started, up to the pool's size, while more articles wait than there are idle workers."""
        idle = [worker for worker in self.workers if not worker.holding]
        while len(self.workers) < self.size and len(idle) < len(retry) + len(waiting):
            self.workers.append(self._start())
            idle.append(self.workers[-1])
        for position, worker in enumerate(idle):
            if retry:
                batch = [retry.popleft()]
            elif waiting:
                size = batch_size(len(waiting), len(idle) - position)
                batch = [waiting.popleft()]
                weight = self.weigh(batch[0][1])
                while waiting and len(batch) < size and weight + self.weigh(waiting[0][1]) <= BATCH_BYTES:
                    weight += self.weigh(waiting[0][1])
                    batch.append(waiting.popleft())
            else:
                return
            worker.holding.extend(batch)
            worker.took_work = True
            worker.since = time.monotonic()
            with contextlib.suppress(OSError):  # it died: _collect sees its exit and hands the batch on
                worker.connection.send(batch)

    def _collect(self, ready: dict[int, list[Result]], retry: deque[Task]) -> None:
        """Wait for a busy worker to send something, die or overrun its time, and act on it."""
        busy = [worker for worker in self.workers if worker.holding]
        if not busy:
            return
        handles = {}
        for worker in busy:
            handles[worker.connection] = worker
            handles[worker.process.sentinel] = worker
        timeout = None
        timed = [worker for worker in busy if worker.ready]
        if self.time_limit > 0 and timed:
            deadline = min(worker.since for worker in timed) + self.time_limit + self.grace
            timeout = max(0.0, deadline - time.monotonic())
        events = wait(list(handles), timeout)
        for event in events:
            worker = handles[event]
            if worker in self.workers and not self._receive(worker, ready):
                self._replace(worker, ready, retry, self._how_it_died(worker), self.on_death)
        if self.time_limit > 0 and self.on_overtime is not None:
            now = time.monotonic()
            for worker in list(self.workers):
                if worker.holding and worker.ready and now - worker.since > self.time_limit + self.grace:
                    worker.process.kill()  # stuck where the alarm cannot reach: in C code
                    self._replace(worker, ready, retry, "", lambda item, how: self.on_overtime(item))

    def _receive(self, worker: _Worker, ready: dict[int, list[Result]]) -> bool:
        """Take every message waiting on a worker's pipe; False when the worker is gone."""
        try:
            while worker.connection.poll():
                what, seq, results = worker.connection.recv()
                worker.since = time.monotonic()  # the next article (or part of this one) starts now
                if what == "ready":
                    worker.ready = True
                elif what == "done":
                    held, _item = worker.holding.popleft()
                    assert held == seq, (held, seq)
                    ready[seq] = results
        except (EOFError, OSError):
            return False
        return worker.process.is_alive()

    def _how_it_died(self, worker: _Worker) -> str:
        """How a worker ended, as a person reads it."""
        worker.process.join(1)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if code == -signal.SIGKILL:
            how += " (often the system's out-of-memory killer)"
        return how

    def _replace(self, worker: _Worker, ready: dict[int, list[Result]], retry: deque[Task], how: str,
                 outcome: Callable[[Any, str], list[Result]]) -> None:
        """A dead (or stopped) worker: the article it was on gets `outcome`, the rest go to another."""
        worker.process.join(1)
        if worker.holding and worker.ready:
            seq, item = worker.holding.popleft()
            ready[seq] = outcome(item, how)
            retry.extendleft(reversed(worker.holding))
            worker.holding.clear()
        elif not worker.took_work or not worker.ready:  # it died before any article: a broken setup
            retry.extendleft(reversed(worker.holding))
            worker.holding.clear()
            self._idle_restarts += 1
            if self._idle_restarts > RESTARTS_WITHOUT_WORK * self.size:
                raise RuntimeError(f"vnie's worker processes keep dying before any work ({how})")
        worker.connection.close()
        self.workers[self.workers.index(worker)] = self._start()

    def _stop(self) -> None:
        """Ask every worker to end; kill those that do not."""
        for worker in self.workers:
            if not worker.holding:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
        for worker in self.workers:
            worker.process.join(0.5 if not worker.holding else 0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []
