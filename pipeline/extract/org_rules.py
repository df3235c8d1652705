"""rules/organizations.yml: its schema, the head words and their flags, the rules compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.rulebook import RulesError, compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import ascii_fold, modern_tones, name_key, trie_alternation

try:
    from pipeline.extract.gazetteer import location_rules as _location_rules
except ImportError:  # without the place rules, bodies named after a village are simply not read
    _location_rules = None

_FLAG = {"type": "boolean"}
_HEAD_FLAGS = ("standalone", "closes", "wrapper", "people_names", "numbered", "local", "title_part",
               "apposition", "nested_only", "combines", "unit", "venue", "organ", "leaders",
               "members", "trade", "classifier", "branch", "department", "seated", "ministry", "bloc",
               "division", "levels", "capital_only")
RULES_SCHEMA: dict[str, Any] = strict_object({
    "heads": lexicon_schema({**dict.fromkeys(_HEAD_FLAGS, _FLAG),
                             "lowercase": {"enum": ["keep", "drop", "placed"]}}),
    "introducers": lexicon_schema(),
    "head_compounds": lexicon_schema(),
    "name_words": lexicon_schema({"short": {"type": "string", "minLength": 1}, "legal": _FLAG}),
    "name_phrases": lexicon_schema(),
    "admin_words": lexicon_schema(),
    "bodies": lexicon_schema({"aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                              "coordinated": _FLAG, "mid_sentence": _FLAG, "national": _FLAG,
                              "members": _FLAG, "parent": _FLAG, "one_standing": _FLAG}),
    "partners": lexicon_schema(),
    "brand_suffixes": lexicon_schema(),
    "acronym_starts": lexicon_schema(),
    "stop_words": lexicon_schema({"before_name": _FLAG, "officer": _FLAG, "grade": _FLAG}),
    "not_names": lexicon_schema(),
    "surnames": lexicon_schema(),
    "tail_stops": lexicon_schema({"people": _FLAG, "counts": _FLAG}),
    "object_verbs": lexicon_schema(),
    "scope_words": lexicon_schema(),
    "title_words": lexicon_schema(),
    "middle_names": lexicon_schema(),
    "domain_suffixes": lexicon_schema(),
    "company_suffixes": lexicon_schema(),
    "law_words": lexicon_schema(),
    "level_words": lexicon_schema(),
    "bloc_kinds": lexicon_schema(),
    "locatives": lexicon_schema(),
    "central_words": lexicon_schema(),
    "region_words": lexicon_schema(),
    "held_objects": lexicon_schema(),
})


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of the words, ending where a word ends."""
    return re.compile(trie_alternation(words) + r"(?!\w)")


@dataclass(frozen=True)
class Head:
    """A head word and how it behaves (the flags are explained in the rule file)."""

    term: str
    lowercase: str | None = None
    standalone: bool = False
    closes: bool = False
    wrapper: bool = False
    people_names: bool = False
    numbered: bool = False
    local: bool = False
    title_part: bool = False
    apposition: bool = False
    combines: bool = False
    nested_only: bool = False
    unit: bool = False
    venue: bool = False
    organ: bool = False
    leaders: bool = False
    members: bool = False
    trade: bool = False
    classifier: bool = False
    branch: bool = False
    department: bool = False
    seated: bool = False
    ministry: bool = False
    bloc: bool = False
    division: bool = False
    levels: bool = False
    capital_only: bool = False


