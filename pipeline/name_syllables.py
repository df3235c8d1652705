"""Whether the syllables of a name-shaped line are name syllables or ordinary words written in capitals.

`extract/data/name_syllables.tsv` was made once by `bench/build_name_syllables.py` from the 2,619
Dân trí 2020 articles: per syllable, in how many articles it stands in a person's given name (vnie's
people and bylines) and how often the text writes it in lower case. A byline's candidate cut from a
headline ("Tôn Vinh Những Người", "MỘT ĐIỂM", "HỌC TẬP") is made of syllables the corpus writes in
lower case all the time and never in a name; a name's syllables, even those that are words too ("Thu",
"Như", "Ý"), stand in names often enough to outweigh that.
"""

from __future__ import annotations

import math
from importlib import resources

import regex

from pipeline.people_rules import name_syllables
from pipeline.rulebook import compiled
from pipeline.text import casefold_words

SYLLABLE = regex.compile(r"\p{L}+")
MAX_NAME_SYLLABLES = 4
# Mean log-odds (name vs lower-case text) below which a candidate's given syllables read as words: no
# given name of two or more syllables among the 534 people and authors of the dev gold (sites other than
# Dân trí) scores below -1.32 ("NHƯ Ý"); 53% of Dân trí headlines cut to two to four capitalised words do.
# Nor has any of those names more than half its given syllables each below it (489 judged, session 20);
# with that too, 58% of the cuts read as words
WORDS_NOT_NAME = -1.5


def given_syllables(name: str, surnames: frozenset[str]) -> list[str]:
    """The syllables of a name but the family name that opens it, folded ("Nguyễn Thị Thu Hà" → thị,
    thu, hà; the pen name "Minh Anh" → minh, anh); none for initials or a shape of no name."""
    if "." in name:
        return []
    parts = [casefold_words(p, nfc=True) for p in regex.split(r"[ \-]+", name.strip()) if p]
    if not 2 <= len(parts) <= MAX_NAME_SYLLABLES or not all(SYLLABLE.fullmatch(p) for p in parts):
        return []
    return parts[1:] if parts[0] in surnames else parts


@compiled
def syllable_odds() -> tuple[dict[str, float], float]:
    """Syllable → log-odds that it stands in a name rather than in lower-case text (add-one smoothed),
    and the odds of a syllable the table lacks (seldom written either way: given the benefit of doubt)."""
    text = (resources.files("pipeline.extract") / "data" / "name_syllables.tsv").read_text(encoding="utf-8")
    counts = [(s, int(n), int(w)) for s, n, w in
              (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))]
    in_names = sum(n for _, n, _ in counts) or 1
    in_text = sum(w for _, _, w in counts) or 1
    odds = {s: math.log((n + 1) / in_names) - math.log((w + 1) / in_text) for s, n, w in counts}
    return odds, math.log(in_text / in_names)


def reads_as_words(name: str) -> bool:
    """The given syllables of a name-shaped candidate are ordinary words in capitals ("Tôn Vinh Những
    Người", "MỘT ĐIỂM"), not a name. A family name with one syllable after it is a name's shape and is
    not judged ("Trần Đơn", "Nguyễn Giờ"); nor are initials."""
    surnames, _ = name_syllables()
    given = given_syllables(name, surnames)
    if len(given) < 2:
        return False
    odds, unseen = syllable_odds()
    scores = [odds.get(s, unseen) for s in given]
    # most syllables words on their own: one syllable common in names ("Đại", a pen name's) does not
    # carry two that never stand in one ("ĐOÀN ĐẠI BIỂU TỈNH": a delegation of the province)
    mostly_words = 2 * sum(score < WORDS_NOT_NAME for score in scores) > len(scores)
    return mostly_words or sum(scores) / len(scores) < WORDS_NOT_NAME
