"""Places in a line written all in capitals ("BÁO CÁO ... THÁNG 8 NĂM 2024 TỈNH HẢI DƯƠNG").

The place finders read capitalisation ("tỉnh Hải Dương"), which such a line has lost: it is read
again in title case, and only names the gazetteer knows, of two syllables or more, are taken.
"""

from __future__ import annotations

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import Gazetteer, location_rules
from pipeline.extract.place_in_bodies import inside_org
from pipeline.extract.place_patterns import (
    BARE_DISTRICT,
    LocationPatterns,
    bare_name_ok,
    known_prefix,
    place_admin_level,
    place_mention,
)
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import alternation

MIN_LETTERS = 12  # a shorter run of capitals is an acronym or a label, not a line in capitals
UPPER_SHARE = 0.9  # share of a line's letters in upper case that makes it a line in capitals

_LINE = regex.compile(r"[^\n]+")
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_WORD = r"\p{L}+"
# a word in capitals; Central Highlands names join two syllables with an apostrophe ("CHƯ M’GAR")
_JOINED = r"(?:\p{L}['’][ ]\p{L}+|\p{L}+(?:['’]\p{L}+)?)"  # "R' LẤP": a space after a one-letter syllable


@compiled
def _upper_rules() -> tuple[dict[str, str], frozenset[str], regex.Pattern]:
    """How words of a line in capitals are written again: an organisation's acronym ("UBND") and
    head of several words ("ĐẢNG CỘNG SẢN") as written, a word that ends an organisation's name ("TẠI")
    in lower case; the names that in capitals are more often common words ("VÌ HÒA BÌNH": peace); and
    the administrative words of a province, district or commune in lower case, each before the run of
    words that may name it."""
    rules = location_rules()
    heads = [h["term"] for h in rules["org_heads"] if h["term"][:1].isupper()]
    kept = {h: h for h in heads if h.isupper()} | {h.upper(): h for h in heads if " " in h}
    kept |= {b["term"].upper(): b["term"] for b in rules["org_breakers"]}
    common = frozenset(c["term"] for c in rules["capitals_not_places"])
    words = alternation(w["term"].casefold() for w in rules["admin_words"] if w["level"] != "other")
    admin = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<admin>{words})\s*(?<=[ .])"
                          rf"(?P<run>{_JOINED}(?:[ ]{_JOINED}){{0,4}})")
    return kept, common, admin


def _in_capitals(line: str) -> bool:
    """Whether MIN_LETTERS letters or more make the line and UPPER_SHARE of them are in upper case."""
    # Prose is ruled out by a count in C: its ASCII lower-case letters alone outnumber the letters a
    # line in capitals may have in lower case, (1 - UPPER_SHARE) of all, which are no more than its
    # characters; only the few lines left are read letter by letter.
    plain = line.encode("ascii", "ignore")
    if len(plain) - len(plain.translate(None, _ASCII_LOWER)) > round((1 - UPPER_SHARE) * len(line), 6):
        return False
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= MIN_LETTERS and sum(map(str.isupper, letters)) >= UPPER_SHARE * len(letters)


@compiled
def _kept_or_word() -> regex.Pattern:
    """A phrase of `_upper_rules` to keep as it writes it, else a word."""
    kept = _upper_rules()[0]
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(kept)})(?![\p{{L}}])|{_WORD}")


def _title_cased(line: str, kept: dict[str, str]) -> str:
    """Every word capitalised and the rest in lower case, but the phrases of `kept` as it writes them."""
    return _kept_or_word().sub(lambda w: kept.get(w.group()) or w.group()[:1] + w.group()[1:].lower(), line)


# a run of one to three words after an administrative word that punctuation or the line's end closes
# ("XÃ QUẾ TRUNG: ...", "TỈNH HUẾ:"): the whole run is the name, though the gazetteer (not complete for
# communes) may not know it (one word only if it does); a longer or open run ("XÃ QUẾ TRUNG TỔ CHỨC
# ...") is left unread
_CLOSED_RUN = regex.compile(rf"{_JOINED}(?:[ ]{_JOINED}){{0,2}}(?=[ ]?[:,;()]|[ ][-–][ ]|$)")


