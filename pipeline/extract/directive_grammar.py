"""Directive grammar: the rule file compiled, the reference patterns, canonical types and names.

A coded symbol's canonical form (Party or State order, codes respelled and unglued) is in
`directive_symbols`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

from pipeline.datetime_parse import date_rules
from pipeline.extract.gazetteer import location_rules
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, casefold_words, tone_variants, unlike_a_syllable

PLAIN_LEXICONS = ("letter_issuers", "issuer_bodies", "issuer_joiners", "count_words", "document_next_words",
                  "name_stop_words", "name_capital_stops", "name_comma_continuations", "law_names",
                  "law_name_blocklist", "law_left_blocklist", "plan_types", "alias_markers",
                  "issuing_verbs", "name_case", "generic_types", "document_prev_words", "plan_left_words",
                  "plan_name_stops", "plan_name_continuations", "attached_plan_verbs", "title_plan_words",
                  "congress_body_words", "law_lower_blocklist", "plan_body_heads", "draft_words",
                  "issuer_compounds", "party_body_words", "file_extensions",
                  "lower_congress_units", "national_congress_words",
                  "national_congress_owners", "state_names", "congress_body_heads", "national_name_ends")
_FLAG, _TEXT, _LIST = {"type": "boolean"}, {"type": "string"}, {"type": "array", "items": {"type": "string"}}
SCHEMA = strict_object({
    **{name: lexicon_schema() for name in PLAIN_LEXICONS},
    "types": lexicon_schema({"abbr": _LIST, "party_abbr": _LIST, "list_abbr": _LIST, "ambiguous": _FLAG,
                             "titled": _FLAG, "named": _FLAG, "subject": _FLAG, "clause_named": _FLAG,
                             "capital_subject": _FLAG, "span_capital_subject": _FLAG, "owned": _FLAG,
                             "year_named": _FLAG,
                             "lower_named": _FLAG, "about_named": _FLAG, "any_case": _FLAG,
                             "monthly": _FLAG}),
    "named_documents": lexicon_schema({"kind": _TEXT}, required=["kind"]),
    "congress_documents": lexicon_schema({"capitalised": _FLAG}),
    "name_aliases": lexicon_schema({"id": _TEXT, "one_edition": _FLAG}, required=["id"]),
    "party_issuers": lexicon_schema({"canonical": _TEXT, "name": _TEXT, "implied": _FLAG}),
    "party_boards": lexicon_schema({"canonical": _TEXT, "name": _TEXT}),
    "issuer_codes": lexicon_schema({"body": _TEXT, "prefix": _FLAG, "canonical": _TEXT}),
    "issuer_heads": lexicon_schema({"alone": _FLAG}),
})

H = r"[^\S\n]"  # horizontal space: a reference never runs across a line break
ROMAN = r"[IVXL]+(?![\p{L}\d])"
ORDINAL = rf"(?:{ROMAN}|\d{{1,2}}(?![\p{{L}}\d]))"
# Codes are upper case; a few official ones hold lower-case letters ("TTg", "QĐi", "GDTrH").
# "T.Ư" and "T.W" are the Party centre written with a dot ("35-CT/T.Ư"): one code, not "T".
# A town committee's "ThU" is also written "Thu" ("433/QĐ-Thu"), after another code only.
CODE = (r"(?:TTg|QĐi|CTr|TTr|T\.Ư|T\.W|(?<=\p{Lu}[^\S\n]?[-/–][^\S\n]?)Thu(?![\p{L}\d])"
        r"|\p{Lu}(?:[\p{Lu}\d&]|\p{Ll}{1,2}(?=[\p{Lu}\d]))*)")
SEP = rf"{H}?[-/–]{H}?"
# a National Assembly code takes the legislature's number (the 10th to the 19th), which pages also
# write apart ("819/NQ-UBTVQH 14" is 819/NQ-UBTVQH14), if what follows cannot make it a count
# ("Nghị quyết 30/NQ-QH 14 đại biểu ...")
LEGISLATURE = (rf"(?:(?<=QH){H}(?P<legislature>1\d)"
               rf"(?={H}*(?:[,;:)]|\.(?!\d)|$)|{H}+(?:về|của|ngày)(?![\p{{L}}])))?")
# a letterhead pads its number ("Số:  26  -CTr/TWĐTN-VP", the blanks a form left for it): more than
# one space may stand between the number and its codes
NUMBER_SEP = rf"{H}{{0,3}}[-/–]{H}?"
# the slash before a State symbol's year may be spaced as its other separators are ("116/ 2020/NĐ-CP",
# as pages spacing "15/ 12/ 2021" write it): the number stays the document's, not the year
# a document number may carry one lower-case letter ("Nghị quyết số 30a/2008/NQ-CP" on the poorest
# districts, "30c/NQ-CP" on administrative reform): one more document of the series, not a word
NUM = r"\d{1,5}(?:[a-z](?![\p{L}\d]))?"
SYMBOL = regex.compile(rf"(?<![\p{{L}}\d/.,-])(?P<num>{NUM})(?:{H}?/{H}?(?P<year>(?:19|20)\d{{2}}))?"
                       rf"{NUMBER_SEP}(?P<codes>{CODE}(?:{SEP}{CODE})*){LEGISLATURE}")
# a symbol with its number glued to its type code or set off by a space, not a dash ("Kế hoạch số
# 09KH/ĐTN", "Nghị quyết số 57 NQ/TW"), or with dashes for slashes around its year ("18-2019-TT-BGDĐT",
# as file names write it): the finder takes one only after its type word, the code its abbreviation
LOOSE_SYMBOL = regex.compile(rf"(?<![\p{{L}}\d/.,-])(?P<num>\d{{1,5}})(?:-(?P<year>(?:19|20)\d{{2}})-|{H}?)"
                             rf"(?P<codes>{CODE}(?:{SEP}{CODE})+){LEGISLATURE}")
# a symbol typed in lower case ("Chỉ thị số 05-ct/tw", "Công văn số 235/snv-ccvc", "116/2020/nđ - CP"),
# or with codes typed capital-then-lower ("Chương trình số 06-Ctr/TU", "Quyết định số 1496/Qđ-UBND"):
# the finder takes one only right after a type word ("số" between), with a code the rules know
LOWER_CODE = r"\p{Ll}(?:[\p{Ll}\d&]|\.\p{Ll})*"
MIXED_CODE = r"\p{Lu}\p{Ll}[\p{L}\d&]*"
LOWER_SYMBOL = regex.compile(rf"(?<![\p{{L}}\d/.,-])(?P<num>\d{{1,5}})"
                             rf"(?:{H}?/{H}?(?P<year>(?:19|20)\d{{2}}))?"
                             rf"{NUMBER_SEP}(?P<codes>(?:{LOWER_CODE}|{MIXED_CODE})"
                             rf"(?:{SEP}(?:{LOWER_CODE}|{MIXED_CODE}|{CODE}))*)"
                             rf"(?P<legislature>)"
                             rf"(?![\p{{L}}\d])")
NUMBER = (rf"(?P<num>{NUM})(?:(?P<ysep>[/-])(?P<year>(?:19|20)\d{{2}}))?"
          rf"(?![\p{{L}}\d+%]|[.,]\d|{SEP}[\p{{L}}\d])")
# a numbered programme's phase, a document of its own ("Chương trình 135 giai đoạn II")
PHASE = regex.compile(rf"{H}+(?i:giai{H}+đoạn){H}+(?P<phase>[IVX]{{1,4}})(?![\p{{L}}\d])")
# terms listed after one "khóa" or each after its own: "khóa XI, XII", "khóa XI, khóa XII"
KHOA_SEPARATOR = rf"{H}*(?:,|và){H}*(?:(?i:khóa|khoá){H}+)?"
# a term in Roman numerals, or Arabic as some pages write it ("khóa 12" is khóa XII: `roman_term`)
TERM_NUMBER = rf"(?:{ROMAN}|\d{{1,2}}(?![\p{{L}}\d]))"
KHOA = rf"(?i:khóa|khoá){H}+(?P<khoa>{TERM_NUMBER}(?:{KHOA_SEPARATOR}{TERM_NUMBER})*)"
RESOLUTION = rf"(?i:nghị{H}+quyết){H}+"
ORDINAL_WORD = (rf"(?i:mười(?:{H}+(?:một|hai|ba|bốn|lăm|năm))?|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)"
                rf"(?![\p{{L}}])")
# "Nghị quyết Trung ương 4 (khóa XII)" (the term also after a comma or a dash: "Trung ương 4 - khóa
# XII"), "Nghị quyết (của) Hội nghị lần thứ tư Ban Chấp hành Trung
# ương khóa XII"; the plenum's committee may follow "của" and be written short ("lần thứ 7 của BCH
# TW Đảng khóa X"), but a mass organisation's central committee is another's ("... Trung ương Hội
# Nông dân Việt Nam")
PLENUM_COMMITTEE = (rf"{H}+(?:(?i:của){H}+)?(?:(?i:ban{H}+chấp{H}+hành)|BCH){H}+"
                    rf"(?:(?i:trung{H}+ương)|TW|TƯ|T\.Ư)(?:{H}+(?i:đảng)(?:{H}+Cộng{H}+sản{H}+Việt{H}+Nam)?)?(?!{H}+(?!(?i:khóa|khoá|đảng))\p{{Lu}})")
# the plenum's number after "lần thứ", or after "lần" alone ("Hội nghị lần sáu Ban Chấp hành Trung ương")
PLENUM_NUMBER = rf"(?i:lần(?:{H}+thứ)?){H}+(?P<n>{ORDINAL}|{ORDINAL_WORD})"
# a plenum named by its number and term alone, the committee left out ("NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ
# NĂM (KHÓA XIII)", "Nghị quyết Hội nghị lần thứ 6, khóa XII"): only with "Hội nghị" before the number
# and the term right after it, as no other body's conference is cited by a term this way
TERM_NEXT = rf"(?={H}*\({H}*(?i:khóa|khoá){H}|,?{H}+(?i:khóa|khoá){H}|{H}*[-–]{H}*(?i:khóa|khoá){H})"
CENTRAL = regex.compile(
    rf"{RESOLUTION}(?:(?P<plenary>(?:(?i:của){H}+)?(?i:hội{H}+nghị){H}+))?(?:{PLENUM_NUMBER}"
    rf"(?:{PLENUM_COMMITTEE}|(?(plenary){TERM_NEXT}|(?!)))"
    rf"|(?:(?i:ban{H}+chấp{H}+hành){H}+)?(?i:trung{H}+ương)(?:{H}+(?i:đảng))?"
    rf"(?:{H}+{PLENUM_NUMBER}|{H}+(?P<n>{ORDINAL}))"
    rf"|(?P<abbr>T\.?[WƯ]){H}*(?P<n>{ORDINAL}))"  # "Nghị quyết TW4", "Nghị quyết T.Ư 4"
    rf"(?P<named>)(?:{H}*\({H}*{KHOA}{H}*\)|,?{H}+{KHOA}|{H}*[-–]{H}*{KHOA})?")
# the words of a Party organisation's body after "của Đảng bộ": a level, or a unit whose head runs
# into a lower-case syllable ("Công ty", "Bệnh viện", "Học viện", "Ngân hàng"), or a capitalised word
BODY_WORDS = (rf"(?:{H}+(?:(?i:thành{H}+phố|thị{H}+xã|cơ{H}+quan|doanh{H}+nghiệp|trung{H}+ương|tỉnh|huyện"
              rf"|quận|xã|phường|khối|các|công{H}+ty|bệnh{H}+viện|học{H}+viện|ngân{H}+hàng)(?![\p{{L}}])"
              rf"|\p{{Lu}}[\p{{L}}]*)){{0,8}}")
# the Party's body after a congress's number in a headline's capitals or in title case ("NGHỊ QUYẾT
# ĐẠI HỘI XIX ĐẢNG BỘ TỈNH", "Nghị Quyết Đại Hội XIX Đảng Bộ Tỉnh"): the province's congress, not the
# national one of that number. Every word there is capitalised, so none shows where the body's name
# ends: only its level is taken
CASED_PARTY_BODY = (rf"(?:ĐẢNG{H}+BỘ|Đảng{H}+Bộ)"
                    rf"(?:{H}+(?i:thị{H}+xã|tỉnh|huyện|quận|xã|phường)(?![\p{{L}}]))?")
# a word of a congress's body: not a second resolution ("Nghị quyết Đại hội Đoàn các cấp và Nghị
# quyết Đại hội Hội LHPN xã lần thứ X" names two) nor every level's congresses ("các cấp")
BODY_WORD = rf"(?:{H}+(?!(?i:nghị{H}+quyết|các{H}+cấp)(?![\p{{L}}]))[\p{{L}}]+|{H}+-)"
# a congress's number after "lần thứ" may be a word: "Đại hội Đảng bộ xã lần thứ nhất" (the first
# congresses of the communes formed in 2025); a bare word is no number ("Đại hội năm 2020"). After
# "lần" alone only a numeral is ("Đại hội Đảng toàn quốc lần XIII"): "lần này", "lần năm ..." are prose
CONGRESS_NUMBER = rf"(?i:lần){H}+(?:(?i:thứ){H}+(?:{ORDINAL}|{ORDINAL_WORD})|{ORDINAL})"
CONGRESS_NAME = (
    rf"(?:(?i:đại{H}+hội)(?:{H}+(?i:đại{H}+biểu))?(?:{H}+(?i:đảng))?(?:{H}+(?i:toàn{H}+quốc))?"
    rf"{H}+(?:{CONGRESS_NUMBER}|{ORDINAL})"
    rf"|(?:(?i:đại{H}+hội){H}+)?(?:(?i:đại{H}+biểu){H}+)?Đảng{BODY_WORD}{{1,10}}?"
    rf"{H}+{CONGRESS_NUMBER}"
    # a Party unit in lower case, named by its congress's number alone: "Nghị quyết của chi bộ lần
    # thứ V", "nghị quyết của đảng bộ trường lần thứ III" (a school's or a ward's own unit)
    rf"|(?i:chi{H}+bộ|đảng{H}+bộ){BODY_WORD}{{0,10}}?{H}+{CONGRESS_NUMBER}"
    # the Party's body in lower case after "đại hội": "nghị quyết đại hội đảng bộ tỉnh lần thứ XX"
    rf"|(?i:đại{H}+hội)(?:{H}+(?i:đại{H}+biểu))?{H}+(?i:đảng){BODY_WORD}{{1,10}}?{H}+{CONGRESS_NUMBER}"
    # any other body's congress: "Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII"
    rf"|(?i:đại{H}+hội)(?:{H}+(?i:đại{H}+biểu))?{H}+\p{{Lu}}[\p{{L}}]*{BODY_WORD}{{0,10}}?"
    rf"{H}+{CONGRESS_NUMBER}"
    # a mass organisation's national congress, its people in lower case as the press writes them
    # ("Nghị quyết Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII"): its own name, not a bare congress
    rf"|(?i:đại{H}+hội){H}+(?i:đại{H}+biểu)(?:{H}+(?!(?:các|và)(?![\p{{L}}]))\p{{Ll}}+){{1,3}}?"
    rf"{H}+(?i:toàn{H}+quốc){H}+{CONGRESS_NUMBER})"
    rf"(?:{H}+(?i:của){H}+(?i:đảng)(?!{H}*(?i:bộ))|{H}+(?:(?i:của){H}+)?Đảng{H}+bộ{BODY_WORDS}"
    rf"|{H}+(?:(?i:của){H}+)?{CASED_PARTY_BODY})?")
# one more congress listed after the first without its "Nghị quyết" ("Nghị quyết Đại hội Đảng bộ
# tỉnh lần thứ XX, Đại hội Đảng bộ huyện lần thứ XXIV"): the second congress's resolution
NEXT_CONGRESS = regex.compile(rf"(?:{H}*,{H}*|{H}+và{H}+)(?P<name>(?=Đại{H}+hội){CONGRESS_NAME})")
# "Nghị quyết Đại hội" with no body or term: the congress the article is about, or the one it
# names elsewhere; "Nghị quyết Đại hội Đoàn ... các cấp" is every congress, no one document. The
# capital of "Đại" names the congress, so the type word may be lower case mid-sentence ("thực hiện
# nghị quyết Đại hội nhiệm kỳ 2020–2025") and "Hội" capitalised ("Nghị quyết Đại Hội Chi bộ ...")
BARE_CONGRESS = regex.compile(rf"{RESOLUTION}Đại{H}+(?i:hội)(?![\p{{L}}])")
USUAL_CONGRESS = regex.compile(rf"Nghị{H}+quyết{H}+Đại{H}+hội(?![\p{{L}}])")  # its usual spelling
BARE_END = regex.compile(rf"{H}+\p{{Ll}}|{H}*[^\p{{L}}\d\s]|{H}*$")  # no body's name follows
EVERY_CONGRESS = regex.compile(rf"(?:{H}+[\p{{L}}]+){{0,8}}?{H}+(?i:các{H}+cấp)(?![\p{{L}}])")
# the period that ends a plan's name: "năm 2023", "giai đoạn 2021-2025, tầm nhìn đến năm 2030",
# "thời kỳ 2021 - 2030, tầm nhìn đến năm 2050" (a master plan's), a school year ("Kế hoạch giáo dục
# năm học 2022-2023": the education sector plans by it as offices plan by the calendar year); a
# plan's length may stand before its period as before its years ("Kế hoạch phát triển kinh tế - xã
# hội 5 năm giai đoạn 2021 - 2025", as "... 5 năm 2021-2025")
YEAR = r"(?:19|20)\d{2}"
PERIOD = regex.compile(
    rf"{H}+(?:\d{{1,2}}{H}+(?:(?i:năm){H}+(?=(?i:giai{H}+đoạn|thời{H}+kỳ){H}))?)?(?i:giai{H}+đoạn|thời{H}+kỳ|nhiệm{H}+kỳ|đến(?:{H}+năm)?|năm{H}+học|năm){H}+{YEAR}"
    rf"(?:{H}*[-–]{H}*{YEAR})?"
    rf"(?:{H}*,?{H}*(?i:tầm{H}+nhìn|định{H}+hướng){H}+(?i:đến){H}+(?:(?i:năm){H}+)?{YEAR})?(?![\p{{L}}\d/])")
# "Quyết định số 217 và 218", "Nghị quyết 21, 22": more documents of the type just named
# ... each perhaps with its subject in brackets ("Nghị quyết 66 (về pháp luật), 57 (về khoa học ...)")
NEXT_NUMBER = regex.compile(rf"(?:{H}*\([^()\n]{{1,100}}\))?(?:{H}*,{H}*|{H}+và{H}+)(?:(?i:số){H}*)?{NUMBER}")
WORD = regex.compile(rf"{H}+([\p{{L}}][\p{{L}}\d&]*(?:\.\p{{Lu}}+)?)")
ISSUER_WORD = regex.compile(rf"{H}+(\p{{Lu}}[\p{{L}}\d]*(?:[-&.]\p{{Lu}}[\p{{L}}\d&]*)*|\p{{Ll}}+|-|&)")
# a law's year, "năm" before it in any case: a headline writes "LUẬT ĐẦU TƯ NĂM 2014"
YEAR_AFTER = regex.compile(rf"{H}+(?:(?P<nam>(?i:năm)){H}+)?(?P<year>(?:19|20)\d{{2}})(?![\p{{L}}\d/-])")
AMENDED_AFTER = regex.compile(rf"{H}*\({H}*(?P<what>sửa{H}+đổi(?:,{H}*bổ{H}+sung)?){H}*\)")
# where a name runs into its date: "Luật Tổ chức chính quyền địa phương ngày 19/6/2015"
DATE_NEXT = regex.compile(rf",?{H}*\(?{H}*(?:(?i:ban{H}+hành|ký){H}+)?(?i:ngày){H}+\d")
# "Luật sửa đổi, bổ sung một số điều của Luật ...": an amending law is named by the laws it amends
# "sửa đổi, bổ sung", "sửa đổi bổ sung" or "sửa đổi và bổ sung": one amending law's title, however joined
AMENDING = regex.compile(rf"{H}+(?P<what>(?i:sửa{H}+đổi)(?:{H}*,?{H}*(?:(?i:và){H}+)?(?i:bổ{H}+sung))?"
                         rf"(?:{H}+(?i:một{H}+số{H}+điều))?(?:{H}+(?i:của))?){H}+(?=(?i:luật|bộ{H}+luật|pháp{H}+lệnh)"
                         rf"(?![\p{{L}}]))")
AMENDED_JOINER = regex.compile(rf"{H}*(?:,|và|,{H}*và){H}*(?=(?i:luật|bộ{H}+luật|pháp{H}+lệnh){H})")
DATE_AFTER = regex.compile(
    rf"{H}*,?{H}*\(?{H}*(?:(?i:ban{H}+hành|ký){H}+)?(?i:ngày){H}+(?P<d>\d{{1,2}})(?:"
    rf"{H}*(?P<s>[-/.]){H}*(?P<m>\d{{1,2}}){H}*(?P=s){H}*(?P<y>\d{{4}})"
    rf"|{H}+(?i:tháng){H}+(?P<m2>\d{{1,2}}){H}+(?i:năm){H}+(?P<y2>\d{{4}}))(?:{H}*\))?")
TITLE_AFTER = regex.compile(rf"{H}*,?{H}*(?i:về)(?:{H}+(?i:việc))?{H}*(?=[“\"])")
COORDINATED = regex.compile(rf"{H}+(?:và|,){H}+(?i:nghị{H}+quyết|chỉ{H}+thị|kết{H}+luận|quyết{H}+định)")
YEARS_SPAN = regex.compile(rf"{H}*[-–]{H}*(?:19|20)\d{{2}}(?!\d)")  # "2021-2025" after its first year
NEXT_WORDS = regex.compile(rf"{H}+([\p{{L}}]+)(?:{H}+([\p{{L}}\d]+))?")
SPACES = regex.compile(r"\s+")
SEPARATOR = regex.compile(SEP)
LIST_SEPARATOR = regex.compile(rf"{H}*(?:,|và){H}*(?:(?i:số){H}+)?")  # "số 18 và số 19-NQ/TW"
ONLY_SO = regex.compile(rf"(?:{H}+(?i:số){H}*:?)?{H}*")  # "Quyết định số: 123/QĐ-UBND"
NAME_THEN_SO = regex.compile(rf"(?:{H}+[\p{{L}}]+){{1,8}}{H}+(?i:số){H}*")
# a type's lower-case qualifier before "số" and a symbol: "Kế hoạch liên tịch số 01/KHLT-...",
# "Chương trình phối hợp số 12/CTPH-...", "Kết luận thanh tra số 929/KL-TTCP"
QUALIFIER_THEN_SO = regex.compile(rf"(?:{H}+\p{{Ll}}+){{1,3}}{H}+(?i:số){H}*:?{H}*")
# numbers listed between a type word and the symbol they share ("Công văn số 409, 446/STTTT-BCVT",
# "Nghị quyết số 18, 19 và 20-NQ/TW"): the type word is the symbol's too
NUMBERS_THEN = regex.compile(rf"{ONLY_SO.pattern}\d{{1,5}}(?:{H}*,{H}*(?:(?i:số){H}+)?\d{{1,5}})*"
                             rf"{H}*(?:,|và){H}*(?:(?i:số){H}+)?")
# the number a type word's issuer or issue date stands before: "Kế hoạch của UBND tỉnh số 20", "Kế
# hoạch ngày 5/3/2021 số 20" (a letter's own order: its number written after who issued it and when);
# after a comma "số" opens a clause of its own ("Theo kế hoạch của UBND tỉnh, số hộ được hỗ trợ ...")
NUMBER_AFTER_TAIL = rf"{H}+(?i:số)(?![\p{{L}}]){H}*:?{H}*{NUMBER}"
PUNCTUATION_NEXT = regex.compile(rf"{H}*(?:[.,;:()!?]|$)")
CONGRESS_WORDS = regex.compile(r"\b(?:đại hội|đại biểu) ")
# what a congress's name opens with when "của" before it is left out of the id
CONGRESS_OPENS = regex.compile(rf"(?i:đại{H}+hội)(?![\p{{L}}])")
SIBLING = regex.compile(rf",{H}*(?P<name>\p{{Lu}}\p{{Ll}}+(?:{H}+\p{{Ll}}+){{0,2}})"
                        rf"(?={H}*(?:\.\.\.|…|[.;:)]|$))")
PLAN_TYPE = regex.compile(r"\S+\s+\S+(?:\s+hành\s+động)?")
SENTENCE_END = regex.compile(r"[.;:!?\n]")
LOOK = 400  # no reference, with its date, issuer and quoted title, is longer


def toned(terms: list[str]) -> list[str]:
    """The terms in both tone placements ("Cộng hòa", "Cộng hoà"), as pages write either."""
    return [form for term in terms for form in tone_variants(term)]


def _alternation(terms: list[str], case_insensitive: bool = True) -> str:
    """The rule file's phrases, any run of spaces within a line between their words (as H+)."""
    return alternation(terms, spaces="inline", ignore_case=case_insensitive)


