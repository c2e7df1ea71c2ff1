"""Gold resolution: adjudication first, then a unique plurality; ties and thin claims left out with a reason."""

from __future__ import annotations

import pytest

from annotator.export import Unresolved, resolve_gold
from annotator.models import Adjudication
from tests.fixtures.export.samples import HARBOUR_GAZETTE, at, claim, vote

CLAIM = claim("c1", "The bridge opened in 1998.", HARBOUR_GAZETTE)


def test_unique_plurality_wins_and_agreement_is_the_share_choosing_it() -> None:
    votes = [vote("c1", "ana", "verified", 1), vote("c1", "ben", "verified", 2), vote("c1", "chloe", "contested", 3)]
    gold, reason = resolve_gold(CLAIM, votes)
    assert reason is None
    assert gold.label == "verified"
    assert gold.n_annotations == 3
    assert gold.agreement == pytest.approx(2 / 3)
    assert gold.annotators == ["ana", "ben", "chloe"]
    assert gold.article == HARBOUR_GAZETTE and gold.text == CLAIM.text


def test_plurality_without_majority_still_wins_when_unique() -> None:
    labels = ["verified", "verified", "contested", "unverifiable", "corrected"]
    votes = [vote("c1", f"a{i}", label, i, correction="x" if label == "corrected" else None)
             for i, label in enumerate(labels)]
    gold, _ = resolve_gold(CLAIM, votes)
    assert gold.label == "verified" and gold.agreement == pytest.approx(0.4)


def test_a_tie_at_the_top_is_left_out() -> None:
    votes = [vote("c1", "ana", "verified", 1), vote("c1", "ben", "contested", 2)]
    assert resolve_gold(CLAIM, votes) == (None, Unresolved.TIE)


def test_adjudication_overrides_the_annotators_and_breaks_ties() -> None:
    votes = [vote("c1", "ana", "verified", 1), vote("c1", "ben", "contested", 2)]
    ruling = Adjudication(claim_id="c1", adjudicator="lead", label="unverifiable", created_at=at(9), updated_at=at(9))
    gold, reason = resolve_gold(CLAIM, votes, ruling)
    assert reason is None
    assert gold.label == "unverifiable"
    assert gold.agreement == 0.0
    assert gold.n_annotations == 2


def test_adjudication_counts_even_below_min_annotations() -> None:
    ruling = Adjudication(claim_id="c1", adjudicator="lead", label="verified")
    gold, _ = resolve_gold(CLAIM, [vote("c1", "ana", "verified", 1)], ruling, min_annotations=3)
    assert gold.label == "verified" and gold.agreement == 1.0


def test_claims_below_min_annotations_and_unannotated_claims_are_left_out() -> None:
    assert resolve_gold(CLAIM, [vote("c1", "ana", "verified", 1)], min_annotations=2) == (
        None, Unresolved.TOO_FEW_ANNOTATIONS)
    assert resolve_gold(CLAIM, []) == (None, Unresolved.NO_ANNOTATIONS)


def test_each_annotator_counts_once_with_their_latest_decision() -> None:
    votes = [
        vote("c1", "ana", "verified", 1),
        vote("c1", "ana", "contested", 5),
        vote("c1", "ben", "contested", 2),
    ]
    gold, _ = resolve_gold(CLAIM, votes, min_annotations=2)
    assert gold.label == "contested" and gold.n_annotations == 2 and gold.agreement == 1.0


def test_corrected_gold_takes_the_most_written_correction() -> None:
    votes = [
        vote("c1", "ana", "corrected", 1, correction="The bridge opened in 1999."),
        vote("c1", "ben", "corrected", 2, correction="It opened in 2001."),
        vote("c1", "chloe", "corrected", 3, correction="It opened in 2001."),
    ]
    gold, _ = resolve_gold(CLAIM, votes)
    assert gold.correction == "It opened in 2001."


def test_corrected_tie_between_corrections_goes_to_the_earliest() -> None:
    votes = [
        vote("c1", "ben", "corrected", 5, correction="Later text."),
        vote("c1", "ana", "corrected", 1, correction="Earlier text."),
    ]
    assert resolve_gold(CLAIM, votes).gold.correction == "Earlier text."


def test_adjudicated_correction_wins_and_non_corrected_gold_has_none() -> None:
    votes = [vote("c1", "ana", "corrected", 1, correction="Annotator's text.")]
    ruling = Adjudication(claim_id="c1", adjudicator="lead", label="corrected", correction="Lead's text.")
    assert resolve_gold(CLAIM, votes, ruling).gold.correction == "Lead's text."
    plain = Adjudication(claim_id="c1", adjudicator="lead", label="verified", correction="stray")
    assert resolve_gold(CLAIM, votes, plain).gold.correction is None


def test_min_annotations_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        resolve_gold(CLAIM, [], min_annotations=0)
