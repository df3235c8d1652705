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
# The fields each file's floors list, in order: F1 per field, then the share of matched figures whose
# attribution agrees (spec section 7).
F1_FIELDS = ("directives", "figures", "dates", "organizations", "organizations_contain", "people",
             "locations")
ATTRIBUTION_FIELDS = ("measure", "subject", "time", "source")
# Each score-only file: (F1 floors, attribution floors), in the order above; every floor was raised to just
# under its score after session 14's merges (2026-12-05; the history is in docs/quality-history.md).
SCORED_ONLY: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    # `extraction-test.jsonl` (39 passages, 38 hosts), the first score-only set, split from extraction-dev
    # by host on 2026-12-03
    "extraction-test.jsonl": ((0.77, 0.96, 0.89, 0.8, 0.86, 0.97, 0.86), (0.79, 0.62, 0.67, 0.77)),
    # `extraction-test2.jsonl` (30 passages, 30 hosts in no other file), scored once on arrival on
    # 2026-12-03 and pinned here: 0.800 / 0.980 / 0.946 / 0.831 (0.915) / 0.824 / 0.698;
    # attribution 0.812 / 0.708 / 0.521 / 0.990
    "extraction-test2.jsonl": ((0.84, 0.97, 0.96, 0.86, 0.91, 0.93, 0.8), (0.87, 0.73, 0.61, 0.98)),
    # `extraction-test3.jsonl` (37 passages, 36 hosts in no other file; gold reviewed by a second
    # session against the spec), scored once on arrival on the tree of 2026-12-03 14:30 and pinned:
    # 0.923 / 0.937 / 0.905 / 0.776 (0.816) / 0.909 / 0.906; attribution 0.754 / 0.675 / 0.653 / 0.836
    "extraction-test3.jsonl": ((0.92, 0.95, 0.93, 0.79, 0.84, 0.93, 0.91), (0.83, 0.83, 0.69, 0.83)),
    # `extraction-test4.jsonl` (42 passages, 41 hosts in no other file; gold reviewed by a second
    # session), scored once on arrival on the tree of 2026-12-03 17:00 and pinned:
    # 0.872 / 0.972 / 0.902 / 0.773 (0.879) / 1.000 / 0.922; attribution 0.695 / 0.743 / 0.576 / 0.929
    "extraction-test4.jsonl": ((0.87, 0.97, 0.91, 0.82, 0.9, 0.99, 0.93), (0.77, 0.74, 0.59, 0.92)),
    # `extraction-test5.jsonl` (43 passages, 39 hosts in no other file; two annotation sessions that did
    # not run vnie, gold reviewed by two more), scored once on arrival after session 7's merges and pinned:
    # 0.789 / 0.947 / 0.914 / 0.764 (0.811) / 0.969 / 0.921; attribution 0.742 / 0.602 / 0.785 / 0.828
    "extraction-test5.jsonl": ((0.81, 0.94, 0.92, 0.8, 0.84, 0.96, 0.92), (0.8, 0.6, 0.83, 0.87)),
    # `extraction-test6.jsonl` (40 passages, 39 hosts in no other extraction file; two annotation sessions
    # that did not run vnie, gold reviewed by two more), scored on arrival (tree 7de28ba, before the merges):
    # 0.750 / 0.939 / 0.914 / 0.688 (0.772) / 0.912 / 0.928; attribution 0.747 / 0.705 / 0.575 / 0.856; after
    # session 8's merges: 0.750 / 0.939 / 0.918 / 0.677 (0.772) / 0.912 / 0.921; attribution 0.747 / 0.610 /
    # 0.568 / 0.856
    "extraction-test6.jsonl": ((0.76, 0.95, 0.92, 0.69, 0.79, 0.91, 0.93), (0.81, 0.64, 0.58, 0.85)),
    # `extraction-test7.jsonl` (19 passages, 19 hosts in no other file; annotated by a session that did not
    # run vnie, reviewed by two more, then a third brought it to the earlier files' conventions: dates in the
    # title and relative periods), scored on arrival (tree 04dca42, before session 10's merges): 1.000 / 0.928
    # / 0.887 / 0.653 (0.863) / 0.667 / 0.808; attribution 0.709 / 0.495 / 0.845 / 0.786
    "extraction-test7.jsonl": ((0.99, 0.93, 0.89, 0.73, 0.87, 0.66, 0.82), (0.84, 0.75, 0.84, 0.78)),
    # `extraction-test8.jsonl` (37 passages: ward, commune and district portals of Hà Nội, Đà Nẵng and
    # other provinces after the 2025 merger, Party, Front and mass-organisation sites, provincial papers;
    # hosts in no other file, a domain used before kept in its half; annotated by a session that did not
    # run vnie and reviewed by two more), scored on arrival (tree 2cb0cf4, before session 10's merges):
    # 0.632 / 0.938 / 0.952 / 0.730 (0.824) / 0.981 / 0.803; attribution 0.711 / 0.746 / 0.695 / 0.919
    "extraction-test8.jsonl": ((0.7, 0.93, 0.95, 0.76, 0.82, 0.98, 0.81), (0.81, 0.76, 0.74, 0.91)),
    # `extraction-test9.jsonl` (29 passages: commune and ward portals before and after the 2025 merger, Party
    # and Front portals, provincial offices, statistics and sector sites, a few national outlets; hosts in no
    # other file, a domain used before kept in its half; annotated by two sessions that did not run vnie and
    # reviewed by two more), scored on arrival (tree fbd10b2, before session 11's merges):
    # 0.730 / 0.970 / 0.959 / 0.808 (0.872) / 0.969 / 0.903; attribution 0.716 / 0.655 / 0.736 / 0.784
    "extraction-test9.jsonl": ((0.75, 0.97, 0.95, 0.81, 0.87, 0.98, 0.9), (0.71, 0.66, 0.75, 0.78)),
    # `extraction-test10.jsonl` (12 passages: Party and State portals, commune and district sites, mass
    # organisations, local radio; hosts in no other file, a domain used before kept in its half, and no
    # domain a tuning session audited; annotated by two sessions that did not run vnie and reviewed by two
    # more), scored on arrival (tree 53fb144, before session 12's merges):
    # 0.667 / 0.893 / 0.807 / 0.812 (0.875) / 0.889 / 0.909; attribution 0.775 / 0.592 / 0.803 / 0.859
    "extraction-test10.jsonl": ((0.87, 0.89, 0.82, 0.82, 0.88, 0.88, 0.9), (0.77, 0.59, 0.8, 0.85)),
    # `extraction-test11.jsonl` (11 passages: enterprises' Party committees and sites in power, rubber,
    # railways and ports, associations, schools; registered domains in no other file, split by a hash;
    # annotated by a session that did not run vnie and reviewed by another), scored on arrival (tree dee6843,
    # before session 12's tuning merges): 0.750 / 0.800 / 0.889 / 0.704 (0.761) / 1.000 / 0.882; attribution
    # 0.889 / 0.500 / 0.500 / 1.000
    "extraction-test11.jsonl": ((0.85, 0.83, 0.88, 0.76, 0.78, 0.99, 0.88), (0.88, 0.66, 0.66, 0.99)),
    # `extraction-test12.jsonl` (12 passages: corporations' and companies' Party committees, hospitals,
    # colleges and institutes, Buddhist and Catholic bodies, associations; registered domains in no other
    # file, split by a hash; annotated by a session that did not run vnie and reviewed by another), scored on
    # arrival (tree d8712f9, before session 12's tuning merges): 0.500 / 0.870 / 0.962 / 0.598 (0.713) /
    # 0.900 / 0.786; attribution 0.933 / 0.567 / 0.233 / 0.967
    "extraction-test12.jsonl": ((0.85, 0.91, 0.96, 0.64, 0.73, 0.9, 0.78), (0.93, 0.69, 0.36, 0.96)),
    # `extraction-test13.jsonl` (21 passages: Party and sector documents on school, hospital, customs, power,
    # union and commune sites, directive-dense; company, sector-agency and commodity-news pages, figure-dense;
    # registered domains in no other file, split by a hash; annotated by two sessions that did not run vnie
    # and reviewed by two more against the stored pages), scored on arrival (tree a073dc4, before session 13's
    # tuning merges): 0.971 / 0.973 / 0.921 / 0.811 (0.906) / 1.000 / 0.920; attribution 0.789 / 0.493 /
    # 0.521 / 0.676
    "extraction-test13.jsonl": ((0.97, 0.97, 0.92, 0.81, 0.9, 0.99, 0.92), (0.84, 0.49, 0.53, 0.67)),
    # `extraction-test14.jsonl` (17 passages: enterprises', institutes', universities', schools' and
    # hospitals' Party and union pages, mass organisations, company and sector news; registered domains in
    # no other file, split by a hash; annotated by two sessions that did not run vnie and reviewed against
    # the stored pages), scored on arrival on the tree after session 13's tuning merges (95161a3; no helper
    # ever saw it; at the session's start e15d2c8 it scored the same but organisations 0.650 and time
    # 0.730): 0.889 / 0.914 / 0.952 / 0.701 (0.838) / 1.000 / 0.667; attribution 0.730 / 0.703 / 0.757 / 0.838
    "extraction-test14.jsonl": ((0.92, 0.91, 0.95, 0.71, 0.83, 0.99, 0.66), (0.78, 0.7, 0.75, 0.83)),
    # `extraction-test15.jsonl` (23 passages: district and commune portals, Youth Union portals of provinces,
    # districts and towns, schools, a foundation, companies' Party pages, sector and health news; registered
    # domains in no other file, split by a hash; annotated by two sessions that did not run vnie and reviewed
    # by three more against the stored pages), scored on arrival (tree 928e34a plus the fix of a crash it
    # found, before session 14's tuning merges): 0.333 (4 gold directives) / 0.930 / 0.956 / 0.725 (0.805) /
    # 0.944 / 0.833; attribution 0.686 / 0.395 / 0.756 / 0.721
    "extraction-test15.jsonl": ((0.33, 0.92, 0.95, 0.72, 0.8, 0.94, 0.83), (0.68, 0.39, 0.75, 0.72)),
}


@cache
def scores_of(name: str) -> Any:
    """The extraction scores of one held-out file, computed once per test session."""
    return score_extraction([HELDOUT / name])


@pytest.mark.parametrize(("name", "field", "floor"),
                         [(name, field, floor) for name, (f1, _) in SCORED_ONLY.items()
                          for field, floor in zip(F1_FIELDS, f1, strict=True)])
def test_f1_floor_on_the_score_only_sets(name: str, field: str, floor: float) -> None:
    tally = scores_of(name).fields[field]
    assert tally.f1 >= floor, tally.as_dict()


@pytest.mark.parametrize(("name", "field", "floor"),
                         [(name, field, floor) for name, (_, shares) in SCORED_ONLY.items()
                          for field, floor in zip(ATTRIBUTION_FIELDS, shares, strict=True)])
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
