"""Further groups when a batch is linked into a stored event: the batch's pairs that tie a claim to another group,
and the corroborating articles of every claim whose groups gained or lost a member, read back from the store."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from annotator.link.features import ClaimFeatures
from annotator.link.further_groups import corroborating, further_groups, group_articles

Member = tuple[str, str]
"""(claim id, article id)."""
Row = tuple[str, "str | None", list[str], list[str]]
"""(claim id, group, corroborating articles, further groups): what is stored of a claim's links."""


class GroupReader(Protocol):
    """What this reads of an event's stored links (the store's `link_index.event(...)`)."""

    def group_members(self, groups: Collection[str], newest: int | None = None) -> dict[str, list[Member]]: ...
    def further_members(self, groups: Collection[str]) -> dict[str, list[Member]]: ...
    def links_of(self, claim_ids: Collection[str]) -> dict[str, tuple[str | None, list[str]]]: ...


def whole_rows(local: Sequence[ClaimFeatures], groups: Sequence[str | None],
               edges: Mapping[tuple[int, int], float]) -> list[Row]:
    """The rows of claims that are all of their event, as `link_claims` links them."""
    also = further_groups(local, dict(enumerate(groups)), edges)
    articles = group_articles((f.article, g, also.get(f.index, ())) for f, g in zip(local, groups))
    rows: list[Row] = []
    for feature, group in zip(local, groups):
        further = sorted(also.get(feature.index, ()))
        rows.append((feature.claim.id, group, corroborating(feature.article, group, further, articles), further))
    return rows


def batch_rows(index: GroupReader, local: Sequence[ClaimFeatures], stored: Mapping[int, str | None],
               final: Mapping[int, str | None], edges: Mapping[tuple[int, int], float],
               rows: Sequence[tuple[str, str | None]]) -> list[Row]:
    """The batch's (claim id, group) `rows` with further groups, and the rows of every stored claim of the groups
    they touch (joined, grown, gaining a further member), each with the articles of its group and further groups.

    `stored` and `final` are the group of each claim (by position in `local`) before and after the batch; a stored
    group that joined another is renamed in the further groups that named it.
    """
    renamed = {g: final[i] for i, g in stored.items() if g and final.get(i) and final[i] != g}
    gained = further_groups(local, final, edges)
    position = {f.claim.id: f.index for f in local}
    grouped = dict(rows)
    touched = {g for g in grouped.values() if g} | {g for found in gained.values() for g in found}
    touched |= {g for i in gained if (g := final.get(i))} | set(renamed) | set(renamed.values())
    members = _members(index, touched)
    article = {f.claim.id: f.article for f in local}
    article.update((claim_id, a) for found in members.values() for claim_id, a in found)
    concerned = set(grouped) | {local[i].claim.id for i in gained} | {c for found in members.values() for c, _ in found}
    known = index.links_of(concerned)

    def state(claim_id: str) -> tuple[str | None, list[str]]:
        group, also = known.get(claim_id, (None, []))
        if claim_id in grouped:
            group = grouped[claim_id]
        elif claim_id in position:
            group = final.get(position[claim_id])
        group = renamed.get(group, group) if group else None
        further = {renamed.get(g, g) for g in also} | gained.get(position.get(claim_id, -1), set())
        return group, sorted(further - {group})

    states = {claim_id: state(claim_id) for claim_id in concerned}
    wanted = {g for group, also in states.values() for g in ([group] if group else []) + also} - touched
    further_away = _members(index, wanted)
    article.update((claim_id, a) for found in further_away.values() for claim_id, a in found)
    articles = group_articles((article[c], group, also) for c, (group, also) in states.items())
    for group, found in further_away.items():
        articles[group].update(a for claim_id, a in found if claim_id not in states)
    return [(claim_id, group, corroborating(article[claim_id], group, also, articles), also)
            for claim_id, (group, also) in sorted(states.items())]


def _members(index: GroupReader, groups: Collection[str]) -> dict[str, list[Member]]:
    """Every stored claim of these groups, members and further members."""
    if not groups:
        return {}
    found = {g: list(m) for g, m in index.group_members(groups).items()}
    for group, more in index.further_members(groups).items():
        found.setdefault(group, []).extend(more)
    return found
