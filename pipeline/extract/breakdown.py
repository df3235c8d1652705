"""Breakdowns: the items of a figure's list and what each item's label says ("312 đảng viên mới,
trong đó: Tân Uyên 95; Phú Giáo 88": each label is its item's subject; "bậc tiểu học 599 người": a
label that is no name narrows the measure). The words are in `rules/attribution.yml`."""

from __future__ import annotations

from pipeline.extract.clauses import Words, rules
from pipeline.extract.kinds import figures as figure_rules
from pipeline.extract.measure_phrases import Found
from pipeline.extract.subject_filters import GROUP_ENDS
from pipeline.model import Mention

OPENING_BRACKETS = ("(", "[")  # a bracket a figure opens after its item's label
LABEL_WORDS = 8  # a breakdown item's label ("Bệnh viện Phục hồi chức năng tỉnh"); longer is a clause


def breakdown(words: Words, figs: list[Mention], measures: dict[int, Found | None]) -> dict[int, str]:
    """Items of a breakdown: figure start -> its label ("Tân Uyên" in "trong đó: Tân Uyên 95")."""
    labels: dict[int, str] = {}
    for head_index, head in enumerate(figs):
        end = max(head.end, measures[head.start].end if measures[head.start] else head.end)
        i = words.at(end)
        while i < len(words) and words.is_punct(i) and words.lower[i] in ",(:;":
            i += 1
        n = words.term_at(i, "breakdown_openers") if i < len(words) else 0
        if not n and not (words.at(end) < len(words) and words.lower[words.at(end)] == "("):
            continue
        for item in figs[head_index + 1 :]:
            if (item.attrs.get("unit") == "%") != (head.attrs.get("unit") == "%"):
                continue  # a share is no part of a count ("83 người ..., đạt tỷ lệ 100%")
            k = words.at(item.start)
            j = k
            while j > i and not words.is_punct(j - 1):
                j -= 1
            while j < k and (m := words.term_at(j, "breakdown_openers", k) or words.term_at(j, "links", k)):
                j += m
            label = words.phrase(j, k)
            verbal = any(words.term_at(x, t) for x in range(j, k) for t in GROUP_ENDS)
            if label and not label[0].isdigit() and k - j <= LABEL_WORDS and not verbal:
                labels[item.start] = label
            labels.setdefault(-head.start - 1, "")  # remember the head
        break
    if not labels and figs:
        _named_items(words, figs, labels)
    return labels


def breakdown_clause(words: Words, low: int, high: int) -> tuple[int, int] | None:
    """Where the first clause listing parts opens and ends in a sentence ("{S} thụ lý 16 tin; trong
    đó, {part} 11 tin"): a breakdown opener right after punctuation, to the sentence's end or, opened
    in brackets, to the closing one ("Hà Nội có 7 trường (gồm ...); TPHCM ..."), as character offsets."""
    end = words.at(high)
    for i in range(words.at(low) + 1, end):
        if words.is_punct(i - 1) and words.lower[i - 1] in ",(:;" and words.term_at(i, "breakdown_openers"):
            closing = next((k for k in range(i, end) if words.lower[k] == ")"), end)
            bracketed = words.lower[i - 1] == "(" and closing < end
            return words.starts[i], words.starts[closing] if bracketed else high
    return None


def _named_items(words: Words, figs: list[Mention], labels: dict[int, str]) -> None:
    """Items of a list a sentence opens with no figure before it ("số hộ nghèo tại các huyện, gồm:
    Ninh Sơn 2.638 hộ, Thuận Bắc 2.456 hộ", or after "là" when two figures follow): a name right
    before a figure is its label."""
    first = words.at(words.sentence(figs[0].start)[0])
    colon = next(
        (
            k
            for k in range(words.at(figs[0].start) - 1, first, -1)
            if (words.lower[k] == ":" and words.term_before(k, "breakdown_openers", k - 3))
            or (words.lower[k] == "là" and len(figs) > 1)  # "... là Thanh Hải 11/15, Đồng Cốc 8/7"
        ),
        None,
    )
    if colon is None:
        return
    floor = colon + 1
    for previous, fig in zip([None, *figs], figs, strict=False):
        k = words.at(fig.start)
        if k <= colon:
            continue
        if previous:  # "Ninh Hải 584 hộ và Tp. Phan Rang ...": a label starts after the item before
            floor = max(floor, words.at(previous.end))
        j = k
        while j > floor and words.lower[j - 1] not in (",", ";", ":"):
            j -= 1
        while j < k and (n := words.term_at(j, "links", k) or words.term_at(j, "list_joiners", k)):
            j += n
        if previous and previous.start in labels and words.text[previous.end : fig.start] == "/":
            labels[fig.start] = labels[previous.start]  # "Thanh Hải 11/15": the target shares the label
            continue
        end = k
        while end > j and words.lower[end - 1] in OPENING_BRACKETS:
            end -= 1  # "Thái Lan (8 điểm)": the bracket opens the item's figure, no part of its label
        named = [words.text[words.starts[x]] for x in range(j, end) if not words.is_punct(x)]
        if named and end - j <= LABEL_WORDS and all(c.isupper() for c in named):
            labels[fig.start] = words.phrase(j, end)


def item(
    fig: Mention,
    label: str,
    measure: str | None,
    subject: str | None,
    items: dict[int, str],
    measures: dict[int, Found | None],
) -> tuple[str | None, str | None]:
    """An item's measure and subject from its label: a name is the subject ("Tân Uyên 95"); a kind
    narrows the measure ("bậc tiểu học 599 người" of "giáo viên nghỉ hưu"); a counted noun is it."""
    head = next((-key - 1 for key in items if key < 0), None)
    head_measure = measures[head].text if head is not None and measures.get(head) else measure
    unit = fig.attrs.get("unit")
    if label[0].isupper():
        return (head_measure if not unit or measure == unit else measure), label
    first = label.split()[0].lower()
    generic = not unit or rules().has("generic_units", unit)
    if generic and any(c.split()[0] == first for c in figure_rules.lexicon().counted):
        return label, subject  # "giáo viên mầm non 905 người"
    if not generic:
        kind = measure or unit or ""
        if label.lower() in kind.lower():  # "may mặc 66,4 triệu USD": the label is the measure already
            return kind, subject
        if kind and label.lower().split()[-len(kind.split()) :] == kind.lower().split():
            return kind, subject  # "..., sau đó một vài phiên bản sử dụng pháo 105mm": read as its measure
        return f"{kind} {label}", subject  # "bậc tiểu học 6.135 lớp" -> "lớp bậc tiểu học"
    base = head_measure or ""
    for opener in sorted(rules().tables["measure_openers"], key=len, reverse=True):
        if base.lower().startswith(opener + " "):
            base = base[len(opener) + 1 :]
            break
    return (f"{base} {label}".strip() or measure), subject
