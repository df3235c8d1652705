"""The period an undated article's figures fall back on (spec 4a `time`: else the article's period)."""

from __future__ import annotations

import pytest

from pipeline.extract import build_document, extract


def _times(text: str) -> dict[str, str | None]:
    record = extract(build_document(text, published=None))
    return {f["text"]: f["time"] for f in record["figures"]}


def test_an_undated_congress_report_is_about_the_term_before_the_congress() -> None:
    text = (
        "Ngày 18/3, Hội Người cao tuổi thị trấn tổ chức Đại hội đại biểu lần thứ VI, "
        "nhiệm kỳ 2021 – 2026.\n\n"
        "Trong 5 năm qua, Hội đã trưởng thành về mọi mặt.\n\n"
        "Hằng năm Hội đã phát động sâu rộng phong trào thi đua.\n\n"
        "Trong nhiệm kỳ, Hội đã kết nạp được 200 hội viên mới."
    )
    assert _times(text)["200 hội viên"] == "2016/2021"  # the five years under review, not the new term


def test_what_holds_now_on_an_undated_congress_page_is_of_the_congress_year() -> None:
    text = (
        "Đại hội đại biểu Hội Liên hiệp Thanh niên tỉnh lần thứ VII, nhiệm kỳ 2024 – 2029 đã thành công.\n\n"
        "Thanh niên toàn tỉnh hiện có hơn 700.000 người."
    )
    assert _times(text)["700.000 người"] == "2024"  # the congress's year, not the whole new term


def test_a_present_count_naming_a_term_of_its_own_keeps_it_on_an_undated_page() -> None:
    text = (
        "Đại hội Đảng bộ huyện đã thành công.\n\n"
        "Kết quả đến nay đạt và vượt 17 trong tổng số 19 mục tiêu của Nghị quyết Đại hội nhiệm kỳ 2015-2020."
    )
    assert _times(text)["17 trong tổng số 19 mục tiêu"] == "2015/2020"


def test_an_anniversary_is_no_period_of_an_undated_article() -> None:
    text = (
        "Ngôi nhà của chị Lam có diện tích 28m2 với tổng kinh phí xây dựng 65 triệu đồng.\n\n"
        "Nhân dịp kỷ niệm 90 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019), "
        "LĐLĐ tỉnh đã hỗ trợ xây mới 05 nhà."
    )
    assert "1929-07-28/2019-07-28" not in _times(text).values()


def test_an_undated_span_is_the_articles_period_only_in_a_year_written_with_its_month() -> None:
    # "Quý III" takes its year from "năm 2018", a year the report looks back on: no period of the page
    looked_back = (
        "Qua thanh tra, kiểm tra phát hiện vi phạm 10.091 triệu đồng.\n\n"
        "Trong Quý III, các tổ chức thanh tra tiếp tục rà soát các cuộc thanh tra năm 2018."
    )
    assert _times(looked_back)["10.091 triệu đồng"] is None
    # the month written in full places "10 tháng" in its year
    placed = (
        "Trong tháng 10-2012, du khách ước đạt gần 139,3 nghìn lượt người.\n\n"
        "Tổng số khách trong 10 tháng ước đạt 3.475 nghìn lượt khách.\n\n"
        "Doanh thu du lịch đạt 692,5 tỷ đồng."
    )
    assert _times(placed)["692,5 tỷ đồng"] == "2012-01/2012-10"


def _dated_times(text: str, published: str = "2022-05-20") -> dict[str, str | None]:
    record = extract(build_document(text, published=published))
    return {f["text"]: f["time"] for f in record["figures"]}


def test_those_attending_an_event_are_counted_on_its_day() -> None:
    text = (
        "Sáng 14/5/2022, Hội Nông dân huyện tổ chức hội nghị tổng kết phong trào năm 2021.\n\n"
        "Tham dự hội nghị có 180 đại biểu đến từ các xã."
    )
    assert _dated_times(text)["180 đại biểu"] == "2022-05-14"  # the meeting's day, not the year reviewed


def test_an_event_day_does_not_date_the_results_reported_after_it() -> None:
    text = (
        "Sáng 14/5/2022, Hội Nông dân huyện tổ chức hội nghị tổng kết phong trào năm 2021.\n\n"
        "Trong năm 2021, hội kết nạp thêm 320 hội viên mới."
    )
    assert _dated_times(text)["320 hội viên"] == "2021"


def test_an_attendance_count_with_its_own_date_keeps_it() -> None:
    text = (
        "Ngày 2/3/2022, huyện khai mạc lớp bồi dưỡng.\n\nTham dự lớp học trong tháng 4/2022 có 60 học viên."
    )
    assert _dated_times(text)["60 học viên"] == "2022-04"


def test_a_review_meetings_period_yields_to_the_period_its_sentence_reports() -> None:
    text = (
        "Tại hội nghị sơ kết 6 tháng đầu năm 2022 chiều 12/7, Sở công bố kết quả xếp hạng các huyện "
        "năm 2021. Huyện Đông Anh xếp thứ 5, đạt 0,65 điểm."
    )
    assert _dated_times(text, "2022-07-13")["0,65 điểm"] == "2021"


