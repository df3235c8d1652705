"""A pool of worker processes that survives its workers: one killed by the OOM killer or a segfault
costs the article it was on (a `worker_died` error record), is replaced, and the run goes on.

multiprocessing.Pool loses the task of a dead worker and waits for it forever; here the parent
knows which articles each worker holds, sends a worker more only once it has returned all it had,
and watches every worker's pipe and exit at once. Results come back in input order, with a bounded
number of articles read ahead.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

Result = tuple[str, dict[str, Any]]
Task = tuple[int, Any]  # (position in the input, item)
IN_FLIGHT_PER_WORKER = 16  # enough queued work to keep a worker busy, little enough to bound memory
BATCH = 8  # most articles sent to a worker at once: amortises inter-process overhead (~30 ms each)
RESTARTS_WITHOUT_WORK = 3  # workers dying before taking any article: a broken setup, not a bad page


def batch_size(waiting: int, workers: int) -> int:
    """Articles per batch: up to BATCH, but few inputs are spread over every worker (6 inputs on 2
    workers go 3 and 3, not 6 to one)."""
    return max(1, min(BATCH, math.ceil(waiting / max(1, workers))))


def in_flight_limit(workers: int) -> int:
    """Most articles read but not yet given back, whatever the engine."""
    return max(1, workers) * IN_FLIGHT_PER_WORKER


def _serve(connection: Connection, others: list[Connection], handle: Callable[[Any], list[Result]],
           initializer: Callable[[], None] | None) -> None:
    """A worker's life: take a batch, send back each article's results as soon as they are ready."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    for other in others:  # the other workers' pipes, inherited by fork: theirs to close, not ours
        other.close()
    if initializer is not None:
        initializer()
    while True:
        try:
            batch = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if batch is None:
            return
        for seq, item in batch:
            try:
                connection.send((seq, handle(item)))
            except (BrokenPipeError, OSError):
                return


@dataclass
class _Worker:
    """One worker process, its pipe, and the articles it holds (oldest first: the one in progress)."""

    process: BaseProcess
    connection: Connection
    holding: deque[Task] = field(default_factory=deque)
    took_work: bool = False


class WorkerPool:
    """`workers` forked (or spawned) processes running `handle(item) -> list of results`."""

    def __init__(self, workers: int, handle: Callable[[Any], list[Result]],
                 on_death: Callable[[Any, str], list[Result]],
                 initializer: Callable[[], None] | None = None, method: str | None = None):
        self.size = max(1, workers)
        self.handle, self.on_death, self.initializer = handle, on_death, initializer
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context(method or ("fork" if "fork" in methods else "spawn"))
        self.workers: list[_Worker] = []
        self.deaths = 0
        self._idle_restarts = 0

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        others = [worker.connection for worker in self.workers]
        process = self.context.Process(
            target=_serve, args=(child_end, others if self.context.get_start_method() == "fork" else [],
                                 self.handle, self.initializer),
            daemon=True,
        )  # fmt: skip
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def map(self, items: Iterable[Any]) -> Iterator[list[Result]]:
        """The results of each item, in input order."""
        source = iter(items)
        limit = in_flight_limit(self.size)
        waiting: deque[Task] = deque()  # read, not yet sent
        retry: deque[Task] = deque()  # sent to a worker that died before reaching them
        ready: dict[int, list[Result]] = {}
        next_seq = next_out = 0
        exhausted = False
        self.workers = []
        for _ in range(self.size):
            self.workers.append(self._start())
        try:
            while True:
                # read ahead, up to the bound on articles not yet given back
                while not exhausted and next_seq - next_out < limit:
                    try:
                        waiting.append((next_seq, next(source)))
                        next_seq += 1
                    except StopIteration:
                        exhausted = True
                self._dispatch(waiting, retry)
                while next_out in ready:
                    yield ready.pop(next_out)
                    next_out += 1
                if exhausted and next_out == next_seq:
                    return
                self._collect(ready, retry)  # something is always in progress here
        finally:
            self._stop()

    def _dispatch(self, waiting: deque[Task], retry: deque[Task]) -> None:
        """Give each idle worker a batch: articles of a dead worker's batch first."""
        idle = [worker for worker in self.workers if not worker.holding]
        for position, worker in enumerate(idle):
            queue = retry if retry else waiting
            if not queue:
                return
            size = batch_size(len(queue), len(idle) - position) if queue is waiting else 1
            batch = [queue.popleft() for _ in range(min(size, len(queue)))]
            worker.holding.extend(batch)
            worker.took_work = True
            with contextlib.suppress(OSError):  # it died: _collect sees its exit and hands the batch on
                worker.connection.send(batch)

    def _collect(self, ready: dict[int, list[Result]], retry: deque[Task]) -> None:
        """Wait for any busy worker to send a result or die, and take what it sent."""
        busy = [worker for worker in self.workers if worker.holding]
        if not busy:
            return
        handles = {}
        for worker in busy:
            handles[worker.connection] = worker
            handles[worker.process.sentinel] = worker
        for event in wait(list(handles)):
            worker = handles[event]
            if worker not in self.workers:
                continue  # already replaced in this round
            if not self._receive(worker, ready):
                self._replace(worker, ready, retry)

    def _receive(self, worker: _Worker, ready: dict[int, list[Result]]) -> bool:
        """Take every result waiting on a worker's pipe; False when the worker is gone."""
        try:
            while worker.connection.poll():
                seq, results = worker.connection.recv()
                held, _item = worker.holding.popleft()
                assert held == seq, (held, seq)
                ready[seq] = results
        except (EOFError, OSError):
            return False
        return worker.process.is_alive()

    def _replace(self, worker: _Worker, ready: dict[int, list[Result]], retry: deque[Task]) -> None:
        """A dead worker: the article it was on becomes worker_died errors, the rest go to another."""
        worker.process.join(1)
        code = worker.process.exitcode
        how = (f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}")
        if code == -signal.SIGKILL:
            how += " (often the system's out-of-memory killer)"
        if worker.holding:
            seq, item = worker.holding.popleft()
            ready[seq] = self.on_death(item, how)
            retry.extendleft(reversed(worker.holding))
            self.deaths += 1
        elif not worker.took_work:
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
