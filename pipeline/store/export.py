"""`vnie export`: every table of the store to one Parquet (or CSV) file, for dashboards.

Column types come from the one table description in `pipeline.store.sqlite`, so a Parquet column is
typed even when a table is empty: BOOLEAN becomes a boolean, `published` a timestamp and the JSON
lists of `articles` (authors, captions, meta, boilerplate) lists of strings. CSV keeps them as text.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.store.sqlite import Column, StoreError, Table, open_store, tables

BATCH_ROWS = 20_000  # rows per Parquet row group: bounded memory on large stores


class ExportError(Exception):
    """The export cannot be written where asked."""


def _arrow_type(column: Column) -> Any:
    """The Parquet column type of a store column (pyarrow loads only when exporting)."""
    import pyarrow as pa

    if column.logical == "list":
        return pa.list_(pa.string())
    if column.logical == "timestamp":  # the time shown on the page: local, so no time zone is claimed
        return pa.timestamp("s")
    types = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BOOLEAN": pa.bool_()}
    return types[column.type]


def _select(table: Table) -> str:
    """A table's rows in a stable order, article by article, so exports of one store compare equal."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    order = "article_id, seq" if table.columns[0].name == "article_id" else "id"
    return f"SELECT {names} FROM {table.name} ORDER BY {order}"


def _convert(value: Any, column: Column) -> Any:
    """A stored value as its declared type (SQLite's affinity may hand back ints for REAL or BOOLEAN)."""
    if value is None:
        return None
    if column.logical == "list":
        return [str(item) for item in json.loads(value)]
    if column.logical == "timestamp":
        return datetime.fromisoformat(value)
    if column.type == "BOOLEAN":
        return bool(value)
    if column.type == "REAL":
        return float(value)
    return value


def export_parquet(conn: sqlite3.Connection, table: Table, path: Path) -> int:
    """One table to a Parquet file; the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c.name, _arrow_type(c), metadata={"description": c.description})
                        for c in table.columns], metadata={"description": table.description})
    count = 0
    cursor = conn.execute(_select(table))
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        while rows := cursor.fetchmany(BATCH_ROWS):
            arrays = [pa.array([_convert(v, c) for v in values], type=_arrow_type(c))
                      for values, c in zip(zip(*rows, strict=True), table.columns, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(rows)
        if not count:
            writer.write_table(schema.empty_table())
    return count


def export_csv(conn: sqlite3.Connection, table: Table, path: Path) -> int:
    """One table to a CSV file (UTF-8, header row, true/false for booleans, lists as JSON); the rows."""
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


def output_folder(out_dir: Path | str) -> Path:
    """The folder to export into, created if missing; ExportError when it is a file or cannot be made."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} is a file; give a folder (it is created if missing)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the folder {out}: {exc.strerror or exc}") from exc
    return out


def export(db_path: Path | str, out_dir: Path | str, fmt: str = "parquet") -> dict[str, int]:
    """Every table of the store (a file or a run's folder) into OUT/<table>.<fmt>; rows written per table."""
    conn = open_store(db_path)
    try:
        out = output_folder(out_dir)
        writer = export_parquet if fmt == "parquet" else export_csv
        counts = {}
        for table in tables():
            path = out / f"{table.name}.{fmt}"
            try:
                counts[table.name] = writer(conn, table, path)
            except OSError as exc:
                raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
        return counts
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
    except (StoreError, ExportError) as exc:
        print(f"vnie export: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        print(f"vnie export: cannot read {args.db}: {exc}", file=sys.stderr)
        return 2
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"vnie export: {len(counts)} {args.to} files -> {args.out} ({summary})", file=sys.stderr)
    return 0