def test_a_review_meetings_period_alone_still_frames_what_follows() -> None:
    text = (
        "Chiều 12/1/2022, huyện tổ chức hội nghị tổng kết năm 2021. Huyện Đông Anh kết nạp 65 đảng viên mới."
    )
    assert _dated_times(text, "2022-01-13")["65 đảng viên mới"] == "2021"  # the year reviewed, not the day


def test_a_plans_year_dates_its_figures_before_the_numbered_documents_issue_day() -> None:
    text = (
        "Theo Kế hoạch công tác tuyên truyền năm 2022 (Kế hoạch số 45-KH/HU, ngày 10/01/2022), "
        "Ban Thường vụ Huyện ủy tổ chức 04 hội nghị chuyên đề."
    )
    assert _dated_times(text, "2022-06-01")["04 hội nghị"] == "2022"


def test_a_numbered_documents_issue_day_still_dates_a_sentence_with_no_other_date() -> None:
    text = "Theo Quyết định số 12/QĐ-UBND ngày 10/01/2022, huyện hỗ trợ 35 hộ nghèo."
    assert _dated_times(text, "2022-06-01")["35 hộ nghèo"] == "2022-01-10"


def test_a_word_that_only_begins_like_attendance_is_none() -> None:
    text = (
        "Sáng 14/5/2022, tỉnh tổ chức lễ khởi công.\n\n"
        "Năm 2021, tỉnh đã giải ngân 300 tỷ đồng. Dự án có 4 gói thầu chính."
    )
    assert _dated_times(text)["4 gói thầu"] == "2021"  # "Dự án" (the project) is no "dự" (attending)


def test_those_a_congress_elects_serve_the_term_it_named_before() -> None:
    text = (
        "Ngày 20/5/2022, Chi bộ thôn Đông tổ chức Đại hội nhiệm kỳ 2022 - 2025.\n\n"
        "Đại hội đã bầu ra Chi ủy gồm 03 đồng chí."
    )
    assert _dated_times(text, "2022-05-21")["03 đồng chí"] == "2022/2025"  # not the congress's day


def test_those_elected_take_the_term_named_after_them_in_their_sentence() -> None:
    text = "Có 45 người được bầu làm bí thư chi bộ nhiệm kỳ 2022-2025."
    assert _dated_times(text, "2022-10-04")["45 người"] == "2022/2025"


def test_voters_in_a_general_election_are_no_elected_count() -> None:
    text = (
        "Ngày 20/5/2021, tỉnh tổng kết công tác bầu cử nhiệm kỳ 2021 - 2026.\n\n"
        "Trong cuộc bầu cử, tỉnh có 650.000 cử tri đi bầu."
    )
    assert _dated_times(text, "2021-05-21")["650.000 cử tri"] != "2021/2026"


def test_a_count_restated_later_keeps_the_period_it_was_first_stated_for() -> None:
    text = (
        "Ngày 7/4/2021, Huyện ủy ban hành 3 chương trình hành động.\n\n"
        "Năm 2020, huyện kết nạp 120 đảng viên mới.\n\n"
        "Những điểm sáng\n\n"
        "Cả 3 chương trình hành động đều gắn với nhiệm vụ chính trị của huyện."
    )
    times = [
        f["time"]
        for f in extract(build_document(text, published="2021-06-01"))["figures"]
        if f["text"].startswith("3 chương trình")
    ]
    assert times == ["2021-04-07", "2021-04-07"]  # not the publication year for the second


def test_a_restated_count_with_a_date_of_its_own_keeps_that_date() -> None:
    text = "Năm 2020, xã có 12 tổ hợp tác.\n\nNăm 2021, xã vẫn duy trì 12 tổ hợp tác."
    times = [f["time"] for f in extract(build_document(text, published="2021-06-01"))["figures"]]
    assert times == ["2020", "2021"]


def test_a_count_said_to_hold_now_is_no_restatement() -> None:
    text = (
        "Năm 2004, đội bóng có 7 chiến thắng liên tiếp.\n\n"
        "Những điểm sáng\n\n"
        "Hiện tại, đội bóng cũng đang có 7 chiến thắng liên tiếp."
    )
    times = [f["time"] for f in extract(build_document(text, published="2021-04-30"))["figures"]]
    assert times == ["2004", "2021"]


def test_an_undated_page_takes_its_year_from_the_day_its_headline_names() -> None:
    text = "Phường từ 278 tổ dân phố hiện nay thành 130 tổ dân phố."
    title = "Ngày 28/7/2017, HĐND thành phố ban hành Nghị quyết sắp xếp tổ dân phố"
    record = extract(build_document(text, published=None, title=title))
    assert {f["text"]: f["time"] for f in record["figures"]}["130 tổ dân phố"] == "2017"
    # with no day in the headline, an undated page still gives such a figure no year
    assert _times(text)["130 tổ dân phố"] is None


def test_those_voters_elect_are_counted_on_the_election_day_not_for_the_term() -> None:
    text = (
        "Sáng ngày 02/10/2022, cử tri của 08 thôn tham gia bầu cử Trưởng thôn nhiệm kỳ 2022-2025.\n\n"
        "Kết quả có 05 đồng chí Trưởng thôn tái đắc cử."
    )
    assert _dated_times(text, "2022-10-02")["05 đồng chí"] != "2022/2025"
    congress = text.replace("Kết quả có", "Đại hội đã bầu ra")
    assert _dated_times(congress, "2022-10-02")["05 đồng chí"] == "2022/2025"  # a congress's term


