"""Recall probe for organisations on text nobody annotated: a head word of `rules/organizations.yml`
followed by what names a body, with no organisation mention over it, grouped by shape.

A candidate is a head word (every `heads` term: "Sở", "Ủy ban", "Công ty", "UBND", ...) in one of its
cases, then a space and what may name the body:
- case: `cap` (as the rule file writes it, mid-sentence), `cap-start` (capitalised at a sentence or line
  start, where the capital says nothing), `lower` (in lower case), `upper` (a word head in capitals,
  "SỞ Y TẾ"), `acronym` (a head that is an acronym: "UBND", "HTX");
- what follows: `acronym` ("Sở GD&ĐT"), `number` ("Bệnh viện 108"), `place` (an administrative word and a
  capitalised word: "UBND huyện Chợ Lách"), `capital` ("Sở Tài chính"), `lower-cap` (one to three lower-case
  words, then a capitalised one: "Công ty cổ phần Vinamilk"; not after a lower-case head: a common
  noun and a phrase, too loose to read), `lower` (one to three lower-case words and nothing capitalised:
  "Ban Chỉ đạo quốc gia về ...", "Công ty đã ..."; not after a lower-case head either).
A candidate is covered when a mention overlaps the head or the first word after it; the table splits the
covered ones by kind (organisation, place, person). Not a score: many uncovered candidates are no
organisation ("Đoàn Văn Hậu" is a person, "Trung tâm Hà Nội" the city centre); read a shape's examples.

    PYTHONPATH=$PWD python bench/org_recall_probe.py --records RUN/records.jsonl [--pages PAGES.jsonl]
        [--details] [--shape cap:capital] [--head Sở] [--limit N]
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

from bench.probe_sources import (  # noqa: E402
    KINDS,
    fields,
    mention_spans,
    print_kind_table,
    probe_parser,
    read_sources,
)
from pipeline.extract.org_rules import rules  # noqa: E402
from pipeline.extract.place_patterns import ACRONYM, CAP  # noqa: E402
from pipeline.text import alternation, modern_tones, sentence_initial  # noqa: E402

CONTEXT = 60
LOWER_WORD = r"[\p{Ll}][\p{Ll}\p{M}]*"
Uncovered = dict[str, list[tuple[str, str, str, str]]]  # shape -> (record id, head, head and name, context)


def _head_forms() -> dict[str, str]:
    """Every written form of every head (as written, lower case, capitals) -> the head as written."""
    forms: dict[str, str] = {}
    for head in rules().heads.values():
        term = head.term
        for form in (term, term.lower(), term.upper(), term[:1].upper() + term[1:].lower()):
            forms.setdefault(form, term)
    return forms


def _pattern(forms: dict[str, str]) -> regex.Pattern[str]:
    """A head form, a space, and the first words of what follows it."""
    head = alternation(sorted(forms, key=len, reverse=True))
    admin = alternation(sorted((a for a in _admin_words()), key=len, reverse=True))
    lower = rf"{LOWER_WORD}(?:[ ]{LOWER_WORD}){{0,2}}"
    lower_cap = rf"{lower}[ ]\p{{Lu}}[\p{{L}}\p{{M}}]*"
    follow = (rf"(?P<acronym>{ACRONYM}(?![\p{{L}}\p{{N}}]))|(?P<number>\d+)|(?P<place>(?:{admin})[ ]{CAP})"
              rf"|(?P<capital>{CAP})|(?P<lower_cap>{lower_cap})|(?P<lower>{lower})")
    # the head atomic: the longest head stands ("Ban Chỉ đạo quốc gia", not "Ban" + "Chỉ"); a title made of
    # a head ("Cục trưởng", "Bộ trưởng") is no candidate, the body named after it is
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?>(?P<head>{head}))(?![ ]trưởng(?![\p{{L}}\p{{N}}]))"
                         rf"[ ](?P<name>{follow})")


def _admin_words() -> list[str]:
    """The administrative words of the rule file, in lower case (as a place follows a head)."""
    data = regex.findall(r"\{term: ([^,]+), gloss", _admin_block())
    return [w.strip() for w in data]


def _admin_block() -> str:
    """The `admin_words` section of the rule file."""
    text = (REPO / "rules" / "organizations.yml").read_text(encoding="utf-8")
    start = text.index("\nadmin_words:")
    return text[start:text.index("\n\n", start)]


def _case(head_text: str, term: str, text: str, start: int) -> str:
    """How the head is written where it stands."""
    if term.isupper() and len(term) > 1:
        return "acronym"
    if head_text.islower():
        return "lower"
    if head_text.isupper() and len(head_text.replace(" ", "")) > 1:
        return "upper"
    return "cap-start" if sentence_initial(text, start) else "cap"


def _follow(match: regex.Match[str]) -> str:
    """Which shape of name follows the head."""
    kind = next(k for k in ("acronym", "number", "place", "capital", "lower_cap", "lower") if match.group(k))
    return kind.replace("_", "-")


def probe(items: Iterator[tuple[str, dict]], only_head: str | None = None) -> tuple[Counter, Uncovered]:
    """Counts of candidates (per shape: covered by which kind, or uncovered) and the uncovered ones."""
    forms = _head_forms()
    pattern = _pattern(forms)
    counts: Counter = Counter()
    uncovered: Uncovered = defaultdict(list)
    for ident, record in items:
        spans = mention_spans(record)
        for field, raw in fields(record):
            text = modern_tones(raw)
            if len(text) != len(raw):
                text = raw
            for match in pattern.finditer(text):
                term = forms.get(match.group("head"), match.group("head"))
                if only_head and term != only_head:
                    continue
                shape = f"{_case(match.group('head'), term, text, match.start())}:{_follow(match)}"
                if shape in ("lower:lower-cap", "lower:lower"):  # a common noun, then a phrase: too loose
                    continue
                first = match.group("name").split(" ")[0]
                start, end = match.start(), match.start("name") + len(first)
                kind = next((k for s, e, k in spans.get(field, ()) if s < end and start < e), None)
                counts[(shape, kind or "none")] += 1
                if kind is None:
                    around = raw[max(0, match.start() - CONTEXT):match.end() + CONTEXT].replace("\n", " ")
                    written = f"{match.group('head')} {match.group('name')}"
                    uncovered[shape].append((ident, term, written, around))
    return counts, uncovered


def main() -> None:
    """Print the candidates per shape, covered and not, and examples of the uncovered."""
    parser = probe_parser(__doc__)
    parser.add_argument("--head", help="only this head (as the rule file writes it)")
    args = parser.parse_args()
    counts, uncovered = probe(read_sources(args), args.head)
    shapes = sorted({s for s, _ in counts}, key=lambda s: (-counts[(s, "none")], s))
    if args.json:
        table = {s: {k: counts[(s, k)] for k in (*KINDS, "none")} for s in shapes}
        print(json.dumps(table, ensure_ascii=False))
        return
    uncovered_names = {s: (name for _, _, name, _ in uncovered[s]) for s in shapes}
    print_kind_table(counts, uncovered_names, shapes, width=20)
    for shape in shapes:
        if (args.shape and shape != args.shape) or not uncovered[shape]:
            continue
        heads = Counter(term for _, term, _, _ in uncovered[shape])
        names = Counter(name for _, _, name, _ in uncovered[shape])
        print(f"\n## {shape}: {sum(names.values())} uncovered; heads: "
              + "; ".join(f"{h} ×{c}" for h, c in heads.most_common(10)))
        print("   top: " + "; ".join(f"{n} ×{c}" for n, c in names.most_common(12)))
        shown = uncovered[shape] if args.details else uncovered[shape][:args.limit]
        for ident, _, name, context in shown:
            print(f"  [{ident[-24:]}] {name!r}: …{context}…")


if __name__ == "__main__":
    main()
