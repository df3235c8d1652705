"""Documents named by their subject rather than their number (spec section 3, "or by name").

A plan, programme or scheme capitalised inside a sentence names one document when its subject runs
to a period ("Chương trình công tác năm 2023", "Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã
giai đoạn 2023-2025") or, for the titled types, when a capitalised title runs to the end of the
clause ("Đề án Đổi mới và nâng cao hiệu quả hoạt động Quỹ Hỗ trợ nông dân."). A plan named after
the document it carries out ("Chương trình hành động thực hiện Nghị quyết") is one too, and so are
documents known by name alone ("Quy chế bầu cử trong Đảng"). Lower case, sentence-initial and plural
mentions ("chương trình", "Các Chương trình mục tiêu quốc gia") name no document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import regex

from pipeline.extract.directive_grammar import (
    BARE_CONGRESS,
    DATE_NEXT,
    KHOA,
    KHOA_SEPARATOR,
    PERIOD,
    ROMAN,
    SENTENCE_END,
    WORD,
    YEAR,
    H,
    canonical_type,
    clean,
    match_at,
    roman_term,
    rules,
    time_words,
    type_entry,
)
from pipeline.extract.directive_issuers import issuer_at
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.text import casefold_words

MAX_WORDS = 14  # a subject longer than this without reaching its period is prose, not a name
MAX_PERIOD_WORDS = 24  # "... thiểu số và miền núi giai đoạn 2021-2030": a long subject its period closes
MAX_BODY_WORDS = 8  # "Hội Liên hiệp Phụ nữ Việt Nam": a body's name after a congress's number
MAX_UNIT_WORDS = 10  # "chi bộ cơ sở công ty tnhh xây dựng môi trường xanh": a unit's words before its term
OWNED_SUBJECT_WORDS = 4  # "làm việc", "tổ chức và hoạt động": a rule book's subject is short
OPENING = ".!?:;…(“\"\n"  # what comes before a sentence's (or a quotation's) first word
DASH_JOINED = regex.compile(r"[^\S\n]*[-–][^\S\n]*(?=\p{Ll})")  # "kinh tế - xã hội", "kinh tế-xã hội"
WORD_DASH = regex.compile(r"(?<=\p{L})\s*[-–]\s*(?=\p{L})")
AFTER_DASH = regex.compile(r"[^\S\n]*(\p{L}[\p{L}\d&]*)")
NUMBER_BEFORE = regex.compile(r"\d[\d.,]*\s*$")
TITLE_END = regex.compile(r"\s*(?:[.,;:)…]|$)")
SENTENCE_CLOSE = regex.compile(r"[^\S\n]*(?:[.;!?)]|$)")  # a clause's end; not a colon's lead-in ("như sau:")
CAPITAL_NEXT = regex.compile(r"[^\S\n]+\p{Lu}")  # "... đến năm 2030 Hậu Giang trở thành": no name's period
ABOUT = "về"  # "Quy định về nêu gương ...": what an `about_named` type's subject opens with
MIN_CLAUSE_WORDS = 3  # "Kế hoạch công tác." is any plan; a subject of three words or more names one
DELEGATES = regex.compile(r"[^\S\n]+(?i:đại[^\S\n]+biểu)(?![\p{L}])")
TERM = regex.compile(rf"{H}*,?{H}*(?:(?i:nhiệm{H}+kỳ){H}*(?P<years>\d{{4}}{H}*[-–]{H}*\d{{4}})|{KHOA})"
                     rf"(?![\p{{L}}\d])")
NEXT_TERM = regex.compile(rf"{H}+(?=(?i:và){H}+(?i:nhiệm{H}+kỳ))(?i:và)")  # "... và nhiệm kỳ 2020-2025"
# a month after a monthly type: "tháng 1", "tháng 10/2023", "tháng 3 năm 2021", then no more digits
MONTH = regex.compile(rf"{H}+(?i:tháng){H}+(?:1[0-2]|0?[1-9])(?:{H}*/{H}*{YEAR}|{H}+(?i:năm){H}+{YEAR})?"
                      rf"(?![\p{{L}}\d/.-])")
# a time adverbial opening the clause's next part: "Về Chương trình xây dựng nông thôn mới, đến tháng
# 7-2017, các xã ..." (the comma ends the name, as a sentence's end would)
TIME_AFTER_COMMA = regex.compile(rf",{H}*(?:(?i:tính){H}+)?(?:(?i:đến|từ|trong|sau|hết){H}+)?"
                                 rf"(?i:ngày|tháng|năm|quý){H}+\d")
# a period of several years closing a name ("giai đoạn 2021-2025", "đến năm 2025, định hướng đến năm
# 2030", "thời kỳ 2021 - 2030"): a state programme's, as an event runs in one year ("năm 2023")
YEARS_CLOSE = regex.compile(rf"(?:{YEAR}{H}*[-–]{H}*{YEAR}|(?i:đến){H}+(?:(?i:năm){H}+)?{YEAR})"
                            rf"(?![\p{{L}}\d])")
EDITION = regex.compile(ROMAN)  # the numeral of a document's edition ("điện VII", "điện VIII")
EDITION_END = regex.compile(r"[^\S\n]*(?:[.,;:!?)…]|$)")  # a title's end, a question's too
CLAUSE_NEXT = regex.compile(r"[^\S\n]+\p{Ll}|[^\S\n]*[,.;:)]|[^\S\n]*$")


class Named(NamedTuple):
    """A document found by name: its span, id and type."""

    start: int
    end: int  # the span leaves a closing period out: it is the dates extractor's
    id: str
    kind: str
    issuer: str | None = None  # the body a document is named with ("Quy chế làm việc của <issuer>")


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether pos is the first word of a sentence, a line or a quotation (capitalised anyway)."""
    before = text[max(0, pos - 10):pos].rstrip(" \t")
    return not before or before[-1] in OPENING


