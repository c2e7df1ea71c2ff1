"""Fictional labelled sentences for the training tests: check-worthy statements of fact, and talk that is not.

Made up for these tests (places, people and figures are invented); built from a few patterns so a tiny model can
learn them in a couple of epochs.
"""

from __future__ import annotations

import zlib

from annotator.extract.labelled_files import LabelledSentence
from annotator.models import Annotation, Article, Claim

PLACES = ["Valdremo", "Oskarheim", "Lindquay", "Port Ebbor", "Tamsvik", "Harrowfell"]
THINGS = ["harbour wall", "tram line", "grain silo", "school roof", "ferry pier", "water plant"]
FACT_PATTERNS = [
    "The {place} council spent {n} million crowns on the {thing} in {year}.",
    "Unemployment in {place} rose to {n} percent in {year}, the statistics office reported.",
    "{place} built {n} new homes near the {thing} between {year} and {later}.",
    "The {thing} in {place} carried {n} thousand passengers in {year}.",
]
TALK_PATTERNS = [
    "Thank you all for coming out to {place} tonight.",
    "I think we can do so much better for the people of {place}.",
    "What would you really do about the {thing}?",
    "Let me finish my point about the {thing}, please.",
    "We love {place} and we always will.",
]


def fact(index: int) -> str:
    pattern = FACT_PATTERNS[index % len(FACT_PATTERNS)]
    year = 1990 + index % 30
    return pattern.format(place=PLACES[index % len(PLACES)], thing=THINGS[(index // 2) % len(THINGS)],
                          n=3 + (index * 7) % 90, year=year, later=year + 4)


def talk(index: int) -> str:
    pattern = TALK_PATTERNS[index % len(TALK_PATTERNS)]
    return pattern.format(place=PLACES[(index // 2) % len(PLACES)], thing=THINGS[index % len(THINGS)])


def labelled_sentences(positives: int = 40, negatives: int = 40) -> list[LabelledSentence]:
    """`positives` check-worthy facts and `negatives` other sentences, interleaved."""
    found = [LabelledSentence(fact(i), 1) for i in range(positives)]
    found += [LabelledSentence(talk(i), 0) for i in range(negatives)]
    return sorted(found, key=lambda example: zlib.crc32(example.text.encode()))


def add_labelled_claims(store, sentences: list[LabelledSentence], *, article_id: str = "trainer") -> list[Claim]:
    """Store the sentences as one article's claims with the formula's placeholder score; returns the claims."""
    body = " ".join(example.text for example in sentences)
    article = Article(id=article_id, source=f"{article_id}.txt", body=body, content_hash=article_id)
    claims, offset = [], 0
    for position, example in enumerate(sentences):
        start = body.index(example.text, offset)
        offset = start + len(example.text)
        claims.append(Claim(id=f"{article_id}-{position}", article=article.ref(), text=example.text,
                            source_text=example.text, start=start, end=offset, position=position,
                            checkworthiness=0.5, checkworthiness_features=["named_entity"]))
    store.articles.add(article, claims)
    return claims


def label_claims(store, claims: list[Claim], sentences: list[LabelledSentence], annotator: str = "ana") -> None:
    """Label each claim as the sentence says: `not_a_claim` for the others, `verified` for facts."""
    for claim, example in zip(claims, sentences):
        store.annotations.save(Annotation(claim_id=claim.id, annotator=annotator,
                                         label="verified" if example.label else "not_a_claim"))
