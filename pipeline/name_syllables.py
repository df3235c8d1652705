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

from pipeline.people_rules import body_words, name_syllables
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
SEEN_IN_TEXT = 50  # lower-case occurrences that make a syllable seldom seen in a name an ordinary word
WORD_TO_NAME = 500  # lower-case occurrences per name that give it: a word, a name's now and then


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
def syllable_counts() -> dict[str, tuple[int, int]]:
    """Syllable → (articles giving it in a name, its lower-case occurrences), as the table holds them."""
    text = (resources.files("pipeline.extract") / "data" / "name_syllables.tsv").read_text(encoding="utf-8")
    return {s: (int(n), int(w)) for s, n, w in
            (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))}


@compiled
def syllable_odds() -> tuple[dict[str, float], float]:
    """Syllable → log-odds that it stands in a name rather than in lower-case text (add-one smoothed),
    and the odds of a syllable the table lacks (seldom written either way: given the benefit of doubt)."""
    counts = syllable_counts()
    in_names = sum(n for n, _ in counts.values()) or 1
    in_text = sum(w for _, w in counts.values()) or 1
    odds = {s: math.log((n + 1) / in_names) - math.log((w + 1) / in_text) for s, (n, w) in counts.items()}
    return odds, math.log(in_text / in_names)


def seldom_in_names(syllable: str) -> bool:
    """The corpus writes the syllable in lower case often and in a given name next to never ("khai",
    "cục", "quả": a name the extractor misread now and then counts too)."""
    in_names, in_text = syllable_counts().get(casefold_words(syllable, nfc=True), (0, 0))
    return in_text >= SEEN_IN_TEXT and in_names * WORD_TO_NAME <= in_text


GIVEN_IN_ARTICLES = 3  # articles giving a syllable in a name: a given name, not a stray misreading


def often_given(syllable: str) -> bool:
    """The corpus gives the syllable in a given name in a few articles at least ("Nguyên": 24, "Tân":
    13), not once or never ("Phó": 1, "Cựu": 0): a title's prefix that may also be a person's name."""
    return syllable_counts().get(casefold_words(syllable, nfc=True), (0, 0))[0] >= GIVEN_IN_ARTICLES


def reads_as_slogan(names: list[str]) -> bool:
    """Two parts or more, none opened by a family name, each ending in a syllable seldom in a name or
    most of their syllables so: a slogan's words set off by commas as a byline's names are ("CÔNG KHAI,
    DÂN CHỦ", "KỶ CƯƠNG, TRÁCH NHIỆM"), not pen names ("Hoài Thu, Minh Anh"); two authors' full names
    open with family names."""
    surnames, _ = name_syllables()
    parts = [[casefold_words(p, nfc=True) for p in regex.split(r"[ \-]+", name.strip()) if p]
             for name in names]
    syllables = [s for part in parts for s in part]
    if len(parts) < 2 or not all(len(part) >= 2 and part[0] not in surnames for part in parts):
        return False
    # a name's last syllable is its given name proper: 34 of the dev gold's 544 people and authors end
    # in one seldom in names ("Doãn Thị Ý"), two pen names on one line both so next to never; half the
    # syllables so ("Dân Chủ, Kỷ Cương") is a slogan's too: none of the 84 lines of two authors or more
    # in the dev gold and the Dân trí run has as many (the most: none of four)
    return all(seldom_in_names(part[-1]) for part in parts) \
        or 2 * sum(seldom_in_names(s) for s in syllables) >= len(syllables)


def opens_a_body(name: str) -> bool:
    """Its second word a body's, never in a name, with words after it ("Đoàn Cục Kiểm Lâm", "Đoàn Sở
    Y tế"): a union or a delegation of the body, opened by a word that is a family name too."""
    parts = [p for p in regex.split(r"[ \-]+", name.strip()) if p]
    return len(parts) >= 3 and casefold_words(parts[1], nfc=True) in body_words() \
        and seldom_in_names(parts[1])


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
