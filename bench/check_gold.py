"""Shape check of a new held-out batch before it is added: one line per problem, exit 1 if any.

`python bench/check_gold.py FILE...` checks each JSON Lines gold file: every line JSON; the keys of its
kind (extraction passages or cleaning page tops: the spec's section 7 and what every dev file holds);
every mention's `text` (directives, figures, dates) verbatim in the passage's lines or title; dates
and figure times ISO-shaped as section 5 writes them, `published` a date, a date-time or "YYYY-MM";
`host` the URL's; no URL already in another held-out file (or another file named); one page per
registered domain within a file. A score-only `-test` file is checked only with `--quiet`, which prints
a pooled count per check and nothing of any line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, time
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.heldout_hosts import heldout_files, host_of, registered_domain, url_key, url_of, urls_in  # noqa: E402
from pipeline.evaluate import gold_key  # noqa: E402

# Keys per kind: required (every dev file has them; spec section 7) and optional (some gold carries them).
RECORD_KEYS = {
    "extraction": (
        {
            "key",
            "host",
            "published",
            "title",
            "lines",
            "directives",
            "figures",
            "dates",
            "organizations",
            "people",
            "locations",
        },
        {"notes", "province", "authors", "id"},
    ),
    "cleaning": (
        {"key", "host", "published", "title", "authors", "top", "tail"},
        {"tail_composed", "query", "notes", "province", "id"},
    ),
}
LINE_LISTS = {"extraction": ("lines",), "cleaning": ("top", "tail")}
LINE_CLASSES = {"title", "meta", "body", "caption", "boilerplate"}
ITEM_KEYS = {  # list field -> (required keys, optional keys) of its items
    "directives": ({"id", "text"}, set()),
    "figures": (
        {"value", "unit", "text", "measure", "subject", "time", "source"},
        {"qualifier", "is_target", "of"},
    ),
    "dates": ({"value", "text"}, {"inferred"}),
}
NAME_KEYS = {"organizations": {"mentions"}, "people": {"role"}, "locations": {"level"}}  # besides `name`
LEVELS = {"country", "province", "district", "commune", "other", None}
MENTIONS = ("directives", "figures", "dates")

POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?")
PUBLISHED = re.compile(r"\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)?")


class Problem(NamedTuple):
    """One problem of one line of a file."""

    path: Path
    line: int
    check: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.check}: {self.what}"


def is_point(text: str) -> bool:
    """A day, month, year or date-time of section 5 that is a real one ("2021-02-30" is not)."""
    match = POINT.fullmatch(text)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
        time(hour or 0, minute or 0, second or 0)
    except ValueError:
        return False
    return True


def is_iso_date(value: Any) -> bool:
    """A date value of section 5: a point, an interval of two points, or one open at its end ("2016/..")."""
    if not isinstance(value, str):
        return False
    start, slash, end = value.partition("/")
    return is_point(start) and (not slash or end == ".." or is_point(end))


def is_published(value: Any) -> bool:
    """`published` as gold writes it: null, a date, a date-time or a month ("2021-04")."""
    return value is None or (isinstance(value, str) and bool(PUBLISHED.fullmatch(value)) and is_point(value))


def kind_of(path: Path, records: list[dict]) -> str:
    """The kind of gold ("extraction", "cleaning"): from the file's name, else the first record's keys."""
    for kind in RECORD_KEYS:
        if path.name.startswith(kind):
            return kind
    first = next(iter(records), {})
    return "cleaning" if "top" in first else "extraction"


def read_lines(path: Path) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """(line number, object) of every non-blank line, as the scorer's `read_jsonl` reads them, and the
    lines that are no JSON object."""
    records, problems = [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(Problem(path, number, "json", str(error)))
                continue
            if isinstance(record, dict):
                records.append((number, record))
            else:
                problems.append(Problem(path, number, "json", f"a {type(record).__name__}, not an object"))
    return records, problems


def key_problems(record: dict, required: set[str], optional: set[str], where: str) -> list[tuple[str, str]]:
    """(check, what) for missing and unknown keys of one object."""
    found = [("missing", f"{where}no `{key}`") for key in sorted(required - record.keys())]
    return found + [
        ("unknown", f"{where}`{key}` is no key of this kind")
        for key in sorted(record.keys() - required - optional)
    ]


def line_problems(record: dict, kind: str) -> list[tuple[str, str]]:
    """(check, what) for the classed line lists of a record."""
    found = []
    for field in LINE_LISTS[kind]:
        lines = record.get(field, [])
        if not isinstance(lines, list):
            found.append(("type", f"`{field}` is no list"))
            continue
        for index, line in enumerate(lines):
            if not isinstance(line, dict) or not isinstance(line.get("text"), str):
                found.append(("lines", f"{field}[{index}] has no `text` string"))
            elif line.get("class") not in LINE_CLASSES:
                found.append(
                    (
                        "lines",
                        f"{field}[{index}] class {line.get('class')!r} is none of "
                        f"{', '.join(sorted(LINE_CLASSES))}",
                    )
                )
    return found


def item_problems(record: dict) -> list[tuple[str, str]]:
    """(check, what) for an extraction record's directives, figures, dates and names."""
    found = []
    for field, (required, optional) in ITEM_KEYS.items():
        for index, item in enumerate(record.get(field) or []):
            if not isinstance(item, dict):
                found.append(("type", f"{field}[{index}] is no object"))
                continue
            found += key_problems(item, required, optional, f"{field}[{index}] has ")
            if field == "figures" and not (
                isinstance(item.get("value"), (int, float)) and not isinstance(item.get("value"), bool)
            ):
                found.append(("type", f"figures[{index}] value {item.get('value')!r} is no number"))
            if field == "figures" and item.get("time") is not None and not is_iso_date(item["time"]):
                found.append(("iso", f"figures[{index}] time {item['time']!r} is not ISO-shaped"))
            if field == "dates" and "value" in item and not is_iso_date(item["value"]):
                found.append(("iso", f"dates[{index}] value {item['value']!r} is not ISO-shaped"))
    for field, optional in NAME_KEYS.items():
        for index, item in enumerate(record.get(field) or []):
            name = item.get("name") if isinstance(item, dict) else item
            if not isinstance(name, str) or not name.strip():
                found.append(("type", f"{field}[{index}] has no name"))
            elif isinstance(item, dict):
                found += key_problems(item, {"name"}, optional, f"{field}[{index}] has ")
                if field == "locations" and item.get("level") not in LEVELS:
                    found.append(("level", f"locations[{index}] level {item.get('level')!r}"))
    return found