def plural_before(text: str, pos: int, counts: bool = True) -> bool:
    """Whether the words before a type make it many plans or any plan ("các", "mỗi", or with
    `counts` a number: "3"; "khâu đột phá thứ 3 Nghị quyết ..." is an ordinal of something else)."""
    before = text[max(0, pos - 20):pos]
    words = before.casefold().split()
    left = rules().words["plan_left_words"]
    return (counts and bool(NUMBER_BEFORE.search(before))) or (bool(words) and (
        words[-1] in left or " ".join(words[-2:]) in left))


def drafted(text: str, pos: int) -> bool:
    """Whether the words right before a type make it a draft ("dự thảo Kế hoạch ...", "dự thảo
    các Văn kiện ...": a plural word between them)."""
    words = text[max(0, pos - 30):pos].casefold().split()
    if words and words[-1] in rules().words["plan_left_words"]:
        words.pop()
    drafts = rules().words["draft_words"]
    return bool(words) and (words[-1] in drafts or " ".join(words[-2:]) in drafts)


def _in_body_name(text: str, pos: int) -> bool:
    """Whether a capitalised body head right before the type makes it part of a body's name ("Vụ
    Quy hoạch kiến trúc")."""
    words = text[max(0, pos - 20):pos].split()
    if not (words and words[-1][:1].isupper()):
        return False
    heads = rules().words["plan_body_heads"]
    return any(casefold_words(" ".join(words[-n:]), modern=True) in heads for n in (1, 2))


def _attached(text: str, pos: int, lexicon: str = "attached_plan_verbs") -> bool:
    """Whether the plan is what a document cited earlier in the clause issues (or, with the
    `title_plan_words` lexicon, what its title is about)."""
    rule = rules()
    clause = text[max(0, pos - 200):pos]
    ends = list(SENTENCE_END.finditer(clause))
    clause = clause[ends[-1].end():] if ends else clause
    words = clause.casefold().split()
    verbs = rule.words[lexicon]
    if not words or not (words[-1] in verbs or " ".join(words[-2:]) in verbs):
        return False
    return bool(rule.patterns["type"].search(clause[:len(clause) - len(words[-1])]))


