"""The tokenizer keeps offsets exact and protected spans whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.tokenize import tokenize

MESSY = [
    "",
    "   ",
    "\n\n\n",
    "Ông nói:  “Tôi đã   làm 05-CT/TW” và\tđi.",
    "Thực hiện Nghị định 30/2020/NĐ-CP, có 3.650 đảng viên, 97,5% đạt.\n\nCâu hai 🙂 ở đây!!!",
    "a" * 5000,
    "Lam Giang| 24/10/2017 10:03",
    "\xa0Lãnh đạo khen thưởng. Ảnh: D.My",
    "(0) Bình luận\r\nPOWERED BY ONECMS",
]


@pytest.mark.parametrize("text", MESSY)
def test_doc_text_is_the_input(text: str) -> None:
    doc = tokenize(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.", "05-CT/TW"),
        ("Theo Nghị định 30/2020/NĐ-CP ngày 5/3.", "30/2020/NĐ-CP"),
        ("Luật số 59/2020/QH14 có hiệu lực.", "59/2020/QH14"),
        ("Quyết định 1234/QĐ-UBND của tỉnh.", "1234/QĐ-UBND"),
        ("với 3.650 đảng viên", "3.650"),
        ("có 97,5% chi bộ", "97,5%"),
        ("Ngày 7-4-2021, Đảng ủy", "7-4-2021"),
        ("lúc 23h50 ngày 23/4", "23h50"),
    ],
)
def test_protected_spans_stay_one_token(text: str, whole: str) -> None:
    assert whole in [t.text for t in tokenize(text)]


def test_multi_syllable_words_and_sentences() -> None:
    doc = tokenize("Đảng bộ Khối có 95 tổ chức cơ sở đảng. Câu thứ hai.")
    assert "Đảng bộ" in [t.text for t in doc]
    assert [s.text.strip() for s in doc.sents] == ["Đảng bộ Khối có 95 tổ chức cơ sở đảng.", "Câu thứ hai."]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâđêôơư ÁàẢãẠ05-/.,%:\n\t\xa0“”CTNQ()")), max_size=120))
def test_any_string_round_trips(text: str) -> None:
    doc = tokenize(text)
    assert doc.text == text


def test_old_tone_placement_keeps_every_word() -> None:
    """underthesea writes "hoá" as "hóa": the word is still found where the text has it, not at a later
    "hóa" (which made one token of everything in between)."""
    text = "Các đơn vị đã cụ thể hoá, triển khai các phong trào. Văn hóa, xã hội phát triển."
    words = [token.text for token in tokenize(text)]
    assert "hoá" in words and "triển khai" in words and "phong trào" in words
    assert max(len(w) for w in words) <= len("triển khai")


@pytest.mark.parametrize("text", [t for t in MESSY if t.strip()])
def test_sentence_at_is_the_sentence_as_spacy_joins_it(text: str) -> None:
    from pipeline.extract.document import build_document

    segment = build_document(text).segment("text")
    assert segment is not None
    for start in range(len(text)):
        span = segment.doc.char_span(start, start + 1, alignment_mode="expand")
        sentence = (span[0] if span is not None and len(span) else segment.doc[0]).sent
        assert segment.sentence_at(start, start + 1) == sentence.text
