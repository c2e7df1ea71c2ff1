"""Commands that report on or export the annotations: agreement and export."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from annotator.cli.common import (
    DbOption,
    LabelsOption,
    handle_errors,
    make_settings,
    opened_store,
)
from annotator.cli.output import cell, database, say, stdout_console
from annotator.errors import UsageError

EXPORT_FORMATS = ("jsonl", "fever", "prodigy", "claimreview")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("agreement")(agreement)
    app.command("export")(export)
    app.command("stats")(stats)


@handle_errors
def agreement(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print the report as CSV.")] = False,
    bootstrap: Annotated[int, typer.Option(min=0, help="Bootstrap resamples for alpha's 95% interval.")] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap.")] = 0,
    labels: LabelsOption = None,
) -> None:
    """Inter-annotator agreement: percent agreement, Krippendorff's alpha, Fleiss' and Cohen's kappa."""
    from annotator.agreement import build_report, report_rows_csv
    from annotator.cli.agreement_view import render_table

    settings = make_settings(db, labels_file=labels)
    with opened_store(settings, existing=True, read_only=True) as store:
        gold = {item.claim_id: item.label for item in store.adjudications.all()}
        report = build_report(
            store.annotations.votes(), labels=[label.name for label in settings.labels()], gold=gold or None,
            bootstrap=bootstrap, seed=seed,
        )
        table_view = not (as_json or as_csv)
        disputed = [item.claim_id for item in report.most_disagreement[:10]] if table_view else []
        texts = {claim.id: claim.text for claim in store.claims.get_many(disputed)}
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif as_csv:
        sys.stdout.write(report_rows_csv(report))
    else:
        stdout_console().print(render_table(report, texts))
    for warning in report.warnings:
        say(f"warning: {warning}")


@handle_errors
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, fever, prodigy or claimreview.")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option(help="Output folder (default exports/<timestamp>).")] = None,
    db: DbOption = None,
    all_annotations: Annotated[bool, typer.Option("--all", help="One record per annotation instead of gold.")] = False,
    split: Annotated[Optional[str], typer.Option(help="train/dev/test percentages, e.g. 80/10/10.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the split.")] = 0,
    split_by: Annotated[str, typer.Option(help="Keep together: group (cross-source) or article.")] = "group",
    min_annotations: Annotated[int, typer.Option(min=1, help="Gold needs at least this many annotations.")] = 1,
    labels: LabelsOption = None,
) -> None:
    """Write a labelled dataset and manifest.json; gold by default (adjudication, else majority).

    ClaimReview ratings and FEVER verdicts come from the verdict alone, as the label set maps it (--labels); an
    edit of the extracted claim becomes the text reviewed, never a rating.
    """
    from annotator.export import export_dataset, parse_split

    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown format '{format}' (choose {', '.join(EXPORT_FORMATS)})")
    if split_by not in ("group", "article"):
        raise UsageError(f"--split-by '{split_by}': choose group or article")
    settings = make_settings(db, labels_file=labels)
    label_set = settings.labels()
    out_dir = out or settings.export_dir / datetime.now().strftime("%Y%m%d-%H%M%S")
    with opened_store(settings, existing=True, read_only=True) as store:
        manifest = export_dataset(
            store.export.items(),
            fmt=format,
            out_dir=out_dir,
            all_annotations=all_annotations,
            split=parse_split(split) if split is not None else None,
            seed=seed,
            split_by=split_by,
            min_annotations=min_annotations,
            source_db=store.db.url,
            labels=label_set,
        )
    say(f"wrote {out_dir}: {manifest.summary()}")


@handle_errors
def stats(
    db: DbOption = None,
    overlap: Annotated[Optional[int], typer.Option(min=1, help="Annotators each claim should get.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False,
) -> None:
    """Per-annotator counts and pace, queue progress, and claims waiting for adjudication."""
    settings = make_settings(db, overlap=overlap)
    with opened_store(settings, existing=True, read_only=True) as store:
        team = store.team.stats(overlap=settings.overlap or 1)
    if as_json:
        sys.stdout.write(team.model_dump_json(indent=2) + "\n")
        return
    from rich.table import Table

    console = stdout_console()
    console.print(
        f"{team.claims} claims: {team.complete} complete (overlap {team.overlap}), {team.in_progress} in progress, "
        f"{team.untouched} untouched, {team.reserved} on screen now; {team.awaiting_adjudication} awaiting "
        f"adjudication, {team.adjudicated} adjudicated",
        markup=False, highlight=False,
    )
    console.print(pace_line(team), markup=False, highlight=False)
    table = Table("annotator", "verdicts", "median s/claim", "claims/h", "edits", "flagged", "last active")
    for row in team.annotators:
        median = f"{row.median_ms / 1000:.1f}" if row.median_ms is not None else "-"
        pace = f"{row.per_hour:.0f}" if row.per_hour is not None else "-"
        last = row.last_active.strftime("%Y-%m-%d %H:%M") if row.last_active else "-"
        table.add_row(cell(row.annotator), str(row.annotations), median, pace, str(row.edits), str(row.flagged), last)
    console.print(table)
    if team.flags:
        flags = Table("flagged claim", "by", "verdict", "note", title="Flagged for the lead (in `annotator review`)")
        for flag in team.flags:
            flags.add_row(cell(flag.claim_id), cell(flag.annotator), cell(flag.label or "none yet"), cell(flag.note))
        console.print(flags)


def pace_line(team) -> str:
    """The team's pace and the time left at that pace, in words."""
    if team.remaining == 0:
        return "pace: every claim has its verdicts"
    if team.per_hour is None:
        return f"pace: nobody annotated in the last hour; {team.remaining} verdicts still needed"
    hours, minutes = divmod(round((team.hours_left or 0) * 60), 60)
    left = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    return f"pace: {team.per_hour:.0f} claims/hour; {team.remaining} verdicts still needed, about {left} left"
