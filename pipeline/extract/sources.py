"""Who states a figure: attribution cues, quotes and interviews (spec section 4a, `source`).

A cue is a reporting verb after its speaker ("ông Nguyễn Văn A cho biết", "Fitch dự báo") or a
phrase before it ("Theo Ban Tổ chức Tỉnh ủy, ..."). A cue that opens its sentence's content covers
the rest of the sentence and of the paragraph; one that closes it ('..., bà Thủy nói.') covers what
came before, and a quote it closes, across paragraphs. In an interview the answers are the
interviewee's. The speaker is written as the article writes it. The words are in
`rules/attribution.yml`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from pipeline.extract.clauses import Words
from pipeline.model import Mention

SPEAKER_WORDS = 14  # a longer "speaker" is a clause, not a name
QUALIFIER_WORDS = 2  # words qualifying a report ("thống kê sơ bộ của") before who made it
TOPIC_WORDS = 8  # words naming a report's topic before who made it ("công bố xếp hạng ... năm 2020 của")
PROPER_WORDS = 4  # a capitalised name of at most this many words may speak without being recognised
OPEN_QUOTES, CLOSE_QUOTES, BOTH_QUOTES = "“«", "”»", '"'
QUOTE_MARK = regex.compile(r'[“”«»"]')
DASH = regex.compile(r"\s*[-–—]\s")
# letters Vietnamese does not write, consonant clusters it does not start or end a syllable with
FOREIGN = regex.compile(
    r"[fjwz]|(?!ch|gh|gi|kh|ng|nh|ph|qu|th|tr)[bcdghklmnpqrstvx]{2}|[bdklqrsvx]$|(?<!n)g$|(?<![cn])h$"
)
CLAUSE_OPENERS = frozenset({",", ":", ";", ")", "-", "–", "—"})
CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "…", "“", "”", '"', "«", "»"})
NAMED = ("PER", "ORG", "LOC")
ISSUERS = ("PER", "ORG")  # who a document names as its author: a body or a person, not a place
# words that give a would-be speaker a predicate of its own: it is a clause, not a name
PREDICATE_TABLES = ("source_after", "aspect_markers", "passive_markers")
COORDINATORS = frozenset({"và", "hoặc"})
NAME_MARKS = frozenset({"-", "–", "&"})  # marks a name may hold between two of its words
# what closes the source "Theo X" names before its content: "Theo Sở Y tế, ...", "Theo huyện X: ..."
THEO_ENDS = frozenset({",", ":"})
APPOSITION_ENDS = frozenset({",", "-", "–", "—"})  # what closes an apposition before the reporting verb


@dataclass(frozen=True)
class Cue:
    """One attribution in a sentence: the source as written, and whether it covers what follows
    (`leads`) or what precedes (a closing "..., X cho biết.") the cue at `at`."""

    source: str
    at: int
    leads: bool
    speaker: tuple[int, int]  # the speaker phrase's characters


@dataclass
class Quote:
    """A quoted span (it may run over paragraphs) and the source its closing cue names."""

    start: int
    end: int
    source: str | None = None


def _named_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.type in NAMED and start <= m.start and m.end <= end]


def _starts_named(words: Words, i: int, j: int, mentions: list[Mention], kinds: tuple = NAMED) -> bool:
    """Whether words i..j-1 open with a name of one of `kinds`."""
    return any(
        m.start == words.starts[i]
        for m in _named_in(mentions, words.starts[i], words.ends[j - 1])
        if m.type in kinds
    )


def _is_speaker(words: Words, i: int, j: int, mentions: list[Mention]) -> bool:
    """Whether words i..j-1 can name who speaks: opening with a name, or a person or body word,
    and not the outlet speaking for itself ("phóng viên Dân trí")."""
    if j <= i or _length(words, i, j) > SPEAKER_WORDS or words.term_at(i, "self_sources", j):
        return False
    if _starts_named(words, i, j, mentions) or words.term_at(i, "speaker_heads", j):
        return True
    if not words.text[words.starts[i]].isupper():
        return False
    # "UBKT Tỉnh ủy": an acronym the article never spelled out, before a name it knows; "Fitch",
    # "Moody's": a short proper name the extractors do not know
    proper = j - i <= PROPER_WORDS and all(words.text[words.starts[k]].isupper() for k in range(i, j))
    if proper and j - i == 1 and (i == 0 or words.is_punct(i - 1)):
        # one capitalised word opening a sentence may be a common noun ("Phim kể về ..."): only a
        # word no Vietnamese syllable spells ("Fitch", "Google", "EVN") is taken for a name
        proper = _foreign(words.text[words.starts[i] : words.ends[i]])
    return proper or bool(_named_in(mentions, words.starts[i], words.ends[j - 1]))


def _opening(words: Words, close: int, floor: int) -> int | None:
    """The word opening the bracket that word `close` closes, not before word `floor`."""
    depth = 0
    for k in range(close, floor - 1, -1):
        depth += (words.lower[k] == ")") - (words.lower[k] == "(")
        if depth == 0:
            return k
    return None


def _asides(words: Words, i: int, j: int) -> set[int]:
    """Which of words i..j-1 stand inside brackets: an aside ("(69 tuổi, ở xã C)"), no part of a name."""
    inside, depth = set(), 0
    for k in range(i, j):
        depth -= words.lower[k] == ")"
        if depth > 0:
            inside.add(k)
        depth += words.lower[k] == "("
    return inside


def _people_ending(mentions: list[Mention]) -> dict[int, Mention]:
    """The first person named ending at each offset."""
    people: dict[int, Mention] = {}
    for m in mentions:
        if m.type == "PER":
            people.setdefault(m.end, m)
    return people


def _person_before(words: Words, opening: int, people: dict[int, Mention]) -> int | None:
    """Where a person named right before the bracket at word `opening` begins, with their title or
    kin word ("ông Tăng Pha" of "ông Tăng Pha (một hộ dân)"); None when no person ends there.
    `people`: the persons named, by where they end."""
    m = people.get(words.ends[opening - 1] if opening > 0 else -1)
    if m is None:
        return None
    k = words.at(m.start)
    return k - words.term_before(k, "speaker_heads", k - 3)


def _name_end(words: Words, i: int, j: int, mentions: list[Mention]) -> int:
    """Where the speaker i..j-1 is named: before an aside on the person it closes with ("Chị D.T
    (người Khmer, ngụ phường 2)" is written "Chị D.T")."""
    opening = _opening(words, j - 1, i) if words.lower[j - 1] == ")" else None
    if opening is not None and _person_before(words, opening, _people_ending(mentions)) is not None:
        return opening
    return j


def _length(words: Words, i: int, j: int) -> int:
    """How many of words i..j-1 stand outside brackets."""
    return j - i - len(_asides(words, i, j))


def _openings(words: Words, floor: int, end: int) -> dict[int, int]:
    """The word opening the bracket each closing bracket of words floor..end-1 closes, in one pass
    (a closing bracket opened before `floor` has none)."""
    found, closing = {}, []
    for k in range(end - 1, floor - 1, -1):
        if words.lower[k] == ")":
            closing.append(k)
        elif words.lower[k] == "(" and closing:
            found[closing.pop()] = k
    return found


class _Outside:
    """How many of words i..end-1 stand outside brackets (as `_length` counts them) while `i` moves
    back from `end`, in constant time a word: a word is inside when the brackets opened between `i`
    and it outnumber those closed (its own closing bracket counted), so it is enough to keep, for
    every such balance, how many words have it, and how many exceed the balance at `i`."""

    def __init__(self, words: Words, end: int):
        self.words, self.i, self.end = words, end, end
        self.balance = 0  # brackets opened minus closed from word `i` to `end`, counted from the end
        self.counts: Counter[int] = Counter()  # a word's balance (its own ")" counted) -> how many
        self.inside = 0
        self.length = 0

    def extend(self, i: int) -> None:
        """Take words i..self.i-1 in, the nearest first."""
        while self.i > i:
            self.i -= 1
            word = self.words.lower[self.i]
            step = (word == "(") - (word == ")")
            # the balance at the new first word: the words after it are inside by one more ("(")
            # or one fewer (")") bracket
            if step > 0:
                self.inside += self.counts[self.balance]
            elif step < 0:
                self.inside -= self.counts[self.balance + 1]
            self.balance -= step
            self.counts[self.balance - (word == ")")] += 1  # the first word itself is never inside
            self.length = self.end - self.i - self.inside


def _foreign(word: str) -> bool:
    """Whether a word cannot be a Vietnamese syllable: an acronym, a letter Vietnamese lacks, a
    consonant cluster or final it does not write (tone-marked words are Vietnamese)."""
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)) or "đ" in word.lower():
        return False
    if sum(c.isupper() for c in word) > 1 or not word.isalpha():
        return True  # "EVN", "VinFast", "Moody's"
    return FOREIGN.search(word.lower()) is not None


