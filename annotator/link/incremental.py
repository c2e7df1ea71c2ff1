"""Linking new claims into an event already linked, at the cost of the new claims rather than of the event.

The event's stored index (keys, how many claims carry each, the newest claims under each) gives every new claim
its candidates: the claims of the last HORIZON sharing its rarest keys, at most MAX_CANDIDATES of them, as
`blocking.candidates` picks them in memory. Only those candidates, the newest members of the groups they belong to,
and the latest claims measuring the same things (for conflicts outside groups) are read back, so the work and the
memory of a batch are bounded by its own claims however long the event grows. The scorer and the average-linkage
rule of `grouping` then decide as they do for a whole event, with the groups already stored taken as given and grown
or joined, never recomputed; the batch's pairs that tie a claim to another group make further groups
(`further_rows`). Linking one batch into an empty index gives what `link_claims` gives for the same claims.
"""

from __future__ import annotations

import copy
import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from annotator.link.acronyms import written_acronyms
from annotator.link.blocking import MAX_CANDIDATES, MAX_KEYS, MAX_POSTINGS
from annotator.link.conflicts import RELATED_KINDS, find_conflicts
from annotator.link.feature_cache import FeatureCache
from annotator.link.features import ClaimFeatures, assign_actors, build_features
from annotator.link.findings import Finding
from annotator.link.further_rows import batch_rows, whole_rows
from annotator.link.grouping import LINK_THRESHOLD, MAX_LINKAGE_SAMPLE, grouped
from annotator.link.linker import _conflict
from annotator.link.aliases import AliasTable
from annotator.link.people import outlet_keys
from annotator.link.scoring import Scorer
from annotator.link.seeded import group_id, grow_groups
from annotator.models import Claim, Conflict

INDEX_CAP = MAX_POSTINGS
"""Claims read under one key, the newest: blocking never reads further down a posting list."""
HORIZON = 8_000
"""How many claims indexed before a batch its candidates come from, the latest: a running story repeats what it
said lately, an older claim is reached through its group while the group keeps being repeated, and the feature
cache of an ingest (10,000) holds the horizon and a batch, so candidates are seldom parsed again."""
FRAME_PARTNERS = 20
"""Latest claims measuring the same thing (a count of troops, the length of a meeting) read back per frame, so a
figure disagreeing with them outside any group is still found."""
OUTLET, ACRONYM, PERSON, FRAME = "#outlet ", "#acronym ", "#person ", "#frame "
"""Prefixes of the index keys that record event-wide facts, or what a claim measures, rather than its words."""

Posting = tuple[int, str, str]
"""(seq, claim id, article id): a claim under a key, seq its place in the order the event's claims were indexed."""
Member = tuple[str, str]
"""(claim id, article id): a claim of a stored group."""


class EventIndex(Protocol):
    """What linking reads and writes of one event's stored index (the store's `link_index.event(...)`)."""

    def counts(self, keys: Collection[str]) -> dict[str, int]: ...
    def keys_with_prefix(self, prefix: str) -> set[str]: ...
    def newest(self, keys: Collection[str], limit: int, since: int = 0) -> dict[str, list[Posting]]: ...
    def add(self, entries: Sequence[tuple[str, str, Collection[str], Collection[str]]],
            facts: Collection[str]) -> int: ...
    def groups_of(self, claim_ids: Collection[str]) -> dict[str, str | None]: ...
    def claims(self, claim_ids: Sequence[str]) -> list[Claim]: ...
    def conflicts_of(self, claim_ids: Collection[str]) -> dict[str, list[Conflict]]: ...
    def group_members(self, groups: Collection[str], newest: int | None = None) -> dict[str, list[Member]]: ...
    def further_members(self, groups: Collection[str]) -> dict[str, list[Member]]: ...
    def links_of(self, claim_ids: Collection[str]) -> dict[str, tuple[str | None, list[str]]]: ...


@dataclass
class BatchLinks:
    """What linking a batch changes: (claim id, group, corroborating articles, further groups) and (claim id,
    conflicts) rows."""

    groups: list[tuple[str, str | None, list[str], list[str]]] = field(default_factory=list)
    conflicts: list[tuple[str, list[Conflict]]] = field(default_factory=list)


def frame_keys(feature: ClaimFeatures) -> set[str]:
    """What the claim measures ("count:troop", "duration:meeting"): claims filed together for conflict checks."""
    return {f"{FRAME}{s.kind}:{s.subject}" for s in feature.slots if s.kind in RELATED_KINDS and s.subject}


