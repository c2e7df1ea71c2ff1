"""Training the check-worthiness classifier: a spaCy `textcat` pipeline built from its config, saved as spaCy saves.

The labelled sentences are split into train and dev (stratified, by seed); the classes are balanced in the train
part by repeating the rarer one, so a score of 0.5 means "as likely check-worthy as not" whatever share of
check-worthy sentences a team happened to label. The tagged model tags each sentence once (reusing the tags the
previous model in the folder kept) and fits its linear head on features computed once (`cw_fit`), keeping the epoch
best on dev; the other architectures go through spaCy's training loop (`cw_spacy_loop`). The cut is then chosen on
dev as well, where recall equals specificity (it stays put when the labels are the `uncertain` order's hard cases:
`equal_error_threshold`), and stored scores are shifted so it reads 0.5; the figures in `metrics.json` are
measured on that dev split.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from annotator.errors import UsageError
from annotator.extract.cw_config import (
    BATCH_SIZE,
    DEFAULT_ARCHITECTURE,
    DEFAULT_EPOCHS,
    EARLY_STOP_PATIENCE,
    LABEL,
    MODEL_META_KEY,
    TAGGED_ARCHITECTURES,
    tagged_batch,
)
from annotator.extract.cw_fit import fit_tagged_model
from annotator.extract.cw_metrics import BinaryScores, binary_scores, equal_error_threshold
from annotator.extract.cw_model import load_tagger, score_texts, shifted
from annotator.extract.cw_spacy_loop import train_with_spacy_loop
from annotator.extract.cw_tag_cache import TagCache
from annotator.extract.labelled_files import LabelledSentence
from annotator.models import utc_now

MIN_EXAMPLES = 50
DEFAULT_DEV_SHARE = 0.2

TrainingProgress = Callable[[int, int], None]
"""Called with (updates done, updates planned) while training, for a progress bar."""


class ClassCounts(BaseModel):
    """How many sentences a split holds, by class."""

    total: int
    positive: int
    negative: int


class TrainingMetrics(BaseModel):
    """What `metrics.json` holds: the model's version, how it was trained, and its figures on the dev split."""

    version: str
    architecture: str
    seed: int
    epochs: int
    threshold: float = 0.5
    """The classifier's probability taken as the cut, chosen on the dev split; stored scores read it as 0.5."""
    trained_at: str
    seconds: float
    counts: dict[str, ClassCounts]
    """`train` (before balancing) and `dev`."""
    sources: dict[str, int] = Field(default_factory=dict)
    """Labelled sentences per source (`database`, or a --data file name)."""
    dev: BinaryScores


def check_enough(examples: Sequence[LabelledSentence], minimum: int = MIN_EXAMPLES) -> None:
    """UsageError unless there are at least `minimum` labelled sentences with both classes among them."""
    positives = sum(example.label for example in examples)
    if len(examples) < minimum or positives == 0 or positives == len(examples):
        detail = "" if len(examples) < minimum else f" ({positives} check-worthy, {len(examples) - positives} not)"
        raise UsageError(f"{len(examples)} labelled claims{detail}; need at least {minimum} with both classes")


def split_dev(
    examples: Sequence[LabelledSentence], *, share: float = DEFAULT_DEV_SHARE, seed: int = 0
) -> tuple[list[LabelledSentence], list[LabelledSentence]]:
    """(train, dev): `share` of each class held out for dev, chosen by `seed`, at least one of each class."""
    rng = random.Random(seed)
    train: list[LabelledSentence] = []
    dev: list[LabelledSentence] = []
    for label in (1, 0):
        group = [example for example in examples if example.label == label]
        rng.shuffle(group)
        held = max(1, round(len(group) * share)) if len(group) > 1 else 0
        dev += group[:held]
        train += group[held:]
    rng.shuffle(train)
    return train, dev


def balanced(examples: Sequence[LabelledSentence], seed: int = 0) -> list[LabelledSentence]:
    """The examples with the rarer class repeated until both classes count the same."""
    positives = [example for example in examples if example.label]
    negatives = [example for example in examples if not example.label]
    rare, common = sorted((positives, negatives), key=len)
    if not rare:
        return list(examples)
    repeats, extra = divmod(len(common), len(rare))
    grown = common + rare * repeats + random.Random(seed).sample(rare, extra)
    random.Random(seed + 1).shuffle(grown)
    return grown


