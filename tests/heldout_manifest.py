"""The held-out files' manifest: what each file is, which half, and the floors CI holds a test file to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

HELDOUT = Path(__file__).resolve().parent / "heldout"
MANIFEST = HELDOUT / "manifest.yml"
README = HELDOUT / "README.md"
# The extraction floors: F1 per field, then the share of matched figures whose attribution agrees (spec §7).
F1_FIELDS = (
    "directives", "figures", "dates", "organizations", "organizations_contain", "people", "locations",
)  # fmt: skip
ATTRIBUTION_FIELDS = ("measure", "subject", "time", "source")
# The cleaning floors, per input form: shares that must stay at or above, and boilerplate left at most.
CLEANING_FORMS = ("txt", "html", "jsonl")
CLEANING_AT_LEAST = ("body_kept", "title_right", "published_right", "authors_f1")
CLEANING_AT_MOST = "boilerplate_left"
# a score computed in floating point may sit a hair off the two-decimal floor it earned (0.8799999… for
# 0.88): within this, it meets the floor
FLOAT_NOISE = 1e-9
TABLE_START = "<!-- table generated from manifest.yml by `python bench/heldout_floors.py --readme` -->"
TABLE_END = "<!-- end of the generated table -->"
HEADER = """\
# What each held-out file is, which half it belongs to, and (score-only files) the floors CI holds it to.
# `half: test` files are scored, never read; floors only go up (`python bench/heldout_floors.py --raise`).
# `tuned_since`: the session that first tuned on a dev file (absent: tuned on since it arrived).
"""


def load() -> dict[str, dict[str, Any]]:
    """Every held-out file's entry, in the order the files arrived."""
    with open(MANIFEST, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["files"]


def dump(files: dict[str, dict[str, Any]]) -> None:
    """Write the manifest back, entries in their order."""
    text = yaml.safe_dump({"files": files}, allow_unicode=True, sort_keys=False, width=110)
    MANIFEST.write_text(HEADER + text, encoding="utf-8")


def score_only(kind: str) -> dict[str, dict[str, Any]]:
    """The score-only files of one kind ("extraction" or "cleaning") and their entries."""
    files = load()
    return {name: entry for name, entry in files.items() if entry["half"] == "test" and name.startswith(kind)}


def use_label(entry: dict[str, Any]) -> str:
    """How a file may be used, as the quality tables print it."""
    if entry["half"] == "test":
        return "**score only**"
    since = entry.get("tuned_since")
    return f"tuned on (since session {since})" if since else "tuned on"


def readme_table(files: dict[str, dict[str, Any]]) -> str:
    """The held-out README's table of files, rendered from the manifest."""
    rows = ["| file | what | articles | hosts | use |", "|---|---|---|---|---|"]
    for name, entry in files.items():
        rows.append(f"| `{name}` | {entry['what']} | {entry['items']} | {entry['hosts']} | {entry['use']} |")
    return "\n".join([TABLE_START, *rows, TABLE_END])


def readme_with_table(readme: str, files: dict[str, dict[str, Any]]) -> str:
    """The held-out README with its generated table replaced by the manifest's."""
    start, end = readme.index(TABLE_START), readme.index(TABLE_END) + len(TABLE_END)
    return readme[:start] + readme_table(files) + readme[end:]
