"""One step resolves overlapping mentions, so extractors can each find freely."""

from __future__ import annotations

from collections import defaultdict

from pipeline.kinds import registered_kinds
from pipeline.model import Mention
from pipeline.text import longest_first


def _keep_longest(group: list[Mention], rank: dict[str, int]) -> list[Mention]:
    """Non-overlapping mentions, the longest first; on equal length the higher priority, then the type."""
    return longest_first(group, tiebreak=lambda m: (-m.priority, rank.get(m.type, 9)))


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, per field and layer, the longest non-overlapping mentions (priority, then type, break ties).

    Each kind names its layer: mentions in one layer never overlap each other, while across layers
    they may nest ("Đảng bộ tỉnh Đắk Nông" is an organisation inside a named resolution). Within a
    layer a kind may nest in the kinds its `nests_in` names (a period inside a programme's name).
    """
    layer = {spec.label: spec.layer for spec in registered_kinds()}
    rank = {spec.label: spec.rank for spec in registered_kinds()}
    groups: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.end > mention.start:
            groups[(mention.field, layer.get(mention.type, 2))].append(mention)
    nests = {spec.label: spec.nests_in for spec in registered_kinds() if spec.nests_in}
    kept = {m for group in groups.values() for m in _keep_longest(group, rank)}
    for group in groups.values():
        kept |= _nested(group, kept, nests)
    return sorted(kept, key=lambda m: (field_rank(m.field), m.start, m.end, m.type))


def _nested(group: list[Mention], kept: set[Mention], nests: dict[str, tuple[str, ...]]) -> set[Mention]:
    """Mentions the longest-first pass dropped that lie wholly inside a kept mention of a kind they may
    nest in (`KindSpec.nests_in`) and overlap nothing else kept: longest first, as that pass takes them."""
    holders = [m for m in group if m in kept and any(m.type in labels for labels in nests.values())]
    taken = [m for m in group if m in kept]
    added: set[Mention] = set()
    for m in longest_first([m for m in group if m not in kept and m.type in nests]):
        inside = [h for h in holders if h.type in nests[m.type] and h.start <= m.start and m.end <= h.end]
        if inside and not any(o.start < m.end and m.start < o.end for o in taken if o not in inside):
            added.add(m)
            taken.append(m)
    return added


def field_rank(field: str) -> tuple[int, int]:
    """Reading order of fields: title, body, captions, meta lines."""
    name, _, index = field.partition(".")
    order = {"title": 0, "text": 1, "captions": 2, "meta": 3}.get(name, 4)
    return order, int(index) if index.isdigit() else 0
