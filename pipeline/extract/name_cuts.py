"""Cuts vnie makes in underthesea's words where a word glues a capitalised name to a common word.

underthesea's CRF often joins a name's last syllable to the bare verb after it ("Hòa" + "Bình nhận"),
a whole name to its verb ("Nguyễn Thị Doan dự"), or a common word to the name after it ("đạo diễn
Vương" + "Lâm"); every reader of words then cuts the name short or runs it on. A word that mixes
capitalised and lower-case syllables is cut where the case changes inside a run of capitalised
syllables (the name goes on before the change, or after it), unless a known word spans the change
("Nông dân", "Chủ tịch", "Khám chữa"); after a name, only before a word whose usual class ends a
name (a verb, preposition or adverb: "nhận", "sở hữu", "để"; not "Người" + "mù"). The CRF then
decodes the text again with those cuts fixed, so the syllables on either side find their own words.
The segmenter's other words stay as underthesea gives them (bench/segmenter_check.py counts both).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from itertools import compress

from pipeline.extract.org_sentence_after import REPORTED_ON, SENTENCE_ENDS
from pipeline.extract.org_words import foreign_word, standalone_name
from pipeline.extract.word_classes import ENDS_A_NAME, word_class, word_classes
from pipeline.text import modern_tones

# the CRF's Viterbi decoding: (label scores, tokens made to start a word) -> (continues-the-word flags, score)
Decode = Callable[[list[list[float]], Collection[int]], tuple[list[bool], float]]
# classes of the lower-case word after a name's syllable that end the name; not a conjunction, since
# "và" joins the two parts of one name as often ("Sở Giáo dục và Đào tạo")
GLUED_ENDS = ENDS_A_NAME - {"conjunction"}


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _lower(token: str) -> bool:
    return token[:1].islower()


def known_words(dictionary: Collection[str]) -> frozenset[str]:
    """Words of two or more syllables: the segmenter's dictionary in modern tone placement ("văn hoá" ->
    "văn hóa"), and the lower-case words the segmenter itself made in running news text ("khám chữa",
    `word_classes.tsv`), whose capitalised form starts a name's part ("Cục Khám chữa bệnh")."""
    corpus = (word for word in word_classes() if " " in word and word == word.lower())
    return frozenset(modern_tones(word) for word in (*dictionary, *corpus))


def name_cuts(tokens: Sequence[str], inside: Sequence[bool], known: Collection[str]) -> set[int]:
    """Token indices where a word of the path (`inside` flags) is to be cut: each starts a word.
    `known`: the dictionary as `known_words` gives it."""
    cuts: set[int] = set()
    examined = 0  # where the last word examined ends
    # only a word with a change of case inside is examined: a cheap test on each joined token first
    for i in compress(range(len(tokens)), inside):
        if i < examined or i == 0 or tokens[i - 1][:1].isupper() == tokens[i][:1].isupper():
            continue
        start, end = i - 1, i + 1
        while start > 0 and inside[start]:
            start -= 1
        while end < len(tokens) and inside[end]:
            end += 1
        examined = end
        before = start - 1  # the first syllable of the word before, if any
        while before > 0 and inside[before]:
            before -= 1
        after_capital = before >= 0 and _capitalised(tokens[before])
        cuts.update(_word_cuts(tokens, start, end, known, after_capital))
    return cuts


def _word_cuts(tokens: Sequence[str], start: int, end: int, known: Collection[str],
               after_capital: bool) -> list[int]:
    """The cuts in the word `tokens[start:end]`, which holds a change of case; `after_capital`: the word
    before it starts with a capital."""
    if not any(_lower(t) for t in tokens[start:end]):
        return []
    lower = [modern_tones(t.lower()) for t in tokens[start:end]]
    if " ".join(lower) in known:
        return []
    cuts = []
    for i in range(start + 1, end):
        a, b = tokens[i - 1], tokens[i]
        # a name's syllable glued to the common word after it ("Hòa" + "Bình nhận"): the name runs on
        # from a capitalised syllable before it; or an acronym or a foreign name, which never opens a
        # Vietnamese compound, right after a capitalised word ("Tập đoàn" + "Vingroup kiêm")
        reports = _lower(b) and _reports_after(tokens, i, end)
        forward = _capitalised(a) and _lower(b) and (
            (i >= 2 and _capitalised(tokens[i - 2]))
            or (i - 1 == start and after_capital and (
                foreign_word(a) or (a.isupper() and len(a) > 1) or reports)))
        # a common word glued to the name after it ("đạo diễn Vương" + "Lâm"): the name runs on after
        backward = _lower(a) and _capitalised(b) and (
            (i + 1 < len(tokens) and _capitalised(tokens[i + 1])) or _foreign_name(tokens, start, i, end))
        if (forward or backward) and not _spanned(lower, i - start, known) and (
                backward or reports or _ends_a_name(lower[i - start:])):
            cuts.append(i)
    return cuts


