"""Named people: full names led by a surname, names and initials after an honorific, famous names.

Every capitalised run of the text is read once: what stands right before it (an honorific such as
"anh", a title such as "Phó Thủ tướng", a street or school word) says whether it is a person.
Short forms ("anh Á", "thứ trưởng Phúc", "chị H") are resolved to the full name the same article
gives ("Nguyễn Sỹ Á", "Nguyễn Văn Phúc", "T.H") when `build` writes the entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.merge import field_rank
from pipeline.kinds import named_kind, register_kind
from pipeline.model import Mention
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import SENTENCE_OPENERS, alternation, ascii_fold, sentence_initial

_WORDS = lexicon_schema()
RULES_SCHEMA: dict[str, Any] = strict_object(
    {
        "honorifics": _WORDS,
        "titles": lexicon_schema({"role": {"type": "boolean"}}),
        "title_prefixes": _WORDS,
        "surnames": _WORDS,
        "famous": lexicon_schema({"name": {"type": "string", "minLength": 1}}),
        "not_names": _WORDS,
        "blockers": _WORDS,
        "role_inner_words": _WORDS,
        "role_enders": _WORDS,
        "company_words": _WORDS,
        "middle_names": _WORDS,
        "institution_heads": _WORDS,
        "place_words": _WORDS,
        "plural_markers": _WORDS,
    },
)

CAPW = r"\p{Lu}\p{Ll}*"
MAX_NAME = 4  # syllables in a Vietnamese full name
WINDOW = 90  # characters read before a name for its role
CUE_CHARS = 40  # characters read before a name for its cue
MAX_CUE_WORDS = 4  # words in the longest cue ("Chủ tịch Quốc hội")
# A syllable spelled the Vietnamese way (on the unaccented form); anything else looks foreign.
VIET_SYLLABLE = regex.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_NEXT_LOWER = regex.compile(r"[ ](\p{Ll}+)")
_NEXT_CAP = regex.compile(rf"[ ]{CAPW}")
_TRAILING_SOURCE = regex.compile(r"\s*\([^()\n]*\)\s*$")


@dataclass(frozen=True)
class PeoplePatterns:
    """Everything compiled once per process."""

    run: regex.Pattern
    initials: regex.Pattern
    famous: regex.Pattern
    famous_names: dict[str, str]
    honorifics: frozenset[str]  # folded
    titles: frozenset[str]  # folded
    blockers: frozenset[str]
    institution_heads: frozenset[str]
    role_before: regex.Pattern
    role_after: regex.Pattern
    surnames: frozenset[str]
    not_names: frozenset[str]
    cap_honorifics: frozenset[str]
    title_heads: frozenset[str]  # first two syllables of each title or title prefix, folded: "thứ trưởng"
    company_words: frozenset[str]
    house_number: regex.Pattern
    middle_names: frozenset[str]
    place_words: frozenset[str]  # folded
    title: regex.Pattern  # a title with its prefixes, anywhere
    listed: regex.Pattern  # a plural cue before a list of names: "các đồng chí:"


def rules() -> dict[str, Any]:
    """rules/people.yml, validated."""
    return load_rules("people", RULES_SCHEMA)


@compiled
def patterns() -> PeoplePatterns:
    """Compile the rule file once per process."""
    data = rules()
    honorifics = [h["term"] for h in data["honorifics"]]
    role_titles = alternation([t["term"] for t in data["titles"] if t["role"]])
    prefixes = alternation([p["term"] for p in data["title_prefixes"]])
    inner = alternation([w["term"] for w in data["role_inner_words"]])
    enders = alternation([w["term"] for w in data["role_enders"]])
    famous_names = {f["term"]: f.get("name", f["term"]) for f in data["famous"]}
    # an organisation's name capitalises each word's first syllable: "Vụ Giáo dục đại học"
    org_word = (
        rf"\p{{Lu}}\p{{Ll}}+(?:[ ](?!(?:{enders})(?!\p{{L}}))\p{{Ll}}+)?"
        rf"|\p{{Lu}}[\p{{L}}&\d]*(?:\.\p{{Lu}}[\p{{L}}&\d]*)*"
        rf"|{inner}|[-–&]|\([^()\n:]{{1,40}}\)"
    )
    role = rf"(?:(?i:{prefixes})[ ])*(?i:{role_titles})(?!\p{{L}})"
    plural = alternation([f for m in data["plural_markers"] for f in (m["term"], m["term"].capitalize())])
    listed = rf"(?<![\p{{L}}])(?:{plural})[ ](?:{alternation(honorifics)})[ ]?:?[ ](?=\p{{Lu}})"
    return PeoplePatterns(
        run=regex.compile(rf"(?<![\p{{L}}\p{{N}}.&/@]){CAPW}(?:[ ]{CAPW})*(?![\p{{L}}\p{{N}}]|\.\p{{Lu}})"),
        initials=regex.compile(
            r"(?<![\p{L}\p{N}.])\p{Lu}\.(?:\p{Lu}\.){0,2}\p{Lu}\p{Ll}*(?![\p{L}\p{N}])"
        ),
        famous=regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation(list(famous_names))})(?![\p{{L}}\p{{N}}])"),
        famous_names=famous_names,
        honorifics=frozenset(h.casefold() for h in honorifics),
        titles=frozenset(t["term"].casefold() for t in data["titles"]),
        blockers=frozenset(b["term"] for b in data["blockers"]),
        institution_heads=frozenset(h["term"] for h in data["institution_heads"]),
        role_before=regex.compile(rf"(?<![\p{{L}}])(?P<role>{role}(?:[ ](?:{org_word}))*)[ ]$"),
        role_after=regex.compile(  # "X (SN 1983), Giám đốc ...", "X - Phó Vụ trưởng ..."
            rf"(?:[ ]?\((?:SN|sinh năm|\d)[^()\n]{{0,30}}\))?[ ]?[,–-][ ]?"
            rf"(?P<role>{role}(?:[ ](?:{org_word}))*)"
        ),
        surnames=frozenset(s["term"] for s in data["surnames"]),
        not_names=frozenset(n["term"] for n in data["not_names"]),
        cap_honorifics=frozenset(h[:1].upper() + h[1:] for h in honorifics),
        title_heads=frozenset(" ".join(t["term"].casefold().split()[:2])
                              for t in [*data["titles"], *data["title_prefixes"]] if " " in t["term"]),
        company_words=frozenset(w["term"] for w in data["company_words"]),
        house_number=regex.compile(r"(?<![\p{L}\p{N}])\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*[ ]$"),
        middle_names=frozenset(w["term"] for w in data["middle_names"]),
        place_words=frozenset(w["term"].casefold() for w in data["place_words"]),
        title=regex.compile(rf"(?<![\p{{L}}]){role}"),
        listed=regex.compile(listed),
    )


def looks_foreign(words: list[str]) -> bool:
    """Does any syllable break Vietnamese spelling ("Donald", "Trump", "Messi")?"""
    return any(not VIET_SYLLABLE.match(ascii_fold(w)) for w in words if len(w) > 1)


@dataclass
class Cue:
    """What stands right before a name."""

    kind: str | None  # "honorific", "title" or None
    blocked: bool = False
    blocker: str = ""


def _cue(text: str, start: int, pats: PeoplePatterns) -> Cue:
    """The honorific, title or blocker right before `start`, looked up word by word (no regex)."""
    before = text[max(0, start - CUE_CHARS):start]
    if not before.endswith(" "):
        return Cue(None)  # a cue is separated from the name by a space
    words = before.split()
    for size in range(min(MAX_CUE_WORDS, len(words)), 0, -1):
        chunk = [words[-size].lstrip(SENTENCE_OPENERS), *words[len(words) - size + 1:]]
        first = chunk[0]
        phrase = " ".join(chunk)
        if phrase.rstrip(":") in pats.blockers:
            return Cue(None, blocked=True, blocker=phrase.rstrip(":"))  # "TP. Hồ Chí Minh", "Ảnh: D.My"
        if not first or any(w[-1] in ",;.!?)”\"" for w in chunk):
            continue  # punctuation between cue and name breaks the link
        folded = phrase.casefold()
        if folded in pats.honorifics:
            cue_start = start - len(before) + before.rfind(first)
            if first[:1].islower() or sentence_initial(text, cue_start):
                return Cue("honorific")
        if folded in pats.titles:
            return Cue("title")
    for size in range(min(MAX_CUE_WORDS, len(words)), 1, -1):  # no honorific or title: an institution?
        if _names_institution(words[len(words) - size:], pats):
            return Cue(None, blocked=True, blocker=words[-size])  # "Trường Chính trị Tôn Đức Thắng"
    return Cue(None)


_LINKING_WORDS = frozenset({"và", "với", "của", "cho", "là", "có", "tại", "ở"})


def _names_institution(chunk: list[str], pats: PeoplePatterns) -> bool:
    """Do the words before a name open an institution named after a person: a head and a kind of one
    or two words ("Trường Chính trị", "Trường Tiểu học", "Bệnh viện Đa khoa")? A kind that is itself a
    name ("bệnh viện Bạch Mai", "Trường ĐH Xây dựng") ends before the person, who is then named."""
    for size in (2, 1):
        head, kind = " ".join(chunk[:size]), chunk[size:]
        if head in pats.institution_heads and 1 <= len(kind) <= 2:
            # a capitalised head names the institution ("Trường chính trị"); after a lower-case one
            # the kind must be capitalised ("trường Tiểu học", not "trường cô")
            return ((head[:1].isupper() or kind[0][:1].isupper()) and all(w.islower() for w in kind[1:])
                    and not any(w in _LINKING_WORDS or w[-1] in ",;.!?)" for w in kind))
    return False


def _role(text: str, start: int, end: int, pats: PeoplePatterns) -> str | None:
    """The job title attached to a name: written before it, else as an apposition after it."""
    before = pats.role_before.search(text[max(0, start - WINDOW):start])
    if before:
        return _last_role(before.group("role").strip(), pats)
    after = pats.role_after.match(text, end)
    return _trim_role(after.group("role"), pats) if after else None


def _last_role(role: str, pats: PeoplePatterns) -> str:
    """The title nearest the name when the role read before it holds another person: "Chủ tịch UBND
    tỉnh Cao Văn Trọng cùng Giám đốc Sở Xây dựng" -> "Giám đốc Sở Xây dựng"."""
    titles = list(pats.title.finditer(role))
    for match in reversed(titles[1:]):
        words = role[:match.start()].split()
        for i in range(len(words) - 2):
            if (words[i] in pats.surnames or words[i + 1] in pats.middle_names) and all(
                    w[:1].isupper() and not w.isupper() for w in words[i:i + 3]):
                return role[match.start():]
    return role


