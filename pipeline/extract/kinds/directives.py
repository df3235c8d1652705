"""Directives: references to one specific Party or State document (spec section 3).

Shapes found in each segment: coded symbols ("Chỉ thị số 05-CT/TW", "30/2020/NĐ-CP"), type and
number ("Nghị quyết 58"), named resolutions ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại
hội XII của Đảng", Nghị quyết "<title>") and laws by name ("Luật Dược 2016"). Short and bare forms
are then resolved over the whole article: "Chỉ thị 05" takes the id 05-CT/TW when that symbol
appears anywhere in it, "Luật Dược" the id of "Luật Dược 2016".

A plan carrying out a resolution ("Kế hoạch thực hiện Nghị quyết Trung ương 4 (khóa XII)") is a
document of its own, but merge keeps one span per layer, so the inner resolution stays the mention
and the plan rides in its attrs (`documents`, with its own span); build writes both entries.
Dates, years and issuers after a reference stay outside its span, for the dates extractor.
The rule file, the patterns and the canonical types and names live in `directive_grammar`,
the canonical symbols in `directive_symbols`; references a symbol makes (a code and the type word
that owns it) in `directive_coded`; laws by name in
`directive_laws`; plans, programmes, congress resolutions without a number and documents known by
name in `directive_names`; what links the references of an article (tails, plans, aliases, shared
symbols, short forms resolved to full ones) in `directive_links`. This module finds the shapes.
"""

from __future__ import annotations

from typing import Any

import regex

from pipeline.extract.directive_coded import find_abbreviated, find_coded
from pipeline.extract.directive_found import Found
from pipeline.extract.directive_grammar import (
    BARE_CONGRESS,
    BARE_END,
    CENTRAL,
    CONGRESS_OPENS,
    CONGRESS_WORDS,
    EVERY_CONGRESS,
    KHOA_SEPARATOR,
    NEXT_CONGRESS,
    NEXT_NUMBER,
    NEXT_WORDS,
    ORDINAL_WORD,
    PHASE,
    PUNCTUATION_NEXT,
    SCHEMA,
    USUAL_CONGRESS,
    YEARS_SPAN,
    canonical_name,
    canonical_type,
    clean,
    match_at,
    ordinal_value,
    quoted_end,
    roman_term,
    rules,
    type_entry,
)
from pipeline.extract.directive_ids import canonical_id, congress_document, names_national_congress
from pipeline.extract.directive_issuers import issuer_and_date, without_person
from pipeline.extract.directive_laws import blocked_left, law_at
from pipeline.extract.directive_links import (
    carried_plan_codes,
    letterhead_plans,
    named_then_symbol,
    read_context,
    read_tail,
    resolve,
    share_symbols,
)
from pipeline.extract.directive_names import (
    body_after_number,
    congress_body_at,
    drafted,
    known_name_at,
    monthly_at,
    owned_name_at,
    plan_at,
    plural_before,
)
from pipeline.extract.directive_national import national_plan_at
from pipeline.extract.directive_symbols import canonical_symbol
from pipeline.extract.document import ArticleDoc
from pipeline.kinds import (
    Column,
    KindSpec,
    first_text,
    iso_schema,
    mention_count,
    named_item_schema,
    nullable,
    refs_of_mentions,
    register_kind,
)
from pipeline.model import Mention
from pipeline.text import casefold_words, eth_as_dj, final_y, longest_first, wrap_as_space

# find and build feed the extractor table; tests import the rest from here
__all__ = ["SCHEMA", "build", "canonical_symbol", "find"]

SYMBOL_ELSEWHERE = "symbol"  # _accept_number: a document if the article writes its symbol
# a congress named by its number last ("Đại hội XII", "Đại hội lần thứ 7"): another body may follow it
NUMBERED_LAST = regex.compile(rf"(?:[IVXL]+|\d{{1,2}}|{ORDINAL_WORD})$")


