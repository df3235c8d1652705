"""Queries by province: any written form finds the province, across the Huế renaming and the 2025 merger;
the figures-by-province-and-year view counts a story once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.store.query import Filters, articles, open_readonly, province_names
from pipeline.store.sqlite import DB_FILE
from tests.test_database import make_record, write_all

PLACES = [  # (province as of the date, province_2025, published)
    ("Thừa Thiên Huế", "Huế", "2020-10-01"), ("Huế", "Huế", "2025-03-01"),
    ("Hồ Chí Minh", "Hồ Chí Minh", "2021-04-12"),
    ("Ninh Thuận", "Khánh Hòa", "2021-04-12"), ("Khánh Hòa", "Khánh Hòa", "2021-05-02"),
    ("Khánh Hòa", "Khánh Hòa", "2025-08-01"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("provinces") / DB_FILE
    write_all(path, [make_record(i, province=p, province_2025=p25, published=d)
                     for i, (p, p25, d) in enumerate(PLACES)])
    return path


def _found(path: Path, **filters: str) -> set[str]:
    rows = articles(open_readonly(str(path)), Filters(**filters))[1]
    return {(row["province"], row["published"]) for row in rows}


def test_hue_and_thua_thien_hue_find_the_same_articles(store: Path) -> None:
    both = {("Thừa Thiên Huế", "2020-10-01"), ("Huế", "2025-03-01")}
    assert _found(store, province="Huế") == _found(store, province="Thừa Thiên Huế") == both
    assert _found(store, province="hue") == _found(store, province="TT-Huế") == both


@pytest.mark.parametrize("written", ["TP.HCM", "TP Hồ Chí Minh", "Sài Gòn", "tp hcm", "Hồ Chí Minh"])
def test_every_form_of_ho_chi_minh_city_works(store: Path, written: str) -> None:
    assert _found(store, province=written) == {("Hồ Chí Minh", "2021-04-12")}


def test_the_2025_province_holds_what_merged_into_it(store: Path) -> None:
    merged = {("Ninh Thuận", "2021-04-12"), ("Khánh Hòa", "2021-05-02"), ("Khánh Hòa", "2025-08-01")}
    assert _found(store, province_2025="Khánh Hòa") == _found(store, province_2025="Ninh Thuận") == merged
    assert _found(store, province="Khánh Hòa") == merged - {("Ninh Thuận", "2021-04-12")}
    assert province_names("Ninh Thuận", after_merger=True) == ["Khánh Hòa"]
    assert province_names("Narnia") == ["Narnia"]  # unknown values are compared as given


def test_the_command_line_takes_both_filters(store: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["query", "articles", "--db", str(store), "--province", "Huế", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    command = ["query", "articles", "--db", str(store), "--province-2025", "Khánh Hòa", "--format", "csv"]
    assert main(command) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1 + 3


def test_figures_by_province_and_year_count_each_figure_once(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE
    place = {"province": "Ninh Thuận", "province_2025": "Khánh Hòa", "story_id": f"{1:016x}"}
    original = make_record(1, **place, original=True)
    copy = make_record(2, **place, original=False, figures=original["figures"])  # the same figure again
    other = make_record(3, province="Khánh Hòa", province_2025="Khánh Hòa", published="2025-08-01")
    write_all(path, [original, copy, other])
    rows = [dict(r) for r in open_readonly(str(path)).execute(
        "SELECT * FROM figures_by_province_year ORDER BY year, province")]
    assert rows == [
        {"province": "Ninh Thuận", "province_2025": "Khánh Hòa", "year": "2021", "figures": 1, "targets": 0,
         "stories": 1, "articles": 1},
        {"province": "Khánh Hòa", "province_2025": "Khánh Hòa", "year": "2025", "figures": 1, "targets": 0,
         "stories": 1, "articles": 1},
    ]


def test_datasette_serves_the_view_and_the_organisations(store: Path) -> None:
    from pipeline.store.serve import make_datasette
    from tests.test_serve import _get

    ds = make_datasette(store)
    rows = _get(ds, "/vnie/figures_by_province_and_year.json?_shape=array").json()
    assert {(r["province_2025"], r["year"]) for r in rows} >= {("Khánh Hòa", "2021"), ("Huế", "2020")}
    assert _get(ds, "/vnie/figures_by_province_year.json?_shape=array").status_code == 200
    organisations = _get(ds, "/vnie/organisations.json?_shape=array").json()
    assert organisations and {"canonical", "stories", "mentions", "written"} <= set(organisations[0])
