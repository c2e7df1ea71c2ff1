"""Small fictional articles and claims for the TUI tests, stored in a real SQLite database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from annotator.config import Settings
from annotator.models import Article, Claim, Conflict
from annotator.store import Store, open_store


@dataclass
class ClaimSpec:
    """A claim written as the sentence it comes from; offsets are found in the article body."""

    id: str
    sentence: str
    text: str | None = None
    kind: str = "event"
    speaker: str | None = None
    checkworthiness: float = 0.7
    group: str | None = None
    corroborated_by: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    features: tuple[str, ...] = ("past_tense", "named_entity")
    """The check-worthiness formula's features recorded for the claim (the card says why it was picked)."""


HARBOUR_BODY = (
    "Port Ellin, 12 May. Ferries between Port Ellin and Dunmore ran again on Tuesday after a four-day suspension "
    "caused by the storm.\n\n"
    "\"We expect 1,200 passengers a day by June,\" said harbour master Ines Varga.\n\n"
    "A sign at the pier read [bold red]CLOSED[/] until further notice, with a link [link=http://example.org]here[/link] "
    "and a stray \x1b[31m escape.\n\n"
    "Local cafés said trade had halved during the closure."
)

COURIER_BODY = (
    "Dunmore, 13 May. The ferry service resumed on Wednesday after a five-day suspension, the operator said.\n\n"
    "The operator added that two new vessels would join the route in autumn."
)

LIBRARY_BODY = (
    "Ardley, 2 June. The town library will open on Sundays from July, the council announced.\n\n"
    "According to the council, 340 people signed a petition asking for weekend hours."
)


FERRY_HARBOUR = ("Ferries between Port Ellin and Dunmore ran again on Tuesday after a four-day suspension caused by "
                 "the storm.")
FERRY_COURIER = "The ferry service resumed on Wednesday after a five-day suspension, the operator said."


def _conflict(other_id: str, kind: str, detail: str, mine: tuple[str, str], theirs: tuple[str, str]) -> Conflict:
    """A conflict as the linker stores it: the detail, and each side's words with their offsets in its sentence."""
    (text, wording), (other_text, other_wording) = mine, theirs
    start, other_start = text.index(wording), other_text.index(other_wording)
    return Conflict(claim_id=other_id, detail=detail, kind=kind, wording=wording, start=start,
                    end=start + len(wording), other_wording=other_wording, other_start=other_start,
                    other_end=other_start + len(other_wording))


def _article(article_id: str, outlet: str, title: str, body: str) -> Article:
    return Article(
        id=article_id, source=f"{article_id}.txt", outlet=outlet, title=title, body=body,
        published="2024-05-12", event="ferry", content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def _claims(article: Article, specs: list[ClaimSpec]) -> list[Claim]:
    claims = []
    for position, spec in enumerate(specs):
        start = article.body.index(spec.sentence)
        claims.append(Claim(
            id=spec.id, article=article.ref(), text=spec.text or spec.sentence, source_text=spec.sentence,
            start=start, end=start + len(spec.sentence), kind=spec.kind, speaker=spec.speaker,
            checkworthiness=spec.checkworthiness, group=spec.group, corroborated_by=spec.corroborated_by,
            conflicts=spec.conflicts, position=position, checkworthiness_features=list(spec.features),
        ))
    return claims


MARKUP_CLAIM_TEXT = (
    "A sign at the pier read [bold red]CLOSED[/] until further notice, with a link "
    "[link=http://example.org]here[/link] and a stray \x1b[31m escape."
)


def sample_articles() -> list[tuple[Article, list[Claim]]]:
    """Three fictional articles with seven claims; c01 and c05 conflict, c02 quotes a named speaker."""
    harbour = _article("a-harbour", "Harbour Gazette", "Ferries run again after storm", HARBOUR_BODY)
    courier = _article("a-courier", "Valley Courier", "Ferry back on Wednesday", COURIER_BODY)
    library = _article("a-library", "Ardley Weekly", "Library to open on Sundays", LIBRARY_BODY)
    return [
        (harbour, _claims(harbour, [
            ClaimSpec("c01", FERRY_HARBOUR, group="g-ferry", corroborated_by=["a-courier"], conflicts=[
                _conflict("c05", "date", "date: Tuesday vs Wednesday",
                          (FERRY_HARBOUR, "Tuesday"), (FERRY_COURIER, "Wednesday")),
                _conflict("c05", "duration", "duration: four-day (4 days) vs five-day (5 days)",
                          (FERRY_HARBOUR, "four-day"), (FERRY_COURIER, "five-day")),
            ]),
            ClaimSpec("c02", "\"We expect 1,200 passengers a day by June,\" said harbour master Ines Varga.",
                      text="We expect 1,200 passengers a day by June.", kind="quote", speaker="Ines Varga",
                      checkworthiness=0.82),
            ClaimSpec("c03", MARKUP_CLAIM_TEXT, checkworthiness=0.4),
            ClaimSpec("c04", "Local cafés said trade had halved during the closure.", kind="attributed",
                      speaker="Local cafés", checkworthiness=0.65),
        ])),
        (courier, _claims(courier, [
            ClaimSpec("c05", FERRY_COURIER, kind="attributed", speaker="the operator", group="g-ferry",
                      corroborated_by=["a-harbour"], conflicts=[
                          _conflict("c01", "date", "date: Wednesday vs Tuesday",
                                    (FERRY_COURIER, "Wednesday"), (FERRY_HARBOUR, "Tuesday")),
                          _conflict("c01", "duration", "duration: five-day (5 days) vs four-day (4 days)",
                                    (FERRY_COURIER, "five-day"), (FERRY_HARBOUR, "four-day")),
                      ]),
            ClaimSpec("c06", "The operator added that two new vessels would join the route in autumn.",
                      kind="attributed", speaker="the operator"),
        ])),
        (library, _claims(library, [
            ClaimSpec("c07", "According to the council, 340 people signed a petition asking for weekend hours.",
                      kind="statistic", speaker="the council", checkworthiness=0.9),
        ])),
    ]


def make_sample_store(path: Path) -> Store:
    """A SQLite database file at `path` holding the sample articles."""
    store = open_store(f"sqlite:///{path}")
    for article, claims in sample_articles():
        store.articles.add(article, claims)
    return store


def sample_settings(**overrides) -> Settings:
    """Settings that ignore the environment's label and guidelines files unless given."""
    return Settings(**{"labels_file": None, "guidelines_file": None, **overrides})
