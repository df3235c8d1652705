"""Properties of the cleaner, the extractors and decoding, on generated pages (hypothesis)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.clean import lines as clean
from pipeline.clean.structure import WRAPPED_HEADLINE_LINES
from pipeline.engine.stages import PLAIN_RUN, clean_stage
from pipeline.extract import build_document, extract
from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.legacy_fonts import COMMON_SYLLABLES, unicode_to_vni
from pipeline.model import RawArticle, VnieError, empty_record
from tests.hostile.make_corpus import seed_text, to_cp1258
from tests.test_invariants import check_offsets

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLASSES = {clean.TITLE, clean.META, clean.BODY, clean.CAPTION, clean.BOILERPLATE}

# Lines a news page is made of: real sentences, furniture, datelines, bylines, captions, odd ones.
SEED_LINES = [line for line in seed_text().split("\n") if line.strip()]
PAGE_LINES = st.sampled_from([
    *SEED_LINES, "Phản hồi", "Các tin khác", "Mới nhất", "BÌNH LUẬN", "(0) Bình luận", "Chia sẻ bài viết",
    "12/04/2021 - 06:35", "Lam Giang| 24/10/2017 10:03", "Thứ hai, 12/4/2021, 06:35 (GMT+7)",
    "Bài, ảnh: Triều Dương", "Ảnh: D.My", "Theo http://baoninhthuan.com.vn", "Nguồn: TTXVN", "Xuân Bính",
    "Phó Bí thư Thường trực Đảng ủy Khối", "\xa0", "- Không.", "“Đúng vậy”, ông nói.", "...", "***", "|",
    "Chỉ thị số 05-CT/TW", "Nghị quyết Trung ương 4 (khóa XI, XII)", "ĐẢNG BỘ KHỐI", "A", "1.234,5",
])
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
NOISE = st.text(alphabet=LETTERS + "0123456789 .,;:-–/()“”\"'%…!?\t\xa0", min_size=1, max_size=80)
LINE = st.one_of(PAGE_LINES, PAGE_LINES, NOISE)
PAGE = st.lists(LINE, min_size=1, max_size=25).map("\n".join)
OPTIONAL_TITLE = st.one_of(st.none(), st.just(SEED_LINES[0]), NOISE)

PIECES = st.sampled_from([
    "Chỉ thị số 05-CT/TW", "Chỉ thị 05", "Nghị quyết 58-NQ/TW, ngày 5-8-2020", "Quyết định số 1234/QĐ-UBND",
    "Nghị định 30/2020/NĐ-CP", "Nghị quyết Trung ương 4 (khóa XI, XII)", "3.650 đảng viên", "97,5%",
    "gần 12.000 cán bộ", "1,5 tỷ đồng", "40-50%", "từ 30 triệu đến 40 triệu đồng", "ngày 7-4-2021",
    "ngày 30-6", "năm 2016", "giai đoạn 2016-2020", "9 tháng năm 2017", "Từ năm 2016 đến nay",
    "Đảng ủy Khối", "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Ninh Thuận", "tổ chức cơ sở đảng (TCCSĐ)",
    "UBND tỉnh", "HĐND", "Bộ Chính trị", "ông Lê Đức Khai, Bí thư Đảng ủy Khối", "Hồ Chí Minh",
    "xã Tân Thiềng", "huyện Chợ Lách", "Hà Nội", "Việt Nam", "\n", "\n\n", " ", ", ", ". ", "; ", "(", ")",
    "“", "”", "…", "-", "/", "🙂", "\xa0", "\t",
])
TEXT = st.lists(st.one_of(PIECES, PIECES, PIECES, NOISE), min_size=1, max_size=30).map("".join)
FIELD = st.lists(st.one_of(PIECES, NOISE), min_size=1, max_size=6).map("".join).filter(str.strip)


@SETTINGS
@given(PAGE, OPTIONAL_TITLE)
def test_the_cleaner_classifies_every_line_once_in_order(page: str, title: str | None) -> None:
    lines = clean.classify(page, title)
    # each line once, in order; pieces of one sentence a single break cut may come back as one line
    raws = [raw.strip() for raw in page.split("\n") if raw.strip()]
    assert "".join(line.text for line in lines).replace(" ", "") == "".join(raws).replace(" ", "")
    assert len(lines) <= len(raws) and all(line.text.strip() for line in lines)
    assert {line.cls for line in lines} <= CLASSES
    titles = [i for i, line in enumerate(lines) if line.cls == clean.TITLE]
    assert titles == list(range(titles[0], titles[0] + len(titles))) if titles else True  # one headline,
    assert len(titles) <= WRAPPED_HEADLINE_LINES  # on one line or wrapped over a few, never two apart


@SETTINGS
@given(PAGE, OPTIONAL_TITLE)
def test_body_lines_are_never_lost(page: str, title: str | None) -> None:
    lines = clean.classify(page, title)
    body = [line.text for line in lines if line.cls == clean.BODY]
    if not body and title is None:  # a one-paragraph page: its only line is the article
        body = [line.text for line in lines if line.cls == clean.TITLE]
    if not body:  # a photo story: its captions are the article
        body = [line.text for line in lines if line.cls == clean.CAPTION]
    raw = RawArticle(path="page.txt", text=page, title=title, digest="p")
    record = empty_record(raw)
    try:
        clean_stage(raw, record, PLAIN_RUN)
    except VnieError as error:
        assert error.kind == "no_body" and not body
        return
    assert record["text"].split("\n\n") == body
    kept = record["text"].split("\n\n") + record["meta"] + record["captions"] + record["boilerplate"]
    for line in body + record["captions"]:
        assert line in kept


def _record_from_fields(text: str, title: str | None, captions: list[str], meta: list[str]) -> dict[str, Any]:
    """The extraction fields of a record, with the strings their offsets index."""
    doc = build_document(text, title=title, captions=captions, meta=meta, published="2021-04-12")
    return {"text": text, "title": title, "captions": captions, "meta": meta, **extract(doc)}


@SETTINGS
@given(TEXT, st.one_of(st.none(), FIELD), st.lists(FIELD, max_size=2), st.lists(FIELD, max_size=2))
def test_extractors_never_raise_and_every_offset_is_exact(
    text: str, title: str | None, captions: list[str], meta: list[str]
) -> None:
    assume(text.strip())
    record = _record_from_fields(text, title, captions, meta)
    check_offsets(record)
    fields = {"text", "title", *(f"captions.{i}" for i in range(len(captions))),
              *(f"meta.{i}" for i in range(len(meta)))}
    for entity in record["entities"]:
        assert entity["start"] < entity["end"] and entity.get("field", "text") in fields


@SETTINGS
@given(TEXT)
def test_extraction_is_the_same_for_nfd_input_once_decoded(text: str) -> None:
    assume(text.strip())
    decoded = decode_bytes(unicodedata.normalize("NFD", text).encode())
    assert unicodedata.is_normalized("NFC", decoded)
    assert decoded == decode_bytes(unicodedata.normalize("NFC", text).encode())
    check_offsets(_record_from_fields(decoded, None, [], []))


VIETNAMESE_WORDS = st.lists(st.sampled_from(sorted(COMMON_SYLLABLES)), min_size=6, max_size=40)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "vni"]


@settings(max_examples=100, deadline=None)
@given(VIETNAMESE_WORDS, st.sampled_from(["NFC", "NFD"]), st.sampled_from(ENCODINGS))
def test_decoding_gives_nfc_whatever_the_encoding(words: list[str], form: str, encoding: str) -> None:
    # NFD in UTF-16 without a BOM is test_short_nfd_utf16_without_bom (a known bug) below
    assume(not (form == "NFD" and encoding in ("utf-16-le", "utf-16-be")))
    text = " ".join(words)
    written = unicodedata.normalize(form, text)
    if encoding == "cp1258":
        data = to_cp1258(written)
    elif encoding == "vni":
        data = unicode_to_vni(written).encode("cp1252")
    else:
        data = written.encode(encoding)
    decoded = decode_bytes(data)
    assert unicodedata.is_normalized("NFC", decoded)
    assert decoded == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_seed_decodes_to_nfc_in_either_form(form: str) -> None:
    seed = seed_text()
    assert decode_bytes(unicodedata.normalize(form, seed).encode()) == unicodedata.normalize("NFC", seed)


@pytest.mark.xfail(strict=True, reason="decode._utf16_by_nulls: in NFD the grave accent U+0300 puts a NUL in "
                                       "the other byte of its code unit; over 5% of them (a short text) and "
                                       "UTF-16 without a BOM is called binary")
def test_short_nfd_utf16_without_bom() -> None:
    text = "biến biến biến biến bài phòng"
    assert decode_bytes(unicodedata.normalize("NFD", text).encode("utf-16-le")) == text
