"""Judging cross-outlet links as a fact-checker would: sample conflicts and groups, then score the judgments.

Linked claims come from `annotator claims --format jsonl` (or from linking a claims file again with the
working tree's linker, `--relink`). Three steps:

- `sample`: draws, with a fixed seed, up to N conflict links, N groups and N further links (a claim counted in a
  group besides its own, `Claim.also_groups`) from the linked claims and prints them (both sides, ids, outlets,
  short texts) for a person to read and judge.
- `score`: reads a judgment file (tests/fixtures/linking/basil_dev_judgments.json: ids, short texts and
  verdicts) and reports conflict precision, group precision, further-link precision, the two together
  (`overall_group_precision`; `further_precision_strict` counts a sentence of one statement whose other sentence
  the group holds as different) and the recall of the shared facts listed for the events read in full (a fact is
  grouped when two of its claims share a group, as their own or a further one), against the current output; `drawn_*` are the same precisions over the
  draw `sample` makes now with the same seed and n, with the count of drawn items nobody has judged. Conflicts and
  groups of the output that nobody judged are counted (`conflicts_unjudged`, `groups_unjudged`), as are judged groups
  the output no longer forms (`judged_groups_absent`), so a figure never silently covers a different sample.
- `rate`: conflict links per 1,000 claims, by kind.
- `unjudged`: every conflict link, group and further link of the output nobody has judged, to read and judge.

Run, on the BASIL dev half (135 articles, ~1.5 min to ingest):

    annotator ingest ../shared/reference/attribution/basil_dev/* --db /tmp/basil.db
    annotator claims --db /tmp/basil.db --format jsonl > /tmp/basil.jsonl
    python benchmarks/judge_links.py rate /tmp/basil.jsonl --relink
    python benchmarks/judge_links.py sample /tmp/basil.jsonl --relink --seed 13 --n 40
    python benchmarks/judge_links.py score /tmp/basil.jsonl --relink
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from annotator.link import link_claims
from annotator.models import Claim

JUDGMENTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "linking" / "basil_dev_judgments.json"
SHORT = 160
"""Characters of a claim kept in the judgment file: enough to recognise it, never the article."""
REAL = "real"
SAME = "same"


def load(path: Path, relink: bool) -> list[Claim]:
    """Claims of a jsonl dump; with `relink`, linked again event by event (the folder an article sits in)."""
    claims = [Claim.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if not relink:
        return claims
    events: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        events[event_of(claim)].append(claim)
    return [linked for name in sorted(events) for linked in link_claims(events[name])]


def event_of(claim: Claim) -> str:
    return Path(claim.article.source).parent.name


def short(claim: Claim) -> str:
    text = " ".join(claim.text.split())
    return text if len(text) <= SHORT else text[:SHORT - 1] + "\u2026"


def conflict_links(claims: list[Claim]) -> dict[tuple[str, str], str]:
    """Each conflicting pair once (ids sorted), with the detail from the first id's side."""
    links: dict[tuple[str, str], str] = {}
    for claim in claims:
        for conflict in claim.conflicts:
            pair = tuple(sorted((claim.id, conflict.claim_id)))
            if pair not in links or claim.id == pair[0]:
                links.setdefault(pair, conflict.detail)  # type: ignore[arg-type]
                if claim.id == pair[0]:
                    links[pair] = conflict.detail  # type: ignore[index]
    return links


def groups(claims: list[Claim]) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.group:
            found[claim.group].append(claim)
    return {g: sorted(m, key=lambda c: c.id) for g, m in found.items() if len({c.article.id for c in m}) > 1}


def further_links(claims: list[Claim]) -> dict[tuple[str, frozenset[str]], tuple[Claim, list[Claim]]]:
    """Each further membership once: (claim id, ids of the group's own members) -> the claim and those members,
    for a group spanning articles."""
    members = groups(claims)
    found: dict[tuple[str, frozenset[str]], tuple[Claim, list[Claim]]] = {}
    for claim in claims:
        for group in claim.also_groups:
            if group in members:
                found[(claim.id, frozenset(c.id for c in members[group]))] = (claim, members[group])
    return found


def _side(claim: Claim) -> dict[str, object]:
    return {"id": claim.id, "outlet": claim.article.outlet, "speaker": claim.speaker, "text": short(claim)}