def _accept_number(text: str, match: regex.Match[str], has_so: bool, doc_type: dict[str, Any]) -> bool | str:
    """Whether "<type> <number>" names a document rather than counting things ("kế hoạch 5 năm").

    A lower-case ambiguous type with no sign of a document around it ("sau 5 năm, kết luận 100 tiếp
    tục ...") is one only when the article writes the symbol of that type and number elsewhere
    ("Kết luận số 100-KL/TW"): SYMBOL_ELSEWHERE, which `resolve` settles."""
    words = rules().words
    num = match.group("num")
    if not has_so and len(num) == 4 and num[:2] in ("19", "20"):
        # "kế hoạch 2020" is a year, unless the article writes the symbol ("Quyết định 1980" of 1980/QĐ-TTg)
        return SYMBOL_ELSEWHERE
    rest = text[match.end():match.end() + 40]
    following = NEXT_WORDS.match(rest)
    first, second = following.group(1, 2) if following else ("", "")
    first, second = first.casefold(), (second or "").casefold()
    # "Chỉ thị 24 năm 2023" is dated; "Kế hoạch 5 năm 2021-2025" counts the years of a span
    dated = second.isdigit() and (first == "ngày" or (first == "năm" and len(second) == 4
                                                       and not match_at(YEARS_SPAN, rest, following.end())))
    if first in words["count_words"] and not dated:
        return False
    if doc_type.get("ambiguous") and not (has_so or match.group("type")[0].isupper()):
        if _document_verb_before(text, match.start()):
            return True  # "ban hành quyết định 153 thu hồi ...", "thực hiện kết luận 21 và ..."
        if not following:
            return bool(PUNCTUATION_NEXT.match(rest)) or SYMBOL_ELSEWHERE
        return first in words["document_next_words"] or f"{first} {second}" in words["document_next_words"] \
            or SYMBOL_ELSEWHERE
    return True


def _document_verb_before(text: str, pos: int) -> bool:
    """Whether the words right before a type word act on a document ("ban hành", "theo")."""
    words = text[max(0, pos - 30):pos].casefold().split()
    verbs = rules().words["document_prev_words"]
    return bool(words) and (words[-1] in verbs or " ".join(words[-2:]) in verbs)


def _abbreviates(abbr: str, written: str, doc_type: dict[str, Any]) -> bool:
    """Whether a bracketed abbreviation is the type's: its syllables' initials or a listed one."""
    initials = "".join(word[0] for word in written.split()).upper()
    return abbr.upper() == initials or abbr in doc_type.get("abbr", [])


