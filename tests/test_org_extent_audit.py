"""bench/org_extent_audit.py: the names its unit and description frames are filled with."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

audit = load_bench_script("org_extent_audit")


def test_unit_names_take_a_units_own_head_and_lower_it_where_it_keeps_its_name() -> None:
    names = [("dev", "Trường THPT Cửa Lò"), ("dev", "Chi bộ thôn 3"), ("dev", "Huyện ủy Chợ Lách")]
    assert audit.unit_names(names) == [("dev", "Trường THPT Cửa Lò", "trường THPT Cửa Lò")]


def test_described_names_lower_the_description_and_drop_the_places_name() -> None:
    names = [("dev", "Hội Nông dân tỉnh Bắc Ninh"), ("dev", "Hội LHPN tỉnh"), ("dev", "UBND tỉnh Nghệ An")]
    assert audit.described_names(names) == [("dev", "Hội nông dân tỉnh")]


def test_judge_tells_a_short_extent_from_an_exact_one() -> None:
    sentence = "Hôm qua, Chi bộ trường THPT Cửa Lò đã họp."
    assert audit.judge(sentence, "Chi bộ trường THPT Cửa Lò", ["chi bộ trường thpt cửa lò"])[0] == "exact"
    assert audit.judge(sentence, "Chi bộ trường THPT Cửa Lò", ["trường thpt cửa lò"])[0] == "too short"


def test_lowered_names_lower_the_trade_and_keep_the_proper_name() -> None:
    names = [("dev", "Công ty Thủy điện Ialy"), ("dev", "Sở Y tế"), ("dev", "Hội Nông dân tỉnh"),
             ("dev", "Ban Thường vụ Tỉnh ủy")]
    assert audit.lowered_names(names) == [("dev", "Công ty thủy điện Ialy")]


def test_dashed_frames_expect_the_dash_s_words_only_for_a_form_or_a_branch() -> None:
    assert audit.DASHED_FRAMES["dash-form"][1] and audit.DASHED_FRAMES["dash-branch"][1]
    assert not audit.DASHED_FRAMES["dash-sentence"][1]
    assert audit._BRANCH_OF["ngân hàng"] == "Chi nhánh" and audit._BRANCH_OF["học viện"] == "Phân viện"
