"""A measure ends before the preposition that opens a date right after it ("Nợ quá hạn | đến ngày
30/9 là ..."): the preposition is the date's, not part of what is measured (spec 4a)."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document, extract


def _measures(text: str) -> dict[str, str | None]:
    """Figure text -> measure for a short article."""
    record = extract(build_document(text, published="2025-10-10"))
    return {f["text"]: f["measure"] for f in record["figures"]}


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Nợ quá hạn đến ngày 30/9 là 646 triệu đồng.", "646 triệu đồng", "Nợ quá hạn"),
        (
            "Thu nhập bình quân đầu người đến năm 2025 đạt 45 triệu đồng.",
            "45 triệu đồng",
            "Thu nhập bình quân đầu người",
        ),
        ("Doanh thu trong năm 2020 đạt 500 tỷ đồng.", "500 tỷ đồng", "Doanh thu"),
    ],
)
def test_a_preposition_before_a_date_is_left_out(text: str, figure: str, measure: str) -> None:
    assert _measures(text)[figure] == measure


def test_a_preposition_with_no_date_after_it_stays() -> None:
    # "đến" opens no date here: the phrase is what it is, the cue stays where the words put it
    assert _measures("Số người đến khám là 120 người.")["120 người"] == "người đến khám"
