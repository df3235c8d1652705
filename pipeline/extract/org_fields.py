"""The fields a body's name works in, which run on across "và", "-" or "," ("Bộ Tài nguyên và Môi
trường", "Tổng Công ty Máy động lực và Máy nông nghiệp"), as organisation scans read them."""

from __future__ import annotations

import re

from pipeline.extract.canonical import rules as canonical_rules
from pipeline.extract.org_name_ends import MAX_TAIL_WORDS, NAME_ENDS, lowercase_tail
from pipeline.extract.org_place_ends import place_end
from pipeline.extract.org_rules import rules
from pipeline.extract.org_sentence_after import addressed_person
from pipeline.extract.org_terms import term_at
from pipeline.extract.org_view import View, head_at, lower_word, person_starts
from pipeline.extract.org_words import FIELD_ACRONYM, capitalised, place_level
from pipeline.extract.word_classes import ENDS_A_NAME, word_class
from pipeline.rulebook import compiled

_FIELD_JOINS = re.compile(r"[ \t\xa0]*(?:[-–,&]|\bvà\b)[ \t\xa0]*")
_FIELD_GAP = r"(?:[ \t\xa0]*(?:[-–,&]|và)[ \t\xa0]*|[ \t\xa0]+)"


@compiled
def field_re() -> re.Pattern[str]:
    """The fields a body works in, as rules/org_canonical.yml expands their initials ("Tài nguyên và
    Môi trường", "Lao động - Thương binh và Xã hội"), read from the lower-cased text in any case and
    with any of "và", "-", "," or a space between their parts ("lao động thương binh xã hội")."""
    fields = {e.lower() for e in canonical_rules().expansions.values() if _FIELD_JOINS.search(e)}
    longest = sorted(fields, key=len, reverse=True)
    forms = (_FIELD_GAP.join(map(re.escape, _FIELD_JOINS.split(f))) for f in longest)
    return re.compile("|".join(f"(?:{form})" for form in forms))


def compound(view: View, pos: int) -> bool:
    """After "và" at `pos`, a capitalised word written like a common noun ("Môi trường"), not a head,
    or one whose lower-case words run on to the name's place ("Bệnh viện Lao và Bệnh phổi tỉnh X"),
    or the initials of a field that rules/org_canonical.yml expands ("Bộ Nông nghiệp và PTNT")."""
    span = view.next_word(pos)
    if span is None or not capitalised(view.word(span)) or head_at(view, span[0]) or (
            rules().stop_re.match(view.norm, span[0]) or rules().law_re.match(view.norm, span[0])):
        return False  # "Quận ủy X và Điều lệ Đảng": a document after "và", not a word like "Môi trường"
    if FIELD_ACRONYM.fullmatch(view.word(span)):
        return view.word(span) in canonical_rules().expansions  # "PTNT", not a brand's "HA"
    admin = rules().admin_re.match(view.lower, span[0])
    named = view.next_word(admin.end()) if admin and view.ends_syllable(span[0], admin.end()) else None
    if named is not None and capitalised(view.word(named)):
        return False  # "Trường Cao đẳng Phương Đông và Thành phố Kisarazu": a place of its own, not "Xã hội"
    after = view.next_word(span[1])
    if after is not None and view.token(after[0]) == view.token(span[0]) and view.norm[after[0]].islower():
        return True
    tail = lowercase_tail(view, span[1], named=True) if after is not None else span[1]
    place = view.next_word(tail) if tail > span[1] else None
    return place is not None and rules().admin_re.match(view.norm, place[0]) is not None


def field_word(view: View, start: int, end: int) -> bool:
    """Capitalised words written like a common noun or verb of a trade ("Cơ khí", "Máy động lực"): the
    word, or its last two syllables, is a common word of two syllables or more; a proper name ("Hòa
    Phát") is none, and one syllable ("Phát" of it, as the segmenter may cut it) tells nothing."""
    syllables = view.lower[start:end].split()
    tails = (" ".join(syllables[i:]) for i in {0, len(syllables) - 2} if 0 <= i <= len(syllables) - 2)
    return any(word_class(tail) in ("noun", "verb") for tail in tails)


