"""Self-supervised audit of name extents: names vnie already finds put in neutral frames.

Takes the gold organisation names (or, with --kind, people or places) of the extraction-dev passages
that vnie finds exactly there, puts each (as the passage writes it) into frames that test where the
name ENDS (followed by a verb, a person, "và" + another body, a comma list, a place, "của") and where
it STARTS (preceded by "của", "với", "đại diện", a sentence start, a list colon), runs the extractor
on each framed sentence alone and counts per frame: exact, too long (an extent that holds the name
and more), too short (part of it), crossed (overlaps it, longer at one end and shorter at the other),
missed. People and places get frames of their own: a bare verb, a title or cue before, a list after.

    PYTHONPATH=$PWD python bench/org_extent_audit.py
    PYTHONPATH=$PWD python bench/org_extent_audit.py --frame end-person --details
    PYTHONPATH=$PWD python bench/org_extent_audit.py --kind people

Refuses the score-only `-test` files; by default reads every extraction-dev file (dev18-20 included).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.evaluate import _name, gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.ingest.decode import normalize_text  # noqa: E402

# {X} is the name; every other word is neutral (no second organisation except where the frame is one)
FRAMES: dict[str, str] = {
    "plain": "Hôm qua, {X} nhận bằng khen.",
    "end-verb": "Hôm qua, {X} đã tổ chức hội nghị tổng kết.",
    "end-person": "Thay mặt {X} đồng chí Nguyễn Văn An phát biểu chúc mừng.",
    "end-va": "Hôm qua, {X} và Hội Cựu chiến binh huyện ký kết quy chế phối hợp.",
    "end-comma": "Hôm qua, {X}, Hội Nông dân tỉnh, Đoàn Thanh niên xã đã ra quân.",
    "end-place": "Hôm qua, {X} tại xã Tân Phú nhận bằng khen.",
    "end-cua": "Hôm qua, {X} của địa phương nhận bằng khen.",
    "start-cua": "Đây là nhiệm vụ trọng tâm của {X} trong năm nay.",
    "start-voi": "Huyện đã ký kết chương trình phối hợp với {X} trong năm nay.",
    "start-daidien": "Đại diện {X} phát biểu tại buổi lễ.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
    "start-colon": "Đơn vị thực hiện: {X}.",
}
# a person's name after a title or alone, before a bare verb ("Nguyễn Văn An dự"), a list or a role
PERSON_FRAMES: dict[str, str] = {
    "plain": "Hôm qua, ông {X} nhận bằng khen.",
    "end-verb": "Hôm qua, ông {X} dự hội nghị tổng kết.",
    "end-bare-verb": "Hôm qua, {X} dự hội nghị tổng kết.",
    "end-comma": "Hôm qua, ông {X}, bà Lê Thị Hoa đã đến thăm.",
    "end-role": "Ông {X} - Chủ tịch UBND huyện phát biểu.",
    "end-said": "Theo ông {X} cho biết, tình hình đã ổn định.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
    "start-title": "Phó Chủ tịch UBND tỉnh {X} trao quà cho người dân.",
    "start-dongchi": "Đồng chí {X} phát biểu tại buổi lễ.",
}
# a place's name after "tại" (bare names alone are seldom places), before a bare verb or a list
PLACE_FRAMES: dict[str, str] = {
    "plain": "Hôm qua, bà con tại {X} nhận bằng khen.",
    "end-verb": "Người dân tại {X} đón nhận tin vui.",
    "end-comma": "Đoàn đã đến {X}, Hà Giang và Cao Bằng.",
    "start-tai": "Hội nghị diễn ra tại {X} trong hai ngày.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
}
FRAMES_OF = {"organizations": FRAMES, "people": PERSON_FRAMES, "locations": PLACE_FRAMES}
KINDS = ("exact", "too long", "too short", "crossed", "missed")
DEFAULT_GOLD = sorted(str(p) for p in (REPO / "tests/heldout").glob("extraction-dev*.jsonl"))


def _surface(text: str, name: str) -> str | None:
    """The name as the passage writes it, capitalised where some occurrence is, or None when absent."""
    folded, key = text.casefold(), name.casefold()
    forms = [text[m.start():m.start() + len(name)] for m in re.finditer(re.escape(key), folded)]
    return next((f for f in forms if f[:1].isupper()), forms[0] if forms else None)


def found_names(paths: list[str], kind: str = "organizations") -> list[tuple[str, str]]:
    """(file stem, surface name) for each gold name of the kind vnie finds exactly in its passage."""
    out: dict[str, str] = {}
    for path in paths:
        for gold, doc in gold_documents(path):
            text = normalize_text("\n".join(s.text for s in doc.segments))
            mine = {_name(x) for x in extract(doc).get(kind, [])}
            for item in gold.get(kind, []):
                key = _name(item)
                raw = item.get("name", "") if isinstance(item, dict) else str(item)
                surface = _surface(text, normalize_text(raw))
                if key in mine and surface and key not in out:
                    out[key] = f"{Path(path).stem}\t{surface}"
    return [tuple(v.split("\t")) for v in out.values()]  # type: ignore[misc]


def judge(sentence: str, name: str, found: list[str]) -> tuple[str, str]:
    """How the extracted organisations cover the name's place in the sentence: (kind, deciding extent)."""
    folded, want = _name(sentence), _name(name)
    start = folded.find(want)
    end = start + len(want)
    order = {k: i for i, k in enumerate(KINDS)}
    best = ("missed", "")
    for got in found:
        at = folded.find(got)
        if at < 0 or at >= end or at + len(got) <= start:
            continue  # another body of the frame, or not in the sentence as written
        if (at, at + len(got)) == (start, end):
            kind = "exact"
        elif at <= start and at + len(got) >= end:
            kind = "too long"
        elif at >= start and at + len(got) <= end:
            kind = "too short"
        else:
            kind = "crossed"
        if order[kind] < order[best[0]]:
            best = (kind, got)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: all of them)")
    parser.add_argument("--kind", choices=list(FRAMES_OF), default="organizations")
    parser.add_argument("--frame", action="append", help="frame names of the kind (default: all)")
    parser.add_argument("--details", action="store_true", help="print every name a frame gets wrong")
    args = parser.parse_args()
    paths = args.gold or DEFAULT_GOLD
    if any("-test" in p for p in paths):
        sys.exit("the -test files are score only: not read")
    names = found_names(paths, args.kind)
    kind_frames = FRAMES_OF[args.kind]
    frames = args.frame or list(kind_frames)
    if unknown := set(frames) - set(kind_frames):
        sys.exit(f"no such {args.kind} frame: {sorted(unknown)}")
    table: dict[str, Counter[str]] = {f: Counter() for f in frames}
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    wrong: list[str] = []
    for stem, name in names:
        for frame in frames:
            sentence = kind_frames[frame].replace("{X}", name)
            found = [_name(x) for x in extract(build_document(text=sentence)).get(args.kind, [])]
            kind, got = judge(sentence, name, found)
            table[frame][kind] += 1
            if kind != "exact":
                files[frame, kind].add(stem)
                wrong.append(f"  {frame:15} {kind:9} {stem:22} {name!r} -> {got!r}")
    print(f"{len(names)} {args.kind} names vnie finds exactly, from {len({s for s, _ in names})} dev files")
    print(f"{'frame':15} " + " ".join(f"{k:>9}" for k in KINDS) + "  files(long/short/missed)")
    for frame in frames:
        spread = "/".join(str(len(files[frame, k])) for k in ("too long", "too short", "missed"))
        print(f"{frame:15} " + " ".join(f"{table[frame][k]:9d}" for k in KINDS) + f"  {spread}")
    if args.details:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
