"""spaCy's own training loop for the architectures whose features are not computed once per sentence (`bow`,
`features`, `ensemble`): a config, `init_nlp` and `train`, reading in-memory sentences through a registered reader.

Each run gets a channel name under which the registered reader finds its sentences and the logger its progress
callback; spaCy keeps the checkpoint that scores best on dev.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.extract.cw_config import LABEL, OTHER, training_config
from annotator.extract.labelled_files import LabelledSentence

PROGRESS_LOGGER = "annotator.progress_logger.v1"
SENTENCE_READER = "annotator.labelled_sentences.v1"

_channels: dict[str, "_Run"] = {}
_channels_lock = threading.Lock()


def train_with_spacy_loop(grown, dev, work: Path, *, architecture: str, seed: int, epochs: int,
                          steps_per_epoch: int, advance: Callable[[], None]):
    """The best checkpoint of spaCy's `train` over `grown`, picked on `dev`, loaded from `work`."""
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train
    from spacy.util import load_config_from_str, load_model_from_config

    register_training_functions()
    channel = f"run-{id(work)}-{threading.get_ident()}"
    with _channels_lock:
        _channels[channel] = _Run(advance=advance, splits={"train": grown, "dev": dev})
    try:
        text = training_config(architecture, seed=seed, epochs=epochs, eval_frequency=steps_per_epoch,
                               channel=channel)
        config = load_model_from_config(load_config_from_str(text), auto_fill=True, validate=True).config
        nlp = init_nlp(config)
        (work / "out").mkdir()
        spacy_train(nlp, work / "out", stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        with _channels_lock:
            _channels.pop(channel, None)
    return spacy.load(work / "out" / "model-best")


@dataclass
class _Run:
    """What the registered reader and logger of one training run find under its channel."""

    advance: Callable[[], None]
    splits: dict[str, Sequence[LabelledSentence]]
    examples: dict[str, list] = field(default_factory=dict)


def register_training_functions() -> None:
    """Register the architectures, the reader of in-memory sentences and the progress logger with spaCy; safe to
    call again."""
    from spacy.util import registry

    from annotator.extract.cw_architecture import register_architecture
    from annotator.extract.cw_features import register_tagged_features

    register_architecture()
    register_tagged_features()
    if not registry.has("readers", SENTENCE_READER):
        registry.readers.register(SENTENCE_READER, func=_sentence_reader)
    if not registry.has("loggers", PROGRESS_LOGGER):
        registry.loggers.register(PROGRESS_LOGGER, func=_progress_logger)


def _sentence_reader(channel: str, split: str):
    """A corpus of the run's sentences: Examples built once and handed out every epoch (spaCy's own Corpus
    tokenizes and aligns every sentence again each epoch, most of the time of a bag-of-words run)."""

    def read(nlp):
        from spacy.training import Example

        with _channels_lock:
            run = _channels[channel]
        if split not in run.examples:
            sentences = run.splits[split]
            by_text = {text: nlp.make_doc(text) for text in dict.fromkeys(example.text for example in sentences)}
            built = []
            for example in sentences:
                reference = by_text[example.text].copy()
                reference.cats = {LABEL: float(example.label), OTHER: 1.0 - example.label}
                built.append(Example(reference.copy(), reference))
            run.examples[split] = built
        yield from run.examples[split]

    return read


def _progress_logger(channel: str):
    def setup(nlp, stdout=None, stderr=None):
        with _channels_lock:
            run = _channels.get(channel)

        def log_step(info) -> None:
            if run is not None:
                run.advance()

        return log_step, lambda: None

    return setup
