"""Language: non-Vietnamese pages are recorded with their language, not forced through our rules."""

from __future__ import annotations

import regex

# Letters only Vietnamese uses among Latin scripts: a sure sign without a model.
VIETNAMESE_LETTERS = regex.compile(
    r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.IGNORECASE
)


LETTER = regex.compile(r"\p{L}")
WORD = regex.compile(r"\p{L}{2,}")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; Vietnamese letters decide without a model."""
    sample = text[:4000]
    words: set[str] = set()
    for word in WORD.finditer(sample.casefold()):
        words.add(word.group())
        if len(words) == 3:
            break
    else:
        return "zxx"  # ISO 639-2 "no linguistic content": too few words to tell a language
    # the share of letters is at least the share of characters: most pages need no letter count, and
    # the count of Vietnamese letters stops once their share of characters is enough (a Vietnamese page
    # gets there in its first lines; a share that only grows decides as the whole sample's would)
    vietnamese = 0
    for _ in VIETNAMESE_LETTERS.finditer(sample):
        vietnamese += 1
        if vietnamese / len(sample) > 0.03:
            return "vi"
    if vietnamese / (len(LETTER.findall(sample)) or 1) > 0.03:
        return "vi"
    import py3langid  # its model ships in the wheel and loads on first use

    lang, _ = py3langid.classify(sample)
    return lang
