"""Where a term phrase starts after a body's name: "khóa XII", "khóa mới", "nhiệm kỳ 2020-2025".

A committee or council is named by its body; the term it sits for follows the name and is no part of
it (dev gold: "Ban Chấp hành Trung ương Đảng khóa XIII", "HĐND huyện Tuy An khóa XVIII", "Hội Nông
dân Việt Nam nhiệm kỳ 2023-2028", "Công ty Thủy điện Hòa Bình nhiệm kỳ 2015-2020" each list the body
without its term: about 55 passages of 14 dev files, once otherwise). So a term phrase ends the name
before it, as a comma would: its words are not a lower-case tail of the name ("Bộ Công nghiệp nặng" +
"khóa mới"), and the number before it names the unit rather than counting terms ("Công ty Điện lực 1"
+ "khóa mới").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # org_view reads words with this module's test
    from pipeline.extract.org_view import View

# "khóa" (a Party or State term) only with what says which term: a numeral, Roman in capitals or
# Arabic ("khóa XII", "khóa 12"), or a word placing it in time ("khóa mới", "khóa này", "khóa tới",
# "khóa trước"); bare "khóa" is also a course or a lock ("khóa học", "khóa sổ"). "nhiệm kỳ" is a term
# whatever follows it ("nhiệm kỳ 2020-2025", "nhiệm kỳ qua", "nhiệm kỳ mới").
_TERM_WORD = re.compile(r"(?:khóa|khoá)[ \t\xa0]+|nhiệm[ \t\xa0]+k[ỳì]\b")
_WHICH_TERM = re.compile(r"(?:[IVXLC]+|\d{1,2}|[Mm]ới|này|tới|trước)(?!\w|[/.,]\w)")


def term_at(view: View, start: int) -> bool:
    """A term phrase starts at `start`, the first syllable of a word after a name."""
    word = _TERM_WORD.match(view.lower, start)
    if word is None:
        return False
    return word.group().startswith("nhiệm") or _WHICH_TERM.match(view.norm, word.end()) is not None
