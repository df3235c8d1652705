"""`vnie query`: the filters select the right rows; tables fit the terminal, CSV and JSON are whole."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.store.query import (
    OPTIONAL,
    QUERIES,
    Filters,
    articles,
    cut,
    directives,
    figures,
    fit_widths,
    format_table,
    open_readonly,
    vi_number,
)
from pipeline.store.sqlite import DB_FILE, SqliteSink, tables

SEED = "000_97edc108545c4d6d.txt"  # Ninh Thuận: "Chỉ thị số 05-CT/TW", outlet from its source line
DAK_NONG = "003_1b17c64f24c0bdbf.txt"  # writes only "Chỉ thị 05 của Bộ Chính trị"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus_run) -> tuple[Path, list[dict]]:
    """The sample corpus (the seeds) in a database."""
    records, _ = corpus_run
    path = tmp_path_factory.mktemp("query") / DB_FILE
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
    return path, records


def _by_file(records: list[dict], name: str) -> dict:
    return next(r for r in records if r["source"]["path"].endswith(name))


def test_the_sql_folding_ignores_case_and_tone_marks_and_reads_null_as_empty(store) -> None:
    path, _records = store
    conn = open_readonly(str(path))
    folded = [conn.execute("SELECT vn_fold(?)", (text,)).fetchone()[0]
              for text in ("Hội Nông dân ĐẮK NÔNG", "hoi nong dan dak nong", None)]
    assert folded == ["hoi nong dan dak nong", "hoi nong dan dak nong", ""]


def test_figures_under_a_directive_come_from_the_articles_that_cite_it(store) -> None:
    path, records = store
    citing = [r for r in records if any(d["id"] == "05-CT/TW" for d in r["directives"])]
    _, rows = figures(open_readonly(str(path)), Filters(directive="05-ct/tw"))
    assert len(rows) == sum(len(r["figures"]) for r in citing) > 0
    assert {row["article_id"] for row in rows} == {r["id"] for r in citing if r["figures"]}
    assert {row["outlet"] for row in rows} == {r["source"]["outlet"] for r in citing if r["figures"]}
    seed = _by_file(records, SEED)
    seed_rows = [row for row in rows if row["article_id"] == seed["id"]]
    assert [(row["value"], row["unit"], row["sentence"]) for row in seed_rows] == \
        [(f["value"], f["unit"], f["sentence"]) for f in seed["figures"]]
    assert any(row["value"] == 3650 and row["unit"] == "đảng viên" for row in seed_rows)


def test_short_forms_add_articles_that_only_write_chi_thi_05(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    exact = {row["article_id"] for row in figures(conn, Filters(directive="05-CT/TW"))[1]}
    loose = {row["article_id"] for row in figures(conn, Filters(directive="05-CT/TW", short_forms=True))[1]}
    assert loose - exact == {_by_file(records, DAK_NONG)["id"]}
    _, grouped = directives(conn, Filters(directive="05-CT/TW", short_forms=True))
    assert {row["directive_id"] for row in grouped} == {"05-CT/TW", "Chỉ thị 05"}


def test_org_matches_the_subject_or_an_organisation_without_accents(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    _, rows = articles(conn, Filters(org="chi bo hoi nong dan"))
    assert [row["id"] for row in rows] == [_by_file(records, SEED)["id"]]
    _, rows = figures(conn, Filters(org="đảng ủy khối"))
    assert rows and all("đảng ủy khối" in (row["subject"] or "").lower()
                        or row["article_id"] in {r["id"] for r in records
                                              if any("đảng ủy khối" in o["name"].lower()
                                                     for o in r["organizations"])}
                        for row in rows)


def test_province_dates_text_and_limit_filter_articles(store) -> None:
    path, records = store
    conn = open_readonly(str(path))
    _, rows = articles(conn, Filters(province="thanh hoa"))
    assert {row["province"] for row in rows} == {"Thanh Hóa"}
    assert len(rows) == sum(r["province"] == "Thanh Hóa" for r in records)
    _, rows = articles(conn, Filters(since="2021-04-12", until="2021-04"))
    expected = {r["id"] for r in records
                if r["published"] and "2021-04-12" <= r["published"][:10] <= "2021-04-30"}
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
    row = next(r for r in rows if r["directive_id"] == "58-NQ/TW")
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
    assert "…" in table and hidden[:2] == ["url", "title"]
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
                            "qualifier", "is_target", "time", "sentence", "text", "field", "start", "end",
                            "measure", "source", "of"}
    assert {row["is_target"] for row in rows} <= {"true", "false"}
    assert main(["query", "articles", "--db", str(path), "--format", "json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 2 and {"id", "title", "url", "n_figures"} <= set(data[0])


def test_cli_table_and_a_missing_database(store, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = store
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["query", "directives", "--db", str(path), "--limit", "5"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].split()[:3] == ["directive_id", "kind", "issuer"]
    assert all(len(line) <= 100 for line in captured.out.splitlines())
    assert "5 directives" in captured.err
    assert main(["query", "figures", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err


@pytest.fixture
def attributed_db(tmp_path: Path) -> Path:
    """Three articles whose figures differ in source and measure (one repeats a word out of order)."""
    from tests.test_database import make_record, write_all

    said = [("Ông Đầu Thanh Tùng, Phó chủ tịch UBND tỉnh", "số giáo viên mầm non nghỉ hưu"),
            ("Ông Đầu Thanh Tùng, Phó chủ tịch UBND tỉnh", "đảng viên mới"),
            (None, "giáo viên nghỉ hưu")]
    records = []
    for i, (source, measure) in enumerate(said):
        record = make_record(i)
        record["figures"][0].update(source=source, measure=measure)
        records.append(record)
    records.append(make_record(3, text="Học sinh nghỉ hưu giáo viên không.", figures=[], entities=[]))
    write_all(tmp_path / DB_FILE, records)
    return tmp_path / DB_FILE


def test_source_and_measure_filter_figures_and_their_articles(attributed_db: Path) -> None:
    conn = open_readonly(str(attributed_db))
    _, rows = figures(conn, Filters(source="thanh tung", measure="GIAO vien"))  # case and marks folded
    found = [(int(row["article_id"], 16), row["measure"]) for row in rows]
    assert found == [(0, "số giáo viên mầm non nghỉ hưu")]
    assert all({"source", "subject", "measure", "of"} <= set(row) for row in rows)
    _, both = figures(conn, Filters(measure="nghi huu giao vien"))  # every word, in any order
    assert sorted(int(row["article_id"], 16) for row in both) == [0, 2]
    _, none = figures(conn, Filters(measure="giao vien khong co"))
    assert none == []  # every word must be in the measure
    _, found = articles(conn, Filters(source="thanh tung"))
    assert sorted(int(row["id"], 16) for row in found) == [0, 1]


def _usage_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Standard error of a command argparse refuses (exit status 2)."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("value", ["2020-13", "yesterday", "2021-02-30", "20201", "2020/04"])
def test_since_and_until_refuse_what_is_not_a_date(store, value: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = store
    for option in ("--since", "--until"):
        err = _usage_error(["query", "articles", "--db", str(path), option, value], capsys)
        assert f"argument {option}: {value!r} is not a date" in err and "2020-04-12" in err
    assert main(["query", "articles", "--db", str(path), "--since", "2021", "--until", "2020-12"]) == 2
    assert "--since 2021 is after --until 2020-12" in capsys.readouterr().err


def test_since_and_until_take_a_year_month_day_or_minute(store, capsys: pytest.CaptureFixture[str]) -> None:
    path, records = store
    for since in ("2021", "2021-04", "2021-04-12", "2021-04-12T06:35"):
        assert main(["query", "articles", "--db", str(path), "--since", since, "--format", "json"]) == 0
        found = {row["id"] for row in json.loads(capsys.readouterr().out)}
        assert found == {r["id"] for r in records if (r["published"] or "") >= since}, since


@pytest.mark.parametrize("value", ["99999999999999999999", "0", "-3", "ten"])
def test_limit_must_be_a_count_sqlite_can_hold(store, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = store
    err = _usage_error(["query", "figures", "--db", str(path), "--limit", value], capsys)
    assert "argument --limit:" in err and "Traceback" not in err


@pytest.fixture
def texts_db(tmp_path: Path) -> Path:
    """Three articles that tell a phrase from its words, and one tone from another."""
    from tests.test_database import make_record, write_all

    texts = ["Học phí năm học mới tăng ở nhiều trường.",
             "Học sinh được miễn phí sách giáo khoa.",
             "Ga Cát Linh mở cửa; người dân cắt giảm chi tiêu linh hoạt."]
    records = [make_record(i, text=text, entities=[], figures=[], dates=[], organizations=[], directives=[])
               for i, text in enumerate(texts)]
    write_all(tmp_path / DB_FILE, records)
    return tmp_path / DB_FILE


def _found(db: Path, text: str) -> list[int]:
    """Which of texts_db's articles a --text search finds."""
    return [int(row["id"], 16) for row in articles(open_readonly(str(db)), Filters(text=text))[1]]