def test_a_comparison_base_ends_at_its_sentence() -> None:
    text = (
        "Đến hết tháng 3/2021, lợi nhuận trước thuế đạt 125 tỷ đồng, tăng 53% so với cùng kỳ 2020. "
        "Năm 2021, ngân hàng đặt mục tiêu lợi nhuận trước thuế 658 tỷ đồng."
    )
    # "cùng kỳ 2020." is the base of the first sentence's change, not of the year opening the next
    assert _dated_times(text, "2021-04-24")["658 tỷ đồng"] == "2021"


def test_a_comparison_base_a_few_words_back_is_no_period() -> None:
    text = "Năm 2020, tỉnh thu ngân sách 5.200 tỷ đồng, tăng 12% so với cùng kỳ của năm 2019."
    assert set(_dated_times(text).values()) == {"2020"}


def test_the_same_period_of_another_year_dates_what_is_said_of_it() -> None:
    text = (
        "Đến ngày 16/4/2021, tín dụng đạt 9.499.546 tỷ đồng, tăng 3,34% so với cuối năm 2020 "
        "(cùng kỳ năm 2020 tăng 0,78%), chiếm tỷ trọng 0,46% tổng dư nợ. Dư nợ ngắn hạn chiếm 96,21%."
    )
    times = _dated_times(text, "2021-04-22")
    assert times["0,78%"] == "2020"  # "cùng kỳ năm 2020" with no comparison cue before it
    # closed by its bracket, and no period the paragraph goes on with
    assert times["3,34%"] == times["0,46%"] == times["96,21%"] == "2021-04-16"


def test_the_same_period_after_a_comparison_cue_is_its_base() -> None:
    text = "Năm 2020, tỉnh thu hút 150.000 lượt khách, tăng 20% so với 6 tháng cùng kỳ năm 2019."
    assert set(_dated_times(text).values()) == {"2020"}


def test_what_a_document_sets_out_is_dated_by_its_year_not_the_day_of_the_act() -> None:
    text = (
        "Ngày 12/3/2021, HĐND tỉnh ban hành Nghị quyết số 15/NQ-HĐND về việc sắp xếp thôn, tổ dân phố, "
        "theo đó toàn tỉnh sau khi sắp xếp có 1.250 thôn, tổ dân phố.\n\n"
        "Ngày 20/3/2021, UBND tỉnh ban hành Quyết định số 82/QĐ-UBND công nhận 23 xã đạt chuẩn "
        "nông thôn mới năm 2020.\n\n"
        "Ngày 7/4/2021, Đảng ủy Khối đã ban hành 2 chương trình hành động."
    )
    times = _dated_times(text, "2021-04-21")
    assert times["1.250 thôn"] == "2021"  # the day is the act's
    assert times["23 xã"] == "2020"  # the period the decision names for them
    assert times["2 chương trình hành động"] == "2021-04-07"  # what the act itself issues keeps its day


