"""Hosts, registered domains and URLs of the held-out files, for gathering the next batch.

Reads every `tests/heldout/*.jsonl` (or those of `--half`) for its pages' URLs (`key.url`, else `url`) and
prints, sorted and once each, their hosts, or with `--domains` their registered domains, or with `--only
dev|test` the registered domains found in that half and not the other (less those a tuning session read,
`bench/data/tuning_read_domains.txt`: a score-only batch takes no page from them), or with `--urls` the URLs
already annotated (so a gatherer never takes a page twice). It prints URLs and hosts, never any other text
of a file, so it may read the score-only `-test` files.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
SUFFIXES = Path(__file__).resolve().parent / "data" / "domain_suffixes.txt"
TUNING_READ = Path(__file__).resolve().parent / "data" / "tuning_read_domains.txt"
HALVES = ("dev", "test")
DEFAULT_PORTS = {"http": ":80", "https": ":443"}


@cache
def registered_suffixes() -> frozenset[str]:
    """The suffixes under which names are registered one level down (`bench/data/domain_suffixes.txt`)."""
    lines = SUFFIXES.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def url_of(record: dict) -> str | None:
    """The URL a held-out line names its page by: `key.url`, else a top-level `url`."""
    key = record.get("key")
    url = key.get("url") if isinstance(key, dict) else None
    return url or record.get("url") or None


def host_of(url: str) -> str:
    """The URL's host, lower-cased, with a port other than its scheme's own ("113.161.212.101:81";
    "https://yenbai.gov.vn:443/" is "yenbai.gov.vn", as the gold's `host` writes it)."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc.lower().rpartition("@")[2]
    return netloc.removesuffix(DEFAULT_PORTS.get(parts.scheme.lower(), "\0"))


def registered_domain(host: str) -> str:
    """The name registered for a host: one label under a listed suffix, else its last two labels."""
    name = host.rpartition("@")[2].split(":")[0].strip(".").lower()
    try:
        ipaddress.ip_address(name)
        return name  # an address is its own domain
    except ValueError:
        pass
    labels = name.split(".")
    depth = 3 if ".".join(labels[-2:]) in registered_suffixes() else 2
    return ".".join(labels[-depth:])


def url_key(url: str) -> str:
    """A URL as compared for "the same page": no scheme, "www.", fragment, closing slash or host case."""
    parts = urlsplit(url.strip())
    host = host_of(url).removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def half_of(path: Path) -> str | None:
    """The half ("dev", "test") a held-out file's name puts it in, else None."""
    return next((half for half in HALVES if f"-{half}" in path.name), None)


def heldout_files(half: str = "all", folder: Path = HELDOUT) -> list[Path]:
    """The held-out JSON Lines files of one half ("dev", "test") or of both ("all")."""
    files = sorted(folder.glob("*.jsonl"))
    return [f for f in files if half_of(f) and (half == "all" or half_of(f) == half)]


def urls_in(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, URL) of every line of a held-out file that names one; nothing else is kept."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:
                continue  # check_gold.py reports it; here only URLs matter
            url = url_of(record) if isinstance(record, dict) else None
            if isinstance(url, str):
                yield number, url


def collect(files: Iterable[Path], unit: str) -> set[str]:
    """Every `unit` ("hosts", "domains", "urls") of the files' URLs."""
    found: set[str] = set()
    for path in files:
        for _, url in urls_in(path):
            host = host_of(url)
            found.add({"hosts": host, "domains": registered_domain(host), "urls": url.strip()}[unit])
    return found


def listed_domains(path: Path) -> set[str]:
    """The registered domains a list file names, one a line ('#' starts a comment); none if it is absent."""
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return {registered_domain(line) for line in lines if line}


def only_in(half: str, folder: Path = HELDOUT, read_by_tuning: Path = TUNING_READ) -> set[str]:
    """Registered domains in `half`, in no file of the other half, and on no tuning session's list."""
    other = next(h for h in HALVES if h != half)
    found = collect(heldout_files(half, folder), "domains") - collect(heldout_files(other, folder), "domains")
    return found - listed_domains(read_by_tuning)


def main(argv: list[str] | None = None) -> int:
    """Print the chosen hosts, domains or URLs, one a line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--half",
        choices=("dev", "test", "all"),
        default="all",
        help="files whose name holds -dev, -test, or both (default)",
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--domains", action="store_true", help="registered domains instead of hosts")
    shown.add_argument(
        "--only",
        choices=HALVES,
        help="registered domains of that half that the other half lacks and no tuning session read",
    )
    shown.add_argument("--urls", action="store_true", help="the URLs already annotated")
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help=argparse.SUPPRESS)  # tests' folder
    parser.add_argument("--tuning-read", type=Path, default=TUNING_READ, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.only and args.half != "all":
        parser.error("--only compares the two halves: give no --half with it")
    if args.only:
        found = only_in(args.only, args.heldout, args.tuning_read)
    else:
        unit = "domains" if args.domains else "urls" if args.urls else "hosts"
        found = collect(heldout_files(args.half, args.heldout), unit)
    print("\n".join(sorted(found)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
