"""Commands that move data in and out of the database: ingest, claims, import, merge, schemas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from annotator.cli.common import (
    DbOption,
    LabelsOption,
    fail,
    handle_errors,
    make_settings,
    opened_store,
    stderr_console,
)
from annotator.cli.output import cell, database, say, stdout_console
from annotator.errors import ImportRecordError, UsageError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("ingest")(ingest)
    app.command("relink")(relink)
    app.command("claims")(claims)
    app.command("import")(import_annotations)
    app.command("merge")(merge)
    app.command("schemas")(schemas)


@handle_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .jsonl/.json article records, .html.")],
    db: DbOption = None,
    event: Annotated[Optional[str], typer.Option(help="Event name for all articles (default: each folder's name).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
    spacy_model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to load.")] = None,
    model: Annotated[Optional[Path], typer.Option(
        "--model", help="Score check-worthiness with this trained model (`annotator train`) instead of the formula.")] = None,
) -> None:
    """Read articles, extract and link their claims, and store them (re-ingesting the same content changes nothing)."""
    from annotator.ingest import expected_articles, ingest_paths

    settings = make_settings(db, spacy_model=spacy_model)
    scorer = None
    if model is not None:
        from annotator.extract.cw_model import load_model

        scorer = load_model(model)
    console = stderr_console()
    total = expected_articles(paths)
    columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn()]
    with opened_store(settings) as store, Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=total, rate="")

        def advance(stage: str, count: int) -> None:
            if stage in ("extracted", "error"):
                bar.advance(task, count)
                elapsed = bar.tasks[0].elapsed or 0.0
                done = bar.tasks[0].completed
                bar.update(task, rate=f"{done / elapsed:.1f} articles/s" if elapsed > 0 else "")

        report = ingest_paths(store, paths, settings=settings, event=event, workers=workers, on_progress=advance,
                              model=scorer)
    for message in report.warnings:
        say(f"annotator: warning: {message}", console)
    for message in report.errors:
        say(f"annotator: {message}", console)
    console.print(
        f"{len(report.added)} added, {len(report.new_versions)} new versions, {len(report.unchanged)} unchanged, "
        f"{len(report.errors)} failed; {report.claims} claims stored",
        markup=False,
    )
    if not report.ok:
        raise typer.Exit(1)


@handle_errors
def relink(
    db: DbOption = None,
    event: Annotated[Optional[list[str]], typer.Option(help="Link this event again (repeatable).")] = None,
) -> None:
    """Finish linking: every event whose linking an interrupted ingest left unfinished, or the events named."""
    from annotator.ingest import relink_pending

    settings = make_settings(db)
    with opened_store(settings) as store:
        linked = relink_pending(store, event)
    say(f"linked {len(linked)} event(s)" + (": " + ", ".join(linked) if linked else "; none was waiting"))


@handle_errors
def claims(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="jsonl (one claim per line) or table.")] = "table",
    event: Annotated[Optional[str], typer.Option(help="Only claims of this event.")] = None,
    article: Annotated[Optional[str], typer.Option(help="Only claims of this article (id or source path).")] = None,
) -> None:
    """Print the stored claims."""
    if format not in ("jsonl", "table"):
        raise UsageError(f"unknown format '{format}' (choose jsonl or table)")
    settings = make_settings(db)
    with opened_store(settings, existing=True, read_only=True) as store:
        stream = store.claims.all(event=event, article=article)
        if format == "jsonl":
            write = sys.stdout.write
            for claim in stream:
                write(claim.model_dump_json() + "\n")
            return
        from rich.table import Table

        table = Table("id", "kind", "speaker", "score", "claim", "outlet", show_lines=False)
        for claim in stream:
            table.add_row(cell(claim.id), cell(claim.kind), cell(claim.speaker), f"{claim.checkworthiness:.2f}",
                          cell(claim.text), cell(claim.article.outlet or claim.article.source))
        stdout_console().print(table)


@handle_errors
def import_annotations(
    file: Annotated[Path, typer.Argument(help="Annotation records: native JSONL or Prodigy JSONL.")],
    db: DbOption = None,
    labels: LabelsOption = None,
) -> None:
    """Load annotation records; a bad line stops the import and nothing from the file is saved."""
    from itertools import chain

    from annotator.export import iter_annotation_file

    settings = make_settings(db, labels_file=labels)
    known = {label.name for label in settings.labels()}

    def checked(records):
        for number, record in enumerate(records, start=1):
            if record.label is not None and record.label not in known:
                raise ImportRecordError(f"{file}: record {number}: unknown label '{record.label}'")
            yield record

    records = iter_annotation_file(file)
    first = next(records, None)  # a missing file or a bad first line fails before any database is opened
    with opened_store(settings, existing=True) as store:
        result = store.annotations.import_records(checked(chain([first] if first else [], records)))
    say(f"{file}: {result.added} added, {result.updated} updated, {result.unchanged} unchanged")


@handle_errors
def merge(
    other_db: Annotated[str, typer.Argument(help="The other database (URL or SQLite file path).")],
    db: DbOption = None,
) -> None:
    """Bring in articles, annotations and adjudications from another database without losing any."""
    from annotator.config import normalise_database_url
    from annotator.store import merge_into, open_snapshot

    settings = make_settings(db)
    other_url = normalise_database_url(other_db)
    if other_url == settings.database_url or (
        other_url.startswith("sqlite:///") and settings.database_url.startswith("sqlite:///")
        and Path(other_url.removeprefix("sqlite:///")).resolve()
        == Path(settings.database_url.removeprefix("sqlite:///")).resolve()
    ):
        raise UsageError(f"{database(other_db)}: cannot merge a database into itself")
    with open_snapshot(other_url) as other, opened_store(settings) as store:
        result = merge_into(store, other)
    say(
        f"merged {database(other_db)}: {result.articles} articles, {result.annotations.added} annotations added, "
        f"{result.annotations.updated} updated, {result.annotations.unchanged} unchanged, "
        f"{result.adjudications} adjudications"
    )


@handle_errors
def schemas(
    out: Annotated[Path, typer.Option(help="Folder to write the JSON Schema files to.")] = Path("schemas"),
) -> None:
    """Regenerate schemas/<name>.schema.json from the models (run after changing a record)."""
    from annotator.export import write_schemas

    for path in write_schemas(out):
        print(path)
