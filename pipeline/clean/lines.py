"""Cleaning: every line of a page is title, meta, body, caption or boilerplate (spec section 2).

A page is read by position first (`structure.py`): above the headline is navigation, the article
runs from its first paragraph to the last one before the link lists, and after it come the
signature (byline, source) and the site's lists and footer. Within each zone a line's shape
(`shapes.py`: prose, headline, name, breadcrumb, leaked markup) decides, with the phrases and
patterns of `rules/boilerplate.yml` as a last help, and lines the site repeats on its pages
(`templates.py`) as furniture where they stand outside the prose; `page.py` holds what is known of
each line among its neighbours, `headline.py` finds the headline and its copies, `top_lines.py`
reads the lines above the first paragraph. When unsure a line inside the article stays body: losing
a sentence is worse than keeping furniture.
"""

from __future__ import annotations

import regex

from pipeline.clean.bylines import (
    bare_initials,
    is_addressed_with_post,
    is_newsroom_signature,
    is_signing_unit,
    names_in,
    names_the_sites_place,
)
from pipeline.clean.fields import (  # the record's fields off the classed lines, named here as before
    author_from_dateline,
    authors_from,
    body_paragraphs,
    container_authors,
    outlet_from_lines,
    outlet_from_url,
    published_from,
    removed_as_template,
    title_from,
)
from pipeline.clean.forms import form_start, mark_form_widget
from pipeline.clean.furniture import (  # the rules and one-line predicates, named here as before
    boilerplate_rule,
    boilerplate_rules,
    is_boilerplate_line,
    is_dateline,
    looks_like_name,
    split_names,
)
from pipeline.clean.headline import (
    copies_title,
    folded_without_site_name,
    headline_index,
    headline_shaped_as_prose,
    is_piece,
    names_a_unit,
    printed_twice,
    section_label_under,
    signs_under,
    spelled_under_notice,
    spells_headline_unaccented,
    under_masthead,
    wrapped_end,
)
from pipeline.clean.page import Page
from pipeline.clean.page_lines import (
    BODY,
    BOILERPLATE,
    CAPTION,
    META,
    TITLE,
    Line,
    is_role,
)
from pipeline.clean.shapes import (
    PARAGRAPH_END,
    is_paragraph,
    opens_in_lowercase,
)
from pipeline.clean.structure import article_span, is_prose
from pipeline.clean.title import heading_dateline, split_glued_dateline
from pipeline.clean.top_lines import (
    breadcrumb_under,
    in_menu,
    is_stray_label,
    labels_above,
    labels_the_headline,
    over_the_lead,
    site_clock,
)

__all__ = [
    "BODY", "BOILERPLATE", "CAPTION", "META", "TITLE", "Line", "author_from_dateline", "authors_from",
    "body_paragraphs", "boilerplate_rule", "boilerplate_rules", "classify", "container_authors",
    "heading_dateline", "is_boilerplate_line",
    "looks_like_name",
    "outlet_from_lines", "outlet_from_url", "published_from", "removed_as_template", "split_glued_dateline",
    "split_names", "title_from",
]  # fmt: skip

SHORT_LINE_WORDS = 30  # link lists and captions are short; body paragraphs rarely are
CAPTION_MAX_WORDS = 45
PERSON_CAPTION_WORDS = 25  # "Ông A - Bí thư Tỉnh ủy phát biểu khai mạc": who is in the photo and what they do
# a colon, quotes or a question mark: what a person said or a section's heading asks, no caption
SPOKEN = regex.compile(r"[:\"“”?]")
END_MARK_NAME = regex.compile(r"\./\.\s*(?P<names>[^./][^.]*?)\s*$")  # "./." closes Vietnamese official texts
# a menu's item: capitalised words, maybe joined by a dash, a slash or "&", no number, bracket or stop
TEMPLATE_MAX_WORDS = 8  # inside the article only a short line the site repeats is its furniture


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


