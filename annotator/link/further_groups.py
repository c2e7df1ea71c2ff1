"""Further groups: a claim that states the fact of another group as well as its own, without merging the groups.

Average linkage keeps two groups apart when their members are, on average, not alike enough, even when one claim
of each says the same thing: a sentence that reports two facts belongs with both. Such a claim keeps its group and
counts as a member of the other one too (`Claim.also_groups`), so the outlets it comes from show as corroborating
that fact. A pair the scorer keeps apart (a denial and an assertion, words credited to two named people) never
makes a further group, whatever it scores, unless the two print the same words of one statement
(`scoring.printed_within`): then only a denial within the words both print keeps them apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from annotator.link.features import ClaimFeatures
from annotator.link.people import same_person
from annotator.link.scoring import printed_within

FURTHER_THRESHOLD = 0.52
"""A pair scoring at least this, its claims in different groups (or one in none), makes each claim a further member
of the other's group. Chosen on the BASIL dev half for precision, since a reviewer takes "Other sources" for the
same fact: the lowest threshold whose further links were judged >= 0.85 the same fact (11 of 12; at 0.50, 11 of 13;
at 0.40, 34 of 49), see benchmarks/judge_links.py."""


def kept_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """A denial against an assertion, or two different named people credited with the words."""
    if a.negated != b.negated:
        return True
    if not (a.speaker and b.speaker) or a.speaker == b.speaker:
        return False
    return bool(a.named_speaker and b.named_speaker and not same_person(a.named_speaker, b.named_speaker))


def further_groups(features: Sequence[ClaimFeatures], groups: Mapping[int, str | None],
                   edges: Mapping[tuple[int, int], float],
                   threshold: float | None = None) -> dict[int, set[str]]:
    """The groups (other than its own) each claim, by position, also states the fact of, from the scored `edges`
    (FURTHER_THRESHOLD unless `threshold` is given), or that it is printed whole within (`scoring.printed_within`)."""
    threshold = FURTHER_THRESHOLD if threshold is None else threshold
    found: dict[int, set[str]] = defaultdict(set)
    for (i, j), score in edges.items():
        a, b = features[i], features[j]
        if a.article == b.article or (kept_apart(a, b) or score < threshold) and not printed_within(a, b):
            continue
        gi, gj = groups.get(i), groups.get(j)
        if gj and gj != gi:
            found[i].add(gj)
        if gi and gi != gj:
            found[j].add(gi)
    return dict(found)


def corroborating(article: str, group: str | None, also: Iterable[str],
                  articles: Mapping[str, set[str]]) -> list[str]:
    """The other articles stating what the claim states: those of its group and of its further groups."""
    reached: set[str] = set()
    for g in ([group] if group else []) + list(also):
        reached |= articles.get(g, set())
    return sorted(reached - {article})


def group_articles(members: Iterable[tuple[str, str | None, Iterable[str]]]) -> dict[str, set[str]]:
    """The articles of each group, from (article, group, further groups) of its claims: members and further ones."""
    articles: dict[str, set[str]] = defaultdict(set)
    for article, group, also in members:
        for g in ([group] if group else []) + list(also):
            articles[g].add(article)
    return articles
