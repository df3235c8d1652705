"""Cleaning on pages from sites vnie has never seen, in the three forms crawlers leave them.

Each page of a cleaning gold file (`tests/heldout/cleaning-{dev,test}.jsonl`: page top lines and a
composed tail, every line classed; title, published, authors; key.url) is rendered three ways:

- `txt`: a plain-text dump, the lines joined by newlines (one or two, varied per page), as the seed
  pages in `corpus/` are; no URL;
- `html`: a plausible page: chrome lines in nav/div/ul/footer elements, the title in an <h1> or
  not, the body in <p>, captions in <figure> or an image table, head metadata varied per page;
- `jsonl`: one crawler record per page whose `content` holds the whole page text, with its URL and
  no `title` field.

Every form goes through the real pipeline (`vnie run`, one worker) and is scored with
`pipeline.evaluate.score_article`: body lines kept, boilerplate lines left in the text, title right,
published right, authors F1; per form and in total. Variations are chosen from a hash of the page's
URL, so a page always renders the same way.

    python bench/cleaning_eval.py tests/heldout/cleaning-dev.jsonl
    python bench/cleaning_eval.py tests/heldout/cleaning-dev.jsonl --details   # what each page got wrong
    python bench/cleaning_eval.py tests/heldout/cleaning-test.jsonl --json    # score only

`--details` prints the text of failures and is refused on a `-test` file: that half is scored, never read.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import io
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.evaluate import Scores, as_ingested, kept_lines, read_jsonl, score_article  # noqa: E402
from pipeline.text import casefold_words  # noqa: E402

FORMS = ("txt", "html", "jsonl")
TEXT_FILES, HTML_FILES, CRAWL_FILE = "txt", "html", "crawl.jsonl"
UPPER_LINE = regex.compile(r"^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$")


def variant(gold: dict[str, Any], salt: str, choices: int) -> int:
    """A stable choice among `choices` for this page (from its URL), different per `salt`."""
    digest = hashlib.sha1(f"{gold['key']['url']}\x00{salt}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % choices


def page_lines(gold: dict[str, Any]) -> list[dict[str, str]]:
    """The page's lines in order: its top as stored, then its tail."""
    return [*gold["top"], *gold["tail"]]


