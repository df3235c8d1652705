"""Self-supervised audit of directive ids: references vnie already gets right, rewritten as pages write them.

Takes the directive mentions vnie finds in the extraction-dev passages with the gold's id, rewrites
each in the variant forms real pages use for the same document (spaces around a symbol's "-" and
"/", "số" before the number or not, "Đ" written "D", lower-case codes, a type code in capital-then-lower
case ("Nq", "Ctr"), "khóa"/"khoá", a term or
plenum in Arabic or Roman numerals or words, the type word in lower case or abbreviated, "của Bộ
Chính trị" after it, "năm" before a law's year (or "NĂM", the law in capitals, and in a headline's
capitals with the body's case: its id letter for letter), a line break
inside it, brackets, capitals), puts each in a neutral sentence, and in frames (a list of two
references, after "theo", at a sentence's start and end), runs extraction on it alone and counts
per form: same id, other id (a reference at its place with another id), missed, and extra (ids no
reference of the sentence should give). Documents known by name are also rebuilt from their id in
the forms pages write them: a plenum's resolution (number in words or numerals, "(khóa XIII)" or
"khóa XIII", "Hội nghị Trung ương 5", "Hội nghị lần thứ năm Ban Chấp hành Trung ương", the
committee left out, capitals), a congress's (short, in full, "ĐBTQ", "của Đảng", "lần" without
"thứ"; its documents,
"Văn kiện", found alike, and none in lower case or as a draft: those rows count "same id" when
nothing is found), a unit's named by its term (lower case, "nhiệm kì"), and a programme or plan
named by its subject in frames without a period to close it (a comma and a new clause, a place, a
predicate right after it, a list of two programmes, "và" and a second act, its issuer, a
headline); with --corpus, the programmes and plans a corpus run named are framed too.

    PYTHONPATH=$PWD python bench/directive_audit.py
    PYTHONPATH=$PWD python bench/directive_audit.py --form spaced-dash --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.directive_context_forms import context_forms  # noqa: E402
from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import directive_key, gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.directive_grammar import roman_term, roman_to_int, rules, type_entry  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402

KINDS = ("same id", "other id", "missed")
# a mention vnie resolves only in its article (a short form whose full symbol is elsewhere, a plan
# named by its period) is left out: the audit asks what a rewriting changes, not what context does
SYMBOL = re.compile(r"(?<![\w/])(\d{1,5})((?:/(?:19|20)\d\d)?[-/–][A-ZĐƯ][\w.&]*(?:[-/–][A-ZĐƯ][\w.&]*)*)")
TERM = re.compile(r"\b([Kk]hóa|[Kk]hoá)( )([IVXL]+|\d{1,2})\b")
PLENUM = re.compile(r"(Trung ương )([IVXL]+|\d{1,2})\b")
ORDINAL_WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
                 10: "mười", 11: "mười một", 12: "mười hai", 13: "mười ba", 14: "mười bốn"}
I_FOR_Y = {"ỳ": "ì", "ý": "í", "ỷ": "ỉ", "y": "i"}
LAW_YEAR = re.compile(r"^((?:Bộ )?[Ll]uật .+?) (?:năm )?((?:19|20)\d\d)$")
# a law's year after its name, in the mention: "Luật X 2019", "Luật X năm 2019" (one id, `Luật X 2019`),
# "NĂM" in capitals, or the whole law in a headline's capitals ("LUẬT X NĂM 2019")
YEAR_FORMS: dict[str, Callable[[str, str], str]] = {
    "law-year": lambda name, year: f"{name} {year}",
    "law-nam-year": lambda name, year: f"{name} năm {year}",
    "law-NAM-year": lambda name, year: f"{name} NĂM {year}",
    "law-capitals": lambda name, year: f"{name} năm {year}".upper(),
}


# a law in a headline's capitals and the body's usual case, in one article or alone: the id must be
# the one the body's case gives, letter for letter (the database folds only ASCII letters' case)
CAPITALS_LAW_FORMS: dict[str, Callable[[str], tuple[str | None, str]]] = {
    "law-capitals-headline+body": lambda law: (law.upper(), f"Cán bộ được phổ biến {law} trong năm nay."),
    "law-capitals-headline": lambda law: (law.upper(), "Cán bộ được phổ biến nhiều điểm mới."),
    "law-capitals-body": lambda law: (None, f"Cán bộ được phổ biến {law.upper()} trong năm nay."),
}


def capitals_law_rows(want: str) -> list[tuple[str, str, list[str]]]:
    """(form, law as written, ids found) for a law and year written in capitals (`CAPITALS_LAW_FORMS`)."""
    if not (match := LAW_YEAR.match(want)):
        return []
    law = f"{match.group(1)} năm {match.group(2)}"
    out = []
    for form, make in CAPITALS_LAW_FORMS.items():
        title, text = make(law)
        items = extract(build_document(text=text, title=title)).get("directives", [])
        out.append((form, law, [i["id"] for i in items]))
    return out


def _type_word(surface: str) -> str | None:
    """The document type the mention opens with, as written, or None."""
    folded = surface.casefold()
    for term in sorted((t["term"] for t in rules().data["types"]), key=len, reverse=True):
        if folded.startswith(term.casefold() + " "):
            return surface[:len(term)]
    return None


def _abbr(type_word: str) -> str | None:
    entry = next((t for t in rules().data["types"] if t["term"].casefold() == type_word.casefold()), None)
    return entry["abbr"][0] if entry and entry.get("abbr") else None


def _symbol_sub(surface: str, change: Callable[[str], str]) -> str | None:
    match = SYMBOL.search(surface)
    if not match:
        return None
    return surface[:match.start(2)] + change(match.group(2)) + surface[match.end(2):]


def _title_type_code(codes: str) -> str:
    """The symbol's first code in capital-then-lower case ("-NQ/TW" as "-Nq/TW", "/QĐ-UBND" as
    "/Qđ-UBND"), as a page typing it by hand may; a code of one capital cannot show it."""
    match = re.search(r"[A-ZĐƯ]{2,}[a-z]*", codes)
    if not match or re.match(r"[-/–](?:(?:19|20)\d\d[-/–])?[A-ZĐƯ][a-zđ]", codes):  # written so already
        return codes + "\0"
    code = match.group(0)
    return codes[: match.start()] + code[0] + code[1:].lower() + codes[match.end() :]


def _term_sub(surface: str, change: Callable[[str], str]) -> str | None:
    match = TERM.search(surface) or PLENUM.search(surface)
    if not match:
        return None
    group = match.lastindex or 0
    new = change(match.group(group))
    if new == match.group(group):
        return None
    return surface[:match.start(group)] + new + surface[match.end(group):]


def _with_so(surface: str) -> str | None:
    kind = _type_word(surface)
    rest = surface[len(kind):] if kind else ""
    return f"{kind} số{rest}" if kind and re.match(r" \d", rest) else None


def _without_so(surface: str) -> str | None:
    kind = _type_word(surface)
    rest = surface[len(kind):] if kind else ""
    return f"{kind} {rest[4:]}" if kind and rest.startswith(" số ") else None


def _lower_type(surface: str) -> str | None:
    kind = _type_word(surface)
    return kind.lower() + surface[len(kind):] if kind and kind != kind.lower() else None


def _abbr_type(surface: str) -> str | None:
    kind = _type_word(surface)
    abbr = kind and _abbr(kind)
    return abbr + surface[len(kind):] if abbr and SYMBOL.search(surface) else None


def _law_year(surface: str, want: str, write: Callable[[str, str], str]) -> str | None:
    """A law cited with its year ("Luật Giáo dục 2019"), the year written with or without "năm" (the
    mention covers the year when the page writes one: the law's name is what is rewritten)."""
    match = LAW_YEAR.match(want)
    if not match:
        return None
    name = re.sub(rf"\s+(?:năm\s+)?{match.group(2)}$", "", surface)
    return None if match.group(2) in name else write(name, match.group(2))


def _wrapped(surface: str) -> str | None:
    kind = _type_word(surface)
    return f"{kind}\n{surface[len(kind) + 1:]}" if kind and len(surface) > len(kind) + 1 else None


def _plenum_words(surface: str) -> str | None:
    """ "Nghị quyết Trung ương 4 khóa XII" as "... Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII"."""
    match = PLENUM.search(surface)
    number = int(_arabic(match.group(2))) if match else 0
    if number not in ORDINAL_WORDS:
        return None
    words = f"Hội nghị lần thứ {ORDINAL_WORDS[number]} Ban Chấp hành Trung ương"
    return surface[:match.start()] + words + surface[match.end():]


def _arabic(term: str) -> str:
    return str(roman_to_int(term)) if not term.isdigit() else term


FORMS: dict[str, Callable[[str], str | None]] = {
    "as-written": lambda s: s,
    "so": _with_so,
    "no-so": _without_so,
    "spaced-dash": lambda s: _symbol_sub(s, lambda c: re.sub(r"\s*([-–])\s*", r" \1 ", c)),
    "spaced-slash": lambda s: _symbol_sub(s, lambda c: re.sub(r"\s*/\s*", " / ", c)),
    "D-for-Đ": lambda s: _symbol_sub(s, lambda c: c.replace("Đ", "D") if "Đ" in c else c + "\0"),
    "lower-codes": lambda s: _symbol_sub(s, str.lower),
    "title-type-code": lambda s: _symbol_sub(s, _title_type_code),
    "khoa-accent": lambda s: None if "kho" not in s.lower() else (
        s.replace("khóa", "khoá").replace("Khóa", "Khoá") if "hóa" in s
        else s.replace("khoá", "khóa").replace("Khoá", "Khóa")),
    "term-arabic": lambda s: _term_sub(s, _arabic),
    "term-roman": lambda s: _term_sub(s, roman_term),
    "plenum-words": _plenum_words,
    "lower-type": _lower_type,
    "abbr-type": _abbr_type,
    "issuer-after": lambda s: f"{s} của Bộ Chính trị" if s.endswith("/TW") else None,
    "dated": lambda s: f"{s} ngày 5 tháng 8 năm 2020" if SYMBOL.search(s) else None,
    "wrapped": _wrapped,
    "brackets": lambda s: f"({s})",
    # a syllable's final y written i, as many schools and older pages do ("nhiệm kì", "qui chế")
    "i-for-y": lambda s: re.sub(r"(?<=[KkLl])[ỳýỷ](?!\w)|(?<=[Qq]u)y(?!\w)", lambda m: I_FOR_Y[m[0]], s),
    "capitals": lambda s: s.upper(),
    "title-case": lambda s: " ".join(w[:1].upper() + w[1:] for w in s.split(" ")),
    "khoa-dash": lambda s: re.sub(r"\s*\((khóa|khoá) ([^()]+)\)", r" - \1 \2", s) if "(kh" in s else None,
}
# documents known by name, rewritten from the id vnie gives them into the forms pages write: each
# form gives (variant, the id the spec asks of it). A plenum keeps its one id however it is written
# (spec section 3: Party terms in Arabic numerals); the national congress's documents keep one id
# however the congress is written (`Nghị quyết Đại hội XIII`, `canonical_id`), while a province's or
# another body's congress is named as written, "Nghị quyết" capitalised
PLENUM_ID = re.compile(r"^Nghị quyết Trung ương (\d{1,2}) khóa ([IVXL]+)$")
CONGRESS_ID = re.compile(r"^Nghị quyết Đại hội ([IVXL]+)(?: của Đảng)?$")
TERMED_ID = re.compile(r"^Nghị quyết Đại hội (.+?) nhiệm kỳ ((?:19|20)\d\d ?[-–] ?(?:19|20)\d\d)$")
PROGRAMME_ID = re.compile(r"^(Chương trình mục tiêu quốc gia|Chương trình|Quy hoạch|Đề án|Kế hoạch|"
                          r"Chiến lược) (.+)$")
COMMITTEE = "Ban Chấp hành Trung ương Đảng"
PLENUM_FORMS: dict[str, Callable[[str, str, str], str]] = {
    "plenum-bracket": lambda n, t, w: f"Nghị quyết Trung ương {n} (khóa {t})",
    "plenum-comma": lambda n, t, w: f"Nghị quyết Trung ương {n}, khóa {t}",
    "plenum-dash": lambda n, t, w: f"Nghị quyết Trung ương {n} - khóa {t}",
    "plenum-roman": lambda n, t, w: f"Nghị quyết Trung ương {roman_term(n)} (khóa {t})",
    "plenum-term-arabic": lambda n, t, w: f"Nghị quyết Trung ương {n} khóa {roman_to_int(t)}",
    "plenum-hoi-nghi": lambda n, t, w: f"Nghị quyết Hội nghị Trung ương {n} khóa {t}",
    "plenum-TW": lambda n, t, w: f"Nghị quyết TW{n} khóa {t}",
    "plenum-committee-words": lambda n, t, w: f"Nghị quyết Hội nghị lần thứ {w} {COMMITTEE} khóa {t}",
    "plenum-committee-of": lambda n, t, w: f"Nghị quyết Hội nghị lần thứ {n} của {COMMITTEE} (khóa {t})",
    "plenum-committee-comma": lambda n, t, w: f"Nghị quyết Hội nghị lần thứ {n}, {COMMITTEE} khóa {t}",
    "plenum-committee-dash": lambda n, t, w: f"Nghị quyết Hội nghị lần thứ {w} - {COMMITTEE} (khóa {t})",
    "plenum-term-only": lambda n, t, w: f"Nghị quyết Hội nghị lần thứ {w} (khóa {t})",
    "plenum-term-only-upper": lambda n, t, w: f"NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ {w.upper()} (KHÓA {t})",
    "plenum-lower": lambda n, t, w: f"nghị quyết hội nghị Trung ương {n} khóa {t}",
}
NATIONAL = "national"  # a CONGRESS_FORMS entry whose id is the national congress's one id
NONE = "none"  # a CONGRESS_FORMS entry that names no document: nothing may be found
CONGRESS_FORMS: dict[str, tuple[Callable[[str], str], str]] = {
    "congress-short": (lambda n: f"Nghị quyết Đại hội {n}", NATIONAL),
    "congress-of-party": (lambda n: f"Nghị quyết Đại hội {n} của Đảng", NATIONAL),
    "congress-full": (lambda n: f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {n} của Đảng", NATIONAL),
    "congress-full-bare": (lambda n: f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {n}", NATIONAL),
    "congress-abbr": (lambda n: f"Nghị quyết Đại hội ĐBTQ lần thứ {n} của Đảng", NATIONAL),
    "congress-abbr-bare": (lambda n: f"Nghị quyết Đại hội ĐBTQ lần thứ {n}", NATIONAL),
    "congress-lan-thu": (lambda n: f"Nghị quyết Đại hội lần thứ {n} của Đảng", NATIONAL),
    "congress-party-national": (lambda n: f"Nghị quyết Đại hội Đảng toàn quốc lần thứ {n}", NATIONAL),
    "congress-party-arabic": (lambda n: f"Nghị quyết Đại hội Đảng toàn quốc lần thứ {roman_to_int(n)}",
                              NATIONAL),
    "congress-lower-type": (lambda n: f"nghị quyết Đại hội {n} của Đảng", NATIONAL),
    # the number after "lần" without "thứ"
    "congress-lan-full": (lambda n: f"Nghị quyết Đại hội đại biểu toàn quốc lần {n} của Đảng", NATIONAL),
    "congress-lan-party": (lambda n: f"Nghị quyết Đại hội Đảng toàn quốc lần {n}", NATIONAL),
    "congress-lan-delegates": (lambda n: f"Nghị quyết Đại hội đại biểu lần {n} của Đảng", NATIONAL),
    "congress-lan-documents": (lambda n: f"Văn kiện Đại hội Đảng toàn quốc lần {n}", "Văn kiện"),
    "congress-lan-province": (lambda n: f"Nghị quyết Đại hội Đảng bộ tỉnh lần {n}", ""),
    "congress-documents": (lambda n: f"Văn kiện Đại hội đại biểu toàn quốc lần thứ {n} của Đảng", "Văn kiện"),
    "congress-documents-short": (lambda n: f"Văn kiện Đại hội {n}", "Văn kiện"),
    "congress-documents-plural": (lambda n: f"các Văn kiện Đại hội {n} của Đảng", "Văn kiện"),
    "congress-documents-capitals": (lambda n: f"VĂN KIỆN ĐẠI HỘI {n} CỦA ĐẢNG", "Văn kiện"),
    # a province's congress's documents keep its name, as its resolution does
    "congress-documents-province": (lambda n: f"Văn kiện Đại hội Đảng bộ tỉnh lần thứ {n}", ""),
    # the word in lower case names them too (the gold lists it on 2 of 2 dev hosts, session 27); a draft
    # put to the congress is no document it adopted
    "congress-documents-lower": (lambda n: f"các văn kiện Đại hội {n} của Đảng", "Văn kiện"),
    "congress-documents-draft": (lambda n: f"dự thảo các Văn kiện Đại hội {n} của Đảng", NONE),
    # another body's congress of the same number keeps its own name: never the national one's id
    "congress-province": (lambda n: f"Nghị quyết Đại hội Đảng bộ tỉnh lần thứ {n}", ""),
    "congress-youth-national": (lambda n: f"Nghị quyết Đại hội Đoàn toàn quốc lần thứ {n}", ""),
    # ... or after its number, as mass organisations name their congresses ("Đại hội XIII Công đoàn Việt Nam")
    "congress-union-after": (lambda n: f"Nghị quyết Đại hội {n} Công đoàn Việt Nam", ""),
    "congress-farmers-after": (lambda n: f"Nghị quyết Đại hội lần thứ {n} Hội Nông dân Việt Nam", ""),
    "congress-veterans-after": (lambda n: f"Nghị quyết Đại hội {n} Hội Cựu chiến binh Việt Nam", ""),
    # ... or by its people in lower case before "toàn quốc", as the press writes the Women's Union's
    "congress-women-lower": (lambda n: f"Nghị quyết Đại hội đại biểu phụ nữ toàn quốc lần thứ {n}", ""),
    "congress-farmers-lower": (lambda n: f"Nghị quyết Đại hội đại biểu nông dân toàn quốc lần thứ {n}", ""),
}
TERMED_FORMS: dict[str, Callable[[str, str], str]] = {
    "termed-as-written": lambda body, years: f"Nghị quyết Đại hội {body} nhiệm kỳ {years}",
    "termed-lower-type": lambda body, years: f"nghị quyết Đại hội {body} nhiệm kỳ {years}",
    "termed-ki": lambda body, years: f"Nghị quyết Đại hội {body} nhiệm kì {years}",
    "termed-lower-body": lambda body, years: f"nghị quyết Đại hội {body.lower()} nhiệm kỳ {years}",
    "termed-comma": lambda body, years: f"Nghị quyết Đại hội {body}, nhiệm kỳ {years}",
}
# frames a programme's or plan's name stands in without its period to close it: measured, not fixed
# (a name's end at a comma or before a place was taken back twice: it cut other names; in session 19
# a predicate or adjunct word after the name (verb, auxiliary, preposition by its usual class) and a
# comma before a new clause's predicate each failed a score-only floor, test19 and test5 directives;
# in session 23 the same ends for the national target programme alone ("Chương trình mục tiêu quốc
# gia" + a subject of three words or more, ended by a predicate word, "ở"/"trên địa bàn", its issuer,
# "và" + a verb, or a comma and a new clause) failed test17, test19 and test20 directives, while dev
# moved 0.959 -> 0.960 and the name-* rows from 3 to 7 of 9 same id)
NAME_FRAMES = {
    "name-comma": "Về {X}, đến tháng 7 các xã đạt trung bình 12 tiêu chí.",
    "name-place": "Thực hiện {X} ở huyện Tân Phước, các xã đều đạt chuẩn.",
    "name-lower-type": "Tỉnh tiếp tục thực hiện {x} trong năm nay.",
    # a predicate right after the name: "... nông thôn mới được triển khai", "... đã đạt"
    "name-verb": "Tại huyện, {X} được triển khai đồng bộ ở các xã.",
    "name-past": "Theo báo cáo, {X} đã đạt nhiều kết quả quan trọng.",
    "name-aim": "Tỉnh huy động nguồn lực cho {X} nhằm nâng cao đời sống người dân.",
    "name-dia-ban": "Tỉnh thực hiện {X} trên địa bàn tỉnh với tổng vốn lớn.",
    "name-tai": "Kết quả thực hiện {X} tại tỉnh Yên Bái rất đáng ghi nhận.",
    "name-comma-clause": "Thực hiện {X}, tỉnh đã huy động hơn 500 tỷ đồng.",
    "name-list": "Tỉnh lồng ghép {X} và {P} trong cùng một kế hoạch.",
    "name-list-comma": "Tỉnh lồng ghép {X}, {P} trong cùng một kế hoạch.",
    # "và" and a verb after the name: a second act of the clause, not the name's words
    "name-and-verb": "Xã tổng kết {X} và phát động tháng cao điểm năm 2022.",
    "name-of-issuer": "Tỉnh triển khai {X} của Ủy ban nhân dân tỉnh trong năm nay.",
    "name-headline": "Hà Nội đẩy mạnh {X}",
}
# the second programme of the list frame, closed by its period of years
NAME_PARTNER = "Chương trình phát triển du lịch cộng đồng giai đoạn 2021-2025"


def named_variants(want: str) -> list[tuple[str, str, str]]:
    """(form, variant, expected id) for a document known by name: a plenum, a congress, a term."""
    if match := PLENUM_ID.match(want):
        number, term = match.groups()
        word = ORDINAL_WORDS.get(int(number))
        return [(form, make(number, term, word), want) for form, make in PLENUM_FORMS.items()] if word else []
    if match := CONGRESS_ID.match(want):
        out = []
        for form, (make, national) in CONGRESS_FORMS.items():
            variant, number = make(match.group(1)), match.group(1)
            kind = "Nghị quyết" if national == NATIONAL else national
            want = f"{kind} Đại hội {number}" if kind else variant[:1].upper() + variant[1:]
            out.append((form, variant, "" if national == NONE else want))
        return out
    if match := TERMED_ID.match(want):
        body, years = match.groups()
        same, lowered = (f"Nghị quyết Đại hội {b} nhiệm kỳ {years}" for b in (body, body.lower()))
        return [(form, make(body, years), lowered if form == "termed-lower-body" else same)
                for form, make in TERMED_FORMS.items()]
    return []


def named_frames(want: str) -> list[tuple[str, str, str]]:
    """(form, sentence, the reference as written) for a programme or plan named by its subject; one
    its period of years closes is measured in the same frames as `period-...` rows (a lower-case plan
    type names none: spec section 3)."""
    if not PROGRAMME_ID.match(want):
        return []
    lower = want[:1].lower() + want[1:]
    if re.search(r"(?:19|20)\d\d", want):
        return [(f"period-{form[5:]}", frame.replace("{X}", want).replace("{P}", NAME_PARTNER), want)
                for form, frame in NAME_FRAMES.items() if "{X}" in frame]
    out = [(form, frame.replace("{X}", want).replace("{x}", lower).replace("{P}", NAME_PARTNER),
            lower if "{x}" in frame else want) for form, frame in NAME_FRAMES.items()]
    kind = _type_word(want)
    if kind and type_entry(kind).get("titled"):  # a titled type's subject capitalised as a title
        titled = f"{kind} {want[len(kind) + 1:][:1].upper()}{want[len(kind) + 2:]}"
        out += [(f"title-{form[5:]}", NAME_FRAMES[form].replace("{X}", titled).replace("{P}", NAME_PARTNER),
                 titled) for form in ("name-list", "name-list-comma", "name-comma-clause")]
    return out


# {X} is the reference; the other words name no document
FRAMES: dict[str, str] = {
    "plain": "Cán bộ, đảng viên thực hiện nghiêm {X} trong năm nay.",
    "after-theo": "Theo {X}, các địa phương phải báo cáo kết quả.",
    "sentence-start": "{X} yêu cầu các cấp ủy tăng cường lãnh đạo.",
    "sentence-end": "Các cơ quan đã quán triệt {X}.",
    "list-first": "Các đơn vị quán triệt {X} và {Y} đến cán bộ.",
    "list-second": "Các đơn vị quán triệt {Y}, {X} đến cán bộ.",
    "list-short": "Các đơn vị quán triệt {X} và {Z} đến cán bộ.",
    "headline": "QUÁN TRIỆT {X}",
}
CONTEXT_FORMS = context_forms(lambda kind: _abbr(kind))
PARTNER = ("Chỉ thị số 12-CT/TW", "12-CT/TW")  # the other reference of the list frames
SHORT_PARTNER = ("Nghị quyết 12", "Nghị quyết 12")  # a type and number with no symbol


# short forms of a coded reference, cited again after it in the same article: they take its id
SHORT_FRAME = "Thực hiện {X}, tỉnh đạt nhiều kết quả. Sau 5 năm, {S} tiếp tục được quán triệt."
SHORT_FORMS: dict[str, Callable[[str, str], str | None]] = {
    "short": lambda kind, num: f"{kind} {num}",
    "short-so": lambda kind, num: f"{kind} số {num}",
    "short-lower": lambda kind, num: f"{kind.lower()} {num}" if kind != kind.lower() else None,
    "short-unpadded": lambda kind, num: f"{kind} {num.lstrip('0')}" if num.startswith("0") else None,
    "short-padded": lambda kind, num: f"{kind} 0{num}" if len(num) == 1 else None,
    # the type's official abbreviation as its word ("NQ 57", "QĐ số 1234", "NQ57" in a headline)
    "short-abbr": lambda kind, num: f"{abbr} {num}" if (abbr := _abbr(kind)) else None,
    "short-abbr-so": lambda kind, num: f"{abbr} số {num}" if (abbr := _abbr(kind)) else None,
    "short-abbr-glued": lambda kind, num: f"{abbr}{num}" if (abbr := _abbr(kind)) else None,
}


def short_forms(surface: str, want: str) -> list[tuple[str, str]]:
    """(form, short mention) for a coded reference whose type word the surface writes."""
    kind, number = _type_word(surface), re.match(r"\d+", want)
    if not kind or not number or not SYMBOL.search(want):
        return []
    kind = kind[:1].upper() + kind[1:]
    return [(form, short) for form, make in SHORT_FORMS.items() if (short := make(kind, number.group()))]


def found_mentions(paths: list[str]) -> list[tuple[str, str, str]]:
    """(file stem, surface, id) for each mention vnie gives the gold's id in its passage."""
    out: dict[str, tuple[str, str, str]] = {}
    for path in paths:
        for gold, doc in gold_documents(path):
            wanted = {directive_key(d["id"]) for d in gold.get("directives", [])}
            for item in extract(doc).get("directives", []):
                if directive_key(item["id"]) not in wanted:
                    continue
                for mention in item.get("mentions", []):
                    surface = re.sub(r"\s+", " ", mention["text"]).strip()
                    out.setdefault(surface, (Path(path).stem, surface, item["id"]))
    return list(out.values())


def corpus_directives(records: str) -> Iterator[tuple[str, dict]]:
    """(outlet, directive item) for each directive a vnie run over a corpus wrote (its records file)."""
    with open(records, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            outlet = (record.get("source") or {}).get("outlet") or "corpus"
            for item in record.get("directives") or []:
                yield outlet, item


def corpus_mentions(records: str) -> list[tuple[str, str, str]]:
    """(outlet, surface, id) for each coded reference a vnie run over a corpus found (its records
    file): more codes and issuers than the dev passages hold; `kept` keeps those it reads alone."""
    out: dict[str, tuple[str, str, str]] = {}
    for outlet, item in corpus_directives(records):
        if not SYMBOL.search(item["id"]) or not SYMBOL.fullmatch(item["id"]):
            continue
        for mention in item.get("mentions", []):
            surface = re.sub(r"\s+", " ", mention["text"]).strip()
            out.setdefault(surface, (outlet, surface, item["id"]))
    return list(out.values())


def corpus_named(records: str) -> list[tuple[str, str, str]]:
    """(outlet, surface, id) for each programme, plan or scheme named by its subject that a vnie run
    over a corpus found: the named frames rewrite them as they rewrite the dev files' ones."""
    out: dict[str, tuple[str, str, str]] = {}
    for outlet, item in corpus_directives(records):
        if PROGRAMME_ID.match(item["id"]) and not re.search(r"\d+[-/]", item["id"]):
            out.setdefault(item["id"], (outlet, item["id"], item["id"]))
    return list(out.values())


def judge(sentence: str, variant: str, want: str, partner: str | None) -> tuple[str, list[str]]:
    """(kind, extra ids): same id, another id on the reference's words, or missed; with no `want`
    (words that name no document), "same id" when nothing is found there, else "other id"."""
    items = extract(build_document(text=sentence)).get("directives", [])
    if not want:
        return ("other id" if items else "same id"), [i["id"] for i in items]
    at = sentence.find(variant.strip("()"))  # where the reference stands (-1: nowhere, no "other id")
    span = (at, at + len(variant.strip("()")))
    ids = {directive_key(i["id"]) for i in items}
    kind = "same id" if directive_key(want) in ids else "missed"
    extras = []
    for item in items:
        key = directive_key(item["id"])
        if key in (directive_key(want), directive_key(partner or "")):
            continue
        on_it = any(m["start"] < span[1] and m["end"] > span[0] for m in item.get("mentions", []))
        if on_it and kind == "missed":
            kind = "other id"
        extras.append(item["id"])
    return kind, extras


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--form", action="append", choices=[*FORMS, *YEAR_FORMS])
    parser.add_argument("--frame", action="append", choices=list(FRAMES))
    parser.add_argument("--details", action="store_true", help="print every reference a form gets wrong")
    parser.add_argument("--corpus", metavar="RECORDS",
                        help="also rewrite the coded references of a vnie run's records.jsonl (no gold)")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]
    mentions = found_mentions(paths) + (corpus_mentions(args.corpus) if args.corpus else [])
    forms, frames = [f for f in args.form or FORMS if f in FORMS], args.frame or list(FRAMES)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    files: dict[str, set[str]] = defaultdict(set)
    wrong: list[str] = []
    plain = FRAMES["plain"]
    kept = [m for m in mentions if judge(plain.replace("{X}", m[1]), m[1], m[2], None) == ("same id", [])]
    for stem, surface, want in kept:
        for form in forms:
            variant = FORMS[form](surface)
            if not variant or "\0" in variant or (variant == surface and form != "as-written"):
                continue
            for frame in frames if form == "as-written" else ["plain"]:
                framed = variant.upper() if frame == "headline" else variant
                sentence = FRAMES[frame].replace("{Y}", PARTNER[0]).replace("{Z}", SHORT_PARTNER[0])
                sentence = sentence.replace("{X}", framed)
                partner = next((p[1] for key, p in (("{Y}", PARTNER), ("{Z}", SHORT_PARTNER))
                                if key in FRAMES[frame]), None)
                kind, extras = judge(sentence, framed, want, partner)
                row = form if form != "as-written" else f"frame:{frame}"
                table[row][kind] += 1
                table[row]["extra"] += len(extras)
                if kind != "same id" or extras:
                    files[row].add(stem)
                    wrong.append(f"  {row:22} {kind:8} {stem:22} {variant!r} want {want!r} extra {extras}")
    for stem, surface, want in mentions:  # a law's id with its year: the plain frame lacks the year
        for form, write in YEAR_FORMS.items():
            if (args.form and form not in args.form) or not (variant := _law_year(surface, want, write)):
                continue
            kind, extras = judge(FRAMES["plain"].replace("{X}", variant), variant, want, None)
            table[form][kind] += 1
            table[form]["extra"] += len(extras)
            if kind != "same id" or extras:
                files[form].add(stem)
                wrong.append(f"  {form:22} {kind:8} {stem:22} {variant!r} want {want!r} extra {extras}")
    for stem, surface, want in kept if not args.form else []:
        for form, short in short_forms(surface, want):
            sentence = SHORT_FRAME.replace("{X}", surface).replace("{S}", short)
            kind, extras = judge(sentence, surface, want, None)
            items = extract(build_document(text=sentence)).get("directives", [])
            took = any(m["text"] == short for i in items if directive_key(i["id"]) == directive_key(want)
                       for m in i["mentions"])
            kind = kind if kind != "same id" or took else "missed"
            table[form][kind] += 1
            table[form]["extra"] += len(extras)
            if kind != "same id" or extras:
                files[form].add(stem)
                wrong.append(f"  {form:22} {kind:8} {stem:22} {short!r} want {want!r} extra {extras}")
    for stem, surface, want in kept if not args.form else []:  # forms with more words around them
        for form, make in CONTEXT_FORMS.items():
            for variant, ids in make(surface, want, _type_word(surface)):
                sentence = FRAMES["plain"].replace("{X}", variant)
                kind, extras = judge(sentence, variant, ids[0], ids[1] if len(ids) > 1 else None)
                items = extract(build_document(text=sentence)).get("directives", [])
                found = {directive_key(i["id"]) for i in items}
                if kind == "same id" and not {directive_key(i) for i in ids} <= found:
                    kind = "missed"  # the document the form adds is lost
                table[form][kind] += 1
                table[form]["extra"] += len(extras)
                if kind != "same id" or extras:
                    files[form].add(stem)
                    wrong.append(f"  {form:22} {kind:8} {stem:22} {variant!r} want {ids!r} extra {extras}")
    named_docs = corpus_named(args.corpus) if args.corpus else []
    wants = {(stem, want) for stem, _, want in mentions + named_docs} if not args.form else set()
    for stem, want in sorted(wants):
        named = [(form, FRAMES["plain"].replace("{X}", variant), variant, expected)
                 for form, variant, expected in named_variants(want)]
        named += [(form, sentence, written, want) for form, sentence, written in named_frames(want)]
        for form, sentence, variant, expected in named:
            partner = NAME_PARTNER if "-list" in form else None
            kind, extras = judge(sentence, variant, expected, partner)
            table[form][kind] += 1
            table[form]["extra"] += len(extras)
            if kind != "same id" or extras:
                files[form].add(stem)
                wrong.append(f"  {form:22} {kind:8} {stem:22} {variant!r} want {expected!r} extra {extras}")
    for stem, want in sorted({(stem, want) for stem, _, want in mentions}) if not args.form else []:
        for form, law, ids in capitals_law_rows(want):
            kind = "same id" if want in ids else "other id" if ids else "missed"
            extras = [i for i in ids if i != want]
            table[form][kind] += 1
            table[form]["extra"] += len(extras)
            if kind != "same id" or extras:
                files[form].add(stem)
                wrong.append(f"  {form:22} {kind:8} {stem:22} {law!r} want {want!r} ids {ids}")
    stems = len({m[0] for m in mentions})
    half = "test" if args.test_half else "dev"
    corpus = f" (and coded references vnie finds in {args.corpus})" if args.corpus else ""
    print(f"{len(mentions)} directive mentions vnie gets right, from {stems} {half} files or outlets{corpus};"
          f" {len(kept)} of them get their id alone in the plain frame, and are rewritten")
    print(f"{'form':22} " + " ".join(f"{k:>9}" for k in (*KINDS, "extra")) + "  files")
    for row, counts in table.items():
        print(f"{row:22} " + " ".join(f"{counts[k]:9d}" for k in (*KINDS, "extra")) + f"  {len(files[row])}")
    if args.details:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
