"""One settings object for a run (trafilatura's `Extractor`, spaCy's `nlp.config`): nothing read at import.

The command line builds a `Settings` from its options and the environment, the engine hands it to
every worker, and each process activates it once (`activate`), which loads the rules it names.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGED_RULES = Path(__file__).resolve().parent / "rules"  # links to the repository's rules/
RULES_ENVIRONMENT = "VNIE_RULES"  # a folder of rule files to use instead of the packaged ones


@dataclass(frozen=True)
class Settings:
    """What a run is configured with; the same object reaches every worker."""

    rules_dir: Path = field(default=PACKAGED_RULES)  # rules/<kind>.yml and rules/examples/
    timeout: float = 60.0  # seconds per article before it becomes a `timeout` error record
    max_bytes: int = 5_000_000  # largest article text accepted, in UTF-8 bytes
    debug: bool = False  # tracebacks in internal-error records, third-party logs shown

    def __post_init__(self) -> None:
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ValueError(f"timeout must be a finite number of seconds above 0, not {self.timeout}")
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")

    @classmethod
    def from_environment(cls, **options: object) -> Settings:
        """Settings from explicit options, with the rules folder from VNIE_RULES when it is set."""
        rules = os.environ.get(RULES_ENVIRONMENT)
        if rules and "rules_dir" not in options:
            options["rules_dir"] = Path(rules)
        return cls(**options)  # type: ignore[arg-type]