def _find_at(name: str, text: str, pos: int) -> list[Found]:
    """References starting at one type word: type and number, named resolutions, laws by name."""
    rule, found = rules(), []
    for form in ("short", "qualified_short", "law_numbered"):
        match = match_at(rule.patterns[form], text, pos)
        written = match.group("type") if match else ""
        doc_type = type_entry(written)
        if not match or not doc_type or casefold_words(written, modern=True) == "hiến pháp" \
                or (form == "qualified_short" and doc_type.get("named")):  # a law's name: `law_numbered`
            continue
        has_so = form != "short" or bool(match.group("so"))
        accepted = _accept_number(text, match, has_so, doc_type)
        if form == "qualified_short" and accepted:
            accepted = SYMBOL_ELSEWHERE  # "quyết định xử phạt số 12" alone may be no document vnie can name
        if not accepted or (doc_type.get("named") and (
                blocked_left(text, pos) or (written[0].islower() and not has_so))):
            continue
        if (abbr := match.groupdict().get("abbr")) and not _abbreviates(abbr, written, doc_type):
            continue  # "Chương trình (CT) 135", never another bracket's word
        year = match.group("year")
        shown = match.group("num") + (f"/{year}" if year else "")  # "thông tư 08-2017" is Thông tư 08/2017
        end = match.end()
        if phase := match_at(PHASE, text, end):
            shown, end = f"{shown} giai đoạn {phase.group('phase')}", phase.end()
        law_name = (casefold_words(f"{doc_type['term']} {match.group('name')}", modern=True)
                    if form == "law_numbered" else None)
        found.append(Found(name, pos, end, text[pos:end], "short", doc_type["term"],
                           number=match.group("num"), year=year, id=f"{canonical_type(written)} {shown}",
                           name_key=law_name, priority=1, needs_symbol=accepted == SYMBOL_ELSEWHERE))
        if form != "law_numbered":
            more = _next_numbers(name, text, end, canonical_type(written))
            for item in more:
                item.needs_symbol = accepted == SYMBOL_ELSEWHERE
            found += more
    if not found:
        found += _number_after_tail(name, text, pos)
    if match := match_at(CENTRAL, text, pos):
        # one id however the plenum is written: "Nghị quyết TW4", "Nghị quyết Trung ương IV", "Nghị
        # quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng" are "Nghị quyết Trung ương 4"
        plenum = str(ordinal_value(clean(match.group("n"))))
        base = _named_resolution(f"{text[pos:pos + len('Nghị quyết')]} Trung ương {plenum}")
        khoa = [roman_term(term) for term in regex.split(KHOA_SEPARATOR, match.group("khoa"))] \
            if match.group("khoa") else []
        ids = [f"{base} khóa {term}" for term in khoa] or [base]
        found.append(Found(name, pos, match.end(), match.group(0), "central", "Nghị quyết",
                           number=plenum, id=ids[0], extra_ids=ids[1:],
                           name_key=casefold_words(base, modern=True), priority=2))
    if (match := match_at(rule.patterns["congress"], text, pos)) and not _congress_draft(text, pos, match):
        written = without_of = match.group(0)
        end = match.end()
        if NUMBERED_LAST.search(written) and (body_end := body_after_number(text, end)):
            # "Nghị quyết Đại hội XII Công đoàn Việt Nam": that body's congress, named as written
            written = without_of = text[pos:body_end]
            end = body_end
        if match.group("of"):
            without_of = written[:match.start("of") - pos] + written[match.end("of") - pos:]
            written = without_of if CONGRESS_OPENS.match(text, match.end("of")) else written
        key = CONGRESS_WORDS.sub("", casefold_words(without_of, modern=True))
        kind = congress_document(match.group("doc"))
        found.append(Found(name, pos, end, text[pos:end], "congress", kind,
                           id=_named_resolution(written, kind), name_key=key, priority=2))
        found += _next_congresses(name, text, end, kind)
    elif match := match_at(BARE_CONGRESS, text, pos):
        found += _congress_unnumbered(name, text, pos, match.end())
    drafts = drafted(text, pos)  # "dự thảo Kế hoạch công tác năm 2020": a draft named by its subject
    named_here = () if drafts else (plan_at(text, pos), known_name_at(text, pos), owned_name_at(text, pos),
                                        monthly_at(text, pos), national_plan_at(text, pos))
    for named in filter(None, named_here):
        found.append(Found(name, named.start, named.end, text[named.start:named.end], "named", named.kind,
                           id=named.id, issuer=named.issuer, priority=1))
    if (match := match_at(rule.patterns["titled"], text, pos)) and (closing := quoted_end(text, match.end())):
        title = text[match.end() + 1:closing - 1].strip()
        if title[:1].isupper():
            kind = match.group("type")
            found.append(Found(name, pos, closing, text[pos:closing], "titled", canonical_type(kind),
                               id=f"{canonical_type(kind)} {clean(title)}", title=title, priority=2))
    if match := match_at(rule.patterns["law"], text, pos):
        found += law_at(name, text, match)
    return found


