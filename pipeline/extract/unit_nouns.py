"""What a bare classifier counts, from the article's earlier count with the same classifier: "xây
dựng 16 căn nhà đồng đội, sửa chữa 25 căn" (the writer drops the noun once it is said: the 25 are
"nhà đồng đội"). Only classifiers (rules `classifiers`, `person_classifiers`): a generic unit
("người", "đơn vị") names a different group each time and is left as it is."""

from __future__ import annotations

from pipeline.extract.clauses import rules
from pipeline.extract.measure_phrases import Found
from pipeline.extract.word_classes import word_class
from pipeline.model import Mention

NOT_NOUN_START = frozenset({"verb", "conjunction", "preposition", "pronoun", "determiner", "adverb"})


def _classifier(unit: str | None) -> str | None:
    """The unit folded, when it is a classifier; else None."""
    folded = " ".join((unit or "").lower().split())
    if folded and (rules().has("classifiers", folded) or rules().has("person_classifiers", folded)):
        return folded
    return None


def _noun_phrase(text: str) -> bool:
    """Whether a measure read after a classifier opens on a noun that is no classifier itself: "xe",
    "nhà đồng đội"; not "hay Kona chỉ" (a conjunction), "sống" (a verb), "em ngồi nghỉ" (the unit)."""
    first = text.split(" ", 1)[0].lower()
    two = " ".join(text.lower().split()[:2])
    if any(_classifier(w) for w in (first, two)):
        return False
    return word_class(first) not in NOT_NOUN_START and word_class(two) not in NOT_NOUN_START


class UnitNouns:
    """The noun each classifier last counted in a segment, as the figure wrote it after the number."""

    def __init__(self) -> None:
        self.nouns: dict[str, str] = {}

    def note(self, figure: Mention, found: Found | None) -> None:
        """Remember the noun a classifier counts when it follows the number ("16 căn | nhà đồng đội")."""
        unit = _classifier(figure.attrs.get("unit"))
        if unit and found and found.start >= figure.end - len(unit) and _noun_phrase(found.text):
            self.nouns[unit] = found.text

    def named(self, figure: Mention, measure: str | None) -> str | None:
        """The measure of a figure whose measure is its bare classifier ("25 căn"): the noun the same
        classifier counted earlier, if any; else the measure as it is."""
        unit = _classifier(figure.attrs.get("unit"))
        if unit and measure and measure.lower() == unit and unit in self.nouns:
            return self.nouns[unit]
        return measure
