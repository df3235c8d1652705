"""People's rules compiled once: the patterns read from rules/people.yml, and the spelling test for
foreign names."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.datetime_parse import birth_heads
from pipeline.people_rules import rules
from pipeline.rulebook import compiled
from pipeline.text import SENTENCE_OPENERS, alternation, ascii_fold, tone_variants, trie_alternation

# a capitalised syllable; Central Highlands names and foreign ones join a capital after an apostrophe
# ("H'Hen Niê", "H’Din Ađrơng", "O'Neill"): one syllable, not a name cut at the apostrophe
CAPW = r"\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}*)?"
# a list item's bullet ("+ Bà Búi Ngọc Hiền – Phó bí thư chi bộ") stands before its first word too
LIST_OPENERS = SENTENCE_OPENERS + "+"
MAX_NAME = 4  # syllables in a Vietnamese full name
# a title's term of office, written between its body and the holder ("Bí thư Đảng ủy nhiệm kỳ
# 2020-2025 Nguyễn Hảo", "khóa XIV"): part of the role, as the body's words are
TERM_OF_OFFICE = r"(?:nhiệm[ ]kỳ[ ]\d{4}[ ]?[-–][ ]?\d{4}|khóa[ ][IVXLC]+)"
WINDOW = 90  # characters read before a name for its role
CUE_CHARS = 40  # characters read before a name for its cue
MAX_CUE_WORDS = 4  # words in the longest cue ("Chủ tịch Quốc hội")
# A syllable spelled the Vietnamese way (on the unaccented form); anything else looks foreign.
VIET_SYLLABLE = regex.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)



def _born_bracket() -> str:
    """A birth year or an age in brackets after a name: "(SN 1983)", "(sinh ngày ...)", "(45 tuổi)"."""
    return rf"[ ]?\((?:{alternation(birth_heads(bare=False))}|\d{{1,3}}[ ]tuổi)(?!\p{{L}})"


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
    born_after: regex.Pattern  # _born_bracket(), matched where a run of capitalised words ends
    surnames: frozenset[str]
    not_names: frozenset[str]
    surname_bodies: frozenset[str]  # "Đoàn Trường": a surname that heads a body, and its body's word
    cap_honorifics: frozenset[str]
    title_heads: frozenset[str]  # first two syllables of each title or title prefix, folded: "thứ trưởng"
    company_words: frozenset[str]
    house_number: regex.Pattern
    middle_names: frozenset[str]
    place_words: frozenset[str]  # folded
    title: regex.Pattern  # a title with its prefixes, anywhere
    listed: regex.Pattern  # a plural cue before a list of names: "các đồng chí:"
    doctrine_before: regex.Pattern  # "chủ nghĩa " or "chủ nghĩa Mác - " ending the text before a name
    name_openers: frozenset[str]  # "Y": a Central Highlands name's first word, no surname


@compiled
def patterns() -> PeoplePatterns:
    """Compile the rule file once per process."""
    data = rules()
    honorifics = [h["term"] for h in data["honorifics"]]
    # titles in either tone placement, as pages write them ("Ủy viên", "Uỷ viên")
    title_forms = sorted({f for t in data["titles"] if t["role"] for f in tone_variants(t["term"])})
    role_titles = alternation(title_forms)
    prefixes = alternation([p["term"] for p in data["title_prefixes"]])
    inner = alternation([w["term"] for w in data["role_inner_words"]])
    enders = alternation([w["term"] for w in data["role_enders"]])
    famous_names = {f["term"]: f.get("name", f["term"]) for f in data["famous"]}
    # an organisation's name capitalises each word's first syllable: "Vụ Giáo dục đại học"
    org_word = (
        rf"\p{{Lu}}\p{{Ll}}+(?:[ ](?!(?:{enders})(?!\p{{L}}))\p{{Ll}}+)?"
        rf"|\p{{Lu}}[\p{{L}}&\d]*(?:\.\p{{Lu}}[\p{{L}}&\d]*)*"
        rf"|{inner}|[-–&]|\([^()\n:]{{1,40}}\)|{TERM_OF_OFFICE}"
    )
    role = rf"(?:(?i:{prefixes})[ ])*(?i:{role_titles})(?!\p{{L}})"
    # role_before searches the words before each name for a role ending there: the titles as a trie
    # halve that search, and as the match must end at the window's end, its span and its role are those
    # of the flat alternation (elsewhere the order in which a case-blind trie tries "Giám đốc" and
    # "giám đốc sở" could change where a role ends, so the others keep the flat one)
    role_at_end = rf"(?:(?i:{prefixes})[ ])*(?i:{trie_alternation(title_forms)})(?!\p{{L}})"
    plural = alternation([f for m in data["plural_markers"] for f in (m["term"], m["term"].capitalize())])
    # "các đồng chí: A, B", "các Phó Chủ tịch UBND tỉnh: A, B" (after a title, only with the colon)
    # "các đồng chí lãnh đạo tỉnh Gia Lai: A, B": a description between the honorific and the colon
    listed = (rf"(?<![\p{{L}}])(?:{plural})[ ]"
              rf"(?:(?:{alternation(honorifics)})(?:[ ][^:;.!?\n()]{{1,60}}:|[ ]?:?)"
              rf"|{role}(?:[ ](?:{org_word}))*[ ]?:)[ ](?=\p{{Lu}})")
    return PeoplePatterns(
        run=regex.compile(rf"(?<![\p{{L}}\p{{N}}.&/@]){CAPW}(?:[ ]{CAPW})*(?![\p{{L}}\p{{N}}]|\.\p{{Lu}})"),
        initials=regex.compile(
            r"(?<![\p{L}\p{N}.])\p{Lu}\.(?:\p{Lu}\.){0,2}\p{Lu}\p{Ll}*(?![\p{L}\p{N}])"
        ),
        # a hyphen and a lower-case syllable go on with a word made from the name ("Mác-xít": Marxist)
        famous=regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation(list(famous_names))})"
                             r"(?![\p{L}\p{N}]|-\p{Ll})"),
        famous_names=famous_names,
        honorifics=frozenset(h.casefold() for h in honorifics),
        titles=frozenset(f.casefold() for t in data["titles"] for f in tone_variants(t["term"])),
        blockers=frozenset(b["term"] for b in data["blockers"]),
        institution_heads=frozenset(h["term"] for h in data["institution_heads"]),
        role_before=regex.compile(rf"(?<![\p{{L}}])(?P<role>{role_at_end}(?:[ ](?:{org_word}))*)[ ]$"),
        role_after=regex.compile(  # "X (SN 1983), Giám đốc ...", "X - Phó Vụ trưởng ..."
            rf"(?:(?:{_born_bracket()}|[ ]?\(\d)[^()\n]{{0,30}}\))?[ ]?[,–-][ ]?"
            rf"(?P<role>{role}(?:[ ](?:{org_word}))*)"
        ),
        born_after=regex.compile(_born_bracket()),
        surnames=frozenset(s["term"] for s in data["surnames"]),
        not_names=frozenset(n["term"] for n in data["not_names"]),
        surname_bodies=frozenset(n["term"] for n in data["surname_bodies"]),
        cap_honorifics=frozenset(h[:1].upper() + h[1:] for h in honorifics),
        title_heads=frozenset(" ".join(f.casefold().split()[:2])
                              for t in [*data["titles"], *data["title_prefixes"]] if " " in t["term"]
                              for f in tone_variants(t["term"])),
        company_words=frozenset(w["term"] for w in data["company_words"]),
        # the end of a year range is a term of office, not a house number ("nhiệm kỳ 2015-2020 Dương Hồng Đệ")
        house_number=regex.compile(
            r"(?<![\p{L}\p{N}])(?<!(?:19|20)\d\d[ ]?[-–][ ]?)\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*[ ]$"),
        middle_names=frozenset(w["term"] for w in data["middle_names"]),
        place_words=frozenset(w["term"].casefold() for w in data["place_words"]),
        title=regex.compile(rf"(?<![\p{{L}}]){role}"),
        listed=regex.compile(listed),
        doctrine_before=regex.compile(
            rf"(?<![\p{{L}}])(?i:{alternation([d['term'] for d in data['doctrine_heads']])})[ ]"
            rf"(?:{CAPW}[ ]?[-–][ ]?)?$"),
        name_openers=frozenset(w["term"] for w in data["name_openers"]),
    )


def looks_foreign(words: list[str]) -> bool:
    """Does any syllable break Vietnamese spelling ("Donald", "Trump", "Messi")?"""
    return any(not VIET_SYLLABLE.match(ascii_fold(w)) for w in words if len(w) > 1)