def _number_after_tail(name: str, text: str, pos: int) -> list[Found]:
    """A type whose number follows its issuer or issue date ("Chỉ thị của Ban Bí thư số 05", "Kế
    hoạch ngày 5/3/2021 số 20"): the type and number, the words between its issuer and date."""
    written = match.group("type") if (match := match_at(rules().patterns["type"], text, pos)) else ""
    doc_type = type_entry(written)
    if not doc_type or doc_type.get("named"):  # a law's name and number: `law_numbered`
        return []
    cursor, issuer, issued = issuer_and_date(text, match.end())
    number = match_at(rules().patterns["number_after_tail"], text, cursor) if cursor > match.end() else None
    if not number or not _accept_number(text, number, True, doc_type):
        return []
    year = number.group("year")
    shown = number.group("num") + (f"/{year}" if year else "")
    kind = canonical_type(written)
    return [Found(name, pos, number.end(), text[pos:number.end()], "short", doc_type["term"],
                  number=number.group("num"), year=year, id=f"{kind} {shown}", issuer=issuer, issued=issued,
                  priority=1), *_next_numbers(name, text, number.end(), kind)]


def _next_numbers(name: str, text: str, pos: int, kind: str) -> list[Found]:
    """Numbers listed after a type and number ("Quyết định số 217 và 218"): documents of that type,
    unless a count word or a year shows a quantity ("Chỉ thị 05 và 10 năm qua")."""
    found: list[Found] = []
    count_words = rules().words["count_words"]
    while match := match_at(NEXT_NUMBER, text, pos):
        num, year = match.group("num"), match.group("year")
        following = NEXT_WORDS.match(text[match.end():match.end() + 40])
        if (len(num) == 4 and num[:2] in ("19", "20")) or (following and (
                following.group(1).casefold() in count_words
                or f"{following.group(1)} {following.group(2) or ''}".casefold().strip() in count_words)):
            break
        start = match.start("num")
        shown = num + (f"/{year}" if year else "")
        found.append(Found(name, start, match.end(), text[start:match.end()], "short", kind, number=num,
                           year=year, id=f"{kind} {shown}", priority=1))
        pos = match.end()
    return found


def _congress_draft(text: str, pos: int, match: regex.Match[str]) -> bool:
    """Whether a congress's documents are a draft put to it ("dự thảo các Văn kiện Đại hội XIV"):
    not yet the documents the congress adopted, as the annotated pages count them; or prose, a
    `capitalised` document in lower case of another congress than the national one."""
    kind = congress_document(match.group("doc"))
    return (kind != "Nghị quyết" and drafted(text, pos)) or _lower_case_prose(kind, match)


def _lower_case_prose(kind: str, match: regex.Match[str]) -> bool:
    """Whether a `capitalised` congress document's word in lower case is prose: "văn kiện Đại hội
    Đảng bộ Trường" is a unit's papers, "văn kiện Đại hội toàn quốc lần thứ XIII của Đảng" the
    national congress's documents, as the annotated pages list them (extraction-dev25, 2 hosts)."""
    capital_only = any(entry.get("capitalised") and entry["term"] == kind
                       for entry in rules().data["congress_documents"])
    return capital_only and match.group("doc")[:1].islower() and not names_national_congress(match.group(0))


def _next_congresses(name: str, text: str, pos: int, kind: str = "Nghị quyết") -> list[Found]:
    """Congresses listed after a congress's document without their own type word ("...,
    Đại hội Đảng bộ huyện lần thứ XXIV"): each one's document of that type, a document of its own."""
    found: list[Found] = []
    stops = rules().words["plan_name_stops"]
    while match := match_at(NEXT_CONGRESS, text, pos):
        end = match.end()
        if NUMBERED_LAST.search(match.group("name")) and (body_end := body_after_number(text, end)):
            end = body_end  # "..., Đại hội VII Hội Nông dân Việt Nam": that body's congress
        following = NEXT_WORDS.match(text[end:end + 40])
        if following and following.group(1).casefold() in stops:
            break  # "..., Đại hội Đảng bộ tỉnh lần thứ XX đã xác định": the congress itself, a clause
        listed = text[match.start("name"):end]
        written = f"{kind} {listed}"
        key = CONGRESS_WORDS.sub("", casefold_words(written, modern=True))
        found.append(Found(name, match.start("name"), end, listed, "congress",
                           kind, id=_named_resolution(written, kind), name_key=key, priority=2))
        pos = end
    return found


