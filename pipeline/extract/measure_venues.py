"""Where a label read back over a passive clause leaves out the place it names: "nhân viên làm việc |
tại sân bay Tân Sơn Nhất | được tiêm là gần 45.000 người" measures the noun phrase before the locative
("nhân viên làm việc"); the place or body after "tại", "ở", "trên địa bàn" says whose figure it is, so
the measure covers only what follows it and the place stays free to be the subject."""

from __future__ import annotations

from pipeline.extract.clauses import Words
from pipeline.extract.measure_phrases import Found, Marks, found_between

VENUE_CUES = ("locatives", "area_links")  # "tại", "ở", "trên địa bàn": a place or body follows


def without_venue(words: Words, marks: Marks, found: Found | None, figure_start: int) -> Found | None:
    """`found` without a venue its label names before a passive marker ("Số học sinh ở huyện Chợ Lách
    | được tuyên dương là 19 em" -> "Số học sinh", covering from "được" on); any other measure as is."""
    if found is None or found.end > figure_start:
        return found  # a phrase after its number, or one covering the figure: no label before it
    i, j = words.at(found.start), words.before(found.end)
    for q in range(i + 1, j - 1):
        n = max(words.term_at(q, cue, j) for cue in VENUE_CUES)
        if not n or (end := _venue_end(words, marks, q + n, j)) is None:
            continue
        marker = end
        while marker < j and words.term_at(marker, "aspect_markers", j):
            marker += 1  # "tại xã X | đã | được công nhận"
        if not words.term_at(marker, "passive_markers", j):
            continue  # the place ends no noun phrase a passive clause qualifies
        label = found_between(words, i, q)
        if label is None:
            return found
        return Found(label.text, words.starts[marker], found.end)
    return found


def _venue_end(words: Words, marks: Marks, k: int, j: int) -> int | None:
    """Where the place or body named from word `k` ends (before `j`): a named place or body (a mention,
    after its level word: "xã | Tân Phú"), or a level word and capitalised words ("xã Tân Phú"); None
    when no name stands there ("ở các địa phương")."""
    if (last := marks.entity_end.get(k)) is not None and last <= j:
        return last
    n = words.term_at(k, "place_words", j)
    if not n:
        return None
    if (last := marks.entity_end.get(k + n)) is not None and last <= j:
        return last
    m = k + n
    while m < j and not words.is_punct(m) and words.text[words.starts[m]].isupper():
        m += 1
    return m if m > k + n else None
