"""`annotator.TextCatTaggedFeatures.v1`: a linear text classifier over what a tagged sentence shows.

A check-worthy sentence shows in its wording (character n-grams catch "unemploy-", "%", "billion" whatever the
inflection), in its grammar (a past-tense verb before a number, "we have" against "I think") and in what it names
(a PERCENT, a GPE, a DATE). The model hashes four blocks of features per sentence, each in its own space:
character 2-5-grams of each word padded with spaces, word 1-2-grams, 1-3-grams of the part-of-speech tag (the
lower-cased word itself for function words), and 1-2-grams of entity types. Each block's counts are dampened to
1 + log(count) and scaled to unit length, as TF-IDF does without the IDF, so a long sentence outweighs no short one.
A fifth block, when `tok2vec_weight` is above 0, is the mean of the pipeline's own token vectors (its tok2vec, which
tagging runs anyway), of unit length times that weight, each dimension under a fixed key: it carries what the words'
contexts share beyond their spelling (5-fold CV of the ClaimBuster train file: balanced F1 0.855 -> 0.863, better on
every fold, at weight 2). A sparse linear layer and a softmax follow. The tags come from the English pipeline, which
the model's folder names.
"""

from __future__ import annotations

import math
from functools import partial

from annotator.extract.cw_architecture import linear_classifier

TAGGED_FEATURES = "annotator.TextCatTaggedFeatures.v1"
FUNCTION_POS = ("ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ")
"""Parts of speech whose words stand for themselves in the grammar block ("will", "we", "not" say more than a tag)."""
_SALTS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
_CHAR_CACHE_LIMIT = 200_000
_DENSE_SALT = 0x5BD1E9955BD1E995
TOK2VEC_MEAN = "annotator_tok2vec_mean"
"""Key of `Doc.user_data` holding the mean token vector (float32 bytes) where the Doc has no tensor of its own."""


def build_tagged_features(exclusive_classes: bool, char_min: int = 2, char_max: int = 5, word_ngram_size: int = 2,
                          tag_ngram_size: int = 3, entity_ngram_size: int = 2, length: int = 1048576,
                          nO: int | None = None, tok2vec_weight: float = 0.0):
    """The model: four normalised hashed blocks (five with the token vectors), a sparse linear layer, softmax."""
    from thinc.api import Model

    features = Model(
        "extract_tagged_features", partial(_forward, char_cache={}),
        attrs={"char_min": char_min, "char_max": char_max, "word": word_ngram_size, "tag": tag_ngram_size,
               "entity": entity_ngram_size, "tok2vec_weight": tok2vec_weight},
    )
    return linear_classifier(features, exclusive_classes, length, nO)


def _forward(model, docs, is_train: bool, *, char_cache: dict):
    import numpy

    batch_keys, batch_vals = [], []
    for doc in docs:
        keys, vals = doc_features(model, doc, char_cache)
        batch_keys.append(keys)
        batch_vals.append(vals)
    lengths = model.ops.asarray([len(keys) for keys in batch_keys], dtype="int32")
    keys = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros((0,), dtype="uint64")
    vals = numpy.concatenate(batch_vals) if batch_vals else numpy.zeros((0,), dtype="float32")
    return (model.ops.asarray(keys, dtype="uint64"), model.ops.asarray(vals, dtype="f"), lengths), lambda dY: []


