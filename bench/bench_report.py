"""The reporting half of `run_bench.py`: one run's table, ratios and verdicts, medians, the profile."""

from __future__ import annotations

import statistics
from typing import Any

TARGETS = {"floor_ratio_max": 1.5, "peer_speedup_min": 5.0, "peak_mb_max": 800.0,
           "two_worker_speedup_min": 1.7, "one_page_wall_max_s": 2.5}


def report(run: dict[str, Any], n: int) -> None:
    """Print one run as a table, its ratios, the target verdicts and the equality check."""
    print(f"\nrun {n}")
    print(f"{'config':<10}{'arts':>5}{'warm s':>8}{'time s':>8}{'cpu s':>8}{'ms/art':>8}{'art/s':>7}"
          f"{'chars/s':>9}{'peak MB':>9}{'cores':>6}{'load':>6}")
    for c in run["configs"].values():
        print(f"{c['name']:<10}{c['articles']:>5}{c['warmup_s']:>8.2f}{c['seconds']:>8.2f}"
              f"{c['cpu_seconds']:>8.2f}{c['ms_per_article']:>8.1f}{c['articles_per_s']:>7.2f}"
              f"{c['chars_per_s']:>9}{c['peak_mb']:>9.1f}{c['cores_used']:>6.2f}{c['load_before']:>6.2f}")
    r, t = run["ratios"], run["targets_met"]

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("met" if ok else "MISSED")

    print(f"vnie-1 / floor time     {r['floor_ratio']:>6.2f}x article by article in one process (target <= "
          f"{TARGETS['floor_ratio_max']}) {verdict(t['floor_ratio'])}; separate processes "
          f"{r['floor_ratio_separate']:.2f}x (CPU {r['floor_ratio_cpu']:.2f}x)")
    print(f"segmentation            vnie's path (pipeline/extract/segmenter.py, the same words) "
          f"{r['segmenter_speedup']:.2f}x faster than word_tokenize on the same fields; vnie-1 / its own "
          f"segmentation {r['own_segmenter_ratio']:.2f}x")
    print(f"peer / vnie-1 speed-up  {r['peer_speedup']:>6.2f}x on the same {run['peer_subset']} articles "
          f"(target >= {TARGETS['peer_speedup_min']}) {verdict(t['peer_speedup'])}; "
          f"CPU per article {r['peer_speedup_cpu']:.2f}x")
    print(f"N-worker speed-up       {r['worker_speedup']:>6.2f}x (2 workers: target >= "
          f"{TARGETS['two_worker_speedup_min']}) {verdict(t['worker_speedup'])}; "
          f"pool CPU overhead {r['pool_cpu_overhead']:+.0%}")
    print(f"peak memory             {run['peak_mb']:>6.1f} MB (target < {TARGETS['peak_mb_max']:g}) "
          f"{verdict(t['peak_memory'])}")
    s = run["same_output"]
    same = "identical" if s["records_equal"] else f"DIFFERENT (first at line {s['first_mismatch']})"
    print(f"N-worker output vs 1    {same}: {s['count']} lines ({s['errors']} error records), "
          f"ids equal: {s['ids_equal']}")


def median_ratios(runs: list[dict[str, Any]]) -> dict[str, float]:
    """Each ratio's median over the runs, printed: one run's configurations can each hit a noisy minute."""
    medians = {key: round(statistics.median(run["ratios"][key] for run in runs), 2)
               for key in runs[0]["ratios"]}
    print(f"\nmedian over {len(runs)} runs: vnie-1/floor {medians['floor_ratio']:.2f}x "
          f"(separate processes {medians['floor_ratio_separate']:.2f}x), peer speed-up "
          f"{medians['peer_speedup']:.2f}x, N-worker speed-up {medians['worker_speedup']:.2f}x")
    return medians


def print_profile(profile: dict[str, Any]) -> None:
    """The profile's top functions by cumulative time, then by own time."""
    for key, label in (("top", "cumulative"), ("top_own", "own")):
        print(f"\ncProfile of the 1-worker run ({profile['total_s']:.1f} s under the profiler), "
              f"top {len(profile[key])} by {label} time (share of the run):")
        print(f"{'cum s':>8}{'own s':>8}{'share':>7}{'calls':>9}  function")
        for row in profile[key]:
            print(f"{row['cumtime_s']:>8.2f}{row['tottime_s']:>8.2f}{row['share']:>7.1%}{row['calls']:>9}  "
                  f"{row['function']}")