COPY_END = regex.compile(r"\s*[.…]+$")
QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"'))


def _copy_key(folded: str) -> str:
    """What two copies of a line share: a page's two copies may differ in their quotes' shapes, and a
    caption's copy (an alt text, a figure's title) may lack its full stop."""
    for curly, straight in QUOTES:  # six scans in C: `str.translate` looks every character up in a dict
        if curly in folded:
            folded = folded.replace(curly, straight)
    # the stop ends the line (a folded line has no break or end space): not tried at every offset of it
    return COPY_END.sub("", folded) if folded.endswith((".", "…")) else folded


def _is_caption(line: Line) -> bool:
    """A photo caption: under an image placeholder, or carrying a photo credit, or naming the person
    in the photo with the post. A line ending with a colon leads into what follows ("Một số hình
    ảnh:" over the photos): the article's, no caption."""
    return len(line.text.split()) <= CAPTION_MAX_WORDS and not line.text.endswith(":") and (
        line.after_image or boilerplate_rules().caption.search(line.text) is not None
        or (names_person_with_post(line.text) and not line.joins_next))  # no wrapped paragraph's first piece


def names_person_with_post(text: str) -> bool:
    """A short line that addresses a person, names them, then gives their post after a dash ("Đồng chí
    Vũ Thế Kỳ - Trưởng ban ... phát biểu", "Th.S Nguyễn Quốc Thới – Giảng viên ..."): a text dump's
    caption that lost its photo. The article introduces a person in a sentence that says something
    ("Ông A - Giám đốc Sở cho biết: ..."), with a colon or quotes, or longer than a caption; a
    section's heading may ask about them ("Ông A - Chủ tịch nhàn nhất thế giới?")."""
    rules = boilerplate_rules()
    return len(text.split()) <= PERSON_CAPTION_WORDS and SPOKEN.search(text) is None \
        and is_addressed_with_post(text, rules.address, rules.honorifics)


def _set_meta(line: Line, names: list[str]) -> None:
    line.cls = META
    if names:
        line.author = ", ".join(names)


def classify(text: str, title: str | None = None, url: str | None = None,
             template: frozenset[str] = frozenset()) -> list[Line]:
    """Classify every non-blank line.

    `title` is the container's headline when it gave one, `url` the page's address (its slug spells
    the headline), `template` the folded lines this page's site repeats on its pages.
    """
    page = Page(text, title, template, url)
    span = article_span(page.texts, page.is_chrome, page.is_marker, lambda i: page.meta[i] is not None,
                        lambda i: page.lines[i].template, page.signs, page.wrapped)
    crumb = breadcrumb_under(page, span.start)
    if crumb is not None:  # a notice above the page's breadcrumb: the article starts under it
        span = article_span(page.texts, page.is_chrome, page.is_marker,
                            lambda i: i <= crumb or page.meta[i] is not None,
                            lambda i: page.lines[i].template, page.signs, page.wrapped)
    headline = headline_shaped_as_prose(page, span.start, title, url)
    if headline is None and (spelled := spelled_under_notice(page, span.start, title, url)) is not None:
        headline = crumb = spelled  # the site's notice above the headline the URL spells: none of the article
    label = section_label_under(page, headline) if headline is not None else None
    if headline is not None:  # the headline ends with a full stop: the article starts under it (and
        # under the section's label the CMS prints between the headline and the lead)
        span = article_span(page.texts, page.is_chrome, page.is_marker,
                            lambda i: i in (headline, label) or (crumb is not None and i <= crumb)
                            or page.meta[i] is not None,
                            lambda i: page.lines[i].template, page.signs, page.wrapped)
    if span.start is None or span.end is None:
        _classify_without_prose(page)
        return page.lines
    span.end = _end_over_links(page, span.start, span.end)
    title_index = headline_index(page, span.start, title, url)
    if headline is not None and (title_index is None or under_masthead(page, headline)
                                 or signs_under(page, headline, title_index)
                                 or title_index == label):
        title_index = headline  # over a headline read as prose stands the site's masthead, no other
        # headline; under it may stand its byline or its section's label, neither is a headline
    if page.title_folded is None and title_index is not None:
        page.title_folded = page.headline_folded(title_index)
    for i in range(span.start + 1):
        page.lines[i].top = True
    _classify_top(page, span.start, title_index, exact_copy=title is not None)
    mark_form_widget(page, form_start(page, span.start, span.end))
    _classify_article(page, span.start, span.end)
    _classify_tail(page, span.end + 1)
    _sign_after_end_mark(page)
    for line in page.lines:  # a commune's portal signs with the commune's name: no person
        if line.author and all(names_the_sites_place(name, page.texts) for name in split_names(line.author)):
            line.author = None
    for i in page.abstract_keywords():
        page.lines[i].cls = BODY
    _follow_wrapped_pieces(page.lines)
    return page.lines


