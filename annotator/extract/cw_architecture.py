"""`annotator.TextCatFeatureBOW.v1`: spaCy's bag-of-words classifier over more than the words.

spaCy's own `TextCatBOW` hashes n-grams of the exact word forms. Check-worthiness also shows in the shape of a
sentence: figures ("dd.d", "$d,ddd"), past-tense endings, capitalised names. This model adds, to the lower-cased
word n-grams, n-grams of word shapes and the words' last three letters, each in its own hash space, and feeds them
to the same sparse linear layer and softmax; still a linear model that trains in seconds on CPU.
"""

from __future__ import annotations

from functools import partial

FEATURE_BOW = "annotator.TextCatFeatureBOW.v1"
_SALTS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)


def build_feature_bow(exclusive_classes: bool, ngram_size: int, shape_ngram_size: int, length: int = 262144,
                      nO: int | None = None):
    """The model: hashed word, shape and suffix n-grams, a sparse linear layer, softmax (or logistic)."""
    from spacy.attrs import LOWER, SHAPE, SUFFIX
    from thinc.api import Model

    features = Model(
        "extract_feature_ngrams", _forward,
        attrs={"plan": ((LOWER, ngram_size), (SHAPE, shape_ngram_size), (SUFFIX, 1))},
    )
    return linear_classifier(features, exclusive_classes, length, nO)


def linear_classifier(features, exclusive_classes: bool, length: int, nO: int | None):
    """Hashed features into spaCy's resizable sparse linear layer and softmax (or logistic), as `TextCatBOW` builds
    them, so a model over any hashed features trains, resizes and saves like spaCy's own."""
    from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref, resize_linear_weighted
    from thinc.api import Logistic, SparseLinear_v2, chain, resizable, softmax_activation, with_cpu

    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults = {"b": NEG_VALUE, "W": 0}
    resizable_layer = resizable(sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults))
    output_layer = softmax_activation() if exclusive_classes else Logistic()
    model = chain(with_cpu(chain(features, resizable_layer), features.ops), with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model


def _forward(model, docs, is_train: bool):
    xp = model.ops.xp
    batch_keys, batch_vals = [], []
    for doc in docs:
        keys = []
        for (attr, size), salt in zip(model.attrs["plan"], _SALTS):
            unigrams = model.ops.asarray(doc.to_array([attr]))
            grams = [unigrams] + [model.ops.ngrams(n, unigrams) for n in range(2, size + 1)]
            keys.append(xp.bitwise_xor(xp.concatenate(grams).astype("uint64"), xp.uint64(salt)))
        unique, counts = xp.unique(xp.concatenate(keys), return_counts=True)
        batch_keys.append(unique)
        batch_vals.append(counts)
    lengths = model.ops.asarray([len(keys) for keys in batch_keys], dtype="int32")
    keys = xp.concatenate(batch_keys) if batch_keys else xp.zeros((0,), dtype="uint64")
    vals = model.ops.asarray(xp.concatenate(batch_vals) if batch_vals else xp.zeros((0,)), dtype="f")
    return (keys, vals, lengths), lambda dY: []


def register_architecture() -> None:
    """Register the architecture with spaCy, so configs can name it and saved models load; safe to call again."""
    from spacy.util import registry

    if not registry.has("architectures", FEATURE_BOW):
        registry.architectures.register(FEATURE_BOW, func=build_feature_bow)
