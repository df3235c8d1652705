"""Organisations: named bodies of the Party, State, Front, mass organisations, forces and companies.

A name is a head word from `rules/organizations.yml` ("Sở", "Đảng bộ", "Công ty") followed by what
the scanner reads as a name: capitalised words, nested heads, listed lower-case name words and a
place with its administrative word. Bodies that need no head (Quốc hội, Google) come from the rule
file's list; acronyms defined in the article ("Khối Các cơ quan (CCQ)", read by `org_definitions`)
are kept in `doc.cache`, so that short forms in every segment join the long name and the canonical
names expand them. The compiled rule file lives in `org_rules`, the segment as the
scanner reads it in `org_view`, the tests of where a name ends in `org_name_ends` and
`org_place_ends`, whether a head opens a name in `org_head_cues`, which
candidates are one body in `org_groups`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pipeline.extract import org_head_cues as cues
from pipeline.extract.canonical import canonical_name
from pipeline.extract.document import ArticleDoc
from pipeline.extract.fullest import with_canonical
from pipeline.extract.merge import field_rank
from pipeline.extract.org_bodies import foreign_national_bodies, province_branch, take_body
from pipeline.extract.org_branches import branch_end
from pipeline.extract.org_brands import coordinated, domains, officer_brands, outlet_tag, suffixed_brands
from pipeline.extract.org_definitions import (
    Candidate,
    clean_span,
    define,
    extend_to_initials,
    take_acronym_phrases,
    take_short_then_long,
)
from pipeline.extract.org_groups import group_keys, place_word_targets
from pipeline.extract.org_lists import take_colon_lists
from pipeline.extract.org_rules import RULES_SCHEMA, Head, rules
from pipeline.extract.org_scan import read_name
from pipeline.extract.org_short_forms import short_form_mentions
from pipeline.extract.org_unit_short import unit_short_mentions, unit_targets
from pipeline.extract.org_view import (
    SYLLABLE_RE,
    View,
    acronym_before,
    acronym_joined,
    after_locative,
    brand_like,
    byline,
    common_word_start,
    cut_by_capitals,
    head_at,
    person_starts,
    proper_named,
)
from pipeline.extract.org_words import capitalised
from pipeline.kinds import (
    Column,
    KindSpec,
    mention_count,
    named_item_schema,
    nullable,
    refs_of_mentions,
    register_kind,
)
from pipeline.model import Mention
from pipeline.text import modern_tones, name_key

# find and build feed the extractor table; tests import the rest from here
__all__ = ["RULES_SCHEMA", "build", "find", "modern_tones", "rules"]

MEMBER_WORD = "viên"  # after a body's head, a member of it ("Tỉnh ủy viên", "Đoàn viên")
CHIEF_WORD = "trưởng"  # after a body's head, its chief ("Tổng cục trưởng", "Viện trưởng"): a title
SKIPPED_FIELDS = ("meta.",)  # bylines and source lines carry an author's role, not the article's bodies


def _from_terms(view: View, found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """One pass over the listed words: heads start a scan, bodies and introduced brands are taken."""
    org_rules, norm, last_end = rules(), view.norm, -1
    for match in org_rules.term_re.finditer(view.lower):
        start, end = match.span()
        lost_space = start and norm[start - 1].islower() and norm[start].isupper()  # "thuộcTổng công ty"
        if start < last_end or (start and norm[start - 1].isalnum() and not lost_space):
            continue
        if match.group() in org_rules.not_names or (not norm[start].isupper() and (
                match.group() not in org_rules.lower_ok and not cues.titled(view, start, end))):
            continue
        own = org_rules.heads.get(match.group())
        if own is not None and own.capital_only and not norm[start].isupper():
            continue  # "Trưởng khoa Nội, Bệnh viện K": the officer's post in the body named after it
        if not view.ends_syllable(start, end):
            continue
        if org_rules.law_before.search(norm, max(0, start - 12), start):
            last_end = read_name(view, end, None, capital_head=True).end  # "Luật Tổ chức Chính phủ"
            continue
        head = org_rules.head_re.match(view.lower, start)
        listed = norm[start:end] in org_rules.bodies
        if head and listed and org_rules.heads[head.group()].nested_only:
            head = None  # "Quỹ Tiền tệ Quốc tế": a listed body, not a fund read after its head
        if head and norm[start:head.end()].isupper() and acronym_joined(view, start):
            head = None  # "Đài PT&TH Vĩnh Long": the end of another acronym, not a school's level
        if head and view.ends_syllable(start, head.end()):
            cand = _from_head(view, start, head.end(), org_rules.heads[head.group()], found, acronyms)
            last_end = cand.end if cand else last_end
        if listed:
            take_body(view, start, end, org_rules.bodies[norm[start:end]], found)
        elif norm[start:end] in org_rules.introducers:
            _take_brand(view, end, found)
    extend_to_initials(view, found, acronyms)
    take_acronym_phrases(view, found, acronyms)
    _take_brand_suffixes(view, found)


def _one_standing_body(view: View, start: int, found: list[Candidate]) -> Candidate | None:
    """The listed body at `start` whose standing member is one person's post, taken alone ("Thường trực"
    + "Ban Bí thư": the post's body), so that no head inside it reads on ("Ban" + "Bí thư giao ...")."""
    r, taken = rules(), len(found)
    body = r.term_re.match(view.lower, start)
    key = r.bodies.get(view.norm[start : body.end()]) if body is not None else None
    if key is None or key not in r.one_standing:
        return None
    take_body(view, start, body.end(), key, found)
    return found[-1] if len(found) > taken else None


