"""Bytes to clean Unicode text: encoding detection, legacy Vietnamese fonts, NFC and line ends."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from pipeline.ingest.legacy_fonts import LEGACY_DECODERS, vietnamese_score
from pipeline.model import VnieError
from pipeline.text import eth_as_dj

# Magic numbers of files people drop into a corpus folder by mistake.
UNPACK = "Unpack it and pass the files inside."
CONVERT = "Convert it to text first, or remove it from the inputs."
MAGIC_NUMBERS: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", CONVERT),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", CONVERT),
    (b"\xff\xd8\xff", "a JPEG image", CONVERT),
    (b"GIF87a", "a GIF image", CONVERT),
    (b"GIF89a", "a GIF image", CONVERT),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/ODT document)", UNPACK),
    (b"\x7fELF", "an executable program", CONVERT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document", CONVERT),
    (b"\x1f\x8b", "gzip-compressed data", UNPACK),
    (b"BZh91AY&SY", "bzip2-compressed data", UNPACK),
    (b"\xfd7zXZ\x00", "xz-compressed data", UNPACK),
    (b"(\xb5/\xfd", "zstd-compressed data", UNPACK),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", UNPACK),
    (b"Rar!\x1a\x07", "a RAR archive", UNPACK),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)", CONVERT),
    (b"\x00\x00\x00\x18ftyp", "an MP4/HEIC media file", CONVERT),
    (b"\x00\x00\x00\x20ftyp", "an MP4/HEIC media file", CONVERT),
)
TAR_MAGIC_OFFSET = 257  # "ustar" sits inside the first header block of a tar archive
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
SNIFF_BYTES = 8192
CONTROL_RATIO_LIMIT = 0.05  # text has tabs and newlines, almost never other C0 bytes
# Encodings named in a page or by a user that are our own converters, not Python codecs.
LEGACY_ALIASES = {"tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "vni": "vni",
                  "vni-windows": "vni", "vni-win": "vni"}  # fmt: skip

# Latin-1 symbols and letters that Vietnamese written in Unicode never needs: many of them in a
# text mean a legacy font (TCVN3, VNI) or UTF-8 read as Windows-1252.
VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# stdlib `re` for these plain character classes: several times faster than `regex` on long texts.
LEGACY_MARKERS = re.compile(
    "[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in VIETNAMESE_LATIN1) + "]"
)
MARKER_SHARE = 0.004  # of characters; normal text with a few «», ° or © stays below it
# C0/C1 controls other than tab and newline carry nothing for a reader; line-like separators
# become newlines so that str.splitlines() and split("\n") agree downstream.
LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
LINE_BREAK_CHARS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # a plain class searches fast
STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\ufeff]")
LONE_SURROGATES = re.compile("[\ud800-\udfff]")  # JSON "\\ud800" parses, but no file can hold it
UTF8_DAMAGE_SHARE = 0.05  # at most this share of bad sequences and the page is UTF-8 with a few bad bytes


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: bytes Windows-1252 leaves undefined read as Latin-1."""
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("vnie_latin1", _latin1_fallback)


def _c1_as_bytes(error: UnicodeEncodeError) -> tuple[bytes, int]:
    """Codec error handler: the 5 bytes Windows-1252 leaves undefined come back as C1 controls; re-encode
    them as those bytes, so UTF-8 read as Windows-1252 (Đ is C4 90, ọ E1 BB 8D...) round-trips."""
    chunk = error.object[error.start : error.end]
    if all("\x80" <= ch <= "\x9f" for ch in chunk):
        return chunk.encode("latin-1"), error.end
    raise error


codecs.register_error("vnie_c1", _c1_as_bytes)


