"""What the recall probes read: a corpus run's records, or gathered page texts extracted on the spot.

Both give (id, record) pairs whose record has the run's fields (`title`, `text`, `captions`,
`entities`, one list per kind); `fields` walks the title, body and captions under the names the
mentions use ("title", "text", "captions.0", ...). Held-out files are refused: the probes are for
text nobody annotated.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
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


def probe_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options every probe takes: where to read, which shape, how many examples, JSON counts."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", action="append", default=[], help="a run's records.jsonl")
    parser.add_argument("--pages", action="append", default=[], help="gathered pages (JSON Lines)")
    parser.add_argument("--details", action="store_true", help="every uncovered candidate with its context")
    parser.add_argument("--shape", help="only this shape's uncovered candidates")
    parser.add_argument("--limit", type=int, default=5, help="examples per shape without --details")
    parser.add_argument("--json", action="store_true", help="counts as JSON")
    return parser


def read_sources(args: argparse.Namespace) -> Iterator[tuple[str, dict]]:
    """(id, record) of every run record and gathered page the options name, held-out files refused."""
    refuse_heldout([*args.records, *args.pages])
    for path in args.records:
        yield from records(path)
    for path in args.pages:
        yield from pages(path)


def print_kind_table(counts: Counter, names: dict[str, Iterable[str]], shapes: list[str], width: int) -> None:
    """One row per shape: candidates, covered by a place, an organisation or a person, uncovered, and
    the distinct uncovered names (`names`, per shape)."""
    print(f"{'shape':<{width}}{'all':>6}{'place':>7}{'org':>6}{'person':>7}{'none':>6}  distinct uncovered")
    for shape in shapes:
        row = [counts[(shape, k)] for k in (*KINDS, "none")]
        distinct = len(set(names[shape]))
        print(f"{shape:<{width}}{sum(row):>6}{row[0]:>7}{row[1]:>6}{row[2]:>7}{row[3]:>6}  {distinct}")
    none = sum(n for (_, kind), n in counts.items() if kind == "none")
    print(f"{'total':<{width}}{sum(counts.values()):>6}{'':>26}{none:>6}")


def print_examples(shape: str, found: list[tuple[str, str, str]], top: int, shown: int | None,
                   fold: bool = False) -> None:
    """A shape's uncovered candidates: how many, the `top` most written (case-folded with `fold`), and
    `shown` of them (all with None) as (id, candidate, context)."""
    written = Counter(c.casefold() if fold else c for _, c, _ in found)
    print(f"\n## {shape}: {sum(written.values())} uncovered, top: "
          + "; ".join(f"{c} ×{n}" for c, n in written.most_common(top)))
    for ident, candidate, context in found if shown is None else found[:shown]:
        print(f"  [{ident[-24:]}] {candidate!r}: …{context}…")
