"""Property tests: arbitrary text never crashes parsing or extraction, and every claim span is exact."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.extract import article_from_text, extract_claims, load_pipeline, parse_article
from annotator.extract.quotes import find_quotes

NEWSY_WORDS = [
    "Blinken", "said", "Lavrov", "\"", "“", "”", "'", "he", "told", "reporters", "100,000", "troops", "on",
    "Friday", "according", "to", "officials", ".", ",", "?", "\n", "\n\n", "PHOTO:", "Read more", "Mr", "the",
    "—", "(Reuters)", "GENEVA", "-", "Jan 21, 2022", "https://example.com/x", "We", "think", "not", "[...]",
]
newsy_text = st.lists(st.sampled_from(NEWSY_WORDS), max_size=60).map(" ".join)
any_text = st.text(max_size=300)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, newsy_text))
def test_parsing_never_crashes_and_body_has_no_blank_paragraphs(text):
    parsed = parse_article(text)
    for paragraph in parsed.paragraphs:
        assert paragraph.strip() == paragraph and paragraph
        assert "\n\n" not in paragraph


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, newsy_text))
def test_quotes_lie_inside_the_body(text):
    body = parse_article(text).body
    for quote in find_quotes(body):
        assert 0 <= quote.start < quote.end <= len(body)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(any_text, newsy_text))
def test_extraction_never_crashes_and_spans_are_exact(nlp, text):
    article = article_from_text(text, source="generated.txt")
    claims = extract_claims(nlp, article)
    for claim in claims:
        assert article.body[claim.start : claim.end] == claim.source_text
        assert claim.source_text.strip() == claim.source_text
        assert 0.0 <= claim.checkworthiness <= 1.0
    assert [c.id for c in claims] == [c.id for c in extract_claims(nlp, article)]
