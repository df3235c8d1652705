"""Laws, codes and ordinances by name (spec section 3): "Luật Tài sản công", "Luật Dược 2016",
"Luật Công chức, Viên chức" (two laws), and amending laws named by the laws they amend ("Luật sửa
đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương").

A name runs from a capitalised first word to a stop word, a capitalised start of something else,
a comma that does not continue it, or its date ("... địa phương ngày 19/6/2015").
"""

from __future__ import annotations

import regex

from pipeline.extract.directive_found import LAW_KINDS, Found
from pipeline.extract.directive_grammar import (
    AMENDED_AFTER,
    AMENDED_JOINER,
    AMENDING,
    DATE_NEXT,
    SIBLING,
    WORD,
    YEAR_AFTER,
    canonical_name,
    canonical_type,
    clean,
    match_at,
    rules,
    time_words,
    type_entry,
)
from pipeline.extract.word_classes import word_count
from pipeline.text import casefold_words

MAX_NAME_WORDS = 8  # a law's title is this long at most but for the listed `law_names`
MAX_LOWER_WORDS = 6  # a lower-case name has no capitals to show where it ends: trust a short one only


def blocked_left(text: str, pos: int) -> bool:
    """Whether the word before "Luật" makes it part of a name or a common noun ("Công ty Luật")."""
    before = text[max(0, pos - 30):pos].rstrip().casefold()
    return any(before.endswith(term) and (len(before) == len(term) or not before[-len(term) - 1].isalpha())
               and not _joined_left(before[:-len(term)], term)
               for term in rules().words["law_left_blocklist"])


def _joined_left(before: str, term: str) -> bool:
    """Whether a blocked syllable is the end of a word the syllable before it starts rather than the
    start of one with "luật" ("quy định Luật Ngân sách": "quy định" is the commoner word, not
    "định luật"), by how often the corpus used each word."""
    previous = before.split()[-1:]
    return bool(previous) and word_count(f"{previous[0]} {term}") > word_count(f"{term} luật")


def law_at(name: str, text: str, match: regex.Match[str]) -> list[Found]:
    """A law, code or ordinance by name: "Luật Tài sản công", "Luật Dược 2016", "Hiến pháp năm 2013"."""
    written, start = clean(match.group("type")), match.start()
    if blocked_left(text, start):
        return []
    if written.casefold() == "hiến pháp":
        # "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992": the state's name before the year
        state = match_at(rules().patterns["state_name"], text, match.end())
        end, law = state.end() if state else match.end(), canonical_type(written)
    elif amending := match_at(AMENDING, text, match.end()):
        amended = _amended_laws(text, amending.end())
        if amended is None:
            return []  # "Luật sửa đổi, bổ sung ..." of laws not named: no one document to count
        if amended[2] and not _dated_lower(text, written, amended[0]):
            return []  # "luật sửa đổi ... của luật giáo dục" undated, as an undated lower-case law, is prose
        # one spelling of the verbs, however joined
        what = regex.sub(r"đổi,?(?: và)? bổ", "đổi, bổ", clean(amending.group("what")).lower())
        end, law = amended[0], f"{canonical_type(written)} {what} {amended[1]}"
    else:
        scanned = _scan_name(text, match.end(), bool(type_entry(written).get("lower_named")))
        if scanned is None or (scanned[1][0].islower() and not _dated_lower(text, written, scanned[0])):
            return []  # a lower-case name needs its year ("Luật doanh nghiệp 2020"): alone it may be prose
        # a law's words after the first in lower case; a charter keeps its body's name as written
        end, law = scanned[0], canonical_name(written, scanned[1], law=canonical_type(written) in LAW_KINDS)
    law_id = law
    if amended := match_at(AMENDED_AFTER, text, end):
        end, law_id = amended.end(), f"{law_id} {clean(amended.group('what'))}"
    year = match_at(YEAR_AFTER, text, end)
    alias = rules().name_aliases.get(casefold_words(law_id, modern=True))
    if alias:  # "Điều lệ Đảng Cộng sản Việt Nam" is the "Điều lệ Đảng" of other articles
        law_id = law = alias["id"]  # the name its dated and undated mentions are joined by, too
    if year and not (alias and alias.get("one_edition")):
        # the year goes in the id (`canonical_id` drops a "năm" before it) and in the span: the
        # mention is the words the id names, and the year's date nests inside it (dates' `nests_in`)
        law_id, end = f"{law_id} {clean(year.group(0))}", year.end()
    elif written.casefold() == "hiến pháp":
        return []  # "Hiến pháp" alone, or a foreign one ("Hiến pháp Mỹ")
    kind = canonical_type(written)
    found = [Found(name, start, end, text[start:end], "law", kind, id=law_id,
                   name_key=casefold_words(law, modern=True), year=year.group("year") if year else None)]
    return found + _sibling_law(name, text, end, kind)