def coordinated_field(view: View, pos: int) -> bool:
    """After a trade's word and "và" at `pos`, a second trade of the same name that runs on to where a
    name ends ("Bộ Cơ khí và Luyện Kim", "Tổng Công ty Máy động lực và Máy nông nghiệp (VEAM)"): its
    capitalised words, starting no head, person, place or listed body, then punctuation, an acronym in
    brackets, a place or a word that ends a name; not a second body ("Hòa Phát và Masan")."""
    r, span = rules(), view.next_word(pos)
    if span is None or not capitalised(view.word(span)) or FIELD_ACRONYM.fullmatch(view.word(span)):
        return False
    token = view.token(span[0])
    stop = view.token_starts[token + 1] if token + 1 < len(view.token_starts) else len(view.lower)
    if view.token_starts[token] != span[0] or not _common(view.lower[span[0]:stop].strip()):
        return False  # "Thảo Cầm Viên", "Rockefellers": a proper name, not a trade's common word
    end = span[1]
    for _ in range(MAX_TAIL_WORDS):
        if head_at(view, span[0]) or person_starts(view, span) or r.stop_re.match(view.norm, span[0]) or (
                _known_place(view, span[0])) or r.admin_re.match(view.norm, span[0]):
            return False
        body = r.term_re.match(view.lower, span[0])
        if body is not None and view.norm[span[0]:body.end()] in r.bodies:
            return False
        end, span = span[1], view.next_word(span[1])
        if span is None or not capitalised(view.word(span)) or view.word(span).isupper():
            break
    end = lowercase_tail(view, end, named=True)
    after = view.next_word(end)
    if after is None:
        rest = view.norm[end:end + 3].lstrip(" \t\xa0")[:1]
        return not rest or rest in NAME_ENDS or rest == "\n"
    if r.admin_re.match(view.norm, after[0]) or _known_place(view, after[0]) or term_at(view, after[0]):
        return True  # "Bộ Cơ khí và Luyện Kim" + "khóa mới": a term ends the name as its place would
    following = lower_word(view, after)
    return following is not None and word_class(following[1]) in ENDS_A_NAME


def _common(word: str) -> bool:
    """A common noun or verb, or two syllables that each are one, as the segmenter may miss a rare
    compound ("luyện kim")."""
    syllables = word.split()
    return word_class(word) in ("noun", "verb") or (len(syllables) == 2 and all(
        word_class(s) in ("noun", "verb") for s in syllables))


def _known_place(view: View, start: int) -> bool:
    """A known place written whole from `start` ("Hà Nội", "Đồng Tháp")."""
    end = place_end(view, start)
    return end > start and place_level(view.norm[start:end]) is not None


def field_named(view: View, start: int, end: int) -> bool:
    """The head read last, `start` to `end`, is written as words (not initials: "ĐH, CĐ") and what
    follows closes the name: after the name's capitalised words it names their field ("Viện Khoa học
    Thanh tra", "trường Trung học Sư phạm Mầm non")."""
    words = view.norm[start:end].strip()
    if not capitalised(words) or words.split()[0].isupper():
        return False
    rest = view.norm[end:end + 2].lstrip(" \t\xa0")[:1]
    # the end of the sentence or a list item; an opening bracket closes the name as a comma does
    if not rest or rest in ",.;:()\n":
        return True
    # so does the body's term, a word of the clause or a person addressed ("... Thanh tra nhiệm kỳ 2020 -
    # 2025", "... đã", "... đồng chí Nguyễn Văn An")
    after = view.next_word(end)
    following = lower_word(view, after) if after is not None else None
    return after is not None and (term_at(view, after[0]) or addressed_person(view, after) or (
        following is not None and word_class(following[1]) in ENDS_A_NAME))
