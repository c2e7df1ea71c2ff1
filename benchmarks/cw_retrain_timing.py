"""A retrain over 10,000 labels as a user runs it: `annotator train --db` on a SQLite file, then the retrain that
`annotate --retrain-every N` starts after N more labels (train into the same folder, re-score the unlabelled claims).

Timed in child processes, as the user's commands run: wall seconds, and the children's CPU seconds (user + system).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from annotator.extract.labelled_files import LabelledSentence
from annotator.models import Annotation, Article, Claim

ARTICLE_SIZE = 500


def uptime() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def build_database(url: str, sentences: Sequence[LabelledSentence], labelled: int) -> list[str]:
    """Store the sentences as claims of articles of 500, label the first `labelled`; returns the claim ids."""
    from annotator.store import open_store

    store = open_store(url)
    ids: list[str] = []
    for first in range(0, len(sentences), ARTICLE_SIZE):
        chunk = sentences[first:first + ARTICLE_SIZE]
        body = "\n".join(sentence.text for sentence in chunk)
        article = Article(id=f"a{first}", source=f"a{first}.txt", body=body, content_hash=f"a{first}")
        claims, offset = [], 0
        for position, sentence in enumerate(chunk):
            start = body.index(sentence.text, offset)
            offset = start + len(sentence.text)
            claims.append(Claim(id=f"a{first}-{position}", article=article.ref(), text=sentence.text,
                                source_text=sentence.text, start=start, end=offset, position=position,
                                checkworthiness=0.5, checkworthiness_features=[]))
        store.articles.add(article, claims)
        ids += [claim.id for claim in claims]
    label(store, ids[:labelled], sentences[:labelled])
    store.close()
    return ids


def label(store, ids: Sequence[str], sentences: Sequence[LabelledSentence]) -> None:
    for claim_id, sentence in zip(ids, sentences):
        store.annotations.save(Annotation(claim_id=claim_id, annotator="ana",
                                         label="verified" if sentence.label else "not_a_claim"))


def timed_child(arguments: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of `python -m annotator ARGUMENTS`, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "annotator", *arguments], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"annotator {arguments[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def retrain_timings(root: Path, sentences: Sequence[LabelledSentence], *, labels: int = 10_000,
                    more: int = 100) -> None:
    """Print the cold `annotator train --db`, and the `--retrain-every` retrain after `more` new labels."""
    from annotator.learn.retrain import retrain_now
    from annotator.store import open_store

    url = f"sqlite:///{root / 'retrain.db'}"
    ids = build_database(url, sentences, labels)
    model_dir = root / "retrain-model"
    env = {**os.environ, "ANNOTATOR_DB": url}
    print(f"  {uptime()} before")
    wall, cpu = timed_child(["train", "--out", str(model_dir)], env)
    print(f"  annotator train --db over {labels} labels, no earlier model:  {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({uptime()})  (aim < 60 s)")
    store = open_store(url)
    label(store, ids[labels:labels + more], sentences[labels:labels + more])
    store.close()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    outcome = retrain_now(url, model_dir)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    unlabelled = len(ids) - labels - more
    print(f"  annotate --retrain-every {more}: retrain over {labels + more} labels and re-score {unlabelled} "
          f"unlabelled claims:  {wall:.1f} s wall, {cpu:.1f} s CPU ({uptime()})  (aim < 60 s)")
    if outcome.version is None:
        print(f"  retrain did not finish: {outcome.message}")
