"""Fitting the tagged model's sparse linear head on features computed once per sentence.

spaCy's training loop copies every Example at each step, recomputes every sentence's hashed features at every epoch
and evaluates by running the pipeline over the dev split: for a linear model over hashed features that is nearly all
of its time. Here each distinct sentence's features are computed once, by the model's own feature layer, and the
textcat model's own sparse linear layer and softmax are updated with the config's optimizer, batch by batch; after each epoch the dev split is scored and the best epoch's weights
are kept, stopping once `patience` epochs bring no gain (early stopping).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.extract.cw_metrics import roc_auc

FEATURES_LAYER = "extract_tagged_features"
Features = tuple  # (hashed keys: uint64 array, weights: float32 array) of one sentence


@dataclass(frozen=True)
class FitSettings:
    """How the head is fitted (the optimiser brings its step and weight decay): the most epochs, how many epochs
    without a dev gain end it, and the batch size."""

    max_epochs: int
    patience: int
    batch_size: int
    seed: int = 0
    cross_entropy: bool = False
    """Log loss on the logits (logistic regression's), rather than textcat's squared error on the probabilities."""


@dataclass(frozen=True)
class FitResult:
    """The epoch whose weights were kept, its dev ROC AUC, and how many epochs ran."""

    best_epoch: int
    dev_roc_auc: float
    epochs_run: int


def feature_layer(model):
    """The layer of a tagged textcat model that turns Docs into hashed features."""
    for layer in model.walk():
        if layer.name == FEATURES_LAYER:
            return layer
    raise ValueError("not a tagged-features model")


def sentence_features(model, docs: Sequence) -> list[Features]:
    """Each Doc's hashed features, as the model computes them when it scores."""
    from annotator.extract.cw_features import doc_features

    layer = feature_layer(model)
    cache: dict = {}
    return [doc_features(layer, doc, cache) for doc in docs]


def predict(model, features: Sequence[Features], positive: int) -> list[float]:
    """The probability of class `positive` for each sentence's features, with the model's current weights."""
    scores: list[float] = []
    linear, output = _head(model)
    for start in range(0, len(features), 1024):
        logits = linear.predict(_batch(model.ops, features[start:start + 1024]))
        scores.extend(float(x) for x in output.predict(logits)[:, positive])
    return scores


def fit_head(model, optimizer, train: Sequence[tuple[Features, int]], dev: Sequence[tuple[Features, int]],
             settings: FitSettings, positive: int, on_step: Callable[[], None] | None = None) -> FitResult:
    """Fit the sparse linear head on (features, label) pairs; the model is left with the best epoch's weights."""
    import numpy

    linear, output = _head(model)
    rng = random.Random(settings.seed)
    order = list(range(len(train)))
    dev_labels = [label for _, label in dev]
    best = (-1.0, 0, None)
    epochs_run = 0
    for epoch in range(1, settings.max_epochs + 1):
        rng.shuffle(order)
        for start in range(0, len(order), settings.batch_size):
            chosen = [train[i] for i in order[start:start + settings.batch_size]]
            logits, back_linear = linear.begin_update(_batch(model.ops, [features for features, _ in chosen]))
            probabilities, back_output = output.begin_update(logits)
            truths = numpy.zeros(probabilities.shape, dtype="f")
            truths[numpy.arange(len(chosen)), positive] = [label for _, label in chosen]
            truths[numpy.arange(len(chosen)), 1 - positive] = [1 - label for _, label in chosen]
            gradient = probabilities - truths
            back_linear(gradient / len(chosen) if settings.cross_entropy else back_output(gradient))
            model.finish_update(optimizer)
            if on_step is not None:
                on_step()
        epochs_run = epoch
        with model.use_params(optimizer.averages or {}):
            auc = roc_auc(dev_labels, predict(model, [features for features, _ in dev], positive))
            if auc > best[0]:
                best = (auc, epoch, {name: linear.get_param(name).copy() for name in ("W", "b")})
        if epoch - best[1] >= settings.patience:
            break
    for name, value in best[2].items():
        linear.set_param(name, value)
    return FitResult(best_epoch=best[1], dev_roc_auc=best[0], epochs_run=epochs_run)


def _head(model):
    """(the sparse linear layer, the softmax) of a textcat model built by `linear_classifier`."""
    linear = model.get_ref("output_layer")
    output = next(layer for layer in model.walk() if layer.name in ("softmax_activation", "logistic"))
    return linear, output


def _batch(ops, features: Sequence[Features]):
    import numpy

    lengths = ops.asarray([len(keys) for keys, _ in features], dtype="int32")
    keys = numpy.concatenate([keys for keys, _ in features]) if features else numpy.zeros((0,), dtype="uint64")
    vals = numpy.concatenate([vals for _, vals in features]) if features else numpy.zeros((0,), dtype="float32")
    return ops.asarray(keys, dtype="uint64"), ops.asarray(vals, dtype="f"), lengths


def fit_tagged_model(grown, dev, docs_by_text: dict, *, architecture: str, seed: int, epochs: int, patience: int,
                     on_step: Callable[[], None] | None = None):
    """(a textcat pipeline of `architecture` fitted on `grown`, its raw dev scores, the fit): the config names the
    model, the optimiser and the batch size; the features of each distinct sentence are computed once."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, load_config_from_str, load_model_from_config

    from annotator.extract.cw_config import LABEL, OTHER, tagged_batch, training_config
    from annotator.extract.cw_spacy_loop import register_training_functions

    register_training_functions()
    fix_random_seed(seed)
    batch_size, learn_rate = tagged_batch(len(grown))
    config = load_config_from_str(training_config(architecture, seed=seed, epochs=epochs, eval_frequency=1,
                                                  channel="unused", batch_size=batch_size, learn_rate=learn_rate))
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    textcat = nlp.get_pipe("textcat")
    sample = []
    for sentence in list(grown)[:10]:
        doc = docs_by_text[sentence.text].copy()
        doc.cats = {LABEL: float(sentence.label), OTHER: 1.0 - sentence.label}
        sample.append(Example(doc, doc))
    optimizer = nlp.initialize(lambda: iter(sample))
    positive = list(textcat.labels).index(LABEL)
    texts = list(dict.fromkeys([sentence.text for sentence in [*grown, *dev]]))
    features = dict(zip(texts, sentence_features(textcat.model, [docs_by_text[text] for text in texts])))
    training = nlp.config["training"]
    settings = FitSettings(max_epochs=epochs, patience=patience, batch_size=training["batcher"]["size"], seed=seed)
    fit = fit_head(textcat.model, optimizer, [(features[s.text], s.label) for s in grown],
                   [(features[s.text], s.label) for s in dev], settings, positive, on_step)
    return nlp, predict(textcat.model, [features[s.text] for s in dev], positive), fit
