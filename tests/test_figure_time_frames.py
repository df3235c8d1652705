"""What one sentence leaves the next to date its figures by (spec 4a `time`: from the sentence, else
the paragraph): a later year a plan is for."""

from __future__ import annotations

from pipeline.extract import build_document, extract


def _times(text: str, published: str) -> dict[str, str | None]:
    record = extract(build_document(text, published=published))
    return {f["text"]: f["time"] for f in record["figures"]}


def test_a_later_year_a_plan_is_for_dates_no_result_of_the_review() -> None:
    text = (
        "Hội đồng nhân dân huyện Tân Hồng vừa tổ chức kỳ họp lần thứ 9, để đánh giá kết quả thực hiện "
        "nhiệm vụ phát triển kinh tế - xã hội và triển khai phương hướng, nhiệm vụ năm 2015.\n\n"
        "Theo báo cáo của UBND huyện, thu ngân sách được 36 tỷ đồng (đạt 122%)."
    )
    times = _times(text, "2014-12-28")
    assert times["36 tỷ đồng"] == "2014"
    assert times["122%"] == "2014"


def test_a_later_year_a_plan_is_for_still_dates_its_targets() -> None:
    text = (
        "Hội đồng nhân dân huyện vừa tổ chức kỳ họp để triển khai phương hướng, nhiệm vụ năm 2015. "
        "Huyện phấn đấu kết nạp 200 đảng viên mới."
    )
    assert _times(text, "2014-12-28")["200 đảng viên mới"] == "2015"


def test_a_plan_for_the_publication_year_still_frames_what_follows() -> None:
    text = (
        "Hội nghị triển khai nhiệm vụ năm 2020 đã diễn ra.\n\n"
        "Trong đó, huyện đã kết nạp 120 đảng viên mới."
    )
    assert _times(text, "2020-06-20")["120 đảng viên mới"] == "2020"
