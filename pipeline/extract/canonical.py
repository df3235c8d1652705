"""Canonical organisation names: one name per body, so counts by organisation add up across articles.

`canonical_name` expands the acronyms of `rules/org_canonical.yml` ("UBND" -> "Ủy ban nhân dân"),
writes places with their administrative word as `rules/provinces.yml` names them ("TPHCM" ->
"Thành phố Hồ Chí Minh"; "Sở Y tế Hà Nội" -> "Sở Y tế thành phố Hà Nội"), adds the province to a
district ("huyện Lý Nhân, tỉnh Hà Nam") and completes a place the name leaves open ("UBND tỉnh",
"Sở Y tế", "Ban Tuyên giáo Tỉnh ủy") from the `PlaceContext` of the article, only when it is
certain. The name as written is never changed: `canonical` is a field beside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from pipeline.extract.document import ArticleDoc
from pipeline.extract.gazetteer import gazetteer, place_key, province_from_outlet
from pipeline.extract.org_rules import rules as org_rules
from pipeline.extract.province import AFTER, MIN_MENTIONS, place_mentions
from pipeline.extract.province_list import ProvinceList, province_list
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, modern_tones, name_key, trie_alternation

RULES_SCHEMA: dict[str, Any] = strict_object({
    "acronyms": lexicon_schema({"expansion": {"type": "string", "minLength": 1}}, required=["expansion"]),
    "forms": lexicon_schema(),
    "levels": lexicon_schema({"level": {"enum": ["province", "city", "district", "commune"]},
                              "committee": {"type": "string", "minLength": 1}}, required=["level"]),
    "provincial_heads": lexicon_schema(),
    "local_heads": lexicon_schema(),
    "district_heads": lexicon_schema(),
    "exceptions": lexicon_schema(),
    "open_heads": lexicon_schema(),
})

NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}]*|\d+)"
PLACE_RUN = rf"{NAME_WORD}(?:(?:[ ]|[ ]?[-–][ ]?){NAME_WORD}){{0,4}}"  # "Bà Rịa - Vũng Tàu" is one place
MAX_PLACE_WORDS = 5  # "Bà Rịa - Vũng Tàu": four words and a dash
WEB_ADDRESS = regex.compile(r"[\p{Ll}\d-]+(?:\.[\p{Ll}\d-]+)+")
SPACED_DASH = regex.compile(r"(?<=\S)(?:\s+[-–]\s*|\s*[-–]\s+)(?=\S)")  # "A- B", "A -B": one form, "A - B"
SPACED_AMPERSAND = regex.compile(r"(?<=\p{Lu})[ ]*&[ ]*(?=\p{Lu})")  # "TN & MT", "GD& ĐT": "TN&MT", "GD&ĐT"
# "GD - ĐT": a spaced dash between two short capitals joins one acronym ("GD-ĐT"), not two places
SPACED_ACRONYM_DASH = regex.compile(r"(?<=(?<![\p{L}])\p{Lu}{1,4})[ ]+[-–][ ]+(?=\p{Lu}{1,4}(?![\p{L}]))")
# two syllables written twice ("Bệnh viện Bệnh viện Phổi Đà Nẵng")
REPEATED_WORDS = regex.compile(r"(?<![\p{L}])(\p{Lu}[\p{L}\p{M}]* [\p{L}\p{M}]+) \1(?![\p{L}])")
JOINED = regex.compile(r"(?<![\p{L}\p{N}&.\-])\p{Lu}+(?:-\p{Lu}+)+(?![\p{L}\p{N}&\-])")  # "GDNN-GDTX"


@dataclass(frozen=True)
class CanonicalRules:
    """rules/org_canonical.yml compiled once per rulebook."""

    acronym_re: regex.Pattern
    glued_re: regex.Pattern  # a listed acronym that lost its space before a Vietnamese word
    expansions: dict[str, str]
    form_re: regex.Pattern
    forms: dict[str, str]  # casefolded phrase -> its canonical casing
    levels: dict[str, str]  # administrative word -> province, city, district or commune
    committees: dict[str, str]  # casefolded committee word ("huyện ủy") -> its administrative word
    admin_re: regex.Pattern  # an administrative word and the capitalised run after it
    trailing_admin_re: regex.Pattern  # a name ending on a bare administrative word
    trailing_committee_re: regex.Pattern
    provincial_re: regex.Pattern
    local_re: regex.Pattern
    district_head_re: regex.Pattern  # the start of a district's own body ("Phòng", "Trung tâm Y tế")
    exception_re: regex.Pattern
    open_re: regex.Pattern  # a name ending on a head that needs its own name ("Đảng ủy Khối")


@compiled
def rules() -> CanonicalRules:
    """Load and compile rules/org_canonical.yml."""
    data = load_rules("org_canonical", RULES_SCHEMA)
    expansions = {e["term"]: e["expansion"] for e in data["acronyms"]}
    # a short form is a whole word: not inside another ("TP" in "TPBank") nor glued to letters; the short
    # forms as a trie, as these two patterns scan each body whole (a flat alternation of the lexicon
    # cost twice as much; same matches: a case-sensitive trie tries the forms that fit longest first too)
    short_forms = trie_alternation(sorted(expansions))
    acronym_re = regex.compile(rf"(?<![\p{{L}}\p{{N}}&.\-]){short_forms}"
                               rf"(?![\p{{L}}\p{{N}}&\-]|\.\p{{L}}\p{{L}})")
    forms = {modern_tones(e["term"]).casefold(): modern_tones(e["term"]) for e in data["forms"]}
    levels = {e["term"]: e["level"] for e in data["levels"]}
    committees = {modern_tones(e["committee"]).casefold(): e["term"]
                  for e in data["levels"] if "committee" in e}
    admin = alternation(list(levels))
    heads = [modern_tones(e["term"]) for e in data["provincial_heads"]]
    locals_ = [modern_tones(e["term"]) for e in data["local_heads"]]
    return CanonicalRules(
        acronym_re=acronym_re,
        # "MTTQViệt Nam", "UBNDtỉnh": the next word has a lower-case Vietnamese letter ("TPBank" has none)
        glued_re=regex.compile(rf"(?<![\p{{L}}\p{{N}}&.\-]){short_forms}"
                               rf"(?=\p{{Lu}}?\p{{Ll}}*[^\x00-\x7F\p{{Lu}}\P{{L}}]\p{{Ll}}*(?!\p{{L}}))"),
        expansions=expansions,
        form_re=regex.compile(rf"(?<![\p{{L}}])(?:{alternation(list(forms))})(?![\p{{L}}])",
                              regex.IGNORECASE),
        forms=forms,
        levels=levels,
        committees=committees,
        admin_re=regex.compile(rf"(?<![\p{{L}}])(?P<admin>(?i:{admin}))[ ]+(?P<name>{PLACE_RUN})"),
        trailing_admin_re=regex.compile(rf"(?<![\p{{L}}])(?P<admin>(?i:{admin}))$"),
        trailing_committee_re=regex.compile(rf"(?<![\p{{L}}])(?P<committee>(?i:{alternation(list(committees))}))$"),
        provincial_re=regex.compile(rf"(?<![\p{{L}}])(?:{alternation(heads)})(?![\p{{L}}])"),
        local_re=regex.compile(rf"(?<![\p{{L}}])(?:{alternation(locals_)})(?![\p{{L}}])"),
        district_head_re=regex.compile(
            rf"(?:{alternation([modern_tones(e['term']) for e in data['district_heads']])})(?![\p{{L}}])"),
        open_re=regex.compile(rf"(?<![\p{{L}}])(?:{alternation([e['term'] for e in data['open_heads']])})$"),
        exception_re=regex.compile(
            rf"^(?:{alternation([modern_tones(e['term']) for e in data['exceptions']])})(?![\p{{L}}])"),
    )


@dataclass
class PlaceContext:
    """What an article makes certain about the places its bodies' names leave open."""

    province: str | None = None  # the article's province as of its date, when no other competes
    date: str | None = None
    named: dict[str, set[str]] = field(default_factory=dict)  # administrative word -> units named after it


