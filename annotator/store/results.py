"""What the store's writes report back: counts of an import or merge, and what adding an article did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportResult:
    """Counts of an import or merge."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class AddArticleResult:
    """What adding an article did: `added`, `unchanged` (same content seen before) or `new_version`."""

    status: str
    article_id: str
    superseded_id: str | None = None


@dataclass
class MergeResult:
    """What a merge brought in."""

    articles: int = 0
    annotations: ImportResult = field(default_factory=ImportResult)
    adjudications: int = 0
