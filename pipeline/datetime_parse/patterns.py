"""The date patterns and look-around regexes, compiled once per rulebook from rules/dates.yml."""

from __future__ import annotations

from typing import Any

import regex

from pipeline.datetime_parse.calendar_handlers import (
    on_decade,
    on_lunar_new_year,
    on_month,
    on_month_list,
    on_month_range,
    on_month_word,
    on_month_year,
    on_quarter,
    on_year,
    on_year_range,
)
from pipeline.datetime_parse.day_handlers import (
    on_day,
    on_day_list,
    on_day_pair,
    on_day_span,
    on_iso,
    on_paren_day,
    on_us_day,
    on_word_day,
)
from pipeline.datetime_parse.lexicon import (
    _LEXICONS,
    DASH,
    DASHES,
    DAY,
    FLAGS,
    HSPACE,
    MONTH,
    NUM_END,
    NUM_START,
    TIME,
    YEAR,
    Grammar,
    Handler,
    date_rules,
)
from pipeline.datetime_parse.period_handlers import (
    on_bare_months,
    on_months_back,
    on_part_of_year,
    on_relative_month,
    on_relative_year,
    on_reported_term,
    on_since_year_start,
    on_term,
    on_within_year,
    on_year_edge,
    on_years_back,
)
from pipeline.rulebook import compiled
from pipeline.text import alternation, casefold_words


def _lexicon(rules: dict[str, Any], key: str) -> str:
    return alternation([entry["term"] for entry in rules[key]], spaces="any")


# the Party centre's symbol after a document's number ("05-CT/TW", "08-QĐi/TƯ", "35-CT/T.Ư")
_CENTRE_SYMBOL = rf"(?:{HSPACE}?[-/]{HSPACE}?\p{{Lu}}\p{{L}}*{HSPACE}?/{HSPACE}?T\.?[WƯ])?"
# ...a document of the same number issued by a provincial or local body is another document
_LOCAL_ISSUER = (rf"{HSPACE}*(?:của{HSPACE}+)?(?:(?:Tỉnh|Thành|Huyện|Quận|Đảng){HSPACE}+[uủ]ỷ?"
                 rf"|Ban{HSPACE}+Thường{HSPACE}+vụ|UBND|HĐND)")


def _document_name(term: str) -> str:
    """A well-known document's name as the press writes it: "số" before its number and the Party
    symbol after it ("Chỉ thị số 05-CT/TW"), its term in brackets ("Nghị quyết Trung ương 4 (khóa XII)")."""
    parts = []
    for word in term.split():
        if word.isdigit():
            parts.append(rf"(?:số{HSPACE}+)?0*{int(word)}{_CENTRE_SYMBOL}")
        elif symbol := regex.fullmatch(r"(\d+)-(\w+)/TW", word):  # the symbol must be written
            parts.append(rf"(?:số{HSPACE}+)?0*{int(symbol[1])}{HSPACE}?[-/]{HSPACE}?{symbol[2]}"
                         rf"{HSPACE}?/{HSPACE}?T\.?[WƯ]")
        elif word.casefold() in ("khóa", "khoá"):
            parts.append(r"\(?\s*(?:khóa|khoá)")
        else:
            parts.append(regex.escape(word))
    name = rf"{HSPACE}*,?{HSPACE}*".join(parts)
    return rf"(?-i:{name})(?![\p{{L}}\d/-])\)?(?!{_LOCAL_ISSUER})"


