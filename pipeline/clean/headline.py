"""Which line of a page is its headline, and which lines are the headline again.

The container's title or the URL's slug spells the headline; without them, the best-shaped line
above the first paragraph (`title.py` scores it), or the first line read as prose when its place
says it is the headline. Inside the article the headline printed again (whole, cut, without its
tone marks as an image's alt text) is a copy.
"""

from __future__ import annotations

import regex

from pipeline.clean.bylines import is_addressed_with_post, is_full_name
from pipeline.clean.page import Page
from pipeline.clean.shapes import (
    LEAD_TAG,
    PARAGRAPH_END,
    has_lowercase,
    is_headline,
    is_paragraph,
    letters_only_ascii,
    opens_in_lowercase,
    words,
)
from pipeline.clean.structure import NUMBERED
from pipeline.clean.title import (
    SAPO_WORDS,
    SENTENCE_BREAK,
    headline_score,
    scored_title,
    slug_match,
    slug_title,
    slug_words,
    without_site_name,
)
from pipeline.datetime_parse import DASHES, DAY, FLAGS, MONTH, YEAR, alternation, date_rules
from pipeline.rulebook import compiled
from pipeline.text import ascii_words, casefold_words

HEADLINE_AS_PROSE_MATCH = 0.75  # how closely a line with a full stop must spell the URL or <title> to head it
HEADLINE_AS_PROSE_WORDS = 60  # a headline read as prose by its place is at most this long
UNIT_NAME_WORDS = 5  # "Hội Nông dân tỉnh", "Trung tâm Y tế huyện": a unit's name alone is a section
PIECE_MIN_WORDS = 3  # a shorter line may be in the headline by chance
ECHOED_MIN_WORDS = 4  # a shorter line printed twice is a menu's or a section's label as often
MASTHEAD_WORDS = 10  # a site's name in capitals above the headline is at most this long
SHORT_HEADLINE_WORDS = 16  # a headline with a full stop read as prose is at most this long
STOPPED_HEADLINE_WORDS = 30  # ... or this long when it narrates nothing and its lead restates it
RESTATED_SHARE = 0.6  # share of a short headline's words its lead says again
NOTICE_SHARE = 0.25  # a site's notice above the headline says fewer of its words than this
WORD = regex.compile(r"\w+")
NUMBER_STOP = regex.compile(r"\d[.!?] \p{Lu}")
NUMBERED_SENTENCE_WORDS = 5  # "Bài 2", "Kỳ 1", "Phần 3": a series' number, with a full stop, opens a headline
# a CMS numbers a page's images after its headline in their alt texts ("Hẹn hò Vĩnh Thạnh - 1")
IMAGE_NUMBER = regex.compile(r"\s*[-–]\s*(?:(?:ảnh|hình)\s*)?\d{1,2}$")
TITLE_COPY_SHARE = 0.8  # a line this much of the headline's length, and in it, is the headline again
SET_OFF = regex.compile(r"[\s\-–—.,:;!?…]+")  # the marks a copy of the headline may set its words off with
COPY_UNDER_LEAD = 3  # lines under the first paragraph where a page prints its headline again (a caption)
PIECE_SHARE = 0.5  # a headline broken over lines: each piece at most half of it (more is a line with extras)
CREDIT_WORDS = 8  # "Ảnh: Trung tâm Vũ trụ Việt Nam cung cấp": a photo's credit ends the line it is in
SECTION_LABEL_SHARE = 3  # a section's label under the headline has at most a third of its words


def headline_shaped_as_prose(page: Page, start: int | None, title: str | None,
                              url: str | None) -> int | None:
    """The first line read as prose when it is the headline the container or the URL spells, or None.

    "Kỳ họp thứ 20, HĐND tỉnh khóa X: thông qua 12 Nghị quyết quan trọng." ends like a sentence, but
    the URL's slug (or the page's <title>) says it is the headline; a paragraph must follow it.
    """
    if start is None or start in page.wrapped:  # a paragraph's first piece, wrapped by a dump: no headline
        return None
    if not any(is_paragraph(text) for text in page.texts[start + 1:]):
        return None
    spelled = ascii_words(title) if title else slug_words(url)
    # nearly word for word: a lead repeats the headline's words too, among many more of its own
    if spelled and slug_match(spelled, page.texts[start]) >= HEADLINE_AS_PROSE_MATCH:
        return start
    return start if title is None and _heads_the_page(page, start) else None


