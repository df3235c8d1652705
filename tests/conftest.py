"""Shared fixtures: paths to the shared data, and the pipeline run once on the gold inputs."""

from __future__ import annotations

import unicodedata
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
    from pipeline.engine.stages import process_safely
    from pipeline.ingest.inputs import read_inputs

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


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed, tone marks combining."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def assert_mention_offsets(doc: Any, mentions: list[Any], type_: str) -> None:
    """Every mention has the expected type and indexes its segment's text exactly."""
    segments = {s.field: s.text for s in doc}
    for mention in mentions:
        assert mention.type == type_
        assert segments[mention.field][mention.start:mention.end] == mention.text
