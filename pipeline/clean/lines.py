"""Cleaning: every line of a page is title, meta, body, caption or boilerplate (spec section 2).

A page is read by position first (`structure.py`): above the headline is navigation, the article
runs from its first paragraph to the last one before the link lists, and after it come the
signature (byline, source) and the site's lists and footer. Within each zone a line's shape
(`shapes.py`: prose, headline, name, breadcrumb, leaked markup) decides, with the phrases and
patterns of `rules/boilerplate.yml` as a last help, and lines the site repeats on its pages
(`templates.py`) as furniture where they stand outside the prose. When unsure a line inside the
article stays body: losing a sentence is worse than keeping furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.clean.bylines import UNIT_MIN_WORDS, names_in
from pipeline.clean.furniture import (  # the rules and one-line predicates, named here as before
    DATELINE,
    TIME_LINE,
    URL,
    boilerplate_rule,
    boilerplate_rules,
    dateline_author,
    is_boilerplate_line,
    is_dateline,
    is_source_line,
    looks_like_name,
    meta_names,
    split_names,
)
from pipeline.clean.published import parse_published
from pipeline.clean.shapes import STAMP, ascii_words, is_headline, is_name, is_paragraph
from pipeline.clean.structure import article_span, truncated_copies
from pipeline.clean.title import (
    scored_title,
    slug_match,
    slug_title,
    slug_words,
    spelled_by_host,
    without_site_name,
)
from pipeline.text import casefold_words

__all__ = [
    "BODY", "BOILERPLATE", "CAPTION", "META", "TITLE", "Line", "author_from_dateline", "authors_from",
    "boilerplate_rule", "boilerplate_rules", "classify", "container_authors", "is_boilerplate_line",
    "looks_like_name",
    "outlet_from_lines", "outlet_from_url", "published_from", "removed_as_template", "split_names",
    "title_from",
]  # fmt: skip

TITLE, META, BODY, CAPTION, BOILERPLATE = "title", "meta", "body", "caption", "boilerplate"

IMAGE_PLACEHOLDER = "\xa0"  # sites leave a no-break space where an image was
HEADLINE_AS_PROSE_MATCH = 0.75  # how closely a line with a full stop must spell the URL or <title> to head it
SHORT_LINE_WORDS = 30  # link lists and captions are short; body paragraphs rarely are
CAPTION_MAX_WORDS = 45
LIST_HEADING_WORDS = 7  # "Các tin, bài viết khác": a heading, not a sentence that ends the same way
FURNITURE_NEAR = 3  # lines around a widget's phrase where more chrome shows the furniture has begun
LABEL_WORDS = 3  # "Nghe lại", "Video": a widget's label right above the site's furniture
SITE_NAME_LETTERS = 6  # a byline the host spells with this many letters is the site's name
CANDIDATE_LINES = 4  # how far under the headline the article's own dateline may stand
TEMPLATE_MAX_WORDS = 8  # inside the article only a short line the site repeats is its furniture
# rules that remove a line without saying the site's furniture has begun: a table's dashes and
# numbers, an alt text, an advertiser's phone number, a ">> read also" link are inside articles too
STRAY_RULES = frozenset({"no-content", "stray-numbers", "leaked-markup", "contact-line", "breadcrumb"})


@dataclass
class Line:
    """One non-blank line of the page and its class."""

    text: str
    cls: str = BODY
    after_image: bool = False  # the previous line was an image placeholder
    author: str | None = None  # byline name(s) this line gives, if any
    rule: str | None = None  # the rule that makes this line furniture on any page, if one does
    template: bool = False  # the line is one the page's site repeats on its pages
    top: bool = False  # the line stands above the article's first paragraph (or is it)


def _split_lines(text: str) -> list[Line]:
    """Non-blank lines, remembering which follow an image placeholder."""
    lines: list[Line] = []
    after_image = False
    for raw in text.split("\n"):
        if not raw.strip():
            after_image = after_image or (IMAGE_PLACEHOLDER in raw)
            continue
        lines.append(Line(raw.strip(), after_image=after_image or raw.startswith(IMAGE_PLACEHOLDER)))
        after_image = False
    return lines


def _is_caption_copy(lines: list[Line], first: int | None, i: int) -> bool:
    """A repeated caption: the same line again right after it, or again after a line that is a caption."""
    if first is None:
        return False
    line, earlier = lines[i], lines[first]
    words = len(line.text.split())
    if earlier.cls == CAPTION:
        return True
    # a sentence said twice in a row is a caption echoed under its image, not dialogue ("- Không.")
    dialogue = line.text.startswith(("-", "–", "“", '"'))
    return first == i - 1 and 4 <= words <= CAPTION_MAX_WORDS and not dialogue


def _is_caption(line: Line) -> bool:
    """A photo caption: under an image placeholder, or carrying a photo credit."""
    return len(line.text.split()) <= CAPTION_MAX_WORDS and (
        line.after_image or boilerplate_rules().caption.search(line.text) is not None)


def _set_meta(line: Line, names: list[str]) -> None:
    line.cls = META
    if names:
        line.author = ", ".join(names)


class _Page:
    """One page's lines and what is known about them while they are classified."""

    def __init__(self, text: str, title: str | None, template: frozenset[str], url: str | None = None):
        self.rules = boilerplate_rules()
        self.url = url
        self.lines = _split_lines(text)
        self.texts = [line.text for line in self.lines]
        self.folded = [casefold_words(t) for t in self.texts]
        for line, folded in zip(self.lines, self.folded, strict=True):
            line.rule = boilerplate_rule(line.text)
            line.template = folded in template
        for i in truncated_copies(self.folded):
            self.lines[i].rule = self.lines[i].rule or "truncated-copy"
        self.meta = [meta_names(t) for t in self.texts]
        for i, found in enumerate(self.meta):  # a time alone is meta only beside a date ("16:02 (GMT+7)")
            if found is not None and found[0] == "time" and not self._beside_dateline(i):
                self.meta[i] = None
        self.title_folded = casefold_words(title) if title else None

    def _beside_dateline(self, i: int) -> bool:
        return any(0 <= j < len(self.meta) and (found := self.meta[j]) is not None and found[0] == "dateline"
                   for j in (i - 1, i + 1))

    def is_chrome(self, i: int) -> bool:
        """Site furniture by rule, or a line the site repeats on its pages (a sentence excepted)."""
        line = self.lines[i]
        return line.rule is not None or (line.template and not is_paragraph(line.text))

    def is_marker(self, i: int) -> bool:
        """A heading of a list of other articles ("Tin liên quan", "Các bài viết khác")."""
        folded = self.folded[i]
        return folded in self.rules.tail_markers or (
            len(folded.split()) <= LIST_HEADING_WORDS and self.rules.list_heading.search(folded) is not None)

    def _strong_chrome(self, i: int) -> bool:
        line = self.lines[i]
        return self.is_marker(i) or line.template or line.rule not in (None, "phrase", *STRAY_RULES)

    def is_furniture(self, i: int) -> bool:
        """A line that says the site's furniture has begun: a list heading, a footer, a repeated line,
        or a widget's phrase with more chrome near it (a lone "Họ tên" may head a table)."""
        if self._strong_chrome(i):
            return True
        if self.lines[i].rule != "phrase":
            return False
        near = range(max(0, i - FURNITURE_NEAR), min(len(self.lines), i + FURNITURE_NEAR + 1))
        return any(j != i and (self._strong_chrome(j) or self.lines[j].rule == "phrase") for j in near)

    def _furniture_at(self, i: int) -> bool:
        return i >= len(self.lines) or self.is_furniture(i)

    def precedes_furniture(self, i: int) -> bool:
        """The next line that is neither meta nor a unit's name is furniture, or there is none.

        Under a byline's name the author's unit or the outlet may stand ("Tạp chí Cửa Việt số 356").
        """
        j = i + 1
        while j < len(self.lines) and (self.meta[j] is not None or self.is_unit(j)):
            j += 1
        return j >= len(self.lines) or self._furniture_at(j)

    def is_unit(self, i: int) -> bool:
        """A short line that names a unit or an outlet ("Hội Nông dân huyện Như Xuân")."""
        text = self.texts[i]
        return self.rules.units.match(text) is not None and _is_role(text) and not self.is_chrome(i)

    def labels_furniture(self, i: int) -> bool:
        """A label of a few words right above the site's furniture ("Nghe lại", "Video")."""
        return len(self.texts[i].split()) <= LABEL_WORDS and not is_paragraph(self.texts[i]) and (
            self._furniture_at(i + 1) and i + 1 < len(self.lines))

    def heads_a_list(self, i: int) -> bool:
        """Two or more headline-shaped lines from here, and site furniture right after them.

        A list heading after them heads the list under it, and a byline among them signs the
        article: the lines before either are the article's last (a caption, a subheading, a
        paragraph the stored page cut short).
        """
        j = i
        while (j < len(self.lines) and is_headline(self.texts[j]) and not self._furniture_at(j)
               and self.names(j) is None):
            j += 1
        return j - i >= 2 and j < len(self.lines) and self._furniture_at(j) and not self.is_marker(j)

    def names(self, i: int) -> list[str] | None:
        """The names of a byline made of names, unless the line is an item of a menu."""
        found = names_in(self.texts[i], self.rules.honorifics, self.rules.units)
        following = next((j for j in range(i + 1, len(self.lines)) if self.meta[j] is None), None)
        before = next((j for j in range(i - 1, -1, -1) if self.meta[j] is None), None)
        if found and any(j is not None and is_name(self.texts[j]) for j in (before, following)):
            return None  # "GIỚI THIỆU", "TIN TỨC", "LIÊN HỆ": a menu in capitals, not a byline
        if found and spelled_by_host(" ".join(found), self.url, SITE_NAME_LETTERS):
            return None  # "Mạng Y Tế" on mangyte.vn: the site signs its pages, no person
        return found


