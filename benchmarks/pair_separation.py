"""How well a static sentence embedding (wordllama) separates same-fact claim pairs from different ones, against the
lexical pair score (annotator.link.scoring.Scorer.score), on the judged BASIL dev pairs.

Labelled pairs are the cross-article member pairs of judged groups in tests/fixtures/linking/basil_dev_judgments.json,
outside the five events whose facts were read in full: a pair in a group judged "same" states one fact; a pair that
is the whole of a group judged "different" does not (a pair inside a larger "different" group is left out: some of its
pairs may be the same fact). On them: ROC AUC and the share of same pairs kept at pair precision >= 0.9 of the cosine
alone, of the lexical score alone and of logistic regressions over lexical pair features with and without the cosine,
cross-validated by event (no event in both train and test). Then the same pairs against unjudged random cross-article
pairs of those events, and, as a diagnostic on the five events read in full (nothing is fitted on them), how the
cosine ranks the pairs of listed facts that the lexical score misses, and what linking each claim to its mutual
cosine-best match in each other article would add.

    annotator ingest ../shared/reference/attribution/basil_dev/* --db /tmp/basil.db
    annotator claims --db /tmp/basil.db --format jsonl > /tmp/basil.jsonl
    python -m benchmarks.pair_separation /tmp/basil.jsonl

Prints a note and exits 0 when wordllama or the claims file is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

from benchmarks.judge_links import JUDGMENTS, event_of

PRECISION = 0.9
FOLDS = 5
SEED = 13
RANDOM_PAIRS = 60
"""Cross-article pairs drawn at random from each event, unjudged: nearly all state different facts."""
LOW_LEXICAL = 0.30
COSINE_FLOORS = (0.5, 0.6, 0.7)


def pair_labels(judgments: dict) -> dict[tuple[str, str], bool]:
    """Label of each judged cross-article pair outside the events read in full (same beats different)."""
    read = {fact["event"] for fact in judgments.get("facts", [])}
    labels: dict[tuple[str, str], bool] = {}
    for group in judgments["groups"]:
        if group["event"] in read:
            continue
        same = group["verdict"] == "same"
        if not same and len(group["members"]) != 2:
            continue
        for a, b in combinations(group["members"], 2):
            if a["outlet"] != b["outlet"]:
                pair = tuple(sorted((a["id"], b["id"])))
                labels[pair] = labels.get(pair, False) or same  # type: ignore[index]
    return labels


def event_features(claims: list) -> tuple[dict, object]:
    """Features of one event's claims by id, and the event's Scorer (as link_claims builds them)."""
    from annotator.link.acronyms import written_acronyms
    from annotator.link.features import assign_actors, build_features
    from annotator.link.aliases import AliasTable
    from annotator.link.people import outlet_keys
    from annotator.link.scoring import Scorer

    table = AliasTable(None)
    live = sorted((c for c in claims if not c.superseded), key=lambda c: (c.article.id, c.position, c.id))
    outlets = outlet_keys([c.article.outlet for c in live])
    acronyms = frozenset(a for c in live for a in written_acronyms(c.source_text or c.text))
    features = [build_features(k, c, table, outlets, acronyms) for k, c in enumerate(live)]
    assign_actors(features)
    return {f.claim.id: f for f in features}, Scorer(features)


def pair_row(a, b, scorer, cosine: float) -> list[float]:
    """Cosine, lexical score and lexical parts of one pair."""
    from rapidfuzz import fuzz

    return [
        cosine,
        scorer.score(a, b),
        scorer._weighted_jaccard(a, b),
        scorer._weighted_overlap(a, b),
        scorer.mismatch_penalty(a, b),
        fuzz.token_set_ratio(a.norm_text, b.norm_text) / 100,
        float(a.negated != b.negated),
    ]


def embeddings(model, features: dict) -> dict:
    """Unit vector of each claim's text, by id."""
    ids = sorted(features)
    return dict(zip(ids, model.embed([features[i].claim.text for i in ids], norm=True)))


