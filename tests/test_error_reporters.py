"""The per-passage error reporters of `bench/`, end to end on a made-up gold file of two passages.

Each gold passage names one item the text does not hold (always missed) and leaves out one the text
plainly holds (an extra while the extractors find it), so the reporters' MISSED and EXTRA lines are
known; the second passage's dates and names are all right, so it is not listed for them.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.bench_scripts import load_bench_script

COUNCIL = "https://made-up.example/ke-hoach"
FARMERS = "https://made-up.example/hoi-nong-dan"
PASSAGES = [
    {
        "key": {"url": COUNCIL},
        "text": "Thực hiện Chỉ thị số 22/CT-TW ngày 23/01/2018 của Ban Bí thư Trung ương Đảng, "
        "UBND tỉnh Lạng Sơn ban hành Kế hoạch số 45/KH-UBND ngày 19/3/2018 "
        "về tổ chức hội nghị tại huyện Cao Lộc.",
        # 99/QĐ-UBND, 31/12/2018 and Sở Tài chính are not in the text; 45/KH-UBND, 19/3/2018 and the
        # UBND are left out of the gold
        "directives": [
            {"id": "22-CT/TW", "text": "Chỉ thị số 22/CT-TW"},
            {"id": "99/QĐ-UBND", "text": "99/QĐ-UBND"},
        ],
        "dates": [
            {"value": "2018-01-23", "text": "ngày 23/01/2018", "inferred": False},
            {"value": "2018-12-31", "text": "ngày 31/12/2018", "inferred": False},
        ],
        "figures": [],
        "organizations": ["Ban Bí thư Trung ương Đảng", "Sở Tài chính"],
        "locations": ["Cao Lộc"],
        "people": [],
    },
    {
        "key": {"url": FARMERS},
        "text": "Năm 2020, Hội Nông dân tỉnh Lạng Sơn đã kết nạp 500 hội viên mới. Ông Nguyễn Văn An, "
        "Chủ tịch Hội, cho biết tháng 5/2021 sẽ tổng kết.",
        "directives": [],
        "dates": [
            {"value": "2020", "text": "Năm 2020", "inferred": False},
            {"value": "2021-05", "text": "tháng 5/2021", "inferred": False},
        ],
        # the figure's gold time is wrong on purpose (the text says 2020): a year against a year;
        # the 7 communes are not in the text
        "figures": [
            {
                "text": "500 hội viên",
                "value": 500,
                "unit": "hội viên",
                "subject": "Hội Nông dân tỉnh Lạng Sơn",
                "time": "2019",
                "source": None,
            },
            {"text": "7 xã", "value": 7, "unit": "xã", "subject": None, "time": None, "source": None},
        ],
        "organizations": ["Hội Nông dân tỉnh Lạng Sơn"],
        "locations": [],
        "people": ["Nguyễn Văn An"],
    },
]


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The two passages as a held-out-like dev file."""
    path = tmp_path_factory.mktemp("gold") / "extraction-dev-made-up.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PASSAGES), encoding="utf-8")
    return str(path)