def _subject(text: str, pos: int, titled: bool, clause_named: bool,
             capital: bool = False, about: bool = False) -> tuple[int, str, bool] | None:
    """End of a plan's subject, the subject as its id writes it (with its period, without the
    issuer written before that: "công tác của Huyện đoàn năm 2023" is "công tác năm 2023") and
    whether it ends at its period."""
    rule = rules()
    stops = rule.words["plan_name_stops"]
    names: list[str] = []
    end = pos
    clause: tuple[int, int] | None = None  # end and word count at a comma only a period shows is inside
    while len(names) < MAX_PERIOD_WORDS:
        period = match_at(PERIOD, text, end) if names else None
        if period and not match_at(CAPITAL_NEXT, text, period.end()):
            if names[-1].casefold() == "tháng" and period.group(0).strip()[:1].isdigit() and len(names) > 1:
                # "công tác tháng 10 năm 2023": the number is the month, the span leaves the month's
                # date to the dates extractor as it leaves a year's
                return text.rindex(names[-1], pos, end) - 1, text[pos:end] + period.group(0), True
            return end, text[pos:end] + period.group(0), True
        if names and (issuer := issuer_at(text, end)):
            if period := match_at(PERIOD, text, issuer[0]):  # the issuer between name and period
                return end, text[pos:end] + period.group(0), True
            if titled and 3 <= len(names) <= MAX_WORDS and names[0][0].isupper() and clause is None:
                # "Đề án Hệ tri thức Việt số hóa của Chính phủ": ends at its issuer
                return end, text[pos:end], False
            break
        if names and text.startswith(",", end):
            # "cấp huyện, cấp xã" and "phòng, chống" are inside; "tham nhũng, tiêu cực" if a period follows
            after = match_at(WORD, text, end + 1)
            if clause_named and after and clause is None and MIN_CLAUSE_WORDS <= len(names) <= MAX_WORDS \
                    and names[0][0].islower() and after.group(1)[0].isupper() \
                    and match_at(rule.patterns["type"], text, after.start(1)):
                # "Chương trình ... giảm nghèo bền vững, Chương trình ... nông thôn mới": a comma
                # coordinates two documents as "và" does, and ends the first one as its clause would
                # (a capitalised title ends at the comma by the titled types' own rule below)
                return _clause_name(text, pos, names)
            if clause_named and clause is None and MIN_CLAUSE_WORDS <= len(names) <= MAX_WORDS \
                    and names[0][0].islower() and match_at(TIME_AFTER_COMMA, text, end):
                return end, text[pos:end], False
            if match_at(TIME_AFTER_COMMA, text, end):
                break  # "Quy hoạch điện VIII, đến năm 2030 ...": the time opens the next clause, no period
            if not (after and after.group(1)[0].islower()):
                break
            if not (after.group(1).casefold() in {n.casefold() for n in names}
                    or match_at(rule.patterns["comma"], text, end)) and clause is None:
                clause = (end, len(names))
            end = end + 1
            continue
        dash = match_at(DASH_JOINED, text, end) if names else None
        word = match_at(AFTER_DASH, text, dash.end()) if dash else match_at(WORD, text, end)
        if not word or match_at(DATE_NEXT, text, end):
            break  # a date
        if names and word.group(1)[0].isupper() and match_at(rule.patterns["type"], text, word.start(1)):
            # another document ("... Nghị quyết"; a lower-case "điều lệ" is a noun): "Đề án A và Đề
            # án B" coordinates two names, so "và" ends the first one as its clause's end would
            if clause_named and names[-1] == "và" and clause is None and (
                    MIN_CLAUSE_WORDS < len(names) <= MAX_WORDS):
                return _clause_name(text, pos, names[:-1], titled)
            break
        token = word.group(1)
        following = match_at(WORD, text, word.end())
        if token == "và" and _new_predicate(names, text, word.end()):
            break  # "thực hiện Chương trình an sinh xã hội và phát động tháng cao điểm ...": a second act
        going_on = bool(following) and f"{token} {following.group(1)}".casefold() in rule.words[
            "plan_name_continuations"]  # "đơn vị hành chính các cấp": "các" without ending the name
        pair = f"{names[-1]} {token}".casefold() if names else ""
        if not going_on and (token.casefold() in stops or pair in stops):
            break
        if names and casefold_words(token) in time_words() and match_at(PERIOD, text, word.end()):
            break  # the period is when, not the name's: "Đề án ... của tỉnh Bình Định cuối năm 2025"
        if not names and token.casefold() in rule.words["name_stop_words"] and not (about and token == ABOUT):
            return None  # "Đề án và thực hiện ...": the plan named before, then a clause
        if not names and token[0].isupper() and not ((titled or capital) and token[1:].islower()):
            return None  # "Chương trình Xuân yêu thương": an event's name; "Kế hoạch UBND": no subject
        names.append(token)
        end = word.end()
    if len(names) > MAX_WORDS:
        return None  # a long subject names a plan only when its period closes it
    # no period: a lower-case subject that runs to its sentence's end ("thực hiện Chương trình mục
    # tiêu quốc gia giảm nghèo bền vững."), commas and all ("Đề án sắp xếp, tổ chức lại ...")
    if clause_named and len(names) >= MIN_CLAUSE_WORDS and names[0][0].islower() and match_at(
            SENTENCE_CLOSE, text, end):
        return end, text[pos:end], False
    edition = bool(names) and names[0][0].islower() and bool(EDITION.fullmatch(names[-1]))
    if clause_named and edition and EDITION_END.match(text, end):
        return end, text[pos:end], False  # "Quy hoạch điện VIII": a short subject its edition numeral closes
    # or a titled type with a capitalised title that runs to the clause's end
    end, count = clause or (end, len(names))
    if titled and count >= 3 and names[0][0].isupper() and TITLE_END.match(text, end):
        return end, text[pos:end], False
    return None


