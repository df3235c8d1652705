"""The usual word class of common lower-case words, for deciding where a name ends.

`data/word_classes.tsv` was made once by `bench/build_word_classes.py`: underthesea's own POS tagger
read the 2,619 articles of the Dân trí 2020 corpus and each word it saw at least three times keeps the
tag it was given most often. Tagging every article at run time would cost three times the word
segmentation; a lookup costs nothing.
"""

from __future__ import annotations

from importlib import resources

from pipeline.rulebook import compiled

# VLSP 2013 tags -> the classes the extractors ask about
CLASS_OF_TAG = {
    "N": "noun", "Nc": "noun", "Ny": "noun", "Nb": "noun", "Nu": "noun", "V": "verb", "A": "adj",
    "E": "preposition", "C": "conjunction", "Cc": "conjunction", "R": "adverb", "L": "determiner",
    "M": "number", "P": "pronoun", "T": "particle", "I": "particle",
}
# Words a name can end before: "Sở Y tế đã ...", "... việc làm, thuộc Sở", "... của Bộ" (not "này", "ta")
ENDS_A_NAME = frozenset({"verb", "preposition", "conjunction", "adverb"})


@compiled
def word_classes() -> dict[str, tuple[str, int]]:
    """Lower-case word (as the segmenter writes it, syllables joined by spaces) -> its usual class
    and how often the corpus used it: one table for both questions."""
    table: dict[str, tuple[str, int]] = {}
    text = (resources.files("pipeline.extract") / "data" / "word_classes.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, tag, count = line.split("\t")
            table[word] = (CLASS_OF_TAG.get(tag, tag), int(count))
    return table


def word_count(word: str) -> int:
    """How often the corpus used a word (0 for one it used fewer than three times)."""
    return word_classes().get(word.lower(), (None, 0))[1]


def word_class(word: str) -> str | None:
    """"noun", "verb", "adj", "preposition", "conjunction", "adverb", "determiner", "number",
    "pronoun" or "particle"; None for a word the corpus seldom used."""
    return word_classes().get(word.lower(), (None, 0))[0]
