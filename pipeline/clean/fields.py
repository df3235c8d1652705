"""What a classed page gives its record: the body, title, authors, outlet and publication time.

`lines.classify` decides what each line is; these read the record's fields off the classed lines and
what the container (HTML metadata, a crawler's fields) says, the container first where it parses.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from pipeline.clean.bylines import is_full_name, names_in
from pipeline.clean.furniture import (
    DATELINE,
    POSTED_AT_FIRST,
    POSTED_BY,
    TIME_ALONE,
    TIME_LINE,
    URL,
    boilerplate_rules,
    dateline_author,
    is_dateline,
    is_source_line,
    meta_names,
    split_names,
)
from pipeline.clean.page_lines import BODY, BOILERPLATE, META, TITLE, Line
from pipeline.clean.published import parse_published, prints_date, split_date
from pipeline.clean.shapes import STAMP
from pipeline.clean.structure import join_piece
from pipeline.clean.title import is_date_label, split_glued_dateline, without_site_name
from pipeline.clean.url_dates import url_published
from pipeline.name_syllables import reads_as_slogan, reads_as_words
from pipeline.text import casefold_words

CANDIDATE_LINES = 4  # how far under the headline the article's own dateline may stand


def body_paragraphs(lines: list[Line], cls: str = BODY) -> list[str]:
    """The body's paragraphs (or those of another class): each line, the pieces of a paragraph a dump
    wrapped joined back into one line, so the clean text reads whole sentences (a name, a figure, an id
    split by the wrap too)."""
    paragraphs: list[str] = []
    joins = False  # the line before was a line of the class the dump wrapped into this one
    for line in lines:
        if line.cls != cls:
            joins = False
            continue
        if joins and paragraphs:
            paragraphs[-1] = join_piece(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
        joins = line.joins_next
    return paragraphs


def title_from(lines: list[Line], url: str | None) -> str | None:
    """The headline line's text, without the site's name a dump may print after it."""
    first = next((i for i, line in enumerate(lines) if line.cls == TITLE), None)
    if first is None:
        return None
    end = first + 1  # a headline wrapped over lines: its lines in a row
    while end < len(lines) and lines[end].cls == TITLE:
        end += 1
    found = lines[first].text  # pieces a dump wrapped at its width joined as the body's are
    for above, line in pairwise(lines[first:end]):
        found = join_piece(found, line.text) if above.joins_next else f"{found} {line.text}"
    printed = {casefold_words(line.text) for line in lines if line.cls != TITLE}
    return without_site_name(split_glued_dateline(found)[0], url, boilerplate_rules().units, printed)


def removed_as_template(line: Line) -> bool:
    """The line is boilerplate only because its site repeats it (no rule says so)."""
    return line.cls == BOILERPLATE and line.template and line.rule is None


def container_authors(given: list[str]) -> list[str]:
    """The names in the authors a container gives, read as bylines ("Minh Anh - Báo X" → "Minh Anh").

    HTML metadata and crawler fields hold what a site's template put there: a byline with its unit,
    a source line, or a plain name; a unit alone is no author, a shape not recognised is kept as given.
    """
    rules = boilerplate_rules()
    authors: list[str] = []
    for value in given:
        found = meta_names(value)
        names = found[1] if found and found[1] else names_in(value, rules.honorifics, rules.units)
        if names is None:
            names = [value]
        authors += [name for name in names if name not in authors and not rules.units.match(name.strip())]
    return authors


def authors_from(lines: list[Line]) -> list[str]:
    """Byline names in page order, each once; a line a byline's place holds may name no person
    ("NÂNG CAO CHẤT LƯỢNG", a headline cut short): it is furniture still, and gives no author; nor do
    the other parts of a line one part of which is ordinary words in capitals."""
    authors: list[str] = []
    for line in lines:
        names = split_names(line.author or "")
        if any(reads_as_words(name) for name in names) or reads_as_slogan(names):
            continue  # "KIÊN GIANG - MỘT ĐIỂM", "HỌC TẬP, QUÁN TRIỆT", "CÔNG KHAI, DÂN CHỦ": words, no names
        for name in names:
            if name not in authors and is_full_name(name):
                authors.append(name)
    return authors


def outlet_from_url(url: str | None) -> str | None:
    """Host of a URL without "www." ("https://www.baoquangbinh.vn/x" → "baoquangbinh.vn")."""
    if not url:
        return None
    match = regex.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/\s:?#]+)", url.strip(), regex.IGNORECASE)
    host = match.group(1).lower().rstrip(".") if match else ""
    return host if "." in host else None


def outlet_from_lines(lines: list[Line]) -> str | None:
    """The outlet named by a source line: "Theo http://baoninhthuan.com.vn", "Nguồn X: http://..."."""
    for line in lines:
        if line.cls == META and is_source_line(line.text):
            found = URL.search(line.text)
            if found:
                return outlet_from_url(found.group(0))
    return None


def published_from(lines: list[Line], container_value: str | None, guess: str | None = None,
                   printed_in: Sequence[str] = (), title_dateline: str | None = None,
                   url: str | None = None) -> str | None:
    """Publication time: the container's field if it parses, else the first dateline of the page,
    else the dateline glued to the container's headline, else the date an HTML reader guessed from
    the page's text when a dateline of the page prints it, else the date the URL's path states.

    A container's date without a time takes the time of the page's dateline for that same day.
    """
    container = parse_published(container_value) if container_value else None
    page = _page_published(lines)
    if container and page and "T" not in container and page.startswith(container):
        return page
    glued = parse_published(title_dateline) if title_dateline else None
    return container or page or glued or _credible_guess(guess, printed_in) or url_published(url)


def _credible_guess(guess: str | None, printed_in: Sequence[str]) -> str | None:
    """The guessed date, unless the page prints it only in texts that are no dateline.

    htmldate reads dates off the whole page: a licence's date in the footer ("Giấy phép số 26/GP-TTĐT
    ngày 15/3/2019"), a listed article's headline ("Thông báo lịch tiếp công dân tháng 10/2018"), an
    event's day in a sentence. The page's own date stands alone in its element ("15/03/2019 08:30",
    "Ngày đăng: 15/03/2019"), or where no text shows it (a script's data, the URL's path).
    """
    parsed = parse_published(guess) if guess else None
    if parsed is None:
        return None
    printed = [found for text in printed_in if prints_date(text, parsed) for found in [meta_names(text)]]
    return parsed if not printed or any(found and found[0] == "dateline" for found in printed) else None


def _page_published(lines: list[Line]) -> str | None:
    """The article's dateline, else a date in another meta line ("Ngày đăng: ... | Tác giả: ..."),
    else a dateline glued to a line above the article."""
    datelines = [(i, parsed) for i, line in enumerate(lines)
                 if line.cls == META and _dated_line(line.text) and (parsed := parse_published(line.text))]
    headline = next((i for i, line in enumerate(lines) if line.cls == TITLE), None)
    glued = split_glued_dateline(lines[headline].text)[1] if headline is not None else None
    if glued and (parsed := parse_published(glued)) and all(i < headline for i, _ in datelines):
        return parsed  # the headline's own dateline glued to it; those above it are the site's clock
    if datelines:
        i, parsed = _article_dateline(lines, datelines)
        return _with_time_beside(parsed, lines, i)
    for line in lines:
        if line.cls == META and DATELINE.search(line.text) and (parsed := parse_published(line.text)):
            return parsed
    for day, rest in pairwise(lines):  # "27" then "06/2016"
        if day.cls == META == rest.cls and (parsed := split_date(day.text, rest.text)):
            return parsed
    for line in lines:  # a dateline glued to the headline or the lead: "... nông dân. 04:30 GMT+7, 27/9/2022"
        stamp = STAMP.search(line.text) if line.top and line.cls != BOILERPLATE else None  # no site clock
        if stamp and (parsed := parse_published(stamp.group(0))):
            return parsed
    return None


def _dated_line(text: str) -> bool:
    """A dateline, or a line that opens by labelling its date as the posting's ("Ngày đăng: 29/04/2020 /
    Lượt xem: 161"): the counters a template glues on make it no bare dateline, but it is the article's
    own date, which a header's "today" line above it must not outweigh."""
    return is_dateline(text) or POSTED_AT_FIRST.match(text.strip()) is not None


