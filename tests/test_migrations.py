"""A database made by an older release opens in a newer one, its data intact."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import text

from annotator.models import Annotation, ClaimEdit
from annotator.store import open_store
from annotator.store.engine import make_engine
from annotator.store.migrate import current_revision, head_revision, upgrade


def test_database_at_first_revision_upgrades_with_data_intact(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()

    old = open_store(db_url, migrate=False)
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with old.db.write() as session:  # rows as the first release wrote them: every annotation had a label
        session.execute(text(
            "INSERT INTO articles (id, ingest_order, source, body, content_hash, created_at) "
            "VALUES ('m1', 1, 'm.txt', 'The bridge opened in 1999.', 'm1', :when)"
        ), {"when": when})
        session.execute(text(
            "INSERT INTO claims (id, article_id, position, text, source_text, start, \"end\", kind, checkworthiness, "
            "needs_context, corroborated_by, conflicts, entities) VALUES ('m1-0', 'm1', 0, "
            "'The bridge opened in 1999.', 'The bridge opened in 1999.', 0, 26, 'event', 0.7, false, '[]', '[]', '[]')"
        ))
        for name, label, correction in (("ann", "verified", None), ("cal", "corrected", "It opened in 2001.")):
            session.execute(text("INSERT INTO annotators (name, created_at) VALUES (:name, :when)"),
                            {"name": name, "when": when})
            session.execute(
                text("INSERT INTO annotations (claim_id, annotator, label, correction, evidence, flagged, created_at,"
                     " updated_at) VALUES ('m1-0', :name, :label, :correction, '[]', :flagged, :when, :when)"),
                {"name": name, "label": label, "correction": correction, "flagged": False, "when": when},
            )
    old.close()

    upgraded = open_store(db_url)
    assert current_revision(upgraded.db.engine) == head_revision()
    assert upgraded.annotations.get("m1-0", "ann").label == "verified"
    corrected = upgraded.annotations.get("m1-0", "cal")
    assert (corrected.label, corrected.correction, corrected.edit) == ("corrected", "It opened in 2001.", None), (
        "a correction stays a verdict with its correction; nothing becomes an edit of the extraction"
    )
    claim = upgraded.claims.get("m1-0")
    assert (claim.checkworthiness, claim.checkworthiness_model, claim.checkworthiness_features) == (0.7, None, [])
    assert upgraded.routing.reserve_next("bob", overlap=3, lease_seconds=30).id == "m1-0"
    fix = ClaimEdit(text="The Harbour bridge opened in 1999.", start=0, end=26)
    upgraded.annotations.save(Annotation(claim_id="m1-0", annotator="bob", edit=fix))
    assert upgraded.annotations.get("m1-0", "bob").edit == fix
    upgraded.close()


def test_migrations_match_the_table_definitions(sqlite_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from annotator.store.tables import SQLModel

    store = open_store(sqlite_url)
    with store.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    store.close()
    assert differences == [], "tables.py and the migrations disagree: add a migration"


def test_database_before_further_groups_opens_with_none_and_can_store_them(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0009_drop_claim_id_index")
    engine.dispose()
    old = open_store(db_url, migrate=False)
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with old.db.write() as session:  # two claims of one group, as linked before further groups existed
        session.execute(text(
            "INSERT INTO articles (id, ingest_order, source, body, content_hash, event, created_at) "
            "VALUES ('m1', 1, 'm.txt', 'The bridge opened in 1999.', 'm1', 'bridge', :when), "
            "('m2', 2, 'n.txt', 'The bridge opened in 1999.', 'm2', 'bridge', :when)"
        ), {"when": when})
        for claim_id, article, other in (("m1-0", "m1", "m2"), ("m2-0", "m2", "m1")):
            session.execute(text(
                "INSERT INTO claims (id, article_id, position, text, source_text, start, \"end\", kind, "
                "checkworthiness, needs_context, group_id, corroborated_by, conflicts, entities) VALUES (:id, :article,"
                " 0, 'The bridge opened in 1999.', 'The bridge opened in 1999.', 0, 26, 'event', 0.7, false, 'g-1',"
                " :other, '[]', '[]')"
            ), {"id": claim_id, "article": article, "other": f'["{other}"]'})
    old.close()

    upgraded = open_store(db_url)
    claim = upgraded.claims.get("m1-0")
    assert (claim.group, claim.also_groups, claim.corroborated_by) == ("g-1", [], ["m2"])
    assert [c.id for c in upgraded.claims.in_groups(["g-1"])["g-1"]] == ["m1-0", "m2-0"]
    upgraded.claims.update_links([claim.model_copy(update={"group": None, "also_groups": ["g-1"]})])
    assert upgraded.claims.get("m1-0").also_groups == ["g-1"]
    assert [c.id for c in upgraded.claims.in_groups(["g-1"])["g-1"]] == ["m1-0", "m2-0"], "a further member is shown"
    upgraded.close()
