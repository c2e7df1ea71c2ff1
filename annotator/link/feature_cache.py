"""Features of claims linked earlier in a run, kept so that a claim read back as a candidate is not parsed again."""

from __future__ import annotations

import copy
from collections import OrderedDict

from annotator.link.features import ClaimFeatures


class FeatureCache:
    """The features of the last `size` claims built or used, by claim id; at most `size` are kept, so memory is flat.

    A claim's features depend on its text, entities and speaker, which linking never changes; its stored group and
    conflicts are read from the database each time, never from here.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.features: OrderedDict[str, ClaimFeatures] = OrderedDict()
        self.hits = self.misses = 0
        """Lookups that found a claim's features, and lookups that had to build them again."""

    def put(self, feature: ClaimFeatures) -> None:
        """Keep a claim's features, forgetting the least recently used beyond `size`."""
        if self.size <= 0:
            return
        self.features[feature.claim.id] = feature
        self.features.move_to_end(feature.claim.id)
        while len(self.features) > self.size:
            self.features.popitem(last=False)

    def get(self, claim_id: str, index: int) -> ClaimFeatures | None:
        """A copy of the claim's features at position `index` of a batch (actors unset), None when not kept."""
        cached = self.features.get(claim_id)
        if cached is None:
            self.misses += 1
            return None
        self.hits += 1
        self.features.move_to_end(claim_id)
        feature = copy.copy(cached)
        feature.index, feature.actors = index, frozenset()
        return feature