def spelled_under_notice(page: Page, start: int | None, title: str | None, url: str | None) -> int | None:
    """The headline right under the first line read as prose, when that line says next to none of its
    words: the site's notice above the headline ("5 lời nhắn gửi đến du khách ...", its opening hours),
    where a lead restates some of its headline (a crawler's content may open on the lead, the headline
    cut short as its photo's caption under it). The headline is the one the URL spells (no line above
    spelling it already), or a headline-shaped line with its dateline or its byline under it (what
    stands under a headline, never under a sub-heading of the article); a container's title
    is the headline already."""
    if start is None or title or start + 1 >= len(page.texts):
        return None
    spelled = slug_words(url)
    under = first_under(page, start)
    if under is None or not is_headline(page.texts[under]) or page.meta[under] is not None \
            or page.names(under) is not None or shaped_as_caption(page, under) \
            or not any(is_paragraph(text) for text in page.texts[under + 1:]):
        return None  # a byline under the article's only paragraph, a caption over the byline closing the
        # article ("Ảnh minh họa" / "ĐỨC BÌNH"), or no article under the line
    if spelled:
        if slug_match(spelled, page.texts[under]) < HEADLINE_AS_PROSE_MATCH or any(
                not page.is_chrome(i) and slug_match(spelled, page.texts[i]) > 0 for i in range(start + 1)):
            return None
    elif not (dated_under(page, under) or signs_under(page, under, first_under(page, under) or under)):
        return None  # no dateline or byline under it to say the line heads an article: a lead restating
        # it is no sign, a paragraph restates the sub-heading over it as well
    said = set(WORD.findall(page.folded[start]))
    headline = WORD.findall(page.folded[under])
    return under if sum(word in said for word in headline) < NOTICE_SHARE * len(headline) else None


def _heads_the_page(page: Page, start: int) -> bool:
    """The first line read as prose is the headline by its place: nothing but the site's chrome above
    it, one sentence at most, and either no sentence's end (prose by its length alone), or the page's
    dateline right under it, or a breadcrumb above that prints it cut short ("Home Tin tức Kỷ niệm
    90 năm thành lập Đảng bộ ...").

    A long headline ("Sơn La: Sơ kết giai đoạn 1 Đề án thứ tư ... trên địa bàn tỉnh"), one in
    capitals, or one with a full stop reads as prose; the article's lead stands under the dateline,
    not above it, and ends with a full stop where a headline does not.
    """
    text = page.texts[start]
    if words(text) > HEADLINE_AS_PROSE_WORDS or SENTENCE_BREAK.search(text) or _stop_after_number(text):
        return False
    if opens_in_lowercase(text):
        return False  # "giao 104 căn nhà ... huyện.": a sentence's end, the page cut in mid-sentence above it
    if under_masthead(page, start):  # the site's masthead (or a section's label) in capitals above a
        # line in mixed case: that line heads the page unless it reads as the article's first sentence
        unstopped = PARAGRAPH_END.search(text) is None and not _unstopped_under(page, start)
        return has_lowercase(text) and (unstopped or dated_under(page, start) or _restated_under(page, start))
    if any(not page.is_chrome(i) and page.meta[i] is None for i in range(start)):
        return False
    if (PARAGRAPH_END.search(text) is None and not _unstopped_under(page, start)) \
            or _restated_under(page, start) or _unnarrated_restated(page, start) or not has_lowercase(text) \
            or _printed_under(page, start, start + 1 + COPY_UNDER_LEAD):
        return True  # a line in capitals is no sentence of the article's, full stop or not; nor is a
        # line printed again under the lead (its photo's caption): the article never says a sentence twice
    return dated_under(page, start) or start in page.cut_copies.values()


