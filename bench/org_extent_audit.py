"""Self-supervised audit of name extents: names vnie already finds put in neutral frames.

Takes the gold organisation names (or, with --kind, people or places) of the extraction-dev passages
that vnie finds exactly there, puts each (as the passage writes it) into frames that test where the
name ENDS (followed by a verb, a reporting verb and its content, a person, "và" + another body, a
comma list, a place, "của", a term: "khóa XII", "nhiệm kỳ 2020 - 2025") and where it STARTS
(preceded by "của", "với", "đại diện", a sentence start, a list colon), runs the extractor on each
framed sentence alone and counts per frame: exact, too long (an extent that holds the name and
more), too short (part of it), crossed (overlaps it, longer at one end and shorter at the other),
missed. People and places get frames of their own: a
bare verb, a title or cue before, a list after.

    PYTHONPATH=$PWD python bench/org_extent_audit.py
    PYTHONPATH=$PWD python bench/org_extent_audit.py --frame end-person --details
    PYTHONPATH=$PWD python bench/org_extent_audit.py --kind people

With `--units`, frames for the body of a named unit ("Chi bộ" + "Trường THPT X", "chi bộ trường THPT
X") and of a named commune ("Đoàn cơ sở xã Triệu Sơn") or a numbered village of it ("Chi hội Phụ nữ TDP
16 xã X"): the unit names are gold organisations vnie finds headed by a unit's own head, the places gold
communes and districts.

With `--lowered`, frames for a name whose trade or field is written in lower case before its proper
name ("Công ty thủy điện Ialy", "Sở y tế Hải Phòng"): gold names vnie finds, the head's capitalised words
the word classes know lower-cased. With `--dashed`, frames for a dash after a name a company, bank,
institute or school head starts: the company's form ("– TNHH MTV") or a branch with its head and place
("– Chi nhánh Đà Nẵng", "– Phân viện ...", "– Chi nhánh tỉnh Quảng Trị") continue it, after the name's
words or a region ("... miền Bắc – TNHH MTV"); a sentence after the dash does not. With `--acted`, frames
for the verb of a body's work in lower case before its capitalised field ("Chi cục bảo vệ Thực vật"), and
names before a predicate's verb and its capitalised object ("{X} tổ chức Hội nghị"; org_acted_frames.py).

Reads every extraction-dev file by default; the score-only `-test` files only with `--test-half` alone
(pooled rows, no details).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import add_test_half, audit_paths  # noqa: E402
from bench.org_acronym_frames import acronym_report, after_report  # noqa: E402
from bench.org_acted_frames import acted_report  # noqa: E402
from pipeline.evaluate import _name, gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.ingest.decode import normalize_text  # noqa: E402

# {X} is the name; every other word is neutral (no second organisation except where the frame is one)
FRAMES: dict[str, str] = {
    "plain": "Hôm qua, {X} nhận bằng khen.",
    "end-verb": "Hôm qua, {X} đã tổ chức hội nghị tổng kết.",
    "end-person": "Thay mặt {X} đồng chí Nguyễn Văn An phát biểu chúc mừng.",
    "end-va": "Hôm qua, {X} và Hội Cựu chiến binh huyện ký kết quy chế phối hợp.",
    "end-comma": "Hôm qua, {X}, Hội Nông dân tỉnh, Đoàn Thanh niên xã đã ra quân.",
    "end-place": "Hôm qua, {X} tại xã Tân Phú nhận bằng khen.",
    "end-cua": "Hôm qua, {X} của địa phương nhận bằng khen.",
    # an opening bracket closes the name as a comma does: a note on the body follows
    "end-bracket": "Năm 2007, sáp nhập {X} (năm 1993) vào trường.",
    # a term after the body is no part of its name (spec 6 names bodies; dev gold lists them without it)
    "end-term": "Kỳ họp thứ nhất {X} khóa XII đã bế mạc.",
    "end-years": "Đại hội {X} nhiệm kỳ 2020 - 2025 thành công tốt đẹp.",
    # a verb the body does right after its name, no "đã" between: a reporting verb with its content
    # (often a noun elsewhere: "thông tin", "báo cáo"), then verbs of its work
    "end-informs": "{X} thông tin, năm nay có thêm 20 hội viên mới.",
    "end-reports": "{X} báo cáo, năm nay có thêm 20 hội viên mới.",
    "end-assesses": "{X} nhận định: năm nay có thêm 20 hội viên mới.",
    "end-says": "{X} cho biết, năm nay có thêm 20 hội viên mới.",
    # the reporting verb without a comma: "về" + what it reports on, "thêm" + more, or the sentence's end
    "end-informs-about": "{X} thông tin về kết quả hoạt động trong năm nay.",
    "end-informs-more": "{X} thông tin thêm, năm nay có 20 hội viên mới.",
    "end-reports-final": "Năm nay có thêm 20 hội viên mới, {X} báo cáo.",
    "end-informs-final": "Năm nay có thêm 20 hội viên mới, {X} thông tin.",
    "end-organises": "Hôm qua, {X} tổ chức hội nghị tổng kết.",
    "end-deploys": "Hôm qua, {X} triển khai kế hoạch năm mới.",
    "end-coordinates": "Hôm qua, {X} phối hợp ra quân dọn vệ sinh.",
    "start-cua": "Đây là nhiệm vụ trọng tâm của {X} trong năm nay.",
    "start-voi": "Huyện đã ký kết chương trình phối hợp với {X} trong năm nay.",
    "start-daidien": "Đại diện {X} phát biểu tại buổi lễ.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
    "start-colon": "Đơn vị thực hiện: {X}.",
}
# a person's name after a title or alone, before a bare verb ("Nguyễn Văn An dự"), a list or a role
PERSON_FRAMES: dict[str, str] = {
    "plain": "Hôm qua, ông {X} nhận bằng khen.",
    "end-verb": "Hôm qua, ông {X} dự hội nghị tổng kết.",
    "end-bare-verb": "Hôm qua, {X} dự hội nghị tổng kết.",
    "end-comma": "Hôm qua, ông {X}, bà Lê Thị Hoa đã đến thăm.",
    "end-role": "Ông {X} - Chủ tịch UBND huyện phát biểu.",
    "end-said": "Theo ông {X} cho biết, tình hình đã ổn định.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
    "start-title": "Phó Chủ tịch UBND tỉnh {X} trao quà cho người dân.",
    "start-dongchi": "Đồng chí {X} phát biểu tại buổi lễ.",
}
# a place's name after "tại" (bare names alone are seldom places), before a bare verb or a list
PLACE_FRAMES: dict[str, str] = {
    "plain": "Hôm qua, bà con tại {X} nhận bằng khen.",
    "end-verb": "Người dân tại {X} đón nhận tin vui.",
    "end-comma": "Đoàn đã đến {X}, Hà Giang và Cao Bằng.",
    "start-tai": "Hội nghị diễn ra tại {X} trong hai ngày.",
    "start-sentence": "{X} trao 50 suất quà cho người dân.",
}
FRAMES_OF = {"organizations": FRAMES, "people": PERSON_FRAMES, "locations": PLACE_FRAMES}
# Frames for the body of a named unit: {X} is a gold name headed by a unit's own head (a school, a
# hospital, a company: a head that neither closes a name nor stands alone), {x} the same name with that
# head in lower case where the head keeps its name in lower case ("trường THPT X"); the expected extent
# is the whole frame's body, the Party or mass body's head and the unit ("Chi bộ Trường THPT X").
UNIT_FRAMES: dict[str, tuple[str, str]] = {
    "unit-party": ("Hôm qua, Chi bộ {X} đã tổ chức hội nghị.", "Chi bộ {X}"),
    "unit-party-lower": ("Hôm qua, chi bộ {X} đã tổ chức hội nghị.", "chi bộ {X}"),
    "unit-lower-head": ("Hôm qua, Chi bộ {x} đã tổ chức hội nghị.", "Chi bộ {x}"),
    "unit-both-lower": ("Hôm qua, chi bộ {x} đã tổ chức hội nghị.", "chi bộ {x}"),
    "unit-grassroots": ("Hôm qua, Công đoàn cơ sở {X} tổ chức đại hội.", "Công đoàn cơ sở {X}"),
    "unit-youth": ("Hôm qua, Đoàn cơ sở {x} tổ chức đại hội.", "Đoàn cơ sở {x}"),
}
# Frames for the body of a named commune or district: {L} is a gold location of that level, written
# with its administrative word ("xã Triệu Sơn"); the expected extent is the head and the place.
COMMUNE_FRAMES: dict[str, tuple[str, str]] = {
    "place-grassroots": ("Sân chơi được bàn giao cho Đoàn cơ sở {L}.", "Đoàn cơ sở {L}"),
    "place-union": ("Hôm qua, Công đoàn cơ sở {L} tổ chức đại hội.", "Công đoàn cơ sở {L}"),
    "place-party": ("Hôm qua, Đảng bộ cơ sở {L} tổ chức đại hội.", "Đảng bộ cơ sở {L}"),
    # a numbered village of the commune, its word by initials, capitalised or in lower case ("TDP 16")
    "village-initials": ("Hôm qua, Chi hội Phụ nữ TDP 16 {L} nhận bằng khen.", "Chi hội Phụ nữ TDP 16 {L}"),
    "village-capital": ("Hôm qua, Chi bộ Khu phố 3 {L} tổ chức đại hội.", "Chi bộ Khu phố 3 {L}"),
    "village-lower": ("Hôm qua, Chi bộ thôn 3 {L} tổ chức đại hội.", "Chi bộ thôn 3 {L}"),
}
# Frames for a local Party or Youth committee named by its district or province written whole ({P}:
# a gold district or province name; "Huyện ủy Triệu Phong", where "Triệu" is also a surname).
WHOLE_PLACE_FRAMES: dict[str, dict[str, tuple[str, str]]] = {
    "district": {
        "whole-district": ("Hôm qua, Huyện ủy {P} tổ chức hội nghị.", "Huyện ủy {P}"),
        "whole-district-btv": ("Hôm qua, Ban Thường vụ Huyện đoàn {P} đã tổ chức bàn giao.",
                               "Ban Thường vụ Huyện đoàn {P}"),
        "whole-district-per": ("Bí thư Huyện ủy {P} Nguyễn Văn An phát biểu.", "Huyện ủy {P}"),
    },
    "province": {"whole-province": ("Hôm qua, Tỉnh ủy {P} tổ chức hội nghị.", "Tỉnh ủy {P}")},
}
# Frames for a body whose description is written in lower case and whose place is only its level word
# ("Hội phụ nữ tỉnh"): {D} is a gold name headed by an open head (one that needs a name) with words
# after it and an administrative word, the words lower-cased and the place's name dropped.
DESCRIBED_FRAMES: dict[str, str] = {
    "described-verb": "Năm nay, {D} đã triển khai nhiều phong trào.",
    "described-cua": "Đây là kết quả của {D} trong năm qua.",
}
# Frames for a bloc that groups two kinds joined by "và" ("Khối các cơ quan và doanh nghiệp tỉnh"): {B}
# is a gold name with a bloc of agencies, the second kind written after the first in the same case.
BLOC_FRAMES: dict[str, str] = {
    "bloc-joined": "Hôm qua, {B} đã tổ chức hội nghị.",
    "bloc-joined-cua": "Đây là kết quả của {B} trong năm qua.",
}
# Frames for a body of members named in full before the unit it belongs to, the unit's head in lower case
# ("Liên đội TNTP Hồ Chí Minh trường TH X"): {M} is a gold name a `members` head starts with no place in
# it, {x} a unit name as in UNIT_FRAMES; each unit is paired with one body in turn. The expected extent
# is both, one name.
MEMBERS_FRAMES: dict[str, str] = {
    "members-unit": "Hôm qua, {M} {x} tổ chức đại hội.",
    "members-unit-cua": "Đây là kết quả của {M} {x} trong năm qua.",
}
# The same frames with a firm or an agency as the unit, its head a common noun in lower case ("Hội Cựu chiến
# binh cơ quan BHXH Việt Nam", "Chi bộ Đảng công ty CP X"; session 21, dev6 and dev14 gold).
FIRM_FRAMES: dict[str, str] = {
    "members-firm": "Hôm qua, {M} {x} tổ chức đại hội.",
    "members-firm-cua": "Đây là kết quả của {M} {x} trong năm qua.",
}
# Frames for a body whose trade or field is written in lower case before its proper name ("Công ty cấp
# nước Sài Gòn", "Trung tâm y tế Hà Đông"): {T} is a gold name a head starts, its capitalised words after
# the head that the word classes know (a trade, a field) lower-cased, a proper name still after them.
LOWERED_FRAMES: dict[str, str] = {
    "lowered-verb": "Hôm qua, {T} đã tổ chức hội nghị.",
    "lowered-cua": "Đây là kết quả của {T} trong năm qua.",
    "lowered-person": "Thay mặt {T} đồng chí Nguyễn Văn An phát biểu.",
}
# Frames for a name followed by a dash: {X} is a gold name a company, bank, institute or school head
# starts, {Y} what its registered name may carry after a dash: the company's form ("– TNHH MTV", for
# companies only) or a branch under its own head and a place ("– Chi nhánh Đà Nẵng", "– Phân viện
# ...", "– Phân hiệu ..."), both one name with {X}; after a dash a sentence ("– đơn vị ...") ends it.
DASHED_FRAMES: dict[str, tuple[str, bool]] = {  # frame -> (sentence, whether the dash's words are the name's)
    "dash-form": ("Hôm qua, {X} – TNHH MTV đã tổ chức hội nghị.", True),
    "dash-branch": ("Hôm qua, {X} – {Y} đã tổ chức hội nghị.", True),
    "dash-branch-cua": ("Đây là kết quả của {X} – {Y} trong năm qua.", True),
    "dash-sentence": ("Hôm qua, {X} – đơn vị đứng đầu khối thi đua đã tổ chức hội nghị.", False),
    # the name ends on something other than a capitalised word: a region, a branch's place with its word
    "dash-form-region": ("Hôm qua, {X} miền Bắc – TNHH MTV đã tổ chức hội nghị.", True),
    "dash-branch-admin": ("Hôm qua, {X} – {Z} đã tổ chức hội nghị.", True),
}
_BRANCH_OF = {"công ty": "Chi nhánh", "tổng công ty": "Chi nhánh", "ngân hàng": "Chi nhánh",
              "tập đoàn": "Chi nhánh", "viện": "Phân viện", "học viện": "Phân viện", "trường": "Phân hiệu"}
_BRANCH_PLACES = ("Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh", "Hải Phòng")
_COMPANY_FORM = re.compile(r"\b(TNHH|CP|CTCP|Cổ phần|MTV)\b", re.IGNORECASE)
_PLACED = re.compile(r"\d|\bTP\b|Việt Nam|\b(tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn)\b", re.I)
_BLOC_KIND = re.compile(r"(?<=Khối )(các cơ quan|cơ quan|Các cơ quan|Cơ quan)(?= )", re.IGNORECASE)
_LEVEL_END = re.compile(r"^(.+?) (tỉnh|huyện|xã|thành phố|quận|phường|thị xã)(?: [A-ZÀ-ỸĐ].*)?$")
KINDS = ("exact", "too long", "too short", "crossed", "missed")


def _surface(text: str, name: str) -> str | None:
    """The name as the passage writes it, capitalised where some occurrence is, or None when absent."""
    folded, key = text.casefold(), name.casefold()
    forms = [text[m.start():m.start() + len(name)] for m in re.finditer(re.escape(key), folded)]
    return next((f for f in forms if f[:1].isupper()), forms[0] if forms else None)


def found_names(paths: list[str], kind: str = "organizations") -> list[tuple[str, str]]:
    """(file stem, surface name) for each gold name of the kind vnie finds exactly in its passage."""
    out: dict[str, str] = {}
    for path in paths:
        for gold, doc in gold_documents(path):
            text = normalize_text("\n".join(s.text for s in doc.segments))
            mine = {_name(x) for x in extract(doc).get(kind, [])}
            for item in gold.get(kind, []):
                key = _name(item)
                raw = item.get("name", "") if isinstance(item, dict) else str(item)
                surface = _surface(text, normalize_text(raw))
                if key in mine and surface and key not in out:
                    out[key] = f"{Path(path).stem}\t{surface}"
    return [tuple(v.split("\t")) for v in out.values()]  # type: ignore[misc]


def judge(sentence: str, name: str, found: list[str]) -> tuple[str, str]:
    """How the extracted organisations cover the name's place in the sentence: (kind, deciding extent)."""
    folded, want = _name(sentence), _name(name)
    start = folded.find(want)
    end = start + len(want)
    order = {k: i for i, k in enumerate(KINDS)}
    best = ("missed", "")
    for got in found:
        at = folded.find(got)
        if at < 0 or at >= end or at + len(got) <= start:
            continue  # another body of the frame, or not in the sentence as written
        if (at, at + len(got)) == (start, end):
            kind = "exact"
        elif at <= start and at + len(got) >= end:
            kind = "too long"
        elif at >= start and at + len(got) <= end:
            kind = "too short"
        else:
            kind = "crossed"
        if order[kind] < order[best[0]]:
            best = (kind, got)
    return best


