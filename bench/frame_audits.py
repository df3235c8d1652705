"""What the re-frame audits share: their command line and their per-frame table."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from bench.halves import add_test_half, audit_paths

KINDS = ("kept", "changed", "null", "lost")


def frame_audit_args(doc: str, frames: Iterable[str], moves: str) -> tuple[argparse.Namespace, list[str]]:
    """The audit's options (dev files, `--frame`, `--details`, `--test-half`) and the files to read."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--frame", action="append", choices=list(frames))
    parser.add_argument("--details", action="store_true", help=f"print every {moves} a frame moves")
    add_test_half(parser)
    args = parser.parse_args()
    return args, [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]


def print_frame_table(frames: list[str], table: dict[str, Counter[str]], files: dict[str, set[str]]) -> None:
    """One row per frame: how many cases it kept, changed, nulled or lost, and in how many files."""
    print(f"{'frame':15}" + "".join(f"{k:>9}" for k in KINDS) + "  files")
    for frame in frames:
        print(f"{frame:15}" + "".join(f"{table[frame][k]:9d}" for k in KINDS) + f"  {len(files[frame])}")


class FrameTally:
    """The verdicts of an audit's frames: counts per frame, the files each moved, the cases moved."""

    def __init__(self, frames: list[str]) -> None:
        self.frames = frames
        self.table: dict[str, Counter[str]] = {f: Counter() for f in frames}
        self.files: dict[str, set[str]] = {f: set() for f in frames}
        self.wrong: list[str] = []

    def add(self, frame: str, kind: str, stem: str, case: str, framed: str, listed: bool = True) -> None:
        """Count one verdict; a case not kept is listed with its framed text (`listed`: and its file)."""
        self.table[frame][kind] += 1
        if kind != "kept" and listed:
            self.files[frame].add(stem)
            self.wrong.append(f"  {frame:14} {kind:7} {stem:22} {case}\n      {framed}")

    def print(self, details: bool) -> None:
        """The table, then (`details`) every case a frame moved."""
        print_frame_table(self.frames, self.table, self.files)
        if details:
            print("\n".join(self.wrong))


def print_form_rows(results: Counter[tuple[str, str]], width: int) -> None:
    """One row per form of (form, verdict) counts: right of all, its share, the other verdicts."""
    for form in sorted({form for form, _ in results}):
        total = sum(n for (f, _v), n in results.items() if f == form)
        ok = results[(form, "ok")]
        bad = ", ".join(f"{v} {n}" for (f, v), n in sorted(results.items()) if f == form and v != "ok")
        print(f"{form:{width}} {ok:4}/{total:<5} {ok / max(1, total):6.1%}   {bad}")


def verdict(
    figure: dict[str, Any] | None, field: str, holds: Callable[[str], bool]
) -> tuple[str, str | None]:
    """What a framed figure did with the attribute `field`: (lost | null | kept | changed, what it took);
    `holds` says whether what it took is the expected one."""
    if figure is None:
        return "lost", None
    got = figure.get(field)
    if got is None:
        return "null", None
    return ("kept" if holds(got) else "changed"), got
