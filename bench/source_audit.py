"""Self-supervised audit of figure sources: sources vnie gets right, rewritten into other frames.

Takes the matched figures of the extraction-dev passages whose gold source is named in the figure's
own sentence and whose vnie source agrees with it, and whose sentence reads "<cue>, <content>" (the
content: what follows the first comma or colon after the source's name, holding the figure). With
`--corpus RUN/records.jsonl` the figures of a vnie run whose source is named in their sentence are
seeds too (no gold: what vnie found is taken as right; `--limit` caps how many). Each content is
attributed again in frames that keep who states it:

- `theo`: "Theo {S}, {content}";
- `cho-biet`: "{S} cho biết, {content}";
- `cho-biet-colon`: "{S} cho biết: {content}";
- `thong-tin`: "{S} thông tin, {content}";
- `cung-theo`: "Cũng theo {S}, {content}" (an adverb before "theo");
- `closing`: "{content}, {S} cho biết." (the cue after what it covers);
- `closing-thong-tin`: "{content}, {S} thông tin." (a cue often a noun, ending its sentence);
- `thong-tin-them`: "{S} thông tin thêm, {content}" ("thêm": more);
- `fronted-quote`: '"{content}", {S} cho biết.' (a quote its closing cue names);
- `next-sentence`: "{S} cho biết, năm nay đơn vị đạt nhiều kết quả. {content}" (the paragraph goes on);
- `next-paragraph`: as `next-sentence`, the content a paragraph later opening on "Theo đó, ";

and in frames where nobody states it (`kept` there means a null source):

- `acted-before`: "{S} tổ chức hội nghị sơ kết. {content}" (the body acts, it reports nothing);
- `document-noun`: "{S} đã trình bày báo cáo chính trị tại đại hội. {content}" (the report noun the
  object of another verb).

Per frame: kept (agrees with the source, or null in the last two), changed (another source), null
(no source where one is expected), lost (the figure is not found).

    PYTHONPATH=$PWD python bench/source_audit.py
    PYTHONPATH=$PWD python bench/source_audit.py --corpus /tmp/run/records.jsonl --frame closing --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.frame_audits import FrameTally, frame_audit_args, verdict  # noqa: E402
from bench.subject_frame_audit import _lower_first  # noqa: E402
from pipeline.evaluate import _attribute_key, attribute_agrees, gold_documents, matched_figures  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402

LEAD = "năm nay đơn vị đạt nhiều kết quả."
REPORT = "báo cáo chính trị tại đại hội"  # a report noun, the object of another verb
CONTENT_START = re.compile(r"[,:]\s+")


def _content(sentence: str, source: str, figure: str) -> str | None:
    """What the sentence's cue covers: the words after the first comma or colon past the source's
    name, when they hold the figure and open no new quote."""
    at = sentence.find(source)
    if at < 0:
        return None
    cut = CONTENT_START.search(sentence, at + len(source))
    if cut is None:
        return None
    rest = sentence[cut.end():].strip()
    if figure not in rest or rest[:1] in "“\"«" or len(rest.split()) < 4:
        return None
    return rest if rest.endswith((".", "!", "?", "…")) else rest + "."


def _bare(content: str) -> str:
    return content.rstrip(".!?… ")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _low(text: str) -> str:
    """The content after a comma: its first letter lowered unless it opens a name."""
    return _lower_first(_upper_first(text))


FRAMES: dict[str, Callable[[str, str], str]] = {
    "theo": lambda s, c: f"Theo {s}, {_low(c)}",
    "cho-biet": lambda s, c: f"{_upper_first(s)} cho biết, {_low(c)}",
    "cho-biet-colon": lambda s, c: f"{_upper_first(s)} cho biết: {_upper_first(c)}",
    "thong-tin": lambda s, c: f"{_upper_first(s)} thông tin, {_low(c)}",
    "cung-theo": lambda s, c: f"Cũng theo {s}, {_low(c)}",
    "closing": lambda s, c: f"{_upper_first(_bare(c))}, {s} cho biết.",
    "closing-thong-tin": lambda s, c: f"{_upper_first(_bare(c))}, {s} thông tin.",
    "thong-tin-them": lambda s, c: f"{_upper_first(s)} thông tin thêm, {_low(c)}",
    "fronted-quote": lambda s, c: f"“{_upper_first(_bare(c))}”, {s} cho biết.",
    "next-sentence": lambda s, c: f"{_upper_first(s)} cho biết, {LEAD} {_upper_first(c)}",
    "next-paragraph": lambda s, c: f"{_upper_first(s)} cho biết, {LEAD}\n\nTheo đó, {_low(c)}",
    "acted-before": lambda s, c: f"{_upper_first(s)} tổ chức hội nghị sơ kết. {_upper_first(c)}",
    "document-noun": lambda s, c: f"{_upper_first(s)} đã trình bày {REPORT}. {_upper_first(c)}",
}
NOBODY = {"acted-before", "document-noun"}  # frames where no one states the figure


def dev_seeds(paths: list[str]) -> list[tuple[str, str, str, str, float]]:
    """(file stem, content, source, figure text, value) of the figures vnie attributes right from a
    cue in their own sentence, each content and figure once."""
    out, seen = [], set()
    for path in paths:
        for gold, doc in gold_documents(path):
            for mine, theirs in matched_figures(extract(doc).get("figures", []), gold.get("figures", [])):
                source, text = theirs.get("source"), theirs.get("text")
                if not source or not text or not attribute_agrees("source", mine.get("source"), source):
                    continue
                content = _content(mine.get("sentence") or "", mine["source"], text)
                if content and (content, text) not in seen:
                    seen.add((content, text))
                    out.append((Path(path).stem, content, mine["source"], text, float(mine["value"])))
    return out


def corpus_seeds(records: str, limit: int) -> list[tuple[str, str, str, str, float]]:
    """As `dev_seeds`, from the figures of a vnie run whose source is named in their sentence."""
    out, seen = [], set()
    with open(records, encoding="utf-8") as handle:
        for line in handle:
            for fig in json.loads(line).get("figures", []):
                source, text = fig.get("source"), fig.get("text")
                if not source or not text or fig.get("value") is None:
                    continue
                content = _content(fig.get("sentence") or "", source, text)
                if content and (content, text) not in seen:
                    seen.add((content, text))
                    out.append(("corpus", content, source, text, float(fig["value"])))
                    if len(out) >= limit:
                        return out
    return out


def judge(framed: str, source: str, text: str, value: float, nobody: bool) -> tuple[str, str | None]:
    """What the framed text's figure of that value took as its source: (kind, source)."""
    figures = extract(build_document(text=framed)).get("figures", [])
    same = [f for f in figures if f.get("value") == value]
    same.sort(key=lambda f: _attribute_key(text) not in _attribute_key(f.get("text", "")))
    if nobody:
        figure = same[0] if same else None
        if figure is None:
            return "lost", None
        got = figure.get("source")
        return ("kept", None) if got is None else ("changed", got)
    return verdict(same[0] if same else None, "source", lambda got: attribute_agrees("source", got, source))


def main() -> int:
    extra = sys.argv[sys.argv.index("--corpus") + 1] if "--corpus" in sys.argv else None
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 300
    for option in ("--corpus", "--limit"):
        if option in sys.argv:
            at = sys.argv.index(option)
            del sys.argv[at : at + 2]
    args, paths = frame_audit_args(__doc__, FRAMES, "figure")
    seeds = dev_seeds(paths) + (corpus_seeds(extra, limit) if extra else [])
    frames = args.frame or list(FRAMES)
    tally = FrameTally(frames)
    for stem, content, source, text, value in seeds:
        for frame in frames:
            framed = FRAMES[frame](source, content)
            kind, got = judge(framed, source, text, value, frame in NOBODY)
            tally.add(frame, kind, stem, f"{text!r}: {source!r} -> {got!r}", framed[:220])
    half = "test" if args.test_half else "dev"
    print(f"{len(seeds)} figures whose source vnie finds in their sentence ({len({s[0] for s in seeds})} "
          f"{half} files{' and the corpus run' if extra else ''})")
    tally.print(args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