def classify(text: str, title: str | None = None, url: str | None = None,
             template: frozenset[str] = frozenset()) -> list[Line]:
    """Classify every non-blank line.

    `title` is the container's headline when it gave one, `url` the page's address (its slug spells
    the headline), `template` the folded lines this page's site repeats on its pages.
    """
    page = _Page(text, title, template, url)
    span = article_span(page.texts, page.is_chrome, page.is_marker, lambda i: page.meta[i] is not None,
                        lambda i: page.lines[i].template)
    headline = _headline_shaped_as_prose(page, span.start, title, url)
    if headline is not None:  # the headline ends with a full stop: the article starts under it
        span = article_span(page.texts, page.is_chrome, page.is_marker,
                            lambda i: i == headline or page.meta[i] is not None,
                            lambda i: page.lines[i].template)
    if span.start is None or span.end is None:
        _classify_without_prose(page)
        return page.lines
    title_index = _title_index(page, span.start, title, url)
    if page.title_folded is None and title_index is not None:
        page.title_folded = page.folded[title_index]
    for i in range(span.start + 1):
        page.lines[i].top = True
    _classify_top(page, span.start, title_index, exact_copy=title is not None)
    _classify_article(page, span.start, span.end)
    _classify_tail(page, span.end + 1)
    return page.lines


