"""Why a claim scored as it did, in words a reviewer reads on the annotation screen (no spaCy needed).

The formula's weights live here so the explanation and the score can never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from annotator.models import Claim

WEIGHTS: dict[str, float] = {
    "number": 1.4,
    "temporal": 0.7,
    "named_entity": 0.9,
    "past_tense": 0.8,
    "attribution": 0.6,
    "comparison": 0.5,
    "question": -2.5,
    "first_person_opinion": -1.8,
    "first_person_promise": -0.9,
    "imperative": -1.0,
    "short": -1.5,
}
BIAS = -1.0
_FEATURE_WORDS = {
    "number": "a figure",
    "temporal": "a date or time",
    "named_entity": "a named entity",
    "past_tense": "past tense",
    "attribution": "attributed",
    "comparison": "a comparison",
    "question": "a question",
    "first_person_opinion": "first-person opinion",
    "first_person_promise": "first-person promise",
    "imperative": "imperative",
    "short": "short",
}


def score_features(features: dict[str, int]) -> float:
    """The logistic of the weighted feature sum, in 0..1."""
    total = BIAS + sum(WEIGHTS[name] * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-total))


def formula_score(present: Iterable[str]) -> float:
    """The formula's score of a sentence from the names of the features that hold for it."""
    return score_features({name: 1 for name in present if name in WEIGHTS})


def explain_score(claim: Claim) -> str:
    """One line: the model and its score, or the formula's features with their weights."""
    features = [name for name in claim.checkworthiness_features if name in WEIGHTS]
    listed = ", ".join(f"{_FEATURE_WORDS[name]} {WEIGHTS[name]:+.1f}" for name in features)
    if claim.checkworthiness_model:
        line = f"score {claim.checkworthiness:.2f} from model {claim.checkworthiness_model}"
        if features:
            line += f" (the formula would give {formula_score(features):.2f}: {listed})"
        return line
    if not features:
        return f"score {claim.checkworthiness:.2f} from the formula (no feature recorded for this claim)"
    return f"score {claim.checkworthiness:.2f} from the formula: {listed}"


def why_picked(claim: Claim) -> str:
    """A few words on why the claim is in the queue where it is: the model that scored it, or the formula's features
    that raised its score (those that lowered it are left to `explain_score`)."""
    if claim.checkworthiness_model:
        return f"model {claim.checkworthiness_model}"
    raising = [_FEATURE_WORDS[name] for name in claim.checkworthiness_features if WEIGHTS.get(name, 0) > 0]
    return ", ".join(raising) if raising else "no feature recorded"
