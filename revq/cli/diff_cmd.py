"""`revq diff OLD.yaml NEW.yaml [LEADS]`: what a scoring config change would do, for a PR."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from revq.cli.backtest_cmd import outcome_expr, pick_outcome
from revq.cli.common import OutOpt, ProjectOpt, emit_text, exit_if_met, ui, user_errors
from revq.cli.score_cmd import (
    ActivitiesOpt,
    AsOfOpt,
    Inputs,
    LeadsArg,
    LoadConfigOpt,
    SignalsOpt,
    parse_as_of,
)
from revq.config.scoring import Compiled, check_columns, load_scoring
from revq.core import backtest, diff
from revq.core.backtest import OUTCOME
from revq.core.fail_on import FailOnError, parse_fail_on
from revq.errors import RevqError
from revq.io.writers import to_json
from revq.render.backtest_view import diff_markdown, diff_tables

STAGE_ORDER = (
    "sales_ready",
    "signal_qualified",
    "pql",
    "mql",
    "nurture",
    "recycle",
    "disqualified",
)


class DiffFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


@user_errors
def diff_command(
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
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = (
        DiffFormat.md
    ),
    out: OutOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a condition holds, e.g. changed_stage_share>0.1 "
            "(also changed_quadrant_share, gained_sales_ready, lost_sales_ready).",
        ),
    ] = None,
    load_config: LoadConfigOpt = None,
    project_file: ProjectOpt = None,
) -> None:
    """Score the same leads with two configs and show what changes: stage and quadrant
    transitions, who gains and loses sales-ready status, each owner's queue, and (with
    --outcome) conversion capture. Markdown by default, fit for a pull-request comment."""
    conditions = []
    if fail_on:
        names = set(diff.summary(pl.DataFrame(schema=_EMPTY)))
        try:
            conditions = parse_fail_on(fail_on, names)
        except FailOnError as exc:
            raise RevqError(str(exc)) from None
    proposed = load_scoring(new)  # config errors before any data is read
    run = Inputs(leads, old, activities, signals, None, project_file, load_config)
    check_columns(
        proposed,
        new,
        set(run.leads.frame.columns),
        set(run.activities.columns) if run.activities is not None else None,
    )
    when = parse_as_of(as_of)
    before = run.score(when).collect()
    after = run.score(when, proposed.model).collect()
    paired = diff.pair(before, after)
    summary = diff.summary(paired)
    seen = set(paired["old_stage"].to_list()) | set(paired["new_stage"].to_list())
    stages = [s for s in STAGE_ORDER if s in seen] + sorted(seen - set(STAGE_ORDER))
    matrix: dict[str, dict[str, int]] = {}
    for row in diff.transitions(paired, "stage").to_dicts():
        matrix.setdefault(row["old"], {})[row["new"]] = row["leads"]
    report: dict[str, Any] = {
        "old": str(old),
        "new": str(new),
        "as_of": (when.date().fromordinal(when.date().toordinal() - 1)).isoformat(),
        "summary": summary,
        "stages": stages,
        "transitions": matrix,
        "quadrants": diff.transitions(paired, "quadrant")
        .filter(pl.col("old") != pl.col("new"))
        .to_dicts(),
        "owners": diff.owner_queues(paired).filter(pl.col("change") != 0).to_dicts()
        if "old_owner" in paired.columns
        else [],
        "gained": diff.sales_ready_moves(paired, True).head(top).to_dicts(),
        "lost": diff.sales_ready_moves(paired, False).head(top).to_dicts(),
    }
    if outcome is not None:
        report["capture"] = _capture(run, outcome, before, after, run.compiled, proposed)
    _emit(report, fmt, out, [*run.inputs, new])
    exit_if_met(conditions, summary)


_EMPTY = {
    "old_stage": pl.String,
    "new_stage": pl.String,
    "old_quadrant": pl.String,
    "new_quadrant": pl.String,
}


def _capture(
    run: Inputs,
    column: str,
    before: pl.DataFrame,
    after: pl.DataFrame,
    old: Compiled,
    new: Compiled,
) -> list[dict[str, Any]]:
    frame = run.leads.frame
    column = pick_outcome(frame, column, run.leads.mapping)
    outcomes = frame.select("lead_id", outcome_expr(frame, column))
    rows = []
    for name, scored, compiled in (("old", before, old), ("new", after, new)):
        joined = scored.select("lead_id", "total_score").join(outcomes, on="lead_id")
        cut = {"sales_ready": compiled.model.decision.sales_ready}
        row = backtest.at_thresholds(joined.rename({}).with_columns(pl.col(OUTCOME)), cut).row(
            0, named=True
        )
        rows.append({"config": name, **row})
    return rows


def _emit(report: dict[str, Any], fmt: DiffFormat, out: Path | None, inputs: list[Path]) -> None:
    if fmt is DiffFormat.table and out is None:
        for renderable in diff_tables(report):
            ui.out.print(renderable)
        return
    text = diff_markdown(report) if fmt is DiffFormat.md else to_json(report)
    emit_text(text, out, inputs, "the diff")
