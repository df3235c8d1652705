"""Named people: full names led by a surname, names and initials after an honorific, famous names.

Every capitalised run of the text is read once: what stands right before it (an honorific such as
"anh", a title such as "Phó Thủ tướng", a street or school word) says whether it is a person.
Short forms ("anh Á", "thứ trưởng Phúc", "chị H") are resolved to the full name the same article
gives ("Nguyễn Sỹ Á", "Nguyễn Văn Phúc", "T.H") when `build` writes the entries. The compiled rule
file lives in `people_patterns`, the cue and role read around a name in `people_context`, the
names the article gives places led by a cue ("đường Phan Xích Long") in `place_cues`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.merge import field_rank
from pipeline.extract.people_context import Cue, cue_before, role_around
from pipeline.extract.people_patterns import (
    CAPW,
    LIST_OPENERS,
    MAX_NAME,
    WINDOW,
    PeoplePatterns,
    looks_foreign,
    patterns,
)
from pipeline.extract.place_cues import cue_led_names
from pipeline.extract.word_classes import word_class
from pipeline.kinds import named_kind, register_kind
from pipeline.model import Mention
from pipeline.name_syllables import often_given
from pipeline.people_rules import RULES_SCHEMA, rules
from pipeline.text import name_words, sentence_initial

__all__ = ["RULES_SCHEMA", "build", "find", "looks_foreign", "patterns", "rules"]

BIG_PLACES = ("country", "province", "other")  # places no one-syllable commune name shadows
_NEXT_LOWER = regex.compile(r"[ ](\p{Ll}+)")
_NEXT_CAP = regex.compile(rf"[ ]{CAPW}")
# a one-syllable short name of these classes is a function word with a stray capital ("Trong")
_FUNCTION_CLASSES = frozenset({"preposition", "conjunction", "determiner"})
_TRAILING_SOURCE = regex.compile(r"\s*\([^()\n]*\)\s*$")


def _mention(segment: Segment, start: int, end: int, kind: str, pats: PeoplePatterns,
             keep: bool = True, name: str | None = None) -> Mention:
    """A PER mention of characters start..end of `kind` (full, short, alias...), with its role."""
    text = segment.text
    if kind == "full" and end < len(text) and text[end] == "." and text[end - 2:end - 1] == " ":
        # "Nguyễn Văn H. (35 tuổi)": a trailing initial keeps its dot unless it ends the sentence
        after = text[end + 1:end + 3]
        if after[:1] != "\n" and not (after[:1] == " " and after[1:2].isupper()) and after:
            end += 1
    surface = text[start:end]
    return Mention("PER", start, end, surface, segment.field,
                   {"name": name or surface, "kind": kind, "keep": keep,
                    "role": role_around(text, start, end, pats)})


def _is_place(words: list[str], strict: bool = False) -> bool:
    """Is this run a place rather than a name ("Thái Bình Dương", "Hà Nội Mới")?

    `strict` also rejects a run ending in a province or country ("Kim Mã Hà Nội", "Lê Hàn Quốc"),
    which a cue-less name rarely does; after "ông" it is a given name ("ông Nguyễn Thái Bình").
    """
    gaz = gazetteer()
    high = ("country", "province", "other")
    whole = gaz.level_of(" ".join(words))
    if whole in high or (whole and (strict or len(words) > 2)):
        return True  # after "ông", a ward's name is a man's ("Ông Hoàng Việt"), a province's is not
    if gaz.level_of(" ".join(words[:2])) in high:
        return True
    return strict and len(words) >= 3 and gaz.level_of(" ".join(words[-2:])) in high


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Is the name the whole line? A bare name on its own line is a byline or credit."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = _TRAILING_SOURCE.sub("", text[end:line_end])  # "Phạm Chu Quang Vinh (Theo Global Times)"
    return not text[line_start:start].strip() and not rest.strip(" .,;:-–")


def _without_leading_places(words: list[str]) -> list[str]:
    """Drop the place names a run starts with ("Mỹ Donald Trump" -> "Donald Trump")."""
    gaz = gazetteer()
    while words:
        if len(words) > 1 and gaz.level_of(" ".join(words[:2])):
            words = words[2:]
        elif gaz.level_of(words[0]):
            words = words[1:]
        else:
            break
    return words


def _titled_after_place_word(text: str, start: int, name: list[str], cue: Cue, pats: PeoplePatterns) -> bool:
    """After an administrative word that ends a title's body ("Chủ tịch UBND tỉnh", "Bí thư Huyện ủy
    huyện"), a full name with a middle name ("Văn", "Thị") that is no known place is the person."""
    gaz = gazetteer()
    # a middle name ("Văn", "Thị") marks a person; so does a surname-led run none of whose leading
    # words is a known place ("UBND thành phố Lê Trung Chinh", "thành phố Lương Nguyễn Minh Triết")
    # one syllable that is also a commune's whole name ("xã Phan", "xã Lê") leads a man's name as well
    known_prefix = gaz.level_of(name[0]) in BIG_PLACES or any(
        gaz.level_of(" ".join(name[:n])) for n in range(2, len(name) + 1))
    personal = name[1] in pats.middle_names or (name[0] in pats.surnames and not known_prefix)
    return (cue.blocker.casefold() in pats.place_words and len(name) >= 3 and personal
            and not _is_place(name) and bool(pats.role_before.search(text[max(0, start - WINDOW):start])))


