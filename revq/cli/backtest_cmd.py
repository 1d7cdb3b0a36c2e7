"""`revq backtest`: score each lead as of its own decision time and compare with outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    ActivitiesOpt,
    AsOfOpt,
    ConfigOpt,
    Format,
    HistoryOpt,
    LeadsArg,
    LeadsLoadConfigOpt,
    OutOpt,
    ProjectOpt,
    SignalsOpt,
    emit_text,
    examples,
    format_option,
    hint,
    new_run,
    print_view,
    project_of,
    shown_path,
    user_errors,
    view_width,
)


@examples(
    ("how well the scores foretold conversion", "revq backtest --as-of 2026-10-31"),
    (
        "the threshold that fits a team that works 50 leads a week",
        "revq backtest --as-of 2026-10-31 --capacity 50/week",
    ),
    (
        "refit the points and write a suggested config",
        "revq backtest --as-of 2026-10-31 --suggest suggested.yaml",
    ),
)
@user_errors
def backtest_command(
    ctx: typer.Context,
    file: LeadsArg = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="Outcome column: yes/no, a number, or a date reached (default: the first of "
            "is_converted, is_won, opportunity_at, sql_at; else a won opportunity, or SQL, "
            "in the project's opportunities or stage history).",
        ),
    ] = None,
    reached: Annotated[
        str | None,
        typer.Option(
            "--reached",
            help="Outcome from the stage history: the lead reached this stage (sql, "
            "opportunity, won, ...). Stage dates from the history also serve --decision-time.",
        ),
    ] = None,
    history: HistoryOpt = None,
    decision_time: Annotated[
        str | None,
        typer.Option(
            "--decision-time",
            help="Date columns, first present wins, giving each lead's decision time; it is "
            "scored with only what was known then (default: mql_at, then created_at, those "
            "the leads have).",
            show_default=False,
        ),
    ] = None,
    capacity: Annotated[
        str | None,
        typer.Option("--capacity", help="Sales capacity: 50/week, or a total like 400."),
    ] = None,
    suggest: Annotated[
        Path | None,
        typer.Option(
            "--suggest",
            help="Refit the rule points and write the suggested config here (needs the "
            "calibrate extra: pip install 'revq\\[calibrate]').",
            dir_okay=False,
        ),
    ] = None,
    holdout: Annotated[
        float,
        typer.Option(
            "--holdout", min=0.05, max=0.9, help="Held-out share for --suggest, 0.05 to 0.9."
        ),
    ] = 0.3,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the held-out split.")] = 7,
    as_of: AsOfOpt = None,
    fmt: Annotated[Format, format_option(Format.table, Format.md, Format.json)] = Format.table,
    out: OutOpt = None,
    load_config: LeadsLoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """Backtest a scoring config against outcomes: each lead scored as of its own decision
    time, then conversion by decile and fit x intent cell, AUC, precision and recall at the
    thresholds, calibration, a threshold sweep against capacity, and per-rule evidence.
    --suggest refits the points and writes a new config, never over the old one."""
    from revq.app.backtest import run_backtest
    from revq.app.inputs import parse_as_of
    from revq.render.backtest_view import backtest_view

    run = new_run(ctx)
    result = run_backtest(
        run,
        project_of(project_file),
        leads=file,
        config=config,
        activities=activities,
        signals=signals,
        outcome=outcome,
        reached=reached,
        history=history,
        decision_time=decision_time,
        capacity=capacity,
        suggest=suggest,
        holdout=holdout,
        seed=seed,
        as_of=parse_as_of(as_of),
        load_config=load_config,
    )
    if fmt is Format.table and out is None:
        config_path = shown_path(result.report["config"])
        print_view(ctx, backtest_view({**result.report, "config": config_path}, view_width()))
        if suggest is None:
            hint(run, "revq backtest --suggest suggested.yaml", "refit the points", as_of=as_of)
        else:
            hint(run, f"revq diff {config_path} {suggest}", "what the refit changes", as_of=as_of)
        return
    if fmt is Format.table:  # --out without --format: the file's suffix says which
        result.write(out)  # type: ignore[arg-type]
        run.info(f"wrote the backtest to {out}")
        return
    text = result.markdown() if fmt is Format.md else result.to_json()
    emit_text(run, text, out, result.inputs, "the backtest")
