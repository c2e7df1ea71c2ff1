"""The spaCy training config of the check-worthiness classifier: a `textcat` on CPU.

Four architectures are offered. The default was chosen on dev splits of the ClaimBuster train file, never on its
test file. On the 20% split of seed 0, with the cut chosen on an inner dev split, `tagged` reaches F1 0.85 at equal
class weights (ROC AUC 0.933), where `features` gave 0.82 (0.91); `bow` with word bigrams 0.77, and `ensemble`, even
with the English pipeline's own tok2vec as its CNN, 0.80 (0.91) and twenty times slower to train and score. Eight
epochs pick the same checkpoint as four. In 5-fold cross-validation of the train file (the cut chosen on an inner
dev split, F1 with both classes weighted alike), adding the mean of the pipeline's token vectors to the tagged
model's features raised F1 from 0.855 to 0.863, on every fold; the squared error or log loss, the weight decay
(0.001-0.05), character 1-6-grams, word trigrams, tag 4-grams and up to twelve epochs changed it by under 0.005.

- `tagged` (default): `annotator.TextCatTaggedFeatures.v1`, a linear model over character n-grams, words,
  part-of-speech tags and entity types; sentences are tagged by the English pipeline first (no parser);
- `features`: `annotator.TextCatFeatureBOW.v1`, a bag of words, word shapes and suffixes;
- `bow`: spaCy's bag-of-words model (`spacy.TextCatBOW.v3`) over the word forms alone;
- `ensemble`: that linear model averaged with a small CNN over hashed word, prefix, suffix and shape embeddings
  (`spacy.TextCatEnsemble.v2`).
"""

from __future__ import annotations

from typing import Literal

from annotator.errors import UsageError

LABEL = "CHECKWORTHY"
"""The textcat label whose probability is the check-worthiness score."""
OTHER = "OTHER"
MODEL_META_KEY = "annotator_checkworthiness"
"""Key of the pipeline's meta.json that marks a check-worthiness model and holds its version."""
Architecture = Literal["tagged", "bow", "features", "ensemble"]
ARCHITECTURES: tuple[str, ...] = ("tagged", "bow", "features", "ensemble")
TAGGED_ARCHITECTURES = frozenset({"tagged"})
"""Architectures that read part-of-speech tags and entity types: their sentences go through the English pipeline."""
DEFAULT_ARCHITECTURE: Architecture = "tagged"
DEFAULT_EPOCHS = 4
EARLY_STOP_PATIENCE = 2
"""Epochs without a better dev ROC AUC after which fitting the tagged model's head stops."""
BATCH_SIZE = 64
LARGE_BATCH = 256
"""The tagged model's batch grows with the data up to this, its step with it (0.001 at 64): on a 10,000-label retrain
four times fewer optimiser steps over the whole hashed table, at the same dev F1 (5-fold CV of the train file)."""

_TAGGED = """
[components.textcat.model]
@architectures = "annotator.TextCatTaggedFeatures.v1"
exclusive_classes = true
char_min = 2
char_max = 5
word_ngram_size = 2
tag_ngram_size = 3
entity_ngram_size = 2
length = 1048576
nO = null
tok2vec_weight = 2.0
"""

_BOW = """
[components.textcat.model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = true
ngram_size = 1
no_output_layer = false
length = 262144
nO = null
"""

_FEATURES = """
[components.textcat.model]
@architectures = "annotator.TextCatFeatureBOW.v1"
exclusive_classes = true
ngram_size = 1
shape_ngram_size = 1
length = 262144
nO = null
"""

_ENSEMBLE = """
[components.textcat.model]
@architectures = "spacy.TextCatEnsemble.v2"
nO = null

[components.textcat.model.linear_model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = true
ngram_size = 2
no_output_layer = false
length = 262144
nO = null

[components.textcat.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.textcat.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[components.textcat.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
window_size = 1
maxout_pieces = 3
depth = 2
"""

_BASE = """
[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["textcat"]
batch_size = 256

[components]

[components.textcat]
factory = "textcat"
threshold = 0.5
{model}
[corpora]

[corpora.train]
@readers = "annotator.labelled_sentences.v1"
channel = "{channel}"
split = "train"

[corpora.dev]
@readers = "annotator.labelled_sentences.v1"
channel = "{channel}"
split = "dev"

[training]
seed = ${{system.seed}}
gpu_allocator = null
dropout = 0.2
accumulate_gradient = 1
patience = 0
max_epochs = {epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null

[training.logger]
@loggers = "annotator.progress_logger.v1"
channel = "{channel}"

[training.batcher]
@batchers = "spacy.batch_by_sequence.v1"
size = {batch_size}
get_length = null

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = {learn_rate}
L2 = 0.01

[training.score_weights]
cats_score = 1.0

[initialize]
"""


def tagged_batch(examples: int) -> tuple[int, float]:
    """(batch size, learning rate) of the tagged model for this many training sentences: 64 and 0.001 up to
    2,560 sentences (at least 40 steps an epoch), then batches of one fortieth, the step in proportion."""
    size = max(BATCH_SIZE, min(LARGE_BATCH, examples // 40))
    return size, 0.001 * size / BATCH_SIZE


def training_config(
    architecture: str, *, seed: int, epochs: int, eval_frequency: int, channel: str, batch_size: int = BATCH_SIZE,
    learn_rate: float = 0.001,
) -> str:
    """The config text for one training run; `channel` names the run's sentences and progress callback."""
    models = {"tagged": _TAGGED, "bow": _BOW, "features": _FEATURES, "ensemble": _ENSEMBLE}
    if architecture not in models:
        raise UsageError(f"unknown architecture '{architecture}' (choose {' or '.join(ARCHITECTURES)})")
    return _BASE.format(
        model=models[architecture], seed=seed, epochs=epochs, eval_frequency=max(1, eval_frequency),
        channel=channel, batch_size=batch_size, learn_rate=learn_rate,
    )
