"""Digests of one `vnie run` over fixed inputs: per record and per field, per error, per database table.

The byte-identical check (tests/test_identity.py) compares them with the snapshot committed in
tests/identity/, which bench/identity_snapshot.py writes. Only digests are stored: no article text.
What legitimately differs between runs is left out: the folders the inputs sit in (records keep
each input's path as given) and the contents of the full-text index's shadow tables (FTS5's own
encoding, derived from `articles` by triggers; their schema is kept).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.conftest import CORPUS, DEV_INPUT, SHARED

SNAPSHOT = Path(__file__).resolve().parent / "identity"
CORPUS_2020 = SHARED / "corpus" / "dantri-2020.jsonl"
SLICE_NAME = "dantri-2020-identity.jsonl"  # records' ids hash the file name: keep it fixed
SLICE_SIZE = 300
WORKERS = 2  # the pool, forked from the warmed parent: faster than in-process on two cores
FIELD_DIGEST = 6  # hex digits per field: to say which field changed (the record's SHA-256 says whether)
FTS_SHADOW = "articles_fts_"  # FTS5's shadow tables: its encoding of `articles`, not ours
ABSENT = "-"  # a field the record does not have
UPDATE_HINT = "if the change is intended, record it: python bench/identity_snapshot.py"

Snapshot = dict[str, Any]


def has_inputs() -> bool:
    """Whether the shared data the check reads is beside the checkout."""
    return DEV_INPUT.is_file() and CORPUS_2020.is_file()


def write_slice(folder: Path) -> Path:
    """300 articles spread evenly over the 2020 corpus (every n-th line), as a file of its own."""
    lines = CORPUS_2020.read_bytes().splitlines(keepends=True)
    step = max(1, len(lines) // SLICE_SIZE)
    path = folder / SLICE_NAME
    path.write_bytes(b"".join(lines[::step][:SLICE_SIZE]))
    return path


# Made-up inputs that become error records, so the error path is compared too.
BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "broken.jsonl": b'{"url": "https://example.vn/a", "content": "Thi\xe1\xbb\x83u'
                    b' ban"\n{not json}\n[1, 2]\n',
    "menu-only.html": "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>".encode(),
}


def write_bad_inputs(folder: Path) -> Path:
    """A folder of inputs that cannot become records (empty, binary, broken JSON, no article)."""
    bad = folder / "bad"
    bad.mkdir()
    for name, data in BAD_INPUTS.items():
        (bad / name).write_bytes(data)
    return bad


def _sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def _dumps(value: Any) -> str:
    """Canonical JSON: the record's own key order (part of what is written), fixed separators."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _field_digests(obj: dict[str, Any]) -> dict[str, str]:
    """A short digest per top-level field; an object's fields one level down ("source.path")."""
    fields = {}
    for name, value in obj.items():
        parts = value.items() if isinstance(value, dict) else [("", value)]
        for sub, item in parts:
            if name == "id":
                continue  # the row's key
            fields[f"{name}.{sub}" if sub else name] = _sha256(_dumps(item))[:FIELD_DIGEST]
    return fields


def _entries(path: Path, relative: dict[str, str]) -> list[dict[str, Any]]:
    """Per line of a JSON Lines output: its id, the digest of the whole and of each field."""
    entries = []
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(_relative(line, relative))
        entries.append({"id": obj["id"], "sha256": _sha256(_dumps(obj)), "fields": _field_digests(obj)})
    return entries


def _relative(text: str, relative: dict[str, str]) -> str:
    """Input paths without the folders they sit in on this machine."""
    for folder, name in relative.items():
        text = text.replace(folder, name)
    return text


def _database(path: Path, relative: dict[str, str]) -> dict[str, Any]:
    """Per table: rows and the digest of its dump; the schema (every CREATE) as one entry."""
    tables: dict[str, list[str]] = {}
    conn = sqlite3.connect(path)
    try:
        for line in conn.iterdump():
            if line.startswith('INSERT INTO "'):  # a row (sqlite_master's own line is schema)
                table = line.split('"', 2)[1]
                if not table.startswith(FTS_SHADOW):
                    tables.setdefault(table, []).append(_relative(line, relative))
            else:
                tables.setdefault("(schema)", []).append(line)
    finally:
        conn.close()
    return {name: {"rows": len(lines), "sha256": _sha256("\n".join(lines))}
            for name, lines in sorted(tables.items())}


