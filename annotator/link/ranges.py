"""Value ranges for hedged figures, and the rule for when two of them can both be true.

"nearly two hours", "some 100,000" and "tens of thousands" each stand for a range of values; two reports
disagree when their ranges cannot both hold.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

INF = math.inf

ABOUT_TOLERANCE = 0.10
""""about X" covers X +/- 10%."""
NEARLY_FLOOR = 0.80
""""nearly X" covers [0.8 X, X): "nearly two hours" is 96 to under 120 minutes."""
JUST_OVER_CEILING = 1.20
""""just over X" covers (X, 1.2 X]."""


@dataclass(frozen=True)
class Range:
    """A set of values [low, high] (each end open or closed) with the phrase's stated value, if any."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    nominal: float | None = None
    """The single value the phrase names ("about 100,000" -> 100,000); None for spans such as "thousands"."""
    hedge: str = "exact"
    """exact, about, nearly, more than, at least, under, up to, between or vague."""

    @property
    def is_point_estimate(self) -> bool:
        """True for an exact figure or one given as "about X": the phrase commits to one value."""
        return self.hedge in ("exact", "about")

    def contains(self, value: float, closed: bool = False) -> bool:
        """Whether value lies in the range; `closed` ignores open ends ("more than X" then admits X)."""
        above = value > self.low or (value == self.low and (closed or not self.low_open))
        below = value < self.high or (value == self.high and (closed or not self.high_open))
        return above and below

    def overlaps(self, other: Range) -> bool:
        """Whether some value lies in both ranges."""
        if self.low > other.high or other.low > self.high:
            return False
        if self.low == other.high:
            return not (self.low_open or other.high_open)
        if other.low == self.high:
            return not (other.low_open or self.high_open)
        return True

    def compatible(self, other: Range) -> bool:
        """Whether both reports can be true.

        The ranges must overlap. A point estimate must also land inside the other report's range unless
        that report is a point estimate too, so "some 100,000" disagrees with "tens of thousands" (which
        stops below 100,000) even though the 10% tolerance of "some" reaches into it, while "about 100,000"
        and "95,000" agree.
        """
        if not self.overlaps(other):
            return False
        if self.is_point_estimate and other.is_point_estimate:
            return True
        for a, b in ((self, other), (other, self)):
            if a.is_point_estimate and a.nominal is not None and not b.contains(a.nominal, closed=True):
                return False
        return True

    def scaled(self, factor: float) -> Range:
        """The same range in another unit (hours to minutes: factor 60)."""
        nominal = None if self.nominal is None else self.nominal * factor
        return Range(self.low * factor, self.high * factor, self.low_open, self.high_open, nominal, self.hedge)

    def plus(self, amount: float) -> Range:
        """The range shifted by an exact amount ("two hours and 15 minutes")."""
        nominal = None if self.nominal is None else self.nominal + amount
        return Range(self.low + amount, self.high + amount, self.low_open, self.high_open, nominal, self.hedge)

    def describe(self, fmt: Callable[[float], str], unit: str = "") -> str:
        """The range in words, e.g. "90 min", "nearly 120 min", "20,000-99,999"."""
        suffix = f" {unit}" if unit else ""
        if self.hedge == "exact":
            return f"{fmt(self.low)}{suffix}"
        if self.hedge in ("between", "vague") or self.nominal is None:
            if self.high == INF:
                return f"at least {fmt(self.low)}{suffix}"
            return f"{fmt(self.low)}-{fmt(self.high)}{suffix}"
        return f"{self.hedge} {fmt(self.nominal)}{suffix}"


def exact(value: float) -> Range:
    """A figure stated without hedge."""
    return Range(value, value, nominal=value)


def span(low: float, high: float, hedge: str = "between") -> Range:
    """A closed span such as "20 to 30" or the vague "tens of thousands"."""
    low, high = min(low, high), max(low, high)
    return Range(low, high, hedge=hedge)


HEDGES: dict[tuple[str, ...], str] = {
    ("about",): "about", ("around",): "about", ("roughly",): "about", ("approximately",): "about",
    ("approx",): "about", ("some",): "about", ("circa",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("an", "approximate"): "about", ("or", "so"): "about",
    ("nearly",): "nearly", ("almost",): "nearly", ("close", "to"): "nearly", ("just", "under"): "nearly",
    ("just", "shy", "of"): "nearly", ("not", "quite"): "nearly",
    ("more", "than"): "more than", ("over",): "more than", ("above",): "more than",
    ("in", "excess", "of"): "more than", ("upwards", "of"): "more than", ("well", "over"): "more than",
    ("exceeding",): "more than", ("north", "of"): "more than",
    ("just", "over"): "just over", ("slightly", "more", "than"): "just over",
    ("a", "little", "over"): "just over", ("just", "more", "than"): "just over",
    ("at", "least"): "at least", ("no", "fewer", "than"): "at least", ("no", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least",
    ("less", "than"): "under", ("fewer", "than"): "under", ("under",): "under", ("below",): "under",
    ("up", "to"): "up to", ("as", "many", "as"): "up to", ("as", "much", "as"): "up to",
    ("at", "most"): "up to", ("no", "more", "than"): "up to", ("a", "maximum", "of"): "up to",
    ("as", "long", "as"): "up to",
}
MAX_HEDGE_WORDS = max(len(k) for k in HEDGES)


def match_hedge(words: list[str], i: int) -> tuple[str, int] | None:
    """The longest hedge phrase starting at words[i], as (hedge, index after it)."""
    for size in range(MAX_HEDGE_WORDS, 0, -1):
        key = tuple(words[i:i + size])
        if len(key) == size and key in HEDGES:
            return HEDGES[key], i + size
    return None


def apply_hedge(hedge: str, base: Range) -> Range:
    """The range a hedge word makes of a stated figure (or of a vague span such as "thousands")."""
    if base.hedge == "exact" and base.nominal is not None:
        x = base.nominal
        if hedge == "about":
            return Range(x * (1 - ABOUT_TOLERANCE), x * (1 + ABOUT_TOLERANCE), nominal=x, hedge="about")
        if hedge == "nearly":
            return Range(x * NEARLY_FLOOR, x, high_open=True, nominal=x, hedge="nearly")
        if hedge == "more than":
            return Range(x, INF, low_open=True, nominal=x, hedge="more than")
        if hedge == "just over":
            return Range(x, x * JUST_OVER_CEILING, low_open=True, nominal=x, hedge="just over")
        if hedge == "at least":
            return Range(x, INF, nominal=x, hedge="at least")
        if hedge == "under":
            return Range(0, x, high_open=True, nominal=x, hedge="under")
        if hedge == "up to":
            return Range(0, x, nominal=x, hedge="up to")
        return base
    if hedge in ("more than", "just over", "at least"):
        return Range(base.low, INF, hedge="vague")
    if hedge in ("under", "up to"):
        return Range(0, base.high, hedge="vague")
    return base
