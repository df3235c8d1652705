"""One spelling per canonical name across articles and runs (issue 12): counts by name add up."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pipeline.cli import main
from pipeline.store.spellings import Spellings
from pipeline.store.sqlite import DB_FILE
from pipeline.text import name_key

PAGE = """{title}
Thứ hai, 12/4/2021

Sáng 12/4, {org} công bố kết quả sản xuất quý I năm 2021 với sản lượng tăng {share}% so với cùng kỳ.
Lãnh đạo {org} cho biết doanh nghiệp tiếp tục mở rộng thị trường xuất khẩu trong năm nay.
"""


def record(*canonicals: str) -> dict[str, Any]:
    return {"organizations": [{"name": name, "canonical": name} for name in canonicals]}


def test_the_first_spelling_of_a_name_is_the_one_every_later_article_takes() -> None:
    spellings = Spellings()
    first, second = record("Tập đoàn Hòa Phát"), record("Tập đoàn Hòa phát", "Bệnh viện Bạch Mai")
    third = record("TẬP ĐOÀN HOÀ PHÁT", "Bệnh viện Bạch mai")
    for r in (first, second, third):
        spellings.settle(r)
    assert [o["canonical"] for o in second["organizations"] + third["organizations"]] == [
        "Tập đoàn Hòa Phát", "Bệnh viện Bạch Mai", "Tập đoàn Hòa Phát", "Bệnh viện Bạch Mai"]
    assert third["organizations"][0]["name"] == "TẬP ĐOÀN HOÀ PHÁT"  # the name as written stays


def test_names_that_differ_in_more_than_case_tone_placement_or_spacing_stay_apart() -> None:
    spellings = Spellings()
    records = [record("Bệnh viện Việt Đức"), record("Bệnh viện Hữu nghị Việt Đức"), record("Sở Y tế"),
               record("Sở Y tế tỉnh Hòa Bình")]
    for r in records:
        spellings.settle(r)
    assert [r["organizations"][0]["canonical"] for r in records] == [
        "Bệnh viện Việt Đức", "Bệnh viện Hữu nghị Việt Đức", "Sở Y tế", "Sở Y tế tỉnh Hòa Bình"]


def _pages(folder: Path, spellings: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, org in enumerate(spellings):
        text = PAGE.format(title=f"Kết quả quý I của doanh nghiệp số {n}", org=org, share=10 + n)
        (folder / f"page-{n}.txt").write_text(text, encoding="utf-8")


def _canonical_names(path: Path) -> set[str]:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return {o["canonical"] for r in records for o in r["organizations"] if "phát" in o["canonical"].lower()}


def test_one_spelling_in_the_records_and_the_store_across_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _pages(tmp_path / "day1", ["Tập đoàn Hòa Phát", "Tập đoàn Hòa phát"])
    assert main(["run", str(tmp_path / "day1"), "-o", str(out), "-q", "-w", "1"]) == 0
    assert _canonical_names(out / "records.jsonl") == {"Tập đoàn Hòa Phát"}
    _pages(tmp_path / "day2", ["TẬP ĐOÀN HÒA PHÁT"])  # a later crawl, a third spelling
    assert main(["run", str(tmp_path / "day2"), "-o", str(out), "-q", "-w", "1"]) == 0
    assert _canonical_names(out / "records.jsonl") == {"Tập đoàn Hòa Phát"}
    with sqlite3.connect(out / DB_FILE) as conn:
        stored = {row[0] for row in conn.execute("SELECT canonical FROM organizations")}
    hoa_phat = {name for name in stored if name_key(name) == name_key("Tập đoàn Hòa Phát")}
    assert hoa_phat == {"Tập đoàn Hòa Phát"}
