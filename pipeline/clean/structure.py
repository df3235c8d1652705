"""Where the article is on the page: its first and last paragraph, and the headline above it.

What all news pages share: the article is a run of prose (lines that end like sentences) with the
headline a few lines above it; what comes before the headline is navigation, and the article ends
where lists of links begin: a heading ("Tin liên quan", "Các bài viết khác", ...), or headlines
among site furniture. A short line with a full stop after such a list is a footer notice, not the
article resuming; a long one is the article again (after an inline "Xem thêm" list). Headlines
alone do not end the article: photo captions and tables look the same.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import regex

from pipeline.clean.shapes import (
    BULLET,
    LEAD_TAG,
    LONG_PARAGRAPH_WORDS,
    PARAGRAPH_END,
    is_headline,
    is_listed_headline,
    is_name,
    is_paragraph,
    is_proper_noun_run,
    is_question,
    words,
)


def is_prose(text: str) -> bool:
    """A paragraph, or a line that introduces what follows: a sentence before a list or table, or a
    numbered section's heading ("1. Bối cảnh chọn đề tài:"); a name with a full stop is a byline, and
    names with a colon are a kicker above the headline ("Hội NCT TP Phú Quốc, tỉnh Kiên Giang:")."""
    if is_name(text.strip().rstrip(".")):
        return False
    if BULLET.match(text.strip()) and PARAGRAPH_END.search(text) is None and is_listed_headline(text):
        return False  # "- Huyện X: Tổng kết ..." one of a dashed list of headlines, its dash no word
    if not text.rstrip().endswith(":"):
        return is_paragraph(text)
    if words(text) >= 2 and NUMBERED.match(text) is not None:
        return True
    return words(text) >= LIST_INTRO_WORDS and not is_proper_noun_run(text)

LIST_HEADLINES_WITH_CHROME = 2  # headlines that make a list of links when site furniture sits among them
LIST_INTRO_WORDS = 7  # "Giá vé sau điều chỉnh ... như sau:" introduces a table or a list of the article
# "1. ", "II. ", "a) ": the number of a section of the article
NUMBERED = regex.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|\p{Ll})[.)]\s+\p{Lu}")


@dataclass
class Span:
    """The article's first and last paragraph (indexes of the page's lines); None on a page without prose."""

    start: int | None
    end: int | None


def article_span(texts: Sequence[str], is_chrome: Callable[[int], bool], is_marker: Callable[[int], bool],
                 is_set_aside: Callable[[int], bool], is_repeated: Callable[[int], bool],
                 is_signature: Callable[[int], bool] = lambda _: False,
                 wrapped: Collection[int] = ()) -> Span:
    """The first paragraph and the last one before the link lists; `is_set_aside` lines are never prose.

    A sentence the site repeats on its pages (`is_repeated`) does not start the article (a slogan
    above it) but may end it: a sentence two articles share is still each one's body. Nor does a
    short question or exclamation start it: that is the headline ("Vì sao ... bỏ sinh hoạt?").
    Once a byline or a source line (`is_signature`, set aside) has signed the article, headlines
    under it are the site's links and buttons, furniture enough: a short sentence after them is a
    notice of the site ("Múi giờ GMT +7. Bây giờ là 03:24 PM."), not the article resuming. The pieces of
    a paragraph a dump wrapped over lines (`wrapped`) are prose, each one.
    """
    prose = [i for i, text in enumerate(texts)
             if (is_prose(text) or i in wrapped) and not is_chrome(i) and not is_set_aside(i)]
    opening = (k for k, i in enumerate(prose) if not is_repeated(i) and not is_question(texts[i]))
    prose = prose[next(opening, len(prose)):]
    if not prose:
        return Span(None, None)
    in_prose = set(prose)
    end = prose[0]
    headlines = chrome = 0
    listing = signed = False
    for i in range(prose[0] + 1, len(texts)):
        text = texts[i]
        if i in in_prose:
            if LEAD_TAG.match(text) and is_name(texts[i - 1]):
                break  # "(KGO) - Ngày 1-7, ..." under a byline: the lead of another story
            if not listing or words(text) >= LONG_PARAGRAPH_WORDS:
                end, headlines, chrome, listing = i, 0, 0, False
            continue
        if is_set_aside(i):
            signed = signed or is_signature(i)
            continue
        if is_marker(i):
            # a heading with a paragraph under it is the article's own ("Những kết quả nổi bật")
            following = next((j for j in range(i + 1, len(texts)) if not is_set_aside(j)), None)
            listing = listing or following not in in_prose
        elif is_chrome(i):
            chrome += 1
        elif is_headline(text):
            headlines += 1
        listing = listing or (headlines >= LIST_HEADLINES_WITH_CHROME and (chrome > 0 or signed))
    return Span(prose[0], end)


WRAPPED_PIECE_WORDS = 6  # a dump wraps a paragraph at a width of many words; a label or menu item is shorter


def wrapped_pieces(texts: Sequence[str], dangling: regex.Pattern) -> set[int]:
    """The lines of paragraphs a dump wrapped over several lines: each piece but the last stops in
    mid-sentence (no sentence's end) and the next one carries it on, opening in lowercase or after a
    comma or a word no sentence ends with ("của", "và"); joined, the pieces make a paragraph.

    Each piece alone is no prose (no full stop, too short), so the first pieces of a wrapped lead
    would stand above the article as headline candidates. A headline over a paragraph that lost its
    drop capital ("ại Lễ trao giải ...": a whole paragraph, twice the line at least) is no piece of it.
    """
    found: set[int] = set()
    run: list[int] = []
    for i in range(len(texts)):
        run.append(i)
        if i + 1 < len(texts) and _carries_on(texts[i], texts[i + 1], dangling):
            continue
        if len(run) > 1 and is_paragraph(" ".join(texts[j] for j in run)):
            found.update(run)
        run = []
    return found


def _carries_on(line: str, under: str, dangling: regex.Pattern) -> bool:
    """`under` goes on with the sentence `line` leaves unfinished."""
    line, under = line.strip(), under.strip()
    if words(line) < WRAPPED_PIECE_WORDS or not under or PARAGRAPH_END.search(line) is not None:
        return False
    if under[:1].islower():
        return not (is_paragraph(under) and PARAGRAPH_END.search(under) is not None
                    and words(under) >= 2 * words(line))  # a paragraph that lost its drop capital
    # "... của Đoàn TNCS Hồ Chí" over "Minh.": the sentence's last word and its full stop
    last_word = words(under) == 1 and under.endswith(".") and not ELLIPSIS.search(under) \
        and regex.search(r"\w", under) is not None
    return line.endswith((",", ";")) or dangling.search(line) is not None or last_word


ELLIPSIS = regex.compile(r"\s*(?:\.{3,}|…)\s*$")
TRUNCATED_COPY_WORDS = 4  # a line cut with "..." ends with at least this many of another line's first words
TRUNCATED_LINES_CHECKED = 200  # bounded work on pages of teasers


def truncated_copies(folded: Sequence[str]) -> dict[int, int]:
    """Lines cut short with an ellipsis that end with the opening of another line of the page, each
    with that line.

    A breadcrumb or a teaser prints the headline cut ("Home Nghiên cứu Kỷ niệm 90 năm thành lập ...");
    the "..." is no sentence's end, and the words are the other line's.
    """
    found: dict[int, int] = {}
    cut = [i for i, text in enumerate(folded) if ELLIPSIS.search(text)][:TRUNCATED_LINES_CHECKED]
    openings = [text.split() for text in folded] if cut else []
    for i in cut:
        stem = ELLIPSIS.sub("", folded[i]).split()
        for j, opening in enumerate(openings):
            longest = min(len(stem), len(opening))
            if j != i and any(stem[-k:] == opening[:k] for k in range(TRUNCATED_COPY_WORDS, longest + 1)):
                found[i] = j
                break
    return found
