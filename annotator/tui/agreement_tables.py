"""The agreement report drawn for the terminal: coefficients, per-label alpha, a kappa heat map, disputed claims.

Plain Rich tables without Textual, so `annotator agreement` prints them without loading the UI; the agreement
screen shows the same tables. Every cell carries its value as text and the heat map has a legend in words, so colour
is never the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text

from annotator.agreement import FullAgreementReport
from annotator.tui.literal import literal

KAPPA_BANDS: tuple[tuple[float, str, str], ...] = (
    (0.8, "almost perfect", "black on green3"),
    (0.6, "substantial", "black on dark_olive_green2"),
    (0.4, "moderate", "black on yellow3"),
    (0.2, "fair", "black on orange3"),
    (0.0, "slight", "white on red3"),
    (float("-inf"), "worse than chance", "white on dark_red"),
)
"""Landis and Koch's bands for kappa, each with its heat-map colour."""

CLAIM_TEXT_WIDTH = 60


def number(value: float | None) -> str:
    """A coefficient as shown everywhere on the screen: three decimals, or n/a when undefined."""
    return "n/a" if value is None else f"{value:.3f}"


def kappa_band(value: float) -> tuple[str, str]:
    """The band name and heat-map style of a kappa value."""
    return next((name, style) for low, name, style in KAPPA_BANDS if value >= low)


def render_overall(report: FullAgreementReport) -> Table:
    """Counts and the overall coefficients, with the reason for each one left undefined."""
    table = Table("coefficient", "value", title="Overall", title_justify="left", expand=False)
    table.add_row("claims / annotators / annotations",
                  f"{report.n_items} / {report.n_annotators} / {report.n_annotations}")
    table.add_row("claims with two or more labels", str(report.n_co_rated_items))
    table.add_row("percent agreement", number(report.percent_agreement))
    table.add_row("Krippendorff's alpha (nominal)", number(report.krippendorff_alpha))
    interval = report.krippendorff_alpha_ci
    if interval is not None:
        table.add_row("  alpha 95% CI (bootstrap)",
                      f"{number(interval.low)} to {number(interval.high)} ({interval.n_boot} resamples)")
    table.add_row("Fleiss' kappa", number(report.fleiss_kappa))
    table.add_row("Gwet's AC1", number(report.gwet_ac1))
    for name, reason in report.undefined.items():
        table.add_row(Text(f"{name}: n/a because", style="italic"), literal(reason))
    return table


def render_per_label(report: FullAgreementReport) -> Table:
    """Krippendorff's alpha of each label against the rest."""
    table = Table("label", "alpha (label vs rest)", title="Per label", title_justify="left")
    for label, value in report.per_label.items():
        table.add_row(literal(label), number(value))
    return table


def render_kappa_matrix(report: FullAgreementReport) -> Table | Text:
    """Cohen's kappa of every pair of annotators as a heat map; each cell shows the value and the co-rated count."""
    names = sorted({name for pair in report.pairwise for name in pair.annotators})
    if not names:
        return Text("No two annotators have labelled the same claim yet.", style="italic")
    pairs = {frozenset(pair.annotators): pair for pair in report.pairwise}
    table = Table(title="Cohen's kappa by pair (co-rated claims in brackets)", title_justify="left")
    table.add_column("")
    for name in names:
        table.add_column(literal(name), justify="center")
    for row_name in names:
        cells: list[Text] = [literal(row_name, style="bold")]
        for column_name in names:
            pair = pairs.get(frozenset((row_name, column_name)))
            if row_name == column_name:
                cells.append(Text("—", style="dim"))
            elif pair is None or pair.cohen_kappa is None:
                cells.append(Text("n/a" if pair is None else f"n/a ({pair.n})", style="dim"))
            else:
                cells.append(Text(f" {number(pair.cohen_kappa)} ({pair.n}) ", style=kappa_band(pair.cohen_kappa)[1]))
        table.add_row(*cells)
    return table


def render_kappa_legend() -> Text:
    """What each heat-map colour means, in words."""
    text = Text("kappa: ", style="dim", end="")
    for index, (low, name, style) in enumerate(KAPPA_BANDS):
        if index:
            text.append(" ")
        label = f" ≥ {low:.1f} {name} " if low != float("-inf") else f" < 0 {name} "
        text.append(label, style=style)
    return text


def render_disputed(report: FullAgreementReport, claim_texts: Mapping[str, str], *, blind: bool) -> Table | Text:
    """The claims annotators disagree on most; `blind` leaves out how the labels split (an annotator is looking)."""
    if not report.most_disagreement:
        return Text("No claim has annotators who disagree.", style="italic")
    columns = ["claim", "ratings", "agreement", *([] if blind else ["labels"]), "text"]
    table = Table(*columns, title="Most disputed claims", title_justify="left")
    for item in report.most_disagreement[:10]:
        text = claim_texts.get(item.claim_id, "")
        if len(text) > CLAIM_TEXT_WIDTH:
            text = text[: CLAIM_TEXT_WIDTH - 1] + "…"
        row = [literal(item.claim_id), str(item.n_ratings), number(item.agreement)]
        if not blind:
            row.append(literal(" · ".join(f"{label} {count}" for label, count in item.label_counts.items())))
        table.add_row(*row, literal(text))
    return table
