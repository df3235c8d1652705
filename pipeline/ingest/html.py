"""Main content and metadata of one HTML page: trafilatura first, BeautifulSoup when it finds nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from pipeline.ingest.decode import normalize_text
from pipeline.model import IMAGE_PLACEHOLDER, ArticleTimeout, VnieError
from pipeline.text import ascii_fold, casefold_words

if TYPE_CHECKING:  # trafilatura and BeautifulSoup are imported when a page is HTML (0.1 s saved otherwise)
    from collections.abc import Iterator

    from lxml.html import HtmlElement

# trafilatura logs every page it finds too short at WARNING: that is our fallback's business.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dc.date", "date",
)  # fmt: skip
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "sailthru.author")
URL_KEYS = ("og:url", "twitter:url")
SITE_KEYS = ("og:site_name", "application-name")
AUTHOR_SPLIT = regex.compile(r"\s*[,;]\s*")
WORD = regex.compile(r"[\p{L}\p{N}]+")
SPACES = regex.compile(r"[ \t\xa0\u200b]+")
# Elements that hold one caption each on common news CMSs (figcaption, "PhotoCMS_Caption", ...).
CAPTION_XPATH = (
    "//figcaption | //*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
    " | //*[contains(@class, 'image_desc') or contains(@class, 'img-desc') or @class = 'Image']"
)
# Elements that hold a byline or a dateline (class or id "author", "byline", "date", "meta", ...):
# trafilatura drops many of them as page furniture; the cleaner tells a byline from furniture.
BYLINE_CLASS = regex.compile(r"author|byline|tac-?gia|meta|date|time|info|source|nguon", regex.IGNORECASE)
BYLINE_MAX_WORDS = 15
# An element classed as the article's title ("article-title", "detail-title", "tieu-de"), for pages with
# no <h1>: a site's or a page's title ("site-title", "page-title") and a listed article's (a link) are not
TITLE_CLASS = regex.compile(
    r"(?:^|\s)(?:(?:article|detail|post|entry|news|content)[-_]?)?(?:title|tieu-?de|headline)(?:$|\s)",
    regex.IGNORECASE)
TITLE_WORDS = (3, 40)
HEADING_PARTS = 3  # elements a headline is printed over at most ("Title" / "its second line")
SITE_LETTERS = 6  # fewer letters match too much to call a name the site's
SITE_EXTRA_LETTERS = 8  # what a site's name may add to its host: "Báo Hải Dương điện tử", baohaiduong.vn
TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " : ")
NEXT_PARAGRAPHS = "following::p[normalize-space()][position() <= 4]"
PREVIOUS_PARAGRAPHS = "preceding::p[normalize-space()][position() <= 4]"  # the 4 nearest
PARAGRAPH_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td",
                  "dd")  # fmt: skip
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "header", "footer",
                "aside", "button", "select")  # fmt: skip
MARKUP = regex.compile(
    r"<(?:!doctype|html|head|body|div|p|br|span|article|section|table|h[1-6]|meta|title)\b", regex.IGNORECASE
)


@dataclass
class HtmlPage:
    """What the page says about itself, and its main content as one paragraph per line."""

    text: str
    title: str | None = None
    heading: str | None = None  # the headline element's text as printed: a dateline glued to it stays
    published: str | None = None
    published_guess: str | None = None  # htmldate's guess from the page's text: the cleaner weighs it
    guess_printed_in: tuple[str, ...] = ()  # the page's elements' own texts that print the guess's year
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    site_names: set[str] = field(default_factory=set)  # folded names the page gives its site


def looks_like_html(text: str) -> bool:
    """Markup near the start: a page or a fragment of one, not plain text."""
    head = text[:4096].lstrip()
    return head.startswith("<") and MARKUP.search(head) is not None


def collapse(text: str | None) -> str | None:
    """One line, single spaces; None when nothing is left."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def split_authors(value: str | list[str] | None) -> list[str]:
    """Author names from a string ("A, B; C") or a list, in order, each once, URLs dropped."""
    if not value:
        return []
    parts = value if isinstance(value, list) else [value]
    names: list[str] = []
    for part in parts:
        for name in AUTHOR_SPLIT.split(str(part)):
            name = collapse(name) or ""
            if name and "://" not in name and name not in names:
                names.append(name)
    return names


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """Each <meta> name/property/itemprop (lowercased) with its first non-empty content."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = collapse(meta.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The value of the first key present."""
    return next((values[key] for key in keys if key in values), None)


