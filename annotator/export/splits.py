"""Deterministic train/dev/test assignment by hashing a claim's group, so no cross-source group spans two splits."""

from __future__ import annotations

import hashlib
from typing import Literal

from annotator.errors import UsageError
from annotator.models import Claim

SPLIT_NAMES = ("train", "dev", "test")
SplitBy = Literal["group", "article"]


def parse_split(text: str) -> tuple[int, int, int]:
    """Read `--split 80/10/10` (train/dev/test weights: non-negative integers, a positive sum)."""
    parts = text.replace(",", "/").split("/")
    try:
        weights = tuple(int(part) for part in parts)
    except ValueError:
        weights = ()
    if len(weights) != 3 or min(weights) < 0 or sum(weights) <= 0:
        raise UsageError(f"--split {text!r}: expected three non-negative whole numbers like 80/10/10")
    return weights  # type: ignore[return-value]


def split_key(claim: Claim, split_by: SplitBy) -> str:
    """What decides a claim's split: its group (its own id when ungrouped) or its article's id."""
    if split_by == "article":
        return f"article:{claim.article.id}"
    if split_by == "group":
        return f"group:{claim.group}" if claim.group else f"claim:{claim.id}"
    raise UsageError(f"--split-by {split_by!r}: choose 'group' or 'article'")


class SplitAssigner:
    """Maps split keys to split names by hashing each key with the seed into [0, 1) against cumulative weights.

    The assignment depends only on (key, seed, weights), never on the order claims arrive in or on what else is
    exported, so re-exporting after new claims arrive leaves earlier claims where they were.
    """

    def __init__(self, weights: tuple[int, int, int], seed: int) -> None:
        if len(weights) != 3 or min(weights) < 0 or sum(weights) <= 0:
            raise UsageError(f"split weights {weights!r}: expected three non-negative numbers with a positive sum")
        total = sum(weights)
        self.seed = seed
        self.bounds = (weights[0] / total, (weights[0] + weights[1]) / total)

    def fraction(self, key: str) -> float:
        """The key's stable position in [0, 1) for this seed."""
        digest = hashlib.sha256(f"{self.seed}\x00{key}".encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def assign(self, key: str) -> str:
        """`train`, `dev` or `test` for the key."""
        position = self.fraction(key)
        if position < self.bounds[0]:
            return SPLIT_NAMES[0]
        if position < self.bounds[1]:
            return SPLIT_NAMES[1]
        return SPLIT_NAMES[2]
