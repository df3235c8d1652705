"""One document, one id (issue 12, spec section 3): ids agree across articles, so counts add up.

The whole 2,619-article corpus (and the gold inputs) run through the directive extractor; no two
ids may differ only in case, numerals (Roman or Arabic), spacing, separators or the spelling of the
Party centre (TW, TƯ, T.Ư). The extractor reads strings only, so the corpus runs on its raw text
without word segmentation, in a few seconds.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict

import pytest
import regex

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.kinds import directives
from tests.conftest import SHARED

CORPUS_FILE = SHARED / "corpus" / "dantri-2020.jsonl"
ROMAN = regex.compile(r"(?<![\p{L}\d])[ivxl]+(?![\p{L}\d])")
CENTRE = regex.compile(r"(?<=[/\-])t\.?[ưw](?![\p{L}])")
NOISE = regex.compile(r"[\s\-/.–]")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(numeral: str) -> str:
    values = [ROMAN_VALUES[c] for c in numeral]
    return str(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))


def split_key(document_id: str) -> str:
    """What two spellings of one id share: case, numerals, spacing, separators and TW folded away."""
    key = unicodedata.normalize("NFC", document_id).casefold()
    key = CENTRE.sub("tw", key)
    key = ROMAN.sub(lambda m: _roman(m.group(0)), key)
    return NOISE.sub("", key)


def _ids(title: str | None, text: str) -> list[str]:
    segments = ([Segment("title", title, None)] if title else []) + [Segment("text", text, None)]
    doc = ArticleDoc(segments)  # type: ignore[arg-type]
    mentions = directives.find(doc)
    return [entry["id"] for entry in directives.build(mentions, doc, mentions)]


def _splits(ids: set[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for document_id in sorted(ids):
        groups[split_key(document_id)].append(document_id)
    return [group for group in groups.values() if len(group) > 1]


def test_the_split_key_folds_what_only_the_spelling_changes() -> None:
    assert _splits({"Quyết định 13", "quyết định 13", "35-CT/TW", "35-CT/T.Ư", "42-HD/ĐUK", "42/HD/ĐUK",
                    "Nghị quyết Trung ương IV khóa XII", "Nghị quyết Trung ương 4 khóa XII"}) == [
        ["35-CT/T.Ư", "35-CT/TW"], ["42-HD/ĐUK", "42/HD/ĐUK"],
        ["Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Trung ương IV khóa XII"],
        ["Quyết định 13", "quyết định 13"]]
    assert _splits({"Chỉ thị 05", "05-CT/TW", "Luật Giáo dục 2019", "Luật Giáo dục"}) == []


def test_spellings_of_one_document_get_one_id() -> None:
    text = ("Thực hiện quyết định 13 của Thủ tướng và Quyết định 13; Chỉ thị 35-CT/T.Ư, Chỉ thị 35-CT/TƯ; "
            "Hướng dẫn 42/HD/ĐUK, Nghị quyết Trung ương IV khóa XII, nghị quyết trung ương 4 khóa XII; "
            "Luật Ngân sách Nhà nước và luật Ngân sách nhà nước.")
    ids = _ids(None, text)
    assert _splits(set(ids)) == []
    assert {"Quyết định 13", "35-CT/TW", "42-HD/ĐUK", "Nghị quyết Trung ương 4 khóa XII",
            "Luật Ngân sách nhà nước"} <= set(ids)


def test_no_split_ids_across_the_corpus_and_the_gold_inputs(gold_run) -> None:
    if not CORPUS_FILE.exists():
        pytest.skip(f"{CORPUS_FILE} is not beside the checkout")
    ids: set[str] = set()
    with CORPUS_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            paragraphs = [p.strip() for p in (article.get("content") or "").split("\n") if p.strip()]
            ids.update(_ids(article.get("title"), "\n\n".join(paragraphs)))
    records, _ = gold_run
    ids.update(d["id"] for record in records for d in record["directives"])
    assert len(ids) > 150  # the corpus names some two hundred documents
    assert _splits(ids) == []