def _surname_split(words: list[str], pats: PeoplePatterns) -> int | None:
    """Index where a surname-led name of 2-4 syllables ends the run."""
    if words[0] in pats.name_openers and 3 <= len(words) <= MAX_NAME + 1 and not any(
            gazetteer().level_of(" ".join(words[k:])) for k in range(1, len(words))):
        return 0  # "Y Thanh Hà Niê Kđăm": the opener leads the whole name; a later "Hà" is no surname
    for i, word in enumerate(words):
        if word in pats.surnames and 2 <= len(words) - i <= MAX_NAME:
            if i and len(words) - i == MAX_NAME and words[i + 1] in pats.surnames:
                return i + 1  # "bệnh viện Bạch Mai Nguyễn Quang Tuấn": the name is the shorter tail
            return i
    return None


_SPEECH_AFTER = regex.compile(r"[ ](\p{Ll}+(?:[ ]\p{Ll}+){0,2})(:)?")


def _after_role_comma(text: str, start: int, words: list[str], pats: PeoplePatterns) -> bool:
    """A foreign name of two words or more set off by a comma after a title and its body, and that
    a reporting verb follows ("Chủ tịch EuroCham, Bruno Jaspaert nhận xét"): a Vietnamese one needs
    no such cue, its surname marks it; without the verb it may be a second body ("Samsung Display")."""
    if text[max(0, start - 2):start] != ", " or not 2 <= len(words) <= MAX_NAME or not looks_foreign(words):
        return False
    from pipeline.extract.clauses import rules as attribution_rules  # it loads spaCy: not at import

    after = _SPEECH_AFTER.match(text, start + len(" ".join(words)))
    verbs = after.group(1).split() if after else []
    reported = bool(after and after.group(2)) or any(  # "Bruno Jaspaert nhận xét: ...": a quotation
        attribution_rules().has("source_after", " ".join(verbs[:n])) for n in range(1, len(verbs) + 1))
    return reported and bool(pats.role_before.search(text[max(0, start - 2 - WINDOW):start - 2] + " "))


def _before_a_title(text: str, start: int, words: list[str], pats: PeoplePatterns) -> list[str]:
    """The run up to a title written right after the name without a comma ("Lê Văn Nguyên Phó Chủ
    tịch UBND", "Trần Văn Sơ Phó bí thư"): from its third word on, a word that opens a title ends it."""
    starts = [start + len(" ".join(words[:i])) + 1 for i in range(1, len(words))]
    # where the name opens: its surname, after an honorific or a place ("Ông Lê Văn Nguyên ...")
    opening = next((k for k, w in enumerate(words) if w in pats.surnames), len(words))
    for i in range(2, len(words)):
        if pats.title.match(text, starts[i - 1]):
            # a capitalised prefix that a title also follows ("Nguyên Phó Chủ tịch") may be a given name,
            # but not after a full name of three syllables ("Trần Minh Thanh Phó Giám đốc"): a name of
            # four whose last is a title's prefix is far rarer than the title written after the name
            # a prefix the corpus seldom gives in a name is the title's ("Nguyễn Hảo Phó Giám đốc")
            if (i + 1 < len(words) and i < MAX_NAME and i - opening < 3 and often_given(words[i])
                    and pats.title.match(text, starts[i])):
                return words[:i + 1]
            return words[:i]
    return words


