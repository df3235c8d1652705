"""The readers' registry (issue 14) and reading in the workers, under the time limit and the memory cap
(issue 15, defect 4): the parent only frames inputs; decoding and parsing happen where the work runs."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import jsonschema
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import pipeline.ingest.readers as registry
from pipeline.cli import main
from pipeline.contract import load_schema
from pipeline.ingest.inputs import Frame, frame_inputs, read_inputs
from pipeline.ingest.readers import Reader, formats, reader_for_path
from pipeline.model import ArticleTimeout, Failed, RawArticle
from tests.conftest import CORPUS

SEED = sorted(CORPUS.glob("*.txt"))[0]
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tin huyện</title></head><body><article>"
    "<p>Năm 2020, Đảng bộ huyện có 98,5% chi bộ tổ chức sinh hoạt định kỳ theo Chỉ thị 05-CT/TW.</p>"
    "</article></body></html>"
)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ----------------------------------------------------------------------------- the registry


def test_every_module_of_the_package_is_a_registered_reader() -> None:
    folder = Path(registry.__file__).parent
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "base"))
    assert sorted(reader.name for reader in registry.readers()) == sorted(
        {"txt": "txt", "html": "html", "jsonl": "jsonl", "warc": "warc"}[module] for module in modules
    )
    assert formats() == ["warc", "jsonl", "html", "txt"]  # sniffing order: signatures, JSON, HTML, text
    assert reader_for_path("a/b.WARC.gz")[0].name == "warc" and reader_for_path("x.ndjson")[0].name == "jsonl"
    assert reader_for_path("page.php") == (None, ".php")


def _tsv_frames(stream: BinaryIO, head: bytes, label: str, max_bytes: int, extension: str
                ) -> Iterator[Frame | Failed]:  # fmt: skip
    for number, line in enumerate(stream, 1):
        yield Frame(f"{label}#{number}", "tsv", line.rstrip(b"\n"), hashlib.sha1(line).hexdigest())


def _tsv_read(frame: Frame, max_bytes: int) -> list[RawArticle | Failed]:
    url, _tab, text = frame.data.decode("utf-8").partition("\t")
    return [RawArticle(path=frame.path, text=text, fmt="tsv", url=url, digest=frame.digest)]


TSV = Reader(
    name="tsv", extensions=(".tsv",), frames=_tsv_frames, read=_tsv_read, priority=40,
    articles=lambda path: Path(path).read_bytes().count(b"\n"),
)  # fmt: skip


def test_a_new_format_is_one_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A toy format, registered as one more module would be: framed, read, counted, in the schema."""
    from pipeline.engine.job import expected_articles

    known = registry.readers()
    monkeypatch.setattr(registry, "readers", lambda: (*known, TSV))
    folder = tmp_path / "crawl"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8").replace("\n", " ")
    (folder / "day.tsv").write_text(f"https://baotinh.vn/1\t{text}\nhttps://baotinh.vn/2\t{text} Hết.\n")
    assert [type(f).__name__ for f in frame_inputs([str(folder)])] == ["Frame", "Frame"]
    assert [a.url for a in read_inputs([str(folder)])] == ["https://baotinh.vn/1", "https://baotinh.vn/2"]
    assert expected_articles([str(folder)], []) == 2
    assert "tsv" in load_schema("record")["properties"]["source"]["properties"]["format"]["enum"]
    out = tmp_path / "out"
    assert main(["run", str(folder), "-o", str(out), "-q", "-w", "1"]) == 0
    records = _lines(out / "records.jsonl")
    assert [r["source"]["format"] for r in records] == ["tsv", "tsv"]
    validator = jsonschema.Draft202012Validator(load_schema("record"))
    assert all(validator.is_valid(record) for record in records)


# ----------------------------------------------------------------------------- the parent only frames


def _warc(path: Path, payload: bytes) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://baotinh.vn/a", "response", payload=io.BytesIO(payload),
                                           http_headers=http)
        writer.write_record(record)


