"""A passive label's venue: the place or body a locative names stays out of the measure, free to be
the figure's subject."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document, extract


def _figures(text: str) -> dict[str, dict]:
    """Figure text -> figure for an article."""
    record = extract(build_document(text, published="2021-04-21"))
    return {f["text"]: f for f in record["figures"]}


@pytest.mark.parametrize(
    ("text", "figure", "measure", "subject"),
    [
        (
            "Sân bay Đà Nẵng đã tiêm 3.000 liều vắc xin. Tổng số nhân viên y tế, nhân viên làm việc tại sân "
            "bay Tân Sơn Nhất được tiêm là gần 45.000 người.",
            "45.000 người", "nhân viên làm việc", "sân bay Tân Sơn Nhất",
        ),
        (
            "Huyện Mỏ Cày Nam tổ chức hội nghị. Số học sinh ở huyện Chợ Lách được tuyên dương là 19 em.",
            "19 em", "học sinh", "huyện Chợ Lách",
        ),
    ],
)
def test_a_venue_before_a_passive_stays_out_of_the_label(
    text: str, figure: str, measure: str, subject: str
) -> None:
    found = _figures(text)[figure]
    assert (found["measure"], found["subject"]) == (measure, subject)


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # no place after the locative: the label keeps its words
        ("Năm 2021, học sinh ở các địa phương được tuyên dương là 19 em.", "19 em",
         "học sinh ở các địa phương được tuyên dương"),
        # a place after the passive verb is no venue of the label's noun
        ("Năm 2021, học sinh được tuyên dương tại huyện Chợ Lách là 19 em.", "19 em",
         "học sinh được tuyên dương tại huyện Chợ Lách"),
    ],
)
def test_a_label_without_a_named_venue_is_kept(text: str, figure: str, measure: str) -> None:
    assert _figures(text)[figure]["measure"] == measure
