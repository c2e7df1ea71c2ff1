"""Team features in the store: disagreements for review, statistics, merging an offline database."""

from __future__ import annotations

from datetime import timedelta

from annotator.models import Adjudication, Annotation, utc_now
from annotator.store import merge_into, open_store
from tests.test_routing import seed_claims


def label(store, claim_id, name, value, ms=None):
    store.annotations.save(Annotation(claim_id=claim_id, annotator=name, label=value, duration_ms=ms))


def test_claims_to_review_lists_only_disagreements_unless_asked(store):
    ids = seed_claims(store, 3)
    label(store, ids[0], "alice", "verified")
    label(store, ids[0], "bob", "contested")
    label(store, ids[1], "alice", "verified")
    label(store, ids[1], "bob", "verified")
    label(store, ids[2], "alice", "verified")
    assert store.team.claims_to_review() == [ids[0]]
    assert store.team.claims_to_review(include_agreed=True) == [ids[0], ids[1]]


def test_team_stats_counts_progress_pace_and_waiting_adjudications(store):
    ids = seed_claims(store, 4)
    label(store, ids[0], "alice", "verified", 1000)
    label(store, ids[0], "bob", "contested", 3000)
    label(store, ids[1], "alice", "verified", 2000)
    label(store, ids[1], "bob", "verified")
    store.routing.reserve_next("carol", overlap=2, lease_seconds=60)
    team = store.team.stats(overlap=2)
    assert (team.claims, team.complete, team.in_progress, team.untouched) == (4, 2, 0, 2)
    assert team.reserved == 1 and team.awaiting_adjudication == 1
    alice = {row.annotator: row for row in team.annotators}["alice"]
    assert alice.annotations == 2 and alice.median_ms == 1500
    store.adjudications.save(Adjudication(claim_id=ids[0], adjudicator="lead", label="contested"))
    assert store.team.stats(overlap=2).awaiting_adjudication == 0
    assert [a.label for a in store.annotations.for_claim(ids[0])] == ["verified", "contested"], "kept as they were"


def test_merge_brings_offline_work_in_once_and_keeps_newest(tmp_path, store):
    ids = seed_claims(store, 3)
    laptop = open_store(f"sqlite:///{tmp_path / 'laptop.db'}")
    merge_into(laptop, store)
    assert laptop.claims.ids() == ids
    earlier = utc_now() - timedelta(minutes=5)
    store.annotations.save(Annotation(claim_id=ids[0], annotator="alice", label="verified"))
    laptop.annotations.import_records([
        Annotation(claim_id=ids[0], annotator="alice", label="contested", created_at=earlier, updated_at=earlier),
        Annotation(claim_id=ids[1], annotator="alice", label="unverifiable"),
    ])
    laptop.adjudications.save(Adjudication(claim_id=ids[2], adjudicator="lead", label="verified"))
    first = merge_into(store, laptop)
    second = merge_into(store, laptop)
    assert (first.annotations.added, first.adjudications) == (1, 1)
    assert (second.annotations.added, second.annotations.updated, second.adjudications) == (0, 0, 0)
    assert store.annotations.get(ids[0], "alice").label == "verified", "the newer edit wins"
    assert "contested" in [h["label"] for h in store.annotations.history(ids[0], "alice")], "the history keeps both"
    assert store.annotations.get(ids[1], "alice").label == "unverifiable"
    assert store.adjudications.get(ids[2]).label == "verified"
    laptop.close()


def test_merge_never_makes_an_older_article_version_current_again(tmp_path, store):
    from tests.test_store import make_article, make_claims

    laptop = open_store(f"sqlite:///{tmp_path / 'laptop.db'}")
    old = make_article("v1", "e/x.txt", "The ferry carried 40 cars.")
    laptop.articles.add(old, make_claims(old, ["The ferry carried 40 cars."]))
    laptop.annotations.save(Annotation(claim_id="v1-0", annotator="alice", label="verified"))
    new = make_article("v2", "e/x.txt", "The ferry carried 45 cars.")
    store.articles.add(new, make_claims(new, ["The ferry carried 45 cars."]))
    merge_into(store, laptop)
    assert store.claims.ids() == ["v2-0"], "the version reviewers here work on stays current"
    assert store.claims.get("v1-0").superseded and store.annotations.get("v1-0", "alice").label == "verified"
    laptop.close()
