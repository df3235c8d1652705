"""Self-supervised audit of the text-dump path: the cleaning-dev pages rendered as perturbed dumps.

Each page of the cleaning-dev files is rendered as a text dump in several forms: as the harness
does (`base`); with no blank line between lines (`tight`); with its body lines wrapped at 80 columns
(`wrap80`; any `wrapN`, `tightwrapN` with no blank line, `headwrapN` with the headline wrapped too);
with its own chrome lines in reverse order above and below the article (`shuffled`); with a menu of
short chrome lines from the file's other pages above it (`menu`); with the headlines of the file's
other pages listed after the article, no heading (`related`); with the tail's list headings left out
(`unheaded`); with the body after its lead as list items, one sentence an item, marked "- ", "+ ",
"• ", "1. " or "1) " (`listed`); with footer lines that carry digits (addresses, phones) from the
other pages below it (`footer`); as an HTML page read by the HTML ingest, one <p> a line and the
headline an <h1> (`html`), each body line broken by <br> at N columns too (`brN`: a legacy portal's
paragraph). Only the clean stage runs. Per form it counts body lines lost and boilerplate lines left,
each by where the line came from (the page's top chrome, the article, its tail, or the lines the form
added), photo captions left in the text, titles right, and of the body lines a form broke, those
whose text came out whole (`whole`).

    PYTHONPATH=$PWD python bench/cleaning_audit.py                 # every cleaning-dev file
    PYTHONPATH=$PWD python bench/cleaning_audit.py --forms related --details

Refuses the score-only `-test` files: they are scored, never read.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.clean.lines import BODY, classify  # noqa: E402
from pipeline.clean.page import Page  # noqa: E402
from pipeline.engine.stages import PLAIN_RUN, clean_stage  # noqa: E402
from pipeline.evaluate import as_ingested, paragraphs_of, read_jsonl  # noqa: E402
from pipeline.ingest.records import article_from_html_bytes, article_from_text_bytes  # noqa: E402
from pipeline.model import RawArticle, VnieError, empty_record  # noqa: E402
from pipeline.text import casefold_words  # noqa: E402

Line = dict[str, str]  # text, class, origin (top / article / tail / added), piece group for wrapped lines


def _pick(url: str, salt: str, choices: int) -> int:
    """A stable choice among `choices` for a page (from its URL)."""
    return int.from_bytes(hashlib.sha1(f"{url}\x00{salt}".encode()).digest()[:4], "big") % choices


def _origins(gold: dict[str, Any]) -> list[Line]:
    """The page's lines, each with where it stands: top chrome, the article, or the tail."""
    lines = [*gold["top"], *gold["tail"]]
    inside = [i for i, line in enumerate(lines) if line["class"] != "boilerplate"]
    first, last = (inside[0], inside[-1]) if inside else (0, -1)
    return [{**line, "origin": "top" if i < first else "tail" if i > last else "article"}
            for i, line in enumerate(lines)]


def _split(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Top chrome, article, tail."""
    return ([x for x in lines if x["origin"] == "top"], [x for x in lines if x["origin"] == "article"],
            [x for x in lines if x["origin"] == "tail"])


def _added(texts: list[str]) -> list[Line]:
    return [{"text": t, "class": "boilerplate", "origin": "added"} for t in texts]


def _others(golds: list[dict[str, Any]], me: int, take: Callable[[dict[str, Any]], list[str]],
            count: int) -> list[str]:
    """Up to `count` lines other pages of the file give, nearest pages first."""
    found: list[str] = []
    for step in range(1, len(golds)):
        found += take(golds[(me + step) % len(golds)])
        if len(found) >= count:
            break
    return list(dict.fromkeys(found))[:count]


def perturb(form: str, golds: list[dict[str, Any]], me: int) -> list[Line]:
    """The page's lines as the form renders them (wrapped pieces keep their gold line's index)."""
    lines = _origins(golds[me])
    top, article, tail = _split(lines)
    if form == "shuffled":
        return [*top[::-1], *article, *tail[::-1]]
    if form == "menu":
        def short(gold: dict[str, Any]) -> list[str]:
            return [x["text"] for x in _split(_origins(gold))[0] if len(x["text"].split()) <= 3]
        return [*_added(_others(golds, me, short, 8)), *lines]
    if form == "related":
        titles = _others(golds, me, lambda gold: [gold["title"]] if gold.get("title") else [], 5)
        return [*top, *article, *_added(titles), *tail]
    if form == "unheaded":  # the tail's list headings lost (an image, or a phrase no rule knows)
        headed = Page("\n".join(x["text"] for x in tail), None, frozenset())
        return [*top, *article, *(x for k, x in enumerate(tail) if not headed.is_marker(k))]
    if form == "listed":
        return [*top, *_listed(article, golds[me]["key"]["url"]), *tail]
    if form == "footer":
        def digits(gold: dict[str, Any]) -> list[str]:
            return [x["text"] for x in _split(_origins(gold))[2][-6:] if any(c.isdigit() for c in x["text"])]
        return [*lines, *_added(_others(golds, me, digits, 3))]
    return lines


ITEM_MARKS = ["- ", "+ ", "• ", "{}. ", "{}) "]
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZĐÀ-Ỹ\"“])")


def _listed(article: list[Line], url: str) -> list[Line]:
    """The body after its first line as list items: each sentence of a body line an item of its own,
    marked as the page's bullets or numbers are (the first body line stays the lead)."""
    mark = ITEM_MARKS[_pick(url, "mark", len(ITEM_MARKS))]
    out: list[Line] = []
    first = next((k for k, x in enumerate(article) if x["class"] == "body"), len(article))
    number = 0
    for k, line in enumerate(article):
        if k <= first or line["class"] != "body":
            out.append(line)
            continue
        for sentence in SENTENCE_END.split(line["text"]):
            number += 1
            out.append({**line, "text": mark.format(number) + sentence})
    return out


