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


def test_eval_with_no_matching_record_says_so_and_fails(tmp_path, capsys) -> None:
    import json

    from pipeline.cli import main

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "1", "source": {"path": "other/x.txt", "url": None}, "title": "X"})
                       + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"key": {"file": "000_a.txt"}, "title": "A", "figures": [{"value": 1}]})
                    + "\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        assert main(["eval", str(records), str(gold), *extra]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""  # no table, no JSON: scores over nothing would read as a result
        assert "no record matches any of the 1 gold articles" in captured.err
        assert "file=000_a.txt" in captured.err and "file=x.txt" in captured.err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["eval", "--extraction-only", str(empty)]) == 1
    assert "hold no article" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "missing.jsonl"), str(gold)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["eval", str(records), str(records)]) == 2  # arguments swapped or wrong: no traceback
    assert "not gold" in capsys.readouterr().err
    assert main(["eval", str(records), str(gold), str(_gold_for(records, tmp_path))]) == 0
    assert "articles matched: 1" in capsys.readouterr().out


def _gold_for(records, tmp_path):
    """A gold file naming the record's file: one article matches."""
    import json

    path = tmp_path / "gold-x.jsonl"
    path.write_text(json.dumps({"key": {"file": "x.txt"}, "title": "X"}) + "\n", encoding="utf-8")
    return path