def _from_head(view: View, head_start: int, head_end: int, head: Head, found: list[Candidate],
               acronyms: dict[str, Any]) -> Candidate | None:
    """The organisation a head word starts, if what follows reads as its name."""
    norm, written = view.norm, view.norm[head_start:head_end]
    member = view.next_word(head_end)
    # the word alone, not the first syllable of a longer one ("Công đoàn Viên chức": civil servants)
    longer = member is not None and (nxt := view.next_word(member[1])) is not None and (
        view.token(nxt[0]) == view.token(member[0]))
    if member is not None and view.lower[member[0]:member[1]] in (MEMBER_WORD, CHIEF_WORD) and not longer:
        return None  # "Tỉnh ủy viên", "Hội viên", "Tổng cục trưởng": a member or the chief, a title
    if rules().compound_before.search(view.lower, max(0, head_start - 12), head_end):
        return None  # "ngày Hội Đại đoàn kết": the head ends a common word (a festival day)
    if member is not None and view.lower[member[0]:member[0] + len(written)] == written.lower() and (
            view.ends_syllable(member[0], member[0] + len(written))):
        return None  # "Hội Hội Liên hiệp phụ nữ huyện": a word typed twice; the name starts at the second
    title_word = (
        written != head.term or cues.after_stop_word(view, head_start) or cues.after_title(view, head_start)
    )
    if head.venue and after_locative(view, head_start):
        return None  # "tại Nhà hát Trưng Vương": the place where the event is held
    if head.title_part and title_word:
        return None  # "Phó Bí thư Thường trực Tỉnh ủy": the title's word; the body is the Tỉnh ủy
    body = _one_standing_body(view, member[0], found) if head.title_part and member is not None else None
    if body is not None:
        return body  # "Thường trực Ban Bí thư": one member's post; the body is the Ban Bí thư
    # "Trưởng ban Tổ chức Tỉnh ủy": a lower-case head that starts a name
    titled = not norm[head_start].isupper() and cues.titled(view, head_start, head_end)
    if titled and head.apposition and not cues.after_title(view, head_start):
        return None  # "tổ chức Đoàn TNCS Hồ Chí Minh": the common noun before a body's own name
    if (
        head.branch
        and not norm[head_start].isupper()
        and (cues.counted(view, head_start) or not cues.body_next(view, head_end))
    ):
        # "các chi nhánh TPBank": branches of a kind, the bank read on its own; "chi nhánh" names a branch
        # in lower case only before its body's own name ("chi nhánh NHCSXH tỉnh Hà Giang")
        return None
    # "huyện ủy Thủ Thừa"; "Bí thư huyện ủy": a Party committee whose secretary the title names
    # "chi bộ Kim Hoàng": a cell of members named by its own proper name, as by a place
    placed = head.lowercase == "placed" and (
        cues.placed(view, head_end)
        or (head.standalone and cues.after_title(view, head_start))
        or (head.members and cues.own_name_next(view, head_end))
    )
    # "công ty cổ phần Nhân Đạt": the legal form makes the lower-case head part of a registered name
    legal = head.lowercase == "drop" and head.wrapper and cues.legal_form_next(view, head_end)
    capital = norm[head_start].isupper() or titled or placed or legal
    lower_head_ok = head.lowercase in ("keep", "drop")
    if (head.term.isupper() and not written.isupper()) or (not capital and not lower_head_ok):
        return None
    glued = head_start and norm[head_start - 1].isalnum()
    # the segmenter glues a capitalised head to a lower-case word or an acronym before it ("UV BTV")
    # (a token may start with the space after a date the segmenter split off: "17/9/2024" + " Hội")
    mid_word = norm[view.token_starts[view.token(head_start)]:head_start].strip() != "" and not (
        norm[head_start].isupper() and head_start > 1 and (
            norm[head_start - 2].islower() or acronym_before(norm, head_start - 1)))
    # a place the segmenter glued to the head is no body ("Trường Sa"); no place starts with a fund's
    # word, so there the glue marks a fund's proper name ("Quỹ Thiện Tâm"), read on as a fund's name
    if (view.fused(head_start, head_end) and not head.nested_only) or (not glued and not titled and mid_word):
        return None  # "Trường Sa" is one word; in "môi trường", "trường" ends another (not "trích Quỹ")
    if title_word and cues.title_part_next(view, head_end):
        return None  # "Phó trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy": the standing deputy's title
    scan = read_name(view, head_end, head, capital_head=capital)
    if head.leaders and _named_body_after(view, head_end, scan.end):
        return None  # "Ban lãnh đạo Tập đoàn X": the group's leaders; the group is read on its own
    if scan.parts and cut_by_capitals(view, head_start, head_end, scan.end):
        return None  # "ĐẢNG BỘ THAN HÀ LẦM": the scan read only the words without tone marks
    if capital and not scan.parts and head.lowercase == "placed" and cues.bodies_listed(view, scan.end):
        scan.named = True  # "lãnh đạo Đảng ủy, HĐND, UBND xã": the unit's Party committee among its bodies
    if cues.bare_party_unit(view, scan):
        return None  # "Chi ủy Chi bộ nhiệm kỳ 2020 - 2022": the committee of any cell, a common noun
    if titled and scan.parts < 2 and not cues.after_title(view, head_start):
        return None  # "phòng Cảnh sát hình sự Công an tỉnh" is a name, "cơ quan Công an" is not
    # "Ban Giám đốc": no body's name, still a subject; so too before a common noun only ("Nhà trường")
    generic = scan.parts and name_key(view.norm[scan.first:scan.end]) in rules().not_names
    organ_alone = head.organ and capital and (not scan.parts or generic)
    if (capital and not (scan.named or head.standalone or organ_alone or (scan.strong and head.local))) or (
            not capital and not (scan.capital_first and brand_like(view, scan.first, scan.end))):
        return None  # "UBND tỉnh" and "Công an huyện" are names, "Trung tâm thành phố", "đại học Mỹ" are not
    start = head_start
    # a fund named by a proper name is the foundation that runs it ("Quỹ Thiện Tâm phối hợp ...")
    named_fund = head.nested_only and scan.parts > 0 and proper_named(view, scan.first, scan.end)
    if not capital and head.lowercase == "drop" and scan.all_title and not named_fund:
        start = scan.first  # "công ty Coolcat": the name is the brand
        if not brand_like(view, start, scan.end) or scan.end - start < 2:
            return None
    # a short name, or one ending on a nested head ("Ban Tuyên giáo Đảng ủy cấp xã"), is scoped by a
    # level after it; a long one that ends on its own name is not ("Đoàn TNCS Hồ Chí Minh các cấp")
    short = len(view.norm[head_start:scan.end].split()) <= cues.MAX_SCOPED_WORDS or scan.last == "head"
    if byline(view, start, scan.end) or (capital and not scan.acronym and (
            (cues.counted(view, head_start) and not cues.names_listed(view, scan.end))
            or (short and (cues.scoped(view, scan.end) or cues.scoped_partner(view, scan.end)))
            or (scan.open_end and cues.levels_listed(view, scan.end)))):
        return None
    cand = Candidate(view, start, scan.end, clean_span(view, start, scan.end, scan.cuts),
                     head=name_key(head.term), open_end=scan.open_end or scan.parts == 0)
    # a fund is no body, but its name is a name: its place is part of it, and figures' subjects and
    # sources still see it; `build` leaves it out of the organisations
    # a bare organ is a body only where its head also stands alone (the spec's gold takes "Ban Kiểm soát")
    cand.body = (not head.nested_only or named_fund) and not (organ_alone and not head.standalone) and (
        not head.leaders)
    # "bầu Ban Chấp hành Đảng bộ khóa mới": the committee still to be elected; figures may still name it
    cand.body = cand.body and not cues.new_term_body(view, head_start, scan.end)
    if head.wrapper and scan.first >= 0 and start == head_start:
        cand.rest = name_key(clean_span(view, scan.first, scan.end, scan.cuts))
        # "trường Chu Văn An": a short person's name alone names the man, "Hoàng Anh Gia Lai" the group
        person = person_starts(view, view.syllable(scan.first)) and len(cand.rest.split()) <= 3
        if scan.all_title and not person and brand_like(view, scan.first, scan.end):
            cand.alias = cand.rest
    elif start != head_start:
        cand.alias = name_key(cand.name)
    found.append(cand)
    if scan.acronym:
        define(view, cand, scan, found, acronyms)
    return cand


