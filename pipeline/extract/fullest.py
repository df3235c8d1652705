"""A body's name at its fullest in its article: a name whose last word leaves its place or its own
name open ("UBND tỉnh", "Đảng bộ huyện", "Đảng ủy Khối") completed from what the same article writes.

One step for every caller (canonical ids, figure subjects): the name goes on with what the article
gives that word, only when the article gives it one thing; with none, or several, it stays as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import regex

from pipeline.extract.canonical import canonical_name, expanded, place_context
from pipeline.extract.canonical import rules as canonical_rules
from pipeline.extract.document import ArticleDoc

# a level word leading the article's place as written ("huyện Lạc Dương")
LEVEL_WORD = regex.compile(r"(?i)^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s")


def at_fullest(name: str, names: Iterable[str], sole_places: Mapping[str, str] | None = None) -> str:
    """`name` at its fullest among the article's bodies' `names` and its `sole_places` (level -> the one
    place of that level it names, "huyện Lạc Dương"): an open head goes on with the one name the
    article gives it ("Đảng ủy Khối" -> "... Khối Các cơ quan tỉnh Quảng Bình"); a bare level word
    becomes the one longer name that goes on from it ("Hội Chữ thập đỏ Thành phố" -> "... Thành phố
    Hồ Chí Minh"), else takes the article's one place of that level ("Đảng bộ huyện Lạc Dương")."""
    names = list(names)
    name = _open_head_named(name, names)
    longer = _longer_name(name, names)
    if longer != name:
        return longer
    return _sole_place(name, sole_places or {})


def _open_head_named(name: str, names: list[str]) -> str:
    """A name ending on an open head ("Đảng ủy Khối") with the one name the article gives that head
    elsewhere ("Đảng bộ Khối Các cơ quan tỉnh Quảng Bình")."""
    match = canonical_rules().open_re.search(name)
    if not match:
        return name
    after = regex.compile(rf"(?<![\p{{L}}]){regex.escape(match.group(0))} (?=\p{{Lu}})")
    rests = {other[m.end():] for other in names for m in after.finditer(other)}
    return f"{name} {rests.pop()}" if len(rests) == 1 else name


def _longer_name(name: str, names: list[str]) -> str:
    """A name ending on a bare administrative word ("UBND tỉnh") at the one longer name of the article
    that goes on from it with the place (compared with acronyms expanded and case folded)."""
    if not canonical_rules().trailing_admin_re.search(name):
        return name
    key = expanded(name).casefold().split()
    longer = set()
    for other in names:
        parts = expanded(other).split()
        if len(parts) > len(key) and [w.casefold() for w in parts[: len(key)]] == key \
                and parts[len(key)][:1].isupper():
            longer.add(other)
    return longer.pop() if len(longer) == 1 else name


def _sole_place(name: str, sole_places: Mapping[str, str]) -> str:
    """A name ending on a bare level word with the one place of that level the article names ("HĐND
    tỉnh" -> "HĐND tỉnh Trà Vinh"); a bare level word alone is a place, read elsewhere; a level word
    after a blocker ("tuyến huyện", "cấp xã") names a tier, no one place; a place written with another
    level word ("thị xã X" for "huyện") completes nothing."""
    from pipeline.extract.clauses import rules as clause_rules  # it loads spaCy: not on importing the kinds

    words = name.split()
    level = clause_rules().get("place_words", words[-1].lower()) if len(words) > 1 else None
    if len(words) > 2 and clause_rules().has("place_blockers", words[-2].lower()):
        return name
    place = sole_places.get(level) if level else None
    if not place:
        return name
    written = place.split()
    if LEVEL_WORD.match(place):
        if not place.lower().startswith(words[-1].lower() + " "):
            return name
        written = written[1:]
    return " ".join([*words, *written])


Build = Callable[[list[Any], Any, list[Any]], list[dict[str, Any]]]


def with_canonical(build: Build) -> Build:
    """A kind's build step that also writes each organisation's `canonical` name, right after `name`:
    the name written canonically, then at its fullest among the article's canonical names."""

    def build_with_canonical(mentions: list[Any], doc: ArticleDoc, context: list[Any],
                             ) -> list[dict[str, Any]]:
        items = build(mentions, doc, context)
        places = place_context(doc) if items else None
        defined = {short: entry[-1] for short, entry in doc.cache.get("org_acronyms", {}).items()}
        written = [canonical_name(item["name"], places, defined) for item in items]
        return [{"name": item["name"], "canonical": at_fullest(name, written), **item}
                for item, name in zip(items, written, strict=True)]

    return build_with_canonical
