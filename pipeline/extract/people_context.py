"""What stands around a person's name: the cue right before it (an honorific, a title, a word that
blocks it) and the job title attached to it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.people_patterns import CUE_CHARS, LIST_OPENERS, MAX_CUE_WORDS, WINDOW, PeoplePatterns
from pipeline.text import SENTENCE_OPENERS, sentence_initial


@dataclass
class Cue:
    """What stands right before a name."""

    kind: str | None  # "honorific", "title", "born" (a birth year follows the name) or None
    blocked: bool = False
    blocker: str = ""


def cue_before(text: str, start: int, pats: PeoplePatterns) -> Cue:
    """The honorific, title or blocker right before `start`, looked up word by word (no regex)."""
    before = text[max(0, start - CUE_CHARS):start]
    if not before.endswith(" "):
        return Cue(None)  # a cue is separated from the name by a space
    words = before.split()
    for size in range(min(MAX_CUE_WORDS, len(words)), 0, -1):
        chunk = [words[-size].lstrip(SENTENCE_OPENERS), *words[len(words) - size + 1:]]
        first = chunk[0]
        phrase = " ".join(chunk)
        if phrase.rstrip(":") in pats.blockers:
            return Cue(None, blocked=True, blocker=phrase.rstrip(":"))  # "TP. Hồ Chí Minh", "Ảnh: D.My"
        if _abbreviated_title(chunk, pats):
            return Cue("title")  # "TS. Lê Hùng", "PGS.TS. Lê Hùng": the abbreviation's dot is no sentence end
        if not first or any(w[-1] in ",;.!?)”\"" for w in chunk):
            continue  # punctuation between cue and name breaks the link
        folded = phrase.casefold()
        if folded in pats.honorifics:
            cue_start = start - len(before) + before.rfind(first)
            if first[:1].islower() or sentence_initial(text, cue_start, openers=LIST_OPENERS):
                return Cue("honorific")
        if folded in pats.titles:
            return Cue("title")
    for size in range(min(MAX_CUE_WORDS, len(words)), 1, -1):  # no honorific or title: an institution?
        if _names_institution(words[len(words) - size:], pats):
            return Cue(None, blocked=True, blocker=words[-size])  # "Trường Chính trị Tôn Đức Thắng"
    return Cue(None)


def _abbreviated_title(chunk: list[str], pats: PeoplePatterns) -> bool:
    """Is the chunk one title abbreviation written with a closing dot ("TS.", "ThS.", "PGS.TS.")? Only
    an abbreviation (two capitals or more, no space): a title word before a dot ends a sentence."""
    word = chunk[0]
    return (len(chunk) == 1 and word.endswith(".") and sum(c.isupper() for c in word) >= 2
            and word[:-1].casefold() in pats.titles)


_LINKING_WORDS = frozenset({"và", "với", "của", "cho", "là", "có", "tại", "ở"})


def _names_institution(chunk: list[str], pats: PeoplePatterns) -> bool:
    """Do the words before a name open an institution named after a person: a head and a kind of one
    or two words ("Trường Chính trị", "Trường Tiểu học", "Bệnh viện Đa khoa")? A kind that is itself a
    name ("bệnh viện Bạch Mai", "Trường ĐH Xây dựng") ends before the person, who is then named."""
    for size in (2, 1):
        head, kind = " ".join(chunk[:size]), chunk[size:]
        if head in pats.institution_heads and 1 <= len(kind) <= 2:
            # a capitalised head names the institution ("Trường chính trị"); after a lower-case one
            # the kind must be capitalised ("trường Tiểu học", not "trường cô")
            return ((head[:1].isupper() or kind[0][:1].isupper()) and all(w.islower() for w in kind[1:])
                    and not any(w in _LINKING_WORDS or w[-1] in ",;.!?)" for w in kind))
    return False


def role_around(text: str, start: int, end: int, pats: PeoplePatterns) -> str | None:
    """The job title attached to a name: written before it, else as an apposition after it."""
    before = pats.role_before.search(text[max(0, start - WINDOW):start])
    if before and before.group("role").split()[-1] in _ROLE_LINKS:
        return None  # "Lê Thị Hà, Trưởng Ban Dân vận và Hoàng Long": that title is the previous item's
    if before:
        return _last_role(before.group("role").strip(), pats)
    after = pats.role_after.match(text, end)
    return _trim_role(after.group("role"), pats) if after else None


def _last_role(role: str, pats: PeoplePatterns) -> str:
    """The title nearest the name when the role read before it holds another person: "Chủ tịch UBND
    tỉnh Cao Văn Trọng cùng Giám đốc Sở Xây dựng" -> "Giám đốc Sở Xây dựng"."""
    titles = list(pats.title.finditer(role))
    for match in reversed(titles[1:]):
        words = role[:match.start()].split()
        for i in range(len(words) - 2):
            if (words[i] in pats.surnames or words[i + 1] in pats.middle_names) and all(
                    w[:1].isupper() and not w.isupper() for w in words[i:i + 3]):
                return role[match.start():]
    return role


def _trim_role(role: str, pats: PeoplePatterns) -> str | None:
    """End a role before another person's name or the verb after a place ("... Quảng Nam giao")."""
    words = role.split()
    for i in range(2, len(words) - 1):
        named_after = words[i - 1] in pats.blockers or " ".join(words[i - 2:i]) in pats.blockers
        # "trường ĐH Tôn Đức Thắng", "Bệnh viện Nguyễn Đình Chiểu" keep their names
        if words[i] in pats.surnames and words[i + 1].istitle() and not named_after:
            words = words[:i]  # "Bộ trưởng Bộ KH&CN Huỳnh Thành Đạt": the next person
            break
    if len(words) > 2 and words[-1].islower() and gazetteer().level_of(" ".join(words[-3:-1])):
        words = words[:-1]
    while len(words) > 1 and words[-1] in _ROLE_LINKS:
        words = words[:-1]  # "Trưởng Ban Dân vận và Hoàng Long": the link opens the next item of a list
    return " ".join(words).strip(" -–,") or None


_ROLE_LINKS = frozenset({"và", "cùng", "với"})