def _admin_word(written: str) -> str:
    """The administrative word as rules/org_canonical.yml lists it ("TP" was expanded, case folded)."""
    return " ".join(written.casefold().split())


def _known_place(run: str, admin: str, levels: dict[str, str]) -> str | None:
    """The longest leading part of a capitalised run that names a unit of the administrative word's level."""
    gaz, words, level = gazetteer(), run.split(" "), levels.get(admin)
    for size in range(min(len(words), MAX_PLACE_WORDS), 0, -1):
        candidate = " ".join(words[:size])
        key = place_key(candidate)
        if level in ("province", "city") and province_list().unit(candidate):
            return candidate
        if level in ("city", "district") and key in gaz.districts:
            return candidate
        numbered = candidate.isdigit() and place_key(f"{admin} {candidate}") in gaz.numbered_districts
        if level == "district" and numbered:  # "quận 3": the number names the district only with its word
            return candidate
        if level == "commune" and (key in gaz.wards or key in gaz.wards_2025):
            return candidate
    return None


def place_context(doc: ArticleDoc) -> PlaceContext:
    """The article's certain province and the units it names, read from its title, body and captions."""
    provinces, r = province_list(), rules()
    context = PlaceContext(date=doc.published)
    counts: Counter[str] = Counter()
    for segment in doc:
        if segment.field.startswith("meta.") or not segment.text:
            continue
        text = _expand(segment.text, r)
        for match in r.admin_re.finditer(text):
            admin = _admin_word(match.group("admin"))
            name = _known_place(match.group("name"), admin, r.levels)
            if name:
                context.named.setdefault(admin, set()).add(name)
        for name, era in place_mentions(text):
            counts[name if era == AFTER else provinces.as_of(name, doc.published) or name] += 1
    if doc.province:
        rivals = [n for name, n in counts.items() if name != doc.province]
        if not rivals:
            context.province = doc.province
        elif province_from_outlet(doc.outlet) and max(rivals) < max(MIN_MENTIONS, counts[doc.province]):
            context.province = doc.province  # a provincial paper's own, unless another is the subject
    return context


