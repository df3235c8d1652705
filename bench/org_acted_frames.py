"""Frames of org_extent_audit.py for a body's work written as a lower-case verb before its capitalised field.

"Chi cục Bảo vệ thực vật" is written "Chi cục bảo vệ Thực vật" too, "Ban Quản lý dự án Phát triển lâm
nghiệp" "Ban QLDA phát triển Lâm nghiệp": the verb of the body's work in lower case, its field
capitalised. The positive names are gold names vnie finds whose head is followed by a capitalised verb
the word classes know and more words of the name ("Trung tâm Phát triển quỹ đất huyện"), re-written in
that form (verb lower-cased, the next word capitalised); the expected extent is the whole re-written
name. The negative frames put a gold name vnie finds before a lower-case verb and a capitalised event,
document or body ("{X} tổ chức Hội nghị tổng kết"): the predicate's object, so the expected extent is
the name alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from pipeline.extract.document import build_document

# {A}: a name re-written with its verb in lower case and its field capitalised; the extent is {A}
ACTED_FRAMES: dict[str, str] = {
    "acted-verb": "Hôm qua, {A} đã tổ chức hội nghị.",
    "acted-cua": "Đây là kết quả của {A} trong năm qua.",
    "acted-person": "Thay mặt {A} đồng chí Nguyễn Văn An phát biểu.",
    "acted-event": "Hôm qua, {A} tổ chức Hội nghị tổng kết công tác năm.",
}
# {X}: a gold name vnie finds; a predicate's verb and its capitalised object follow: the extent is {X}
PREDICATE_FRAMES: dict[str, str] = {
    "pred-event": "Hôm qua, {X} tổ chức Hội nghị tổng kết công tác năm.",
    "pred-document": "Hôm qua, {X} ban hành Kế hoạch số 12/KH-UBND về công tác này.",
    "pred-campaign": "Hôm qua, {X} phát động Phong trào thi đua trong toàn ngành.",
    "pred-body": "Hôm qua, {X} phối hợp Công an huyện kiểm tra địa bàn.",
    "pred-award": "Hôm qua, {X} nhận Giấy khen của Chủ tịch UBND tỉnh.",
}


def acted_names(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(file stem, "Trung tâm phát triển Quỹ đất huyện") from gold names whose head is followed by a
    capitalised verb of the word classes (not an acronym) and a word after it: the verb lower-cased, the
    word after it capitalised."""
    from pipeline.extract.org_rules import rules
    from pipeline.extract.word_classes import word_class

    r, out = rules(), {}
    for stem, name in names:
        match = r.head_re.match(name.lower())
        if not match or not name[:1].isupper() or match.end() >= len(name) or name[match.end()] != " ":
            continue
        doc = build_document(text=name).segments[0].doc
        words = [(t.idx, t.idx + len(t.text)) for t in doc if t.idx > match.end()]
        if len(words) < 2:
            continue
        (verb_start, verb_end), (field_start, _) = words[0], words[1]
        verb, field = name[verb_start:verb_end], name[field_start:]
        if not verb[:1].isupper() or verb.isupper() or word_class(verb.lower()) != "verb" or (
                not field[:1].isalpha() or r.head_re.match(field.lower()) or r.admin_re.match(field)):
            continue  # the field must be words of the name, not a nested body or a place
        rewritten = f"{name[:verb_start]}{verb.lower()} {field[:1].upper()}{field[1:]}"
        out.setdefault(rewritten, stem)
    return [(stem, name) for name, stem in out.items()]


Framed = Callable[[str, str, Counter[str], list[str], str], str]


def acted_report(names: list[tuple[str, str]], details: bool, framed: Framed, kinds: tuple[str, ...]) -> None:
    """The acted and predicate frames: per frame, how the expected extent comes out (`framed` judges one
    sentence, as org_extent_audit's `_framed` does)."""
    wrong: list[str] = []
    acted = acted_names(names)
    print(f"{len(acted)} names with the verb of their work lower-cased, {len(names)} before a predicate")
    print(f"{'frame':15} " + " ".join(f"{k:>9}" for k in kinds))
    for frame, text in ACTED_FRAMES.items():
        table: Counter[str] = Counter()
        for stem, name in acted:
            framed(text.replace("{A}", name), name, table, wrong, f"{frame:15} {stem:22}")
        print(f"{frame:15} " + " ".join(f"{table[k]:9d}" for k in kinds))
    for frame, text in PREDICATE_FRAMES.items():
        table = Counter()
        for stem, name in names:
            framed(text.replace("{X}", name), name, table, wrong, f"{frame:15} {stem:22}")
        print(f"{frame:15} " + " ".join(f"{table[k]:9d}" for k in kinds))
    if details:
        print("\n".join(wrong))
