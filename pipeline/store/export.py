"""`vnie export`: every table of the store to one Parquet (or CSV) file, for dashboards.

Column types come from the one table description in `pipeline.store.sqlite`, so a Parquet column is
typed (BOOLEAN becomes a real boolean) even when a table is empty.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from pathlib import Path
from typing import Any

from pipeline.store.sqlite import Table, connect, tables

BATCH_ROWS = 20_000  # rows per Parquet row group: bounded memory on large stores
FORMATS = ("parquet", "csv")


def _arrow_type(sql_type: str) -> Any:
    import pyarrow as pa

    return {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BOOLEAN": pa.bool_()}[sql_type]


def _select(table: Table) -> str:
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    order = "article_id, seq" if table.columns[0].name == "article_id" else "id"
    return f"SELECT {names} FROM {table.name} ORDER BY {order}"


def _convert(value: Any, sql_type: str) -> Any:
    """A stored value as its declared type (SQLite's affinity may hand back ints for REAL or BOOLEAN)."""
    if value is None:
        return None
    if sql_type == "BOOLEAN":
        return bool(value)
    if sql_type == "REAL":
        return float(value)
    return value


def export_parquet(conn: sqlite3.Connection, table: Table, path: Path) -> int:
    """One table to a Parquet file; the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c.name, _arrow_type(c.type)) for c in table.columns],
                       metadata={"description": table.description})
    types = [c.type for c in table.columns]
    count = 0
    cursor = conn.execute(_select(table))
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        while rows := cursor.fetchmany(BATCH_ROWS):
            arrays = [pa.array([_convert(v, t) for v in column], type=_arrow_type(t))
                      for column, t in zip(zip(*rows, strict=True), types, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(rows)
        if not count:
            writer.write_table(schema.empty_table())
    return count


def export_csv(conn: sqlite3.Connection, table: Table, path: Path) -> int:
    """One table to a CSV file (UTF-8, header row, true/false for booleans); the number of rows."""
    types = [c.type for c in table.columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in table.columns])
        for row in conn.execute(_select(table)):
            writer.writerow([("true" if v else "false") if t == "BOOLEAN" and v is not None else v
                             for v, t in zip(row, types, strict=True)])
            count += 1
    return count


def export(db_path: Path | str, out_dir: Path | str, fmt: str = "parquet") -> dict[str, int]:
    """Every table of the store into OUT/<table>.<fmt>; rows written per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = export_parquet if fmt == "parquet" else export_csv
    conn = connect(db_path, readonly=True)
    try:
        return {table.name: writer(conn, table, out / f"{table.name}.{fmt}") for table in tables()}
    finally:
        conn.close()


def schema_markdown() -> str:
    """The tables and their columns as Markdown (docs/schema.md holds this text)."""
    lines = []
    for table in tables():
        lines += [f"### `{table.name}`", "", table.description, "", "| column | type | meaning |",
                  "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in table.columns]
        lines.append("")
    return "\n".join(lines)


def run(args: Any) -> int:
    """The `vnie export` command."""
    try:
        counts = export(args.db, args.out, args.to)
    except FileNotFoundError as exc:
        print(f"vnie export: {exc}", file=sys.stderr)
        return 2
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"vnie export: {len(counts)} {args.to} files -> {args.out} ({summary})", file=sys.stderr)
    return 0
