"""A directive reference as found in one segment, before article-wide resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.directive_grammar import kind_key

LAW_KINDS = ("Luật", "Bộ luật", "Pháp lệnh")


@dataclass
class Found:
    """One reference found in a segment, before article-wide resolution."""

    field: str
    start: int
    end: int
    text: str
    # coded, short, central, titled, law, named; congress (numbered), congress_termed, congress_body,
    # congress_bare (unnumbered), congress_every ("... các cấp": no id)
    form: str
    kind: str | None = None
    abbr_kind: str | None = None  # the type a symbol's abbreviation names, when the text names another
    number: str | None = None
    year: str | None = None
    id: str | None = None
    extra_ids: list[str] = field(default_factory=list)  # "(khóa XI, XII)" names two documents
    name_key: str | None = None  # laws and named resolutions: the name without year or khóa
    issuer: str | None = None
    issuer_span: tuple[int, int] | None = None  # where the text names the issuer, if it does
    issued: str | None = None
    title: str | None = None
    outer: dict[str, Any] | None = None  # the plan that carries this document out
    alias_of: Found | None = None
    priority: int = 0
    needs_symbol: bool = False  # a short form that names a document only if its symbol is in the article

    @property
    def key(self) -> tuple[str, str] | None:
        """What a short mention must share with a coded one: type and number."""
        return (kind_key(self.kind), number_key(self.number)) if self.kind and self.number else None


def number_key(number: str | None) -> str:
    """A document's number as a value: "Chỉ thị 5" is the "05-CT/TW" of its article ("05" -> "5")."""
    return (number or "").lstrip("0") or (number or "")