def _speaker_before(words: Words, cue: int, low: int, mentions: list[Mention]) -> tuple[int, int] | None:
    """The speaker phrase ending right before word `cue`: back to the clause start, a comma, or a
    dash; an apposition ("Ông Đào Mạnh Kháng, Chủ tịch HĐQT ABBank, cho biết") is kept whole."""
    floor = words.at(low)
    j = _before_when(words, cue, floor, mentions)
    if j > floor and words.term_before(j, "passive_markers", floor):
        return None  # "X được dự báo ...": X is what is forecast, not who forecasts it
    while j > floor and words.is_punct(j - 1) and words.lower[j - 1] in APPOSITION_ENDS:
        j -= 1  # "..., Chủ tịch HĐQT ABBank, cho biết", "X - chủ đầu tư dự án - mới đây cho biết"
    i, person = j, None
    openings, people = _openings(words, floor, j), _people_ending(mentions)
    outside = _Outside(words, j)
    while i > floor and words.lower[i - 1] not in CLAUSE_MARKS and outside.length < SPEAKER_WORDS:
        # a role may hold a dash or brackets: "TS X - Phó Vụ trưởng Vụ Y (Bộ GD&ĐT)"; an aside in
        # brackets after a person only describes them, commas and all ("Ông L (69 tuổi, ở xã C) cho biết")
        opening = openings.get(i - 1) if words.lower[i - 1] == ")" else None
        if opening is not None and (person := _person_before(words, opening, people)) is not None:
            i = person
            break
        i = opening if opening is not None else i - 1
        outside.extend(i)
    while i < j and (words.is_punct(i) or words.term_at(i, "source_before", j)):
        i += max(1, words.term_at(i, "source_before", j))  # "thông tin từ Công an tỉnh Thái Bình cho biết"
    cut = next((k for k in range(i + 1, j) if words.term_at(k, "speaker_trim", j)), j)
    j = cut  # "Phó chủ tịch UBND tỉnh Thanh Hóa | vừa ký văn bản báo cáo"
    role = person is None and i > floor + 1 and words.lower[i - 1] == ","
    if role and words.term_at(i, "speaker_heads", j):
        k = i - 1  # a role after a name: "Ông Đầu Thanh Tùng, Phó chủ tịch UBND tỉnh Thanh Hóa"
        while k > floor and words.lower[k - 1] not in CLAUSE_MARKS:
            k -= 1
        if k < i - 1 and any(
            m.type == "PER" for m in _named_in(mentions, words.starts[k], words.ends[i - 2])
        ):
            i = k
    asides = _asides(words, i, cue)
    if any(
        m.type == "FIGURE"
        and words.starts[i] <= m.start < words.starts[cue]
        and words.at(m.start) not in asides
        for m in mentions
    ):
        return None  # "đã thông qua 21 hồ sơ đề nghị kết nạp": a count before the verb, no speaker
    if (k := _predicate(words, i, j, mentions)) is not None:
        # "GDP nước này được ADB dự báo tăng 8,1%": the agent after a passive marker speaks; any
        # other predicate makes the phrase a clause ("Thanh Hóa vẫn đạt được những kết quả rất đáng
        # ghi nhận: ..."), whose verb the cue word only ends
        if not words.term_at(k, "passive_markers", j) or _predicate(words, k + 1, j, mentions) is not None:
            return None
        i = k + 1
    return (i, j) if _is_speaker(words, i, j, mentions) else None