def _take_brand(view: View, pos: int, found: list[Candidate]) -> None:
    """A brand after an introducer ("hãng Apple", "mạng xã hội Facebook"): up to four capitalised words."""
    if view.next_word(pos) is None:
        return
    scan = read_name(view, pos, None)
    if scan.parts and scan.all_title and scan.parts <= 4 and scan.end - scan.first > 1 and brand_like(
            view, scan.first, scan.end):
        name = clean_span(view, scan.first, scan.end)
        found.append(Candidate(view, scan.first, scan.end, name, alias=name_key(name)))


def _take_brand_suffixes(view: View, found: list[Candidate]) -> None:
    """Capitalised words ending in a brand suffix: "Vietcombank", "ABBank"."""
    for suffix in rules().brand_suffixes:
        pos = view.lower.find(suffix)
        while pos >= 0:
            end = pos + len(suffix)
            word = SYLLABLE_RE.match(view.norm, view.norm.rfind(" ", 0, pos) + 1)
            if word and word.end() == end and word.start() < pos and capitalised(word.group()):
                # "Vietcombank – Chi nhánh Đà Nẵng", "Agribank Hà Giang": the branch, one name; the bare
                # brand stays the bank's
                branch = branch_end(view, province_branch(view, end), read_name)
                alias = name_key(word.group()) if branch == end else ""
                found.append(Candidate(view, word.start(), branch, clean_span(view, word.start(), branch),
                                       alias=alias))
            pos = view.lower.find(suffix, end)


