"""bench/check_gold.py: the shape check of a new held-out batch, on short made-up records."""

import copy
import json
from pathlib import Path

import pytest

from tests.bench_scripts import load_bench_script

check_gold = load_bench_script("check_gold")

PASSAGE = {
    "key": {"url": "https://xa-a.gov.vn/tin/1"},
    "host": "xa-a.gov.vn",
    "published": "2024-05-17T08:30",
    "title": "Xã A kết nạp 12 đảng viên",
    "notes": "",
    "lines": [
        {"text": "Năm 2023, Đảng bộ xã A kết nạp 12 đảng viên theo Chỉ thị 05-CT/TW.", "class": "body"}
    ],
    "directives": [{"id": "05-CT/TW", "text": "Chỉ thị 05-CT/TW"}],
    "figures": [
        {
            "value": 12,
            "unit": "đảng viên",
            "text": "12 đảng viên",
            "qualifier": None,
            "is_target": False,
            "of": None,
            "measure": "đảng viên",
            "subject": "Đảng bộ xã A",
            "time": "2023",
            "source": None,
        }
    ],
    "dates": [{"value": "2023", "text": "Năm 2023", "inferred": False}],
    "organizations": ["Đảng bộ xã A"],
    "people": [],
    "locations": [{"name": "A", "level": "commune"}],
}
PAGE = {
    "key": {"url": "https://truong-b.edu.vn/bai/2"},
    "host": "truong-b.edu.vn",
    "query": "q",
    "title": "Lễ khai giảng",
    "published": "2024-09",
    "authors": ["Minh Anh"],
    "tail_composed": True,
    "notes": "",
    "top": [{"text": "Lễ khai giảng", "class": "title"}, {"text": "Minh Anh", "class": "meta"}],
    "tail": [{"text": "Tin liên quan", "class": "boilerplate"}],
}


def _write(path: Path, *records) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def _changed(record: dict, **fields) -> dict:
    changed = copy.deepcopy(record)
    changed.update(fields)
    return changed


def _problems(tmp_path: Path, name: str, *records, heldout: tuple = ()) -> list[tuple[int, str]]:
    path = _write(tmp_path / name, *records)
    return [(p.line, p.check) for p in check_gold.check([path], list(heldout))]


def test_a_well_shaped_passage_and_page_pass(tmp_path):
    assert _problems(tmp_path, "extraction-batch.jsonl", PASSAGE) == []
    assert _problems(tmp_path, "cleaning-batch.jsonl", PAGE) == []


@pytest.mark.parametrize(
    "record, check",
    [
        ("{not json", "json"),
        (_changed(PASSAGE, directives=[{"id": "05-CT/TW", "text": "Chỉ thị 5"}]), "verbatim"),
        (_changed(PASSAGE, dates=[{"value": "năm 2023", "text": "Năm 2023"}]), "iso"),
        (_changed(PASSAGE, dates=[{"value": "2023-02-30", "text": "Năm 2023"}]), "iso"),
        (_changed(PASSAGE, published="17/5/2024"), "iso"),
        (_changed(PASSAGE, host="xa-b.gov.vn"), "host"),
        (_changed(PASSAGE, lines=[{"text": "Năm 2023, ... 12 đảng viên", "class": "lead"}]), "lines"),
        (_changed(PASSAGE, figures=[{"value": 12, "unit": "đảng viên", "text": "12 đảng viên"}]), "missing"),
        (_changed(PASSAGE, organisations=[]), "unknown"),
    ],
)
def test_each_problem_is_named_on_its_line(tmp_path, record, check):
    assert (2, check) in _problems(
        tmp_path,
        "extraction-batch.jsonl",
        PASSAGE | {"key": {"url": "https://c.vn/"}} | {"host": "c.vn"},
        record,
    )


@pytest.mark.parametrize("value", ["2016/..", "2017-01/2017-09", "2021-04-12T06:35", "2016/2020"])
def test_section_5_shapes_are_iso(value):
    assert check_gold.is_iso_date(value)


def test_a_url_already_held_out_and_a_second_page_of_a_domain(tmp_path):
    held = _write(
        tmp_path / "cleaning-dev9.jsonl", _changed(PAGE, key={"url": "http://www.xa-a.gov.vn/tin/1/"})
    )
    other = _changed(PASSAGE, key={"url": "https://xa-a.gov.vn/tin/2"})
    assert _problems(tmp_path, "extraction-batch.jsonl", PASSAGE, other, heldout=(held,)) == [
        (1, "repeat"),
        (2, "domain"),
    ]


def test_a_test_file_is_checked_only_quietly(tmp_path, capsys):
    path = str(_write(tmp_path / "extraction-test99.jsonl", _changed(PASSAGE, published="mai")))
    with pytest.raises(SystemExit):
        check_gold.main([path, "--heldout", str(tmp_path)])
    assert check_gold.main([path, "--quiet", "--heldout", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.strip() == "1 problems in 1 files (iso 1)" and "mai" not in out
