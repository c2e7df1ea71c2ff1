"""Linking through the stored index: a new article joins the groups already stored, reading only its candidates."""

from __future__ import annotations

import shutil

from sqlalchemy import text

from annotator.cli.annotate_cmds import sample_dir
from annotator.config import Settings
from annotator.ingest import ingest_paths, link_new, relink_event
from annotator.link import link_claims
from annotator.link.incremental import INDEX_CAP, link_batch
from annotator.models import Article, Claim, EntitySpan

EVENT = "halvard"
PEOPLE = ("Ilse Marrow", "Teodor Vasylenko")


def _article(article_id: str, *sentences: str) -> tuple[Article, list[Claim]]:
    body = " ".join(sentences)
    article = Article(id=article_id, source=f"{article_id}.txt", body=body, content_hash=article_id, event=EVENT,
                      outlet=f"{article_id}.example", published="2024-05-10")
    claims, cursor = [], 0
    for position, sentence in enumerate(sentences):
        start = body.index(sentence, cursor)
        cursor = start + len(sentence)
        entities = [EntitySpan(text=name, label="PERSON", start=sentence.index(name), end=sentence.index(name) + len(name))
                    for name in PEOPLE if name in sentence]
        claims.append(Claim(id=f"{article_id}-{position}", article=article.ref(), text=sentence, source_text=sentence,
                            start=start, end=cursor, position=position, kind="event", entities=entities))
    return article, claims


MEETING = "Ilse Marrow and Teodor Vasylenko met in Port Halvard for an hour and a half on Friday."
TALKS = "Ilse Marrow held nearly three hours of talks with Teodor Vasylenko in Port Halvard on Friday."
GRAIN = "The grain corridor through the Selvan strait will reopen for barges in the second week of June."
BARGES = "Barges will again use the grain corridor through the Selvan strait from the second week of June."


def _store_all(store, *articles):
    for article, claims in articles:
        store.articles.add(article, claims)
    return [claim for _, claims in articles for claim in claims]


def _links(store):
    return {c.id: (c.group, c.corroborated_by, c.conflicts) for c in store.claims.all(event=EVENT)}


def test_a_later_article_joins_the_stored_group_and_its_members_learn_of_it(store):
    first = _store_all(store, _article("north", MEETING, GRAIN), _article("coast", TALKS, "Rain fell all week."))
    link_new(store, EVENT, first)
    meeting_group = store.claims.get("north-0").group
    assert meeting_group and store.claims.get("coast-0").group == meeting_group
    assert store.claims.get("north-1").group is None, "the grain claim has no match yet"

    later = _store_all(store, _article("river", BARGES))
    link_new(store, EVENT, later)
    assert store.claims.get("river-0").group == store.claims.get("north-1").group is not None
    assert store.claims.get("north-1").corroborated_by == ["river"]
    assert store.claims.get("river-0").corroborated_by == ["north"]
    assert store.claims.get("north-0").group == meeting_group, "the stored group keeps its id"
    (conflict,) = store.claims.get("north-0").conflicts
    assert conflict.claim_id == "coast-0" and conflict.kind == "duration"


def test_linking_one_batch_into_an_empty_index_gives_what_linking_the_event_gives(store):
    claims = _store_all(store, _article("north", MEETING, GRAIN), _article("coast", TALKS, BARGES),
                        _article("river", "Teodor Vasylenko met Ilse Marrow for two hours in Port Halvard on Friday."))
    link_new(store, EVENT, claims)
    whole = {c.id: (c.group, c.corroborated_by, c.conflicts) for c in link_claims(list(store.claims.all()))}
    assert _links(store) == whole
    assert sum(1 for group, _, _ in whole.values() if group) == 5


def test_a_key_keeps_its_newest_claims_and_counts_them_all(store):
    index = store.link_index.event(EVENT, max_postings=INDEX_CAP)
    total = 3 * INDEX_CAP + 15
    entries = [(f"c{n:03d}", f"a{n:03d}", {"grain", f"word{n}"}, {"#frame count:troop"}) for n in range(total)]
    assert index.add(entries[:10], set()) == 0
    for start in range(10, total, 40):
        assert index.add(entries[start:start + 40], set()) == start, "seq numbers go on from the claims indexed"
    assert index.counts(["grain", "word3"]) == {"grain": total, "word3": 1}
    newest = index.newest(["grain", "word3", "#frame count:troop"], INDEX_CAP)
    assert [claim_id for _, claim_id, _ in newest["grain"]] == [f"c{n:03d}" for n in reversed(range(total))][:INDEX_CAP]
    assert newest["word3"] == [(3, "c003", "a003")]
    assert [claim_id for _, claim_id, _ in index.newest(["#frame count:troop"], 5)["#frame count:troop"]] == [
        f"c{n:03d}" for n in range(total - 1, total - 6, -1)]
    with store.db.read() as session:
        held = session.execute(text("SELECT key, COUNT(*) FROM link_postings GROUP BY key")).all()
    assert max(n for _, n in held) <= 2 * INDEX_CAP, "older claims of a common key are deleted as newer come"
    assert dict(held)["grain"] >= INDEX_CAP


