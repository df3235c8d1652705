"""An acronym in brackets inside a name, the name going on after it (org_name_ends, org_acronym_frames)."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document
from tests.bench_scripts import load_bench_script

frames = load_bench_script("org_acronym_frames")


def _orgs(text: str) -> dict[str, list[str]]:
    found = extract(build_document(text=text)).get("organizations", [])
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in found}


@pytest.mark.parametrize("written, name", [
    ("Ủy ban bầu cử (UBBC) tỉnh Điện Biên", "Ủy ban bầu cử tỉnh Điện Biên"),
    ("Hội cựu chiến binh (HCCB) xã Chi Lăng Bắc", "Hội cựu chiến binh xã Chi Lăng Bắc"),
    ("Ngân hàng chính sách xã hội (NHCSXH) thị xã Bến Cát", "Ngân hàng chính sách xã hội thị xã Bến Cát"),
])
def test_lower_case_words_before_the_acronym_stay_in_the_name_that_goes_on(written: str, name: str) -> None:
    orgs = _orgs(f"Hôm qua, {written} đã tổ chức hội nghị.")
    assert orgs.get(name) == [written]  # the mention is the text it spans, bracket and all


def test_the_short_form_with_its_place_later_is_the_same_body() -> None:
    orgs = _orgs("Hôm qua, Ủy ban bầu cử (UBBC) tỉnh Điện Biên đã họp. Sau đó, UBBC tỉnh kiểm tra.")
    assert orgs == {"Ủy ban bầu cử tỉnh Điện Biên": ["Ủy ban bầu cử (UBBC) tỉnh Điện Biên", "UBBC tỉnh"]}


def test_a_verb_after_the_acronym_still_ends_the_lower_case_words() -> None:
    assert "Cục Quản lý thị trường" in _orgs("Hôm qua, Cục Quản lý thị trường (QLTT) cho biết sẽ kiểm tra.")


def test_acronym_names_put_the_initials_before_a_real_place_only() -> None:
    names = [("dev", "Hội Nông dân tỉnh Bắc Ninh"), ("dev", "Thông tấn xã Việt Nam"),
             ("dev", "UBND tỉnh Nghệ An"), ("dev", "Ủy ban bầu cử tỉnh Điện Biên")]
    assert frames.acronym_names(names) == [
        ("dev", "Hội Nông dân tỉnh Bắc Ninh", "Hội Nông dân (HND) tỉnh Bắc Ninh", "HND tỉnh Bắc Ninh"),
        ("dev", "Ủy ban bầu cử tỉnh Điện Biên", "Ủy ban bầu cử (UBBC) tỉnh Điện Biên", "UBBC tỉnh Điện Biên"),
    ]


@pytest.mark.parametrize("text, body, acronym", [
    ("Đại hội Đảng bộ Tập đoàn Công nghiệp Cao su Việt Nam (VRG) khai mạc. VRG có 81.000 lao động.",
     "Tập đoàn Công nghiệp Cao su Việt Nam", "VRG"),
    ("Đoàn thanh niên Tổng công ty Điện lực miền Trung (EVN CPC) ra quân. Thanh niên EVN CPC làm đường.",
     "Tổng công ty Điện lực miền Trung", "EVN CPC"),
])
def test_an_acronym_of_a_body_inside_a_longer_name_takes_its_long_form(text: str, body: str, acronym: str,
                                                                     ) -> None:
    """The long form stands only inside the Party or Youth unit's name; the acronym alone is the body (spec 6:
    `name` is the long form; extraction-dev22, dev25 on three hosts)."""
    orgs = _orgs(text)
    assert acronym not in orgs
    assert set(orgs[body]) == {acronym}


def test_an_acronym_nobody_defines_keeps_its_letters() -> None:
    assert _orgs("Hôm qua, Đảng bộ Tập đoàn VNPT họp. VNPT cho biết sẽ đầu tư.").get("VNPT") == ["VNPT"]
