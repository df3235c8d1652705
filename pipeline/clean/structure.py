"""Where the article is on the page: its first and last paragraph, and the headline above it.

What all news pages share: the article is a run of prose (lines that end like sentences) with the
headline a few lines above it; what comes before the headline is navigation, and the article ends
where lists of links begin: a heading ("Tin liên quan", "Các bài viết khác", ...), or headlines
among site furniture. A short line with a full stop after such a list is a footer notice, not the
article resuming; a long one is the article again (after an inline "Xem thêm" list). Headlines
alone do not end the article: photo captions and tables look the same.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.clean.shapes import (
    BULLET,
    HEADLINE_MAX_WORDS,
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


def wrapped_pieces(joints: Collection[int]) -> set[int]:
    """The lines of the paragraphs a dump wrapped, from their joints (`wrapped_joints`)."""
    return {i for joint in joints for i in (joint, joint + 1)}


def wrapped_joints(texts: Sequence[str], dangling: regex.Pattern, breaks: Collection[int],
                   width: int | None) -> set[int]:
    """The pieces of paragraphs a dump wrapped over several lines that the next line carries on
    (each piece but its paragraph's last): each piece but the last stops in
    mid-sentence (no sentence's end) and the next one carries it on, opening in lowercase or after a
    comma or a word no sentence ends with ("của", "và"), or the piece fills the dump's width (the next
    line's first word would not have fitted on it); joined, the pieces make a paragraph.

    Each piece alone is no prose (no full stop, too short), so the first pieces of a wrapped lead
    would stand above the article as headline candidates. A headline over a paragraph that lost its
    drop capital ("ại Lễ trao giải ...": a whole paragraph, twice the line at least) is no piece of it.
    `breaks` are the lines with a blank line above them: a dump that wraps at a width starts a paragraph
    there, never a piece. `width`: the page's `wrap_width`, computed once by the caller.
    """
    carries = [_carries_on(texts[i], texts[i + 1], dangling) for i in range(len(texts) - 1)]  # read once
    found = _joined_runs(texts, carries.__getitem__, ended=False)
    if parted_by_blanks(texts, breaks):  # no blank line between two lines: one paragraph's pieces
        found |= _joined_runs(texts, lambda i: carries[i] or (i + 1 not in breaks and _is_piece(texts[i])),
                              ended=True, end=CLAUSE_END)
    if width is not None:  # lines that fill the width join too; the paragraph must end (headlines do
        # not) or run longer than any headline (a lead or sapo printed without its full stop)
        found |= _joined_runs(texts, lambda i: carries[i] or (i + 1 not in breaks and (
            _fills_width(texts[i], texts[i + 1], width) or _opens_wrapped(texts, i, width))), ended=True,
            unended_words=HEADLINE_MAX_WORDS)
    return found


def _opens_wrapped(texts: Sequence[str], i: int, width: int) -> bool:
    """Line `i` is the short first piece of a paragraph a dump wrapped at `width`: it ends no sentence,
    and the next line goes on in lowercase and fills the width itself ("Thực hiện chỉ đạo" over "của UBND
    xã ... Chương" over "trình ..."): a paragraph pasted with its line breaks starts its first line
    after an indent, so that piece alone runs short of the width."""
    if i + 2 >= len(texts):
        return False
    line, under = texts[i].strip(), texts[i + 1].strip()
    return words(line) >= 2 and PARAGRAPH_END.search(line) is None and under[:1].islower() \
        and len(line) <= width and _fills_width(under, texts[i + 2], width)


# a sentence's end, or a clause's that closes an item of a list ("Căn cứ Nghị quyết số 60-NQ/TW ...;")
CLAUSE_END = regex.compile(r"(?:[.!?…;]|(?<=\w{2}):)[\"'”’»)\]]*\s*$")
PARTED_LINES = 2  # lines with a blank line under them that show how a dump parts its lines
PARTED_SHARE = 0.7  # of the lines that are no piece of a paragraph, the share with a blank line under them


def parted_by_blanks(texts: Sequence[str], breaks: Collection[int]) -> bool:
    """The dump parts its lines with blank lines: nearly every line that is no paragraph's piece (one that
    ends a sentence, a label, a menu's item) has a blank line under it. There a line that stops in
    mid-sentence with no blank line under it goes on on the next line, whatever the width (a lead wrapped
    over two lines gives no width to read: "... trong đó có 4 ủy viên Trung ương" over "Đảng. Người trẻ
    tuổi nhất ...")."""
    parted = [i + 1 in breaks for i in range(len(texts) - 1) if not _is_piece(texts[i])]
    return sum(parted) >= PARTED_LINES and sum(parted) >= PARTED_SHARE * len(parted)


def text_joints(texts: Sequence[str], joints: Collection[int], breaks: Collection[int],
                width: int | None) -> set[int]:
    """The joints where the clean text joins a line to the next: only on a page a dump wrapped at a
    width, between lines that fit it. There a line that fills the width with no blank line under it
    joins too, though it ends a sentence (the wrap fell after a full stop), if the page parts its
    paragraphs with blank lines (without them a paragraph's end looks the same). A line over a blank
    line, or an unwrapped page's list items that end with a comma or "và", stay apart. `width`: the
    page's `wrap_width`."""
    if width is None:
        return set()
    full = {i for i in range(len(texts) - 1) if breaks and i + 1 not in breaks
            and words(texts[i]) >= WRAPPED_PIECE_WORDS and _within_width(texts[i], texts[i + 1], width)}
    return {i for i in {*joints, *full} if i + 1 not in breaks  # a blank line parts two paragraphs
            and len(texts[i].strip()) <= width and len(texts[i + 1].strip()) <= width}


# "COVID-" over "19": a wrap broke the word after its hyphen, the pieces join without a space
BROKEN_AT_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}])-$")


def join_piece(joined: str, piece: str) -> str:
    """The next piece of a paragraph a dump wrapped, joined on: a word broken after its hyphen, or a
    drop capital printed on a line of its own ("N" over "goài 2 khu ..."), rejoined."""
    drop_capital = len(joined) == 1 and joined.isupper() and piece[:1].islower()
    broken_word = drop_capital or (BROKEN_AT_HYPHEN.search(joined) is not None and piece[:1].isalnum())
    return joined + ("" if broken_word else " ") + piece


WRAPPED_HEADLINE_LINES = 3  # a headline a dump wrapped at its width fills a few lines at most


def wrapped_headlines(texts: Sequence[str], joins: Collection[int], breaks: Collection[int],
                      apart: Callable[[int], bool], width: int | None) -> dict[int, int]:
    """The headlines a dump wrapped over lines at its width: first piece -> one past the last.

    Each piece but the last fills the width (the next piece's first word would have overflowed it) or
    is joined to the next (`joins`, the clean text's joints); the last stops the run: a blank line
    (`breaks`) under it, a line `apart` (a dateline, chrome), or a next line whose first word would
    have fitted on it. Joined, the pieces make a headline's shape (a capital first, no sentence's end,
    too short for prose): each piece alone stops in mid-phrase ("... Thi đua học tập và" / "làm theo
    Bác"), so none reads as the headline, while a lead's pieces end a sentence or run longer. `width`:
    the page's `wrap_width`.
    """
    if width is None:
        return {}
    found: dict[int, int] = {}
    i = 0
    while i < len(texts):
        end = i
        while end + 1 < len(texts) and end + 1 not in breaks and not apart(end + 1) \
                and (end in joins or _within_width(texts[end], texts[end + 1], width)):
            end += 1
        if 0 < end - i < WRAPPED_HEADLINE_LINES \
                and is_headline(functools.reduce(join_piece, (text.strip() for text in texts[i:end + 1]))):
            found[i] = end + 1
        i = end + 1
    return found


GLUED_MARKS = frozenset(",.:;!?)]}”")


def _within_width(line: str, under: str, width: int) -> bool:
    """Both lines fit the width and the next line's first word would have overflowed `line`."""
    line, under = line.strip(), under.strip()
    # a dump wraps at spaces, so no piece opens on a mark written against the word before it (":0")
    return bool(under) and under[0] not in GLUED_MARKS and len(line) <= width and len(under) <= width \
        and len(line) + 1 + len(under.split()[0]) > width


def _joined_runs(texts: Sequence[str], carries_on: Callable[[int], bool], ended: bool,
                 end: regex.Pattern = PARAGRAPH_END, unended_words: int | None = None) -> set[int]:
    """The joints (each line but a run's last) of runs that `carries_on` joins into a paragraph (one that
    ends a sentence, or as `end` says, if `ended`; or, if `unended_words`, one longer than that)."""
    found: set[int] = set()
    run: list[int] = []
    for i in range(len(texts)):
        run.append(i)
        if i + 1 < len(texts) and carries_on(i):
            continue
        joined = " ".join(texts[j] for j in run)
        closed = end.search(joined) is not None  # a clause's end closes an item though no sentence's does
        if len(run) > 1 and (is_paragraph(joined) or (closed and end is not PARAGRAPH_END)) \
                and (not ended or closed):
            found.update(run[:-1])
        elif unended_words is not None and len(run) > 1 and not closed:
            found.update(_unended_paragraph(texts, run, unended_words))
        run = []
    return found


def _unended_paragraph(texts: Sequence[str], run: list[int], least_words: int) -> list[int]:
    """The joints of a run of pieces that ends no sentence yet runs longer than `least_words` (a lead or
    sapo printed without its full stop): a paragraph all the same. Its first line stands apart when it
    is headline-shaped and the next piece opens on a capital (a headline or caption that filled the
    width by chance over the lead)."""
    if is_headline(texts[run[0]]) and texts[run[1]].strip()[:1].isupper():
        run = run[1:]
    joined = " ".join(texts[j] for j in run)
    return run[:-1] if len(run) > 1 and words(joined) > least_words else []


def lost_drop_capital(line: str, under: str) -> bool:
    """`under` is a whole paragraph that lost its drop capital ("ại Lễ trao giải ..."), twice `line` at
    least: the line above is no piece of it (a headline)."""
    return is_paragraph(under) and PARAGRAPH_END.search(under) is not None and words(under) >= 2 * words(line)


def _carries_on(line: str, under: str, dangling: regex.Pattern) -> bool:
    """`under` goes on with the sentence `line` leaves unfinished."""
    line, under = line.strip(), under.strip()
    if words(line) < WRAPPED_PIECE_WORDS or not under or PARAGRAPH_END.search(line) is not None:
        return False
    if under[:1].islower():
        return not lost_drop_capital(line, under)
    # "... của Đoàn TNCS Hồ Chí" over "Minh.": the sentence's last word and its full stop
    last_word = words(under) == 1 and under.endswith(".") and not ELLIPSIS.search(under) \
        and regex.search(r"\w", under) is not None
    return line.endswith((",", ";")) or dangling.search(line) is not None or last_word


WRAPPED_LINES = 3  # full pieces that show a dump wrapped its text at one width
UNWRAPPED_SHARE = 4  # full pieces for each paragraph longer than the width (a notice the dump left whole)


def _is_piece(text: str) -> bool:
    return words(text) >= WRAPPED_PIECE_WORDS and PARAGRAPH_END.search(text) is None


def wrap_width(texts: Sequence[str], breaks: Collection[int] = ()) -> int | None:
    """The width a dump wrapped its paragraphs at, or None: several lines that stop in mid-sentence
    fill one width (the next line's first word would have overflowed each), and hardly a paragraph
    runs longer on one line.

    A terminal browser or a crawler wraps at a fixed number of characters (72, 78, 80); the article's
    lines then crowd under that width, where an unwrapped page's headlines and paragraphs spread.
    """
    # each line once (a headline printed twice counts once), with its next line's first word and length
    pairs = {(len(line.strip()), len(under.split()[0]), len(under.strip()))
             for i, (line, under) in enumerate(pairwise(texts))
             if _is_piece(line) and under.strip() and i + 1 not in breaks}
    best, width = 0, None
    for edge in sorted({length for length, _, _ in pairs}):
        filled = sum(length <= edge < length + 1 + following and rest <= edge
                     for length, following, rest in pairs)
        if filled >= best:
            best, width = filled, edge
    if width is None or best < WRAPPED_LINES:
        return None
    longer = sum(len(text.strip()) > width and is_paragraph(text) for text in texts)
    return width if longer * UNWRAPPED_SHARE <= best else None


def _fills_width(line: str, under: str, width: int | None) -> bool:
    """`line` stops in mid-sentence where the dump's width ran out: the next line's first word would
    have overflowed it, and the next line fits the width."""
    return width is not None and _is_piece(line.strip()) and _within_width(line, under, width)


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
