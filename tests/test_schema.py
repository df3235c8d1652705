"""Records and error records follow the JSON Schemas shipped in the package."""

from __future__ import annotations

import jsonschema

from pipeline.contract import load_schema


def test_every_record_fits_the_schema(gold_run) -> None:
    records, errors = gold_run
    assert records and not errors
    validator = jsonschema.Draft202012Validator(load_schema("record"))
    for record in records:
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                    for e in validator.iter_errors(record)]
        assert not problems, f"{record['source']['path']}: {problems[:5]}"


def test_error_records_fit_their_schema(tmp_path) -> None:
    from tests.conftest import run_pipeline

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    _, errors = run_pipeline([str(tmp_path)])
    assert len(errors) == 2
    validator = jsonschema.Draft202012Validator(load_schema("error"))
    for error in errors:
        validator.validate(error)


def test_the_schema_rejects_a_record_missing_a_field(gold_run) -> None:
    record = dict(gold_run[0][0])
    del record["figures"]
    assert not jsonschema.Draft202012Validator(load_schema("record")).is_valid(record)
