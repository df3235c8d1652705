"""Which province an article is about: its outlet's province, else the one its places point to."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pipeline.extract import gazetteer

MIN_MENTIONS = 2  # one passing mention ("tại Hà Nội") does not make an article about a place
MIN_SHARE = 0.5  # a list of ten provinces is about none of them
TITLE_WEIGHT = 2  # the headline says what the article is about


def province_votes(record: dict[str, Any]) -> Counter[str]:
    """Province mentions in title and body, counting places inside organisation names too."""
    votes: Counter[str] = Counter()
    for name, weight in gazetteer.place_mentions(record.get("title") or ""):
        votes[name] += weight * TITLE_WEIGHT
    for name, weight in gazetteer.place_mentions(record.get("text") or ""):
        votes[name] += weight
    return votes


def decide_province(record: dict[str, Any]) -> str | None:
    """The province's short name ("Ninh Thuận"), or None when the article is not about one."""
    outlet = record.get("source", {}).get("outlet")
    if outlet and (from_outlet := gazetteer.province_from_outlet(outlet)):
        return from_outlet
    votes = province_votes(record)
    if not votes:
        return None
    (top, count), total = votes.most_common(1)[0], sum(votes.values())
    return top if count >= MIN_MENTIONS and count / total >= MIN_SHARE else None
