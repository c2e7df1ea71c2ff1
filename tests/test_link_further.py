"""Further groups: a claim stating the fact of another group as well as its own counts there too, so every outlet
that reports a fact shows as corroborating it, while the groups themselves stay apart."""

from __future__ import annotations

from annotator.ingest import link_new
from annotator.link import link_claims
from annotator.link.features import build_features
from annotator.link.aliases import AliasTable
from annotator.link.further_groups import FURTHER_THRESHOLD, further_groups
from annotator.models import Article, Claim, EntitySpan
from annotator.session.review_jobs import load_item

EVENT = "halvard-strike"
SPEAKER = "Ilse Marrow"
OPEN = "The harbour will stay open through the whole of the winter season"
PAID = "Every ferry crew will be paid for the weeks of the strike in full"
CRANES = "We expect the new cranes to arrive at the docks before the spring"
UNPAID = "No ferry crew will be paid for the weeks of the strike in full"
OUTLETS = {"gazette": "Halvard Gazette", "post": "Valley Post", "courier": "Strait Courier", "ledger": "Dock Ledger"}


def _article(name: str, *sentences: str) -> tuple[Article, list[Claim]]:
    body = " ".join(sentences)
    article = Article(id=name, source=f"{name}.txt", body=body, content_hash=name, event=EVENT,
                      outlet=OUTLETS[name], published="2024-05-10")
    claims, cursor = [], 0
    for position, sentence in enumerate(sentences):
        start = body.index(sentence, cursor)
        cursor = start + len(sentence)
        entities = [EntitySpan(text=SPEAKER, label="PERSON", start=sentence.index(SPEAKER),
                               end=sentence.index(SPEAKER) + len(SPEAKER))] if SPEAKER in sentence else []
        claims.append(Claim(id=f"{name}-{position}", article=article.ref(), text=sentence, source_text=sentence,
                            start=start, end=cursor, position=position, kind="quote", speaker=SPEAKER,
                            entities=entities))
    return article, claims


def _quote(*sentences: str, tail: str = "Ilse Marrow said.") -> str:
    return "\u201c" + ". ".join(sentences) + ",\u201d " + tail


def _event(paid: str = PAID) -> list[tuple[Article, list[Claim]]]:
    """The pay promise printed by three outlets: the gazette inside her remark on the harbour, the post inside her
    remark on the cranes, the courier on its own, each of the other remarks also printed by a second outlet."""
    return [
        _article("gazette", _quote(OPEN, paid, tail="Ilse Marrow said in Port Halvard."), "Rain fell all week."),
        _article("post", _quote(OPEN, tail="Ilse Marrow told reporters."), _quote(paid, CRANES, tail="she added.")),
        _article("courier", _quote(CRANES, tail="Marrow said."), _quote(PAID, tail="Marrow said."),
                 _quote(OPEN, tail="Marrow said on Friday.")),
    ]


def _claims(articles) -> list[Claim]:
    return [claim for _, claims in articles for claim in claims]


def test_a_fact_printed_inside_two_other_groups_shows_every_outlet_that_reports_it():
    linked = {c.id: c for c in link_claims(_claims(_event()))}
    gazette, post, courier = linked["gazette-0"], linked["post-1"], linked["courier-1"]
    assert gazette.group and post.group and gazette.group != post.group, "each stays in the group of its other remark"
    assert post.also_groups == [gazette.group], "the post's remark also states the pay promise of the gazette's group"
    assert post.corroborated_by == ["courier", "gazette"], "all three outlets print the pay promise"
    assert linked["post-0"].also_groups == [] and linked["courier-0"].also_groups == []


def test_a_denial_of_the_fact_is_no_further_member_of_its_group():
    linked = {c.id: c for c in link_claims(_claims(_event(paid=UNPAID)))}
    assert linked["post-1"].also_groups == [] and linked["gazette-0"].also_groups == []
    assert "gazette" not in linked["post-1"].corroborated_by, "a denial of the pay promise does not corroborate it"


def test_a_pair_below_the_threshold_makes_no_further_member():
    table = AliasTable(None)
    claims = _claims(_event())
    features = [build_features(k, claim, table, frozenset(), frozenset()) for k, claim in enumerate(claims)]
    groups = {k: ("g-open" if k == 0 else "g-cranes" if k == 3 else None) for k in range(len(features))}
    just_below = {(0, 3): round(FURTHER_THRESHOLD - 0.01, 2)}
    assert further_groups(features, groups, just_below) == {}
    at_threshold = {(0, 3): FURTHER_THRESHOLD}
    assert further_groups(features, groups, at_threshold) == {0: {"g-cranes"}, 3: {"g-open"}}


