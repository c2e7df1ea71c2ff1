"""Training check-worthiness from the team's labels and from labelled files, as `annotator train` does it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import InputFileError, UsageError
from annotator.extract.cw_model import load_model
from annotator.extract.labelled_files import read_labelled_file
from annotator.learn import database_examples, gather_examples, train_from_labels
from annotator.models import Adjudication, Annotation
from tests.checkworthiness_data import add_labelled_claims, fact, label_claims, labelled_sentences, talk

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
FAST = {"architecture": "bow", "epochs": 2}


def run(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def write_jsonl(path: Path, sentences) -> Path:
    path.write_text("".join(json.dumps({"text": s.text, "label": s.label}) + "\n" for s in sentences))
    return path


@pytest.fixture(scope="module")
def data_model(tmp_path_factory) -> Path:
    """A model trained once by the command, from a JSONL file only (no database)."""
    folder = tmp_path_factory.mktemp("train")
    data = write_jsonl(folder / "labels.jsonl", labelled_sentences(45, 45))
    result = run("train", "--data", str(data), "--out", str(folder / "cw"), "--architecture", "bow",
                 "--epochs", "5", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "written to" in result.stderr
    return folder / "cw"


def test_train_from_a_data_file_writes_the_model_and_its_dev_metrics(data_model):
    metrics = json.loads((data_model / "metrics.json").read_text())
    assert metrics["sources"] == {str(data_model.parent / "labels.jsonl"): 90}
    assert metrics["counts"]["dev"]["total"] + metrics["counts"]["train"]["total"] == 90
    assert metrics["counts"]["dev"]["positive"] == 9 and metrics["counts"]["dev"]["negative"] == 9
    assert metrics["seed"] == 3 and metrics["architecture"] == "bow"
    for figure in ("precision", "recall", "f1", "roc_auc", "average_precision"):
        assert 0.0 <= metrics["dev"][figure] <= 1.0
    assert metrics["dev"]["roc_auc"] > 0.8, "the patterns are easy to tell apart"


def test_model_round_trip_scores_unseen_sentences_with_its_version(data_model):
    model = load_model(data_model)
    assert model.version == json.loads((data_model / "metrics.json").read_text())["version"]
    assert model.version.startswith("cw-")
    facts = model.score([fact(i) for i in range(200, 210)])
    others = model.score([talk(i) for i in range(200, 210)])
    assert all(0.0 <= score <= 1.0 for score in facts + others)
    assert min(facts) > 0.5 > max(others), "unseen facts rank above unseen small talk"
    assert load_model(data_model).score([fact(300)]) == model.score([fact(300)]), "the same model gives the same score"


def test_train_from_the_database_uses_resolved_labels(store, tmp_path):
    sentences = labelled_sentences(35, 35)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims, sentences)
    # a tie between two annotators is left out, unless a lead settles it
    store.annotations.save(Annotation(claim_id=claims[0].id, annotator="bo", label="not_a_claim"
                                     if sentences[0].label else "verified"))
    store.annotations.save(Annotation(claim_id=claims[1].id, annotator="bo", label="not_a_claim"
                                     if sentences[1].label else "verified"))
    store.adjudications.save(Adjudication(claim_id=claims[1].id, adjudicator="lead", label="contested"))
    examples = database_examples(store)
    assert len(examples) == 69
    assert (claims[1].text, 1) in examples, "the adjudication wins, and every verdict but not_a_claim is positive"
    assert all(text != claims[0].text for text, _ in examples)
    run_ = train_from_labels(store, tmp_path / "cw", seed=1, **FAST)
    assert run_.metrics.sources == {"database": 69}
    assert run_.metrics.counts["train"].total + run_.metrics.counts["dev"].total == 69
    assert load_model(tmp_path / "cw").version == run_.metrics.version


def test_database_and_data_files_are_trained_on_together(store, tmp_path):
    sentences = labelled_sentences(10, 10)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims, sentences)
    data = write_jsonl(tmp_path / "more.jsonl", labelled_sentences(30, 30)[:40])
    sources = gather_examples(store, [data])
    assert {name: len(found) for name, found in sources.items()} == {"database": 20, str(data): 40}
    assert sources[str(data)] == labelled_sentences(30, 30)[:40]


def test_too_few_labels_is_one_clear_line(store, tmp_path):
    sentences = labelled_sentences(6, 6)
    claims = add_labelled_claims(store, sentences)
    label_claims(store, claims, sentences)
    with pytest.raises(UsageError, match=r"^12 labelled claims; need at least 50 with both classes$"):
        train_from_labels(store, tmp_path / "cw", **FAST)
    assert not (tmp_path / "cw").exists()


def test_one_class_only_is_refused(tmp_path):
    data = write_jsonl(tmp_path / "facts.jsonl", [s for s in labelled_sentences(60, 0)])
    result = run("train", "--data", str(data), "--out", str(tmp_path / "cw"))
    assert result.returncode == 2
    assert result.stderr.strip() == ("annotator: 60 labelled claims (60 check-worthy, 0 not); "
                                     "need at least 50 with both classes")


def test_bad_data_files_name_the_file_and_the_line(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "The pier opened in 1999.", "label": 1}\n{"text": "Hello", "label": "maybe?"}\n')
    with pytest.raises(InputFileError, match=r"broken.jsonl: line 2: label 'maybe\?' is neither"):
        read_labelled_file(broken)
    result = run("train", "--data", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "cw"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"annotator: {tmp_path / 'missing.csv'}: no such file"


def test_claimbuster_json_and_csv_and_label_names_are_read(tmp_path):
    (tmp_path / "cb.json").write_text(json.dumps([
        {"sentence_id": 1, "label": 1, "text": "The tram line cost 40 million crowns."},
        {"sentence_id": 2, "label": 0, "text": "Thank you."},
    ]))
    (tmp_path / "cb.csv").write_text(
        "Sentence_id,Text,Verdict\n3,\"Exports fell 4 percent, the office said.\",1\n4,I hope so.,-1\n5,We did it.,0\n"
    )
    (tmp_path / "named.jsonl").write_text(
        '{"text": "The pier closed in 2004.", "label": "verified"}\n{"text": "Good evening.", "label": "not_a_claim"}\n'
    )
    assert [s.label for s in read_labelled_file(tmp_path / "cb.json")] == [1, 0]
    assert [s.label for s in read_labelled_file(tmp_path / "cb.csv")] == [1, 0, 0]
    assert read_labelled_file(tmp_path / "cb.csv")[0].text == "Exports fell 4 percent, the office said."
    assert [s.label for s in read_labelled_file(tmp_path / "named.jsonl")] == [1, 0]


def test_out_folder_with_other_files_is_refused(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    data = write_jsonl(tmp_path / "labels.jsonl", labelled_sentences(30, 30))
    result = run("train", "--data", str(data), "--out", str(tmp_path / "notes"))
    assert result.returncode == 2
    assert "exists and is not a check-worthiness model" in result.stderr
    assert (tmp_path / "notes" / "todo.txt").read_text() == "keep me"


def test_the_default_model_reads_tags_and_entities_and_keeps_the_cut_chosen_on_dev(tmp_path):
    """The default architecture tags sentences with the English pipeline first, in training and when it scores."""
    from annotator.extract.cw_config import DEFAULT_ARCHITECTURE, MODEL_META_KEY
    from annotator.extract.cw_training import train_checkworthiness

    metrics = train_checkworthiness(labelled_sentences(45, 45), tmp_path / "cw", epochs=3, seed=1)
    meta = json.loads((tmp_path / "cw" / "meta.json").read_text())[MODEL_META_KEY]
    assert metrics.architecture == DEFAULT_ARCHITECTURE == "tagged"
    assert meta["tagger"].startswith("en_core_web_sm"), "the model names the pipeline that tags its sentences"
    assert meta["threshold"] == metrics.threshold and 0.05 <= metrics.threshold <= 0.95
    model = load_model(tmp_path / "cw")
    assert model.tagger is not None and model.threshold == metrics.threshold
    facts = model.score([fact(i) for i in range(200, 210)])
    others = model.score([talk(i) for i in range(200, 210)])
    assert min(facts) > 0.5 > max(others), "unseen facts rank above unseen small talk"
    assert metrics.dev.f1 == 1.0


def test_the_cut_is_where_recall_equals_specificity_and_reads_as_one_half():
    from annotator.extract.cw_metrics import equal_error_threshold
    from annotator.extract.cw_model import shifted

    labels = [1] * 10 + [0] * 30
    scores = [0.30 + i / 100 for i in range(10)] + [0.05 + i / 200 for i in range(30)]
    cut = equal_error_threshold(labels, scores)
    assert 0.2 <= cut <= 0.30, "between the highest negative (0.195) and the lowest positive (0.30)"
    assert shifted(cut, cut) == pytest.approx(0.5)
    assert shifted(0.31, cut) > 0.5 > shifted(0.19, cut)
    assert sorted(scores, key=lambda s: shifted(s, cut)) == sorted(scores), "the shift keeps the order"


def test_the_cut_keeps_the_same_share_of_each_class_on_its_side():
    """Labels as the `uncertain` order draws them: four times as many others as check-worthy, both classes
    overlapping; the cut calls as large a share of the check-worthy ones check-worthy as of the others not."""
    from annotator.extract.cw_metrics import equal_error_threshold

    labels = [1] * 20 + [0] * 80
    scores = [0.10 + i / 100 for i in range(4)] + [0.45 + i / 50 for i in range(16)] + \
             [0.05 + i / 400 for i in range(64)] + [0.36 + i / 100 for i in range(16)]
    cut = equal_error_threshold(labels, scores)
    recall = sum(s >= cut for s, y in zip(scores, labels) if y) / 20
    specificity = sum(s < cut for s, y in zip(scores, labels) if not y) / 80
    assert recall == specificity == 0.8
