"""Recall probe for directives: document type words followed by a number or a name that no mention covers.

Over a corpus run's records (`--records RUN/records.jsonl`, mentions as the run wrote them) and over
page texts nobody annotated (`--pages PAGES.jsonl`, one {"url", "text"} a line, extracted here), finds
every place a type word of rules/directives.yml stands with, within a few words and before the
clause ends, a number or symbol, a quoted name or a capitalised word, and that no directive mention
of the record covers. Each is put in a shape (the type word's case, what follows it) and the shapes
are counted; `--details` prints examples per shape, `--shape NAME` all of one.

    PYTHONPATH=$PWD python bench/directive_recall_probe.py --records /tmp/run/records.jsonl --details
    PYTHONPATH=$PWD python bench/directive_recall_probe.py --pages /tmp/pages.jsonl --shape so-number

It reads no held-out file: it is for text nobody annotated.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.extract.directive_grammar import rules  # noqa: E402

WINDOW = 60  # characters after the type word that the probe reads
QUOTES = "\"“”'‘’«"
SYMBOL = r"\d{1,5}(?:/(?:19|20)\d\d)?\s?[-/–.]\s?\p{Lu}[\p{L}\d.&]*(?:\s?[-/–]\s?\p{L}[\p{L}\d.&]*)*"
# what follows a type word, tried in order: the first that matches names the shape
FOLLOW_SHAPES: list[tuple[str, str]] = [
    ("so-symbol", rf"số:?\s+{SYMBOL}"),
    ("symbol", SYMBOL),
    ("so-number-year", r"số:?\s+\d{1,5}[/-](?:19|20)\d\d(?![\d/-])"),
    ("so-number-date", r"số:?\s+\d{1,5},?\s+(?:ngày|ban hành ngày)\s"),
    ("so-number", r"số:?\s+\d{1,5}(?![\d/])"),
    ("number-year", r"\d{1,5}[/-](?:19|20)\d\d(?![\d/-])"),
    ("number", r"\d{1,5}(?![\d/.,%])"),
    ("date-then-number", r"(?:ban hành\s+)?ngày\s+\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?.{0,30}?số\s+\d"),
    ("date-only", r"(?:ban hành\s+)?ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"),
    ("quoted", rf"(?:về\s+(?:việc\s+)?)?[{QUOTES}]"),
    ("issuer-first", r"(?:số\s+\S+\s+)?của\s+\p{Lu}"),
    ("term", r"(?:[\p{L}\s,]{0,40}?)\b(?:khóa|khoá|nhiệm kỳ|giai đoạn|năm|thời kỳ)\s+[\dIVXL]"),
    ("capital-name", r"\p{Lu}[\p{Ll}\p{Lu}]*"),
    ("about-subject", r"về\s+\p{L}"),
]
FOLLOW = [(name, regex.compile(pattern)) for name, pattern in FOLLOW_SHAPES]
# what must stand within a few words after the type word for the place to be a candidate
HAS_DIGIT = regex.compile(r"^(?:\s+\S+){0,4}?\s+\S*\d")
CLAUSE_END = regex.compile(r"[.;:!?\n]\s|[()]")


def abbreviations() -> set[str]:
    """The type abbreviations of the rules ("NQ", "CT"), as the press writes them."""
    return {a for t in rules().data["types"] for a in t.get("abbr", [])}


def type_pattern() -> regex.Pattern[str]:
    """Every type term of the rules, longest first, in any case, as whole words; and every type
    abbreviation in its own case before a number, perhaps glued to it ("NQ 35", "CT05")."""
    terms = sorted({t["term"] for t in rules().data["types"]}, key=len, reverse=True)
    words = "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in terms)
    abbrs = "|".join(regex.escape(a) for a in sorted(abbreviations(), key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?:{words})(?![\p{{L}}\d])|(?-i:{abbrs})(?=\s?(?:số\s)?\d))", regex.IGNORECASE
    )


def type_case(word: str, text: str, start: int) -> str:
    """abbr (a type abbreviation), upper (all capitals), initial (sentence or line start), capital
    or lower."""
    if word in abbreviations():
        return "abbr"
    if word.isupper():
        return "upper"
    before = text[max(0, start - 3) : start].rstrip(' "“(')
    if not before or before[-1] in ".!?:\n-–•":
        return "initial"
    return "capital" if word[0].isupper() else "lower"


def follow_shape(after: str) -> str | None:
    """The shape of what follows a type word, or None if nothing there looks like a document's."""
    rest = after.lstrip(" :")
    cut = CLAUSE_END.search(rest)
    clause = rest[: cut.start()] if cut else rest
    if not clause:
        return None
    for name, pattern in FOLLOW:
        if pattern.match(clause):
            return name
    if HAS_DIGIT.match(" " + clause):
        return "digit-later"
    return None