def _from_run(segment: Segment, start: int, words: list[str], pats: PeoplePatterns) -> Mention | None:
    """A person in one capitalised run, or None."""
    text = segment.text
    words = _before_a_title(text, start, words, pats)
    opens = sentence_initial(text, start, openers=LIST_OPENERS)
    if len(words) > 1 and words[0] in pats.cap_honorifics and opens:
        # "Ông Đào Mạnh Kháng", "Chị H cho biết": a sentence-initial honorific is the cue
        if (len(words) > 2 and f"{words[0]} {words[1]}".casefold() in pats.title_heads
                and words[2] not in pats.surnames):
            return None  # "Anh Hùng Lao động ...": a title ("Anh hùng"); but "Anh Hùng cho biết"
        start += len(words[0]) + 1
        words = words[1:]
        cue = Cue("honorific")
    else:
        cue = cue_before(text, start, pats)
        if cue.kind is None and not cue.blocked and 2 <= len(words) <= MAX_NAME and \
                pats.born_after.match(text, start + len(" ".join(words))):
            cue = Cue("born")  # a birth year or age after the run marks a person, whatever the surname
        elif cue.kind is None and not cue.blocked and _after_role_comma(text, start, words, pats):
            cue = Cue("title")  # "Chủ tịch EuroCham, Bruno Jaspaert nhận xét": the title, then the name
    if cue.blocked and cue.blocker.casefold() in pats.place_words and text[max(0, start - 2):start] == ": ":
        cue = Cue(None)  # "Phó Chủ tịch UBND huyện: Trần Văn A, ...": the colon ends the body's name
    split = _surname_split(words, pats)
    if cue.blocked and split == 0 and _titled_after_place_word(text, start, words[:MAX_NAME], cue, pats):
        cue = Cue("title")  # "Chủ tịch UBND tỉnh Cao Văn Trọng": the body's place word, then the man
    if cue.blocked and not split:
        return None  # a blocker before the run still lets a later name through ("tỉnh X Đỗ Minh Tuấn")
    if split is not None:
        name_start = start + len(" ".join(words[:split])) + (1 if split else 0)
        name = words[split:]
        following = _NEXT_LOWER.match(text, start + len(" ".join(words)))
        if len(name) > 2 and following and f"{name[-1]} {following.group(1)}".casefold() in pats.title_heads:
            name = name[:-1]  # "Nguyễn Thành Phong Chủ tịch UBND": the title follows without a comma
        name_end = name_start + len(" ".join(name))
        direct = cue if split == 0 else cue_before(text, name_start, pats)
        if direct.blocked or pats.house_number.search(text[max(0, name_start - 12):name_start]):
            return None  # "trường THPT Lê Quý Đôn", "45B Lý Thường Kiệt"
        if direct.kind != "honorific" and " ".join(name[:2]) in pats.surname_bodies:
            return None  # "Bí thư Đoàn Trường": the school's Youth Union, not Mr Đoàn Trường
        # a title and its body right before a surname-led name make it the holder's, even one whose
        # given name is a province's ("Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình"); a
        # country's is not a given name ("Hoa hậu Hoàn Vũ Việt Nam")
        holder = name[0] in pats.surnames and gazetteer().level_of(" ".join(name[1:])) != "country" and bool(
            pats.role_before.search(text[max(0, name_start - WINDOW):name_start]))
        # after an honorific, a ward or district named after a person is the person ("ông Lê Hồng Phong")
        named_after = direct.kind == "honorific" and name[0] in pats.surnames and \
            gazetteer().level_of(" ".join(name)) in _UNITS
        if not named_after and _is_place(name, strict=direct.kind != "honorific" and not holder):
            return None
        # two syllables need a cue: an honorific, or a title and its body right before ("Giám đốc Sở
        # Tài chính Nguyễn Hảo", "Bộ trưởng Ngoại giao Trung Quốc Vương Nghị"), with nothing but places
        # between them: a capitalised word left of the surname may be the name's ("Ca sĩ Ưng Hoàng Phúc")
        holder = holder and not _without_leading_places(words[:split])
        if direct.kind or ((len(name) >= 3 or holder) and not _alone_on_line(text, name_start, name_end)):
            mention = _mention(segment, name_start, name_end, "full", pats)
            mention.attrs["cued"] = bool(direct.kind or holder or mention.attrs["role"])
            return mention
        return None
    if any(w in pats.company_words for w in words):
        return None
    if cue.kind is None or len(words) > MAX_NAME or words[0] in pats.not_names:
        return None
    if len(words) == 1 and word_class(words[0]) in _FUNCTION_CLASSES and words[0] not in pats.surnames:
        return None  # "các đồng chí Trong BTV": a preposition written with a capital, not a given name
    end = start + len(" ".join(words))
    following = _NEXT_LOWER.match(text, end)
    second = words[1] if len(words) > 1 else following.group(1) if following else ""
    if f"{words[0]} {second}".casefold() in pats.title_heads:
        return None  # "đồng chí Trưởng Ban Tuyên giáo", "các đồng chí Thường trực Huyện ủy": a title
    if following and f"{words[-1]} {following.group(1)}".casefold() in pats.title_heads:
        return None  # "đồng chí Thứ trưởng": a capitalised title, not a name
    if len(words) == 1 and len(words[0]) == 1 and (words[0].isascii() or words[0] == "Đ"):
        # an initial ("chị H"); an accented single letter is a given name ("anh Á")
        return _mention(segment, start, end, "letter", pats, keep=False)
    if cue.kind == "title" and looks_foreign(words) and len(words) >= 2:
        kept = _without_leading_places(words)  # "Tổng thống Mỹ Donald Trump"
        if len(kept) < 2 or _is_place(kept, strict=True):
            return None
        start = end - len(" ".join(kept))
        return _mention(segment, start, end, "full", pats)
    if len(words) > 1 and _is_place(words):
        return None
    kind = "full" if cue.kind == "born" or (len(words) >= 3 and looks_foreign(words)) else "short"
    return _mention(segment, start, end, kind, pats, keep=cue.kind == "honorific")


