"""What a line looks like, whatever the site: paragraph, headline, name, breadcrumb, leaked markup.

These are the signals every news page shares: an article is sentences that end with a full stop;
headlines, menus and link lists are short lines that do not; a byline is a person's name; leaked
alt texts, image file names and CMS block names are not Vietnamese prose at all.
"""

from __future__ import annotations

import unicodedata

import regex

# a lead opens with the outlet's tag: "(QBĐT) - ...", "(Mặt trận) -Theo ...", "TPO - Sáng 31/5 ..."
LEAD_TAG = regex.compile(r"^(?:\([^()]{2,20}\)\s*[-–—]|\p{Lu}[\p{Lu}\p{N}.]{1,9}\s+[-–—]\s)")
PARAGRAPH_END = regex.compile(r"[.!?…][\"'”’»)\]]*\s*$")
LONG_PARAGRAPH_WORDS = 30  # a line this long is prose whatever its last character
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 40
QUESTION_END = regex.compile(r"[?!][\"'”’»)\]]*\s*$")
QUESTION_MAX_WORDS = 25
SYLLABLE = r"\p{Lu}[\p{Ll}\p{M}]{0,6}"  # a Vietnamese syllable, capitalised ("Nguyễn", "Thị")
CAPS_SYLLABLE = r"\p{Lu}[\p{Lu}\p{M}]{0,6}"  # the same in capitals ("NGUYỄN")
# "D.My", "N.T. Hà", "N.LÂN", and initials alone ("L.P", "N.T.H"), as reporters sign short pieces
INITIALS = r"(?:\p{Lu}\.){1,3}\s?\p{Lu}(?:[\p{Ll}\p{M}]+|[\p{Lu}\p{M}]+)?\.?"
NAME = regex.compile(  # two to four syllables: a masthead in capitals ("BÁO BÌNH ĐỊNH ĐIỆN TỬ") has more
    rf"^(?:{INITIALS}|{SYLLABLE}(?:[ \-]{SYLLABLE}){{1,3}}|{CAPS_SYLLABLE}(?:[ \-]{CAPS_SYLLABLE}){{1,3}})$"
)
# "LÊ QUANG TÙNG, UVTƯ Đảng, Bí thư Tỉnh ủy, ...": a byline in capitals, the author's posts after it
NAME_WITH_POSTS = regex.compile(rf"^{CAPS_SYLLABLE}(?: {CAPS_SYLLABLE}){{1,3}},\s+\S.*\p{{Ll}}")
# onset (the digraphs first), one to three vowels, final consonant: Vietnamese syllable structure
SYLLABLE_SHAPE = regex.compile(
    r"^(?:NGH|NG|GH|GI|KH|NH|PH|QU|TH|TR|CH|[BCDGHKLMNPQRSTVX])?[AEIOUY]{1,3}(?:NG|NH|CH|[CMNPT])?$"
)
# a postal address: comma-separated places, proper names each, one with a house number or the level
# of local government it names (Luật Tổ chức chính quyền địa phương: tỉnh, huyện, xã ...) before it
# ("402 Lê Văn Hiến, Ngũ Hành Sơn, Đà Nẵng", "Xã Dân Thành, thị xã Duyên Hải, tỉnh Trà Vinh")
ADDRESS_LEVEL = (
    r"(?i:số|đường|phố|thôn|ấp|bản|tổ|khu phố|xã|phường|thị trấn|huyện|quận|thị xã"
    r"|thành phố|tp\.?|tỉnh)"
)
ADDRESS_PART = regex.compile(
    rf"^(?:(?P<number>\d+[\w/\-]*)\s+|(?P<level>{ADDRESS_LEVEL})\s+)?\p{{Lu}}[\p{{L}}\p{{M}}.\d]*"
    r"(?:\s+[\p{Lu}\d][\p{L}\p{M}.\d]*)*$"
)
ADDRESS_MIN_PARTS = 3
BULLET = regex.compile(r"^[*\-–•+>]")
# "Trang chủ > Tin tức > ...", "Trang chủ >> TIN TỨC >> ..."
# a path of sections: two separators, a leading arrow, or one arrow between words ("Thời sự » Trong
# tỉnh", "Tin trong tỉnh >> Văn hóa"); a headline or a sentence writes no arrow, though a slash or a
# bar may be its own
BREADCRUMB = regex.compile(
    r"(?:^|\s)(?:>>?|[»›/|])\s.*\s(?:>>?|[»›/|])\s|^\s*[>»›]"
    r"|[\p{L}\p{M}]\s+(?:>>?|[»›])\s+\p{Lu}"
)
GLUED_WORDS = regex.compile(r"\p{Ll}\p{Lu}")  # "Trang chủNewsThời sự": menu items glued together
ASCII_WORD = regex.compile(r"^\W*[A-Za-z0-9]+\W*$")  # "LienVietPostBank,": one word of plain letters
CODE_TOKEN = regex.compile(r"\b\w+_\w+\b")  # Block_BanTin_Toolbar
# "{title}", "{{ publish }}": a field of the site's template left unfilled
TEMPLATE_FIELD = regex.compile(r"^\{\{?\s*[\w.]+\s*\}\}?$")
URL = regex.compile(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
# a run of file or image ids and nothing else, a gallery's names without their extension
# ("z4666000599052_bca7b51e... z4666000601497_842a8a86...", "IMG_2041 IMG_2042"): each with a digit
# and an underscore
FILE_ID = r"(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9\-]*_)[A-Za-z0-9][A-Za-z0-9_\-]*"
FILE_IDS = regex.compile(rf"^(?:{FILE_ID}(?:\s+|$))+$")
IMAGE_FILE = regex.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg)\s*$", regex.IGNORECASE)
# an image's file name a CMS slugged, its dot turned into a dash ("278866-jpg", "anh-dai-hoi_png"): one
# token, no space; a word of the article never ends so
SLUGGED_IMAGE_FILE = regex.compile(r"^\S+[-_](?:jpe?g|png|gif|webp|bmp|svg)$", regex.IGNORECASE)
# an image's stored name, a hex id with digits and letters, before its alt text ("6a9daad2 Đảng bộ ..."):
# Vietnamese prose opens with no such token
HEX_ID_PREFIX = regex.compile(r"^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?:\s|$)")
# one or two lowercase letters without a mark alone on a line ("s", "aa"): an icon's or a broken image's
# residue; the article's own single letters are drop capitals ("N") or list marks with their bracket
STRAY_LETTERS = regex.compile(r"^[a-z]{1,2}$")
TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?"
DATE = r"\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}"
# a day of the week as datelines and site clocks print it ("Thứ Hai", "Thứ 2", "Thứ Bẩy", "Chủ nhật"): the one
# definition; `rules/boilerplate.yml`'s patterns write it `{weekday}`
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|\d)|chủ\s+nhật)"
# a time and a full date side by side ("04:30 GMT+7, Thứ Ba, 27/9/2022", "30/03/2021 08:50"): how
# pages print their own publication time, and not how an article's sentences write a date
STAMP = regex.compile(
    rf"{TIME}(?:\s*(?:gmt|utc)\s*[+\-]\s*\d{{1,2}})?[\s,|\-–]*(?:{WEEKDAY}[\s,]*)?{DATE}"
    rf"|{DATE}[\s,|\-–]*(?:lúc\s*)?{TIME}"
    rf"|\b\d{{4}}-\d{{2}}-\d{{2}}(?:\s+|T){TIME}",  # "2018-09-28 09:22": a CMS's clock, year first
    regex.IGNORECASE,
)


