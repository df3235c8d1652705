"""The URL date shapes of rules/url_dates.yml: each example's date, none from its counter-examples."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.clean.lines import published_from
from pipeline.clean.url_dates import URL_DATES_SCHEMA, dates_in_path, url_date_shapes, url_published
from pipeline.cli import main
from pipeline.engine.stages import clean_stage
from pipeline.model import RawArticle, empty_record
from pipeline.rulebook import RulesError, activate, load_rules
from pipeline.settings import PACKAGED_RULES, Settings

THIS_YEAR = 2026


def _shapes() -> list[dict[str, Any]]:
    return load_rules("url_dates", URL_DATES_SCHEMA)["shapes"]


def _never() -> list[str]:
    return [e["term"] for e in load_rules("url_dates", URL_DATES_SCHEMA)["never"]]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param(e["path"], e["date"], id=f"{s['name']}-{e['path'][:30]}")
        for s in _shapes()
        for e in s["examples"]
    ],
)
def test_a_shape_reads_its_examples_date(path: str, expected: str) -> None:
    assert url_published(f"https://bao.example.vn{path}?utm=1#top", THIS_YEAR) == expected


@pytest.mark.parametrize(
    ("name", "path"),
    [pytest.param(s["name"], path, id=f"{s['name']}-{path[:30]}") for s in _shapes() for path in s["not"]],
)
def test_a_shape_reads_no_date_in_its_counter_examples(name: str, path: str) -> None:
    shape = next(shape for shape in url_date_shapes() if shape.name == name)
    assert dates_in_path(shape, path, THIS_YEAR) == set()


def test_a_year_after_the_runs_year_is_no_date() -> None:
    assert url_published("https://bao.example.vn/2031/01/02/slug", THIS_YEAR) is None


def test_two_different_dates_in_one_path_say_nothing() -> None:
    assert url_published("https://bao.example.vn/2020/10/09/lien-ket/2021/01/02/", THIS_YEAR) is None


def test_the_url_date_is_the_last_resort() -> None:
    url = "https://bao.example.vn/2020/10/09/slug.html"
    assert published_from([], None, url=url) == "2020-10-09"
    assert published_from([], "2020-10-11T08:00", url=url) == "2020-10-11T08:00"  # the page's own date wins
    assert published_from([], None, url="https://bao.example.vn/2024/12/861-slug") is None  # a month alone


def test_a_shape_that_reads_no_day_is_refused(tmp_path: Path) -> None:
    """A month alone is no `published` (a day or a time, spec section 1): no shape may lack `day`."""
    rules = tmp_path / "rules"
    shutil.copytree(PACKAGED_RULES, rules)
    month_only = ("  - name: ym-segments\n    gloss: a year and a month\n"
                  "    term: '/(?P<year>\\d{4})/(?P<month>\\d{1,2})/'\n    examples: []\n    not: []\n")
    shapes = rules / "url_dates.yml"
    shapes.write_text(shapes.read_text(encoding="utf-8").replace("shapes:\n", f"shapes:\n{month_only}", 1),
                      encoding="utf-8")
    activate(Settings(rules_dir=rules))
    try:
        with pytest.raises(RulesError, match=r"ym-segments lacks the group\(s\) \['day'\]"):
            url_published("https://bao.example.vn/2024/12/slug", THIS_YEAR)
    finally:
        activate(Settings())


@pytest.mark.parametrize(
    "path",
    [pytest.param(e["term"], id=e["term"][:30]) for e in load_rules("url_dates", URL_DATES_SCHEMA)["never"]],
)
def test_no_shape_reads_a_date_out_of_ids_or_headline_words(path: str) -> None:
    assert url_published(f"https://bao.example.vn{path}", THIS_YEAR) is None


def test_the_clean_stage_reads_the_url_date_only_when_the_run_settings_ask() -> None:
    text = "Lũ lớn ở miền Trung\n\nMưa lớn kéo dài nhiều ngày khiến nước sông dâng cao, nhiều xã bị ngập sâu."
    url = "https://bao.example.vn/2020/10/09/lu-lon.html"
    raw = RawArticle(path="page.txt", text=text, url=url, digest="d")
    published = {}
    for asked in (False, True):
        record = empty_record(raw)
        clean_stage(raw, record, Settings(url_dates=asked))
        published[asked] = record["published"]
    assert published == {False: None, True: "2020-10-09"}


def test_a_run_reads_the_url_date_only_when_asked(tmp_path: Path) -> None:
    page = {
        "url": "https://bao.example.vn/2020/10/09/lu-lon-o-mien-trung.html",
        "title": "Lũ lớn ở miền Trung",
        "content": "Mưa lớn kéo dài nhiều ngày khiến nước sông dâng cao, nhiều xã bị ngập sâu.",
    }
    (tmp_path / "pages.jsonl").write_text(json.dumps(page, ensure_ascii=False) + "\n", encoding="utf-8")
    published = {}
    for name, flags in (("off", []), ("on", ["--url-dates"])):
        assert main(["run", str(tmp_path / "pages.jsonl"), "-o", str(tmp_path / name), "-q", *flags]) == 0
        record = json.loads((tmp_path / name / "records.jsonl").read_text(encoding="utf-8"))
        published[name] = record["published"]
    assert published == {"off": None, "on": "2020-10-09"}