def _class_before(names: list[str]) -> str | None:
    """The usual class of the word the subject's last syllables make (its last two as one word when
    the corpus knows them so); a proper name ("tỉnh Bình Định") is a noun."""
    if names[-1][:1].isupper():
        return "noun"
    pair = word_class(" ".join(names[-2:])) if len(names) > 1 else None
    return pair or word_class(names[-1])


def _class_after(text: str, pos: int) -> str | None:
    """The usual class of the lower-case word at pos (its first two syllables as one word when the
    corpus knows them so)."""
    first = match_at(WORD, text, pos)
    if not first or not first.group(1).islower():
        return None
    second = match_at(WORD, text, first.end())
    pair = word_class(f"{first.group(1)} {second.group(1)}") if second else None
    return pair or word_class(first.group(1))


def _new_predicate(names: list[str], text: str, pos: int) -> bool:
    """Whether "và" before pos joins a new predicate to the clause rather than words to the
    subject: a verb follows it and the subject before it ends in a noun or adjective, its act
    complete ("an sinh xã hội và phát động ...", "giảm nghèo bền vững và triển khai ..."); two
    acts joined are one subject ("Đổi mới và nâng cao ...", "áp dụng và quản lý ...")."""
    return bool(names) and _class_before(names) in ("noun", "adj") and _class_after(text, pos) == "verb"


def _clause_name(text: str, pos: int, names: list[str], titled: bool = False) -> tuple[int, str, bool] | None:
    """The subject made of names, which ends where the clause does, if it starts in lower case (or,
    for a titled type, with its title's capital: "Đề án Đổi mới ... Quỹ Hỗ trợ nông dân và ...")."""
    if not (names[0][0].islower() or (titled and names[0][1:].islower())):
        return None
    end = pos
    for name in names:
        end = text.index(name, end) + len(name)
    return end, text[pos:end], False


