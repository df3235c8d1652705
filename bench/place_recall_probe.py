"""Recall probe for places on text nobody annotated: capitalised runs standing where places stand that
no place, organisation or person mention covers, grouped by shape.

A capitalised run (the extractor's own `NAME_RUN`) is a candidate where a word that introduces places
stands right before it:
- `admin`: an administrative or settlement word of `rules/locations.yml` (`admin_words`,
  `segmented_admin_words`: "xã", "huyện", "thôn", "bản", ...), split by the word's level;
- `cue`: a place cue of the same file (`place_cues`, and the street words of `not_after`), split into
  road (streets, roads, bridges), nature (rivers, mountains, islands) and venue (the rest);
- `region`: a word of `cue_compounds` that names a region ("miền", "vùng") or "khu vực";
- `prep`: a preposition of place ("tại", "ở", "về", "đến", "từ", "tới", "sang", all `openers` of the
  rule file in their capitalised form) or "trên địa bàn", split by what the gazetteer knows of the run
  (province, district, commune, a place of `places`), a foreign-looking run, or unknown.
A run is covered when a place, organisation or person mention of the record overlaps its first word.

    PYTHONPATH=$PWD python bench/place_recall_probe.py --records RUN/records.jsonl [--pages PAGES.jsonl]
        [--details] [--shape prep:district] [--limit N]

`--pages` reads JSON Lines of gathered page texts ({"url", "title", "text"}) and extracts each with
`pipeline.extract.extract`; the hosts of the held-out files are the caller's to leave out.
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
    print_examples,
    print_kind_table,
    probe_parser,
    read_sources,
)
from pipeline.extract.gazetteer import gazetteer, location_rules  # noqa: E402
from pipeline.extract.place_patterns import NAME_RUN, known_prefix  # noqa: E402
from pipeline.text import alternation, unlike_a_syllable  # noqa: E402

# the brief's prepositions of place; each is one of the rule file's `openers` (checked at start-up)
PREPOSITIONS = ("tại", "ở", "về", "đến", "từ", "tới", "sang")
AREA_PHRASES = ("trên địa bàn",)
REGION_WORDS = ("miền", "vùng", "khu vực")  # "miền" and "vùng" are `cue_compounds` of the rule file
ROAD_CUES = {"quốc lộ", "ql", "tỉnh lộ", "đường tỉnh", "đt", "đường cao tốc", "cao tốc", "đại lộ",
             "đường", "phố", "cầu", "ngõ", "hẻm", "xa lộ"}
NATURE_CUES = {"sông", "hồ", "núi", "đèo", "vịnh", "đảo", "quần đảo", "bãi biển"}
STREET_WORDS = ("ngõ", "hẻm", "xa lộ")  # street words of `not_after` that are no cue of their own
CONTEXT = 60
Uncovered = dict[str, list[tuple[str, str, str]]]  # shape -> (record id, cue and run, context)


def _cue_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern for every introducing word, and each word's shape (folded key -> shape)."""
    rules = location_rules()
    openers = {w["term"].casefold() for w in rules["openers"]}
    missing = [p for p in PREPOSITIONS if p not in openers]
    if missing:
        raise SystemExit(f"prepositions not among the rule file's openers: {missing}")
    shape: dict[str, str] = {}
    for entry in rules["admin_words"] + rules["segmented_admin_words"]:
        shape[entry["term"].casefold()] = f"admin:{entry['level']}"
    for entry in rules["place_cues"]:
        term = entry["term"].casefold()
        kind = "road" if term in ROAD_CUES else "nature" if term in NATURE_CUES else "venue"
        shape.setdefault(term, f"cue:{kind}")
    for word in STREET_WORDS:
        shape.setdefault(word, "cue:road")
    for word in REGION_WORDS:
        shape[word] = "region"
    for word in (*PREPOSITIONS, *AREA_PHRASES):
        shape[word] = "prep"
    forms = {form for term in shape for form in (term, term[:1].upper() + term[1:], term.upper())}
    cue = alternation(sorted(forms, key=len, reverse=True))
    # a dotted abbreviation may touch its name ("TP.Vinh"); every other word is followed by a space
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<cue>{cue})(?:(?<=\.)[ ]?|[ ])"
                            rf"(?P<name>{NAME_RUN})(?![\p{{L}}\p{{N}}])")
    return pattern, shape


def _prep_kind(name: str) -> str:
    """What the gazetteer knows of a run after a preposition: its level, or foreign / unknown."""
    gaz = gazetteer()
    known = known_prefix(name.split(" "), gaz)
    if known:
        return gaz.level_of(known) or "unknown"
    return "foreign" if any(unlike_a_syllable(word) for word in name.split(" ")) else "unknown"


def probe(items: Iterator[tuple[str, dict]]) -> tuple[Counter, Uncovered]:
    """Counts of candidates (per shape: covered by which kind, or uncovered) and the uncovered ones."""
    pattern, shape_of = _cue_pattern()
    counts: Counter = Counter()
    uncovered: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for ident, record in items:
        spans = mention_spans(record)
        for field, text in fields(record):
            for match in pattern.finditer(text):
                cue, name = match.group("cue"), match.group("name")
                shape = shape_of[cue.casefold()]
                if shape == "prep":
                    shape = f"prep:{_prep_kind(name)}"
                start = match.start("name")
                first_end = start + len(name.split(" ")[0])
                kind = next((k for s, e, k in spans.get(field, ()) if s < first_end and start < e), None)
                counts[(shape, kind or "none")] += 1
                if kind is None:
                    around = text[max(0, match.start() - CONTEXT):match.end() + CONTEXT]
                    context = around.replace("\n", " ")
                    uncovered[shape].append((ident, f"{cue} {name}", context))
    return counts, uncovered


def main() -> None:
    """Print the candidates per shape, covered and not, and examples of the uncovered."""
    parser = probe_parser(__doc__)
    args = parser.parse_args()
    counts, uncovered = probe(read_sources(args))
    shapes = sorted({s for s, _ in counts}, key=lambda s: (-counts[(s, "none")], s))
    if args.json:
        table = {s: {k: counts[(s, k)] for k in (*KINDS, "none")} for s in shapes}
        print(json.dumps(table, ensure_ascii=False))
        return
    uncovered_names = {s: (name for _, name, _ in uncovered[s]) for s in shapes}
    print_kind_table(counts, uncovered_names, shapes, width=18)
    for shape in shapes:
        if (args.shape and shape != args.shape) or not uncovered[shape]:
            continue
        print_examples(shape, uncovered[shape], 12, None if args.details else args.limit)


if __name__ == "__main__":
    main()