def _from_brands(view: View, found: list[Candidate]) -> None:
    """Outlets by their domain ("chinhphu.vn") and brands with a company word ("Toshiba Corp")."""
    found.extend(Candidate(view, s, e, view.text[s:e]) for s, e in domains(view))
    found.extend(Candidate(view, s, e, view.text[s:e], alias=name_key(view.norm[s:e]))
                 for s, e in officer_brands(view))  # "Chủ tịch EuroCham"
    for start, end, brand_end in suffixed_brands(view):
        alias = name_key(view.norm[start:brand_end]) if brand_like(view, start, brand_end) else ""
        found.append(Candidate(view, start, end, clean_span(view, start, end), alias=alias))


def _bare_forms(views: list[View], found: list[Candidate], acronyms: dict[str, Any]) -> None:
    """Later bare uses of a defined acronym or a learned brand ("EVN HCMC", "Hòa Phát"), and an acronym
    of a name's first words with the rest of the name after it ("UBKT Tỉnh ủy")."""
    for view in views:
        for acronym, entry in acronyms.items():
            # "UBKT Tỉnh ủy" for "Ủy ban Kiểm tra (UBKT) Tỉnh ủy"; not "KCN Nam Tân Uyên" after "Ban quản lý
            # các Khu công nghiệp (KCN)": the part an acronym spells must be a body's own head
            # nor "KH&CN thành phố" for "Khoa học và Công nghệ (KH&CN)": a head starting a common word
            head = rules().head_re.match(entry[1].lower()) if entry[0] == "part" else None
            rest = entry[1][head.end():].split() if head else []
            if head and not (rest and common_word_start(head.group(), rest[0])):
                _part_forms(view, acronym, found)
    forms = {c.alias: name_key(c.name) for c in reversed(found) if len(c.alias) > 2}
    for acronym, entry in acronyms.items():
        if entry[0] == "whole":
            forms[name_key(acronym)] = forms[name_key(acronym.replace(" ", ""))] = entry[1]
    for view in views:
        taken = [(c.start, c.end) for c in found if c.view is view]
        for form in forms:
            pos = view.lower.find(form)
            while pos >= 0:
                end = pos + len(form)
                before, after = view.norm[max(0, pos - 2):pos], view.norm[end:end + 2]
                alone = not before[-1:].isalnum() and not after[:1].isalnum() and not (
                    after[:1] == " " and capitalised(after[1:]))  # not the start of "Việt Nam"
                crossing = any(s < end and pos < e and not pos <= s < e <= end for s, e in taken)
                if alone and capitalised(view.norm[pos]) and not crossing:  # it may hold a shorter form
                    found.append(Candidate(view, pos, end, view.text[pos:end]))
                    taken.append((pos, end))
                pos = view.lower.find(form, end)


