"""A list item named by whose it is measures what the list's lead names after its verb, not the name."""

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
            "Một số tỉnh có diện tích rừng bị cháy nhiều là: Hà Giang 298 ha; Đà Nẵng 181 ha; "
            "Lạng Sơn 132 ha.",
            "181 ha",
            "diện tích rừng",
            "Đà Nẵng",
        ),
        (
            "Trong đó, số đảng bộ trực thuộc có tỷ lệ kết nạp đảng viên mới đạt kết quả cao như: Đảng bộ "
            "Quân sự tỉnh đạt 61,90%; Đảng bộ huyện Ninh Sơn 45,16%.",
            "45,16%",
            "kết nạp đảng viên",
            "Đảng bộ huyện Ninh Sơn",
        ),
        (
            "Nhiều nơi đã xuất hiện mưa lớn trên 150mm như tỉnh Hòa Bình, Phú Thọ, Tuyên Quang và "
            "Hà Nội là 156mm.",
            "156mm",
            "mưa",
            "Hà Nội",
        ),
    ],
)
def test_a_named_item_measures_what_its_lead_names(
    text: str, figure: str, measure: str, subject: str
) -> None:
    found = _figures(text)[figure]
    assert (found["measure"], found["subject"]) == (measure, subject)


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a change's measure is its own open question: the item keeps what it had
        (
            "Các thị trường trọng điểm đều duy trì sức tăng trưởng, như Hoa Kỳ tăng 10,2%; "
            "Trung Quốc tăng 17,1%.",
            "17,1%",
            "Trung Quốc",
        ),
        # no list opener before the name: no lead to take the measure from
        ("Năm 2020, Hà Giang 298 ha rừng bị cháy.", "298 ha", "rừng"),
    ],
)
def test_no_lead_measure_without_a_plain_list_item(text: str, figure: str, measure: str) -> None:
    assert _figures(text)[figure]["measure"] == measure