def words(text: str) -> int:
    """Number of words."""
    return len(text.split())


def has_lowercase(text: str) -> bool:
    """Any lowercase letter (a line in capitals has none)."""
    return any(c.islower() for c in text)


def letters_only_ascii(text: str) -> bool:
    """Letters without any Vietnamese mark: not how Vietnamese prose is written."""
    # a line of prose shows a marked letter within its first words: stop there, not after the line
    if not text.isascii() and any(c.isalpha() and not c.isascii() for c in text):
        return False
    return any(c.isalpha() for c in text)


def is_proper_noun_run(text: str) -> bool:
    """Mostly capitalised words: names of places, units and people ("Hội NCT TP Phú Quốc, tỉnh Kiên
    Giang:"), not a sentence, whose syllables are mostly in lowercase."""
    found = text.split()
    return bool(found) and sum(word[:1].isupper() for word in found) > len(found) / 2


def without_addresses(text: str) -> str:
    """The text with its web addresses left out. An address holds "://" or "www." (no other letter folds
    to "w"): most lines have neither and are spared the pattern's try at each of their offsets."""
    return URL.sub("", text) if "://" in text or "www." in text.lower() else text


def is_paragraph(text: str) -> bool:
    """Prose: ends like a sentence (a link after it aside), or is too long for anything else."""
    text = without_addresses(text).strip()
    count = words(text)
    return count >= LONG_PARAGRAPH_WORDS or (count >= 2 and PARAGRAPH_END.search(text) is not None)


def opens_in_lowercase(text: str) -> bool:
    """The first letter or digit is a lowercase letter: a sentence carried on from a line above."""
    return next((c for c in text if c.isalnum()), "").islower()


def is_question(text: str) -> bool:
    """A short line that asks or exclaims: a headline ("Vì sao ...?") or an interview's question."""
    return words(text) <= QUESTION_MAX_WORDS and QUESTION_END.search(text) is not None


def is_headline(text: str) -> bool:
    """Shaped like a title: a few words, a capital or a number first, no full stop (a question may end it)."""
    stripped = text.strip()
    if not HEADLINE_MIN_WORDS <= words(stripped) <= HEADLINE_MAX_WORDS:
        return False
    if is_paragraph(stripped) and not is_question(stripped):
        return False
    if stripped.endswith((":", ";", ",")) or BULLET.match(stripped):
        return False
    first = next((c for c in stripped if c.isalnum()), "")
    return first.isupper() or first.isdigit()


