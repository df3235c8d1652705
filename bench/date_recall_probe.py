"""Recall probe for dates on text nobody annotated: every place a date cue stands that no date mention
covers, grouped by shape (the cue, what follows it).

Two kinds of candidate:
- `cue`: a day, month, year or period word ("ngày", "hôm", "mùng", "tháng", "năm", "quý", "học kỳ",
  "nhiệm kỳ", "giai đoạn", "niên độ", "mùa", "dịp", "Tết", "thập niên", ...), a weekday ("thứ Hai",
  "thứ 2", "Chủ nhật") or a part of the day ("sáng", "chiều", "tối", ...) right before something a date
  is written with: a number in a date's shape (`d/m/y`, `d/m`, `m/y`, `y-y`, `y`, `d-d/m`, a bare `n`),
  a Roman numeral, a word of a relative date ("nay", "ngoái", "tới", "qua"...), a number or month in
  words ("tháng Chín"), a weekday, or (after "dịp", "mùa", "Tết") a capitalised word ("dịp Tết");
  the shape is `cue what-follows` ("ngày d/m", "năm rel", "quý roman", "weekday d/m", "sáng d/m").
  A unit after a count or plural before a relative word ("3 năm trước", "những năm qua") is a length:
  its shape opens on `counted`.
- `bare`: a number in a date's shape with no cue before it (`bare d/m/y`, `bare m/y`, `bare y-y`,
  `bare y`, `bare d/m`), split by the word before it (a capitalised name, a preposition, other).
A candidate is covered when a date mention of the record overlaps what follows the cue (or the bare
number); when another kind's mention overlaps it instead (a directive's number, a figure), that kind is
counted. Not a score: many uncovered candidates are no date ("năm 2" of a course, "tháng 5 người"), so
read a shape's examples before acting on its count.

    PYTHONPATH=$PWD python bench/date_recall_probe.py --records RUN/records.jsonl [--pages PAGES.jsonl]
        [--details] [--shape "ngày d/m"] [--limit N] [--json]

`--pages` reads JSON Lines of gathered page texts ({"url", "title", "text"}, "published" if known), each
extracted on the spot (`bench/probe_sources.py`); the hosts of the held-out files are the caller's to
leave out.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.probe_sources import fields, print_examples, probe_parser, read_sources  # noqa: E402

CONTEXT = 60
# other kinds whose mention may hold a date-shaped number (a directive's "số 12/2020/NĐ-CP", a figure)
OTHER_KINDS = ("DIRECTIVE", "FIGURE", "ORG", "LOC", "PER")
WEEKDAYS = [f"thứ {d}" for d in ("hai", "ba", "tư", "năm", "sáu", "bảy", "2", "3", "4", "5", "6", "7")]
WEEKDAYS += ["chủ nhật"]
PARTS_OF_DAY = ["rạng sáng", "sáng sớm", "chiều tối", "sáng", "trưa", "chiều", "tối", "đêm", "khuya"]
# cue -> its group; the longest cue is tried first, so "năm học" wins over "năm"
CUE_WORDS: dict[str, str] = {
    **{w: w for w in ("ngày", "hôm", "mùng", "mồng", "tháng", "năm", "quý", "học kỳ", "học kì",
                      "nhiệm kỳ", "nhiệm kì", "giai đoạn", "thời kỳ", "niên độ", "niên khóa", "niên khoá",
                      "năm học", "năm tài chính", "mùa", "mùa giải", "mùa vụ", "vụ", "dịp", "tết",
                      "thập niên", "thập kỷ", "tuần", "đợt", "khóa", "khoá")},
    **{w: "weekday" for w in WEEKDAYS},
    **{w: "part-of-day" for w in PARTS_OF_DAY},
}
# the cues that take a capitalised word as a date ("dịp Tết", "mùa Xuân", "Tết Nguyên đán")
NAMED_CUES = {"dịp", "mùa", "tết"}
# the cues after which a weekday is a date's next word ("sáng thứ Hai", "ngày thứ Hai")
WEEKDAY_TAKERS = {"part-of-day", "ngày", "hôm"}
DAY = r"\d{1,2}"
SEP = r"[ ]?[/.\-–][ ]?"
# what a date is written with, tried in order: the first that matches names the shape
FOLLOW_SHAPES: list[tuple[str, str]] = [
    ("d/m/y", rf"{DAY}[ ]?(?P<s>[/.\-–])[ ]?{DAY}[ ]?(?P=s)[ ]?\d{{4}}(?!\d)"),
    ("d-d/m", rf"{DAY}[ ]?[-–][ ]?{DAY}[ ]?[/.][ ]?{DAY}(?:[/.]\d{{4}})?(?![\d])"),
    ("d tháng m", rf"{DAY}\s+tháng\s+(?:\d{{1,2}}|\p{{L}}+)"),
    ("y-y", r"(?:1\d|20)\d\d[ ]?[-–/][ ]?(?:1\d|20)?\d\d(?!\d)"),
    ("m/y", rf"{DAY}[ ]?[/\-][ ]?(?:1\d|20)\d\d(?!\d)"),
    ("d/m", rf"{DAY}[ ]?[/\-.][ ]?{DAY}(?![\d.,/])"),
    ("y", r"(?:1\d|20)\d\d(?![\d.,/])"),
    ("n", r"\d+(?![\d/])"),
    ("roman", r"(?-i:[IVX]{1,4})(?![\p{L}\d])"),
    ("rel", r"(?:nay|ngoái|trước|sau|tới|qua|kia|này|vừa\s+qua|vừa\s+rồi|sắp\s+tới|mới|đó|ấy|hôm\s+qua"
            r"|đầu|cuối|giữa|cùng\s+ngày|hôm\s+sau|mai)(?!\p{L})"),
    ("word-number", r"(?:một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|giêng|chạp)(?!\p{L})"),
]
FOLLOW = [(name, regex.compile(pattern, regex.IGNORECASE)) for name, pattern in FOLLOW_SHAPES]
WEEKDAY_FOLLOW = regex.compile("|".join(regex.escape(w) for w in WEEKDAYS) + r"(?!\p{L})", regex.IGNORECASE)
CAPITAL_WORD = regex.compile(r"(?-i:\p{Lu})\p{Ll}*(?!\p{L})")
# the gap between a cue and what follows: a space; a comma or bracket after a weekday or part of day
GAP = regex.compile(r"[ ]+|[ ]*[,(][ ]*")
# bare numbers in a date's shape (no cue before them): tried in order
BARE_SHAPES = [name for name in ("d/m/y", "d-d/m", "y-y", "m/y", "d/m", "y")]
BARE_WORD_BEFORE = regex.compile(r"(\p{L}+)[ ]*[,(]?[ ]*\Z")
# before a unit of time: a count or a plural, so a length ("3 năm trước", "những năm qua"), not one date
COUNTED = regex.compile(r"(?:\d|(?<!\p{L})(?:những|các|nhiều|mấy|bao|vài|mỗi|mọi|từng|hàng|hằng|một|hai|ba"
                        r"|bốn|năm|sáu|bảy|tám|chín|mười|mươi|chục|nửa|trăm|nghìn|ngàn|triệu|tỷ))[ ]+\Z",
                        regex.IGNORECASE)
UNITS = {"ngày", "tháng", "năm", "tuần", "quý", "mùa", "vụ", "đợt"}
PREPOSITIONS = {"từ", "đến", "tới", "trong", "vào", "sau", "trước", "hết", "cho", "đầu", "cuối", "giữa",
                "với", "của", "và", "là", "tại", "ở", "qua", "nay", "hồi", "kể"}
Found = dict[str, list[tuple[str, str, str]]]  # shape -> (record id, the candidate, context)


def _cue_pattern() -> regex.Pattern:
    """Every cue as a whole word, longest first, in any case."""
    words = sorted(CUE_WORDS, key=len, reverse=True)
    cue = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    return regex.compile(rf"(?<![\p{{L}}\d])(?P<cue>{cue})(?!\p{{L}})", regex.IGNORECASE)


def _valid(shape: str, written: str) -> bool:
    """Whether a date-shaped number can be a date: days 1-31, months 1-12, years 1000-2099."""
    numbers = [int(n) for n in regex.findall(r"\d+", written)]
    if shape == "d/m/y":
        return 1 <= numbers[0] <= 31 and 1 <= numbers[1] <= 12
    if shape == "d-d/m":
        return 1 <= numbers[0] <= 31 and 1 <= numbers[1] <= 31 and 1 <= numbers[2] <= 12
    if shape == "m/y":
        return 1 <= numbers[0] <= 12
    if shape == "d/m":
        return 1 <= numbers[0] <= 31 and 1 <= numbers[1] <= 12
    return True


def follow_shape(cue_group: str, text: str, end: int) -> tuple[str, int, int] | None:
    """The shape of what follows a cue ending at `end`, with its span; None if no date is written there."""
    gap = GAP.match(text, end)
    if gap is None:
        return None
    if gap.group().strip() and cue_group not in ("weekday", "part-of-day"):
        return None
    at = gap.end()
    for name, pattern in FOLLOW:
        found = pattern.match(text, at)
        # "năm" after any cue but "tháng" is the word "year" ("cùng kỳ năm", "vụ năm"), no five
        if name == "word-number" and found and found.group().casefold() == "năm" and cue_group != "tháng":
            continue
        if found and _valid(name, found.group()):
            return name, at, found.end()
    if cue_group in WEEKDAY_TAKERS and (found := WEEKDAY_FOLLOW.match(text, at)):
        return "weekday", at, found.end()
    if cue_group in NAMED_CUES and (found := CAPITAL_WORD.match(text, at)):
        return "capital", at, found.end()
    return None


def _bare_kind(text: str, start: int) -> str:
    """The word right before a bare number: a capitalised name, a preposition (named), or other."""
    before = BARE_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return "start"
    word = before.group(1)
    if word.casefold() in PREPOSITIONS:
        return word.casefold()
    return "name" if word[0].isupper() else "other"


def _spans(record: dict) -> dict[str, list[tuple[int, int, str]]]:
    """Per field, the (start, end, type) of every mention the record keeps."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in record.get("entities") or []:
        spans[entity.get("field") or "text"].append((entity["start"], entity["end"], entity["type"]))
    return spans


