"""Self-supervised audit of organisation recall: bodies vnie already finds, named again in a later
sentence the way articles shorten a name, and non-bodies put where bodies stand.

Takes the gold organisation names of the extraction-dev passages that vnie finds exactly there
(bench/org_extent_audit.py's `found_names`), writes a two-sentence text that names the body whole
first, then again in a shorter form, runs the extractor on it and counts whether the short form is
found (as a mention of any organisation covering it exactly):
- head-dropped: a company's, group's or bank's name without its head ("Công ty Hòa Phát" ... "Hòa Phát");
- acronym: the name defined by its initials in brackets, then the initials alone ("Trung tâm Y tế
  huyện (TTYTH)" ... "TTYTH");
- lower-head: the head in lower case, for heads that keep their name in lower case ("bệnh viện X");
- place-dropped: a body named by lower-case words after its head, then an administrative word and its
  place, written without the place, as an article names its own unit's body ("Hội cựu chiến binh huyện
  Thanh Miện" ... "Hội cựu chiến binh huyện").
With no first sentence (`alone`) each short form is counted too: what vnie finds without the article's
evidence. Then places and people vnie finds (gold locations and people) are put in the same frames, where
a body would be the subject or the owner: each one taken as an organisation is a false body. Last, each
found name is put where a congress elects a committee, with and without "khóa mới" after it: a named body
stays one in both; only a committee named by heads alone ("Ban Chấp hành Đảng bộ") is the coming term's,
no body (`new-term`).

    PYTHONPATH=$PWD python bench/org_recall_audit.py [--details]

Reads every extraction-dev file by default; the score-only `-test` files only with `--test-half` alone
(pooled rows, no file named, no `--details`).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from org_extent_audit import found_names  # noqa: E402

from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.extract.org_rules import rules  # noqa: E402

FIRST = "Hôm qua, {X} đã tổ chức hội nghị tổng kết năm."
# {S} is the short form, or a place or person; each frame puts it where a body acts or owns
FRAMES: dict[str, str] = {
    "subject": "Trong năm nay, {S} đạt kết quả tốt.",
    "said": "{S} cho biết sẽ tiếp tục triển khai kế hoạch.",
    "owner": "Đây là kết quả của {S} trong năm qua.",
    "partner": "Huyện đã ký kết chương trình phối hợp với {S} trong năm nay.",
}
FORMS = ("head-dropped", "acronym", "lower-head", "place-dropped")
# a found name where a congress elects a committee: as it is, and as the coming term's ("khóa mới")
ELECTED = {
    "elected": "Đại hội đã bầu {S} gồm 9 đồng chí.",
    "new-term": "Đại hội đã bầu {S} khóa mới gồm 9 đồng chí.",
}
ADMIN_WORDS = ("tỉnh", "huyện", "xã", "quận", "phường", "thị xã", "thị trấn", "thành phố")


def _unit_without_place(head: str, rest: str) -> str | None:
    """The name up to its administrative word when, after the head, lower-case words describe the body
    and a lower-case administrative word and a capitalised place end it, else None."""
    words = rest.split()
    for n in range(1, len(words) - 1):
        for admin in ADMIN_WORDS:
            size = len(admin.split())
            place = words[n + size:]
            if " ".join(words[n:n + size]) == admin and place and all(w[:1].isupper() for w in place):
                described = all(w[:1].islower() for w in words[:n])
                return f"{head} {' '.join(words[:n + size])}" if described else None
    return None


_PLACED = re.compile(r"\d|\b(tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn|TP|Việt Nam|Trung ương)\b")


def _initial(word: str) -> str:
    """A syllable's first letter in capitals without its tone mark ("Ủy" -> "U", "Đảng" -> "Đ")."""
    first = word[0].upper()
    return first if first == "Đ" else unicodedata.normalize("NFD", first)[0]


