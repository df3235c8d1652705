"""Self-supervised audit of bylines: the cleaning-dev pages' text dumps with bylines taken away,
moved, reworded, and with byline-like lines that name no person added.

Forms (each a text dump as `bench/cleaning_audit.py` renders it; only the clean stage runs):
`base` as it is; `nobyline` with every meta line that carries a gold author left out (the page then
has no author unless another line names one); `decoy-top` / `decoy-tail` with one byline-like line
that names no person put under the headline or under the article (per family, below); `moved` with
the bylines put at the other end of the article; `credit` with the byline rewritten "Bài và ảnh: X, Y";
`dashed` as "X - Y"; `unit` as "X, Y - " and the unit the authors work in (under a short headline
the longer byline must not be read as the headline); `dated` as "X, Y | " or "X, Y - " and a date;
`slashed` as "X, Y/" and the outlet; `stand-in` with the bylines left out and a
decoy in the first one's place (under the article on a page no one signs); `team` with the byline
replaced by "Nhóm PV" (no author); `linked` with five other pages' headlines listed under the article's
last line (its byline), no heading over them (a related list whose heading a dump lost). Per form it
counts false authors (given, not expected) and lost authors (expected, not given), by decoy family.

    PYTHONPATH=$PWD python bench/byline_audit.py
    PYTHONPATH=$PWD python bench/byline_audit.py --forms decoy-tail --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cleaning_audit import Line, _added, _origins, _others, _pick, _split, clean_text  # noqa: E402
from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import read_jsonl  # noqa: E402
from pipeline.text import casefold_words  # noqa: E402

# byline-like lines that name no person, by family; a page takes one of each family's shapes (the
# `headline` family is built from another page's title instead)
DECOYS: dict[str, list[str]] = {
    "unit": ["Ban Tuyên giáo", "BBT", "Phóng viên", "Văn phòng Huyện ủy", "Hội Nông dân xã",
             "Phòng Văn hóa - Thông tin"],
    "outlet": ["Theo Báo Nhân Dân", "Theo Báo Quảng Ninh", "Nguồn: Báo Tuổi Trẻ", "Theo VOV"],
    "photo": ["Ảnh: Internet", "Ảnh: Minh họa", "Ảnh minh họa: Tư liệu", "Ảnh: Nguồn Internet"],
    "signature": ["Tác giả bài viết: Đoàn TN xã Hòa Bình", "Người viết: Hội LHPN phường",
                  "Tác giả: Trung tâm Y tế huyện"],
    "ward": ["Phường Tân Định", "Xã Hòa An", "Thị trấn Phú Mỹ", "Khu phố 3"],
    "initials": ["UBND", "HĐND", "MTTQ", "TTVH-TT", "VP.UBND"],
    "dateline": ["Thứ hai, 12/10/2020", "Cập nhật: 08:30 15/03/2021", "Ngày 05 tháng 6 năm 2019"],
    # a slogan in capitals, its parts set off by commas as a byline's names are
    "slogan": ["CÔNG KHAI, DÂN CHỦ", "ĐOÀN KẾT, SÁNG TẠO", "KỶ CƯƠNG, TRÁCH NHIỆM", "AN TOÀN, HIỆU QUẢ",
               "Dân Chủ, Kỷ Cương", "An Toàn, Hiệu Quả"],
    # a body's name opened by a word that is also a family name ("Đoàn": a delegation or a union)
    "body": ["Đoàn Cục Kiểm Lâm", "Đoàn Sở Y Tế", "Đoàn Viện Kiểm Sát", "ĐOÀN XÃ HÒA AN",
             "Đoàn Huyện Phú Lương"],
    # a section's name, capitalised as a menu prints it
    "section": ["Tin Tức Sự Kiện", "THỜI SỰ", "Hoạt Động Đoàn", "Xã Hội"],
}
FAMILIES = [*DECOYS, "headline"]
FORMS = ["base", "nobyline", "decoy-top", "decoy-tail", "stand-in", "moved", "credit", "dashed", "unit",
         "dated", "slashed", "team", "linked"]
LINKED = 5  # other pages' headlines listed under the article in the `linked` form
# the units a byline may name after its dash, one per page
UNITS = ["Trung tâm Y tế huyện Phú Bình", "Sở Tư pháp Sơn La", "Báo Quảng Ninh",
         "Ban Tuyên giáo Huyện ủy Đại Lộc"]


def _fold(name: str) -> str:
    return casefold_words(name, nfc=True)


def _bylines(lines: list[Line], authors: list[str]) -> list[int]:
    """The meta lines that carry a gold author."""
    folded = [_fold(a) for a in authors]
    return [i for i, x in enumerate(lines)
            if x["class"] == "meta" and any(a in _fold(x["text"]) for a in folded)]


def _headline(golds: list[dict[str, Any]], me: int) -> str:
    """Another page's title cut to its first four words, capitalised as a related-story link."""
    other = golds[(me + 1) % len(golds)].get("title") or "Tin liên quan"
    cut = " ".join(other.split()[:4])
    return cut.upper() if _pick(golds[me]["key"]["url"], "case", 2) else cut.title()


def _decoy(family: str, golds: list[dict[str, Any]], me: int) -> str:
    if family == "headline":
        return _headline(golds, me)
    shapes = DECOYS[family]
    return shapes[_pick(golds[me]["key"]["url"], family, len(shapes))]


