"""Per passage, the missed and extra dates (gold value + text against the system's), to study errors.

Usage: python bench/date_errors.py tests/heldout/extraction-dev-extra.jsonl [--all] [--text]
The held-out test files are refused: they are score only. (bench/passage_errors.py does the work.)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from passage_errors import main

if __name__ == "__main__":
    main("dates")
