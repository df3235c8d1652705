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
