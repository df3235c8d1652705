"""What an article is about, the subject its figures fall back on (spec section 4a): the first body,
place or group its headline or lead names, else a body reporting its own figures there."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pipeline.extract.clauses import Words
from pipeline.extract.org_rules import rules as org_rules
from pipeline.extract.sources import Cue
from pipeline.extract.subject_heads import Candidate
from pipeline.model import Mention

JOINING_MARKS = frozenset({",", "-", "–"})  # a part, then the body it belongs to

if TYPE_CHECKING:
    from pipeline.extract.attribution import Reader


def topic(readers: Mapping[str, Reader]) -> str | None:
    """What the article is about: the first body, place or group its headline names (not a person,
    not a speaker, not a comparison's base, not a guest of an event), else its lead paragraph; else
    a body reporting its own figures in them ("Thông tin từ CTCP Tập đoàn Hòa Phát cho biết, ...")."""
    reporter = None
    for name in ("title", "text"):
        reader = readers.get(name)
        if reader is None:
            continue
        low, high = reader.words.paragraphs[0]
        for s_low, s_high in reader.sentences(low, high):
            if reader.words.opens_with(reader.words.at(s_low), "attendance_openers"):
                continue  # "Dự đại hội có đồng chí X, Bí thư Tỉnh ủy": the guests are not the topic
            mentions = reader.within(s_low, s_high)
            cues = reader.cues(s_low, s_high, mentions)
            if s_low == low:  # the lead sentence names who announces; later ones add what others say
                reporter = reporter or _own_reporter(reader, mentions, cues)
            people_at = {m.start for m in mentions if m.type == "PER"}
            members = _members_from(reader.words, mentions, s_high)
            named = [
                c
                for c in reader.namer.candidates(s_low, s_high, mentions, [], cues)
                if not c.spoken
                and c.start not in people_at
                and c.start < members
                and not reader.words.compared(reader.words.at(c.start), 3)  # "so với bình quân cả nước"
            ]
            if named := [c for c in named if not reader.namer.venue(c, named)]:
                return _institution_of(reader, named[0], mentions) or named[0].name
    return reporter


def _institution_of(reader: Reader, first: Candidate, mentions: list[Mention]) -> str | None:
    """The body a division (a `division` head: "Khoa", "Phòng") is named as a part of right after it
    ("Ngày hội do Khoa Quốc tế - Đại học Quốc gia Hà Nội tổ chức", "Khoa Báo chí và Truyền thông,
    Trường ĐH KHXH&NV TP.HCM", "Khoa Quốc tế trực thuộc ĐHQGHN"): the article is about the
    institution, the division only says which part of it acts (spec 4a: the subject at its fullest)."""
    head = org_rules().head_re.match(first.name.lower())
    if head is None or not org_rules().heads[head.group()].division:
        return None
    words = reader.words
    i = words.at(first.end)
    if i < len(words) and words.lower[i] in JOINING_MARKS:
        i += 1
    elif n := words.term_at(i, "owner_links"):
        i += n  # "thuộc", "trực thuộc", "của"
    else:
        return None
    start = words.starts[i] if i < len(words) else -1
    body = next((m for m in mentions if m.start == start and m.type == "ORG"), None)
    return reader.namer.name(body) if body else None


def _own_reporter(reader: Reader, mentions: list[Mention], cues: list[Cue]) -> str | None:
    """The body a cue of the sentence has speak, when it reports its own figures: a company or an
    association announcing ("VPBank vừa công bố ...", "Thông tin từ CTCP X cho biết"), not an office
    reporting those it serves (`reporting_offices`: "Tổng cục Thống kê cho biết ...") nor a body
    cited ("Theo New York Times, ...": the press reports on others)."""
    words = reader.words
    for cue in cues:
        head = next((m for m in mentions if cue.speaker[0] <= m.start < cue.speaker[1]), None)
        if head is None or head.type != "ORG" or reader.namer.reports_on_others(head.text):
            continue
        if (i := words.at(head.start)) > 0 and words.lower[i - 1] == "theo":
            continue
        return reader.namer.name(head)
    return None


def _members_from(words: Words, mentions: list[Mention], high: int) -> int:
    """Where the members of a count open in a sentence ending at `high` ("có 08 xã đủ điều kiện ...
    gồm: Lại Xuân, Kỳ Sơn"): they are instances of what is counted, not what the article is about."""
    count = next((m for m in mentions if m.type == "FIGURE"), None)
    if count is None:
        return high
    for i in range(words.at(count.end), words.before(high)):
        if words.term_at(i, "breakdown_openers"):
            return words.starts[i]
    return high