def expanded(name: str) -> str:
    """A name with the lexicon's acronyms expanded, tones modern and spaces single: for comparing names."""
    return _expand(name, rules())


def _expand(name: str, r: CanonicalRules, defined: dict[str, str] | None = None) -> str:
    """Acronyms expanded (two joined by a dash too; first those the article defines and the lexicon
    lacks), tones modernised, spaces single, a spaced dash written " - "."""
    text = SPACED_ACRONYM_DASH.sub("-", SPACED_AMPERSAND.sub("&", modern_tones(name)))
    text = REPEATED_WORDS.sub(r"\1", text)  # "Bệnh viện Bệnh viện X": a head written twice
    text = r.glued_re.sub(lambda m: m.group(0) + " ", text)
    if defined := {short: long for short, long in (defined or {}).items() if short not in r.expansions}:
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}&.\-])(?:{alternation(list(defined))})"
                                r"(?![\p{L}\p{N}&\-])")
        text = pattern.sub(lambda m: _defined_form(m, defined[m.group(0)]), text)

    def joined(match: regex.Match) -> str:
        parts = match.group(0).split("-")
        if match.group(0) in r.expansions or not all(p in r.expansions for p in parts):
            return match.group(0)
        return " - ".join(r.expansions[p] for p in parts)

    text = JOINED.sub(joined, text)
    expanded = r.acronym_re.sub(lambda m: " " + r.expansions[m.group(0)] + " ", text)
    return SPACED_DASH.sub(" - ", " ".join(expanded.split()).replace(" ,", ","))


def _defined_form(match: regex.Match, long: str) -> str:
    """The long form of a short form the article defines, unless the name already writes part of it:
    its head before the short form ("Ngân hàng Eximbank", "Ban QLDA Đường sắt") or the short form
    itself inside it ("Công ty Chứng khoán SSI (SSI)")."""
    short, before = match.group(0), match.string[:match.start()].split()
    words = long.split()
    if short in words or (words and words[0] in before):
        return short
    after = match.string[match.end():].split()
    for size in range(min(len(words) - 1, len(after)), 0, -1):
        if words[-size:] == after[:size]:  # "CDC Hà Nam" where CDC was defined with its place
            kept, levels = words[:-size], rules().levels
            for admin_size in (2, 1):  # its administrative word goes with it ("thành phố", "tỉnh")
                if len(kept) > admin_size and _admin_word(" ".join(kept[-admin_size:])) in levels:
                    kept = kept[:-admin_size]
                    break
            return " ".join(kept)
    return long


def _recase(name: str, r: CanonicalRules) -> str:
    """Listed phrases in their listed case, then the leading head words in the case
    rules/organizations.yml lists them ("trường Đại học" -> "Trường Đại học", "Tổng Công ty" ->
    "Tổng công ty", "Đảng ủy khối" -> "Đảng ủy Khối"), and a capital first letter."""
    name = r.form_re.sub(lambda m: r.forms.get(m.group(0).casefold(), m.group(0)), name)
    heads, lowered, pos = org_rules(), name.lower(), 0
    while len(lowered) == len(name) and (match := heads.head_re.match(lowered, pos)):
        term = modern_tones(heads.heads[match.group()].term)
        name = name[:match.start()] + term + name[match.end():]
        pos = match.end() + 1
        if name[match.end():pos] != " ":
            break
    if WEB_ADDRESS.fullmatch(name):
        return name  # "tuyensinh.ulsa.edu.vn": an address keeps its case
    return name[:1].upper() + name[1:]