def match_at(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """pattern matched at pos, looking at most LOOK characters ahead.

    Without the end bound the regex module first scans the whole rest of the text for the
    pattern's required literals, which makes every match cost the text's length.
    """
    return pattern.match(text, pos, pos + LOOK)


def clean(text: str) -> str:
    """Text with runs of spaces made single."""
    return SPACES.sub(" ", text).strip()


@dataclass
class Rules:
    """rules/directives.yml compiled once per process: lexicons as sets, patterns compiled."""

    data: dict[str, Any]
    words: dict[str, set[str]]  # each plain lexicon, folded
    types: dict[str, dict[str, Any]]  # folded type word -> its entry (term, abbr, ambiguous, named...)
    kind_by_abbr: dict[str, tuple[str, str]]  # ABBR -> (official abbreviation, type)
    party_kind_by_abbr: dict[str, str]
    party_issuers: dict[str, dict[str, Any]]  # Party committee code -> its entry (canonical, name, implied)
    party_boards: dict[str, dict[str, Any]]  # board code before a committee code: "BTC" of "BTCTU"
    issuer_codes: dict[str, dict[str, Any]]
    name_case: dict[str, str]  # folded word or phrase of a name -> its canonical spelling
    name_aliases: dict[str, dict[str, Any]]  # folded full name -> its entry (the shorter id it is known by)
    capital_stops: set[str]
    blocked_names: list[str]  # case matters: "Luật Sư" is a lawyer, "Luật sư" too, "Luật Sở hữu..." a law
    lone_heads: set[str]
    patterns: dict[str, Any]


@compiled
def time_words() -> frozenset[str]:
    """Words that make a period after them a time of the clause, not a name's period: the dates'
    period modifiers ("Chương trình công tác cuối năm 2023" is work at the end of 2023)."""
    return frozenset(casefold_words(e["term"]) for e in date_rules()["period_modifiers"])


@compiled
def rules() -> Rules:
    """Load and compile the rule file."""
    data = load_rules("directives", SCHEMA)
    kind_by_abbr: dict[str, tuple[str, str]] = {}
    for entry in data["types"]:
        for abbr in entry.get("abbr", []):
            kind_by_abbr.setdefault(abbr.upper(), (abbr, entry["term"]))
    terms = [t["term"] for t in data["types"]]
    official_abbrs = [abbr for abbr, _ in kind_by_abbr.values()]
    type_alt = _alternation(terms)
    named_alt = _alternation([t["term"] for t in data["types"] if t.get("named")])
    titled = [t["term"] for t in data["types"] if t.get("titled")]
    # capitalised, or in a headline's capitals ("ĐỀ ÁN “PHÁT TRIỂN ...”"); lower case is prose
    titled_alt = _alternation(titled + [t.upper() for t in titled], case_insensitive=False)
    heads = _alternation([h["term"] for h in data["issuer_heads"]], case_insensitive=False)
    known = [b["term"] for b in data["issuer_bodies"]] + [c["body"] for c in data["issuer_codes"]]
    firsts = {t.split()[0] for t in terms}
    # the congress's documents ("Văn kiện Đại hội XIII") start at their own word, not a type's
    documents = [x["term"] for x in data["congress_documents"]]
    lowered_types = alternation([t.lower() for t in terms + documents], spaces="plain")
    terms_of = {name: [x["term"] for x in data[name]] for name in PLAIN_LEXICONS}
    known_names = [x["term"] for x in data["named_documents"]]
    admin_levels = alternation([w["term"] for w in location_rules()["admin_words"]
                                if w["level"] != "other" and w["term"].islower()], spaces="inline")
    patterns = {
        # every finder but the symbols' starts at a type word: find those once, match the rest there
        "anchor": re.compile(rf"\b{lowered_types}\b"),  # run on lower-cased text
        "type": regex.compile(rf"(?<![\p{{L}}])(?P<type>{type_alt})"),
        # a type word (with "số") closing a wrapped piece: the reference goes on after the break
        "type_at_end": regex.compile(rf"(?<![\p{{L}}])(?:{type_alt})(?:{H}+(?i:số))?{H}*$"),
        # "Chương trình (CT) 135": the type's abbreviation in brackets may stand between it and its number
        "short": regex.compile(rf"(?P<type>{type_alt})(?:{H}*\({H}*(?P<abbr>\p{{Lu}}{{2,6}}){H}*\))?"
                               rf"(?:{H}+(?P<so>(?i:số)){H}*:?)?{H}*{NUMBER}"),
        # a type's official abbreviation as its word before a number ("NQ 57", "QĐ số 1234", "KL 21"),
        # a short form only when the article writes that document's symbol (`resolve`)
        "abbreviated_short": regex.compile(
            rf"(?<![\p{{L}}\d/.&-])(?P<type>{alternation(official_abbrs)})"
            rf"(?:{H}+(?P<so>(?i:số)){H}*:?)?{H}*{NUMBER}"),
        # a type with a lower-case qualifier before "số" ("Kết luận thanh tra số 929", "Thông báo khẩn
        # số 342"): a document's number only when a symbol says so (`share_symbols`, `resolve`)
        "qualified_short": regex.compile(rf"(?P<type>{type_alt})(?:{H}+\p{{Ll}}+){{1,3}}"
                                         rf"{H}+(?P<so>(?i:số)){H}*:?{H}*{NUMBER}"),
        "law_numbered": regex.compile(rf"(?P<type>{named_alt})(?P<name>(?:{H}+[\p{{L}}]+){{1,8}}?)"
                                      rf"{H}+(?i:số){H}*{NUMBER}"),
        "titled": regex.compile(rf"(?P<type>{titled_alt}){H}?(?=[“\"])"),
        # the constitution capitalised, in a headline's capitals ("HIẾN PHÁP NĂM 2013") or its title case
        "law": regex.compile(rf"(?P<type>{named_alt}|Hiến{H}+[pP]háp|HIẾN{H}+PHÁP)(?=[^\S\n])"),
        # another body's name right after a congress's number: its head, capitalised
        "congress_body_head": regex.compile(rf"{H}+{_alternation(terms_of['congress_body_heads'], False)}"
                                            rf"(?![\p{{L}}])"),
        # the state's name between a constitution's type word and its year, "của" perhaps before it
        "state_name": regex.compile(rf"{H}+(?:(?i:của){H}+)?{_alternation(toned(terms_of['state_names']))}"
                                    rf"(?![\p{{L}}])"),
        "law_names": regex.compile(rf"{H}+(?P<name>{_alternation(toned(terms_of['law_names']))})"
                                   rf"(?![\p{{L}}])"),
        "comma": regex.compile(rf",{H}*{_alternation(terms_of['name_comma_continuations'])}(?![\p{{L}}])"),
        "issuer": regex.compile(rf"{H}*,?{H}*(?i:của){H}+(?:(?P<body>{_alternation(known, False)})|(?P<head>"
                                rf"{heads}))(?![\p{{L}}])"),
        # a body's name starting anywhere, and what ends the words between it and what it issues
        "issuer_name": regex.compile(rf"(?<![\p{{L}}])(?:(?P<body>{_alternation(known, False)})|(?P<head>"
                                     rf"{heads}))(?![\p{{L}}])"),
        "issuing": regex.compile(rf"(?:{H}+(?i:đã|vừa|mới|cũng|đã{H}+vừa)){{0,2}}{H}+"
                                 rf"{_alternation(terms_of['issuing_verbs'])}{H}+$"),
        "plan_before": regex.compile(rf"(?<![\p{{L}}]){_alternation(terms_of['plan_types'], False)}(?:{H}+của"
                                     rf"(?:{H}+[^\s,.;:()“”\"]+){{1,10}}?)?{H}+(?:triển{H}+khai{H}+)?thực{H}+hiện{H}+$"),
        "lower_units": regex.compile(rf"{H}*{_alternation(terms_of['lower_congress_units'], False)}"
                                     rf"(?![\p{{L}}])"),
        "named_documents": regex.compile(rf"(?P<name>{_alternation(known_names)})(?![\p{{L}}])"),
        # "Nghị quyết (của) Đại hội ...": "của" says nothing of which congress, and the id leaves it
        # out; a resolution named by its body without "Đại hội" ("Nghị quyết của Đảng bộ Sở Y tế lần
        # thứ VIII") keeps it, the name as written (spec section 3). The congress's other documents
        # ("Văn kiện Đại hội XIII") in lower case only of the national congress (`lower_case_prose`)
        "congress": regex.compile(rf"(?P<doc>{_alternation(documents)}){H}+"
                                  rf"(?P<of>(?i:của){H}+)?{CONGRESS_NAME}"),
        "plan_carried": regex.compile(rf"(?P<type>{_alternation(terms_of['plan_types'], False)}){H}+"
                                      rf"(?:triển{H}+khai{H}+)?thực{H}+hiện{H}+(?P<inner>{titled_alt})"
                                      rf"(?={H}*[,.;:)]|{H}+và{H}|{H}*$)"),
        # an issuer named by its head and a level alone ("UBND tỉnh", "HĐND thành phố": the place is
        # the article's); `issuer_name` ends such a name at its head
        "issuer_level": regex.compile(rf"{H}+{admin_levels}(?![\p{{L}}])"),
        "number_after_tail": regex.compile(NUMBER_AFTER_TAIL),
        "alias_before": regex.compile(rf"\({H}*(?:{_alternation(terms_of['alias_markers'])}{H}+)?$"),
        # "Quy định số 22-QĐ/TW tên gọi là Quy định về ...": the name a symbol's document is given
        "name_given": regex.compile(rf",?{H}+(?:có{H}+)?{_alternation(terms_of['alias_markers'])}:?{H}+"),
    }
    return Rules(
        data=data,
        words={name: {casefold_words(t, modern=True) for t in values} for name, values in terms_of.items()},
        types={casefold_words(t["term"], modern=True): t for t in data["types"]},
        kind_by_abbr=kind_by_abbr,
        party_kind_by_abbr={a.upper(): t["term"] for t in data["types"] for a in t.get("party_abbr", [])},
        party_issuers={x["term"].upper(): x for x in data["party_issuers"]},
        party_boards={x["term"].upper(): x for x in data["party_boards"]},
        name_case={casefold_words(x["term"], modern=True): x["term"] for x in data["name_case"]},
        name_aliases={casefold_words(x["term"], modern=True): x for x in data["name_aliases"]},
        issuer_codes={x["term"].upper(): x for x in data["issuer_codes"]},
        capital_stops=set(terms_of["name_capital_stops"]) | {w for w in firsts if w[0].isupper()}
        | {h["term"].split()[0] for h in data["issuer_heads"]},
        blocked_names=[x["term"] for x in data["law_name_blocklist"]],
        lone_heads={h["term"] for h in data["issuer_heads"] if h.get("alone")},
        patterns=patterns,
    )


def kind_key(kind: str) -> str:
    """The type in a form where "Chương trình hành động" and "CTr" agree."""
    return casefold_words(kind, modern=True).replace(" hành động", "")


def type_entry(written: str) -> dict[str, Any]:
    """The lexicon entry of a document type as written ("nghị  quyết"), empty for no type."""
    return rules().types.get(casefold_words(written, modern=True), {})


def canonical_type(written: str) -> str:
    """A type word in its lexicon spelling ("nghị  quyết" -> "Nghị quyết")."""
    found = type_entry(written)
    return found["term"] if found else clean(written)


def canonical_name(kind: str, name: str, law: bool = False) -> str:
    """A document's type and name in one spelling across articles.

    The type as the lexicon writes it, Party and State words as `name_case` writes them ("trung
    ương" -> "Trung ương"), and in a law's name every word after the first in lower case ("Luật
    Giáo dục Đại học" -> "Luật Giáo dục đại học") but acronyms ("Luật GDĐH") and proper names.
    """
    rule, words = rules(), clean(name).split(" ") if name.strip() else []
    # a name written wholly in capitals (a headline's "LUẬT GIÁO DỤC") is cased as any other mention
    # of the law writes it, so that it is one id in every article
    capitals = not any(c.islower() for c in name) and sum(not unlike_a_syllable(w) for w in words) >= 1
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[i:i + size])
            bare = casefold_words(phrase.rstrip(","), modern=True)  # "Hội đồng nhân dân, Ủy ban ..."
            if len(words) - i >= size and bare in rule.name_case:
                out.append(rule.name_case[bare] + phrase[len(phrase.rstrip(",")):])
                i += size
                break
        else:
            word = words[i]
            acronym = sum(c.isupper() for c in word) > 1 or any(c.isdigit() for c in word)
            if law and capitals and not unlike_a_syllable(word):
                word = word.lower()  # a syllable of a headline's capitals, no acronym ("BHXH" is none)
            if not out:
                word = word[:1].upper() + word[1:]
            elif law and not acronym:
                word = word.lower()
            out.append(word)
            i += 1
    return " ".join([canonical_type(kind), *out])


