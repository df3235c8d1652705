"""Ingest: finding the inputs, text and encodings, sniffing formats, and failure kinds on any bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest.inputs import MAX_BYTES, expand_inputs, read_input, read_inputs
from pipeline.model import Failed, RawArticle
from tests.conftest import SHARED as SHARED_ROOT
from tests.conftest import cp1258, needs_shared
from tests.ingest_support import BODY, PAGE, failure, only

SHARED = SHARED_ROOT / "corpus"
FAILURE_KINDS = {
    "not_found", "unreadable", "empty", "binary", "undecodable", "bad_json", "not_an_object", "no_content",
    "too_large", "bad_gzip", "bad_warc", "no_articles",
}  # fmt: skip


# ----------------------------------------------------------------------------- expand_inputs


def test_expand_folder_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    names = ("b.txt", "a.txt", "sub/c.html", "sub/deeper/d.jsonl", ".hidden.txt", ".git/x.txt", "sub/.cache",
             "sub/c_files/style.css", "sub/c_files/logo.PNG", "sub/c_files/app.js.gz", "sub/notes")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [os.path.relpath(p, tmp_path) for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b.txt", "sub/c.html", "sub/deeper/d.jsonl", "sub/notes"]
    named = list(expand_inputs([str(tmp_path / "sub" / "c_files" / "*")]))
    assert [os.path.basename(p) for p in named] == ["app.js.gz", "logo.PNG", "style.css"]


def test_expand_survives_symlink_loops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.ingest import paths

    (tmp_path / "corpus" / "inner").mkdir(parents=True)
    (tmp_path / "corpus" / "inner" / "page.txt").write_text("x")
    (tmp_path / "corpus" / "inner" / "loop").symlink_to(tmp_path / "corpus")
    (tmp_path / "corpus" / "self").symlink_to(".")
    listed: list[str] = []
    list_folder = paths._sorted_entries

    def counted(folder: str) -> Iterator[os.DirEntry[str]]:
        listed.append(os.path.realpath(folder))
        assert len(listed) <= 20, "the walk goes round the loops"  # fails instead of walking for ever
        return list_folder(folder)

    monkeypatch.setattr(paths, "_sorted_entries", counted)
    found = list(expand_inputs([str(tmp_path / "corpus"), str(tmp_path / "corpus" / "**")]))
    assert [os.path.basename(p) for p in found] == ["page.txt"]
    real = [os.path.realpath(tmp_path / "corpus"), os.path.realpath(tmp_path / "corpus" / "inner")]
    # a walk per spec and per folder the glob matches, each listing a real folder once: not a listing
    # per path around the loops
    assert set(listed) == set(real) and len(listed) <= 3 * len(real)


def test_expand_globs_and_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("corpus/a.txt", "corpus/b.html", "corpus/x/c.txt", "corpus/x/y/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list(expand_inputs(["corpus/*.txt"])) == ["corpus/a.txt"]
    assert list(expand_inputs(["corpus/**/*.txt"])) == ["corpus/a.txt", "corpus/x/c.txt", "corpus/x/y/d.txt"]
    assert list(expand_inputs(["corpus/x/[cd].txt", "corpus/?.html"])) == ["corpus/x/c.txt", "corpus/b.html"]
    assert list(expand_inputs([str(tmp_path / "corpus" / "*.html")])) == [str(tmp_path / "corpus" / "b.html")]
    assert list(expand_inputs(["nothing/*.txt", "missing.txt", "-"])) == ["nothing/*.txt", "missing.txt", "-"]
    assert list(expand_inputs(["corpus/a.txt", "corpus"]))[0:2] == ["corpus/a.txt", "corpus/b.html"]


def test_not_found_and_folders(tmp_path: Path) -> None:
    assert "Check the path" in failure(tmp_path / "missing.txt", "not_found").message
    (tmp_path / "empty").mkdir()
    assert [f.kind for f in read_inputs([str(tmp_path / "empty")])] == ["not_found"]
    assert [f.kind for f in read_inputs([str(tmp_path / "nothing-*.txt")])] == ["not_found"]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("Một dòng.")
    failure(tmp_path / "full", "unreadable")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert "symbolic link" in failure(tmp_path / "dangling.txt", "not_found").message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.inputs

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    (tmp_path / "secret.txt").write_text(BODY)
    monkeypatch.setattr(pipeline.ingest.inputs, "open", denied, raising=False)
    assert "Permission denied" in failure(tmp_path / "secret.txt", "unreadable").message


# ----------------------------------------------------------------------------- text and encodings


def test_txt_page_dump(tmp_path: Path) -> None:
    raw = f"Tiêu đề bài viết\r\n\r\nThứ Hai, 12/04/2021\r\n{BODY}\rBình luận\n".encode()
    (tmp_path / "page.txt").write_bytes(raw)
    article = only(tmp_path / "page.txt")
    assert isinstance(article, RawArticle) and article.fmt == "txt" and article.title is None
    assert article.text == f"Tiêu đề bài viết\n\nThứ Hai, 12/04/2021\n{BODY}\nBình luận\n"
    assert article.digest == hashlib.sha1(raw).hexdigest()


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: unicodedata.normalize("NFD", t).encode(),
    ],
    ids=["bom", "utf16-bom", "utf16le", "utf16be", "nfd"],
)
def test_txt_encodings(tmp_path: Path, encode) -> None:
    (tmp_path / "page.txt").write_bytes(encode(BODY))
    assert only(tmp_path / "page.txt").text == BODY


def test_cp1258_html_with_meta_charset(tmp_path: Path) -> None:
    (tmp_path / "old.html").write_bytes(cp1258(PAGE.replace("utf-8", "windows-1258")))
    article = only(tmp_path / "old.html")
    assert isinstance(article, RawArticle) and BODY in article.text and article.title == "Tin huyện"


def test_empty_binary_and_undecodable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 50)
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    failure(tmp_path / "empty.txt", "empty")
    failure(tmp_path / "blank.txt", "empty")
    assert "PNG" in failure(tmp_path / "image.html", "binary").message
    assert "PDF" in failure(tmp_path / "doc.txt", "binary").message
    failure(tmp_path / "nul.txt", "binary")
    tar_header = b"page.txt".ljust(257, b"\0") + b"ustar\x0000" + b"\0" * 300
    (tmp_path / "corpus.tar.gz").write_bytes(gzip.compress(tar_header))
    assert "Unpack" in failure(tmp_path / "corpus.tar.gz", "binary").message
    failure(tmp_path / "noise.txt", "undecodable")


def test_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BODY * 40)
    message = failure(tmp_path / "big.txt", "too_large", max_bytes=1000).message
    assert "over 4.0 KB" in message and "1.0 KB of text" in message and "max_bytes" in message
    (tmp_path / "big.html").write_text(f"<html><body><p>{BODY * 20}</p></body></html>")
    html_failure = failure(tmp_path / "big.html", "too_large", max_bytes=3000)
    assert "text is" in html_failure.message and "over the 3.0 KB limit" in html_failure.message
    assert isinstance(only(tmp_path / "big.txt"), RawArticle)
    assert MAX_BYTES == 5_000_000


def test_sniffing_unknown_and_lying_extensions(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(PAGE)
    (tmp_path / "saved.txt").write_text(PAGE)
    (tmp_path / "dump").write_text(json.dumps({"title": "A", "text": BODY}) + "\n")
    (tmp_path / "notes.md").write_text(BODY)
    assert only(tmp_path / "page.php").fmt == "html"
    assert only(tmp_path / "saved.txt").fmt == "html"
    assert only(tmp_path / "dump").path == f"{tmp_path / 'dump'}#1"
    assert only(tmp_path / "notes.md").text == BODY


# ----------------------------------------------------------------------------- robustness and real data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(str.encode)),
    name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a.warc", "a.txt.gz", "a.warc.gz", "x"]),
)
def test_any_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for item in read_input(str(path)):
        if isinstance(item, Failed):
            assert item.kind in FAILURE_KINDS, (item.kind, item.message)
            assert item.message
        else:
            assert unicodedata.is_normalized("NFC", item.text) and "\r" not in item.text


@needs_shared
def test_real_corpus() -> None:
    items = list(read_inputs([str(SHARED / "seeds"), str(SHARED / "dev-dantri.jsonl")]))
    assert len(items) == 15 and all(isinstance(i, RawArticle) for i in items)
    assert items[0].path.endswith("000_97edc108545c4d6d.txt") and items[5].path.endswith("dev-dantri.jsonl#1")
    assert items[5].url.startswith("https://dantri.com.vn/") and items[5].published == "2021-04-21"