def _city_is_province(name: str, date: str | None, provinces: ProvinceList) -> str | None:
    """The province a "thành phố X" is, when X is a centrally-run city at that date ("Huế" only from 2025)."""
    unit = provinces.unit(name)
    if unit is None:
        return None
    current = provinces.province(provinces.as_of(unit, date) if date else unit)
    if current and current.admin.casefold() == "thành phố" and place_key(current.name) == place_key(name):
        return current.formal
    return None


def _district_province(name: str, admin: str, context: PlaceContext, provinces: ProvinceList) -> str | None:
    """The province of a district-level unit: its only one, else the article's when it has one so named."""
    gaz = gazetteer()
    owners = gaz.numbered_districts.get(place_key(f"{admin} {name}"), set()) if name.isdigit() \
        else gaz.districts.get(place_key(name), set())
    if len(owners) == 1:
        return next(iter(owners))
    if context.province and (unit := provinces.unit(context.province)) in owners:
        return unit
    return None


def _places(name: str, context: PlaceContext, r: CanonicalRules) -> str:
    """Each administrative word and its place written canonically; a district gets its province."""
    provinces = province_list()

    def one(match: regex.Match) -> str:
        admin, run = _admin_word(match.group("admin")), match.group("name")
        place = _known_place(run, admin, r.levels)
        if place is None:
            return match.group(0)
        rest = run[len(place):]
        level = r.levels.get(admin)
        if admin == "tỉnh" and (unit := provinces.unit(place)):
            return provinces.units[unit].formal + rest
        if admin == "thành phố" and (formal := _city_is_province(place, context.date, provinces)):
            return formal + rest
        written = f"{admin} {place}"
        later = regex.search(r"(?i:tỉnh|thành phố)[ ]", name[match.end():])
        unit = _district_province(place, admin, context, provinces) if level in ("city", "district") else None
        if unit and not later:
            return f"{written}, {provinces.units[unit].formal}{rest}"
        return written + rest

    return r.admin_re.sub(one, name)


def _province_formal(context: PlaceContext) -> str | None:
    province = province_list().province(context.province) if context.province else None
    return province.formal if province else None


def _only(context: PlaceContext, admin: str) -> str | None:
    """The one unit below the province the article names after this administrative word, if exactly one."""
    named = {n for n in context.named.get(admin, set())
             if not _city_is_province(n, context.date, province_list())}
    return next(iter(named)) if len(named) == 1 else None


def _complete(name: str, context: PlaceContext, r: CanonicalRules) -> str:
    """A place the name leaves open, completed when the article makes it certain."""
    provinces = province_list()
    province = provinces.province(context.province) if context.province else None
    if (match := r.trailing_admin_re.search(name)) is not None:
        admin = _admin_word(match.group("admin"))
        level = r.levels.get(admin)
        if level == "province" and province and province.admin == "tỉnh":
            return name[:match.start()] + province.formal
        city = province is not None and province.admin.casefold() == "thành phố"
        if level == "city" and city:  # in a Hà Nội article, "UBND thành phố" is Hà Nội's
            return name[:match.start()] + province.formal
        if level in ("city", "district", "commune") and (unit := _only(context, admin)):
            return _places(f"{name} {unit}", context, r)
        return name
    if (match := r.trailing_committee_re.search(name)) is not None:
        admin = r.committees[match.group("committee").casefold()]
        if admin == "tỉnh" and province and province.admin == "tỉnh":
            return f"{name} {province.name}"
        if admin == "thành phố" and province and province.admin.casefold() == "thành phố":
            return f"{name} {province.name}"
        if admin != "tỉnh" and (unit := _only(context, admin)):
            return f"{name} {unit}"
        return name
    formal = _province_formal(context)
    if formal and _innermost(name, r.provincial_re) and not _has_place(name, r):
        return f"{name} {formal}"
    return name


def _has_place(name: str, r: CanonicalRules) -> bool:
    """Does the name already say where (an administrative word, or a province after its head)?"""
    if r.admin_re.search(name) or r.trailing_admin_re.search(name):
        return True
    words = name.split(" ")
    return any(province_list().unit(" ".join(words[i:])) for i in range(1, len(words)))


