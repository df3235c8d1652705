"""Who states a figure (spec section 4a `source`): cues and how far a named source reaches."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _sources(text: str, title: str | None = None) -> list[tuple[str, str, str | None]]:
    record = extract(build_document(text, title=title, published="2024-01-02"))
    return [(f["field"], f["text"], f["source"]) for f in record["figures"]]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        # "Theo X:" opens its content with a colon as "Theo X," does with a comma
        ("Theo thông tin từ huyện Lạc Dương:", "huyện Lạc Dương"),
        ("Theo Sở Y tế tỉnh:", "Sở Y tế tỉnh"),
        # a reporting verb before the colon names the speaker itself, without the verb
        ("Thông tin từ UBMTTQ huyện Đakrông cho biết:", "UBMTTQ huyện Đakrông"),
        # "in accordance with" a plan: nobody states the figure
        ("Theo kế hoạch:", None),
    ],
)
def test_theo_and_a_colon_name_who_states_what_follows(opening: str, source: str | None) -> None:
    text = f"{opening} Đến thời điểm hiện tại, trên địa bàn toàn huyện có 130 hộ được công nhận thoát nghèo."
    assert [s for _, _, s in _sources(text)] == [source]


@pytest.mark.parametrize(
    ("document", "source"),
    [
        # a document that names its issuer credits the figures to it (the name as written)
        ("Quyết định số 219-QĐ/TU ngày 7-8-2025 của Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        # one that names nobody is what the figures accord with: no source
        ("Quyết định 759/QĐ-TTg ngày 14/4/2025", None),
        ("Đề án điều chỉnh quy hoạch phát triển CCN trên địa bàn tỉnh đến năm 2020", None),
    ],
)
def test_theo_a_document_credits_only_the_issuer_it_names(document: str, source: str | None) -> None:
    found = [s for _, _, s in _sources(f"Theo {document}, toàn tỉnh sẽ có 62 CCN.")]
    assert len(found) == 1 and (found[0] is None) == (source is None)
    assert source is None or source in found[0]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        # words naming the report's topic stand between its noun and "của": the name after it made it
        (
            "Theo công bố xếp hạng chuyển đổi số năm 2020 của Bộ Thông tin và Truyền thông,",
            "Bộ Thông tin và Truyền thông",
        ),
        ("Theo báo cáo tổng kết công tác năm 2020 của UBND huyện Chợ Lách,", "UBND huyện Chợ Lách"),
        ("Theo kết quả điều tra của Tổng cục Thống kê,", "Tổng cục Thống kê"),
        # the maker named right after the report's "của" keeps its whole name
        ("Theo ước tính của Cơ quan liên chính phủ về biến đổi khí hậu của Liên Hợp Quốc,", "Cơ quan"),
        # a document between: its "của" names its issuer, not who made the report
        ("Theo báo cáo kết quả thực hiện Nghị quyết 15 của Tỉnh ủy,", None),
        # a place after "của" is what the report is about, nobody who states it
        ("Theo báo cáo tình hình kinh tế - xã hội của tỉnh Quảng Nam,", None),
        ("Theo kết quả điều tra sơ bộ,", None),
    ],
)
def test_theo_a_report_on_a_topic_credits_who_made_it(opening: str, source: str | None) -> None:
    found = [s for _, _, s in _sources(f"{opening} toàn tỉnh có 130 hộ nghèo.")]
    assert len(found) == 1 and (found[0] is None) == (source is None)
    assert source is None or found[0].startswith(source)
