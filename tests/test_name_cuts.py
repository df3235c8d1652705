"""Words cut where underthesea glues a name to a common word (pipeline/extract/name_cuts.py)."""

from __future__ import annotations

import pytest
from underthesea import word_tokenize as stock

from pipeline.extract import extract
from pipeline.extract.document import build_document
from pipeline.extract.name_cuts import cut_words, name_cuts
from pipeline.extract.tokenize import tokenize, word_tokenize

KNOWN = frozenset({"nông dân", "chủ tịch", "khám chữa"})


def _flags(words: list[list[str]]) -> tuple[list[str], list[bool]]:
    """Tokens and continues-the-word flags of words given as lists of syllables."""
    return [t for word in words for t in word], [j > 0 for word in words for j in range(len(word))]


@pytest.mark.parametrize(("words", "cuts"), [
    ([["UBND"], ["Hòa"], ["Bình", "nhận"], ["bằng"]], {3}),  # a name's last syllable and its verb
    ([["Ông"], ["Nguyễn", "Thị", "Doan", "dự"]], {4}),  # a whole name and its verb
    ([["của"], ["đền", "Thiên"], ["Cổ"]], {2}),  # a common word and the name after it
    ([["Hội"], ["Nông", "dân"]], set()),  # a known word across the change of case
    ([["Cục"], ["Khám", "chữa"], ["bệnh"]], set()),  # known: the segmenter writes it in lower case
    ([["Hội"], ["Người", "mù"]], set()),  # "mù" may carry a name on (an adjective), not end it
    ([["Tập", "đoàn"], ["Vingroup", "kiêm"]], {3}),  # a foreign name after a capitalised word
    ([["Chủ", "tịch"], ["HĐQT", "nhàn"]], {3}),  # so too an acronym
    ([["Phòng", "khám"], ["Nam", "học"]], set()),  # a Vietnamese syllable may open a compound there
    ([["Trump", "tuyên", "bố"]], set()),  # no capitalised run before: a sentence's first word is alike
    ([["châu", "Âu"], ["họp"]], set()),  # no capitalised run after
    ([["Sở"], ["Giáo", "dục", "và", "Đào", "tạo"]], set()),  # "và" joins the parts of one name
    ([["Công", "ty"], ["thủy"], ["điện", "Ialy"], ["cho"]], {4}),  # a trade glued to a lone foreign name
    ([["Học", "viện"], ["cán", "bộ", "TPHCM"]], {4}),  # or to an acronym
    ([["giành"], ["8"], ["giải", "Oscar"]], set()),  # after a number: the unit and its kind, one word
    ([["ở"], ["miền", "Nam"]], set()),  # a Vietnamese syllable alone is no foreign name
])
def test_name_cuts_where_a_name_and_a_common_word_share_a_word(words, cuts) -> None:
    tokens, inside = _flags(words)
    assert name_cuts(tokens, inside, KNOWN) == cuts


def test_cut_words_cuts_underthesea_s_own_words() -> None:
    assert cut_words(["UBND", "Hòa", "Bình nhận", "bằng"], KNOWN) == ["UBND", "Hòa", "Bình", "nhận", "bằng"]
    assert cut_words(["Hội", "Nông dân"], KNOWN) == ["Hội", "Nông dân"]


def test_the_segmenter_decodes_again_around_a_cut() -> None:
    text = "Hôm qua, UBND tỉnh Hòa Bình nhận bằng khen."
    assert "Bình nhận" in stock(text)  # the glue this module is for
    words = word_tokenize(text)
    assert "Hòa Bình" in words and "nhận" in words  # the CRF joins the name once the verb is cut off
    # every other word stays as underthesea gave it
    assert word_tokenize("Hội Nông dân tỉnh") == stock("Hội Nông dân tỉnh")


def test_cut_words_keep_exact_offsets() -> None:
    text = "Hôm qua, Huyện ủy Anh Sơn nhận bằng khen."
    doc = tokenize(text)
    assert doc.text == text
    assert [t.text for t in doc][2:5] == ["Huyện ủy", "Anh Sơn", "nhận"]
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("Hôm qua, Huyện ủy Anh Sơn nhận bằng khen.", "organizations", "Huyện ủy Anh Sơn"),
    ("Ông Mai Phạm Cao, Giám đốc dự án Công ty Tân Thời Đại kỳ vọng vào tương lai.", "organizations",
     "Công ty Tân Thời Đại"),
])
def test_a_name_glued_to_its_verb_ends_before_the_verb(text: str, kind: str, name: str) -> None:
    assert name in [x["name"] for x in extract(build_document(text=text)).get(kind, [])]


def test_text_on_underthesea_s_own_path_is_cut_too() -> None:
    text = "Hôm qua, UBND tỉnh Hòa Bình nhận bằng khen 😀"  # a character outside the fast path
    assert "Bình nhận" in stock(text)
    words = word_tokenize(text)
    assert "nhận" in words and "Bình nhận" not in words


@pytest.mark.parametrize(("words", "cuts"), [
    ([["Báo"], ["Ấp", "Bắc", "thông", "tin"], ["thêm"]], {3}),  # a name glued to the verb that reports
    ([["Ban"], ["Công", "tác"], ["Đoàn", "thông", "tin"], ["về"]], {4}),  # right after a capitalised word
    ([["Ban"], ["Công", "tác"], ["Đoàn", "thông", "tin"], [","], ["năm"]], {4}),  # a comma, then content
    ([["Ban"], ["Công", "tác"], ["Đoàn", "thông", "tin"], ["."]], {4}),  # the sentence's end
    ([["Cục"], ["An", "toàn", "thông", "tin"], [","], ["Bộ"]], set()),  # a body after the comma: its parent
    ([["Ban"], ["Công", "tác"], ["Đoàn", "thông", "tin"], ["mới"]], set()),  # no content after it
])
def test_a_reporting_verb_glued_to_a_name_is_cut_where_its_content_follows(words, cuts) -> None:
    tokens, inside = _flags(words)
    assert name_cuts(tokens, inside, KNOWN | {"an toàn"}) == cuts


def test_a_body_that_reports_ends_before_the_verb() -> None:
    text = "Báo Ấp Bắc thông tin thêm, năm nay có 20 hội viên mới."
    assert "Báo Ấp Bắc" in [x["name"] for x in extract(build_document(text=text)).get("organizations", [])]
