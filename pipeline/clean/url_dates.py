"""A page's publication date read off its URL ("/2020/10/09/", "/Pages/2024-5-17/"): the last resort.

The shapes are data (rules/url_dates.yml); `published_from` asks here only when the page gives no
date of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import regex

from pipeline.rulebook import RulesError, compiled, lexicon_schema, load_rules, strict_object

FIRST_YEAR = 1990  # no Vietnamese news site dates its URLs earlier; older years are a slug's events
DATE_GROUPS = frozenset({"year", "month", "day"})  # the named groups of every shape

URL_DATES_SCHEMA = strict_object(
    {
        "shapes": lexicon_schema(
            {
                "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                "examples": {
                    "type": "array",
                    "items": strict_object({"path": {"type": "string"}, "date": {"type": "string"}}),
                },
                "not": {"type": "array", "items": {"type": "string"}},
            },
            required=["name", "examples", "not"],
        ),
        "never": lexicon_schema(),
    },
)


@dataclass(frozen=True)
class UrlDateShape:
    """One named shape of a date in a URL's path."""

    name: str
    pattern: regex.Pattern[str]


@compiled
def url_date_shapes() -> tuple[UrlDateShape, ...]:
    """The shapes of rules/url_dates.yml, compiled once per rulebook, in the file's order."""
    data: dict[str, Any] = load_rules("url_dates", URL_DATES_SCHEMA)
    shapes = tuple(
        UrlDateShape(e["name"], regex.compile(e["term"], regex.IGNORECASE)) for e in data["shapes"]
    )
    for shape in shapes:  # a month alone is no `published` (a day or a time): every shape reads a day
        if missing := DATE_GROUPS - set(shape.pattern.groupindex):
            raise RulesError(f"rules/url_dates.yml: shape {shape.name} lacks the group(s) {sorted(missing)}")
    return shapes


def url_published(url: str | None, this_year: int | None = None) -> str | None:
    """The day the URL's path states ("2020-10-09"), if exactly one."""
    if not url:
        return None
    path = urlsplit(url.strip() if "://" in url else f"//{url.strip()}").path
    last_year = this_year or date.today().year
    for shape in url_date_shapes():
        found = dates_in_path(shape, path, last_year)
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # two dates in one path: neither is surely the page's
    return None


def dates_in_path(shape: UrlDateShape, path: str, last_year: int) -> set[str]:
    """The real calendar dates one shape reads in a URL's path."""
    return {parsed for match in shape.pattern.finditer(path) if (parsed := _calendar(match, last_year))}


def _calendar(match: regex.Match[str], last_year: int) -> str | None:
    """The match as an ISO date, if it is a real one in 1990..last_year."""
    year = int(match.group("year"))
    if not FIRST_YEAR <= year <= last_year:
        return None
    try:
        return date(year, int(match.group("month")), int(match.group("day"))).isoformat()
    except ValueError:
        return None