def link_batch(index: EventIndex, claims: Sequence[Claim], *, aliases: Mapping[str, str] | None = None,
               cache: FeatureCache | None = None, horizon: int = HORIZON) -> BatchLinks:
    """Index `claims` (new to the event); link them to each other and to the last `horizon` claims indexed before.

    `cache` keeps the features of claims linked earlier in the same run, which later batches read back often.
    """
    table = AliasTable(aliases)
    cache = cache if cache is not None else FeatureCache(0)
    new = sorted((c for c in claims if not c.superseded), key=lambda c: (c.article.id, c.position, c.id))
    if not new:
        return BatchLinks()
    new_outlets = outlet_keys([c.article.outlet for c in new])
    new_acronyms = frozenset(a for c in new for a in written_acronyms(c.source_text or c.text))
    outlets = new_outlets | index.keys_with_prefix(OUTLET)
    acronyms = new_acronyms | index.keys_with_prefix(ACRONYM)
    local = [build_features(k, claim, table, outlets, acronyms) for k, claim in enumerate(new)]
    for feature in local:
        cache.put(feature)
    facts = {OUTLET + o for o in new_outlets} | {ACRONYM + a for a in new_acronyms}
    facts |= {PERSON + p for f in local for p in f.person_names | ({f.speaker} if f.speaker else set())}
    first_seq = index.add([(f.claim.id, f.article, f.search_keys, frame_keys(f)) for f in local], facts)
    total = first_seq + len(local)
    if first_seq == 0:  # a new event: every claim is here, so link them in memory, as a whole event is linked
        return _whole(local)

    counts = index.counts(set().union(*(f.search_keys for f in local)))
    chosen = {f.index: _search_keys(f, counts) for f in local}
    postings = index.newest({key for keys in chosen.values() for _, key in keys}, MAX_POSTINGS, first_seq - horizon)
    wanted = {i: _ranked(local[i], keys, postings, total) for i, keys in chosen.items()}
    frames = index.newest(set().union(*map(frame_keys, local)), FRAME_PARTNERS)
    by_id = {f.claim.id: f.index for f in local}
    neighbours = {cid for ids in wanted.values() for cid in ids} - set(by_id)
    stored = index.groups_of(neighbours)
    sample = index.group_members({g for g in stored.values() if g}, newest=MAX_LINKAGE_SAMPLE)
    partners = {cid for found in frames.values() for _, cid, _ in found} - set(by_id)
    extra = {cid for ids in sample.values() for cid, _ in ids} | partners
    stored.update(index.groups_of(extra - set(stored) - set(by_id)))
    _read_back(index, cache, local, sorted(stored), table, outlets, acronyms)
    by_id = {f.claim.id: f.index for f in local}
    groups = {f.index: stored.get(f.claim.id) for f in local}
    _assign_actors(index, local)
    scorer = Scorer(local, counts=index.counts(set().union(*(f.block_keys for f in local))), total=total)

    edges: dict[tuple[int, int], float] = {}
    for i, ids in wanted.items():
        for j in (by_id[cid] for cid in ids if cid in by_id):
            pair = (min(i, j), max(i, j))
            if pair not in edges and (score := scorer.score(local[pair[0]], local[pair[1]])) >= LINK_THRESHOLD:
                edges[pair] = score
    components = grow_groups(local, edges, scorer, groups)
    final, rows = _group_rows(local, len(new), components, groups)
    return BatchLinks(
        groups=batch_rows(index, local, groups, final, edges, rows),
        conflicts=_conflict_rows(index, local, len(new), final, {by_id[c] for c in partners if c in by_id}),
    )


def _whole(local: list[ClaimFeatures]) -> BatchLinks:
    """The links of claims that are all of their event, found in memory as `link_claims` finds them."""
    assign_actors(local)
    groups, edges = grouped(local)
    found = find_conflicts(local, groups)
    return BatchLinks(
        groups=whole_rows(local, groups, edges),
        conflicts=[(f.claim.id, [_conflict(cid, finding) for (cid, _), finding in sorted(found.get(f.index, {}).items())])
                   for f in local],
    )


def _read_back(index: EventIndex, cache: FeatureCache, local: list[ClaimFeatures], claim_ids: list[str],
               table: AliasTable, outlets: frozenset[str], acronyms: frozenset[str]) -> None:
    """Append the features of stored claims to `local`: from the cache, or built from the claims read back."""
    missing = [cid for cid in claim_ids if cid not in cache.features]
    read = {claim.id: claim for claim in index.claims(missing)}
    for claim_id in claim_ids:
        feature = cache.get(claim_id, len(local))
        if feature is None:
            if claim_id not in read:
                continue
            feature = build_features(len(local), read[claim_id], table, outlets, acronyms)
            cache.put(feature)
        local.append(feature)


