"""Which line is the headline: the one the URL spells, else the best-shaped line just above the article.

News URLs carry the headline as a slug ("/nhieu-dang-vien-bi-xu-ly-ky-luat-68425.html"): folded
(tone marks dropped, đ as d) the headline line and the slug agree, while menus, breadcrumbs and
other articles' titles do not. Without a URL, the headline is the headline-shaped line nearest
above the first paragraph, once site chrome, datelines and bylines are set aside.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from urllib.parse import unquote, urlsplit

import regex

from pipeline.clean.bylines import is_name_with_unit
from pipeline.clean.shapes import (
    DATE,
    LEAD_TAG,
    PARAGRAPH_END,
    STAMP,
    has_lowercase,
    is_breadcrumb,
    is_headline,
    is_name,
    is_name_with_posts,
    is_paragraph,
    is_question,
    words,
)
from pipeline.text import ascii_words, casefold_words

SLUG_MIN_WORDS = 3  # fewer slug words than this could match anything
SLUG_COVERAGE = 0.8  # share of the slug's words the headline must contain, in order
LINE_COVERAGE = 0.4  # share of the line's words the slug must cover (slugs are often cut short)
SECTION_SLUG_WORDS = 5  # a slug shorter than this is as often a section's name: it must spell the whole line
ID_WORD = regex.compile(r"^(?:\d+|[a-z]*\d[a-z\d]*|html?|aspx?|php|jsp|epi|vnp|tpo|htm|c\d+)$")
SAPO_WORDS = 25
SENTENCE_BREAK = regex.compile(r"\p{Ll}[.!?] \p{Lu}")
LONG_NUMBER = regex.compile(r"^\d{5,}$")
CANDIDATE_SPAN = 6  # how many lines above the first paragraph a headline may stand
DATELINE_BESIDE = 5  # what a dateline next to a line adds to its score as the headline
# an icon's name or a label in lowercase over a dateline: "date", "access_time", "ngày đăng:"
DATE_LABEL = regex.compile(r"^\p{Ll}[\p{Ll}_]{0,19}(?: \p{Ll}{1,10})?:?$")
# "Headline - Báo Thừa Thiên Huế": a dump of the page's <title>
SITE_SUFFIX = regex.compile(r"^(?P<title>.+?)\s+[-–|]\s+(?P<site>[^-–|]+)$")
SITE_NAME_WORDS = 6
PRINTED_SITE_NAME_WORDS = 12  # "Tạp chí Khoa học Nông nghiệp Việt Nam", printed again as the masthead
CAPITALS_PENALTY = 3  # what a long line in capitals loses against a headline in mixed case
SEPARATORS = " |-–—,:"
# a full date set off by a bar or dash at the line's end or start ("Headline | 12/03/2021", "12/03/2021 -
# Headline"): a headline speaks of a day with a word before it ("ngày 12/3/2021"), not set off so; a date
# set off from another date is a span ("20/10/1930 - 20/10/2023")
DATE_AFTER_SEPARATOR = regex.compile(rf"(?<!{DATE})\s+[|\-–—]\s*(?P<date>{DATE})\s*$")
DATE_BEFORE_SEPARATOR = regex.compile(rf"^\s*(?P<date>{DATE})\s*[|\-–—]\s+(?!\d)")
# a line wholly in brackets: an aside under the headline (the week a schedule covers, who wrote it)
BRACKETED = regex.compile(r"^\s*\([^()]*\)\s*$")


def slug_words(url: str | None) -> list[str]:
    """The words of the URL's longest path segment, without ids and extensions ("…-68425.html")."""
    if not url:
        return []
    path = unquote(urlsplit(url.strip()).path)
    segments = [s for s in regex.split(r"[/]", path) if s]
    best: list[str] = []
    for segment in segments:
        found = [w for w in ascii_words(regex.sub(r"\.[a-z]{2,5}$", "", segment)) if not LONG_NUMBER.match(w)]
        while found and ID_WORD.match(found[-1]):  # "-68425", "-post955911", "-eae31b7" end a slug
            found.pop()
        if len(found) > len(best):
            best = found
    return best if len(best) >= SLUG_MIN_WORDS else []


