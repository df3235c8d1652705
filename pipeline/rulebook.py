"""Rules are data: `rules/<kind>.yml`, checked against a fixed schema when loaded.

Each extractor declares the JSON Schema of its rule file; unknown keys are errors, so a typo in a
rule file fails loudly at start-up instead of silently matching nothing. The `Rulebook` of a run
(made from its `Settings`) loads each file once and builds each compiled form once per process:
the patterns, lexicons and models extractors use come from `@compiled` builders, not from hidden
per-module singletons, and a different rules folder is a different rulebook.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pipeline.settings import Settings

T = TypeVar("T")


class RulesError(ValueError):
    """A rule file is missing or does not fit its schema."""


def lexicon_schema(extra: dict[str, Any] | None = None, required: list[str] | None = None) -> dict[str, Any]:
    """Schema of a lexicon: entries of a `term` and its English `gloss` (plus `extra` keys)."""
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
            "required": ["term", "gloss", *(required or [])],
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


def _read_yaml(path: Path) -> Any:
    """A rule file's data; libyaml's loader when PyYAML has it (0.05 s for the rules instead of 0.5 s)."""
    import yaml  # loaded with the first rule file, not when the kind registry is read

    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # both are safe
    except FileNotFoundError as exc:
        raise RulesError(f"rule file {path} is missing (set VNIE_RULES to the rules/ folder)") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"rule file {path} is not valid YAML: {exc}") from exc


# JSON Schema's types as `fits` tells them: a bool is no integer; a float is left to jsonschema
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda x: isinstance(x, str),
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "number": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "null": lambda x: x is None,
}
_ANNOTATIONS = frozenset({"description", "title", "$comment"})


def fits(schema: Any, data: Any) -> bool:
    """Whether `data` certainly fits `schema`, read with the keywords the rule files' schemas use; False
    for any other keyword, or a value it leaves to jsonschema (a float), so that jsonschema decides and
    words the error. What it accepts jsonschema accepts; jsonschema's import and its walk over every
    rule cost 0.2 s of each start-up."""
    if not isinstance(schema, dict):
        return schema is True
    return all(_keyword_fits(keyword, value, schema, data) for keyword, value in schema.items())


def _keyword_fits(keyword: str, value: Any, schema: dict[str, Any], data: Any) -> bool:
    """Whether `data` certainly meets one keyword of its schema (a keyword that does not apply to its
    type is met, as JSON Schema has it)."""
    if keyword in _ANNOTATIONS:
        return True
    if keyword == "type":
        return isinstance(value, str) and value in _TYPES and _TYPES[value](data)
    if keyword == "enum":  # compared within one type: JSON Schema tells 1 from true
        return isinstance(data, str | int | bool) and any(type(o) is type(data) and o == data for o in value)
    if isinstance(data, dict) and keyword in ("properties", "required", "additionalProperties"):
        named = schema.get("properties", {})
        if keyword == "properties":
            return all(fits(value[key], item) for key, item in data.items() if key in value)
        if keyword == "required":
            return all(key in data for key in value)
        return all(fits(value, item) for key, item in data.items() if key not in named)
    if isinstance(data, list) and keyword in ("items", "minItems"):
        return all(fits(value, item) for item in data) if keyword == "items" else len(data) >= value
    if isinstance(data, str) and keyword in ("pattern", "minLength"):
        return re.search(value, data) is not None if keyword == "pattern" else len(data) >= value
    if keyword in ("minimum", "exclusiveMinimum") and not isinstance(data, bool):
        if isinstance(data, float):
            return False
        return not isinstance(data, int) or data > value or (keyword == "minimum" and data == value)
    return keyword in ("properties", "required", "additionalProperties", "items", "minItems", "pattern",
                       "minLength", "minimum", "exclusiveMinimum")  # met by a value of another type


class Rulebook:
    """The rules of one run: each rule file read and checked once, each compiled form built once."""

    def __init__(self, rules_dir: Path):
        self.rules_dir = Path(rules_dir)
        self._files: dict[str, Any] = {}
        self._compiled: dict[str, Any] = {}

    def load(self, kind: str, schema: dict[str, Any]) -> Any:
        """`rules/<kind>.yml`, validated against `schema`."""
        if kind not in self._files:
            path = self.rules_dir / f"{kind}.yml"
            data = _read_yaml(path)
            if not fits(schema, data):  # jsonschema (loaded only then) says whether and where it does not
                import jsonschema

                # our own schemas need no check against the meta-schema (jsonschema.validate's costly step)
                validator = jsonschema.validators.validator_for(schema)(schema)
                error = jsonschema.exceptions.best_match(validator.iter_errors(data))
                if error is not None:
                    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                    raise RulesError(f"{path}: {where}: {error.message}")
            self._files[kind] = data
        return self._files[kind]

    def examples(self, kind: str) -> dict[str, Any]:
        """The positive and negative examples beside a rule file: `rules/examples/<kind>.yml`."""
        import jsonschema

        data = _read_yaml(self.rules_dir / "examples" / f"{kind}.yml")
        jsonschema.validate(data, EXAMPLES_SCHEMA)
        return data

    def compiled(self, key: str, build: Callable[[], T]) -> T:
        """What `build` makes from the rules (patterns, lexicons, a model), made once."""
        if key not in self._compiled:
            self._compiled[key] = build()
        return self._compiled[key]


_active: Rulebook | None = None


def activate(settings: Settings) -> Rulebook:
    """Make the rulebook of these settings the process's own (a no-op when it already is)."""
    global _active
    if _active is None or _active.rules_dir != Path(settings.rules_dir):
        _active = Rulebook(settings.rules_dir)
    return _active


def active_rulebook() -> Rulebook:
    """The process's rulebook; the packaged rules until a run activates its settings."""
    return _active if _active is not None else activate(Settings())


def compiled(build: Callable[[], T]) -> Callable[[], T]:
    """Decorate a builder of compiled rules: it runs once per rulebook, not once per call."""
    key = f"{build.__module__}.{build.__qualname__}"

    @functools.wraps(build)
    def from_rulebook() -> T:
        return active_rulebook().compiled(key, build)

    return from_rulebook


def load_rules(kind: str, schema: dict[str, Any]) -> Any:
    """`rules/<kind>.yml` of the active rulebook, validated against `schema`."""
    return active_rulebook().load(kind, schema)


def load_examples(kind: str) -> dict[str, Any]:
    """The examples of a rule file in the active rulebook."""
    return active_rulebook().examples(kind)


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
                    # entries no item of the kind may match (all keys at once): wrong attributions
                    "never": {"type": "array", "items": {"type": "object"}, "minItems": 1},
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["reference_date", "positive", "negative"],
    "additionalProperties": False,
}