def _article_dateline(lines: list[Line], datelines: list[tuple[int, str]]) -> tuple[int, str]:
    """The first dateline, unless it is a date alone above the headline and another one follows, or
    it stands above the headline and another one right under it or right over it.

    Site headers print today's date above everything ("Thứ tư, ngày 24 tháng 4 năm 2024"), some
    with the clock ("Thứ Hai, 15/04/2024 17:03 (GMT +7)"); the article's own dateline stands under
    or beside the headline, often with its time.
    """
    headline = next((i for i, line in enumerate(lines) if line.cls == TITLE), None)
    first, parsed = datelines[0]
    if headline is None or first > headline:
        return _under_site_clock(lines, datelines)
    under = next((found for found in datelines[1:] if found[0] == headline + 1
                  or (found[0] == headline + 2 and is_date_label(lines[headline + 1].text))), None)
    # right under the headline, or under its icon's name ("calendar_today") a dump prints over it
    if under is not None:
        return under
    above = [found for found in datelines if found[0] < headline]
    if len(above) > 1 and above[-1][0] == headline - 1:
        return above[-1]  # the site's clock at the top, the article's dateline right over its headline
    beneath = _in_article_header(lines, datelines, headline)
    if beneath is not None:
        return beneath
    signed = _signed_under(lines, datelines)
    if signed is not None and len(above) == len(datelines) - 1 and signed[1][:10] < parsed[:10]:
        return signed  # the site's clock over the headline, the article's dateline in its signature
    if "T" in _with_time_beside(parsed, lines, first):
        return datelines[0]
    later = [(i, value) for i, value in datelines[1:] if lines[i].top or i <= headline + CANDIDATE_LINES]
    return later[0] if later else datelines[0]


