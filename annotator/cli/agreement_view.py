"""The agreement report as rich tables for the terminal (`annotator agreement` without --json/--csv)."""

from __future__ import annotations

from typing import Optional

from rich.console import Group
from rich.table import Table
from rich.text import Text

from annotator.models import AgreementReport


def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_table(report: AgreementReport) -> Group:
    """Overall coefficients, per-label alpha, pairwise kappas and the most disputed claims."""
    parts = []
    overall = Table("coefficient", "value", title="Agreement", title_justify="left")
    overall.add_row("items / annotators / annotations",
                    f"{report.n_items} / {report.n_annotators} / {report.n_annotations}")
    overall.add_row("percent agreement", _fmt(report.percent_agreement))
    alpha = _fmt(report.krippendorff_alpha)
    interval = getattr(report, "krippendorff_alpha_ci", None)
    if interval is not None:
        alpha += f"  (95% CI {interval.low:.3f} to {interval.high:.3f}, {interval.n_boot} resamples)"
    overall.add_row("Krippendorff's alpha (nominal)", alpha)
    overall.add_row("Fleiss' kappa", _fmt(report.fleiss_kappa))
    if hasattr(report, "gwet_ac1"):
        overall.add_row("Gwet's AC1", _fmt(report.gwet_ac1))
    for name, reason in (getattr(report, "undefined", None) or {}).items():
        overall.add_row(Text(f"{name} undefined"), Text(reason))
    parts.append(overall)
    if report.per_label:
        per_label = Table("label", "alpha (label vs rest)", title="Per label", title_justify="left")
        for label, value in report.per_label.items():
            per_label.add_row(Text(label), _fmt(value))
        parts.append(per_label)
    if report.pairwise:
        pairs = Table("annotators", "co-rated", "Cohen's kappa", "percent agreement", title="Pairs",
                      title_justify="left")
        for pair in report.pairwise:
            pairs.add_row(Text(" & ".join(pair.annotators)), str(pair.n), _fmt(pair.cohen_kappa),
                          _fmt(pair.percent_agreement))
        parts.append(pairs)
    labels = getattr(report, "labels", None) or []
    for pair in report.pairwise:
        confusion = getattr(pair, "confusion", None)
        if not confusion or not labels:
            continue
        first, second = pair.annotators
        matrix = Table(title=Text(f"Confusion: {first} (rows) vs {second} (columns)"), title_justify="left")
        for header in (f"{first} \\ {second}", *labels):
            matrix.add_column(Text(header))
        for label, row in zip(labels, confusion):
            matrix.add_row(Text(label), *[str(count) for count in row])
        parts.append(matrix)
    annotators = getattr(report, "annotators", None) or []
    if annotators:
        table = Table("annotator", "against", "compared", "agreement", "kappa", title="Each annotator",
                      title_justify="left")
        for row in annotators:
            table.add_row(Text(row.annotator), row.reference, str(row.n_compared), _fmt(row.agreement),
                          _fmt(row.cohen_kappa))
        parts.append(table)
    disputed = getattr(report, "most_disagreement", None) or []
    if disputed:
        table = Table("claim", "ratings", "agreement", "labels", title="Most disputed claims", title_justify="left")
        for item in disputed[:10]:
            labels = ", ".join(f"{label} {count}" for label, count in item.label_counts.items())
            table.add_row(item.claim_id, str(item.n_ratings), _fmt(item.agreement), Text(labels))
        parts.append(table)
    return Group(*parts)
