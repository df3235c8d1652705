"""One step resolves overlapping mentions, so extractors can each find freely."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.kinds import KindSpec, registered_kinds
from pipeline.model import Mention
from pipeline.text import longest_first


@dataclass(frozen=True)
class Overlaps:
    """What the kind registry says about overlaps: layers, ranks, nesting and shared tails."""

    layer: dict[str, int]
    rank: dict[str, int]
    nests: dict[str, tuple[str, ...]]  # kind -> the kinds of its layer that may hold it whole
    tails: dict[str, tuple[Callable[[Mention], int | None], tuple[str, ...]]]  # kind -> (tail, sharers)
    soft_ends: dict[str, Callable[[Mention], bool]]  # kind -> whether a mention's end is a guess

    @classmethod
    def of(cls, specs: tuple[KindSpec, ...]) -> Overlaps:
        """The overlap rules of the registered kinds."""
        return cls(
            layer={s.label: s.layer for s in specs},
            rank={s.label: s.rank for s in specs},
            nests={s.label: s.nests_in for s in specs if s.nests_in},
            tails={s.label: (s.tail, s.tail_shared_with) for s in specs if s.tail},
            soft_ends={s.label: s.soft_end for s in specs if s.soft_end},
        )

    def shares_tail(self, first: Mention, second: Mention) -> bool:
        """Whether `second` begins inside `first`'s tail and runs on past it ("4 nghị quyết" and
        "nghị quyết số 18-NQ/TW"), a kind `first`'s kind shares its tail with."""
        tail, sharers = self.tails.get(first.type, (None, ()))
        crossing = first.start < second.start < first.end < second.end
        if tail is None or second.type not in sharers or not crossing:
            return False
        start = tail(first)
        return start is not None and start <= second.start

    def may_meet(self, mention: Mention, other: Mention) -> bool:
        """Whether two mentions of one layer may overlap: one holds the other and its kind may hold
        the other's (`KindSpec.nests_in`), or they share a tail (`KindSpec.tail_shared_with`)."""
        held = other.start <= mention.start and mention.end <= other.end
        return (held and other.type in self.nests.get(mention.type, ())) or self.shares_tail(
            mention, other) or self.shares_tail(other, mention)

    def head_held(self, mention: Mention, other: Mention) -> bool:
        """Whether `other` holds the start of a mention whose end is a guess and ends inside it: the
        number is the name's ("Bệnh viện Trung ương Quân đội 108" and "108 đưa")."""
        soft = self.soft_ends.get(mention.type)
        return soft is not None and other.start < mention.start < other.end < mention.end and soft(mention)


def _keep_longest(group: list[Mention], rank: dict[str, int]) -> list[Mention]:
    """Non-overlapping mentions, the longest first; on equal length the higher priority, then the type."""
    return longest_first(group, tiebreak=lambda m: (-m.priority, rank.get(m.type, 9)))


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, per field and layer, the longest non-overlapping mentions (priority, then type, break ties).

    Each kind names its layer: mentions in one layer never overlap each other, while across layers
    they may nest ("Đảng bộ tỉnh Đắk Nông" is an organisation inside a named resolution). Within a
    layer a kind may nest in the kinds its `nests_in` names (a period inside a programme's name), and a
    mention's tail may be the start of a mention of a kind its `tail_shared_with` names (a count's
    unit, the type word of the document counted). A kept mention whose end is a guess (`soft_end`) and
    whose start a kept mention of another layer holds is dropped: its number is that name's.
    """
    rules = Overlaps.of(registered_kinds())
    groups: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.end > mention.start:
            groups[(mention.field, rules.layer.get(mention.type, 2))].append(mention)
    kept = {m for group in groups.values() for m in _keep_longest(group, rules.rank)}
    for group in groups.values():
        kept |= _admitted(group, kept, rules)
    kept -= _heads_held(kept, rules)
    return sorted(kept, key=lambda m: (field_rank(m.field), m.start, m.end, m.type))


def _admitted(group: list[Mention], kept: set[Mention], rules: Overlaps) -> set[Mention]:
    """Mentions the longest-first pass dropped whose every overlap with a kept mention is one their
    kinds allow (`Overlaps.may_meet`): longest first, as that pass takes them."""
    meeting = set(rules.nests) | set(rules.tails) | {k for _, kinds in rules.tails.values() for k in kinds}
    base = sorted((m for m in group if m in kept), key=lambda m: m.start)  # apart, so ends rise too
    starts = [m.start for m in base]
    added: list[Mention] = []
    for m in longest_first([m for m in group if m not in kept and m.type in meeting]):
        met = [o for o in added if o.start < m.end and m.start < o.end]
        at = bisect_left(starts, m.end) - 1
        while at >= 0 and base[at].end > m.start:
            met.append(base[at])
            at -= 1
        if met and all(rules.may_meet(m, o) for o in met):
            added.append(m)
    return set(added)


def _heads_held(kept: set[Mention], rules: Overlaps) -> set[Mention]:
    """Kept mentions with a soft end whose start a kept mention of another layer holds (`head_held`)."""
    ends: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in kept:
        ends[m.field, m.end].append(m)
    held = set()
    for m in kept:
        if m.type in rules.soft_ends:
            layer = rules.layer.get(m.type, 2)
            if any(rules.layer.get(o.type, 2) != layer and rules.head_held(m, o)
                   for end in range(m.start + 1, m.end) for o in ends.get((m.field, end), ())):
                held.add(m)
    return held


def field_rank(field: str) -> tuple[int, int]:
    """Reading order of fields: title, body, captions, meta lines."""
    name, _, index = field.partition(".")
    order = {"title": 0, "text": 1, "captions": 2, "meta": 3}.get(name, 4)
    return order, int(index) if index.isdigit() else 0