@dataclass(frozen=True)
class Rules:
    """The rule file compiled once per process."""

    term_re: re.Pattern[str]  # heads, bodies, introducers and not-names, searched in the lower-cased text
    heads: dict[str, Head]  # keys are lower-cased
    departments: tuple[str, ...]  # heads of a province's department, named by a ministry's field ("Sở")
    ministry_head: str  # the head of a ministry, as written ("Bộ")
    bloc_head: str  # the head of a bloc of agencies or firms under one Party committee, as written ("Khối")
    head_re: re.Pattern[str]
    lower_ok: frozenset[str]  # listed words that matter even in lower case ("trường", "hãng")
    bodies: dict[str, str]  # exact surface -> name_key(canonical term)
    body_key: dict[str, str]  # name_key(surface) -> name_key(canonical term)
    canonical: dict[str, str]  # name_key(canonical term) -> the term as written
    coordinated: frozenset[str]
    national: frozenset[str]  # a country's body: a foreign country after it is part of the name
    mid_sentence: frozenset[str]
    members: frozenset[str]  # a body named by its members: a body only as a clause's subject
    parents: frozenset[str]  # a group its member companies name after a dash ("Công ty Than Hà Lầm - TKV")
    one_standing: frozenset[str]  # a body whose "Thường trực" is one member's post, no standing board
    partner_after: re.Pattern[str]
    partner_before: re.Pattern[str]
    introducers: frozenset[str]
    not_names: frozenset[str]
    name_word_re: re.Pattern[str]
    compound_before: re.Pattern[str]  # a common word the head ends ("ngày" + "Hội"), up to the head
    # (a company's legal form spelt out, as a whole-word pattern; its initials), lower case, longest first
    legal_forms: tuple[tuple[re.Pattern[str], str], ...]
    legal_suffix_re: re.Pattern[str]  # an enterprise's type after its name and a dash ("– CTCP"), lower case
    phrase_re: re.Pattern[str]
    admin_re: re.Pattern[str]
    village_re: re.Pattern[str]  # a village or neighbourhood word ("thôn", "ấp", "khu phố"), lower case
    # a numbered one capitalised or by its initials, as a body's unit writes it ("Tổ dân phố 16", "TDP 16")
    numbered_village_re: re.Pattern[str]
    stop_re: re.Pattern[str]
    honorific_stops: frozenset[str]  # stop words that end a name only before a capitalised name
    grade_stops: frozenset[str]  # a rating a body earned: it ends a name even right after its head
    officer_re: re.Pattern[str]  # a body's officer's title ("Chủ tịch"), in the text as written
    brand_suffixes: tuple[str, ...]
    acronym_start_re: re.Pattern[str]
    surnames: frozenset[str]
    tail_stops: frozenset[str]
    served_nouns: frozenset[str]  # tail stops that name people ("cán bộ"): what an open head's body serves
    count_nouns: frozenset[str]  # tail stops that end a name only before what they count ("số" + "2")
    object_verbs: frozenset[str]  # a predicate right after a head that needs a name ("đề nghị", "yêu cầu")
    scope_re: re.Pattern[str]
    title_words: frozenset[str]
    middle_names: frozenset[str]
    domain_suffixes: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    law_before: re.Pattern[str]  # a law's kind right before: the words after it are the law's title
    law_re: re.Pattern[str]  # a law's kind ("Điều lệ"), as written: a document, not a body
    bloc_kind_re: re.Pattern[str]  # what a bloc groups, lower case right after "Khối" ("cơ quan", "cơ sở")
    level_re: re.Pattern[str]  # "trung ương", "nhà nước": the level a described body works at ends its name
    locatives: frozenset[str]  # "tại", "ở": a venue named right after one is where something happens
    central_re: re.Pattern[str]  # "Trung ương" written right before a national organisation: its central body
    region_re: re.Pattern[str]  # "khu vực": the region a body's branch serves, a number or a name after it
    held_re: re.Pattern[str]  # "Hội nghị", "Lễ": what a body holds, the object of its verb, not its field