def run_digests(workdir: Path) -> Snapshot:
    """Run the pipeline (the `vnie run` command, WORKERS processes) on the fixed inputs; their digests."""
    from pipeline.cli import main

    sliced = write_slice(workdir)
    bad = write_bad_inputs(workdir)
    inputs = {"corpus": CORPUS, "dev": DEV_INPUT, "slice": sliced, "bad": bad}
    out = workdir / "out"
    status = main(["run", *(str(p) for p in inputs.values()), "-o", str(out), "-w", str(WORKERS), "-q"])
    if status != 0:
        raise RuntimeError(f"vnie run ended with status {status}")
    relative = {f"{path.parent}/": "" for path in (CORPUS, DEV_INPUT, sliced, bad)}
    relative = dict(sorted(relative.items(), key=lambda item: -len(item[0])))  # deepest folder first
    return {
        "inputs": {name: _input_digest(path) for name, path in inputs.items()},
        "records": _entries(out / "records.jsonl", relative),
        "errors": _entries(out / "errors.jsonl", relative),
        "database": _database(out / "vnie.db", relative),
    }


def _input_digest(path: Path) -> str:
    """What the inputs were: a file's bytes, or a folder's file names and bytes."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return _sha256(b"".join(f.name.encode() + b"\0" + _sha256(f.read_bytes()).encode()
                            for f in files if f.is_file()))


def save(snapshot: Snapshot, folder: Path = SNAPSHOT) -> None:
    """The snapshot as small files: inputs and database as JSON; records and errors as a table each
    (id, SHA-256, then a column of short digests per field), one line per id in output order."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inputs.json").write_text(json.dumps(snapshot["inputs"], indent=1) + "\n", encoding="utf-8")
    (folder / "database.json").write_text(json.dumps(snapshot["database"], indent=1) + "\n", encoding="utf-8")
    for name in ("records", "errors"):
        entries = snapshot[name]
        fields = list(dict.fromkeys(field for entry in entries for field in entry["fields"]))
        rows = [["id", "sha256", *fields]]
        rows += [[e["id"], e["sha256"], *(e["fields"].get(f, ABSENT) for f in fields)] for e in entries]
        (folder / f"{name}.tsv").write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")


def load(folder: Path = SNAPSHOT) -> Snapshot:
    """The committed snapshot."""
    snapshot: Snapshot = {
        "inputs": json.loads((folder / "inputs.json").read_text(encoding="utf-8")),
        "database": json.loads((folder / "database.json").read_text(encoding="utf-8")),
    }
    for name in ("records", "errors"):
        text = (folder / f"{name}.tsv").read_text(encoding="utf-8")
        header, *rows = (line.split("\t") for line in text.splitlines())
        snapshot[name] = [
            {"id": row[0], "sha256": row[1],
             "fields": {f: d for f, d in zip(header[2:], row[2:], strict=True) if d != ABSENT}}
            for row in rows
        ]
    return snapshot


def differences(expected: Snapshot, actual: Snapshot, most: int = 20) -> list[str]:
    """What changed, as lines a person reads: inputs, ids and their fields, order, database tables."""
    lines = [f"input {name} is not the snapshot's: the check needs the same inputs"
             for name in expected["inputs"] if expected["inputs"][name] != actual["inputs"].get(name)]
    for name in ("records", "errors"):
        lines += _entry_differences(name, expected[name], actual[name], most)
    for table in sorted(set(expected["database"]) | set(actual["database"])):
        before, after = expected["database"].get(table), actual["database"].get(table)
        if before != after:
            rows = f"{before['rows'] if before else 'no'} -> {after['rows'] if after else 'no'} rows"
            lines.append(f"database {table}: {'content' if before and after else 'table'} differs ({rows})")
    return lines


def _entry_differences(name: str, expected: list[dict[str, Any]], actual: list[dict[str, Any]],
                       most: int) -> list[str]:
    """Ids missing, new or changed (with the fields that changed) and a changed order."""
    before, after = {e["id"]: e for e in expected}, {e["id"]: e for e in actual}
    lines = []
    for label, ids in (("missing", before.keys() - after.keys()), ("new", after.keys() - before.keys())):
        if ids:
            lines.append(f"{name}: {len(ids)} {label} ids: {_some(sorted(ids), most)}")
    changed = {ident: _changed_fields(before[ident]["fields"], after[ident]["fields"])
               for ident in before if ident in after and before[ident]["sha256"] != after[ident]["sha256"]}
    for ident, fields in list(changed.items())[:most]:
        lines.append(f"{name} {ident}: {', '.join(fields) or 'key order only'}")
    if len(changed) > most:
        lines.append(f"{name}: {len(changed) - most} more changed ids")
    if changed:
        counts = Counter(field for fields in changed.values() for field in fields)
        tally = ", ".join(f"{field} {n}" for field, n in counts.most_common())
        lines.append(f"{name}: {len(changed)} changed ids; per field: {tally}")
    common = [e["id"] for e in expected if e["id"] in after]
    if common != [e["id"] for e in actual if e["id"] in before]:
        lines.append(f"{name}: written in another order")
    return lines


def _changed_fields(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """The fields whose digests differ, present on one side only included."""
    return sorted(field for field in old.keys() | new.keys() if old.get(field) != new.get(field))


def _some(items: Iterable[str], most: int) -> str:
    items = list(items)
    return ", ".join(items[:most]) + (f" and {len(items) - most} more" if len(items) > most else "")
