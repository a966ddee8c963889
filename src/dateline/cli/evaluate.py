"""``dateline eval …``: score the extractors on public gold data sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dateline.cli.app import ModelOption, app, console, console_err
from dateline.settings import shared_data_dir

eval_app = typer.Typer(help="Score Dateline's extractors on public gold data sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("extraction")
def extraction(
    data: Annotated[
        Path | None, typer.Option("--data", help="A NAEB-format folder (default: ../shared/data/extraction/naeb-dev).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N pages.")] = None,
) -> None:
    """Body F1 (NAEB 4-gram scorer), exact-day dates, titles and authors: ours vs plain trafilatura."""
    from dateline.evaluate.extraction import evaluate_extraction

    folder = data or shared_data_dir() / "extraction" / "naeb-dev"
    if not folder.is_dir():
        console_err.print(f"[red]error:[/red] {folder}: no such folder; pass --data", highlight=False)
        raise typer.Exit(2)
    scores = evaluate_extraction(folder, limit)
    if as_json:
        typer.echo(json.dumps([s.to_json() for s in scores], indent=2))
        return
    table = Table(title=f"Article extraction on {folder} ({scores[0].pages} pages)")
    for column in ("extractor", "P", "R", "F1", "empty", "date", "title", "author", "s"):
        table.add_column(column, justify="left" if column == "extractor" else "right", no_wrap=True)
    for s in scores:
        table.add_row(
            s.name,
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.f1:.4f}",
            str(s.empty),
            f"{s.dates_right}/{s.dates_gold}",
            f"{s.titles_right}/{s.titles_gold}",
            f"{s.authors_right}/{s.authors_gold}",
            f"{s.seconds:.1f}",
        )
    console.print(table)
    console.print("date = exact day, title and author = exact match (case and spacing folded)", highlight=False)


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", help="The shared gold data folder (default: ../shared/data beside the checkout, or $DATELINE_DATA)."
    ),
]


@eval_app.command("events")
def events(
    data: DataOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N sentences of each set.")] = None,
    model: ModelOption = None,
) -> None:
    """Score event coding: PLOVER types and actor codes (plover-dev), PETRARCH2 syntax regression."""
    from dateline.evaluate.events import score_petrarch, score_plover
    from dateline.nlp import load_pipeline

    root = data or shared_data_dir()
    nlp = load_pipeline(model)
    plover = score_plover(root, nlp, limit=limit)
    petrarch = score_petrarch(root, nlp, limit=limit)
    report = {"plover": plover.as_dict(), "petrarch2": petrarch.as_dict()}
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    _print_plover(report["plover"])
    _print_petrarch(report["petrarch2"])


def _print_plover(r: dict[str, Any]) -> None:
    micro, macro = r["micro"], r["macro"]
    console.print(
        f"[bold]PLOVER dev[/bold] · {r['sentences']} sentences · {r['gold_events']} gold / "
        f"{r['predicted_events']} predicted events"
    )
    console.print(
        f"type micro P {micro['precision']:.3f} R {micro['recall']:.3f} F1 {micro['f1']:.3f} · "
        f"macro P {macro['precision']:.3f} R {macro['recall']:.3f} F1 {macro['f1']:.3f}"
    )
    table = Table("type", "P", "R", "F1", "tp", "fp", "fn")
    for name, s in r["per_type"].items():
        table.add_row(
            name,
            f"{s['precision']:.2f}",
            f"{s['recall']:.2f}",
            f"{s['f1']:.2f}",
            *(str(s[k]) for k in ("tp", "fp", "fn")),
        )
    console.print(table)
    a = r["actors"]
    console.print(
        "actor codes (gold events paired with a prediction): "
        + " · ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in a.items())
    )
    confusion = sorted(r["confusion"], key=lambda c: -c["count"])
    console.print(
        "confusions (gold → predicted, '-' = none): "
        + ", ".join(f"{c['gold']}→{c['predicted']} {c['count']}" for c in confusion)
    )


def _print_petrarch(r: dict[str, Any]) -> None:
    console.print(
        f"[bold]PETRARCH2 unit tests[/bold] (syntax regression) · {r['sentences']} sentences · "
        f"root match any {r['root_any_match']:.3f} · exact {r['root_exact_match']:.3f} · "
        f"no-event abstention {r['no_event_abstention']}"
    )
    console.print("by category: " + ", ".join(f"{k} {v}" for k, v in r["by_category"].items()))


@eval_app.command("quotes")
def quotes(
    split: Annotated[str, typer.Option("--split", help="PolNeAR split: dev or train.")] = "dev",
    data: Annotated[
        Path | None, typer.Option("--data", help="PolNeAR folder (default: ../shared/data/quotes/polnear).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first N articles (by file name).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    model: ModelOption = None,
) -> None:
    """Quotes and speakers on PolNeAR: GGT-style F1, per-role exact F1, who-said-what F1."""
    from dateline.evaluate.polnear import PolnearMissing
    from dateline.evaluate.quotes import evaluate_polnear
    from dateline.nlp import load_pipeline

    root = data or shared_data_dir() / "quotes" / "polnear"
    if split not in ("dev", "train"):
        console_err.print(f"[red]unknown split {split!r}: use dev or train[/red]")
        raise typer.Exit(2)
    if not root.is_dir():
        console_err.print(
            f"[red]PolNeAR not found at {root}; pass --data PATH (the folder holding dev/ and train/)[/red]"
        )
        raise typer.Exit(1)
    try:
        report = evaluate_polnear(load_pipeline(model), root, split, limit)
    except PolnearMissing as err:
        console_err.print(f"[red]{err}[/red]")
        raise typer.Exit(1) from err
    if as_json:
        console.print_json(json.dumps(report.as_dict()))
        return
    console.print(_table(report.as_dict()))


def _table(figures: dict[str, Any]) -> Table:
    """One row per metric and split, narrow enough for an 80-column terminal."""
    table = Table(title=f"PolNeAR {figures['split']} · {figures['articles']} articles · {figures['seconds']} s")
    for column in ("metric", "split", "P", "R", "F1", "speaker"):
        table.add_column(column, justify="left" if column in ("metric", "split") else "right", no_wrap=True)
    for metric, splits in figures.items():
        if not isinstance(splits, dict):
            continue
        for split in ("all", "direct", "indirect"):
            v = splits.get(split)
            if not v:
                continue
            speaker = f"{v['speaker_match']:.3f}" if "speaker_match" in v else ""
            table.add_row(
                metric if split == "all" else "",
                split,
                f"{v['p']:.3f}",
                f"{v['r']:.3f}",
                f"[bold]{v['f1']:.3f}[/bold]",
                speaker,
            )
    table.caption = (
        "speaker = share of matched quotes whose speaker mention overlaps the gold source; --json for counts"
    )
    return table