def is_listed_headline(text: str) -> bool:
    """A headline, or one a list marks with a dash or a dot ("- Huyện X: Tổng kết ...")."""
    return is_headline(BULLET.sub("", text.strip(), count=1))


def is_name(text: str) -> bool:
    """A person's name alone: two to four capitalised syllables ("Xuân Bính", "BÌNH MINH", "D.My");
    in capitals each word is a syllable, no acronym ("VP HĐND", "TT TTVHTT" name a unit)."""
    stripped = text.strip()
    if len(stripped) > 40 or NAME.match(stripped) is None:
        return False
    return has_lowercase(stripped) or all(
        "." in word or is_syllable(word) for word in regex.split(r"[ \-]", stripped)
    )


def is_syllable(word: str) -> bool:
    """A Vietnamese syllable (marks aside): an onset, one to three vowels, a final consonant."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return SYLLABLE_SHAPE.match(bare.upper().replace("Đ", "D")) is not None


def is_loose_name(text: str) -> bool:
    """Words each capitalised, with no acronym among running-case words ("Đoàn TT Phú Thịnh") and no
    lowercase word ("admin", "Quản trị viên"): the shape of a name the strict pattern does not know."""
    found = text.split()
    if not found or not all(word[:1].isupper() for word in found):
        return False
    return all(not sum(c.isupper() for c in word) > 1 for word in found) or is_name(text)


def is_name_with_posts(text: str) -> bool:
    """A name in capitals, a comma, then the author's posts in running case: a byline, no headline."""
    return NAME_WITH_POSTS.match(text.strip()) is not None and not is_paragraph(text)


def is_breadcrumb(text: str) -> bool:
    """Navigation: a path of sections ("> Tin tức > Sự kiện >"), or menu items glued into one line."""
    text = without_addresses(text)  # "bit.ly/SharpPlasmaclusterIon" is not a menu
    if PARAGRAPH_END.search(text) or (words(text) >= LONG_PARAGRAPH_WORDS and not BREADCRUMB.search(text)):
        return False
    return BREADCRUMB.search(text) is not None or _glued_joints(text) >= 2


def _glued_joints(text: str) -> int:
    """Where a lowercase letter runs into a capital, outside words of plain ASCII letters: those are
    brand and product names written in camel case ("LienVietPostBank", "VinFast", "iPhone"), where
    menu items glued together join Vietnamese words ("Trang chủTin tứcVideo")."""
    return sum(len(GLUED_WORDS.findall(token)) for token in text.split() if not ASCII_WORD.match(token))


def is_leaked_markup(text: str) -> bool:
    """Markup that leaked into the text: an image file name, a CMS block name, an unaccented alt text."""
    stripped = text.strip()
    if (
        IMAGE_FILE.search(text)
        or TEMPLATE_FIELD.match(stripped)
        or FILE_IDS.match(stripped)
        or STRAY_LETTERS.match(stripped)
        or SLUGGED_IMAGE_FILE.match(stripped)
        or HEX_ID_PREFIX.match(stripped)
    ):
        return True
    if words(text) > 8 or is_paragraph(text) or not letters_only_ascii(text):
        return False
    # "PublishingPortal - Block_BanTin_ViewData", "nguyen van vinh": no Vietnamese mark, and code or lowercase
    lowercase = words(text) >= 2 and not any(c.isupper() for c in text)
    return CODE_TOKEN.search(text) is not None or lowercase


IMAGE_NAME_WORDS = 3  # a file name alone, maybe with a size or an index before it ("23.5 123456.png")
# an image a dump printed as markdown ("![]()", "![alt](anh.jpg) |"): the image and nothing else
MARKDOWN_IMAGE = regex.compile(r"^!\[[^\]]*\]\([^)]*\)[\s|]*$")


def is_image_marker(text: str) -> bool:
    """A line that stands for an image: its markdown, or its file name alone ("23.5 123456.png")."""
    stripped = text.strip()
    named = IMAGE_FILE.search(stripped) is not None or SLUGGED_IMAGE_FILE.match(stripped) is not None
    return MARKDOWN_IMAGE.match(stripped) is not None or (named and words(stripped) <= IMAGE_NAME_WORDS)


def has_stamp(text: str) -> bool:
    """A time printed next to a full date: the page's own dateline."""
    return STAMP.search(text) is not None


def is_address(text: str) -> bool:
    """A postal address alone: three or more places, one of them numbered or leveled ("xã ...")."""
    parts = [part.strip() for part in text.strip().rstrip(".").split(",")]
    found = [ADDRESS_PART.match(part) for part in parts]
    return (
        len(parts) >= ADDRESS_MIN_PARTS and all(found) and any(m["number"] or m["level"] for m in found if m)
    )