def plan_at(text: str, pos: int) -> Named | None:
    """A plan, programme or scheme named by its subject, starting at a type word."""
    rule = rules()
    match = match_at(rule.patterns["type"], text, pos)
    written = match.group("type") if match else ""
    doc_type = type_entry(written)
    named_case = written[:1].isupper() or doc_type.get("any_case")
    if not (doc_type.get("subject") and named_case) or _opens_sentence(text, pos) or plural_before(
            text, pos) or _in_body_name(text, pos):
        return None
    if carried := match_at(rule.patterns["plan_carried"], text, pos):
        return Named(pos, carried.end(), clean(carried.group(0)), canonical_type(carried.group("type")))
    spanned = bool(doc_type.get("span_capital_subject"))
    subject = _subject(text, match.end(), bool(doc_type.get("titled")), bool(doc_type.get("clause_named")),
                       bool(doc_type.get("capital_subject")) or spanned, bool(doc_type.get("about_named")))
    if subject is None or _attached(text, pos):
        return None
    if spanned and not doc_type.get("capital_subject") and subject[1].lstrip()[:1].isupper() and not (
            subject[2] and YEARS_CLOSE.search(subject[1])):
        return None  # "Chương trình Xuân yêu thương năm 2023": a capitalised name of one year is an event's
    if not subject[2] and _attached(text, pos, "title_plan_words"):
        return None  # a plan without its period in another document's title is that document's subject
    kind = canonical_type(written)
    return Named(pos, subject[0], f"{kind} {_one_spelling(subject[1])}", kind)


def _one_spelling(subject: str) -> str:
    """A plan's subject written one way: its first word in lower case unless a proper name ("Đổi
    mới và ..." is "đổi mới và ..."), dashes between words spaced one way ("kinh tế-xã hội" is
    "kinh tế - xã hội"); a period of years stays as written ("thời kỳ 2021 - 2030"), as the
    annotated pages keep it."""
    subject = WORD_DASH.sub(" - ", clean(subject))
    first, _, rest = subject.partition(" ")
    first_key = casefold_words(first, modern=True)
    if first[1:].islower() and not any(name.startswith(first_key) for name in rules().name_case):
        first = first.lower()
    return f"{first} {rest}".strip()


def monthly_at(text: str, pos: int) -> Named | None:
    """A `monthly` type's document named by its month ("Nghị quyết tháng 1"), capitalised, not plural."""
    match = match_at(rules().patterns["type"], text, pos)
    written = match.group("type") if match else ""
    if not (match and written[0].isupper() and type_entry(written).get("monthly")):
        return None
    if plural_before(text, pos):
        return None
    if not (month := match_at(MONTH, text, match.end())):
        return None
    kind = canonical_type(written)
    return Named(pos, match.end(), f"{kind} {clean(month.group(0))}", kind)  # the month is the dates'


def owned_name_at(text: str, pos: int) -> Named | None:
    """A document named by its subject and the body it belongs to ("Quy chế làm việc của Ủy ban Kiểm
    tra Trung ương khóa XII"): a capitalised `owned` type, a short lower-case subject, "của" and a
    known issuer, then perhaps its term. The issuer stays in the id: every committee has its own."""
    rule = rules()
    match = match_at(rule.patterns["type"], text, pos)
    written = match.group("type") if match else ""
    if not (match and type_entry(written).get("owned")
            and written[0].isupper()) or _opens_sentence(text, pos) or plural_before(text, pos):
        return None
    if _attached(text, pos):
        return None  # "Tờ trình về việc ban hành Quy chế làm việc của HĐND": what the cited document issues
    words: list[str] = []
    end = match.end()
    while len(words) < OWNED_SUBJECT_WORDS and (word := match_at(WORD, text, end)):
        token = word.group(1)
        following = match_at(WORD, text, word.end())
        pair = f"{token} {following.group(1)}".casefold() if following else ""
        stops = rule.words["name_stop_words"]
        if not token.islower() or token.casefold() in stops or pair in stops:
            break  # "Quy chế tuyển sinh hiện hành của Bộ": a clause, not the name
        words.append(token)
        end = word.end()
    issuer = issuer_at(text, end) if words else None
    if issuer is None:
        return None
    end, owner = issuer
    said = ""
    if term := match_at(TERM, text, end):
        said, end = f" {_term_said(term)}", term.end()
    kind = canonical_type(written)
    return Named(pos, end, f"{kind} {' '.join(words)} của {owner}{said}", kind, owner)


