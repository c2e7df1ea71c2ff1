"""Linking on a fictional event (tests/fixtures/linking): planted paraphrases, name variants, conflicts."""

from __future__ import annotations

import json
import random
from itertools import combinations
from pathlib import Path

import pytest

from annotator.link import link_claims
from annotator.models import Claim

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "linking"
MIN_PRECISION = 0.9
MIN_RECALL = 0.8


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    lines = (FIXTURE / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [Claim.model_validate_json(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def linked(claims, expected) -> list[Claim]:
    return link_claims(claims, aliases=expected["aliases"])


def _pairs_in_groups(groups) -> set[tuple[str, str]]:
    return {tuple(sorted(pair)) for group in groups for pair in combinations(group, 2)}


def _predicted_pairs(linked: list[Claim]) -> set[tuple[str, str]]:
    by_group: dict[str, list[str]] = {}
    for claim in linked:
        if claim.group:
            by_group.setdefault(claim.group, []).append(claim.id)
    return _pairs_in_groups(by_group.values())


def _conflict_pairs(linked: list[Claim]) -> dict[tuple[str, str], str]:
    found = {}
    for claim in linked:
        for conflict in claim.conflicts:
            found[tuple(sorted((claim.id, conflict.claim_id)))] = conflict.detail.split(":")[0]
    return found


def test_groups_match_the_planted_groups(linked, expected):
    gold = _pairs_in_groups(expected["groups"])
    predicted = _predicted_pairs(linked)
    true_positives = len(gold & predicted)
    precision = true_positives / len(predicted) if predicted else 0.0
    recall = true_positives / len(gold)
    names = {v: k for k, v in expected["keys"].items()}
    print(f"\nlinking fixture: pairwise precision {precision:.3f}, recall {recall:.3f} "
          f"({true_positives} of {len(gold)} gold pairs, {len(predicted)} predicted)")
    print("missed:", sorted((names[a], names[b]) for a, b in gold - predicted))
    print("spurious:", sorted((names[a], names[b]) for a, b in predicted - gold))
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_every_planted_conflict_is_found_and_no_other(linked, expected):
    wanted = {tuple(sorted((c["a"], c["b"]))): c["slot"] for c in expected["conflicts"]}
    assert _conflict_pairs(linked) == wanted


def test_conflict_details_name_both_values(linked, expected):
    ids = expected["keys"]
    details = {(c.id, x.claim_id): x.detail for c in linked for x in c.conflicts}
    assert details[(ids["nc1"], ids["kw1"])] == (
        "duration: an hour and a half (90 min) vs nearly three hours (nearly 180 min)"
    )
    assert details[(ids["kw1"], ids["nc1"])] == (
        "duration: nearly three hours (nearly 180 min) vs an hour and a half (90 min)"
    )
    assert details[(ids["nc2"], ids["kw2"])] == (
        "count: some 40,000 troops (about 40,000) vs thousands of soldiers (2,000-9,999)"
    )
    assert details[(ids["vp3"], ids["oh3"])] == "date: Jan. 3, 2023 (2023-01-03) vs Jan. 23, 2023 (2023-01-23)"
    assert details[(ids["kw4"], ids["nc1"])] == "date: March 1, 2023 (2023-03-01) vs on Friday (2023-03-10)"
    assert details[(ids["vp5"], ids["nc5"])] == "speaker: Teodor Vasylenko vs Ilse Marrow"


def test_conflicts_carry_each_sides_wording_and_where_it_stands(linked, expected):
    by_id = {c.id: c for c in linked}
    ids = expected["keys"]
    for claim in linked:
        for conflict in claim.conflicts:
            other = by_id[conflict.claim_id]
            assert conflict.kind and conflict.detail.startswith(conflict.kind)
            if conflict.start is not None:
                assert claim.source_text[conflict.start:conflict.end] == conflict.wording
            if conflict.other_start is not None:
                assert other.source_text[conflict.other_start:conflict.other_end] == conflict.other_wording
    duration = next(x for x in by_id[ids["nc1"]].conflicts if x.claim_id == ids["kw1"])
    assert (duration.wording, duration.other_wording) == ("an hour and a half", "nearly three hours")


def test_conflicts_are_symmetric_and_across_articles(linked):
    by_id = {c.id: c for c in linked}
    for claim in linked:
        for conflict in claim.conflicts:
            other = by_id[conflict.claim_id]
            assert other.article.id != claim.article.id
            assert claim.id in {x.claim_id for x in other.conflicts}


def test_corroborated_by_lists_the_other_articles_of_the_group(linked):
    for claim in linked:
        members = [c for c in linked if claim.group and c.group == claim.group]
        others = sorted({c.article.id for c in members} - {claim.article.id})
        assert claim.corroborated_by == others
        if claim.group is None:
            assert claim.corroborated_by == []


def test_name_variants_and_paraphrases_share_a_group(linked, expected):
    ids = expected["keys"]
    group = {c.id: c.group for c in linked}
    # Vasylenko / Vasilenko, Velor / Veloria, "no plans to attack" / "no intention of invading"
    assert group[ids["nc7"]] is not None and group[ids["nc7"]] == group[ids["kw7"]]
    # massed/deployed, troops/soldiers, border/frontier
    assert group[ids["nc2"]] is not None and group[ids["nc2"]] == group[ids["kw2"]] == group[ids["oh2"]]
    # unrelated claims that merely share people or places stay apart
    assert group[ids["vp10"]] is None and group[ids["nc11"]] is None and group[ids["oh10"]] is None


def test_relinking_is_idempotent_and_independent_of_input_order(claims, linked, expected):
    again = link_claims(linked, aliases=expected["aliases"])
    assert [c.model_dump() for c in again] == [c.model_dump() for c in linked]
    shuffled = list(claims)
    random.Random(7).shuffle(shuffled)
    relinked = {c.id: c for c in link_claims(shuffled, aliases=expected["aliases"])}
    for claim in linked:
        assert relinked[claim.id].model_dump() == claim.model_dump()


def test_group_ids_survive_adding_an_unrelated_article(claims, linked, expected):
    extra = claims[0].model_copy(update={
        "id": "zzz-extra-000",
        "article": claims[0].article.model_copy(update={"id": "zzz-extra", "source": "extra.txt"}),
        "text": "A ferry service between Tarsk and the coast resumed after the winter storms.",
        "source_text": "A ferry service between Tarsk and the coast resumed after the winter storms.",
        "entities": [],
    })
    before = {c.id: c.group for c in linked}
    after = {c.id: c.group for c in link_claims(claims + [extra], aliases=expected["aliases"])}
    assert after["zzz-extra-000"] is None
    assert {k: after[k] for k in before} == before
    assert sum(1 for g in set(before.values()) if g) >= 6


def test_superseded_claims_are_left_unlinked(claims, expected):
    ids = expected["keys"]
    marked = [c.model_copy(update={"superseded": True}) if c.id == ids["kw1"] else c for c in claims]
    linked = {c.id: c for c in link_claims(marked, aliases=expected["aliases"])}
    assert linked[ids["kw1"]].group is None and linked[ids["kw1"]].conflicts == []
    assert ids["kw1"] not in {x.claim_id for x in linked[ids["nc1"]].conflicts}