def fact_pair_ranks(judgments: dict, by_event: dict, model) -> dict[str, object]:
    """Diagnostic only (nothing is fitted here): for the cross-article pairs of the facts listed in the events read in
    full whose lexical score is below LOW_LEXICAL, the share of the claim's cross-article pairs that score higher, by
    cosine and by lexical score (0 = the fact's pair is the claim's best match)."""
    cosine_ranks, lexical_ranks, top = [], [], 0
    for event in sorted({fact["event"] for fact in judgments.get("facts", [])}):
        features, scorer = event_features(by_event.get(event, []))
        vector = embeddings(model, features)
        for fact in (f for f in judgments["facts"] if f["event"] == event):
            ids = [i for i in fact["claims"] if i in features]
            for a, b in combinations(ids, 2):
                if features[a].article == features[b].article:
                    continue
                if scorer.score(features[a], features[b]) >= LOW_LEXICAL:
                    continue
                others = [o for o in features if features[o].article not in (features[a].article,)]
                cos = np.array([vector[a] @ vector[o] for o in others])
                lex = np.array([scorer.score(features[a], features[o]) for o in others])
                k = others.index(b)
                cosine_ranks.append(float((cos > cos[k]).mean()))
                lexical_ranks.append(float((lex > lex[k]).mean()))
                top += int(cos[k] >= cos.max())
    return {
        "low_lexical_pairs": len(cosine_ranks),
        "median_share_above_by_cosine": round(float(np.median(cosine_ranks)), 3) if cosine_ranks else None,
        "median_share_above_by_lexical": round(float(np.median(lexical_ranks)), 3) if lexical_ranks else None,
        "cosine_best_match": top,
    }


def read_events_pairs(judgments: dict, by_event: dict, model, x: np.ndarray, y: np.ndarray) -> dict[str, object]:
    """Every cross-article pair of the events read in full, labelled same when both claims carry one listed fact, scored
    by cosine, lexical score and a logistic regression fitted only on the other events' judged pairs (nothing is fitted
    on these events). The labels are loose: a claim stating two facts is listed under one, so a pair outside the
    listed facts may still be the same statement; read `in_a_listed_fact` as a lower bound of the pairs that are.
    Also: pairs that a claim and its cosine-best match in another article form mutually, scoring below the lexical link
    threshold, at a few cosine floors, and how many facts main's linking misses would gain such a pair."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from annotator.link import link_claims
    from annotator.link.grouping import LINK_THRESHOLD

    fitted = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(x, y)
    rows, truth, pairs, facts_of_pair, missed = [], [], [], [], set()
    for event in sorted({fact["event"] for fact in judgments.get("facts", [])}):
        features, scorer = event_features(by_event.get(event, []))
        vector = embeddings(model, features)
        group_of = {c.id: c.group for c in link_claims(by_event.get(event, []))}
        fact_of = defaultdict(set)
        for number, fact in enumerate(judgments["facts"]):
            if fact["event"] != event:
                continue
            for claim_id in fact["claims"]:
                fact_of[claim_id].add(number)
            grouped = Counter(group_of[i] for i in fact["claims"] if group_of.get(i))
            if not grouped or grouped.most_common(1)[0][1] < 2:
                missed.add(number)
        for a, b in combinations(sorted(features), 2):
            if features[a].article != features[b].article:
                rows.append(pair_row(features[a], features[b], scorer, float(vector[a] @ vector[b])))
                truth.append(bool(fact_of[a] & fact_of[b]))
                facts_of_pair.append(fact_of[a] & fact_of[b])
                pairs.append((event, a, b, features[a].article, features[b].article))
    z, t = np.array(rows), np.array(truth, dtype=bool)
    best: dict[tuple[str, str, str], tuple[float, str]] = {}
    for (event, a, b, art_a, art_b), cosine in zip(pairs, z[:, 0]):
        for one, other, article in ((a, b, art_b), (b, a, art_a)):
            if cosine > best.get((event, one, article), (-1.0, ""))[0]:
                best[(event, one, article)] = (cosine, other)
    mutual = np.array([best[(e, a, ab)][1] == b and best[(e, b, aa)][1] == a for e, a, b, aa, ab in pairs])
    low = z[:, 1] < LINK_THRESHOLD
    floors = {}
    for floor in COSINE_FLOORS:
        kept = mutual & low & (z[:, 0] >= floor)
        gained = set().union(*(facts_of_pair[k] for k in np.flatnonzero(kept))) & missed
        floors[f"cosine>={floor}"] = {"pairs": int(kept.sum()), "in_a_listed_fact": int((kept & t).sum()),
                                      "missed_facts_gaining_a_pair": len(gained)}
    return {
        "pairs": len(t), "same": int(t.sum()), "facts": len(judgments["facts"]), "facts_missed_by_main": len(missed),
        "cosine_auc": round(auc(z[:, 0], t), 3), "lexical_auc": round(auc(z[:, 1], t), 3),
        "lr_trained_on_other_events_auc": round(auc(fitted.predict_proba(z)[:, 1], t), 3),
        "mutual_cosine_best_below_link_threshold": floors,
    }


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by the rank-sum (ties count half)."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    pos = labels.sum()
    neg = len(labels) - pos
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def recall_at_precision(scores: np.ndarray, labels: np.ndarray, precision: float = PRECISION) -> float:
    """Largest share of same pairs kept by a threshold whose kept pairs are at least `precision` same."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(labels[order])
    kept = np.arange(1, len(order) + 1)
    ok = hits / kept >= precision
    return float(hits[ok].max() / labels.sum()) if ok.any() else 0.0