def _trim_role(role: str, pats: PeoplePatterns) -> str | None:
    """End a role before another person's name or the verb after a place ("... Quảng Nam giao")."""
    words = role.split()
    for i in range(2, len(words) - 1):
        named_after = words[i - 1] in pats.blockers or " ".join(words[i - 2:i]) in pats.blockers
        # "trường ĐH Tôn Đức Thắng", "Bệnh viện Nguyễn Đình Chiểu" keep their names
        if words[i] in pats.surnames and words[i + 1].istitle() and not named_after:
            words = words[:i]  # "Bộ trưởng Bộ KH&CN Huỳnh Thành Đạt": the next person
            break
    if len(words) > 2 and words[-1].islower() and gazetteer().level_of(" ".join(words[-3:-1])):
        words = words[:-1]
    return " ".join(words).strip(" -–,") or None


def _mention(segment: Segment, start: int, end: int, kind: str, pats: PeoplePatterns,
             keep: bool = True, name: str | None = None) -> Mention:
    text = segment.text
    if kind == "full" and end < len(text) and text[end] == "." and text[end - 2:end - 1] == " ":
        # "Nguyễn Văn H. (35 tuổi)": a trailing initial keeps its dot unless it ends the sentence
        after = text[end + 1:end + 3]
        if after[:1] != "\n" and not (after[:1] == " " and after[1:2].isupper()) and after:
            end += 1
    surface = text[start:end]
    return Mention("PER", start, end, surface, segment.field,
                   {"name": name or surface, "kind": kind, "keep": keep,
                    "role": _role(text, start, end, pats)})


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
    known_prefix = any(gaz.level_of(" ".join(name[:n])) for n in range(1, len(name) + 1))
    personal = name[1] in pats.middle_names or (name[0] in pats.surnames and not known_prefix)
    return (cue.blocker.casefold() in pats.place_words and len(name) >= 3 and personal
            and not _is_place(name) and bool(pats.role_before.search(text[max(0, start - WINDOW):start])))


