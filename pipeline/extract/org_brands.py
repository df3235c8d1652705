"""Organisations named without a head word: web outlets cited by their domain ("theo chinhphu.vn"),
brands with a company word after them ("Toshiba Corp", "Hà Nội FC", "Nam A Bank") and acronyms listed
beside a known body ("Ngân hàng MB và SHB", "Vietcombank, BIDV, ACB")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.extract.org_place_ends import place_end
from pipeline.extract.org_rules import rules
from pipeline.extract.org_view import View
from pipeline.extract.org_words import CAPITALS, place_level, shouting
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.rulebook import compiled
from pipeline.text import alternation

_WORD = rf"(?:[{CAPITALS}][^\W_]*)"  # a capitalised word or an acronym ("Toshiba", "FLC", "Hà")
_ACRONYM = re.compile(rf"[{CAPITALS}]{{2,5}}(?![^\W_])")  # letters only: "Realme C25" is a model
_LIST_GAP = re.compile(r"[ \t\xa0]*(?:,|và|&)[ \t\xa0]*")
_ACRONYM_BEFORE = re.compile(rf"(?<![^\W_])([{CAPITALS}]{{2,5}})[ \t\xa0]*(?:,|và|&)[ \t\xa0]*$")


@compiled
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Domain endings, company words and the brand words before them, from the rule file's lists.
    The rare endings are found first and the name read back from them: searching the whole text
    for the name itself is slow."""
    r = rules()
    ending = re.compile(rf"\.{alternation(r.domain_suffixes)}(?![\w/-]|\.\w)", re.IGNORECASE)
    # not the first label of a domain ("Theo News.com.au": the site, read as a domain)
    company_word = re.compile(rf" {alternation(r.company_suffixes)}(?![^\W_]|\.[^\W_])")
    brand_before = re.compile(rf"(?<![^\W_])({_WORD}(?: {_WORD}){{0,3}})$")
    return ending, company_word, brand_before


_DOMAIN_BEFORE = re.compile(r"(?<![\w./@-])(?:www\.)?((?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9][a-z0-9-]*)$",
                            re.IGNORECASE)


def domains(view: View) -> list[tuple[int, int]]:
    """Spans of web domains written as names of outlets ("chinhphu.vn", "VnExpress.net"), not URLs."""
    found = []
    for ending in _patterns()[0].finditer(view.norm):
        name = _DOMAIN_BEFORE.search(view.norm, max(0, ending.start() - 60), ending.start())
        if name and (not found or found[-1][1] <= name.start(1)) and not (
                _dateline(view, name.start(1), ending.end())):
            found.append((name.start(1), ending.end()))
    return found


def _dateline(view: View, start: int, end: int) -> bool:
    """The domain opens the text as its dateline, the outlet that carries it, not a body it mentions:
    "(Thanhhoa.dcs.vn): Từ đầu năm ...", "VOV.VN - Ngày 24/7 ..."."""
    opening = view.norm[:start].strip(" \t\xa0")
    closing = view.norm[end:end + 3].lstrip(" \t\xa0")[:1]
    return opening in ("", "(", "[") and closing in (")", "]", ":", "-", "–", "—")


# what may follow an outlet's bracketed tag before its lead goes on: spaces and a dash or colon
_AFTER_TAG = re.compile(r"[ \t\xa0]*[)\]][ \t\xa0]*(?:[-–—:][ \t\xa0]*)?(?=\S)")


def outlet_tag(view: View, start: int, end: int) -> bool:
    """The name is the whole of a bracket that opens a paragraph and its lead goes on after it on the same
    line: the outlet's tag, as a dateline ("(ĐCSVN) - Ngày 22/7 ...", "(VBSP News) Sau 10 năm ...",
    "(Thanhuytphcm.vn) – Ban Thường vụ ..."), which names the page's outlet, not a body the text tells
    of; a bracket closing a paragraph ("... tổ chức. (Sở Y tế)") is a credit of its own."""
    line_start = view.norm.rfind("\n", 0, start) + 1
    opening = view.norm[line_start:start].strip(" \t\xa0")
    return opening in ("(", "[") and _AFTER_TAG.match(view.norm, end) is not None


