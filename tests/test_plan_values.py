"""A plan's own value in brackets beside a result measured against it is for the plan's year."""

from __future__ import annotations

from pipeline.extract import build_document, extract
from pipeline.extract.plan_values import plan_year


def _times(text: str, published: str = "2022-11-10") -> dict[str, str | None]:
    record = extract(build_document(text, published=published))
    return {f["text"]: f["time"] for f in record["figures"]}


def test_a_quota_restated_after_a_result_counted_to_a_day_is_for_the_year() -> None:
    times = _times(
        "Tính đến ngày 30/9/2022, tỷ lệ lao động tham gia BHXH toàn tỉnh đạt 38,05%, vượt 0,05% so với "
        "chỉ tiêu đề ra tại Nghị quyết số 03-NQ/TU ngày 10/12/2021 của Tỉnh ủy (38%)."
    )
    assert times["38,05%"] == "2022-09-30"  # the result stands at its day
    assert times["38%"] == "2022"  # the quota is the year's


def test_a_plan_restated_after_a_result_of_six_months_is_for_the_year() -> None:
    times = _times(
        "Tổn thất điện năng trong 6 tháng đầu năm 2022 ước 2,51%, thấp hơn 0,33% so với kế hoạch "
        "EVNSPC giao (2,84%)."
    )
    assert times["2,51%"] == "2022-01/2022-06"
    assert times["2,84%"] == "2022"


def test_a_bracket_after_no_plan_keeps_the_result_period() -> None:
    times = _times("Trong 6 tháng đầu năm 2022, huyện kết nạp 41 đảng viên mới (tăng 12 đảng viên).")
    assert times["12 đảng viên"] == "2022-01/2022-06"
    times = _times("Trong 6 tháng đầu năm 2022, huyện kết nạp 41 đảng viên mới (12 đảng viên nữ).")
    assert times["12 đảng viên"] == "2022-01/2022-06"
    # another figure between the plan word and the bracket: the bracket is that figure's
    times = _times(
        "6 tháng đầu năm 2022, huyện đạt 52% kế hoạch, kết nạp 41 đảng viên mới (12 đảng viên nữ)."
    )
    assert times["12 đảng viên"] == "2022-01/2022-06"


def test_a_plan_over_years_keeps_its_span() -> None:
    assert plan_year("2006/2008") == "2006/2008"
    assert plan_year("2016/..") == "2016/.."
    assert plan_year("2022-01/2022-06") == "2022"
    assert plan_year("2022-09-30") == "2022"
