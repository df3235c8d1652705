"""Engines: a pool of workers or a Dask cluster gives exactly the records of one worker, in input order,
with bounded work in flight, and a slow article becomes a `timeout` error record."""

from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Iterator
from typing import Any

import pytest

from pipeline.engine import runner as engine
from pipeline.engine.runner import BATCH, in_flight_limit, run_local
from pipeline.model import RawArticle, stable_id
from pipeline.settings import Settings
from pipeline.store.jsonl import dumps
from tests.conftest import CORPUS, DEV_INPUT, HAS_SHARED, NO_SHARED

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="a monkeypatched process_safely reaches pool workers only when they are forked",
)


def _lines(results: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Results as the JSON lines a run writes, so equality means byte-identical output."""
    return [kind + "\t" + dumps(obj) for kind, obj in results]


@pytest.fixture(scope="module")
def gold_items() -> list[Any]:
    """The 5 seed pages and the 10 dev articles, framed once."""
    if not HAS_SHARED:
        pytest.skip(NO_SHARED)
    from pipeline.ingest.inputs import frame_inputs

    return list(frame_inputs([str(CORPUS), str(DEV_INPUT)]))  # raw: every engine reads them itself


@pytest.fixture(scope="module")
def one_worker(gold_items: list[Any]) -> list[str]:
    """The reference: every gold input read and processed in this process."""
    return _lines(list(run_local(iter(gold_items), 1, Settings(), in_process=True)))


def test_one_worker_covers_every_input(gold_items: list[Any], one_worker: list[str]) -> None:
    assert len(gold_items) == 15
    assert len(one_worker) == len(gold_items)
    assert all(line.startswith("record\t") for line in one_worker)


def test_one_worker_process_gives_the_records_of_this_process(
    gold_items: list[Any], one_worker: list[str]
) -> None:
    assert _lines(list(run_local(iter(gold_items), 1, Settings()))) == one_worker


def test_two_workers_give_exactly_the_records_of_one(gold_items: list[Any], one_worker: list[str]) -> None:
    two = _lines(list(run_local(iter(gold_items), 2, Settings())))
    assert [json.loads(line.split("\t", 1)[1])["id"] for line in two] == [
        stable_id(item.path, item.digest) for item in gold_items
    ]
    assert two == one_worker


def test_dask_local_cluster_gives_the_same_records(gold_items: list[Any], one_worker: list[str]) -> None:
    """The one Dask test (about 30 s): a LocalCluster of 2 worker processes."""
    pytest.importorskip("dask.distributed", reason="the dask engine is the optional 'dask' extra")
    from pipeline.engine.runner import run_dask

    on_dask = _lines(list(run_dask(iter(gold_items), Settings(), workers=2)))
    assert on_dask == one_worker


def _fake_item(n: int) -> RawArticle:
    return RawArticle(path=f"fake/{n:04d}.txt", text=f"Bài {n}", digest=f"{n:040x}")


def _echo(item: Any, settings: Any = None) -> tuple[str, dict[str, Any]]:
    """Stands in for the pipeline: instant, and says which input it saw."""
    return "record", {"path": item.path}


def _slow_early(item: Any, settings: Any = None) -> tuple[str, dict[str, Any]]:
    """The first batch is slowest, so later batches finish first and only ordering keeps the order."""
    number = int(item.path[5:9])
    if number < BATCH:
        time.sleep(0.05)
    return "record", {"path": item.path}


@needs_fork
def test_results_come_back_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "process_safely", _slow_early)
    items = [_fake_item(n) for n in range(6 * BATCH + 3)]
    paths = [obj["path"] for _kind, obj in run_local(iter(items), 2, Settings())]
    assert paths == [item.path for item in items]


@needs_fork
def test_work_in_flight_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "process_safely", _echo)
    consumed = 0

    def feed() -> Iterator[RawArticle]:
        nonlocal consumed
        for n in range(1000):
            consumed += 1
            yield _fake_item(n)

    results = run_local(feed(), 2, Settings())
    next(results)
    at_first_result = consumed
    leads = [at_first_result - 1]
    for done, _result in enumerate(results, start=2):
        leads.append(consumed - done)  # inputs read but not yet given back
    limit = in_flight_limit(2)  # the engine's own bound on queued articles
    assert at_first_result < 1000
    assert at_first_result <= limit
    assert max(leads) <= limit
    assert len(leads) == 1000


def _sleepy(item: Any, settings: Any = None) -> tuple[str, dict[str, Any]]:
    """A pathological page (by name) hangs; others are instant."""
    if "slow" in item.path:
        time.sleep(10)  # if the limit failed, this would finish and give a record
    return "record", {"path": item.path}


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=needs_fork)])
def test_timeout_turns_a_slow_article_into_an_error_and_the_next_goes_on(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(engine, "process_safely", _sleepy)
    slow = RawArticle(path="in/slow.txt", text="x", digest="ab" * 20, url="https://baomoi.vn/x.html")
    results = list(run_local(iter([slow, _fake_item(1)]), workers, Settings(timeout=0.5)))
    (kind, error), second = results
    assert kind == "error"
    assert error["error"]["type"] == "timeout"
    assert "--timeout" in error["error"]["message"]
    assert error["source"] == {"path": "in/slow.txt", "url": "https://baomoi.vn/x.html"}
    assert error["id"] == stable_id(slow.path, slow.digest)
    assert second == ("record", {"path": "fake/0001.txt"})
