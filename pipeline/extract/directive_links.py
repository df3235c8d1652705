"""How the references of one article link up (spec section 3): what is written right after a
reference (its issue date, issuer and quoted subject), a plan carrying it out, a short name given to
it, a named document with its symbol in brackets, numbers that share one symbol, and short and bare
forms that take the id of the full form written elsewhere in the article ("Chỉ thị 05" is 05-CT/TW
when that symbol appears in it, "Luật Dược" the "Luật Dược 2016" it names)."""

from __future__ import annotations

import itertools
from typing import Any

import regex

from pipeline.extract.directive_found import LAW_KINDS, Found, number_key
from pipeline.extract.directive_grammar import (
    COORDINATED,
    DATE_AFTER,
    LIST_SEPARATOR,
    PERIOD,
    PLAN_TYPE,
    SENTENCE_END,
    TITLE_AFTER,
    canonical_type,
    clean,
    iso_date,
    kind_key,
    match_at,
    quoted_end,
    rules,
    type_entry,
)
from pipeline.extract.directive_issuers import issuer_before, issuer_with_level
from pipeline.extract.directive_names import drafted
from pipeline.extract.directive_symbols import party_order
from pipeline.text import casefold_words

# between a named document (its period left to the dates) and its symbol in brackets
YEAR_WORD = regex.compile(r"\bnăm (?=(?:19|20)\d\d$)")  # "năm" before a law's year, in a folded id
# the year after a document's number in its id: "116/2020/NĐ-CP", "Nghị định 39/2021"
ID_YEAR = regex.compile(r"(?<=^[^/]*\d)/(?:19|20)\d\d(?=/|$)")
OPEN_BRACKET = regex.compile(rf"(?:{PERIOD.pattern})?[^\S\n]*\([^\S\n]*")
SYMBOL_CODE = regex.compile(r"[-/](?:(?:19|20)\d\d/)?([^-/]+)")  # "-QĐ/TW", "/2020/NĐ-CP": the type's code
# between a coded plan and the document it carries out: its date and issuer, then "(về) thực hiện"
CARRIES = regex.compile(r"[^.;:\n]{0,120}?(?<![\p{L}])thực[^\S\n]+hiện[^\S\n]+")
# a letterhead's number line: "Số:" opening a line, then the symbol, within the page's first lines
LETTERHEAD = regex.compile(r"[^\S\n]*(?i:số)[^\S\n]*:?[^\S\n]*")
LETTERHEAD_REACH = 300
PLACE_LEVELS = {"tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố"}  # a level's last word, before a place


def read_tail(item: Found, text: str) -> None:
    """Issue date, issuer and quoted subject written right after a reference (or the issuer before
    it: "Chủ tịch UBND tỉnh Phú Yên ký Quyết định 557")."""
    pos, stated = item.end, None
    for _ in range(3):
        if (date := match_at(DATE_AFTER, text, pos)) and item.issued is None:
            item.issued = iso_date(date["d"], date["m"] or date["m2"], date["y"] or date["y2"])
            pos = date.end()
        elif stated is None and (issuer := issuer_with_level(text, pos)):
            pos, stated = issuer
        else:
            break
    if stated is None and (before := issuer_before(text, item.start)):
        item.issuer_span = before
        stated = clean(text[before[0]:before[1]])
    item.issuer = stated or item.issuer  # what the text says beats what the symbol implies
    if stated and item.form == "coded" and item.id:
        item.id = party_order(item.id, stated)  # "420/QĐ-TV của Ban Thường vụ Đảng ủy": a Party symbol
    title = match_at(TITLE_AFTER, text, pos)
    if title and item.title is None and (closing := quoted_end(text, title.end())):
        item.title = text[title.end() + 1:closing - 1].strip() or None


def read_context(items: list[Found], text: str) -> None:
    """Plans that carry out a reference, and short names given in parentheses after one."""
    patterns = rules().patterns
    previous: Found | None = None
    for item in (item for item in items if item.id):
        window = text[max(0, item.start - 160):item.start]
        plan = patterns["plan_before"].search(window)
        if plan and item.form != "law" and not match_at(COORDINATED, text, item.end):
            item.outer = _carrying_plan(item, text, item.start - len(window) + plan.start()) or item.outer
        alias = patterns["alias_before"].search(window)
        if alias and previous is not None and item.form == "short":
            between = text[previous.end:item.start - len(window) + alias.start()]
            if len(between) < 220 and not SENTENCE_END.search(between):
                item.alias_of = previous  # "Quyết định 89/QĐ-TTg ... (gọi tắt là Đề án 89)"
        previous = item


