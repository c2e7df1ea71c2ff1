"""Ingest: read input files, extract claims with spaCy, store them, and relink each touched event."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.config import Settings
from annotator.errors import DatabaseError, InputFileError
from annotator.models import Article, Claim
from annotator.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from annotator.extract.cw_model import CheckworthinessModel

RECORD_SUFFIXES = (".jsonl", ".json", ".ndjson")
"""Files that hold many article records each."""

ProgressCallback = Callable[[str, int], None]
"""Called with ("read" | "extracted" | "error", count) as ingest advances, for a progress bar."""


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line and the exit code."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claims: int = 0
    relinked_events: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input file was ingested."""
        return not self.errors


def ingest_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    settings: Settings,
    event: str | None = None,
    workers: int = 1,
    on_progress: ProgressCallback | None = None,
    nlp: "Language | None" = None,
    model: "CheckworthinessModel | None" = None,
) -> IngestReport:
    """Ingest files and folders: bad files are reported one line each and the good ones still land.

    `nlp` is an already loaded pipeline to reuse (the configured one is loaded otherwise). With `model`, claims are
    scored by that trained classifier (and carry its version) instead of the formula.
    """
    from annotator.extract import ReadWarning, extract_many, load_pipeline, read_inputs

    report = IngestReport()
    notify = on_progress or (lambda _stage, _count: None)
    touched_events: set[str] = set()
    if nlp is None:
        nlp = load_pipeline(settings.spacy_model)
    max_length = nlp.max_length

    def fresh_articles() -> Iterator[Article]:
        for item in read_inputs(list(paths), event=event):
            if isinstance(item, ReadWarning):
                report.warnings.append(item.message)
                continue
            if isinstance(item, InputFileError):
                report.errors.append(item.message)
                notify("error", 1)
                continue
            if len(item.body) > max_length:
                report.errors.append(too_long(item, max_length))
                notify("error", 1)
                continue
            notify("read", 1)
            if store.articles.has(item.id):
                report.unchanged.append(item.source)
                notify("extracted", 1)
                continue
            yield item

    for article, claims in extract_many(nlp, fresh_articles(), n_process=max(1, workers)):
        if model is not None and claims:
            claims = scored_by(model, claims)
        if article.event is not None and article.event not in touched_events:
            store.links.mark_pending(article.event)
            touched_events.add(article.event)
        result = store.articles.add(article, claims)
        if result.status == "unchanged":
            report.unchanged.append(article.source)
        else:
            (report.added if result.status == "added" else report.new_versions).append(article.source)
            report.claims += len(claims)
        notify("extracted", 1)
    for name in sorted(touched_events | set(store.links.pending())):
        try:
            relink_event(store, name)
        except DatabaseError as error:
            report.errors.append(f"linking event '{name}' did not finish ({error.message}); every article is "
                                 "stored, and the next ingest or `annotator relink` links it")
            continue
        report.relinked_events.append(name)
    if report.added or report.new_versions:
        store.db.analyze()
    return report


def scored_by(model: "CheckworthinessModel", claims: Sequence[Claim]) -> list[Claim]:
    """The claims with the model's check-worthiness and its version in place of the formula's score."""
    scores = model.score([claim.text for claim in claims])
    return [
        claim.model_copy(update={"checkworthiness": score, "checkworthiness_model": model.version})
        for claim, score in zip(claims, scores)
    ]


def too_long(article: Article, max_length: int) -> str:
    """Why an article is refused: the parser's memory grows with the text, so spaCy caps what one text may be."""
    return (f"{article.source}: article is {len(article.body):,} characters, more than the {max_length:,} the "
            "spaCy pipeline reads at once; split it into several articles")


def relink_pending(store: Store, events: Sequence[str] | None = None) -> list[str]:
    """Link `events` (default: every event whose linking did not finish); the events linked."""
    names = list(events) if events else store.links.pending()
    for name in names:
        relink_event(store, name)
    return names


def relink_event(store: Store, event: str) -> int:
    """Recompute groups, corroboration and conflicts across the current articles of one event, then record that
    its linking finished."""
    from annotator.link import link_claims

    claims = list(store.claims.all(event=event, include_superseded=False))
    changed = [
        linked
        for original, linked in zip(claims, link_claims(claims))
        if (original.group, original.corroborated_by, original.conflicts)
        != (linked.group, linked.corroborated_by, linked.conflicts)
    ]
    updated = store.claims.update_links(changed)
    store.links.mark_done(event)
    return updated


def expected_articles(paths: Iterable[Path]) -> int | None:
    """How many articles the paths hold, for the progress bar's total; None when record files may hold any number."""
    files = [
        child
        for path in paths
        for child in (sorted(path.rglob("*")) if path.is_dir() else [path])
        if not child.is_dir() and not child.name.startswith(".")
    ]
    if any(path.suffix in RECORD_SUFFIXES for path in files):
        return None
    return len(files)
