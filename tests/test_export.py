"""`vnie export`: one file per table that DuckDB (Parquet) or a CSV reader reads back whole."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.store.export import schema_markdown
from pipeline.store.sqlite import DB_FILE, SqliteSink, connect, table_counts, tables
from tests.conftest import REPO


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus_run) -> Path:
    records, _ = corpus_run
    path = tmp_path_factory.mktemp("export") / DB_FILE
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
        sink.write("error", {"id": "00000000000000ff", "source": {"path": "x.bin", "url": None},
                             "error": {"type": "binary", "message": "not text"}})
    return path


def _duck():
    """A DuckDB connection (its DB-API calls are the same across 1.x and 2.x)."""
    duckdb = pytest.importorskip("duckdb", reason="duckdb is a dev dependency: pip install -e '.[dev]'")
    return duckdb.connect()


def test_parquet_reads_back_in_duckdb_with_the_same_rows(store: Path, tmp_path: Path) -> None:
    duck = _duck()
    assert main(["export", "--db", str(store), "--to", "parquet", "--out", str(tmp_path)]) == 0
    expected = table_counts(connect(store, readonly=True))
    for table in tables():
        file = tmp_path / f"{table.name}.parquet"
        count = duck.execute(f"SELECT count(*) FROM '{file}'").fetchone()[0]
        assert count == expected[table.name], table.name
        assert [c[0] for c in duck.execute(f"SELECT * FROM '{file}' LIMIT 0").description] == \
            [c.name for c in table.columns]
    figures = tmp_path / "figures.parquet"
    types = {row[0]: row[1] for row in duck.execute(f"DESCRIBE SELECT * FROM '{figures}'").fetchall()}
    assert types["is_target"] == "BOOLEAN" and types["value"] == "DOUBLE" and types["start"] == "BIGINT"
    sums = "SELECT sum(value), sum(is_target) FROM figures"
    sqlite_sum = connect(store, readonly=True).execute(sums).fetchone()
    parquet_sum = duck.execute(f"SELECT sum(value), sum(is_target::INT) FROM '{figures}'").fetchone()
    assert parquet_sum == pytest.approx(tuple(sqlite_sum))
    # a dashboard's join: figures with their articles, across two files
    joined = duck.execute(f"SELECT count(*) FROM '{figures}' f JOIN '{tmp_path / 'articles.parquet'}' a "
                        "ON a.id = f.article_id").fetchone()[0]
    assert joined == expected["figures"]


def test_an_empty_table_is_still_a_typed_parquet_file(tmp_path: Path) -> None:
    duck = _duck()
    SqliteSink(tmp_path / DB_FILE).close()
    assert main(["export", "--db", str(tmp_path / DB_FILE), "--out", str(tmp_path / "out")]) == 0
    file = tmp_path / "out" / "figures.parquet"
    assert duck.execute(f"SELECT count(*) FROM '{file}'").fetchone()[0] == 0
    described = duck.execute(f"DESCRIBE SELECT * FROM '{file}'").fetchall()
    assert ("is_target", "BOOLEAN") in [row[:2] for row in described]


def test_csv_has_a_header_and_every_row(store: Path, tmp_path: Path) -> None:
    assert main(["export", "--db", str(store), "--to", "csv", "--out", str(tmp_path)]) == 0
    expected = table_counts(connect(store, readonly=True))
    for table in tables():
        with (tmp_path / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == expected[table.name]
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    assert any("\n\n" in text for text in texts)  # multi-line bodies survive quoting
    with (tmp_path / "figures.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["is_target"] for row in csv.DictReader(handle)} == {"true", "false"}


def test_exporting_a_missing_database_fails_clearly(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "out")]) == 2
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing is made for an export that cannot happen


def test_parquet_has_real_timestamps_and_lists(store: Path, tmp_path: Path) -> None:
    duck = _duck()
    assert main(["export", "--db", str(store.parent), "--out", str(tmp_path)]) == 0  # --db DIR works too
    file = tmp_path / "articles.parquet"
    types = {row[0]: row[1] for row in duck.execute(f"DESCRIBE SELECT * FROM '{file}'").fetchall()}
    assert types["published"] == "TIMESTAMP"
    assert {types[c] for c in ("authors", "captions", "meta", "boilerplate")} == {"VARCHAR[]"}
    conn = connect(store, readonly=True)
    for article_id, published, authors, captions in conn.execute(
            "SELECT id, published, authors, captions FROM articles"):
        row = duck.execute(f"SELECT published, authors, captions FROM '{file}' WHERE id = ?",
                           [article_id]).fetchone()
        assert row[0] == (datetime.fromisoformat(published) if published else None)
        assert row[1] == json.loads(authors) and row[2] == json.loads(captions)
    # a dashboard's question, answered without parsing text: articles per year and byline
    by_year = duck.execute(f"SELECT year(published), count(*) FROM '{file}' WHERE published IS NOT NULL "
                           "GROUP BY 1 ORDER BY 1").fetchall()
    expected = conn.execute("SELECT CAST(substr(published, 1, 4) AS INTEGER), count(*) FROM articles "
                            "WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    assert by_year == [tuple(row) for row in expected] and by_year
    assert duck.execute(f"SELECT count(*) FROM '{file}' WHERE list_contains(authors, 'Xuân Bính')"
                        ).fetchone()[0] == 1


def test_export_help_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "(default: parquet)" in shown and "(default: outputs/vnie.db)" in shown


def test_out_an_existing_file_or_db_not_sqlite_is_a_clear_error(store: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "figures.parquet"
    taken.write_bytes(b"keep me")
    assert main(["export", "--db", str(store), "--out", str(taken)]) == 2
    err = capsys.readouterr().err
    assert "is a file; give a folder" in err and "Traceback" not in err
    assert taken.read_bytes() == b"keep me"
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("not a database\n", encoding="utf-8")
    assert main(["export", "--db", str(not_sqlite), "--out", str(tmp_path / "out")]) == 2
    assert "is not an SQLite database" in capsys.readouterr().err


def test_the_schema_document_lists_every_table_and_column() -> None:
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert schema_markdown() in doc, "docs/schema.md is out of date: paste store.export.schema_markdown()"
