"""Linear-time guards against pathological texts, applied before the segmenter and the extractors.

Some texts make the extraction superlinear: a run of 100,000 digits inside a sentence (the
tokenizer's number patterns try every start: 20,000 digits took 56 s), or one sentence repeated for
200 KB (the figures' target and subject searches walk back through the paragraph). Nothing can be
extracted from inside such spans anyway, so they are blanked for extraction only: runs are capped
(their start stays), copies of a repeated sentence go. The record keeps the text as it was, offsets
stay exact (each blanked character becomes a space, or a line break at the span's edges), nothing
found across a blank is kept, and mentions elsewhere are found as before. A text with no such span
is passed on untouched.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex

RUN_CAP = 64  # characters in a row with no letter and no space: 05-CT/TW is 8, 30/2020/NĐ-CP 13
STRETCH_CAP = 256  # characters in a line with no letter at all: "1 1 1 1 ..." or a number soup
NO_LETTER_RUN = regex.compile(rf"[^\p{{L}}\s]{{{RUN_CAP + 1},}}")
LETTERLESS_STRETCH = regex.compile(rf"[^\p{{L}}\n]{{{STRETCH_CAP + 1},}}")
SENTENCE = regex.compile(r"[^.!?…\n]+[.!?…]*")  # a sentence-like unit, with its end punctuation
MAX_REPEATS = 3  # a sentence may occur this often; later copies are not extracted...
REPEAT_MIN_CHARS = 20  # (shorter lines repeat in real pages: "Ảnh: TTXVN", "- Tăng 5%")
REPEATS_TEXT_MIN = 20_000  # ...in a text this long (below it even a repeated text takes under 1 s)...
REPEATS_SHARE = 0.5  # ...which such copies make mostly (real lists repeat a line: 15% of a page at most)


def _repeated_sentences(text: str) -> list[tuple[int, int]]:
    """Copies past the MAX_REPEATS-th of each sentence, when they make most of a long text."""
    if len(text) < REPEATS_TEXT_MIN:
        return []
    seen: Counter[str] = Counter()
    copies = []
    for match in SENTENCE.finditer(text):
        sentence = match.group().strip()
        if len(sentence) < REPEAT_MIN_CHARS:
            continue
        seen[sentence] += 1
        if seen[sentence] > MAX_REPEATS:
            copies.append(match.span())
    repeated = sum(end - start for start, end in copies)
    return copies if repeated >= REPEATS_SHARE * len(text) else []


def _beyond(match: regex.Match[str], cap: int) -> tuple[int, int]:
    """A run capped: its first `cap` characters are read, so what it closes still counts ("(TCCSĐ)))..."
    still defines TCCSĐ); the rest is skipped. (Keeping its end too would let the segmenter join both
    ends across the blanks into one 100,000-character word.)"""
    start, end = match.span()
    return start + cap, end


def pathological_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that extraction skips, in order and not overlapping (one linear pass each)."""
    spans = [_beyond(match, RUN_CAP) for match in NO_LETTER_RUN.finditer(text)]
    stretches = (match for match in LETTERLESS_STRETCH.finditer(text) if match.group().strip())
    spans += [_beyond(match, STRETCH_CAP) for match in stretches]
    return _merged(spans + _repeated_sentences(text))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def for_extraction(text: str) -> str:
    """The text extraction reads: pathological spans blanked, at the same length and offsets (line
    breaks kept, and one at each edge of a blank)."""
    spans = pathological_spans(text)
    if not spans:
        return text
    parts, position = [], 0
    for start, end in spans:
        parts.append(text[position:start])
        blank = regex.sub(r"[^\n]", " ", text[start:end])
        # line breaks at both edges: the segmenter collapses spaces, and would join what stands either
        # side of them ("D." and "com") into one word as long as the span
        parts.append("\n" + blank[1:-1] + "\n" if len(blank) > 1 else blank)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def record_fields(record: dict[str, Any]) -> dict[str, str]:
    """Each field extraction reads (text, title, captions.N, meta.N), as extraction reads it."""
    fields = {"text": record["text"]}
    if record["title"]:
        fields["title"] = record["title"]
    fields.update({f"captions.{i}": caption for i, caption in enumerate(record["captions"])})
    fields.update({f"meta.{i}": line for i, line in enumerate(record["meta"])})
    return {name: for_extraction(value) for name, value in fields.items()}


def _original(record: dict[str, Any], field: str) -> str:
    """A field's text as the record keeps it."""
    if "." in field:
        name, index = field.split(".")
        return record[name][int(index)]
    return record[field]


def _as_written(item: dict[str, Any], record: dict[str, Any], read: dict[str, str]) -> bool:
    """Whether a found span reads the same in the record as extraction read it (not across blanks)."""
    field = item.get("field") or "text"
    if read.get(field) is None or read[field] is _original(record, field):
        return True
    return _original(record, field)[item["start"] : item["end"]] == item.get("text")


def settle(record: dict[str, Any], read: dict[str, str]) -> None:
    """After extraction on blanked fields: drop what a blank made up (a figure "1 ... đảng viên"
    spanning a skipped run: its text would not be the record's), and restore figures' sentences."""
    if all(read[name] is _original(record, name) for name in read):
        return
    for key, value in record.items():
        if key == "entities" or not isinstance(value, list):
            continue
        kept = []
        for item in value:
            if not isinstance(item, dict):
                kept.append(item)
            elif "mentions" in item and isinstance(item["mentions"], list):
                item["mentions"] = [m for m in item["mentions"] if _as_written(m, record, read)]
                if item["mentions"]:
                    kept.append(item)
            elif {"start", "end", "text"} <= item.keys():
                if _as_written(item, record, read):
                    kept.append(item)
            else:
                kept.append(item)
        record[key] = kept
    record["entities"] = [entity for entity in record["entities"] if _as_written(entity, record, read)]
    _restore_sentences(record, read)


def _restore_sentences(record: dict[str, Any], read: dict[str, str]) -> None:
    """Figures' sentences as the text has them, where extraction read a field with blanks."""
    for figure in record.get("figures") or []:
        field = figure.get("field") or "text"
        masked = read.get(field)
        original = _original(record, field) if masked is not None else None
        if original is None or masked is original or figure.get("start") is None:
            continue
        sentence = figure["sentence"]
        window = max(0, figure["start"] - len(sentence)), figure["end"] + len(sentence)
        at = masked.find(sentence, *window)
        if at >= 0:
            figure["sentence"] = original[at : at + len(sentence)]
