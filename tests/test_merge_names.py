"""Merge trims the names stored in the other database, as import does, and refuses an empty one."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.errors import ImportRecordError
from annotator.models import Adjudication, Annotation
from annotator.store import merge_into, open_store
from tests.test_routing import seed_claims


def laptop_with_names(path, claim_ids, annotator: str, adjudicator: str):
    """An offline copy whose names were stored with spaces by an older release (written here with plain SQL)."""
    laptop = open_store(f"sqlite:///{path}")
    for claim_id in claim_ids:
        laptop.annotations.save(Annotation(claim_id=claim_id, annotator="placeholder", label="verified"))
    laptop.adjudications.save(Adjudication(claim_id=claim_ids[0], adjudicator="lead", label="verified"))
    laptop.close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT OR IGNORE INTO annotators (name, created_at) SELECT ?, created_at FROM annotators LIMIT 1", (annotator,))
        connection.execute("UPDATE annotations SET annotator = ? WHERE annotator = 'placeholder'", (annotator,))
        connection.execute("UPDATE adjudications SET adjudicator = ?", (adjudicator,))
    return open_store(f"sqlite:///{path}")


def test_merge_trims_stored_names_so_one_person_stays_one(store, tmp_path):
    ids = seed_claims(store, 2)
    store.annotations.save(Annotation(claim_id=ids[1], annotator="alice", label="contested"))
    laptop = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    merge_into(laptop, store)
    laptop.close()
    laptop = laptop_with_names(tmp_path / "copy.db", ids, "alice ", " lead")
    try:
        merge_into(store, laptop)
    finally:
        laptop.close()
    assert {a.annotator for a in store.annotations.all()} == {"alice"}
    assert store.annotations.get(ids[0], "alice").label == "verified"
    assert store.adjudications.get(ids[0]).adjudicator == "lead"


def test_merge_refuses_an_empty_name_and_keeps_no_annotation_of_it(store, tmp_path):
    ids = seed_claims(store, 2)
    laptop = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    merge_into(laptop, store)
    laptop.close()
    laptop = laptop_with_names(tmp_path / "copy.db", ids, "   ", "lead")
    try:
        with pytest.raises(ImportRecordError, match=r"claim '.+': the annotator name is empty or only spaces"):
            merge_into(store, laptop)
    finally:
        laptop.close()
    assert list(store.annotations.all()) == [] and list(store.adjudications.all()) == []
