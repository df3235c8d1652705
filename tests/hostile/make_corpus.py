"""Generate the hostile-input corpus: odd encodings, broken containers, pathological and foreign pages.

Usage: python tests/hostile/make_corpus.py OUT_DIR
Writes OUT_DIR/inputs/ (the folder to give `vnie run`) and OUT_DIR/manifest.json (what each input
must become). Everything is made from a seed page in corpus/ and the small fixture beside this
script (foreign.json), so nothing large is committed and nothing is downloaded.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED = REPO / "corpus" / "000_97edc108545c4d6d.txt"  # Ninh Thuận: Chỉ thị 05-CT/TW, TCCSĐ, figures
SEED_2 = REPO / "corpus" / "002_8a8f05aa974647f2.txt"
SEED_DIRECTIVE = "05-CT/TW"
FOREIGN = HERE / "foreign.json"  # English, Chinese and French pages, written by hand
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below
HUGE_LINE_BYTES = 3_000_000

# Bugs found with this corpus and routed to their module's owner: inputs marked with a key are
# counted but their own expectation is checked by an xfail(strict=True) test until the fix lands.
KNOWN_BUGS = {
}


@dataclass
class Expect:
    """What one input (or one line of a container) must become in the run's output."""

    path: str  # source.path relative to inputs/ (with #N for the N-th line of a JSONL file)
    outcome: str = "record"  # "record", "error", or "any" (a record or an error of error_types)
    error_types: tuple[str, ...] = ()  # allowed error types (empty: any type)
    reference: str | None = None  # input whose record must have the same text, title and captions
    directives: tuple[str, ...] = ()  # directive ids the record must hold
    lang: str | None = None  # the record's language when it is not Vietnamese
    known_bug: str | None = None  # a KNOWN_BUGS key: its expectation is checked by an xfail test
    why: str = ""


def seed_text() -> str:
    """The seed page as UTF-8 text with LF line ends."""
    return SEED.read_text(encoding="utf-8")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese keyboards wrote it: base letters with their own code, tones decomposed."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed if mark in TONES)
        base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONES))
        out.append(base + tones)
    # strict: a letter without a code would make the page differ from the seed it is compared with
    return "".join(out).encode("cp1258")


def tcvn3_safe(text: str) -> str:
    """The text as TCVN3 can carry it: capitals with a tone mark lowercased (as .VnTimeH pages were)."""
    from pipeline.ingest.legacy_fonts import TCVN3_TABLE

    letters = set(TCVN3_TABLE.values())
    return "".join(
        char.lower() if ord(char) > 0x7F and char not in letters and char.lower() in letters else char
        for char in text
    )


