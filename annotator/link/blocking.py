"""Candidate search: an inverted index from normalised keys to claims, so linking never compares all pairs."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from annotator.link.features import ClaimFeatures

MAX_POSTINGS = 200
"""Keys shared by more claims than this say little about which claims match, so they are not searched."""
MAX_KEYS = 8
"""How many of a claim's rarest keys are searched."""
MAX_CANDIDATES = 40
"""How many candidates, those sharing the most keys, are scored for each claim."""


def build_index(features: list[ClaimFeatures]) -> dict[str, list[int]]:
    """Each key and the claims (by index) indexed under it."""
    index: dict[str, list[int]] = defaultdict(list)
    for feature in features:
        for key in feature.block_keys:
            index[key].append(feature.index)
    return index


def candidates(features: list[ClaimFeatures]) -> dict[int, list[int]]:
    """For each claim, the claims of other articles worth scoring against it.

    A claim is looked up under its rarest shared keys only, and each lookup reads at most MAX_POSTINGS
    entries, so the work per claim is bounded and the whole search grows linearly with the claims.
    """
    index = build_index(features)
    found: dict[int, list[int]] = {}
    for feature in features:
        shared = sorted((len(index[k]), k) for k in feature.block_keys if len(index[k]) > 1)
        keys = [k for size, k in shared if size <= MAX_POSTINGS][:MAX_KEYS]
        if not keys and shared:
            keys = [shared[0][1]]
        counts: Counter[int] = Counter()
        for key in keys:
            for other in index[key][:MAX_POSTINGS]:
                if features[other].article != feature.article:
                    counts[other] += 1
        best = heapq.nlargest(MAX_CANDIDATES, counts.items(), key=lambda item: (item[1], -item[0]))
        found[feature.index] = sorted(other for other, _ in best)
    return found
