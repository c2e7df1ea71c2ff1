"""A database made by an older release opens in a newer one, its data intact."""

from __future__ import annotations

from annotator.models import Annotation, Article, Claim
from annotator.store import open_store
from annotator.store.annotations import upsert
from annotator.store.engine import make_engine
from annotator.store.migrate import current_revision, head_revision, upgrade


def test_database_at_first_revision_upgrades_with_data_intact(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()

    old = open_store(db_url, migrate=False)
    article = Article(id="m1", source="m.txt", body="The bridge opened in 1999.", content_hash="m1")
    claim = Claim(id="m1-0", article=article.ref(), text="The bridge opened in 1999.",
                  source_text="The bridge opened in 1999.", start=0, end=26)
    old.articles.add(article, [claim])
    with old.db.write() as session:  # the first release saved annotations without any lease handling
        upsert(session, Annotation(claim_id="m1-0", annotator="ann", label="verified"), "save")
    old.close()

    upgraded = open_store(db_url)
    assert current_revision(upgraded.db.engine) == head_revision()
    assert upgraded.annotations.get("m1-0", "ann").label == "verified"
    assert upgraded.routing.reserve_next("bob", overlap=2, lease_seconds=30).id == "m1-0"
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
