"""The quality gate on text the rules were never grown on: floors on the held-out test sets.

`tests/heldout/extraction-test*.jsonl` are scored only (see tests/heldout/README.md). The floors sit
a little under the measured scores and only go up: a change that makes unseen text worse fails.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import score_extraction

HELDOUT = Path(__file__).resolve().parent / "heldout"
F1_FLOORS = {
    "directives": 0.77,
    "figures": 0.96,
    "dates": 0.875,
    "organizations": 0.80,  # 0.796 after session 8 (0.781, 0.764 at orgs3, 0.750 before)
    "organizations_contain": 0.86,  # 0.845 after session 8 (0.821, 0.815 before)
    "people": 0.97,
    "locations": 0.85,  # measured 0.857 (0.847 before)
}
# share of matched figures whose attribution agrees (spec section 7), measured 0.685/0.580/0.674/0.768
ATTRIBUTION_FLOORS = {"measure": 0.74, "subject": 0.61, "time": 0.67, "source": 0.77}  # measure 0.735 (s8)


# `extraction-test2.jsonl` (30 passages, 30 hosts in no other file), scored once on arrival on
# 2026-12-03 and pinned here: 0.800 / 0.980 / 0.946 / 0.831 (0.915) / 0.824 / 0.698;
# attribution 0.812 / 0.708 / 0.521 / 0.990
SECOND_TEST_F1_FLOORS = {
    "directives": 0.78,
    "figures": 0.97,
    "dates": 0.96,  # 0.962 after session 7
    "organizations": 0.86,  # measured 0.840 after orgs6 (0.831 on arrival)
    "organizations_contain": 0.91,  # 0.924 after orgs6
    "people": 0.93,  # measured 0.875 after names5 (0.824 on arrival)
    "locations": 0.80,  # measured 0.809 after places4 (0.698 on arrival)
}
# time 0.552 after attr6 (0.521 on arrival)
# subject 0.740 after session 8
SECOND_TEST_ATTRIBUTION_FLOORS = {"measure": 0.86, "subject": 0.73, "time": 0.56, "source": 0.98}
# `extraction-test3.jsonl` (37 passages, 36 hosts in no other file; gold reviewed by a second
# session against the spec), scored once on arrival on the tree of 2026-12-03 14:30 and pinned:
# 0.923 / 0.937 / 0.905 / 0.776 (0.816) / 0.909 / 0.906; attribution 0.754 / 0.675 / 0.653 / 0.836
THIRD_TEST_F1_FLOORS = {
    "directives": 0.92,
    "figures": 0.94,  # 0.942 after session 7
    "dates": 0.93,  # 0.934 after session 7
    "organizations": 0.79,
    "organizations_contain": 0.84,  # 0.828 after session 7
    "people": 0.92,  # 0.923 after the last round
    "locations": 0.91,
}
# measure 0.765 after attr6, 0.784 after session 8; subject 0.690 after session 7, 0.772 after session 8
THIRD_TEST_ATTRIBUTION_FLOORS = {"measure": 0.82, "subject": 0.78, "time": 0.65, "source": 0.83}
# `extraction-test4.jsonl` (42 passages, 41 hosts in no other file; gold reviewed by a second
# session), scored once on arrival on the tree of 2026-12-03 17:00 and pinned:
# 0.872 / 0.972 / 0.902 / 0.773 (0.879) / 1.000 / 0.922; attribution 0.695 / 0.743 / 0.576 / 0.929
FOURTH_TEST_F1_FLOORS = {
    "directives": 0.87,
    "figures": 0.97,
    "dates": 0.91,  # 0.907 after session 7
    "organizations": 0.81,  # 0.798 (0.894) after session 7
    "organizations_contain": 0.89,
    "people": 0.99,
    "locations": 0.92,  # 0.930 after session 7
}
FOURTH_TEST_ATTRIBUTION_FLOORS = {"measure": 0.76, "subject": 0.74, "time": 0.56, "source": 0.92}
# `extraction-test5.jsonl` (43 passages, 39 hosts in no other file; two annotation sessions that did
# not run vnie, gold reviewed by two more), scored once on arrival after session 7's merges and pinned:
# 0.789 / 0.947 / 0.914 / 0.764 (0.811) / 0.969 / 0.921; attribution 0.742 / 0.602 / 0.785 / 0.828
FIFTH_TEST_F1_FLOORS = {
    "directives": 0.78,
    "figures": 0.94,
    "dates": 0.92,
    "organizations": 0.79,  # 0.786 (0.835) after session 8
    "organizations_contain": 0.83,
    "people": 0.96,
    "locations": 0.92,
}
# time 0.796 after session 8
FIFTH_TEST_ATTRIBUTION_FLOORS = {"measure": 0.79, "subject": 0.60, "time": 0.79, "source": 0.87}
# `extraction-test6.jsonl` (40 passages, 39 hosts in no other extraction file; two annotation sessions
# that did not run vnie, gold reviewed by two more), scored on arrival (tree 7de28ba, before the merges):
# 0.750 / 0.939 / 0.914 / 0.688 (0.772) / 0.912 / 0.928; attribution 0.747 / 0.705 / 0.575 / 0.856; after
# session 8's merges: 0.750 / 0.939 / 0.918 / 0.677 (0.772) / 0.912 / 0.921; attribution 0.747 / 0.610 /
# 0.568 / 0.856
SIXTH_TEST_F1_FLOORS = {
    "directives": 0.74,
    "figures": 0.94,
    "dates": 0.91,
    "organizations": 0.68,
    "organizations_contain": 0.77,
    "people": 0.91,
    "locations": 0.92,
}
# after session 8's short last round: figures 0.946, measure 0.770, subject 0.608, time 0.574, source 0.851
SIXTH_TEST_ATTRIBUTION_FLOORS = {"measure": 0.79, "subject": 0.60, "time": 0.57, "source": 0.85}
# `extraction-test7.jsonl` (19 passages, 19 hosts in no other file; annotated by a session that did not
# run vnie, reviewed by two more, then a third brought it to the earlier files' conventions: dates in the
# title and relative periods), scored on arrival (tree 04dca42, before session 10's merges): 1.000 / 0.928
# / 0.887 / 0.653 (0.863) / 0.667 / 0.808; attribution 0.709 / 0.495 / 0.845 / 0.786
SEVENTH_TEST_F1_FLOORS = {
    "directives": 0.99,
    "figures": 0.92,
    "dates": 0.88,
    "organizations": 0.70,
    "organizations_contain": 0.86,
    "people": 0.66,
    "locations": 0.80,
}
SEVENTH_TEST_ATTRIBUTION_FLOORS = {"measure": 0.84, "subject": 0.49, "time": 0.84, "source": 0.78}
# `extraction-test8.jsonl` (37 passages: ward, commune and district portals of Hà Nội, Đà Nẵng and other
# provinces after the 2025 merger, Party, Front and mass-organisation sites, provincial papers; hosts in no
# other file, a domain used before kept in its half; annotated by a session that did not run vnie and
# reviewed by two more), scored on arrival (tree 2cb0cf4, before session 10's merges): 0.632 / 0.938 /
# 0.952 / 0.730 (0.824) / 0.981 / 0.803; attribution 0.711 / 0.746 / 0.695 / 0.919
EIGHTH_TEST_F1_FLOORS = {
    "directives": 0.63,
    "figures": 0.93,
    "dates": 0.95,
    "organizations": 0.75,
    "organizations_contain": 0.82,
    "people": 0.98,
    "locations": 0.81,
}
EIGHTH_TEST_ATTRIBUTION_FLOORS = {"measure": 0.74, "subject": 0.75, "time": 0.72, "source": 0.91}
# every floor raised to just under its score after session 10's merges (2026-12-04, tree f84666f)
# each score-only file with its F1 floors and attribution floors
SCORED_ONLY = {
    "extraction-test.jsonl": (F1_FLOORS, ATTRIBUTION_FLOORS),
    "extraction-test2.jsonl": (SECOND_TEST_F1_FLOORS, SECOND_TEST_ATTRIBUTION_FLOORS),
    "extraction-test3.jsonl": (THIRD_TEST_F1_FLOORS, THIRD_TEST_ATTRIBUTION_FLOORS),
    "extraction-test4.jsonl": (FOURTH_TEST_F1_FLOORS, FOURTH_TEST_ATTRIBUTION_FLOORS),
    "extraction-test5.jsonl": (FIFTH_TEST_F1_FLOORS, FIFTH_TEST_ATTRIBUTION_FLOORS),
    "extraction-test6.jsonl": (SIXTH_TEST_F1_FLOORS, SIXTH_TEST_ATTRIBUTION_FLOORS),
    "extraction-test7.jsonl": (SEVENTH_TEST_F1_FLOORS, SEVENTH_TEST_ATTRIBUTION_FLOORS),
    "extraction-test8.jsonl": (EIGHTH_TEST_F1_FLOORS, EIGHTH_TEST_ATTRIBUTION_FLOORS),
}


@cache
def scores_of(name: str) -> Any:
    """The extraction scores of one held-out file, computed once per test session."""
    return score_extraction([HELDOUT / name])


@pytest.mark.parametrize(("name", "field", "floor"),
                         [(name, field, floor) for name, (f1, _) in SCORED_ONLY.items()
                          for field, floor in f1.items()])
def test_f1_floor_on_the_score_only_sets(name: str, field: str, floor: float) -> None:
    tally = scores_of(name).fields[field]
    assert tally.f1 >= floor, tally.as_dict()


@pytest.mark.parametrize(("name", "field", "floor"),
                         [(name, field, floor) for name, (_, shares) in SCORED_ONLY.items()
                          for field, floor in shares.items()])
def test_attribution_floor_on_the_score_only_sets(name: str, field: str, floor: float) -> None:
    share = scores_of(name).shares[f"figure_{field}"]
    assert share.value >= floor, (share.hits, share.total)


def test_the_halves_share_no_site() -> None:
    from pipeline.evaluate import read_jsonl

    for kind in ("extraction", "cleaning"):
        dev = {g["host"] for g in read_jsonl(HELDOUT / f"{kind}-dev.jsonl")}
        test = {g["host"] for g in read_jsonl(HELDOUT / f"{kind}-test.jsonl")}
        assert dev and test and not dev & test


# score-only files added after the first split: (passages, hosts), and whether the cleaning files count
LATER_TEST_SETS = {
    "extraction-test2.jsonl": (30, 30, True),
    "extraction-test3.jsonl": (37, 36, False),
    "extraction-test4.jsonl": (42, 41, True),
    "extraction-test5.jsonl": (43, 39, False),  # shares two hosts with cleaning-test4 (both score only)
    "extraction-test6.jsonl": (40, 39, False),  # shares two hosts with cleaning-test5 (both score only)
}


@pytest.mark.parametrize("name", sorted(LATER_TEST_SETS))
def test_a_later_test_set_shares_no_site_with_the_other_files(name: str) -> None:
    from pipeline.evaluate import read_jsonl

    passages, hosts, with_cleaning = LATER_TEST_SETS[name]
    own = [g["host"] for g in read_jsonl(HELDOUT / name)]
    pattern = "*.jsonl" if with_cleaning else "extraction-*.jsonl"
    others = {g.get("host") for path in HELDOUT.glob(pattern) if path.name != name for g in read_jsonl(path)}
    assert len(own) == passages and len(set(own)) == hosts and not set(own) & others
