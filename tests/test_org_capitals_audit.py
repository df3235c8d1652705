"""bench/org_capitals_audit.py: how it cuts sentences and judges a name's span in capitals."""

from __future__ import annotations

from tests.bench_scripts import load_bench_script

audit = load_bench_script("org_capitals_audit")


def test_sentences_split_at_a_stop_before_a_capital() -> None:
    text = "Huyện ủy họp. Sau đó, Ban Thường vụ kết luận. 3.5 triệu đồng."
    assert [s for _at, s in audit.sentences(text)] == [
        "Huyện ủy họp.", "Sau đó, Ban Thường vụ kết luận. 3.5 triệu đồng."]


def test_judge_names_how_a_found_span_covers_the_name() -> None:
    assert audit.judge((5, 10), [(5, 10)]) == "same"
    assert audit.judge((5, 10), [(3, 12)]) == "too long"
    assert audit.judge((5, 10), [(5, 8)]) == "too short"
    assert audit.judge((5, 10), [(7, 12)]) == "crossed"
    assert audit.judge((5, 10), [(11, 14)]) == "missed"
