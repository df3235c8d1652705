"""Site templates: the lines a site prints on its pages whatever the article, learned from the batch.

A first pass reads a sample of the inputs (at most `SAMPLE_PER_SITE` pages of each site and
`SAMPLE_TOTAL` in all) and counts, for each site, on how many of its articles each short line
appears (copies of one article count once: a page crawled three times is not a template). A site
is the outlet of a page's URL and, apart from it, the input file (a crawl file's records) or folder
the page came from. A line on at least `MIN_PAGES` pages and `MIN_SHARE` of a site's sampled pages
is that site's furniture: its menu, section names, widget labels, footer. Memory stays bounded:
lines of `LONG_LINE_WORDS` words or more are not counted (prose, never removed this way), a site
keeps at most `MAX_LINES_PER_SITE` distinct lines (lines seen once are dropped first), and at most
`MAX_SITES` sites are followed.

The profiles are data: one JSON object per site in `templates.jsonl` beside the outputs, reused by
later runs into the same folder (only sites it does not know are learned again). The cleaner
(`lines.py`) removes a template line only where it stands outside the prose or as a short line
among it: a sentence that two articles share stays body in both.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.clean.fields import outlet_from_url
from pipeline.model import Failed, RawArticle
from pipeline.text import casefold_words

TEMPLATES_FILE = "templates.jsonl"
SAMPLE_PER_SITE = 200  # pages of one site read to learn its template
SAMPLE_TOTAL = 5000  # pages read in all before the run starts
MIN_PAGES = 3  # a line on fewer pages is not a template, however small the site
MIN_SHARE = 0.3  # ... nor one on fewer than this share of the site's pages
LONG_LINE_WORDS = 30  # prose: not counted, never removed as a template
MAX_LINES_PER_SITE = 20_000
MAX_SITES = 10_000


def site_keys(raw: RawArticle) -> list[str]:
    """The sites a page belongs to: its outlet (from the URL) and its input file or folder."""
    keys = []
    outlet = outlet_from_url(raw.url)
    if outlet:
        keys.append(f"outlet:{outlet}")
    source, record, _ = raw.path.partition("#")
    if source and source != "-":
        keys.append(f"file:{source}" if record else f"folder:{os.path.dirname(source) or '.'}")
    return keys


def page_lines(text: str) -> set[str]:
    """The distinct short lines of a page, case and spacing folded as the cleaner compares lines."""
    return {casefold_words(line) for line in text.split("\n")
            if line.strip() and len(line.split()) < LONG_LINE_WORDS}


def article_keys(text: str) -> set[int]:
    """What tells one article from another: its paragraphs (a copy of a page shares one, cut or not)."""
    lines = [line for line in text.split("\n") if line.strip()]
    prose = [line for line in lines if len(line.split()) >= LONG_LINE_WORDS]
    return {hash(casefold_words(line)) for line in prose or [max(lines, key=len, default="")]}


@dataclass
class SiteProfile:
    """One site's sampled pages and, for each short line, on how many of them it appears."""

    site: str
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    paragraphs: set[int] = field(default_factory=set, repr=False)  # paragraphs of the articles counted

    def add_page(self, lines: Iterable[str], article: set[int]) -> None:
        """Count one page's distinct lines, unless it shares a paragraph with a page counted (a copy)."""
        if article & self.paragraphs:
            return  # a page crawled twice would make its own headline look like the site's furniture
        self.paragraphs |= article
        self.pages += 1
        self.counts.update(set(lines))
        if len(self.counts) > MAX_LINES_PER_SITE:  # forget the rarest lines first
            floor = 1
            while len(self.counts) > MAX_LINES_PER_SITE // 2:
                self.counts = Counter({line: n for line, n in self.counts.items() if n > floor})
                floor += 1

    def template(self) -> frozenset[str]:
        """The lines frequent enough on this site's pages to be its furniture."""
        needed = max(MIN_PAGES, MIN_SHARE * self.pages)
        return frozenset(line for line, n in self.counts.items() if n >= needed)

    def as_json(self) -> dict[str, Any]:
        """The saved form: the site, its sampled pages and its template lines with their counts."""
        needed = max(MIN_PAGES, MIN_SHARE * self.pages)
        lines = sorted(((n, line) for line, n in self.counts.items() if n >= needed), reverse=True)
        return {"site": self.site, "pages": self.pages, "lines": [{"text": t, "pages": n} for n, t in lines]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SiteProfile:
        counts = Counter({entry["text"]: int(entry["pages"]) for entry in data["lines"]})
        return cls(data["site"], int(data["pages"]), counts)


@dataclass
class Templates:
    """The learned profiles of every site of a run, and the template lines each page gets."""

    profiles: dict[str, SiteProfile] = field(default_factory=dict)
    _cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def learn(self, items: Iterable[RawArticle | Failed]) -> int:
        """Count a sample of pages of the sites not profiled yet; the number of pages read."""
        known = set(self.profiles)
        read = 0
        for item in items:
            if read >= SAMPLE_TOTAL:
                break
            if not isinstance(item, RawArticle):
                continue
            keys = [k for k in site_keys(item) if k not in known]
            fresh = [k for k in keys if k in self.profiles or len(self.profiles) < MAX_SITES]
            wanted = [k for k in fresh if self.profiles.get(k, SiteProfile(k)).pages < SAMPLE_PER_SITE]
            if not wanted:
                continue
            lines, article = page_lines(item.text), article_keys(item.text)
            for key in wanted:
                self.profiles.setdefault(key, SiteProfile(key)).add_page(lines, article)
            read += 1
        self._cache.clear()
        return read

    def lines_for(self, raw: RawArticle) -> frozenset[str]:
        """The template lines of every site this page belongs to."""
        found: frozenset[str] = frozenset()
        for key in site_keys(raw):
            if key not in self._cache:
                profile = self.profiles.get(key)
                self._cache[key] = profile.template() if profile else frozenset()
            found |= self._cache[key]
        return found

    def sites_with_templates(self) -> int:
        """How many sites have at least one template line."""
        return sum(1 for profile in self.profiles.values() if profile.template())

    def save(self, path: Path) -> None:
        """One JSON object per site, sites in name order (a file a person can read and diff)."""
        with open(path, "w", encoding="utf-8") as handle:
            for key in sorted(self.profiles):
                handle.write(json.dumps(self.profiles[key].as_json(), ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: Path) -> Templates:
        """Profiles saved by an earlier run; none when the file is missing."""
        templates = cls()
        if path.exists():
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        profile = SiteProfile.from_json(json.loads(line))
                        templates.profiles[profile.site] = profile
        return templates
