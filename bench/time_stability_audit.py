"""Self-supervised audit of figure time: a figure dated right keeps its time when its date phrase moves.

Takes the figures of the extraction-dev passages whose time vnie gets right (it agrees with the gold)
from the one date their sentence names, read on that sentence alone. Rewrites the sentence so the
period stays the same and only its wording moves, runs the extractor on each rewrite alone (same
publication date) and counts per rewrite whether the figure keeps its time:

- `to-end`: a date phrase opening the sentence ("Năm 2020, X.") moved to its end ("X trong năm 2020.");
- `to-front`: a date phrase closing the sentence ("X trong năm 2020.") moved to its front;
- `after-figure`: a date phrase opening the sentence moved right after the figure ("X kết nạp 300 đảng
  viên trong năm 2020, ...");
- `before`: the opening date phrase moved to a sentence of its own before ("Năm 2020, tỉnh triển khai
  nhiều giải pháp. X."): the paragraph's period;
- `base-same`: a comparison base added after the figure's clause ("..., tăng so với cùng kỳ năm 2019");
- `base-year`: the same with a plain year ("..., cao hơn so với năm 2019");
- `base-front`: a comparison base opening the sentence ("So với năm 2019, năm 2020 ...");
- `source-front`: a source opening the sentence ("Theo báo cáo của UBND tỉnh, năm 2020 ...");
- `doc-span`, `doc-year`: a document named with a period of other years opening the sentence ("Thực
  hiện Kế hoạch phát triển kinh tế - xã hội giai đoạn 2015 - 2019, năm 2020 ..."): the document's
  period is no time of the figure;
- `to-headline`: a date phrase opening the sentence moved to the headline of a report whose body never
  restates it (headline "Kết quả công tác năm 2020", body "X."): the article's period;
- `issued-between`: the `before` rewrite with a sentence between naming a numbered document's issue
  day ("Năm 2020, ... . Theo Quyết định số 123/QĐ-UBND ngày 15/3/2020, ... . X."): the day is the
  document's, the paragraph's period goes on; `issuer-between` writes the issuer between the document
  and its day ("Quyết định số 123/QĐ-UBND của UBND tỉnh ngày 15/3/2020");
- `standing-between`: the `before` rewrite with a standing attribute between, whose sentence names
  the year of another event ("Xã có diện tích tự nhiên 4.125 ha, được thành lập năm 1999");
- `whole-year`: for a figure dated by a year from the phrase opening its sentence, that phrase replaced
  by nine months of the year in a sentence of its own before and "Cả năm," opening the figure's
  ("9 tháng đầu năm 2020, ... . Cả năm, X."): the whole year, not the paragraph's months;
- `day-before`: for a figure dated by a year, a sentence of its own before naming a day of that year
  ("Ngày 15/12/2020, tỉnh tổ chức hội nghị. X ... năm 2020."): the day is the paragraph's, the year
  the sentence's own.

    PYTHONPATH=$PWD python bench/time_stability_audit.py
    PYTHONPATH=$PWD python bench/time_stability_audit.py --rewrite to-end --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import gold_documents, matched_figures  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402

# words that open a date phrase and move with it ("Trong năm 2020", "Tính đến ngày 30/6")
CUES = (
    "tính đến hết", "tính đến", "tính từ", "trong", "đến hết", "đến", "từ", "vào", "qua", "cuối", "đầu"
)
NEUTRAL = "tỉnh tiếp tục triển khai nhiều giải pháp"  # a clause with no figure, no place, no date
REWRITES = (
    "to-end", "to-front", "after-figure", "before", "base-same", "base-year", "base-front", "source-front",
    "day-before", "doc-span", "doc-year", "to-headline", "issued-between", "issuer-between",
    "standing-between", "whole-year",
)
EVENT = "tỉnh tổ chức hội nghị tổng kết"  # a clause naming an event, no figure, no place
HEADLINE = "Kết quả công tác"  # a report's headline, no figure, no place, no date
TITLE_BREAK = "\n\n"  # splits a `to-headline` rewrite into its headline and its body
PLAN = "Thực hiện Kế hoạch phát triển kinh tế - xã hội"  # a document's name, no figure, no place
ISSUED = "Theo Quyết định số 123/QĐ-UBND"  # a numbered document, its issue day to follow
# a standing attribute whose sentence names the year of another event: no period of the paragraph
STANDING = "Xã có diện tích tự nhiên 4.125 ha, được thành lập năm 1999"


def _alone(text: str, published: str | None, title: str | None = None) -> dict:
    """The extractor's record for `text` as a passage of its own (under `title`, if any)."""
    doc = build_document(
        text=text, title=title, captions=[], meta=[], published=published, outlet=None, province=None
    )
    return extract(doc)


