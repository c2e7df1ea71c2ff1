"""Benchmark: link_claims on a synthetic event of 1,000 and 5,000 claims.

The event is generated from templates (meetings, troop counts, quotations, refugee counts, denials) over a
shared cast of people, countries and places, and each statement is repeated by one to four articles with
paraphrases, name variants and now and then a different figure, so blocking and grouping have real work.
Reported: wall and CPU time at each size (CPU time is steadier on a shared machine), pairwise precision and
recall of the groups against the statements the claims were generated from, the growth factor from 1,000
to 5,000 claims (linear is 5x), and the time all-pairs scoring would take at each size (estimated from a
timed sample), for comparison.

Run: `.venv/bin/python benchmarks/bench_link.py [--sizes 1000 5000] [--seed 3]`.
"""

from __future__ import annotations

import argparse
import random
import time
from itertools import combinations

from annotator.link import link_claims
from annotator.link.features import build_features
from annotator.link.aliases import AliasTable
from annotator.link.scoring import Scorer
from annotator.models import ArticleRef, Claim, EntitySpan

CLAIMS_PER_ARTICLE = 25
SYLLABLES = ["ka", "lo", "mi", "re", "ta", "vu", "sen", "dor", "an", "bel", "gri", "hol", "is", "jun", "kor", "lav", "mer", "nol", "pet", "rus", "sol", "tam", "ul", "ver", "yan", "zel"]
WORDS = ["water", "river", "harvest", "bridge", "treaty", "tariff", "grain", "border", "winter", "pipeline", "harbour", "school", "rail", "season", "dam", "market", "fleet", "valley", "mountain", "bank", "loan", "court", "mine", "forest"]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
DURATIONS = ("an hour and a half", "nearly two hours", "90 minutes", "about three hours", "two hours", "45 minutes")
COUNTS = ("some 40,000", "tens of thousands of", "more than 38,000", "about 12,000", "thousands of", "5,000")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Cast:
    """The shared people, countries (with capitals) and places of the synthetic event."""

    def __init__(self, rng: random.Random, people: int, countries: int, places: int) -> None:
        self.people = [f"{_name(rng, 2)} {_name(rng, 3)}" for _ in range(people)]
        self.countries = [_name(rng, 3) + "ia" for _ in range(countries)]
        self.capitals = {country: _name(rng, 2) + "grad" for country in self.countries}
        self.places = [_name(rng, 2) + " " + _name(rng, 2) for _ in range(places)]

    def aliases(self) -> dict[str, str]:
        table = {country: country.lower() for country in self.countries}
        table.update({capital: country.lower() for country, capital in self.capitals.items()})
        return table


def _variant(name: str, rng: random.Random) -> str:
    """A spelling variant of a surname, the way transliterations differ (i/y, doubled letters)."""
    surname = name.split()[-1]
    return rng.choice([surname, surname.replace("i", "y"), name, name.replace("i", "y")])


def _statements(cast: Cast, rng: random.Random) -> list[str]:
    """One statement in its possible wordings, chosen at random from the templates."""
    a, b = rng.sample(cast.people, 2)
    c1, c2 = rng.sample(cast.countries, 2)
    place = rng.choice(cast.places)
    kind = rng.randrange(5)
    if kind == 0:
        day, length = rng.choice(WEEKDAYS), rng.choice(DURATIONS)
        return [
            f"{a} and {b} met in {place} for {length} on {day}.",
            f"{_variant(a, rng)} held {length} of talks with {b} in {place} on {day}.",
            f"The {c1} envoy and {_variant(b, rng)} met for {length} in {place}.",
        ]
    if kind == 1:
        count, topic = rng.choice(COUNTS), rng.choice(WORDS)
        return [
            f"{c1} has massed {count} troops near the {c2} border at {place}, by the {topic}.",
            f"{cast.capitals[c1]} has deployed {count} soldiers close to {c2}'s frontier near {place}.",
            f"{c1} has amassed {count} forces along the frontier with {c2} around {place} and its {topic}.",
        ]
    if kind == 2:
        quote = " ".join(rng.sample(WORDS, 7))
        return [f'"We will defend the {quote}," {a} said.', f'{_variant(a, rng)} said: "We will defend the {quote}."']
    if kind == 3:
        count = rng.choice(COUNTS)
        return [
            f"{count} people have fled {place} since January, according to {b}.",
            f"{count} residents have left {place} since January, {_variant(b, rng)} said.",
        ]
    topic = rng.choice(WORDS)
    return [
        f"{a} said {c1} had no plans to attack {c2} over the {topic} dispute.",
        f"{_variant(a, rng)} insisted that {cast.capitals[c1]} has no intention of invading {c2} over the {topic}.",
    ]


