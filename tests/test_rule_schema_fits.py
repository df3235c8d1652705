"""`rulebook.fits`: the quick schema check before jsonschema accepts only what jsonschema accepts."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.engine.runner as runner
from pipeline import rulebook
from pipeline.rulebook import RulesError, fits, lexicon_schema, strict_object
from pipeline.settings import Settings

# values of the wrong type or length, one of which may stand anywhere in a draw that otherwise fits
_ODD = st.sampled_from(["", "a", 0, 1, True, None, 1.0, 0.5, [], [True], {}])


def _near(schema: Any) -> st.SearchStrategy[Any]:
    """Values that fit `schema` but for an odd one here and there: a missing or extra key, a wrong type,
    a value under its bound."""
    kind = schema.get("type") if isinstance(schema, dict) else None
    if "enum" in schema:
        fitting: st.SearchStrategy[Any] = st.sampled_from([*schema["enum"], "c", 2, False])
    elif kind == "object":
        named = schema.get("properties", {})
        required = schema.get("required", [])
        extra = schema.get("additionalProperties", True)
        fitting = st.fixed_dictionaries(
            {key: _near(named[key]) for key in required if key in named},
            optional={**{key: _near(s) for key, s in named.items() if key not in required},
                      "other": _near(extra) if isinstance(extra, dict) else _ODD},
        )
    elif kind == "array":
        fitting = st.lists(_near(schema.get("items", {})), max_size=3)
    elif kind == "string":
        fitting = st.sampled_from(["", "a", "ab", "ba"])
    elif kind in ("integer", "number"):
        fitting = st.integers(-1, 2) | st.sampled_from([0.0, 1.5])
    elif kind == "boolean":
        fitting = st.booleans()
    else:
        fitting = _ODD
    return st.one_of(fitting, fitting, fitting, _ODD)


_SCHEMAS: list[dict[str, Any]] = [
    lexicon_schema(),
    lexicon_schema({"n": {"type": "integer", "minimum": 1}}, required=["n"]),
    lexicon_schema({"n": {"type": "integer", "exclusiveMinimum": 0}, "x": {"enum": ["a", "b", 1]}}),
    strict_object({"term": {"type": "string", "pattern": "^a"}, "n": {"type": "number"}}),
    strict_object({"x": {"type": "array", "minItems": 2, "items": {"type": "boolean"}}}, required=[]),
    {"type": "object", "additionalProperties": {"type": "string", "minLength": 2}},
    {"type": "array", "items": {"type": "null"}},
    {"enum": [False, "a"]},  # 0 is no false, 1 no true
    {"type": ["string", "null"]},  # a keyword form it leaves to jsonschema
]


def _valid(schema: dict[str, Any], data: Any) -> bool:
    return not any(jsonschema.validators.validator_for(schema)(schema).iter_errors(data))


@pytest.mark.parametrize("schema", _SCHEMAS)
def test_what_fits_jsonschema_accepts(schema: dict[str, Any]) -> None:
    @settings(max_examples=300, deadline=None)
    @given(_near(schema))
    def check(data: Any) -> None:
        assert not fits(schema, data) or _valid(schema, data)

    check()


def _loaded_rules() -> list[tuple[str, dict[str, Any]]]:
    """Each rule file a run loads, with the schema its extractor declares."""
    calls: list[tuple[str, dict[str, Any]]] = []
    original = rulebook.Rulebook.load

    def load(self: rulebook.Rulebook, kind: str, schema: dict[str, Any]) -> Any:
        calls.append((kind, schema))
        return original(self, kind, schema)

    before = rulebook._active
    rulebook.Rulebook.load = load  # type: ignore[method-assign]
    rulebook._active = rulebook.Rulebook(Settings().rules_dir)  # a fresh rulebook: every file is read
    try:
        runner._warm_worker(None, False)
    finally:
        rulebook.Rulebook.load = original  # type: ignore[method-assign]
        rulebook._active = before
    return list({kind: (kind, schema) for kind, schema in calls}.values())


def test_every_rule_file_fits_without_jsonschema_and_a_broken_one_is_still_reported() -> None:
    loaded = _loaded_rules()
    assert len(loaded) >= 8
    for kind, schema in loaded:
        data = rulebook._read_yaml(Settings().rules_dir / f"{kind}.yml")
        assert fits(schema, data), kind  # the quick check decides, jsonschema is not needed
        broken = copy.deepcopy(data)
        key, entries = next((k, v) for k, v in broken.items() if isinstance(v, list) and v)
        if isinstance(entries[0], dict):
            entries[0] = {**entries[0], "no_such_key": 1}
            assert not fits(schema, broken) and not _valid(schema, broken), (kind, key)


def test_a_rule_file_that_does_not_fit_names_where(tmp_path: Any) -> None:
    (tmp_path / "toy.yml").write_text("entries:\n  - {term: x}\n", encoding="utf-8")
    book = rulebook.Rulebook(tmp_path)
    with pytest.raises(RulesError, match="entries/0"):
        book.load("toy", strict_object({"entries": lexicon_schema()}))