# a name written in capitals ("đồng chí NGUYỄN VĂN A"): two to four syllables of capitals
_CAPITALS_RUN = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{1,7}(?:[ ]\p{Lu}{1,7}){1,3}(?![\p{L}\p{N}])")


def _in_capitals(segment: Segment, pats: PeoplePatterns) -> list[Mention]:
    """Names written in capitals after an honorific or a title: a surname, then Vietnamese syllables
    (an acronym such as "UBND" is none); the name is written with capital initials."""
    text = segment.text
    found: list[Mention] = []
    for match in _CAPITALS_RUN.finditer(text):
        words = [w.capitalize() for w in match.group(0).split(" ")]
        if words[0] not in pats.surnames or looks_foreign(words):
            continue
        cue = cue_before(text, match.start(), pats)
        if cue.kind and not cue.blocked:
            found.append(_mention(segment, match.start(), match.end(), "full", pats, name=" ".join(words)))
    return found


# a middle name written in lower case between a surname and the given name ("Cô Lại thị Ngọc Trân")
_LOWER_MIDDLE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])({CAPW})[ ](\p{{Ll}}+)[ ]{CAPW}(?:[ ]{CAPW})?(?![\p{{L}}\p{{N}}])")


def _lower_middle(segment: Segment, pats: PeoplePatterns) -> list[Mention]:
    """Names whose middle name ("Văn", "Thị") is written in lower case, after an honorific or a title:
    the surname and the middle name hold the name together as capitals do."""
    text = segment.text
    found: list[Mention] = []
    for match in _LOWER_MIDDLE.finditer(text):
        if match.group(1) not in pats.surnames or match.group(2).capitalize() not in pats.middle_names:
            continue
        cue = cue_before(text, match.start(), pats)
        if cue.kind and not cue.blocked:
            found.append(_mention(segment, match.start(), match.end(), "full", pats))
    return found


_UNITS = ("district", "commune")  # a unit named after a person ("phường Hoàng Văn Thụ"): a listed name
_LIST_SEPARATOR = regex.compile(r"[^,;.!?\n]*?(?:[,;][ ]?|[ ]và[ ])")
MAX_LISTED = 12


