"""Shared fixtures: paths to the shared data, and the pipeline run once on the gold inputs.

The shared data (spec, gold, corpora) sits beside the checkout as `../shared`, or where VNIE_SHARED
points. Without it the tests that need it skip, and one line at the end of the run says how many
and why, so a bare clone passes and nobody mistakes it for a full run.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VNIE_SHARED") or REPO.parent / "shared")
CORPUS = REPO / "corpus"
GOLD_FILES = [SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "dev-dantri.jsonl"]
DEV_INPUT = SHARED / "corpus" / "dev-dantri.jsonl"
HAS_SHARED = DEV_INPUT.is_file() and all(path.is_file() for path in GOLD_FILES)
NO_SHARED = f"needs the shared data (spec, gold, corpora), not found at {SHARED}"
needs_shared = pytest.mark.skipif(not HAS_SHARED, reason=NO_SHARED)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say once, even under -q, what was skipped and why (not only under -rs)."""
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        if isinstance(report.longrepr, tuple):  # (file, line, "Skipped: reason")
            reasons[report.longrepr[2].removeprefix("Skipped: ")] += 1
    if not reasons:
        return
    terminalreporter.write_sep("-", "skipped", yellow=True)
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"{count} skipped: {reason}")
    if any(reason == NO_SHARED for reason in reasons):
        terminalreporter.write_line("to run them, put the shared data beside the checkout as ../shared "
                                    "or set VNIE_SHARED to its folder")


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
    if not HAS_SHARED:
        pytest.skip(NO_SHARED)
    return run_pipeline([str(CORPUS), str(DEV_INPUT)])


@pytest.fixture(scope="session")
def corpus_run() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The pipeline's records for the sample corpus shipped in the repository (always present)."""
    return run_pipeline([str(CORPUS)])


@pytest.fixture(scope="session")
def golds() -> list[dict[str, Any]]:
    """Every gold article."""
    from pipeline.evaluate import read_jsonl

    if not HAS_SHARED:
        pytest.skip(NO_SHARED)

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


def figure_measures(text: str) -> dict[str, str | None]:
    """Figure text -> measure for a short article dated 21 April 2021."""
    from pipeline.extract import build_document, extract

    record = extract(build_document(text, published="2021-04-21"))
    return {f["text"]: f["measure"] for f in record["figures"]}
