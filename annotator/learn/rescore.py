"""`annotator rescore`: score stored claims with a trained model, page by page, leaving every decision as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.extract.cw_model import CheckworthinessModel
from annotator.store import Store

RESCORE_BATCH = 1000

RescoreProgress = Callable[[int, int], None]
"""Called with (claims scored so far, claims to score)."""


@dataclass(frozen=True)
class RescoreReport:
    """How many claims got a new score, and from which model."""

    scored: int
    model_version: str


def rescore_claims(
    store: Store,
    model: CheckworthinessModel,
    *,
    event: str | None = None,
    unlabelled_only: bool = False,
    batch_size: int = RESCORE_BATCH,
    on_progress: RescoreProgress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RescoreReport:
    """Give the current claims (of one event; only the unlabelled ones) the model's score, one batch a transaction.

    `should_stop` is asked between batches, so a caller can abandon a run that a newer model has overtaken.
    """
    total = store.scores.count(event=event, unlabelled_only=unlabelled_only)
    scored = 0
    after: str | None = None
    while True:
        if should_stop is not None and should_stop():
            break
        page = store.scores.texts(event=event, unlabelled_only=unlabelled_only, after=after, limit=batch_size)
        if not page:
            break
        scores = model.score([text for _, text in page])
        scored += store.scores.update([(claim_id, score) for (claim_id, _), score in zip(page, scores)],
                                      model.version)
        after = page[-1][0]
        if on_progress is not None:
            on_progress(scored, max(total, scored))
    return RescoreReport(scored=scored, model_version=model.version)