def _carrying_plan(item: Found, text: str, start: int) -> dict[str, Any] | None:
    """The plan opening at `start` that carries out `item` ("Chương trình hành động thực hiện Nghị quyết
    ..."), as the item's outer document; None for a draft of it, which is no document, as a draft named
    by its subject is none (`draft_words`)."""
    if drafted(text, start):
        return None
    outer = text[start:item.end]
    plan_type = PLAN_TYPE.match(outer)
    kind = canonical_type(plan_type.group(0))
    # the plan's words, then what it carries out in its own one spelling
    carried = item.id if item.form != "coded" or not item.kind else f"{item.kind} {item.id}"
    words = clean(text[start + plan_type.end():item.start])
    return {"id": clean(f"{kind} {words} {carried}"), "kind": kind, "span": [start, item.end, outer]}


def named_then_symbol(items: list[Found], text: str) -> None:
    """A document named by its subject with its symbol in brackets right after it is that coded
    document: "Kế hoạch công tác kiểm tra, giám sát năm 2024 (Kế hoạch số 103-KH/ĐUK, ngày ...)";
    so is one named right after its symbol by an alias marker ("Quy định số 22-QĐ/TW tên gọi là
    Quy định về công tác kiểm tra, giám sát và kỷ luật của Đảng")."""
    given = rules().patterns["name_given"]
    ordered = sorted(items, key=lambda item: item.start)
    for first, second in itertools.pairwise(ordered):
        named, coded = (first, second) if first.form in ("named", "titled") else (second, first)
        if not (named.form in ("named", "titled") and coded.form == "coded" and coded.id
                and named.kind == coded.kind):
            continue
        if (OPEN_BRACKET.fullmatch(text, named.end, coded.start) if named is first
                else given.fullmatch(text, coded.end, named.start)):
            named.id, named.issuer = coded.id, named.issuer or coded.issuer


def share_symbols(items: list[Found], text: str) -> None:
    """Numbers listed before one symbol share it: "Nghị quyết số 18, 19-NQ/TW" names 18-NQ/TW and
    19-NQ/TW (the type, issuer and year of the last are those of every number before it)."""
    ordered = sorted(items, key=lambda item: item.start)
    for item, after in reversed(list(itertools.pairwise(ordered))):
        shares = after.form == "coded" or (after.form == "short" and after.id and after.id[:1].isdigit())
        if not (item.form == "short" and shares and after.number and item.number
                and _list_type(item.kind, after) and text[after.start:after.start + 1].isdigit()
                and LIST_SEPARATOR.fullmatch(text[item.end:after.start])
                and (after.id or "").startswith(after.number) and not item.year):
            continue
        item.id = item.number + (after.id or "")[len(after.number):]
        item.needs_symbol = False  # the symbol closing the list says the number is a document's
        item.issuer = item.issuer or after.issuer
        if _generic(item.kind):
            item.kind = after.kind or item.kind  # "văn bản số 145, 182-TB/TW": the symbol's type
        else:
            after.kind = item.kind  # the symbol has no type word of its own: the list's is its type


def _generic(kind: str | None) -> bool:
    return casefold_words(kind or "", modern=True) in rules().words["generic_types"]


def _list_type(kind: str | None, symbol: Found) -> bool:
    """Whether a list's type word fits the symbol closing it: a type the symbol names, a symbol that
    writes no type code, its kind at most implied by its issuer ("Nghị quyết số 35, 72/2023/UBTVQH15",
    "Thông tư số 32, 69/2015-BGDĐT"), or a generic type ("văn bản số 1986, 2023-CV/TU")."""
    if kind is None:
        return False
    code = SYMBOL_CODE.match((symbol.id or "")[len(symbol.number or ""):])
    untyped = symbol.kind is None or (bool(code) and code.group(1).upper() not in rules().kind_by_abbr)
    return untyped or _generic(kind) or _same_type(kind, symbol)


def _same_type(kind: str | None, symbol: Found) -> bool:
    """Whether a type word fits a symbol of a list: the same type, or one its abbreviation may name."""
    if kind is None or kind == symbol.kind:
        return kind is not None
    code = SYMBOL_CODE.match((symbol.id or "")[len(symbol.number or ""):])
    entry = type_entry(kind)
    return bool(code) and code.group(1).upper() in {
        a.upper() for key in ("abbr", "party_abbr", "list_abbr") for a in entry.get(key, [])}


