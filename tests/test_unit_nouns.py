"""A bare classifier after the full noun it counted earlier in the article."""

from __future__ import annotations

from pipeline.extract import build_document, extract


def _figures(text: str) -> list[dict]:
    """The figures of a one-paragraph article."""
    return extract(build_document(text, published="2021-04-21"))["figures"]


def _measure(text: str, value: float) -> str | None:
    return next(f["measure"] for f in _figures(text) if f["value"] == value)


def test_a_bare_classifier_counts_the_noun_it_counted_before() -> None:
    text = "Năm 2019, hội xây dựng 16 căn nhà đồng đội, sửa chữa 25 căn."
    assert _measure(text, 25) == "nhà đồng đội"


def test_a_bare_classifier_with_nothing_before_stays_itself() -> None:
    assert _measure("Năm 2019, hội sửa chữa 25 căn.", 25) == "căn"


def test_a_generic_unit_takes_no_noun_from_before() -> None:
    text = "Năm 2019, xã có 300 người dân tộc thiểu số; năm 2020 có 25 người."
    assert _measure(text, 25) != "dân tộc thiểu số"


def test_a_verb_read_after_a_classifier_is_no_noun_to_carry() -> None:
    text = "Năm 2020, ví dụ 10 con mực thì chỉ có khoảng 7 con sống, 3 con sẽ chết."
    assert _measure(text, 3) == "mực"
