"""Throughput benchmark: vnie on 1 and N workers against word segmentation alone and the naive NER peer.

It first times what a user waits for one small page: a fresh `vnie run` process on one seed page, start
to exit, as the shell sees it (issue 9's target), beside the time vnie reports and `vnie --help`'s.

The articles are read once, into memory, by this process and handed to every configuration as a
pickle, so reading is never timed. Each configuration runs in a fresh subprocess, so model loading
(the warm-up: the first article, reported apart) and peak memory are its own. The floor ratio is
also timed article by article in one process, which the machine's drift cannot skew. Usage:

    python bench/run_bench.py [--input PATH] [--articles N] [--workers N] [--peer-articles N]
                              [--repeats N] [--profile auto|always|never] [--out bench/results/latest.json]
                              [--one-page-runs N] [--one-page-only]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, against this checkout

from bench_measure import _cpu_seconds, _fields, child_main  # noqa: E402 (beside this script)
from bench_report import TARGETS, median_ratios, print_profile, report  # noqa: E402

DEFAULT_INPUT = REPO.parent / "shared" / "corpus" / "dantri-2020.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "latest.json"
ONE_PAGE = REPO / "corpus" / "000_97edc108545c4d6d.txt"  # a seed page: 6 KB, 16 figures, 4 directives
CHILDREN = ("vnie", "floor", "peer", "paired", "profile")  # what a fresh subprocess can measure


def machine() -> dict[str, Any]:
    """Cores, RAM, CPU model and Python of this machine."""
    info: dict[str, Any] = {"cores": os.cpu_count(), "python": platform.python_version(),
                            "platform": platform.platform(), "cpu_model": platform.processor() or None}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:  # not Linux: keep what platform told us
        pass
    return info


def prepare(path: Path, articles: int, workdir: Path) -> tuple[Path, dict[str, Any]]:
    """Read the articles once, find the fields vnie segments, and pickle both for the children."""
    from pipeline.engine.stages import PLAIN_RUN, clean_stage, language_stage
    from pipeline.ingest.inputs import read_inputs
    from pipeline.model import RawArticle, VnieError, empty_record

    items = list(islice(read_inputs([str(path)]), articles))
    if not items:
        raise SystemExit(f"run_bench: no articles in {path}")
    fields: list[dict[str, Any] | None] = []
    for item in items:
        entry = None
        if isinstance(item, RawArticle):
            record = empty_record(item)
            try:
                clean_stage(item, record, PLAIN_RUN)
                language_stage(item, record, PLAIN_RUN)
                if record["lang"] == "vi":  # vnie segments Vietnamese pages only
                    entry = {k: record[k] for k in ("title", "text")}
            except VnieError:
                pass
        fields.append(entry)
    data_path = workdir / "articles.pickle"
    with open(data_path, "wb") as handle:
        pickle.dump({"items": items, "fields": fields}, handle)
    chars = [len("".join(_fields(e))) for e in fields]
    segmented = sum(e is not None for e in fields)
    return data_path, {"articles": len(items), "segmented": segmented, "chars": chars}


def spawn(kind: str, data: Path, result: Path, workers: int = 1, peer_articles: int = 0) -> dict[str, Any]:
    """Run one configuration in a fresh interpreter and read back its measurement."""
    load_before = os.getloadavg()[0]
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--data", str(data),
               "--result", str(result), "--workers", str(workers), "--peer-articles", str(peer_articles)]
    subprocess.run(command, check=True, cwd=REPO)
    measured = json.loads(result.read_text(encoding="utf-8"))
    measured["load_before"], measured["load_after"] = load_before, os.getloadavg()[0]
    return measured


def summarise(name: str, measured: dict[str, Any], chars: list[int], workers: int) -> dict[str, Any]:
    """Rates and the peak memory of one configuration."""
    count = len(measured["per_item_s"])
    seconds = measured["seconds"]
    # the pool's tree: the parent's high-water mark plus the largest worker's, once per worker; an upper
    # bound, as forked workers share the parent's loaded models (tree_pss_mb counts shared pages once)
    peak = measured["peak_rss_mb_self"] + workers * measured["peak_rss_mb_children"]
    return {
        "name": name, "articles": count, "chars": sum(chars[:count]),
        "warmup_s": round(measured["warmup_s"], 2),
        "seconds": round(seconds, 2), "cpu_seconds": round(measured["cpu_seconds"], 2),
        "ms_per_article": round(seconds / count * 1000, 1), "articles_per_s": round(count / seconds, 2),
        "chars_per_s": round(sum(chars[:count]) / seconds), "peak_mb": round(peak, 1),
        "cores_used": round(measured["cpu_seconds"] / seconds, 2),  # below 1 per worker: others had the CPU
        "peak_rss_mb_self": round(measured["peak_rss_mb_self"], 1),
        "peak_rss_mb_children": round(measured["peak_rss_mb_children"], 1),
        "tree_rss_mb": round(measured["tree_rss_mb"], 1), "tree_pss_mb": round(measured["tree_pss_mb"], 1),
        "load_before": round(measured["load_before"], 2), "load_after": round(measured["load_after"], 2),
    }


def compare_outputs(one: Path, many: Path) -> dict[str, Any]:
    """Whether the N-worker records equal the 1-worker records: ids, order and full JSON."""
    first = one.read_text(encoding="utf-8").splitlines()
    second = many.read_text(encoding="utf-8").splitlines()
    ids = [[json.loads(line)["record"]["id"] for line in lines] for lines in (first, second)]
    mismatch = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
    return {"ids_equal": ids[0] == ids[1], "records_equal": first == second, "count": len(first),
            "errors": sum('"kind":"error"' in line[:20] for line in first), "first_mismatch": mismatch}


def one_run(data: Path, workdir: Path, meta: dict[str, Any], args: argparse.Namespace,
            n: int) -> dict[str, Any]:
    """Every configuration once, then the ratios against the targets."""
    chars, tag = meta["chars"], f"run{n}"
    raw = {
        "vnie-1": spawn("vnie", data, workdir / f"{tag}-vnie1.json", workers=1),
        "vnie-N": spawn("vnie", data, workdir / f"{tag}-vnieN.json", workers=args.workers),
        "floor": spawn("floor", data, workdir / f"{tag}-floor.json"),
        "peer": spawn("peer", data, workdir / f"{tag}-peer.json", peer_articles=args.peer_articles),
    }
    paired = spawn("paired", data, workdir / f"{tag}-paired.json")
    configs = {name: summarise(name, m, chars, args.workers if name == "vnie-N" else 1)
               for name, m in raw.items()}
    configs["vnie-N"]["name"] = f"vnie-{args.workers}"
    same = compare_outputs(workdir / f"{tag}-vnie1.records.jsonl", workdir / f"{tag}-vnieN.records.jsonl")
    subset = len(raw["peer"]["per_item_s"])
    vnie_subset = sum(raw["vnie-1"]["per_item_s"][:subset])  # vnie-1 on exactly the peer's articles
    ratios = {
        "floor_ratio": paired["vnie_s"] / paired["floor_s"],  # the target's verdict: drift-free
        # vnie's segmentation path against stock word_tokenize on the same fields (same words): where the
        # gain of pipeline/extract/segmenter.py shows; and vnie against its own segmentation
        "segmenter_speedup": paired["floor_s"] / paired["segmenter_s"],
        "own_segmenter_ratio": paired["vnie_s"] / paired["segmenter_s"],
        "floor_ratio_separate": raw["vnie-1"]["seconds"] / raw["floor"]["seconds"],
        "floor_ratio_cpu": raw["vnie-1"]["cpu_seconds"] / raw["floor"]["cpu_seconds"],
        "peer_speedup": raw["peer"]["seconds"] / vnie_subset,
        "peer_speedup_cpu": raw["peer"]["cpu_seconds"] / subset
        / (raw["vnie-1"]["cpu_seconds"] / len(raw["vnie-1"]["per_item_s"])),
        "worker_speedup": raw["vnie-1"]["seconds"] / raw["vnie-N"]["seconds"],
        # CPU the pool spends beyond one worker's (pickling, forking): what caps the speed-up on idle cores
        "pool_cpu_overhead": raw["vnie-N"]["cpu_seconds"] / raw["vnie-1"]["cpu_seconds"] - 1,
    }
    peak = max(configs["vnie-1"]["peak_mb"], configs["vnie-N"]["peak_mb"])
    targets = {
        "floor_ratio": ratios["floor_ratio"] <= TARGETS["floor_ratio_max"],
        "peer_speedup": ratios["peer_speedup"] >= TARGETS["peer_speedup_min"],
        "peak_memory": peak < TARGETS["peak_mb_max"],
        "worker_speedup": (ratios["worker_speedup"] >= TARGETS["two_worker_speedup_min"]
                           if args.workers == 2 else None),  # the target is stated for 2 workers
    }
    return {"configs": configs, "ratios": {k: round(v, 2) for k, v in ratios.items()}, "peak_mb": peak,
            "targets_met": targets, "same_output": same, "peer_subset": subset,
            "paired": {k: round(v, 2) for k, v in paired.items()}}


def vnie_command() -> list[str]:
    """The installed console script beside this Python (what a user runs), else `python -m pipeline`."""
    script = shutil.which("vnie", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "pipeline"]


def _wall(command: list[str]) -> tuple[float, str, float]:
    """Seconds from starting a process to its exit, what it wrote to standard error, and the CPU seconds
    it and its children used (which a busy machine stretches less than the wall time)."""
    before = _cpu_seconds()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stderr, _cpu_seconds() - before


def one_page(runs: int, workdir: Path) -> dict[str, Any]:
    """Wall time of `vnie run PAGE -o DIR` in a fresh process on one seed page, `runs` times (after one
    untimed run that warms the file cache), beside the time vnie reports and that of `vnie --help`."""
    command = vnie_command()
    load_before = os.getloadavg()
    _wall([*command, "run", str(ONE_PAGE), "-o", str(workdir / "one-page-warm"), "-q"])
    walls, reported, cpus = [], [], []
    for n in range(runs):
        seconds, stderr, cpu = _wall([*command, "run", str(ONE_PAGE), "-o", str(workdir / f"one-page-{n}"),
                                      "-q"])
        walls.append(seconds)
        cpus.append(cpu)
        said = re.search(r" in ([\d.]+) s", stderr)
        reported.append(float(said.group(1)) if said else None)
    helps = [_wall([*command, "--help"])[0] for _ in range(3)]
    median = statistics.median(walls)
    result = {"command": [Path(command[0]).name, *command[1:], "run", ONE_PAGE.name, "-o", "DIR", "-q"],
              "runs": runs, "wall_s": [round(w, 2) for w in walls], "min_s": round(min(walls), 2),
              "median_s": round(median, 2), "max_s": round(max(walls), 2),
              "reported_s": reported, "cpu_s": [round(c, 2) for c in cpus],
              "cpu_median_s": round(statistics.median(cpus), 2),
              "help_median_s": round(statistics.median(helps), 3),
              "target_met": median <= TARGETS["one_page_wall_max_s"], "load_average_before": load_before,
              "load_average": os.getloadavg()}
    verdict = "met" if result["target_met"] else "MISSED"
    print(f"one page, fresh process: median {median:.2f} s wall (min {min(walls):.2f}, max {max(walls):.2f}; "
          f"{runs} runs; target <= {TARGETS['one_page_wall_max_s']} s) {verdict}; vnie reported "
          f"{', '.join(f'{r:.1f}' for r in reported if r is not None)} s; CPU median "
          f"{result['cpu_median_s']:.2f} s (user + system, its worker included); `vnie --help` "
          f"{result['help_median_s']:.2f} s; load average {load_before[0]:.2f} before, "
          f"{result['load_average'][0]:.2f} after")
    return result


def main(argv: list[str] | None = None) -> int:
    """Prepare the articles, run every configuration `--repeats` times, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="crawler JSON Lines (or any input)")
    parser.add_argument("--articles", type=int, default=200, help="articles to time (the first N)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers of vnie-N")
    parser.add_argument("--peer-articles", type=int, default=40, help="articles for the slow NER peer")
    parser.add_argument("--repeats", type=int, default=1, help="times to run every configuration")
    parser.add_argument("--profile", choices=("auto", "always", "never"), default="auto",
                        help="cProfile the 1-worker run: always, never, or when a speed target is missed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON result")
    parser.add_argument("--one-page-runs", type=int, default=5,
                        help="fresh `vnie run` processes on one seed page to time (0: skip)")
    parser.add_argument("--one-page-only", action="store_true",
                        help="time the one-page run alone, not the throughput configurations")
    parser.add_argument("--child", choices=CHILDREN, help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(args)
        return 0
    args.peer_articles = max(1, min(args.peer_articles, args.articles))
    info, load_start = machine(), os.getloadavg()
    print(f"machine: {info['cores']} cores, {info.get('ram_gb')} GB RAM, {info['cpu_model']}, "
          f"Python {info['python']}; load average {load_start}")
    with tempfile.TemporaryDirectory(prefix="vnie-bench-") as tmp:
        workdir = Path(tmp)
        page = one_page(args.one_page_runs, workdir) if args.one_page_runs > 0 else None
        if args.one_page_only:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps({"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                            "machine": info, "one_page": page}, indent=2), encoding="utf-8")
            print(f"written {args.out}")
            return 0
        data, meta = prepare(args.input, args.articles, workdir)
        print(f"input: {args.input} - first {meta['articles']} articles ({meta['segmented']} segmented, "
              f"{sum(meta['chars'])} characters of title + body), read once into memory; "
              f"peer on the first {args.peer_articles}")
        runs = []
        for n in range(1, args.repeats + 1):
            runs.append(one_run(data, workdir, meta, args, n))
            report(runs[-1], n)
        medians = median_ratios(runs) if len(runs) > 1 else None
        missed = any(run["targets_met"][k] is False for run in runs for k in ("floor_ratio", "peer_speedup"))
        profile = None
        if args.profile == "always" or (args.profile == "auto" and missed):
            measured = spawn("profile", data, workdir / "profile.json")
            profile = {k: measured[k] for k in ("total_s", "top", "top_own")}
            print_profile(profile)
    result = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
              "input": str(args.input), "articles": meta["articles"], "chars": sum(meta["chars"]),
              "workers": args.workers, "peer_articles": args.peer_articles, "targets": TARGETS,
              "command": [Path(sys.argv[0]).name, *sys.argv[1:]],
              "load_average_start": load_start, "load_average_end": os.getloadavg(),
              "one_page": page, "runs": runs, "median_ratios": medians, "profile": profile,
              "note": "articles read once into memory before timing; warm-up (first article, model "
                      "loading) excluded from rates; each configuration in a fresh subprocess"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwritten {args.out}; load average now {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