def _term_said(term: regex.Match[str]) -> str:
    """A term as an id writes it: its years as written ("nhiệm kỳ 2017 - 2020", as a plan's period
    is), or its Roman numbers ("khóa XII", "khóa 12" too)."""
    if term.group("years"):
        return f"nhiệm kỳ {clean(term.group('years'))}"
    return "khóa " + ", ".join(roman_term(t) for t in regex.split(KHOA_SEPARATOR, term.group("khoa")))


def known_name_at(text: str, pos: int) -> Named | None:
    """A document known by name alone ("Quy chế bầu cử trong Đảng"), not plural ("các ..."): its type
    word in either case ("theo Điều lệ Đảng, quy chế bầu cử trong Đảng"), as "điều lệ Đảng" is, when
    the words after it are written as the name writes them (its proper nouns capitalised)."""
    rule = rules()
    match = match_at(rule.patterns["named_documents"], text, pos)
    if not match or plural_before(text, pos):
        return None
    written = casefold_words(match.group("name"), modern=True)
    entry = next(x for x in rule.data["named_documents"] if casefold_words(x["term"], modern=True) == written)
    rest = len(entry["kind"].split())  # the words after the type word
    if not text[pos].isupper() and match.group("name").split()[rest:] != entry["term"].split()[rest:]:
        return None  # "góp ý vào quy chế bầu cử trong đảng": the words, not the name
    return Named(pos, match.end(), entry["term"], entry["kind"])


def _termed_names(text: str, pos: int, end: int) -> list[str]:
    """The resolution's names, one per term written after its body ("... nhiệm kỳ 2015-2020 và
    nhiệm kỳ 2020-2025"), none without a term."""
    names, at = [], end
    while term := match_at(TERM, text, at):
        names.append(clean(f"{text[pos:end]} {_term_said(term)}"))
        at = joined.end() if (joined := match_at(NEXT_TERM, text, term.end())) else len(text)
    return names


def _lower_unit_end(text: str, pos: int) -> int | None:
    """Where a grassroots unit written in lower case ends at its term ("nghị quyết Đại hội chi đoàn
    nhiệm kì 2009 – 2010", "... chi bộ cơ sở công ty ... nhiệm kỳ 2015 – 2020"): its words have no
    capital to show where they end, so only a term right after them names the one congress."""
    unit = match_at(rules().patterns["lower_units"], text, pos)
    if not unit:
        return None
    end, words = unit.end(), 0
    while not match_at(TERM, text, end) and words < MAX_UNIT_WORDS and (word := match_at(WORD, text, end)):
        end, words = word.end(), words + 1
    term = match_at(TERM, text, end)
    return end if term and "," not in term.group(0) else None  # "chi bộ đề ra trong năm, nhiệm kỳ ...": prose


# whether a lower-case word goes on a body's name (text, the word, the name's words so far, whether
# the word before was capitalised): the word the name then reaches, or None where the name ends
LowerWord = Callable[[str, "regex.Match[str]", list[str], bool], "regex.Match[str] | None"]


def _body_name(
    text: str, end: int, lower_word: LowerWord, max_words: int | None = None
) -> tuple[int, list[str]]:
    """End and words of a body's name from `end` ("Đảng bộ xã Tân Lập", "Hội Nông dân tỉnh", "Công
    đoàn Việt Nam"): capitalised words, and the lower-case ones `lower_word` keeps; up to a term, a
    period, or "và" before a second document."""
    words: list[str] = []
    capital, last_joined = False, 0
    while (max_words is None or len(words) < max_words) and (word := match_at(WORD, text, end)):
        if match_at(TERM, text, end) or match_at(PERIOD, text, end):
            break  # "... TP Cần Thơ nhiệm kỳ 2020-2025": the body's name ends at its term
        if last_joined and match_at(rules().patterns["type"], text, word.start(1)):
            # "... Đoàn toàn quốc và Nghị quyết Đại hội Đoàn cấp tỉnh": "và" joins a second
            # document, not two words of the body's name ("Sở Kế hoạch và Đầu tư")
            words.pop()
            end = last_joined
            break
        token = word.group(1)
        last_joined = end if token == "và" else 0
        if not token[0].isupper() and not (word := lower_word(text, word, words, capital)):
            break
        capital = token[0].isupper()
        words.append(token)
        end = word.end()
    return end, words