def sample(claims: list[Claim], n: int, seed: int) -> dict[str, object]:
    """Up to n conflict links and n groups drawn at random (fixed seed), both sides shown."""
    by_id = {c.id: c for c in claims}
    rng = random.Random(seed)
    links = sorted(conflict_links(claims).items())
    picked = rng.sample(links, min(n, len(links)))
    grouped = sorted(groups(claims).items())
    picked_groups = rng.sample(grouped, min(n, len(grouped)))
    further = sorted(further_links(claims).items(), key=lambda item: (item[0][0], sorted(item[0][1])))
    picked_further = random.Random(seed).sample(further, min(n, len(further)))
    return {
        "further": [
            {"claim": _side(claim), "group": [_side(c) for c in members], "event": event_of(claim)}
            for _, (claim, members) in picked_further
        ],
        "conflicts": [
            {"a": _side(by_id[a]), "b": _side(by_id[b]), "detail": detail, "event": event_of(by_id[a])}
            for (a, b), detail in picked
        ],
        "groups": [
            {"members": [_side(c) for c in members], "event": event_of(members[0])} for _, members in picked_groups
        ],
    }


def drawn(claims: list[Claim], judgments: dict, n: int, seed: int) -> dict[str, object]:
    """Precision over the n conflicts and n groups `sample` draws now (seed fixed), and how many of them
    nobody has judged yet: the figure for a fixed-seed random draw of the current output."""
    picked = sample(claims, n, seed)
    link_verdicts = {tuple(sorted((j["a"]["id"], j["b"]["id"]))): j["verdict"] for j in judgments["conflicts"]}
    group_verdicts = {frozenset(m["id"] for m in j["members"]): j["verdict"] for j in judgments["groups"]}
    links = [link_verdicts.get(tuple(sorted((c["a"]["id"], c["b"]["id"])))) for c in picked["conflicts"]]
    groups_ = [group_verdicts.get(frozenset(m["id"] for m in g["members"])) for g in picked["groups"]]
    judged_links, judged_groups = [v for v in links if v], [v for v in groups_ if v]
    further_verdicts = _further_verdicts(judgments)
    further = [further_verdicts.get((f["claim"]["id"], frozenset(m["id"] for m in f["group"]))) for f in picked["further"]]
    judged_further = [v for v in further if v]
    return {
        "drawn_further": len(further), "drawn_further_unjudged": len(further) - len(judged_further),
        "drawn_further_precision": round(judged_further.count(SAME) / len(judged_further), 3) if judged_further else None,
        "drawn_conflicts": len(links), "drawn_conflicts_unjudged": len(links) - len(judged_links),
        "drawn_conflict_precision": round(judged_links.count(REAL) / len(judged_links), 3) if judged_links else None,
        "drawn_groups": len(groups_), "drawn_groups_unjudged": len(groups_) - len(judged_groups),
        "drawn_group_precision": round(judged_groups.count(SAME) / len(judged_groups), 3) if judged_groups else None,
    }


def _further_verdicts(judgments: dict) -> dict[tuple[str, frozenset[str]], str]:
    return {(j["claim"]["id"], frozenset(m["id"] for m in j["group"])): j["verdict"] for j in judgments.get("further", [])}


