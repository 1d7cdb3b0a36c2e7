"""`revq diff OLD.yaml NEW.yaml [LEADS]`: what a scoring config change would do, for a PR."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    ActivitiesOpt,
    AsOfOpt,
    Format,
    LeadsArg,
    LeadsLoadConfigOpt,
    OutOpt,
    ProjectOpt,
    SignalsOpt,
    emit_text,
    examples,
    exit_if_met,
    fail_on_option,
    format_option,
    new_run,
    print_view,
    project_of,
    user_errors,
    view_width,
)


@examples(
    (
        "what a refit config would change, as Markdown for a pull request",
        "revq diff ../configs/scoring.yaml suggested.yaml --as-of 2026-10-31",
    ),
    (
        "the same in the terminal",
        "revq diff ../configs/scoring.yaml suggested.yaml --as-of 2026-10-31 --format table",
    ),
)
@user_errors
def diff_command(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(help="The current scoring config.", dir_okay=False)],
    new: Annotated[Path, typer.Argument(help="The proposed scoring config.", dir_okay=False)],
    leads: LeadsArg = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    outcome: Annotated[
        str | None,
        typer.Option("--outcome", help="Outcome column, to compare conversion capture."),
    ] = None,
    as_of: AsOfOpt = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Leads listed per change.")] = 20,
    fmt: Annotated[
        Format | None,
        format_option(
            Format.table,
            Format.md,
            Format.json,
            help="Output format (default: what --out is named for: .json or .md).",
            show_default=False,
        ),
    ] = None,
    out: OutOpt = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 when a condition holds, e.g. changed_stage_share>0.1 "
            "(also changed_quadrant_share, gained_sales_ready, lost_sales_ready)."
        ),
    ] = None,
    load_config: LeadsLoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """Score the same leads with two configs and show what changes: stage and quadrant
    transitions, who gains and loses sales-ready status, each owner's queue, and (with
    --outcome) conversion capture. Markdown by default, fit for a pull-request comment."""
    from revq.app.diff import compare_configs, metric_names
    from revq.app.inputs import parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.render.backtest_view import diff_view

    tested = conditions(fail_on, metric_names())
    run = new_run(ctx)
    result = compare_configs(
        run,
        project_of(project_file),
        old,
        new,
        leads=leads,
        activities=activities,
        signals=signals,
        outcome=outcome,
        as_of=parse_as_of(as_of),
        top=top,
        load_config=load_config,
    )
    if fmt is Format.table and out is None:
        print_view(ctx, diff_view(result.report, view_width()))
    elif fmt is None and out is not None:  # the file's suffix says which
        result.write(out)
        run.info(f"wrote the diff to {out}")
    else:
        text = result.to_json() if fmt is Format.json else result.markdown()
        emit_text(run, text, out, result.inputs, "the diff")
    exit_if_met(run, Verdict(tested, result.metrics()))