def scoring_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold in the form `score_article` reads (spec section 7)."""
    return {"title": gold.get("title"), "published": gold.get("published"),
            "authors": gold.get("authors") or [], "lines": page_lines(gold)}


def site_name(gold: dict[str, Any]) -> str:
    """What the page calls its site: the masthead line of its tail in capitals, else the host."""
    for line in reversed(gold["tail"]):
        text = line["text"]
        if line["class"] == "boilerplate" and UPPER_LINE.match(text) and len(text.split()) >= 2:
            return text
    return gold["host"]


# --- the three forms -------------------------------------------------------------------------------

def render_text(gold: dict[str, Any]) -> str:
    """A page dump: one line per line, separated by a blank line or not."""
    separator = "\n\n" if variant(gold, "blank", 2) else "\n"
    return separator.join(line["text"] for line in page_lines(gold)) + "\n"


def render_record(gold: dict[str, Any]) -> dict[str, Any]:
    """A crawler record: the URL and the whole page text, no title field."""
    key = ("url", "link")[variant(gold, "url-key", 2)]
    return {key: gold["key"]["url"], "content": "\n".join(line["text"] for line in page_lines(gold))}


def _zones(lines: list[dict[str, str]]) -> tuple[int, int]:
    """Index of the article's first line and one past its last (title, meta, body or caption)."""
    inside = [i for i, line in enumerate(lines) if line["class"] != "boilerplate"]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _runs(lines: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    """Consecutive lines of the same class."""
    runs: list[list[dict[str, str]]] = []
    for line in lines:
        if runs and runs[-1][0]["class"] == line["class"]:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _head(gold: dict[str, Any]) -> str:
    """<head>: charset, <title>, and, varied per page, og tags, author, date and canonical URL."""
    title, site = gold.get("title"), site_name(gold)
    parts = ['<meta charset="utf-8">']
    style = variant(gold, "title-tag", 4)
    if title:
        heading = (f"{title} - {site}", f"{title} | {site}", title, None)[style]
    else:
        heading = (site, site, None, None)[style]
    if heading:
        parts.append(f"<title>{html.escape(heading)}</title>")
    if title and variant(gold, "og-title", 3) == 0:
        parts.append(f'<meta property="og:title" content="{html.escape(title, quote=True)}">')
    if variant(gold, "site-name", 2):
        parts.append(f'<meta property="og:site_name" content="{html.escape(site, quote=True)}">')
    if gold.get("authors") and variant(gold, "author-meta", 3) == 0:
        names = ", ".join(gold["authors"])
        parts.append(f'<meta name="author" content="{html.escape(names, quote=True)}">')
    if gold.get("published") and variant(gold, "date-meta", 3) == 0:
        stamp = gold["published"] + (":00+07:00" if "T" in gold["published"] else "")
        parts.append(f'<meta property="article:published_time" content="{stamp}">')
    if variant(gold, "canonical", 2):
        parts.append(f'<link rel="canonical" href="{html.escape(gold["key"]["url"], quote=True)}">')
    return "<head>" + "".join(parts) + "</head>"


def _chrome(run: list[dict[str, str]], style: int, element: str) -> str:
    """Site furniture: a list of links, or a block of one-line divs, inside `element`."""
    if style == 0:
        items = "".join(f'<li><a href="#">{html.escape(line["text"])}</a></li>' for line in run)
        inner = f"<ul>{items}</ul>"
    else:
        inner = "".join(f'<div class="item"><a href="#">{html.escape(line["text"])}</a></div>'
                        for line in run)
    return f'<{element} class="box">{inner}</{element}>'


def _article_run(run: list[dict[str, str]], gold: dict[str, Any], number: int) -> str:
    """One run of same-class lines inside the article."""
    cls = run[0]["class"]
    out = []
    for line in run:
        text = html.escape(line["text"])
        if cls == "title":
            out.append((f'<h1 class="title">{text}</h1>', f'<h1>{text}</h1>',
                        f'<div class="article-title"><strong>{text}</strong></div>',
                        f'<p class="title"><b>{text}</b></p>')[variant(gold, "h1", 4)])
        elif cls == "body":
            out.append(f"<p>{text}</p>")
        elif cls == "caption":
            picture = f'<img src="/images/{number}-{len(out)}.jpg" alt="">'
            out.append((f"<figure>{picture}<figcaption>{text}</figcaption></figure>",
                        f'<table class="image"><tr><td>{picture}</td></tr>'
                        f'<tr><td class="image_desc">{text}</td></tr></table>')[variant(gold, "caption", 2)])
        elif cls == "meta":
            out.append((f'<p class="meta">{text}</p>', f'<div class="info"><span>{text}</span></div>',
                        f'<p style="text-align:right"><strong>{text}</strong></p>')[variant(gold, "meta", 3)])
        else:  # furniture inside the article: font-size and print tools, leaked alt texts
            out.append(f'<div class="tools"><span>{text}</span></div>')
    return "".join(out)


def render_html(gold: dict[str, Any]) -> str:
    """A plausible news page holding the gold's lines, each in its own block element."""
    lines = page_lines(gold)
    start, end = _zones(lines)
    header = _runs(lines[:start])
    header_html = "".join(_chrome(run, variant(gold, "nav", 2), "nav") for run in header)
    article = "".join(_article_run(run, gold, i) for i, run in enumerate(_runs(lines[start:end])))
    tail = lines[end:]
    footer_size = min(3, len(tail) // 3)
    related, footer = tail[: len(tail) - footer_size], tail[len(tail) - footer_size:]
    tail_html = _chrome(related, variant(gold, "related", 2), "div") if related else ""
    footer_html = "".join(f"<p>{html.escape(line['text'])}</p>" for line in footer)
    return (f'<!DOCTYPE html><html lang="vi">{_head(gold)}<body>'
            f'<header><div class="logo"><a href="/">{html.escape(site_name(gold))}</a></div></header>'
            f'{header_html}<main><article class="detail">{article}</article>{tail_html}</main>'
            f"<footer>{footer_html}</footer></body></html>\n")


def write_inputs(golds: list[dict[str, Any]], folder: Path) -> dict[str, dict[str, int]]:
    """Every page in every form under `folder`; per form, the path vnie will report → gold index."""
    (folder / TEXT_FILES).mkdir(parents=True)
    (folder / HTML_FILES).mkdir()
    where: dict[str, dict[str, int]] = {form: {} for form in FORMS}
    with open(folder / CRAWL_FILE, "w", encoding="utf-8") as crawl:
        for i, gold in enumerate(golds):
            text_path, html_path = folder / TEXT_FILES / f"{i:03d}.txt", folder / HTML_FILES / f"{i:03d}.html"
            text_path.write_text(render_text(gold), encoding="utf-8")
            html_path.write_text(render_html(gold), encoding="utf-8")
            crawl.write(json.dumps(render_record(gold), ensure_ascii=False) + "\n")
            where["txt"][str(text_path)] = i
            where["html"][str(html_path)] = i
            where["jsonl"][f"{folder / CRAWL_FILE}#{i + 1}"] = i
    return where


# --- running and scoring ---------------------------------------------------------------------------

def run_vnie(inputs: list[str], out: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """`vnie run INPUTS -o OUT -w 1 -q` in this process: records, error records and its summary line."""
    from pipeline.cli import main

    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(["run", *inputs, "-o", str(out), "-w", "1", "-q"])
    if status != 0:
        raise RuntimeError(f"vnie run failed ({status}): {stderr.getvalue()}")
    return read_jsonl(out / "records.jsonl"), read_jsonl(out / "errors.jsonl"), stderr.getvalue().strip()


def summarise(scores: Scores) -> dict[str, Any]:
    """The five numbers of the issue, with their counts."""
    shares, authors = scores.shares, scores.fields.get("authors")
    return {
        "body_kept": shares["body_recall"].as_dict(),
        "boilerplate_left": shares["boilerplate_leak"].as_dict(),
        "title_right": shares["title_exact"].as_dict(),
        "published_right": shares["published_exact"].as_dict(),
        "authors": authors.as_dict() if authors else {},
    }


def evaluate_file(gold_path: str | Path, details: bool = False, keep: Path | None = None) -> dict[str, Any]:
    """Render, run and score every page of a cleaning gold file; per form and total."""
    golds = read_jsonl(gold_path)
    with tempfile.TemporaryDirectory(prefix="vnie-cleaning-") as scratch:
        folder = keep or Path(scratch)
        where = write_inputs(golds, folder / "in")
        inputs = {"txt": [str(folder / "in" / TEXT_FILES)], "html": [str(folder / "in" / HTML_FILES)],
                  "jsonl": [str(folder / "in" / CRAWL_FILE)]}
        total, result = Scores(), {"pages": len(golds), "forms": {}}
        failures: list[str] = []
        for form in FORMS:
            records, errors, summary = run_vnie(inputs[form], folder / f"out-{form}")
            paths = where[form]
            by_index = {paths[r["source"]["path"]]: r for r in records if r["source"]["path"] in paths}
            scores = Scores()
            for i, gold in enumerate(golds):
                record = by_index.get(i, {})
                for target in (scores, total):
                    score_article(record, scoring_gold(gold), target)
                if details:
                    failures.extend(_failures(form, gold, record))
            result["forms"][form] = {**summarise(scores), "errors": len(errors), "summary": summary}
        result["total"] = summarise(total)
    if details:
        result["failures"] = failures
    return result


def _failures(form: str, gold: dict[str, Any], record: dict[str, Any]) -> Iterable[str]:
    """What one page's record got wrong, for tuning on the dev half."""
    where = f"[{form}] {gold['key']['url']}"
    if not record:
        yield f"{where}: no record"
        return
    paragraphs = kept_lines(record.get("text", ""), [line["text"] for line in page_lines(gold)])
    for line in page_lines(gold):  # as the score reads them: the gold as ingest leaves it (Đ for Ð)
        kept = as_ingested(line["text"]) in paragraphs
        if line["class"] == "body" and not kept:
            yield f"{where}: body lost: {line['text'][:100]}"
        elif line["class"] == "boilerplate" and kept:
            yield f"{where}: boilerplate left: {line['text'][:100]}"
    for field in ("title", "published"):
        written, expected = (casefold_words(side.get(field) or "", nfc=True) for side in (record, gold))
        if written != expected:
            yield f"{where}: {field} {record.get(field)!r} (gold {gold.get(field)!r})"
    if ({casefold_words(a, nfc=True) for a in record.get("authors", [])}
            != {casefold_words(a, nfc=True) for a in gold.get("authors") or []}):
        yield f"{where}: authors {record.get('authors')} (gold {gold.get('authors')})"


def format_report(result: dict[str, Any]) -> str:
    """A table: one row per form and the total."""
    rows = [f"{result['pages']} pages per form",
            f"{'form':<7}{'body kept':>18}{'boilerplate left':>20}{'title right':>16}{'published':>16}"
            f"{'authors P/R/F1':>22}"]
    for name, scores in [*result["forms"].items(), ("total", result["total"])]:
        def share(key: str, s: dict[str, Any] = scores) -> str:
            return f"{s[key]['value']:.3f} ({s[key]['hits']}/{s[key]['total']})"
        authors = scores["authors"]
        rows.append(f"{name:<7}{share('body_kept'):>18}{share('boilerplate_left'):>20}{share('title_right'):>16}"
                    f"{share('published_right'):>16}"
                    f"{authors['precision']:>8.3f}{authors['recall']:>7.3f}{authors['f1']:>7.3f}")
    for name, scores in result["forms"].items():
        rows.append(f"{name}: {scores['summary']}")
    return "\n".join(rows + result.get("failures", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="a cleaning gold file (tests/heldout/cleaning-dev.jsonl)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--details", action="store_true", help="list each page's failures (dev half only)")
    parser.add_argument("--keep", type=Path, help="render and run in this (new) folder and keep it")
    args = parser.parse_args(argv)
    if args.details and "-test" in Path(args.gold).name:
        parser.error("--details prints the text of the pages: the test half is scored, never read")
    result = evaluate_file(args.gold, details=args.details, keep=args.keep)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
