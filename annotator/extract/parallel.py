"""Multi-process extraction: worker processes run `nlp.pipe` and send back only the small claim records.

spaCy's own `n_process` ships every parsed Doc back to the parent as bytes, which costs about as much as the
second process saves on short news articles; here a forked worker keeps its Docs and returns plain dicts.
Input is read in the caller's thread, a few batches ahead, so a generator that touches a database is safe.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, Optional

from spacy.language import Language

from annotator.extract.pipeline import CLAIMS_ATTR
from annotator.models import Article

if TYPE_CHECKING:
    from annotator.extract.cw_model import CheckworthinessModel

_worker_nlp: Optional[Language] = None
_worker_scorer: "Optional[CheckworthinessModel]" = None
_BATCHES_IN_FLIGHT_PER_PROCESS = 2


def can_fork() -> bool:
    """True where worker processes can inherit the loaded pipeline instead of loading it again."""
    return "fork" in multiprocessing.get_all_start_methods()


def records_in_parallel(
    nlp: Language, articles: Iterable[Article], *, n_process: int, batch_size: int,
    scorer: "CheckworthinessModel | None" = None,
) -> Iterator[tuple[Article, list[dict[str, Any]], Optional[list[Optional[float]]]]]:
    """Each article with its claim records and, with `scorer`, their scores from the Doc's tags (else None), in
    input order, computed by `n_process` forked workers."""
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_set_worker_nlp, initargs=(nlp, scorer)) as pool:
        pending: deque = deque()
        iterator = iter(articles)
        while True:
            batch = list(islice(iterator, batch_size))
            if batch:
                pending.append((batch, pool.apply_async(_records_of, ([a.body for a in batch], batch_size))))
            while pending and (not batch or len(pending) >= n_process * _BATCHES_IN_FLIGHT_PER_PROCESS):
                done, result = pending.popleft()
                for article, (records, scores) in zip(done, result.get()):
                    yield article, records, scores
            if not batch and not pending:
                return


def _set_worker_nlp(nlp: Language, scorer: "CheckworthinessModel | None") -> None:
    global _worker_nlp, _worker_scorer
    _worker_nlp, _worker_scorer = nlp, scorer


def _records_of(texts: list[str], batch_size: int) -> list[tuple[list[dict[str, Any]], Optional[list]]]:
    assert _worker_nlp is not None
    results = []
    for doc in _worker_nlp.pipe(texts, batch_size=batch_size):
        records = doc._.get(CLAIMS_ATTR) or []
        scores = None
        if _worker_scorer is not None:
            scores = _worker_scorer.score_offsets(doc, [(r["start"], r["end"]) for r in records])
        results.append((records, scores))
    return results
