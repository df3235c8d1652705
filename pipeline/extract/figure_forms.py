"""Figure forms of party reports that a lone number does not show (spec section 4).

- A part of a whole: "7/9 chi bộ", "43/57 ấp" is one figure, `value` 7, `of` 9.
- Result over target: "đạt 2.415/2.000 đảng viên", "91,4%/85%" are two figures with one unit, the
  second a target. A result can exceed its target; a part cannot exceed its whole, so a first
  number above the second, two percentages, or a plan word before the pair ("đạt", "kế hoạch",
  "chỉ tiêu") reads as result over target.
- The items of a breakdown inherit the unit of the count they break down: "kết nạp 312 đảng viên
  mới, trong đó: Tân Uyên 95; Phú Giáo 88", "thi hành kỷ luật 740 đảng viên (khiển trách 512, cảnh
  cáo 171)". An item is a label of a few words and a bare number, up to the end of the sentence or
  the closing bracket.
"""

from __future__ import annotations

import regex

from pipeline.datetime_parse import date_rules, fold
from pipeline.extract.clauses import rules
from pipeline.extract.kinds import figures as base
from pipeline.model import Mention
from pipeline.rulebook import compiled

# the look-ahead first lets the engine skip to digits fast
FRACTION = regex.compile(
    r"(?=\d)"
    + base.LEFT_EDGE
    + rf"(?P<a>{base.NUMBER})(?P<pa>[ \t]?%)?[ \t]?/[ \t]?(?P<b>{base.NUMBER})(?P<pb>[ \t]?%)?"
)
BARE = regex.compile(r"(?=\d)" + base.LEFT_EDGE + rf"(?P<n>{base.NUMBER})(?=[ \t]*(?:[,;.)]|và\b|$))")
ITEM_WORDS = 6  # a longer "label" is a clause


@compiled
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """What opens a breakdown after its count, and an item's label before its number."""
    openers = "|".join(
        regex.escape(t) for t in sorted(rules().tables["breakdown_openers"], key=len, reverse=True)
    )
    opener = regex.compile(rf"\s*(?:,\s*|\()?\s*(?:{openers})?\s*:?\s*\(?", regex.IGNORECASE)
    label = regex.compile(
        rf"(?:\G\s*|[,;:(]\s*|\s(?:và|{openers})\s+)(?P<label>[^\d,;:()]{{2,60}}?)\s*$", regex.IGNORECASE
    )
    return opener, label


def find(view: base.SegmentView, found: list[Mention], lex: base.Lexicon) -> list[Mention]:
    """Fractions and pairs, and breakdown items, of one segment (`found`: its figures so far)."""
    forms = _fractions(view, lex)
    return forms + _items(view, [*found, *forms], lex)


def _fractions(view: base.SegmentView, lex: base.Lexicon) -> list[Mention]:
    text, out = view.segment.text, []
    for match in FRACTION.finditer(text):
        first, second = base.parse_number(match["a"]), base.parse_number(match["b"])
        if first is None or second is None or base.TRAILING_JUNK.match(text, match.end()):
            continue
        percent = bool(match["pa"] and match["pb"])
        unit = base.Unit("%", "percent", match.end()) if percent else base._read_unit(view, match.end(), lex)
        counted = unit.kind in ("percent", "money", "measure") or (
            unit.kind == "noun" and unit.text.lower() in lex.counted
        )
        words = base._words_before(text, match.start(), view.sentence_starts[view.sentence(match.start())])
        month_year = first <= 12 and base.YEAR.fullmatch(match["b"])  # "tháng 8/2020 đơn vị ..."
        if not counted or not second or month_year or (words and fold(words[-1]) in _date_words()):
            continue  # "ngày 7/9" is a date, "24/7 phục vụ" a rhythm
        unit_text = "%" if unit.kind == "percent" else unit.text
        planned = any(rules().has("pair_cues", " ".join(words[-size:])) for size in (1, 2, 3))
        if percent or first > second or planned:
            target = base._is_target(view, match.start(), match.end("a"), None, words, lex)
            out.append(
                base._mention(
                    view,
                    match.start(),
                    match.end("pa") if match["pa"] else match.end("a"),
                    base.plain_value(first),
                    unit_text,
                    None,
                    target,
                )
            )
            out.append(
                base._mention(
                    view, match.start("b"), unit.end, base.plain_value(second), unit_text, None, True
                )
            )
            continue
        target = base._is_target(view, match.start(), unit.end, None, words, lex)
        part = base._mention(view, match.start(), unit.end, base.plain_value(first), unit_text, None, target)
        part.attrs["of"] = base.plain_value(second)
        out.append(part)
    return out


def _items(view: base.SegmentView, found: list[Mention], lex: base.Lexicon) -> list[Mention]:
    """Bare numbers after a count and a breakdown opener, labelled, that take the count's unit."""
    text, out = view.segment.text, []
    taken = {(m.start, m.end) for m in found}
    opener_at, label_at = _patterns()
    for head in sorted(found, key=lambda m: m.start):
        unit = head.attrs.get("unit")
        if not unit or unit == "%" or "of" in head.attrs:
            continue
        sentence_end = view.sentence_ends[view.sentence(head.start)]
        opener = opener_at.match(text, head.end)
        if not opener or opener.end() == head.end or not _opens(text[head.end : opener.end()]):
            continue
        bracket = "(" in text[head.end : opener.end()]
        stop = text.find(")", opener.end(), sentence_end) if bracket else sentence_end
        stop = sentence_end if stop < 0 else stop
        for match in BARE.finditer(text, opener.end(), stop):
            label = label_at.search(text, opener.end(), match.start())
            if not label or len(label["label"].split()) > ITEM_WORDS or (match.start(), match.end()) in taken:
                continue
            if any(m.start <= match.start() < m.end for m in found):
                continue
            value = base.parse_number(match["n"])
            if value is None or value >= head.attrs["value"]:
                continue  # a part is less than its whole
            item = base._mention(
                view,
                match.start(),
                match.end(),
                base.plain_value(value),
                unit,
                None,
                bool(head.attrs.get("is_target")),
            )
            out.append(item)
    return out


@compiled
def _date_words() -> frozenset[str]:
    """Words after which "7/9" is a day and month (the dates rule file's day and range triggers)."""
    rules = date_rules()
    return frozenset(fold(e["term"]) for name in ("day_triggers", "range_triggers") for e in rules[name])


def _opens(gap: str) -> bool:
    """Whether the text after a count opens a breakdown: a bracket, a colon, or an opener word."""
    words = regex.sub(r"[^\p{L}\s]", " ", gap.lower()).split()
    return "(" in gap or ":" in gap or rules().has("breakdown_openers", " ".join(words))