def _closed_run(titled: str, start: int, gaz: Gazetteer) -> str | None:
    """The name after an administrative word in capitals where punctuation closes it, else None."""
    match = _CLOSED_RUN.match(titled, start)
    # a word the line keeps in lower case opens no name ("HUYỆN ỦY ĐÔNG ANH:": "Huyện ủy", a body)
    if match is None or not match.group()[:1].isupper():
        return None
    rest = match.group().partition(" ")[2]
    if " " in rest and gaz.level_of(rest):
        return None  # "TỈNH ĐOÀN BẮC NINH:": a known place after one word, a body's ("Tỉnh đoàn")
    return match.group()


# a paragraph opened by a place in capitals and a dash, the dateline of where the story was filed
# ("ĐÀ NẴNG – Sáng 5-4, ...", "HÀ NỘI - ")
_DATELINE_PLACE = regex.compile(r"(?m)^[ \t]*(?P<run>\p{Lu}+(?:[ ]\p{Lu}+){1,3})(?=[ \t]*[-–—][ \t])")


def dateline_places(segment: Segment, pats: LocationPatterns) -> list[Mention]:
    """A province, country or region in capitals that opens a paragraph as its dateline; read only
    when the whole run, written again in title case, is that name."""
    found: list[Mention] = []
    kept = _upper_rules()[0]
    for match in _DATELINE_PLACE.finditer(segment.text):
        written = match.group("run")
        titled = _title_cased(written, kept)
        if len(titled) != len(written):
            continue
        for start, end, level in pats.named.find(titled):
            if (start, end) == (0, len(titled)) and level != BARE_DISTRICT:
                run_start, run_end = match.span("run")
                found.append(place_mention(segment, run_start, run_end, titled, level, False))
    return found


def upper_case_places(segment: Segment, pats: LocationPatterns, gaz: Gazetteer) -> list[Mention]:
    """Known places in lines in capitals: after a province, district or commune word, or a province,
    country or region named alone, neither inside an organisation's name ("HỘI CỰU CHIẾN BINH TỈNH
    PHÚ THỌ") nor after a word that makes it something else ("CHỦ TỊCH HỒ CHÍ MINH")."""
    kept, common, admin_word = _upper_rules()
    found: list[Mention] = []
    for line in _LINE.finditer(segment.text):
        written = line.group()
        if not _in_capitals(written):
            continue
        titled, lowered, offset = _title_cased(written, kept), written.lower(), line.start()
        if len(titled) != len(written) or len(lowered) != len(written):
            continue  # a letter whose case changes its length: offsets would not hold
        for match in admin_word.finditer(lowered, overlapped=True):  # "CẤP XÃ TRÊN ĐỊA BÀN HUYỆN X"
            run = titled[match.start("run"):match.end("run")]
            name = known_prefix(run.split(" "), gaz)
            if not name or " " not in name:  # "Quế" known alone: "XÃ QUẾ TRUNG:" names more
                name = _closed_run(titled, match.start("run"), gaz)
            unknown_word = bool(name) and " " not in name and not gaz.level_of(name)
            if not name or unknown_word or inside_org(titled, match.start(), pats):
                continue
            level = place_admin_level(match.group("admin"), name, pats, gaz)
            end = match.start("run") + len(name)
            found.append(place_mention(segment, offset + match.start(), offset + end, name, level, True))
        for start, end, level in pats.named.find(titled):
            name = titled[start:end]
            probe = lowered[:start] + name + lowered[end:]  # the name alone capitalised, as prose has it
            if level == BARE_DISTRICT or " " not in name or name in common \
                    or not bare_name_ok(probe, start, end, pats) or inside_org(titled, start, pats):
                continue
            found.append(place_mention(segment, offset + start, offset + end, name, level, False))
    return found