def _surname_split(words: list[str], pats: PeoplePatterns) -> int | None:
    """Index where a surname-led name of 2-4 syllables ends the run."""
    for i, word in enumerate(words):
        if word in pats.surnames and 2 <= len(words) - i <= MAX_NAME:
            if i and len(words) - i == MAX_NAME and words[i + 1] in pats.surnames:
                return i + 1  # "bệnh viện Bạch Mai Nguyễn Quang Tuấn": the name is the shorter tail
            return i
    return None


def _from_run(segment: Segment, start: int, words: list[str], pats: PeoplePatterns) -> Mention | None:
    """A person in one capitalised run, or None."""
    text = segment.text
    if len(words) > 1 and words[0] in pats.cap_honorifics and sentence_initial(text, start):
        # "Ông Đào Mạnh Kháng", "Chị H cho biết": a sentence-initial honorific is the cue
        if (len(words) > 2 and f"{words[0]} {words[1]}".casefold() in pats.title_heads
                and words[2] not in pats.surnames):
            return None  # "Anh Hùng Lao động ...": a title ("Anh hùng"); but "Anh Hùng cho biết"
        start += len(words[0]) + 1
        words = words[1:]
        cue = Cue("honorific")
    else:
        cue = _cue(text, start, pats)
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
        direct = cue if split == 0 else _cue(text, name_start, pats)
        if direct.blocked or pats.house_number.search(text[max(0, name_start - 12):name_start]):
            return None  # "trường THPT Lê Quý Đôn", "45B Lý Thường Kiệt"
        if _is_place(name, strict=direct.kind != "honorific"):
            return None
        if direct.kind or (len(name) >= 3 and not _alone_on_line(text, name_start, name_end)):
            return _mention(segment, name_start, name_end, "full", pats)
        return None
    if any(w in pats.company_words for w in words):
        return None
    if cue.kind is None or len(words) > MAX_NAME or words[0] in pats.not_names:
        return None
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
    kind = "full" if len(words) >= 3 and looks_foreign(words) else "short"
    return _mention(segment, start, end, kind, pats, keep=cue.kind == "honorific")