def _organ(cand: Candidate) -> bool:
    """The candidate was read after an organ's head ("Ban Kiểm soát")."""
    head = rules().heads.get(cand.head)
    return head is not None and head.organ


def _company(cand: Candidate) -> bool:
    """A company, bank or brand: named by a wrapper head ("Ngân hàng MB"), a brand or company word
    ("Toshiba Corp", "Vietcombank"); not a Party or State body, whose neighbours in a list are as often
    common nouns in capitals ("TCCSĐ, ĐV")."""
    head = rules().heads.get(cand.head)
    return bool(cand.alias or (head is not None and head.wrapper)
                or cand.name.lower().endswith(rules().brand_suffixes))


def _part_forms(view: View, acronym: str, found: list[Candidate]) -> None:
    """"UBKT Tỉnh ủy" after "Ủy ban Kiểm tra (UBKT) Tỉnh ủy": the acronym, then a name read as after a
    head (a closing head, an administrative word and place); "UBKT các cấp" names no body."""
    pos = view.norm.find(acronym)
    while pos >= 0:
        end = pos + len(acronym)
        alone = not view.norm[pos - 1:pos].isalnum() and not view.norm[end:end + 1].isalnum()
        inside = any(c.view is view and c.start <= pos < c.end for c in found)
        if alone and not inside:
            scan = read_name(view, end, None, capital_head=True)
            if scan.parts and scan.strong:
                found.append(Candidate(view, pos, scan.end, clean_span(view, pos, scan.end, scan.cuts),
                                       open_end=scan.open_end))
        pos = view.norm.find(acronym, end)


def _named_body_after(view: View, head_end: int, end: int) -> bool:
    """A named body read from `head_end` to `end`: a head and its own name ("Tập đoàn Dabaco"), or a
    name with no head ("VPBank", "HA Gia Lai"); not a bare head ("Công ty")."""
    after = view.next_word(head_end)
    if after is None or end <= after[0]:
        return False
    nested = head_at(view, after[0])
    return nested is None or view.norm[nested[0]:end].strip() != ""


