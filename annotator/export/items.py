"""The values passed between the export pipeline's parts: input items, the export context and output rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional, Sequence

from annotator.models import DEFAULT_LABELS, Adjudication, Annotation, Claim, Label


class ExportItem(NamedTuple):
    """One claim with every annotation on it and its adjudication, if any; exports consume these in claim order."""

    claim: Claim
    annotations: Sequence[Annotation]
    adjudication: Optional[Adjudication] = None


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "label_names", tuple(label.name for label in self.labels))


@dataclass(frozen=True, slots=True)
class Row:
    """One serialised record (without its newline) and the label it carries, for the manifest's counts."""

    line: str
    label: str