def _before_when(words: Words, j: int, floor: int, mentions: list[Mention], adverbs: bool = True) -> int:
    """Where a speaker's name ends before word `j`: before the day and (with `adverbs`) the adverbs
    that tell when it spoke ("Chính phủ Thái Lan | ngày 28/4 | thông báo", "Bộ Quốc phòng Nga | hôm
    nay | cho biết", "Theo thông tin từ UBND tỉnh Hà Nam | ngày 2.1,"): no part of the name as written; a
    day is cut only after a name the extractors know."""
    while j > floor:
        if adverbs and (n := words.term_before(j, "speaker_trim", floor)):
            j -= n
            continue
        end = words.ends[j - 1]
        date = next((m for m in mentions if m.type == "DATE" and m.end == end), None)
        k = words.at(date.start) if date is not None else floor
        if k <= floor or not any(m.type in NAMED and m.end == words.ends[k - 1] for m in mentions):
            return j  # only a name's day: "GDP quý IV/2022 | ước tính tăng" names a measure, no speaker
        j = k
    return j


def _predicate(words: Words, i: int, j: int, mentions: list[Mention]) -> int | None:
    """The first of words i+1..j-1 that gives them a predicate of their own: a reporting verb, an
    aspect or a passive marker, written in lower case outside any name and any brackets."""
    asides = _asides(words, i, j)
    inside = _named_in(mentions, words.starts[i], words.ends[j - 1])
    for k in range(i + 1, j):
        if k in asides or not words.text[words.starts[k]].islower():
            continue
        if any(m.start <= words.starts[k] < m.end for m in inside):
            continue
        if words.term_at(k, "source_after", j) and words.lower[k - 1] in COORDINATORS:
            continue  # "Cơ quan nghiên cứu và dự báo kinh tế ...": a noun coordinated into a name
        if any(words.term_at(k, table, j) for table in PREDICATE_TABLES):
            return k
    return None