def _common_run(slug: list[str], line: list[str]) -> int:
    """Words of the slug found in the line in the same order (longest common subsequence)."""
    in_slug = set(slug)
    line = [word for word in line if word in in_slug]  # a word the slug lacks is in no common run
    previous = [0] * (len(line) + 1)
    for word in slug:
        current = [0]
        for j, other in enumerate(line):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def slug_match(slug: list[str], text: str) -> float:
    """How well a line spells the slug: 0 when it does not, up to 1 when it is the slug."""
    line = ascii_words(text)
    if not slug or not line:
        return 0.0
    common = _common_run(slug, line)
    if common / len(slug) < SLUG_COVERAGE or common / len(line) < LINE_COVERAGE:
        return 0.0
    if len(slug) < SECTION_SLUG_WORDS and common < len(line):
        return 0.0  # "/chi-tiet-bai-viet/-/...": a section's name in the path, read in a label of the page
    return common / max(len(slug), len(line))


def slug_title(slug: list[str], texts: Sequence[str], candidates: Sequence[int]) -> int | None:
    """The index of the candidate line that best spells the URL's slug, or None.

    Of two lines that spell it as well, the later one: the headline stands nearest the article, the
    page's title block or a breadcrumb repeats it further up.
    """
    scored = [(slug_match(slug, texts[i]), i) for i in candidates]
    best = max(scored, default=(0.0, 0))
    return best[1] if best[0] > 0 else None


def headline_score(text: str, distance: int, first: bool) -> float:
    """How much a line above the first paragraph looks like its headline (0: not at all)."""
    if not is_headline(text) or is_breadcrumb(text) or is_name(text) or is_name_with_posts(text) \
            or is_name_with_unit(text) or LEAD_TAG.match(text) or BRACKETED.match(text):
        return 0.0
    score = min(words(text), 12) - 2.0 * distance
    if not has_lowercase(text):
        # a short line in capitals is a masthead or a section name, rarely a headline; a long one may
        # be the headline, or a slogan the site prints above it
        score -= 6 if words(text) < 6 else CAPITALS_PENALTY
    if is_question(text) and not first:
        score -= 3  # under a headline, a question opens an interview
    if words(text) > SAPO_WORDS or SENTENCE_BREAK.search(text):
        score -= 4  # several sentences, or one too long for a headline: a sapo without its full stop
    return max(score, 0.0)


def scored_title(texts: Sequence[str], candidates: Sequence[int], first_paragraph: int,
                 between: Callable[[int, int], int], dated: Callable[[int], bool] = lambda _: False,
                 wrapped: Collection[int] = ()) -> int | None:
    """The best-scored headline among candidate lines above the first paragraph, or None.

    A line with the page's dateline right above or under it scores more: the dateline stands by the
    headline, while the article's first lines, cut across lines by a dump, stand nearer the prose. A
    dateline between two candidates is the upper one's: a photo or the sapo stands under it. A
    headline a dump wrapped at its width (`wrapped`, its first pieces) goes on in lowercase all the same.
    """
    best: tuple[float, int] | None = None
    for i in candidates:
        under = i + 2 if date_label_over(texts, i + 1, dated) else i + 1  # "date" over "05/11/2020"
        if first_paragraph - i > CANDIDATE_SPAN or (texts[under][:1].islower() and not dated(under)
                                                    and i not in wrapped
                                                    and not _lost_drop_capital(texts[i], texts[under])):
            continue  # too far above the article, or a sentence broken across two lines (a dateline
            # may open with the CMS account in lowercase: "quantri gửi vào T6, 2018-09-28 09:22")
        if best is not None and i > 0 and is_name(texts[i - 1]) and words(texts[i]) <= words(texts[best[1]]):
            continue  # under the headline, the line after a lone name is the byline's unit; a line longer
            # than the one above is the headline, the name over it a section's label ("THỜI SỰ")
        headline, glued = split_glued_dateline(texts[i])  # scored without a dateline glued to it
        score = headline_score(headline, between(i, first_paragraph), first=best is None)
        # a dateline right under another candidate is that one's: under it stand a photo or the sapo
        if score > 0 and (glued or dated(under)
                          or (dated(i - 1) and not _headline_above(texts, candidates, i - 2))):
            score += DATELINE_BESIDE
        if score > 0 and (best is None or score > best[0]):
            best = (score, i)
    return best[1] if best else None


