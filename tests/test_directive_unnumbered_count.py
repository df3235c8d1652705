"""bench/directive_unnumbered_count.py: the type-issuer-subject shape found, and gold listing read."""

from __future__ import annotations

import pytest

from tests.bench_scripts import load_bench_script


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thị của Chủ tịch UBND tỉnh về việc tăng cường công tác dân vận.",
        "Công điện của Ban Thường vụ Tỉnh ủy về tăng cường phòng, chống dịch",
        "theo kế hoạch của Giám đốc Công an tỉnh về việc bảo đảm trật tự an toàn giao thông",
    ],
)
def test_a_document_named_by_type_issuer_and_subject_is_found(text: str) -> None:
    count = load_bench_script("directive_unnumbered_count")
    assert count.unnumbered_pattern().search(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập",  # a number: not this shape
        "Kế hoạch của tỉnh, trong đó có nội dung về giáo dục",  # the issuer's clause ends first
        "sự lãnh đạo của Tỉnh ủy về công tác cán bộ",  # no type word
    ],
)
def test_a_numbered_or_broken_reference_is_not_this_shape(text: str) -> None:
    count = load_bench_script("directive_unnumbered_count")
    assert not count.unnumbered_pattern().search(text)


def test_a_listed_reference_reports_its_gold_id() -> None:
    count = load_bench_script("directive_unnumbered_count")
    text = "Thực hiện Chỉ thị của Thủ tướng Chính phủ về đẩy mạnh thi đua."
    start = text.index("Chỉ thị")
    gold = [{"id": "Chỉ thị của Thủ tướng Chính phủ", "text": "Chỉ thị của Thủ tướng Chính phủ"}]
    assert count.listed_as(gold, text, start) == ["Chỉ thị của Thủ tướng Chính phủ"]
    assert count.listed_as([{"id": "05-CT/TW", "text": "Chỉ thị 05"}], text, start) == []
