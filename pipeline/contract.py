"""The record's contract as JSON Schema: the part every record shares, each registered kind, each reader.

`vnie schema` prints it; tests validate every record against it. It is assembled here, above the
stages, because it reads the registries of two of them (extracted kinds and input readers).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from pipeline.ingest.readers import formats
from pipeline.kinds import registered_kinds


def load_schema(name: str = "record") -> dict[str, Any]:
    """The JSON Schema of a record ("record": the shared part and every registered kind) or an error."""
    stem = "record-base" if name == "record" else name
    shipped = files("pipeline").joinpath("schema", f"{stem}.schema.json")
    schema = json.loads(shipped.read_text(encoding="utf-8"))
    if name == "record":
        schema["properties"]["source"]["properties"]["format"]["enum"] = formats()
        registered = registered_kinds()
        entity = schema["properties"]["entities"]["items"]
        entity["properties"]["type"] = {"enum": [spec.label for spec in registered]}
        for spec in registered:
            schema["properties"][spec.field] = {"type": "array", "items": spec.item_schema}
            schema["required"].append(spec.field)
    return schema
