"""Places led by a cue word, the cue kept in the name: "quốc lộ 1A", "sân bay Nội Bài", "các KCN Nam Sách,
Phú Thái"."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from pipeline.extract.document import Segment
from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.place_in_bodies import inside_org
from pipeline.extract.place_lists import MAX_LISTED
from pipeline.extract.place_patterns import (
    PREV_CAP,
    CuePatterns,
    LocationPatterns,
    known_prefix,
    place_mention,
)
from pipeline.model import Mention
from pipeline.text import name_words, sentence_initial


def cue_mentions(segment: Segment, pats: LocationPatterns, words: frozenset[int]) -> list[Mention]:
    """Places led by a cue, the cue kept in the name: "quốc lộ 1A", "sân bay Nội Bài", "cầu Rồng"."""
    text = segment.text
    found: list[Mention] = []
    cues = pats.cues
    for found_cue in cues.cue.finditer(text):
        start, cue = found_cue.start(), found_cue.group()
        unit = cues.unit_name.match(text, found_cue.end()) if cue in cues.by_unit else None
        match = (cues.name.match(text, found_cue.end()) if cue in cues.named else None) or unit or (
            cues.code.match(text, found_cue.end()) if cue in cues.coded else None) or (
            cues.described_name.match(text, found_cue.end()) if cue in cues.described else None)
        if match is None or _cue_before_cue(text, found_cue.end(), cues):
            continue
        before = text[max(0, start - 12):start].split()
        prefixed = bool(before) and before[-1] in pats.cue_prefixes
        own_name = cue in cues.capitalised and _opens_own_name(text, start, match.end(), pats)
        if ((cue in pats.lower_cues and start not in words) or cue in cues.prefixed) and not (
                prefixed or own_name):
            continue  # "yêu cầu", "thành phố", "Sông Công"; but "tuyến đường", "dòng Sông Chảy", "Sông Hương"
        if cue in pats.lower_cues and before and before[-1].casefold() in pats.cue_compounds:
            continue  # "vùng núi Tây Bắc", "đầu cầu Hà Nội": a common noun before a place of its own
        if inside_org(text, start, pats, words):
            continue  # "Ban Quản lý Khu kinh tế Dung Quất" is the board
        if not _ends_a_word(text, match.end(), words):
            continue  # "phố Trung thu", "cầu Tình yêu": the name's last word is a longer common word
        found.append(place_mention(segment, start, match.end(), text[start:match.end()], "other", False))
        found[-1].attrs["unit_named"] = match is unit  # "Khu Công nghệ cao tỉnh Hà Nam": names the unit too
        if cue in cues.named and pats.plural_before.search(text[max(0, start - 12):start]):
            found.extend(_cue_list(segment, match.end(), pats, words))
    return found


def _opens_own_name(text: str, start: int, end: int, pats: LocationPatterns) -> bool:
    """Does a capitalised cue of nature open a place's own name ("Sông Hương", "Đảo Phú Quý")? Not where
    it opens a unit of the gazetteer ("Sông Công", "Núi Thành") or a capitalised word before it makes it
    part of a longer name ("Nguyễn Sông Thao"), a sentence's opening word ("Tại", "Ở") aside."""
    if known_prefix(text[start:end].split(" "), gazetteer()):
        return False
    previous = PREV_CAP.search(text[max(0, start - 30):start])
    return previous is None or (previous.group(0).strip() in pats.openers and
                                sentence_initial(text, start - len(previous.group(0))))


def _cue_before_cue(text: str, end: int, cues: CuePatterns) -> bool:
    """"đường ĐT.741", "tuyến đường Quốc lộ 1A": a road cue names no road of its own where another
    cue and its code follow; the inner cue and code are the place."""
    inner = cues.cue.match(text, end + 1) if text[end:end + 1] == " " else None
    return bool(inner and inner.group() in cues.coded and cues.code.match(text, inner.end()))


_CUE_LIST_GAP = regex.compile(r",|[ ]và(?=[ ])")


def _ends_a_word(text: str, end: int, words: frozenset[int]) -> bool:
    """Does a name end where a word of the segmenter ends, not inside one ("cầu Tình yêu")?"""
    return not (end < len(text) and text[end] == " " and end + 1 not in words)


def _cue_list(segment: Segment, pos: int, pats: LocationPatterns, words: frozenset[int]) -> list[Mention]:
    """"các KCN Nam Sách, Phú Thái và Lai Vu": after a plural cue, the names listed with the first are
    places of the same kind, each named as written (the cue is not repeated)."""
    text = segment.text
    found: list[Mention] = []
    for _ in range(MAX_LISTED):
        gap = _CUE_LIST_GAP.match(text, pos)
        item = pats.cues.name.match(text, gap.end()) if gap else None
        if item is None or not _ends_a_word(text, item.end(), words):
            break
        start = item.start() + 1
        found.append(place_mention(segment, start, item.end(), text[start:item.end()], "other", False))
        pos = item.end()
    return found




def cue_led_names(context: Iterable[Mention], longest: int) -> set[tuple[str, ...]]:
    """The names, words folded (`name_words`), that the article gives a place led by a cue ("đường Phan
    Xích Long", "cầu vượt Nguyễn Hữu Cảnh", "đảo Cù Lao Chàm"): each tail of two to `longest` words
    after the cue's first word. Written bare elsewhere without a cue of its own, such a name is that
    place again, not a person named like it."""
    names: set[tuple[str, ...]] = set()
    for mention in context:
        if mention.type == "LOC" and mention.attrs.get("level") == "other":
            words = name_words(mention.text)
            names.update(tuple(words[i:]) for i in range(1, len(words)) if 2 <= len(words) - i <= longest)
    return names