def _printed_under(page: Page, i: int, end: int) -> bool:
    """Line `i` printed again from two lines under it to line `end` (under the lead, as its photo's
    caption or alt text), with its full stop or without: a page prints its headline twice, dropping
    the stop one copy has, where the article never says a sentence twice. The line right under it is
    left out: a caption's echo stands there."""
    line = page.folded[i].rstrip(" .!?")
    return any(other.rstrip(" .!?") == line for other in page.folded[i + 2:end])


def dated_under(page: Page, i: int) -> bool:
    """The first line under line `i` that is neither the site's chrome nor a byline is a dateline (a
    headline, its byline, then its dateline)."""
    under = first_under(page, i)
    if under is not None and signs_under(page, i, under):
        under = first_under(page, under)
    return under is not None and (found := page.meta[under]) is not None and found[0] == "dateline"


def signs_under(page: Page, i: int, j: int) -> bool:
    """Line `j` is the first under line `i` but for the site's chrome, and names people only (the
    headline's byline, with its unit maybe: "Lò Văn Mạnh - Sở Tư pháp Sơn La", "Ngọc Ánh - Minh Đức")."""
    names = page.names(j) if j == first_under(page, i) else None
    return bool(names) and all(is_full_name(name) for name in names)


def first_under(page: Page, i: int) -> int | None:
    """The first line under line `i` that is not the site's chrome: a breadcrumb, a section's label or
    a share widget may stand between a headline and its dateline or lead."""
    return next((j for j in range(i + 1, len(page.lines)) if not page.is_chrome(j)), None)


def under_masthead(page: Page, i: int) -> bool:
    """Above the line stand the site's chrome and meta and at least one line of its masthead."""
    above = [k for k in range(i) if not page.is_chrome(k) and page.meta[k] is None]
    return bool(above) and all(_masthead_line(page.texts[k]) for k in above)


def _masthead_line(text: str) -> bool:
    """A short line in capitals at the page's top: the site's masthead ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT
    NAM" / "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH"), never a line of the article's prose."""
    return not has_lowercase(text) and WORD.search(text) is not None and words(text) <= MASTHEAD_WORDS


def _unstopped_under(page: Page, i: int) -> bool:
    """The paragraph under the line lacks its full stop too: on such a page a line without one may be
    the article's first sentence, its missing stop no sign of a headline."""
    under = page.texts[j] if (j := first_under(page, i)) is not None else ""
    return is_paragraph(under) and PARAGRAPH_END.search(under) is None


def _stop_after_number(text: str) -> bool:
    """A full stop after a number ends a sentence when words enough stand before it ("... Ban Chấp hành
    lần thứ 27. Dự và chủ trì ..."); a series' number opens a headline ("Bài 2. ...", "Kỳ 1. ...")."""
    return any(words(text[:found.start()]) >= NUMBERED_SENTENCE_WORDS for found in NUMBER_STOP.finditer(text))


def restated_by(page: Page, i: int, j: int) -> bool:
    """Most of line `i`'s words are in line `j` (folded): a lead says its headline's words again."""
    said = set(WORD.findall(page.folded[j]))
    headline = WORD.findall(page.folded[i])
    return bool(headline) and sum(word in said for word in headline) >= RESTATED_SHARE * len(headline)


def _restated_under(page: Page, i: int) -> bool:
    """A short sentence the paragraph under it restates: most of its words are in that paragraph,
    itself at least twice as long ("Ngân hàng X đồng hành cùng bà con làm cà phê." over a lead
    that names the bank, the farmers and the coffee again). A lead restates its headline; the
    article's sentences, a page cut in mid-article opening on one, rarely repeat each other so.
    The page's section label may stand between the headline and its lead: over a label, a longer
    sentence is no sentence of the article's either."""
    j, longest = first_under(page, i), SHORT_HEADLINE_WORDS
    if (label := section_label_under(page, i)) is not None:
        j, longest = first_under(page, label), HEADLINE_AS_PROSE_WORDS
    if words(page.texts[i]) > longest or j is None:
        return False
    under = page.texts[j]
    return is_paragraph(under) and words(under) >= 2 * words(page.texts[i]) and restated_by(page, i, j)


