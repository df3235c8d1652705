"""A figure the headline and the body both state, and the period one of them gives it (spec 4a
`time`: from the sentence, else the paragraph, else the article's subject period, which a headline
states): the body's period for a headline figure nothing in the headline dates, the headline's for a
body figure restated in a sentence naming no date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.extract.dated_text import is_period, span_end
from pipeline.extract.figure_time import figure_key
from pipeline.model import Mention

if TYPE_CHECKING:
    from pipeline.extract.attribution import Reader


def headline_periods(
    figures: list[Mention], found: dict[tuple[str, int], dict[str, Any]], title: Reader
) -> dict[tuple[Any, str], str]:
    """The periods the headline's own dates give its figures ("... 200 nhà Đại đoàn kết cho hộ nghèo
    trong năm 2020"), by value and unit (`figure_key`): what the body restates of them without a date
    of its own is for that period. A time the headline took from anywhere else (the publication's
    day, the body) is none of the headline's, and a day is the day of the event it tells, not a period
    its figures are for ("Chiều 30/4, ... xác định có 12 người ...": the open event-day convention)."""
    written = {span_end(str(m.attrs.get("value") or "")) for m in title.mentions if m.type == "DATE"}
    out: dict[tuple[Any, str], str] = {}
    for f in figures:
        entry = found.get((f.field, f.start))
        dated = f.field == "title" and entry and entry["time"] in written and is_period(entry["time"])
        if dated and (key := figure_key(f)) is not None:
            out.setdefault(key, entry["time"])
    return out


def headline_from_body(
    figures: list[Mention], found: dict[tuple[str, int], dict[str, Any]], readers: dict[str, Reader]
) -> None:
    """A headline's figure that nothing in the headline dates ("Giải ngân 1,6 tỷ đồng từ nguồn Quỹ Hỗ
    trợ nông dân") restates the body's figure of the same value and unit: it is for the period the
    body gives that one ("Trong 02 ngày (14 và 15/11/2019), Hội nông dân tỉnh đã giải ngân 1,6 tỷ
    đồng"), when the body dates it from its text and gives no other period to one so written."""
    undated = readers["title"].undated if "title" in readers else set()
    body = readers.get("text")
    if not undated or body is None:
        return
    times: dict[tuple, set[str | None]] = {}
    for f in figures:
        if f.field == "text" and (key := figure_key(f)) and (f.field, f.start) in found:
            dated = (f.field, f.start) not in body.undated
            times.setdefault(key, set()).add(found[(f.field, f.start)]["time"] if dated else None)
    for f in figures:
        seen = times.get(figure_key(f), set()) if (f.field, f.start) in undated else set()
        if len(seen) == 1 and (time := next(iter(seen))) is not None:
            found[(f.field, f.start)]["time"] = time
