"""link_claims: group the claims of one event across articles and mark the details they disagree on."""

from __future__ import annotations

from collections.abc import Mapping

from annotator.link.acronyms import written_acronyms
from annotator.link.conflicts import find_conflicts
from annotator.link.findings import Finding
from annotator.link.features import assign_actors, build_features
from annotator.link.further_groups import corroborating, further_groups, group_articles
from annotator.link.grouping import grouped
from annotator.link.aliases import AliasTable
from annotator.link.people import outlet_keys
from annotator.models import Claim, Conflict


def link_claims(claims: list[Claim], *, aliases: Mapping[str, str] | None = None) -> list[Claim]:
    """Copies of the claims (same order) with `group`, `also_groups`, `corroborated_by` and `conflicts` recomputed.

    `claims` are the claims of one event from several articles. `aliases` adds names to the built-in
    alias table (name -> canonical key, e.g. {"Lindmoor": "ostmark"}). Superseded claims are returned
    unlinked. The result depends only on the claims' content, so running it again changes nothing.
    """
    table = AliasTable(aliases)
    order = sorted(
        (i for i, claim in enumerate(claims) if not claim.superseded),
        key=lambda i: (claims[i].article.id, claims[i].position, claims[i].id),
    )
    outlets = outlet_keys([claims[i].article.outlet for i in order])
    acronyms = frozenset(a for i in order for a in written_acronyms(claims[i].source_text or claims[i].text))
    features = [build_features(k, claims[i], table, outlets, acronyms) for k, i in enumerate(order)]
    assign_actors(features)
    groups, edges = grouped(features)
    conflicts = find_conflicts(features, groups)
    also = further_groups(features, dict(enumerate(groups)), edges)
    articles = group_articles((f.article, g, also.get(f.index, ())) for f, g in zip(features, groups))

    blank = {"group": None, "also_groups": [], "corroborated_by": [], "conflicts": []}
    linked = [claim.model_copy(update=blank) for claim in claims]
    for feature, group, original in zip(features, groups, order):
        further = sorted(also.get(feature.index, ()))
        update: dict[str, object] = {
            "group": group,
            "also_groups": further,
            "corroborated_by": corroborating(feature.article, group, further, articles),
            "conflicts": [
                _conflict(claim_id, finding)
                for (claim_id, _), finding in sorted(conflicts.get(feature.index, {}).items())
            ],
        }
        linked[original] = claims[original].model_copy(update=update)
    return linked


def _conflict(claim_id: str, finding: Finding) -> Conflict:
    return Conflict(
        claim_id=claim_id, detail=finding.detail, kind=finding.kind, wording=finding.wording,
        start=finding.start, end=finding.end, other_wording=finding.other_wording,
        other_start=finding.other_start, other_end=finding.other_end,
    )