def _phrase(sentence: str, date: dict) -> tuple[int, int] | None:
    """Start and end of a date mention with the cue word before it, or None when not found."""
    at = sentence.find(date["text"])
    if at < 0:
        return None
    head = sentence[:at].rstrip().casefold()
    for cue in CUES:
        if head.endswith(cue) and (len(head) == len(cue) or not head[-len(cue) - 1].isalnum()):
            return sentence.casefold().rfind(cue, 0, at), at + len(date["text"])
    return at, at + len(date["text"])


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def rewrites(sentence: str, date: dict, year: int, figure: str) -> dict[str, str]:
    """Each rewrite of `sentence` that applies, by name."""
    out: dict[str, str] = {}
    span = _phrase(sentence, date)
    body = sentence.rstrip()
    stop = body[-1] if body[-1:] in ".;!" else ""
    body = body[: len(body) - len(stop)].rstrip()
    if span:
        start, end = span
        phrase = sentence[start:end]
        lead = phrase[: len(phrase) - len(date["text"])].strip()
        tail = sentence[end:].lstrip()
        if start == 0 and tail.startswith(","):
            rest = tail[1:].strip().rstrip(".;! ")
            moved = phrase if lead else f"trong {phrase[:1].lower()}{phrase[1:]}"
            out["to-end"] = f"{_cap(rest)} {moved[:1].lower()}{moved[1:]}."
            out["before"] = f"{_cap(phrase)}, {NEUTRAL}. {_cap(rest)}."
            # a document's issue day between the period and the figure dates the document, not the figure
            for name, issuer in (("issued-between", ""), ("issuer-between", " của UBND tỉnh")):
                issued = f"{ISSUED}{issuer} ngày 15/3/{year}, {NEUTRAL}"
                out[name] = f"{_cap(phrase)}, {NEUTRAL}. {issued}. {_cap(rest)}."
            out["standing-between"] = f"{_cap(phrase)}, {NEUTRAL}. {STANDING}. {_cap(rest)}."
            if len(date.get("value") or "") == 4:
                out["whole-year"] = f"9 tháng đầu năm {year}, {NEUTRAL}. Cả năm, {rest}."
            out["to-headline"] = f"{HEADLINE} {moved[:1].lower()}{moved[1:]}{TITLE_BREAK}{_cap(rest)}."
            if (at := rest.find(figure)) >= 0:
                cut = at + len(figure)
                out["after-figure"] = f"{_cap(rest[:cut])} {moved[:1].lower()}{moved[1:]}{rest[cut:]}."
        elif end >= len(body) and start > 0 and sentence[start - 1] == " ":
            rest = sentence[:start].rstrip(" ,")
            if not rest[:1].isupper() or rest.split()[0].isupper():
                pass  # keep an acronym's or a number's case as it is
            else:
                rest = rest[:1].lower() + rest[1:]
            out["to-front"] = f"{_cap(phrase)}, {rest}."
    out["base-same"] = f"{body}, tăng so với cùng kỳ năm {year - 1}."
    out["base-year"] = f"{body}, cao hơn so với năm {year - 1}."
    lowered = body if body.split()[0].isupper() else body[:1].lower() + body[1:]
    out["base-front"] = f"So với năm {year - 1}, {lowered}{stop or '.'}"
    out["source-front"] = f"Theo báo cáo của UBND tỉnh, {lowered}{stop or '.'}"
    # a period that names a document is no time of the figure the sentence goes on to report
    out["doc-span"] = f"{PLAN} giai đoạn {year - 5} - {year - 1}, {lowered}{stop or '.'}"
    out["doc-year"] = f"{PLAN} năm {year - 1}, {lowered}{stop or '.'}"
    if len(date.get("value") or "") == 4:
        out["day-before"] = f"Ngày 15/12/{year}, {EVENT}. {body}{stop or '.'}"
    return out


def cases(paths: list[str]):
    """(file stem, sentence, figure text, time, published, the sentence's one date) for figures vnie
    dates right from their sentence's one date, read on that sentence alone."""
    for path in paths:
        for gold, doc in gold_documents(path):
            record = extract(doc)
            published = gold.get("published") or None
            for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
                time, sentence = mine.get("time"), mine.get("sentence") or ""
                if not time or theirs.get("time") != time or "\n" in sentence:
                    continue
                alone = _alone(sentence, published)
                dates = alone.get("dates", [])
                same = [f for f in alone["figures"] if f.get("text") == mine.get("text")]
                if len(dates) != 1 or dates[0].get("value") != time:
                    continue
                if len(same) != 1 or same[0]["time"] != time:
                    continue
                stem = Path(path).stem.removeprefix("extraction-")
                yield stem, sentence, mine["text"], time, published, dates[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--rewrite", choices=REWRITES)
    parser.add_argument("--details", action="store_true", help="print each figure whose time moved")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.paths, args.test_half, args.details)]
    kept: Counter[str] = Counter()
    moved: dict[str, list[tuple]] = defaultdict(list)
    sites: dict[str, set[str]] = defaultdict(set)
    for stem, sentence, text, time, published, date in cases(paths):
        year = int(time[:4])
        for name, variant in rewrites(sentence, date, year, text).items():
            if args.rewrite and name != args.rewrite:
                continue
            title, _, body = variant.rpartition(TITLE_BREAK)
            found = [f for f in _alone(body, published, title or None)["figures"] if f.get("text") == text]
            if not found:
                continue
            if found[0].get("time") == time:
                kept[name] += 1
            else:
                moved[name].append((stem, variant, text, time, found[0].get("time")))
                sites[name].add(stem)
    print(f"{'rewrite':<10} {'kept':>5} {'moved':>5}  files")
    for name in REWRITES:
        if kept[name] or moved[name]:
            print(f"{name:<10} {kept[name]:>5} {len(moved[name]):>5}  {len(sites[name])}")
    if args.details:
        for name in REWRITES:
            for stem, variant, text, time, now in moved[name]:
                print(f"== {name} {stem} | {text!r}: {time} -> {now}\n   {variant[:400]}")


if __name__ == "__main__":
    main()
