"""Annotations as integer arrays (one row per claim and annotator), built in a single pass.

Everything downstream is vectorised over these arrays, so a million annotations cost one Python loop.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from annotator.models import Annotation, Label


@dataclass(frozen=True)
class Ratings:
    """Deduplicated annotations as codes, sorted by annotator then item."""

    items: list[str]
    """Claim id of each item code."""
    annotators: list[str]
    """Annotator name of each annotator code, sorted."""
    labels: list[str]
    """Label of each label code: the label set's order first, then other labels seen, sorted."""
    item: np.ndarray
    annotator: np.ndarray
    label: np.ndarray
    gold: np.ndarray
    """Gold label code per item, -1 where the item has none."""
    n_duplicates: int
    """Annotations dropped because a later one had the same claim and annotator."""
    unknown_labels: list[str]
    """Labels seen in annotations or gold that are not in the given label set."""

    @property
    def n_items(self) -> int:
        return len(self.items)

    def by_category(self) -> np.ndarray:
        """Labels x items counts (float): how many annotators gave each item each label."""
        size = len(self.labels)
        flat = self.label * self.n_items + self.item
        counts = np.bincount(flat, minlength=size * self.n_items).reshape(size, self.n_items)
        return counts.astype(np.float64)

    def annotator_slices(self) -> list[slice]:
        """Where each annotator's rows lie in the sorted arrays."""
        bounds = np.searchsorted(self.annotator, np.arange(len(self.annotators) + 1))
        return [slice(int(bounds[code]), int(bounds[code + 1])) for code in range(len(self.annotators))]


def _label_names(labels: Iterable[str | Label] | None) -> list[str]:
    names: list[str] = []
    for label in labels or ():
        name = label.name if isinstance(label, Label) else str(label)
        if name not in names:
            names.append(name)
    return names


def _encode_many(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Code each value by first appearance, sorting hashes in numpy rather than filling a dict per value.

    A dict with hundreds of thousands of keys is slow to fill one value at a time; sorting the values'
    hashes is not. The values are then checked against their group's first value, so a hash collision
    falls back to the dict.
    """
    if len(values) < 10_000:
        return _encode_few(values)
    hashes = np.fromiter(map(hash, values), dtype=np.int64, count=len(values))
    _, first, codes = np.unique(hashes, return_index=True, return_inverse=True)
    text = np.array(values)
    if not np.array_equal(text, text[first][codes]):
        return _encode_few(values)
    order = np.argsort(first)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes.reshape(-1)], [values[index] for index in first[order].tolist()]


def _encode_few(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Code each value by first appearance through a dict: fast while the distinct values are few."""
    codes = {value: code for code, value in enumerate(dict.fromkeys(values))}
    return np.fromiter(map(codes.__getitem__, values), dtype=np.int64, count=len(values)), list(codes)


def collect_ratings(
    annotations: Iterable[Annotation],
    labels: Iterable[str | Label] | None = None,
    gold: Mapping[str, str] | None = None,
) -> Ratings:
    """Encode annotations (and optional gold labels per claim id) into sorted, deduplicated code arrays."""
    annotations = list(annotations)
    item, item_names = _encode_many(list(map(attrgetter("claim_id"), annotations)))
    annotator, annotator_codes = _encode_few(list(map(attrgetter("annotator"), annotations)))
    label, label_codes = _encode_few(list(map(attrgetter("label"), annotations)))
    item_codes = {name: code for code, name in enumerate(item_names)} if gold else {}

    label_set = _label_names(labels)
    seen_gold = {value for claim, value in (gold or {}).items() if claim in item_codes}
    extra = sorted((set(label_codes) | seen_gold) - set(label_set))
    names = (label_set + extra) if label_set else extra
    position = {name: index for index, name in enumerate(names)}
    label_remap = np.array([position[name] for name in label_codes], dtype=np.int64)
    annotator_names = sorted(annotator_codes)
    annotator_rank = {name: index for index, name in enumerate(annotator_names)}
    annotator_remap = np.array([annotator_rank[name] for name in annotator_codes], dtype=np.int64)

    annotator, label = annotator_remap[annotator], label_remap[label]
    key = annotator * max(len(item_names), 1) + item
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    last = np.ones(len(order), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    keep = order[last]

    gold_codes = np.full(len(item_names), -1, dtype=np.int64)
    for claim, value in (gold or {}).items():
        code = item_codes.get(claim)
        if code is not None:
            gold_codes[code] = position[value]
    return Ratings(
        items=item_names,
        annotators=annotator_names,
        labels=names,
        item=item[keep],
        annotator=annotator[keep],
        label=label[keep],
        gold=gold_codes,
        n_duplicates=int(len(order) - len(keep)),
        unknown_labels=extra if label_set else [],
    )