def render(form: str, golds: list[dict[str, Any]], me: int) -> tuple[str, list[Line]]:
    """The dump's text and its lines (a wrapped body line's pieces joined by single newlines)."""
    lines = perturb(form, golds, me)
    if form.startswith(("br", "html")):
        return _as_html(lines, _width(form)), lines
    blank = ("\n\n", "\n")[_pick(golds[me]["key"]["url"], "blank", 2)]
    separator = "\n" if form.startswith("tight") else blank
    chunks = []
    for line in lines:
        if _width(form) and line["class"] in _wrapped_classes(form) and len(line["text"]) > _width(form):
            chunks.append("\n".join(textwrap.wrap(line["text"], _width(form))))
        else:
            chunks.append(line["text"])
    return separator.join(chunks) + "\n", lines


def _as_html(lines: list[Line], width: int) -> str:
    """The page as HTML: a <p> a line, the headline an <h1>, a body line broken by <br> at `width`."""
    blocks = []
    for line in lines:
        tag = "h1" if line["class"] == "title" else "p"
        pieces = textwrap.wrap(line["text"], width) if width and line["class"] == "body" else [line["text"]]
        blocks.append(f"<{tag}>{'<br>'.join(html.escape(piece) for piece in pieces)}</{tag}>")
    return "<html><body><article>\n" + "\n".join(blocks) + "\n</article></body></html>"


def _folded(title: str | None) -> str:
    return casefold_words(title or "", nfc=True)


def _width(form: str) -> int:
    """The column a `wrapN` or `tightwrapN` form wraps body lines at (0: none)."""
    found = re.search(r"(?:wrap|br)(\d+)$", form)
    return int(found[1]) if found else 0


def _wrapped_classes(form: str) -> set[str]:
    """The classes of the lines a wrap form wraps: the body's, and the headline's in `headwrapN`."""
    return {"body", "title"} if form.startswith("headwrap") else {"body"}


def clean_raw(raw: RawArticle | None) -> dict[str, Any]:
    """The clean stage's record for one read page (an empty text when it cannot be read or keeps nothing)."""
    if raw is None:
        return {"text": ""}
    record = empty_record(raw)
    try:
        clean_stage(raw, record, PLAIN_RUN)
    except VnieError:
        record["text"] = ""
    return record


def clean_text(text: str, name: str) -> dict[str, Any]:
    """The clean stage's record for one dump (an empty text when it keeps nothing)."""
    return clean_raw(article_from_text_bytes(text.encode(), name, 10_000_000))


def text_lines(text: str, name: str) -> tuple[dict[str, Any], set[str]]:
    """The clean stage's record for one dump and the lines its text is made of: its paragraphs and
    the body lines the cleaner joined into them (a wrapped paragraph's pieces), so a gold line is
    matched against the lines as the dump printed them, joined or not."""
    record = clean_text(text, name)
    raw = article_from_text_bytes(text.encode(), name, 10_000_000)
    pieces = {line.text for line in classify(raw.text, raw.title, raw.url)
              if line.cls == BODY} if record["text"] else set()
    return record, paragraphs_of(record["text"]) | {as_ingested(piece) for piece in pieces}