def find(doc: ArticleDoc) -> list[Mention]:
    """ORG mentions in the title, body and captions of an article."""
    views = [View.of(s) for s in doc if not s.field.startswith(SKIPPED_FIELDS) and s.text.strip()]
    acronyms: dict[str, Any] = {}
    found: list[Candidate] = []
    for view in views:
        _from_terms(view, found, acronyms)
        take_colon_lists(view, found, acronyms)
        _from_brands(view, found)
        take_short_then_long(view, found, acronyms)
    _bare_forms(views, found, acronyms)
    found.extend(short_form_mentions(views, found))  # "Thủy điện Ialy" after "Công ty Thủy điện Ialy"
    found.extend(unit_short_mentions(views, found))  # "Hội nông dân xã" after "Hội nông dân xã Lê Lợi"
    for view in views:
        spans = [(c.start, c.end) for c in found if c.view is view]
        anchors = [(c.start, c.end) for c in found if c.view is view and _company(c)]
        found.extend(Candidate(view, s, e, view.text[s:e]) for s, e in coordinated(view, spans, anchors))
    # "(ĐCSVN) - Ngày 22/7 ...": the outlet's tag opening a lead names the page's outlet, no body it tells of
    found = [c for c in found if not outlet_tag(c.view, c.start, c.end)]
    group_keys(found, acronyms)
    organs = {c.key for c in found if c.long_form and not c.body and _organ(c)}  # "Ban Kiểm soát (BKS)"
    for cand in found:
        cand.body = cand.body and not (cand.acronym and cand.key in organs)  # nor is "BKS" a body
    foreign_national_bodies(doc, found)
    doc.cache["org_acronyms"] = acronyms
    seen: dict[tuple[str, int, int], Candidate] = {}
    for cand in found:  # one mention per span: the first reading (a head scan) wins
        seen.setdefault((cand.view.field, cand.start, cand.end), cand)
    return [Mention("ORG", c.start, c.end, c.view.text[c.start:c.end], c.view.field, {
        "name": c.name, "key": c.key, "acronym": c.acronym, "long_form": c.long_form, "open": c.open_end,
        "rest": c.rest, "entity": c.body}) for c in seen.values()]


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """One entry per organisation: its long name, acronym and every mention."""
    groups: dict[str, list[Mention]] = {}
    for mention in (m for m in mentions if m.attrs.get("entity", True)):
        key = mention.attrs.get("key") or name_key(mention.attrs.get("name", mention.text))
        groups.setdefault(key, []).append(mention)
    by_rest = {m.attrs["rest"]: key for key, ms in groups.items() for m in ms if m.attrs.get("rest")}
    target: dict[str, str] = {}  # a short form -> a longer name (so chains end)
    spelt_keys: dict[str, str] = {}  # a key -> its canonical spelling, acronyms expanded
    for key, ms in groups.items():
        if len(by_rest.get(key, "")) > len(key):
            target[key] = by_rest[key]  # "Hòa Phát" is "Tập đoàn Hòa Phát"
        elif all(m.attrs.get("open") for m in ms):  # "Đảng bộ Khối" is short for its long name
            # so too with its initials spelt out ("Hội CCB huyện": "Hội cựu chiến binh huyện Thanh Miện")
            spelt = _spelt(key, groups, spelt_keys)
            longer = [k for k in groups if k.startswith(key + " ") or (
                spelt != key and _spelt(k, groups, spelt_keys).startswith(spelt + " "))]
            if longer:
                target[key] = max(longer, key=lambda k: len(groups[k]))
    written = {key: {m.attrs.get("name", m.text) for m in ms}
               for key, ms in groups.items() if key not in target}
    for short, key in place_word_targets(written).items():
        target.setdefault(short, key)  # "Sở Y tế Quảng Nam" is "Sở Y tế tỉnh Quảng Nam"
    for short, key in unit_targets(written).items():
        target.setdefault(short, key)  # "BCH Đoàn xã" is "BCH Đoàn xã Xuân Tân"
    merged: dict[str, list[Mention]] = {key: [] for key in groups}
    for key in target:
        final = key
        while final in target:
            final = target[final]
        merged[final] += groups[key]
    # an acronym's long form as the article defines it, for a group its long form left only inside a
    # longer name ("Đảng bộ Tập đoàn Công nghiệp Cao su Việt Nam (VRG)": VRG is the Group)
    acronyms = doc.cache.get("org_acronyms", {})
    defined = {short: entry[2] for short, entry in acronyms.items() if entry[0] == "whole"}
    return [_entry(key, ms, merged[key], defined) for key, ms in groups.items() if key not in target]


