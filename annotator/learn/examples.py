"""Labelled sentences for training: the database's resolved labels and labelled files.

A claim's label is its gold label (an adjudication, else the annotators' unique majority; ties are left out):
`not_a_claim` says the sentence is not worth checking, every other verdict says it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.export.gold import NOT_A_CLAIM, resolve_gold
from annotator.extract.labelled_files import LabelledSentence, read_labelled_file
from annotator.store import Store


def database_examples(store: Store) -> list[LabelledSentence]:
    """One labelled sentence per claim with a gold label."""
    examples = []
    for claim, annotations, adjudication in store.export.items(labelled_only=True):
        gold = resolve_gold(claim, annotations, adjudication).gold
        if gold is not None:
            examples.append(LabelledSentence(claim.text, 0 if gold.label == NOT_A_CLAIM else 1))
    return examples


def file_examples(paths: Sequence[Path]) -> dict[str, list[LabelledSentence]]:
    """The labelled sentences of each file, keyed by the file as given; a bad file stops with one line naming it."""
    return {str(path): read_labelled_file(path) for path in paths}