def _dated_lower(text: str, written: str, end: int) -> bool:
    """Whether a lower-case law name is dated: its year ("Luật doanh nghiệp 2020"), or, after a
    capitalised type word, its day of adoption ("Luật phòng, chống bệnh truyền nhiễm ngày 21/11/2007",
    as legal bases cite laws); a lower-case "luật ... ngày 5/3" may be a violation's date."""
    return bool(match_at(YEAR_AFTER, text, end) or (written[0].isupper() and match_at(DATE_NEXT, text, end)))


def _scan_name(text: str, pos: int, lower: bool = False) -> tuple[int, str] | None:
    """A law's name after its type word: a capitalised first word (or, for the `lower_named` types,
    a lower-case one: "Luật doanh nghiệp"), then words up to a stop word."""
    rule = rules()
    if listed := match_at(rule.patterns["law_names"], text, pos):
        return listed.end(), clean(listed.group("name"))
    words: list[str] = []
    end = pos
    stops = rule.words["name_stop_words"]
    while match := match_at(WORD, text, end):
        word = match.group(1)
        following = match_at(WORD, text, match.end())
        pair = f"{word} {following.group(1)}".casefold() if following else ""
        opens = _lower_name_start(word, pair) if lower and word[0].islower() else word[0].isupper()
        if not words and (not opens or any(text.startswith(b, match.start(1)) for b in rule.blocked_names)):
            return None
        stop = casefold_words(word, modern=True) in stops or pair in stops  # "khoá" is "khóa"
        if words and (stop or word in rule.capital_stops or match_at(DATE_NEXT, text, end)):
            break
        if words and casefold_words(word) in time_words() and match_at(YEAR_AFTER, text, match.end()):
            break  # "Điều lệ Đảng Cộng sản Việt Nam cuối năm 2011": when, not the name's year
        if len(words) == (MAX_LOWER_WORDS if words and words[0][0].islower() else MAX_NAME_WORDS):
            return None  # the words run on past where a law's title ends: prose, no name to trust
        words.append(word)
        end = match.end()
        if comma := match_at(rule.patterns["comma"], text, end):
            words[-1] += clean(text[end:comma.end()])
            end = comma.end()
    return (end, " ".join(words)) if words else None


def _lower_name_start(word: str, pair: str) -> bool:
    """Whether a lower-case word may open a law's name: no stop word ("Luật cho phép", "Luật hiện
    hành") and no common noun the type word makes with it ("Luật sư", "Luật chơi")."""
    rule = rules()
    refused = rule.words["name_stop_words"] | rule.words["law_lower_blocklist"]
    return word.casefold() not in refused and pair not in refused


def _amended_laws(text: str, pos: int) -> tuple[int, str, bool] | None:
    """End and names of the laws an amending law amends ("Luật Tổ chức Chính phủ và Luật Tổ chức
    chính quyền địa phương"), each up to where its own name ends, and whether one is named in lower
    case ("... của Luật giáo dục", as legal bases cite it): read as a law named alone is."""
    names: list[str] = []
    start = end = pos
    lower = False
    law_type = rules().patterns["law"]
    while (law := match_at(law_type, text, start)) and law.group("type").casefold() != "hiến pháp":
        scanned = _scan_name(text, law.end(), bool(type_entry(law.group("type")).get("lower_named")))
        if scanned is None:
            break
        lower = lower or scanned[1][0].islower()
        if names:
            names.append(" và " if "và" in text[end:start] else ", ")
        names.append(canonical_name(law.group("type"), scanned[1], law=True))
        end = scanned[0]
        if not (joiner := AMENDED_JOINER.match(text, end, end + 12)):
            break
        start = joiner.end()
    return (end, "".join(names), lower) if names else None


def _sibling_law(name: str, text: str, pos: int, kind: str) -> list[Found]:
    """ "Luật Công chức, Viên chức": a capitalised short name after a comma is a second law."""
    rule = rules()
    match = SIBLING.match(text[pos:pos + 60])
    if not match or match.group("name").split()[0] in rule.capital_stops or any(
            w.casefold() in rule.words["name_stop_words"] for w in match.group("name").split()):
        return []
    start = pos + match.start("name")
    law = canonical_name(kind, match.group("name"), law=True)
    end = pos + match.end("name")
    return [Found(name, start, end, match.group("name"), "law", kind, id=law,
                  name_key=casefold_words(law, modern=True))]
