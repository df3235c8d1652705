"""`vnie show`: a self-contained page with every mention highlighted, checked in a real browser."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.store.show import ShowError, colours, load_article, non_overlapping, render_html, resolve_id
from pipeline.store.sqlite import DB_FILE, SqliteSink, connect

SEED = "000_97edc108545c4d6d.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus_run) -> tuple[Path, dict]:
    records, _ = corpus_run
    path = tmp_path_factory.mktemp("show") / DB_FILE
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
    return path, next(r for r in records if r["source"]["path"].endswith(SEED))


def test_an_id_prefix_finds_the_article_when_unique(store) -> None:
    path, seed = store
    conn = connect(path, readonly=True)
    assert resolve_id(conn, seed["id"][:6].upper()) == seed["id"]
    assert resolve_id(conn, seed["id"]) == seed["id"]
    with pytest.raises(ShowError, match="no article"):
        resolve_id(conn, "zzzz")
    with pytest.raises(ShowError, match="several ids"):
        resolve_id(conn, _shared_prefix(conn))
    with pytest.raises(ShowError, match="give an article id"):
        resolve_id(conn, " ")


def _shared_prefix(conn) -> str:
    ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
    return next(a[0] for a, b in itertools.pairwise(ids) if a[0] == b[0])


def test_overlapping_spans_keep_the_longer() -> None:
    spans = [{"start": 0, "end": 12, "label": "ORG"}, {"start": 5, "end": 8, "label": "LOC"},
             {"start": 12, "end": 15, "label": "DATE"}]
    assert [s["label"] for s in non_overlapping(spans)] == ["ORG", "DATE"]


def _inside_a_longer(entity: dict, entities: list[dict]) -> bool:
    field, length = entity.get("field", "text"), entity["end"] - entity["start"]
    return any(other.get("field", "text") == field and other["end"] - other["start"] > length
               and other["start"] < entity["end"] and entity["start"] < other["end"] for other in entities)


def test_the_page_highlights_every_mention_and_loads_nothing(store) -> None:
    path, seed = store
    page = render_html(load_article(connect(path, readonly=True), seed["id"]))
    marks = re.findall(r'<mark class="entity" style="background: (#[0-9a-f]{6})', page)
    # one nested mention ("tổ chức cơ sở đảng" inside the figure "95 tổ chức cơ sở đảng") gives way
    shown = [e for e in seed["entities"] if not _inside_a_longer(e, seed["entities"])]
    assert len(shown) == len(seed["entities"]) - 1
    assert len(marks) == len(shown)
    for kind in ("ORG", "DIRECTIVE", "FIGURE", "DATE", "PER"):
        assert marks.count(colours()[kind]) == sum(e["type"] == kind for e in shown) > 0, kind
    assert not re.search(r"<script|<link|\bsrc=|@import|url\(", page, re.IGNORECASE)
    assert "05-CT/TW" in page and "Xuân Bính" in page
    assert page.count("<tr>") == 2 + len(seed["figures"]) + len(seed["directives"])  # two header rows


def test_hovering_a_figure_shows_what_whose_when_and_who_says(store) -> None:
    path, seed = store
    page = render_html(load_article(connect(path, readonly=True), seed["id"]))
    tips = re.findall(r'<mark class="entity" style="background: #f0a3c8[^"]*" title="([^"]*)"', page)
    assert len(tips) == len(seed["figures"])
    first = seed["figures"][0]
    assert tips[0].startswith(f"measure: {first['measure']} · subject: {first['subject']}")
    assert all("measure: " in tip for tip in tips)


def test_text_is_escaped(tmp_path: Path) -> None:
    from tests.test_database import make_record

    record = make_record(1, title="<script>alert(1)</script> & co")
    with SqliteSink(tmp_path / DB_FILE) as sink:
        sink.write("record", record)
    page = render_html(load_article(connect(tmp_path / DB_FILE, readonly=True), record["id"]))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_show_makes_no_folder_and_refuses_a_folder_or_a_full_disk(store, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path, seed = store
    missing = tmp_path / "not" / "there" / "page.html"
    assert main(["show", seed["id"], "--db", str(path), "--html", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "the folder" in err and "does not exist" in err and not (tmp_path / "not").exists()
    assert main(["show", seed["id"], "--db", str(path), "--html", str(tmp_path)]) == 2
    assert "is a folder; give a file name" in capsys.readouterr().err
    if Path("/dev/full").exists():
        assert main(["show", seed["id"], "--db", str(path), "--html", "/dev/full"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("vnie show: cannot write /dev/full") and "Traceback" not in err
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    assert main(["show", seed["id"], "--db", str(tmp_path / "notes.txt"), "--html",
                 str(tmp_path / "a.html")]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    assert main(["show", seed["id"][:6], "--db", str(path.parent), "--html", str(tmp_path / "a.html")]) == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(document.cookie)",
                                 "java\tscript:alert(1)", "\x01javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                                 "//evil.example/x", "file:///etc/passwd"])
def test_only_an_http_url_becomes_a_link(tmp_path: Path, url: str) -> None:
    from tests.test_database import make_record

    with SqliteSink(tmp_path / DB_FILE) as sink:
        sink.write("record", make_record(1, source={"path": "p.txt", "url": url, "outlet": None,
                                                     "format": "txt"}))
        sink.write("record", make_record(2, source={"path": "q.txt", "url": "https://baomau.vn/a?b=1&c=\"x",
                                                     "outlet": None, "format": "txt"}))
    conn = connect(tmp_path / DB_FILE, readonly=True)
    page = render_html(load_article(conn, f"{1:016x}"))
    assert "href=" not in page and "<script>" not in page
    good = render_html(load_article(conn, f"{2:016x}"))
    assert 'href="https://baomau.vn/a?b=1&amp;c=&quot;x"' in good


def _chromium() -> str | None:
    return next((path for name in ("chromium", "chromium-browser", "google-chrome")
                 if (path := shutil.which(name))), None)


def _pixels(png: Path, colour: str) -> int:
    """How many pixels of the screenshot have exactly this colour."""
    image = pytest.importorskip("PIL.Image", reason="Pillow is a dev dependency").open(png).convert("RGB")
    wanted = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in image.getcolors(maxcolors=1 << 24) if rgb == wanted)


@pytest.mark.skipif(_chromium() is None, reason="headless Chromium is not installed "
                    "(apt-get install -y chromium; .ci/run installs it)")
def test_the_page_renders_with_highlights_in_headless_chromium(store, tmp_path: Path) -> None:
    path, seed = store
    html = tmp_path / "article.html"
    assert main(["show", seed["id"][:8], "--db", str(path), "--html", str(html)]) == 0
    png = tmp_path / "shot.png"
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2000",
               html.resolve().as_uri()]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert png.exists(), "Chromium wrote no screenshot"
    org, directive = _pixels(png, colours()["ORG"]), _pixels(png, colours()["DIRECTIVE"])
    # each highlight box is a few thousand pixels; the legend's swatches are ~100
    assert org > 20_000, org
    assert directive > 10_000, directive
    assert _pixels(png, colours()["FIGURE"]) > 10_000