def _unnarrated_restated(page: Page, i: int) -> bool:
    """A sentence of up to 30 words with a full stop, restated by the longer paragraph under it, that
    narrates nothing ("Đảng bộ ..., tổ chức thành công Đại hội ..."): a lead opening a page cut above
    its headline tells what was done ("... vừa bị ... bắt giữ."), or opens on its day or agency's tag."""
    text, j = page.texts[i], first_under(page, i)
    if j is None or words(text) > STOPPED_HEADLINE_WORDS or page.rules.narrative.search(text) \
            or opens_on_lead_day(text) or LEAD_TAG.match(text):
        return False
    under = page.texts[j]
    return is_paragraph(under) and words(under) > words(text) and restated_by(page, i, j)


def section_label_under(page: Page, i: int) -> int | None:
    """The line right under line `i` when it is the page's section label over the lead, else None: a
    few words in mixed case, no digit and no sentence's mark, at most a third of line `i`'s words,
    a paragraph under it ("Tx Dĩ An ngày 14/9: phòng VH&TTX ... giai đoạn 2008-2018" over "Hoạt động
    của Thị xã", "Hội Cựu chiến binh Quận 9: Tổ chức hội nghị ..." over "Chính quyền - Đoàn thể").
    A headline of so few words stands under a line three times as long only as the section the CMS
    prints the article under."""
    j = first_under(page, i)
    if j is None or page.meta[j] is not None:
        return None
    text = page.texts[j].strip()
    if not 2 <= len(WORD.findall(text)) <= UNIT_NAME_WORDS or any(c.isdigit() for c in text) \
            or PARAGRAPH_END.search(text) or text.endswith((":", ";", ",")) \
            or not text[:1].isupper() or not has_lowercase(text) \
            or SECTION_LABEL_SHARE * words(text) > words(page.texts[i]):
        return None
    under = first_under(page, j)
    return j if under is not None and is_paragraph(page.texts[under]) else None


@compiled
def _lead_day() -> regex.Pattern:
    """A line opening on a day that frames its clause, a comma after it ("Ngày 7-3, ...", "Sáng ngày
    27-8, ...", "Từ ngày 14/10 đến 20/10/2023, ..."): the words of `rules/dates.yml` before a day
    (`day_triggers`, after a `range_triggers` word maybe), the day and month, its year maybe, a
    second day closing a span maybe, then the comma."""
    rules = date_rules()
    triggers = alternation([e["term"] for e in rules["day_triggers"]], spaces="any")
    ranges = alternation([e["term"] for e in rules["range_triggers"]], spaces="any")
    day = rf"{DAY}(?:\s*[/.\-]\s*{MONTH}|\s+tháng\s+{MONTH})(?:\s*[/.\-]\s*{YEAR}|\s+năm\s+{YEAR})?(?!\d)"
    return regex.compile(rf"^\W*(?:{ranges}\s+)?(?:{triggers}\s+){{1,2}}{day}"
                         rf"(?:\s*(?:{DASHES}|đến|tới)\s*(?:ngày\s+)?{day})?\s*,\s*\S", FLAGS)


def opens_on_lead_day(text: str) -> bool:
    """The line opens like a news lead, on the day of its event and a comma ("Ngày 7-3, Đoàn ...
    tổ chức ..."): a headline names its day after a colon or inside its words, a lead frames its
    first clause with it (the shape `pipeline.extract.article_facts.lead_day` reads a lead's day by)."""
    return _lead_day().match(text) is not None


def _in_lead_sentence(page: Page, i: int) -> bool:
    """Line `i` opens on a lead's day, or carries on such a line above it that has no full stop (a
    lead a dump wrapped: "Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ ở 4/4 thôn xã" / "Trà Tân đều
    tổ chức lễ kỷ niệm ...")."""
    if opens_on_lead_day(page.texts[i]):
        return True
    return i > 0 and opens_on_lead_day(page.texts[i - 1]) and PARAGRAPH_END.search(page.texts[i - 1]) is None


