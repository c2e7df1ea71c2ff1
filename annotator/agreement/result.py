"""The value every coefficient function returns: a number, or None with the reason it is undefined."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Coefficient:
    """An agreement coefficient, or the reason it cannot be computed, so callers never have to catch a crash.

    `value` is None exactly when `reason` is set (for example "no item has two or more ratings").
    `observed` and `expected` are the two terms the value is built from: agreement (p_o, p_e) for the
    kappa-type coefficients and AC1, disagreement (D_o, D_e) for Krippendorff's alpha.
    `n_items` counts the items the coefficient used (for alpha: items with at least two ratings).
    """

    value: float | None
    reason: str | None = None
    observed: float | None = None
    expected: float | None = None
    n_items: int = 0

    @property
    def defined(self) -> bool:
        """True when the coefficient has a value."""
        return self.value is not None

    def __float__(self) -> float:
        """The value, or NaN when undefined, so the result drops into numeric code."""
        return math.nan if self.value is None else self.value


def undefined(reason: str, n_items: int = 0) -> Coefficient:
    """A coefficient without a value, carrying why."""
    return Coefficient(value=None, reason=reason, n_items=n_items)


NO_PAIRABLE_ITEMS = "no item has two or more ratings"
ONE_CATEGORY = "every rating uses the same category, so chance agreement is total and the coefficient is 0/0"