def _lower_in_congress_body(
    text: str, word: regex.Match[str], words: list[str], capital: bool
) -> regex.Match[str] | None:
    """A lower-case word of a body's name after "Đại hội": a joiner (two words at once: "thành phố",
    "toàn quốc"), or one syllable after a capitalised word that is no stop word ("Đảng bộ tỉnh", "Hội
    Nông dân")."""
    rule = rules()
    joiners = rule.words["issuer_joiners"] | rule.words["congress_body_words"]
    token = word.group(1)
    following = match_at(WORD, text, word.end())
    if words and following and f"{token} {following.group(1)}".casefold() in joiners:
        return following
    after_capital = capital and token.islower() and token.casefold() not in rule.words["name_stop_words"]
    return word if words and (token.casefold() in joiners or after_capital) else None


def _lower_after_number(
    text: str, word: regex.Match[str], words: list[str], capital: bool
) -> regex.Match[str] | None:
    """A lower-case word of a body's name after a congress's number: a compound noun's syllable
    ("chiến binh"), a syllable after a capitalised word that is no verb's or function word's ("đoàn",
    not "đề ra"), or a joiner other than "và"."""
    rule = rules()
    joiners = (rule.words["issuer_joiners"] | rule.words["congress_body_words"]) - {"và"}
    token = word.group(1)
    following = match_at(WORD, text, word.end())
    compound = bool(words) and word_class(f"{words[-1].lower()} {token}") == "noun"  # "chiến binh"
    pair = word_class(f"{token} {following.group(1)}") if following else None
    after_capital = capital and (pair or word_class(token)) not in ENDS_A_NAME  # "đoàn", not "đề ra"
    return word if compound or after_capital or token.casefold() in joiners else None


def body_after_number(text: str, end: int) -> int | None:
    """End of another body's name right after a congress's number ("Nghị quyết Đại hội XII Công đoàn
    Việt Nam", "Đại hội lần thứ VI Hội Cựu chiến binh Việt Nam"): that body's congress, not the Party's,
    whose number the same words would otherwise name. Only a body that holds congresses opens it
    (`congress_body_heads`): "... Đại hội XIII Ban Chấp hành Trung ương đã ban hành" starts a clause,
    and so does a council ("Hội đồng nhân dân tỉnh"), an issuer head longer than the congress head."""
    rule = rules()
    head = match_at(rule.patterns["congress_body_head"], text, end)
    if not head:
        return None
    written = head.group(0).lstrip()
    start = head.end() - len(written)
    if any(text.startswith(longer, start) and longer.startswith(f"{written} ")
           for longer in (h["term"] for h in rule.data["issuer_heads"])):
        return None
    end, words = _body_name(text, end, _lower_after_number, MAX_BODY_WORDS)
    return end if words else None


def congress_body_at(text: str, pos: int) -> tuple[int, list[str], bool] | None:
    """A congress resolution named by its body and perhaps its term, without the congress's number
    ("Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020-2025", "Nghị quyết Đại hội Hội Nông dân tỉnh"):
    end, the names (with the term, as it tells which congress; one per term of "nhiệm kỳ 2015-2020
    và nhiệm kỳ 2020-2025") and whether a term was written."""
    opening = match_at(BARE_CONGRESS, text, pos)
    if not opening:
        return None
    body = end = delegates.end() if (delegates := match_at(DELEGATES, text, opening.end())) else opening.end()
    if (unit_end := _lower_unit_end(text, end)) is not None:
        return unit_end, _termed_names(text, pos, unit_end), True
    end, words = _body_name(text, end, _lower_in_congress_body)
    if not (words or match_at(TERM, text, end)) or (words and not text[body:end].strip()[0].isupper()):
        return None  # no body's name; but a term alone names the article's own congress ("nghị quyết
        # Đại hội nhiệm kỳ 2020–2025" at the congress that closes it)
    if names := _termed_names(text, pos, end):
        return end, names, True  # the terms stay out of the span: dates
    return (end, [clean(text[pos:end])], False) if match_at(CLAUSE_NEXT, text, end) else None
