"""Growing stored groups: `grouping.cluster`'s average-linkage merging, started from the groups already stored."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping

from annotator.link.features import ClaimFeatures
from annotator.link.grouping import GROUP_THRESHOLD, MAX_LINKAGE_SAMPLE
from annotator.link.grouping import _UnionFind as UnionFind
from annotator.link.scoring import Scorer


def group_id(smallest_claim_id: str) -> str:
    """A new group's id, from its smallest claim id as `grouping.group_ids` makes it."""
    return "g-" + hashlib.sha1(smallest_claim_id.encode("utf-8")).hexdigest()[:12]


def grow_groups(local: list[ClaimFeatures], edges: Mapping[tuple[int, int], float], scorer: Scorer,
                stored: Mapping[int, str | None]) -> dict[int, list[int]]:
    """The claims (by position) of each resulting set, merging along `edges` best first.

    `stored` is the group each claim already has: the claims read back of one stored group start as one set (its
    sample for the mean similarity), and two sets join only when their members are on average similar enough, as
    in `grouping.cluster`. With no stored groups this is `grouping.cluster` over the same edges.
    """
    union = UnionFind(len(local))
    sides: dict[int, list[int]] = {f.index: [f.index] for f in local}
    held: dict[str, list[int]] = defaultdict(list)
    for position in sorted(stored):
        if stored[position]:
            held[stored[position]].append(position)  # type: ignore[index]
    for positions in held.values():
        for other in positions[1:]:
            union.union(positions[0], other)
        sides[union.find(positions[0])] = positions
    cache: dict[tuple[int, int], float] = dict(edges)

    def score(i: int, j: int) -> float:
        pair = (min(i, j), max(i, j))
        if pair not in cache:
            cache[pair] = scorer.score(local[pair[0]], local[pair[1]])
        return cache[pair]

    rejected: set[tuple[int, int, int, int]] = set()
    for (i, j), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        ri, rj = union.find(i), union.find(j)
        if ri == rj:
            continue
        left, right = sides[ri], sides[rj]
        state = (ri, rj, len(left), len(right))
        if state in rejected:
            continue
        pairs = [(a, b) for a in left[:MAX_LINKAGE_SAMPLE] for b in right[:MAX_LINKAGE_SAMPLE]]
        if sum(score(a, b) for a, b in pairs) / len(pairs) < GROUP_THRESHOLD:
            rejected.add(state)
            continue
        union.union(ri, rj)
        sides[union.find(ri)] = left + right
    components: dict[int, list[int]] = defaultdict(list)
    for feature in local:
        components[union.find(feature.index)].append(feature.index)
    return components
