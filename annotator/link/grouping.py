"""Scoring claim pairs and grouping claims that state the same thing in different articles."""

from __future__ import annotations

import hashlib
import math
from collections import Counter

from rapidfuzz import fuzz

from annotator.link.blocking import candidates
from annotator.link.features import ClaimFeatures

LINK_THRESHOLD = 0.43
"""Pairs scoring at least this are the same statement."""
GROUP_THRESHOLD = 0.40
MAX_LINKAGE_SAMPLE = 24
"""Mean similarity between two large groups is taken over at most this many members of each side."""
"""Two groups merge when their members' mean similarity reaches this (looser than a single match)."""
QUOTE_MATCH = 0.85
"""Two quotations this similar are the same words, whoever they are attributed to."""
WEIGHTS = {"lexical": 0.35, "keys": 0.45, "entities": 0.10, "speaker": 0.10}


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def key_weights(features: list[ClaimFeatures]) -> dict[str, float]:
    """Inverse document frequency of each key within the event: "Russia" in every claim weighs little."""
    counts: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.block_keys)
    total = len(features)
    return {key: math.log(1 + total / count) for key, count in counts.items()}


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    union = a | b
    if not union:
        return 0.0
    return sum(weights.get(k, 1.0) for k in a & b) / sum(weights.get(k, 1.0) for k in union)


def quote_similarity(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How close the closest pair of quotations of the two claims is (0 when either has none)."""
    best = 0.0
    for qa in a.quotes:
        for qb in b.quotes:
            best = max(best, fuzz.token_sort_ratio(qa, qb) / 100, fuzz.partial_ratio(qa, qb) / 100)
    return best


def similarity(a: ClaimFeatures, b: ClaimFeatures, weights: dict[str, float] | None = None) -> float:
    """How likely two claims state the same thing, 0..1, from normalised words, entities and speaker.

    Shared keys count by their rarity in the event (`weights`, from key_weights), so two claims that
    only share the event's main actors score low.
    """
    weights = weights or {}
    lexical = (fuzz.token_set_ratio(a.norm_text, b.norm_text) + fuzz.token_sort_ratio(a.norm_text, b.norm_text)) / 200
    score = (
        WEIGHTS["lexical"] * lexical
        + WEIGHTS["keys"] * _weighted_jaccard(a.block_keys, b.block_keys, weights)
        + WEIGHTS["entities"] * _jaccard(a.entities, b.entities)
        + WEIGHTS["speaker"] * (1.0 if a.speaker and a.speaker == b.speaker else 0.0)
    )
    quoted = quote_similarity(a, b)
    return max(score, quoted) if quoted >= QUOTE_MATCH else score


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def scored_edges(features: list[ClaimFeatures], weights: dict[str, float]) -> dict[tuple[int, int], float]:
    """Score of each candidate pair (i < j) from different articles that reaches the threshold."""
    edges: dict[tuple[int, int], float] = {}
    for i, others in candidates(features).items():
        for j in others:
            pair = (min(i, j), max(i, j))
            if pair in edges:
                continue
            score = similarity(features[i], features[j], weights)
            if score >= LINK_THRESHOLD:
                edges[pair] = score
    return edges


def cluster(features: list[ClaimFeatures]) -> list[list[int]]:
    """Groups of claim indices (two or more) that state the same thing, by average-linkage merging.

    Candidate pairs are merged best first, and two groups join only when their members are on average
    similar enough (GROUP_THRESHOLD), so a chain of loose matches (A like B, B like C) does not pull
    unrelated statements of the same people into one group.
    """
    weights = key_weights(features)
    edges = scored_edges(features, weights)
    cache: dict[tuple[int, int], float] = dict(edges)

    def score(i: int, j: int) -> float:
        pair = (min(i, j), max(i, j))
        if pair not in cache:
            cache[pair] = similarity(features[i], features[j], weights)
        return cache[pair]

    union = _UnionFind(len(features))
    members: dict[int, list[int]] = {f.index: [f.index] for f in features}
    rejected: set[tuple[int, int, int, int]] = set()
    for (i, j), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        ri, rj = union.find(i), union.find(j)
        if ri == rj:
            continue
        left, right = members[ri], members[rj]
        state = (ri, rj, len(left), len(right))
        if state in rejected:
            continue
        pairs = [(a, b) for a in left[:MAX_LINKAGE_SAMPLE] for b in right[:MAX_LINKAGE_SAMPLE]]
        mean = sum(score(a, b) for a, b in pairs) / len(pairs)
        if mean < GROUP_THRESHOLD:
            rejected.add(state)
            continue
        union.union(ri, rj)
        root = union.find(ri)
        members[root] = left + right
    return [sorted(group) for root, group in members.items() if union.find(root) == root and len(group) > 1]


def group_ids(features: list[ClaimFeatures]) -> list[str | None]:
    """The group id of each claim (None when it matches no claim elsewhere), stable across runs.

    The id hashes the smallest claim id in the group, so it does not depend on input order.
    """
    ids: list[str | None] = [None] * len(features)
    for group in cluster(features):
        smallest = min(features[i].claim.id for i in group)
        group_id = "g-" + hashlib.sha1(smallest.encode("utf-8")).hexdigest()[:12]
        for i in group:
            ids[i] = group_id
    return ids