def _headline_shaped_as_prose(page: _Page, start: int | None, title: str | None,
                              url: str | None) -> int | None:
    """The first line read as prose when it is the headline the container or the URL spells, or None.

    "Kỳ họp thứ 20, HĐND tỉnh khóa X: thông qua 12 Nghị quyết quan trọng." ends like a sentence, but
    the URL's slug (or the page's <title>) says it is the headline; a paragraph must follow it.
    """
    if start is None:
        return None
    if not any(is_paragraph(text) for text in page.texts[start + 1:]):
        return None
    spelled = ascii_words(title) if title else slug_words(url)
    # nearly word for word: a lead repeats the headline's words too, among many more of its own
    return start if spelled and slug_match(spelled, page.texts[start]) >= HEADLINE_AS_PROSE_MATCH else None


def _title_index(page: _Page, start: int, title: str | None, url: str | None) -> int | None:
    """The headline's line above the first paragraph: the container's title, the URL's, or the best-shaped."""
    above = range(start)
    if title:
        exact = next((i for i in above if page.folded[i] == page.title_folded), None)
        if exact is not None:
            return exact
        wanted = ascii_words(title)
        return slug_title(wanted, page.texts, [i for i in above if page.lines[i].rule is None])
    candidates = [i for i in above if not page.is_chrome(i) and page.meta[i] is None]
    slug = slug_words(url)
    if slug and (found := slug_title(slug, page.texts, candidates)) is not None:
        return found
    return scored_title(page.texts, candidates, start, lambda i, j: sum(i < c < j for c in candidates))