def html_lines(page: str, name: str) -> tuple[dict[str, Any], set[str]]:
    """The clean stage's record for one HTML page and the paragraphs of its text."""
    raw = article_from_html_bytes(page.encode(), name, "html", 10_000_000)
    record = clean_raw(raw if isinstance(raw, RawArticle) else None)
    return record, paragraphs_of(record["text"])


def kept(line: Line, paragraphs: set[str], form: str) -> bool:
    """Whether the line is in the text (a wrapped line: whole, or every one of its pieces)."""
    if _width(form) and line["class"] == "body" and len(line["text"]) > _width(form):
        return rejoined(line, paragraphs) or all(  # each piece a paragraph, or inside one (joined in part)
            any(as_ingested(piece) in paragraph for paragraph in paragraphs)
            for piece in textwrap.wrap(line["text"], _width(form)))
    return as_ingested(line["text"]) in paragraphs


def rejoined(line: Line, paragraphs: set[str]) -> bool:
    """Whether a wrapped line is in the text whole: its pieces joined back into one paragraph."""
    return as_ingested(line["text"]) in paragraphs


def audit(path: Path, forms: list[str], details: bool) -> dict[str, Counter]:
    """Per form: lines lost/left by origin, body and boilerplate totals, titles right."""
    golds = read_jsonl(path)
    out: dict[str, Counter] = {}
    for form in forms:
        tally: Counter = Counter()
        for i, gold in enumerate(golds):
            text, lines = render(form, golds, i)
            name = f"{path.stem}-{i:03d}"
            record, paragraphs = (html_lines(text, f"{name}.html") if form.startswith(("br", "html"))
                                  else text_lines(text, f"{name}.txt"))
            for line in lines:
                if not line["text"].strip():
                    continue
                here = kept(line, paragraphs, form)
                if line["class"] == "body":
                    tally["body"] += 1
                    if _width(form) and len(line["text"]) > _width(form):
                        tally["wrapped"] += 1
                        tally["whole"] += rejoined(line, paragraphs)
                    if not here:
                        tally["lost"] += 1
                        tally[f"lost:{line['origin']}"] += 1
                        if details:
                            print(f"{path.stem} [{form}] {gold['key']['url']}\n   lost: {line['text'][:110]}")
                elif line["class"] == "caption":
                    tally["captions"] += 1
                    tally["caption_left"] += here  # a caption is no sentence of the article's text
                    if details and here:
                        print(f"{path.stem} [{form}] {gold['key']['url']}\n"
                              f"   caption left: {line['text'][:110]}")
                elif line["class"] == "boilerplate":
                    tally["boilerplate"] += 1
                    if here:
                        tally["left"] += 1
                        tally[f"left:{line['origin']}"] += 1
                        if details:
                            print(f"{path.stem} [{form}] {gold['key']['url']}\n   left({line['origin']}): "
                                  f"{line['text'][:110]}")
            tally["pages"] += 1
            right = _folded(record.get("title")) == _folded(gold.get("title"))
            tally["title"] += right
            if details and not right:
                print(f"{path.stem} [{form}] {gold['key']['url']}\n   title: {record.get('title')!r} "
                      f"(gold {gold.get('title')!r})")
        out[form] = tally
    return out


FORMS = ["base", "tight", "wrap80", "shuffled", "menu", "related", "unheaded", "listed", "footer"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="cleaning-dev files (default: all of them)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {FORMS}")
    parser.add_argument("--details", action="store_true", help="print each lost/left line and wrong title")
    parser.add_argument("--per-file", action="store_true", help="a row per file and form")
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "tests" / "heldout").glob("cleaning-dev*.jsonl"))
    if any("-test" in f.name for f in files):
        parser.error("the -test files are scored, never read")
    forms = args.forms.split(",")
    totals: dict[str, Counter] = {form: Counter() for form in forms}
    for path in files:
        for form, tally in audit(path, forms, args.details).items():
            totals[form] += tally
            if args.per_file:
                print(f"{path.stem:<20}{_row(form, tally)}")
    for form in forms:
        print(f"{'all':<20}{_row(form, totals[form])}")
    return 0


def _row(form: str, t: Counter) -> str:
    origins = " ".join(f"{k}={v}" for k, v in sorted(t.items()) if ":" in k)
    return (f"{form:<9} body lost {t['lost']:>4}/{t['body']:<5} left {t['left']:>4}/{t['boilerplate']:<5} "
            f"captions left {t['caption_left']:>3}/{t['captions']:<4} "
            f"titles {t['title']:>3}/{t['pages']:<4} whole {t['whole']}/{t['wrapped']} {origins}")


if __name__ == "__main__":
    sys.exit(main())