def headline_index(page: Page, start: int, title: str | None, url: str | None) -> int | None:
    """The headline's line above the first paragraph: the container's title, the URL's, or the best-shaped."""
    above = range(start)
    if title:
        exact = next((i for i in above if page.folded[i] == page.title_folded
                      or page.headline_folded(i) == page.title_folded), None)
        if exact is not None:
            return exact
        wanted = ascii_words(title)
        return slug_title(wanted, page.texts, [i for i in above if page.lines[i].rule is None])
    # a line that stops on "của", "và" is a paragraph's first piece, broken where a dump wrapped it,
    # unless it is a headline's (`wrapped_headlines`): there the pieces under it are none
    pieces = {j for i, end in page.wrapped_headlines.items() for j in range(i + 1, end)}
    candidates = [i for i in above if not page.is_chrome(i) and page.meta[i] is None
                  and not names_a_unit(page, i) and not shaped_as_caption(page, i) and i not in pieces
                  and (i in page.wrapped_headlines or not page.rules.dangling.search(page.texts[i].rstrip()))
                  and not page.is_menu_item(i) and NUMBERED.match(page.texts[i]) is None
                  and not _in_lead_sentence(page, i)]
    candidates = [i for i in candidates if not _byline_under_headline(page, i, candidates)]
    if marked_prose(page, start):
        candidates = [i for i in candidates if not foreign_line(page.texts[i])]
    slug = slug_words(url)
    if slug and (found := slug_title(slug, page.texts, candidates)) is not None:
        return found
    def dated(i: int) -> bool:
        return 0 <= i < start and (found := page.meta[i]) is not None and found[0] == "dateline"

    def between(i: int, j: int) -> int:
        return sum(i < c < j for c in candidates)

    if candidates and _printed_again(page, candidates[0], start):
        return candidates[0]
    found = scored_title(page.texts, candidates, start, between, dated, page.wrapped_headlines)
    if found is not None and (over := _over_a_sapo(page, found, candidates)) is not None:
        return over
    if found is not None and (echoed := _echoed_over(page, found, candidates)) is not None:
        return echoed
    return found if found is None else _whole_headline(page, found, candidates, start)


def marked_prose(page: Page, start: int) -> bool:
    """The article's prose from line `start` on is written with Vietnamese marks."""
    return any(is_paragraph(text) and not letters_only_ascii(text) for text in page.texts[start:])


def foreign_line(text: str) -> bool:
    """Words without a Vietnamese mark on a page whose prose has them: the site's name or a link in
    English ("Skip to main content", "Welcome to Yen Bai Portal", "Thanh Hoa Radio and Television"),
    never a Vietnamese article's headline (none of the dev gold's headlines, 3 of 3,133 Dân trí titles)."""
    return words(text) >= 2 and letters_only_ascii(text)


def _byline_under_headline(page: Page, i: int, candidates: list[int]) -> bool:
    """Names of people right under a longer headline-shaped line ("Trao huy hiệu Đảng ..." over
    "Minh Chính- Quang Huy", "Lò Văn Mạnh - Sở Tư pháp Sơn La"): the byline under the headline, never
    the headline itself, though it stands nearer the lead."""
    if i - 1 not in candidates or not is_headline(page.texts[i - 1]) \
            or words(page.texts[i - 1]) <= words(page.texts[i]):
        return False
    names = page.names(i)
    return bool(names) and all(is_full_name(name) for name in names)


def _echoed_over(page: Page, found: int, candidates: list[int]) -> int | None:
    """The headline printed twice, the found line right under its second print, or None.

    A page prints its headline, then the headline again (the photo's alt text or the CMS's title block,
    alone or printed twice on one line), then a sub-heading or the sapo cut short; the line right under
    the second print scores as the nearest headline. The line printed twice is the headline, unless the
    page's dateline stands right under the found line: a dateline stands by its headline.
    """
    above = found - 1
    dated_under = found + 1 < len(page.lines) and page.meta[found + 1] is not None
    if above < 1 or dated_under or page.folded[above] == page.folded[found]:
        return None
    echo = page.folded[above]
    first = next((k for k in candidates if k < above and page.folded[k] in (echo, printed_twice(echo))), None)
    if first is None or words(page.texts[first]) < ECHOED_MIN_WORDS or not is_headline(page.texts[first]):
        return None
    return first