def _cover(spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """Which kind covers [start, end): DATE first, then any other kind, else none."""
    kinds = {kind for s, e, kind in spans if s < end and start < e}
    if "DATE" in kinds:
        return "DATE"
    return next((k for k in OTHER_KINDS if k in kinds), "none")


def candidates(text: str, cue: regex.Pattern) -> Iterator[tuple[str, int, int, int]]:
    """(shape, start of the candidate, start and end of what is checked for a date) in one text."""
    taken: list[tuple[int, int]] = []
    for match in cue.finditer(text):
        group = CUE_WORDS[regex.sub(r"\s+", " ", match.group("cue")).casefold()]
        follow = follow_shape(group, text, match.end())
        if follow is None:
            continue
        name, start, end = follow
        taken.append((match.start(), end))
        before = max(0, match.start() - 12)
        counted = name == "rel" and group in UNITS and COUNTED.search(text, before, match.start())
        yield f"{'counted ' if counted else ''}{group} {name}", match.start(), start, end
    for name in BARE_SHAPES:
        pattern = dict(FOLLOW)[name]
        for match in regex.finditer(rf"(?<![\p{{L}}\d.,/:\-]){pattern.pattern}", text, regex.IGNORECASE):
            start, end = match.span()
            if any(s <= start < e or start <= s < end for s, e in taken) or not _valid(name, match.group()):
                continue
            if name == "d/m" and "." in match.group():
                continue  # "2.5" is a decimal far more often than a day
            taken.append((start, end))
            yield f"bare {name} {_bare_kind(text, start)}", start, start, end


def probe(items: Iterator[tuple[str, dict]]) -> tuple[Counter, Found]:
    """Counts of candidates per (shape, covering kind) and the uncovered ones."""
    cue = _cue_pattern()
    counts: Counter = Counter()
    uncovered: Found = defaultdict(list)
    for ident, record in items:
        spans = _spans(record)
        for field, text in fields(record):
            for shape, first, start, end in candidates(text, cue):
                kind = _cover(spans.get(field, []), start, end)
                counts[(shape, kind)] += 1
                if kind == "none":
                    context = text[max(0, first - CONTEXT):end + CONTEXT].replace("\n", " ")
                    uncovered[shape].append((ident, text[first:end], context))
    return counts, uncovered


def _print_table(counts: Counter, uncovered: Found, shapes: list[str]) -> None:
    """One row per shape: candidates, covered by a date, by another kind, uncovered, distinct uncovered."""
    print(f"{'shape':<26}{'all':>7}{'date':>7}{'other':>7}{'none':>6}  distinct uncovered")
    for shape in shapes:
        date, none = counts[(shape, "DATE")], counts[(shape, "none")]
        other = sum(counts[(shape, k)] for k in OTHER_KINDS)
        distinct = len({c.casefold() for _, c, _ in uncovered[shape]})
        print(f"{shape:<26}{date + other + none:>7}{date:>7}{other:>7}{none:>6}  {distinct}")
    none = sum(n for (_, kind), n in counts.items() if kind == "none")
    print(f"{'total':<26}{sum(counts.values()):>7}{'':>14}{none:>6}")


def main() -> None:
    """Print the candidates per shape, covered and not, and examples of the uncovered."""
    parser = probe_parser(__doc__)
    parser.add_argument("--min", type=int, default=1, help="leave out shapes with fewer uncovered")
    args = parser.parse_args()
    counts, uncovered = probe(read_sources(args))
    shapes = sorted({s for s, _ in counts}, key=lambda s: (-counts[(s, "none")], s))
    if args.json:
        table = {s: {k: counts[(s, k)] for k in ("DATE", *OTHER_KINDS, "none")} for s in shapes}
        print(json.dumps(table, ensure_ascii=False))
        return
    _print_table(counts, uncovered, [s for s in shapes if counts[(s, "none")] >= args.min or args.shape == s])
    for shape in shapes:
        if (args.shape and shape != args.shape) or len(uncovered[shape]) < max(1, args.min):
            continue
        print_examples(shape, uncovered[shape], 10, None if args.details else args.limit, fold=True)


if __name__ == "__main__":
    main()