def _site_names(tree: HtmlElement, meta: dict[str, str], url: str | None) -> set[str]:
    """What the page calls its site (folded): og:site_name, its home link's text or logo, its host."""
    names = {meta[key] for key in SITE_KEYS if key in meta}
    for link in tree.iter("a"):  # the logo links to the home page
        if regex.fullmatch(r"/|(?:https?:)?//[^/]+/?", (link.get("href") or "").strip()):
            names.add(link.text_content())
            names.update(image.get("alt") or "" for image in link.iter("img"))
    host = regex.match(r"^(?:[a-z]+://)?(?:www\.)?([^/:?#]+)", url or "", regex.IGNORECASE)
    if host:
        names.add(host.group(1))
    return {folded for name in names if (folded := _key(name))}


def _is_site(name: str, sites: set[str]) -> bool:
    """The site's own name: one the page gives, its first part ("BÁO QUẢNG TRỊ" of "BÁO QUẢNG TRỊ - CƠ
    QUAN CỦA ĐẢNG BỘ ..."), or the host spelled out ("Báo Quảng Trị", baoquangtri.vn)."""
    key = _key(name)
    if key in sites or any(site.startswith(f"{key}{sep}") for site in sites for sep in TITLE_SEPARATORS):
        return True
    letters = ascii_fold(name)
    hosts = (site for site in sites if "." in site and " " not in site)
    labels = [max(host.split("."), key=len) for host in hosts]  # "m.baohaiduong.vn" -> "baohaiduong"
    # the name is the label, or the label with a few letters around it ("Báo Hải Dương điện tử")
    near = (letters in label or (label in letters and len(letters) <= len(label) + SITE_EXTRA_LETTERS)
            for label in labels if len(label) >= SITE_LETTERS)
    return len(letters) >= SITE_LETTERS and any(near)


def _strip_site_name(title: str | None, sites: set[str]) -> str | None:
    """'Headline - Báo Ninh Thuận' -> 'Headline'; a title that is only the site's name -> None."""
    if not title or _is_site(title, sites):
        return None
    # at any separator, the shortest part first: a site's name may hold one ("KHOA DI SẢN - TRƯỜNG ...")
    cuts = sorted((found.start(), separator) for separator in TITLE_SEPARATORS
                  for found in regex.finditer(regex.escape(separator), title))
    for at, separator in cuts:  # first the whole name the page gives, its own dash and all
        head, tail = title[:at], title[at + len(separator):]
        if head.strip() and _key(tail) in sites:
            return head.strip()
    for at, separator in reversed(cuts):
        head, tail = title[:at], title[at + len(separator):]
        if head.strip() and _is_site(tail, sites):
            return head.strip()
    for at, separator in cuts:
        first, rest = title[:at], title[at + len(separator):]
        if rest.strip() and _is_site(first, sites):
            return rest.strip()
    return title


def _classed_title(tree: HtmlElement, sites: set[str]) -> str | None:
    """The text of the first element classed as a title that is no link and no site name, if any."""
    return next(_classed_titles(tree, sites), None)


