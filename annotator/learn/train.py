"""`annotator train`: gather the labels, train the spaCy classifier, write the model and its metrics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.extract.cw_config import DEFAULT_ARCHITECTURE, DEFAULT_EPOCHS
from annotator.extract.cw_training import TrainingMetrics, TrainingProgress, train_checkworthiness
from annotator.extract.labelled_files import LabelledSentence
from annotator.learn.examples import database_examples, file_examples
from annotator.store import Store

DATABASE_SOURCE = "database"


@dataclass(frozen=True)
class TrainingRun:
    """A finished training run: where the model is and what `metrics.json` says."""

    out_dir: Path
    metrics: TrainingMetrics


def gather_examples(store: Store | None, data_files: Sequence[Path] = ()) -> dict[str, list[LabelledSentence]]:
    """The labelled sentences of each source: `database` (when `store` is given), then each file as given."""
    sources: dict[str, list[LabelledSentence]] = {}
    if store is not None:
        sources[DATABASE_SOURCE] = database_examples(store)
    sources.update(file_examples(data_files))
    return sources


def train_from_labels(
    store: Store | None,
    out_dir: Path,
    *,
    data_files: Sequence[Path] = (),
    seed: int = 0,
    architecture: str = DEFAULT_ARCHITECTURE,
    epochs: int = DEFAULT_EPOCHS,
    on_progress: TrainingProgress | None = None,
) -> TrainingRun:
    """Train on the database's resolved labels (when `store` is given) plus `data_files`; UsageError on too few."""
    sources = gather_examples(store, data_files)
    examples = [example for found in sources.values() for example in found]
    metrics = train_checkworthiness(
        examples, out_dir, seed=seed, architecture=architecture, epochs=epochs,
        sources={name: len(found) for name, found in sources.items()}, on_progress=on_progress,
    )
    return TrainingRun(out_dir=out_dir, metrics=metrics)
