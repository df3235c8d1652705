"""Language: non-Vietnamese pages are recorded with their language, not forced through our rules."""

from __future__ import annotations

import regex

# Letters only Vietnamese uses among Latin scripts: a sure sign without a model.
VIETNAMESE_LETTERS = regex.compile(
    r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.IGNORECASE
)


LETTER = regex.compile(r"\p{L}")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; Vietnamese letters decide without a model."""
    sample = text[:4000]
    if len(set(regex.findall(r"\p{L}{2,}", sample.casefold()))) < 3:
        return "zxx"  # ISO 639-2 "no linguistic content": too few words to tell a language
    letters = len(LETTER.findall(sample)) or 1
    if len(VIETNAMESE_LETTERS.findall(sample)) / letters > 0.03:
        return "vi"
    import py3langid  # its model ships in the wheel and loads on first use

    lang, _ = py3langid.classify(sample)
    return lang
