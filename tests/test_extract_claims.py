"""Claim extraction on fictional articles: selection, kinds, speakers, quotes across paragraphs, exact spans, ids."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from annotator.errors import UsageError
from annotator.extract import article_from_text, extract_claims, extract_many, load_pipeline, read_inputs
from annotator.models import Article, Claim

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def read(name: str) -> Article:
    (article,) = list(read_inputs([ARTICLES / "harbour" / name]))
    assert isinstance(article, Article)
    return article


def claim_starting(claims: list[Claim], prefix: str) -> Claim:
    matches = [c for c in claims if c.text.lstrip('"“').startswith(prefix)]
    assert len(matches) == 1, [c.text for c in claims]
    return matches[0]


def claim_containing(claims: list[Claim], words: str) -> Claim:
    matches = [c for c in claims if words in c.text]
    assert len(matches) == 1, [c.text for c in claims]
    return matches[0]


def test_spans_are_exact_and_claims_are_ordered(nlp):
    for name in ("wire_report.txt", "broadcaster.txt", "compact_date.txt", "gmt_date.txt"):
        article = read(name)
        claims = extract_claims(nlp, article)
        assert claims
        for position, claim in enumerate(claims):
            assert claim.source_text == article.body[claim.start : claim.end]
            assert claim.text == " ".join(claim.source_text.split())
            assert claim.position == position
            assert claim.article == article.ref()
            for entity in claim.entities:
                assert claim.start <= entity.start < entity.end <= claim.end
                assert article.body[entity.start : entity.end] == entity.text
        assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_questions_and_unattributed_opinion_are_left_out(nlp):
    claims = extract_claims(nlp, read("wire_report.txt"))
    texts = " ".join(c.text for c in claims)
    assert "Will the ferry terminal" not in texts
    assert "I think the new quay" not in texts
    assert "Who decides" not in " ".join(c.text for c in extract_claims(nlp, read("compact_date.txt")))


def test_a_quote_that_ends_in_a_question_is_kept_for_what_it_asserts(nlp):
    article = article_from_text(
        "Ferry advert\n\nThe advert closes on the harbour as the mayor keeps talking. "
        "\u201cThe council tells Portvale, \u2018Wait. The ferry can wait.\u2019 And I ask wait for what? "
        "Wait until when?\u201d Then a voice says the ferry must sail.\n\n"
        "\u201cWhy would anyone wait for a ferry that never comes?\u201d",
        source="advert.txt",
    )
    texts = [c.text for c in extract_claims(nlp, article)]
    assert any(t.startswith("\u201cThe council tells Portvale") and t.endswith("Wait until when?\u201d") for t in texts)
    assert not any("never comes" in t for t in texts)


def test_attribution_forms_and_kinds(nlp):
    claims = extract_claims(nlp, read("wire_report.txt"))
    vote = claim_starting(claims, "The Portvale city council voted")
    assert (vote.speaker, vote.kind) == ("Ana Silva", "attributed")
    jobs = claim_starting(claims, "This is the largest investment")
    assert (jobs.speaker, jobs.kind) == ("Ana Silva", "quote")
    budget = claim_starting(claims, "Councillor Tom Berg said")
    assert budget.speaker == "Tom Berg"
    port = claim_starting(claims, "According to the port authority")
    assert port.kind == "attributed" and port.speaker is None and port.needs_context  # a body, but no name
    labels = {e.label for e in vote.entities}
    assert {"MONEY", "DATE"} <= labels


def test_quote_across_paragraphs_and_pronouns_resolve_to_fullest_name(nlp):
    claims = extract_claims(nlp, read("broadcaster.txt"))
    first = claim_starting(claims, "We have waited twenty years")
    second = claim_containing(claims, "The old quay floods every winter")
    assert first.speaker == second.speaker == "Ana Silva"
    assert first.kind == "quote" and not first.needs_context
    levy = claim_starting(claims, "The expansion will be paid for")
    assert levy.speaker == "Ana Silva" and not levy.needs_context
    gamble = claim_starting(claims, "The mayor is gambling")
    assert gamble.speaker == "Daniel Okafor"  # "Mr Okafor" -> fullest form
    court = claim_starting(claims, "We will take this to the regional court")
    assert court.speaker == "Daniel Okafor"
    caption = [c for c in claims if "speaks at the Portvale town hall" in c.text]
    assert len(caption) == 1


def test_pronoun_agrees_in_gender_and_two_men_stay_unresolved(nlp):
    claims = extract_claims(nlp, read("gmt_date.txt"))  # "Ana Silva and Tom Berg visited ... He said ..."
    damage = claim_starting(claims, "He said the damage would cost")
    assert damage.speaker == "Tom Berg" and not damage.needs_context
    article = article_from_text(
        "Storm damage\n\nTom Berg and Daniel Okafor visited the flooded quay on Sunday morning.\n\n"
        "He said the damage would cost at least 500,000 euros to repair.",
        source="two-men.txt",
    )
    damage = claim_starting(extract_claims(nlp, article), "He said the damage would cost")
    assert damage.speaker is None and damage.needs_context
    assert damage.kind == "attributed"


def test_statistic_and_event_kinds(nlp):
    article = article_from_text(
        "Portvale facts\n\nThe Portvale lighthouse is 48 metres tall and has 212 steps.\n\n"
        "The lighthouse keeper retired in 1987 after a storm destroyed the lamp room.",
        source="facts.txt",
    )
    claims = extract_claims(nlp, article)
    assert [c.kind for c in claims] == ["statistic", "event"]
    assert all(0.0 <= c.checkworthiness <= 1.0 for c in claims)


def test_claim_ids_are_stable_and_depend_on_the_text(nlp):
    article = read("compact_date.txt")
    first = [c.id for c in extract_claims(nlp, article)]
    assert first == [c.id for c in extract_claims(nlp, read("compact_date.txt"))]
    assert len(set(first)) == len(first)
    changed = article.model_copy(update={"id": "other-article"})
    assert set(first).isdisjoint(c.id for c in extract_claims(nlp, changed))


def test_extract_many_matches_extract_claims_in_order(nlp):
    articles = [read(name) for name in ("wire_report.txt", "broadcaster.txt", "gmt_date.txt")]
    streamed = list(extract_many(nlp, iter(articles), batch_size=2))
    assert [a.id for a, _ in streamed] == [a.id for a in articles]
    for article, claims in streamed:
        assert claims == extract_claims(nlp, article)


def test_extract_many_with_two_processes_gives_the_same_claims(nlp):
    articles = [read(name) for name in ("wire_report.txt", "broadcaster.txt")]
    single = [claims for _, claims in extract_many(nlp, articles)]
    parallel = [claims for _, claims in extract_many(nlp, articles, n_process=2, batch_size=1)]
    assert parallel == single


def test_empty_body_gives_no_claims(nlp):
    assert extract_claims(nlp, article_from_text("Only a title", source="t.txt")) == []


def test_unknown_pipeline_name_is_a_usage_error():
    with pytest.raises(UsageError, match="no_such_pipeline_xyz"):
        load_pipeline("no_such_pipeline_xyz")


def test_components_survive_reimport_and_a_second_pipeline(nlp):
    import annotator.extract.pipeline as pipeline_module

    importlib.reload(pipeline_module)
    again = pipeline_module.load_pipeline()
    assert again.pipe_names[-1] == "annotator_claim_detector_v1"
    assert "annotator_paragraph_breaks_v1" in again.pipe_names
    article = read("gmt_date.txt")
    assert extract_claims(again, article) == extract_claims(nlp, article)


@pytest.mark.parametrize(
    ("prefix", "speaker", "kind"),
    [
        ("The new quay was described by", None, "quote"),  # passive agent, an unnamed official
        ("We will open the quay in June 2025", "Ana Silva", "quote"),  # "..., said Ana Silva"
        ("Tom Berg said:", "Tom Berg", "quote"),
        ("Silva said that the harbour", "Ana Silva", "attributed"),  # indirect speech, surname -> full name
        ("The port lost 3 million euros", None, "attributed"),  # according to figures: a document, no named author
        ("The figures are wrong", "Tom Berg", "quote"),  # "he said" -> the nearest man who spoke, not Ana Silva
        ("We lost less than one million", "Tom Berg", "quote"),  # his next quote, unattributed
        ("She said the audit would prove", "Ana Silva", "attributed"),  # of the two just named, the woman
    ],
)
def test_attribution_forms(nlp, prefix, speaker, kind):
    claims = extract_claims(nlp, read("attribution_forms.txt"))
    claim = claim_starting(claims, prefix)
    assert (claim.speaker, claim.kind) == (speaker, kind)
    assert claim.needs_context == (speaker is None)


def test_a_named_apposition_is_the_speaker_never_the_previous_one(nlp):
    body = ("Mayor Jane Doe said 300 homes were flooded on Monday.\n\n"
            "The opposition leader, Tom Roe, said the figure was closer to 200 homes.")
    article = Article(id="appos", source="appos.txt", body=body)
    claims = extract_claims(nlp, article)
    assert claim_starting(claims, "The opposition leader").speaker == "Tom Roe"
    assert claim_starting(claims, "Mayor Jane Doe").speaker == "Jane Doe"