def _issued_documents(rules: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """One pattern for the well-known documents (a group per entry) and each group's year of issue."""
    names = {f"doc{i}": entry for i, entry in enumerate(rules["issued_documents"])}
    pattern = "|".join(f"(?P<{name}>{_document_name(e['term'])})" for name, e in names.items())
    return pattern, {name: e["year"] for name, e in names.items()}


# a day starts a number, or is glued to its "ngày" as hurried pages write it ("ngày15/01/2024")
DAY_START = r"(?=\d)(?:(?<=(?<!\p{L})ngày)|(?<![\p{L}\d.,/:+#\-_]))"


@compiled
def grammar() -> Grammar:
    """Every pattern, compiled once per process from the rule file."""
    rules = date_rules()
    lex = {key: _lexicon(rules, key) for key in _LEXICONS}
    same_period = alternation([e["term"] for e in rules["comparison_bases"] if e.get("same_period")],
                              spaces="any")
    issued_documents, document_years = _issued_documents(rules)
    # a sexagenary year, both words capitalised ("Nhâm Dần"): lower case they are common words
    lunar_year = rf"(?-i:{lex['lunar_stems']}){HSPACE}+(?-i:{lex['lunar_branches']})(?!\p{{L}})"
    # a named day: a listed name, or a proper name opening with a capital "Ngày" and a capitalised word
    # ("Ngày Dân số thế giới (11-7)", "Ngày Môi trường thế giới 5/6"), which the press capitalises
    named_day_head = rf"(?:{lex['named_days']}|(?-i:Ngày|NGÀY)(?={HSPACE}+(?-i:\p{{Lu}})))"
    rel_tail = rf"\s+năm\s+(?P<rel>{lex['relative_years']})\b(?!\s+(?:đó|ấy)\b)"
    # ...and after a part of a year that has written its "năm" ("6 tháng đầu năm ngoái", "nửa cuối năm nay"),
    # not a clause's "trước khi", "sau đó"
    rel_after = (rf"\s+(?P<rel>{lex['relative_years']})(?!\p{{L}})"
                 rf"(?!{HSPACE}+(?:khi|đó|ấy|nữa|này)(?!\p{{L}}))")
    year_tail = (rf"(?:\s*(?:/|{DASHES}|\.)\s*(?P<y>{YEAR})(?!\d)"
                 rf"|\s*,?\s+năm\s+(?P<y>{YEAR})(?!\d)|{rel_tail})")
    year_end = rf"(?!\d|[.,]\d|/|-\p{{L}}|_|\s?%|{DASH}\d)"  # "_": a file name's ("HDQT_2016_NQ")
    item_joiner = rf"\s*(?:,|và|hoặc|{DASHES})\s*"
    until = r"(?:cho\s+)?(?:đến|tới)(?:\s+hết)?"  # "đến", "tới", "cho đến hết"
    list_gap = rf"\s*(?:,|;|và|hoặc|{DASHES}|{until})\s*"
    quarter = r"(?P<item>IV|III|II|I|0?[1-4])(?![\p{L}\d])"  # "quý 01/2021" too
    count = rf"(?:(?=\d)(?<![\d.,])(?P<n>\d{{1,2}})|(?<!\p{{L}})(?P<n>{lex['number_words']})(?!\p{{L}}))"
    specs: list[tuple[str, Handler]] = [
        (rf"(?=\d)(?<![\d\-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?!\d)", on_iso),
        # a day in full, its separators spaced or not; dashes may be en dashes, as pages that set
        # "-" as "–" write them ("ngày 9 – 7 – 2004", "ngày 9–7–2004")
        (rf"{DAY_START}(?P<d>{DAY})(?:\s?(?P<sep>[/.\-–])\s?(?P<m>{MONTH})\s?(?P=sep)\s?"
         rf"|\s(?P<sep>–)\s(?P<m>{MONTH})\s–\s)(?P<y>{YEAR})"
         r"(?!\d|[.,]\d|/\p{L}|-\p{L})", on_day),
        # ...and as blog date lines write it, the year after a comma ending the line or the sentence:
        # "Thứ Năm, 25 tháng 8, 2022" (Blogger), "27 tháng 4, 2021" (a faculty portal's date line)
        (rf"(?=\d)(?<![\d.,])(?P<d>{DAY})\s+tháng\s+(?P<m>{MONTH})"
         rf"(?:\s*,?\s*năm\s+(?P<y>{YEAR})|\s*/\s*(?P<y>{YEAR})|{rel_tail}"
         rf"|,{HSPACE}*(?P<y>{YEAR})(?={HSPACE}*(?:[\n.;|]|\Z)))?(?![\d\p{{L}}]|[.,/]\d)",
         on_word_day),
        # ...its month named in words: "ngày 15 tháng Mười Hai năm 2020", "Ngày 3 tháng Năm năm 2021"
        (rf"(?=\d)(?<![\d.,])(?P<d>{DAY})\s+tháng\s+(?P<mw>{lex['month_words']})(?!\p{{L}})"
         rf"(?:\s*,?\s*năm\s+(?P<y>{YEAR})|\s*/\s*(?P<y>{YEAR})|{rel_tail})?(?![\d\p{{L}}]|[.,/]\d)",
         on_word_day),
        (rf"{DAY_START}(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?(?P<sep>\s?/\s?|-|\.)(?P<m>{MONTH})"
         rf"(?:\s+năm\s+(?P<y>{YEAR})(?!\d)|{rel_tail})?{NUM_END}", on_day),
        # a span of days sharing month and year: "ngày 15-16/5/2021", "từ ngày 25-27/12/2020", and as
        # dash-style (and dot-style) papers write it, the year always written: "từ ngày 11 – 16-3-2013"
        (rf"{NUM_START}(?P<d>{DAY}){DASH}(?P<d2>{DAY})(?:(?P<sep>\s?/\s?)(?P<m>{MONTH})\s?/\s?"
         rf"|(?P<sep>[-.])(?P<m>{MONTH})(?P=sep))(?P<y>{YEAR})(?!\d|[.,]\d|/)", on_day),
        (rf"{NUM_START}(?P<item>{DAY})(?:\s*(?:,|và|hoặc)\s*(?P<item>{DAY}))+\s?/\s?(?P<m>{MONTH})"
         rf"(?:\s?/\s?(?P<y>{YEAR}))?(?!\d|[.,/]\d)", on_day_list),
        # the same with dashes, as dash-style papers write it: "ngày 5 và 6-6-2024", "ngày 14, 15-6",
        # spaced too: "trong 2 ngày 27 và 28 - 12 - 2004"
        (rf"{NUM_START}(?P<item>{DAY})(?:\s*(?:,|và|hoặc)\s*(?P<item>{DAY}))+\s?-\s?(?P<m>{MONTH})"
         rf"(?:\s?-\s?(?P<y>{YEAR}))?(?!\d|[.,/-]\d)", on_day_list),
        # ...and with dots, as dot-style papers write days ("ngày 25.5"), the year written:
        # "ngày 13 và 14.10.2015"
        (rf"{NUM_START}(?P<item>{DAY})(?:\s*(?:,|và|hoặc)\s*(?P<item>{DAY}))+\.(?P<m>{MONTH})\.(?P<y>{YEAR})"
         rf"(?!\d|[.,/-]\d)", on_day_list),
        # a span of days after a range word, the first taking the last's month ("từ ngày 27 đến 29/4",
        # "từ 13 đến 16-10-2015"), the last written as any full day may be: "16 - 10 - 2015", "16.10.2015"
        (rf"{NUM_START}(?P<d>{DAY})\s+(?:đến|tới)\s+(?:ngày\s+)?(?P<d2>{DAY})(?:\s?/\s?(?P<m>{MONTH})"
         rf"(?:\s?/\s?(?P<y>{YEAR}))?|-(?P<m>{MONTH})(?:-(?P<y>{YEAR}))?"
         rf"|(?P<sep>\s?-\s?|\s–\s|\.)(?P<m>{MONTH})(?P=sep)(?P<y>{YEAR})"
         rf"|\s+tháng\s+(?P<m>{MONTH})(?:\s*,?\s*năm\s+(?P<y>{YEAR}))?){NUM_END}",
         on_day_span),
        (rf"\(\s*(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?(?P<sep>\s?/\s?|-)(?P<m>{MONTH})\s*\)", on_paren_day),
        # a month-first day as pages on a US-English server print it ("5/26/2022 9:16:42 PM" on
        # conggiao.info, "Cập nhật bản tin: 6/29/2024" on cucthongke.quangtri.gov.vn): read only where the
        # day-first reading is impossible, its second number over 12; "02/11/2019" stays 2 November
        (rf"{NUM_START}(?P<m>{MONTH})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>{YEAR})(?!\d|[.,]\d|/\p{{L}}|-\p{{L}})",
         on_us_day),
        # two days with their months, the second perhaps with its year: "30/4-1/5", "(1/7 đến 3/7/2021)"
        (rf"{NUM_START}(?P<d>{DAY})\s?/\s?(?P<m>{MONTH})\s*(?:{DASHES}|{until})\s*(?:ngày\s+)?"
         rf"(?P<d2>{DAY})\s?/\s?(?P<m2>{MONTH})(?:\s?/\s?(?P<y>{YEAR}))?{NUM_END}", on_day_pair),
        # ...dash-style, apart by a spaced dash or "đến", the year written: "29-5 – 5-6-2022"
        (rf"{NUM_START}(?P<d>{DAY})-(?P<m>{MONTH})(?:\s+{DASHES}\s+|\s+{until}\s+)(?:ngày\s+)?"
         rf"(?P<d2>{DAY})-(?P<m2>{MONTH})-(?P<y>{YEAR}){NUM_END}", on_day_pair),
        # ...dot-style, the last day's year written (a bare "17.10" alone may be a decimal): "Tháng cao
        # điểm (17.10 - 18.11.2021)", "từ 25.5 đến 5.6.2021"
        (rf"{NUM_START}(?P<d>{DAY})\.(?P<m>{MONTH})\s*(?:{DASHES}|{until})\s*(?:ngày\s+)?"
         rf"(?P<d2>{DAY})\.(?P<m2>{MONTH})\.(?P<y>{YEAR}){NUM_END}", on_day_pair),
        (rf"tháng\s+(?P<item>{MONTH})(?:\s*(?:,|và|hoặc)\s*(?:tháng\s+)?(?P<item>{MONTH}))+{year_tail}",
         on_month_list),
        (rf"tháng\s+(?P<m>{MONTH}){DASH}(?:tháng\s+)?(?P<m2>{MONTH})(?:{year_tail})?{NUM_END}",
         on_month_range),
        (rf"tháng\s+(?P<m>{MONTH})(?:{year_tail})?{NUM_END}", on_month),
        (rf"{NUM_START}(?P<m>{MONTH})\s?/\s?(?P<y>{YEAR})(?!\d|[.,/]\d|\s?%)", on_month_year),
        (rf"\bquý\s+{quarter}(?:{item_joiner}(?:quý\s+)?{quarter})*(?:{year_tail})?", on_quarter),
        # business pages' "Q1/2021", "Q2-2021": the capital Q and its year written
        (rf"(?<![\p{{L}}\d])(?-i:Q)(?P<item>[1-4])\s?[/-]\s?(?P<y>{YEAR})(?!\d|[.,/]\d)", on_quarter),
        # "T8/2007", "T6/2022": school and youth-union pages shorten "tháng" to a capital T before a month
        # and its year (mamnonngoctrao.edu.vn, thuyloidongnai.vn); "nhà ga T1", "gửi vào T6, 2018-09-28"
        # (a terminal, a weekday) write no year after a slash
        (rf"(?<![\p{{L}}\d])(?-i:T)(?P<m>{MONTH})\s?/\s?(?P<y>{YEAR})(?!\d|[.,/]\d)", on_month),
        (rf"{NUM_START}(?P<y>{YEAR})(?P<rs>{DASH}|\s?/\s?)(?P<y2>{YEAR}){year_end}", on_year_range),
        # a number right after a year on its line keeps it no year, but one opening the next line belongs to
        # that line ("... thường niên năm 2014\n2) Nội dung", "tuyển quân năm 2024\n06:33 25/02/2024")
        (rf"{NUM_START}(?P<y>{YEAR})(?!{HSPACE}\d){year_end}", on_year),
        (rf"\bnăm\s+(?P<rel>{lex['relative_years']})\b(?!\s+(?:đó|ấy)\b)", on_relative_year),
        # a decade by its tens: "thập niên 90", "những năm 80 của thế kỷ trước"; not before a unit's
        # noun (`decade_blockers`: "những năm 60 tuổi")
        (rf"(?<!\p{{L}})(?:{lex['decade_words']})\s+(?P<tens>[1-9]0)(?![\p{{L}}\d]|[.,/]\d|\s?%|\s*{DASHES}\s*\d"
         rf"|{HSPACE}+{lex['decade_blockers']}(?!\p{{L}}))(?:\s*,?\s+(?:của\s+)?(?P<c>{lex['decade_centuries']})"
         rf"(?![\p{{L}}\d]))?", on_decade),
        # "dịp Tết Nguyên đán Tân Sửu", "đón xuân Mậu Tuất": a lunar New Year by its name alone; with a
        # year after it ("Tết Canh Tý 2020", "Xuân Canh Tý (1960)") that year is the date
        (rf"(?<!\p{{L}})(?:{lex['lunar_new_year_heads']}){HSPACE}+(?P<stem>(?-i:{lex['lunar_stems']}))"
         rf"{HSPACE}+(?P<branch>(?-i:{lex['lunar_branches']}))(?!\p{{L}})"
         rf"(?!{HSPACE}*,?{HSPACE}*(?:năm{HSPACE}+)?\(?{HSPACE}*\d)", on_lunar_new_year),
        # "so với tháng trước", "đầu tháng này": not "tháng trước khi ..." (the month before an event)
        (rf"\btháng\s+(?P<rel>{lex['relative_months']})(?!\p{{L}})(?!{HSPACE}+(?:khi|đó|ấy|nữa)(?!\p{{L}}))",
         on_relative_month),
        (rf"{count}\s+tháng\s+(?:(?P<of>của)\s+)?(?:(?P<half>đầu|cuối)\s+)?(?:(?P<of>của)\s+)?năm"
         rf"(?:\s+(?P<y>{YEAR})(?!\d)|{rel_after})?", on_part_of_year),
        # "9 tháng 2017", "6 tháng đầu 2020": the same with the year written bare, as titles and tables do
        (rf"{count}\s+tháng\s+(?:(?P<half>đầu|cuối)\s+)?(?P<bare>(?P<y>(?:19|20)\d\d)){year_end}",
         on_part_of_year),
        # "2 quý đầu năm nay", "hai quý cuối năm 2021": whole quarters counted from the year's edge
        (rf"{count}\s+(?P<quarters>quý)\s+(?P<half>đầu|cuối)\s+năm"
         rf"(?:\s+(?P<y>{YEAR})(?!\d)|{rel_after})?", on_part_of_year),
        (rf"(?<!\p{{L}})(?P<some>những|các)\s+tháng\s+(?P<half>đầu|cuối)\s+năm"
         rf"(?:\s+(?P<y>{YEAR})(?!\d)|{rel_after})?", on_part_of_year),
        (rf"{count}\s+tháng\s+(?:vừa\s+)?qua(?!\p{{L}})", on_months_back),
        # "sau 3 tháng", "3 tháng kể từ khi ...": a length after an event, no period of the year
        (rf"(?<!(?<!\p{{L}})sau\s{{1,3}}){count}\s+tháng(?![\p{{L}}\d]|\s+(?:\p{{L}}+\s+)?(?:năm|qua|tới|nữa|sau|trước"
         rf"|tuổi|kể\s+từ)(?!\p{{L}})|\s*\()", on_bare_months),
        (rf"tháng\s+(?P<mw>{lex['month_words']})(?!\p{{L}})(?:{year_tail})?{NUM_END}", on_month_word),
        (r"(?<!\p{L})(?P<half>đầu|cuối)\s+năm(?![\p{L}\d]|\s+(?:\d|học|lớp|tài\s+chính))", on_year_edge),
        (r"(?<!\p{L})trong\s+năm(?=[^\S\n]*,)", on_within_year),
        (rf"\bnửa\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>{YEAR})(?!\d)|{rel_after})?", on_part_of_year),
        (rf"{count}\s+năm(?:\s*\(\s*(?P<y>{YEAR}){DASH}(?P<y2>{YEAR})\s*\))?", on_years_back),
        # a bare term closing its phrase: "Trong nhiệm kỳ, ...", "tăng 116 đảng viên so với đầu nhiệm kỳ."
        (r"(?<!\p{L})(?:(?P<within>trong)|(?P<edge>đầu))\s+nhiệm\s+kỳ(?=[^\S\n]*(?:[.,;:!?)\n]|\Z))",
         on_reported_term),
        (rf"\bnhiệm\s+(?P<kw>kỳ)(?:\s+(?P<tw>{lex['term_words']})\b)?", on_term),
        (rf"\bđầu\s+năm\s+{lex['since_tails']}\b", on_since_year_start),
    ]
    looks = {
        "trigger": rf"(?<!\p{{L}})(?P<tw>{lex['day_triggers']}|{lex['range_triggers']})(?P<ts>\s*[,(]?\s*)\Z",
        "counted": rf"(?:\d|(?<!\p{{L}}){lex['quantity_words']})\s+\Z",
        "modifier": rf"(?<!\p{{L}})(?:{lex['period_modifiers']}|trong|cùng\s+kỳ)\s+\Z",
        # a part of a year opening an atom: "cuối năm 2021", "đầu năm 2014"
        "year_part": rf"{lex['period_modifiers']}\s+năm(?!\p{{L}})",
        "period": rf"(?<!\p{{L}})(?P<pw>{lex['period_words']})\s+\Z",
        # a relative period right before the years it names ("nhiệm kỳ mới 2015 - 2020", "năm nay 2020"):
        # one expression, dated by its years
        "relative_lead": rf"(?<!\p{{L}})(?:nhiệm[^\S\n]+(?P<term>kỳ)[^\S\n]+{lex['term_words']}"
                         rf"|năm[^\S\n]+{lex['relative_years']})[^\S\n]+\Z",
        "approx": rf"(?<!\p{{L}}){lex['approximators']}\s+\Z",
        "year_prefix": rf"(?<!\p{{L}})(?:{lex['period_modifiers']}\s+)?(?:(?P<nam>năm)\s+|SN\s*)\Z"
                       rf"|(?<!\p{{L}}){lex['period_modifiers']}\s+\Z",
        "decade": rf"(?<!\p{{L}}){lex['decade_words']}\s+\Z",
        "tense": rf"[^\S\n]+(?P<tw>{lex['tense_after']})\b",
        "lunar": rf"\s*\(?\s*(?:{lex['lunar_markers']}\b|(?:/\s*|năm\s+)?{lunar_year})",
        # "(nhằm ngày 11/4/Nhâm Dần)" right after a day: the same day in the lunar calendar
        "lunar_day": rf"(?<!\p{{L}}){lex['lunar_days']}[^\S\n]+\Z",
        "lunar_twin": rf"{HSPACE}*\({HSPACE}*(?:{lex['lunar_twin_heads']}{HSPACE}+)?"
                      rf"(?P<twin>[^()\n]{{1,60}}?){HSPACE}*\)",
        "lunar_word": rf"(?<!\p{{L}})(?:{lex['lunar_markers']}|{lunar_year}"
                      rf"|tháng{HSPACE}+(?-i:{lex['lunar_months']}))(?!\p{{L}})",
        # "ngày 23/9 hàng năm", "tháng 10 Dương lịch hàng năm" (solar calendar named against the lunar)
        # ...or "27/2 những năm gần đây" (a plural of years right after it, no year written after that)
        "recurring": rf"[^\S\n]*(?:,?[^\S\n]*(?:dương\s+lịch[^\S\n]+)?{lex['recurrence_markers']}(?!\p{{L}})"
                     rf"|{lex['recurrence_plurals']}(?!\p{{L}})(?![^\S\n]*\d))",
        # ...or before it, up to three words apart in its clause: "Hằng năm, cứ vào độ tháng 11"
        "recurring_before": rf"(?<!\p{{L}}){lex['recurrence_markers']}[^\S\n]*,?"
                            rf"(?:[^\S\n]+\p{{L}}+){{0,3}}[^\S\n]+\Z",
        "back_cue": rf"(?<!\p{{L}})(?<!{lex['years_back_blockers']}\s+){lex['years_back_before']}\s+\Z",
        "back_after": rf"\s+{lex['years_back_after']}\b",
        "back_future": rf"\s+{lex['years_back_future']}\b",
        "back_doing": rf"\s+{lex['years_back_doing']}(?=[^\S\n]+\p{{L}})",
        "back_growing": rf"\s+{lex['years_back_growing']}(?!\p{{L}})",
        "named_day": rf"(?<!\p{{L}}){lex['named_days']}[^.;:!?\n()]{{0,80}}\Z",
        # ...and a few words of its name right before a day/month: "Ngày Quốc tế Lao động 1/5"
        "named_day_name": rf"(?<!\p{{L}}){named_day_head}(?:{HSPACE}+[\p{{L}}-]+){{0,5}}{HSPACE}+\Z",
        # ...whose capitalised name ends in a dashed day-month that a clause's function word follows
        "named_follower": rf"{HSPACE}+{lex['named_date_followers']}(?!\p{{L}})",
        "back_length": rf"(?<!\p{{L}}){lex['years_back_lengths']}\s+\Z",
        # where a bare "N năm" may repeat a period: opening its sentence or clause, or after "sau", "trong"
        "repeat_length": rf"\s+(?:{lex['years_repeat_blockers']}|{lex['years_back_future']})(?!\p{{L}})",
        "repeat_slot": rf"(?:(?:^|[.,;:!?(\n]){HSPACE}*|(?<!\p{{L}})(?<!trải{HSPACE})"
                       rf"{lex['years_repeat_before']}{HSPACE}+)\Z",
        # "Sau 5 năm, ...": the years opening their sentence, closed by a comma
        "after_opening": rf"(?:\A|[.!?:;\n])[^\S\n]*{lex['years_after_heads']}{HSPACE}+\Z",
        "clause_comma": rf"{HSPACE}*,",
        "term_since": rf"(?<!\p{{L}}){lex['since_heads']}\s+đầu\s+\Z",
        "since_head_word": rf"(?<!\p{{L}}){lex['since_heads']}\s+\Z",
        "since_head": rf"(?<!\p{{L}}){lex['since_heads']}\s*\(?\s*\Z",
        "since_tail": rf"\s*,?\s*{lex['since_tails']}\b",
        # "Tính từ ngày phát động 17-10-2000 đến nay": the day of an event named between, open to now
        "since_event": rf"(?<!\p{{L}}){lex['since_heads']}\s+ngày(?:\s+\p{{Ll}}+){{1,3}}\s+\Z",
        "founded": rf"(?<!\p{{L}}){lex['founding_verbs']}\s+\Z",
        "founded_on": rf"(?<!\p{{L}}){lex['founding_verbs']}(?:\s+(?:vào|từ))?\s+\Z",
        "day_count": rf"(?<![\p{{L}}\d])(?P<n>\d{{1,2}}|{lex['number_words']})\s+\Z",
        "listed_plural": rf"(?<!\p{{L}}){lex['listed_month_plurals']}\s+\Z",
        "term_opener": rf"(?<!\p{{L}}){lex['term_openers']}(?!\p{{L}})[^.;!?\n]*\Z",
        "range_next": rf"\s*(?:{DASHES}|{until})",
        # "từ 30-4 | đến 3-5 năm nay", "| đến hết 31-12": a dashed day paired after a range word's day
        "dashed_pair": rf"\s*(?:cho\s+)?(?:đến|tới)(?P<upto>\s+hết)?\s+(?P<day>ngày\s+)?{DAY}-{MONTH}"
                       rf"(?:-(?P<y>{YEAR})|{rel_tail})?(?![\p{{L}}\d]|[.,/-]\d|\s?%)",
        "month_year_dash": rf"(?<![\d/]){MONTH}\s?/\s?{YEAR}{DASH}\Z",
        # "(04/2006)": a month and year alone in brackets; not a map's scale, "tỷ lệ (1/2000)"
        "bracket_open": r"(?<!(?i:tỷ|tỉ)\s+lệ[^\S\n]*)\([^\S\n]*\Z",
        "bracket_close": r"[^\S\n]*\)",
        # after a quarter or month: the years it recurs in ("quý IV các năm 2011-2019"), so no one date
        "plural_years": rf"\s+(?:{lex['decade_words']})\s+{YEAR}",
        "edge_head": rf"(?<!\p{{L}}){lex['year_edge_heads']}\s+\Z",
        "sentence_start": r"(?:\A|[.!?:;\n]|[.!?]\s*[”\"])[^\S\n]*\Z",
        # "Trong năm 2016, ...": a year opening its sentence after a preposition
        "within_opener": r"(?:\A|[.!?:;\n])[^\S\n]*(?:trong|riêng|cũng\s+trong)\s+\Z",
        "opener_comma": r"[^\S\n]*,",
        # ...or its paragraph, whose later sentences it frames too
        "paragraph_opener": r"(?:\A|\n)[^\S\n]*(?:(?:trong|riêng|cũng\s+trong)\s+)?\Z",
        "comparison": rf"(?<!\p{{L}})(?P<cw>{lex['comparison_bases']})\s+\Z",
        # "so với cùng kỳ": the same period of another year, anywhere in a sentence
        "same_period": rf"(?<!\p{{L}})(?:{same_period})(?!\p{{L}})",
        # "ba tháng tính đến tháng 12": months counted up to a point, not from the year's start
        "counted_to": rf"{HSPACE}+(?:tính{HSPACE}+)?(?:đến|tới)(?!\p{{L}})",
        "target": rf"(?<!\p{{L}}){lex['target_heads']}\s+\Z",
        "ordinal": rf"(?<!\p{{L}}){lex['ordinal_heads']}[^\S\n]+\Z",
        # "kế hoạch hoạt động năm 2026": a few words may name the plan's field
        "plan": rf"(?<!\p{{L}})(?<!{lex['plan_blockers']}[^\S\n]+){lex['plan_heads']}"
                rf"(?:[^\S\n]+\p{{L}}+){{0,3}}[^\S\n]+\Z",
        # "(SN 1997, trú tại ...)", "sinh ngày 5/6/1960": the date a person was born; not "học sinh",
        # "phát sinh năm 2020" (pupils, arising)
        "born": rf"(?<!\p{{L}})(?<!(?:học|phát|nảy|tái)[^\S\n]){lex['birth_heads']}[^\S\n]*\Z",
        "fraction": rf"{HSPACE}+{lex['fraction_nouns']}\b",
        "unit": rf"{HSPACE}+{lex['count_units']}\b(?!{HSPACE}+lệ\b)",  # not "tỷ lệ" (rate)
        "chain": rf"{list_gap}(?P<item>(?:ngày\s+)?(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?\s?/\s?(?P<m>{MONTH})"
                 rf"(?:\s?/\s?(?P<y>{YEAR})|\s+năm\s+(?P<y>{YEAR}))?){NUM_END}",
        # a month and its year listed after a month with its year: "tháng 11, 12/2021 và 1/2022"
        "chain_month": rf"\s*(?:,|và|hoặc)\s*(?P<item>(?:tháng\s+)?(?P<m>{MONTH})\s?/\s?(?P<y>{YEAR}))"
                       rf"(?!\d|[.,/]\d|\s?%)",
        # ...and in dash-style papers, after a day written with a dash: "ngày 30-4 và 1-5"
        "chain_dash": rf"{list_gap}(?P<item>(?:ngày\s+)?(?P<d>{DAY})-(?P<m>{MONTH})(?:-(?P<y>{YEAR}))?)"
                      rf"(?![\p{{L}}\d]|[.,/-]\d|\s?%)",
        "list_gap": list_gap,
        # a dash may stand before the word of "until" too: "TỪ NĂM 2009 - ĐẾN NĂM 2014"
        "range_gap": rf"\s*(?:(?:{DASHES}\s*)?{until}|{DASHES})\s*",
        # after "N năm": its verbs of carrying out ("3 năm triển khai, tổ chức thực hiện Chỉ thị 05")
        "doing_gap": rf"(?:{HSPACE}*,?{HSPACE}+{lex['years_back_doing']})*{HSPACE}+",
        "issued_document": issued_documents,
        "spelling": rf"(?<!\p{{L}}){lex['spelling_variants']}(?!\p{{L}})",
        "anniversary": rf"(?<!\p{{L}}){lex['anniversary_heads']}\s+\Z",
        # "30 năm thành lập", "70 năm Ngày ...": after the years, what they are the age of
        "anniversary_object": rf"{HSPACE}+{lex['anniversary_objects']}(?!\p{{L}})",
        # "kỷ niệm 45 năm ngày thành lập": an anniversary's age, which dates an undated article
        "age": rf"(?<!\p{{L}}){lex['anniversary_heads']}\s+(?P<n>\d{{1,3}})\s+năm(?!\p{{L}})",
        # "33 năm kể từ khi đưa tổ máy đầu tiên vào vận hành (1988)", "... (năm 1988)": N years
        # counted from a year
        "since_year": rf"\s*,?\s+(?i:kể\s+từ)[^.;!?\n()]{{0,100}}?(?:\(\s*(?:năm\s+)?(?P<y>{YEAR})\s*\)"
                      rf"|(?<!\p{{L}})năm\s+(?P<y>{YEAR})(?![\d/.-]))",
        # "... sơ kết giai đoạn 2020-2022. Trong 2 năm, ...": a period the sentence before names,
        # then "Trong N năm" opening the next one
        "framed_before": rf"(?<!\p{{L}})(?i:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)\s+"
                         rf"(?P<y>{YEAR}){DASH}(?P<y2>{YEAR})[^.!?\n]{{0,200}}[.!?]\s*(?i:trong)\s+\Z",
        "named_month": rf"(?<!\p{{L}}){lex['named_month_heads']}\s+\Z",
        "listed_day": rf"\d{HSPACE}*(?:,|;|và|hoặc){HSPACE}*\Z",
        # a period of N years in brackets, or after "từ", later in the sentence of "N năm"
        "framed_period": rf"[^.;!?\n()]{{0,120}}?(?:\(\s*(?P<y>{YEAR}){DASH}(?P<y2>{YEAR})\s*\)"
                         rf"|(?<!\p{{L}})từ\s+(?P<y>{YEAR}){DASH}(?P<y2>{YEAR}){year_end})",
        # a time of day beside its day on the same line: a dateline's clock ending its line
        # ("03/03/2025 10:49") is no part of the day opening the next ("Ngày 28/02/2025, ...")
        "time_before": rf"(?<![\d:]){TIME}(?:{HSPACE}*(?P<pod>{lex['parts_of_day']}))?(?:{HSPACE}|[,(])*"
                       rf"(?:{lex['day_triggers']}(?:{HSPACE}|[,(])*)?\Z",
        "time_after": rf"(?:{HSPACE}*[-–|,]?{HSPACE}*(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
                      rf"(?::[0-5]\d)?(?!\d)|{HSPACE}*,?{HSPACE}+(?:vào\s+)?lúc\s+{TIME})"
                      # ...and its 12-hour mark as pages print it ("5/26/2022 9:16:42 PM", "20/12/2023 03:21
                      # CH": SA/CH, sáng/chiều, are AM/PM in vi-VN), upper case ("sa" is a word)
                      rf"(?:{HSPACE}+(?P<pod>{lex['parts_of_day']})\b"
                      rf"|{HSPACE}*(?P<ap>(?-i:[AP]M|SA|CH))(?!\p{{L}}))?",
    }
    return Grammar(
        patterns=tuple((regex.compile(p, FLAGS), h) for p, h in specs),
        count_led=frozenset(i for i, (p, _h) in enumerate(specs) if count in p),
        # where such a pattern may start: each opens with a count and a unit (after a look-behind at most)
        count_start=regex.compile(rf"(?={count}\s+(?:tháng|quý|năm))", FLAGS),
        count_unit=regex.compile(r"tháng|quý|năm", FLAGS),
        # ...so before a unit its count starts within as many runs of non-spaces as a count has words
        count_reach=regex.compile(
            rf"(?r)(?:\S+\s+){{1,{max(len(e['term'].split()) for e in rules['number_words'])}}}\Z"
        ),
        re={name: regex.compile(p, FLAGS) for name, p in looks.items()},
        in_span=frozenset(casefold_words(e["term"]) for e in rules["day_triggers"] if e["in_span"]),
        past=frozenset(casefold_words(e["term"]) for e in rules["day_triggers"] if e.get("past")),
        tense_after={casefold_words(e["term"]): e["offset"] for e in rules["tense_after"]},
        weak=frozenset(casefold_words(e["term"]) for e in rules["range_triggers"]),
        days_only=frozenset(casefold_words(e["term"]) for e in rules["range_triggers"] if e.get("days_only")),
        pm={casefold_words(e["term"]): (e["pm_from"], e["pm_below"]) for e in rules["parts_of_day"]},
        relative={casefold_words(e["term"]): e["offset"] for e in rules["relative_years"]},
        relative_months={casefold_words(e["term"]): e["offset"] for e in rules["relative_months"]},
        term_words={casefold_words(e["term"]): (e["offset"], e.get("ended", False))
                    for e in rules["term_words"]},
        party_term=dict(rules["party_term"]),
        numbers={casefold_words(e["term"]): e["value"] for e in rules["number_words"]},
        months={casefold_words(e["term"]): e["month"] for e in rules["month_words"]},
        comparison={casefold_words(e["term"]): e["offset"] for e in rules["comparison_bases"]},
        same_period=frozenset(casefold_words(e["term"]) for e in rules["comparison_bases"]
                              if e.get("same_period")),
        # stems and branches share no word, so one table serves both
        cycle={casefold_words(e["term"]): e["index"]
               for key in ("lunar_stems", "lunar_branches") for e in rules[key]},
        document_years=document_years,
        # only a spelling of the same length: atoms keep the offsets of the text as written
        spellings={casefold_words(e["term"]): e["as"] for e in rules["spelling_variants"]
                   if len(e["term"]) == len(e["as"])},
        centuries={casefold_words(e["term"]): e["base"] for e in rules["decade_centuries"]},
    )
