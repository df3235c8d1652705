"""Canonical organisation names: acronyms expanded, places written in full and completed only when certain."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from pipeline.extract import build_document, extract
from pipeline.extract.canonical import (
    PlaceContext,
    canonical_name,
    place_context,
)
from pipeline.extract.fullest import at_fullest
from pipeline.extract.province import province_fields
from pipeline.rulebook import load_examples
from pipeline.text import name_key

EXAMPLES = load_examples("org_canonical")


def organisations(text: str, published: str = "2021-04-12", outlet: str | None = None,
                  title: str = "") -> list[dict[str, Any]]:
    """The organisations of a text as the pipeline builds them: province first, then extraction."""
    record = {"title": title, "text": text, "published": published, "source": {"outlet": outlet}}
    fields = province_fields(record)
    doc = build_document(text, title=title or None, published=published, outlet=outlet,
                         province=fields["province"])
    return extract(doc)["organizations"]


@pytest.mark.parametrize("example", EXAMPLES["positive"], ids=lambda e: e["text"][:40])
def test_positive_example(example: dict[str, Any]) -> None:
    found = {o["name"]: o["canonical"] for o in organisations(example["text"], EXAMPLES["reference_date"],
                                                                title=example.get("title", ""))}
    for expected in example["expect"]:
        assert found.get(expected["name"]) == expected["canonical"], f"{expected} not in {found}"


def test_every_organisation_has_a_canonical_name_and_keeps_its_name(gold_run) -> None:
    records, _ = gold_run
    orgs = [o for r in records for o in r["organizations"]]
    assert len(orgs) > 50
    for org in orgs:
        assert org["canonical"] and next(iter(org)) == "name"
    seed_names = {o["name"]: o["canonical"] for r in records for o in r["organizations"]}
    assert any(name != canonical for name, canonical in seed_names.items())


def test_no_two_canonical_names_differ_only_in_case_tones_or_spacing(gold_run) -> None:
    records, _ = gold_run
    written: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for org in record["organizations"]:
            written[name_key(org["canonical"])].add(org["canonical"])
    assert [forms for forms in written.values() if len(forms) > 1] == []


@pytest.mark.parametrize(("written", "canonical"), [
    ("trường Đại học Tôn Đức Thắng", "Trường Đại học Tôn Đức Thắng"),
    ("Tổng Công ty Điện lực TP.HCM", "Tổng công ty Điện lực Thành phố Hồ Chí Minh"),
    ("Đảng ủy khối Các cơ quan", "Đảng ủy Khối Các cơ quan"), ("Bộ Công An", "Bộ Công an"),
    ("Tập đoàn Công nghiệp- Viễn thông Quân đội", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
    ("Hội đồng Quản trị", "Hội đồng quản trị"), ("Mercedes-Benz", "Mercedes-Benz"),
    ("tuyensinh.ulsa.edu.vn", "tuyensinh.ulsa.edu.vn"),
])
def test_case_and_spacing_of_heads_are_one_form(written: str, canonical: str) -> None:
    assert canonical_name(written) == canonical


@pytest.mark.parametrize("written", ["Bộ GD&ĐT", "Bộ GD& ĐT", "Bộ GD &ĐT", "Bộ GD - ĐT", "Bộ GD-ĐT",
                                     "Bộ GDĐT"])
def test_an_acronym_spaced_around_its_joint_is_one_acronym(written: str) -> None:
    assert canonical_name(written) == "Bộ Giáo dục và Đào tạo"


def test_a_spaced_dash_between_places_stays_a_spaced_dash() -> None:
    assert canonical_name("UBND tỉnh Bà Rịa- Vũng Tàu") == "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"


def test_numbered_districts_get_their_city() -> None:
    assert canonical_name("UBND quận 3") == "Ủy ban nhân dân quận 3, Thành phố Hồ Chí Minh"
    assert canonical_name("UBND huyện 3") == "Ủy ban nhân dân huyện 3"  # no such unit: left as written


def test_an_open_bloc_name_takes_the_one_bloc_of_the_article() -> None:
    one = ["Đảng ủy Khối", "Đảng bộ Khối Các cơ quan tỉnh Quảng Bình", "Bộ Chính trị"]
    assert at_fullest(one[0], one) == "Đảng ủy Khối Các cơ quan tỉnh Quảng Bình"
    two = ["Đảng ủy Khối", "Đảng bộ Khối Các cơ quan tỉnh", "Đảng bộ Khối Doanh nghiệp tỉnh"]
    assert at_fullest(two[0], two) == "Đảng ủy Khối"


@pytest.mark.parametrize("written", [
    "UBND tỉnh Ninh Thuận", "Ủy ban Nhân dân tỉnh Ninh Thuận", "Uỷ ban nhân dân Tỉnh Ninh Thuận",
    "UBND Tỉnh Ninh Thuận", "Ủy ban nhân dân  tỉnh  Ninh Thuận",
])
def test_written_variants_of_one_body_have_one_canonical_name(written: str) -> None:
    assert canonical_name(written) == "Ủy ban nhân dân tỉnh Ninh Thuận"


@pytest.mark.parametrize("written", ["UBND tỉnh", "Sở Y tế", "UBND huyện", "Tỉnh ủy", "Bộ GD&ĐT",
                                     "UBND TP Hà Nội", "Trung tâm Y tế huyện Lý Nhân", "Công an Thái Bình"])
def test_a_canonical_name_is_its_own_canonical_name(written: str) -> None:
    context = PlaceContext(province="Ninh Thuận", named={"huyện": {"Ninh Hải"}})
    once = canonical_name(written, context)
    assert canonical_name(once, context) == once


def test_an_outlet_province_completes_even_with_a_passing_mention_of_another() -> None:
    text = "UBND tỉnh họp với đoàn công tác. Sở Y tế báo cáo. Đoàn đến từ TP.HCM."
    found = {o["name"]: o["canonical"] for o in organisations(text, outlet="baoninhthuan.com.vn")}
    assert found["UBND tỉnh"] == "Ủy ban nhân dân tỉnh Ninh Thuận"
    assert found["Sở Y tế"] == "Sở Y tế tỉnh Ninh Thuận"
    elsewhere = "UBND tỉnh Bình Thuận họp. UBND tỉnh Bình Thuận chỉ đạo Sở Y tế. Tỉnh Bình Thuận có 10 huyện."
    found = {o["name"]: o["canonical"] for o in organisations(elsewhere, outlet="baoninhthuan.com.vn")}
    assert found["Sở Y tế"] == "Sở Y tế"  # a Ninh Thuận outlet writing about Bình Thuận: not certain


def test_places_follow_the_article_date() -> None:
    text = "UBND TP Huế họp. Thành phố Huế đẹp."
    hue_2020 = {o["name"]: o["canonical"] for o in organisations(text, published="2020-10-01")}
    hue_2025 = {o["name"]: o["canonical"] for o in organisations(text, published="2025-03-01")}
    assert hue_2020["UBND TP Huế"] == "Ủy ban nhân dân thành phố Huế"  # a provincial city then
    assert hue_2025["UBND TP Huế"] == "Ủy ban nhân dân thành phố Huế"  # the centrally-run city now
    assert canonical_name("UBND tỉnh Thừa Thiên Huế", PlaceContext(date="2025-03-01")) == \
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế"  # a body named as written, not renamed
    merged = "UBND tỉnh chỉ đạo. Sở Y tế báo cáo."
    found = {o["name"]: o["canonical"] for o in organisations(merged, published="2025-08-01",
                                                                outlet="baoninhthuan.com.vn")}
    assert found["UBND tỉnh"] == "Ủy ban nhân dân tỉnh Khánh Hòa"  # Ninh Thuận is in Khánh Hòa since July


def test_two_units_of_a_level_leave_a_bare_one_open() -> None:
    context = PlaceContext(province="Bến Tre", named={"huyện": {"Chợ Lách", "Mỏ Cày Bắc"}})
    assert canonical_name("UBND huyện", context) == "Ủy ban nhân dân huyện"
    one = PlaceContext(province="Bến Tre", named={"huyện": {"Chợ Lách"}})
    assert canonical_name("UBND huyện", one) == "Ủy ban nhân dân huyện Chợ Lách, tỉnh Bến Tre"


def test_the_context_reads_units_and_a_certain_province() -> None:
    doc = build_document("UBND huyện Ninh Hải và xã Vĩnh Hải. Tỉnh Ninh Thuận.", province="Ninh Thuận",
                         published="2021-04-12")
    context = place_context(doc)
    assert context.province == "Ninh Thuận"
    assert context.named["huyện"] == {"Ninh Hải"} and context.named["xã"] == {"Vĩnh Hải"}


def test_a_bare_district_after_a_local_head_takes_its_word_and_province_before_the_reform() -> None:
    before, after = PlaceContext(date="2021-03-01"), PlaceContext(date="2025-09-01")
    assert canonical_name("Công an Long Biên", before) == "Công an quận Long Biên, thành phố Hà Nội"
    assert canonical_name("Phòng GD&ĐT Cầu Giấy", before) == \
        "Phòng Giáo dục và Đào tạo quận Cầu Giấy, thành phố Hà Nội"
    assert canonical_name("Công an Long Biên", after) == "Công an Long Biên"  # now a ward's name too
    assert canonical_name("Công an Hoàng Mai", before) == "Công an Hoàng Mai"  # a quận and a thị xã
    assert canonical_name("Trung tâm Y tế huyện Lý Nhân", before) == \
        "Trung tâm Y tế huyện Lý Nhân, tỉnh Hà Nam"
    assert canonical_name("CLB Hải Phòng", before) == "Câu lạc bộ Hải Phòng"  # "Phòng" opens no name here


def test_a_defined_short_form_followed_by_its_own_place_does_not_repeat_the_place() -> None:
    defined = {"CDC": "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"}
    context = PlaceContext(province="Hà Nam", date="2021-03-01")
    assert canonical_name("CDC Hà Nam", context, defined) == "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"
    assert canonical_name("CDC", context, defined) == "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"


def test_a_name_ending_on_a_bare_level_word_takes_the_one_name_that_goes_on_with_its_place() -> None:
    names = ["Hội Chữ thập đỏ Thành phố Hồ Chí Minh", "Hội Chữ thập đỏ Việt Nam"]
    assert at_fullest("Hội Chữ thập đỏ Thành phố", names) == names[0]
    assert at_fullest("UBND tỉnh", ["UBND tỉnh Hà Nam", "UBND tỉnh Nam Định"]) == "UBND tỉnh"
    assert at_fullest("Hội Chữ thập đỏ", names) == "Hội Chữ thập đỏ"  # no level word: left open


def test_a_bare_level_word_takes_the_one_place_of_its_level_when_no_longer_name_goes_on() -> None:
    sole = {"district": "huyện Lạc Dương"}
    assert at_fullest("Đảng bộ huyện", ["Đảng bộ huyện"], sole) == "Đảng bộ huyện Lạc Dương"
    assert at_fullest("Đảng bộ huyện", [], {"district": "thị xã Lạc Dương"}) == "Đảng bộ huyện"
    assert at_fullest("Trung tâm Y tế tuyến huyện", [], sole) == "Trung tâm Y tế tuyến huyện"  # a tier
    # the article's one longer name goes first: it is written, the place only inferred
    assert at_fullest("UBND huyện", ["UBND huyện Đam Rông"], sole) == "UBND huyện Đam Rông"