def _spelt(key: str, groups: dict[str, list[Mention]], spelt_keys: dict[str, str]) -> str:
    """The group's name with the lexicon's initials spelt out, folded ("Hội CCB huyện" -> "hội cựu chiến
    binh huyện"), computed once per group."""
    if key not in spelt_keys:
        spelt_keys[key] = name_key(canonical_name(groups[key][0].attrs.get("name", groups[key][0].text)))
    return spelt_keys[key]


def _entry(key: str, own: list[Mention], merged: list[Mention], defined: dict[str, str]) -> dict[str, Any]:
    """The record entry of one group: the long form, else the listed name, else the most used form."""
    long_forms = [m.attrs["name"] for m in own if m.attrs.get("long_form")]
    if not long_forms and all(m.attrs.get("acronym") in defined for m in own):
        # only the acronym stands on its own: the spec names the body by the long form it abbreviates
        long_forms = [defined[own[0].attrs["acronym"]]]
    names = Counter(m.attrs["name"] for m in own if not m.attrs.get("acronym") or m.attrs.get("long_form"))
    names = names or Counter(m.attrs["name"] for m in own)
    canonical = rules().canonical
    if long_forms:
        name = long_forms[0]
    elif key in canonical and any(name_key(n) == key for n in names):
        # the listed spelling, unless the article writes the same letters with its own tone placement
        # ("Uỷ ban", "Hoà"): the record keeps the article's form, `canonical` the listed one
        written = [n for n in names if modern_tones(n) == modern_tones(canonical[key])]
        name = max(written, key=lambda n: names[n]) if written else canonical[key]
        # a listed body the article writes more often in a longer listed form keeps that form ("Ban Chấp
        # hành Trung ương Đảng" three times, "Ban Chấp hành Trung ương" twice): names are as written, and
        # the long form is the name (not "BĐBP", used more often than "Bộ đội Biên phòng")
        usual = max(names, key=lambda n: (names[n], -list(names).index(n)))
        name = usual if names[usual] > names.get(name, 0) and len(usual) > len(name) else name
    else:  # the form the group is keyed by ("Chi bộ trường TH X" over "chi bộ TH X"), then the most used
        name = max(names, key=lambda n: (name_key(n) == key, names[n], -list(names).index(n)))
    acronym = next((m.attrs["acronym"] for m in own if m.attrs.get("acronym")), None)
    every = sorted(own + merged, key=lambda m: (field_rank(m.field), m.start))
    return {
        "name": name,
        "acronym": acronym if acronym != name else None,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end, "field": m.field} for m in every],
    }


KIND = register_kind(KindSpec(
    label="ORG", field="organizations", noun="organisation", order=3, find=find, build=with_canonical(build),
    layer=1, rank=0, colour="#7aecec", rules="organizations",
    description="One row per article and distinct organisation.",
    columns=(
        Column("name", "TEXT", "the organisation's name (long form)"),
        Column("acronym", "TEXT", "the acronym the article defines for it, or null"),
        Column("mentions", "INTEGER", "how many times the article mentions it"),
        Column("canonical", "TEXT", "one name per body across articles: acronyms expanded, the place written "
                                    "in full and completed where the article makes it certain"),
    ),
    row=lambda o: (o.get("name"), o.get("acronym"), mention_count(o), o.get("canonical")),
    refs=refs_of_mentions("name"),
    indexes=("name", "canonical"), canonical="canonical",
    item_schema=named_item_schema(["name"], name={"type": "string"}, acronym=nullable("string"),
                                  canonical={"type": "string"}),
))
