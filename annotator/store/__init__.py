"""Storage: the only package that imports SQLModel/SQLAlchemy; everything outside sees pydantic models.

`open_store(url)` gives a `Store`, organised by noun; each method is one transaction:

- `store.articles`: add, has, current_id, all, get, refs, claim_ids
- `store.claims`: all (streamed), ids (filtered, reading order), get, get_many, count, update_links
- `store.annotations`: save, remove, get, all, votes, by_claim, for_claim, history, progress, import_records
- `store.adjudications`: save, remove, get, all
- `store.routing`: reserve_next, renew, release (claims reserved under the overlap)
- `store.queue`: length, page, index, next_unlabelled, ids_starting (an annotator's paged queue)
- `store.team`: stats, claims_to_review
- `store.export`: items (ExportItem per current claim, streamed; or only the labelled ones)
- `store.scores`: texts (pages to score), count, update (scores with their model version), models
- `store.links`: mark_pending, mark_done, pending (events whose linking has not finished)
- `store.sessions`: open, renew, close (one live annotate or review session per annotator)
- `store.db`: the Database they share (engine, url, dialect, read, write, scalars, rows, analyze)

`merge_into(target, source)` merges one database into another; `open_snapshot(url)` opens a source without ever
changing it.
"""

from annotator.store.merge import merge_into
from annotator.store.results import AddArticleResult, ImportResult, MergeResult
from annotator.store.store import Store, open_snapshot, open_store

__all__ = ["AddArticleResult", "ImportResult", "MergeResult", "Store", "merge_into", "open_snapshot", "open_store"]
