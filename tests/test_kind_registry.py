"""A new kind is one registration: it reaches the record, the schema, SQLite, Parquet and `vnie show`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import regex

from pipeline.cli import main
from pipeline.contract import load_schema
from pipeline.kinds import Column, KindSpec, item_span, refs_of_value, register_kind, unregister_kind
from pipeline.model import Mention

PHONE = regex.compile(r"(?<!\d)0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?!\d)")
PAGE = ("Đường dây nóng hỗ trợ người dân\n\n"
        "Người dân cần hỗ trợ xin gọi số 0243.825.1234 của Sở Y tế tỉnh Ninh Thuận để được hướng dẫn. "
        "Số máy 0912 345 678 trực cả ngày nghỉ.\n")


def find_phones(doc: Any) -> list[Mention]:
    """Phone numbers in every field."""
    return [Mention("PHONE", m.start(), m.end(), m.group(), segment.field,
                    {"digits": regex.sub(r"\D", "", m.group())})
            for segment in doc for m in PHONE.finditer(segment.text)]


def build_phones(mentions: list[Mention], doc: Any, context: list[Mention]) -> list[dict[str, Any]]:
    """One item per phone number mention."""
    return [{"value": m.attrs["digits"], "text": m.text, "start": m.start, "end": m.end, "field": m.field}
            for m in mentions]


TOY = KindSpec(
    label="PHONE", field="phones", noun="phone number", order=9, find=find_phones, build=build_phones,
    layer=0, rank=5, colour="#123456", description="One row per phone number.",
    columns=(Column("value", "TEXT", "the digits"), Column("text", "TEXT", "as written"),
             Column("field", "TEXT", "where"), Column("start", "INTEGER", "from"),
             Column("end", "INTEGER", "to")),
    row=lambda item: (item["value"], item["text"], *item_span(item)),
    refs=refs_of_value,
    item_schema={"type": "object", "required": ["value", "text"],
                 "properties": {"value": {"type": "string"}, "text": {"type": "string"}}},
)


@pytest.fixture
def toy_kind() -> Iterator[KindSpec]:
    register_kind(TOY)
    yield TOY
    unregister_kind(TOY.label)


def test_a_registered_kind_flows_to_every_output(toy_kind: KindSpec, tmp_path: Path) -> None:
    page = tmp_path / "hotline.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(page), "-o", str(out), "-w", "1", "-q"]) == 0

    record = json.loads((out / "records.jsonl").read_text(encoding="utf-8"))
    assert [p["value"] for p in record["phones"]] == ["02438251234", "0912345678"]
    assert {e["type"] for e in record["entities"]} >= {"PHONE", "ORG"}
    jsonschema.Draft202012Validator(load_schema("record")).validate(record)
    for item in record["phones"]:
        assert record["text"][item["start"]:item["end"]] == item["text"]

    conn = sqlite3.connect(out / "vnie.db")
    phones = conn.execute("SELECT value FROM phones ORDER BY seq").fetchall()
    assert phones == [("02438251234",), ("0912345678",)]
    assert conn.execute("SELECT n_phones FROM articles").fetchone() == (2,)
    refs = conn.execute("SELECT ref FROM mentions WHERE type = 'PHONE' ORDER BY seq").fetchall()
    assert refs == [("02438251234",), ("0912345678",)]
    conn.close()

    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    exported = tmp_path / "pq"
    assert main(["export", "--db", str(out / "vnie.db"), "--to", "parquet", "--out", str(exported)]) == 0
    assert pq.read_table(tmp_path / "pq" / "phones.parquet").column("value").to_pylist() == [
        "02438251234", "0912345678"]

    article_id = record["id"]
    html = tmp_path / "show.html"
    assert main(["show", article_id, "--db", str(out / "vnie.db"), "--html", str(html)]) == 0
    shown = html.read_text(encoding="utf-8")
    assert TOY.colour in shown and "phone number (2)" in shown


def test_without_the_toy_kind_nothing_of_it_remains(tmp_path: Path) -> None:
    from pipeline.kinds import registered_kinds
    from pipeline.store.sqlite import tables

    assert "PHONE" not in {spec.label for spec in registered_kinds()}
    assert "phones" not in {table.name for table in tables()}
