"""The cleaning audits' entry points (bench/cleaning_audit.py) call the clean stage as the engine does:
a changed step signature breaks them silently otherwise, as no other test runs them."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

cleaning_audit = load_bench_script("cleaning_audit")
PAGE = "Hội nghị sơ kết công tác năm\n\nSáng 5/6, UBND tỉnh tổ chức hội nghị với 120 đại biểu tham dự."


def test_the_cleaning_audits_clean_a_page_as_the_clean_stage_does() -> None:
    record = cleaning_audit.clean_text(PAGE, "a.txt")
    assert "120 đại biểu" in record["text"]
    assert record["title"] == "Hội nghị sơ kết công tác năm"


def test_the_page_shape_audits_read_a_dump_lines_as_the_cleaner_does() -> None:
    # the lines as the audits compare them: folded to lower case
    _record, lines = cleaning_audit.text_lines(PAGE, "a.txt")
    assert "sáng 5/6, ubnd tỉnh tổ chức hội nghị với 120 đại biểu tham dự." in lines