def _link_in_batches(store, horizon, *batches):
    index = store.link_index.event(EVENT, max_postings=INDEX_CAP)
    for articles in batches:
        links = link_batch(index, _store_all(store, *articles), horizon=horizon)
        index.save(links.groups, links.conflicts)
    return {claim.id: claim.group for claim in store.claims.all(event=EVENT)}


ASIDES = ("Rain fell all week.", "The ferry timetable changed in April.", "A new library opened downtown.",
          "Schools closed early for the holiday.", "The museum added a wing for maps.", "Bus fares rose by a tenth.")


def test_a_claim_is_matched_within_the_horizon_only(store):
    asides = [_article(f"aside{n}", ASIDES[2 * n], ASIDES[2 * n + 1]) for n in range(3)]
    groups = _link_in_batches(store, 6, [_article("north", MEETING)], asides, [_article("coast", TALKS)])
    assert groups["coast-0"] is None, "the meeting was indexed 7 claims back, beyond a horizon of 6"


def test_within_the_horizon_a_later_batch_finds_the_same_claim(store):
    asides = [_article(f"aside{n}", ASIDES[2 * n], ASIDES[2 * n + 1]) for n in range(3)]
    groups = _link_in_batches(store, 7, [_article("north", MEETING)], asides, [_article("coast", TALKS)])
    assert groups["coast-0"] == groups["north-0"] is not None


def test_a_big_group_is_sampled_by_its_newest_members(store):
    link_new(store, EVENT, _store_all(store, _article("north", MEETING), _article("coast", TALKS),
                                      _article("river", "Teodor Vasylenko met Ilse Marrow in Port Halvard on Friday.")))
    group = store.claims.get("north-0").group
    index = store.link_index.event(EVENT, max_postings=INDEX_CAP)
    everyone = index.group_members([group])[group]
    assert everyone == [("north-0", "north"), ("coast-0", "coast"), ("river-0", "river")], "in reading order"
    assert index.group_members([group], newest=2) == {group: everyone[1:]}


def test_relinking_after_a_new_version_takes_its_old_claims_out_of_every_group(store):
    claims = _store_all(store, _article("north", MEETING, GRAIN), _article("coast", TALKS, BARGES))
    link_new(store, EVENT, claims)
    assert store.claims.get("coast-1").corroborated_by == ["north"]
    article, revised = _article("north-v2", "Rain fell all week.")
    store.articles.add(article.model_copy(update={"source": "north.txt"}), revised)
    relink_event(store, EVENT)
    assert store.claims.get("coast-1").group is None and store.claims.get("coast-1").corroborated_by == []
    assert store.claims.get("coast-0").conflicts == []
    assert all(not c.group and not c.conflicts for c in store.claims.all() if c.article.id == "north")
    assert store.link_index.event(EVENT, max_postings=INDEX_CAP).counts(["#claims"]) == {"#claims": 3}


def test_articles_ingested_in_two_runs_are_grouped_as_in_one(store, tmp_path):
    folder = tmp_path / "valdremo"
    folder.mkdir()
    names = sorted(path.name for path in sample_dir().iterdir() if path.suffix == ".txt")
    for name in names:
        shutil.copy(sample_dir() / name, folder / name)
    ingest_paths(store, [folder / name for name in names[:2]], settings=Settings(), event="valdremo")
    ingest_paths(store, [folder / name for name in names[2:]], settings=Settings(), event="valdremo")
    claims = list(store.claims.all())

    def partition(linked) -> set[frozenset[str]]:
        members: dict[str, set[str]] = {}
        for claim in linked:
            if claim.group:
                members.setdefault(claim.group, set()).add(claim.id)
        return {frozenset(ids) for ids in members.values()}

    whole = link_claims(claims)
    together, apart = partition(whole), partition(claims)
    assert len(together & apart) >= 0.8 * len(together) and len(together) >= 4, "most groups are the same"
    first_run = {c.id for c in claims if c.article.source.endswith(tuple(names[:2]))}
    assert any(group & first_run and group - first_run for group in apart), "later articles joined stored groups"
    articles = {c.id: c.article.id for c in claims}
    assert all(len({articles[i] for i in group}) >= 2 for group in apart)
