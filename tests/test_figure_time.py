"""The period an undated article's figures fall back on (spec 4a `time`: else the article's period)."""

from __future__ import annotations

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


def test_an_anniversary_is_no_period_of_an_undated_article() -> None:
    text = (
        "Ngôi nhà của chị Lam có diện tích 28m2 với tổng kinh phí xây dựng 65 triệu đồng.\n\n"
        "Nhân dịp kỷ niệm 90 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2019), "
        "LĐLĐ tỉnh đã hỗ trợ xây mới 05 nhà."
    )
    assert "1929-07-28/2019-07-28" not in _times(text).values()
