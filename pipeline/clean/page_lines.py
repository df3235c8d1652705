"""A page's text as lines: each line's record and class, the sentences a single break cut joined back."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from pipeline.clean.furniture import boilerplate_rules
from pipeline.clean.shapes import is_headline, is_image_marker, is_paragraph
from pipeline.clean.structure import join_piece, lost_drop_capital, wrap_width
from pipeline.model import IMAGE_PLACEHOLDER
from pipeline.text import carries_on

TITLE, META, BODY, CAPTION, BOILERPLATE = "title", "meta", "body", "caption", "boilerplate"


@dataclass
class Line:
    """One non-blank line of the page and its class."""

    text: str
    cls: str = BODY
    after_image: bool = False  # the previous line was an image placeholder
    after_blank: bool = False  # a blank line stands above it: no dump wraps a paragraph across one
    author: str | None = None  # byline name(s) this line gives, if any
    rule: str | None = None  # the rule that makes this line furniture on any page, if one does
    template: bool = False  # the line is one the page's site repeats on its pages
    top: bool = False  # the line stands above the article's first paragraph (or is it)
    joins_next: bool = False  # a dump wrapped the line's paragraph: the next line is its next piece



def split_lines(text: str) -> list[Line]:
    """Non-blank lines, remembering which follow an image placeholder."""
    lines: list[Line] = []
    after_image = after_blank = False
    for raw in text.split("\n"):
        if not raw.strip():
            after_image = after_image or (IMAGE_PLACEHOLDER in raw)
            after_blank = True
            continue
        lines.append(Line(raw.strip(), after_image=after_image or raw.startswith(IMAGE_PLACEHOLDER),
                          after_blank=after_blank))
        # an image a dump printed as its file name or its markdown ("anh1.jpg", "![]()"): its caption under it
        after_image, after_blank = is_image_marker(raw), False
    return _sentences_rejoined(lines)



SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")  # anywhere in a line, not only at its end



def _sentences_rejoined(lines: list[Line]) -> list[Line]:
    """Lines with each sentence a single break cut joined back: a <br> inside a paragraph, a crawler's
    lone newline, a hard wrap ("... quán triệt Nghị quyết" over "số 26-NQ/TW ..."), where a line ends no
    sentence and the next goes on in lower case (`carries_on`).

    The pieces under the first must end a sentence: a headline over a label or a byline in lower case
    ("CARITAS PHAN THIẾT" over "hình ảnh", a headline over "quantri gửi vào T6, ...") ends none; nor is
    a headline-shaped line a piece of the whole paragraph under it (`lost_drop_capital`). A page
    a dump wrapped at a width is left to the width's pieces (`wrapped_joints`), which read the width off
    these lines; a blank line or an image between two lines parts them.
    """
    texts = [line.text for line in lines]
    if wrap_width(texts, {i for i, line in enumerate(lines) if line.after_blank}) is not None:
        return lines
    dangling = boilerplate_rules().dangling
    joined: list[Line] = []
    i = 0
    while i < len(lines):
        end = i + 1
        while end < len(lines) and not lines[end].after_blank and not lines[end].after_image \
                and carries_on(texts[end - 1], texts[end], number_after=dangling) \
                and not (is_headline(texts[end - 1]) and lost_drop_capital(texts[end - 1], texts[end])):
            end += 1
        if end > i + 1 and any(SENTENCE_END.search(piece) for piece in texts[i + 1:end]):
            lines[i].text = functools.reduce(join_piece, texts[i:end])
        else:
            end = i + 1
        joined.append(lines[i])
        i = end
    return joined



def is_role(text: str) -> bool:
    """A short line that names a post or a unit ("Trung tâm VHTT&TT Hữu Lũng"): proper nouns, no sentence."""
    capitalised = sum(word[:1].isupper() for word in text.split()[1:])
    return len(text.split()) <= 12 and not is_paragraph(text) and text[:1].isupper() and capitalised >= 2