def _after_theo(words: Words, i: int, high: int, mentions: list[Mention]) -> tuple[int, int] | None:
    """The source named after "Theo" at word `i`: up to the comma; "báo cáo của X" gives X."""
    j = _name_through(words, i, high)
    k = i
    while k < j and (n := words.term_at(k, "source_nouns", j)):
        k += n
    # "theo thống kê sơ bộ của Ban chỉ đạo ...", "báo cáo nhanh của Bộ ...": a word or two qualifying
    # the report before the "của" that names who made it
    of = next((x for x in range(k, min(k + QUALIFIER_WORDS + 1, j)) if words.lower[x] == "của"), None)
    if k > i and of is not None:
        k = of + 1
    elif k > i and (maker := _report_maker(words, k, j, mentions)) is not None:
        k = maker
    if k < j and _named_in(mentions, words.starts[k], words.ends[j - 1]):
        i = k  # "theo thống kê của Tổng cục Thống kê" -> Tổng cục Thống kê
    if j >= len(words) or words.lower[j] not in THEO_ENDS:
        return None  # "theo quy định", "theo kế hoạch đề ra": no leading attribution
    if words.lower[j] == ":" and _predicate(words, i, j, mentions) is not None:
        return None  # "Thông tin từ X cho biết: ...": the reporting verb names X, read after it
    j = _before_when(words, j, i, mentions, adverbs=False)  # "Theo ... UBND tỉnh Hà Nam | ngày 2.1,"
    if any(m.type == "DIRECTIVE" and m.start == words.starts[i] for m in mentions):
        return _issued(words, i, j, mentions)
    if _is_speaker(words, i, j, mentions):
        return i, j
    # "Theo Cổng thông tin quốc gia về đăng ký kinh doanh, ...": a capitalised name the extractors
    # do not know, up to the comma, no clause ("thông tin" here names the portal, it reports nothing)
    if words.term_at(i, "self_sources", j):
        return None  # "Cũng theo ghi nhận của PV Dân trí, ...": the outlet reports itself
    named = words.text[words.starts[i]].isupper() and _length(words, i, j) <= SPEAKER_WORDS
    return (i, j) if named and not _has_verb(words, i, j) else None


