"""`vnie eval`: score records against gold, as section 7 of the extraction spec defines.

Micro precision, recall and F1 over all articles, per field: directives by id (the spec's
equivalences of ids applied to both sides: `directive_key`); figures by value
with the unit's first word agreeing; dates by value (date part); names after folding case,
Unicode form and spaces. A matched figure's attribution (measure, subject, time, source) is scored
as the share whose value agrees. Cleaning is scored on lines: body recall and boilerplate leak.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from pipeline.extract.directive_ids import canonical_id
from pipeline.ingest.decode import normalize_text
from pipeline.text import casefold_words, strip_tones

FIRST_WORD = regex.compile(r"[\p{L}\p{N}%$€£¥]+")
ATTRIBUTION = ("measure", "subject", "time", "source")  # a figure's who, what, when (spec 4a)


def _containment_matches(predicted: list[str], gold: list[str]) -> int:
    """How many predicted names can each be paired with a different gold name that equals it, contains
    it or that it contains: the largest such pairing (augmenting paths), so the count depends neither on
    the order the names come in nor on the hash seed that orders a set (a greedy pass did)."""
    partner_of_gold: dict[int, int] = {}
    links = [[g for g, name in enumerate(gold) if item in name or name in item] for item in predicted]

    def pair(p: int, seen: set[int]) -> bool:
        for g in links[p]:
            if g not in seen:
                seen.add(g)
                if g not in partner_of_gold or pair(partner_of_gold[g], seen):
                    partner_of_gold[g] = p
                    return True
        return False

    return sum(pair(p, set()) for p in range(len(predicted)))


@dataclass
class Tally:
    """True positives, predictions and gold counts for one field."""

    tp: float = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Iterable[Any], gold: Iterable[Any], lenient: bool = False) -> None:
        """Count matches between two multisets (or, leniently, where one name contains the other)."""
        pred_counts, gold_counts = Counter(predicted), Counter(gold)
        self.predicted += sum(pred_counts.values())
        self.gold += sum(gold_counts.values())
        if not lenient:
            self.tp += sum((pred_counts & gold_counts).values())
            return
        self.tp += _containment_matches(sorted(pred_counts.elements()), sorted(gold_counts.elements()))

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Ratio:
    """A share: hits out of total (accuracy, body recall, boilerplate leak)."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float]:
        return {"value": round(self.value, 4), "hits": self.hits, "total": self.total}


@dataclass
class Scores:
    """Every field's score over a set of articles."""

    fields: dict[str, Tally] = field(default_factory=dict)
    shares: dict[str, Ratio] = field(default_factory=dict)
    matched: int = 0
    unmatched_gold: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def share(self, name: str) -> Ratio:
        return self.shares.setdefault(name, Ratio())

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.matched,
            "unmatched_gold": self.unmatched_gold,
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "shares": {k: v.as_dict() for k, v in self.shares.items()},
        }


def _unit_word(unit: str | None) -> str | None:
    """The first word of a unit, case-folded: what figures are matched on besides the value."""
    found = FIRST_WORD.search(casefold_words(unit, nfc=True)) if unit else None
    return found.group(0) if found else None


def _figure_key(item: dict[str, Any]) -> tuple[float | None, str | None]:
    """A figure as scores match it: its value (rounded) and its unit's first word."""
    value = item.get("value")
    return (round(float(value), 6) if value is not None else None, _unit_word(item.get("unit")))


def _attribute_key(text: Any) -> str:
    """An attribution value folded for comparison: case, tone marks (đ -> d) and spaces."""
    return "".join(strip_tones(str(text)).split())


