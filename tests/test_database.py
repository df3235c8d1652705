"""The SQLite store: every record's items become rows, re-runs update, a killed run stays usable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.store.sqlite import (
    DB_FILE,
    SCHEMA_VERSION,
    SqliteSink,
    connect,
    open_sink,
    table_counts,
    table_ddl,
    tables,
)
from tests.conftest import CORPUS, REPO


def make_record(i: int, **changes: Any) -> dict[str, Any]:
    """A small valid record: one organisation, directive, figure and date, with matching entities."""
    text = f"Đảng bộ Khối có {i + 3} đảng viên theo Chỉ thị 05-CT/TW năm 2020."
    org, fig = (0, 12), (16, 16 + len(f"{i + 3} đảng viên"))
    dire = (text.index("Chỉ thị"), text.index("Chỉ thị") + len("Chỉ thị 05-CT/TW"))
    date = (text.index("năm 2020"), text.index("năm 2020") + len("năm 2020"))

    def span(s: tuple[int, int]) -> dict[str, Any]:
        return {"text": text[s[0]:s[1]], "start": s[0], "end": s[1], "field": "text"}

    record = {
        "id": f"{i:016x}",
        "source": {"path": f"in/p{i}.txt", "url": None, "outlet": "baomau.vn", "format": "txt"},
        "lang": "vi", "province": "Ninh Thuận", "title": f"Tin số {i}", "published": "2021-04-12",
        "authors": ["Xuân Bính"], "text": text, "captions": [], "meta": [], "boilerplate": ["Phản hồi"],
        "entities": [{"type": t, **span(s)} for t, s in (("ORG", org), ("FIGURE", fig), ("DIRECTIVE", dire),
                                                         ("DATE", date))],
        "directives": [{"id": "05-CT/TW", "kind": "Chỉ thị", "number": "05", "issuer": "Bộ Chính trị",
                        "issued": None, "title": None, "mentions": [span(dire)]}],
        "figures": [{"value": i + 3, "unit": "đảng viên", "qualifier": None, "is_target": False,
                     "subject": "Đảng bộ Khối", "time": "2020", "sentence": text, **span(fig)}],
        "dates": [{"value": "2020", "inferred": False, **span(date)}],
        "organizations": [{"name": "Đảng bộ Khối", "acronym": None, "mentions": [span(org)]}],
        "people": [], "locations": [],
    }
    record.update(changes)
    return record


def write_all(path: Path, records: list[dict[str, Any]], errors: list[dict[str, Any]] = ()) -> None:
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
        for error in errors:
            sink.write("error", error)


def test_every_item_of_real_records_becomes_a_row(tmp_path: Path, gold_run) -> None:
    records, _ = gold_run
    write_all(tmp_path / DB_FILE, records)
    conn = connect(tmp_path / DB_FILE, readonly=True)
    counts = table_counts(conn)
    assert counts["articles"] == len(records)
    for table in ("figures", "directives", "organizations", "people", "locations", "dates"):
        assert counts[table] == sum(len(r[table]) for r in records), table
    assert counts["mentions"] == sum(len(r["entities"]) for r in records)
    seed = next(r for r in records if r["source"]["path"].endswith("000_97edc108545c4d6d.txt"))
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (seed["id"],)).fetchone()
    assert (row["outlet"], row["province"]) == ("baoninhthuan.com.vn", "Ninh Thuận")
    assert row["title"] == seed["title"]
    assert json.loads(row["captions"]) == seed["captions"] and row["n_figures"] == len(seed["figures"])
    mentions = dict(conn.execute("SELECT directive_id, mentions FROM directives WHERE article_id = ?",
                                 (seed["id"],)).fetchall())
    directive = next(d for d in seed["directives"] if d["id"] == "05-CT/TW")
    assert mentions["05-CT/TW"] == len(directive["mentions"])
    # every ORG and DIRECTIVE mention row names what it belongs to
    assert conn.execute("SELECT count(*) FROM mentions WHERE type IN ('ORG', 'DIRECTIVE') AND ref IS NULL"
                        ).fetchone()[0] == 0
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerunning_updates_and_never_duplicates(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE
    write_all(db, [make_record(i) for i in range(3)])
    changed = make_record(1, title="Tiêu đề mới hoàn toàn", figures=[])
    write_all(db, [make_record(0), changed, make_record(2)])
    conn = connect(db, readonly=True)
    counts = table_counts(conn)
    assert counts["articles"] == 3 and counts["figures"] == 2 and counts["directives"] == 3
    row = conn.execute("SELECT title, n_figures FROM articles WHERE id = ?", (changed["id"],)).fetchone()
    assert row[:] == ("Tiêu đề mới hoàn toàn", 0)
    # the full-text index follows the update: the new title is found, the old one is gone
    found = [r[0] for r in conn.execute("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = "
                                        "articles_fts.rowid WHERE articles_fts MATCH 'hoàn toàn'")]
    assert found == [changed["id"]]
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"Tin số 1\"'"
                        ).fetchone()[0] == 0


def test_full_text_search_ignores_case_but_keeps_tone_marks(tmp_path: Path) -> None:
    write_all(tmp_path / DB_FILE, [make_record(0), make_record(1, text="Bài khác về giao thông.")])
    conn = connect(tmp_path / DB_FILE, readonly=True)
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert conn.execute(sql, ("ĐẢNG VIÊN",)).fetchone()[0] == 1
    assert conn.execute(sql, ("đang vien",)).fetchone()[0] == 0  # other tones are other words


def as_version_1(db: Path) -> None:
    """Turn a database into what version 1 wrote: the same tables, a full-text index that folds tones."""
    with sqlite3.connect(db) as old:
        for name in ("articles_ai", "articles_ad", "articles_au"):
            old.execute(f"DROP TRIGGER {name}")
        old.execute("DROP TABLE articles_fts")
        old.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, captions, content=articles, "
                    "content_rowid=rowid, tokenize='unicode61 remove_diacritics 2')")
        old.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        old.execute("PRAGMA user_version = 1")


def test_a_version_1_database_is_migrated_to_the_tone_keeping_index(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE
    write_all(db, [make_record(0), make_record(1, text="Cắt giảm chi tiêu linh hoạt.")])
    as_version_1(db)
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert connect(db, readonly=True).execute(sql, ("cát",)).fetchone()[0] == 1  # the old index: folded
    write_all(db, [make_record(2)])  # a re-run into the same DIR migrates it
    conn = connect(db, readonly=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert conn.execute(sql, ("cát",)).fetchone()[0] == 0
    assert conn.execute(sql, ("cắt",)).fetchone()[0] == 1  # rows written before the migration are indexed
    assert conn.execute(sql, ("đảng",)).fetchone()[0] == 2 and table_counts(conn)["articles"] == 3


def test_an_error_record_replaces_an_article_of_the_same_id_and_back(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE
    record = make_record(7)
    error = {"id": record["id"], "source": {"path": "in/p7.txt", "url": None},
             "error": {"type": "timeout", "message": "too slow"}}
    write_all(db, [record], [error])
    conn = connect(db, readonly=True)
    assert (table_counts(conn)["articles"], table_counts(conn)["figures"], table_counts(conn)["errors"]) \
        == (0, 0, 1)
    conn.close()
    write_all(db, [record])
    conn = connect(db, readonly=True)
    assert (table_counts(conn)["articles"], table_counts(conn)["errors"]) == (1, 0)


def test_tables_have_keys_and_indexes(tmp_path: Path) -> None:
    write_all(tmp_path / DB_FILE, [make_record(0)])
    conn = connect(tmp_path / DB_FILE, readonly=True)
    assert "PRIMARY KEY (article_id, seq)" in table_ddl(next(t for t in tables() if t.name == "figures"))
    with pytest.raises(sqlite3.IntegrityError):
        rw = sqlite3.connect(tmp_path / DB_FILE)
        rw.execute("INSERT INTO figures (article_id, seq) VALUES (?, 0)", (make_record(0)["id"],))
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"directives_directive_id", "articles_published", "mentions_type_ref"} <= indexes
    plan = " ".join(str(tuple(r)) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM directives WHERE directive_id = '05-ct/tw' COLLATE NOCASE"))
    assert "directives_directive_id" in plan


KILLED_WRITER = """
import json, os, signal, sys
from pathlib import Path
from pipeline.store.sqlite import SqliteSink
from pipeline.store.jsonl import JsonlSink
out = Path(sys.argv[1])
records = json.loads((out / "input.json").read_text(encoding="utf-8"))
jsonl, db = JsonlSink(out), SqliteSink(out / "vnie.db", commit_every=200)
for record in records:
    jsonl.write("record", record)
    db.write("record", record)