def _report_maker(words: Words, k: int, j: int, mentions: list[Mention]) -> int | None:
    """Where the body or person that made a report starts when words naming its topic stand between
    the report's noun at word `k` and "của" ("Theo công bố xếp hạng Chuyển đổi số năm 2020 của | Bộ
    Thông tin và Truyền thông, ..."): a name running from "của" to the comma, no clause and no
    document between (a document's "của" names its issuer, not the report's maker)."""
    if words.lower[k - 1] in ("của", "từ") or not words.text[words.starts[k]].islower():
        return None  # "Theo ước tính của | Cơ quan ... của Liên Hợp Quốc": the maker is named already
    of = next((x for x in range(k, min(k + TOPIC_WORDS + 1, j)) if words.lower[x] == "của"), None)
    if of is None or of + 1 >= j or _has_verb(words, k - 1, of):
        return None
    if any(m.type == "DIRECTIVE" and words.starts[k] <= m.start < words.starts[of] for m in mentions):
        return None
    maker = next((m for m in mentions if m.type in ISSUERS and m.start == words.starts[of + 1]), None)
    return of + 1 if maker is not None and maker.end >= words.ends[j - 1] else None


def _issued(words: Words, i: int, j: int, mentions: list[Mention]) -> tuple[int, int] | None:
    """A document opening words i..j-1 after "Theo" credits its figures to the body or person it
    names ("Theo Quyết định số 219-QĐ/TU ngày 7-8-2025 của Ban Thường vụ Tỉnh ủy, ..."); one that names
    nobody ("Theo Quyết định 759/QĐ-TTg ngày 14/4/2025, ...", "Theo Đề án điều chỉnh quy hoạch ...,")
    is what the figures accord with, no one who states them (spec 4a: who states it, as written)."""
    named = _named_in(mentions, words.starts[i], words.ends[j - 1])
    return (i, j) if any(m.type in ISSUERS for m in named) else None


def _name_through(words: Words, i: int, high: int) -> int:
    """Where a name from word `i` meets punctuation, past the marks a name holds before a capitalised
    word: a dash or an ampersand ("Sở Kế hoạch - Đầu tư", "Sở LĐ-TB&XH tỉnh") and a bracket it closes
    with no mark inside ("Tổ chức Y tế Thế giới (WHO)"); not a number's ("giai đoạn 2021-2025",
    "(04/2006)") nor a document's symbol ("Nghị quyết số 60/NQ")."""
    j = i
    while j < len(words) and words.starts[j] < high:
        joins = words.lower[j] in NAME_MARKS and j > i and _capitalised(words, j + 1, high)
        if not words.is_punct(j) or joins:
            j += 1
            continue
        opens = words.lower[j] == "(" and _capitalised(words, j + 1, high)
        if not opens or (end := _bracket_end(words, j, high)) is None:
            break
        j = end + 1
    return j


def _capitalised(words: Words, k: int, high: int) -> bool:
    """Whether word `k` is a word of the sentence opening on a capital letter."""
    return k < len(words) and words.starts[k] < high and words.text[words.starts[k]].isupper()


def _bracket_end(words: Words, opening: int, high: int) -> int | None:
    """The word closing the bracket opened at word `opening`, when only words stand between and
    punctuation follows: a short form closes the name ("(UNFPA) | có 93% ..." opens a clause)."""
    k = opening + 1
    while k < len(words) and words.starts[k] < high and not words.is_punct(k):
        k += 1
    inside = k > opening + 1 and k + 1 < len(words) and words.starts[k] < high
    return k if inside and words.lower[k] == ")" and words.is_punct(k + 1) else None


def _has_verb(words: Words, i: int, j: int) -> bool:
    """Whether words i..j-1 hold an aspect marker or a passive one: a clause ("Theo Quy hoạch được
    duyệt, ..."), not a name (whose nouns may be verbs elsewhere: "đăng ký kinh doanh")."""
    return any(
        words.term_at(k, "aspect_markers", j) or words.lower[k] in ("được", "bị") for k in range(i + 1, j)
    )