def verbatim_problems(record: dict) -> list[tuple[str, str]]:
    """(check, what) for mention texts found in none of the passage's lines nor its title."""
    lines = [line.get("text", "") for line in record.get("lines") or [] if isinstance(line, dict)]
    haystack = "\n".join([*lines, record.get("title") or ""])
    found = []
    for field in MENTIONS:
        for index, item in enumerate(record.get(field) or []):
            text = item.get("text") if isinstance(item, dict) else None
            if not isinstance(text, str) or not text:
                found.append(("verbatim", f"{field}[{index}] has no text"))
            elif text not in haystack:
                squeezed = " ".join(text.split()) in " ".join(haystack.split())
                found.append(
                    (
                        "verbatim",
                        f"{field}[{index}] text {text!r} is not in the passage"
                        + (" (only with its spaces squeezed)" if squeezed else ""),
                    )
                )
    return found


def record_problems(record: dict, kind: str) -> list[tuple[str, str]]:
    """(check, what) for one gold line of `kind`."""
    required, optional = RECORD_KEYS[kind]
    found = key_problems(record, required, optional, "")
    try:
        gold_key(record)  # the key the scorer names the article by
    except (AttributeError, KeyError, StopIteration, TypeError):
        found.append(("key", "`key` is no one-entry object"))
    url = url_of(record)
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        found.append(("url", f"no http(s) URL in `key.url`: {url!r}"))
    elif record.get("host") not in {host_of(url), host_of(url).removeprefix("www.")}:
        found.append(("host", f"host {record.get('host')!r} is not the URL's {host_of(url)!r}"))
    if not is_published(record.get("published")):
        found.append(("iso", f"published {record.get('published')!r} is no date, date-time or YYYY-MM"))
    if not (record.get("title") is None or isinstance(record.get("title"), str)):
        found.append(("type", "title is no string or null"))
    authors = record.get("authors", [])
    if not (isinstance(authors, list) and all(isinstance(a, str) and a.strip() for a in authors)):
        found.append(("type", "authors is no list of names"))
    found += line_problems(record, kind)
    if kind == "extraction":
        found += item_problems(record) + verbatim_problems(record)
    return found


def check_file(path: Path, others: list[Path]) -> list[Problem]:
    """Every problem of one gold file; `others` are the files whose URLs it must not repeat."""
    records, problems = read_lines(path)
    kind = kind_of(path, [r for _, r in records])
    seen = {url_key(url): other.name for other in others for _, url in urls_in(other)}
    domains: dict[str, int] = {}
    for number, record in records:
        problems += [Problem(path, number, check, what) for check, what in record_problems(record, kind)]
        url = url_of(record)
        if not isinstance(url, str):
            continue
        if url_key(url) in seen:
            problems.append(Problem(path, number, "repeat", f"URL already in {seen[url_key(url)]}"))
        domain = registered_domain(host_of(url))
        if domain in domains:
            problems.append(Problem(path, number, "domain", f"{domain} already has line {domains[domain]}"))
        domains.setdefault(domain, number)
    return sorted(problems, key=lambda p: p.line)


def check(paths: list[Path], heldout: list[Path]) -> list[Problem]:
    """Problems of every file; each file's URLs are checked against the other files and held-out files."""
    named = {p.resolve() for p in paths}
    problems = []
    for path in paths:
        others = [p for p in heldout if p.resolve() not in named] + [p for p in paths if p != path]
        problems += check_file(path, others)
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print the problems (or with --quiet their pooled counts); 1 if there is any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="only pooled counts per check: the one way to check score-only -test files",
    )
    parser.add_argument("--heldout", type=Path, help=argparse.SUPPRESS)  # tests' stand-in folder
    args = parser.parse_args(argv)
    if not args.quiet and any("-test" in p.name for p in args.files):
        parser.error("a -test file is score only: check it with --quiet (pooled counts, no line)")
    heldout = heldout_files("all", args.heldout) if args.heldout else heldout_files("all")
    problems = check(args.files, heldout)
    if args.quiet:
        counts = Counter(p.check for p in problems)
        tally = ", ".join(f"{name} {n}" for name, n in sorted(counts.items()))
        print(f"{len(problems)} problems in {len(args.files)} files" + (f" ({tally})" if tally else ""))
    else:
        print("\n".join(map(str, problems)) if problems else f"no problem in {len(args.files)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