def grouped_cv(x: np.ndarray, y: np.ndarray, events: np.ndarray, columns: list[int]) -> np.ndarray:
    """Out-of-fold probabilities of a logistic regression over `columns`, folds split by event."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, events):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
        model.fit(x[train][:, columns], y[train])
        out[test] = model.predict_proba(x[test][:, columns])[:, 1]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=Path, help="annotator claims --format jsonl output of the BASIL dev half")
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    args = parser.parse_args()
    if importlib.util.find_spec("wordllama") is None:
        print("wordllama is not installed: nothing measured")
        return 0
    if not args.claims.is_file():
        print(f"{args.claims}: no such claims file: nothing measured")
        return 0
    import wordllama
    from wordllama import WordLlama

    from annotator.models import Claim

    judgments = json.loads(args.judgments.read_text(encoding="utf-8"))
    labels = pair_labels(judgments)
    claims = [Claim.model_validate_json(line) for line in args.claims.read_text(encoding="utf-8").splitlines() if line]
    by_event: dict[str, list] = defaultdict(list)
    for claim in claims:
        by_event[event_of(claim)].append(claim)
    event_by_id = {c.id: event_of(c) for c in claims}
    # The package ships its weights in weights/ and its tokenizer in tokenizers/, but load() looks for the tokenizer
    # in tokenizer/ beside the package; its cache layout matches the shipped folders, so the package is the cache.
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    rows, ys, events = [], [], []
    random_rows = []
    wanted = defaultdict(list)
    for pair, label in labels.items():
        if pair[0] in event_by_id and pair[1] in event_by_id:
            wanted[event_by_id[pair[0]]].append((pair, label))
    rng = np.random.default_rng(SEED)
    for event, pairs in sorted(wanted.items()):
        features, scorer = event_features(by_event[event])
        vector = embeddings(model, features)
        for (a, b), label in pairs:
            rows.append(pair_row(features[a], features[b], scorer, float(vector[a] @ vector[b])))
            ys.append(label)
            events.append(event)
        cross = [(a, b) for a, b in combinations(sorted(features), 2)
                 if features[a].article != features[b].article and (a, b) not in labels]
        for k in rng.choice(len(cross), size=min(RANDOM_PAIRS, len(cross)), replace=False):
            a, b = cross[k]
            random_rows.append(pair_row(features[a], features[b], scorer, float(vector[a] @ vector[b])))
    x, y, groups = np.array(rows), np.array(ys, dtype=bool), np.array(events)
    report: dict[str, object] = {
        "pairs": len(y), "same": int(y.sum()), "different": int((~y).sum()), "events": len(set(events)),
        "pairs_missing_from_claims": len(labels) - len(y),
    }
    candidates = {
        "cosine": x[:, 0], "lexical_score": x[:, 1],
        "lr_lexical_parts": grouped_cv(x, y, groups, [1, 2, 3, 4, 5, 6]),
        "lr_cosine_lexical": grouped_cv(x, y, groups, [0, 1]),
        "lr_cosine_lexical_parts": grouped_cv(x, y, groups, [0, 1, 2, 3, 4, 5, 6]),
    }
    for name, scores in candidates.items():
        report[name] = {"auc": round(auc(scores, y), 3),
                        f"same_kept_at_precision_{PRECISION}": round(recall_at_precision(scores, y), 3)}
    same, rand = x[y], np.array(random_rows)
    both = np.concatenate([same, rand])
    truth = np.concatenate([np.ones(len(same), dtype=bool), np.zeros(len(rand), dtype=bool)])
    report["same_vs_random_pairs"] = {
        "random_pairs": len(rand),
        **{name: round(auc(both[:, column], truth), 3) for name, column in (("cosine_auc", 0), ("lexical_auc", 1))},
    }
    report["read_events_fact_pairs"] = fact_pair_ranks(judgments, by_event, model)
    report["read_events_all_pairs"] = read_events_pairs(judgments, by_event, model, x, y)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