def train_checkworthiness(
    examples: Sequence[LabelledSentence],
    out_dir: Path,
    *,
    seed: int = 0,
    architecture: str = DEFAULT_ARCHITECTURE,
    epochs: int = DEFAULT_EPOCHS,
    dev_share: float = DEFAULT_DEV_SHARE,
    sources: dict[str, int] | None = None,
    on_progress: TrainingProgress | None = None,
) -> TrainingMetrics:
    """Train on `examples`, write the model and `metrics.json` to `out_dir`, and return the metrics."""
    check_enough(examples)
    _check_out_dir(out_dir)
    started = time.perf_counter()
    train, dev = split_dev(examples, share=dev_share, seed=seed)
    grown = balanced(train, seed)
    batch = tagged_batch(len(grown))[0] if architecture in TAGGED_ARCHITECTURES else BATCH_SIZE
    steps_per_epoch = -(-len(grown) // batch)
    planned = steps_per_epoch * epochs
    done = [0]

    def advance() -> None:
        done[0] += 1
        if on_progress is not None:
            on_progress(min(done[0], planned), planned)

    work = Path(tempfile.mkdtemp(prefix="annotator-train-"))
    try:
        tagger, tags, docs_by_text = None, None, {}
        dev_labels = [e.label for e in dev]
        if architecture in TAGGED_ARCHITECTURES:
            tagger = load_tagger()
            tags = TagCache(tagger, out_dir)
            docs_by_text = tags.tag([e.text for e in examples])
            nlp, raw, _ = fit_tagged_model(grown, dev, docs_by_text, architecture=architecture, seed=seed,
                                           epochs=epochs, patience=EARLY_STOP_PATIENCE, on_step=advance)
        else:
            nlp = train_with_spacy_loop(grown, dev, work, architecture=architecture, seed=seed, epochs=epochs,
                                        steps_per_epoch=steps_per_epoch, advance=advance)
            raw = score_texts(nlp, [e.text for e in dev])
        threshold = equal_error_threshold(dev_labels, raw)
        dev_scores = binary_scores(dev_labels, [shifted(score, threshold) for score in raw])
        trained_at = utc_now()
        version = f"{out_dir.name}-{trained_at:%Y%m%dT%H%M%S}-{_weights_digest(nlp)}"
        metrics = TrainingMetrics(
            version=version, architecture=architecture, seed=seed, epochs=epochs, threshold=threshold,
            trained_at=trained_at.isoformat(), seconds=round(time.perf_counter() - started, 2),
            counts={"train": _counts(train), "dev": _counts(dev)}, sources=dict(sources or {}), dev=dev_scores,
        )
        nlp.meta[MODEL_META_KEY] = {"version": version, "label": LABEL, "threshold": threshold}
        if tagger is not None:
            nlp.meta[MODEL_META_KEY]["tagger"] = tagger.meta["lang"] + "_" + tagger.meta["name"]
        staged = work / "model"
        nlp.to_disk(staged)
        if tags is not None:
            tags.write(staged, docs_by_text)
        (staged / "metrics.json").write_text(metrics.model_dump_json(indent=2) + "\n", encoding="utf-8")
        _replace_dir(staged, out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if on_progress is not None:
        on_progress(planned, planned)
    return metrics


def _counts(examples: Sequence[LabelledSentence]) -> ClassCounts:
    positives = sum(example.label for example in examples)
    return ClassCounts(total=len(examples), positive=positives, negative=len(examples) - positives)


def _weights_digest(nlp) -> str:
    return hashlib.sha256(nlp.get_pipe("textcat").to_bytes()).hexdigest()[:8]


def _check_out_dir(out_dir: Path) -> None:
    only_tags = out_dir.is_dir() and all(path.name.startswith("tagged-") for path in out_dir.iterdir())
    if out_dir.exists() and (not out_dir.is_dir() or (not only_tags and not is_model_dir(out_dir))):
        raise UsageError(f"{out_dir}: exists and is not a check-worthiness model; choose another --out")


def is_model_dir(path: Path) -> bool:
    """True when `path` holds a check-worthiness model written by `train_checkworthiness`."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and MODEL_META_KEY in meta


def _replace_dir(staged: Path, out_dir: Path) -> None:
    """Move the staged model into place; an older model there is swapped out only once the new one is complete."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    incoming = out_dir.with_name(f".{out_dir.name}.incoming")
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(staged, incoming)
    if out_dir.exists():
        outgoing = out_dir.with_name(f".{out_dir.name}.outgoing")
        shutil.rmtree(outgoing, ignore_errors=True)
        out_dir.rename(outgoing)
        incoming.rename(out_dir)
        shutil.rmtree(outgoing, ignore_errors=True)
    else:
        incoming.rename(out_dir)
