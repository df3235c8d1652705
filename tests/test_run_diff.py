"""bench/run_diff.py: what changed between two runs, on two made-up runs of two records."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench_scripts import load_bench_script

diff = load_bench_script("run_diff")


def _record(rid: str, title: str, subject: str | None, places: list[str]) -> dict:
    return {
        "id": rid,
        "source": {"url": f"https://made-up.example/{rid}", "path": None},
        "title": title,
        "published": "2021-04-29",
        "authors": [],
        "text": "…",
        "directives": [],
        "dates": [],
        "people": [],
        "organizations": [],
        "figures": [{"text": "30 hộ", "measure": "hộ", "subject": subject, "time": "2021", "source": None}],
        "locations": [{"name": n, "mentions": [{"start": i, "end": i + len(n)}]}
                      for i, n in enumerate(places)],
    }


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_only_what_differs_is_listed_item_by_item(tmp_path: Path, capsys) -> None:
    before = _write(tmp_path / "a.jsonl", _record("a", "Tin A", "xã Tân Phú", ["Tân Phú"]),
                    _record("b", "Tin B", None, []))
    after = _write(tmp_path / "b.jsonl", _record("a", "Tin A", "Hội Nông dân xã", ["Tân Phú", "Donbass"]),
                   _record("b", "Tin B đã sửa", None, []))
    assert diff.main([str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert "== figures: 1 articles changed, 1 items gone, 1 items new" in out
    assert "== locations: 1 articles changed, 0 items gone, 1 items new" in out
    assert "== title: 1 articles changed" in out
    assert "== published: 0 articles changed" in out
    assert '+ ["Donbass", [[1, 8]]]' in out
    assert '- ["30 hộ", "hộ", "xã Tân Phú", "2021", null]' in out


def test_a_repeated_item_counts_once_per_copy() -> None:
    one = {"dates": [{"text": "năm 2020", "value": "2020", "start": 3}]}
    two = {"dates": [{"text": "năm 2020", "value": "2020", "start": 3}] * 2}
    assert diff.changes("dates", one, two) == ([], [("năm 2020", "2020", 3, None)])