def _congress_unnumbered(name: str, text: str, pos: int, end: int) -> list[Found]:
    """ "Nghị quyết Đại hội" without the congress's number: of every level ("... các cấp"), of a
    body named with or without its term ("... Đảng bộ xã nhiệm kỳ 2020-2025"), or alone; several
    ("các Nghị quyết Đại hội Đảng") are no one document."""
    if plural_before(text, pos, counts=False):
        return []
    if every := match_at(EVERY_CONGRESS, text, end):
        return [Found(name, pos, every.end(), text[pos:every.end()], "congress_every", "Nghị quyết")]
    # written otherwise than "Nghị quyết Đại hội" ("nghị quyết Đại hội", "Đại Hội"), only its term
    # tells one congress from any
    usual = bool(match_at(USUAL_CONGRESS, text, pos))
    if (named := congress_body_at(text, pos)) and (usual or named[2]):
        body_end, written, termed = named
        form = "congress_termed" if termed else "congress_body"
        ids = [_named_resolution(one) for one in written]
        return [Found(name, pos, body_end, text[pos:body_end], form, "Nghị quyết",
                      id=ids[0], extra_ids=ids[1:], priority=1,
                      name_key=CONGRESS_WORDS.sub("", casefold_words(text[pos:body_end], modern=True)))]
    if usual and not named and match_at(BARE_END, text, end):
        return [Found(name, pos, end, text[pos:end], "congress_bare", "Nghị quyết", id=clean(text[pos:end]),
                      priority=1)]
    return []


