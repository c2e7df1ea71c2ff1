"""The values passed between the export pipeline's parts: input items, the export context and output rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from annotator.export.gold import NOT_A_CLAIM, Unresolved
from annotator.models import DEFAULT_LABELS, ExportItem, Label, rating_scale

__all__ = ["ExportContext", "ExportItem", "Row"]


@dataclass(frozen=True)
class ExportContext:
    """Settings every format may read, fixed for one export run."""

    labels: tuple[Label, ...] = DEFAULT_LABELS
    """The label set, in order; Prodigy tasks offer these as options."""
    organisation: Optional[str] = None
    """The reviewing organisation named as ClaimReview `author`; by default the person who decided."""
    review_url_base: Optional[str] = None
    """Prefix of ClaimReview `url` (the claim id is appended); `urn:annotator:claim:<id>` without it."""
    label_names: tuple[str, ...] = field(init=False)
    by_name: dict[str, Label] = field(init=False, repr=False, compare=False)
    worst_rating: Optional[int] = field(init=False)
    """The lowest `rating_value` the label set publishes (ClaimReview `worstRating`)."""
    best_rating: Optional[int] = field(init=False)
    """The highest `rating_value` the label set publishes (ClaimReview `bestRating`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "label_names", tuple(label.name for label in self.labels))
        object.__setattr__(self, "by_name", {label.name: label for label in self.labels})
        worst, best = rating_scale(self.labels)
        object.__setattr__(self, "worst_rating", worst)
        object.__setattr__(self, "best_rating", best)

    def published_label(self, label_name: Optional[str], field_name: str) -> "Label | Unresolved | Unpublished":
        """The label set's entry for a verdict when it maps to something in `field_name` (`rating`, `fever`), else
        why the format leaves the decision out."""
        if label_name is None:
            return Unresolved.NO_VERDICT
        label = self.by_name.get(label_name)
        if label is None:
            return Unresolved.UNMAPPED_LABEL
        if getattr(label, field_name) is None:
            reason = Unresolved.NOT_A_CLAIM if label_name == NOT_A_CLAIM else Unresolved.NOT_PUBLISHED
            return Unpublished(label_name, reason)
        return label


@dataclass(frozen=True, slots=True)
class Row:
    """One serialised record (without its newline) and the label it carries, for the manifest's counts."""

    line: str
    label: str


@dataclass(frozen=True, slots=True)
class Unpublished:
    """A decision left out because its verdict maps to nothing in the format, counted per label in the manifest."""

    label: str
    reason: Unresolved
