"""One settings object for a run (trafilatura's `Extractor`, spaCy's `nlp.config`): nothing read at import.

The command line builds a `Settings` from its options and the environment, the engine hands it to
every worker, and each process activates it once (`activate`), which loads the rules it names. The
limits' defaults and bounds are here, and checked here: the command line's option types ask the
same checks, so an option and a `Settings` made in code are refused for the same reasons.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGED_RULES = Path(__file__).resolve().parent / "rules"  # links to the repository's rules/
RULES_ENVIRONMENT = "VNIE_RULES"  # a folder of rule files to use instead of the packaged ones


DEFAULT_TIMEOUT = 60.0  # seconds per article
MAX_TIMEOUT = 86_400.0  # a day per article: past it, a run is not what anyone wants
DEFAULT_MAX_BYTES = 5_000_000  # largest article text accepted, in UTF-8 bytes
MAX_BYTES_LIMIT = 100_000_000  # an article's text; the raw page may be ten times this, held in memory
# address space of a pool worker (about 350 MB are the models): with the parent and the other
# workers, one pathological page keeps the run under 2 GB
DEFAULT_MEMORY_LIMIT = 1_500_000_000
MEMORY_LIMIT_MB = (500, 1_000_000)  # the range a memory cap may take, in megabytes (0: no cap)


def timeout_problem(seconds: float) -> str | None:
    """What is wrong with a per-article time limit ("is not a time limit: ..."); None when nothing is.

    0, a negative number, nan or infinity would turn the limit off.
    """
    if math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT:
        return None
    return f"is not a time limit: give seconds above 0 and at most {MAX_TIMEOUT:g}, e.g. 60"


def count_problem(number: int, low: int, high: int, what: str) -> str | None:
    """What is wrong with a whole number of `what` that must lie in [low, high]; None when nothing is."""
    return None if low <= number <= high else f"{what} is out of range: give {low} to {high:,}"


@dataclass(frozen=True)
class Settings:
    """What a run is configured with; the same object reaches the engine and every worker."""

    rules_dir: Path = field(default=PACKAGED_RULES)  # rules/<kind>.yml and rules/examples/
    timeout: float = DEFAULT_TIMEOUT  # seconds per article before it becomes a `timeout` error record
    max_bytes: int = DEFAULT_MAX_BYTES  # largest article text accepted, in UTF-8 bytes
    memory_limit: int = DEFAULT_MEMORY_LIMIT  # bytes of address space of a pool worker (0: no cap)
    debug: bool = False  # tracebacks in internal-error records, third-party logs shown
    # a page that gives no publication date takes the day its URL's path states (rules/url_dates.yml);
    # off by default: the spec's `published` is the time shown on the page, and the gold nulls the rest
    url_dates: bool = False
    # the run's learned site templates (pipeline.clean.templates.Templates), if any
    templates: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        problems = {
            "timeout": timeout_problem(self.timeout),
            "max_bytes": count_problem(self.max_bytes, 1, MAX_BYTES_LIMIT, "bytes"),
            "memory_limit": None if self.memory_limit == 0 else
            count_problem(self.memory_limit // 1_000_000, *MEMORY_LIMIT_MB, "megabytes"),
        }
        for name, problem in problems.items():
            if problem:
                raise ValueError(f"{name} {getattr(self, name)!r}: {problem}")

    @classmethod
    def from_environment(cls, **options: object) -> Settings:
        """Settings from explicit options, with the rules folder from VNIE_RULES when it is set."""
        rules = os.environ.get(RULES_ENVIRONMENT)
        if rules and "rules_dir" not in options:
            options["rules_dir"] = Path(rules)
        return cls(**options)  # type: ignore[arg-type]
