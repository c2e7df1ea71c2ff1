"""Building small fictional events for the linking tests: claims with entities from a gazetteer, as an
extractor would mark them, and filler claims so the names in question are not the event's only actors."""

from __future__ import annotations

import re

from annotator.link import link_claims
from annotator.models import ArticleRef, Claim, EntitySpan

FILLER = [
    "A ferry service between the islands resumed after the winter storms.",
    "Grain prices rose for a third week in the northern markets.",
    "The harbour authority opened two new berths for container ships.",
    "Farmers in the valley reported a poor harvest after the dry summer.",
    "The rail link to the coast will close for repairs in the spring.",
    "A new bridge over the river is due to open next year.",
]


def make_claim(
    gazetteer: dict[str, str], outlet: int, position: int, text: str, speaker: str | None = None,
    outlet_name: str | None = None,
) -> Claim:
    """One claim of article `art-<outlet>`, its entities the gazetteer names found in the text."""
    article = ArticleRef(id=f"art-{outlet}", source=f"outlet{outlet}.txt", outlet=outlet_name, published="2024-05-10")
    entities: list[EntitySpan] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(gazetteer, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                entities.append(EntitySpan(text=name, label=gazetteer[name], start=m.start(), end=m.end()))
    return Claim(
        id=f"c-{outlet}-{position:02d}", article=article, text=text, source_text=text, start=0, end=len(text),
        speaker=speaker, position=position, entities=sorted(entities, key=lambda e: e.start),
    )


def link_event(
    gazetteer: dict[str, str], statements: list[tuple[str, str | None]], filler: list[str] = FILLER,
    outlets: tuple[str, ...] = (),
) -> dict[str, Claim]:
    """The statements, one per outlet (claim `c-<outlet>-00`), plus the filler spread over the outlets, linked."""
    def name(i: int) -> str | None:
        return outlets[i % len(outlets)] if outlets else None

    claims = [make_claim(gazetteer, i, 0, text, speaker, name(i)) for i, (text, speaker) in enumerate(statements)]
    claims += [
        make_claim(gazetteer, i % len(statements), 1 + i, text, outlet_name=name(i % len(statements)))
        for i, text in enumerate(filler)
    ]
    return {c.id: c for c in link_claims(claims)}