def _classify_top(page: _Page, start: int, title_index: int | None, exact_copy: bool) -> None:
    """Above the first paragraph: navigation above the headline; datelines, bylines and sapo under it."""
    for i in range(start):
        line, meta = page.lines[i], page.meta[i]
        if i == title_index:
            # the container's headline printed again on the page is its copy; otherwise this is the title
            line.cls = BOILERPLATE if exact_copy and page.folded[i] == page.title_folded else TITLE
        elif meta is not None:
            _set_meta(line, meta[1])
        elif line.rule is not None or page.folded[i] == page.title_folded or line.template:
            line.cls = BOILERPLATE
        elif title_index is not None and i < title_index:
            line.cls = BOILERPLATE  # menus, section names, banners and breadcrumbs above the headline
        elif title_index is not None and (names := page.names(i)) is not None:
            _set_meta(line, names)  # "NGUYÊN ĐOAN |" under the headline
        elif _is_caption(line):
            line.cls = CAPTION


def _classify_article(page: _Page, start: int, end: int) -> None:
    """From the first paragraph to the last: body, unless a line says otherwise."""
    seen: dict[str, int] = {}
    in_list = False
    for i in range(start, end + 1):
        line, folded, meta = page.lines[i], page.folded[i], page.meta[i]
        words = len(line.text.split())
        if line.rule is not None:
            line.cls = BOILERPLATE
            in_list = in_list or page.is_marker(i)
        elif in_list and words <= SHORT_LINE_WORDS:
            line.cls = BOILERPLATE  # titles of other articles listed under a marker inside the page
        elif folded == page.title_folded or _is_caption_copy(page.lines, seen.get(folded), i):
            line.cls = BOILERPLATE  # second copy of the title or of a caption
            first = page.lines[seen[folded]] if folded in seen else None
            if first is not None and first.cls == BODY:
                first.cls = CAPTION
        elif meta is not None:
            _set_meta(line, meta[1])
        elif page.precedes_furniture(i) and (names := page.names(i)) is not None:
            _set_meta(line, names)  # "HOÀNG LÂM" then the tags: the byline, though a notice runs on after
        elif _is_caption(line):
            line.cls = CAPTION
        elif line.template and words <= TEMPLATE_MAX_WORDS and not is_paragraph(line.text):
            line.cls = BOILERPLATE  # the site's own short line among the paragraphs (an ad slot, a widget)
        else:
            in_list = in_list and words <= SHORT_LINE_WORDS
        seen.setdefault(folded, i)


def _classify_tail(page: _Page, first: int) -> None:
    """After the last paragraph: the signature (byline, source, the author's unit), then lists and footer.

    Once the site's furniture has begun (a chrome line or a list heading) or the article has been
    signed, what follows is furniture too. Before that a line stays body, unless it heads a run of
    headlines the furniture follows (a list of links without a heading); a name alone just before
    the furniture or the end of the page is a byline.
    """
    furniture = signed = False
    signature, after_name = True, False
    for i in range(first, len(page.lines)):
        line, meta = page.lines[i], page.meta[i]
        named = False
        if meta is not None:
            _set_meta(line, meta[1])
            signed = signed or meta[0] in ("byline", "source")
        elif page.is_chrome(i) or page.is_marker(i) or page.folded[i] == page.title_folded:
            line.cls, signature = BOILERPLATE, False
            furniture = furniture or page.is_furniture(i)
        elif not furniture and (signature or page.precedes_furniture(i)) and (
                (names := page.names(i)) is not None):
            _set_meta(line, names)
            named = signed = True
        elif signature and after_name and _is_role(line.text):
            line.cls = META  # "Phó Bí thư Thường trực Đảng ủy Khối": the unit or role under a name
        elif signature and not furniture and page.rules.units.match(line.text) and _is_role(line.text) \
                and len(line.text.split()) >= UNIT_MIN_WORDS:
            line.cls = META  # "Đài Kim Bảng": the unit that signs the article, no person named
        elif furniture or signed or page.heads_a_list(i) or page.labels_furniture(i):
            line.cls, furniture, signature = BOILERPLATE, True, False
        else:
            line.cls, signature = CAPTION if _is_caption(line) else BODY, False
        after_name = named


