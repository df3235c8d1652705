"""Rules are data: `rules/<kind>.yml`, checked against a fixed schema when loaded.

Each extractor declares the JSON Schema of its rule file; unknown keys are errors, so a typo in a
rule file fails loudly at start-up instead of silently matching nothing.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

# `pipeline/rules` links to the repository's `rules/` so the rule files ship inside the package.
RULES_DIR = Path(os.environ.get("VNIE_RULES", Path(__file__).resolve().parent / "rules"))


class RulesError(ValueError):
    """A rule file is missing or does not fit its schema."""


def lexicon_schema(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Schema of a lexicon: a list of entries, each a `term` with its English `gloss`."""
    properties: dict[str, Any] = {
        "term": {"type": "string", "minLength": 1},
        "gloss": {"type": "string", "minLength": 1},
    }
    properties.update(extra or {})
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["term", "gloss"],
            "additionalProperties": False,
        },
    }


def strict_object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    """Schema of an object whose keys are exactly those listed (unknown keys are errors)."""
    return {
        "type": "object",
        "properties": {"description": {"type": "string"}, **properties},
        "required": required if required is not None else list(properties),
        "additionalProperties": False,
    }


# libyaml's loader when PyYAML was built with it: the rule files parse in 0.05 s instead of 0.5 s
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YAML_LOADER)  # a safe loader (CSafeLoader or SafeLoader)
    except FileNotFoundError as exc:
        raise RulesError(f"rule file {path} is missing (set VNIE_RULES to the rules/ folder)") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"rule file {path} is not valid YAML: {exc}") from exc


@cache
def _load(kind: str, schema_key: str) -> Any:
    path = RULES_DIR / f"{kind}.yml"
    data = _read_yaml(path)
    schema = _SCHEMAS[schema_key]
    # our own schemas need no check against the meta-schema (jsonschema.validate's costly first step)
    validator = jsonschema.validators.validator_for(schema)(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise RulesError(f"{path}: {where}: {error.message}")
    return data


_SCHEMAS: dict[str, dict[str, Any]] = {}


def load_rules(kind: str, schema: dict[str, Any]) -> Any:
    """Load and validate `rules/<kind>.yml` once per process."""
    _SCHEMAS.setdefault(kind, schema)
    return _load(kind, kind)


def load_examples(kind: str) -> dict[str, Any]:
    """The positive and negative examples beside a rule file: `rules/examples/<kind>.yml`."""
    data = _read_yaml(RULES_DIR / "examples" / f"{kind}.yml")
    jsonschema.validate(data, EXAMPLES_SCHEMA)
    return data


EXAMPLES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "description": {"type": "string"},
        "reference_date": {"type": "string"},
        "positive": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "title": {"type": "string"},
                    "note": {"type": "string"},
                    "expect": {"type": "array", "items": {"type": "object"}, "minItems": 1},
                },
                "required": ["text", "expect"],
                "additionalProperties": False,
            },
        },
        "negative": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "note": {"type": "string"},
                    "absent": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["reference_date", "positive", "negative"],
    "additionalProperties": False,
}
