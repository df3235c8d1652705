"""Stories: near-duplicate articles (republished, aggregated, lightly edited) under one `story_id`.

Provincial outlets republish each other, national sites republish them ("Theo báo ...") and
aggregators copy whole articles, so one report's figures would count two, three, five times. Each
clean body is cut into shingles (runs of `SHINGLE_WORDS` words, case and tone placement folded);
a MinHash signature of them goes into an LSH index (datasketch), which finds the earlier articles
likely to share most shingles. An article joins the story of the most similar one when their
estimated Jaccard similarity reaches `SAME_STORY`; otherwise it starts a story named by its own id.
Chaining is not followed (an article joins one story, stories never merge), so a run of
follow-ups that each reuse the last cannot glue distinct reports together.

The story's earliest `published` copy is its `original` (the first seen on a tie or when dates
are missing). The index holds the store's articles as well as the batch's (signatures are kept in
the `story_signatures` table), so a re-run or a later batch joins the stories already stored.
When a copy arrives before its earlier original, the copy written first is demoted in the store at
once and in `records.jsonl` when the run ends (`Stories.finish`).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from pipeline.model import Result, each_record
from pipeline.store.jsonl import dumps
from pipeline.text import modern_tones

if TYPE_CHECKING:  # datasketch imports scipy (0.3 s): loaded when the first story is looked for
    import numpy as np
    from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5  # five words rarely repeat across different reports, yet survive light edits
NUM_PERM = 128  # permutations: Jaccard estimated within about ±0.09 (two standard errors)
SAME_STORY = 0.5  # estimated Jaccard at which two bodies are one report (a copy, or an update reusing half)
CANDIDATE = 0.3  # the LSH threshold: lower than SAME_STORY so that borderline copies are compared
MIN_SHINGLES = 15  # a body shorter than this (about 20 words) is too short to tell a copy from a template
HASHING = "affine32"  # datasketch's 32-bit hashing: signatures stored as uint32
SCHEME = f"datasketch-{version('datasketch')}/{HASHING}/{NUM_PERM}/{SHINGLE_WORDS}w"
WORD = regex.compile(r"[\p{L}\p{N}]+")
SIGNATURES_DDL = ("CREATE TABLE IF NOT EXISTS story_signatures (article_id TEXT PRIMARY KEY, "
                  "scheme TEXT NOT NULL, signature BLOB NOT NULL)")

RECORD_ID = regex.compile(r'^\{"id":"([^"]+)"')  # records are written id first: most lines need no parsing


def shingles(text: str) -> set[bytes]:
    """Runs of SHINGLE_WORDS words of the text, case, Unicode form and tone placement folded."""
    words = WORD.findall(modern_tones(unicodedata.normalize("NFC", text)).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


@functools.cache
def permutations() -> np.ndarray:
    """The hash permutations every signature shares (datasketch would draw and keep one set per sketch)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=HASHING).permutations


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles, or None when it is too short to compare."""
    from datasketch import MinHash

    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, scheme=HASHING, permutations=permutations())
    minhash.update_batch(list(grams))
    return minhash


def earlier(a: str | None, b: str | None) -> bool:
    """Was `a` published strictly before `b`? Unknown dates are never earlier; a date without a time
    is compared by day only (a same-day copy with a time is not later than a date alone)."""
    if not a:
        return False
    if not b:
        return True
    if "T" in a and "T" in b:
        return a < b
    return a[:10] < b[:10]


@dataclass
class Story:
    """Who is the original of a story, and when it was published."""

    original: str
    published: str | None


class Stories:
    """The story index of a run: the store's articles, then each record as it is written.

    The index is built by `prepare`, at the first record or before (a run calls it while its workers
    start): it loads datasketch, and with it scipy, which takes a while.
    """

    def __init__(self, conn: sqlite3.Connection | None = None, threshold: float = SAME_STORY):
        self.conn = conn
        self.threshold = threshold
        self.lsh: MinHashLSH | None = None  # None until prepared
        self.signatures: dict[str, MinHash] = {}
        self.story_of: dict[str, str] = {}
        self.stories: dict[str, Story] = {}
        self.demoted: set[str] = set()  # ids that were written as originals and are copies after all

    def prepare(self) -> None:
        """Build the index: datasketch loaded, the store's articles indexed (once)."""
        if self.lsh is not None:
            return
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
        if self.conn is not None:
            self.conn.execute(SIGNATURES_DDL)
            self._load(self.conn)

    def _index(self, article_id: str, story_id: str, minhash: MinHash | None) -> None:
        """Remember an article's story and make its signature findable (a body too short has none)."""
        self.story_of[article_id] = story_id
        if minhash is not None:
            self.signatures[article_id] = minhash
            self.lsh.insert(article_id, minhash)

    def _load(self, conn: sqlite3.Connection) -> None:
        """Index the stored articles: their signatures, recomputed from the text when missing or of
        another scheme (a run killed before its last commit, or another version of the library)."""
        rows = conn.execute(
            "SELECT a.id, a.story_id, a.original, a.published, s.signature, s.scheme = ? AS current "
            "FROM articles a LEFT JOIN story_signatures s ON s.article_id = a.id ORDER BY a.rowid", (SCHEME,))
        import numpy as np
        from datasketch import MinHash

        for article_id, story_id, original, published, blob, current in rows.fetchall():
            if blob is not None and current:
                minhash = MinHash(num_perm=NUM_PERM, scheme=HASHING, permutations=permutations(),
                                  hashvalues=np.frombuffer(blob, dtype=np.uint32))
            else:
                text = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
                minhash = signature(text or "")
                self._save(article_id, minhash)
            story_id = story_id or article_id
            self._index(article_id, story_id, minhash)
            if original or story_id not in self.stories:  # the flagged original, else the first stored
                self.stories[story_id] = Story(article_id, published)

    def _save(self, article_id: str, minhash: MinHash | None) -> None:
        if self.conn is None:
            return
        if minhash is None:
            self.conn.execute("DELETE FROM story_signatures WHERE article_id = ?", (article_id,))
            return
        import numpy as np

        blob = np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()
        self.conn.execute("INSERT OR REPLACE INTO story_signatures (article_id, scheme, signature) "
                          "VALUES (?, ?, ?)", (article_id, SCHEME, blob))

    def _forget(self, article_id: str) -> None:
        """Take an article out of the index (it is being written again)."""
        if article_id in self.signatures:
            self.lsh.remove(article_id)
            del self.signatures[article_id]
        self.story_of.pop(article_id, None)

    def match(self, minhash: MinHash | None) -> str | None:
        """The story of the most similar indexed article, if similar enough to be a copy."""
        if minhash is None:
            return None
        scored = [(minhash.jaccard(self.signatures[c]), c) for c in sorted(self.lsh.query(minhash))]
        best = max(scored, key=lambda pair: pair[0], default=None)  # the first id wins a tie
        return self.story_of[best[1]] if best is not None and best[0] >= self.threshold else None

    def add(self, record: dict[str, Any]) -> None:
        """Set the record's `story_id` and `original`; demote the copy it turns out to predate."""
        self.prepare()
        article_id, published = record["id"], record.get("published")
        self._forget(article_id)
        minhash = signature(record.get("text") or "")
        story_id = self.match(minhash) or article_id
        story = self.stories.get(story_id)
        if story is None or story.original == article_id or story.original not in self.story_of:
            self.stories[story_id] = story = Story(article_id, published)
        elif earlier(published, story.published):
            self._demote(story.original)
            self.stories[story_id] = story = Story(article_id, published)
        record["story_id"], record["original"] = story_id, story.original == article_id
        self._index(article_id, story_id, minhash)
        self._save(article_id, minhash)

    def _demote(self, article_id: str) -> None:
        """An earlier copy was found: the article is no longer its story's original (store and JSON Lines)."""
        self.demoted.add(article_id)
        if self.conn is not None:
            self.conn.execute("UPDATE articles SET original = 0 WHERE id = ?", (article_id,))

    def assign(self, results: Iterable[Result]) -> Iterator[Result]:
        """The engine's results, each record with its story (error records pass through)."""
        return each_record(results, self.add)

    def finish(self, records_path: Path | None) -> int:
        """Write `original: false` into the JSON Lines for the copies demoted during the run; how many."""
        if records_path is None or not self.demoted or not records_path.exists():
            return 0
        changed = 0
        temporary = records_path.with_suffix(".jsonl.tmp")
        with records_path.open(encoding="utf-8") as source, temporary.open("w", encoding="utf-8") as target:
            for line in source:
                head = RECORD_ID.match(line)
                if head is None or head.group(1) in self.demoted:
                    record = json.loads(line)
                    if record.get("id") in self.demoted and record.get("original"):
                        record["original"] = False
                        line = dumps(record) + "\n"
                        changed += 1
                target.write(line)
        os.replace(temporary, records_path)
        return changed
