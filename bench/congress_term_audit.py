"""Frame audit of the terms a congress report names: the term it opens, the one it closes, its targets.

A congress (of a Party body or of a mass organisation, whose five-year cycles run from any year) is
written in one fixed report: the congress sentence with its term, a paragraph on the term before
("Nhiệm kỳ qua, ... kết nạp 1.200 hội viên"), the targets it sets ("Đại hội đã đề ra ...: phấn đấu
100% ...") and the committee it elects. The report is put on pages of every body and every year of
the cycle, dated the day after the congress, undated, or held a year into its term (a delayed
congress: "nhiệm kỳ 2020-2025" held in 2021). Per frame it counts whether each item takes the term the
structure gives it:

- `closed-date`: "Nhiệm kỳ qua" -> the term the congress closes; `closed-figure`: its paragraph's count;
- `new-date`: "nhiệm kỳ mới", "nhiệm kỳ tới" -> the term the congress opens;
- `targets`: the targets it sets -> the term it opens; `elected`: the committee it elects -> that term.

    PYTHONPATH=$PWD python bench/congress_term_audit.py [--details]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.extract import build_document, extract  # noqa: E402

BODIES = (
    "Đảng bộ xã Tân Phú",
    "Hội Nông dân huyện Đức Thọ",
    "Hội Liên hiệp Phụ nữ tỉnh Bình Định",
    "Đoàn Thanh niên thành phố Huế",
    "Hội Cựu chiến binh tỉnh Nam Định",
    "Công đoàn Công ty Điện lực Quảng Ninh",
)
FIRST_YEARS = range(2017, 2026)  # every phase of a five-year cycle
# how the page is dated: the day after the congress, not at all, or a year into the term it opens
DATINGS = ("next-day", "undated", "year-late")


def report(body: str, first: int, new_word: str) -> str:
    """The congress report, its term opening in `first`."""
    return (
        f"Ngày 12/8, {body} tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ {first}-{first + 5}.\n\n"
        f"Nhiệm kỳ qua, {body} đã kết nạp 1.200 hội viên mới.\n\n"
        "Đại hội đã đề ra 9 chỉ tiêu chủ yếu: phấn đấu 100% cơ sở đạt vững mạnh; "
        "kết nạp ít nhất 2.000 hội viên mới.\n\n"
        f"Đại hội đã bầu Ban Chấp hành {new_word} gồm 25 đồng chí."
    )


def checks(body: str, first: int, dating: str, new_word: str) -> dict[str, bool]:
    """Per item of the report, whether it takes the term its structure gives it."""
    held = first + 1 if dating == "year-late" else first
    published = None if dating == "undated" else f"{held}-08-13"
    record = extract(build_document(report(body, first, new_word), published=published))
    opened, closed = f"{first}/{first + 5}", f"{first - 5}/{first}"
    dates = {d["text"].lower(): d["value"] for d in record.get("dates", [])}
    times = {f["text"]: f.get("time") for f in record.get("figures", [])}
    return {
        "closed-date": dates.get("nhiệm kỳ qua") == closed,
        "closed-figure": times.get("1.200 hội viên") == closed,
        "new-date": dates.get(new_word) == opened,
        "targets": times.get("100%") == opened and times.get("2.000 hội viên") == opened,
        "elected": times.get("25 đồng chí") == opened,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--details", action="store_true", help="list each frame that fails")
    args = parser.parse_args()
    kept: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for dating in DATINGS:
        for new_word in ("nhiệm kỳ mới", "nhiệm kỳ tới"):
            for body in BODIES:
                for first in FIRST_YEARS:
                    for item, ok in checks(body, first, dating, new_word).items():
                        key = (dating, item if item != "new-date" else f"new-date ({new_word})")
                        total[key] += 1
                        kept[key] += ok
                        if args.details and not ok:
                            print(f"  {dating:9} {item:13} {new_word:13} {first} {body}")
    print(f"{'page':10} {'item':26} kept / frames")
    for key in sorted(total):
        print(f"{key[0]:10} {key[1]:26} {kept[key]:4} / {total[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
