"""Stories: republished copies share a story_id, the earliest copy is the original, queries count it once."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.engine.stages import PLAIN_RUN, clean_stage
from pipeline.model import empty_record
from pipeline.store.query import Filters, articles, directives, figures, open_readonly
from pipeline.store.sqlite import DB_FILE, SqliteSink
from pipeline.store.stories import Stories, earlier, shingles, signature
from tests.conftest import SHARED
from tests.republish import republish
from tests.test_database import make_record

CORPUS = SHARED / "corpus" / "dantri-2020.jsonl"
SAME_TOPIC = "ca mắc mới"  # the daily COVID-19 bulletins: one template, different figures every day


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    if not CORPUS.exists():
        pytest.skip("../shared is not beside the checkout")
    return [json.loads(line) for line in CORPUS.open(encoding="utf-8")]


def test_republished_copies_join_their_story_and_same_topic_articles_stay_apart(corpus) -> None:
    rng = random.Random(20250701)
    bulletins = [i for i, row in enumerate(corpus) if SAME_TOPIC in row["title"].lower()][:12]
    others = rng.sample([i for i in range(len(corpus)) if i not in bulletins], 18)
    assert len(bulletins) >= 8
    pages = []
    for i in bulletins + others:
        related = [corpus[(i + k) % len(corpus)]["title"] for k in range(1, 13)]
        pages += republish(corpus[i]["title"], corpus[i]["time"], corpus[i]["content"], i, 3, rng, related)
    rng.shuffle(pages)  # a copy often arrives before its original
    stories, source, is_copy = Stories(), {}, {}
    records = []
    for page in pages:
        record = empty_record(page.raw)
        clean_stage(page.raw, record, PLAIN_RUN)
        stories.add(record)
        records.append(record)
        source[record["id"]], is_copy[record["id"]] = page.source, not page.raw.path.startswith("orig")
    members: dict[str, set[int]] = defaultdict(set)
    for record in records:
        members[record["story_id"]].add(source[record["id"]])
    assert all(len(sources) == 1 for sources in members.values()), "two different articles were merged"
    story_of_original = {source[r["id"]]: r["story_id"] for r in records if not is_copy[r["id"]]}
    copies = [r for r in records if is_copy[r["id"]]]
    joined = sum(r["story_id"] == story_of_original[source[r["id"]]] for r in copies)
    assert joined / len(copies) >= 0.95
    originals = {r["id"] for r in records if r["original"] and r["id"] not in stories.demoted}
    assert {r["id"] for r in records if not is_copy[r["id"]]} <= originals


def test_same_topic_bulletins_are_far_below_the_threshold(corpus) -> None:
    bulletins = [row["content"] for row in corpus if SAME_TOPIC in row["title"].lower()][:12]
    grams = [shingles(text) for text in bulletins]
    for i in range(len(grams)):
        for j in range(i + 1, len(grams)):
            assert len(grams[i] & grams[j]) / len(grams[i] | grams[j]) < 0.35


def _article(i: int, text: str, published: str | None) -> dict[str, Any]:
    return make_record(i, text=text, published=published, title=f"Bài {i}", entities=[], directives=[],
                       figures=[], dates=[], organizations=[])


TEXT = ("Sáng 12/4, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác phòng chống dịch bệnh năm 2020 "
        "và triển khai nhiệm vụ năm 2021. Theo báo cáo, toàn tỉnh đã tiêm chủng cho hơn 12.000 người, xét "
        "nghiệm hơn 45.000 mẫu và không để dịch lây lan trong cộng đồng. Phát biểu tại hội nghị, Chủ tịch "
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tiếp tục nâng cao cảnh giác, không chủ quan, lơ là.")


def test_the_earliest_copy_is_the_original_whatever_the_order(tmp_path: Path) -> None:
    late, early = _article(1, TEXT, "2021-04-14"), _article(2, TEXT.replace("hơn", "trên", 1), "2021-04-12")
    other = _article(3, "Một bài viết khác hẳn về giá lúa gạo. " * 8, "2021-04-13")
    stories = Stories()
    for record in (late, other, early):
        stories.add(record)
    assert late["story_id"] == early["story_id"] == late["id"] != other["story_id"]
    assert early["original"] and stories.demoted == {late["id"]}
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (late, other, early)), "utf-8")
    assert stories.finish(path) == 1
    flags = {r["id"]: r["original"] for r in map(json.loads, path.read_text("utf-8").splitlines())}
    assert flags == {late["id"]: False, other["id"]: True, early["id"]: True}


def test_dates_compare_by_day_when_one_has_no_time() -> None:
    assert earlier("2021-04-12", "2021-04-13T06:00") and not earlier("2021-04-12", "2021-04-12T06:00")
    assert earlier("2021-04-12T05:00", "2021-04-12T06:00") and not earlier(None, "2021-04-12")
    assert earlier("2021-04-12", None)


def test_a_short_text_is_its_own_story() -> None:
    assert signature("Tin ngắn năm chữ thôi.") is None
    stories, first, second = Stories(), _article(1, "Tin ngắn.", None), _article(2, "Tin ngắn.", None)
    stories.add(first)
    stories.add(second)
    assert first["story_id"] != second["story_id"] and first["original"] and second["original"]


def test_the_store_keeps_stories_across_runs(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE
    first = _article(1, TEXT, "2021-04-12")
    copy = _article(2, TEXT + " Hội nghị kết thúc lúc 11 giờ.", "2021-04-15")
    with SqliteSink(path) as sink:
        stories = Stories(sink.conn)
        for record in stories.assign([("record", first)]):
            sink.write(*record)
    with SqliteSink(path) as sink:  # a later batch, a new index loaded from the store
        stories = Stories(sink.conn)
        for record in stories.assign([("record", copy), ("record", dict(first))]):
            sink.write(*record)
    assert copy["story_id"] == first["id"] and not copy["original"]
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT id, original FROM articles").fetchall())
    assert rows == {first["id"]: 1, copy["id"]: 0}
    conn.execute("UPDATE story_signatures SET scheme = 'an older scheme'")
    conn.commit()
    stories = Stories(conn)
    stories.prepare()
    assert stories.story_of == {first["id"]: first["id"], copy["id"]: first["id"]}  # recomputed


def test_vnie_run_marks_copies_and_queries_count_a_story_once(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    lead = "UBND tỉnh Ninh Thuận tổ chức hội nghị triển khai Chỉ thị 05-CT/TW của Bộ Chính trị."
    body = f"{lead} Toàn tỉnh có 3.650 đảng viên. {TEXT}"
    copy_page = f"Hội nghị ở Ninh Thuận\n15/04/2021 08:00\n{body}\nTheo Báo Ninh Thuận"
    (pages / "a_copy.txt").write_text(copy_page, "utf-8")  # read first, published later
    original_page = f"Hội nghị triển khai Chỉ thị 05\n12/04/2021 07:30\n{body}"
    (pages / "b_original.txt").write_text(original_page, "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(pages), "-o", str(out), "-q", "-w", "1"]) == 0
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, (out / "records.jsonl").open())}
    copy, original = records["a_copy.txt"], records["b_original.txt"]
    assert copy["story_id"] == original["story_id"] and original["original"] and not copy["original"]
    conn = open_readonly(str(out / DB_FILE))
    assert len(articles(conn, Filters())[1]) == 1 and articles(conn, Filters())[1][0]["copies"] == 2
    assert len(articles(conn, Filters(all_copies=True))[1]) == 2
    once, every = figures(conn, Filters())[1], figures(conn, Filters(all_copies=True))[1]
    assert len(every) == 2 * len(once) > 0
    counted = sum(r["articles"] for r in directives(conn, Filters(directive="05-CT/TW"))[1])
    rows = directives(conn, Filters(directive="05-CT/TW", all_copies=True))[1]
    every_copy = sum(r["articles"] for r in rows)
    assert (counted, every_copy) == (1, 2)
