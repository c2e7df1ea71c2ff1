"""The agreement report for the terminal: the annotation screen's tables plus confusion matrices and annotators."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group
from rich.table import Table
from rich.text import Text

from annotator.agreement import FullAgreementReport
from annotator.tui.agreement_tables import (
    number,
    render_disputed,
    render_kappa_legend,
    render_kappa_matrix,
    render_overall,
    render_per_label,
)
from annotator.cli.output import cell


def render_table(report: FullAgreementReport, claim_texts: Mapping[str, str]) -> Group:
    """Everything `annotator agreement` prints: the TUI's agreement tables, then per-pair and per-annotator detail."""
    parts = [render_overall(report), render_per_label(report), render_kappa_matrix(report), render_kappa_legend(),
             Text("")]
    for pair in report.pairwise:
        if not pair.confusion or not report.labels:
            continue
        first, second = pair.annotators
        matrix = Table(title=cell(f"Confusion: {first} (rows) vs {second} (columns)"), title_justify="left")
        for header in (f"{first} \\ {second}", *report.labels):
            matrix.add_column(cell(header))
        for label, row in zip(report.labels, pair.confusion):
            matrix.add_row(cell(label), *[str(count) for count in row])
        parts.append(matrix)
    if report.annotators:
        table = Table("annotator", "against", "compared", "agreement", "kappa", title="Each annotator",
                      title_justify="left")
        for row in report.annotators:
            table.add_row(cell(row.annotator), cell(row.reference), str(row.n_compared), number(row.agreement),
                          number(row.cohen_kappa))
        parts.append(table)
    parts.append(render_disputed(report, claim_texts, blind=False))
    return Group(*parts)