@compiled
def rules() -> Rules:
    """Load and compile rules/organizations.yml."""
    data = load_rules("organizations", RULES_SCHEMA)

    def terms(key: str, lower: bool = False) -> list[str]:
        words = [modern_tones(e["term"]) for e in data.get(key, [])]
        return [w.lower() for w in words] if lower else words

    heads = {}
    for e in data["heads"]:
        flags = {k: e[k] for k in (*_HEAD_FLAGS, "lowercase") if k in e}
        flags["closes"] = e.get("closes", False) or e.get("standalone", False)
        heads[modern_tones(e["term"]).lower()] = Head(e["term"], **flags)
    bodies, canonical = {}, {}
    for e in data["bodies"]:
        canonical[name_key(e["term"])] = e["term"]
        bodies.update({modern_tones(s): name_key(e["term"]) for s in [e["term"], *e.get("aliases", [])]})
    everything = [*heads, *map(str.lower, bodies), *terms("introducers", True), *terms("not_names", True)]
    head_re, partners = _words(list(heads)), trie_alternation(terms("partners"))
    lower_ok = {*terms("introducers", True), *(s.lower() for s in bodies if not s[:1].isupper())}
    lower_ok |= {t for t in everything if (m := head_re.match(t)) and heads[m.group()].lowercase}
    return Rules(
        term_re=_words(everything), heads=heads, head_re=head_re, lower_ok=frozenset(lower_ok),
        departments=tuple(head.term for head in heads.values() if head.department),
        ministry_head=_one_head(heads, "ministry"), bloc_head=_one_head(heads, "bloc"),
        bodies=bodies, body_key={name_key(s): key for s, key in bodies.items()},
        canonical=canonical,
        coordinated=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("coordinated")),
        mid_sentence=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("mid_sentence")),
        members=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("members")),
        parents=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("parent")),
        national=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("national")),
        one_standing=frozenset(name_key(e["term"]) for e in data["bodies"] if e.get("one_standing")),
        partner_after=re.compile(r"[ \t\xa0]*(?:,|và)[ \t\xa0]*" + partners + r"(?!\w)"),
        partner_before=re.compile(partners + r"[ \t\xa0]*(?:,|và)[ \t\xa0]*$"),
        introducers=frozenset(terms("introducers")), not_names=frozenset(terms("not_names", True)),
        name_word_re=_words(terms("name_words")), phrase_re=_words(terms("name_phrases")),
        compound_before=re.compile(r"(?<!\w)" + trie_alternation(terms("head_compounds", True)) + "$"),
        legal_forms=_legal_forms(data["name_words"]),
        legal_suffix_re=_legal_suffix([e["term"].lower() for e in data["name_words"] if e.get("legal")]),
        admin_re=_words(terms("admin_words")), village_re=_words(_village_words()),
        numbered_village_re=_words(_numbered_village_forms()),
        stop_re=_words(terms("stop_words")),
        honorific_stops=frozenset(e["term"] for e in data["stop_words"] if e.get("before_name")),
        grade_stops=frozenset(e["term"] for e in data["stop_words"] if e.get("grade")),
        officer_re=_words([modern_tones(e["term"]) for e in data["stop_words"] if e.get("officer")]),
        brand_suffixes=tuple(terms("brand_suffixes", True)),
        acronym_start_re=_words(terms("acronym_starts", True)), surnames=frozenset(terms("surnames")),
        tail_stops=frozenset(terms("tail_stops", True)),
        served_nouns=frozenset(e["term"].lower() for e in data["tail_stops"] if e.get("people")),
        count_nouns=frozenset(e["term"].lower() for e in data["tail_stops"] if e.get("counts")),
        object_verbs=frozenset(terms("object_verbs", True)),
        scope_re=_words(terms("scope_words", True)),
        title_words=frozenset(terms("title_words", True)),
        middle_names=frozenset(terms("middle_names")), domain_suffixes=tuple(terms("domain_suffixes")),
        company_suffixes=tuple(terms("company_suffixes")),
        law_before=re.compile(r"(?<!\w)" + trie_alternation(terms("law_words")) + r"[ \t\xa0]+$"),
        law_re=_words(terms("law_words")),
        level_re=_words(terms("level_words", True)),
        bloc_kind_re=_words(terms("bloc_kinds", True)),
        locatives=frozenset(terms("locatives", True)),
        central_re=re.compile(r"(?<!\w)" + trie_alternation(terms("central_words")) + r"[ \t\xa0]+$"),
        region_re=_words(terms("region_words", True)),
        held_re=_words(terms("held_objects")),
    )


def _one_head(heads: dict[str, Head], flag: str) -> str:
    """The term of the one head with `flag`, as written; a rule file with none or several fails."""
    terms = [head.term for head in heads.values() if getattr(head, flag)]
    if len(terms) != 1:
        raise RulesError(f"organizations.yml: heads: one head has `{flag}`, not {len(terms)} ({terms})")
    return terms[0]


def _legal_forms(name_words: list[dict[str, Any]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The name words with initials ("trách nhiệm hữu hạn" -> "tnhh"), longest first, each compiled once."""
    forms = {(modern_tones(e["term"]).lower(), e["short"].lower()) for e in name_words if "short" in e}
    return tuple((re.compile(rf"(?<!\w){re.escape(spelt)}(?!\w)"), short)
                 for spelt, short in sorted(forms, key=lambda form: (-len(form[0]), form[0])))


def _legal_suffix(words: list[str]) -> re.Pattern[str]:
    """An enterprise's type written as a suffix: "CTCP", or the type's words, "Công ty" before them or not
    ("TNHH MTV", "TNHH một thành viên", "Công ty cổ phần")."""
    word = trie_alternation(words)
    return re.compile(rf"(?:ctcp|(?:công ty[ \t\xa0]+)?{word}(?:[ \t\xa0]+{word})*)(?!\w)")


def _numbered_village_forms() -> list[str]:
    """The village words rules/locations.yml marks `numbered`, as a body named after one writes them:
    capitalised ("Tổ dân phố", "Tổ Dân phố", "Thôn") or, for a word of several syllables, by its initials
    ("TDP", "KP"): forms that name a place only with the number after them."""
    entries = _location_rules()["admin_words"] if _location_rules is not None else []
    forms: set[str] = set()
    for entry in entries:
        term = entry["term"]
        if entry["level"] != "other" or not entry.get("numbered") or not term.islower():
            continue
        syllables = term.split()
        forms |= {term[:1].upper() + term[1:], " ".join(s[:1].upper() + s[1:] for s in syllables)}
        if len(syllables) > 1:
            forms.add("".join(ascii_fold(s)[:1] for s in syllables).upper())
    return sorted(forms)


def _village_words() -> list[str]:
    """The words below the commune that rules/locations.yml lists ("thôn", "ấp", "khu phố"): one list
    for places and for the bodies named after them ("Chi bộ thôn Phú Mỹ")."""
    entries = _location_rules()["admin_words"] if _location_rules is not None else []
    return [e["term"] for e in entries if e["level"] == "other" and e["term"].islower()]
