"""What a measure that points back measures: "Tỷ lệ hộ nghèo dân tộc thiểu số năm 2022 là 21,02%. Con số
này của năm 2021 là 25,91%" (the 25,91% is the same rate); "tỷ lệ sử dụng thuốc lá điện tử tăng lên
2,6% (năm 2015 tỷ lệ này chỉ là 0,2%)". A figure noun and a demonstrative ("con số này", "tỷ lệ đó")
name no quantity of their own: the measure is the one the figure right before took, when it has the
same unit and stands in the same sentence or the one before it, in the same paragraph (further back,
a sentence without a figure may have named what is pointed at)."""

from __future__ import annotations

import bisect

from pipeline.extract.clauses import Words, rules
from pipeline.model import Mention

POINTED_NOUNS = ("figure_nouns", "measure_openers")  # "con số", "mức", "tỷ lệ", "số"


def points_back(measure: str | None) -> bool:
    """Whether a measure is a figure noun and a demonstrative only ("Con số này", "tỉ lệ đó")."""
    noun, _, last = " ".join((measure or "").lower().split()).rpartition(" ")
    return rules().has("demonstratives", last) and any(rules().has(t, noun) for t in POINTED_NOUNS)


class PointedMeasures:
    """The measure the last figure of each unit took, and where, for a later one that points back."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.last: dict[str, tuple[int, int, str | None]] = {}  # unit -> (paragraph, sentence, measure)

    def resolved(self, figure: Mention, measure: str | None) -> str | None:
        """The measure of a figure: the one the last figure of its unit took when its own only points
        back and that figure is close (see the module); its own otherwise (noted for those after it)."""
        unit = " ".join(str(figure.attrs.get("unit") or "").lower().split())
        if not unit:
            return measure
        words = self.words
        paragraph = words.paragraph_index(figure.start)
        sentence = bisect.bisect_right(words.sentence_starts, figure.start)
        if not points_back(measure):
            self.last[unit] = (paragraph, sentence, measure)
            return measure
        before = self.last.get(unit)
        if before and before[2] and before[0] == paragraph and sentence - before[1] <= 1:
            return before[2]
        return measure