def doc_features(model, doc, char_cache: dict):
    """(hashed keys, weights) of one sentence: the four blocks, each dampened and of unit length."""
    import numpy
    from spacy.attrs import ENT_TYPE, LOWER, POS, TAG
    from spacy.strings import get_string_id

    ops = model.ops
    columns = doc.to_array([LOWER, TAG, POS, ENT_TYPE]).astype("uint64").reshape(-1, 4)
    function_ids = numpy.asarray([get_string_id(pos) for pos in FUNCTION_POS], dtype="uint64")
    grammar = numpy.where(numpy.isin(columns[:, 2], function_ids), columns[:, 0], columns[:, 1])
    entities = numpy.where(columns[:, 3] == 0, numpy.uint64(1), columns[:, 3])
    blocks = [
        _char_grams(columns[:, 0], doc.vocab.strings, char_cache, (model.attrs["char_min"], model.attrs["char_max"])),
        _ngrams(ops, columns[:, 0], model.attrs["word"]),
        _ngrams(ops, grammar, model.attrs["tag"]),
        _ngrams(ops, entities, model.attrs["entity"]),
    ]
    all_keys, all_vals = [], []
    for block, salt in zip(blocks, _SALTS):
        if not len(block):
            continue
        unique, counts = numpy.unique(block, return_counts=True)
        weights = 1.0 + numpy.log(counts.astype("float32"))
        all_keys.append(numpy.bitwise_xor(unique, numpy.uint64(salt)))
        all_vals.append((weights / math.sqrt(float((weights * weights).sum()))).astype("float32"))
    weight = model.attrs.get("tok2vec_weight", 0.0)
    mean = tok2vec_mean(doc) if weight else None
    if mean is not None and float((mean * mean).sum()) > 0.0:
        all_keys.append(numpy.arange(len(mean), dtype="uint64") ^ numpy.uint64(_DENSE_SALT))
        all_vals.append((mean * (weight / math.sqrt(float((mean * mean).sum())))).astype("float32"))
    if not all_keys:
        return numpy.zeros((0,), dtype="uint64"), numpy.zeros((0,), dtype="float32")
    return numpy.concatenate(all_keys), numpy.concatenate(all_vals)


def tok2vec_mean(doc):
    """The mean of the Doc's token vectors: kept in its user data, else from its tensor; None without either."""
    import numpy

    kept = doc.user_data.get(TOK2VEC_MEAN)
    if kept is not None:
        return numpy.frombuffer(kept, dtype="float32")
    tensor = doc.tensor
    if len(doc) == 0 or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) or not tensor.shape[1]:
        return None
    return numpy.asarray(tensor, dtype="float32").mean(axis=0)


def keep_tok2vec_mean(doc, tensor_rows=None) -> None:
    """Keep in the Doc's user data the mean of its token vectors (or of `tensor_rows`), which `DocBin` and a Doc
    rebuilt from a span otherwise lose."""
    import numpy

    mean = tok2vec_mean(doc) if tensor_rows is None else (
        numpy.asarray(tensor_rows, dtype="float32").mean(axis=0) if len(tensor_rows) else None)
    if mean is not None:
        doc.user_data[TOK2VEC_MEAN] = numpy.ascontiguousarray(mean, dtype="float32").tobytes()


def _ngrams(ops, unigrams, size: int):
    import numpy

    unigrams = numpy.ascontiguousarray(unigrams, dtype="uint64")
    grams = [unigrams] + [numpy.asarray(ops.ngrams(n, unigrams)) for n in range(2, size + 1) if len(unigrams) >= n]
    return numpy.concatenate(grams).astype("uint64")


def _char_grams(lowers, strings, cache: dict, sizes: tuple[int, int]):
    """Hashes of the character n-grams of each word padded with spaces (scikit-learn's `char_wb`), cached by the
    lower-cased word's hash (looking a word up by hash is cheaper than making a Token for it)."""
    import numpy

    if len(cache) > _CHAR_CACHE_LIMIT:
        cache.clear()
    parts = []
    for key in lowers.tolist():
        grams = cache.get(key)
        if grams is None:
            grams = cache[key] = _word_char_grams(strings[key], sizes)
        parts.append(grams)
    return numpy.concatenate(parts) if parts else numpy.zeros((0,), dtype="uint64")


def _word_char_grams(word: str, sizes: tuple[int, int]):
    import numpy
    from spacy.strings import get_string_id

    padded = f" {word} "
    low, high = sizes
    grams = [padded[start:start + n] for n in range(low, high + 1) for start in range(len(padded) - n + 1)]
    return numpy.asarray([get_string_id(gram) for gram in grams], dtype="uint64")


def register_tagged_features() -> None:
    """Register the architecture with spaCy, so configs can name it and saved models load; safe to call again."""
    from spacy.util import registry

    if not registry.has("architectures", TAGGED_FEATURES):
        registry.architectures.register(TAGGED_FEATURES, func=build_tagged_features)
