"""The label set: names, keys and what each means."""

from __future__ import annotations

from annotator.models.base import Record

class Label(Record):
    """One entry of the label set: its name, the key that chooses it and what it means."""

    name: str
    key: str
    description: str = ""
    needs_correction: bool = False
    """Choosing it opens the correction editor; the annotation must carry a correction."""


DEFAULT_LABELS: tuple[Label, ...] = (
    Label(name="verified", key="v", description="Accurate as extracted and supported."),
    Label(
        name="corrected",
        key="c",
        description="Wrong as stated; the reviewer writes what is right.",
        needs_correction=True,
    ),
    Label(name="contested", key="x", description="Sources or parties dispute it."),
    Label(name="unverifiable", key="u", description="Cannot be checked from what is available."),
    Label(name="not_a_claim", key="n", description="The extractor was wrong to pick it."),
)
