"""A bounded fuzz test over the whole per-article path: hostile inputs, mutated, read and processed.

Seeded with the hostile corpus (tests/hostile/make_corpus.py, without its 3 MB inputs), each example
mutates one input's bytes (inserts, deletes, repeats, flips, truncates), names it with any extension,
frames it as the parent would, then reads and processes every frame as a worker would, with a time
limit. Every article must become a record that fits the schema with exact offsets, or an error record
that names a cause, never an internal error. CI runs FUZZ_EXAMPLES examples (30); set the variable to
run longer (VNIE_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.contract import load_schema
from pipeline.engine.runner import _warm_worker, process_frame
from pipeline.ingest.inputs import frame_input
from pipeline.settings import Settings
from tests.hostile import make_corpus
from tests.test_invariants import check_offsets

FUZZ_EXAMPLES = int(os.environ.get("VNIE_FUZZ_EXAMPLES", "30"))
SEED_LIMIT = 200_000  # bytes: larger hostile inputs are for the hostile run, not for mutating
SETTINGS = Settings(timeout=15, max_bytes=400_000)
BUGS = {"internal", "internal_error", "worker_died"}


def _seeds() -> dict[str, bytes]:
    """The hostile inputs small enough to mutate, by name."""
    text = make_corpus.seed_text()
    cases: dict[str, tuple[bytes, object]] = {}
    for group in (make_corpus.encoding_cases(text), make_corpus.binary_cases(), make_corpus.html_cases(text),
                  make_corpus.backtracking_cases(text), make_corpus.foreign_cases()):
        cases.update(group)
    seeds = {name: data for name, (data, _expect) in cases.items() if len(data) <= SEED_LIMIT}
    deep = b"[" * 100_000 + b"]" * 100_000  # its one deep line would make every mutant 200 KB
    seeds["crawl-mixed.jsonl"] = make_corpus.jsonl_case(text)[0].replace(deep, b"[[[]]]")
    return seeds


SEEDS = _seeds()
EXTENSIONS = ["", ".txt", ".html", ".jsonl", ".json", ".warc", ".txt.gz", ".md"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A hostile input, mutated a few times, and a file name for it."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "repeat", "flip", "truncate"]))
        if op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40) | st.text(max_size=20).map(str.encode))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 60))] * draw(st.integers(2, 200))
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del data[at:]
    extension = draw(st.sampled_from(EXTENSIONS))
    if extension.endswith(".gz") and draw(st.booleans()):
        import gzip

        data = bytearray(gzip.compress(bytes(data), mtime=0))
    return name.split(".")[0] + extension, bytes(data)


RECORD = jsonschema.Draft202012Validator(load_schema("record"))
ERROR = jsonschema.Draft202012Validator(load_schema("error"))


@pytest.fixture(scope="module")
def warm() -> None:
    _warm_worker()  # the models load before the first example's time limit


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(case=mutated())
def test_any_mutated_hostile_input_becomes_records_or_error_records(
    tmp_path: Path, warm: None, case: tuple[str, bytes]
) -> None:
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    frames = list(frame_input(str(path), max_bytes=SETTINGS.max_bytes))
    assert frames, "an input gives at least one record or error record"
    for frame in frames:
        for kind, obj in process_frame(frame, SETTINGS):
            if kind == "record":
                RECORD.validate(obj)
                check_offsets(obj)
            else:
                ERROR.validate(obj)
                assert obj["error"]["type"] not in BUGS, obj
