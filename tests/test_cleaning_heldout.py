"""The cleaning gate on sites the cleaner was never tuned on: floors on the held-out test pages.

`tests/heldout/cleaning-test*.jsonl` are scored only (see
tests/heldout/README.md): their pages go through `bench/cleaning_eval.py` as a text dump, an HTML
page and a crawler record, and the scores must stay at or above these floors, which sit a little
under the measured ones (README, Quality) and only go up. Where a floor is under the issue's
target, the target is not met yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench_scripts import load_bench_script

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "tests" / "heldout"
# file: form: (body kept, title right, published right, authors F1, boilerplate left at most); raised to the
# scores (floored to two decimals) after session 14's merges wherever a score moved
FLOORS = {
    "cleaning-test.jsonl": {
        "txt": (0.99, 0.95, 0.95, 0.94, 0.01),
        "html": (0.99, 0.99, 0.99, 0.94, 0.01),  # 0.0% boilerplate left after session 11
        "jsonl": (0.99, 0.99, 0.95, 0.94, 0.01),
    },
    # 30 pages of 30 new hosts, annotated by a session that did not run vnie; scored once on arrival
    "cleaning-test2.jsonl": {
        "txt": (0.99, 0.9, 0.86, 0.95, 0.02),  # boilerplate left 6.7% -> 1.8% after session 8
        "html": (0.99, 0.99, 0.96, 0.99, 0.01),  # 30/30 titles after session 7
        "jsonl": (0.99, 0.93, 0.86, 0.95, 0.02),
    },
    # 30 pages of 30 new hosts (10 start mid-article), annotated by a session that did not run vnie and
    # reviewed by a second; scored once on arrival (2026-12-03 17:00): body kept 0.985 / 0.971 / 1.000,
    # boilerplate left 3.2% / 1.1% / 3.2%, titles 25 / 27 / 29 of 30, published 28 / 30 / 28,
    # authors F1 0.90 / 1.00 / 0.90 (text / HTML / JSONL)
    "cleaning-test3.jsonl": {
        "txt": (0.98, 0.9, 0.99, 0.9, 0.03),  # published 30/30 after the dev4 round, titles 27/30 after s8
        "html": (0.98, 0.99, 0.99, 0.99, 0.01),  # 30/30 titles, 67/68 body after session 7
        "jsonl": (0.99, 0.96, 0.99, 0.9, 0.03),
    },
    # 40 pages of 40 new hosts (10 start mid-article), annotated by a session that did not run vnie and
    # reviewed by a second; scored once on arrival, after session 7's merges: body kept 0.990 each,
    # boilerplate left 3.8% / 0.5% / 3.6%, titles 36 / 37 / 37 of 40, published 37 / 38 / 37,
    # authors F1 0.84 / 0.87 / 0.84 (text / HTML / JSONL)
    "cleaning-test4.jsonl": {  # authors F1 0.86 / 0.90 / 0.86 after session 7's second round
        "txt": (0.98, 0.9, 0.92, 0.91, 0.03),  # authors 0.87 / 0.91 / 0.87 after session 11
        "html": (0.98, 0.92, 0.95, 0.92, 0.01),
        "jsonl": (0.98, 0.92, 0.92, 0.91, 0.03),
    },
    # 30 pages of 30 new hosts (10 start mid-article), annotated by two sessions that did not run vnie and
    # reviewed by two more; scored on arrival (tree 7de28ba) and again after session 8's merges, the same
    # both times: body kept 1.000 each, boilerplate left 6.8% / 5.2% / 6.8%, titles 27 / 30 / 28 of 30,
    # published 29/30 each, authors F1 0.79 / 0.91 / 0.79 (text / HTML / JSONL)
    "cleaning-test5.jsonl": {
        "txt": (0.99, 0.9, 0.96, 0.87, 0.07),
        "html": (0.99, 0.99, 0.96, 0.97, 0.04),  # boilerplate left 3.6% after session 11
        "jsonl": (0.99, 0.93, 0.96, 0.87, 0.07),
    },
    # 16 pages of 16 new hosts (6 start mid-article; hospitals, schools, procuracies, police, commune
    # portals, mass organisations), annotated by a session that did not run vnie and reviewed by a
    # second; scored once on arrival (tree aa562d1, 2026-12-04): body kept 1.000 each, boilerplate left
    # 4.5% / 0.0% / 4.5%, titles 14 / 16 / 15 of 16, published 14/16 each, authors F1 0.91 each
    "cleaning-test6.jsonl": {
        "txt": (0.99, 0.87, 0.87, 0.99, 0.01),
        "html": (0.99, 0.99, 0.87, 0.99, 0.01),
        "jsonl": (0.99, 0.93, 0.87, 0.99, 0.01),
    },
    # 15 pages of 15 new registered domains (5 start mid-article; schools, hospitals, police, courts,
    # unions, businesses, a ward portal, state agencies, national parks), annotated by a session that did
    # not run vnie and reviewed by a second against the stored pages; scored once on arrival (tree fbd10b2,
    # 2026-12-04): body kept 1.000 each, boilerplate left 1.9% / 0.0% / 1.9%, titles 14 / 15 / 15 of 15,
    # published 14 / 15 / 14, authors F1 0.73 each (text / HTML / JSONL)
    "cleaning-test8.jsonl": {
        "txt": (0.99, 0.93, 0.93, 0.8, 0.02),
        "html": (0.99, 0.99, 0.99, 0.8, 0.01),
        "jsonl": (0.99, 0.99, 0.93, 0.8, 0.02),
    },
    # 21 pages of 21 new registered domains (schools, hospitals, ward and district portals, Party and
    # mass-organisation sites, a procuracy; a third start mid-article), annotated by a session that did not
    # run vnie and reviewed by a second against the stored pages; scored once on arrival (tree 53fb144,
    # 2026-12-04): body kept 1.000 each, boilerplate left 4.1% / 0.7% / 4.1%, titles 16 / 20 / 16 of 21,
    # published 18 of 21 each, authors F1 0.67 / 0.80 / 0.67 (text / HTML / JSONL)
    "cleaning-test9.jsonl": {
        "txt": (0.99, 0.76, 0.85, 0.8, 0.05),
        "html": (0.99, 0.95, 0.85, 0.94, 0.01),
        "jsonl": (0.99, 0.76, 0.85, 0.8, 0.05),
    },
    # 16 pages of 16 new registered domains (schools and education offices, unions and associations,
    # provincial TV, sector companies, a police and an inspectorate portal; a third start mid-article),
    # annotated by a session that did not run vnie and reviewed by a second against the stored pages;
    # scored once on arrival (tree 2cd133b, 2026-12-05): body kept 1.000 each, boilerplate left 12.0% /
    # 1.1% / 12.0%, titles 15 / 16 / 15 of 16, published 16 of 16 each, authors F1 1.00 each
    # (text / HTML / JSONL)
    "cleaning-test10.jsonl": {
        "txt": (0.99, 0.93, 0.99, 0.99, 0.11),
        "html": (0.99, 0.99, 0.99, 0.99, 0.02),
        "jsonl": (0.99, 0.93, 0.99, 0.99, 0.11),
    },
    # 18 pages of 18 new registered domains (schools and universities, commune and city portals, forest
    # rangers, water, power and food companies, a Mặt trận and a propaganda board; a third start
    # mid-article), annotated by a session that did not run vnie and reviewed by a second against the
    # stored pages; scored once on arrival (tree 928e34a, 2026-12-05): body kept 0.941 / 1.000 / 0.941,
    # boilerplate left 3.2% / 0.8% / 3.2%, titles 16 / 18 / 17 of 18, published 18 / 17 / 18, no page
    # with a byline (vnie names one false author in each form, so authors F1 is 0 and floored at 0)
    "cleaning-test11.jsonl": {
        "txt": (0.94, 0.88, 0.99, 0.0, 0.04),
        "html": (0.99, 0.99, 0.94, 0.0, 0.01),
        "jsonl": (0.94, 0.94, 0.99, 0.0, 0.04),
    },
    # 16 pages of 16 new registered domains (hospitals, colleges and institutes, Youth Union and Women's
    # Union sites, a library, airports, state companies; some start mid-article), annotated by a session
    # that did not run vnie and reviewed by a second against the stored pages; scored once on arrival (tree
    # cdd9a6b, 2026-12-05): body kept 1.000 each, boilerplate left 1.6% / 0.8% / 1.6%, titles 16 of 16
    # each, published 16 of 16 each, authors F1 0.50 / 0.67 / 0.67 (one gold author) (text / HTML / JSONL)
    "cleaning-test12.jsonl": {
        "txt": (0.99, 0.99, 0.99, 0.66, 0.02),
        "html": (0.99, 0.99, 0.99, 0.99, 0.01),
        "jsonl": (0.99, 0.99, 0.99, 0.66, 0.02),
    },
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, dict]:
    return request.param, load_bench_script("cleaning_eval").evaluate_file(HELDOUT / request.param)


@pytest.mark.parametrize("form", ["txt", "html", "jsonl"])
def test_cleaning_floors_on_the_held_out_pages(scored: tuple[str, dict], form: str) -> None:
    name, result = scored
    scores = result["forms"][form]
    body, title, published, authors, boilerplate = FLOORS[name][form]
    assert scores["errors"] == 0, scores["summary"]
    assert scores["body_kept"]["value"] >= body, scores["body_kept"]
    assert scores["boilerplate_left"]["value"] <= boilerplate, scores["boilerplate_left"]
    assert scores["title_right"]["value"] >= title, scores["title_right"]
    assert scores["published_right"]["value"] >= published, scores["published_right"]
    assert scores["authors"]["f1"] >= authors, scores["authors"]