def suffixed_brands(view: View) -> list[tuple[int, int, int]]:
    """(start, end, end of the brand) of capitalised words followed by a company word: "Toshiba
    Corp", "FLC Group"; not when the words are a place alone ("Việt Nam Airlines" is listed)."""
    found = []
    stop_re = rules().stop_re
    _, company_word, brand_before = _patterns()
    for word in company_word.finditer(view.norm):
        match = brand_before.search(view.norm, max(0, word.start() - 60), word.start())
        if match is None:
            continue
        start = match.start(1)
        while start < match.end(1) and (title := stop_re.match(view.norm, start)):
            start = title.end() + 1  # "Chủ tịch Toshiba Corp": the title is no part of the name
        country = place_end(view, start)
        if start < country < match.end(1) and place_level(view.norm[start:country]) == "country":
            start = country + 1  # "Hàn Quốc Samsung Electronics": the country the firm is from, then its name
        first = view.lower[start:view.norm.find(" ", start)]
        if word_class(first) in ENDS_A_NAME and view.norm.find(" ", start) < match.end(1):
            start += len(first) + 1  # "Còn General Motors": a sentence's first word, capitalised
        if start < match.end(1) and place_level(view.norm[start:match.end(1)]) != "country":
            found.append((start, word.end(), match.end(1)))
    return found


# a brand's shape: small letters, then a capital inside the word ("EuroCham", "AmCham", "VinFast"); not
# a surname with its particle ("McDonald", "DeSantis", "LeBron", "VanDyke")
_INNER_CAPITAL = re.compile(
    rf"(?!(?:Mc|Mac|De|Di|Du|La|Le|Van|Von)[{CAPITALS}])[{CAPITALS}][a-z]+[{CAPITALS}][A-Za-z]*(?![^\W_])")


def officer_brands(view: View) -> list[tuple[int, int]]:
    """Spans of brand-shaped words right after an officer's title ("Chủ tịch EuroCham"): the body the
    officer heads; a brand written like a word ("Chủ tịch Hòa") is left to the listed names."""
    found = []
    for title in rules().officer_re.finditer(view.norm):
        gap = re.match(r"[ \t\xa0]+", view.norm[title.end():title.end() + 3])
        brand = _INNER_CAPITAL.match(view.norm, title.end() + gap.end()) if gap else None
        if brand is not None and view.norm[brand.start():brand.end()].lower() not in rules().not_names:
            found.append(brand.span())
    return found


def coordinated(view: View, spans: Sequence[tuple[int, int]], anchors: Sequence[tuple[int, int]],
                ) -> list[tuple[int, int]]:
    """Acronyms listed right after or before a company, bank or brand (`anchors`), joined by a comma,
    "và" or "&": "Ngân hàng MB và SHB", "ACB, Vietcombank" (not places, nor words in capitals: "TP.HCM",
    "TẠI"). Beside a Party or State body an acronym is as often a common noun ("ĐV", "CB, CC")."""
    taken = sorted(spans)
    found: list[tuple[int, int]] = []
    for start, end in anchors:
        pos = end
        while (gap := _LIST_GAP.match(view.norm, pos)) and (acronym := _ACRONYM.match(view.norm, gap.end())):
            if not _an_acronym_name(view, acronym) or any(s < acronym.end() and acronym.start() < e
                                                          for s, e in taken):
                break
            found.append(acronym.span())
            pos = acronym.end()
        before = view.norm[max(0, start - 12):start]
        match = _ACRONYM_BEFORE.search(before)
        if match:
            acronym_start = start - len(before) + match.start(1)
            acronym = _ACRONYM.match(view.norm, acronym_start)
            if acronym and _an_acronym_name(view, acronym) and not any(
                    s < acronym.end() and acronym.start() < e for s, e in taken):
                found.append(acronym.span())
    return found


def _an_acronym_name(view: View, acronym: re.Match[str]) -> bool:
    """An acronym that can be a body's name: no place, no word in capitals, no number after it."""
    text = acronym.group()
    after = view.norm[acronym.end():acronym.end() + 2]
    roman = re.fullmatch("[IVXLCDM]+", text) is not None  # "khóa XI, Bộ Chính trị"
    glued = after[:1] in ".-/" and after[1:2].isalnum()  # "COVID-19", "TP.HCM"
    return not (roman or glued or place_level(text) or shouting(text))
