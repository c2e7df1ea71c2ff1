"""Claim edits, flags and notes without a verdict, and flags in the review queue, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from annotator.models import Annotation, Article, Claim, ClaimEdit, ClaimFilter, QueueSpec

BODY = "He said the ferries would run by Friday. Harbour fees rose 8 percent. The pier stays shut."
SENTENCES = ["He said the ferries would run by Friday.", "Harbour fees rose 8 percent.", "The pier stays shut."]


@pytest.fixture
def desk(store):
    article = Article(id="a1", source="one.txt", body=BODY, content_hash="a1", outlet="Example Post")
    claims, offset = [], 0
    for position, sentence in enumerate(SENTENCES):
        start = BODY.index(sentence, offset)
        offset = start + len(sentence)
        claims.append(Claim(id=f"a1-{position}", article=article.ref(), text=sentence, source_text=sentence,
                            start=start, end=offset, position=position, kind="event"))
    store.articles.add(article, claims)
    return store


FIX = ClaimEdit(text="Minister Tomas Revka said the ferries would run by Friday.", speaker="Tomas Revka",
                start=0, end=len(SENTENCES[0]))


def test_an_edit_is_saved_without_a_verdict_and_undone_by_restoring_what_was_there(desk) -> None:
    previous = desk.annotations.get("a1-0", "ana")
    saved = desk.annotations.save(Annotation(claim_id="a1-0", annotator="ana", edit=FIX))
    assert saved.label is None and saved.edit == FIX
    assert desk.annotations.get("a1-0", "ana").edit == FIX
    assert desk.annotations.votes() == [], "an edit is no vote"
    assert desk.annotations.progress("ana").done == 0, "an edit decides nothing"
    assert previous is None
    desk.annotations.remove("a1-0", "ana")
    assert desk.annotations.get("a1-0", "ana") is None
    actions = [(entry["action"], entry["edit"]) for entry in desk.annotations.history("a1-0", "ana")]
    assert actions == [("save", FIX.model_dump()), ("remove", FIX.model_dump())]


def test_a_verdict_after_an_edit_keeps_the_edit_and_undo_brings_the_edit_back_alone(desk) -> None:
    edited = desk.annotations.save(Annotation(claim_id="a1-0", annotator="ana", edit=FIX))
    decided = desk.annotations.save(edited.model_copy(update={"label": "contested"}))
    assert (decided.label, decided.edit) == ("contested", FIX)
    assert [vote.label for vote in desk.annotations.votes()] == ["contested"]
    assert desk.annotations.progress("ana").done == 1
    desk.annotations.save(edited)
    back = desk.annotations.get("a1-0", "ana")
    assert (back.label, back.edit) == (None, FIX)


def test_a_flag_or_a_note_is_saved_without_a_verdict(desk) -> None:
    desk.annotations.save(Annotation(claim_id="a1-1", annotator="ana", flagged=True, note="Check the fee table."))
    saved = desk.annotations.get("a1-1", "ana")
    assert (saved.label, saved.flagged, saved.note) == (None, True, "Check the fee table.")
    unlabelled = QueueSpec(annotator="ana", claim_filter=ClaimFilter(unlabelled=True))
    assert desk.queue.page(unlabelled, 0, 10) == ["a1-0", "a1-1", "a1-2"], "still waiting for a verdict"
    first = desk.queue.next_unlabelled(QueueSpec(annotator="ana"), None)
    assert first is not None and first[1] == "a1-0"


def test_flagged_claims_are_in_the_review_queue_with_who_flagged_them_and_the_note(desk) -> None:
    desk.annotations.save(Annotation(claim_id="a1-2", annotator="ben", label="verified", flagged=True,
                                     note="Photo caption contradicts this."))
    desk.annotations.save(Annotation(claim_id="a1-1", annotator="ana", label="verified"))
    desk.annotations.save(Annotation(claim_id="a1-1", annotator="ben", label="verified"))
    assert desk.team.claims_to_review() == ["a1-2"], "one flag by one annotator reaches the lead"
    assert desk.team.claims_to_review(include_agreed=True) == ["a1-1", "a1-2"]
    [flag] = desk.team.flags()
    assert (flag.claim_id, flag.annotator, flag.note, flag.label) == (
        "a1-2", "ben", "Photo caption contradicts this.", "verified")


def test_an_edit_alone_does_not_make_a_disagreement(desk) -> None:
    desk.annotations.save(Annotation(claim_id="a1-0", annotator="ana", label="verified"))
    desk.annotations.save(Annotation(claim_id="a1-0", annotator="ben", edit=FIX))
    assert desk.team.claims_to_review() == []
    stats = desk.team.stats()
    assert {row.annotator: row.annotations for row in stats.annotators} == {"ana": 1, "ben": 0}
