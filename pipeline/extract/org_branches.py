"""A branch named after its parent body and a dash: one organisation, the parent's name and the branch's.

Pages write a body's branch as its registered name: the parent, a dash, then the branch's own head and
name ("Học viện Ngân hàng – Phân viện Thành phố Hồ Chí Minh", dev gold; "Trường Cao đẳng X Hà Nội –
Phân hiệu Lạng Sơn", cleaning-dev; "Ngân hàng TMCP Công thương Việt Nam – Chi nhánh Đà Nẵng"). A
`branch` head (rules/organizations.yml) right after the dash continues the name; anything else after a
spaced dash (a sentence, another body) still ends it, and a company's form after a dash ("– TNHH MTV",
"– CTCP") is read by `org_name_ends.parent_group`.
"""

from __future__ import annotations

from pipeline.extract.org_name_ends import parent_group
from pipeline.extract.org_rules import Head
from pipeline.extract.org_view import View, head_at


def branch_after_dash(view: View, span: tuple[int, int]) -> bool:
    """Whether the syllable at `span`, right after a name and a dash, starts a branch's head with its
    capital ("Chi nhánh", "Phân viện", "Phân hiệu") and a name of its own after it."""
    found = head_at(view, span[0])
    if found is None or not found[1].branch:
        return False
    after = view.next_word(found[0])
    return after is not None and view.norm[after[0]].isupper()


def form_after_number(view: View, head: Head | None, end: int) -> int:
    """After a company's number that ends its name ("Công ty Điện lực 1", "Tổng công ty Phát điện 2"), a
    dash and the enterprise's form or listed parent group ("– TNHH MTV", "- TKV"): the end of that form,
    part of the registered name as after a word (`parent_group`); else `end`."""
    span = view.syllable(end)
    if span is None or view.gap(end, span[0]) != "hyphen" or " " not in view.norm[end:span[0]]:
        return end  # "Tổ 2-Ban": a hyphen without spaces joins two codes, no form
    form = parent_group(view, head, span)
    return form if form > span[0] else end