def resolve(items: list[Found]) -> None:
    """Give short and bare references the id of the full form the article writes elsewhere."""
    _one_year_form(items)
    coded: dict[tuple[str, str], Found] = {}
    types = [entry["term"] for entry in rules().data["types"]]
    for item in items:
        if item.form == "coded":
            # "Quy định 144" is the "Quyết định số 144-QĐ/TW" of the article: Party symbols (not
            # "1234/QĐ-UBND") number regulations with QĐ too, so each type the abbreviation may name
            party = (item.id or "")[len(item.number or ""):].startswith("-")
            kinds = {item.kind, item.abbr_kind} | {kind for kind in types if party and _same_type(kind, item)}
            for kind in kinds - {None}:
                coded.setdefault((kind_key(kind), number_key(item.number)), item)
    for item in items:
        if item.alias_of is not None and item.key:
            coded.setdefault(item.key, item.alias_of)
    generic = rules().words["generic_types"]
    by_number: dict[str, set[str]] = {}  # number -> ids of the symbols with it
    for item in items:
        if item.form == "coded" and item.number:
            by_number.setdefault(number_key(item.number), set()).add(item.id or "")
    laws: dict[tuple[int, str], str] = {}  # a law's name -> its id with a year (0) or a number (1)
    central: dict[str, list[str]] = {}
    congress: dict[str, str] = {}
    for item in items:
        target = coded.get(item.key) if item.form == "short" and item.key else None
        written = item.id
        if target and not (item.year and target.year and item.year != target.year):
            item.id = target.id
        elif item.form == "short" and casefold_words(item.kind or "", modern=True) in generic:
            symbols = by_number.get(number_key(item.number), set())
            if len(symbols) == 1:
                (item.id,) = symbols  # "văn bản số 3370": the one symbol numbered so
        if item.needs_symbol and item.id == written:
            item.id = None  # "sau 5 năm, kết luận 100 tiếp tục": no symbol says it is a document
        if item.name_key and item.id:
            if (item.form == "law" and item.year) or (item.form != "law" and item.kind in LAW_KINDS):
                laws.setdefault((int(item.form != "law"), item.name_key), item.id)
            elif item.form == "central" and casefold_words(item.id, modern=True) != item.name_key:
                known = central.setdefault(item.name_key, [])
                known += [i for i in [item.id, *item.extra_ids] if i not in known]
            elif item.form == "congress" and _fuller_congress(item.id, congress.get(item.name_key)):
                congress[item.name_key] = item.id
    for item in items:
        if item.form == "law" and not item.year and item.name_key:
            item.id = laws.get((0, item.name_key)) or laws.get((1, item.name_key)) or item.id
        elif (item.form == "central" and casefold_words(item.id or "", modern=True) == item.name_key
              and item.name_key in central):
            item.id, *item.extra_ids = central[item.name_key]
        elif item.form == "congress" and item.name_key in congress:
            item.id = congress[item.name_key]
    _named_place_congress(items)
    _resolve_bare_congress(items)
    _one_dated_form(items)


def _fuller_congress(written: str, kept: str | None) -> bool:
    """Whether a congress resolution's id names it more fully than the one kept for its name: one
    that says "Đại hội", then more words ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX" in the
    body over the headline's "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"); the first of equals."""
    if kept is None:
        return True

    def fullness(name: str) -> tuple[bool, int]:
        return "đại hội" in casefold_words(name, modern=True), len(name.split())

    return fullness(written) > fullness(kept)


def _named_place_congress(items: list[Found]) -> None:
    """ "Nghị quyết Đại hội Đảng bộ xã lần thứ nhất" is the "... Đảng bộ xã Ya Ly lần thứ nhất" the
    same article names: one congress, its place's name left out after the level word, one id."""
    congresses = {item.name_key: item.id for item in items if item.form == "congress" and item.name_key}
    for item in items:
        if item.form != "congress" or not item.name_key:
            continue
        words = item.name_key.split(" ")
        for key, full_id in congresses.items():
            longer = key.split(" ")
            extra = len(longer) - len(words)
            if extra <= 0:
                continue
            at = next((i for i, (a, b) in enumerate(zip(words, longer, strict=False)) if a != b), len(words))
            if at and words[at - 1] in PLACE_LEVELS and longer[:at] + longer[at + extra:] == words:
                item.id = full_id
                break


