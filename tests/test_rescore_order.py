"""Scores from a trained model: rescoring leaves every decision alone, and the queue can follow the scores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.extract.cw_model import load_model
from annotator.extract.cw_training import train_checkworthiness
from annotator.learn import rescore_claims
from annotator.models import Adjudication, Annotation, QueueSpec
from annotator.store import open_store
from tests.checkworthiness_data import add_labelled_claims, label_claims, labelled_sentences
from tests.test_store_queue import all_ids, make_article

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("model") / "cw"
    train_checkworthiness(labelled_sentences(40, 40), folder, architecture="bow", epochs=4)
    return folder


def decisions(store) -> tuple[list[dict], list[dict], list]:
    annotations = sorted((a.model_dump(mode="json") for a in store.annotations.all()), key=lambda a: a["claim_id"])
    adjudications = [a.model_dump(mode="json") for a in store.adjudications.all()]
    history = [row for claim in {a["claim_id"] for a in annotations} for row in store.annotations.history(claim, "ana")]
    return annotations, adjudications, history


def test_rescore_gives_every_claim_the_models_score_and_touches_no_decision(store, model_dir):
    sentences = labelled_sentences(8, 8)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims[:10], sentences[:10])
    store.annotations.save(Annotation(claim_id=claims[3].id, annotator="bo", label="contested", note="see p. 4",
                                     flagged=True, evidence=["https://example.org/report"]))
    store.adjudications.save(Adjudication(claim_id=claims[3].id, adjudicator="lead", label="contested"))
    before = decisions(store)
    model = load_model(model_dir)
    report = rescore_claims(store, model, batch_size=5)
    assert report.scored == 16 and report.model_version == model.version
    after = [store.claims.get(claim.id) for claim in claims]
    assert all(claim.checkworthiness_model == model.version for claim in after)
    assert [claim.checkworthiness for claim in after] == model.score([claim.text for claim in claims])
    assert all(claim.checkworthiness_features == ["named_entity"] for claim in after), "the formula's view stays"
    assert decisions(store) == before
    assert store.scores.models() == {model.version: 16}


def test_rescore_only_unlabelled_and_only_one_event(store, model_dir):
    sentences = labelled_sentences(5, 5)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims[:4], sentences[:4])
    report = rescore_claims(store, load_model(model_dir), unlabelled_only=True)
    assert report.scored == 6
    stored = [store.claims.get(claim.id) for claim in claims]
    assert [claim.checkworthiness_model is None for claim in stored] == [True] * 4 + [False] * 6
    assert rescore_claims(store, load_model(model_dir), event="no-such-event").scored == 0


def set_scores(store, scores: dict[str, float]) -> None:
    store.scores.update(list(scores.items()), "test-model")


@pytest.fixture
def scored(store):
    """Two articles of four claims with scores chosen so the three orders differ."""
    for number in range(2):
        store.articles.add(*make_article(number))
    set_scores(store, {"a0-0": 0.10, "a0-1": 0.95, "a0-2": 0.52, "a0-3": 0.70,
                       "a1-0": 0.45, "a1-1": 0.95, "a1-2": 0.30, "a1-3": 0.99})
    return store


def test_queue_orders_by_score_and_by_uncertainty(scored):
    reading = ["a0-0", "a0-1", "a0-2", "a0-3", "a1-0", "a1-1", "a1-2", "a1-3"]
    assert all_ids(scored, QueueSpec(annotator="ana")) == reading
    by_score = ["a1-3", "a0-1", "a1-1", "a0-3", "a0-2", "a1-0", "a1-2", "a0-0"]
    assert all_ids(scored, QueueSpec(annotator="ana", order="score")) == by_score
    uncertain = ["a0-2", "a1-0", "a0-3", "a1-2", "a0-0", "a0-1", "a1-1", "a1-3"]
    assert all_ids(scored, QueueSpec(annotator="ana", order="uncertain")) == uncertain
    spec = QueueSpec(annotator="ana", order="uncertain")
    assert [scored.queue.index(spec, claim_id) for claim_id in uncertain] == list(range(8))
    scored.annotations.save(Annotation(claim_id="a0-2", annotator="ana", label="verified"))
    assert scored.queue.next_unlabelled(spec, None) == (1, "a1-0", False)
    assert scored.queue.next_unlabelled(spec, "a1-1") == (7, "a1-3", False)


def test_a_rescore_reorders_the_queue_it_feeds(scored):
    spec = QueueSpec(annotator="ana", order="score")
    assert scored.queue.page(spec, 0, 1) == ["a1-3"]
    set_scores(scored, {"a0-0": 1.0})
    assert scored.queue.page(spec, 0, 2) == ["a0-0", "a1-3"]


def test_routing_hands_out_claims_in_the_chosen_order(scored):
    handed = []
    for _ in range(3):
        claim = scored.routing.reserve_next("ana", overlap=1, lease_seconds=60, order="score")
        handed.append(claim.id)
        scored.annotations.save(Annotation(claim_id=claim.id, annotator="ana", label="verified"), overlap=1)
    assert handed == ["a1-3", "a0-1", "a1-1"]
    claim = scored.routing.reserve_next("bo", overlap=1, lease_seconds=60, order="uncertain")
    assert claim.id == "a0-2", "the claims ana took are full; bo gets the least certain of the rest"
    assert scored.routing.reserve_next("cy", overlap=1, lease_seconds=60, order="uncertain").id == "a1-0"


def test_ingest_with_a_model_records_its_version_and_rescore_command(tmp_path, model_dir):
    from annotator.cli.annotate_cmds import sample_dir

    db = f"sqlite:///{tmp_path / 'cw.db'}"
    run = [ANNOTATOR, "ingest", str(sample_dir()), "--db", db, "--model", str(model_dir)]
    result = subprocess.run(run, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in subprocess.run(
        [ANNOTATOR, "claims", "--format", "jsonl", "--db", db], capture_output=True, text=True, timeout=300
    ).stdout.splitlines()]
    version = load_model(model_dir).version
    assert claims and all(claim["checkworthiness_model"] == version for claim in claims)
    assert any(claim["checkworthiness_features"] for claim in claims), "the formula's features are kept"
    store = open_store(db)
    store.scores.update([(claims[0]["id"], 0.5)], None)
    store.close()
    result = subprocess.run([ANNOTATOR, "rescore", "--db", db, "--model", str(model_dir)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"{len(claims)} claims scored by model {version}"
    missing = subprocess.run([ANNOTATOR, "rescore", "--db", db, "--model", str(tmp_path / "nope")],
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 2
    assert missing.stderr.strip().startswith(f"annotator: {tmp_path / 'nope'}: no such model folder")
