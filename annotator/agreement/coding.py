"""Turn a reliability matrix of arbitrary labels into integer codes and per-item category counts.

Every coefficient works on integer codes (0..K-1, -1 for missing) so the statistics stay vectorised.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np

from annotator.errors import UsageError

MISSING = -1


@dataclass(frozen=True)
class CodedMatrix:
    """A reliability matrix as integer codes: rows = annotators, columns = items, -1 = missing."""

    codes: np.ndarray
    categories: tuple[Hashable, ...]
    """The label behind each code, in code order (sorted when the labels are sortable)."""

    @property
    def n_categories(self) -> int:
        return len(self.categories)

    def by_category(self) -> np.ndarray:
        """Categories x items counts (float): how many annotators gave each item each category."""
        return category_counts(self.codes, self.n_categories)


def category_counts(codes: np.ndarray, n_categories: int) -> np.ndarray:
    """Categories x items counts (float64) from an annotators x items code matrix (-1 = missing).

    Category-major rows keep every later reduction a contiguous row operation or a matrix product.
    """
    n_items = codes.shape[1]
    if n_categories <= 64:
        counts = np.empty((n_categories, n_items), dtype=np.float64)
        for category in range(n_categories):
            np.sum(codes == category, axis=0, out=counts[category])
        return counts
    valid = codes >= 0
    _, item = np.nonzero(valid)
    flat = codes[valid] * n_items + item
    return np.bincount(flat, minlength=n_categories * n_items).reshape(n_categories, n_items).astype(np.float64)


def as_category_counts(counts: object) -> np.ndarray:
    """A caller's items x categories counts table as the categories x items float array used inside."""
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2:
        raise UsageError(f"a counts table must be 2-D (items x categories), got {table.ndim}-D")
    if (table < 0).any():
        raise UsageError("a counts table cannot hold negative counts")
    return np.ascontiguousarray(table.T)


def encode_matrix(data: Any, categories: Sequence[Hashable] | None = None) -> CodedMatrix:
    """Encode a reliability matrix (numpy array or nested sequences; None or NaN = missing).

    With `categories` the codes follow that order (needed for ordinal labels such as "low" < "high")
    and any other label is refused; without it the observed labels are sorted when they can be.
    """
    if isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        return _encode_numeric(data, categories)
    rows = [list(row) for row in _rows(data)]
    n_items = len(rows[0]) if rows else 0
    if any(len(row) != n_items for row in rows):
        lengths = sorted({len(row) for row in rows})
        raise UsageError(f"reliability data rows differ in length ({lengths}): every annotator needs one cell per item")
    return _encode_objects(rows, n_items, categories)


def _rows(data: Any) -> Iterable[Iterable[Any]]:
    if isinstance(data, np.ndarray):
        if data.ndim != 2:
            raise UsageError(f"reliability data must be 2-D (annotators x items), got {data.ndim}-D")
        return data.tolist()
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise UsageError(f"reliability data must be a matrix (annotators x items), got {type(data).__name__}")
    rows = list(data)
    for row in rows:
        if isinstance(row, (str, bytes)) or not isinstance(row, Iterable):
            raise UsageError(
                f"reliability data must be 2-D (annotators x items); found a row {row!r} that is not a sequence"
            )
    return rows


def _encode_objects(rows: list[list[Any]], n_items: int, categories: Sequence[Hashable] | None) -> CodedMatrix:
    fixed = categories is not None
    lookup: dict[Hashable, int] = {label: code for code, label in enumerate(categories or ())}
    if fixed and len(lookup) != len(categories):
        raise UsageError("categories contain a duplicate label")

    def code_of(value: Any) -> int:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return MISSING
        code = lookup.get(value)
        if code is None:
            if fixed:
                raise UsageError(f"label {value!r} is not one of the given categories {list(categories)!r}")
            code = lookup[value] = len(lookup)
        return code

    codes = np.full((len(rows), n_items), MISSING, dtype=np.int64)
    for index, row in enumerate(rows):
        codes[index] = [code_of(value) for value in row]
    labels = tuple(lookup)
    if not fixed:
        codes, labels = _sorted_codes(codes, labels)
    return CodedMatrix(codes=codes, categories=labels)


def _sorted_codes(codes: np.ndarray, labels: tuple[Hashable, ...]) -> tuple[np.ndarray, tuple[Hashable, ...]]:
    """Renumber codes so categories are in sorted order, when the labels are mutually comparable."""
    try:
        order = sorted(range(len(labels)), key=lambda code: labels[code])
    except TypeError:
        return codes, labels
    remap = np.empty(len(labels) + 1, dtype=np.int64)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(labels))
    remap[-1] = MISSING
    return remap[codes], tuple(labels[code] for code in order)


def _encode_numeric(data: np.ndarray, categories: Sequence[Hashable] | None) -> CodedMatrix:
    if data.ndim != 2:
        raise UsageError(f"reliability data must be 2-D (annotators x items), got {data.ndim}-D")
    if data.dtype.kind == "b":
        data = data.astype(np.int64)
    valid = ~np.isnan(data) if data.dtype.kind == "f" else np.ones(data.shape, dtype=bool)
    values = data[valid]
    codes = np.full(data.shape, MISSING, dtype=np.int64)
    if categories is not None:
        codes[valid] = _codes_in_categories(values, categories)
        return CodedMatrix(codes=codes, categories=tuple(categories))
    value_codes, uniques = _dense_unique(values)
    codes[valid] = value_codes
    return CodedMatrix(codes=codes, categories=tuple(uniques.tolist()))


def _dense_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique values and each value's index into them; a linear pass when values are small integers."""
    if values.size == 0:
        return np.zeros(0, dtype=np.int64), values
    low, high = values.min(), values.max()
    span = float(high) - float(low)
    if span < 4 * values.size + 1024 and (values.dtype.kind != "f" or np.array_equal(values, np.floor(values))):
        offsets = (values - low).astype(np.int64)
        present = np.bincount(offsets, minlength=int(span) + 1) > 0
        rank = np.cumsum(present) - 1
        uniques = np.flatnonzero(present).astype(values.dtype) + low
        return rank[offsets], uniques
    uniques, inverse = np.unique(values, return_inverse=True)
    return inverse.reshape(-1), uniques


def _codes_in_categories(values: np.ndarray, categories: Sequence[Hashable]) -> np.ndarray:
    if not all(isinstance(label, Real) for label in categories):
        raise UsageError("numeric reliability data needs numeric categories")
    wanted = np.asarray(categories, dtype=np.float64)
    order = np.argsort(wanted, kind="stable")
    ordered = wanted[order]
    position = np.clip(np.searchsorted(ordered, values), 0, max(len(ordered) - 1, 0))
    if len(ordered) == 0 or not np.all(ordered[position] == values):
        stray = values[(ordered[position] != values)] if len(ordered) else values
        raise UsageError(f"label {stray[0].item()!r} is not one of the given categories {list(categories)!r}")
    return order[position]