def attribute_agrees(name: str, predicted: Any, gold: Any) -> bool:
    """Spec section 7: `time` exactly; the others folded, one containing the other; null only with null."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if name == "time":
        return str(predicted) == str(gold)
    mine, theirs = _attribute_key(predicted), _attribute_key(gold)
    return bool(mine and theirs) and (mine in theirs or theirs in mine)


def matched_figures(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    """Predicted and gold figures paired by key (value, unit's first word), in order of appearance."""
    waiting: dict[Any, list[dict[str, Any]]] = {}
    for item in predicted:
        waiting.setdefault(_figure_key(item), []).append(item)
    pairs = []
    for item in gold:
        if queue := waiting.get(_figure_key(item)):
            pairs.append((queue.pop(0), item))
    return pairs


def _score_attribution(record: dict[str, Any], gold: dict[str, Any], scores: Scores) -> None:
    """Add whether each matched figure's measure, subject, time and source agree with the gold's."""
    for mine, theirs in matched_figures(record.get("figures", []), gold.get("figures", [])):
        for name in ATTRIBUTION:
            if name in theirs:
                scores.share(f"figure_{name}").add(attribute_agrees(name, mine.get(name), theirs[name]))


def _name(item: Any) -> str:
    """A name (or a value that is one, or an item's "name") as scores compare it: case, form, spacing."""
    name = item.get("name") if isinstance(item, dict) else item
    return as_ingested(name or "")


def directive_key(directive_id: str) -> str:
    """A directive's id as scores compare it: the spec's equivalences of ids (`canonical_id`: i/y,
    the national congress's documents, "năm" before a law's year), then case and form as names."""
    return _name(canonical_id(normalize_text(directive_id)))


def as_ingested(text: str) -> str:
    """Gold text as ingest would leave it (NFC, Đ for the look-alike eth), words case-folded."""
    return casefold_words(normalize_text(text))


def paragraphs_of(text: str) -> set[str]:
    """The text's non-empty lines as the scores compare them."""
    return {as_ingested(line) for line in text.split("\n") if line.strip()}


def kept_lines(text: str, lines: Iterable[str]) -> set[str]:
    """The page's lines (as the scores compare them) that the text keeps: each a paragraph of it, or
    one of a run of consecutive lines that a paragraph joins (a space between, or none after a hyphen
    the wrap broke a word at): the cleaner joins a paragraph a dump wrapped back into one line."""
    paragraphs = paragraphs_of(text)
    folded = [as_ingested(line.strip()) for line in lines if line.strip()]
    kept = paragraphs & set(folded)
    for paragraph in paragraphs - kept:
        for k in (k for k, line in enumerate(folded) if paragraph.startswith(line)):
            end = _joined_run_end(paragraph, folded, k)
            if end is not None:
                kept.update(folded[k:end])
    return kept


def _joined_run_end(paragraph: str, lines: list[str], first: int) -> int | None:
    """The end of the run of lines from `first` whose joining spells `paragraph` whole, or None."""
    at, j = 0, first
    while j < len(lines) and at < len(paragraph):
        line = lines[j]
        if j > first and paragraph.startswith(" ", at):
            at += 1
        elif j > first and paragraph[at - 1:at] != "-" and len(lines[j - 1]) != 1:
            return None  # no space only after a hyphen the wrap broke at, or a drop capital ("N" + "goài")
        if not paragraph.startswith(line, at):
            return None
        at, j = at + len(line), j + 1
    return j if at == len(paragraph) and j - first > 1 else None


def score_article(record: dict[str, Any], gold: dict[str, Any], scores: Scores) -> None:
    """Add one article's comparison to the running scores."""
    scores.tally("directives").add({directive_key(d["id"]) for d in record.get("directives", [])},
                                   {directive_key(d["id"]) for d in gold.get("directives", [])})
    scores.tally("figures").add([_figure_key(f) for f in record.get("figures", [])],
                                [_figure_key(f) for f in gold.get("figures", [])])
    _score_attribution(record, gold, scores)
    scores.tally("dates").add([str(d.get("value", "")).split("T")[0] for d in record.get("dates", [])],
                              [str(d.get("value", "")).split("T")[0] for d in gold.get("dates", [])])
    for name in ("organizations", "people", "locations"):
        predicted = {_name(x) for x in record.get(name, [])}
        expected = {_name(x) for x in gold.get(name, [])}
        scores.tally(name).add(predicted, expected)
        if name == "organizations":
            scores.tally("organizations_contain").add(predicted, expected, lenient=True)
    scores.tally("authors").add({_name(a) for a in record.get("authors", [])},
                                {_name(a) for a in gold.get("authors", [])})
    for name in ("title", "published", "outlet", "province"):
        value = record.get("source", {}).get("outlet") if name == "outlet" else record.get(name)
        scores.share(f"{name}_exact").add(_name(value) == _name(gold.get(name)))
    paragraphs = kept_lines(record.get("text", ""), [line["text"] for line in gold.get("lines", [])])
    for line in gold.get("lines", []):
        if line["class"] == "body" and line["text"].strip():
            scores.share("body_recall").add(as_ingested(line["text"]) in paragraphs)
        elif line["class"] == "boilerplate" and line["text"].strip():
            scores.share("boilerplate_leak").add(as_ingested(line["text"]) in paragraphs)


def record_keys(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The keys a gold line may use to name this record: its file name or its URL."""
    source = record.get("source", {})
    keys = []
    path = source.get("path") or ""
    keys.append(("file", path.split("#")[0].replace("\\", "/").rsplit("/", 1)[-1]))
    if source.get("url"):
        keys.append(("url", source["url"]))
    return keys


def gold_key(gold: dict[str, Any]) -> tuple[str, str]:
    """The key a gold line names its article by."""
    kind, value = next(iter(gold["key"].items()))
    return kind, value


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """All objects of a JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(records: list[dict[str, Any]], golds: list[dict[str, Any]]) -> Scores:
    """Score records against gold articles; gold articles with no record count as empty predictions."""
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        for key in record_keys(record):
            index.setdefault(key, record)
    scores = Scores()
    for gold in golds:
        record = index.get(gold_key(gold))
        if record is None:
            scores.unmatched_gold.append(str(gold_key(gold)[1]))
            record = {}
        else:
            scores.matched += 1
        score_article(record, gold, scores)
    return scores


def no_match_message(records: list[dict[str, Any]], golds: list[dict[str, Any]]) -> str:
    """Why there is nothing to score: no record is one of the gold's articles, with the keys on each side."""
    if not golds:
        return "the gold files hold no article; give the gold JSON Lines (e.g. ../shared/gold/seeds.jsonl)"
    if not records:
        return "RECORDS holds no record; give the records.jsonl that `vnie run INPUT -o DIR` writes"
    wanted = ", ".join(sorted({f"{k}={v}" for k, v in map(gold_key, golds)})[:2])
    have = ", ".join(sorted({f"{k}={v}" for r in records for k, v in record_keys(r)})[:2])
    return (f"no record matches any of the {len(golds)} gold articles, so there is nothing to score. The "
            f"gold names its articles by file name or URL ({wanted}, ...); the {len(records)} records are "
            f"{have}, ... Run vnie on the gold's inputs (e.g. `vnie run corpus/ -o out`) and score "
            "out/records.jsonl")


def format_table(scores: Scores) -> str:
    """A readable table of the scores."""
    lines = [f"articles matched: {scores.matched}" +
             (f"  (gold without a record: {len(scores.unmatched_gold)})" if scores.unmatched_gold else "")]
    lines.append(f"{'field':<24}{'P':>8}{'R':>8}{'F1':>8}{'pred':>7}{'gold':>7}")
    for name, tally in scores.fields.items():
        lines.append(f"{name:<24}{tally.precision:>8.3f}{tally.recall:>8.3f}{tally.f1:>8.3f}"
                     f"{tally.predicted:>7}{tally.gold:>7}")
    attribution = {n: r for n, r in scores.shares.items() if n.startswith("figure_")}
    if attribution:
        lines.append(f"{'figure attribution':<24}{'share':>8}{'agree':>8}{'matched':>8}")
        for name, ratio in attribution.items():
            lines.append(f"{name.removeprefix('figure_'):<24}{ratio.value:>8.3f}{ratio.hits:>8}{ratio.total:>8}")
    lines.append(f"{'share':<24}{'value':>8}{'hits':>8}{'total':>8}")
    for name, ratio in scores.shares.items():
        if name not in attribution:
            lines.append(f"{name:<24}{ratio.value:>8.3f}{ratio.hits:>8}{ratio.total:>8}")
    return "\n".join(lines)


def gold_documents(gold_path: str | Path):
    """(gold, ArticleDoc) pairs built from the gold's own line classes: scores extraction alone."""
    from pipeline.extract.document import build_document
    from pipeline.extract.province import decide_province

    for gold in read_jsonl(gold_path):
        by_class: dict[str, list[str]] = {}
        if "lines" not in gold:  # a passage of body paragraphs (held-out extraction gold)
            by_class["body"] = [gold.get("text", "")]
        for line in gold.get("lines", []):
            by_class.setdefault(line["class"], []).append(line["text"].strip())
        text = "\n\n".join(by_class.get("body", []))
        published = gold.get("published") or None
        outlet = gold.get("outlet") or gold.get("host")  # the pipeline knows the outlet from the URL
        if "province" in gold:
            province = gold["province"]
        else:  # a passage's gold names none: decide it from the page, as the pipeline does before extraction
            province = decide_province({"title": gold.get("title"), "text": text, "published": published,
                                        "source": {"outlet": outlet}})
        doc = build_document(
            text=text,
            title=gold.get("title"),
            captions=by_class.get("caption", []),
            meta=by_class.get("meta", []),
            published=published,
            outlet=outlet,
            province=province,
        )
        yield gold, doc


def score_extraction(gold_paths: Iterable[str | Path]) -> Scores:
    """Extraction alone: run the extractors on documents built from gold lines and score them."""
    from pipeline.extract import extract

    scores = Scores()
    for path in gold_paths:
        for gold, doc in gold_documents(path):
            record = extract(doc)
            scores.matched += 1
            score_article(record, gold, scores)
    return scores
