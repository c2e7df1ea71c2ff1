"""The spaCy training config of the check-worthiness classifier: a `textcat` over a blank English tokenizer, on CPU.

Three architectures are offered. The default was chosen on a dev split (20%, seed 0) of the ClaimBuster train file,
never on its test file: on that split `features` and `bow` score alike (F1 at equal class weights 0.82, average
precision 0.82, ROC AUC 0.91, after 4 epochs; 8 epochs do no better), and `ensemble` is lower (0.77 / 0.79 / 0.90)
and about twenty times slower to score, which ingest would feel.

- `features` (default): `annotator.TextCatFeatureBOW.v1`, a bag of words, word shapes and suffixes (a linear model);
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
Architecture = Literal["bow", "features", "ensemble"]
ARCHITECTURES: tuple[str, ...] = ("bow", "features", "ensemble")
DEFAULT_ARCHITECTURE: Architecture = "features"
DEFAULT_EPOCHS = 4
BATCH_SIZE = 64

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
learn_rate = 0.001
L2 = 0.01

[training.score_weights]
cats_score = 1.0

[initialize]
"""


def training_config(
    architecture: str, *, seed: int, epochs: int, eval_frequency: int, channel: str, batch_size: int = BATCH_SIZE
) -> str:
    """The config text for one training run; `channel` names the run's sentences and progress callback."""
    models = {"bow": _BOW, "features": _FEATURES, "ensemble": _ENSEMBLE}
    if architecture not in models:
        raise UsageError(f"unknown architecture '{architecture}' (choose {' or '.join(ARCHITECTURES)})")
    return _BASE.format(
        model=models[architecture], seed=seed, epochs=epochs, eval_frequency=max(1, eval_frequency),
        channel=channel, batch_size=batch_size,
    )
