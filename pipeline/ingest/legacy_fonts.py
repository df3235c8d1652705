"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI-Windows) as data, with converters and a scorer.

Old Vietnamese pages were typed with 8-bit fonts (.VnTime for TCVN3, VNI-Times for VNI) and saved
as Windows-1252 bytes, so a reader sees "ViÖt Nam" (TCVN3) or "Vieät Nam" (VNI). Both tables work
on the Latin-1 characters such bytes decode to, so one converter serves raw bytes and text alike.
"""

from __future__ import annotations

import unicodedata

import regex

# TCVN 5712:1993 (VN3), the encoding of the .VnTime fonts: byte -> letter. The gaps of the
# standard (0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0) are left alone. Capitals with a tone
# mark have no code here: those pages used the capital font (.VnTimeH) with the lowercase codes,
# which no converter can tell from lowercase text.
TCVN3_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI-Windows: letters that have a byte of their own (lowercase; capitals are 0x20 lower).
VNI_SINGLE: dict[int, str] = {
    0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
}  # fmt: skip

# VNI-Windows: the byte after a base vowel that adds its marks (lowercase; capitals are 0x20 lower).
# Values are the combining marks: U+0302 circumflex, U+0306 breve, then the tone.
VNI_MODIFIERS: dict[int, str] = {
    0xF9: "\u0301", 0xF8: "\u0300", 0xFB: "\u0309", 0xF5: "\u0303", 0xEF: "\u0323",
    0xE2: "\u0302", 0xE1: "\u0302\u0301", 0xE0: "\u0302\u0300", 0xE5: "\u0302\u0309",
    0xE3: "\u0302\u0303", 0xE4: "\u0302\u0323",
    0xEA: "\u0306", 0xE9: "\u0306\u0301", 0xE8: "\u0306\u0300", 0xFA: "\u0306\u0309",
    0xFC: "\u0306\u0303", 0xEB: "\u0306\u0323",
}  # fmt: skip

CIRCUMFLEX, BREVE = "\u0302", "\u0306"
TONE_ONLY_BASES = "aeouyơưAEOUYƠƯ"
CIRCUMFLEX_BASES = "aeoAEO"
BREVE_BASES = "aA"

# The most frequent syllables with diacritics in Vietnamese news (counted on the Dân trí corpus):
# a decoding that yields many of them is Vietnamese read right.
_COMMON_TEXT = """
và của có các là được với một người không đã những để công thể này tại năm ở từ học hiện đó đến
vào trên nhiều về cũng thành trường sự như sẽ việc số đầu nhân động ngày nhà bị đồng bệnh chỉ
quốc định thời hơn ông bộ phải làm cơ lại tôi nhất chính thực điều hàng thông viên hợp nước nhận
tế nhưng phát còn trước dịch biết hình đây cách độ dụng hội giải điểm đang việt lý đại thế mới
hành chúng ảnh rất năng cùng lượng đối giá trình kết cầu vì khách tiếp chủ tới đi dân diễn lên
tạo nghiệp mà cả rằng xuất tăng khác sản vụ vẫn phòng toàn giới thủ tập chức cô nên mình cuộc
lớn sở tình liên tác lực họ hệ cần ngoài sử thấy cấp nói thường triệu đề báo nhiên tính vị trở
bạn dự phương đội nội hà cứu bằng bản tâm mặt thị triển sống bảo địa hóa tự tỉnh tài thì văn quả
thức cảnh ứng tháng lần bình trị thống trọng phần trí hoạt quá chất hiệu pháp đường máy viện gần
tuổi tư chưa mạnh nghệ tổ giáo từng kỳ xã tốt giúp hoặc bên đặc quyết khiến lịch ăn thiết đạo
khoảng tiếng tiêu nếu ý tục điện thứ biệt nghiệm phẩm vực tiên kiến chiến nào đưa vật tiền tích
bất thương tìm đông loại trưởng hoàn dùng giảm tổng chuyển đều đổi đình nghiên kiểm vậy mức
truyền phố nữ bắt thêm cảm biến dẫn giờ nhập lập chuyên chế quân chống án sức ngành chí xét vấn
đơn khó tương kiện chứng mỗi nguyên bố nơi tiến diện trợ đoàn quản hướng chương phân liệu kế
giữa khả bởi phụ lợi đạt đất thuật mọi nhiệm quyền phục bài nghị vừa nhóm tên gồm nguồn thuộc
vùng đủ đảng ủy uỷ chỉ thị nghị quyết
"""
COMMON_SYLLABLES = frozenset(_COMMON_TEXT.split())

WORD = regex.compile(r"\p{L}+")


TCVN3_TRANSLATION = dict(TCVN3_TABLE)  # str.translate table: Latin-1 character -> Unicode letter


def _vni_patterns() -> tuple[dict[int, str], regex.Pattern[str], dict[str, str]]:
    """Single-letter table, the base+modifier pattern and each modifier's marks, both cases."""
    singles = {**VNI_SINGLE, **{code - 0x20: letter.upper() for code, letter in VNI_SINGLE.items()}}
    marks = {chr(code): m for code, m in VNI_MODIFIERS.items()}
    marks.update({chr(code - 0x20): m for code, m in VNI_MODIFIERS.items()})
    modifier_class = regex.escape("".join(marks))
    pattern = regex.compile(f"([{TONE_ONLY_BASES}])([{modifier_class}])")
    return singles, pattern, marks