def synthetic_event(size: int, seed: int) -> tuple[list[Claim], dict[str, str], dict[str, int]]:
    """`size` claims of one event across size/25 articles, the alias table for its capitals, and the
    statement each claim id words (the true grouping)."""
    rng = random.Random(seed)
    cast = Cast(rng, people=max(40, size // 12), countries=max(8, size // 40), places=max(20, size // 25))
    n_articles = max(5, size // CLAIMS_PER_ARTICLE)
    articles = [
        ArticleRef(id=f"art-{i:04d}", source=f"synthetic/{i}.txt", outlet=f"Outlet {i % 37}", published="2023-03-10")
        for i in range(n_articles)
    ]
    names = set(cast.people) | set(cast.countries) | set(cast.capitals.values()) | set(cast.places)
    names |= {n.split()[-1] for n in cast.people}
    sentences: list[tuple[ArticleRef, str, int]] = []
    statement = 0
    while len(sentences) < size:
        wordings = _statements(cast, rng)
        for article in rng.sample(articles, rng.choice([1, 2, 3, 4])):
            sentences.append((article, rng.choice(wordings), statement))
        statement += 1
    sentences = sentences[:size]
    claims, truth = [], {}
    for position, (article, text, statement) in enumerate(sentences):
        entities = []
        for name in names:
            at = text.find(name)
            if at >= 0:
                label = "GPE" if name in cast.countries or name in cast.capitals.values() else "PERSON"
                entities.append(EntitySpan(text=name, label=label, start=at, end=at + len(name)))
        claim_id = f"{article.id}-{position:05d}"
        truth[claim_id] = statement
        claims.append(Claim(
            id=claim_id, article=article, text=text, source_text=text,
            start=0, end=len(text), kind="event", position=position, entities=entities,
        ))
    return claims, cast.aliases(), truth


def pairwise_scores(linked: list[Claim], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the groups against the statements the claims were made from."""

    def pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
        members: dict[object, list[str]] = {}
        for claim_id, label in labels.items():
            if label is not None:
                members.setdefault(label, []).append(claim_id)
        return {(a, b) for ids in members.values() for a, b in combinations(sorted(ids), 2)}

    gold = pairs(truth)
    predicted = pairs({c.id: c.group for c in linked})
    hits = len(gold & predicted)
    return hits / max(1, len(predicted)), hits / max(1, len(gold))


def all_pairs_estimate(claims: list[Claim], aliases: dict[str, str], sample: int, seed: int) -> float:
    """Seconds that scoring every cross-article pair would take, from a timed random sample of pairs."""
    table = AliasTable(aliases)
    features = [build_features(i, c, table) for i, c in enumerate(claims)]
    scorer = Scorer(features)
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(range(len(features)), 2)) for _ in range(sample)]
    start = time.perf_counter()
    for i, j in pairs:
        scorer.score(features[i], features[j])
    per_pair = (time.perf_counter() - start) / sample
    return per_pair * len(features) * (len(features) - 1) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    timings: list[float] = []
    cpu_timings: list[float] = []
    for size in args.sizes:
        claims, aliases, truth = synthetic_event(size, args.seed)
        start, cpu_start = time.perf_counter(), time.process_time()
        linked = link_claims(claims, aliases=aliases)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        timings.append(elapsed)
        cpu_timings.append(cpu)
        groups = {c.group for c in linked if c.group}
        conflicts = sum(len(c.conflicts) for c in linked) // 2
        estimate = all_pairs_estimate(claims, aliases, sample=5000, seed=args.seed)
        precision, recall = pairwise_scores(linked, truth)
        print(f"{size:>6} claims, {len({c.article.id for c in claims})} articles: link_claims {elapsed:.2f} s "
              f"({1e3 * elapsed / size:.2f} ms/claim; CPU {cpu:.2f} s, {1e3 * cpu / size:.2f} ms/claim); {len(groups)} groups (pairwise precision {precision:.2f}, "
              f"recall {recall:.2f}), {conflicts} conflicting pairs; "
              f"all-pairs scoring alone would take ~{estimate:.1f} s ({estimate / elapsed:.0f}x)")
    growth, cpu_growth = timings[1] / timings[0], cpu_timings[1] / cpu_timings[0]
    linear = args.sizes[1] / args.sizes[0]
    print(f"growth {args.sizes[0]} -> {args.sizes[1]} claims: {growth:.2f}x wall, {cpu_growth:.2f}x CPU "
          f"(linear would be {linear:.0f}x, all pairs {linear ** 2:.0f}x)")


if __name__ == "__main__":
    main()
