"""The report as tidy rows (`annotator agreement --csv`): one number per row, so it loads into any spreadsheet."""

from __future__ import annotations

import csv
import io

from annotator.agreement.report_models import FullAgreementReport
from annotator.models import AgreementReport

CSV_COLUMNS = ("metric", "scope", "value", "n", "note")
Row = dict[str, str | int | float | None]


def _row(metric: str, scope: str, value: float | None, n: int | None = None, note: str = "") -> Row:
    return {"metric": metric, "scope": scope, "value": value, "n": n, "note": note}


def report_rows(report: AgreementReport) -> list[Row]:
    """Rows of metric, scope ("all", "label:X", "pair:A|B", "annotator:A", "claim:ID"), value, n and note."""
    full = report if isinstance(report, FullAgreementReport) else None
    undefined = full.undefined if full else {}
    co_rated = full.n_co_rated_items if full else None
    rows = [
        _row("n_items", "all", report.n_items),
        _row("n_annotators", "all", report.n_annotators),
        _row("n_annotations", "all", report.n_annotations),
    ]
    overall = {
        "percent_agreement": report.percent_agreement,
        "krippendorff_alpha": report.krippendorff_alpha,
        "fleiss_kappa": report.fleiss_kappa,
    }
    if full:
        overall["gwet_ac1"] = full.gwet_ac1
    rows += [_row(name, "all", value, co_rated, undefined.get(name, "")) for name, value in overall.items()]
    if full and full.krippendorff_alpha_ci:
        interval = full.krippendorff_alpha_ci
        note = f"{interval.confidence:.0%} bootstrap over items, {interval.n_boot} resamples, seed {interval.seed}"
        rows.append(_row("krippendorff_alpha_ci_low", "all", interval.low, co_rated, note))
        rows.append(_row("krippendorff_alpha_ci_high", "all", interval.high, co_rated, note))
    rows += [_row("krippendorff_alpha", f"label:{name}", value) for name, value in report.per_label.items()]
    for pair in report.pairwise:
        scope = "pair:" + "|".join(pair.annotators)
        rows.append(_row("cohen_kappa", scope, pair.cohen_kappa, pair.n))
        rows.append(_row("percent_agreement", scope, pair.percent_agreement, pair.n))
    if full:
        for person in full.annotators:
            scope = f"annotator:{person.annotator}"
            rows.append(_row(f"agreement_with_{person.reference}", scope, person.agreement, person.n_compared))
            rows.append(_row(f"cohen_kappa_with_{person.reference}", scope, person.cohen_kappa, person.n_compared))
        for claim in full.most_disagreement:
            split = ", ".join(f"{label}={count}" for label, count in claim.label_counts.items())
            rows.append(_row("claim_agreement", f"claim:{claim.claim_id}", claim.agreement, claim.n_ratings, split))
    rows += [_row("warning", "all", None, None, text) for text in report.warnings]
    return rows


def report_rows_csv(report: AgreementReport) -> str:
    """The report's rows as CSV text with a header line; empty cells for null values."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in report_rows(report):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue()