def _listed(segment: Segment, pats: PeoplePatterns) -> list[Mention]:
    """Names listed after one plural cue: "các đồng chí: Lò Văn Muôn, Phó Bí thư Tỉnh ủy; Hà Văn Nam
    và Lê C". Each item that is a capitalised name of two to four syllables is a person; a title
    between them is the previous person's role; a lower-case item ends the list. A district or ward
    named after a person is, led by a surname in such a list, the person ("Hoàng Văn Thụ")."""
    text = segment.text
    found: list[Mention] = []
    for cue in pats.listed.finditer(text):
        pos = cue.end()
        for _ in range(MAX_LISTED):
            run = pats.run.match(text, pos)
            if run is None and text[pos:pos + 1].islower():
                break
            if run:
                words = run.group(0).split(" ")
                if len(words) > 2 and words[0] in pats.cap_honorifics:
                    # "gồm: Anh Đỗ Đức Thanh, anh Lý Anh Việt": the item's honorific is no part of the name
                    run = pats.run.match(text, run.start() + len(words[0]) + 1)
                    words = words[1:]
                titled = pats.title.match(text, run.start()) is not None
                named_after = words[0] in pats.surnames and gazetteer().level_of(" ".join(words)) in _UNITS
                if not titled and 2 <= len(words) <= MAX_NAME and (named_after or not _is_place(words)):
                    found.append(_mention(segment, run.start(), run.end(), "full", pats))
            separator = _LIST_SEPARATOR.match(text, pos)
            if separator is None or separator.end() == pos:
                break
            pos = separator.end()
    return found


def _segment_mentions(segment: Segment, pats: PeoplePatterns) -> list[Mention]:
    text = segment.text
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for match in pats.famous.finditer(text):
        start, end = match.span()
        if cue_before(text, start, pats).blocked or _NEXT_CAP.match(text, end):
            continue
        if pats.doctrine_before.search(text, max(0, start - WINDOW), start):
            continue  # "chủ nghĩa Mác - Lênin": the doctrine named after them, not the men
        term = match.group(0)
        # a surname alone ("Trump", "Messi") joins the full name when the article gives it; so does
        # an epithet ("Bác Hồ"), which otherwise names the person as the article writes it
        canonical = pats.famous_names[term] != term
        kind = "alias" if canonical else "short" if " " not in term else "full"
        found.append(_mention(segment, start, end, kind, pats, name=pats.famous_names[term]))
        taken.append((start, end))
    for match in pats.initials.finditer(text):
        start, end = match.span()
        if match.group(0) in pats.not_names:
            continue  # "Bí thư T.Ư Đảng": the Party's abbreviation for "Trung ương", not a man's initials
        cue = cue_before(text, start, pats)
        if cue.kind and not cue.blocked:
            found.append(_mention(segment, start, end, "initials", pats))
            taken.append((start, end))
    for mention in [*_listed(segment, pats), *_in_capitals(segment, pats), *_lower_middle(segment, pats)]:
        found.append(mention)
        taken.append((mention.start, mention.end))
    for match in pats.run.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        mention = _from_run(segment, start, match.group(0).split(" "), pats)
        word_start = _word_running_on(segment, mention.end) if mention is not None else None
        if mention is not None and word_start is not None:
            # "Trần Ngọc Quang Giảng viên": the name stops before the word; "Đoàn Tổng Công ty": before all
            # of it, which may open on an earlier syllable of the run ("Tổng Công ty"), leaving no name
            words = mention.text.split(" ")
            kept = (segment.text[mention.start:word_start].split() if word_start > mention.start
                    else words[:-1])
            shorter = mention.start + len(" ".join(kept))
            cued = mention.attrs.get("cued", True)
            mention = _mention(segment, mention.start, shorter, "full", pats) if len(kept) > 2 or (
                len(kept) == 2 and kept[0] in pats.surnames) else None
            if mention is not None and not cued:
                mention.attrs["cued"] = False
        if mention is not None:
            found.append(mention)
    return found


def _word_running_on(segment: Segment, end: int) -> int | None:
    """Where the common word of the segmenter starts that a name ends inside and that goes on in lower
    case ("Đoàn Kiểm" of "Đoàn Kiểm tra", "Báo" of "các đồng chí Báo cáo viên"), else None. A name the
    segmenter joins to the next word ("Trần Thị Mậu sinh") is no common word and stands."""
    if segment.text[end:end + 1] != " ":
        return None
    # the token holding the space after the name, found by spaCy's binary search (not a walk over the doc)
    around = segment.doc.char_span(end, end + 1, alignment_mode="expand")
    token = around[0] if around is not None and len(around) else None
    if token is None or not token.idx < end < token.idx + len(token.text) or word_class(token.text) is None:
        return None
    return token.idx