# Periods read from the text around a figure: (why, text, publication date, figure -> its time)
PERIOD_CASES = [
    (
        "an aside's period dates only the figures inside it; after it, the nine months again",
        "Tổng sản phẩm trên địa bàn tỉnh ước 9 tháng đầu năm 2024 đạt 11.423,4 tỷ đồng, tăng 10,55% so với "
        "cùng kỳ năm trước (quý III tăng 9,09%), trong đó: khu vực nông, lâm nghiệp đạt 1.574,1 tỷ đồng.",
        "2024-10-05",
        {"9,09%": "2024-07/2024-09", "1.574,1 tỷ đồng": "2024-01/2024-09"},
    ),
    (
        "a bracketed span alone still frames what follows",
        "Qua 5 năm (2016 - 2020), huyện đã kết nạp 320 đảng viên mới.",
        "2021-03-02",
        {"320 đảng viên mới": "2016/2020"},
    ),
    (
        "a standing attribute takes no period from the paragraph; a count of the year goes on with it",
        "Năm 2023, xã Trung Lý đạt nhiều kết quả. Trung Lý là xã vùng cao biên giới, có diện tích tự nhiên "
        "khoảng 197,5km2, dân số gần 7.500 người. Xã đã kết nạp 12 đảng viên mới.",
        "2024-01-10",
        {"197,5km2": None, "7.500 người": None, "12 đảng viên mới": "2023"},
    ),
    (
        "the whole year named before a figure in its clause widens the months the text dates it by",
        "Quý I/2021, tỉnh thu hút 1,2 triệu lượt khách. Tổng lượt khách cả năm dự kiến đạt 5 triệu lượt.\n\n"
        "Tháng 9/2024, bão Yagi gây thiệt hại lớn. Tăng trưởng GDP cả năm giảm 0,15%.\n\n"
        "9 tháng đầu năm 2023, huyện kết nạp 120 đảng viên. Cả năm, huyện kết nạp 290 đảng viên; nâng tỷ lệ "
        "trưởng thôn là đảng viên lên 50%.",
        "2024-10-10",
        {
            "1,2 triệu lượt khách": "2021-01/2021-03",
            "5 triệu lượt": "2021",
            "0,15%": "2024",
            "120 đảng viên": "2023-01/2023-09",
            "290 đảng viên": "2023",
            "50%": "2023",
        },
    ),
    (
        "what a document is made of holds no period of the paragraph nor its issue day; a count made then "
        "its parts keeps the period",
        "Năm 2021, Ban Chấp hành Trung ương ban hành nhiều văn bản. Quy định 22 gồm 7 chương, 36 điều.\n\n"
        "Nghị định số 05/2011/NĐ-CP ngày 14/1/2011 của Chính phủ là khung pháp lý quan trọng, bao gồm 12 "
        "nhóm chính sách.\n\n"
        "Năm 2021, thực hiện Nghị quyết số 25, huyện tổ chức 5 hội nghị, gồm 3 hội nghị trực tuyến.",
        "2022-01-10",
        {"36 điều": None, "12 nhóm": None, "5 hội nghị": "2021", "3 hội nghị": "2021"},
    ),
    (
        "a document's issue day in a sentence without figures dates the document, not the paragraph; one "
        "a figure took goes on to the count's parts",
        "Năm 2024, tỉnh đẩy mạnh sắp xếp đơn vị hành chính. Theo Quyết định số 759/QĐ-TTg ngày 14/4/2025, "
        "tỉnh mới được hình thành. Số đơn vị cấp xã giảm từ 159 đơn vị xuống còn 55 đơn vị.\n\n"
        "Theo Quyết định số 219-QĐ/TU ngày 7-8-2025, đợt này có 13 đảng viên được trao Huy hiệu Đảng. "
        "Trong đó, có 11 đồng chí nhận Huy hiệu 30 năm tuổi Đảng.",
        "2025-09-01",
        {
            "159 đơn vị": "2024",
            "55 đơn vị": "2024",
            "13 đảng viên": "2025-08-07",
            "11 đồng chí": "2025-08-07",
        },
    ),
    (
        "a body an act makes up after a document's name is counted by its members, not the document's parts",
        "Thực hiện Kế hoạch phát triển kinh tế - xã hội giai đoạn 2012 - 2016, đại hội đã bầu Ban Chấp hành "
        "hội khóa VII, nhiệm kỳ 2017-2022 gồm 09 đồng chí.",
        "2017-05-01",
        {"09 đồng chí": "2017/2022"},
    ),
    (
        "the day something came to be is no period the paragraph goes on with",
        "Năm 2020, tỉnh tiếp tục triển khai nhiều giải pháp. Xã có diện tích tự nhiên 4.125 ha, được thành "
        "lập năm 1999. Toàn xã kết nạp 30 đảng viên mới.\n\n"
        "Năm 2019, huyện đẩy mạnh công tác dân vận. Hội được thành lập vào năm 1990. "
        "Hội kết nạp 25 hội viên.",
        "2020-12-01",
        {"4.125 ha": None, "30 đảng viên mới": "2020", "25 hội viên": "2019"},
    ),
    (
        "a share of the population is no standing attribute",
        "Năm 2021, toàn tỉnh có 1,2 triệu người tham gia bảo hiểm y tế, đạt 91% dân số.",
        "2022-01-10",
        {"91%": "2021"},
    ),
    (
        "a count joined by an attendance link is of the event's day",
        "Sáng 16/9/2025, Đại hội đại biểu Đảng bộ tỉnh lần thứ XX đã bắt đầu với phiên trù bị. Phiên trù bị "
        "diễn ra với sự tham dự của 399 đại biểu chính thức, đại diện cho 62.935 đảng viên.",
        "2025-09-17",
        {"399 đại biểu": "2025-09-16", "62.935 đảng viên": "2025-09-16"},
    ),
    (
        "an amount from X upward is no change's start: the span, not its first year",
        "Theo đó, giai đoạn 2021-2025, tỉnh bảo đảm ngân sách hỗ trợ cho Quỹ từ 10 tỷ đồng trở lên/năm.",
        "2021-06-01",
        {"10 tỷ đồng": "2021/2025"},
    ),
    (
        "a gift handed over at the event is of its day, even after a glued act",
        "Sáng ngày 30/1/2018, Đảng ủy xã tổ chức lễ kỉ niệm.\n\n"
        "Năm 2017, xã đã hoàn thành vượt mức chỉ tiêu.\n\n"
        "Tại buổi lễ, đồng chí Phó Bí thư thường trực huyện uỷ trao Huy hiệu 30 năm cho 4 đồng chí.\n\n"
        "Tại chương trình, Hội Chữ thập đỏ đã trao tặng 1.100 phiếu mua hàng.",
        "2018-02-01",
        {"4 đồng chí": "2018-01-30", "1.100 phiếu": "2018-01-30"},
    ),
    (
        "an anniversary's span is no event's day",
        "Sáng ngày 30/1/2018, Đảng ủy xã tổ chức lễ kỉ niệm 88 năm ngày thành lập Đảng (3/2/1930 – 3/2/2018) "
        "và trao huy hiệu Đảng.\n\n"
        "Tại buổi lễ, đồng chí Phó Bí thư huyện ủy trao Huy hiệu 30 năm cho 4 đồng chí.",
        "2018-02-01",
        {"4 đồng chí": "2018-01-30"},
    ),
    (
        "a period alone in brackets after a figure is its own",
        "Theo đó, giai đoạn 2021-2025, tỉnh hỗ trợ cho Quỹ từ 10 tỷ đồng trở lên/năm và từ 15 tỷ đồng "
        "trở lên/năm (giai đoạn 2026-2030).",
        "2021-06-01",
        {"10 tỷ đồng": "2021/2025", "15 tỷ đồng": "2026/2030"},
    ),
]


