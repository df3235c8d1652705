"""The figure-time stability audit (bench/time_stability_audit.py): the rewrites it renders."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

audit = load_bench_script("time_stability_audit")

FRONT = "Năm 2020, toàn tỉnh kết nạp 300 đảng viên mới."
DATE = {"text": "Năm 2020", "value": "2020"}


def test_an_opening_date_phrase_moves_to_the_end_after_the_figure_and_before_the_sentence() -> None:
    out = audit.rewrites(FRONT, DATE, 2020, "300 đảng viên mới")
    assert out["to-end"] == "Toàn tỉnh kết nạp 300 đảng viên mới trong năm 2020."
    assert out["after-figure"] == "Toàn tỉnh kết nạp 300 đảng viên mới trong năm 2020."
    assert out["before"] == f"Năm 2020, {audit.NEUTRAL}. Toàn tỉnh kết nạp 300 đảng viên mới."
    assert "to-front" not in out


def test_a_closing_date_phrase_moves_to_the_front_with_its_cue() -> None:
    sentence = "Toàn tỉnh kết nạp 300 đảng viên mới trong năm 2020."
    out = audit.rewrites(sentence, {"text": "năm 2020", "value": "2020"}, 2020, "300 đảng viên mới")
    assert out["to-front"] == "Trong năm 2020, toàn tỉnh kết nạp 300 đảng viên mới."
    assert "to-end" not in out


def test_a_comparison_base_names_the_year_before() -> None:
    out = audit.rewrites(FRONT, DATE, 2020, "300 đảng viên mới")
    assert out["base-same"].endswith("mới, tăng so với cùng kỳ năm 2019.")
    assert out["base-front"] == "So với năm 2019, năm 2020, toàn tỉnh kết nạp 300 đảng viên mới."


def test_a_plans_title_with_other_years_opens_the_sentence() -> None:
    out = audit.rewrites(FRONT, DATE, 2020, "300 đảng viên mới")
    rest = "năm 2020, toàn tỉnh kết nạp 300 đảng viên mới."
    assert out["doc-span"] == f"{audit.PLAN} giai đoạn 2015 - 2019, {rest}"
    assert out["doc-year"] == f"{audit.PLAN} năm 2019, {rest}"


def test_an_opening_date_phrase_moves_to_the_headline_of_a_body_that_never_restates_it() -> None:
    out = audit.rewrites(FRONT, DATE, 2020, "300 đảng viên mới")
    title, _, body = out["to-headline"].rpartition(audit.TITLE_BREAK)
    assert title == f"{audit.HEADLINE} trong năm 2020"
    assert body == "Toàn tỉnh kết nạp 300 đảng viên mới."
