"""bench/heldout_hosts.py: hosts, registered domains and URLs of held-out files, on made-up files."""

import json
from pathlib import Path

import pytest

from tests.bench_scripts import load_bench_script

hosts = load_bench_script("heldout_hosts")


@pytest.mark.parametrize(
    "host, domain",
    [
        ("sotc.hanoi.gov.vn", "hanoi.gov.vn"),
        ("hanoi.gov.vn", "hanoi.gov.vn"),
        ("www.baoninhthuan.com.vn", "baoninhthuan.com.vn"),
        ("thpt-a.edu.vn", "thpt-a.edu.vn"),
        ("tuyenquang.dcs.vn", "dcs.vn"),
        ("baomoi.com", "baomoi.com"),
        ("m.baothanhhoa.vn", "baothanhhoa.vn"),
        ("113.161.212.101:81", "113.161.212.101"),
    ],
)
def test_registered_domain(host, domain):
    assert hosts.registered_domain(host) == domain


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://WWW.Bao.vn/a.htm", "www.bao.vn"),
        ("https://yenbai.gov.vn:443/a", "yenbai.gov.vn"),
        ("http://113.161.212.101:81/a", "113.161.212.101:81"),
        ("http://bao.vn:443/a", "bao.vn:443"),
    ],
)
def test_host_of_drops_only_the_schemes_own_port(url, host):
    assert hosts.host_of(url) == host


def _write(folder: Path, name: str, *records: dict) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def heldout(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        "extraction-dev.jsonl",
        {"key": {"url": "https://a.hanoi.gov.vn/1"}, "lines": []},
        {"url": "https://baoa.vn/2"},
    )
    _write(
        tmp_path,
        "cleaning-test.jsonl",
        {"key": {"url": "https://b.hanoi.gov.vn/3"}},
        {"key": {"url": "https://www.baob.com.vn/4"}},
    )
    _write(tmp_path, "notes.jsonl", {"url": "https://elsewhere.vn/5"})  # no half in its name: not held out
    return tmp_path


def _run(capsys, *argv: str) -> list[str]:
    assert hosts.main([*argv]) == 0
    return capsys.readouterr().out.split()


def test_hosts_domains_and_urls_per_half(heldout, capsys):
    folder = ["--heldout", str(heldout)]
    assert _run(capsys, *folder) == ["a.hanoi.gov.vn", "b.hanoi.gov.vn", "baoa.vn", "www.baob.com.vn"]
    assert _run(capsys, *folder, "--domains") == ["baoa.vn", "baob.com.vn", "hanoi.gov.vn"]
    assert _run(capsys, *folder, "--half", "test", "--domains") == ["baob.com.vn", "hanoi.gov.vn"]
    assert _run(capsys, *folder, "--half", "dev", "--urls") == [
        "https://a.hanoi.gov.vn/1",
        "https://baoa.vn/2",
    ]


def test_only_a_half_leaves_out_the_domains_both_share(heldout, tmp_path, capsys):
    nobody_read = ["--tuning-read", str(tmp_path / "absent.txt")]
    assert _run(capsys, "--heldout", str(heldout), *nobody_read, "--only", "dev") == ["baoa.vn"]
    assert _run(capsys, "--heldout", str(heldout), *nobody_read, "--only", "test") == ["baob.com.vn"]


def test_only_a_half_leaves_out_the_domains_a_tuning_session_read(heldout, tmp_path, capsys):
    read = tmp_path / "read.txt"
    read.write_text("# a tuning session\nwww.baob.com.vn  # its pages were read\n", encoding="utf-8")
    assert _run(capsys, "--heldout", str(heldout), "--tuning-read", str(read), "--only", "test") == []
    assert _run(capsys, "--heldout", str(heldout), "--tuning-read", str(read), "--only", "dev") == ["baoa.vn"]


def test_url_key_ignores_scheme_www_and_closing_slash():
    assert hosts.url_key("http://www.Bao.vn/a/") == hosts.url_key("https://bao.vn/a")
    assert hosts.url_key("https://bao.vn/a?id=1") != hosts.url_key("https://bao.vn/a?id=2")
