"""One document, one id across all articles (spec section 3): the spec's equivalences of ids.

`canonical_id` writes an id in one form where the spec makes two forms one document, and changes
nothing else:
- the spelling alternation i/y after a consonant ("nhiệm kì" is "nhiệm kỳ"; `pipeline.text.final_y`);
- the national Party congress's documents, one per congress however the page names the congress
  ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội ĐBTQ lần thứ
  XIII", "Nghị quyết Đại hội Đảng toàn quốc lần thứ 13", "Văn kiện Đại hội Đảng toàn quốc lần XIII" are
  `Nghị quyết Đại hội XIII`, `Văn kiện Đại hội XIII`); a province's,
  a unit's or another body's congress, or one named by its number alone ("Nghị quyết Đại hội lần thứ
  XV", often the article's own), keeps its name (rules/directives.yml, `national_congress_words`);
- "năm" before a law's trailing year ("Luật Thi đua, khen thưởng năm 2022" is `Luật Thi đua, khen
  thưởng 2022`, as the spec writes "Luật Giáo dục 2019");
- quotation marks around a name (`Đề án "Học bổng cùng em đến trường"` is `Đề án Học bổng cùng em
  đến trường`: pages and the dev gold write one named document both ways);
- a type word (and "số") before a whole symbol: a coded document's id is its symbol ("Chương trình
  135/CP" is `135/CP`, "Nghị quyết số 57-NQ/TW" is `57-NQ/TW`; the dev gold wrote one so, dev26).
The extractor writes every id through it, and the scorer compares ids through it on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.extract.directive_grammar import ORDINAL_WORD, SYMBOL, H, ordinal_value, roman_term, rules
from pipeline.rulebook import compiled
from pipeline.text import QUOTE_PAIRS, alternation, casefold_words, final_y

NUMBER = (rf"(?:(?P<n>[IVXL]+|\d{{1,2}})|(?i:lần{H}+thứ){H}+(?P<n>[IVXL]+|\d{{1,2}}|{ORDINAL_WORD})"
          rf"|(?i:lần){H}+(?P<n>[IVXL]+|\d{{1,2}}))")  # "lần XIII": a numeral after "lần" alone
YEAR = r"(?:19|20)\d{2}"
QUOTE_MARKS = regex.compile(rf"\s*[{regex.escape(''.join(QUOTE_PAIRS) + ''.join(QUOTE_PAIRS.values()))}]\s*")


@dataclass(frozen=True)
class IdForms:
    """The patterns of the ids the spec makes one, compiled from rules/directives.yml."""

    national_congress: regex.Pattern[str]
    law_year: regex.Pattern[str]
    typed: regex.Pattern[str]  # a type word, perhaps "số", then the rest of the id
    documents: dict[str, str]  # folded document type -> as the id writes it


@compiled
def id_forms() -> IdForms:
    """Compile the national congress's and the laws' id forms."""
    data = rules().data
    documents = [e["term"] for e in data["congress_documents"]]
    words = [e["term"] for e in data["national_congress_words"]]
    owners = [e["term"] for e in data["national_congress_owners"]]
    laws = [e["term"] for e in data["types"] if e.get("named")]  # a law's name follows its type word
    yearly = [e["term"] for e in data["types"] if e.get("year_named")]  # "Hiến pháp năm 2013": a year only
    spaced = {"spaces": "plain", "ignore_case": True}
    owner = rf",?{H}+{alternation(owners, **spaced)}"
    return IdForms(
        national_congress=regex.compile(
            rf"(?P<type>{alternation(documents, **spaced)}){H}+(?i:đại{H}+hội)(?:"
            rf"{H}+{alternation(words, **spaced)}{H}+{NUMBER}(?:{owner})?"
            # the number alone says no more than "the congress": an article's own ("Nghị quyết Đại
            # hội lần thứ XV, nhiệm kỳ 2020-2025, Đảng bộ Công ty ...") keeps its name
            # "đại biểu" says no more either, but the Party named after the number does ("Nghị quyết
            # Đại hội đại biểu lần XIII của Đảng")
            rf"|{H}+(?:(?i:đại{H}+biểu){H}+)?{NUMBER}{owner})"),
        law_year=regex.compile(rf"(?P<name>{alternation(laws, **spaced)}{H}+.+?"
                               rf"|{alternation(yearly, **spaced)}){H}+(?i:năm){H}+(?P<year>{YEAR})"),
        typed=regex.compile(rf"{alternation([e['term'] for e in data['types']], **spaced)}"
                            rf"(?:{H}+(?i:số))?{H}*:?{H}*(?P<rest>.+)"),
        documents={casefold_words(d, modern=True): d for d in documents},
    )


def congress_document(written: str) -> str:
    """A congress's document type as the rule file writes it ("NGHỊ QUYẾT", "Văn Kiện" -> "Nghị quyết",
    "Văn kiện")."""
    return id_forms().documents[casefold_words(written, modern=True)]


def names_national_congress(written: str) -> bool:
    """Whether a congress's document as written names the national Party congress ("văn kiện Đại
    hội toàn quốc lần thứ XIII của Đảng"), which `canonical_id` writes by the congress's number."""
    return bool(id_forms().national_congress.fullmatch(final_y(written)))


def _unquoted(directive_id: str) -> str:
    """The id without quotation marks, a space kept where a mark stood between two words."""
    if not QUOTE_MARKS.search(directive_id):
        return directive_id
    return " ".join(QUOTE_MARKS.sub(" ", directive_id).split())


def canonical_id(directive_id: str) -> str:
    """The id in the one form the spec gives each document: i/y spelled y, the national congress's
    documents by the congress's Roman number, a law's year without "năm", no quotation marks, a
    coded document by its symbol alone."""
    forms = id_forms()
    text = final_y(_unquoted(directive_id))
    if (typed := forms.typed.fullmatch(text)) and SYMBOL.fullmatch(typed.group("rest")):
        return typed.group("rest")
    if congress := forms.national_congress.fullmatch(text):
        kind = congress_document(congress.group("type"))
        return f"{kind} Đại hội {roman_term(str(ordinal_value(congress.group('n'))))}"
    if law := forms.law_year.fullmatch(text):
        return f"{law.group('name')} {law.group('year')}"
    return text