def _one_year_form(items: list[Found]) -> None:
    """One law, one id in an article however its year is written: "Luật Viên chức năm 2010" and
    then "Luật Viên chức 2010" take the id first written (spec 3, one document one id)."""
    first: dict[str, str] = {}
    for item in items:
        if item.form == "law" and item.year and item.id:
            item.id = first.setdefault(YEAR_WORD.sub("", casefold_words(item.id, modern=True)), item.id)


def _one_dated_form(items: list[Found]) -> None:
    """One document, one id however its year is written (spec 3): a number and symbol or a type
    and number without the year ("116/NĐ-CP", "Nghị định 39") take the id of the one reference in
    the article written with it ("116/2020/NĐ-CP", "Nghị định 39/2021"); two dated ones of a number
    ("Nghị định 37/2009", "Nghị định 37/2021") leave the undated one as written."""
    forms = ("coded", "short")
    dated: dict[str, set[str]] = {}
    for item in items:
        if item.form in forms and item.id and (undated := ID_YEAR.sub("", item.id, count=1)) != item.id:
            dated.setdefault(undated, set()).add(item.id)
    for item in items:
        if item.form in forms and item.id and len(ids := dated.get(item.id, set())) == 1:
            (item.id,) = ids


def _resolve_bare_congress(items: list[Found]) -> None:
    """ "Nghị quyết Đại hội" alone is the congress resolution named nearest before it (or first
    after it); after "Nghị quyết Đại hội ... các cấp" it is every congress's, no one document.
    One named by its body alone is the one of that body named in full, if the article has one."""
    full = ("congress", "congress_every", "congress_termed")
    named = [i for i, item in enumerate(items) if item.form in full]
    for index, item in enumerate(items):
        # "Nghị quyết Đại hội Đảng bộ tỉnh" alone: the one of that body the article names in full
        fits = [i for i in named if item.form == "congress_bare" or (
            item.form == "congress_body" and (items[i].name_key or "").startswith(f"{item.name_key} "))]
        if fits and item.form in ("congress_bare", "congress_body"):
            before = [i for i in fits if i < index]
            item.id = items[before[-1] if before else fits[0]].id


def carried_plan_codes(items: list[Found], texts: dict[str, str]) -> None:
    """A plan named after the document it carries out ("Chương trình thực hiện Chỉ thị 13-CT/TW", as a
    headline writes it) is the coded plan of its type that the article says carries that document
    out ("Chương trình số 27-CTr/TU về thực hiện Chỉ thị 13-CT/TW"): one document, the symbol's id."""
    carrying: dict[tuple[str | None, str], str] = {}  # (plan type, id carried out) -> the coded plan's id
    ordered = sorted(items, key=lambda item: (item.field, item.start))
    for coded, carried in itertools.pairwise(ordered):
        if (coded.form == "coded" and coded.id and carried.id and coded.field == carried.field
                and CARRIES.fullmatch(texts[coded.field], coded.end, carried.start)):
            carrying.setdefault((coded.kind, carried.id), coded.id)
    for item in items:
        if item.outer and item.id and (item.outer["kind"], item.id) in carrying:
            item.outer = {**item.outer, "id": carrying[(item.outer["kind"], item.id)]}


def letterhead_plans(items: list[Found], texts: dict[str, str]) -> None:
    """A page that opens with a document's letterhead ("Số: 26-CTr/TWĐTN-VP" on a line of its own)
    is that document: a plan of its type named there without a number ("... ban hành Chương trình
    hành động thực hiện Nghị quyết Đại hội ...", as its headline names it too) is the letterhead's."""
    heads = [item for item in items if item.form == "coded" and item.id and item.kind
             and item.start <= LETTERHEAD_REACH and on_letterhead(texts[item.field], item.start)]
    if len(heads) != 1:
        return  # no letterhead, or several documents' numbers: which one the page is, is unclear
    head = heads[0]
    for item in items:
        if item.outer and kind_key(item.outer["kind"]) == kind_key(head.kind or ""):
            item.outer = {**item.outer, "id": head.id}
        if item.form == "named" and item.kind and kind_key(item.kind) == kind_key(head.kind or ""):
            item.id = head.id


def on_letterhead(text: str, pos: int) -> bool:
    """Whether what starts at pos follows a letterhead's "Số:" that opens its line."""
    line = text.rfind("\n", 0, pos) + 1
    return bool(LETTERHEAD.fullmatch(text, line, pos))
