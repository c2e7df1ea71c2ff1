"""Candidate search: an inverted index from normalised keys to claims, so linking never compares all pairs."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from annotator.link.features import ClaimFeatures

MAX_POSTINGS = 60
"""Keys shared by more claims than this say little about which claims match, so they are not searched."""
MAX_KEYS = 8
"""How many of a claim's rarest keys are searched."""
MAX_CANDIDATES = 12
"""How many candidates, those sharing the rarest keys, are scored for each claim."""


def build_index(features: list[ClaimFeatures]) -> dict[str, list[int]]:
    """Each key and the claims (by index) indexed under it."""
    index: dict[str, list[int]] = defaultdict(list)
    for feature in features:
        for key in feature.search_keys:
            index[key].append(feature.index)
    return index


def candidates(features: list[ClaimFeatures]) -> dict[int, list[int]]:
    """For each claim, the claims of other articles worth scoring against it.

    A claim is looked up under its rarest shared keys only, each lookup reads at most MAX_POSTINGS
    entries, and the others are ranked by the rarity of the keys they share (a shared surname outweighs
    a shared "said"), so the work per claim is bounded and the whole search grows linearly.
    """
    index = build_index(features)
    total = len(features)
    found: dict[int, list[int]] = {}
    for feature in features:
        shared = sorted((len(index[k]), k) for k in feature.search_keys if len(index[k]) > 1)
        keys = [(size, k) for size, k in shared if size <= MAX_POSTINGS][:MAX_KEYS] or shared[:1]
        weights: dict[int, float] = defaultdict(float)
        article = feature.article
        for size, key in keys:
            weight = math.log(1 + total / size)
            for other in index[key][:MAX_POSTINGS]:
                weights[other] += weight
        best = heapq.nlargest(
            MAX_CANDIDATES,
            ((w, -other) for other, w in weights.items() if features[other].article != article),
        )
        found[feature.index] = sorted(-negated for _, negated in best)
    return found
