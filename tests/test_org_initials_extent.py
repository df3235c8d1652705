"""A name cut short before a bracketed acronym runs to the bracket when the initials spell it
(org_definitions.extend_to_initials)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _orgs(text: str) -> dict[str, list[str]]:
    found = extract(build_document(text=text)).get("organizations", [])
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in found}


@pytest.mark.parametrize("name, acronym", [
    ("Đảng ủy Khối cơ quan", "ĐUKCQ"),
    ("Hội Bảo trợ người khuyết tật và trẻ mồ côi", "HBTNKTVTMC"),
    ("Hội Bảo trợ người khuyết tật và trẻ mồ côi tỉnh", "HBTNKTVTMC"),  # the level word not spelt
    ("Hội Bảo trợ người khuyết tật và trẻ mồ côi tỉnh", "HBTNKTVTMCT"),  # or spelt
])
def test_initials_that_spell_the_words_to_the_bracket_extend_the_name(name: str, acronym: str) -> None:
    orgs = _orgs(f"Hôm qua, {name} ({acronym}) đã tổ chức hội nghị. Sau đó {acronym} kiểm tra.")
    assert orgs.get(name) == [name, acronym, acronym]


@pytest.mark.parametrize("name, acronym", [
    ("Hội Bảo trợ người khuyết tật", "HBTNKTTMC"),  # letters left over: no match
    ("Đảng ủy Khối cơ quan", "ĐUKQ"),  # a word the initials skip
])
def test_initials_that_do_not_spell_the_words_leave_the_name(name: str, acronym: str) -> None:
    orgs = _orgs(f"Hôm qua, {name} ({acronym}) đã tổ chức hội nghị.")
    assert name not in orgs


def test_initials_of_the_last_words_only_keep_the_longer_name() -> None:
    orgs = _orgs("Hôm qua, Ban quản lý các Khu công nghiệp (KCN) đã tổ chức hội nghị.")
    assert "Ban quản lý các Khu công nghiệp" in orgs and "Khu công nghiệp" not in orgs


def test_the_after_frames_take_plain_names_with_a_lower_case_word() -> None:
    from tests.bench_scripts import load_bench_script

    frames = load_bench_script("org_acronym_frames")
    cases = frames.after_names([("dev", "Đảng ủy Khối cơ quan"), ("dev", "Bộ Công Thương"),
                                ("dev", "Công ty TNHH An Phát"), ("dev", "Chi bộ")])
    assert cases == [("dev", "Đảng ủy Khối cơ quan", "ĐUKCQ")]


def test_a_name_on_an_open_end_at_the_bracket_takes_its_initials() -> None:
    orgs = _orgs("Hôm qua, Hội Nông dân tỉnh (HNDT) đã tổ chức hội nghị. Sau đó HNDT kiểm tra.")
    assert orgs.get("Hội Nông dân tỉnh") == ["Hội Nông dân tỉnh", "HNDT", "HNDT"]