VNI_PATTERNS = _vni_patterns()  # built once at import: a few hundred table entries and one class


def tcvn3_to_unicode(text: str) -> str:
    """Convert text typed in TCVN3 (read as Windows-1252) to Unicode NFC."""
    return text.translate(TCVN3_TRANSLATION)


def vni_to_unicode(text: str) -> str:
    """Convert text typed in VNI-Windows (read as Windows-1252) to Unicode NFC."""
    singles, pattern, marks = VNI_PATTERNS

    def compose(match: regex.Match[str]) -> str:
        base, modifier = match.group(1), match.group(2)
        added = marks[modifier]
        # A modifier that cannot sit on this base is a real Latin-1 letter: leave it.
        if added.startswith(CIRCUMFLEX) and base not in CIRCUMFLEX_BASES:
            return match.group(0)
        if added.startswith(BREVE) and base not in BREVE_BASES:
            return match.group(0)
        return unicodedata.normalize("NFC", base + added)

    return pattern.sub(compose, text.translate(singles))


def unicode_to_tcvn3(text: str) -> str:
    """Encode Unicode Vietnamese as TCVN3 characters (for tests); raise on capitals with tone marks."""
    inverse = {letter: chr(code) for code, letter in TCVN3_TABLE.items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in inverse:
            out.append(inverse[char])
        elif ord(char) < 0x80:
            out.append(char)
        else:
            raise ValueError(f"TCVN3 has no code for {char!r}")
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """Encode Unicode Vietnamese as VNI-Windows characters (for tests)."""
    single_inverse = {letter: chr(code) for code, letter in VNI_SINGLE.items()}
    single_inverse.update({letter.upper(): chr(code - 0x20) for code, letter in VNI_SINGLE.items()})
    # NFD orders marks by combining class (dot below before circumflex), so compare them sorted.
    modifier_inverse = {"".join(sorted(marks)): code for code, marks in VNI_MODIFIERS.items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in single_inverse:
            out.append(single_inverse[char])
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if "\u031b" in marks:  # horn: ơ and ư have their own byte, the tone follows it
            base = unicodedata.normalize("NFC", base + "\u031b")
            marks = marks.replace("\u031b", "")
            base = single_inverse[base]
        if not marks:
            out.append(base)
            continue
        code = modifier_inverse["".join(sorted(marks))]
        out.append(base + chr(code if base.islower() else code - 0x20))
    return "".join(out)


def vietnamese_score(text: str) -> int:
    """How many words of `text` are common Vietnamese syllables with diacritics."""
    return sum(1 for word in WORD.findall(text.lower()) if word in COMMON_SYLLABLES)


LEGACY_DECODERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}