def test_further_groups_are_stored_and_the_sources_panel_shows_those_outlets(store):
    articles = _event()
    for article, claims in articles:
        store.articles.add(article, claims)
    store.claims.update_links(link_claims(list(store.claims.all())))
    post = store.claims.get("post-1")
    gazette_group = store.claims.get("gazette-0").group
    assert post.also_groups == [gazette_group] and post.corroborated_by == ["courier", "gazette"]
    assert "post-1" in {c.id for c in store.claims.in_groups([gazette_group])[gazette_group]}
    item = load_item(store, "post-1")
    shown = {entry.outlet: entry.said for entry in item.sources.corroborating}
    assert set(shown) == {"Halvard Gazette", "Strait Courier"}
    assert any(PAID in said for said in shown["Halvard Gazette"]), "the gazette's words of the promise are shown"


def test_linking_at_ingest_gives_the_further_groups_of_linking_the_event(store):
    claims = _claims(_event())
    for article, own in _event():
        store.articles.add(article, own)
    link_new(store, EVENT, claims)
    stored = {c.id: (c.group, c.also_groups, c.corroborated_by) for c in store.claims.all(event=EVENT)}
    whole = {c.id: (c.group, c.also_groups, c.corroborated_by) for c in link_claims(claims)}
    assert stored == whole


def test_an_outlet_linked_later_joins_through_a_further_group(store):
    gazette, post, courier = _event()
    for article, own in (gazette, post):
        store.articles.add(article, own)
    link_new(store, EVENT, gazette[1] + post[1])
    store.articles.add(*courier)
    link_new(store, EVENT, courier[1])
    post_promise = store.claims.get("post-1")
    assert post_promise.group != store.claims.get("gazette-0").group
    assert post_promise.corroborated_by == ["courier", "gazette"], "the later courier and the gazette both print it"
    assert "post" in store.claims.get("courier-1").corroborated_by


def test_a_further_group_is_kept_when_the_claims_own_group_grows_later(store):
    articles = _event()
    for article, own in articles:
        store.articles.add(article, own)
    link_new(store, EVENT, _claims(articles))
    gazette_group, cranes_group = store.claims.get("gazette-0").group, store.claims.get("post-1").group
    ledger = _article("ledger", _quote(CRANES, tail="Marrow told the ledger."))
    store.articles.add(*ledger)
    link_new(store, EVENT, ledger[1])
    assert store.claims.get("ledger-0").group == cranes_group, "the later outlet joins the cranes remark"
    post = store.claims.get("post-1")
    assert post.also_groups == [gazette_group], "the post's remark still states the pay promise too"
    assert post.corroborated_by == ["courier", "gazette", "ledger"]


IDLE = "Not one crane will stand idle on the docks this winter"
HOURS = "The night shift keeps its hours and its pay through the whole of the spring"
LAYBY = "The old lay-by at the south pier is to be rebuilt for the pilot boats by the summer"


def _block(name: str, sentence: str) -> tuple[Article, list[Claim]]:
    """An article printing one sentence of her statement as a block, without quotation marks or a speaker."""
    article = Article(id=name, source=f"{name}.txt", body=sentence, content_hash=name, event=EVENT,
                      outlet=OUTLETS[name], published="2024-05-10")
    return article, [Claim(id=f"{name}-0", article=article.ref(), text=sentence, source_text=sentence, start=0,
                           end=len(sentence), position=0, kind="event")]


def test_a_sentence_printed_as_a_block_belongs_to_the_group_of_the_quotation_printing_it_beside_a_denial():
    articles = [
        _article("gazette", _quote(OPEN, PAID, IDLE, tail="Ilse Marrow said in Port Halvard.")),
        _article("post", _quote(OPEN, IDLE, tail="Ilse Marrow told reporters.")),
        _block("courier", PAID + "."),
    ]
    linked = {c.id: c for c in link_claims(_claims(articles))}
    gazette, courier = linked["gazette-0"], linked["courier-0"]
    assert gazette.group and gazette.group == linked["post-0"].group and courier.group != gazette.group
    assert courier.also_groups == [gazette.group], "a \"not\" in another sentence is no denial of the pay promise"
    assert courier.corroborated_by == ["gazette", "post"]


def test_two_quotations_with_two_sentences_in_common_are_further_members_of_each_others_groups():
    table = AliasTable(None)
    two = _claims([_article("gazette", _quote(OPEN, PAID, CRANES)), _article("post", _quote(OPEN, PAID, IDLE, HOURS))])
    one = _claims([_article("gazette", _quote(OPEN, PAID, CRANES)), _article("post", _quote(OPEN, IDLE, HOURS, LAYBY))])
    groups = {0: "g-gazette", 1: "g-post"}
    below = {(0, 1): round(FURTHER_THRESHOLD - 0.1, 2)}
    features = [build_features(k, claim, table, frozenset(), frozenset()) for k, claim in enumerate(two)]
    assert further_groups(features, groups, below) == {0: {"g-post"}, 1: {"g-gazette"}}
    features = [build_features(k, claim, table, frozenset(), frozenset()) for k, claim in enumerate(one)]
    assert further_groups(features, groups, below) == {}, "one sentence in common is not enough below the threshold"
