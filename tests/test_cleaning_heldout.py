"""The cleaning gate on sites the cleaner was never tuned on: floors on the held-out test half.

`tests/heldout/cleaning-test.jsonl` is scored only (see tests/heldout/README.md): its pages go
through `bench/cleaning_eval.py` as a text dump, an HTML page and a crawler record, and the scores
must stay at or above these floors, which sit a little under the measured ones (README, Quality)
and only go up. Where a floor is under the issue's target, the target is not met yet.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_HALF = REPO / "tests" / "heldout" / "cleaning-test.jsonl"
FLOORS = {  # form: (body kept, title right, published right, authors F1)
    "txt": (0.99, 0.95, 0.95, 0.91),
    "html": (0.99, 0.99, 0.99, 0.88),
    "jsonl": (0.99, 0.99, 0.95, 0.91),
}
BOILERPLATE_LEFT_CEILING = {"txt": 0.05, "html": 0.03, "jsonl": 0.05}


@pytest.fixture(scope="module")
def result() -> dict:
    spec = importlib.util.spec_from_file_location("cleaning_eval", REPO / "bench" / "cleaning_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate_file(TEST_HALF)


@pytest.mark.parametrize("form", FLOORS)
def test_cleaning_floors_on_the_held_out_half(result: dict, form: str) -> None:
    scores = result["forms"][form]
    body, title, published, authors = FLOORS[form]
    assert scores["errors"] == 0, scores["summary"]
    assert scores["body_kept"]["value"] >= body, scores["body_kept"]
    assert scores["boilerplate_left"]["value"] <= BOILERPLATE_LEFT_CEILING[form], scores["boilerplate_left"]
    assert scores["title_right"]["value"] >= title, scores["title_right"]
    assert scores["published_right"]["value"] >= published, scores["published_right"]
    assert scores["authors"]["f1"] >= authors, scores["authors"]