@pytest.mark.parametrize(
    ("why", "text", "published", "expected"), PERIOD_CASES, ids=[case[0] for case in PERIOD_CASES]
)
def test_the_period_read_around_a_figure(
    why: str, text: str, published: str, expected: dict[str, str | None]
) -> None:
    times = _dated_times(text, published)
    assert {figure: times[figure] for figure in expected} == expected, why


def test_a_bracketed_term_after_a_board_names_it() -> None:
    text = "Cổ đông đề nghị miễn nhiệm 3 thành viên HĐQT nhiệm kỳ VI (2015-2020) gồm: ông A, ông B, bà C."
    assert _dated_times(text, "2021-04-26")["3 thành viên"] != "2015/2020"


HEADLINE_CASES = [
    # the body dates the headline's figure: the headline sums it up
    (
        "Hội Nông dân huyện giải ngân 800 triệu đồng cho hội viên",
        "Trong 2 ngày (12 và 13/3/2021), Hội Nông dân huyện đã giải ngân 800 triệu đồng "
        "cho 20 hộ hội viên vay phát triển chăn nuôi.",
        "800 triệu đồng",
        ["2021-03-12/2021-03-13"] * 2,
    ),
    # the body dates two figures so written two ways: the headline keeps its own period
    (
        "Huyện hỗ trợ 50 triệu đồng cho hộ nghèo",
        "Năm 2019, huyện hỗ trợ 50 triệu đồng cho hộ nghèo.\n\n"
        "Năm 2020, huyện tiếp tục hỗ trợ 50 triệu đồng cho hộ cận nghèo.",
        "50 triệu đồng",
        ["2021", "2019", "2020"],
    ),
]


@pytest.mark.parametrize(("title", "text", "figure", "expected"), HEADLINE_CASES)
def test_a_headline_figure_takes_the_one_period_the_body_gives_it(
    title: str, text: str, figure: str, expected: list[str]
) -> None:
    # (after the first quarter: an early-year page naming only last year's periods reviews that year)
    record = extract(build_document(text, published="2021-05-20", title=title))
    assert [f["time"] for f in record["figures"] if f["text"] == figure] == expected


def test_what_a_news_report_hands_over_is_handed_over_on_the_day_it_reports() -> None:
    text = (
        "Sáng 24/7, Hội Cựu chiến binh huyện tổ chức gặp mặt các đối tượng chính sách.\n\n"
        "Các đại biểu ôn lại những ngày sau giải phóng 30/4/1975.\n\n"
        "Hội đã trao 15 suất quà cho các gia đình chính sách trên địa bàn."
    )
    assert _dated_times(text, "2017-07-26")["15 suất quà"] == "2017-07-24"  # not the day of history


def test_back_then_widens_the_day_named_before_to_its_year() -> None:
    text = (
        "Ngày 15/10/2004, mạng di động chính thức khai trương, phục vụ 10.000 khách hàng.\n\n"
        "Ngày ấy, di động vẫn là xa xỉ phẩm phục vụ cho 2% dân số."
    )
    times = _dated_times(text, "2024-08-19")
    assert (times["10.000 khách hàng"], times["2%"]) == ("2004-10-15", "2004")


def test_a_plans_implementation_heading_dates_its_undated_figures() -> None:
    # the heading alone, the first and last day on the lines under it (spec 4a: a target's time is
    # the period of the target)
    text = (
        "- Chỉ tiêu: 5kg/1 đội viên/4 tháng, để trang bị 5 chậu hoa.\n\n"
        "- THỜI GIAN THỰC HIỆN :\n\n"
        "-Ngày phát động phong trào: 15/ 12/ 2021.\n\n"
        "-Ngày tổng kết phong trào: 21/ 04/2022."
    )
    assert _times(text)["5 chậu"] == "2021-12-15/2022-04-21"


def test_an_undated_page_dates_what_nothing_else_dates_by_its_leads_day() -> None:
    text = (
        "Sáng ngày 28/3/2013, Đảng bộ Trường Đại học Kinh tế đã tổ chức lễ trao tặng Huy hiệu Đảng.\n\n"
        "Tham dự buổi lễ có đông đảo đảng viên thuộc Đảng bộ trường.\n\n"
        "Như vậy, Trường đã có 6 đảng viên được trao tặng Huy hiệu đảng."
    )
    assert _times(text)["6 đảng viên"] == "2013-03-28"  # the page's date, which it does not give otherwise