def _is_role(text: str) -> bool:
    """A short line that names a post or a unit ("Trung tâm VHTT&TT Hữu Lũng"): proper nouns, no sentence."""
    capitalised = sum(word[:1].isupper() for word in text.split()[1:])
    return len(text.split()) <= 12 and not is_paragraph(text) and text[:1].isupper() and capitalised >= 2


def _classify_without_prose(page: _Page) -> None:
    """A page with no sentence at all: the first line that is not furniture is the headline, the rest body."""
    title_seen = page.title_folded is not None
    for i, line in enumerate(page.lines):
        meta = page.meta[i]
        if line.rule is not None or page.folded[i] == page.title_folded:
            line.cls = BOILERPLATE
        elif not title_seen and is_dateline(line.text) and len(line.text.split()) <= 8:
            line.cls = META  # a dateline above the headline
        elif not title_seen:
            line.cls, title_seen = TITLE, True
            page.title_folded = page.folded[i]
        elif meta is not None:
            _set_meta(line, meta[1])
        elif _is_caption(line):
            line.cls = CAPTION


def title_from(lines: list[Line], url: str | None) -> str | None:
    """The headline line's text, without the site's name a dump may print after it."""
    found = next((line.text for line in lines if line.cls == TITLE), None)
    return without_site_name(found, url, boilerplate_rules().units) if found else None


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
    """Byline names in page order, each once."""
    authors: list[str] = []
    for line in lines:
        for name in split_names(line.author or ""):
            if name not in authors:
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


def published_from(lines: list[Line], container_value: str | None) -> str | None:
    """Publication time: the container's field if it parses, else the first dateline of the page.

    A container's date without a time takes the time of the page's dateline for that same day.
    """
    container = parse_published(container_value) if container_value else None
    page = _page_published(lines)
    if container and page and "T" not in container and page.startswith(container):
        return page
    return container or page


def _page_published(lines: list[Line]) -> str | None:
    """The article's dateline, else a date in another meta line ("Ngày đăng: ... | Tác giả: ..."),
    else a dateline glued to a line above the article."""
    datelines = [(i, parsed) for i, line in enumerate(lines)
                 if line.cls == META and is_dateline(line.text) and (parsed := parse_published(line.text))]
    if datelines:
        i, parsed = _article_dateline(lines, datelines)
        return _with_time_beside(parsed, lines, i)
    for line in lines:
        if line.cls == META and DATELINE.search(line.text) and (parsed := parse_published(line.text)):
            return parsed
    for line in lines:  # a dateline glued to the headline or the lead: "... nông dân. 04:30 GMT+7, 27/9/2022"
        stamp = STAMP.search(line.text) if line.top else None
        if stamp and (parsed := parse_published(stamp.group(0))):
            return parsed
    return None


def _article_dateline(lines: list[Line], datelines: list[tuple[int, str]]) -> tuple[int, str]:
    """The first dateline, unless it is a date alone above the headline and another one follows.

    Site headers print today's date above everything ("Thứ tư, ngày 24 tháng 4 năm 2024"); the
    article's own dateline stands under or beside the headline, often with its time.
    """
    headline = next((i for i, line in enumerate(lines) if line.cls == TITLE), None)
    first, parsed = datelines[0]
    if headline is None or first > headline or "T" in _with_time_beside(parsed, lines, first):
        return datelines[0]
    later = [(i, value) for i, value in datelines[1:] if lines[i].top or i <= headline + CANDIDATE_LINES]
    return later[0] if later else datelines[0]


def _with_time_beside(published: str, lines: list[Line], i: int) -> str:
    """A date without its time takes the time printed alone on the meta line above or below it."""
    if "T" in published:
        return published
    for j in (i + 1, i - 1):
        if 0 <= j < len(lines) and lines[j].cls == META and TIME_LINE.match(lines[j].text):
            return parse_published(f"{lines[i].text} {lines[j].text}") or published
    return published


def author_from_dateline(line: Line) -> str | None:
    """The name before the date in a combined line: "Lam Giang| 24/10/2017 10:03" → "Lam Giang"."""
    return dateline_author(line.text)