def unit_names(names: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(file stem, name, name with a lower-case head) for the names a unit's own head starts."""
    from pipeline.extract.org_rules import rules

    r, out = rules(), []
    for stem, name in names:
        match = r.head_re.match(name.lower())
        head = r.heads[match.group()] if match and name[:1].isupper() else None
        if head is None or head.closes or head.standalone or head.unit or head.nested_only:
            continue
        lower = name[:match.end()].lower() + name[match.end():] if head.lowercase == "keep" else name
        out.append((stem, name, lower))
    return out


def firm_names(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(file stem, "công ty CP X") for gold names a firm's or an agency's head starts (a `wrapper` or an
    `apposition` head that drops its name in lower case), the head lower-cased."""
    from pipeline.extract.org_rules import rules

    r, out = rules(), []
    for stem, name in names:
        match = r.head_re.match(name.lower())
        head = r.heads[match.group()] if match and name[:1].isupper() else None
        if head is None or head.lowercase == "keep" or not (head.wrapper or head.apposition) or (
                not view_end(name, match.end()) or name[:match.end()].isupper()):
            continue  # a school keeps its frame above; "CTCP", "CLB": initials stay as written
        out.append((stem, name[:match.end()].lower() + name[match.end():]))
    return sorted(set(out))


def described_names(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(file stem, "Hội phụ nữ tỉnh") from gold names an open head starts, with words and a level word."""
    from pipeline.extract.org_rules import rules

    r, out = rules(), {}
    for stem, name in names:
        match = r.head_re.match(name.lower())
        level = _LEVEL_END.match(name)
        head = r.heads[match.group()] if match and name[:1].isupper() else None
        if head is None or level is None or head.closes or head.standalone or head.local or head.nested_only:
            continue
        words = level.group(1)[match.end():].split()
        if not words or any(w[1:] != w[1:].lower() or not w.isalpha() for w in words):
            continue  # an acronym or a number would not read lower-cased
        out.setdefault(" ".join([name[:match.end()], *(w.lower() for w in words), level.group(2)]), stem)
    return [(stem, name) for name, stem in out.items()]


def lowered_names(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(file stem, "Công ty cấp nước Sài Gòn") from gold names a head starts whose next words of the
    segmenter are a trade or field the word classes know, capitalised, and a proper name after them."""
    from pipeline.extract.org_rules import rules
    from pipeline.extract.word_classes import word_class

    r, out = rules(), {}
    for stem, name in names:
        match = r.head_re.match(name.lower())
        head = r.heads[match.group()] if match and name[:1].isupper() else None
        if head is None or head.closes or head.standalone or not view_end(name, match.end()):
            continue
        doc = build_document(text=name).segments[0].doc
        words = [(t.idx, t.idx + len(t.text)) for t in doc if t.idx >= match.end()]
        lowered = 0
        for start, end in words[:-1]:
            word = name[start:end]
            if word == "và" and lowered:
                continue  # "Tài nguyên và Môi trường": two fields joined
            nested = r.head_re.match(name.lower(), start) or r.admin_re.match(name.lower(), start) or (
                r.level_re.match(name.lower(), start))  # a body, a place or a level: not the trade
            if nested or not word[:1].isupper() or word.isupper() or not word.replace(" ", "").isalpha() or (
                    word_class(word.lower()) not in ("noun", "verb", "adj")):
                break
            lowered = end
        rest = name[lowered:].split()
        named = all(w[:1].isupper() for w in rest) or (  # a proper name, or a place with its word
            len(rest) > 1 and r.admin_re.match(name[lowered:].strip()) is not None and all(
                w[:1].isupper() for w in rest[1:]))
        joined = " và" in name[lowered - 4:lowered + 1]  # a field joined with "và" ends on its second field
        if lowered and rest and named and not joined and not r.head_re.match(
                name[lowered:].strip().lower()):
            out.setdefault(name[:match.end()] + name[match.end():lowered].lower() + name[lowered:], stem)
    return [(stem, name) for name, stem in out.items()]


def view_end(name: str, end: int) -> bool:
    """The head ends on a syllable of the name, a word after it."""
    return end < len(name) and name[end] == " "


def member_bodies(names: list[tuple[str, str]]) -> list[str]:
    """Gold names a `members` head (not the Party's) starts, capitalised, with no place or nested head
    after the head's own name ("Hội Cựu chiến binh", "Đoàn TNCS Hồ Chí Minh")."""
    from pipeline.extract.org_rules import rules

    r, out = rules(), []
    for _, name in names:
        match = r.head_re.match(name.lower())
        head = r.heads[match.group()] if match and name[:1].isupper() else None
        rest = name[match.end():] if match else ""
        nested = any(r.head_re.match(rest.lower(), w.start()) for w in re.finditer(r"(?<= )\w", rest))
        party = head is not None and head.lowercase == "placed"  # a unit's Party body names its unit
        if head is None or not head.members or party or not rest.strip() or nested or (
                _PLACED.search(rest)):
            continue  # a unit's body ("Chi đoàn Nhà máy X") or a place's ("Hội LHPN TP. Đà Nẵng")
        out.append(name)
    return sorted(set(out))


def place_names(paths: list[str], words: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(file stem, "xã Triệu Sơn") for each gold commune or district, with its administrative word
    (`words`: level -> the word written before the name, "" for the name alone)."""
    words = {"commune": "xã", "district": "huyện"} if words is None else words
    out: dict[str, str] = {}
    for path in paths:
        for gold, _ in gold_documents(path):
            for item in gold.get("locations", []):
                if isinstance(item, dict) and item.get("level") in words and item.get("name"):
                    out.setdefault(f"{words[item['level']]} {item['name']}".strip(), Path(path).stem)
    return [(stem, place) for place, stem in out.items()]


def _framed(sentence: str, want: str, table: Counter[str], wrong: list[str], label: str) -> str:
    """Judge the extent `want` in the framed sentence; count it, note it when wrong; the kind."""
    found = [_name(x) for x in extract(build_document(text=sentence)).get("organizations", [])]
    kind, got = judge(sentence, want, found)
    table[kind] += 1
    if kind != "exact":
        wrong.append(f"  {label} {kind:9} {want!r} -> {got!r}")
    return kind


def units_report(paths: list[str], names: list[tuple[str, str]], details: bool) -> None:
    """The unit and place frames: per frame, how the whole body's extent comes out."""
    units, places = unit_names(names), place_names(paths)
    print(f"\n{len(units)} unit names (from {len({s for s, _, _ in units})} files), "
          f"{len(places)} communes and districts")
    print(f"{'frame':17} " + " ".join(f"{k:>9}" for k in KINDS))
    wrong: list[str] = []
    for frame, (text, want) in UNIT_FRAMES.items():
        table: Counter[str] = Counter()
        for stem, name, lower in units:
            fill = {"{X}": name, "{x}": lower}
            sentence, whole = text, want
            for key, value in fill.items():
                sentence, whole = sentence.replace(key, value), whole.replace(key, value)
            _framed(sentence, whole, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    for frame, (text, want) in COMMUNE_FRAMES.items():
        table = Counter()
        for stem, place in places:
            label = f"{frame:17} {stem:22}"
            _framed(text.replace("{L}", place), want.replace("{L}", place), table, wrong, label)
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    for level, frames in WHOLE_PLACE_FRAMES.items():
        whole = place_names(paths, {level: ""})
        for frame, (text, want) in frames.items():
            table = Counter()
            for stem, place in whole:
                label = f"{frame:17} {stem:22}"
                _framed(text.replace("{P}", place), want.replace("{P}", place), table, wrong, label)
            print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS) + f"  ({len(whole)} {level})")
    def joined(kind: re.Match[str]) -> str:
        return kind.group(1) + (" và Doanh nghiệp" if kind.group(1)[0].isupper() else " và doanh nghiệp")

    blocs = sorted({(stem, _BLOC_KIND.sub(joined, name, count=1))
                    for stem, name in names if _BLOC_KIND.search(name) and " và " not in name})
    for frame, text in BLOC_FRAMES.items():
        table = Counter()
        for stem, name in blocs:
            _framed(text.replace("{B}", name), name, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS) + f"  ({len(blocs)} blocs)")
    bodies = member_bodies(names)
    print(f"{len(bodies)} bodies of members, each unit with a lower-case head after one in turn")
    for frame, text in MEMBERS_FRAMES.items():
        table = Counter()
        lowered = [(stem, lower) for stem, name, lower in units if lower != name]  # "trường THPT X"
        for i, (stem, lower) in enumerate(lowered if bodies else []):
            whole = f"{bodies[i % len(bodies)]} {lower}"
            _framed(text.replace("{M} {x}", whole), whole, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    firms = firm_names(names)
    print(f"{len(firms)} firms and agencies, each with its head lower-cased after a body of members")
    for frame, text in FIRM_FRAMES.items():
        table = Counter()
        for i, (stem, lower) in enumerate(firms if bodies else []):
            whole = f"{bodies[i % len(bodies)]} {lower}"
            _framed(text.replace("{M} {x}", whole), whole, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    described = described_names(names)
    print(f"{len(described)} described names with a level word")
    for frame, text in DESCRIBED_FRAMES.items():
        table = Counter()
        for stem, name in described:
            _framed(text.replace("{D}", name), name, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    lowered_report(names, details, wrong)


def lowered_report(names: list[tuple[str, str]], details: bool, wrong: list[str] | None = None) -> None:
    """The frames of a trade or field written in lower case: per frame, how the name's extent comes out."""
    wrong = [] if wrong is None else wrong
    lowered = lowered_names(names)
    print(f"{len(lowered)} names with their trade or field lower-cased")
    for frame, text in LOWERED_FRAMES.items():
        table: Counter[str] = Counter()
        for stem, name in lowered:
            _framed(text.replace("{T}", name), name, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    if details:
        print("\n".join(wrong))


def dashed_report(names: list[tuple[str, str]], details: bool) -> None:
    """The frames of a dash after a name: per frame, how the name's extent (with or without what the dash
    brings) comes out."""
    wrong: list[str] = []
    chosen = []
    for stem, name in names:
        head = next((h for h in sorted(_BRANCH_OF, key=len, reverse=True)
                     if name.lower().startswith(h + " ")), None)
        if head is not None and " – " not in name and " - " not in name:
            chosen.append((stem, name, head))
    print(f"{len(chosen)} names a company, bank, institute or school head starts")
    for frame, (text, whole) in DASHED_FRAMES.items():
        table: Counter[str] = Counter()
        for i, (stem, name, head) in enumerate(chosen):
            company = head in ("công ty", "tổng công ty")
            if (frame.startswith("dash-form") and (not company or _COMPANY_FORM.search(name))) or (
                    frame == "dash-form-region" and name[-1].isdigit()):
                continue  # a region comes after a trade, not after a company's number
            branch = f"{_BRANCH_OF[head]} {_BRANCH_PLACES[i % len(_BRANCH_PLACES)]}"
            admin = f"{_BRANCH_OF[head]} {('tỉnh Quảng Trị', 'thành phố Cần Thơ')[i % 2]}"
            sentence = text.replace("{X}", name).replace("{Y}", branch).replace("{Z}", admin)
            want = name + sentence[sentence.index(name) + len(name):].split(" đã ")[0].split(" trong ")[0]
            _framed(sentence, want if whole else name, table, wrong, f"{frame:17} {stem:22}")
        print(f"{frame:17} " + " ".join(f"{table[k]:9d}" for k in KINDS))
    if details:
        print("\n".join(wrong))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: all of them)")
    parser.add_argument("--kind", choices=list(FRAMES_OF), default="organizations")
    parser.add_argument("--frame", action="append", help="frame names of the kind (default: all)")
    parser.add_argument("--details", action="store_true", help="print every name a frame gets wrong")
    parser.add_argument("--units", action="store_true", help="only the unit and place frames")
    parser.add_argument("--lowered", action="store_true", help="only the frames of a lower-cased trade")
    parser.add_argument("--dashed", action="store_true", help="only the frames of a dash after a name")
    parser.add_argument("--acted", action="store_true",
                        help="only the frames of a lower-case verb of work before a field, and predicates")
    parser.add_argument("--acronyms", action="store_true",
                        help="only the frames of an acronym in brackets inside a name")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]
    names = found_names(paths, args.kind)
    if args.units:
        units_report(paths, names, args.details)
        return 0
    if args.lowered:
        lowered_report(names, args.details)
        return 0
    if args.dashed:
        dashed_report(names, args.details)
        return 0
    if args.acted:
        acted_report(names, args.details, _framed, KINDS)
        return 0
    if args.acronyms:
        acronym_report(names, args.details)
        after_report(names, args.details)
        return 0
    kind_frames = FRAMES_OF[args.kind]
    frames = args.frame or list(kind_frames)
    if unknown := set(frames) - set(kind_frames):
        sys.exit(f"no such {args.kind} frame: {sorted(unknown)}")
    table: dict[str, Counter[str]] = {f: Counter() for f in frames}
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    wrong: list[str] = []
    for stem, name in names:
        for frame in frames:
            sentence = kind_frames[frame].replace("{X}", name)
            found = [_name(x) for x in extract(build_document(text=sentence)).get(args.kind, [])]
            kind, got = judge(sentence, name, found)
            table[frame][kind] += 1
            if kind != "exact":
                files[frame, kind].add(stem)
                wrong.append(f"  {frame:15} {kind:9} {stem:22} {name!r} -> {got!r}")
    print(f"{len(names)} {args.kind} names vnie finds exactly, from {len({s for s, _ in names})} "
          f"{'test' if args.test_half else 'dev'} files")
    print(f"{'frame':15} " + " ".join(f"{k:>9}" for k in KINDS) + "  files(long/short/missed)")
    for frame in frames:
        spread = "/".join(str(len(files[frame, k])) for k in ("too long", "too short", "missed"))
        print(f"{frame:15} " + " ".join(f"{table[frame][k]:9d}" for k in KINDS) + f"  {spread}")
    if args.details:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