def test_a_lead_day_that_frames_no_clause_or_a_persons_act_of_history_dates_nothing() -> None:
    document_day = (
        "Đảng bộ Bưu điện tỉnh được thành lập theo quyết định số 44-QĐ/ĐU ngày 29/6/2009 của Đảng ủy.\n\n"
        "Đảng bộ có 12 chi bộ trực thuộc."
    )
    assert _times(document_day)["12 chi bộ trực thuộc"] is None
    history = (
        "Ngày 15/10/1949, Chủ tịch Hồ Chí Minh viết bài báo Dân vận.\n\n"
        "Huyện Diễn Châu có 39 đơn vị hành chính cấp xã."
    )
    assert _times(history)["39 đơn vị"] is None


def test_a_period_inside_a_document_named_in_the_headline_is_not_the_articles() -> None:
    """The date inside 'Đề án "... giai đoạn 2022-2027"' is kept as a date, but it is the plan's period:
    a count of today in the body is not dated by it."""
    record = extract(
        build_document(
            "Hiện thời lượng môn pháp luật ở trình độ trung cấp chỉ 15 giờ.",
            title='Bộ lấy ý kiến Dự thảo Đề án "Tăng cường phổ biến giáo dục pháp luật giai đoạn 2022-2027"',
            published="2021-04-13",
        )
    )
    assert [d["value"] for d in record["dates"]] == ["2022/2027"]
    assert [f["time"] for f in record["figures"]] == ["2021"]


def test_what_holds_now_in_a_report_on_months_is_of_the_publication_year_not_the_months() -> None:
    doc = build_document(
        "Trong tháng 5/2021 đã phê duyệt chủ trương đầu tư cho 01 dự án.\n\n"
        "Đến nay, toàn tỉnh có tổng số 599 dự án đầu tư.",
        title="Thu hút đầu tư của tỉnh tháng 5 năm 2021",
        published="2021-06-05",
    )
    times = {f["text"]: f["time"] for f in extract(doc)["figures"]}
    assert times["01 dự án"] == "2021-05"  # a result of the month
    assert times["599 dự án"] == "2021"  # a state at its end: the publication's year, not the month


def test_what_holds_now_after_a_span_of_years_keeps_the_span() -> None:
    text = (
        "Qua 5 năm triển khai, tổ chức thực hiện Chỉ thị số 05-CT/TW, nhận thức của cán bộ được nâng lên.\n\n"
        "Đến nay, huyện có 100% cán bộ, đảng viên hoàn thành tốt các nội dung đăng ký thực hiện."
    )
    doc = build_document(text, title="Kết quả 5 năm học tập và làm theo Bác", published="2021-04-12")
    assert extract(doc)["figures"][0]["time"] == "2016/2021"  # the five years' result (seed gold)


def _published_times(text: str) -> dict[str, str | None]:
    record = extract(build_document(text, published="2020-10-10"))
    return {f["text"]: f["time"] for f in record["figures"]}


def test_a_period_closing_the_sentence_dates_the_clauses_before_it() -> None:
    times = _published_times(
        "Đảng bộ Khối đã tổ chức được 1 lớp bồi dưỡng đối tượng kết nạp Đảng cho 103 quần chúng ưu tú; "
        "2 lớp bồi dưỡng lý luận chính trị dành cho 159 đảng viên dự bị trong 9 tháng năm 2020."
    )
    assert times["103 quần chúng"] == "2020-01/2020-09"  # across the semicolon, not the publication year
    assert times["159 đảng viên"] == "2020-01/2020-09"


def test_a_date_of_the_figures_own_clause_comes_before_the_period_closing_the_sentence() -> None:
    times = _published_times(
        "Năm 2019, toàn tỉnh kết nạp 300 đảng viên; năm 2020 kết nạp 350 đảng viên trong 9 tháng năm 2020."
    )
    assert times["300 đảng viên"] == "2019"


def test_a_period_inside_the_sentence_does_not_date_the_clauses_before_it() -> None:
    times = _published_times(
        "Toàn tỉnh kết nạp 300 đảng viên; trong 9 tháng năm 2019 có 12 chi bộ được thành lập mới."
    )
    assert times["300 đảng viên"] == "2020"  # the date opens another clause and does not close the sentence


def test_a_party_term_after_a_cue_is_the_figures_period_not_a_congress_name() -> None:
    times = _published_times("Đảng bộ đã kết nạp được 300 đảng viên mới trong nhiệm kỳ 2015-2020.")
    assert times["300 đảng viên mới"] == "2015/2020"
    named = _published_times("Ngày 10/10, Đảng bộ tổ chức Đại hội nhiệm kỳ 2020-2025 với 250 đại biểu.")
    assert named["250 đại biểu"] != "2020/2025"  # a term naming the congress dates no count


def test_a_span_from_a_day_to_the_same_day_years_later_is_an_anniversary_not_a_period() -> None:
    text = (
        "Ngày 4/12, Hội Cựu chiến binh huyện họp mặt kỷ niệm 30 năm Ngày truyền thống Hội Cựu chiến binh "
        "Việt Nam (6/12/1989 - 6/12/2019).\n\n"
        "Dịp này, UBND huyện đã tặng giấy khen cho 10 tập thể có thành tích xuất sắc."
    )
    record = extract(build_document(text, published="2019-12-05"))
    times = {f["text"]: f["time"] for f in record["figures"]}
    assert times["10 tập thể"] == "2019-12-04"  # the meeting's day, not the 30 years


