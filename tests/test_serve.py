"""`vnie serve`: Datasette names the database `vnie`, describes it, and answers the canned queries."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.store.serve import QUERIES, make_datasette, metadata, read_only
from pipeline.store.sqlite import SqliteSink, StoreError, tables
from tests.conftest import REPO


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus_run) -> tuple[Path, list[dict]]:
    """The sample corpus in a file deliberately not called vnie.db."""
    records, _ = corpus_run
    path = tmp_path_factory.mktemp("serve") / "elsewhere.sqlite"
    with SqliteSink(path) as sink:
        for record in records:
            sink.write("record", record)
    return path, records


def _get(ds: Any, path: str) -> Any:
    async def fetch() -> Any:
        return await ds.client.get(path)

    return asyncio.run(fetch())


def test_metadata_describes_every_column_and_has_the_canned_queries() -> None:
    meta = metadata()["databases"]["vnie"]
    for table in tables():
        assert set(meta["tables"][table.name]["columns"]) == {c.name for c in table.columns}
        assert all(meta["tables"][table.name]["columns"].values())
    assert ":directive" in QUERIES["figures_under_directive"]["sql"]
    assert meta["queries"]["directive_mentions_by_province"]["title"] == "Directive mentions by province"


def test_datasette_serves_the_file_as_vnie(store) -> None:
    path, records = store
    ds = make_datasette(path)
    response = _get(ds, "/vnie/figures.json?_shape=array&_size=max")
    assert response.status_code == 200
    assert len(response.json()) == sum(len(r["figures"]) for r in records)
    assert _get(ds, "/elsewhere/figures.json").status_code == 404
    page = _get(ds, "/vnie/figures").text
    assert "the whole sentence the figure is in" in page  # column descriptions are shown


def test_the_canned_queries_answer(store) -> None:
    path, records = store
    ds = make_datasette(path)
    rows = _get(ds, "/vnie/figures_under_directive.json?directive=05-ct/tw&_shape=array").json()
    citing = [r for r in records if any(d["id"] == "05-CT/TW" for d in r["directives"])]
    assert len(rows) == sum(len(r["figures"]) for r in citing) > 0
    assert {"outlet", "sentence", "value", "unit", "subject", "source", "measure", "text", "start", "end",
            "article_id"} <= set(rows[0])
    by_province = _get(ds, "/vnie/directive_mentions_by_province.json?_shape=array").json()
    assert any(r["directive_id"] == "58-NQ/TW" and r["province"] == "Thanh Hóa" for r in by_province)
    searched = _get(ds, "/vnie/articles.json?_search=Chợ+Lách&_shape=array").json()
    assert [r["title"] for r in searched] == [r["title"] for r in records if "Chợ Lách" in r["text"]]


def test_a_missing_database_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        make_datasette(tmp_path / "none.db")
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database"):
        make_datasette(tmp_path / "notes.txt")


def _asgi(app: Any, method: str, path: str) -> Any:
    """One request to an ASGI app, in process."""
    import httpx

    async def fetch() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://vnie") as client:
            return await client.request(method, path, data={"directive": "05-CT/TW"})

    return asyncio.run(fetch())


def test_a_post_is_refused_with_405_not_a_500(store) -> None:
    path, _ = store
    app = read_only(make_datasette(path).app())
    for target in ("/vnie/figures_under_directive?directive=05-CT/TW", "/vnie/directive_mentions_by_month",
                   "/vnie/figures", "/vnie"):
        for method in ("POST", "PUT", "DELETE"):
            response = _asgi(app, method, target)
            assert response.status_code == 405, (method, target, response.status_code)
            assert response.headers["allow"] == "GET, HEAD" and "only reads" in response.text
    answered = _asgi(app, "GET", "/vnie/figures_under_directive.json?directive=05-CT/TW&_shape=array")
    assert answered.status_code == 200 and answered.json()


def test_no_sql_turns_off_arbitrary_sql_only(store) -> None:
    path, _ = store
    sql = "/vnie.json?sql=select+count(*)+from+figures"
    assert _get(make_datasette(path), sql).status_code == 200
    closed = make_datasette(path, allow_sql=False)
    assert _get(closed, sql).status_code == 403
    assert _get(closed, "/vnie/figures_under_directive.json?directive=05-CT/TW").status_code == 200


def test_a_busy_port_is_reported_first_with_the_fix(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        # the database is missing too: the port, the likelier mistake, is reported and nothing else
        assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"vnie serve: port {port} on 127.0.0.1 is already in use") and "--port" in err
    assert "no database" not in err and time.monotonic() - started < 5


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", port])
    assert exited.value.code == 2 and "argument --port" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_vnie_serve_answers_on_a_real_port(store) -> None:
    path, _ = store
    port = _free_port()
    command = [sys.executable, "-m", "pipeline", "serve", "--db", str(path), "--host", "127.0.0.1",
               "--port", str(port)]
    server = subprocess.Popen(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/vnie/figures.json?_shape=array&_size=5"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"vnie serve did not answer: {server.stderr.read().decode()[-2000:]}")
                time.sleep(0.2)
        assert len(rows) == 5 and {"value", "unit", "sentence"} <= set(rows[0])
        post = urllib.request.Request(f"http://127.0.0.1:{port}/vnie/figures_under_directive?directive=05-CT/TW",
                                      data=b"directive=05-CT/TW", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(post, timeout=5)
        assert refused.value.code == 405
    finally:
        server.terminate()
        server.wait(timeout=20)