os.kill(os.getpid(), signal.SIGKILL)  # mid-batch: 50 articles written but not committed
"""


def test_a_killed_run_leaves_a_usable_database_that_resume_completes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    records = [make_record(i) for i in range(250)]
    (out / "input.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(out)], cwd=REPO, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == -signal.SIGKILL
    conn = connect(out / DB_FILE, readonly=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert table_counts(conn)["articles"] == 200  # the committed batch, whole
    assert table_counts(conn)["figures"] == 200
    conn.close()
    with open_sink(out, resume=True):
        pass
    conn = connect(out / DB_FILE, readonly=True)
    assert table_counts(conn)["articles"] == 250 and table_counts(conn)["mentions"] == 1000


def test_vnie_run_writes_the_database_and_resume_keeps_it(tmp_path: Path) -> None:
    page = CORPUS / "001_e1c2ef8d2dbf625c.txt"
    assert main(["run", str(page), "-o", str(tmp_path), "-w", "1", "-q"]) == 0
    conn = connect(tmp_path / DB_FILE, readonly=True)
    record = json.loads((tmp_path / "records.jsonl").read_text(encoding="utf-8"))
    assert conn.execute("SELECT id, n_figures FROM articles").fetchall()[0][:] == (record["id"],
                                                                                   len(record["figures"]))
    conn.close()
    # a lost batch (as after kill -9): --resume skips the done page yet restores its rows from records.jsonl
    with sqlite3.connect(tmp_path / DB_FILE) as rw:
        rw.execute("DELETE FROM figures")
        rw.execute("DELETE FROM articles")
    assert main(["run", str(page), "-o", str(tmp_path), "-w", "1", "-q", "--resume"]) == 0
    assert main(["run", str(page), "-o", str(tmp_path), "-w", "1", "-q"]) == 0  # and a plain re-run
    conn = connect(tmp_path / DB_FILE, readonly=True)
    assert table_counts(conn)["articles"] == 1
    assert table_counts(conn)["figures"] == len(record["figures"])


def test_a_database_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DB_FILE) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="schema version 99"):
        SqliteSink(tmp_path / DB_FILE)
    assert main(["run", str(CORPUS / "001_e1c2ef8d2dbf625c.txt"), "-o", str(tmp_path), "-q"]) == 2


def test_a_huge_figure_is_stored_and_a_failed_write_leaves_no_half_article(tmp_path: Path) -> None:
    huge = make_record(1)
    huge["figures"][0]["value"] = 326 * 10**18  # "326 triệu nghìn tỷ gallon": past SQLite's 64-bit INTEGER
    broken = make_record(2)
    broken["entities"][0]["text"] = {"not": "a string"}  # fails at the last table, after the article row
    with SqliteSink(tmp_path / DB_FILE) as sink:
        sink.write("record", huge)
        with pytest.raises(sqlite3.Error):
            sink.write("record", broken)
    conn = connect(tmp_path / DB_FILE, readonly=True)
    assert conn.execute("SELECT value FROM figures").fetchall()[0][0] == pytest.approx(3.26e20)
    assert [r[0] for r in conn.execute("SELECT id FROM articles")] == [huge["id"]]
    assert table_counts(conn)["mentions"] == len(huge["entities"])
