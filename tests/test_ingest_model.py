"""Ingest with a trained `tagged` model scores each claim from the tags the article's parse already gave it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.extract.cw_model import load_model
from annotator.ingest import ingest_paths
from tests.checkworthiness_data import labelled_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "articles" / "harbour"
AGREEING_SHARE = 0.8
"""Claims whose score from the article's tags must be within 0.005 of the score of their text tagged alone: they
differ more only where the tagger or the entity recogniser reads a word differently in the whole article than in one
sentence."""


@pytest.fixture(scope="module")
def tagged_model(tmp_path_factory):
    from annotator.extract.cw_training import train_checkworthiness

    folder = tmp_path_factory.mktemp("cw") / "model"
    train_checkworthiness(labelled_sentences(45, 45), folder, epochs=3, seed=1)
    return load_model(folder)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_the_ingest_pipeline_is_the_tagger_the_model_names(tagged_model, nlp):
    assert tagged_model.reads_tags_of(nlp), "the claims' tags are taken from the article, not tagged again"


def test_a_claim_parsed_alone_scores_exactly_as_its_text(tagged_model, nlp):
    """The features built from a Doc's tags are those the model builds when it tags the text itself."""
    articles = list(read_inputs([FIXTURES]))
    texts = [claim.text for _, claims in extract_many(nlp, articles) for claim in claims]
    assert len(texts) > 20
    from_docs = [tagged_model.score_offsets(doc, [(0, len(doc.text))])[0] for doc in nlp.pipe(texts)]
    assert from_docs == tagged_model.score(texts)


def test_ingest_scores_claims_as_their_texts_score_within_the_tagging_differences(tagged_model, nlp, store, tmp_path):
    folder = tmp_path / "harbour"
    folder.mkdir()
    for source in [*FIXTURES.iterdir(), *sample_dir().rglob("*.txt")]:
        (folder / f"{source.parent.name}_{source.name}").write_bytes(source.read_bytes())
    report = ingest_paths(store, [folder], settings=Settings(), nlp=nlp, model=tagged_model)
    assert report.ok and report.claims > 30
    claims = list(store.claims.all())
    assert {claim.checkworthiness_model for claim in claims} == {tagged_model.version}
    direct = tagged_model.score([claim.text for claim in claims])
    # the article's token vectors see a few words either side of the claim, so scores may move by thousandths
    same = sum(abs(claim.checkworthiness - score) <= 0.005 for claim, score in zip(claims, direct))
    assert same >= AGREEING_SHARE * len(claims), f"{same} of {len(claims)} claims score as their text does"
    assert max(abs(claim.checkworthiness - score) for claim, score in zip(claims, direct)) < 0.5
    crossed = sum((claim.checkworthiness >= 0.5) != (score >= 0.5) for claim, score in zip(claims, direct))
    assert crossed <= 0.05 * len(claims), "the article's tags move few claims across the cut"