def sentence_cues(words: Words, low: int, high: int, mentions: list[Mention]) -> list[Cue]:
    """The attribution cues of the sentence [low, high)."""
    cues: list[Cue] = []
    i, stop = words.at(low), words.at(high)
    if words.none_of(i, stop, "source_after", "source_before"):
        return cues  # most sentences: no cue word at all
    clause_start = low
    while i < stop:
        if words.is_punct(i) and words.lower[i] in CLAUSE_OPENERS:
            clause_start = words.ends[i]  # "(CT)- Theo báo cáo của ...": a dateline ends at the dash
        n = words.term_at(i, "source_before", stop)
        first = words.at(clause_start)
        if n and first != i and first != i - words.term_before(i, "speaker_trim", first):
            n = 0  # "theo" inside a clause; after an adverb it still opens it ("Cũng theo X, ...")
        if n and (span := _after_theo(words, i + n, high, mentions)):
            cues.append(Cue(words.phrase(*span), words.starts[i], True, _chars(words, span)))
            i = span[1]
            continue
        if (n := words.term_at(i, "source_after", stop)) and (
            span := _speaker_before(words, i, low, mentions)
        ):
            after = i + n
            leads = after < stop and not (
                words.is_punct(after) and words.lower[after] in (".", "!", "?", "…")
            )
            name = words.phrase(span[0], _name_end(words, *span, mentions))
            cues.append(Cue(name, words.starts[i], leads, _chars(words, span)))
            i = after
            continue
        i += 1
    return cues


def _chars(words: Words, span: tuple[int, int]) -> tuple[int, int]:
    return words.starts[span[0]], words.ends[span[1] - 1]


def quotes(words: Words, mentions: list[Mention]) -> list[Quote]:
    """Quoted spans of a segment (straight quotes pair up; a quote left open at a paragraph's end
    runs on), each with the source of a cue right after it ('"...", EVN HCMC nêu rõ.')."""
    text, found, opened = words.text, [], None
    for mark in QUOTE_MARK.finditer(text):
        pos, char = mark.start(), mark.group()
        opening = char in OPEN_QUOTES or (char in BOTH_QUOTES and opened is None)
        if opened is None and opening:
            opened = pos
        elif opened is not None and (char in CLOSE_QUOTES or char in BOTH_QUOTES):
            found.append(Quote(opened, pos + 1))
            opened = None
    for quote in found:
        if quote.end - quote.start < 40:
            continue  # a name or a slogan in quotes, not speech
        low = quote.end
        high = words.sentence(min(quote.end, len(text) - 1))[1]
        lead = regex.match(r"[\s,]*(?:[-–—]\s*)?", text[low:high])
        start = low + (lead.end() if lead else 0)
        for cue in sentence_cues(words, start, high, mentions):
            if not cue.leads and cue.speaker[0] == start:
                quote.source = cue.source
                break
    return [q for q in found if q.source]


@dataclass(frozen=True)
class Interview:
    """Question-and-answer layout: which paragraphs of the body are questions, which answers, whose."""

    questions: frozenset[int]
    answers: frozenset[int]
    interviewee: str | None


def interview(words: Words, mentions: list[Mention], title_mentions: list[Mention]) -> Interview:
    """Answers open with a dash ("- Thì tôi đoán là ...") and run until the next question (a
    paragraph ending with "?"); the interviewee is the person the article names most."""
    text = words.text
    dashed = [bool(DASH.match(" " + text[a:b])) for a, b in words.paragraphs]
    asked = [text[a:b].rstrip().endswith("?") for a, b in words.paragraphs]
    people = Counter(m.attrs.get("name") or m.text for m in [*title_mentions, *mentions] if m.type == "PER")
    if sum(d and not q for d, q in zip(dashed, asked, strict=True)) < 2 or sum(asked) < 2 or not people:
        return Interview(frozenset(), frozenset(), None)
    answers, answering = set(), False
    for index, (dash, question) in enumerate(zip(dashed, asked, strict=True)):
        answering = not question and (dash or answering)
        if answering:
            answers.add(index)
    name = people.most_common(1)[0][0]
    questions = {i for i, q in enumerate(asked) if q}
    return Interview(frozenset(questions), frozenset(answers), _with_title(words, mentions, name) or name)


def _with_title(words: Words, mentions: list[Mention], name: str) -> str | None:
    """The person's first mention with the word before it when that is a title ("ông Trần Đình Long")."""
    for m in mentions:
        if m.type == "PER" and (m.attrs.get("name") or m.text) == name:
            i = words.at(m.start)
            if i > 0 and words.term_before(i, "speaker_heads", i - 3):
                n = words.term_before(i, "speaker_heads", i - 3)
                return words.text[words.starts[i - n] : m.end]
    return None
