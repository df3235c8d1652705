"""Short forms defined in one article expand a bare short form in another (issue 12): "HSX" alone
counts with "Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh", in the run and from the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pipeline.cli import main
from pipeline.store.acronyms import Acronyms
from pipeline.store.sqlite import DB_FILE

HSX = "Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh"


def org(name: str, canonical: str | None = None, acronym: str | None = None) -> dict[str, Any]:
    return {"name": name, "canonical": canonical or name, "acronym": acronym}


def test_a_bare_short_form_takes_the_long_name_an_earlier_article_defined() -> None:
    acronyms = Acronyms()
    defining = {"organizations": [org("Sở Giao dịch Chứng khoán TP.HCM", HSX, "HSX")]}
    later = {"organizations": [org("HSX"), org("HNX")]}
    for record in (defining, later):
        acronyms.settle(record)
    assert [o["canonical"] for o in later["organizations"]] == [HSX, "HNX"]  # HNX was never defined
    assert later["organizations"][0]["name"] == "HSX"  # the name as written stays


def test_disagreeing_definitions_and_the_lexicon_short_forms_expand_nothing() -> None:
    acronyms = Acronyms()
    acronyms.settle({"organizations": [org("CDC", "Trung tâm Kiểm soát bệnh tật Hoa Kỳ", "CDC")]})
    acronyms.settle({"organizations": [org("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam", "CDC")]})
    # "HTX" is a common noun of the lexicon, expanded in place; one cooperative's definition is not it
    acronyms.settle({"organizations": [org("Hợp tác xã Tân Lập", acronym="HTX")]})
    later = {"organizations": [org("CDC"), org("HTX", "Hợp tác xã")]}
    acronyms.settle(later)
    assert [o["canonical"] for o in later["organizations"]] == ["CDC", "Hợp tác xã"]


def test_a_definition_that_names_a_province_holds_only_in_that_province() -> None:
    acronyms = Acronyms()
    centre = "Trung tâm Kiểm soát bệnh tật tỉnh Hà Nam"
    acronyms.settle({"province": "Hà Nam", "organizations": [org("CDC", centre, "CDC")]})
    same, other = ({"province": p, "organizations": [org("CDC")]} for p in ("Hà Nam", "Đà Nẵng"))
    for record in (same, other):
        acronyms.settle(record)
    assert [r["organizations"][0]["canonical"] for r in (same, other)] == [centre, "CDC"]


PAGE = """{title}
Thứ hai, 12/4/2021

{body}
Các nhà đầu tư tiếp tục theo dõi diễn biến thị trường trong những phiên tới.
"""


def _page(folder: Path, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(PAGE.format(title=title, body=body), encoding="utf-8")


def _canonical(path: Path, name: str) -> set[str]:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return {o["canonical"] for r in records for o in r["organizations"] if o["name"] == name}


def test_a_definition_in_the_store_expands_a_bare_short_form_of_a_later_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _page(tmp_path / "day1", "a.txt", "Thanh khoản tăng mạnh trên sàn chứng khoán",
          "Theo Sở Giao dịch Chứng khoán TP.HCM (HSX), thanh khoản phiên sáng đạt 10.200 tỷ đồng.")
    assert main(["run", str(tmp_path / "day1"), "-o", str(out), "-q", "-w", "1"]) == 0
    _page(tmp_path / "day2", "b.txt", "Cổ phiếu ngân hàng dẫn dắt thị trường",
          "Phiên chiều nay, sàn HSX ghi nhận 444 triệu cổ phiếu được chuyển nhượng thành công.")
    assert main(["run", str(tmp_path / "day2"), "-o", str(out), "-q", "-w", "1"]) == 0
    assert _canonical(out / "records.jsonl", "HSX") == {HSX}
    with sqlite3.connect(out / DB_FILE) as conn:
        stored = {row[0] for row in conn.execute("SELECT canonical FROM organizations WHERE name = 'HSX'")}
    assert stored == {HSX}