def _in_article_header(lines: list[Line], datelines: list[tuple[int, str]],
                       headline: int) -> tuple[int, str] | None:
    """The first dateline under the headline and above the article's first paragraph, or None.

    Between a headline and its lead a template may set its section's name, a breadcrumb, the byline or
    a share bar before the dateline ("Hoạt động của Thị xã", then "Thứ ba - 18/08/2020 21:04"); the
    dateline there is still the article's, and a clock over the headline is the site's."""
    for i, value in datelines:
        if headline < i <= headline + CANDIDATE_LINES:
            return (i, value) if all(lines[k].cls != BODY for k in range(headline + 1, i)) else None
    return None


def _signed_under(lines: list[Line], datelines: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The dateline among the meta lines right under the article's last paragraph (its signature:
    "Cập nhật lúc 03:36 ngày 10/10/2015", "Phương Lê - 11:22, 14/01/2020"), or None.

    Some templates print the posting's date under the article, not under its headline; a dateline
    over the headline of a later day is then the site's clock (the day the page was fetched)."""
    last = max((i for i, line in enumerate(lines) if line.cls == BODY), default=None)
    if last is None:
        return None
    return next((found for found in datelines if found[0] > last
                 and all(lines[k].cls == META for k in range(last + 1, found[0]))), None)


def _under_site_clock(lines: list[Line], datelines: list[tuple[int, str]]) -> tuple[int, str]:
    """The first dateline, unless it is the site's clock over a page whose headline is not found: a
    dateline above the article's first paragraph, with another one under it, still above the
    paragraph, that is of an earlier day. A header prints the day the page was fetched ("Thứ sáu,
    ngày 26 tháng 04 năm 2024"), later than the article's own dateline under it; an article's
    "updated" line is later than its dateline too, and stands under it, not over it."""
    first, parsed = datelines[0]
    earlier = [(i, value) for i, value in datelines[1:]
               if lines[first].top and lines[i].top and value[:10] < parsed[:10]]
    return earlier[0] if earlier else datelines[0]


def _with_time_beside(published: str, lines: list[Line], i: int) -> str:
    """A date without its time takes the time printed alone on the meta line above or below it."""
    if "T" in published:
        return published
    for j in (i + 1, i - 1):
        if 0 <= j < len(lines) and lines[j].cls == META and TIME_LINE.match(lines[j].text):
            return parse_published(f"{lines[i].text} {lines[j].text}") or published
    return published


def author_from_dateline(line: Line) -> str | None:
    """The name before the date in a combined line: "Lam Giang| 24/10/2017 10:03" → "Lam Giang". A meta
    line with no date, time or poster in it is no dateline ("SÓC TRĂNG - CHẶNG ĐƯỜNG", a headline cut
    short under the article): the name before its dash is none."""
    if not any(mark.search(line.text) for mark in (DATELINE, TIME_ALONE, POSTED_BY)):
        return None
    return dateline_author(line.text)