def date_label_over(texts: Sequence[str], i: int, dated: Callable[[int], bool]) -> bool:
    """Line `i` is a label of the dateline under it: one or two words in lowercase with no digit ("date",
    "access_time", "calendar_today"), the name of the icon a dump prints in the icon's place. It opens in
    lowercase as a sentence's next piece does, yet no piece of a sentence is a word over a dateline."""
    return 0 <= i < len(texts) and is_date_label(texts[i]) and dated(i + 1)


def is_date_label(text: str) -> bool:
    """A line shaped as a dateline's label: one or two lowercase words, no digit ("date", "ngày đăng:")."""
    return DATE_LABEL.match(text.strip()) is not None


def _lost_drop_capital(line: str, under: str) -> bool:
    """The paragraph under the line opens in lowercase because a dump lost its drop capital ("ại Lễ
    trao giải ..."): a whole paragraph, at least twice the line's length, where a sentence a dump
    wrapped goes on in a piece as long as the line or shorter."""
    return is_paragraph(under) and PARAGRAPH_END.search(under) is not None and words(under) >= 2 * words(line)


def _headline_above(texts: Sequence[str], candidates: Sequence[int], i: int) -> bool:
    return i in candidates and headline_score(texts[i], 0, first=True) > 0


def without_site_name(text: str, url: str | None, units: regex.Pattern,
                      printed: Collection[str] = frozenset()) -> str:
    """The headline without the site's name after a dash or bar ("... - Báo Thừa Thiên Huế").

    The part after the last separator is the site's when it is a few words that open like an outlet
    ("Báo", "Cổng thông tin"), that the URL's host spells ("baothuathienhue.vn"), or that the page
    prints as a line of its own (`printed`, folded: its masthead or footer).
    """
    found = SITE_SUFFIX.match(text.strip())
    if not found or words(found["title"]) < SLUG_MIN_WORDS:
        return text
    site = found["site"]
    if casefold_words(site) in printed and words(site) <= PRINTED_SITE_NAME_WORDS:
        return found["title"]
    if words(site) <= SITE_NAME_WORDS and (units.match(site) or spelled_by_host(site, url)):
        return found["title"]
    return text


def split_glued_dateline(text: str) -> tuple[str, str | None]:
    """The headline and the dateline a dump glued to it on one line, at its end or its start
    ("Headline 12/03/2021 10:15", "12/03/2021 10:15 - Headline", "Headline | 12/03/2021"); the
    text and None when no dateline is glued. A date and its time side by side is how a page prints
    its own time, never how a headline speaks of a day; a headline of fewer than three words left
    over is not split."""
    for found in STAMP.finditer(text):  # a stamp in brackets is printed as the headline's own part
        before = text[:found.start()].strip().rstrip(SEPARATORS)
        after = text[found.end():].strip().lstrip(SEPARATORS)
        if not after and words(before) >= SLUG_MIN_WORDS:
            return before, found.group(0)
        if not before and words(after) >= SLUG_MIN_WORDS:
            return after, found.group(0)
    found = DATE_AFTER_SEPARATOR.search(text)
    if found and words(text[:found.start()]) >= SLUG_MIN_WORDS:
        return text[:found.start()].strip().rstrip(SEPARATORS), found["date"]
    found = DATE_BEFORE_SEPARATOR.search(text)
    if found and words(text[found.end():]) >= SLUG_MIN_WORDS:
        return text[found.end():].strip(), found["date"]
    return text, None


def heading_dateline(heading: str | None, title: str | None) -> str | None:
    """The dateline a page glued inside its printed headline element ("Headline 12/03/2021 08:15" in
    the <h1>), when what is left of the element is the article's title: an element that reads
    otherwise (a masthead with today's date) dates no article."""
    if not heading or not title:
        return None
    headline, glued = split_glued_dateline(heading)
    return glued if glued and casefold_words(headline) == casefold_words(title) else None


def spelled_by_host(text: str, url: str | None, least: int = 4) -> bool:
    """The URL's host spells the text without tone marks and spaces ("Mạng Y Tế", amp.mangyte.vn)."""
    host = "".join(ascii_words(urlsplit(url.strip()).netloc)) if url else ""
    spelled = "".join(ascii_words(text))
    return len(spelled) >= least and spelled in host
