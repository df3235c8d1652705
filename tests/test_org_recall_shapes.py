"""Names the organisation recall probe (bench/org_recall_probe.py) found missed on unannotated text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.org_recall_probe import probe
from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize(("text", "name"), [
    ("Ông Đoàn Nguyên Đức, Chủ tịch Công ty cổ phần Hoàng Anh Gia Lai công bố kết quả.",
     "Công ty cổ phần Hoàng Anh Gia Lai"),
    ("Đại diện Công ty TNHH MTV Phan Ngọc Wood tham dự.", "Công ty TNHH MTV Phan Ngọc Wood"),
    ("Công ty TNHH Trần Liên Hưng tự ứng cử tại Sóc Trăng.", "Công ty TNHH Trần Liên Hưng"),
])
def test_a_legal_form_keeps_the_founders_name_open(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_person_after_a_company_name_is_still_no_part_of_it() -> None:
    names = _names("Ông Nguyễn Văn A, giám đốc Công ty cổ phần Vinamilk Trần Văn B cho biết.")
    assert not any("Trần Văn B" in n for n in names)


@pytest.mark.parametrize(("text", "name"), [
    ("Ban Chỉ đạo phòng chống dịch Covid-19 tỉnh Hà Nam yêu cầu các đơn vị.",
     "Ban Chỉ đạo phòng chống dịch Covid-19 tỉnh Hà Nam"),
    ("Ban chỉ đạo phòng, chống dịch COVID-19 huyện Hớn Quản cho biết.",
     "Ban chỉ đạo phòng, chống dịch COVID-19 huyện Hớn Quản"),
    ("Ban Chỉ đạo phòng, chống tham nhũng tỉnh Hà Nam họp.",
     "Ban Chỉ đạo phòng, chống tham nhũng tỉnh Hà Nam"),
])
def test_a_described_head_reads_a_named_object_then_its_place(text: str, name: str) -> None:
    assert name in _names(text)


def test_an_object_with_no_place_after_it_ends_no_description() -> None:
    assert _names("Ban Chỉ đạo yêu cầu Sở Y tế tỉnh Hà Nam báo cáo.") == ["Sở Y tế tỉnh Hà Nam"]
    assert not _names("Ban chỉ đạo phòng, chống dịch, lực lượng biên phòng tham gia.")


def _record(text: str, orgs: list[tuple[int, int]]) -> dict:
    mentions = [{"start": s, "end": e, "field": "text"} for s, e in orgs]
    return {"text": text, "organizations": [{"mentions": mentions}] if mentions else []}


def test_the_probe_counts_an_uncovered_head_by_its_shape() -> None:
    text = "Hôm qua, Sở Tài chính và Bộ trưởng Bộ Y tế họp với Trường THCS Hải Thanh."
    start = text.index("Bộ Y tế")
    counts, uncovered = probe(iter([("r1", _record(text, [(start, start + len("Bộ Y tế"))]))]))
    assert counts[("cap:capital", "organizations")] == 1  # "Bộ Y tế"; "Bộ trưởng" is a title, no head
    assert counts[("cap:capital", "none")] == 1  # "Sở Tài chính"
    assert counts[("cap:acronym", "none")] == 1  # "Trường THCS"
    assert [name for _, _, name, _ in uncovered["cap:capital"]] == ["Sở Tài"]


def test_the_probe_refuses_the_score_only_half(tmp_path: Path) -> None:
    from bench.probe_sources import refuse_heldout

    path = tmp_path / "extraction-test9.jsonl"
    path.write_text(json.dumps({"text": ""}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        refuse_heldout([str(path)])


@pytest.mark.parametrize(("text", "name"), [
    ("Chiều 27/4, Hội đồng bầu cử quốc gia tổ chức họp báo công bố danh sách.", "Hội đồng bầu cử quốc gia"),
    ("Ông cho biết Ban chỉ đạo phòng chống lụt bão trung ương đã họp.",
     "Ban chỉ đạo phòng chống lụt bão trung ương"),
])
def test_a_level_closes_an_open_heads_description_as_a_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_level_right_after_the_head_is_no_description() -> None:
    assert not _names("Ủy ban quốc gia đã họp.")
