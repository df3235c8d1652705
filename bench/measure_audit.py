"""Self-supervised audit of figure measures: counts whose measure vnie gets right, re-framed.

Takes the matched count figures of the extraction-dev passages (a number and its counted noun,
"82.848 lượt", "288 đảng viên") whose vnie measure agrees with the gold measure, and runs the
extractor on short sentences that state the same count with the measure put another way:

- `alone`: "Năm 2020, {count}." the count alone (the control of what the unit says by itself);
- `colon-label`: the measure fronted as a label with a colon ("Khách quốc tế: 82.848 lượt.");
- `so-la`: "Số {measure} là {count}." ("Số khách quốc tế là 82.848 lượt.");
- `label-link`: "{Measure} đạt {count}." ("Khách quốc tế đạt 82.848 lượt.");
- `label-estimate`: "{Measure} ước đạt {count}." (the estimate the segmenter joins to the link);
- `next-item`: "{Other} đạt 10 {unit} và {measure} đạt {count}." (the second item of a list);
- `place-items`: "Tổng số {measure} là {count}, gồm: Hà Nam 30 {unit}, Thái Bình 20 {unit}." (a
  breakdown by place: each item counts the lead's measure, the place is whose it is; 30 is judged);
- `colon-items`: "Tổng số {measure} là {count}, trong đó: Hà Nam: 30, Thái Bình: 20." (items
  labelled with a colon, the unit inherited);
- `repeated-unit`: "Năm 2019 có {count} {measure}, năm 2020 thêm 25 {unit}." (a bare unit after the
  full phrase earlier: the later count is of the same thing; 25 is judged).
- `total-link`: "Tổng số {measure} đạt {count}." (a measure opener before the label says the count is a
  total of it, and is no part of what is measured: kept only when the measure agrees and leaves it out);
- `passive-link`: "{Measure} được công nhận đạt {count}." (a passive clause qualifying the label
  before the link: the label runs past it).
- `passive-place`: "{Measure} tại xã Tân Phú được công nhận đạt {count}." (the label says where with a
  locative before its passive clause: the place stays out of the measure and is the subject; kept
  only when the measure agrees and the subject is the place).

The `amount-` frames state money and measure amounts ("1.982 triệu đồng", "6200m2") instead of counts:
- `amount-link`: "{Measure} đạt {amount}." (the control: the label before the link);
- `amount-next-verb`: "{Measure} đạt {amount} giúp cho ngành tăng trưởng." (the next clause's verb
  right after the amount, cut off by its preposition: not what the amount is);
- `amount-determiner`: "Các {measure} đạt {amount}." (a plural determiner before the label picks out,
  it is not what is measured: kept only when the measure agrees and leaves "các" out).

Only the counts whose `alone` frame loses the measure are audited (the unit by itself names
nothing: "lượt", "người", "đồng chí"). A frame keeps the measure when it still agrees with the
gold's (`kept`); else it `changed`, is `null` or the figure is `lost`.

    PYTHONPATH=$PWD python bench/measure_audit.py
    PYTHONPATH=$PWD python bench/measure_audit.py --frame next-item --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.frame_audits import FrameTally, frame_audit_args, verdict  # noqa: E402
from pipeline.evaluate import attribute_agrees, gold_documents, matched_figures  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.extract.measure import unit_kind  # noqa: E402

OTHER = "Khách nội địa"  # the first item of a list the audited count closes
PLACE = "xã Tân Phú"  # a place a label names with a locative


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """The measure with its first letter lowered unless it opens a name (two capitals in a row)."""
    words = text.split(" ", 2)
    if text[:1].isupper() and len(words) > 1 and words[1][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


FRAMES: dict[str, Callable[[str, str, str], str]] = {
    "alone": lambda measure, count, unit: f"Năm 2020, {count}.",
    "colon-label": lambda measure, count, unit: f"{_upper_first(measure)}: {count}.",
    "so-la": lambda measure, count, unit: f"Số {_lower_first(measure)} là {count}.",
    "label-link": lambda measure, count, unit: f"{_upper_first(measure)} đạt {count}.",
    "label-estimate": lambda measure, count, unit: f"{_upper_first(measure)} ước đạt {count}.",
    "next-item": lambda measure, count, unit: (
        f"{OTHER} đạt 10 {unit} và {_lower_first(measure)} đạt {count}."
    ),
    "place-items": lambda measure, count, unit: (
        f"Tổng số {_lower_first(measure)} là {count}, gồm: Hà Nam 30 {unit}, Thái Bình 20 {unit}."
    ),
    "colon-items": lambda measure, count, unit: (
        f"Tổng số {_lower_first(measure)} là {count}, trong đó: Hà Nam: 30, Thái Bình: 20."
    ),
    "repeated-unit": lambda measure, count, unit: (
        f"Năm 2019 có {count} {_lower_first(measure)}, năm 2020 thêm 25 {unit}."
    ),
    "total-link": lambda measure, count, unit: f"Tổng số {_lower_first(measure)} đạt {count}.",
    "passive-link": lambda measure, count, unit: f"{_upper_first(measure)} được công nhận đạt {count}.",
    "passive-place": lambda measure, count, unit: (
        f"{_upper_first(measure)} tại {PLACE} được công nhận đạt {count}."
    ),
    "amount-link": lambda measure, count, unit: f"{_upper_first(measure)} đạt {count}.",
    "amount-next-verb": lambda measure, count, unit: (
        f"{_upper_first(measure)} đạt {count} giúp cho ngành tăng trưởng."
    ),
    "amount-determiner": lambda measure, count, unit: f"Các {_lower_first(measure)} đạt {count}.",
}
AMOUNT_KINDS = ("money", "measure")  # the `amount-` frames state these; the others, counts
JUDGED = {"place-items": 30.0, "colon-items": 30.0, "repeated-unit": 25.0}  # the item, not the lead
PLACED = {"passive-place": PLACE}  # frames whose figure must also take the place as its subject
# frames kept only by a measure without that determiner
DETERMINED = {"amount-determiner": "các", "total-link": "tổng số"}


Count = tuple[str, str, str, str, float]  # file stem, gold measure, count as written, unit, value


def right_counts(paths: list[str], kinds: tuple[str, ...] = ("noun",)) -> list[Count]:
    """(file stem, gold measure, count as written, unit, value) of the counts (or amounts of `kinds`)
    vnie measures right, written as a number and its unit ("82.848 lượt"), each once."""
    out, seen = [], set()
    for path in paths:
        for gold, doc in gold_documents(path):
            for mine, theirs in matched_figures(extract(doc).get("figures", []), gold.get("figures", [])):
                measure, text, unit = theirs.get("measure"), mine.get("text") or "", mine.get("unit")
                if not measure or not unit or unit_kind(unit) not in kinds or mine.get("qualifier"):
                    continue
                if not attribute_agrees("measure", mine.get("measure"), measure):
                    continue
                if not text.endswith(unit) or not text[:1].isdigit() or (measure, text) in seen:
                    continue
                seen.add((measure, text))
                out.append((Path(path).stem, measure, text, unit, float(mine["value"])))
    return out


def judge(
    framed: str, measure: str, value: float, subject: str | None = None, determiner: str | None = None
) -> tuple[str, str | None]:
    """Whether the framed text's last figure of that value keeps the measure (without `determiner`
    opening it, when given; containment alone would pass "các X") and takes `subject`, when given:
    (kind, what it took)."""
    figures = [f for f in extract(build_document(text=framed)).get("figures", []) if f.get("value") == value]
    last = figures[-1] if figures else None

    def holds(got: str) -> bool:
        opened = determiner is not None and got.casefold().startswith(f"{determiner} ")
        return attribute_agrees("measure", got, measure) and not opened

    kind, got = verdict(last, "measure", holds)
    if kind == "kept" and subject and last and not attribute_agrees("subject", last.get("subject"), subject):
        return "changed", f"{got} (subject {last.get('subject')!r})"
    return kind, got


def main() -> int:
    args, paths = frame_audit_args(__doc__, FRAMES, "count")
    frames = args.frame or list(FRAMES)
    amounts = [f for f in frames if f.startswith("amount-")]
    if amounts:
        audit(right_counts(paths, AMOUNT_KINDS), amounts, "amounts", args)
    counts = [f for f in frames if not f.startswith("amount-")]
    if counts:
        audit(right_counts(paths), counts, "counts", args)
    return 0


def audit(counts: list[Count], frames: list[str], what: str, args: argparse.Namespace) -> None:
    """Run the frames on the counts (or amounts) whose unit alone names nothing; print the table."""
    tally = FrameTally(frames)
    needed = []  # the counts whose unit alone does not say what is counted: the label must
    for stem, measure, text, unit, value in counts:
        if judge(FRAMES["alone"](measure, text, unit), measure, value)[0] == "kept":
            continue
        needed.append(stem)
        for frame in frames:
            framed = FRAMES[frame](measure, text, unit)
            judged = JUDGED.get(frame, value)
            kind, got = judge(framed, measure, judged, PLACED.get(frame), DETERMINED.get(frame))
            tally.add(frame, kind, stem, f"{text!r}: {measure!r} -> {got!r}", framed, frame != "alone")
    print(f"{len(counts)} {what} vnie measures right; {len(needed)} whose unit alone names nothing, "
          f"{len(set(needed))} {'test' if args.test_half else 'dev'} files")
    tally.print(args.details)


if __name__ == "__main__":
    raise SystemExit(main())
