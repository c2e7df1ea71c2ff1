"""The value every coefficient function returns: a float, NaN when undefined, carrying how it was computed."""

from __future__ import annotations

import math


class Coefficient(float):
    """An agreement coefficient that is a number, as the reference packages return, plus what it was built from.

    It compares, adds, goes into numpy and JSON as a float; when the coefficient is undefined it is NaN (as
    `krippendorff.alpha` and scikit-learn give) and `reason` says why (for example "no item has two or more
    ratings"), so callers never have to catch a crash. `observed` and `expected` are the two terms the value is
    built from: agreement (p_o, p_e) for the kappa-type coefficients and AC1, disagreement (D_o, D_e) for
    Krippendorff's alpha. `n_items` counts the items the coefficient used (for alpha: items with two ratings or more).
    """

    __slots__ = ("reason", "observed", "expected", "n_items")

    reason: str | None
    observed: float | None
    expected: float | None
    n_items: int

    def __new__(
        cls,
        value: float | None,
        reason: str | None = None,
        observed: float | None = None,
        expected: float | None = None,
        n_items: int = 0,
    ) -> Coefficient:
        number = super().__new__(cls, math.nan if value is None else value)
        for name, field in (("reason", reason), ("observed", observed), ("expected", expected), ("n_items", n_items)):
            object.__setattr__(number, name, field)
        return number

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a coefficient is a number and cannot change ({name})")

    def __reduce__(self):
        return (Coefficient, (self.value, self.reason, self.observed, self.expected, self.n_items))

    @property
    def value(self) -> float | None:
        """The coefficient as a plain float, or None when it is undefined (for a JSON null in reports)."""
        return None if self.reason is not None or math.isnan(self) else float(self)

    @property
    def defined(self) -> bool:
        """True when the coefficient has a value."""
        return self.value is not None


def undefined(reason: str, n_items: int = 0) -> Coefficient:
    """A coefficient without a value (NaN), carrying why."""
    return Coefficient(None, reason=reason, n_items=n_items)


NO_PAIRABLE_ITEMS = "no item has two or more ratings"
ONE_CATEGORY = "every rating uses the same category, so chance agreement is total and the coefficient is 0/0"
