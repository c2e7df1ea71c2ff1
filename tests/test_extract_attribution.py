"""Speakers and claim units scored the way benchmarks/bench_attribution.py scores real news.

The fixture (tests/fixtures/attribution/) is fictional news in the dev set's layout, with the speakers a careful
reader gives: reporting frames beyond "said", pronoun chains across paragraphs, gender agreement, a surname two
people share, role words, documents and their authors. The dev-set part runs only where ../shared is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.extract import extract_many, load_pipeline, read_inputs
from annotator.extract.scoring import is_name, load_marked_quotes, same_person, score_attribution
from annotator.models import Article

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "attribution"
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "attribution"


def claims_by_file(nlp, root: Path, folder: Path) -> dict[str, list]:
    articles = {Path(a.source).relative_to(root).as_posix(): a for a in read_inputs([folder]) if isinstance(a, Article)}
    return {key: claims for key, (_, claims) in zip(articles, extract_many(nlp, articles.values()))}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def fixture_claims(nlp):
    return claims_by_file(nlp, FIXTURE, FIXTURE)


def test_same_person_matches_surnames_and_full_names_but_not_relatives():
    assert same_person("Quist", "Piet Quist")
    assert same_person("Ingrid M. Halvorsen", "Ingrid Halvorsen")
    assert same_person("Sen. Halvorsen", "Ingrid Halvorsen")
    assert not same_person("Anneli Quist", "Piet Quist")
    assert not same_person(None, "Piet Quist")


def test_names_and_things_that_are_not_names():
    for name in ("Piet Quist", "Valdremo Taxpayers Union", "Bank of Valdremo", "Anna diVento", "the Valdremo Courier"):
        assert is_name(name), name
    for thing in ("statement", "lawsuit", "official who attended the", "Courier host", "statement from Quist's lawyer, Oskar",
                  "The Senator", "he", "prepared text of remarks"):
        assert not is_name(thing), thing


def test_fixture_quotes_are_covered_and_speakers_named(fixture_claims):
    score = score_attribution(load_marked_quotes(FIXTURE / "quotes.jsonl"), fixture_claims)
    assert score.uncovered == []
    assert score.wrong_speakers == []
    assert score.non_names == []


def claim_with(claims, words: str):
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_a_quote_over_two_sentences_is_one_claim(fixture_claims):
    claims = fixture_claims["valdremo-bridge/wire_valdremo-bridge_1.txt"]
    warned = claim_with(claims, "Nobody warned us.")
    assert "Nobody told us the cables were failing." in warned.text
    for claim in claims:
        assert claim.text.count("“") == claim.text.count("”")
        assert claim.text.count('"') % 2 == 0, claim.text


def test_lines_about_the_reporting_are_not_claims(fixture_claims):
    texts = " ".join(c.text for c in fixture_claims["valdremo-bridge/wire_valdremo-bridge_1.txt"])
    assert "request for comment" not in texts
    assert "declined to comment" not in texts
    assert "This story has been updated" not in texts


def test_a_sentence_repeated_in_one_article_is_one_claim(fixture_claims):
    claims = fixture_claims["valdremo-bridge/courier_valdremo-bridge_2.txt"]
    assert len([c for c in claims if "we will rebuild it right" in c.text]) == 1


def test_a_document_is_never_the_speaker(fixture_claims):
    claims = fixture_claims["valdremo-bridge/wire_valdremo-bridge_1.txt"]
    lawsuit = claim_with(claims, "cut its maintenance budget")
    assert lawsuit.speaker is None and lawsuit.needs_context
    assert claim_with(claims, "never seen the rust reports").speaker == "Oskar Brandt"


def test_members_of_a_party_named_by_a_bare_plural_are_nobody_in_particular(fixture_claims):
    claims = fixture_claims["kessfjord-ferry/herald_kessfjord-ferry_1.txt"]
    fares = claim_with(claims, "raise fares by 10 percent")
    assert fares.speaker is None and fares.needs_context


def test_an_unclosed_quote_ends_where_the_reporting_clause_starts(fixture_claims):
    claims = fixture_claims["kessfjord-ferry/herald_kessfjord-ferry_1.txt"]
    winter = claim_with(claims, "close for the winter")
    assert winter.speaker == "Maren Tollefsen"
    assert "Banks" not in (winter.speaker or "")


@pytest.mark.skipif(not (DEV / "basil_dev_quotes.jsonl").is_file(), reason=f"attribution dev set not found at {DEV}")
def test_dev_set_of_real_news(nlp):
    score = score_attribution(load_marked_quotes(DEV / "basil_dev_quotes.jsonl"), claims_by_file(nlp, DEV, DEV / "basil_dev"))
    print("\nBASIL dev:", score.summary())
    assert score.coverage >= 0.97
    assert score.speaker_accuracy >= 0.80
    assert score.non_name_share <= 0.02


def test_a_report_drawn_from_an_interview_is_credited_to_the_person_interviewed(fixture_claims):
    claims = fixture_claims["marrow-quay/gazette_marrow-quay_1.txt"]
    assert claim_with(claims, "silted up twice").speaker == "Tomas Varga"
    assert claim_with(claims, "fares would rise").speaker == "Ilse Brandvold"


def test_a_definite_noun_stands_for_the_organisation_named_with_it(fixture_claims):
    claims = fixture_claims["marrow-quay/gazette_marrow-quay_1.txt"]
    deadlines = claim_with(claims, "missed three deadlines")
    assert deadlines.speaker == "Department of Quay Works"
    assert not deadlines.needs_context


def test_the_outlet_a_person_gave_an_interview_to_is_not_the_speaker(fixture_claims):
    claims = fixture_claims["marrow-quay/gazette_marrow-quay_1.txt"]
    assert claim_with(claims, "empty the harbour fund").speaker == "Lena Roos"
