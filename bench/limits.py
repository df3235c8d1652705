"""Does one pathological input stay within `vnie run`'s limits? Wall time and peak memory per input.

Each input is made here (nothing is downloaded), run alone through the installed `vnie run` with
`--timeout` (default 5 s) in a fresh process, and measured from outside: wall time (and the run's own time,
which leaves out Python's start-up; subtract the normal page's to see one input's cost), and the peak
memory of the whole process tree (parent and workers) sampled every 50 ms, as the sum of resident
sizes (RSS, counts pages forked workers share once per process) and of proportional sizes (PSS,
counts them once). Issue 15's target: no input exceeds --timeout by more than 2 s or 2 GB.

    python bench/limits.py                      # every input, --timeout 5, -w 2
    python bench/limits.py --only links-45mb --timeout 5 --workers 1
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

PARAGRAPH = ("Năm 2020, Đảng bộ huyện có 98,5% chi bộ tổ chức sinh hoạt định kỳ theo Chỉ thị 05-CT/TW "
             "của Bộ Chính trị; kết nạp 245 đảng viên mới, đạt 102% chỉ tiêu.")


def links_page(size: int) -> bytes:
    """A page that is almost all links (a site map, a tag cloud): issue 15's 45 MB page."""
    head = f"<!DOCTYPE html><html><head><title>Tin</title></head><body><article><p>{PARAGRAPH}</p>"
    link = '<a href="https://baotinh.vn/tin-tuc/{0}.html" class="link">Tin số {0} của huyện</a> '
    parts, total, number = [head], len(head), 0
    while total < size:
        piece = link.format(number)
        parts.append(piece)
        total += len(piece.encode())
        number += 1
    parts.append("</article></body></html>")
    return "".join(parts).encode()


def nested_divs(depth: int) -> bytes:
    """A million nested <div>: a tree deeper than any parser expects."""
    return (f"<html><body><p>{PARAGRAPH}</p>" + "<div>" * depth + "x" + "</div>" * depth
            + "</body></html>").encode()


def undecodable_text(size: int) -> bytes:
    """Bytes that are no UTF-8 and no Vietnamese encoding: every decoder is tried on all of them."""
    return bytes(range(0x80, 0x100)) * (size // 128)


def long_jsonl_line(size: int) -> bytes:
    """One crawler record whose HTML field is a huge link-heavy page."""
    return json.dumps({"url": "https://baotinh.vn/a", "html": links_page(size).decode()}).encode() + b"\n"


INPUTS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "normal-page": ("page.html", lambda: links_page(20_000)),  # the baseline: start-up and one page
    "links-45mb": ("links.html", lambda: links_page(45_000_000)),
    "nested-1m-div": ("nested.html", lambda: nested_divs(1_000_000)),
    "undecodable-19mb": ("noise.txt", lambda: undecodable_text(19_000_000)),
    "jsonl-line-40mb": ("crawl.jsonl", lambda: long_jsonl_line(40_000_000)),
}


def _sample(root: psutil.Process, peaks: dict[str, float], stop: threading.Event) -> None:
    """Peak summed RSS and PSS of a process and its children, until stopped."""
    while not stop.is_set():
        try:
            processes = [root, *root.children(recursive=True)]
            rss = pss = 0
            for process in processes:
                try:
                    info = process.memory_full_info()
                    rss, pss = rss + info.rss, pss + info.pss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
            peaks["rss"] = max(peaks["rss"], rss)
            peaks["pss"] = max(peaks["pss"], pss)
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)


def measure(path: Path, out: Path, timeout: float, workers: int, limit: float) -> dict[str, object]:
    """Run vnie on one input; wall time, peak memory and what the input became."""
    command = [sys.executable, "-m", "pipeline", "run", str(path), "-o", str(out), "-q", "-w", str(workers),
               "--timeout", str(timeout)]
    peaks = {"rss": 0.0, "pss": 0.0}
    stop = threading.Event()
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=_sample, args=(psutil.Process(child.pid), peaks, stop), daemon=True)
    sampler.start()
    try:
        _out, err = child.communicate(timeout=limit)
        finished = True
    except subprocess.TimeoutExpired:
        child.kill()
        _out, err = child.communicate()
        finished = False
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    outcome = "killed (over the bench limit)"
    if finished:
        lines = (out / "errors.jsonl").read_text().splitlines()
        errors = [json.loads(line) for line in lines if line.strip()]
        outcome = ", ".join(e["error"]["type"] for e in errors) or "record"
    summary = next((line for line in err.splitlines() if line.startswith("vnie: ")), "")
    reported = summary.split(" in ")[-1].split(" s")[0] if summary else ""
    return {"wall_s": round(wall, 1), "summary_s": reported, "peak_rss_mb": round(peaks["rss"] / 1e6),
            "peak_pss_mb": round(peaks["pss"] / 1e6), "outcome": outcome}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=sorted(INPUTS), action="append")
    parser.add_argument("--limit", type=float, default=600, help="seconds before the bench kills a run")
    args = parser.parse_args()
    print(f"vnie run --timeout {args.timeout:g} -w {args.workers}; one input per run")
    print(f"{'input':<18} {'size':>8} {'wall s':>7} {'run s':>6} {'peak RSS':>9} {'peak PSS':>9}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or INPUTS:
            file_name, make = INPUTS[name]
            path = Path(folder) / name / file_name
            path.parent.mkdir()
            path.write_bytes(make())
            size = path.stat().st_size
            result = measure(path, Path(folder) / name / "out", args.timeout, args.workers, args.limit)
            print(f"{name:<18} {size / 1e6:>6.1f}MB {result['wall_s']:>7} {result['summary_s']:>6} "
                  f"{result['peak_rss_mb']:>6} MB {result['peak_pss_mb']:>6} MB  {result['outcome']}")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
