"""Self-supervised audit of page shapes the cleaning-dev pages do not show: a page cut in mid-article
(no headline), a signature with no person, a caption or a short line over the byline, a byline among
the tail's links.

Forms (text dumps as `bench/byline_audit.py` renders them; only the clean stage runs): `base` as it is;
`headless` with the headline's lines left out (the title must then be null, or the headline again where
the page prints a copy of it: a body sentence, a caption or the site's chrome is none); `midstart` cut
in mid-article, from the second half of its first body line on (no chrome above, no headline); `signed` with a
signature that names no person under the last line of a page no person signs ("PV", "Nhóm PV",
"(Theo TTXVN)", "BBT", "P.V"; no author is added, the line is no body); `caption-over` with the page's
first caption (else "Ảnh minh họa") right over its bylines under the article; `midtail` with the
bylines under the article moved among the tail's lines, two lines of it above them (the authors are
still expected). Per form: titles right, publication times right (of the pages whose date the form
leaves decided), pages whose authors are exactly right, false and lost
authors, body lines lost and added lines left in the text.

    PYTHONPATH=$PWD python bench/page_shape_audit.py
    PYTHONPATH=$PWD python bench/page_shape_audit.py --forms headless --details
    PYTHONPATH=$PWD python bench/page_shape_audit.py --test-half    # the score-only files, pooled rows only

The score-only `-test` files are scored only by `--test-half` alone, which prints the pooled row per form
and nothing of any page: they are scored, never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.byline_audit import _bylines, _fold, _render  # noqa: E402
from bench.cleaning_audit import Line, _origins, _pick, text_lines  # noqa: E402
from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.clean.published import prints_date  # noqa: E402
from pipeline.evaluate import as_ingested, read_jsonl  # noqa: E402

SIGNATURES = ["PV", "Nhóm PV", "(Theo TTXVN)", "BBT", "P.V"]
FORMS = ["base", "headless", "midstart", "signed", "caption-over", "midtail"]


def _under_article(lines: list[Line], found: list[int]) -> list[int]:
    """The bylines that stand under the article's last body line."""
    last_body = max((i for i, x in enumerate(lines) if x["class"] == "body"), default=-1)
    return [i for i in found if i > last_body]