def _end_over_links(page: Page, start: int, end: int) -> int:
    """The article's last line: the one above a byline that only other articles' links follow down to
    the site's furniture (a related list whose heading the dump lost, with a headline read as prose
    among them: one with its full stop, or one too long for a title)."""
    signed = next((k for k in range(start + 1, end + 1) if page.signs_over_links(k)), None)
    return end if signed is None else signed - 1


def _follow_wrapped_pieces(lines: list[Line]) -> None:
    """A paragraph a dump wrapped is one class: the pieces under a caption's first are the caption's,
    not body; a piece that carries a body line's sentence on in lowercase is body, though it reads
    as a dateline ("phương ngày 22/11/2019;" under "... Luật Tổ chức chính quyền địa"), and so is
    its last piece read as a byline ("Việt Nam." under "... đảng viên Đảng Cộng sản")."""
    for i in range(1, len(lines)):
        previous, line = lines[i - 1], lines[i]
        if not previous.joins_next:
            continue
        if previous.cls == CAPTION and line.cls == BODY:
            line.cls = CAPTION
        elif previous.cls == BODY and line.cls == META and (line.text[:1].islower() or (
                line.author and PARAGRAPH_END.search(previous.text) is None)):
            # "Sơn La." under "... ĐVHC cấp xã trên địa bàn tỉnh": the paragraph's last piece names a
            # place, shaped like a byline; no one signs in mid-sentence (a byline under "... ./." does)
            line.cls, line.author = BODY, None


