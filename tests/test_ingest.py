"""Ingest as a whole: events, relinking when articles join an event, new versions of changed articles."""

from __future__ import annotations

import shutil

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.ingest import ingest_paths
from annotator.models import Annotation


def copy_sample(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(sample_dir() / name, folder / name)


def test_adding_an_article_relinks_the_event_without_touching_annotations(tmp_path, store):
    event = tmp_path / "valdremo"
    copy_sample(event, ["01_northern_ledger.txt"])
    first = ingest_paths(store, [event], settings=Settings())
    assert first.ok and first.relinked_events == ["valdremo"]
    assert all(claim.group is None for claim in store.claims.all()), "one article alone has nothing to link to"
    labelled = store.claims.ids()[:3]
    for claim_id in labelled:
        store.annotations.save(Annotation(claim_id=claim_id, annotator="alice", label="verified"))

    copy_sample(event, ["02_coastal_post.txt"])
    second = ingest_paths(store, [event], settings=Settings())
    assert second.added == [str(event / "02_coastal_post.txt")] and second.unchanged
    claims = list(store.claims.all())
    quote_groups = {c.group for c in claims if "find a way out" in c.text}
    assert len(quote_groups) == 1 and None not in quote_groups, "the shared quote is now one group"
    assert any(c.conflicts for c in claims), "the second outlet's different figures are flagged"
    assert [store.annotations.get(claim_id, "alice").label for claim_id in labelled] == ["verified"] * 3


def test_changed_article_is_a_new_version_and_old_claims_keep_their_annotations(tmp_path, store):
    folder = tmp_path / "event"
    copy_sample(folder, ["03_river_times.txt"])
    ingest_paths(store, [folder], settings=Settings())
    old_id = store.claims.ids()[0]
    store.annotations.save(Annotation(claim_id=old_id, annotator="alice", label="contested"))
    path = folder / "03_river_times.txt"
    path.write_text(path.read_text().replace("two and a half hours", "three hours"))
    report = ingest_paths(store, [folder], settings=Settings())
    assert report.new_versions == [str(path)]
    assert old_id not in store.claims.ids()
    old_claim = store.claims.get(old_id)
    assert old_claim.superseded and store.annotations.get(old_id, "alice").label == "contested"
    assert any("three hours" in c.text for c in store.claims.all(include_superseded=False))


def test_progress_total_counts_files_unless_record_files_may_hold_many(tmp_path):
    from annotator.ingest import expected_articles

    copy_sample(tmp_path / "event", ["01_northern_ledger.txt", "02_coastal_post.txt"])
    assert expected_articles([tmp_path / "event"]) == 2
    (tmp_path / "event" / "feed.jsonl").write_text("{}\n")
    assert expected_articles([tmp_path / "event"]) is None
