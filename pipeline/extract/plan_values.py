"""A plan's own value restated beside a result measured against it, and the period it is for.

"vượt 0,05% so với chỉ tiêu đề ra tại Nghị quyết số 03-NQ/TU (38%)": the 38% is the quota's, set for
the year (spec 4a: "A target's time is the period of the target"), not the day or the months the
result beside it is counted to.
"""

from __future__ import annotations

from pipeline.extract.clauses import Words, rules
from pipeline.model import Mention

PLAN_VALUE_REACH = 16  # words between a plan word and the bracket restating the plan's value
PLAN_VALUE_STOPS = frozenset({".", ";", ":", "(", ")"})  # what ends the look back from that bracket


def plan_value(words: Words, fig: Mention, named: list[tuple[int, int]]) -> bool:
    """Whether a figure opens a bracket restating the value of the plan or quota its clause is
    measured against ("thấp hơn 0,33% so với kế hoạch EVNSPC giao (2,84%)"): a word of `plan_words` a
    few words before the bracket, in the same clause, with no number between but those inside `named`
    (the spans of the sentence's documents and dates: "Nghị quyết số 03-NQ/TU ngày 10/12/2021")."""
    at = words.at(fig.start)
    if at == 0 or words.lower[at - 1] != "(":
        return False
    for k in range(at - 2, max(at - PLAN_VALUE_REACH, 0) - 1, -1):
        if words.lower[k] in PLAN_VALUE_STOPS:
            return False
        if words.lower[k][:1].isdigit() and not any(a <= words.starts[k] < b for a, b in named):
            return False  # another figure between: "đạt 82%, tăng 3 (4%)" restates no plan
        # (on syllables: the segmenter may glue the term to the next word, "chỉ | tiêu đề ra")
        syllables = " ".join(words.lower[k : k + 2]).split()
        if any(rules().has("plan_words", " ".join(syllables[:n])) for n in (1, 2)):
            return True
    return False


def plan_year(period: str) -> str:
    """The period a plan's value is for: a plan is set for a year, so a part of a year, a month or a
    day the result beside it is counted to widens to its year ("6 tháng đầu năm 2022" → 2022); a span
    of years or one open to now stays."""
    first, _, last = period.partition("/")
    if len(first) >= 7 and first[:4].isdigit() and (not last or last[:4] == first[:4]):
        return first[:4]
    return period
