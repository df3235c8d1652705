"""Self-supervised audit of the anchor of undated pages: dated pages read again without their date.

Takes a corpus run's records (each page's text, title, publication date and dates), reads every body
again with no publication date, and compares each date vnie gives it then with the date it gave the
same words on the dated page, per class of bench/date_errors.py (a term, a span of years counted back,
a part of a year, a yearless day, a written year): same value, other value, none (left undated), and
what the undated reading adds. The dated value is the truth: an undated page's anchor (its latest day,
its latest year) should give the same, or nothing when it cannot know.

    PYTHONPATH=$PWD python bench/undated_audit.py /tmp/base24-run/records.jsonl [--details CLASS]
Only pages holding a date without its year are read (a page of written years alone anchors nothing).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from date_errors import date_class  # noqa: E402

from pipeline.extract import build_document  # noqa: E402
from pipeline.extract.kinds import dates  # noqa: E402


def read_undated(record: dict) -> dict[int, str]:
    """The body's dates of a record read with no publication date: start -> value."""
    doc = build_document(record.get("text") or "", title=record.get("title"), published=None)
    return {m.start: str(m.attrs["value"]) for m in dates.find(doc) if m.field == "text"}


def main() -> None:
    """The command line: per class, how the undated reading compares with the dated one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("records", help="records.jsonl of a corpus run (dated pages)")
    parser.add_argument("--details", metavar="CLASS", help="print the differing dates of one class")
    args = parser.parse_args()
    counts: Counter = Counter()
    for line in Path(args.records).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        dated = {d["start"]: d for d in record.get("dates", []) if d.get("field") == "text"}
        if not record.get("published") or not any(d.get("inferred") for d in dated.values()):
            continue
        undated = read_undated(record)
        for start, d in dated.items():
            name, truth = date_class(d), str(d["value"])
            got = undated.get(start)
            side = "same" if got == truth else "none" if got is None else "other"
            counts[name, side] += 1
            if args.details == name and side != "same":
                print(f"{side:5} {d['text']!r:32} dated {truth:22} undated {got}")
        counts["(added)", "other"] += len(set(undated) - set(dated))
    names = sorted({n for n, _ in counts})
    print(f"{'class':14} {'same':>6} {'other':>6} {'none':>6}")
    for name in names:
        print(f"{name:14} {counts[name, 'same']:6d} {counts[name, 'other']:6d} {counts[name, 'none']:6d}")


if __name__ == "__main__":
    main()
