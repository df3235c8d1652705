"""Who issued a directive, as the text says: "của <issuer>" after it, or "<issuer> ký <it>" before.

A known body ("Bộ Chính trị", "Thủ tướng Chính phủ") or a head word and the capitalised name after
it ("UBND tỉnh Thanh Hóa", "Chủ tịch UBND tỉnh Phú Yên"). A signer's name written after the body
("... Phú Yên Trần Hữu Thế ký ...") is cut where the people extractor found a person.
"""

from __future__ import annotations

import regex

from pipeline.extract.directive_grammar import (
    DATE_AFTER,
    ISSUER_WORD,
    SENTENCE_END,
    clean,
    iso_date,
    match_at,
    rules,
)
from pipeline.extract.document import ArticleDoc
from pipeline.model import Mention


def issuer_before(text: str, start: int) -> tuple[int, int] | None:
    """Span of the body that issues the reference at start, named as the subject of an issuing
    verb right before it ("Chủ tịch UBND tỉnh Phú Yên Trần Hữu Thế ký Quyết định 557").

    The name runs from the first body or head word of the clause to the verb; a person's name
    at its end is cut in `build`, where the people found are known.
    """
    rule = rules()
    low = max(0, start - 160)
    clause = max(low, *(m.end() for m in SENTENCE_END.finditer(text, low, start)), 0)
    verb = rule.patterns["issuing"].search(text, clause, start)
    if not verb:
        return None
    for match in rule.patterns["issuer_name"].finditer(text, clause, verb.start()):
        named = issuer_name(text, match, limit=verb.start())
        if named and named[0] == verb.start():
            return match.start(), named[0]
    return None


def issuer_at(text: str, pos: int) -> tuple[int, str] | None:
    """End and name of "của <issuer>" at pos: a known body, or a head word and the name after it."""
    match = match_at(rules().patterns["issuer"], text, pos)
    return issuer_name(text, match) if match else None


def issuer_with_level(text: str, pos: int) -> tuple[int, str] | None:
    """ "của <issuer>" at pos with a level word that ends it ("của UBND tỉnh", "của Ban Thường vụ Hội
    Nông dân xã": the place is the article's), which `issuer_name` leaves out without a name after it."""
    stated = issuer_at(text, pos)
    if stated and (level := match_at(rules().patterns["issuer_level"], text, stated[0])):
        return level.end(), clean(f"{stated[1]} {level.group(0)}")
    return stated


def issuer_and_date(text: str, pos: int) -> tuple[int, str | None, str | None]:
    """End, issuer and ISO issue date of "của <issuer>" and "ngày <date>" at pos, in either order (a
    letter's order before its number: "Kế hoạch của UBND tỉnh ngày 5/3/2021 số 20"); an issuer named by
    its head and a level alone ("UBND tỉnh": the place is the article's) keeps its level."""
    issuer, issued = None, None
    for _ in range(2):
        if issued is None and (date := match_at(DATE_AFTER, text, pos)):
            issued, pos = iso_date(date["d"], date["m"] or date["m2"], date["y"] or date["y2"]), date.end()
        elif issuer is None and (stated := issuer_with_level(text, pos)):
            pos, issuer = stated
        else:
            break
    return pos, issuer, issued


def issuer_name(text: str, match: regex.Match[str], limit: int | None = None) -> tuple[int, str] | None:
    """End and name of the issuer a pattern matched: a known body, or a head and the words after it
    (up to `limit` when given)."""
    rule = rules()
    if match.group("body"):
        return match.end(), clean(match.group("body"))
    last = match.group("head").split()[-1]
    end, words, titlecase = match.end(), 0, last[1:].islower()
    joiners, stops = rule.words["issuer_joiners"], rule.words["name_stop_words"]
    while (word := match_at(ISSUER_WORD, text, end)) and (limit is None or word.end() <= limit):
        token = word.group(1)
        following = match_at(ISSUER_WORD, text, word.end())
        joined = f"{token} {following.group(1)}".casefold() if following else ""
        if token[0].isupper():
            titlecase = len(token) == 1 or token[1:].islower()  # "LĐ-TB&XH" takes no lower-case tail
        elif titlecase and joined in rule.words["issuer_compounds"]:
            word, titlecase = following, False  # "Đảng ủy Tổng công ty": "công ty" is one word
        elif joined in joiners or token in joiners:
            after = match_at(ISSUER_WORD, text, following.end() if joined in joiners else word.end())
            if not (after and after[1][0].isupper()) or match_at(rule.patterns["type"], text, after.start(1)):
                break  # "... và Quyết định số 936": the name ended before "và"
            word, titlecase = after, True
        elif titlecase and token.casefold() not in stops and joined not in stops:
            titlecase = False  # one lower-case syllable ends a capitalised word: "Bộ Y tế"
        else:
            break
        end, words = word.end(), words + 1
    if not words and match.group("head") not in rule.lone_heads:
        return None
    return end, clean(text[match.start("head"):end])


def without_person(issuer: str | None, span: tuple[int, int] | None, field: str, doc: ArticleDoc,
                    people: list[Mention]) -> str | None:
    """An issuer named before its document, cut before the person who signed for it ("Chủ tịch
    UBND tỉnh Phú Yên Trần Hữu Thế ký ..." is issued by "Chủ tịch UBND tỉnh Phú Yên")."""
    segment = doc.segment(field) if span else None
    if segment is None or span is None:
        return issuer
    cut = min((p.start for p in people if p.field == field and span[0] < p.start < span[1]), default=span[1])
    return clean(segment.text[span[0]:cut]) or issuer
