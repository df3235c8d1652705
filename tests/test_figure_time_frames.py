"""What one sentence leaves the next to date its figures by (spec 4a `time`: from the sentence, else
the paragraph): a later year a plan is for, a headline figure restated, a comparison closing a sentence."""

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
        "Hội nghị triển khai nhiệm vụ năm 2020 đã diễn ra.\n\nTrong đó, huyện đã kết nạp 120 đảng viên mới."
    )
    assert _times(text, "2020-06-20")["120 đảng viên mới"] == "2020"


def test_a_headline_figure_restated_without_a_date_brings_the_headlines_period() -> None:
    text = (
        "Cuối năm 2019, ngân hàng hỗ trợ cho tỉnh 10 tỷ đồng để xây dựng nhà ở cho người nghèo.\n\n"
        "Để triển khai, Ủy ban MTTQ tỉnh đã xây dựng kế hoạch hỗ trợ 200 nhà Đại đoàn kết cho hộ nghèo.\n\n"
        "Theo đó, huyện Ngân Sơn được hỗ trợ 35 nhà; huyện Bạch Thông 30 nhà."
    )
    title = "Triển khai hỗ trợ xây dựng 200 nhà Đại đoàn kết cho hộ nghèo trong năm 2020"
    record = extract(build_document(text, title=title, published=None))
    times = {f["text"]: f["time"] for f in record["figures"] if f["field"] == "text"}
    assert times["10 tỷ đồng"] == "2019"
    assert times["200 nhà"] == "2020"
    assert times["35 nhà"] == "2020"  # the paragraph goes on with the headline's period


def test_a_headline_figure_restated_with_a_date_of_its_own_keeps_it() -> None:
    text = "Trong năm 2019, tỉnh đã hỗ trợ 200 nhà Đại đoàn kết cho hộ nghèo."
    title = "Hỗ trợ xây dựng 200 nhà Đại đoàn kết cho hộ nghèo trong năm 2020"
    record = extract(build_document(text, title=title, published=None))
    times = {f["text"]: f["time"] for f in record["figures"] if f["field"] == "text"}
    assert times["200 nhà"] == "2019"


def test_a_date_opening_a_sentence_is_no_base_of_the_comparison_closing_the_one_before() -> None:
    text = (
        "Năm 2022, doanh thu từ du lịch ước đạt 4.533 tỷ đồng, tăng 385% so với cùng kỳ. "
        "Riêng tháng 12/2022, Huế thu hút được 196.500 lượt khách."
    )
    times = _times(text, "2023-03-26")
    assert times["4.533 tỷ đồng"] == "2022"
    assert times["196.500 lượt khách"] == "2022-12"


def test_a_base_in_the_dates_own_sentence_is_still_a_base() -> None:
    text = "Năm 2022, doanh thu đạt 4.533 tỷ đồng, tăng 385% so với cùng kỳ năm 2021."
    assert _times(text, "2023-03-26")["385%"] == "2022"


def test_a_day_the_headline_gives_is_its_events_not_a_period_the_body_goes_on_with() -> None:
    text = "12 người này đã được cách ly.\n\nCác mẫu xét nghiệm của 12 trường hợp đều âm tính."
    title = "Chiều 30/4, Sở Y tế cho biết có 12 người đi cùng chuyến bay với bệnh nhân"
    record = extract(build_document(text, title=title, published="2021-04-30"))
    times = {f["text"]: f["time"] for f in record["figures"] if f["field"] == "text"}
    assert times["12 người"] == "2021"
    assert times["12 trường hợp"] == "2021"
