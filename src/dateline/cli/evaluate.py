"""``dateline eval …``: score the extractors on public gold data sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dateline.cli.app import ModelOption, app, console
from dateline.nlp import load_pipeline
from dateline.settings import shared_data_dir

eval_app = typer.Typer(help="Score Dateline's extractors on public gold data sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


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
