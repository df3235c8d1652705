"""Shared fixtures: paths to the shared data, and the pipeline run once on the gold inputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
GOLD_FILES = [SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "dev-dantri.jsonl"]
DEV_INPUT = SHARED / "corpus" / "dev-dantri.jsonl"


def run_pipeline(inputs: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Records and error records for some inputs, in memory."""
    from pipeline.ingest import read_inputs
    from pipeline.orchestrator import process_safely

    records, errors = [], []
    for item in read_inputs(inputs):
        kind, obj = process_safely(item)
        (records if kind == "record" else errors).append(obj)
    return records, errors


@pytest.fixture(scope="session")
def gold_run() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The pipeline's records for the sample corpus (the seeds) and the ten dev articles."""
    if not DEV_INPUT.exists():
        pytest.skip("../shared is not beside the checkout")
    return run_pipeline([str(CORPUS), str(DEV_INPUT)])


@pytest.fixture(scope="session")
def golds() -> list[dict[str, Any]]:
    """Every gold article."""
    from pipeline.evaluate import read_jsonl

    return [g for path in GOLD_FILES for g in read_jsonl(path)]
