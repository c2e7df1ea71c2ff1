"""The label set: names, keys, what each means and how exports publish each verdict."""

from __future__ import annotations

from typing import Literal, Optional, Sequence

from pydantic import model_validator

from annotator.models.base import Record


FeverVerdict = Literal["SUPPORTS", "REFUTES", "NOT ENOUGH INFO"]


class Label(Record):
    """One verdict of the label set: its name, the key that chooses it, what it means and how exports publish it."""

    name: str
    key: str
    description: str = ""
    needs_correction: bool = False
    """Choosing it opens the correction editor; the annotation must carry a correction."""
    rating: Optional[str] = None
    """The ClaimReview rating (`alternateName`) this verdict publishes; None: no ClaimReview for it."""
    rating_value: Optional[int] = None
    """The rating's place on the label set's scale (`ratingValue`), between its worst and best values."""
    fever: Optional[FeverVerdict] = None
    """The FEVER verdict this label becomes; None: left out of FEVER."""

    @model_validator(mode="after")
    def _value_needs_rating(self) -> "Label":
        if self.rating_value is not None and self.rating is None:
            raise ValueError(f"label {self.name!r}: rating_value {self.rating_value} given without a rating name")
        return self


DEFAULT_LABELS: tuple[Label, ...] = (
    Label(name="verified", key="v", description="The claim holds: the article and the sources support it.",
          rating="Supported", rating_value=3, fever="SUPPORTS"),
    Label(
        name="corrected",
        key="c",
        description="The claim is wrong as stated; write what is right. (An extraction mistake is fixed with t.)",
        needs_correction=True,
        rating="Refuted",
        rating_value=1,
        fever="REFUTES",
    ),
    Label(name="contested", key="x", description="Sources or parties dispute it.", rating="Disputed",
          rating_value=2, fever="NOT ENOUGH INFO"),
    Label(name="unverifiable", key="u", description="Cannot be checked from what is available.",
          fever="NOT ENOUGH INFO"),
    Label(name="not_a_claim", key="n", description="The extractor was wrong to pick it."),
)


def rating_scale(labels: Sequence[Label]) -> tuple[Optional[int], Optional[int]]:
    """The (worst, best) rating values of a label set, from the values its verdicts publish; None when none do."""
    values = [label.rating_value for label in labels if label.rating_value is not None]
    return (min(values), max(values)) if values else (None, None)