def _run(
    script: str, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    """What `python bench/<script>.py ARGV` prints."""
    monkeypatch.setattr(sys, "argv", [f"{script}.py", *argv])
    load_bench_script(script).main()
    return capsys.readouterr().out


def _lines(out: str) -> list[str]:
    return [" ".join(line.split()) for line in out.splitlines()]


def test_directive_errors_lists_the_missed_and_the_extra_id(gold_file, monkeypatch, capsys) -> None:
    lines = _lines(_run("directive_errors", [gold_file], monkeypatch, capsys))
    assert f"== {COUNCIL}" in lines and f"== {FARMERS}" not in lines
    assert any(line.startswith("MISSED 99/QĐ-UBND") for line in lines)
    assert any(line.startswith("EXTRA 45/KH-UBND") for line in lines)
    assert not any("22-CT/TW" in line for line in lines)
    assert lines[-1] == "{'missed': 1, 'extra': 1, 'matched': 1}"


def test_date_errors_lists_passages_and_classes(gold_file, monkeypatch, capsys) -> None:
    lines = _lines(_run("date_errors", [gold_file], monkeypatch, capsys))
    assert f"== {COUNCIL} published=None" in lines and not any(FARMERS in line for line in lines)
    assert "MISSED 2018-12-31 'ngày 31/12/2018' inferred=False" in lines
    assert any(line.startswith("EXTRA 2018-03-19 'ngày 19/3/2018'") for line in lines)
    assert lines[-1] == "{'missed': 1, 'extra': 1, 'matched': 3}"
    classes = _lines(_run("date_errors", ["--classes", gold_file], monkeypatch, capsys))
    assert "other 1 1 1" in classes  # one miss and one extra, from one file


def test_passage_errors_lists_the_missed_figure(gold_file, monkeypatch, capsys) -> None:
    lines = _lines(_run("passage_errors", [gold_file, "figures"], monkeypatch, capsys))
    assert f"== {FARMERS}" in lines and f"== {COUNCIL}" not in lines
    assert "MISSED 7 xã '7 xã'" in lines
    assert lines[-1] == "{'missed': 1, 'extra': 0, 'matched': 1}"


def test_passage_errors_refuses_a_test_file(monkeypatch, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        _run("passage_errors", ["tests/heldout/extraction-test3.jsonl", "dates"], monkeypatch, capsys)
    assert "score only" in str(stopped.value)


def test_name_errors_lists_the_missed_and_the_extra_name(gold_file, monkeypatch, capsys) -> None:
    out = _run("name_errors", [gold_file, "--kind", "organizations", "--context", "10"], monkeypatch, capsys)
    lines = _lines(out)
    assert f"# {PASSAGES[0]['key']}" in lines and f"# {PASSAGES[1]['key']}" not in lines
    assert "orga MISS sở tài chính" in lines
    assert any(line.startswith("orga EXTRA ubnd tỉnh lạng sơn | ") for line in lines)
    assert not any("ban bí thư" in line for line in lines)


def test_time_error_shapes_counts_the_wrong_year(gold_file, monkeypatch, capsys) -> None:
    lines = _lines(_run("time_error_shapes", [gold_file, "--show", "Y,Y"], monkeypatch, capsys))
    assert any(line.startswith(FARMERS) and "gold='2019' sys='2020'" in line for line in lines)
    assert "matched 1; wrong 1" in lines
    assert "gold Y sys Y: 1 figures on 1 passages" in lines


def test_time_error_shapes_names_the_shapes() -> None:
    shape = load_bench_script("time_error_shapes").shape
    assert [shape(v) for v in (None, "2020", "2020-05", "2018/2020", "2020-01/2020-06", "2020/..")] == [
        "null",
        "Y",
        "M",
        "Yspan",
        "Mspan",
        "open",
    ]


def test_subject_error_shapes_tallies_the_agreeing_name(gold_file, monkeypatch, capsys) -> None:
    lines = _lines(_run("subject_error_shapes", [gold_file], monkeypatch, capsys))
    assert "matched 1; wrong 0" in lines
    assert "agree, gold name: 1 figures on 1 hosts" in lines


def test_subject_error_shapes_names_the_shapes() -> None:
    shape = load_bench_script("subject_error_shapes").shape
    province = {"locations": [{"name": "Lạng Sơn", "level": "province"}]}
    values = (None, "toàn tỉnh", "tỉnh nhà", "huyện", "các cấp hội", "Hội Nông dân tỉnh Lạng Sơn")
    assert [shape(v, province) for v in values] == [
        "null",
        "level-named",
        "level-named",
        "level-unnamed",
        "group",
        "name",
    ]


def test_subject_error_shapes_refuses_a_test_file(monkeypatch, capsys) -> None:
    with pytest.raises(SystemExit):
        _run("subject_error_shapes", ["tests/heldout/extraction-test3.jsonl"], monkeypatch, capsys)


def test_org_extra_shapes_tells_conventions_from_extents() -> None:
    shape = load_bench_script("org_extra_shapes").shape
    golds = ["ủy ban dân tộc", "hội nông dân tỉnh lạng sơn"]
    assert shape("đảng", golds, ["chính sách của "]) == "party"
    assert shape("đảng bộ tỉnh", golds, ["thực hiện nghị quyết đại hội "]) == "congress"
    assert shape("tỉnh ủy", golds, ["ông nguyễn văn an, bí thư "]) == "title"
    assert shape("ủy ban dân tộc tổng hợp", golds, ["gửi "]) == "longer"
    assert shape("hội nông dân", golds, ["năm nay, "]) == "shorter"
    assert shape("hội cựu chiến binh huyện", golds, ["năm nay, "]) == "bare-level"
    assert shape("trung tâm thương mại satra", golds, ["tại "]) == "other"
    # containment is word for word: a name ending inside a gold name's word is not that name cut short
    assert shape("ủy ban dân tộ", golds, [""]) == "other"