def test_text_search_finds_a_quoted_phrase_not_its_words_anywhere(texts_db: Path) -> None:
    assert _found(texts_db, '"học phí"') == [0]
    assert _found(texts_db, "học phí") == [0, 1]  # unquoted: every word, anywhere
    assert _found(texts_db, '"HỌC PHÍ" "năm học"') == [0]  # case is ignored; phrases combine
    assert _found(texts_db, '"phí học"') == []  # a phrase keeps its order


def test_text_search_keeps_tone_marks(texts_db: Path) -> None:
    assert _found(texts_db, "Cát Linh") == [2]
    assert _found(texts_db, "cát linh hoạt") == [2]
    assert _found(texts_db, "cắt") == [2] and _found(texts_db, "cát") == [2]
    other = Path(str(texts_db) + "-2")
    from tests.test_database import make_record, write_all

    write_all(other, [make_record(0, text="Người dân cắt giảm chi tiêu linh hoạt.")])
    assert _found(other, "Cát Linh") == []  # "cắt" and "linh hoạt" are not "Cát Linh"
    assert _found(other, "cat") == []  # an unmarked word is another word


def test_text_search_reads_no_query_syntax_and_needs_a_word(texts_db: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _found(texts_db, "học OR sách") == []  # OR is a word here, not an operator
    assert _found(texts_db, "học* (phí)") == [0, 1]
    assert main(["query", "articles", "--db", str(texts_db), "--text", '"" ...']) == 2
    assert "no word to search for" in capsys.readouterr().err
    assert main(["query", "articles", "--db", str(texts_db), "--text", "hoc phi"]) == 0
    assert "tone marks count" in capsys.readouterr().err  # nothing found, and no mark typed: say why


def test_db_may_be_the_run_folder(store, capsys: pytest.CaptureFixture[str]) -> None:
    path, records = store
    assert main(["query", "articles", "--db", str(path.parent), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(records)


@pytest.mark.parametrize("content", [b"id,title\n1,a\n", b"\x00" * 4096, b""])
def test_a_file_that_is_not_a_vnie_database_gives_a_message(tmp_path: Path, content: bytes,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "records.csv"
    bad.write_bytes(content)
    assert main(["query", "figures", "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnie query: ") and "Traceback" not in err and "vnie run" in err
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    assert main(["query", "figures", "--db", str(other)]) == 2
    assert "not one vnie wrote" in capsys.readouterr().err


def test_figure_rows_carry_the_figure_as_written_and_its_offsets(store,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, records = store
    by_id = {r["id"]: r for r in records}
    for fmt in ("json", "jsonl"):
        assert main(["query", "figures", "--db", str(path), "--format", fmt]) == 0
        out = capsys.readouterr().out
        rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        assert len(rows) == sum(len(r["figures"]) for r in records)
        for row in rows:
            record = by_id[row["article_id"]]
            field = record["title"] if row["field"] == "title" else record["text"]
            assert field[row["start"]:row["end"]] == row["text"], row
    assert any(row["text"] == "3.650 đảng viên" and row["value"] == 3650 for row in rows)


def test_column_names_are_the_database_names_in_every_format(store,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = store
    stored = {t.name: {c.name for c in t.columns} for t in tables()}
    # counts a query computes are named for what they count
    homes = {"figures": stored["figures"] | stored["articles"], "articles": stored["articles"] | {"copies"},
             "directives": stored["directives"] | stored["articles"] | {"articles", "outlets", "stories"}}
    for what, home in homes.items():
        columns, _ = QUERIES[what](open_readonly(str(path)), Filters())
        assert set(columns) <= home, set(columns) - home
        main(["query", what, "--db", str(path), "--format", "csv"])
        assert next(csv.reader(io.StringIO(capsys.readouterr().out))) == columns
        main(["query", what, "--db", str(path), "--format", "json"])
        assert list(json.loads(capsys.readouterr().out)[0]) == columns
        _, rows = QUERIES[what](open_readonly(str(path)), Filters())
        table, hidden = format_table(columns, rows, 1000)
        # a table leaves out an optional column (source, of, qualifier) only when no row fills it
        shown = [c for c in columns if c not in OPTIONAL or any(row[c] not in (None, "") for row in rows)]
        assert table.splitlines()[0].split() == shown and hidden == []


def test_numbers_are_never_cut_and_read_as_vietnamese(store) -> None:
    path, _ = store
    columns, rows = figures(open_readonly(str(path)), Filters())
    values = [vi_number(row["value"]) for row in rows]
    assert "3.650" in values and "97,5" in values and "1.356" in values
    for width in range(60, 200, 7):
        table, hidden = format_table(columns, rows, width)
        lines = table.splitlines()[2:]
        if "value" not in hidden:
            start = table.splitlines()[0].index("value") + len("value")
            assert [line[:start].split()[-1] for line in lines] == values, width
        assert not re.search(r"\d…", table), width  # no number ends in a cut
        assert all(len(line) <= width for line in table.splitlines()), width


def test_cut_drops_a_number_whole() -> None:
    assert cut("gần 12.000 cán bộ", 9) == "gần…"
    assert cut("gần 12.000 cán bộ", 11) == "gần…"
    assert cut("gần 12.000 cán bộ", 12) == "gần 12.000 …"
    assert cut("gần 12.000 cán bộ", 14) == "gần 12.000 cá…"
    assert cut("Đảng bộ Khối hiện có", 10) == "Đảng bộ K…"  # words may be cut
    assert vi_number(1234567.25) == "1.234.567,25" and vi_number(3.26e20) == "326.000.000.000.000.000.000"


def test_an_older_database_is_read_with_a_note_on_its_search(texts_db: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_database import as_version_1

    as_version_1(texts_db)
    assert main(["query", "articles", "--db", str(texts_db), "--text", "cát", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1 and "written by an older vnie" in captured.err
    assert main(["query", "articles", "--db", str(texts_db), "--format", "json"]) == 0
    assert "older vnie" not in capsys.readouterr().err  # only a text search differs
