"""Bulk import streams: a generator of records larger than one chunk lands whole, or not at all, newest edit winning."""

from __future__ import annotations

from datetime import timedelta

import pytest

from annotator.errors import NotFoundError
from annotator.models import Annotation, Article, Claim, ClaimEdit, utc_now

CLAIMS = 1_200
ANNOTATORS = 10


@pytest.fixture
def many_claims(store):
    for number in range(CLAIMS // 100):
        sentences = [f"District {number} counted {100 + i} visitors at site {i}." for i in range(100)]
        body = " ".join(sentences)
        article = Article(id=f"m{number:03d}", source=f"m/{number}.txt", body=body, content_hash=f"m{number}")
        claims, cursor = [], 0
        for position, sentence in enumerate(sentences):
            start = body.index(sentence, cursor)
            cursor = start + len(sentence)
            claims.append(Claim(id=f"m{number:03d}-{position:03d}", article=article.ref(), text=sentence,
                                source_text=sentence, start=start, end=cursor, position=position))
        store.articles.add(article, claims)
    return store


def records(label: str = "verified", *, hours: int = 0, bad_at: int | None = None):
    when = utc_now() - timedelta(days=1) + timedelta(hours=hours)
    for index in range(CLAIMS * ANNOTATORS):
        claim = f"m{index // ANNOTATORS // 100:03d}-{index // ANNOTATORS % 100:03d}"
        if index == bad_at:
            claim = "no-such-claim"
        yield Annotation(claim_id=claim, annotator=f"a{index % ANNOTATORS}", label=label,
                         created_at=when, updated_at=when)


def test_a_stream_longer_than_a_chunk_lands_whole_and_newest_wins(many_claims):
    store = many_claims
    first = store.annotations.import_records(records())
    assert (first.added, first.updated, first.unchanged) == (CLAIMS * ANNOTATORS, 0, 0)
    again = store.annotations.import_records(records())
    assert (again.added, again.updated, again.unchanged) == (0, 0, CLAIMS * ANNOTATORS)
    newer = store.annotations.import_records(records("contested", hours=2))
    assert newer.updated == CLAIMS * ANNOTATORS
    older = store.annotations.import_records(records("unverifiable", hours=1))
    assert older.updated == 0 and older.unchanged == CLAIMS * ANNOTATORS
    labels = {vote.label for vote in store.annotations.votes()}
    assert labels == {"contested"}
    assert len(store.annotations.history("m011-099", "a9")) == 3, "the older edit is kept in the history only"


def test_one_bad_record_late_in_the_stream_imports_nothing(many_claims):
    store = many_claims
    with pytest.raises(NotFoundError, match="no-such-claim"):
        store.annotations.import_records(records(bad_at=CLAIMS * ANNOTATORS - 3))
    assert list(store.annotations.votes()) == []


def test_duplicates_inside_one_stream_keep_the_newest(many_claims):
    store = many_claims
    when = utc_now() - timedelta(hours=3)
    stream = [Annotation(claim_id="m000-000", annotator="dup", label=label, created_at=when,
                         updated_at=when + timedelta(minutes=minutes))
              for label, minutes in (("verified", 0), ("contested", 10), ("unverifiable", 5))]
    result = store.annotations.import_records(iter(stream))
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    assert store.annotations.get("m000-000", "dup").label == "contested"


def test_every_decision_field_survives_an_import_and_the_same_file_again_changes_nothing(many_claims):
    store = many_claims
    when = utc_now() - timedelta(hours=2)
    record = Annotation(claim_id="m000-001", annotator="full", label="corrected", correction="It was 104.",
                        edit=ClaimEdit(text="District 0 counted 104 visitors.", speaker="the office", start=0, end=20),
                        note="checked the log", evidence=["https://example.org/log", "second source"], flagged=True,
                        duration_ms=900, created_at=when, updated_at=when)
    assert store.annotations.import_records([record]).added == 1
    stored = store.annotations.get("m000-001", "full")
    assert stored.model_dump() == record.model_dump()
    again = store.annotations.import_records([record])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    history = store.annotations.history("m000-001", "full")
    assert len(history) == 1 and history[0]["edit"]["speaker"] == "the office"
    assert history[0]["evidence"] == ["https://example.org/log", "second source"] and history[0]["flagged"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_import_leaves_the_connection_cache_as_it_found_it(many_claims):
    """The page cache size is a SQLite setting, so this runs on SQLite alone rather than skipping PostgreSQL."""
    store = many_claims
    with store.db.write() as session:
        before = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    store.annotations.import_records(records())
    with store.db.write() as session:
        assert session.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
