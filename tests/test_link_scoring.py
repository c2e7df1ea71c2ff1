"""Grouping keeps apart claims worded alike whose distinctive content differs (people, countries, quotes).

Each test builds a small fictional event: claims from several outlets, with entities as an extractor
would mark them, plus unrelated filler claims so the names in question are not the event's main actors.
"""

from __future__ import annotations

import re

from annotator.link import link_claims
from annotator.models import ArticleRef, Claim, EntitySpan

GAZETTEER = {
    "Anja Brel": "PERSON", "Piet Osk": "PERSON", "Ilse Marrow": "PERSON", "Jonas Tell": "PERSON",
    "Brel": "PERSON", "Osk": "PERSON", "Tell": "PERSON", "Tarsk": "GPE", "Lindor": "GPE", "Ostmark": "GPE",
    "Veloria": "GPE", "Sarnia": "GPE", "Kelm": "GPE",
}
FILLER = [
    "A ferry service between the islands resumed after the winter storms.",
    "Grain prices rose for a third week in the northern markets.",
    "The harbour authority opened two new berths for container ships.",
    "Farmers in the valley reported a poor harvest after the dry summer.",
    "The rail link to the coast will close for repairs in the spring.",
    "A new bridge over the river is due to open next year.",
]


def _claim(outlet: int, position: int, text: str, speaker: str | None = None) -> Claim:
    article = ArticleRef(id=f"art-{outlet}", source=f"outlet{outlet}.txt", published="2024-05-10")
    entities = []
    taken: list[tuple[int, int]] = []
    for name in sorted(GAZETTEER, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                entities.append(EntitySpan(text=name, label=GAZETTEER[name], start=m.start(), end=m.end()))
    return Claim(
        id=f"c-{outlet}-{position:02d}", article=article, text=text, source_text=text, start=0, end=len(text),
        speaker=speaker, position=position, entities=sorted(entities, key=lambda e: e.start),
    )


def _event(statements: list[tuple[str, str | None]]) -> dict[str, Claim]:
    """The statements, one per outlet, plus the filler claims spread over the outlets, linked."""
    claims = [_claim(i, 0, text, speaker) for i, (text, speaker) in enumerate(statements)]
    claims += [_claim(i % len(statements), 1 + i, text) for i, text in enumerate(FILLER)]
    return {c.id: c for c in link_claims(claims)}


def _grouped(linked: dict[str, Claim], a: int, b: int) -> bool:
    first, second = linked[f"c-{a}-00"], linked[f"c-{b}-00"]
    return first.group is not None and first.group == second.group


def test_the_same_meeting_in_other_words_is_grouped():
    linked = _event([
        ("Anja Brel met Piet Osk in Tarsk for two hours on Tuesday.", None),
        ("Brel held two hours of talks with Osk in Tarsk on Tuesday.", None),
    ])
    assert _grouped(linked, 0, 1)


def test_meetings_with_different_people_are_not_grouped():
    linked = _event([
        ("Anja Brel met Piet Osk in Tarsk for two hours on Tuesday.", None),
        ("Anja Brel met Jonas Tell in Tarsk for two hours on Tuesday.", None),
    ])
    assert not _grouped(linked, 0, 1)


def test_troop_build_ups_by_different_countries_are_not_grouped():
    linked = _event([
        ("Lindor has massed 5,000 troops near the Sarnia border.", None),
        ("Kelm has massed 5,000 troops near the Sarnia border.", None),
        ("Lindor has deployed 5,000 soldiers close to the frontier with Sarnia.", None),
    ])
    assert _grouped(linked, 0, 2)
    assert not _grouped(linked, 0, 1) and not _grouped(linked, 1, 2)


def test_different_quotes_of_one_speaker_are_not_grouped_but_the_same_quote_is():
    linked = _event([
        ('"We will defend every field and every well in the valley," Ilse Marrow said.', "Ilse Marrow"),
        ('"The talks were frank and useful," Ilse Marrow said.', "Ilse Marrow"),
        ('Marrow said: "We will defend every field and every well in the valley."', "Ilse Marrow"),
    ])
    assert _grouped(linked, 0, 2)
    assert not _grouped(linked, 0, 1)


def test_the_same_words_attributed_to_different_speakers_are_grouped_and_flagged():
    linked = _event([
        ('"We will defend every field and every well in the valley," Ilse Marrow said.', "Ilse Marrow"),
        ('"We will defend every field and every well in the valley," Anja Brel said.', "Anja Brel"),
    ])
    assert _grouped(linked, 0, 1)
    assert [x.detail for x in linked["c-0-00"].conflicts] == ["speaker: Ilse Marrow vs Anja Brel"]