def printed_twice(folded: str) -> str | None:
    """The line's first half when the line is one text printed twice ("Tiêu đề Tiêu đề"), else None."""
    tokens = folded.split()
    half = len(tokens) // 2
    twice = half > 0 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]
    return " ".join(tokens[:half]) if twice else None


def _over_a_sapo(page: Page, found: int, candidates: list[int]) -> int | None:
    """The headline-shaped line right above a sapo that stands above the found line, or None.

    Under the headline stand the sapo, the photo and its caption, then the first paragraph; a sapo
    without its full stop (longer than any headline, one sentence) is no prose, and the caption
    under it scores as the nearest headline ("PGS.TS. Lê Đình Khánh báo cáo ..."). The line over the
    sapo is the headline; the sapo and what stands under it are the article's. A long line holding the
    found one ("null Hội Nông dân huyện ...: ...") is the headline printed again with a leftover, no sapo.
    """
    for sapo in range(found - 1, 0, -1):
        if sapo not in candidates or sapo - 1 not in candidates:
            return None
        text = page.texts[sapo]
        if words(text) > SAPO_WORDS and has_lowercase(text) and not SENTENCE_BREAK.search(text) \
                and page.folded[found] not in page.folded[sapo] \
                and headline_score(page.texts[sapo - 1], 0, first=True) > 0:
            return sapo - 1
    return None


def _printed_again(page: Page, i: int, start: int) -> bool:
    """The page's first line that is neither chrome nor meta, ending with a full stop, printed again
    near the article's top (under the lead, as its photo's caption or alt text): the headline, for a
    sentence of the article is never said twice. A caption's echo stands right under it, a sapo runs
    long, and the site's name or slogan, printed again, has no full stop (the scoring decides)."""
    text = page.texts[i]
    if not PIECE_MIN_WORDS < words(text) <= HEADLINE_AS_PROSE_WORDS or SENTENCE_BREAK.search(text) \
            or PARAGRAPH_END.search(text) is None:
        return False
    above = any(not page.is_chrome(k) and page.meta[k] is None for k in range(i))
    return not above and _printed_under(page, i, start + COPY_UNDER_LEAD)


def folded_without_site_name(page: Page, i: int) -> str:
    """The line (folded) without the site's name a dump of the page's <title> prints after a headline."""
    return casefold_words(without_site_name(page.texts[i], page.url, page.rules.units, set(page.folded)))


def names_a_unit(page: Page, i: int) -> bool:
    """A few words that open like a unit's name ("Hội Nông dân tỉnh", "PHÒNG TỔ CHỨC - HÀNH CHÍNH"): the
    page's section, not a headline. The dash joining a unit's two halves is no word of its name."""
    text = page.texts[i]
    return len(WORD.findall(text)) <= UNIT_NAME_WORDS and page.rules.units.match(text) is not None


def shaped_as_caption(page: Page, i: int) -> bool:
    """The caption of the photo under the headline, never the headline itself: a person addressed,
    named, then a dash and the post ("Đồng chí Vũ Thế Kỳ - Trưởng ban ... phát biểu"), or a line with
    a photo's credit or a place in it ("... (Ảnh: Minh Anh)", "Ông A (thứ hai từ trái sang) trao ...")."""
    text = page.texts[i]
    if is_addressed_with_post(text, page.rules.address, page.rules.honorifics):
        return True
    # a mark in brackets, or a credit in capitals that ends the line ("chụp ảnh: ..." heads a page)
    return any(found.group().startswith("(")
               or (found.group()[:1].isupper() and words(text[found.end():]) <= CREDIT_WORDS)
               for found in page.rules.caption.finditer(text))


def is_piece(part: str, whole: str, share: float = 1.0) -> bool:
    """`part` (folded) is some words of the line `whole` (folded), on word boundaries, and at most
    `share` of its length."""
    return (len(part.split()) >= PIECE_MIN_WORDS and len(part) < len(whole) * share
            and f" {part} " in f" {whole} ")


