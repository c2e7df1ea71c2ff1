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
    from annotator.link.feature_cache import FeatureCache

RECORD_SUFFIXES = (".jsonl", ".json", ".ndjson")
"""Files that hold many article records each."""

LINK_BATCH_CLAIMS = 2000
"""New claims of one event linked together: an event this small is linked in one go, as a whole."""
FEATURES_KEPT = 10_000
"""Claims whose link features one run keeps (about 100 MB): the recent ones, which new claims match most often."""
ARTICLES_PER_READ = 100
"""Articles whose claims are read at once when an event is linked again from scratch."""

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

    linking = EventBatches(store, rebuild=set(store.links.pending()))
    for article, claims in extract_many(nlp, fresh_articles(), n_process=max(1, workers), model=model):
        if article.event is not None and article.event not in touched_events:
            store.links.mark_pending(article.event)
            touched_events.add(article.event)
        result = store.articles.add(article, claims)
        if result.status == "unchanged":
            report.unchanged.append(article.source)
        else:
            (report.added if result.status == "added" else report.new_versions).append(article.source)
            report.claims += len(claims)
            if article.event is not None:
                linking.stored(article.event, claims, new_version=result.status == "new_version", report=report)
        notify("extracted", 1)
    for name in sorted(touched_events | set(store.links.pending())):
        if linking.finish(name, report):
            report.relinked_events.append(name)
    if report.added or report.new_versions:
        try:
            store.db.analyze()
        except DatabaseError as error:  # a full disk: the statistics only make later queries faster
            report.warnings.append(f"query planner statistics were not refreshed ({error.message})")
    return report


def too_long(article: Article, max_length: int) -> str:
    """Why an article is refused: the parser's memory grows with the text, so spaCy caps what one text may be."""
    return (f"{article.source}: article is {len(article.body):,} characters, more than the {max_length:,} the "
            "spaCy pipeline reads at once; split it into several articles")


def relink_pending(store: Store, events: Sequence[str] | None = None) -> list[str]:
    """Link `events` (default: every event whose linking did not finish) again from scratch; the events linked."""
    names = list(events) if events else store.links.pending()
    for name in names:
        relink_event(store, name)
    return names


def relink_event(store: Store, event: str) -> int:
    """Link one event's current claims again from scratch, a slice of articles at a time so memory stays flat, then
    record that its linking finished; how many claim rows were written."""
    store.link_index.clear(event)
    article_ids = store.link_index.article_ids(event)
    written, batch, cache = 0, [], feature_cache()
    for start in range(0, len(article_ids), ARTICLES_PER_READ):
        batch += store.link_index.claims_of(article_ids[start:start + ARTICLES_PER_READ])
        if len(batch) >= LINK_BATCH_CLAIMS:
            written += link_new(store, event, batch, cache=cache)
            batch = []
    written += link_new(store, event, batch, cache=cache)
    store.links.mark_done(event)
    return written


def link_new(store: Store, event: str, claims: Sequence[Claim], *, cache: "FeatureCache | None" = None) -> int:
    """Link claims new to an event into it: their own groups and conflicts, and the stored claims they join; how
    many claim rows were written. `cache` keeps features between the batches of one run."""
    from annotator.link.incremental import INDEX_CAP, link_batch

    if not claims:
        return 0
    index = store.link_index.event(event, max_postings=INDEX_CAP)
    links = link_batch(index, claims, cache=cache)
    return index.save(links.groups, links.conflicts)


def feature_cache() -> "FeatureCache":
    """The features kept between the link batches of one run: enough for the claims new ones match most."""
    from annotator.link.feature_cache import FeatureCache

    return FeatureCache(FEATURES_KEPT)


class EventBatches:
    """New claims of each event as an ingest stores them, linked LINK_BATCH_CLAIMS at a time.

    An event that was left pending by an earlier run, or that gets a new version of an article (whose old claims
    must leave their groups), is linked again from scratch at the end instead.
    """

    def __init__(self, store: Store, *, rebuild: set[str]) -> None:
        self.store = store
        self.rebuild = rebuild
        self.waiting: dict[str, list[Claim]] = {}
        self.failed: set[str] = set()
        self.cache = feature_cache()
        """One for every event of the run (claim ids are unique), so many small events keep no more than one big."""

    def stored(self, event: str, claims: Sequence[Claim], *, new_version: bool, report: IngestReport) -> None:
        """Note claims just stored; link the event's waiting claims once there are enough of them."""
        if new_version:
            self.rebuild.add(event)
        if event in self.rebuild or event in self.failed:
            self.waiting.pop(event, None)
            return
        waiting = self.waiting.setdefault(event, [])
        waiting.extend(claims)
        if len(waiting) >= LINK_BATCH_CLAIMS:
            self._link(event, report)

    def finish(self, event: str, report: IngestReport) -> bool:
        """Link what is left of the event and record that its linking finished; False when it did not."""
        try:
            if event in self.rebuild:
                relink_event(self.store, event)
                return True
        except DatabaseError as error:
            report.errors.append(_unfinished(event, error))
            return False
        if event in self.failed or not self._link(event, report):
            return False
        self.store.links.mark_done(event)
        return True

    def _link(self, event: str, report: IngestReport) -> bool:
        try:
            link_new(self.store, event, self.waiting.pop(event, []), cache=self.cache)
        except DatabaseError as error:
            self.failed.add(event)
            report.errors.append(_unfinished(event, error))
            return False
        return True


def _unfinished(event: str, error: DatabaseError) -> str:
    return (f"linking event '{event}' did not finish ({error.message}); every article is stored, and the next "
            "ingest or `annotator relink` links it")


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