def test_a_period_after_trong_closes_a_comparison_instead_of_being_its_base() -> None:
    times = _published_times("Doanh số tăng 20% so với cùng kỳ năm ngoái trong quý 1/2020.")
    assert times["20%"] == "2020-01/2020-03"
    based = _published_times("Trong quý 1/2020, doanh số tăng 20% so với cùng kỳ năm 2019.")
    assert based["20%"] == "2020-01/2020-03"  # a base right after the comparison stays a base


def test_a_period_in_a_plans_title_yields_to_a_date_of_the_figures_own_sentence() -> None:
    times = _published_times(
        "Thực hiện Kế hoạch phát triển kinh tế - xã hội giai đoạn 2015 - 2019, đảng bộ có 66 tổ chức cơ sở "
        "đảng; tổng số đảng viên tính đến ngày 01/3/2020 có 4.055 đồng chí."
    )
    assert times["66 tổ chức cơ sở đảng"] == "2020-03-01"  # the "as of" day, not the plan's years
    yearly = _published_times(
        "Thực hiện Kế hoạch phát triển kinh tế - xã hội giai đoạn 2015 - 2019, trong năm, Đảng ủy Khối đã "
        "tổ chức 4 lớp bồi dưỡng lý luận chính trị."
    )
    assert yearly["4 lớp"] == "2020"  # "trong năm": the article's year


def test_a_period_in_a_plans_title_dates_what_nothing_else_of_its_sentence_dates() -> None:
    times = _published_times(
        "Thực hiện Chương trình mục tiêu quốc gia giai đoạn 2016 - 2020, huyện đã giải ngân 120 tỷ đồng."
    )
    assert times["120 tỷ đồng"] == "2016/2020"


def test_targets_a_congress_sets_are_for_the_term_it_opens() -> None:
    text = (
        "Ngày 12/8, Hội Nông dân huyện tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2023-2028.\n\n"
        "Nhiệm kỳ qua, Hội đã kết nạp 1.200 hội viên mới.\n\n"
        "Đại hội đã đề ra 9 chỉ tiêu chủ yếu: phấn đấu 100% cơ sở hội đạt vững mạnh; "
        "kết nạp ít nhất 2.000 hội viên mới."
    )
    times = _dated_times(text, "2023-08-13")
    assert times["1.200 hội viên"] == "2018/2023"  # the term the congress closes
    assert times["100%"] == times["2.000 hội viên"] == "2023/2028"  # not the paragraph before's


def test_targets_outside_a_congress_paragraph_keep_the_period_reported() -> None:
    text = (
        "Ngày 12/8, Hội Nông dân huyện tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2023-2028.\n\n"
        "Nhiệm kỳ qua, Hội đã kết nạp 1.200 hội viên mới; phấn đấu 100% cơ sở hội đạt vững mạnh."
    )
    assert _dated_times(text, "2023-08-13")["100%"] == "2018/2023"  # no congress sets it here


def test_a_dated_target_in_a_congress_paragraph_keeps_its_own_date() -> None:
    text = (
        "Ngày 12/8, Hội Nông dân huyện tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2023-2028.\n\n"
        "Năm 2024, Đại hội đề ra chỉ tiêu phấn đấu 100% cơ sở hội đạt vững mạnh."
    )
    assert _dated_times(text, "2023-08-13")["100%"] == "2024"


def test_a_target_after_the_term_under_review_in_its_paragraph_keeps_that_term() -> None:
    text = (
        "Ngày 25/6, Đảng bộ Công ty tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025–2030.\n\n"
        "Báo cáo chính trị trình tại Đại hội cho thấy, trong nhiệm kỳ 2020–2025, Đảng ủy Công ty đã lãnh đạo "
        "thực hiện các mục tiêu. Sản lượng mủ cao su khai thác đạt 128.849 tấn/130.449 tấn kế hoạch."
    )
    assert _dated_times(text, "2025-06-26")["130.449 tấn"] == "2020/2025"


_YEAR_END_REVIEW = "Năm 2023, Ủy ban Mặt trận Tổ quốc tỉnh vận động Quỹ đạt kết quả tốt"
_HOUSES = "Toàn tỉnh có 120 hộ được hỗ trợ."


@pytest.mark.parametrize(
    ("text", "published", "figure", "time"),
    [
        pytest.param(
            f"{_HOUSES}\n\n{_YEAR_END_REVIEW}.",
            "2024-01-19",
            "120 hộ",
            "2023",
            id="early-year-review-dates-by-the-year-reviewed",
        ),
        pytest.param(
            f"{_HOUSES}\n\n{_YEAR_END_REVIEW}.",
            "2024-06-19",
            "120 hộ",
            "2024",
            id="mid-year-page-is-no-year-end-review",
        ),
        pytest.param(
            f"{_HOUSES}\n\n{_YEAR_END_REVIEW}; năm 2024 tiếp tục vận động.",
            "2024-01-19",
            "120 hộ",
            "2024",
            id="page-naming-its-own-year-keeps-it",
        ),
        pytest.param(
            "Vật chất tối chiếm khoảng 25% Vũ trụ.\n\nVào mùa hè năm 2023, nhóm nghiên cứu công bố.",
            "2024-03-28",
            "25%",
            "2024",
            id="year-named-in-passing-is-no-review",
        ),
        pytest.param(
            f"Hiện nay, toàn tỉnh có 120 hộ nghèo.\n\n{_YEAR_END_REVIEW}.",
            "2024-01-19",
            "120 hộ nghèo",
            "2024",
            id="what-holds-now-keeps-the-publication-year",
        ),
    ],
)
def test_an_early_year_page_reviews_last_year_only_when_it_opens_a_clause_on_it_and_names_none_of_its_own(
    text: str, published: str, figure: str, time: str
) -> None:
    assert _dated_times(text, published)[figure] == time


