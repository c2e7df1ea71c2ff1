"""Linking on the five real seed articles (one event, five outlets) in ../shared/seeds.

Claims come from two sources: the spaCy extractor when annotator.extract offers it, and a plain
sentence split (no entities, speakers from "X said") so linking is also checked without a model.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from annotator.link import find_dates, link_claims
from annotator.models import ArticleRef, Claim

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
HEADER_LINES = 4
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"\u201d\u2019']?|\n|$)")
_SPEAKER = re.compile(r"\b(?:Mr\s+)?([A-Z][a-z]+)\s+(?:said|told|added|warned)\b|\b(?:said|told)\s+([A-Z][a-z]+)\b")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")


def _published(lines: list[str]) -> str | None:
    for line in lines[:HEADER_LINES]:
        compact = _COMPACT_DATE.match(line.strip())
        if compact:
            return "-".join(compact.groups())
        found = [d for d in find_dates(line) if d.span.is_day]
        if found:
            return found[0].span.first.isoformat()
    return None


def _split_claims(path: Path) -> list[Claim]:
    """Claims as a naive extractor would give them: every sentence of the body, speaker from "X said"."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    article = ArticleRef(id=path.stem, source=str(path), outlet=path.stem, published=_published(lines))
    claims = []
    for position, match in enumerate(m for m in _SENTENCE.finditer(text) if len(m.group().split()) >= 6):
        sentence = match.group().strip()
        start = text.index(sentence, match.start())
        speaker = _SPEAKER.search(sentence)
        claims.append(Claim(
            id=f"{path.stem}-{position:03d}", article=article, text=sentence, source_text=sentence,
            start=start, end=start + len(sentence), kind="event",
            speaker=(speaker.group(1) or speaker.group(2)) if speaker else None, position=position,
        ))
    return claims


def _regex_claims() -> list[Claim]:
    return [claim for path in sorted(SEEDS.glob("*.txt")) for claim in _split_claims(path)]


def _spacy_claims() -> list[Claim]:
    from annotator.extract import extract_claims, load_pipeline, read_inputs
    from annotator.models import Article

    nlp = load_pipeline()
    articles = [a for a in read_inputs([SEEDS]) if isinstance(a, Article)]
    return [claim for article in articles for claim in extract_claims(nlp, article)]


@pytest.fixture(scope="module", params=["sentences", "spacy"])
def linked(request) -> list[Claim]:
    claims = _regex_claims() if request.param == "sentences" else _spacy_claims()
    assert len({c.article.id for c in claims}) == 5
    return link_claims(claims)


def _conflicts(linked: list[Claim], slot: str) -> list[tuple[Claim, Claim, str]]:
    by_id = {c.id: c for c in linked}
    return [
        (claim, by_id[conflict.claim_id], conflict.detail)
        for claim in linked
        for conflict in claim.conflicts
        if conflict.detail.startswith(slot + ":")
    ]


def test_meeting_duration_disagreement_is_reported(linked):
    pairs = _conflicts(linked, "duration")
    assert any(
        "hour and a half" in a.source_text and "nearly two hours" in b.source_text
        and detail == "duration: an hour and a half (90 min) vs nearly two hours (nearly 120 min)"
        for a, b, detail in pairs
    ), pairs


def test_troop_count_disagreement_is_reported(linked):
    pairs = _conflicts(linked, "count")
    assert any(
        "tens of thousands" in a.source_text and "100,000" in b.source_text
        and detail == "count: tens of thousands of troops (20,000-99,999) vs some 100,000 troops (about 100,000)"
        for a, b, detail in pairs
    ), pairs


@pytest.mark.parametrize(
    "marker",
    [
        "certainly prepared to do that",  # Blinken: "If we conclude ... we're certainly prepared to do that"
        "severe",  # the "swift and severe response" warning, in several wordings
    ],
)
def test_statements_repeated_by_three_or_more_outlets_are_grouped(linked, marker):
    mentions = [c for c in linked if marker in c.source_text]
    groups = Counter(c.group for c in mentions if c.group)
    assert groups, f"no group among {len(mentions)} claims mentioning {marker!r}"
    group, _ = groups.most_common(1)[0]
    members = [c for c in linked if c.group == group]
    assert len({c.article.id for c in members}) >= 3
    assert all(len(c.corroborated_by) >= 2 for c in members)


def test_every_conflict_is_mirrored(linked):
    by_id = {c.id: c for c in linked}
    for claim in linked:
        for conflict in claim.conflicts:
            assert claim.id in {x.claim_id for x in by_id[conflict.claim_id].conflicts}
