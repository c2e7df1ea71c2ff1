"""The attribute index stands in for the model's attribute ruler: every token gets the very same annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli.annotate_cmds import sample_dir
from annotator.extract import load_pipeline, read_inputs
from annotator.extract.pipeline import ATTRIBUTE_INDEX, CLAIMS_ATTR
from annotator.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
TRICKY = [
    "Y'all gon na see it, but I ai n't sure. Let 's go, c'm on! There is nothin' left, wether or not.",
    "It was, said the mayor, \"not done\"; you did it and it did you. Do n't. I'm here; they 're there; he's gone.",
    "  Spaces\n\n\tand   tabs  ",
    "",
]


def article_texts(shared_dir: Path) -> list[str]:
    paths = [FIXTURES, sample_dir()] + ([shared_dir / "seeds"] if (shared_dir / "seeds").is_dir() else [])
    return [item.body for item in read_inputs(paths) if isinstance(item, Article)]


@pytest.fixture(scope="module")
def pipelines():
    """Our pipeline, and the same pipeline with the model's own attribute ruler running instead of the index."""
    ours = load_pipeline()
    reference = load_pipeline()
    reference.enable_pipe("attribute_ruler")
    reference.disable_pipe(ATTRIBUTE_INDEX)
    return ours, reference


def test_the_pipeline_runs_the_index_instead_of_the_ruler(pipelines):
    ours, _ = pipelines
    assert ATTRIBUTE_INDEX in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    assert ours.pipe_names.index(ATTRIBUTE_INDEX) < ours.pipe_names.index("lemmatizer")


def test_every_token_gets_the_rulers_annotations_and_the_claims_are_the_same(pipelines, shared_dir):
    ours, reference = pipelines
    texts = article_texts(shared_dir) + TRICKY
    compared = 0
    for mine, theirs in zip(ours.pipe(texts), reference.pipe(texts)):
        for a, b in zip(mine, theirs, strict=True):
            assert (a.pos_, a.lemma_, a.tag_, a.dep_, str(a.morph)) == (
                b.pos_, b.lemma_, b.tag_, b.dep_, str(b.morph)
            ), f"token {a.text!r} in {mine.text[:60]!r}"
            compared += 1
        assert mine._.get(CLAIMS_ATTR) == theirs._.get(CLAIMS_ATTR)
    assert compared > 2_000


def test_rules_of_several_tokens_apply(pipelines):
    ours, _ = pipelines
    doc = ours("Y'all gon na see it, and I ai n't sure.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["ai"] == "be"


def test_a_ruler_with_rules_the_index_cannot_read_stays_in_place(pipelines):
    import spacy

    from annotator.extract.pipeline import _index_attribute_ruler, register_components

    ours, _ = pipelines
    nlp = spacy.load(ours.meta["lang"] + "_" + ours.meta["name"])
    nlp.get_pipe("attribute_ruler").add([[{"POS": "PROPN", "LOWER": "ines"}]], {"LEMMA": "Ines"})
    register_components()
    _index_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names and ATTRIBUTE_INDEX not in nlp.pipe_names


@pytest.mark.parametrize("rule, index", [
    ([{"ORTH": "US", "TAG": "NNP"}], 0),
    ([{"TAG": "NNP"}, {"LOWER": "said"}], -3),
    ([{"TAG": "NNP"}], 1),
    ([{"TAG": 12345}], 0),
])
def test_rules_the_index_cannot_evaluate_exactly_keep_the_models_ruler(pipelines, rule, index):
    import spacy

    from annotator.extract.pipeline import _index_attribute_ruler, register_components

    ours, _ = pipelines
    nlp = spacy.load(ours.meta["lang"] + "_" + ours.meta["name"])
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([rule], {"LEMMA": "x"}, index=index)
    register_components()
    _index_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names and ATTRIBUTE_INDEX not in nlp.pipe_names