def _named_resolution(written: str, kind: str = "Nghị quyết") -> str:
    """A resolution (or a congress's other document, `kind`) named by its plenum or congress, in
    one spelling: "nghị quyết trung ương 4" is "Nghị quyết Trung ương 4"; "của" before a body's
    name stays lower case."""
    words = clean(written).split(" ")
    named = canonical_name(kind, " ".join(words[2:]))
    return named.replace(" Của ", " của ", 1)  # the name's first word, capitalised, is "của" here


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Within one segment the longest reference wins, then the most specific shape; a short form
    that needs its symbol elsewhere only where no other reference stands (it may come to nothing)."""
    kept = longest_first([f for f in found if not f.needs_symbol], tiebreak=lambda f: -f.priority)
    tentative = [f for f in found if f.needs_symbol
                 and not any(f.start < k.end and k.start < f.end for k in kept)]
    return sorted(kept + longest_first(tentative), key=lambda f: f.start) if tentative else kept


def find(doc: ArticleDoc) -> list[Mention]:
    """Every reference to a specific document in every segment of the article."""
    items: list[Found] = []
    anchor = rules().patterns["anchor"]
    texts: dict[str, str] = {}
    written: dict[str, str] = {}
    for segment in doc:
        written[segment.field] = segment.text
        # a page keeping the look-alike eth ("Ðiều lệ Ðảng") or a final i for y ("Qui chế", "nhiệm
        # kì") cites the same documents; the ids take one spelling, and offsets hold. A reference a
        # hard wrap splits ("Nghị quyết\nsố 26") is one reference: the wrap reads as a space
        respelled = final_y(eth_as_dj(segment.text))
        text = texts[segment.field] = wrap_as_space(respelled, rules().patterns["type_at_end"])
        lowered = text.lower()
        if len(lowered) == len(text):  # lower() keeps offsets for Vietnamese; a few scripts' letters do not
            anchors = [m.start() for m in anchor.finditer(lowered)]
        else:
            anchors = [m.start() for m in rules().patterns["type"].finditer(text)]
        found = find_coded(segment.field, text, anchors) + find_abbreviated(segment.field, text)
        for pos in anchors:
            found += _find_at(segment.field, text, pos)
        found = _without_overlaps(found)
        for item in found:
            read_tail(item, text)
        read_context(found, text)
        named_then_symbol(found, text)
        share_symbols(found, text)
        items += found
    resolve(items)
    carried_plan_codes(items, texts)
    letterhead_plans(items, texts)
    for item in items:  # the spans' text as the page wrote it
        item.text = written[item.field][item.start:item.end]
        if item.outer and (span := item.outer.get("span")):
            item.outer["span"] = (span[0], span[1], written[item.field][span[0]:span[1]])
    return [_mention(item) for item in items if item.id]


def _mention(item: Found) -> Mention:
    """The mention of a reference: attrs carry every document it names, each id in its one form
    across articles (`canonical_id`)."""
    main = {"id": canonical_id(item.id), "kind": item.kind, "number": item.number, "issuer": item.issuer,
            "issued": item.issued, "title": item.title, "issuer_span": item.issuer_span}
    documents = [main] + [{**main, "id": canonical_id(extra)} for extra in item.extra_ids]
    if item.outer:
        documents.append({"number": None, "issuer": None, "issued": None, "title": None, **item.outer})
    return Mention("DIRECTIVE", item.start, item.end, item.text, item.field, {**main, "documents": documents},
                   priority=item.priority)


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per distinct document, with every mention of it."""
    entries: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, int, int]] = set()
    people = [m for m in context if m.type == "PER"]
    for mention in mentions:
        for document in mention.attrs.get("documents", [mention.attrs]):
            if span := document.get("issuer_span"):
                issuer = without_person(document["issuer"], span, mention.field, doc, people)
                document = {**document, "issuer": issuer}
            start, end, text = document.get("span") or (mention.start, mention.end, mention.text)
            entry = entries.setdefault(casefold_words(document["id"], modern=True), {
                "id": document["id"], **dict.fromkeys(("kind", "number", "issuer", "issued", "title")),
                "text": text, "mentions": []})
            for key in ("kind", "number", "issuer", "issued", "title"):
                if entry[key] is None:
                    entry[key] = document.get(key)
            if (entry["id"], mention.field, start, end) not in seen:
                seen.add((entry["id"], mention.field, start, end))
                entry["mentions"].append({"text": text, "start": start, "end": end, "field": mention.field})
    return list(entries.values())


KIND = register_kind(KindSpec(
    label="DIRECTIVE", field="directives", noun="directive", order=0, find=find, build=build,
    layer=0, rank=0, colour="#ffd43b", rules="directives",
    description="One row per article and directive (a Party or State document referred to).",
    columns=(
        Column("directive_id", "TEXT",
               "canonical id: 05-CT/TW, 30/2020/NĐ-CP, or type and number/name as written"),
        Column("kind", "TEXT", "full type name: Chỉ thị, Nghị quyết, Quyết định..."),
        Column("number", "TEXT", "the number as written"),
        Column("issuer", "TEXT", "the issuing body when stated or implied (Bộ Chính trị...)"),
        Column("issued", "TEXT", "ISO date of issue when stated"),
        Column("title", "TEXT", "the quoted subject when given"),
        Column("text", "TEXT", "the first mention as written"),
        Column("mentions", "INTEGER", "how many times the article mentions it"),
    ),
    row=lambda d: (d.get("id"), d.get("kind"), d.get("number"), d.get("issuer"), d.get("issued"),
                   d.get("title"), first_text(d), mention_count(d)),
    refs=refs_of_mentions("id"),
    indexes=("directive_id COLLATE NOCASE",),
    item_schema=named_item_schema(
        ["id", "kind"], id={"type": "string"}, kind=nullable("string"), number=nullable("string"),
        issuer=nullable("string"), issued=iso_schema(), title=nullable("string")),
))