def _innermost(name: str, pattern: regex.Pattern) -> bool:
    """Is the last body named inside the name one of `pattern`'s? ("Đảng bộ Sở Nội vụ": Sở, yes;
    "Đảng bộ Công ty Điện lực Ninh Thuận": Công ty, so not a local body's place.)"""
    heads, lowered, last_head, pos = org_rules(), name.lower(), -1, 0
    while len(lowered) == len(name) and pos < len(name):
        match = heads.head_re.match(lowered, pos) if pos == 0 or name[pos].isupper() else None
        if match:  # a nested body is capitalised ("Sở Nội vụ" holds no "Vụ")
            last_head = pos
        space = name.find(" ", match.end() if match else pos)
        pos = len(name) if space < 0 else space + 1
    return any(m.start() >= last_head for m in pattern.finditer(name))


def _trailing_names(name: str, shortest: int, head_words: int) -> Iterator[tuple[str, str]]:
    """Each split of a name into a head of `head_words`+ words and a capitalised tail of `shortest` to
    MAX_PLACE_WORDS words, longest tail first: the places a local body's name may end on."""
    words = name.split(" ")
    for size in range(min(MAX_PLACE_WORDS, len(words) - head_words), shortest - 1, -1):
        tail = " ".join(words[-size:])
        if tail[:1].isupper():
            yield " ".join(words[:-size]), tail


def _bare_province(name: str, context: PlaceContext, r: CanonicalRules) -> str:
    """A local body's trailing bare province takes its administrative word ("Công an Thái Bình")."""
    if not _innermost(name, r.local_re):
        return _bare_district(name, context, r) if r.district_head_re.match(name) else name
    provinces = province_list()
    for head, tail in _trailing_names(name, shortest=1, head_words=1):
        unit = provinces.unit(tail)
        if unit is None:
            continue
        if r.trailing_admin_re.search(head):
            return name  # "tỉnh Thừa Thiên Huế" already says which province
        if place_key(tail) != place_key(unit) and gazetteer().districts.get(place_key(tail)):
            continue  # "Huế" alone was also a provincial city until 2025: not certainly the province
        formal = _city_is_province(tail, context.date, provinces) or provinces.units[unit].formal
        return f"{head} {formal}"
    return _bare_district(name, context, r)


def _bare_district(name: str, context: PlaceContext, r: CanonicalRules) -> str:
    """A local body's trailing bare district takes its administrative word and province ("Công an Cầu
    Giấy" -> "Công an quận Cầu Giấy, thành phố Hà Nội") when the name is one unit of one kind in one
    province, and only before the 2025 reform: districts were abolished then, and many wards took
    their names."""
    if not context.date or context.date >= province_list().merger_effective:
        return name
    gaz, provinces = gazetteer(), province_list()
    for head, tail in _trailing_names(name, shortest=2, head_words=2):  # a district has 2+ words
        key = place_key(tail)
        owners, kinds = gaz.districts.get(key, set()), gaz.district_kinds.get(key, set())
        if len(owners) != 1 or len(kinds) != 1 or provinces.unit(tail):
            continue
        if r.trailing_admin_re.search(head):
            return name  # "huyện Lý Nhân" already says which unit
        return f"{head} {next(iter(kinds))} {tail}, {provinces.units[next(iter(owners))].formal}"
    return name


def canonical_name(name: str, context: PlaceContext | None = None, defined: dict[str, str] | None = None,
                   ) -> str:
    """One name per body: acronyms expanded (the lexicon's, and those the article `defined`: short form
    -> long form), places written canonically and completed when certain."""
    r, context = rules(), context or PlaceContext()
    listed = org_rules().body_key.get(name_key(name))  # "NHCSXH", "MTTQVN": another form of a listed body
    written = org_rules().canonical[listed] if listed else _listed_branch(name)
    canonical = _recase(_expand(written, r, defined), r)
    if r.exception_re.match(canonical):
        return canonical
    canonical = _bare_province(canonical, context, r)
    canonical = _places(canonical, context, r)
    return _complete(canonical, context, r)


def _listed_branch(name: str) -> str:
    """"NHCSXH huyện X" -> "Ngân hàng Chính sách xã hội huyện X": a listed body's other form, then an
    administrative word, takes the body's name (the name itself when it is not such a branch)."""
    words, o = name.split(), org_rules()
    for size in range(len(words) - 1, 0, -1):
        listed = o.body_key.get(name_key(" ".join(words[:size])))
        if listed and o.admin_re.match(words[size]):
            return " ".join([o.canonical[listed], *words[size:]])
    return name
