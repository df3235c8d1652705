"""A listed name written in another case: "Đoàn thanh niên cộng sản Hồ Chí Minh" is the listed form
"Đoàn Thanh niên Cộng sản Hồ Chí Minh" (rules/org_canonical.yml `forms`), read whole after its head."""

from __future__ import annotations

from pipeline.extract.canonical import rules as canonical_rules
from pipeline.extract.org_view import View


def listed_rest(view: View, head_start: int, start: int) -> int:
    """End of the rest of a listed form whose first words are the head at `head_start`..`start`, read
    at `start` in any case (the longest that is written there); `start` when none is."""
    head, forms = view.lower[head_start:start].strip() + " ", canonical_rules().forms
    # only a form whose rest the list capitalises: a proper name the page wrote lower ("Đoàn thanh niên
    # cộng sản"), not a common noun's casing ("Hội đồng nhân dân các cấp": each level's council)
    rests = (form[len(head):] for form, cased in forms.items() if form.startswith(head) and any(
        c.isupper() for c in cased[len(head):]))
    ends = [start + len(rest) for rest in rests
            if view.lower.startswith(rest, start) and view.ends_syllable(start, start + len(rest))]
    return max(ends, default=start)
