"""Per passage, the directive ids the system missed and added against gold (with their text).

Usage: python bench/directive_errors.py tests/heldout/extraction-dev3.jsonl [--all] [--text]
The held-out test files are refused: they are score only. (bench/passage_errors.py does the work.)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from passage_errors import main as errors_main


def main() -> None:
    """The command line of bench/passage_errors.py with its field fixed to directives."""
    errors_main("directives")


if __name__ == "__main__":
    main()