def _classify_top(page: Page, start: int, title_index: int | None, exact_copy: bool) -> None:
    """Above the first paragraph: navigation above the headline; datelines, bylines and sapo under it."""
    wrapped = pieces = range(0)
    label = None  # the section's label the CMS prints under the headline, over its lead
    if title_index is not None:
        wrapped = range(title_index + 1, wrapped_end(page, title_index, start))
        pieces = range(title_index + 1, min(page.wrapped_headlines.get(title_index, 0), start))
        label = section_label_under(page, title_index)
    for i in range(start):
        line, meta = page.lines[i], page.meta[i]
        if i in wrapped and page.lines[title_index].cls == TITLE:
            line.cls = TITLE  # "ĐẢNG BỘ TRƯỜNG ..." / "50 NĂM MỘT CHẶNG ĐƯỜNG": a headline wrapped
        elif i in pieces:
            # "... Thi đua học tập và" / "làm theo Bác": a dump wrapped the headline, each piece is its
            line.cls = page.lines[title_index].cls
        elif i == title_index:
            # the container's headline printed again on the page is its copy; otherwise this is the title
            line.cls = BOILERPLATE if exact_copy and page.headline_folded(i) == page.title_folded else TITLE
        elif meta is not None and labels_above(page, i, title_index):
            line.cls = BOILERPLATE  # "THỜI SỰ", "CHÍNH TRỊ" over the headline: a section's label, no byline
        elif meta is not None and not site_clock(page, i, title_index):
            _set_meta(line, meta[1])
        elif line.rule is not None or page.folded[i] == page.title_folded or line.template \
                or (page.title_folded is not None and printed_twice(page.folded[i]) == page.title_folded):
            line.cls = BOILERPLATE  # the headline again, or printed twice on one line (its block's echo)
        elif page.title_folded is not None and is_piece(page.folded[i], page.title_folded):
            line.cls = BOILERPLATE  # the headline again, broken over lines
        elif title_index is not None and i < title_index:
            line.cls = BOILERPLATE  # menus, section names, banners and breadcrumbs above the headline
        elif (title_index is not None or over_the_lead(page, i, start)) \
                and (names := page.names(i)) is not None:
            _set_meta(line, names)  # "NGUYÊN ĐOAN |" under the headline, or right above the first paragraph
        elif title_index is not None and (labels_the_headline(page, i, start) or i == label):
            line.cls = BOILERPLATE  # a section's or a tag's label between the headline and its dateline
            # or its lead
        elif names_a_unit(page, i):
            # "Hội Nông dân tỉnh": under a byline the author's unit, else the page's section
            line.cls = META if i > 0 and page.lines[i - 1].author else BOILERPLATE
        elif _is_caption(line):
            line.cls = CAPTION
        elif title_index is not None and i > title_index and is_stray_label(line.text):
            line.cls = BOILERPLATE  # "Sự kiện", "'70": a section's label, a widget's or a counter's
            # remnant between the headline and the lead, where the article has no line that short
        elif title_index is None and in_menu(page, i, start):
            line.cls = BOILERPLATE  # "Giới thiệu" / "Tin tức" / "Văn bản" over a page cut in mid-article


def _classify_article(page: Page, start: int, end: int) -> None:
    """From the first paragraph to the last: body, unless a line says otherwise."""
    seen: dict[str, int] = {}
    in_list = False
    for i in range(start, end + 1):
        line, folded, meta = page.lines[i], page.folded[i], page.meta[i]
        words, key = len(line.text.split()), _copy_key(folded)
        if line.rule is not None:
            line.cls = BOILERPLATE
            in_list = in_list or page.is_marker(i)
        elif in_list and words <= SHORT_LINE_WORDS:
            line.cls = BOILERPLATE  # titles of other articles listed under a marker inside the page
        elif copies_title(page, i) or _is_caption_copy(page.lines, seen.get(key), i):
            line.cls = BOILERPLATE  # second copy of the title or of a caption
            first = seen.get(key)
            # the lead printed twice is the page's summary and its lead, not a caption
            if first is not None and first != start and page.lines[first].cls == BODY:
                page.lines[first].cls = CAPTION
        elif page.title_folded and spells_headline_unaccented(page, i):
            line.cls = BOILERPLATE  # "To chuc Ngay hoi ... - Anh 1": the headline as an image's alt text
        elif meta is not None and _dated_sentence_among_body(page, i, start, end):
            pass  # "Vào lúc 16h00 ngày 23 tháng 3 năm 2023." between paragraphs: the article's sentence
        elif meta is not None:
            _set_meta(line, meta[1])
        elif page.precedes_furniture(i) and (names := page.names(i)) is not None:
            _set_meta(line, names)  # "HOÀNG LÂM" then the tags: the byline, though a notice runs on after
        elif is_newsroom_signature(line.text):
            line.cls = META  # "Nhóm PV" over a print button the cleaner kept: it signs, names no one
        elif _is_caption(line):
            line.cls = CAPTION
        elif line.template and words <= TEMPLATE_MAX_WORDS and not is_paragraph(line.text):
            line.cls = BOILERPLATE  # the site's own short line among the paragraphs (an ad slot, a widget)
        else:
            in_list = in_list and words <= SHORT_LINE_WORDS
        seen.setdefault(key, i)