def find(doc: ArticleDoc) -> list[Mention]:
    """Person mentions in the title, body and captions (meta lines hold bylines, not people)."""
    pats = patterns()
    found: list[Mention] = []
    for segment in doc:
        if not segment.field.startswith("meta") and segment.text:
            found.extend(_segment_mentions(segment, pats))
    return found


@dataclass
class Person:
    """One person of the article while mentions are being grouped."""

    name: str
    order: tuple[int, int, int]
    mentions: list[Mention]


def _order(mention: Mention) -> tuple[int, int, int]:
    """Where a mention stands in the record: its field's rank, then its offset."""
    return (*field_rank(mention.field), mention.start)


def _resolve(mention: Mention, people: list[Person]) -> Person | None:
    """The person a short form or single initial refers to: the nearest earlier match, else any."""
    kind, short = mention.attrs["kind"], name_words(mention.attrs["name"])
    if kind == "letter":
        matches = [p for p in people if name_words(p.name) and name_words(p.name)[-1][:1] == short[0]]
    else:
        matches = [p for p in people if p.name.count(" ") and (
            name_words(p.name)[-len(short):] == short
            # a foreign family name may come first: "thầy Park" is "Park Hang Seo"
            or (len(short) == 1 and looks_foreign(p.name.split()) and name_words(p.name)[0] == short[0]))]
    if not matches:
        return None
    earlier = [p for p in matches if p.order < _order(mention)]
    return max(earlier, key=lambda p: p.order) if earlier else matches[0]


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per person: full names first, short forms joined to the full name they stand for."""
    ordered = sorted(mentions, key=_order)
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    for mention in ordered:
        if mention.attrs.get("kind") in ("full", "initials"):
            key = "".join(name_words(mention.attrs["name"]))
            if key not in by_key:
                by_key[key] = Person(mention.attrs["name"], _order(mention), [])
                people.append(by_key[key])
            by_key[key].mentions.append(mention)
    for person in [p for p in people if p.name.count(" ") == 1]:
        # "Luật sư Kim Phụng" is "Nguyễn Thị Kim Phụng" when the article names her in full
        longer = [p for p in people if p.name.count(" ") > 1
                  and name_words(p.name)[-2:] == name_words(person.name)]
        if longer:
            longer[0].mentions.extend(person.mentions)
            people.remove(person)
    for mention in ordered:
        if mention.attrs.get("kind") == "alias":  # "Bác Hồ": Hồ Chí Minh if the article names him so
            key = "".join(name_words(mention.attrs["name"]))
            if key not in by_key:
                by_key[key] = Person(mention.text, _order(mention), [])
                people.append(by_key[key])
            by_key[key].mentions.append(mention)
    for mention in ordered:
        if mention.attrs.get("kind") not in ("short", "letter"):
            continue
        person = _resolve(mention, people)
        if person is None and mention.attrs.get("keep"):
            key = "".join(name_words(mention.attrs["name"]))
            person = by_key.get(key)
            if person is None:
                person = by_key[key] = Person(mention.attrs["name"], _order(mention), [])
                people.append(person)
        if person is not None:
            person.mentions.append(mention)
    # a name the article also gives a street, bridge or island led by its cue, written bare and uncued
    streets = cue_led_names(context, MAX_NAME)
    entries = []
    for person in sorted(people, key=lambda p: p.order):
        uncued = not any(m.attrs.get("cued", True) for m in person.mentions)
        if uncued and tuple(name_words(person.name)) in streets:
            for mention in person.mentions:  # "giữa Phan Xích Long và Vạn Kiếp" after "đường Phan Xích
                mention.attrs["entity"] = False  # Long": the street again, no person and no PER span
            continue
        person.mentions.sort(key=_order)
        role = next((m.attrs["role"] for m in person.mentions if m.attrs.get("role")), None)
        entries.append({
            "name": person.name,
            "role": role,
            "mentions": [m.as_mention() for m in person.mentions],
        })
    return entries


KIND = register_kind(named_kind(
    label="PER", field="people", noun="person", order=4, find=find, build=build,
    rank=1, colour="#aa9cfc", rules="people",
    description="One row per article and distinct person (bylines are in articles.authors).",
    name="the person's name",
    attribute=("role", "the role given in the article, or null"),
    mentions="how many times the article mentions them",
))
