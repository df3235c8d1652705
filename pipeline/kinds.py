"""The registry of extracted kinds: one `KindSpec` per kind, the one place each kind is described.

A kind (directives, figures, dates, organisations, people, places...) says here what it is called,
how its mentions are found and built, where it sits in overlap resolution, how it is stored in
SQLite, how it is drawn and what its record items look like. Everything that lists kinds is derived
from this registry: the record's empty fields, merge layers, SQLite tables and rows, the mentions'
references, `vnie show`'s colours and the JSON Schema. Adding a kind is one module in
`pipeline/extract/kinds/` (plus its rules and examples) that calls `register_kind`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Item = dict[str, Any]
Span = tuple[str, int | None, int | None]  # (field, start, end) of a mention
BUILTIN_PACKAGE = "pipeline.extract.kinds"


@dataclass(frozen=True)
class Column:
    """One column of a table: name, SQLite type (BOOLEAN is stored as 0/1), meaning, and what TEXT holds.

    `logical` is "list" for a JSON list of strings and "timestamp" for an ISO date or time: exports
    give them their real types (Parquet lists and timestamps) instead of text.
    """

    name: str
    type: str
    description: str
    logical: str | None = None


def item_span(item: Item) -> Span:
    """Where a mention or a spanned item stands: its field (text by default), start and end."""
    return item.get("field") or "text", item.get("start"), item.get("end")


def scalar_ref(value: Any) -> str | None:
    """A value as the mentions table's `ref` writes it (3650.0 as "3650")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return None if value is None else str(value)


def refs_of_mentions(attribute: str) -> Callable[[Item], Iterable[tuple[Span, str | None]]]:
    """References of a kind whose items list their `mentions`: each mention refers to item[attribute]."""

    def refs(item: Item) -> Iterable[tuple[Span, str | None]]:
        return ((item_span(m), item.get(attribute)) for m in item.get("mentions") or [])

    return refs


def refs_of_value(item: Item) -> Iterable[tuple[Span, str | None]]:
    """References of a kind whose items are themselves spans: the span refers to the item's value."""
    return ((item_span(item), scalar_ref(item.get("value"))),)


@dataclass(frozen=True)
class KindSpec:
    """Everything vnie knows about one extracted kind."""

    label: str  # entity type in `entities` and `mentions.type`: "FIGURE"
    field: str  # the record's list and the SQLite table: "figures"
    noun: str  # what a person calls one, in `vnie show`'s legend: "figure"
    order: int  # position among the record's lists (and the order extractors run in)
    find: Callable[[Any], list[Any]]  # (ArticleDoc) -> list[Mention]
    build: Callable[[list[Any], Any, list[Any]], list[Item]]  # (own mentions, doc, all mentions) -> items
    layer: int  # mentions of one layer never overlap; across layers they may nest
    rank: int  # on equal length within a layer, the lower rank wins
    colour: str  # displaCy background colour
    description: str  # what one row of the kind's table is
    columns: tuple[Column, ...]  # the table's columns after article_id and seq
    row: Callable[[Item], tuple[Any, ...]]  # one record item -> values for `columns`
    refs: Callable[[Item], Iterable[tuple[Span, str | None]]]  # the mentions an item names, and what
    item_schema: dict[str, Any]  # JSON Schema of one item of the record's list
    rules: str | None = None  # the rules file stem under rules/, if the kind has one
    indexes: tuple[str, ...] = field(default=())  # columns to index (SQL expressions allowed)
    canonical: str | None = None  # the item field (and column) of the kind's one-per-body name, if any
    # labels of kinds of the same layer whose mentions may hold this kind's whole: a date inside a
    # programme's name ("Đề án \"... giai đoạn 2021 - 2030\"") is a date of its own as well
    nests_in: tuple[str, ...] = field(default=())
    # where a mention's tail starts, the words a name after it may begin with: a count shares its unit
    # with the type or level word of the name it counts ("4 nghị quyết số 18-NQ/TW", "2 tỉnh Nghệ An");
    # None when the mention has none
    tail: Callable[[Any], int | None] | None = None
    # labels of the kinds whose mentions may begin inside this kind's tail and run on past it
    tail_shared_with: tuple[str, ...] = field(default=())
    # whether a mention's end is a guess: a mention of another layer that holds its start and ends
    # inside it then wins ("Bệnh viện Trung ương Quân đội 108 đưa ra" is no figure "108 đưa")
    soft_end: Callable[[Any], bool] | None = None