def _search_keys(feature: ClaimFeatures, counts: Mapping[str, int]) -> list[tuple[int, str]]:
    """The claim's rarest keys shared with another claim, as `blocking.candidates` searches them."""
    shared = sorted((counts.get(k, 0), k) for k in feature.search_keys if counts.get(k, 0) > 1)
    return [(size, k) for size, k in shared if size <= MAX_POSTINGS][:MAX_KEYS] or shared[:1]


def _ranked(feature: ClaimFeatures, keys: list[tuple[int, str]], postings: Mapping[str, list[Posting]],
            total: int) -> list[str]:
    """Ids of the claims of other articles sharing the most telling keys, at most MAX_CANDIDATES of them, the newest
    first among equals: a running story repeats what it said lately."""
    weights: dict[tuple[int, str], float] = defaultdict(float)
    for size, key in keys:
        weight = math.log(1 + total / size)
        for seq, claim_id, article in postings.get(key, []):
            if article != feature.article:
                weights[(seq, claim_id)] += weight
    best = heapq.nlargest(MAX_CANDIDATES, ((w, seq, claim_id) for (seq, claim_id), w in weights.items()))
    return [claim_id for _, _, claim_id in best]


def _assign_actors(index: EventIndex, features: list[ClaimFeatures]) -> None:
    """`features.assign_actors` with the people named anywhere in the event, not only in these claims."""
    people = {p for f in features for p in f.person_names | ({f.speaker} if f.speaker else set())}
    asked = {PERSON + name for f in features for name in f.names - people}
    people |= {key[len(PERSON):] for key in index.counts(asked)}
    for feature in features:
        feature.actors = feature.names & people


def _group_rows(local: list[ClaimFeatures], n_new: int, components: Mapping[int, list[int]],
                groups: Mapping[int, str | None]) -> tuple[dict[int, str | None], list[tuple[str, str | None]]]:
    """Each claim's group after the batch, and the (claim id, group) rows of the new claims and of the claims read
    back into groups that gained claims or joined (`further_rows.batch_rows` adds the rest of those groups)."""
    final: dict[int, str | None] = {}
    rows: list[tuple[str, str | None]] = []
    for positions in components.values():
        stored = sorted({g for i in positions if (g := groups[i])})
        if not stored and len(positions) < 2:
            final[positions[0]] = None
            continue
        gid = stored[0] if stored else group_id(min(local[i].claim.id for i in positions))
        final.update((i, gid) for i in positions)
        if len(stored) >= 2 or not all(groups[i] for i in positions):
            rows += [(local[i].claim.id, gid) for i in positions]
    written = {cid for cid, _ in rows}
    rows += [(f.claim.id, None) for f in local[:n_new] if f.claim.id not in written]
    return final, rows


def _conflict_rows(index: EventIndex, local: list[ClaimFeatures], n_new: int, final: Mapping[int, str | None],
                   partners: set[int]) -> list[tuple[str, list[Conflict]]]:
    """Conflicts of the new claims with each other, with their groups and with the latest claims measuring the
    same things; the stored claims concerned get theirs added to what they had."""
    joined = {final[i] for i in range(n_new) if final[i]}
    chosen = [i for i in range(len(local)) if i < n_new or i in partners or final.get(i) in joined]
    view = []
    for position, i in enumerate(chosen):
        feature = copy.copy(local[i])
        feature.index = position
        view.append(feature)
    found = find_conflicts(view, [final.get(i) for i in chosen])
    new_ids = {f.claim.id for f in local[:n_new]}
    fresh: dict[str, dict[tuple[str, str], Finding]] = {}
    for feature in view:
        mine = feature.claim.id in new_ids
        kept = {key: finding for key, finding in found.get(feature.index, {}).items() if mine or key[0] in new_ids}
        if mine or kept:
            fresh[feature.claim.id] = kept
    had = index.conflicts_of([cid for cid in fresh if cid not in new_ids])
    rows = []
    for claim_id, kept in fresh.items():
        merged = {(c.claim_id, c.kind): c for c in had.get(claim_id, [])}
        merged.update({key: _conflict(key[0], finding) for key, finding in kept.items()})
        rows.append((claim_id, [merged[key] for key in sorted(merged)]))
    return rows