def _insert(lines: list[Line], at_top: bool, new: list[Line]) -> list[Line]:
    """`new` under the headline (above the article if it has none) or under the article's last line."""
    top, article, tail = _split(lines)
    if at_top:
        under = next((k + 1 for k, x in enumerate(article) if x["class"] == "title"), 0)
        return [*top, *article[:under], *new, *article[under:], *tail]
    return [*top, *article, *new, *tail]


def perturb(form: str, golds: list[dict[str, Any]], me: int,
            family: str = "") -> tuple[list[Line], list[str]]:
    """The page's lines as the form renders them, and the authors expected."""
    gold = golds[me]
    authors = list(gold.get("authors") or [])
    lines = _origins(gold)
    if form.startswith("decoy"):
        added = [{"text": _decoy(family, golds, me), "class": "boilerplate", "origin": "added"}]
        return _insert(lines, form == "decoy-top", added), authors
    if form == "stand-in":
        return _stand_in(lines, authors, _decoy(family, golds, me))
    if form == "linked":
        titles = _others(golds, me, lambda other: [other["title"]] if other.get("title") else [], LINKED)
        return _insert(lines, False, _added(titles)), authors
    found = _bylines(lines, authors)
    if form == "base" or not found:
        return lines, authors
    rest = [x for i, x in enumerate(lines) if i not in found]
    if form == "nobyline":
        left = " ".join(_fold(x["text"]) for x in rest)
        return rest, [a for a in authors if _fold(a) in left]
    bylines = [lines[i] for i in found]
    if form == "moved":
        first_body = next((i for i, x in enumerate(lines) if x["class"] == "body"), len(lines))
        at_top = all(i > first_body for i in found)  # under the article: moved up, and the other way
        if at_top and not any(x["class"] == "title" for x in rest):
            return lines, authors  # no headline to stand under: the name would be read as the headline
        return _insert(rest, at_top, bylines), authors
    if form == "team":  # in the byline's own place
        return _replace(lines, found, "Nhóm PV"), []
    if form == "unit":
        unit = UNITS[_pick(gold["key"]["url"], "unit", len(UNITS))]
        return _replace(lines, found, f"{', '.join(authors)} - {unit}"), authors
    if form == "dated":
        mark = (" | ", " - ")[_pick(gold["key"]["url"], "dated", 2)]
        return _replace(lines, found, f"{', '.join(authors)}{mark}12/10/2020 10:03"), authors
    if form == "slashed":
        return _replace(lines, found, f"{', '.join(authors)}/VOV.VN"), authors
    if form == "dashed" and len(authors) < 2:
        return lines, authors
    joined = ", ".join(authors) if form == "credit" else " - ".join(authors)
    text = f"Bài và ảnh: {joined}" if form == "credit" else joined.upper() if len(authors) == 1 else joined
    return _replace(lines, found, text), authors


def _stand_in(lines: list[Line], authors: list[str], decoy: str) -> tuple[list[Line], list[str]]:
    """A page no one signs, a decoy where its byline stood (under the article when it had none)."""
    found = _bylines(lines, authors)
    if not found:
        return _insert(lines, False, [{"text": decoy, "class": "boilerplate", "origin": "added"}]), authors
    rest = [x for i, x in enumerate(lines) if i not in found[1:]]
    left = " ".join(_fold(x["text"]) for i, x in enumerate(lines) if i not in found)
    new = {"text": decoy, "class": "boilerplate", "origin": lines[found[0]]["origin"]}
    return [new if x is lines[found[0]] else x for x in rest], [a for a in authors if _fold(a) in left]


def _replace(lines: list[Line], found: list[int], text: str) -> list[Line]:
    """The first byline's text replaced, the others left out."""
    new = {"text": text, "class": "meta", "origin": lines[found[0]]["origin"]}
    return [new if i == found[0] else x for i, x in enumerate(lines) if i == found[0] or i not in found]


def _render(lines: list[Line], url: str) -> str:
    return ("\n\n", "\n")[_pick(url, "blank", 2)].join(x["text"] for x in lines) + "\n"


def audit(path: Path, form: str, family: str, details: bool) -> Counter:
    """False and lost authors of the form over the file's pages."""
    golds = read_jsonl(path)
    tally: Counter = Counter()
    for i, gold in enumerate(golds):
        lines, expected = perturb(form, golds, i, family)
        record = clean_text(_render(lines, gold["key"]["url"]), f"{path.stem}-{i:03d}.txt")
        given = {_fold(a): a for a in record.get("authors") or []}
        wanted = {_fold(a) for a in expected}
        false = [a for k, a in given.items() if k not in wanted]
        lost = [a for a in expected if _fold(a) not in given]
        tally["pages"] += 1
        tally["expected"] += len(wanted)
        tally["false"] += len(false)
        tally["lost"] += len(lost)
        if details and (false or lost):
            print(f"{path.stem} [{form}{':' + family if family else ''}] {gold['key']['url']}\n"
                  f"   false {false} lost {lost}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="cleaning-dev files (default: all of them)")
    parser.add_argument("--forms", default=",".join(FORMS), help=f"comma-separated, of {FORMS}")
    parser.add_argument("--details", action="store_true", help="print each page's false and lost authors")
    add_test_half(parser)
    args = parser.parse_args(argv)
    files = audit_paths(parser, "cleaning", args.files, args.test_half, args.details)
    for form in args.forms.split(","):
        for family in (FAMILIES if form.startswith("decoy") or form == "stand-in" else [""]):
            total: Counter = Counter()
            for path in files:
                total += audit(path, form, family, args.details)
            label = f"{form}:{family}" if family else form
            print(f"{label:<22} pages {total['pages']:>4} expected {total['expected']:>4} "
                  f"false {total['false']:>4} lost {total['lost']:>4}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
