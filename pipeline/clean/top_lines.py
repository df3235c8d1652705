"""Lines above the first paragraph: a section's label, a menu's items, the site's clock, a breadcrumb."""

from __future__ import annotations

import regex

from pipeline.clean.fields import CANDIDATE_LINES
from pipeline.clean.furniture import TIME_LINE, WEEKDAY_DATE
from pipeline.clean.headline import dated_under, restated_by
from pipeline.clean.page import (
    FURNITURE_NEAR,
    LABEL_WORDS,
    STRAY_RULES,
    Page,
)
from pipeline.clean.page_lines import is_role
from pipeline.clean.published import parse_published
from pipeline.clean.shapes import (
    has_lowercase,
    is_name,
    is_paragraph,
    words,
)
from pipeline.clean.structure import NUMBERED, is_prose

MENU_ITEM = regex.compile(r"^\p{Lu}[\p{L}\p{M}]*(?:\s*[&/\-–]?\s*[\p{L}\p{M}]+)*$")


def breadcrumb_under(page: Page, start: int | None) -> int | None:
    """The page's breadcrumb a few lines under the first line read as prose, nothing read as prose
    between them, and prose after it; or None. A breadcrumb leads from the site's menus to the
    headline: the long line above it is a notice of the site (its opening hours, its hotline), not
    the article's lead; unless the first paragraph under the breadcrumb says most of its words again, as
    a lead says its headline's (a notice shares next to none of the article's words)."""
    if start is None:
        return None
    for i in range(start + 1, min(start + 1 + FURNITURE_NEAR, len(page.lines))):
        if page.lines[i].rule == "breadcrumb":
            after = range(i + 1, len(page.lines))
            if dated_under(page, i) or start in page.cut_copies.values():
                return None  # the line above is the headline: its dateline under the breadcrumb, or
                # printed cut short higher up (a teaser, another breadcrumb)
            lead = next((j for j in after if is_prose(page.texts[j]) and not page.is_chrome(j)), None)
            return i if lead is not None and not restated_by(page, start, lead) else None
        if is_prose(page.texts[i]) and not page.is_chrome(i):
            return None
    return None


def labels_above(page: Page, i: int, title_index: int | None) -> bool:
    """A name alone above the headline: a byline stands under its headline or under the article, while
    a section's label in capitals above it has a name's shape ("THỜI SỰ", "XÃ HỘI")."""
    found = page.meta[i]
    return title_index is not None and i < title_index and found is not None and found[0] == "byline" \
        and is_name(page.texts[i])


def is_stray_label(text: str) -> bool:
    """A few words, no sentence, in lowercase or without letters; the article's own short lines above
    its lead are headings in capitals ("TÓM TẮT:", "I. MỤC ĐÍCH") or a drop capital ("N")."""
    return words(text) <= LABEL_WORDS and not is_paragraph(text) and not text.endswith(":") \
        and NUMBERED.match(text) is None and (has_lowercase(text) or not any(c.isalpha() for c in text))


def in_menu(page: Page, i: int, start: int) -> bool:
    """A label of a few words above the first paragraph, with another label or the site's chrome right
    above or under it: a menu's items, on a page printing no headline. A single short line over the
    lead may be the article's subheading ("Đặt vấn đề"); a menu has items side by side. A table's
    header cells have cells of numbers under them; its cells hold numbers and brackets and stand
    among dashes, chrome only by the way."""
    cells = any(words(text) <= LABEL_WORDS and any(c.isdigit() for c in text)
                for text in page.texts[i + 1:start])
    if cells or not (is_label_item(page, i) or page.is_menu_item(i)):
        return False  # a table's header row over its cells of numbers
    return page.is_menu_item(i) or any(0 <= j < start and (is_label_item(page, j) or (
        page.is_chrome(j) and page.lines[j].rule not in STRAY_RULES)) for j in (i - 1, i + 1))


def is_label_item(page: Page, i: int) -> bool:
    text = page.texts[i]
    return page.meta[i] is None and words(text) <= LABEL_WORDS and MENU_ITEM.match(text) is not None


def over_the_lead(page: Page, i: int, start: int) -> bool:
    """Only meta lines or a unit's name between this line and the first paragraph ("ThS LÊ VĂN CƯỜNG"
    over "Học viện Chính trị, Bộ Quốc phòng"): where a byline stands when the page prints no headline."""
    return all(page.meta[j] is not None or is_role(page.texts[j]) for j in range(i + 1, start))


def labels_the_headline(page: Page, i: int, start: int) -> bool:
    """A label of a few words, no sentence, with the page's dateline after it under the headline."""
    if words(page.texts[i]) > LABEL_WORDS or is_paragraph(page.texts[i]):
        return False
    return any((found := page.meta[j]) is not None and found[0] == "dateline" for j in range(i + 1, start))


def site_clock(page: Page, i: int, title_index: int | None) -> bool:
    """A date without a time far above the headline, menus between, or any date above the site's
    contact lines: the site's clock, not a dateline.

    Site headers print today's date above everything ("Thứ Năm, ngày 10/07/2025"); the article's
    own dateline stands under the headline or just above it. A weekday and a date in words with no
    time, anywhere above the headline, is the header's too: the article's own dateline above its
    headline prints its time ("Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31") or its date in figures.
    """
    found = page.meta[i]
    if found is None or found[0] != "dateline" or title_index is None or title_index < i:
        return False
    if WEEKDAY_DATE.match(page.texts[i]):
        return True
    if any(page.lines[j].rule == "contact-line" for j in range(i + 1, title_index)):
        return True  # the header's clock, the site's hotline and email under it, then the headline
    if title_index - i <= CANDIDATE_LINES:
        return False
    beside = [page.texts[j] for j in (i - 1, i + 1)
              if 0 <= j < len(page.texts) and TIME_LINE.match(page.texts[j])]
    return "T" not in (parse_published(" ".join([page.texts[i], *beside])) or "")