def _reports_after(tokens: Sequence[str], i: int, end: int) -> bool:
    """Whether the lower-case syllables `tokens[i:end]` that close the word are a reporting verb with its
    content after it ("Báo" + "Ấp Bắc thông tin" + "thêm, ...", "Ban Công tác" + "Đoàn thông tin" + "về
    ..."), the body's predicate however often the word is a noun, as `reports_content` reads it
    unglued: "về" or "thêm", a comma or colon and a lower-case word, or the sentence's end."""
    if not all(_lower(t) for t in tokens[i:end]):
        return False
    following = tokens[end] if end < len(tokens) else ""
    if following in (",", ":"):
        content = end + 1 < len(tokens) and _lower(tokens[end + 1])  # not "Cục An toàn thông tin, Bộ ..."
    else:
        content = following == "" or following in REPORTED_ON or following in SENTENCE_ENDS
    # imported here: clauses loads spaCy, which a plain-text run loads only when figures need it
    from pipeline.extract.clauses import rules as attribution_rules

    return content and attribution_rules().has("source_after", " ".join(tokens[i:end]))


def _foreign_name(tokens: Sequence[str], start: int, i: int, end: int) -> bool:
    """Whether `tokens[i]`, the last syllable of the word `tokens[start:end]`, is a foreign name or an
    acronym on its own, which no Vietnamese compound ends in: the common word glued before it is the
    name's trade or field ("thủy điện" + "Ialy", "Trung tâm Không gian mạng" + "Viettel"). Not right
    after a number: there the word is the unit counted with the name of its kind ("8 giải Oscar",
    "800 trạm BTS"), which the figure reader takes whole."""
    counted = start > 0 and tokens[start - 1][:1].isdigit()
    return i + 1 == end and not counted and standalone_name(tokens[i])


def _ends_a_name(rest: Sequence[str]) -> bool:
    """Whether the longest word the corpus knows at the start of these lower-case syllables is of a class
    that ends a name (a verb, preposition or adverb: "nhận", "sở hữu", "để"), not one that may carry
    it on ("Người" + "mù", "Truyền thông" + "số")."""
    for k in range(len(rest), 0, -1):
        kind = word_class(" ".join(rest[:k]))
        if kind is not None:
            return kind in GLUED_ENDS
    return False


def _spanned(lower: Sequence[str], cut: int, known: Collection[str]) -> bool:
    """Whether a known word of two or more of the syllables spans the change at `cut`."""
    return any(" ".join(lower[j:k]) in known for j in range(cut) for k in range(cut + 1, len(lower) + 1))


def cut_words(words: list[str], known: Collection[str]) -> list[str]:
    """underthesea's words (syllables joined by spaces) cut by `name_cuts`, for text its own path took."""
    tokens = [t for word in words for t in word.split(" ")]
    inside = [j > 0 for word in words for j in range(len(word.split(" ")))]
    cuts = name_cuts(tokens, inside, known)
    if not cuts:
        return words
    out: list[str] = []
    for i, (token, joined) in enumerate(zip(tokens, inside, strict=True)):
        if joined and i not in cuts:
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def decode_with_cuts(decode: Decode, scores: list[list[float]], tokens: Sequence[str],
                     known: Collection[str]) -> list[bool]:
    """The CRF path, decoded again with each cut fixed until no word calls for another (three rounds
    at most: a new word of the path may glue the name again)."""
    inside = decode(scores, ())[0]
    fixed: set[int] = set()
    for _round in range(3):
        cuts = name_cuts(tokens, inside, known) - fixed
        if not cuts:
            break
        fixed |= cuts
        inside = decode(scores, fixed)[0]
    return inside
