"""Whether a place is part of an organisation's name: the body's head, acronym or bracketed short name
before or after it ("Sở Y tế tỉnh Quảng Nam", "TCT cà phê Việt Nam", "sàn Hà Nội (HNX)") makes the place
a word of that name (spec section 6), not a place of the article's."""

from __future__ import annotations

import bisect

import regex

from pipeline.extract.place_patterns import LocationPatterns
from pipeline.extract.word_classes import word_class
from pipeline.text import strip_tones


class WordStarts(frozenset[int]):
    """Where the segmenter's words start: a set to ask "does a word start here?", and in order, so that
    the words just before a place are found by bisection rather than by a pass over the whole set."""

    def __init__(self, starts: object = ()) -> None:
        self.ordered = sorted(self)


def starts_before(words: frozenset[int], start: int, reach: int) -> list[int]:
    """The word starts in [start - reach, start), in order."""
    if isinstance(words, WordStarts):
        ordered = words.ordered
        return ordered[bisect.bisect_left(ordered, start - reach):bisect.bisect_left(ordered, start)]
    return sorted(w for w in words if start - reach <= w < start)


def inside_org(text: str, start: int, pats: LocationPatterns, words: frozenset[int] | None = None) -> bool:
    """Does an organisation's name run up to `start` ("Công an tỉnh ", "Tập đoàn Điện lực ")? With the
    segmenter's word starts, a head inside a longer word ("thị trường châu Âu") is no head, and a name
    whose words are in lower case is read word by word (`named_body_before`)."""
    window = text[max(0, start - 120):start]
    match = pats.org_tail.search(window) if window else None
    if match is not None and (words is None or start - len(window) + match.start() in words):
        return True
    if acronym_body_before(text, start, pats, words):
        return True
    return words is not None and (named_body_before(text, start, pats, words)
                                  or branch_body_before(text, start, pats, words))


LIST_WINDOW = 150  # characters between a plural head's colon and the place its list names
_LIST_BREAK = regex.compile(r"[.:!?\n“”\"]")
_LIST_WORD = regex.compile(r"[^ ,]+")


def listed_body(text: str, start: int, pats: LocationPatterns) -> bool:
    """Is the place an item, or part of an item, of a list that one plural organisation head opens
    ("các trường THPT: thị xã Quảng Trị, Đông Hà, Vĩnh Linh và Vĩnh Định", "các Tập đoàn: Công nghiệp
    Than và Khoáng sản Việt Nam (Vinacomin); ...")? Each item names a body of that head, as one title
    before a list of people makes each a holder; a lower-case word other than "và" or an
    administrative word, or a second lower-case syllable, ends the list."""
    window = text[max(0, start - LIST_WINDOW):start]
    heads = list(pats.listed_bodies.finditer(window))
    if not heads:
        return False
    between = window[heads[-1].end():]
    if _LIST_BREAK.search(between):
        return False
    previous = ""
    for word in _LIST_WORD.findall(between):
        # a body's name capitalises each word's first syllable: one lower-case syllable may follow
        # a capitalised one ("Công nghiệp Than và Khoáng sản")
        second = previous[:1].isupper() and not previous.isupper()
        if not (word[:1].isupper() or word[:1] in "(-–&" or word == "và" or second
                or word.casefold() in pats.admin_syllables):
            return False
        previous = "" if second and not word[:1].isupper() else word
    return True


MAX_ACRONYM_GAP = 3  # lower-case words between a body's acronym and its place ("TCT cà phê Việt Nam")
_ACRONYM_GAP = frozenset({"noun", "adj", None})
_LAST_WORD = regex.compile(r"(?:^|(?<=[ ]))[^ ]+[ ]+$")


def acronym_body_before(text: str, start: int, pats: LocationPatterns, words: frozenset[int] | None) -> bool:
    """A body's acronym, then at most three lower-case nouns or adjectives and an administrative word,
    run up to `start` ("khoa mắt BVĐK Hà Giang", "TTPBXH tỉnh Hà Giang", "TCT cà phê Việt Nam", "đài PT&TH
    Vĩnh Long"): the place is part of the body's name. A preposition, verb or conjunction between them
    ends the body ("giá vàng SJC tại Hà Nội"). Without the segmenter's words only the acronym right before
    the place (or its administrative word) counts."""
    end, gap = start, 0
    # the word starts of the 80 characters before the place, read once (not once per step back)
    nearby = starts_before(words, start, 80) if words is not None else []
    while end > 0 and gap <= MAX_ACRONYM_GAP:
        if words is not None:
            k = bisect.bisect_left(nearby, end)
            word_start = nearby[k - 1] if k else None
        else:
            last = _LAST_WORD.search(text, max(0, end - 40), end)
            word_start = last.start() if last else None
        word = text[word_start:end].strip() if word_start is not None else ""
        if not word:
            return False
        if text[word_start - 1:word_start] not in ("", " ") or text[end - 1:end] != " ":
            return False  # "(BVĐK)", "UBND," : punctuation between the acronym and the place
        if word.casefold() in pats.admin_level:
            end = word_start  # "TTPBXH tỉnh Hà Giang"; and "TP" is an administrative word, no body
            continue
        if pats.acronym_body.fullmatch(word):
            return True
        if words is None or not word.islower() or word_class(word) not in _ACRONYM_GAP:
            return False
        end, gap = word_start, gap + 1
    return False