def test_the_parent_frames_without_decoding_or_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.ingest.readers.jsonl as jsonl_reader
    import pipeline.ingest.records as records

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("decoding or parsing in the parent")

    for module, name in ((records, "decode_bytes"), (records, "extract_html"), (jsonl_reader, "decode_bytes"),
                         (jsonl_reader, "article_from_record"), (jsonl_reader, "record_from_line")):
        monkeypatch.setattr(module, name, forbidden)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    record = {"url": "https://x.vn/1", "html": PAGE}
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(record) + "\n")
    (tmp_path / "d.json").write_text(json.dumps([record, record, record]))
    (tmp_path / "e.json").write_text(json.dumps({"source": "crawler", "articles": [record]}))
    (tmp_path / "f.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    _warc(tmp_path / "g.warc.gz", PAGE.encode())
    framed = list(frame_inputs([str(tmp_path)]))
    assert all(isinstance(f, Frame) for f in framed), framed
    assert [(Path(f.path).name, f.reader) for f in framed] == [
        ("a.html", "html"), ("b.txt", "txt"), ("c.jsonl#1", "jsonl"), ("c.jsonl#2", "jsonl"),
        ("d.json#1", "jsonl"), ("d.json#2", "jsonl"), ("d.json#3", "jsonl"), ("e.json", "jsonl"),
        ("f.html.gz", "html"), ("g.warc.gz#1", "warc"),
    ]  # fmt: skip
    assert framed[0].digest == hashlib.sha1(PAGE.encode()).hexdigest()  # ids known before any decoding


# ----------------------------------------------------------------------------- the worker's limits


def _page_folder(tmp_path: Path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def patched_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML parser, made pathological on pages that say so (forked workers inherit the patch)."""
    import pipeline.ingest.records as records

    parse = records.extract_html

    def pathological(html: str, url: str | None = None) -> Any:
        if "TREO" in html:  # stuck where no alarm reaches (C code): only the parent can stop it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if "PHINH" in html:  # needs far more memory than the cap allows
            return len(b"x" * 3_000_000_000)
        return parse(html, url)

    monkeypatch.setattr(records, "extract_html", pathological)


def test_a_worker_stuck_past_the_time_limit_is_stopped(
    tmp_path: Path, patched_parse: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _page_folder(tmp_path, {"a.html": PAGE, "b.html": PAGE.replace("Tin", "TREO"), "c.html": PAGE})
    out = tmp_path / "out"
    started = time.monotonic()
    assert main(["run", str(folder), "-o", str(out), "-q", "-w", "1", "--timeout", "1"]) == 0
    assert time.monotonic() - started < 20  # the stuck page would hold the run for 60 s
    assert [Path(r["source"]["path"]).name for r in _lines(out / "records.jsonl")] == ["a.html", "c.html"]
    (error,) = _lines(out / "errors.jsonl")
    assert (Path(error["source"]["path"]).name, error["error"]["type"]) == ("b.html", "timeout")


def test_a_page_over_the_memory_cap_is_an_error_and_the_run_goes_on(
    tmp_path: Path, patched_parse: None
) -> None:
    folder = _page_folder(tmp_path, {"a.html": PAGE, "b.html": PAGE.replace("Tin", "PHINH"), "c.html": PAGE})
    out = tmp_path / "out"
    assert main(["run", str(folder), "-o", str(out), "-q", "-w", "1", "--max-memory", "1500"]) == 0
    assert [Path(r["source"]["path"]).name for r in _lines(out / "records.jsonl")] == ["a.html", "c.html"]
    (error,) = _lines(out / "errors.jsonl")
    assert error["error"]["type"] in ("out_of_memory", "worker_died"), error
    assert "memory" in error["error"]["message"]


def test_the_time_limit_reaches_a_thread_where_no_alarm_can() -> None:
    """Dask runs tasks in worker threads: the limit must hold there too."""
    from pipeline.engine.runner import time_limit

    outcome: list[str] = []

    def busy() -> None:
        try:
            with time_limit(0.3):
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    pass
            outcome.append("not stopped")
        except ArticleTimeout:
            outcome.append("stopped")
        time.sleep(0.5)  # a late exception would land here
        outcome.append("clean")

    thread = threading.Thread(target=busy)
    started = time.monotonic()
    thread.start()
    thread.join(40)
    assert outcome == ["stopped", "clean"] and time.monotonic() - started < 5


def test_a_worker_gets_its_memory_cap(tmp_path: Path) -> None:
    """The cap is set in each pool worker, never in the parent."""
    import resource

    from pipeline.engine.pool import WorkerPool

    def limit_of(item: int, tick: object) -> list[tuple[str, dict[str, Any]]]:
        return [("record", {"limit": resource.getrlimit(resource.RLIMIT_AS)[0], "pid": os.getpid()})]

    pool = WorkerPool(1, limit_of, lambda item, how: [], memory_limit=1_234_000_000)
    ((_kind, seen),) = next(pool.map([1]))
    assert seen == {"limit": 1_234_000_000, "pid": seen["pid"]} and seen["pid"] != os.getpid()
    assert resource.getrlimit(resource.RLIMIT_AS)[0] != 1_234_000_000
