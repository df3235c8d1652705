"""A head word that is also a classifier: before the name of a thing it counts, it heads no body.

"Bộ" names a ministry ("Bộ Y tế", "Bộ năng lượng Liên Xô") and counts a set or a work ("bộ phim
Mank", "bộ sách Harry Potter"). A ministry's field is a compound of two syllables or more in every
government's list (y tế, công an, năng lượng, ngoại giao); the classifier's noun is one syllable
(phim, sách, ảnh, áo). So a `classifier` head right before a lower-case word of one syllable that the
segmenter gives alone counts that thing: the words are no organisation, whatever name follows.
"""

from __future__ import annotations

from pipeline.extract.org_rules import Head
from pipeline.extract.org_view import View, lower_word


def counts_a_thing(view: View, head: Head | None, pos: int) -> bool:
    """Whether the lower-case word right at `pos`, just after the classifier `head`, is a one-syllable
    noun the head counts ("Bộ" + "phim" + "Mank"), not a field that names a body."""
    if head is None or not head.classifier or (span := view.next_word(pos)) is None:
        return False
    word = lower_word(view, span)
    return word is not None and " " not in word[1]