MAX_BODY_WORDS = 8  # words of the segmenter between an organisation's head and the place
_BODY_MARKS = frozenset("-–&")  # "Trung cấp nghề Thanh niên Dân tộc - miền núi", "Tài nguyên & Môi trường"
_BODY_CLASSES = frozenset({"noun", "adj"})


def named_body_before(text: str, start: int, pats: LocationPatterns, words: frozenset[int],
                      heads: regex.Pattern | None = None,
                      classes: frozenset[str | None] = _BODY_CLASSES) -> bool:
    """An organisation's name in sentence case runs up to `start`: walking back over the segmenter's
    words from the place, each a capitalised word, an inner or administrative word, or a lower-case
    word of `classes` (nouns, adjectives: "Công ty Cổ phần cao su Bà Rịa", "Hội Nông dân huyện"), an
    organisation's head ends one of them (with `heads`: one of those, starting at a word). A verb, a
    preposition, a comma or a quotation mark ends the walk ("Sở Y tế đề nghị tỉnh Quảng Nam")."""
    starts = starts_before(words, start, 120)
    end = start
    for word_start in reversed(starts[-MAX_BODY_WORDS:]):
        word = text[word_start:end].strip()
        end = word_start
        if not word:
            return False
        if heads is not None:
            # a head may span the segmenter's words ("Đảng" + "ủy khối"): starting at a word, ending in this
            if any(m.start() in words and m.end() > word_start
                   for m in heads.finditer(text, max(0, word_start - 12), word_start + len(word))):
                return True
        else:
            head = pats.org_head_end.search(text, max(0, word_start - 40), word_start + len(word))
            two_heads = head is not None and head.start() > word_start and \
                pats.org_head_end.fullmatch(text, word_start, head.start() - 1)
            if head is not None and (head.start() in words or two_heads):
                return True  # "Công an", and a word the segmenter made of two heads ("Đoàn Khối")
        if not (word[:1].isupper() or word in _BODY_MARKS or pats.org_inner.fullmatch(word)
                or word.casefold() in pats.admin_level or word_class(word) in classes):
            return False
    return False


_AT_BEFORE = regex.compile(r"(?<![\p{L}])tại[ ]$")
# "Khối các cơ quan": a determiner inside a bloc's name
_BRANCH_CLASSES = frozenset({"noun", "adj", "determiner"})


def branch_body_before(text: str, start: int, pats: LocationPatterns, words: frozenset[int] | None) -> bool:
    """A Party body's name, then "tại", run up to `start` ("Đảng bộ Khối các cơ quan Trung ương tại
    Thành phố Hồ Chí Minh", "Đảng bộ Học viện Công nghệ BCVT tại TP. HCM"): the Party body of a central
    agency's branch is named by the city it sits in, so the place is part of that name (spec section 6).
    A verb between them ends the name ("Đảng ủy xã tổ chức hội nghị tại Hà Nội")."""
    at = _AT_BEFORE.search(text, max(0, start - 4), start)
    return at is not None and words is not None and at.start() in words and \
        named_body_before(text, at.start(), pats, words, pats.branch_head, _BRANCH_CLASSES)


_BRACKETED = regex.compile(r"[ ]?\((?P<acronym>[^()\s]{2,12})\)")
_NOT_LETTER = regex.compile(r"[^\p{L}]+")
# a body's short name in one word ("Vinacomin", "PetroVietnam")
_BRAND = regex.compile(r"\p{Lu}[\p{L}\p{N}&\-]*\p{Ll}[\p{L}\p{N}&\-]*")


def _initials(words: str) -> str:
    """"Bà Rịa - Vũng Tàu" -> "brvt", "Ủy ban" -> "ub": letters to compare with an acronym."""
    return strip_tones("".join(w[:1] for w in _NOT_LETTER.split(words) if w))


def named_by_acronym(text: str, start: int, end: int, pats: LocationPatterns) -> bool:
    """Does a body's acronym in brackets follow the place ("Công nghiệp Than và Khoáng sản Việt Nam
    (Vinacomin)", "sàn Hà Nội (HNX)")? The acronym stands for the whole name before it, which the place
    only ends: a body's name (spec section 6). The place's own short form ("Bà Rịa - Vũng Tàu (BR-VT)",
    "Thành phố Hồ Chí Minh (TP.HCM)") and an acronym that names no body ("(GRDP)") leave it a place."""
    match = _BRACKETED.match(text, end)
    if match is None:
        return False
    acronym = match.group("acronym")
    if not (pats.acronym_body.fullmatch(acronym) or _BRAND.fullmatch(acronym)) or pats.named.find(acronym):
        return False  # "(2020)", "(Mỹ)": a year or a place in brackets, not a body's short name
    letters = strip_tones(_NOT_LETTER.sub("", acronym))
    return letters not in (_initials(text[start:end]), _initials(" ".join(text[start:end].split()[1:])))
