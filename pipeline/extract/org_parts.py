"""What reading a name yields: the scan of one name, its parts, and the decisions that end or skip a part.

`org_scan` reads a name after its head part by part; the other organisation modules take its `Scan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.org_rules import Head
from pipeline.extract.org_words import CAPITALS

# "(CCQ)", "(EVN HCMC)", "(Vietcombank)", "(Viettel)", "(Eximbank - mã: EIB)"
ACRONYM_IN_BRACKETS = re.compile(
    rf"[ \t\xa0]?\([ \t\xa0]*((?![IVXLC]+\))[{CAPITALS}][{CAPITALS}0-9&\-]+"
    rf"(?: [{CAPITALS}][{CAPITALS}0-9&\-]+)?"
    rf"|[{CAPITALS}][^\W\d_]*[Bb]ank|[{CAPITALS}][^\W\d_{CAPITALS}]+[{CAPITALS}][^\W\d_]*"
    rf"|[{CAPITALS}][a-z]{{3,}})"
    r"[ \t\xa0]*(?:[-–,;][^()\n]{0,40})?\)")


@dataclass
class Scan:
    """What the scanner read after a head."""

    end: int
    first: int = -1  # char offset of the first name part
    parts: int = 0
    strong: bool = False  # a capitalised word, closing head, place or fixed phrase: a real name
    named: bool = False  # strong by more than an administrative word ("Trung tâm thành phố" is not)
    capital_first: bool = False
    all_title: bool = True  # only capitalised words: reads as a brand ("Hòa Phát", "Coolcat")
    open_end: bool = False  # a short form that may stand for a longer name ("Đảng bộ Khối", "UBND tỉnh")
    last: str = ""
    cuts: list[tuple[int, int]] = field(default_factory=list)
    acronym: tuple[str, int, int] | None = None  # (acronym, start of "(", end of ")")


@dataclass(frozen=True)
class Part:
    """One part of a name: where it starts and ends, what it is, and whether it makes a real name."""

    start: int
    end: int
    kind: str  # "phrase", "head", "lexical", "number" or "word"
    strong: bool
    head: Head | None = None  # the nested head, for kind "head"


class _Stop:
    """The name ends before the syllable read."""


class _Skip:
    """The syllable joins two capitalised words ("Tài nguyên và Môi trường"): read on after it."""


class _Unreliable:
    """The text lost a space inside the name ("Điện lựcquận"): no name is read at all."""


STOP, SKIP, UNRELIABLE = _Stop(), _Skip(), _Unreliable()
Decision = Part | _Stop | _Skip | _Unreliable
