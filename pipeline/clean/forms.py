"""A comment or poll form left under the article: its heading, prompts, field labels, buttons, a poll's
question and options. Recognised by shape and position (a run of short lines after the last paragraph
with a form's fields in it), never inside the article."""

from __future__ import annotations

from pipeline.clean.page import Page
from pipeline.clean.shapes import is_paragraph, is_question
from pipeline.clean.structure import is_prose

FORM_OPTION_WORDS = 8  # a form's label or a poll's option is a few words
FORM_QUESTION_WORDS = 30  # a poll's question
FORM_MIN_OPTIONS = 2  # a poll offers at least two answers
FORM_MIN_FIELDS = 2  # fields or buttons that make a run of short lines a form ("Email *", "Gửi bình luận")
FORM_PROMPT = "comment-form-prompt"  # the rule that names a form's heading, prompt or button
FORM_WIDGET = "form-widget"  # the rule set on the lines of a comment or poll form after the article


def _is_form_field(page: Page, i: int) -> bool:
    """A comment or poll form's line: its heading, prompt or button by rule, or a bare field label."""
    return page.lines[i].rule == FORM_PROMPT or page.rules.form_field.match(page.folded[i]) is not None


def _in_form(page: Page, i: int) -> bool:
    """A line a form's run may hold: a field, a short option or question, or chrome; no meta, no paragraph."""
    if page.meta[i] is not None:
        return False
    text = page.texts[i]
    short = len(text.split()) <= FORM_OPTION_WORDS and not is_paragraph(text)
    return page.is_chrome(i) or _is_form_field(page, i) or short or (
        is_question(text) and len(text.split()) <= FORM_QUESTION_WORDS)


def _polls(page: Page, i: int) -> bool:
    """A question with a poll's options under it: short lines, no field among them, then a field."""
    if not is_question(page.texts[i]):
        return False
    j = i + 1
    while j < len(page.lines) and _in_form(page, j) and not _is_form_field(page, j) and not page.is_chrome(j):
        j += 1
    return j - i - 1 >= FORM_MIN_OPTIONS and j < len(page.lines) and _is_form_field(page, j)


def form_start(page: Page, start: int, end: int) -> int:
    """Where a form may begin: under the last paragraph, or at it when it is a poll's question (a
    question reads as a sentence), with the poll's heading above it."""
    if end == start or not _polls(page, end):
        return end + 1
    k = end
    while k - 1 > start and _in_form(page, k - 1) and not is_prose(page.texts[k - 1]):
        k -= 1
    return k


def mark_form_widget(page: Page, first: int) -> None:
    """After the last paragraph, a comment or poll form: a run of short lines (field labels, buttons, a
    poll's question and options) with at least two of the form's fields in it; the run from its first
    field or question on is furniture. The shape and the position say it, not one site's wording; a
    line before the last paragraph is never touched, nor a signature above the form."""
    i = first
    while i < len(page.lines):
        j = i
        while j < len(page.lines) and _in_form(page, j):
            j += 1
        starts = [k for k in range(i, j) if _is_form_field(page, k) or _polls(page, k)]
        if starts and sum(_is_form_field(page, k) for k in range(i, j)) >= FORM_MIN_FIELDS:
            for k in range(starts[0], j):
                page.lines[k].rule = page.lines[k].rule or FORM_WIDGET
        i = j + 1