def _dated_sentence_among_body(page: Page, i: int, start: int, end: int) -> bool:
    """A sentence that reads as a dateline ("Vào lúc 16h00 ngày 23 tháng 3 năm 2023.") with the article's
    paragraphs right above and under it, past its first: an event's date the article tells, no dateline
    (a page prints its dateline over the article or under it, never between two of its paragraphs)."""
    found = page.meta[i]
    if found is None or found[0] != "dateline" or not start < i < end or not is_paragraph(page.texts[i]):
        return False
    return page.lines[i - 1].cls == BODY and page.meta[i + 1] is None and is_prose(page.texts[i + 1]) \
        and not page.is_chrome(i + 1)


def _classify_tail(page: Page, first: int) -> None:
    """After the last paragraph: the signature (byline, source, the author's unit), then lists and footer.

    Once the site's furniture has begun (a chrome line or a list heading) or the article has been
    signed, what follows is furniture too. Before that a line stays body, unless it heads a run of
    headlines the furniture follows (a list of links without a heading); a name alone just before
    the furniture or the end of the page is a byline. A date under a list's heading is a listed
    article's, not this one's dateline; a second byline among the widgets, once the article is
    signed, is the CMS account that posted it.
    """
    furniture = signed = listed = False
    signature, after_name = True, False
    earlier = set(page.folded[:first])  # the article's lines: a caption's second copy repeats one
    for i in range(first, len(page.lines)):
        line, meta = page.lines[i], page.meta[i]
        named = False
        listed = listed or page.is_marker(i)
        if meta is not None and listed and meta[0] in ("dateline", "time"):
            line.cls = BOILERPLATE
        elif meta is not None and meta[0] == "byline" and signed and furniture:
            line.cls = BOILERPLATE  # "Viết bởi Quản trị ..." among the widgets: the CMS account's stamp
        elif meta is not None:
            _set_meta(line, meta[1])
            signed = signed or page.signs(i)
        elif page.is_chrome(i) or page.is_marker(i) or page.folded[i] == page.title_folded:
            line.cls, signature = BOILERPLATE, False
            furniture = furniture or page.is_furniture(i)
        elif not furniture and (signature or page.precedes_furniture(i) or _over_source(page, i)) and (
                (names := page.names(i)) is not None):
            _set_meta(line, names)
            named = signed = True
        elif signature and not (furniture or signed) and page.precedes_furniture(i) \
                and (initials := bare_initials(line.text)) is not None:
            _set_meta(line, [initials])  # "HMT" under the last paragraph, the site's furniture under it
            named = signed = True
        elif signature and after_name and is_role(line.text):
            line.cls = META  # "Phó Bí thư Thường trực Đảng ủy Khối": the unit or role under a name
        elif signature and not furniture and is_signing_unit(line.text, page.rules.units) \
                and is_role(line.text):
            # "Đài Kim Bảng": the unit that signs the article, no person named; it signs as a byline does
            line.cls, signed = META, True
        elif not furniture and is_newsroom_signature(line.text):
            line.cls, signed = META, True  # "P.V" under a caption: the newsroom signs, no person named
        elif not (furniture or signed) and _continues_the_list(page, i):
            line.cls = BODY  # "+ Phát biểu tại buổi lễ, đồng chí" under the article's "+ " items: its last
            # item, cut short where the stored page stops, over the byline; a label's or a link's shape
            # notwithstanding ("- Khái quát" over "Chia sẻ:")
        elif page.is_widget_label(i):
            line.cls = BOILERPLATE  # "BÀI MỚI ĐĂNG" over "Theo Zing": a widget's label, a signature under it
        elif not furniture and not signed and page.labels_chrome(i):
            line.cls, signature = BOILERPLATE, False  # a widget's label over its chrome ("Thống kê truy cập")
        elif furniture or signed or page.heads_a_list(i) or page.labels_furniture(i):
            line.cls, furniture, signature = BOILERPLATE, True, False
        else:
            caption = _is_caption(line) or page.folded[i] in earlier
            # a photo's caption (or its second copy) under the last paragraph: the byline may stand under it
            line.cls, signature = CAPTION if _is_caption(line) else BODY, signature and caption
        after_name = named


