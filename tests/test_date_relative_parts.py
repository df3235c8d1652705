"""A part of a year with its relative year after it, and a day before a month named in words."""

from __future__ import annotations

from pipeline.extract import build_document
from pipeline.extract.kinds import dates


def _values(text: str, published: str | None = "2021-04-21") -> list[tuple[str, str]]:
    doc = build_document(text, published=published)
    return [(m.attrs["value"], m.text) for m in dates.find(doc)]


def test_part_of_year_takes_the_relative_year_written_after_its_nam() -> None:
    assert _values("Doanh thu 6 tháng đầu năm ngoái đạt 50 tỷ đồng.") == [
        ("2020-01/2020-06", "6 tháng đầu năm ngoái")]
    assert _values("Dự án khởi công vào nửa cuối năm nay.") == [("2021-07/2021-12", "nửa cuối năm nay")]
    assert _values("Lợi nhuận 9 tháng năm nay tăng mạnh.") == [("2021-01/2021-09", "9 tháng năm nay")]


def test_a_clause_word_after_the_part_is_no_relative_year() -> None:
    # "sau khi", "trước đó": the clause's words, the part stays the article's year
    assert _values("Doanh thu 6 tháng cuối năm sau khi tái cơ cấu tăng.") == [
        ("2021-07/2021-12", "6 tháng cuối năm")]
    assert _values("Doanh thu 6 tháng đầu năm trước đó tăng.") == [("2021-01/2021-06", "6 tháng đầu năm")]


def test_a_day_before_a_month_named_in_words_is_that_day() -> None:
    assert _values("Ngày 15 tháng Mười Hai năm 2020, hội nghị diễn ra.") == [
        ("2020-12-15", "Ngày 15 tháng Mười Hai năm 2020")]
    assert _values("Vào ngày 3 tháng Năm năm 2021, hội nghị diễn ra.")[0][0] == "2021-05-03"
    assert _values("Ngày 2 tháng Chín, hội nghị diễn ra.")[0][0] == "2021-09-02"


def test_a_count_before_month_words_is_no_day() -> None:
    # lower case "năm" is the year ("9 tháng năm 2017"); "3 tháng hai" without "ngày" may be a count
    assert _values("Doanh thu 9 tháng năm 2017 tăng.") == [("2017-01/2017-09", "9 tháng năm 2017")]
    assert _values("Khám định kỳ 6 tháng một lần.") == []
    assert _values("Sau 3 tháng hai bên đã ký kết hợp đồng.") == []


def test_whole_quarters_from_the_year_s_edge_are_its_months() -> None:
    assert _values("Tổng thiệt hại trong 2 quý đầu năm nay khoảng 861 triệu USD.") == [
        ("2021-01/2021-06", "2 quý đầu năm nay")]
    assert _values("Doanh thu hai quý cuối năm 2020 tăng.") == [("2020-07/2020-12", "hai quý cuối năm 2020")]
    assert _values("Doanh thu 5 quý đầu năm tăng.") == []  # a year has four quarters


def test_a_decade_written_by_its_tens() -> None:
    assert _values("Phim nổi tiếng của thập niên 90, khi đó cô mới vào nghề.") == [
        ("1990/1999", "thập niên 90")]
    assert _values("Doanh nghiệp có từ những năm 80 của thế kỷ trước.") == [
        ("1980/1989", "những năm 80 của thế kỷ trước")]


def test_a_decade_of_the_tens_ten_to_thirty_needs_its_century() -> None:
    assert _values("Kinh tế những năm 20 của thế kỷ XXI tăng trưởng; phim của những năm 20.") == [
        ("2020/2029", "những năm 20 của thế kỷ XXI")]
    assert _values("Tên lửa xuất hiện vào thập niên 30; phở có từ những năm 30 của thế kỷ trước.") == [
        ("1930/1939", "những năm 30 của thế kỷ trước")]


def test_tens_after_a_decade_word_that_count_something_are_no_decade() -> None:
    assert _values("Ông bước sang những năm 60 tuổi; các năm 30 - 40 người tham gia.") == []


def test_an_event_named_by_its_month_is_dated_by_the_year_after_its_slash() -> None:
    assert _values("Thắng lợi của Cách mạng tháng 8/1945 mở ra kỷ nguyên mới.") == [("1945", "tháng 8/1945")]
    assert _values("Tổng khởi nghĩa tháng 8-1945 thắng lợi.") == [("1945", "tháng 8-1945")]
    assert _values("Cách mạng Tháng Tám năm 1945 thành công.") == [("1945", "năm 1945")]
