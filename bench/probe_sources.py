"""What the recall probes read: a corpus run's records, or gathered page texts extracted on the spot.

Both give (id, record) pairs whose record has the run's fields (`title`, `text`, `captions`,
`entities`, one list per kind); `fields` walks the title, body and captions under the names the
mentions use ("title", "text", "captions.0", ...). Held-out files are refused: the probes are for
text nobody annotated.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

KINDS = ("locations", "organizations", "people")
Spans = dict[str, list[tuple[int, int, str]]]  # field -> (start, end, kind) of each mention


def refuse_heldout(paths: list[str]) -> None:
    """Stop when a path names a held-out file (the probes read unannotated text only)."""
    for path in paths:
        if "heldout" in path or "-test" in Path(path).name:
            raise SystemExit(f"the probes read unannotated text only, not {path}")


def fields(record: dict) -> Iterator[tuple[str, str]]:
    """(field, text) of the title, body and captions as the record's mentions name them."""
    if record.get("title"):
        yield "title", record["title"]
    yield "text", record.get("text") or ""
    for i, caption in enumerate(record.get("captions") or []):
        yield f"captions.{i}", caption


def mention_spans(record: dict, kinds: tuple[str, ...] = KINDS) -> Spans:
    """Per field, the (start, end, kind) of every mention of the given kinds."""
    spans: Spans = defaultdict(list)
    for kind in kinds:
        for entry in record.get(kind) or []:
            for mention in entry.get("mentions", []):
                spans[mention.get("field", "text")].append((mention["start"], mention["end"], kind))
    return spans


def records(path: str) -> Iterator[tuple[str, dict]]:
    """(id, record) of a run's records.jsonl."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield str(record.get("id")), record


def pages(path: str) -> Iterator[tuple[str, dict]]:
    """(url, record-like dict) of gathered page texts ({"url", "title", "text"}, "published" if known),
    extracted here."""
    from pipeline.extract import extract
    from pipeline.extract.document import build_document

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            host = urlparse(page.get("url", "")).netloc or None
            doc = build_document(page["text"], title=page.get("title"), published=page.get("published"),
                                 outlet=host)
            record = {"title": page.get("title"), "text": page["text"], **extract(doc)}
            yield page.get("url", ""), record
