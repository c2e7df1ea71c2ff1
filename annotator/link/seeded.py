"""Growing stored groups: `grouping.cluster`'s average-linkage merging, started from the groups already stored."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping

from annotator.link.features import ClaimFeatures
from annotator.link.grouping import UnionFind, cached_scores, merge_average_linkage
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
    merge_average_linkage(edges, cached_scores(local, scorer, edges), union, sides)
    components: dict[int, list[int]] = defaultdict(list)
    for feature in local:
        components[union.find(feature.index)].append(feature.index)
    return components
