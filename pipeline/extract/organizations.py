"""organizations extractor (being written)."""

from __future__ import annotations

from typing import Any

from pipeline.extract.document import ArticleDoc
from pipeline.model import Mention


def find(doc: ArticleDoc) -> list[Mention]:
    """Mentions of this kind in every segment of the article."""
    return []


def build(mentions: list[Mention], doc: ArticleDoc, context: list[Mention]) -> list[dict[str, Any]]:
    """Record entries for this kind."""
    return []
