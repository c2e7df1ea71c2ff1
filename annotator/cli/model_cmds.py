"""Commands that learn check-worthiness from the team's labels: train and rescore."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from annotator.cli.common import DbOption, fail, handle_errors, make_settings, opened_store, stderr_console

ModelOption = Annotated[Path, typer.Option("--model", help="A model folder written by `annotator train`.")]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("train")(train)
    app.command("rescore")(rescore)


def _bar(label: str) -> Progress:
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=stderr_console(), transient=True)


@handle_errors
def train(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the model and metrics.json to.")],
    db: DbOption = None,
    data: Annotated[Optional[list[Path]], typer.Option(
        "--data", help="Labelled sentences: JSONL {\"text\", \"label\"}, ClaimBuster JSON or CSV (repeatable).")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the dev split and of training.")] = 0,
    architecture: Annotated[str, typer.Option(
        help="tagged (character n-grams, words, part-of-speech tags, entity types), features (words, shapes, "
             "suffixes), bow (words) or ensemble (words + a CNN).")] = "tagged",
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the training sentences.")] = 4,
) -> None:
    """Train a spaCy check-worthiness classifier on the database's resolved labels and --data files."""
    from annotator.learn import train_from_labels

    settings = make_settings(db)
    data_files = list(data or [])
    url = settings.database_url
    missing = url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists()
    if missing and (db is not None or os.environ.get("ANNOTATOR_DB") or not data_files):
        raise fail(f"{url.removeprefix('sqlite:///')}: no such database file", 2)
    with _bar("train") as bar:
        task = bar.add_task("train", total=None)

        def advance(done: int, planned: int) -> None:
            bar.update(task, completed=done, total=planned)

        if missing:
            run = train_from_labels(None, out, data_files=data_files, seed=seed, architecture=architecture,
                                    epochs=epochs, on_progress=advance)
        else:
            with opened_store(settings) as store:
                run = train_from_labels(store, out, data_files=data_files, seed=seed, architecture=architecture,
                                        epochs=epochs, on_progress=advance)
    metrics = run.metrics
    dev = metrics.dev
    counts = metrics.counts
    auc = f"{dev.roc_auc:.3f}" if dev.roc_auc is not None else "n/a"
    stderr_console().print(
        f"model {metrics.version} written to {out}: trained on {counts['train'].total} sentences "
        f"({counts['train'].positive} check-worthy) in {metrics.seconds:.0f}s; dev {counts['dev'].total}: "
        f"P {dev.precision:.3f} R {dev.recall:.3f} F1 {dev.f1:.3f} AUC {auc}",
        markup=False,
    )


@handle_errors
def rescore(
    model: ModelOption,
    db: DbOption = None,
    event: Annotated[Optional[str], typer.Option(help="Only claims of this event.")] = None,
    unlabelled: Annotated[bool, typer.Option("--unlabelled", help="Only claims nobody labelled yet.")] = False,
) -> None:
    """Re-score stored claims with a trained model, in batches; annotations are never touched."""
    from annotator.extract.cw_model import load_model
    from annotator.learn import rescore_claims

    settings = make_settings(db)
    url = settings.database_url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise fail(f"{url.removeprefix('sqlite:///')}: no such database file", 2)
    loaded = load_model(model)
    with opened_store(settings) as store, _bar("rescore") as bar:
        task = bar.add_task("rescore", total=None)
        report = rescore_claims(store, loaded, event=event, unlabelled_only=unlabelled,
                                on_progress=lambda done, total: bar.update(task, completed=done, total=total))
    stderr_console().print(f"{report.scored} claims scored by model {report.model_version}", markup=False)
