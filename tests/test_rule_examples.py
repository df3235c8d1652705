"""Every rule file's positive and negative examples (Duckling's corpus / negative corpus)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from pipeline.clean.lines import boilerplate_rule, classify
from pipeline.extract import build_document, extract
from pipeline.kinds import registered_kinds
from pipeline.rulebook import active_rulebook, load_examples

KINDS = {spec.field: spec.label for spec in registered_kinds()}
ITEM_KEYS = {spec.field: set(spec.item_schema["properties"]) for spec in registered_kinds()}
LINE_CLASSES = {"title", "meta", "body", "caption", "boilerplate"}
LINE_KIND = "boilerplate"  # the cleaner's examples: whole pages and the class of their lines
FIELDS = {**{k: k for k in KINDS}, "attribution": "figures"}  # example file -> the record list it checks
KINDS["attribution"] = "FIGURE"
EXAMPLE_FILES = sorted(
    p.stem for p in (active_rulebook().rules_dir / "examples").glob("*.yml") if p.stem in {*KINDS, LINE_KIND}
)


def _cases(polarity: str) -> list[Any]:
    cases = []
    for kind in EXAMPLE_FILES:
        examples = load_examples(kind)
        for i, example in enumerate(examples[polarity]):
            label = f"{kind}-{polarity[:3]}{i}-{example['text'][:30]}"
            cases.append(pytest.param(kind, examples["reference_date"], example, id=label))
    return cases


def _texts(entry: dict[str, Any]) -> set[str]:
    texts = {entry.get("text", "")}
    texts.update(m.get("text", "") for m in entry.get("mentions", []))
    return texts


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        return actual is not None and expected is not None and math.isclose(float(expected), float(actual))
    return expected == actual


def _matches(expected: dict[str, Any], entry: dict[str, Any]) -> bool:
    for key, value in expected.items():
        if key == "text":
            if value not in _texts(entry):
                return False
        elif not _same(value, entry.get(key)):
            return False
    return True


@pytest.mark.parametrize("kind", EXAMPLE_FILES)
def test_every_expectation_names_fields_the_kind_has(kind: str) -> None:
    """A typo in an example's `expect` must fail, not silently expect nothing."""
    for example in load_examples(kind)["positive"]:
        for expected in example["expect"]:
            if kind == LINE_KIND:
                assert set(expected) == {"line", "class"} and expected["class"] in LINE_CLASSES, expected
            else:
                unknown = set(expected) - ITEM_KEYS[FIELDS[kind]] - {"text"}
                assert not unknown, f"{kind} example expects unknown fields {unknown}: {expected}"


def _run(example: dict[str, Any], reference_date: str) -> dict[str, Any]:
    doc = build_document(example["text"], title=example.get("title"), published=reference_date)
    return extract(doc)


def _line_classes(text: str) -> dict[str, set[str]]:
    classes: dict[str, set[str]] = {}
    for line in classify(text):
        classes.setdefault(line.text, set()).add(line.cls)
    return classes


@pytest.mark.parametrize(("kind", "reference_date", "example"), _cases("positive"))
def test_positive_example(kind: str, reference_date: str, example: dict[str, Any]) -> None:
    if kind == LINE_KIND:
        classes = _line_classes(example["text"])
        for expected in example["expect"]:
            rule = boilerplate_rule(expected["line"])
            assert expected["class"] in classes.get(expected["line"], set()), \
                f"{expected} got {classes.get(expected['line'])} (boilerplate rule: {rule})"
        return
    entries = _run(example, reference_date)[FIELDS[kind]]
    for expected in example["expect"]:
        assert any(_matches(expected, e) for e in entries), f"{expected} not in {entries}"


@pytest.mark.parametrize(("kind", "reference_date", "example"), _cases("negative"))
def test_negative_example(kind: str, reference_date: str, example: dict[str, Any]) -> None:
    if kind == LINE_KIND:
        classes = _line_classes(example["text"])
        for line in example.get("absent", []):
            assert classes.get(line) == {"body"}, f"{line!r} must stay body, got {classes.get(line)}"
        return
    result = _run(example, reference_date)
    for wrong in example.get("never", []):
        hits = [e for e in result[FIELDS[kind]] if _matches(wrong, e)]
        assert not hits, f"{wrong} must not be read, got {hits}"
    if "never" in example and "absent" not in example:
        return
    if "absent" not in example:
        assert result[FIELDS[kind]] == [], f"expected no {kind}, got {result[FIELDS[kind]]}"
        return
    text = example["text"]
    spans = [(m["start"], m["end"]) for m in result["entities"]
             if m["type"] == KINDS[kind] and m.get("field", "text") == "text"]
    for absent in example["absent"]:
        start = text.find(absent)
        assert start >= 0, f"absent string {absent!r} is not in the example text"
        while start >= 0:
            end = start + len(absent)
            hits = [text[a:b] for a, b in spans if a < end and start < b]
            assert not hits, f"{absent!r} was taken as {KINDS[kind]}: {hits}"
            start = text.find(absent, start + 1)


def _unique_keys_loader() -> type:
    """A YAML loader that fails on a key a mapping repeats (YAML keeps the last one silently: a
    second table of a name already taken would replace the first)."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            repeated = sorted({k for k in keys if isinstance(k, str) and keys.count(k) > 1})
            assert not repeated, f"line {node.start_mark.line + 1}: {repeated} given twice"
            return super().construct_mapping(node, deep=deep)

    return Loader


def test_a_rule_file_names_each_table_once() -> None:
    import yaml

    for path in sorted(active_rulebook().rules_dir.glob("*.yml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=_unique_keys_loader())  # a SafeLoader