def binary_message(head: bytes) -> str | None:
    """What these first bytes are if not text (a file type, NUL or control bytes) and what to do, or None."""
    for magic, what, advice in MAGIC_NUMBERS:
        if head.startswith(magic):
            return f"This is {what}, not a text or HTML page. {advice}"
    if head[TAR_MAGIC_OFFSET : TAR_MAGIC_OFFSET + 5] == b"ustar":
        return f"This is a tar archive, not a text or HTML page. {UNPACK}"
    if _bom_encoding(head) or _utf16_by_nulls(head):
        return None
    sample = head[:SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in b"\t\n\r\x0b\x0c\x1b")
    if b"\x00" in sample or (sample and controls / len(sample) > CONTROL_RATIO_LIMIT):
        what = "NUL bytes" if b"\x00" in sample else "control bytes"
        return f"This is binary data ({what} near the start), not a text or HTML page. {CONVERT}"
    return None


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_by_nulls(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters leave a NUL in every other byte."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if _high_bytes_of_utf16(odd, even):
        return "utf-16-le"
    if _high_bytes_of_utf16(even, odd):
        return "utf-16-be"
    return None


# the high bytes of Vietnamese in UTF-16: ASCII and Latin-1 (00), Latin Extended-A (01: đ, ă, ơ, ư),
# combining marks (03: text in NFD) and Latin Extended Additional (1E: ạ, ề, ữ ...)
VIETNAMESE_HIGH_BYTES = frozenset({0x00, 0x01, 0x03, 0x1E})
UTF16_HIGH_SHARE = 0.9  # share of high bytes that must be Vietnamese ones
UTF16_NUL_SHARE = 0.2  # even a page dense in tone marks has spaces, digits and plain letters


def _high_bytes_of_utf16(high: bytes, low: bytes) -> bool:
    """`high` are the high bytes of UTF-16 Vietnamese text and `low` its low bytes.

    Well over half the characters of a page are ASCII (a NUL high byte), but a short line dense in
    tone marks ("bạn về đề") may have fewer: the high bytes are then still all in the few blocks
    Vietnamese letters come from, and a low byte is almost never NUL.
    """
    nuls = high.count(0) / len(high)
    if low.count(0) / len(low) >= 0.05 or nuls <= UTF16_NUL_SHARE:
        return False
    return nuls > 0.5 or sum(byte in VIETNAMESE_HIGH_BYTES for byte in high) / len(high) >= UTF16_HIGH_SHARE


def normalize_text(text: str) -> str:
    """NFC, every line end as LF, no stray control characters, Đ and đ for the look-alike eth."""
    text = eth_as_dj(text)
    # Fast path: every control, separator and BOM is "not printable", and isprintable() is one C loop.
    if not text.replace("\n", "").replace("\t", "").isprintable():
        if LINE_BREAK_CHARS.search(text):
            text = LINE_BREAKS.sub("\n", text)
        if STRAY_CONTROLS.search(text):
            text = STRAY_CONTROLS.sub("", text)
        if LONE_SURROGATES.search(text):
            text = LONE_SURROGATES.sub("\ufffd", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _try_codec(data: bytes, name: str) -> str | None:
    """Strict decoding with a Python codec, or None."""
    try:
        return unicodedata.normalize("NFC", data.decode(name))
    except (UnicodeDecodeError, LookupError):
        return None


def _vietnamese_decodings(data: bytes, declared: str | None) -> dict[str, str]:
    """The declared charset and the Vietnamese 8-bit encodings, in order of preference."""
    decoded: dict[str, str] = {}
    name = (declared or "").strip().lower()
    as_cp1252 = data.decode("cp1252", errors="vnie_latin1")
    if name in LEGACY_ALIASES:
        decoded[name] = unicodedata.normalize("NFC", LEGACY_DECODERS[LEGACY_ALIASES[name]](as_cp1252))
    elif name and (text := _try_codec(data, name)) is not None:
        decoded[name] = text
    if (text := _try_codec(data, "cp1258")) is not None:
        decoded["cp1258"] = text
    for legacy, convert in LEGACY_DECODERS.items():
        decoded[legacy] = unicodedata.normalize("NFC", convert(as_cp1252))
    return decoded


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a cut download, one bad copy-paste), or None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text if non_ascii - bad >= bad / UTF8_DAMAGE_SHARE else None


def _decode_unknown(data: bytes, declared: str | None) -> str:
    """Pick the decoding of non-UTF-8 bytes that reads most like Vietnamese, else the declared/detected."""
    # Valid multi-byte sequences almost never happen by chance in 8-bit text: many of them is UTF-8.
    text = _mostly_utf8(data)
    if text is not None:
        return text
    decoded = _vietnamese_decodings(data, declared)
    scores = {name: vietnamese_score(text) for name, text in decoded.items()}
    best = max(scores, key=lambda name: scores[name])  # first of equals: the preferred one
    if scores[best] >= 2:
        return decoded[best]
    # Not Vietnamese: trust the page's charset, then the detector (slow: only here).
    declared_name = (declared or "").strip().lower()
    if declared_name in decoded and declared_name not in LEGACY_ALIASES:
        return decoded[declared_name]
    guess = from_bytes(data[: 1 << 20]).best()
    if guess is not None and (text := _try_codec(data, guess.encoding)) is not None:
        return text
    if scores[best] > 0:
        return decoded[best]
    raise VnieError(
        "undecodable",
        "The bytes are not UTF-8 or UTF-16 and no known encoding fits them. Re-save the file as "
        "UTF-8 (or declare its charset in the page's <meta charset>) and run again.",
    )


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Text that is really TCVN3, VNI or UTF-8 read as Windows-1252, converted; and which it was."""
    markers = len(LEGACY_MARKERS.findall(text))
    if markers < 3 or markers < MARKER_SHARE * len(text):
        return text, None
    original = vietnamese_score(text)
    best_name, best_text, best_score = None, text, original
    for name in ("tcvn3", "vni", "utf8-as-cp1252"):
        candidate = convert_legacy(text, name)
        score = vietnamese_score(candidate)
        if score >= 3 and score > 2 * original and score > best_score:
            best_name, best_text, best_score = name, candidate, score
    return best_text, best_name


def convert_legacy(text: str, name: str | None) -> str:
    """Apply one of repair_legacy's conversions (to a title once the body showed which)."""
    if name is None:
        return text
    if name == "utf8-as-cp1252":
        try:
            raw = text.encode("cp1252", errors="vnie_c1")
        except UnicodeEncodeError:
            return text
        try:
            return unicodedata.normalize("NFC", raw.decode("utf-8"))
        except UnicodeDecodeError:
            return text
    return unicodedata.normalize("NFC", LEGACY_DECODERS[name](text))


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a page's bytes to NFC text with LF line ends; raise VnieError(empty|binary|undecodable)."""
    if not data.strip():
        raise VnieError("empty", "The input is empty (or only whitespace): there is nothing to read.")
    message = binary_message(data[:SNIFF_BYTES])
    if message:
        raise VnieError("binary", message)
    encoding = _bom_encoding(data) or _utf16_by_nulls(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise VnieError(
                "undecodable",
                f"The file looks like {encoding.upper()} but byte {error.start} cannot be decoded "
                f"({error.reason}). Re-save it as UTF-8 and run again.",
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_unknown(data, declared)
        text = repair_legacy(text)[0]
    text = normalize_text(text)
    if not text.strip():
        raise VnieError("empty", "The input holds no visible text (only whitespace or control bytes).")
    return text
