"""`vnie query`: the filters select the right rows; tables fit the terminal, CSV and JSON are whole."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.store.query import (
    Filters,
    articles,
    directives,
    figures,
    fit_widths,
    fold,
    format_table,
    open_readonly,
)
from pipeline.store.sqlite import DB_FILE, SqliteSink

SEED = "000_97edc108545c4d6d.txt"  # Ninh Thuận: "Chỉ thị số 05-CT/TW", outlet from its source line
DAK_NONG = "003_1b17c64f24c0bdbf.txt"  # writes only "Chỉ thị 05 của Bộ Chính trị"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, gold_run) -> tuple[Path, list[dict]]:
    """The seeds and the dev articles in a database."""
    records, _ = gold_run
    path = tmp_path_factory.mktemp("query") / DB_FILE
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
    return path, records


def _by_file(records: list[dict], name: str) -> dict:
    return next(r for r in records if r["source"]["path"].endswith(name))


def test_fold_ignores_case_and_tone_marks() -> None:
    assert fold("Hội Nông dân ĐẮK NÔNG") == fold("hoi nong dan dak nong") == "hoi nong dan dak nong"


def test_figures_under_a_directive_come_from_the_articles_that_cite_it(store) -> None:
    path, records = store
    citing = [r for r in records if any(d["id"] == "05-CT/TW" for d in r["directives"])]
    _, rows = figures(open_readonly(str(path)), Filters(directive="05-ct/tw"))
    assert len(rows) == sum(len(r["figures"]) for r in citing) > 0
    assert {row["article"] for row in rows} == {r["id"] for r in citing if r["figures"]}
    assert {row["outlet"] for row in rows} == {r["source"]["outlet"] for r in citing if r["figures"]}
    seed = _by_file(records, SEED)
    seed_rows = [row for row in rows if row["article"] == seed["id"]]
    assert [(row["value"], row["unit"], row["sentence"]) for row in seed_rows] == \
        [(f["value"], f["unit"], f["sentence"]) for f in seed["figures"]]
    assert any(row["value"] == 3650 and row["unit"] == "đảng viên" for row in seed_rows)


def test_short_forms_add_articles_that_only_write_chi_thi_05(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    exact = {row["article"] for row in figures(conn, Filters(directive="05-CT/TW"))[1]}
    loose = {row["article"] for row in figures(conn, Filters(directive="05-CT/TW", short_forms=True))[1]}
    assert loose - exact == {_by_file(records, DAK_NONG)["id"]}
    _, grouped = directives(conn, Filters(directive="05-CT/TW", short_forms=True))
    assert {row["directive"] for row in grouped} == {"05-CT/TW", "Chỉ thị 05"}


def test_org_matches_the_subject_or_an_organisation_without_accents(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    _, rows = articles(conn, Filters(org="chi bo hoi nong dan"))
    assert [row["id"] for row in rows] == [_by_file(records, SEED)["id"]]
    _, rows = figures(conn, Filters(org="đảng ủy khối"))
    assert rows and all("đảng ủy khối" in (row["subject"] or "").lower()
                        or row["article"] in {r["id"] for r in records
                                              if any("đảng ủy khối" in o["name"].lower()
                                                     for o in r["organizations"])}
                        for row in rows)


def test_province_dates_text_and_limit_filter_articles(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    _, rows = articles(conn, Filters(province="thanh hoa"))
    assert {row["province"] for row in rows} == {"Thanh Hóa"}
    assert len(rows) == sum(r["province"] == "Thanh Hóa" for r in records)
    _, rows = articles(conn, Filters(since="2021-04-22", until="2021-04"))
    expected = {r["id"] for r in records
                if r["published"] and "2021-04-22" <= r["published"][:10] <= "2021-04-30"}
    assert {row["id"] for row in rows} == expected and expected
    _, rows = articles(conn, Filters(text="Chợ Lách"))
    assert [row["id"] for row in rows] == [_by_file(records, "001_e1c2ef8d2dbf625c.txt")["id"]]
    _, plain = articles(conn, Filters(text="tuyên truyền"))
    _, quoted = articles(conn, Filters(text='tuyên "truyền'))  # punctuation is not query syntax
    assert plain and quoted == plain
    assert len(articles(conn, Filters(limit=3))[1]) == 3


def test_directives_are_counted_by_directive_province_and_month(store) -> None:
    path, records = store
    _, rows = directives(open_readonly(str(path)), Filters())
    row = next(r for r in rows if r["directive"] == "58-NQ/TW")
    thanh_hoa = [r for r in records if any(d["id"] == "58-NQ/TW" for d in r["directives"])]
    assert row["province"] == "Thanh Hóa" and row["articles"] == len(thanh_hoa)
    assert row["mentions"] == sum(len(d["mentions"]) for r in thanh_hoa for d in r["directives"]
                                  if d["id"] == "58-NQ/TW")
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)


def test_fit_widths_shrinks_the_widest_first() -> None:
    assert fit_widths([10, 50, 200], [4, 4, 4], 400) == [10, 50, 200]
    widths = fit_widths([10, 50, 200], [4, 4, 4], 100)
    assert sum(widths) <= 100 and widths[0] == 10 and widths[2] >= widths[1]


def test_a_table_fits_the_terminal_and_cuts_long_sentences(store) -> None:
    path, _ = store
    columns, rows = figures(open_readonly(str(path)), Filters(directive="05-CT/TW"))
    table, hidden = format_table(columns, rows, 120)
    lines = table.splitlines()
    assert len(lines) == len(rows) + 2
    assert all(len(line) <= 120 for line in lines)
    assert "…" in table and hidden == ["url", "title"]
    header = lines[0]
    assert header.index("sentence") == lines[2].index(rows[0]["sentence"][:10])  # aligned
    narrow, _ = format_table(columns, rows, 80)
    assert all(len(line) <= 80 for line in narrow.splitlines())
    wide, hidden = format_table(columns, rows, 400)
    assert hidden == [] and "title" in wide.splitlines()[0]


def test_cli_csv_and_json_give_every_column_uncut(store, capsys: pytest.CaptureFixture[str]) -> None:
    path, records = store
    assert main(["query", "figures", "--directive", "05-CT/TW", "--db", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    seed = _by_file(records, SEED)
    longest = max(seed["figures"], key=lambda f: len(f["sentence"]))["sentence"]
    assert longest in {row["sentence"] for row in rows}
    assert set(rows[0]) >= {"outlet", "published", "title", "url", "subject", "value", "unit",
                            "qualifier", "is_target", "time", "sentence"}
    assert {row["is_target"] for row in rows} <= {"true", "false"}
    assert main(["query", "articles", "--db", str(path), "--format", "json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 2 and {"id", "title", "url", "figures"} <= set(data[0])


def test_cli_table_and_a_missing_database(store, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = store
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["query", "directives", "--db", str(path), "--limit", "5"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].split()[:3] == ["directive", "kind", "issuer"]
    assert all(len(line) <= 100 for line in captured.out.splitlines())
    assert "5 directives" in captured.err
    assert main(["query", "figures", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err


def test_source_and_measure_filter_figures_and_their_articles(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    _, rows = figures(conn, Filters(source="thanh tung", measure="HOC sinh"))
    expected = [(r["id"], f["value"]) for r in records for f in r["figures"]
                if "thanh tùng" in (f["source"] or "").lower() and "học sinh" in (f["measure"] or "").lower()]
    assert rows and sorted((row["article"], row["value"]) for row in rows) == sorted(expected)
    assert all({"source", "subject", "measure", "of"} <= set(row) for row in rows)
    _, none = figures(conn, Filters(measure="hoc sinh khong co"))
    assert none == []  # every word must be in the measure
    _, found = articles(conn, Filters(source="thanh tung"))
    assert {row["id"] for row in found} == {a for a, _ in expected}
