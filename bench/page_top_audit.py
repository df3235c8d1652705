"""Self-supervised audit of a page's top: the cleaning-dev pages with their dateline written as other
sites write it, moved, glued to the byline, and with the headline among other top furniture.

Date forms (each replaces the meta line that prints the gold publication date; pages without one are
left out of them): `weekday` ("Thứ Hai, 03/06/2021 09:15"), `dash` ("03/06/2021 - 09:15"), `timefirst`
("09:15 | 03-06-2021"), `updated` ("Cập nhật: 03/06/2021 09:15"), `posted` ("Ngày đăng: 03/06/2021 09:15"),
`gmt` ("03/06/2021 09:15 GMT+7"), `english` ("June 3, 2021 09:15"), `spaced` (a provincial portal's
"Đăng ngày 03 - 06 - 2021", its dashes set off by spaces), `glued` (the byline's name before
the date, "Nguyễn An - 03/06/2021 09:15", the byline line left out), `above` (the dateline above the
headline), `bottom` (the dateline under the article's last body line), `headglued` (the dateline on the
headline's line, the dateline line left out: "03/06/2021 09:15 - Headline", "Headline | 03/06/2021" or,
with its time, "Headline 03/06/2021 09:15"). Title forms: `crumb-above` and
`crumb-below` (a breadcrumb above or under the headline), `label` (a section label in capitals above
it), `section` (a section's name in mixed case under it, "Hoạt động của Thị xã"), `notice` (a
sentence of the site's, its hours or a greeting, above it, with the page's URL
spelling the headline), `masthead` (the site's name and a slogan in capitals above it), `slug` /
`slugoff` (the page's URL with the headline's own slug, or another page's; meaningful in `html` and
`jsonl` only). Each form is
rendered as a text dump (`txt`), an HTML page (`html`, as `bench/cleaning_eval.py` renders it) and a
crawler record whose content is the whole page (`jsonl`); only ingest and the clean stage run. Per form
and input: titles right, publication times right, authors lost and false, body lines lost.

    PYTHONPATH=$PWD python bench/page_top_audit.py                          # every form and input
    PYTHONPATH=$PWD python bench/page_top_audit.py --forms weekday,glued --inputs txt --details

Refuses the score-only `-test` files: they are scored, never read.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.byline_audit import _bylines  # noqa: E402
from bench.cleaning_audit import Line, _origins, _pick, _split, clean_raw  # noqa: E402
from bench.cleaning_eval import render_html, render_record, render_text, site_name  # noqa: E402
from pipeline.clean.published import prints_date  # noqa: E402
from pipeline.evaluate import as_ingested, paragraphs_of, read_jsonl  # noqa: E402
from pipeline.ingest.records import article_from_html_bytes, article_from_text_bytes, record_from_line  # noqa: E402
from pipeline.model import RawArticle  # noqa: E402
from pipeline.text import ascii_words, casefold_words  # noqa: E402

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DATE_FORMS = ["weekday", "dash", "timefirst", "updated", "posted", "gmt", "english", "spaced", "glued",
              "above", "bottom", "headglued", "icon"]
TITLE_FORMS = ["crumb-above", "crumb-below", "label", "section", "masthead", "notice", "slug", "slugoff",
               "echo"]
FORMS = ["base", *DATE_FORMS, *TITLE_FORMS]
INPUTS = ["txt", "html", "jsonl"]
CRUMBS = ["Trang chủ > Chính trị", "Trang chủ / Tin tức / Xây dựng Đảng", "Thời sự » Trong tỉnh",
          "Home > Kinh tế"]
LABELS = ["CHÍNH TRỊ", "TIN TỨC - SỰ KIỆN", "XÂY DỰNG ĐẢNG", "THỜI SỰ"]
# a section's name in mixed case, as a CMS prints it under the headline ("Hoạt động của Thị xã")
SECTIONS = ["Hoạt động của Thị xã", "Chính quyền - Đoàn thể", "Tin trong tỉnh", "Xây dựng Đảng"]
NOTICES = ["Chào mừng quý độc giả đến với trang thông tin điện tử, mọi ý kiến đóng góp xin gửi về hộp "
           "thư của Ban Biên tập.",
           "Trang đang chạy thử nghiệm, một số chức năng có thể chưa hoạt động ổn định, mong bạn đọc "
           "thông cảm.",
           "Giờ làm việc từ thứ Hai đến thứ Sáu hằng tuần, buổi sáng từ 7 giờ đến 11 giờ, buổi chiều từ "
           "13 giờ đến 17 giờ."]
# the names of the icons a page sets before its dateline, printed in their place by a text dump
ICONS = ["date", "schedule", "access_time", "calendar_today", "event"]
SLOGANS = ["CƠ QUAN CỦA ĐẢNG BỘ, CHÍNH QUYỀN VÀ NHÂN DÂN TỈNH", "TIẾNG NÓI CỦA ĐẢNG BỘ, CHÍNH QUYỀN"]


def _stamp(form: str, published: str, url: str) -> str:
    """The gold publication time written as the form writes it (with its time only when it has one)."""
    day = datetime.date.fromisoformat(published[:10])
    date = f"{day.day:02d}/{day.month:02d}/{day.year}"
    clock = published[11:16] if "T" in published else ""
    with_time = f"{date} {clock}".strip()
    if form == "weekday":
        return f"{WEEKDAYS[day.weekday()]}, {with_time}"
    if form == "dash":
        return f"{date} - {clock}" if clock else date
    if form == "timefirst":
        return f"{clock} | {day.day:02d}-{day.month:02d}-{day.year}" if clock else date.replace("/", "-")
    if form == "updated":
        clock_first = f"{clock} {date}".strip()
        return f"Cập nhật: {with_time}" if _pick(url, "updated", 2) else f"Cập nhật lúc {clock_first}"
    if form == "posted":
        return f"Ngày đăng: {with_time}"
    if form == "gmt":
        return f"{with_time} GMT+7" if _pick(url, "gmt", 2) else f"{with_time} (GMT+07:00)"
    if form == "spaced":
        return f"Đăng ngày {day.day:02d} - {day.month:02d} - {day.year} {clock}".strip()
    if form == "english":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year} {clock}".strip()
    return with_time


def _dateline(lines: list[Line], published: str | None) -> int | None:
    """The first meta line that prints the gold publication date."""
    if not published:
        return None
    return next((i for i, x in enumerate(lines)
                 if x["class"] == "meta" and prints_date(x["text"], published)), None)


def _headline(lines: list[Line]) -> int | None:
    return next((i for i, x in enumerate(lines) if x["class"] == "title"), None)


def _line(text: str, cls: str = "boilerplate", origin: str = "added") -> Line:
    return {"text": text, "class": cls, "origin": origin}


def _date_form(form: str, gold: dict[str, Any], lines: list[Line]) -> tuple[list[Line], list[str]] | None:
    """The page with its dateline rewritten or moved, and the authors expected (None: the form does not
    apply to the page)."""
    found, url = _dateline(lines, gold.get("published")), gold["key"]["url"]
    authors = list(gold.get("authors") or [])
    if found is None:
        return None
    dateline = lines[found]
    rest = [x for i, x in enumerate(lines) if i != found]
    if form in ("above", "bottom"):
        title = _headline(rest)
        if form == "above":
            if title is None:
                return None
            return [*rest[:title], dateline, *rest[title:]], authors
        last = max((i for i, x in enumerate(rest) if x["class"] == "body"), default=len(rest) - 1)
        return [*rest[:last + 1], dateline, *rest[last + 1:]], authors
    if form == "icon":  # the dateline as it stands, its icon's name on a line of its own over it
        return [*lines[:found], _line(ICONS[_pick(url, "icon", len(ICONS))]), *lines[found:]], authors
    stamp = _stamp(form, gold["published"], url)
    if form == "headglued":
        title = _headline(rest)
        if title is None or (title + 1 < len(rest) and rest[title + 1]["class"] == "title"):
            return None  # no headline, or one printed over several lines
        headline = rest[title]["text"]
        glued = [f"{stamp} - {headline}", f"{headline} | {stamp}"]  # a bare date: after a separator
        glued += [f"{headline} {stamp}"] if ":" in stamp else []
        line = {**rest[title], "text": glued[_pick(url, "headglued", len(glued))]}
        return [*rest[:title], line, *rest[title + 1:]], authors
    if form == "glued":
        bylines = [i for i in _bylines(lines, authors) if i != found]
        if len(authors) != 1 or not bylines:
            return None
        stamp = f"{authors[0]} - {stamp}"
        lines = [x for i, x in enumerate(lines) if i not in bylines[:1] or i == found]
        found = lines.index(dateline)
    return [*lines[:found], _line(stamp, "meta", dateline["origin"]), *lines[found + 1:]], authors


def _title_form(form: str, golds: list[dict[str, Any]], me: int, lines: list[Line]) -> list[Line] | None:
    gold, url = golds[me], golds[me]["key"]["url"]
    title = _headline(lines)
    if title is None:
        return None
    if form in ("crumb-above", "crumb-below"):
        crumb = _line(CRUMBS[_pick(url, "crumb", len(CRUMBS))])
        end = title  # under a headline printed over several lines: under its last one
        while form == "crumb-below" and end < len(lines) and lines[end]["class"] == "title":
            end += 1
        at = end if form == "crumb-below" else title
        return [*lines[:at], crumb, *lines[at:]]
    if form == "section":  # the section's name under the headline (under its last line)
        end = title
        while end < len(lines) and lines[end]["class"] == "title":
            end += 1
        return [*lines[:end], _line(SECTIONS[_pick(url, "section", len(SECTIONS))]), *lines[end:]]
    if form == "notice":  # a sentence of the site's over its headline, and the headline's URL
        return [*lines[:title], _line(NOTICES[_pick(url, "notice", len(NOTICES))]), *lines[title:]]
    if form == "label":
        return [*lines[:title], _line(LABELS[_pick(url, "label", len(LABELS))]), *lines[title:]]
    if form == "echo":  # the headline again (its photo's alt text), then a sub-heading, over the lead
        first = next((i for i, x in enumerate(lines) if i > title and x["class"] == "body"), None)
        subheading = golds[(me + 1) % len(golds)].get("title")
        if first is None or not subheading or lines[title + 1]["class"] == "title":
            return None  # no paragraph, no other headline to stand as the sub-heading, a headline over lines
        return [*lines[:first], _line(lines[title]["text"]), _line(subheading, "body"), *lines[first:]]
    if form == "masthead":
        site = site_name(gold).upper()
        slogan = SLOGANS[_pick(url, "slogan", len(SLOGANS))]
        top = _split(lines)[0]
        return [*top, _line(site), _line(slogan), *lines[len(top):]]
    return lines


def _slug(text: str) -> str:
    return "-".join(ascii_words(text)).lower()


def _url(form: str, golds: list[dict[str, Any]], me: int) -> str:
    gold = golds[me]
    if form not in ("slug", "slugoff", "notice"):
        return gold["key"]["url"]
    host = gold.get("host") or "example.vn"
    source = golds[(me + 1) % len(golds)] if form == "slugoff" else gold
    return f"https://{host}/tin-tuc/{_slug(source.get('title') or 'tin-moi')}-{1000 + me}.html"


def perturb(form: str, golds: list[dict[str, Any]], me: int) -> tuple[dict[str, Any], list[str]] | None:
    """The gold page as the form renders it (its lines in `top`, its URL in `key`) and the authors
    expected; None when the form does not apply to the page."""
    gold = golds[me]
    lines = _origins(gold)
    authors = list(gold.get("authors") or [])
    if form in DATE_FORMS:
        done = _date_form(form, gold, lines)
        if done is None:
            return None
        lines, authors = done
    elif form in TITLE_FORMS:
        changed = _title_form(form, golds, me, lines)
        if changed is None:
            return None
        lines = changed
    return {**gold, "top": lines, "tail": [], "key": {**gold["key"], "url": _url(form, golds, me)}}, authors


def _raw(page: dict[str, Any], kind: str, name: str) -> RawArticle | None:
    """The page read as vnie reads the input kind."""
    if kind == "txt":
        item = article_from_text_bytes(render_text(page).encode(), name, 10_000_000)
    elif kind == "html":
        item = article_from_html_bytes(render_html(page).encode(), name, "html", 10_000_000)
    else:
        line = json.dumps(render_record(page), ensure_ascii=False).encode()
        item = record_from_line(line, name, 1, 10_000_000)
    return item if isinstance(item, RawArticle) else None


def _fold(text: str | None) -> str:
    return casefold_words(text or "", nfc=True)


def audit(path: Path, form: str, kind: str, details: bool) -> Counter:
    """Titles and publication times right, authors lost and false, body lines lost, over the file."""
    golds = read_jsonl(path)
    tally: Counter = Counter()
    for i, gold in enumerate(golds):
        done = perturb(form, golds, i)
        if done is None:
            continue
        page, expected = done
        record = clean_raw(_raw(page, kind, f"{path.stem}-{i:03d}.{kind}"))
        paragraphs = paragraphs_of(record.get("text", ""))
        lost = [x["text"] for x in page["top"]
                if x["class"] == "body" and as_ingested(x["text"]) not in paragraphs]
        given = {_fold(a): a for a in record.get("authors") or []}
        wanted = {_fold(a) for a in expected}
        false = [a for k, a in given.items() if k not in wanted]
        missed = [a for a in expected if _fold(a) not in given]
        title_right = _fold(record.get("title")) == _fold(gold.get("title"))
        date_right = record.get("published") == gold.get("published")
        tally.update(pages=1, title=title_right, published=date_right, expected=len(wanted),
                     false=len(false), lost=len(missed), body_lost=len(lost),
                     body=sum(x["class"] == "body" for x in page["top"]))
        if details and not (title_right and date_right and not false and not missed and not lost):
            print(f"{path.stem} [{form}/{kind}] {page['key']['url']}")
            if not title_right:
                print(f"   title: {record.get('title')!r} (gold {gold.get('title')!r})")
            if not date_right:
                print(f"   published: {record.get('published')!r} (gold {gold.get('published')!r})")
            if false or missed:
                print(f"   authors false {false} lost {missed}")
            for text in lost[:3]:
                print(f"   body lost: {text[:100]}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="cleaning-dev files (default: all of them)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {FORMS}")
    parser.add_argument("--inputs", default=",".join(INPUTS), help=f"comma-separated, of {INPUTS}")
    parser.add_argument("--details", action="store_true", help="print each page with a wrong field")
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "tests" / "heldout").glob("cleaning-dev*.jsonl"))
    if any("-test" in f.name for f in files):
        parser.error("the -test files are scored, never read")
    for form in args.forms.split(","):
        for kind in args.inputs.split(","):
            t: Counter = Counter()
            for path in files:
                t += audit(path, form, kind, args.details)
            print(f"{form:<12}{kind:<6} pages {t['pages']:>4} title {t['title']:>4} "
                  f"published {t['published']:>4} authors false {t['false']:>3} "
                  f"lost {t['lost']:>3}/{t['expected']:<4} "
                  f"body lost {t['body_lost']:>3}/{t['body']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