_REGISTRY: dict[str, KindSpec] = {}
_builtins_loaded = False


def register_kind(spec: KindSpec) -> KindSpec:
    """Add (or replace) a kind; returns it, so a module can write `KIND = register_kind(KindSpec(...))`."""
    _REGISTRY[spec.label] = spec
    return spec


def unregister_kind(label: str) -> None:
    """Remove a kind (tests that add a toy kind take it away again)."""
    _REGISTRY.pop(label, None)


def _load_builtins() -> None:
    """Import every module of the built-in kinds package once: each registers its kind."""
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    package = importlib.import_module(BUILTIN_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{BUILTIN_PACKAGE}.{module.name}")


def registered_kinds() -> tuple[KindSpec, ...]:
    """Every registered kind, in record order."""
    _load_builtins()
    return tuple(sorted(_REGISTRY.values(), key=lambda spec: (spec.order, spec.label)))


def kind(label: str) -> KindSpec:
    """The kind of an entity type label."""
    _load_builtins()
    return _REGISTRY[label]


# Pieces the kinds share, for their tables and schemas.
ISO_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$"
FIELD_PATTERN = r"^(text|title|captions\.\d+|meta\.\d+)$"
SPAN_COLUMNS = (
    Column("field", "TEXT", "the string the offsets index: text, title, captions.N or meta.N"),
    Column("start", "INTEGER", "start character offset in that field"),
    Column("end", "INTEGER", "end character offset (exclusive) in that field"),
)
MENTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {
        "text": {"type": "string"},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "field": {"type": "string", "pattern": FIELD_PATTERN},
    },
}


def nullable(type_: str) -> dict[str, Any]:
    """JSON Schema of a value of `type_` or null."""
    return {"type": [type_, "null"]}


def iso_schema(*, nullable_value: bool = True) -> dict[str, Any]:
    """JSON Schema of an ISO 8601 date, datetime, interval or open interval (spec section 5)."""
    return {"type": ["string", "null"] if nullable_value else "string", "pattern": ISO_PATTERN}


def named_item_schema(required: list[str], **properties: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema of an item that lists its mentions (a directive, organisation, person or place)."""
    return {
        "type": "object",
        "required": [*required, "mentions"],
        "properties": {**properties, "mentions": {"type": "array", "items": MENTION_SCHEMA}},
    }


def named_kind(*, label: str, field: str, noun: str, order: int, find: Callable[[Any], list[Any]],
               build: Callable[[list[Any], Any, list[Any]], list[Item]], rank: int, colour: str, rules: str,
               description: str, name: str, attribute: tuple[str, str], mentions: str) -> KindSpec:
    """The spec of a kind whose items are a name, one text attribute and the mentions (people, places):
    one table row per distinct name, in overlap layer 1, indexed by name. `name` and `mentions` say
    what those columns hold; `attribute` is the other column's (name, what it holds)."""
    key, meaning = attribute
    return KindSpec(
        label=label, field=field, noun=noun, order=order, find=find, build=build,
        layer=1, rank=rank, colour=colour, rules=rules, description=description,
        columns=(
            Column("name", "TEXT", name),
            Column(key, "TEXT", meaning),
            Column("mentions", "INTEGER", mentions),
        ),
        row=lambda item: (item.get("name"), item.get(key), mention_count(item)),
        refs=refs_of_mentions("name"),
        indexes=("name",),
        item_schema=named_item_schema(["name", key], name={"type": "string"}, **{key: nullable("string")}),
    )


def spanned_item_schema(required: list[str], **properties: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema of an item that is itself one span of a field (a figure or a date)."""
    span = {"start": {"type": "integer"}, "end": {"type": "integer"}, "field": {"type": "string"}}
    return {"type": "object", "required": [*required, "start", "end"], "properties": {**properties, **span}}


def real(value: Any) -> float | None:
    """A number as a REAL column holds it (an int past 2**63, "326 triệu nghìn tỷ", fits)."""
    return None if value is None else float(value)


def first_text(item: Item) -> str | None:
    """An item's text as written: its own, else its first mention's."""
    return item.get("text") or next((m.get("text") for m in item.get("mentions") or []), None)


def mention_count(item: Item) -> int:
    """How many times the article mentions an item that lists its mentions."""
    return len(item.get("mentions") or [])