def _whole_headline(page: Page, found: int, candidates: list[int], start: int) -> int:
    """The line the found headline is a piece of, higher up, when there is one; else the found line.

    A page may print its headline whole at the top (the dump of its <title>) and again below broken
    over several lines ("BỐI CẢNH HỌC TẬP ... –  PHÂN TÍCH" / "TỪ TRƯNG BÀY ..." / "Ở BẢO TÀNG ...");
    the line under the scored span is its last piece. A line holding more than twice the found one is
    that; the whole line with the site's name after it is the <title> of a headline printed alone.
    """
    for i in candidates:
        if i >= found or not is_piece(page.folded[found], page.folded[i], PIECE_SHARE) \
                or not is_headline(page.texts[i]):
            continue
        if folded_without_site_name(page, i) != page.folded[found]:
            return i
    wrapped = _wrapped_in_capitals(page, found, start)
    return next((i for i in candidates if i < found and folded_without_site_name(page, i) == wrapped), found)


def _wrapped_in_capitals(page: Page, found: int, start: int) -> str | None:
    """The found headline in capitals joined with the lines in capitals under it, above the first
    paragraph (folded), or None: a narrow column wraps a long headline over lines ("... NHI ĐÀ NẴNG
    LẦN" / "THỨ III NHIỆM KỲ 2020-2025"), and the first piece may hold most of it."""
    end = wrapped_end(page, found, start)
    return " ".join(page.folded[found:end]) if end > found + 1 else None


def wrapped_end(page: Page, found: int, start: int) -> int:
    """One past the last line in capitals that carries on the headline in capitals at `found`, above
    the first paragraph: no meta, no chrome, no byline's name in capitals."""
    end = found + 1
    if has_lowercase(page.texts[found]):
        return end
    while end < start and page.meta[end] is None and not page.is_chrome(end) \
            and WORD.search(page.texts[end]) and not has_lowercase(page.texts[end]) \
            and words(page.texts[end]) <= MASTHEAD_WORDS and page.names(end) is None \
            and NUMBERED.match(page.texts[end]) is None:  # "I. MỤC ĐÍCH": the article's first heading
        end += 1
    return end


def copies_title(page: Page, i: int) -> bool:
    """The headline again in the article: whole, or nearly whole with the title line's extras cut
    ("Headline (Lượt xem: 947)" at the top, "Headline" under the lead)."""
    folded, title = page.folded[i], page.title_folded
    if title is None or folded == title:
        return folded == title
    # the number ends the line: tried on a line ending in a digit only, not at every offset of a paragraph
    if folded[-1:].isdigit() and IMAGE_NUMBER.sub("", folded) == title:
        return True  # "Hẹn hò Vĩnh Thạnh - 1": the headline numbered as an image's alt text
    if _set_off_copy(page, folded):
        return True  # "THÁNH LỄ ... GIÁO XỨ – MỪNG KÍNH ... TRỞ LẠI.": the same words, set off otherwise; a
        # quoted headline ("“Khi về đến nhà ...”") cites a line of the article, the line is no copy of it
    return len(folded) >= TITLE_COPY_SHARE * len(title) and is_headline(page.texts[i]) and \
        is_piece(folded, title)


def _set_off_copy(page: Page, folded: str) -> bool:
    """The line's words are the headline's, whatever marks set them off. The headline's form is made once
    per headline (`page.title_set_off`); the line's only when its first word is the headline's, which
    its set-off form must start with (most lines are paragraphs that do not)."""
    title = page.title_folded or ""
    if page.title_set_off is None or page.title_set_off[0] != title:
        page.title_set_off = (title, SET_OFF.sub(" ", title).strip())
    set_off = page.title_set_off[1]
    lead = SET_OFF.match(folded)
    if set_off and not folded.startswith(set_off.split(" ", 1)[0], lead.end() if lead else 0):
        return False
    return SET_OFF.sub(" ", folded).strip() == set_off


def spells_headline_unaccented(page: Page, i: int) -> bool:
    """A line without any Vietnamese mark that spells the headline: an alt text, never prose."""
    text = page.texts[i]
    return page.title_folded is not None and letters_only_ascii(text) and \
        slug_match(ascii_words(page.title_folded), text) >= HEADLINE_AS_PROSE_MATCH