def _classed_titles(tree: HtmlElement, sites: set[str]) -> Iterator[str]:
    """The texts of the elements classed as a title that are no link and no site name, in page order."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "head", "title", "meta", "body"):
            continue
        if not TITLE_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            continue
        text = collapse(element.text_content())
        linked = element.tag == "a" or next(element.iterancestors("a"), None) is not None or any(
            collapse(link.text_content()) == text for link in element.iter("a"))
        if text and TITLE_WORDS[0] <= len(text.split()) <= TITLE_WORDS[1] and not linked \
                and not _is_site(text, sites):
            yield text


def _spelled_over_elements(parts: list[str], head_title: str | None) -> str | None:
    """The <title> when it spells the page's first headline elements joined: a headline a page prints
    over two elements in a row ("ĐẢNG BỘ TRƯỜNG ..." / "50 NĂM MỘT CHẶNG ĐƯỜNG") is one headline, which
    the first element alone cuts short; else None."""
    if not head_title:
        return None
    wanted = _key(head_title)
    joined = (_key(" ".join(parts[:count])) for count in range(2, min(len(parts), HEADING_PARTS) + 1))
    return head_title if wanted in joined else None


def _printed_whole(title: str | None, printed: str | None, og_title: str | None,
                   head_title: str | None) -> str | None:
    """The headline element's text when the title lost an opening part the page prints in it: "Giáo
    Phận Phú Cường – Thánh Lễ ..." printed whole, as og:title gives it or as <title> opens ("... |
    giaophanphucuong.org"), is the headline, though its first words spell the host; a site's name
    opens its <title>, not its headline element."""
    if not (title and printed) or _key(printed) == _key(title) or not _key(printed).endswith(_key(title)):
        return title
    given = _key(og_title or "") == _key(printed) or _key(head_title or "").startswith(_key(printed))
    return printed if given else title


def _metadata(tree: HtmlElement, url: str | None = None) -> HtmlPage:
    """Title, date, authors, canonical URL and site name from the page's head and markup."""
    meta = _meta_values(tree)
    site = _first(meta, SITE_KEYS)
    links = (link for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical")
    canonical = collapse(next((link.get("href") for link in links), None)) or _first(meta, URL_KEYS)
    sites = _site_names(tree, meta, canonical or url)
    printed = [text for h in tree.iter("h1") if (text := collapse(h.text_content()))]
    printed_heading = next((h for h in printed if _strip_site_name(h, sites)), None)
    heading = _strip_site_name(printed_heading, sites)
    title_element = next(tree.iter("title"), None)
    head_title = collapse(title_element.text_content()) if title_element is not None else None
    heading = _spelled_over_elements(printed, head_title) or heading
    # og:title; else <title> once the site's name is taken off it; else the <h1>, which has no site
    # name in it, where <title> may carry one nobody names ("Headline :: Cổng TTĐT"); else an element
    # classed as the title; else <title>
    stripped = _strip_site_name(head_title, sites)
    title = _strip_site_name(_first(meta, TITLE_KEYS), sites)
    # an element classed as the title when there is no <h1> (a <title> of the site's name only is none)
    title = title or (stripped if stripped != head_title else None) or heading
    classed = _spelled_over_elements(list(_classed_titles(tree, sites)), head_title)
    classed = classed or _classed_title(tree, sites)
    title = title or classed or stripped
    published = _first(meta, PUBLISHED_KEYS)
    if not published:
        published = next((collapse(t.get("datetime")) for t in tree.iter("time") if t.get("datetime")), None)
    authors = [name for name in split_authors(_first(meta, AUTHOR_KEYS)) if not _is_site(name, sites)]
    # the headline as the page prints it, for the cleaner to find a dateline a CMS glued inside it
    printed_heading = printed_heading or _classed_title(tree, sites)
    title = _printed_whole(title, printed_heading, _first(meta, TITLE_KEYS), head_title)
    return HtmlPage(text="", title=title, heading=printed_heading, published=published, authors=authors,
                    url=canonical, outlet=site, site_names=sites)


def _key(text: str) -> str:
    """Compare a paragraph with an extracted line regardless of spacing and case."""
    return casefold_words(text)


@dataclass
class _Caption:
    """A caption (or a byline block) and the paragraphs next to it, to put it back where it stood."""

    text: str
    after: list[str]  # keys of the paragraphs that follow it, nearest first
    before: list[str]  # keys of the paragraphs before it, nearest first
    place: int = 0  # the element's place in the document
    photo: bool = True  # a photo's caption (not a byline block): it stands under an image's place


def _byline_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Short elements classed as a byline or a dateline, innermost first found (not their containers)."""
    found = [e for e in tree.iter() if isinstance(e.tag, str) and BYLINE_CLASS.search(
        f"{e.get('class') or ''} {e.get('id') or ''}") and e.tag not in ("html", "body", "meta", "link")]
    inner = [e for e in found if not any(other is not e and e in other.iterancestors() for other in found)]
    return [e for e in inner if 0 < len(e.text_content().split()) <= BYLINE_MAX_WORDS]


def _captions(tree: HtmlElement, elements: list[HtmlElement] | None = None) -> list[_Caption]:
    """Every caption of the page (or the given byline blocks), once, in document order, with their
    neighbours and their place."""
    places = {element: i for i, element in enumerate(tree.iter())}
    captions: list[_Caption] = []
    seen: set[str] = set()
    for element in tree.xpath(CAPTION_XPATH) if elements is None else elements:
        text = collapse(element.text_content())
        if not text or _key(text) in seen or len(text) > 600:
            continue
        seen.add(_key(text))
        after = [_key(p.text_content()) for p in element.xpath(NEXT_PARAGRAPHS)]
        # lxml lists a reverse axis in document order: reversed, the nearest paragraph comes first
        before = [_key(p.text_content()) for p in reversed(element.xpath(PREVIOUS_PARAGRAPHS))]
        captions.append(_Caption(text, after, before, places.get(element, 0), elements is None))
    return captions


def _insert_captions(lines: list[str], captions: list[_Caption]) -> list[str]:
    """Put back the captions and byline blocks trafilatura dropped, in document order, next to the
    paragraph they stood by (after what was put back after the same paragraph before them, and after a
    photo's caption the document prints between). A photo's caption stands under an image's place,
    kept or put back: the markup says it is a caption, and the cleaner reads a line under an image as
    one (trafilatura may keep a caption's copy in a share bar and drop the caption itself)."""
    present = {_key(line) for line in lines}
    put_back: set[str] = set()
    photo_places = {_key(c.text): c.place for c in captions if c.photo}
    for caption in sorted(captions, key=lambda c: c.place):
        key = _key(caption.text)
        if key in present:
            if caption.photo and key not in put_back:
                at = next(i for i, line in enumerate(lines) if _key(line) == key)
                if at == 0 or lines[at - 1] != IMAGE_PLACEHOLDER:
                    lines.insert(at, IMAGE_PLACEHOLDER)
            continue
        index = {_key(line): i for i, line in enumerate(lines)}
        position = next((index[k] for k in caption.after if k in index), None)
        if position is None:
            before = next((index[k] for k in caption.before if k in index), None)
            position = len(lines) if before is None else before + 1
            # past what stood between: what was put back, and a photo's caption (kept or put back) the
            # document prints before it ("N.A.T" in a <p class="meta"> under the last photo's caption)
            while position < len(lines) and (
                    lines[position] == IMAGE_PLACEHOLDER or _key(lines[position]) in put_back
                    or photo_places.get(_key(lines[position]), caption.place) < caption.place):
                position += 1
        lines[position:position] = [IMAGE_PLACEHOLDER, caption.text] if caption.photo else [caption.text]
        present.add(key)
        put_back.add(key)
    return lines


def _untable(line: str) -> str:
    """trafilatura writes table rows as "| a | b |": layout tables (captions, bylines) are plain text."""
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        return " | ".join(cell for cell in cells if cell)
    return line


def _trafilatura_lines(tree: HtmlElement, url: str | None) -> tuple[list[str], dict[str, str | None]]:
    """Main-content lines and trafilatura's own metadata (empty when it finds no content)."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_recall=True,  # the cleaner drops boilerplate lines; a lost body line is gone
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ArticleTimeout, MemoryError):  # the worker's limits: not trafilatura's failure
        raise
    except Exception:  # trafilatura and its fallbacks raise many types on odd markup
        return [], {}
    if document is None:
        return [], {}
    lines = [_untable(line.strip()) for line in (document.text or "").split("\n")]
    info = {"title": document.title, "date": document.date, "author": document.author,
            "sitename": document.sitename}  # fmt: skip
    return [line for line in lines if line], info


GUESS_TEXTS, GUESS_TEXT_CHARS = 40, 300  # bounded work on pages full of dates


def _texts_with(tree: HtmlElement, year: str) -> tuple[str, ...]:
    """The own texts of the page's elements that hold `year`: where the page prints a date it has."""
    found: list[str] = []
    for element in tree.iter():
        for raw in (element.text, element.tail):
            text = collapse(raw) if isinstance(raw, str) and year in raw else None
            if text and len(found) < GUESS_TEXTS:
                found.append(text[:GUESS_TEXT_CHARS])
    return tuple(found)


def _block_texts(tree: HtmlElement) -> list[str]:
    """The text of every paragraph-level element, on one line each."""
    return [text for element in tree.iter(*PARAGRAPH_TAGS) if (text := collapse(element.text_content()))]


def _split_joined(lines: list[str], blocks: list[str]) -> list[str]:
    """Lines as the page's paragraphs: trafilatura's fallback joins a short article's <p>s with spaces."""
    by_first_word: dict[str, set[str]] = {}
    for block in blocks:
        by_first_word.setdefault(block.split(" ", 1)[0], set()).add(block)
    out: list[str] = []
    for line in lines:
        known = line in by_first_word.get(line.split(" ", 1)[0], ())
        parts = None if known else _as_blocks(line, by_first_word)
        out.extend(parts or [line])
    return out


def _as_blocks(line: str, by_first_word: dict[str, set[str]]) -> list[str] | None:
    """The line cut into two or more blocks (indexed by their first word) written one after another."""
    parts: list[str] = []
    rest = line
    while rest:
        starting = by_first_word.get(rest.split(" ", 1)[0], ())
        fits = [b for b in starting if rest == b or rest.startswith(b + " ")]
        if not fits:
            return None
        parts.append(max(fits, key=len))
        rest = rest[len(parts[-1]):].lstrip()
    return parts if len(parts) >= 2 else None


def _soup_lines(html: str) -> list[str]:
    """Paragraph-level text of the page body, for pages trafilatura finds nothing in."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    blocks = [tag for tag in soup.find_all(PARAGRAPH_TAGS) if tag.find(PARAGRAPH_TAGS) is None]
    texts = [tag.get_text("") for tag in blocks] or [(soup.body or soup).get_text("\n")]
    lines: list[str] = []
    for text in texts:
        lines.extend(line for raw in text.split("\n") if (line := SPACES.sub(" ", raw).strip()))
    return lines


def _read_from_a_line(guess: str, lines: list[str]) -> bool:
    """trafilatura's author guess is the words of a line the cleaner will read as a byline itself.

    It guesses from a byline element's text with its punctuation gone ("Tác giả: Minh Anh" → "Tác
    giả Minh Anh"); the line keeps the prefixes and units that say which words are the name.
    """
    wanted = set(WORD.findall(casefold_words(guess)))
    return bool(wanted) and any(wanted <= set(WORD.findall(casefold_words(line))) for line in lines)


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Main content (one paragraph per line, captions kept) and metadata; VnieError(no_content) if none."""
    from trafilatura.utils import load_html

    start = html[:65536].lower()
    whole_page = "<html" in start or "<body" in start
    try:  # trafilatura rejects a bare fragment ("<p>x</p>"): wrap it
        tree = load_html(html if whole_page else f"<div>{html}</div>")
    except (ArticleTimeout, MemoryError):
        raise
    except Exception:  # lxml gives up on some broken markup; BeautifulSoup below still reads it
        tree = None
    page = HtmlPage(text="")
    lines: list[str] = []
    if tree is not None:
        page = _metadata(tree, url)
        captions = _captions(tree)
        bylines = _captions(tree, _byline_blocks(tree))
        lines, info = _trafilatura_lines(tree, url)  # trafilatura reads a copy: the tree stays whole
        if lines:  # the page's blocks only to split what trafilatura joined: none when it found nothing
            lines = _split_joined(lines, _block_texts(tree))
            lines = _insert_captions(lines, captions + bylines)
        page.title = page.title or _strip_site_name(collapse(info.get("title")), page.site_names)
        guessed = collapse(info.get("date"))
        # htmldate may guess a date the page never prints (no year of it in the markup): none then; a
        # guess from the page's text may be a date of its furniture, so the cleaner weighs it
        page.published_guess = guessed if guessed and guessed[:4] in html else None
        page.guess_printed_in = _texts_with(tree, guessed[:4]) if page.published_guess else ()
        page.authors = page.authors or [
            name for name in split_authors(info.get("author"))
            if not _is_site(name, page.site_names) and not _read_from_a_line(name, lines)]
        page.outlet = page.outlet or collapse(info.get("sitename"))
    if not lines:
        lines = _soup_lines(html)
    page.text = normalize_text("\n".join(lines))
    if not page.text.strip():
        raise VnieError(
            "no_content",
            "The HTML has no readable text (no paragraphs in its body). It may be an index page or one "
            "built by JavaScript: save the rendered article page instead.",
        )
    page.url = page.url or url
    return page