def to_tcvn3(text: str) -> bytes:
    """TCVN3 (.VnTime) bytes of a text TCVN3 can carry; punctuation keeps its Windows-1252 byte."""
    from pipeline.ingest.legacy_fonts import TCVN3_TABLE

    inverse = {letter: code for code, letter in TCVN3_TABLE.items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in inverse:
            out.append(inverse[char])
            continue
        encoded = char.encode("cp1252")  # “ ” … and the no-break space: the same byte in both
        if encoded[0] in TCVN3_TABLE:
            raise ValueError(f"{char!r} would read back as a TCVN3 letter")
        out += encoded
    return bytes(out)


def to_vni(text: str) -> bytes:
    """VNI-Windows bytes: the converter's inverse, then Windows-1252 for the punctuation."""
    from pipeline.ingest.legacy_fonts import unicode_to_vni

    return unicode_to_vni(text).encode("cp1252")


def to_mojibake(text: str) -> bytes:
    """UTF-8 read as Windows-1252 by a careless tool, then saved again as UTF-8.

    The five bytes Windows-1252 leaves undefined become the C1 controls of the same number, as
    browsers and Windows itself read them.
    """
    table = []
    for byte in range(256):
        try:
            table.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            table.append(chr(byte))
    return "".join(table[byte] for byte in text.encode("utf-8")).encode("utf-8")


def html_page(title: str, body: str) -> str:
    """A plain news page around a text: one <p> per paragraph."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>\n{paragraphs}\n</article></body></html>")


def _titled(title: str, body: str) -> bytes:
    """A page dump: a headline line, then the body."""
    return f"{title}\n\n{body}\n".encode()


Cases = dict[str, tuple[bytes, Expect]]


def encoding_cases(text: str) -> Cases:
    """The seed page in every encoding a crawl meets; each must read back to the seed's text."""
    same = {"reference": "seed.txt", "directives": (SEED_DIRECTIVE,)}
    lowered = tcvn3_safe(text)
    title, _, body = text.partition("\n")
    html = html_page(title, body)
    compressed = gzip.compress(text.encode(), mtime=0)
    return {
        "seed.txt": (text.encode(), Expect("", directives=(SEED_DIRECTIVE,), why="the reference")),
        "seed-utf8-bom.txt": (b"\xef\xbb\xbf" + text.encode(), Expect("", **same)),
        "seed-utf16le-bom.txt": (b"\xff\xfe" + text.encode("utf-16-le"), Expect("", **same)),
        "seed-utf16be-bom.txt": (b"\xfe\xff" + text.encode("utf-16-be"), Expect("", **same)),
        "seed-utf16le-nobom.txt": (text.encode("utf-16-le"), Expect("", **same)),
        "seed-utf16be-nobom.txt": (text.encode("utf-16-be"), Expect("", **same)),
        "seed-crlf.txt": (text.replace("\n", "\r\n").encode(), Expect("", **same)),
        "seed-cr-only.txt": (text.replace("\n", "\r").encode(), Expect("", **same)),
        "seed-nfd.txt": (unicodedata.normalize("NFD", text).encode(), Expect("", **same)),
        "seed-cp1258.txt": (to_cp1258(text), Expect("", **same)),
        "seed-vni.txt": (to_vni(text), Expect("", **same)),
        "seed-mojibake.txt": (to_mojibake(text), Expect("", **same)),
        "seed-tcvn3-ref.txt": (lowered.encode(), Expect("", directives=(SEED_DIRECTIVE,),
                                                        why="TCVN3 has no capitals with tone marks")),
        "seed-tcvn3.txt": (to_tcvn3(lowered), Expect("", reference="seed-tcvn3-ref.txt",
                                                     directives=(SEED_DIRECTIVE,))),
        "seed.txt.gz": (compressed, Expect("", **same)),
        "seed-truncated.txt.gz": (compressed[: len(compressed) // 2],
                                  Expect("", "error", ("bad_gzip",), why="gzip cut in half")),
        "seed.html": (html.encode(), Expect("", directives=(SEED_DIRECTIVE,))),
        "seed-utf16le-bom.html": (b"\xff\xfe" + html.encode("utf-16-le"),
                                  Expect("", reference="seed.html", directives=(SEED_DIRECTIVE,))),
        "seed-cp1258.html": (to_cp1258(html.replace('charset="utf-8"', 'charset="windows-1258"')),
                             Expect("", reference="seed.html", directives=(SEED_DIRECTIVE,))),
    }


def binary_cases() -> Cases:
    """Empty, whitespace and binary files, whatever their name says."""
    noise = random.Random(6).randbytes(20_000)
    empty = ("empty",)
    unreadable = ("binary", "undecodable", "bad_json", "no_content", "empty")
    return {
        "empty.txt": (b"", Expect("", "error", empty)),
        "empty.html": (b"", Expect("", "error", empty)),
        "empty.jsonl": (b"", Expect("", "error", empty)),
        "whitespace.txt": (b"  \n\t\r\n   \n\n", Expect("", "error", empty)),
        "whitespace-utf16.txt": (b"\xff\xfe" + " \n\t \n".encode("utf-16-le"), Expect("", "error", empty)),
        "nbsp-only.html": ("<html><body><p>\xa0</p><p> </p></body></html>".encode(),
                           Expect("", "error", ("no_content", "empty", "no_body"))),
        "noise.html": (noise, Expect("", "error", unreadable)),
        "noise.txt": (noise, Expect("", "error", unreadable)),
        "noise.jsonl": (noise, Expect("", "error", unreadable)),
        "image.html": (b"\x89PNG\r\n\x1a\n" + noise[:4000], Expect("", "error", ("binary",))),
        "nuls.txt": (b"Tin t\xe1\xbb\xa9c\x00" * 500, Expect("", "error", ("binary",))),
        "controls.txt": (bytes(range(1, 32)) * 200, Expect("", "error", unreadable)),
        "no-extension": (b"\x7fELF" + noise[:2000], Expect("", "error", ("binary",))),
        "zeros.jsonl.gz": (gzip.compress(b"\x00\x01\x02" * 4000, mtime=0),
                           Expect("", "error", (*unreadable, "bad_gzip"))),
    }


def html_cases(text: str) -> Cases:
    """Malformed and very deeply nested HTML: each must finish as a record or an error."""
    title, _, body = text.partition("\n")
    paragraphs = [line for line in body.split("\n") if line.strip()]
    malformed = (
        f"<html><head><title>{title}</title><body><div><p>{paragraphs[0]}<p><b><i>{paragraphs[1]}</b></i>"
        f"<table><tr><td>{paragraphs[2]}<div></span></td></p></font><<<>>><!-- unclosed comment"
        f"<script>var x = '</div>';<p>{paragraphs[3]}"
    )
    depth = 100_000
    nested = f"<html><body>{'<div>' * depth}<p>{paragraphs[0]}</p>{'</div>' * depth}</body></html>"
    unclosed = "<html><body>" + "<div><span><b>" * 10_000 + f"<p>{paragraphs[0]}"
    attributes = "<html><body><p " + 'a="x" ' * 50_000 + f">{paragraphs[0]}</p></body></html>"
    script = b"<html><head><script>" + b"var a=1;" * 2000 + b"</script></head></html>"
    return {
        "malformed.html": (malformed.encode(), Expect("", "any")),
        "nested-100k-div.html": (nested.encode(), Expect("", "any")),
        "unclosed-30k-tags.html": (unclosed.encode(), Expect("", "any")),
        "many-attributes.html": (attributes.encode(), Expect("", "any")),
        "only-script.html": (script, Expect("", "error")),
    }


def backtracking_cases(text: str) -> Cases:
    """Pages built to make regular expressions backtrack: each must end quickly as a record.

    The paragraph goes after the seed's first paragraph (before its "Các tin khác" tail, where it
    would be boilerplate), so that the page reads as Vietnamese and every extractor runs on it.
    """
    title, first, rest = text.split("\n\n", 2)
    names = ["Nguyễn", "Văn", "An", "Bình", "Cường", "Đảng", "Bộ", "Khối", "Ủy", "Ban", "Thường", "Vụ"]
    pages = {
        # underthesea's tokenizer is quadratic on these two (tests/test_hostile.py): kept small here
        "dots-digits.txt": "1.1." * 1_500 + "1",
        "percent-ranges.txt": "40-50-" * 1_000 + "%",
        "digit-run.txt": "1234567890" * 1_000,
        "digit-spaces.txt": "1 " * 3_000 + "đảng viên",
        "capitalised-words.txt": " ".join(names[i % len(names)] for i in range(1_000)),
        "chi-thi-repeated.txt": "Chỉ thị " * 1_000 + "05-CT/TW",
        "nghi-quyet-repeated.txt": "Nghị quyết Trung ương 4 (khóa " * 250 + "XII)",
        "symbols-repeated.txt": "05-CT/TW/" * 600 + " 1234/QĐ-UBND-" * 300,
        "open-parens.txt": "(" * 50_000 + " Đảng bộ Khối",
        "close-parens.txt": "Đảng bộ Khối (TCCSĐ" + ")" * 5_000,
        "dates-repeated.txt": "ngày 1-1-" * 1_000 + "2020",
        "commas-numbers.txt": "1,5 " * 2_000 + "tỷ đồng",
        "titles-roles.txt": "ông Bí thư Phó Chủ tịch UBND tỉnh " * 250,
        "quotes-unbalanced.txt": "“Nghị quyết " * 1_000,
    }
    return {
        name: ("\n\n".join([title, first, body, rest]).encode(), Expect("", why="regex backtracking"))
        for name, body in pages.items()
    }


def huge_cases(text: str) -> Cases:
    """A single 3 MB line with no newline (Vietnamese as a page, English as a JSON Lines record)."""
    body = " ".join(text.split("\n"))
    line = ((body + " ") * (HUGE_LINE_BYTES // len(body.encode()) + 1)).encode()[:HUGE_LINE_BYTES]
    english = json.loads(FOREIGN.read_text(encoding="utf-8"))[0]
    paragraph = english["body"].replace("\n\n", " ") + " "
    record = {"url": "https://example.com/huge.html", "title": english["title"],
              "content": paragraph * (HUGE_LINE_BYTES // len(paragraph))}
    # bounded: stopped by the time limit, the size limit, or the worker's memory cap (a native
    # library that aborts at the cap kills its worker: the article is a worker_died error, the run goes on)
    bounded = ("timeout", "too_large", "no_body", "out_of_memory", "worker_died")
    return {
        "huge-line.txt": (line.decode("utf-8", errors="ignore").encode(), Expect("", "any", bounded)),
        "huge-line.jsonl": (json.dumps(record).encode(), Expect("#1", lang="en")),
        "huge-word.txt": (b"x" * HUGE_LINE_BYTES, Expect("", "any", bounded, lang="zxx")),
        "many-tiny-lines.txt": ("\n".join(["a"] * 20_000).encode(), Expect("", "any", lang="zxx")),
    }


def jsonl_case(text: str) -> tuple[bytes, list[Expect]]:
    """JSON Lines with broken, non-object and content-less lines between good ones."""
    title, _, body = text.partition("\n")
    second_title, _, second_body = SEED_2.read_text(encoding="utf-8").partition("\n")
    good = {"url": "https://baoninhthuan.com.vn/tin/1.html", "title": title, "content": body}
    legacy = json.dumps({**good, "url": "https://baoninhthuan.com.vn/tin/3.html"}, ensure_ascii=False)
    first = "crawl-mixed.jsonl#1"
    seed_like = {"directives": (SEED_DIRECTIVE,)}
    bad_bytes = b'{"content": "ok \xff\xfe bad bytes in a line, ' + "tin tức Việt Nam ".encode() * 20 + b'"}'
    lines: list[tuple[bytes, Expect]] = [
        (json.dumps(good, ensure_ascii=False).encode(), Expect("", **seed_like)),
        (b'{"url": "https://x.vn/a", "content": "Tin', Expect("", "error", ("bad_json",))),
        (b"[1, 2, 3]", Expect("", "error", ("not_an_object",))),
        (b'"just a string"', Expect("", "error", ("not_an_object",))),
        (b"null", Expect("", "error", ("not_an_object",))),
        (b"42", Expect("", "error", ("not_an_object",))),
        (b'{"url": "https://x.vn/b", "title": "Only a title"}', Expect("", "error", ("no_content",))),
        (b'{"url": "https://x.vn/c", "content": "   \\t  "}', Expect("", "error", ("no_content",))),
        (b'{"content": {"nested": true}}', Expect("", "error", ("no_content",))),
        (b'{"content": "\\u0000\\u0001\\u0002"}', Expect("", "error", ("no_content",))),
        (b"[" * 100_000 + b"]" * 100_000, Expect("", "error", ("bad_json",), why="nested too deep")),
        (b"{}", Expect("", "error", ("no_content",))),
        (json.dumps({"title": second_title, "body": second_body}, ensure_ascii=False).encode(), Expect("")),
        (to_cp1258(legacy), Expect("", reference=first, why="one line saved as Windows-1258", **seed_like)),
        (bad_bytes, Expect("", "any")),
        (b"\x00\x01\x02\x03 binary line", Expect("", "error")),
    ]
    data = b""
    expects: list[Expect] = []
    for number, (line, expect) in enumerate(lines, 1):
        data += line + b"\n"
        expect.path = f"#{number}"
        expects.append(expect)
    # blank and whitespace-only lines are not records and not counted; the last line has no newline
    data += b"\n   \r\n" + json.dumps(good, ensure_ascii=False).encode()
    expects.append(Expect(f"#{len(lines) + 3}", reference=first, **seed_like))
    return data, expects


def foreign_cases() -> Cases:
    """Non-Vietnamese pages: recorded with their language, not an error."""
    pages = json.loads(FOREIGN.read_text(encoding="utf-8"))
    return {
        f"foreign-{page['lang']}.txt": (_titled(page["title"], page["body"]),
                                        Expect("", lang=page["lang"]))
        for page in pages
    }


def _nested_folders(inputs: Path, text: str) -> list[Expect]:
    """Nested folders with symlink loops and a dangling link: each real file read once."""
    deep = inputs / "zz-nested" / "a" / "b" / "c"
    deep.mkdir(parents=True, exist_ok=True)
    (deep / "deep.txt").write_bytes(text.encode())
    (inputs / "zz-nested" / "a" / "side.txt").write_bytes(_titled("Tin ngắn", "Có 3 người bị thương."))
    links = {
        deep / "loop-to-top": "../../..",  # zz-nested/a/b/c -> zz-nested: a cycle
        deep / "loop-to-self": ".",
        inputs / "zz-nested" / "a" / "b" / "loop-to-inputs": "../../..",
        inputs / "zz-nested" / "dangling.txt": "missing-target.txt",
    }
    for link, target in links.items():
        if link.is_symlink():
            link.unlink()
        os.symlink(target, link)
    return [
        Expect("zz-nested/a/b/c/deep.txt", reference="seed.txt", directives=(SEED_DIRECTIVE,)),
        Expect("zz-nested/a/side.txt"),
        Expect("zz-nested/dangling.txt", "error", ("not_found",), why="a symlink to nothing"),
    ]


def _at(name: str, expect: Expect) -> Expect:
    """The expectation with its path filled in (a bare "#N" is a line of `name`)."""
    expect.path = name + expect.path if expect.path.startswith("#") else (expect.path or name)
    return expect


def build(out: Path) -> list[Expect]:
    """Write the hostile inputs under out/inputs and return what each must become."""
    inputs = out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    text = seed_text()
    singles: Cases = {}
    for group in (encoding_cases(text), binary_cases(), html_cases(text), backtracking_cases(text),
                  huge_cases(text), foreign_cases()):
        singles.update(group)
    expects = []
    for name, (data, expect) in singles.items():
        (inputs / name).write_bytes(data)
        expects.append(_at(name, expect))
    data, line_expects = jsonl_case(text)
    (inputs / "crawl-mixed.jsonl").write_bytes(data)
    expects += [_at("crawl-mixed.jsonl", expect) for expect in line_expects]
    expects += _nested_folders(inputs, text)
    manifest = json.dumps([asdict(expect) for expect in expects], ensure_ascii=False, indent=1)
    (out / "manifest.json").write_text(manifest, encoding="utf-8")
    return expects


def main(argv: list[str]) -> int:
    """Command line: make_corpus.py OUT_DIR."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    expects = build(Path(argv[0]))
    print(f"{len(expects)} hostile inputs in {argv[0]}/inputs (manifest.json beside it)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))  # run as a script: import the pipeline from this checkout
    sys.exit(main(sys.argv[1:]))
