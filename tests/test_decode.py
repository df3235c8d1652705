"""Decoding: encodings, BOMs, legacy Vietnamese fonts, NFC, line ends and the failures."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.decode import decode_bytes, normalize_text, repair_legacy
from pipeline.ingest.legacy_fonts import (
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vietnamese_score,
    vni_to_unicode,
)
from pipeline.model import VnieError
from tests.conftest import cp1258

TEXT = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.\n"
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Đảng ủy Khối đã kết nạp 120 đảng viên mới, "
    "đạt 104% chỉ tiêu; 97,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Thủ tướng Chính phủ "
    "chỉ đạo các tỉnh, thành phố tiếp tục thực hiện nghiêm việc phòng, chống dịch bệnh."
)
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
ALL_LETTERS = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES) + "đ"


def lowercase_tcvn3(text: str) -> str:
    """TCVN3 has no capitals with tone marks (they need the .VnTimeH font): test with lowercase."""
    return "".join(c.lower() if c not in "ĂÂÊÔƠƯĐ" else c for c in text)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode(),
        b"\xef\xbb\xbf" + TEXT.encode(),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.encode("utf-32"),
        unicodedata.normalize("NFD", TEXT).encode(),
        cp1258(TEXT),
        unicode_to_vni(TEXT).encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "utf16be-bom", "utf32", "nfd", "cp1258", "vni"],
)
def test_decodes_to_nfc(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_tcvn3_bytes() -> None:
    text = lowercase_tcvn3(TEXT)
    assert decode_bytes(unicode_to_tcvn3(text).encode("cp1252")) == text
    legacy = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam"
    assert decode_bytes(legacy) == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_declared_charset_for_other_languages() -> None:
    russian = "Новости Вьетнама: правительство приняло новое постановление о развитии провинций."
    assert decode_bytes(russian.encode("cp1251"), declared="windows-1251") == russian
    chinese = "越南新闻报道，今天政府通过了新的决议。我们在公园散步。"
    assert decode_bytes(chinese.encode("gb18030")) == chinese


def test_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    data = TEXT.encode()
    damaged = data[:40] + b"\xff" + data[40:200] + b"\xc3" + data[200:]
    text = decode_bytes(damaged)
    assert text.count("\ufffd") == 2 and text.replace("\ufffd", "") == TEXT


def test_line_ends_and_controls() -> None:
    assert decode_bytes(b"a\r\nb\rc\nd\x0ce") == "a\nb\nc\nd\ne"
    assert normalize_text("x\u2028y\u2029z\x85w\ufeff\x07") == "x\ny\nz\nw"
    assert normalize_text("Vie\u0302\u0323t\tNam") == "Việt\tNam"
    assert normalize_text("a\ud800b") == "a\ufffdb"


def test_the_look_alike_eth_is_d_with_stroke() -> None:
    # Windows-1258's Đ/đ bytes read as Windows-1252 give Ð/ð: "Ðông Dương" must still be a place
    assert normalize_text("Ðông Dương, ðảng viên") == "Đông Dương, đảng viên"
    assert decode_bytes("Tỉnh Ðắk Lắk".encode()) == "Tỉnh Đắk Lắk"
    assert normalize_text("Đông Dương") == "Đông Dương"  # already right: unchanged


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \r\n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        ("   ".encode("utf-16"), "empty"),
        (b"%PDF-1.4\n...", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary"),
        (b"PK\x03\x04\x14\x00", "binary"),
        (b"\x7fELF\x02\x01\x01", "binary"),
        (b"abc\x00def\x00" * 20, "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
        (bytes(range(128, 256)) * 3, "undecodable"),
        (b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "undecodable"),
    ],
)
def test_failures(data: bytes, kind: str) -> None:
    with pytest.raises(VnieError) as raised:
        decode_bytes(data)
    assert raised.value.kind == kind and len(raised.value.message) > 30


def test_vni_and_tcvn3_tables_round_trip_every_letter() -> None:
    sample = f"{ALL_LETTERS} {ALL_LETTERS.upper()} {TEXT}"
    assert vni_to_unicode(unicode_to_vni(sample)) == sample
    lower = f"{ALL_LETTERS} ĂÂÊÔƠƯĐ {lowercase_tcvn3(TEXT)}"
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower)) == lower
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Thuû töôùng") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam, Thủ tướng"
    )
    assert tcvn3_to_unicode("§¶ng bé tØnh, n\xadíc, ®\xadîc, kh«ng") == "Đảng bộ tỉnh, nước, được, không"


def test_repair_legacy_text_only_when_it_reads_better() -> None:
    tcvn3 = unicode_to_tcvn3(lowercase_tcvn3(TEXT))
    assert repair_legacy(tcvn3) == (lowercase_tcvn3(TEXT), "tcvn3")
    assert repair_legacy(unicode_to_vni(TEXT)) == (TEXT, "vni")
    assert vietnamese_score(tcvn3) < 3 < vietnamese_score(TEXT)
    for clean in (TEXT, "Müller và Françoise đến Hà Nội © 2021 «Tin» 30°C ±2", "Ô tô, Ủy ban, ÂM NHẠC"):
        assert repair_legacy(clean) == (clean, None)


def test_utf8_read_as_cp1252_is_repaired() -> None:
    # "Đ" is C4 90 in UTF-8 and 0x90 is undefined in Windows-1252: it must survive as a C1 control
    assert "Đ" in TEXT
    mojibake = TEXT.encode().decode("cp1252", errors="vnie_latin1")
    assert repair_legacy(mojibake) == (TEXT, "utf8-as-cp1252")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except VnieError as error:
        assert error.kind in {"empty", "binary", "undecodable"}
        return
    assert unicodedata.is_normalized("NFC", text) and "\r" not in text and text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_round_trips_through_utf8(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8", errors="surrogatepass"))
    except VnieError as error:
        assert error.kind in {"empty", "binary", "undecodable"}
        return
    assert decoded == normalize_text(repair_legacy(text)[0]) or decoded == normalize_text(text)