def short_forms(name: str) -> dict[str, str]:
    """The shorter forms of a body's name this audit tries, by kind (only those that apply)."""
    r = rules()
    match = r.head_re.match(name.lower())
    head = r.heads.get(match.group()) if match and name[:1].isupper() else None
    forms: dict[str, str] = {}
    rest = name[match.end():].strip() if match else ""
    if head is not None and head.wrapper and rest[:1].isupper() and len(rest.split()) <= 4:
        forms["head-dropped"] = rest
    syllables = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    # initials as pages write them: each syllable's first letter, its tone dropped but Đ kept ("Ủy
    # ban Kiểm tra" -> "UBKT"); only for names with no acronym and no place inside, which pages
    # shorten to the initials of the body and the place's name left whole
    plain = all(not w.isupper() for w in syllables) and not _PLACED.search(name)
    if plain and 3 <= len(syllables) <= 7:
        forms["acronym"] = "".join(_initial(w) for w in syllables)
    if head is not None and head.lowercase == "keep" and rest[:1].isupper():
        forms["lower-head"] = name[:match.end()].lower() + name[match.end():]
    unit = _unit_without_place(name[:match.end()], rest) if head is not None and not head.closes else None
    if unit is not None:
        forms["place-dropped"] = unit
    return forms


def covered(text: str, short: str, start: int) -> bool:
    """Some organisation of the text has a mention exactly at `short`'s place from `start` on."""
    at = text.find(short, start)
    for entry in extract(build_document(text)).get("organizations", []):
        for mention in entry.get("mentions", []):
            if mention.get("field") == "text" and (mention["start"], mention["end"]) == (at, at + len(short)):
                return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--details", action="store_true", help="print each failure")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]
    found: Counter[tuple[str, str, str]] = Counter()
    details: list[str] = []
    for _stem, name in found_names(paths):
        for form, short in short_forms(name).items():
            for frame, template in FRAMES.items():
                body = template.replace("{S}", short)
                defined = FIRST.replace("{X}", f"{name} ({short})" if form == "acronym" else name)
                for context, text in (("article", f"{defined} {body}"), ("alone", body)):
                    start = len(defined) + 1 if context == "article" else 0
                    ok = covered(text, short, start)
                    found[(form, context, "found" if ok else "missed")] += 1
                    if not ok and args.details and context == "article":
                        details.append(f"{form:13} {frame:8} {name}  ->  {short}")
    taken: Counter[tuple[str, str]] = Counter()
    for kind in ("locations", "people"):
        for _stem, name in found_names(paths, kind):
            for frame, template in FRAMES.items():
                text = template.replace("{S}", name)
                wrong = covered(text, name, 0)
                taken[(kind, "taken" if wrong else "left")] += 1
                if wrong and args.details:
                    details.append(f"false body   {frame:8} {kind}: {name}")
    elected: Counter[str] = Counter()
    names = sorted({name for _stem, name in found_names(paths)})
    for name in names:
        kept = {frame: covered(template.replace("{S}", name), name, 0) for frame, template in ELECTED.items()}
        elected.update(frame for frame, ok in kept.items() if ok)
        if args.details and kept["elected"] and not kept["new-term"]:
            details.append(f"new term     {name}")
    print("short form      with the long form first      alone (no evidence)")
    for form in FORMS:
        cells = []
        for context in ("article", "alone"):
            ok, miss = found[(form, context, "found")], found[(form, context, "missed")]
            cells.append(f"{ok:4}/{ok + miss:<4} {ok / max(1, ok + miss):6.1%}")
        print(f"{form:15} {cells[0]:29} {cells[1]}")
    for kind in ("locations", "people"):
        bad, left = taken[(kind, "taken")], taken[(kind, "left")]
        print(f"false bodies: {kind:9} {bad}/{bad + left} taken as an organisation")
    total = len(names)
    print(f"elected: {elected['elected']}/{total} found; before \"khóa mới\": {elected['new-term']}/{total}")
    if details:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
