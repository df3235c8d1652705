"""Site templates learned from the batch: a site's repeated furniture goes, its articles' sentences stay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.clean.templates import MAX_LINES_PER_SITE, SiteProfile, Templates, site_keys
from pipeline.cli import main
from pipeline.model import RawArticle

SHARED_SENTENCE = "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các điểm cầu cơ sở."
CHROME = ["Đường dây nóng 0233 3852 119", "Thời sự Chính trị Kinh tế Xã hội", "Ban biên tập Báo Quảng Trị"]
SUBHEADING = "Nhiều kết quả nổi bật"


def _article(n: int) -> list[str]:
    """An article of its own: headline, paragraphs, a sentence every article of the site repeats."""
    return [
        f"Huyện {n} tổng kết công tác xây dựng Đảng năm 202{n % 10}",
        f"Ngày {n}/12, Ban Thường vụ Huyện ủy số {n} tổ chức hội nghị tổng kết công tác xây dựng Đảng, với "
        f"{100 + n} đại biểu tham dự và nhiều ý kiến đóng góp tâm huyết của các chi bộ cơ sở.",
        SHARED_SENTENCE,
        SUBHEADING if n == 1 else f"Kết quả nổi bật của huyện {n}",
        f"Trong năm, toàn huyện kết nạp {20 + n} đảng viên mới, đạt {90 + n}% kế hoạch đề ra.",
        SHARED_SENTENCE if n % 2 else f"Huyện {n} đặt mục tiêu kết nạp thêm {30 + n} đảng viên.",
    ]


def _crawl(path: Path, pages: int, host: str = "baoquangtri.vn") -> list[list[str]]:
    articles = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(1, pages + 1):
            lines = [CHROME[0], CHROME[1], *_article(n), CHROME[2]]
            articles.append(lines)
            record = {"url": f"https://{host}/tin-tuc/bai-{n}-{1000 + n}.html", "content": "\n".join(lines)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return articles


def _run(inputs: list[Path], out: Path, *options: str) -> tuple[list[dict[str, Any]], str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["run", *map(str, inputs), "-o", str(out), "-w", "1", "-q", *options]) == 0
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    return records, err.getvalue()


@pytest.fixture(scope="module")
def site_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], str]:
    root = tmp_path_factory.mktemp("templates")
    _crawl(root / "crawl.jsonl", 8)
    records, summary = _run([root / "crawl.jsonl"], root / "out", "--learn-templates")
    return root, records, summary


def test_lines_the_site_repeats_are_removed_and_counted(site_run) -> None:
    _, records, summary = site_run
    for record in records:
        for line in CHROME:
            assert line not in record["text"].split("\n\n")
            assert line in record["boilerplate"]
        assert record["source"]["template_lines"] >= 3
    removed = sum(record["source"]["template_lines"] for record in records)
    assert f"{removed} lines removed as the templates of" in summary


def test_sentences_the_articles_share_stay_body(site_run) -> None:
    _, records, _ = site_run
    for n, record in enumerate(records, 1):
        paragraphs = record["text"].split("\n\n")
        # in the middle of every article, and last in every other one: the same sentence is body each time
        assert paragraphs.count(SHARED_SENTENCE) == (2 if n % 2 else 1)
        assert _article(n)[3] in paragraphs  # a subheading no other page has
        assert record["title"] == _article(n)[0]


def test_the_profile_is_saved_per_site_and_reused(site_run, tmp_path: Path) -> None:
    root, _, _ = site_run
    saved = [json.loads(line) for line in (root / "out" / "templates.jsonl").read_text().splitlines()]
    by_site = {profile["site"]: profile for profile in saved}
    outlet = by_site["outlet:baoquangtri.vn"]
    assert outlet["pages"] == 8
    assert {line["text"] for line in outlet["lines"]} >= {line.casefold() for line in CHROME}
    # a later run on one new page of the site, told where the profile is, still knows its furniture
    single = tmp_path / "one.jsonl"
    _crawl(single, 1)
    records, _ = _run([single], tmp_path / "out", "--templates", str(root / "out" / "templates.jsonl"))
    assert records[0]["source"]["template_lines"] >= 3
    assert CHROME[0] in records[0]["boilerplate"]
    alone, _ = _run([single], tmp_path / "alone", "--learn-templates")  # without it, one page teaches nothing
    assert "template_lines" not in alone[0]["source"] or alone[0]["source"]["template_lines"] == 0


def test_two_articles_sharing_a_sentence_teach_nothing(tmp_path: Path) -> None:
    _crawl(tmp_path / "two.jsonl", 2)
    records, summary = _run([tmp_path / "two.jsonl"], tmp_path / "out", "--learn-templates")
    assert "templates of" not in summary
    assert all(SHARED_SENTENCE in record["text"] for record in records)


def test_copies_of_one_page_are_not_a_template(tmp_path: Path) -> None:
    lines = _article(1)
    with (tmp_path / "copies.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(5):  # the same article crawled five times
            handle.write(json.dumps({"url": f"https://x.vn/bai-{n}.html", "content": "\n".join(lines)},
                                    ensure_ascii=False) + "\n")
    records, _ = _run([tmp_path / "copies.jsonl"], tmp_path / "out", "--learn-templates")
    assert all(record["title"] == lines[0] and SUBHEADING in record["text"] for record in records)


def test_templates_are_learned_only_when_asked(tmp_path: Path) -> None:
    _crawl(tmp_path / "crawl.jsonl", 6)
    records, summary = _run([tmp_path / "crawl.jsonl"], tmp_path / "out")
    assert "templates of" not in summary and not (tmp_path / "out" / "templates.jsonl").exists()
    assert all("template_lines" not in record["source"] for record in records)


def test_a_page_belongs_to_its_outlet_and_its_container() -> None:
    raw = RawArticle(path="crawl/x.jsonl#4", url="https://www.baoquangtri.vn/a-b-c.html")
    assert site_keys(raw) == ["outlet:baoquangtri.vn", "file:crawl/x.jsonl"]
    assert site_keys(RawArticle(path="corpus/001.txt")) == ["folder:corpus"]
    assert site_keys(RawArticle(path="-")) == []


def test_a_profile_stays_bounded() -> None:
    profile = SiteProfile("outlet:x.vn")
    for n in range(MAX_LINES_PER_SITE + 10):
        profile.add_page({"menu", f"headline {n}"}, {n})
    assert len(profile.counts) <= MAX_LINES_PER_SITE and profile.counts["menu"] == profile.pages
    assert profile.template() == frozenset({"menu"})


def test_learning_reads_a_sample_per_site(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.clean.templates as templates

    monkeypatch.setattr(templates, "SAMPLE_PER_SITE", 4)
    pages = (RawArticle(path=f"-#{n}", url=f"https://x.vn/{n}", text=f"menu\nbài {n}") for n in range(50))
    learned = Templates()
    assert learned.learn(pages) == 4
    assert learned.profiles["outlet:x.vn"].pages == 4