# a list item's mark: a dash, a plus, a dot, or a number or letter closed by "." or ")"
ITEM_MARK = regex.compile(r"^(?:(?P<bullet>[-–•+*])|(?P<number>\d{1,2})(?P<close>[.)])"
                          r"|(?P<letter>\p{Ll})\))\s")


def _continues_the_list(page: Page, i: int) -> bool:
    """The line is the next item of the list the body line right above it is an item of: the same
    dash, plus or dot, or the next number with the same closing mark ("2)" under "1)"). The article's
    own list goes on, though an item cut short reads like a link's headline; a site's list of links
    is no continuation of the article's items."""
    if i == 0 or page.lines[i - 1].cls != BODY:
        return False
    mark, above = ITEM_MARK.match(page.texts[i]), ITEM_MARK.match(page.texts[i - 1])
    if mark is None or above is None:
        return False
    if mark["bullet"] or above["bullet"]:
        return mark["bullet"] == above["bullet"]
    if mark["number"] and above["number"]:
        return int(mark["number"]) == int(above["number"]) + 1 and mark["close"] == above["close"]
    return bool(mark["letter"] and above["letter"]) and ord(mark["letter"]) == ord(above["letter"]) + 1


def _sign_after_end_mark(page: Page) -> None:
    """"... nhiệm kỳ 2022-2027./. Ngọc Quân": the article's end mark ("./.") with a name after it at the
    end of its last paragraph, the byline run into the text; the line stays body. Only when no line signs
    with a person's name (a line a byline's place holds may give none: "Bệnh Viện Y Dược")."""
    if authors_from(page.lines):
        return
    last = next((line for line in reversed(page.lines) if line.cls == BODY), None)
    found = END_MARK_NAME.search(last.text) if last is not None else None
    if found and (names := names_in(found["names"], page.rules.honorifics, page.rules.units)):
        last.author = ", ".join(names)


def _over_source(page: Page, i: int) -> bool:
    """The next line is a source line ("Nguồn: Báo Nhân Dân"): a name right above it signs the article
    (a reprint credits its author, then the paper it is taken from)."""
    found = page.meta[i + 1] if i + 1 < len(page.lines) else None
    return found is not None and found[0] == "source"


def _classify_without_prose(page: Page) -> None:
    """A page with no sentence at all: the first line that is not furniture is the headline, the rest
    body until the site's furniture begins (a list heading, a footer, a widget among more chrome); a
    name alone just before the furniture is the byline."""
    title_seen = page.title_folded is not None
    furniture = False
    for i, line in enumerate(page.lines):
        meta = page.meta[i]
        if line.rule is not None or page.folded[i] == page.title_folded or page.is_marker(i):
            line.cls = BOILERPLATE
            furniture = furniture or (title_seen and page.is_furniture(i))
        elif furniture and meta is None:
            line.cls = BOILERPLATE
        elif not title_seen and is_dateline(line.text) and len(line.text.split()) <= 8:
            line.cls = META  # a dateline above the headline
        elif not title_seen and opens_in_lowercase(line.text):
            line.cls, title_seen = BODY, True  # "học Nông nghiệp Việt Nam": cut in mid-sentence, no headline
        elif not title_seen:
            line.cls, title_seen = TITLE, True
            # "Headline - Site" then "Headline": the page's <title>, then its headline alone, a copy
            page.title_folded = folded_without_site_name(page, i)
        elif meta is not None:
            _set_meta(line, meta[1])
        elif page.precedes_furniture(i) and (names := page.names(i)) is not None:
            _set_meta(line, names)  # "Minh Thu (tổng hợp)" right before the furniture signs a page of lists
        elif _is_caption(line):
            line.cls = CAPTION
