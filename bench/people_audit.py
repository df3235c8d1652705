"""Self-supervised audit of people: full names vnie already finds, written again in the forms unseen
pages use, and names put where a body or a doctrine, not a person, stands.

Takes the gold people of the extraction-dev passages that vnie finds exactly there (Vietnamese full
names of two to four syllables, led by a known surname), writes each into short texts and checks that a
person entry has a mention exactly on the name with that name:
- title: after a title and its body ("Phó Chủ tịch UBND tỉnh X cho biết");
- term: after a title, its body and a term of office ("Bí thư Đảng ủy nhiệm kỳ 2020-2025 X");
- glued: a title right after the name without a comma ("đồng chí X Phó Giám đốc Sở Tài chính");
- abbrev: after an abbreviated title with its dot ("PGS.TS. X");
- capitals: written in capitals after "đồng chí" ("đồng chí NGUYỄN VĂN A"); name in capital initials;
- list: the second and third of three names after one cue ("các đồng chí: A, Phó Bí thư; B và C");
- list-described: the same after a description between the cue and its colon ("các đồng chí lãnh
  đạo tỉnh Gia Lai: A, ...");
- cap-honorific: each of three items opened by a capitalised honorific after a colon ("gồm: Anh A,
  anh B và anh C"): the name without the honorific;
- lower-middle: a middle name written in lower case ("Cô Lại thị Ngọc Trân"): the name as written.
Negatives (`not-`): no person mention may stand inside the name of a fund, a school or a street named
after the person ("Quỹ học bổng X", "Trường THCS X", "đường X"), nor in a company's after a title
("Tổng Giám đốc Công ty X": the title's body, not its holder).

    PYTHONPATH=$PWD python bench/people_audit.py [--details] [--limit N]

Refuses the score-only `-test` files; by default reads every extraction-dev file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from org_extent_audit import found_names  # noqa: E402

from bench.frame_audits import print_form_rows  # noqa: E402
from bench.halves import audit_paths  # noqa: E402
from pipeline.evaluate import _name  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.extract.kinds.people import looks_foreign, patterns  # noqa: E402

MIDDLE = ("Văn", "Thị")


def people_at(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entry name) of each person mention the extractor finds in the body."""
    return [(m["start"], m["end"], e["name"]) for e in extract(build_document(text)).get("people", [])
            for m in e.get("mentions", []) if m.get("field") == "text"]


def judge(text: str, written: str, name: str, after: int = 0) -> str:
    """"ok" when a person mention sits exactly on `written` (from `after` on) named `name`; else
    missed, extent (a mention overlaps it) or name."""
    at = text.find(written, after)
    span = (at, at + len(written))
    best = "missed"
    for start, end, got in people_at(text):
        if (start, end) == span:
            if _name({"name": got}) == _name({"name": name}):
                return "ok"
            best = "name"
        elif start < span[1] and end > span[0] and best == "missed":
            best = "extent"
    return best


def usable(names: list[str]) -> list[str]:
    """Vietnamese full names of two to four syllables led by a known surname."""
    surnames = patterns().surnames
    return [n for n in names if 2 <= len(n.split()) <= 4 and n.split()[0] in surnames
            and not looks_foreign(n.split()) and n == n.title()]


def positive_cases(names: list[str]) -> list[tuple[str, str, str, str, int]]:
    """(form, text, written, expected name, after) for each frame of each name."""
    cases: list[tuple[str, str, str, str, int]] = []
    for name in names:
        cases.append(("title", f"Phó Chủ tịch UBND tỉnh {name} cho biết kế hoạch đã xong.", name, name, 0))
        cases.append(("term", f"Bí thư Đảng ủy nhiệm kỳ 2020-2025 {name} cho biết kết quả.", name, name, 0))
        cases.append(("glued", f"Phát biểu tại hội nghị, đồng chí {name} Phó Giám đốc Sở Tài chính ghi nhận "
                      "kết quả.", name, name, 0))
        cases.append(("abbrev", f"Sau đó, PGS.TS. {name} trình bày tham luận.", name, name, 0))
        upper = name.upper()
        cases.append(("capitals", f"Tham dự có đồng chí {upper}, Bí thư Huyện ủy.", upper, name, 0))
        words = name.split()
        if len(words) == 3 and words[1] in MIDDLE:
            lowered = f"{words[0]} {words[1].lower()} {words[2]}"
            text = f"Cô {lowered} được bầu làm Chủ tịch Công đoàn."
            cases.append(("lower-middle", text, lowered, lowered, 0))
    for i in range(0, len(names) - 2, 3):
        a, b, c = names[i:i + 3]
        text = f"Tham dự có các đồng chí: {a}, Phó Bí thư Tỉnh ủy; {b} và {c}."
        cases.extend(("list", text, n, n, text.index(n)) for n in (b, c))
        text = f"Tham dự có các đồng chí lãnh đạo tỉnh Gia Lai: {a}, Phó Bí thư Tỉnh ủy; {b} và {c}."
        cases.extend(("list-described", text, n, n, text.index(n)) for n in (b, c))
        text = f"Các Phó Bí thư Tỉnh Đoàn gồm: Anh {a}, anh {b} và anh {c}."
        cases.extend(("cap-honorific", text, n, n, text.index(n)) for n in (a, b, c))
    return cases


def negative_cases(names: list[str]) -> list[tuple[str, str, str]]:
    """(form, text, written) where no person mention may stand inside `written`."""
    cases = []
    for name in names:
        # a title before a company named after a person: the title's body, not its holder
        cases.append(("company", f"Tổng Giám đốc Công ty {name} cho biết kết quả.", f"Công ty {name}"))
        if len(name.split()) >= 3:
            cases.append(("fund", f"Tỉnh đoàn phối hợp với Quỹ học bổng {name} trao 50 suất học bổng.",
                          f"Quỹ học bổng {name}"))
            cases.append(("school", f"Hôm qua, Trường THCS {name} tổ chức lễ khai giảng.",
                          f"Trường THCS {name}"))
            cases.append(("street", f"Trụ sở mới nằm trên đường {name}, gần chợ.", f"đường {name}"))
    return cases


def judge_negative(text: str, written: str) -> bool:
    """Is no person mention inside `written`?"""
    at = text.find(written)
    return not any(s >= at and e <= at + len(written) for s, e, _n in people_at(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--details", action="store_true", help="print each failure")
    parser.add_argument("--limit", type=int, default=0, help="audit the first N names only")
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, False)]
    names = usable([surface for _stem, surface in found_names(paths, "people")])
    if args.limit:
        names = names[:args.limit]
    results: Counter[tuple[str, str]] = Counter()
    details: list[str] = []
    for form, text, written, name, after in positive_cases(names):
        verdict = judge(text, written, name, after)
        results[(form, verdict)] += 1
        if verdict != "ok" and args.details:
            details.append(f"{form:13} {verdict:7} {written!r}  in: {text[:100]}")
    for form, text, written in negative_cases(names):
        ok = judge_negative(text, written)
        results[(f"not-{form}", "ok" if ok else "wrong")] += 1
        if not ok and args.details:
            details.append(f"not-{form:9} wrong   {written!r}  in: {text[:100]}")
    print(f"{len(names)} names\nform           ok/all     share   failures")
    print_form_rows(results, 14)
    if details:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