def quoted_end(text: str, pos: int) -> int | None:
    """End (after the closing quote) of the quotation opening at pos; curly quotes may nest."""
    opening = text[pos] if pos < len(text) else ""
    closing, depth = ("”" if opening == "“" else '"'), 0
    for index in range(pos, min(len(text), pos + 400)):
        char = text[index]
        if char == "\n":
            return None
        if char == closing and index > pos and (opening != "“" or depth == 1):
            return index + 1
        if opening == "“":
            depth += 1 if char == "“" else -1 if char == "”" else 0
    return None


def iso_date(day: str, month: str, year: str) -> str | None:
    """An ISO date when the parts make one."""
    d, m, y = int(day), int(month), int(year)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100 else None


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


# the words ORDINAL_WORD matches, "mười" (ten) before them; "một" only after it ("mười một", eleventh)
ORDINAL_VALUES = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "lăm": 5, "sáu": 6,
                  "bảy": 7, "tám": 8, "chín": 9}


def ordinal_value(written: str) -> int:
    """The value of a plenum's or term's ordinal: "IV", "4", "tư", "mười hai"."""
    if written.isdigit():
        return int(written)
    if set(written) <= set(ROMAN_VALUES):  # "IV"; a word in capitals ("SÁU", a headline's) is no numeral
        return roman_to_int(written)
    words = written.casefold().split()
    tens = 10 if words[0] == "mười" else 0
    return tens + (ORDINAL_VALUES[words[-1]] if words[-1] != "mười" else 0)


def roman_term(written: str) -> str:
    """A Party term in Roman numerals, however the page wrote it: "12" -> "XII", "XII" -> "XII"."""
    if not written.isdigit():
        return written
    value, out = int(written), ""
    for numeral, amount in (("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1)):
        count, value = divmod(value, amount)
        out += numeral * count
    return out


def roman_to_int(numeral: str) -> int:
    """The value of a Roman numeral of Party terms and plenums (I to L)."""
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
