"""The scorer follows spec section 7: multisets, unit first word, date part, folded names."""

from __future__ import annotations

from pipeline.evaluate import Scores, Tally, evaluate, score_article


def test_tally_counts_repeats_as_a_multiset() -> None:
    tally = Tally()
    tally.add(["a", "a", "b"], ["a", "c"])
    assert (tally.tp, tally.predicted, tally.gold) == (1, 3, 2)


def test_figures_match_on_value_and_first_unit_word() -> None:
    scores = Scores()
    record = {"figures": [{"value": 3650, "unit": "đảng viên mới"}, {"value": 97.5, "unit": "%"}]}
    gold = {"figures": [{"value": 3650.0, "unit": "Đảng viên"}, {"value": 97.5, "unit": "người"}]}
    score_article(record, gold, scores)
    assert scores.fields["figures"].tp == 1


def test_dates_compare_the_date_part_and_names_are_folded() -> None:
    scores = Scores()
    record = {"dates": [{"value": "2021-04-12T06:35"}], "people": [{"name": "lê  đức KHAI"}]}
    gold = {"dates": [{"value": "2021-04-12"}], "people": [{"name": "Lê Đức Khai"}]}
    score_article(record, gold, scores)
    assert scores.fields["dates"].tp == 1 and scores.fields["people"].tp == 1


def test_lenient_organisations_accept_containment() -> None:
    scores = Scores()
    score_article({"organizations": [{"name": "Đảng ủy Khối Các cơ quan tỉnh"}]},
                  {"organizations": ["Đảng ủy Khối"]}, scores)
    assert scores.fields["organizations"].tp == 0
    assert scores.fields["organizations_contain"].tp == 1


def test_records_are_matched_to_gold_by_file_or_url() -> None:
    records = [{"source": {"path": "/x/corpus/a.txt", "url": None}, "title": "A"},
               {"source": {"path": "d.jsonl#3", "url": "https://e.vn/b"}, "title": "B"}]
    golds = [{"key": {"file": "a.txt"}, "title": "A"}, {"key": {"url": "https://e.vn/b"}, "title": "B"},
             {"key": {"file": "missing.txt"}, "title": "C"}]
    scores = evaluate(records, golds)
    assert scores.matched == 2 and scores.unmatched_gold == ["missing.txt"]
    assert scores.shares["title_exact"].hits == 2