def score(claims: list[Claim], judgments: dict) -> dict[str, object]:
    """Precision of the judged conflicts and groups still in the output, and recall of the listed facts."""
    links = conflict_links(claims)
    judged_links = {tuple(sorted((j["a"]["id"], j["b"]["id"]))): j["verdict"] for j in judgments["conflicts"]}
    present = [v for pair, v in judged_links.items() if pair in links]
    unjudged_links = sorted(set(links) - set(judged_links))

    member_sets = {frozenset(c.id for c in m) for m in groups(claims).values()}
    judged_groups = {frozenset(m["id"] for m in j["members"]): j["verdict"] for j in judgments["groups"]}
    present_groups = [v for members, v in judged_groups.items() if members in member_sets]

    further = further_links(claims)
    judged_further = _further_verdicts(judgments)
    present_further = [v for key, v in judged_further.items() if key in further]
    strict = {(j["claim"]["id"], frozenset(m["id"] for m in j["group"])): j.get("strict", j["verdict"])
              for j in judgments.get("further", [])}
    present_strict = [v for key, v in strict.items() if key in further]
    both = present_groups + present_further

    groups_of = {c.id: ([c.group] if c.group else []) + list(c.also_groups) for c in claims}
    facts = judgments.get("facts", [])
    found = 0
    for fact in facts:
        grouped = Counter(g for i in fact["claims"] for g in groups_of.get(i, []))
        found += bool(grouped) and grouped.most_common(1)[0][1] >= 2
    return {
        "claims": len(claims),
        "conflict_links": len(links),
        "conflicts_per_1000_claims": round(1000 * len(links) / len(claims), 2) if claims else 0.0,
        "conflicts_judged": len(present),
        "conflict_precision": round(present.count(REAL) / len(present), 3) if present else None,
        "conflicts_unjudged": len(unjudged_links),
        "groups": len(member_sets),
        "groups_judged": len(present_groups),
        "group_precision": round(present_groups.count(SAME) / len(present_groups), 3) if present_groups else None,
        "groups_unjudged": len(member_sets) - len(present_groups),
        "judged_groups_absent": len(judged_groups) - len(present_groups),
        "further_links": len(further),
        "further_judged": len(present_further),
        "further_precision": round(present_further.count(SAME) / len(present_further), 3) if present_further else None,
        "further_precision_strict": (round(present_strict.count(SAME) / len(present_strict), 3)
                                     if present_strict else None),
        "further_unjudged": len(further) - len(present_further),
        "overall_group_precision": round(both.count(SAME) / len(both), 3) if both else None,
        "facts": len(facts),
        "fact_recall": round(found / len(facts), 3) if facts else None,
    }


def unjudged(claims: list[Claim], judgments: dict) -> dict[str, object]:
    """Every conflict link, cross-outlet group and further link of the output that nobody has judged, both sides
    shown, for a person to read and judge before a precision over them is reported."""
    by_id = {c.id: c for c in claims}
    judged_links = {tuple(sorted((j["a"]["id"], j["b"]["id"]))) for j in judgments["conflicts"]}
    judged_groups = {frozenset(m["id"] for m in j["members"]) for j in judgments["groups"]}
    judged_further = set(_further_verdicts(judgments))
    return {
        "conflicts": [
            {"a": _side(by_id[a]), "b": _side(by_id[b]), "detail": detail, "event": event_of(by_id[a])}
            for (a, b), detail in sorted(conflict_links(claims).items()) if (a, b) not in judged_links
        ],
        "groups": [
            {"members": [_side(c) for c in members], "event": event_of(members[0])}
            for _, members in sorted(groups(claims).items()) if frozenset(c.id for c in members) not in judged_groups
        ],
        "further": [
            {"claim": _side(claim), "group": [_side(c) for c in members], "event": event_of(claim)}
            for key, (claim, members) in sorted(further_links(claims).items(), key=lambda i: (i[0][0], sorted(i[0][1])))
            if key not in judged_further
        ],
    }


def rate(claims: list[Claim]) -> dict[str, object]:
    links = conflict_links(claims)
    kinds = Counter(detail.split(":")[0] for detail in links.values())
    return {
        "claims": len(claims), "conflict_links": len(links),
        "conflicts_per_1000_claims": round(1000 * len(links) / len(claims), 2) if claims else 0.0,
        "by_kind": dict(sorted(kinds.items())), "groups": len(groups(claims)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["sample", "score", "rate", "unjudged"])
    parser.add_argument("claims", type=Path, help="annotator claims --format jsonl output")
    parser.add_argument("--relink", action="store_true", help="link the claims again with this tree's linker")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    args = parser.parse_args()
    claims = load(args.claims, args.relink)
    if args.step == "sample":
        result = sample(claims, args.n, args.seed)
    elif args.step == "score":
        judgments = json.loads(args.judgments.read_text(encoding="utf-8"))
        result = {**score(claims, judgments), **drawn(claims, judgments, args.n, args.seed)}
    elif args.step == "unjudged":
        result = unjudged(claims, json.loads(args.judgments.read_text(encoding="utf-8")))
    else:
        result = rate(claims)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