_LIST_SEPARATOR = regex.compile(r"[^,;.!?\n]*?(?:[,;][ ]?|[ ]và[ ])")
MAX_LISTED = 12


def _listed(segment: Segment, pats: PeoplePatterns) -> list[Mention]:
    """Names listed after one plural cue: "các đồng chí: Lò Văn Muôn, Phó Bí thư Tỉnh ủy; Hà Văn Nam
    và Lê C". Each item that is a capitalised name of two to four syllables is a person; a title
    between them is the previous person's role; a lower-case item ends the list."""
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
                titled = pats.title.match(text, run.start()) is not None
                if not titled and 2 <= len(words) <= MAX_NAME and not _is_place(words):
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
        if _cue(text, start, pats).blocked or _NEXT_CAP.match(text, end):
            continue
        term = match.group(0)
        # a surname alone ("Trump", "Messi") joins the full name when the article gives it
        kind = "short" if " " not in term and pats.famous_names[term] == term else "full"
        found.append(_mention(segment, start, end, kind, pats, name=pats.famous_names[term]))
        taken.append((start, end))
    for match in pats.initials.finditer(text):
        start, end = match.span()
        cue = _cue(text, start, pats)
        if cue.kind and not cue.blocked:
            found.append(_mention(segment, start, end, "initials", pats))
            taken.append((start, end))
    for mention in _listed(segment, pats):
        found.append(mention)
        taken.append((mention.start, mention.end))
    for match in pats.run.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        mention = _from_run(segment, start, match.group(0).split(" "), pats)
        if mention is not None:
            found.append(mention)
    return found


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


def _words_key(name: str) -> list[str]:
    return [ascii_fold(w) for w in name.replace(".", " ").split()]


def _order(mention: Mention) -> tuple[int, int, int]:
    return (*field_rank(mention.field), mention.start)


def _resolve(mention: Mention, people: list[Person]) -> Person | None:
    """The person a short form or single initial refers to: the nearest earlier match, else any."""
    kind, short = mention.attrs["kind"], _words_key(mention.attrs["name"])
    if kind == "letter":
        matches = [p for p in people if _words_key(p.name) and _words_key(p.name)[-1][:1] == short[0]]
    else:
        matches = [p for p in people if p.name.count(" ") and (
            _words_key(p.name)[-len(short):] == short
            # a foreign family name may come first: "thầy Park" is "Park Hang Seo"
            or (len(short) == 1 and looks_foreign(p.name.split()) and _words_key(p.name)[0] == short[0]))]
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
            key = "".join(_words_key(mention.attrs["name"]))
            if key not in by_key:
                by_key[key] = Person(mention.attrs["name"], _order(mention), [])
                people.append(by_key[key])
            by_key[key].mentions.append(mention)
    for person in [p for p in people if p.name.count(" ") == 1]:
        # "Luật sư Kim Phụng" is "Nguyễn Thị Kim Phụng" when the article names her in full
        longer = [p for p in people if p.name.count(" ") > 1
                  and _words_key(p.name)[-2:] == _words_key(person.name)]
        if longer:
            longer[0].mentions.extend(person.mentions)
            people.remove(person)
    for mention in ordered:
        if mention.attrs.get("kind") not in ("short", "letter"):
            continue
        person = _resolve(mention, people)
        if person is None and mention.attrs.get("keep"):
            key = "".join(_words_key(mention.attrs["name"]))
            person = by_key.get(key)
            if person is None:
                person = by_key[key] = Person(mention.attrs["name"], _order(mention), [])
                people.append(person)
        if person is not None:
            person.mentions.append(mention)
    entries = []
    for person in sorted(people, key=lambda p: p.order):
        person.mentions.sort(key=_order)
        role = next((m.attrs["role"] for m in person.mentions if m.attrs.get("role")), None)
        entries.append({
            "name": person.name,
            "role": role,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end, "field": m.field}
                         for m in person.mentions],
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
