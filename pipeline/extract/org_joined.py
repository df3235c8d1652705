"""Parts joined inside one name: two school levels, trades or bloc kinds by "và", a list after a comma."""

from __future__ import annotations

from pipeline.extract.org_fields import coordinated_field, field_word
from pipeline.extract.org_parts import Scan
from pipeline.extract.org_place_ends import ends_with_place
from pipeline.extract.org_punctuated import comma_tail
from pipeline.extract.org_rules import Head, rules
from pipeline.extract.org_units import joined_bloc_kind
from pipeline.extract.org_view import View, head_at


def bloc_joined(view: View, last: Head | None, head_start: int, pos: int) -> int:
    """The words since the bloc head read last are one kind it groups, written capitalised ("Khối"
    + "Các cơ quan"), and "và" and a second such kind follow: the second kind's end, else 0."""
    if last is None or not last.bloc or head_start < 0:
        return 0
    kind = rules().bloc_kind_re.fullmatch(view.lower[head_start + len(rules().bloc_head):pos].strip())
    return joined_bloc_kind(view, pos, capital=True) if kind else 0


def field_joined(view: View, scan: Scan, word_starts: list[int], pos: int) -> bool:
    """The name's last capitalised word, with the lower-case words after it, is a trade ("Cơ khí",
    "Máy động lực") and another trade of the same name follows "và" at `pos`."""
    return scan.last in ("word", "lexical") and bool(word_starts) and (
        field_word(view, word_starts[-1], scan.end)) and coordinated_field(view, pos)


def level_joined(view: View, scan: Scan, last: Head | None, pos: int) -> bool:
    """The head read last and the head after `pos` (past "&", "-" or a space) are two levels of one
    school ("THCS & THPT", "Mầm non - Tiểu học"): both carry the `combines` flag."""
    span = view.syllable(pos)
    if span is None or scan.last not in ("head", "") or not (last and last.combines):
        return False
    joined = view.gap(pos, span[0]) in ("space", "hyphen", "and")
    after = head_at(view, span[0]) if joined else None
    return after is not None and after[1].combines


def ends_as_a_list(view: View, scan: Scan, word_starts: list[int], pos: int, gap: str) -> bool:
    """After a comma, a name that is itself a list takes one more lower-case noun and ends there
    ("Vụ Tổ chức, biên chế"): True when it did."""
    if not (gap == "other" and scan.last in ("word", "head")) or ends_with_place(
            view, word_starts, pos):
        return False
    listed = comma_tail(view, pos)
    if listed <= pos:
        return False
    scan.end, scan.parts, scan.last = listed, scan.parts + 1, "lexical"
    scan.strong = scan.named = True
    return True