def perturb(form: str, gold: dict[str, Any]) -> tuple[list[Line], str | None, list[str]]:
    """The page's lines as the form renders them, the title and the authors expected."""
    lines = _origins(gold)
    title, authors = gold.get("title"), list(gold.get("authors") or [])
    if form == "headless":
        return [x for x in lines if x["class"] != "title"], None, authors
    if form == "midstart":  # a page cut in mid-article: from the second half of a body line on
        first = next((i for i, x in enumerate(lines)
                      if x["class"] == "body" and len(x["text"].split()) >= 8), None)
        if first is None:
            return lines, title, authors
        cut = lines[first]["text"].split()
        piece = {"text": " ".join(cut[len(cut) // 2:]), "class": "piece", "origin": "article"}
        rest = [x for x in lines[first + 1:] if x["class"] != "title"]
        expected = [a for a in authors if any(_fold(a) in _fold(x["text"]) for x in rest)]
        return [piece, *rest], None, expected
    if form == "signed":  # a page no person signs: the newsroom's signature under its last line
        last = max((i for i, x in enumerate(lines) if x["class"] in ("body", "caption")), default=None)
        if authors or last is None:
            return lines, title, authors
        text = SIGNATURES[_pick(gold["key"]["url"], "signature", len(SIGNATURES))]
        return [*lines[:last + 1], {"text": text, "class": "meta", "origin": "added"}, *lines[last + 1:]], \
            title, authors
    below = _under_article(lines, _bylines(lines, authors))
    if not below:
        return lines, title, authors
    if form == "caption-over":
        caption = next((x["text"] for x in lines if x["class"] == "caption"), "Ảnh minh họa")
        added = {"text": caption, "class": "caption", "origin": "added"}
        return [*lines[:below[0]], added, *lines[below[0]:]], title, authors
    if form == "midtail":
        rest = [x for i, x in enumerate(lines) if i not in below]
        tail = [k for k, x in enumerate(rest) if x["origin"] == "tail"]
        if len(tail) < 3:
            return lines, title, authors
        at = tail[2]
        return [*rest[:at], *(lines[i] for i in below), *rest[at:]], title, authors
    return lines, title, authors


def audit(path: Path, form: str, details: bool) -> Counter:
    """The form's tallies over the file's pages."""
    tally: Counter = Counter()
    for i, gold in enumerate(read_jsonl(path)):
        lines, title, expected = perturb(form, gold)
        record, paragraphs = text_lines(_render(lines, gold["key"]["url"]), f"{path.stem}-{i:03d}.txt")
        given = {_fold(a): a for a in record.get("authors") or []}
        wanted = {_fold(a) for a in expected}
        false = [a for k, a in given.items() if k not in wanted]
        lost = [a for a in expected if _fold(a) not in given]
        # a headless page may print its headline again elsewhere (its <title>'s dump, a breadcrumb)
        title_right = _fold(record.get("title") or "") in {_fold(title or ""), _fold(gold.get("title") or "")}
        # the page's date while the form keeps every line of the article that prints it: a page cut
        # in mid-article loses the dateline above its cut (a day the body names after it is the
        # event's), and a day only another article's line prints is no dateline. A date no line
        # prints (read off a form the day-matcher misses) counts only where every meta line is kept.
        published = gold.get("published")
        printed = [x["text"] for x in _origins(gold) if x["class"] != "boilerplate"
                   and published and prints_date(x["text"], published)]
        kept = {x["text"] for x in lines if x["class"] not in ("boilerplate", "piece")}
        all_meta = kept >= {x["text"] for x in _origins(gold) if x["class"] == "meta"}
        wanted_date = published if (printed and kept >= set(printed)) or (not printed and all_meta) else None
        decided = bool(printed) or all_meta or not published
        published_right = decided and (record.get("published") or None) == wanted_date
        body_lost = [x["text"] for x in lines
                     if x["class"] == "body" and as_ingested(x["text"]) not in paragraphs]
        left = [x["text"] for x in lines if x["origin"] == "added" and as_ingested(x["text"]) in paragraphs]
        tally.update(pages=1, title=title_right, published=published_right, dated=decided,
                     authors=not (false or lost), false=len(false), lost=len(lost),
                     body=sum(x["class"] == "body" for x in lines), body_lost=len(body_lost),
                     added=sum(x["origin"] == "added" for x in lines), left=len(left))
        if details and (false or lost or not title_right or (decided and not published_right) or body_lost
                        or left):
            print(f"{path.stem} [{form}] {gold['key']['url']}")
            if not title_right:
                print(f"   title {record.get('title')!r} (expected {title!r})")
            if decided and not published_right:
                print(f"   published {record.get('published')!r} (expected {wanted_date!r})")
            if false or lost:
                print(f"   false {false} lost {lost}")
            for text in body_lost:
                print(f"   body lost: {text[:100]}")
            for text in left:
                print(f"   left: {text[:100]}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="cleaning-dev files (default: all of them)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {FORMS}")
    parser.add_argument("--details", action="store_true", help="print each page the form gets wrong")
    add_test_half(parser)
    args = parser.parse_args(argv)
    files = audit_paths(parser, "cleaning", args.files, args.test_half, args.details)
    for form in args.forms.split(","):
        t: Counter = Counter()
        for path in files:
            t += audit(path, form, args.details)
        print(f"{form:<13} pages {t['pages']:>4} titles {t['title']:>4} "
              f"published {t['published']:>4}/{t['dated']:<4} authors right {t['authors']:>4} "
              f"false {t['false']:>3} lost {t['lost']:>3} body lost {t['body_lost']:>3}/{t['body']:<5} "
              f"added left {t['left']:>3}/{t['added']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
