"""One spelling per canonical name: the first one the store, then the run, wrote wins.

Articles write one body's name in several cases ("Tập đoàn Hòa Phát" and "Tập đoàn Hòa phát",
"VietJet" and "Vietjet"). Canonicalisation inside one article cannot know which spelling the other
articles used, so a count by canonical name would split one body in two. The store settles it: a
canonical name whose grouping key (case, Unicode form, tone placement and spacing folded:
`pipeline.text.name_key`) was written before takes that earlier spelling; a new key keeps its own,
which is the spelling from then on. The kinds this applies to name their canonical field in their
`KindSpec.canonical`; their tables' column of that name holds what was written, read first in the
order written, so the choice is stable for a store and the same on any engine (results arrive in
input order).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.kinds import KindSpec, registered_kinds
from pipeline.model import Result, each_record
from pipeline.text import name_key


class Spellings:
    """The spelling each canonical name takes, per kind: the store's first, then the run's first."""

    def __init__(self, conn: sqlite3.Connection | None = None):
        self.kinds = [kind for kind in registered_kinds() if kind.canonical]
        self.first: dict[str, dict[str, str]] = {kind.field: {} for kind in self.kinds}
        if conn is not None:
            for kind in self.kinds:
                self._load(conn, kind)

    def _load(self, conn: sqlite3.Connection, kind: KindSpec) -> None:
        """The stored spellings of a kind, the earliest written first."""
        try:
            rows = conn.execute(f'SELECT "{kind.canonical}" FROM "{kind.field}" ORDER BY rowid')
        except sqlite3.OperationalError:  # a store made before the kind (or its column) existed
            return
        first = self.first[kind.field]
        for (spelling,) in rows:
            if spelling:
                first.setdefault(name_key(spelling), spelling)

    def settle(self, record: dict[str, Any]) -> None:
        """Give each canonical name of the record the spelling its key was first written in."""
        for kind in self.kinds:
            first = self.first[kind.field]
            for item in record.get(kind.field) or ():
                spelling = item.get(kind.canonical)
                if spelling:
                    item[kind.canonical] = first.setdefault(name_key(spelling), spelling)

    def assign(self, results: Iterable[Result]) -> Iterator[Result]:
        """The engine's results, each record's canonical names in their settled spelling."""
        return each_record(results, self.settle)