def candidates(text: str, spans: list[tuple[int, int]], pattern: regex.Pattern[str]) -> Iterator[dict]:
    """Uncovered type words of one text with what follows them."""
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s <= start < e or s < end <= e for s, e in spans):
            continue
        shape = follow_shape(text[end : end + WINDOW])
        if shape is None:
            continue
        word = regex.sub(r"\s+", " ", match.group())
        yield {
            "shape": shape,
            "case": type_case(word, text, start),
            "type": word.casefold(),
            "context": regex.sub(r"\s+", " ", text[max(0, start - 40) : end + WINDOW]),
        }


def record_texts(path: str) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """(source, body text, directive mention spans) of each record of a run."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans = [(e["start"], e["end"]) for e in record.get("entities", []) if e["type"] == "DIRECTIVE"]
            yield record.get("source", {}).get("url") or record["id"], record.get("text") or "", spans


def page_texts(path: str) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """(url, text, directive mention spans) of each page, extracted here."""
    from pipeline.extract import extract
    from pipeline.extract.document import build_document

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            items = extract(build_document(text=page["text"])).get("directives", [])
            spans = [
                (m["start"], m["end"])
                for item in items
                for m in item.get("mentions", [])
                if m.get("field", "text") == "text"
            ]
            yield page["url"], page["text"], spans


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", action="append", default=[], help="a run's records.jsonl")
    parser.add_argument("--pages", action="append", default=[], help="page texts, one {url, text} a line")
    parser.add_argument("--details", action="store_true", help="examples per shape")
    parser.add_argument("--shape", help="every example of this shape (or shape/case)")
    parser.add_argument("--examples", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="counts as JSON")
    args = parser.parse_args()
    if any("heldout" in p for p in args.records + args.pages):
        parser.error("the probe reads unannotated text only")
    pattern = type_pattern()
    sources = [record_texts(p) for p in args.records] + [page_texts(p) for p in args.pages]
    by_shape: dict[str, list[dict]] = defaultdict(list)
    texts = 0
    for source in sources:
        for where, text, spans in source:
            texts += 1
            for found in candidates(text, spans, pattern):
                found["where"] = where
                by_shape[found["shape"]].append(found)
    counts = {shape: len(items) for shape, items in sorted(by_shape.items(), key=lambda kv: -len(kv[1]))}
    if args.json:
        print(
            json.dumps(
                {
                    "texts": texts,
                    "shapes": counts,
                    "by_case": {s: dict(Counter(f["case"] for f in by_shape[s])) for s in counts},
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(f"{texts} texts, {sum(counts.values())} uncovered type words before a number or name")
    for shape, count in counts.items():
        cases = Counter(f["case"] for f in by_shape[shape])
        kinds = Counter(f["type"] for f in by_shape[shape]).most_common(4)
        print(f"{count:6d}  {shape:18s} {dict(cases)}  {kinds}")
        if args.details or (args.shape and args.shape.split("/")[0] == shape):
            wanted = by_shape[shape]
            if args.shape and "/" in args.shape:
                wanted = [f for f in wanted if f["case"] == args.shape.split("/")[1]]
            limit = None if args.shape else args.examples
            for found in wanted[:limit]:
                print(f"        [{found['case']}] …{found['context']}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
