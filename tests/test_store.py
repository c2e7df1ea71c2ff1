"""Store behaviour, run with the same bodies on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

from datetime import timedelta

import pytest

from annotator.errors import DatabaseError, NotFoundError
from annotator.models import Adjudication, Annotation, Article, Claim, Conflict, utc_now
from annotator.store import open_store


def make_article(article_id: str, source: str, body: str, content_hash: str | None = None) -> Article:
    return Article(id=article_id, source=source, body=body, content_hash=content_hash or article_id, event="ev",
                   outlet="Example Post", title=f"Title {article_id}")


def make_claims(article: Article, sentences: list[str]) -> list[Claim]:
    claims, offset = [], 0
    for position, sentence in enumerate(sentences):
        start = article.body.index(sentence, offset)
        end = start + len(sentence)
        offset = end
        claims.append(Claim(id=f"{article.id}-{position}", article=article.ref(), text=sentence,
                            source_text=sentence, start=start, end=end, position=position, kind="event"))
    return claims


@pytest.fixture
def two_articles(store):
    first = make_article("a1", "one.txt", "The mayor said 40 boats came. Ships waited 3 days.")
    second = make_article("a2", "two.txt", "Nearly 50 boats came, officials said.")
    store.articles.add(first, make_claims(first, ["The mayor said 40 boats came.", "Ships waited 3 days."]))
    store.articles.add(second, make_claims(second, ["Nearly 50 boats came, officials said."]))
    return store


def test_claims_come_back_in_reading_order_with_article_identity(two_articles):
    claims = list(two_articles.claims.all())
    assert [c.id for c in claims] == ["a1-0", "a1-1", "a2-0"]
    assert claims[0].article.source == "one.txt" and claims[0].article.outlet == "Example Post"
    assert two_articles.claims.ids() == ["a1-0", "a1-1", "a2-0"]
    assert [c.id for c in two_articles.claims.all(article="two.txt")] == ["a2-0"]


def test_reingesting_same_content_changes_nothing(two_articles):
    again = make_article("a1", "one.txt", "The mayor said 40 boats came. Ships waited 3 days.")
    result = two_articles.articles.add(again, make_claims(again, ["Ships waited 3 days."]))
    assert result.status == "unchanged"
    assert two_articles.claims.count() == 3


def test_changed_article_becomes_new_version_and_old_annotations_stay(two_articles):
    two_articles.annotations.save(Annotation(claim_id="a1-0", annotator="alice", label="verified"))
    changed = make_article("a1v2", "one.txt", "The mayor said 45 boats came.")
    result = two_articles.articles.add(changed, make_claims(changed, ["The mayor said 45 boats came."]))
    assert result.status == "new_version" and result.superseded_id == "a1"
    assert "a1-0" not in two_articles.claims.ids()
    old = {c.id: c for c in two_articles.claims.all()}["a1-0"]
    assert old.superseded is True
    assert two_articles.annotations.get("a1-0", "alice").label == "verified"


def test_saved_annotation_survives_reopening(two_articles, db_url):
    two_articles.annotations.save(Annotation(claim_id="a1-1", annotator="bob", label="corrected",
                                            correction="Ships waited 4 days.", duration_ms=1200))
    two_articles.close()
    reopened = open_store(db_url)
    saved = reopened.annotations.get("a1-1", "bob")
    assert saved.label == "corrected" and saved.correction == "Ships waited 4 days." and saved.duration_ms == 1200
    assert reopened.annotations.progress("bob").done == 1 and reopened.annotations.progress("bob").total == 3
    reopened.close()


def test_relabel_replaces_and_history_keeps_every_step(two_articles):
    two_articles.annotations.save(Annotation(claim_id="a2-0", annotator="alice", label="verified"))
    two_articles.annotations.save(Annotation(claim_id="a2-0", annotator="alice", label="contested", note="two figures"))
    two_articles.annotations.remove("a2-0", "alice")
    assert two_articles.annotations.get("a2-0", "alice") is None
    assert [h["action"] for h in two_articles.annotations.history("a2-0", "alice")] == ["save", "save", "remove"]
    assert [h["label"] for h in two_articles.annotations.history("a2-0", "alice")] == ["verified", "contested", "contested"]


def test_annotation_on_unknown_claim_is_refused(two_articles):
    with pytest.raises(NotFoundError, match="nope"):
        two_articles.annotations.save(Annotation(claim_id="nope", annotator="alice", label="verified"))


def test_import_is_idempotent_and_newest_edit_wins(two_articles):
    older = utc_now() - timedelta(hours=1)
    records = [
        Annotation(claim_id="a1-0", annotator="carol", label="verified", created_at=older, updated_at=older),
        Annotation(claim_id="a1-1", annotator="carol", label="unverifiable", created_at=older, updated_at=older),
    ]
    first = two_articles.annotations.import_records(records)
    second = two_articles.annotations.import_records(records)
    assert (first.added, second.added, second.unchanged) == (2, 0, 2)
    newer = records[0].model_copy(update={"label": "contested", "updated_at": utc_now()})
    stale = records[1].model_copy(update={"label": "verified", "updated_at": older - timedelta(hours=1)})
    third = two_articles.annotations.import_records([newer, stale])
    assert third.updated == 1
    assert two_articles.annotations.get("a1-0", "carol").label == "contested"
    assert two_articles.annotations.get("a1-1", "carol").label == "unverifiable"
    assert len(two_articles.annotations.history("a1-1", "carol")) == 2


def test_import_with_unknown_claim_imports_nothing(two_articles):
    records = [Annotation(claim_id="a1-0", annotator="dan", label="verified"),
               Annotation(claim_id="ghost", annotator="dan", label="verified")]
    with pytest.raises(NotFoundError, match="ghost"):
        two_articles.annotations.import_records(records)
    assert two_articles.annotations.get("a1-0", "dan") is None


def test_export_items_group_annotations_and_adjudication_per_claim(two_articles):
    for name, label in (("alice", "verified"), ("bob", "contested")):
        two_articles.annotations.save(Annotation(claim_id="a1-0", annotator=name, label=label))
    two_articles.annotations.save(Annotation(claim_id="a2-0", annotator="alice", label="verified"))
    two_articles.adjudications.save(Adjudication(claim_id="a1-0", adjudicator="lead", label="contested"))
    items = {claim.id: (annotations, adjudication) for claim, annotations, adjudication in two_articles.export.items()}
    assert sorted(a.annotator for a in items["a1-0"][0]) == ["alice", "bob"]
    assert items["a1-0"][1].label == "contested"
    assert items["a1-1"] == ([], None)
    assert [a.label for a in items["a2-0"][0]] == ["verified"]


def test_links_update_without_touching_annotations(two_articles):
    two_articles.annotations.save(Annotation(claim_id="a1-0", annotator="alice", label="verified"))
    claim = two_articles.claims.get("a1-0").model_copy(update={
        "group": "g1", "corroborated_by": ["a2"], "conflicts": [Conflict(claim_id="a2-0", detail="count: 40 vs 50")]})
    two_articles.claims.update_links([claim])
    stored = two_articles.claims.get("a1-0")
    assert stored.group == "g1" and stored.conflicts[0].detail == "count: 40 vs 50"
    assert two_articles.annotations.get("a1-0", "alice").label == "verified"


def test_a_groups_claims_come_back_together_in_reading_order(two_articles):
    linked = [two_articles.claims.get(claim_id).model_copy(update={"group": "g1"}) for claim_id in ("a2-0", "a1-0")]
    two_articles.claims.update_links(linked)
    members = two_articles.claims.in_groups(["g1", "g-unknown", ""])
    assert [claim.id for claim in members["g1"]] == ["a1-0", "a2-0"]
    assert members["g-unknown"] == [] and "" not in members
    assert two_articles.claims.in_groups([]) == {}


def test_unreadable_database_url_is_one_clear_error():
    with pytest.raises(DatabaseError, match="cannot use database URL"):
        open_store("nosuchdriver://whatever")


def test_unreachable_postgres_is_one_clear_error():
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url):
    store = open_store(sqlite_url)
    with store.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_search_filters_run_in_the_database(two_articles):
    two_articles.annotations.save(Annotation(claim_id="a1-1", annotator="alice", label="contested", flagged=True))
    claim = two_articles.claims.get("a2-0").model_copy(update={"conflicts": [Conflict(claim_id="a1-0", detail="x")]})
    two_articles.claims.update_links([claim])
    assert two_articles.claims.ids(text="BOATS") == ["a1-0", "a2-0"]
    assert two_articles.claims.ids(text="50%") == []
    assert two_articles.claims.ids(article="two.txt") == ["a2-0"]
    assert two_articles.claims.ids(article="example post") == ["a1-0", "a1-1", "a2-0"]
    assert two_articles.claims.ids(has_conflicts=True) == ["a2-0"]
    assert two_articles.claims.ids(annotator="alice", unlabelled=True) == ["a1-0", "a2-0"]
    assert two_articles.claims.ids(annotator="alice", label="contested") == ["a1-1"]
    assert two_articles.claims.ids(annotator="alice", flagged=True) == ["a1-1"]
    assert two_articles.articles.claim_ids("a1") == ["a1-0", "a1-1"]
    assert two_articles.articles.refs(["a2"])["a2"].source == "two.txt"


def test_label_votes_are_the_current_decisions(two_articles):
    two_articles.annotations.save(Annotation(claim_id="a1-0", annotator="alice", label="verified"))
    two_articles.annotations.save(Annotation(claim_id="a1-0", annotator="alice", label="contested"))
    two_articles.annotations.save(Annotation(claim_id="a2-0", annotator="bob", label="verified"))
    assert sorted(two_articles.annotations.votes()) == [("a1-0", "alice", "contested"), ("a2-0", "bob", "verified")]


def test_import_of_records_without_a_time_zone_takes_them_as_utc(two_articles):
    first = Annotation.model_validate({"claim_id": "a1-0", "annotator": "eve", "label": "verified",
                                       "updated_at": "2024-01-02T00:00:00", "created_at": "2024-01-02T00:00:00"})
    two_articles.annotations.import_records([first])
    later = Annotation.model_validate({"claim_id": "a1-0", "annotator": "eve", "label": "contested",
                                       "updated_at": "2024-01-03T00:00:00", "created_at": "2024-01-02T00:00:00"})
    assert two_articles.annotations.import_records([later]).updated == 1
    assert two_articles.annotations.get("a1-0", "eve").updated_at.tzinfo is not None


def test_database_errors_never_show_a_password_and_missing_drivers_are_one_line():
    with pytest.raises(DatabaseError) as caught:
        open_store("postgresql+psycopg://u:hunter2@127.0.0.1:1/x?password=s3cret")
    assert "hunter2" not in caught.value.message and "s3cret" not in caught.value.message
    with pytest.raises(DatabaseError, match="cannot use database URL"):
        open_store("mysql://user:pw@localhost/db")


def test_a_refused_change_is_not_reported_as_an_unreachable_database(two_articles):
    from annotator.errors import DatabaseUnavailable
    from annotator.store.tables import AnnotatorRow

    with pytest.raises(DatabaseError, match="refused") as caught:
        with two_articles.db.write() as session:
            session.add(AnnotatorRow(name="alice", created_at=utc_now()))
            session.flush()
            session.add(AnnotatorRow(name="alice", created_at=utc_now()))
    assert not isinstance(caught.value, DatabaseUnavailable)