def test_an_undated_review_reports_on_the_period_reviewed_not_the_one_its_tasks_are_planned_for() -> None:
    text = (
        "Ngày 12-7, Hội Cựu chiến binh huyện sơ kết công tác hội 6 tháng đầu năm, triển khai nhiệm vụ "
        "6 tháng cuối năm 2024. Hiện nay, toàn huyện có 3.215 hội viên.\n\n"
        "Trong 6 tháng cuối năm, Hội tập trung chuẩn bị Đại hội."
    )
    assert _times(text)["3.215 hội viên"] == "2024-01/2024-06"
    # a span carried out or reviewed ("thực hiện nhiệm vụ ...") is no plan ahead
    done = (
        "Hội Cựu chiến binh huyện tổng kết thực hiện nhiệm vụ 6 tháng cuối năm 2024. "
        "Hiện nay, toàn huyện có 3.215 hội viên."
    )
    assert _times(done)["3.215 hội viên"] == "2024-07/2024-12"


def test_the_past_year_on_a_page_of_the_first_half_is_the_year_just_closed() -> None:
    text = "Trong năm qua, Huyện ủy kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,61%."
    assert _dated_times(text, published="2018-01-01")["358 đảng viên mới"] == "2017"
    assert _dated_times(text, published="2018-04-20")["7,61%"] == "2017"
    # late in the year the twelve months before publication are mostly the publication year's
    assert _dated_times(text, published="2017-12-30")["358 đảng viên mới"] == "2017"
    # a bare "Trong năm" is still the publication year
    bare = "Trong năm, Huyện ủy kết nạp được 358 đảng viên mới."
    assert _dated_times(bare, published="2018-04-20")["358 đảng viên mới"] == "2018"


def test_a_bracketed_asides_period_is_not_the_one_the_paragraph_goes_on_with() -> None:
    text = (
        "Trong 3 năm qua, từ 2006 - 2008, toàn tỉnh đã trồng được 15.530 ha rừng, bằng 70% kế hoạch "
        "(theo chỉ tiêu đến năm 2008 của Nghị quyết 16 trồng được 39.845 ha, bằng 99,6%). "
        "Sản lượng gỗ đã khai thác 519,3 ngàn m3."
    )
    times = _dated_times(text, published="2009-01-20")
    assert times["39.845 ha"] == "2008"  # the aside keeps its own period
    assert times["519,3 ngàn m3"] == "2006/2008"  # the next sentence goes on with the three years
    # an aside with no figure of its own leaves the sentence's period to go on with as before
    plain = "Năm 2020, toàn tỉnh trồng 500 ha rừng (chủ yếu là keo). Sản lượng gỗ đạt 20 ngàn m3."
    assert _dated_times(plain)["20 ngàn m3"] == "2020"


def test_a_value_bracketed_right_after_a_plain_comparison_base_is_the_bases() -> None:
    text = (
        "Năm 2009, tỷ lệ đỗ tốt nghiệp cả nước đạt hơn 80%, tăng hơn so với năm 2008 (75,96%). "
        "Cả nước có 63 hội đồng thi."
    )
    times = _dated_times(text, "2009-07-01")
    assert times["75,96%"] == "2008"  # what 2009's 80% is compared with: the base year's
    assert times["80%"] == times["63 hội đồng"] == "2009"  # and no period the paragraph goes on with
    # a word between the bracket and the number makes it a figure of the sentence's own period
    worded = _dated_times(text.replace("(75,96%)", "(đạt 75,96%)"), "2009-07-01")
    assert worded["75,96%"] == "2009"


def test_a_number_opening_a_comparisons_base_is_of_the_date_closing_its_phrase() -> None:
    text = (
        "Trong 3 tháng quý I/2021, đã có 340 triệu smartphone được bán ra, "
        "tăng 24% so với 275 triệu máy bán ra trong quý I/2020. Dư nợ đạt 443.478 tỷ đồng, "
        "tăng 2,6% so với 432.009 tỷ đồng ở thời điểm cuối năm ngoái."
    )
    times = _dated_times(text, "2021-04-20")
    assert times["275 triệu máy"] == "2020-01/2020-03"  # what the base measured then
    assert times["432.009 tỷ đồng"] == "2020"
    assert times["340 triệu smartphone"] == times["24%"] == times["2,6%"] == "2021-01/2021-03"
    # a stop between the number and the date: the date frames no base
    stopped = "Quý I/2021, doanh số tăng 24% so với 275 triệu máy. Quý I/2020 khó khăn."
    cut = _dated_times(stopped, "2021-04-20")
    assert cut["275 triệu máy"] == "2021-01/2021-03"
