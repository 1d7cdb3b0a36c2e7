"""`revq score` and `revq explain`: the ranked, staged, explained list sales can act on."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revq.cli.common import (
    ActivitiesOpt,
    AsOfOpt,
    ConfigOpt,
    EscapeFormulasOpt,
    Format,
    LeadsArg,
    LeadsLoadConfigOpt,
    OutOpt,
    ProjectOpt,
    SignalsOpt,
    SourceOpt,
    distinct_outputs,
    emit_text,
    exit_if_met,
    fail_on_option,
    format_option,
    new_run,
    print_views,
    project_of,
    user_errors,
)
from revq.cli.stdin import accept_stdin

if TYPE_CHECKING:
    from revq.app.run import Run
    from revq.app.score import ScoreResult

# The metrics --fail-on names in its help; the scoring module is not imported for --help.
SCORE_METRICS = (
    "disqualified, gated, gated_rate, handoff_rate, handoffs, leads, mql, nurture, pql, recycle, "
    "rejected_rate, rows_rejected, sales_ready, signal_qualified, unowned_handoffs"
)


class By(StrEnum):
    lead = "lead"
    account = "account"


TableFormats = (Format.table, Format.json, Format.csv)


@user_errors
def score(
    ctx: typer.Context,
    file: LeadsArg = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    as_of: AsOfOpt = None,
    by: Annotated[By, typer.Option("--by", help="One row per lead, or per account.")] = By.lead,
    fmt: Annotated[Format, format_option(*TableFormats)] = Format.table,
    out: OutOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows shown in the table.")] = 20,
    explain_out: Annotated[
        Path | None,
        typer.Option(
            "--explain-out",
            help="Write the explanation ledger (CSV, JSON, Parquet).",
            dir_okay=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 when a condition holds, e.g. unowned_handoffs>0,rejected_rate>0.02 "
            f"(metrics: {SCORE_METRICS})."
        ),
    ] = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            help="Write the leads in a layout named under exports in revq.yaml (the columns a "
            "CRM import wants, under its field names); to --out, else CSV on stdout.",
        ),
    ] = None,
    source: SourceOpt = None,
    load_config: LeadsLoadConfigOpt = None,
    project_file: ProjectOpt = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """Score and stage leads: fit, intent, signals and negatives; grade, quadrant, stage,
    why-now, next action and owner. Rows are ordered by total score (highest first), then
    lead id; the same inputs and --as-of give byte-identical output."""
    from revq.app import score as app
    from revq.app.inputs import parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.io.writers import SINK_SUFFIXES, check_frame_path
    from revq.render.score_view import account_summary, lead_summary

    distinct_outputs(out=out, explain_out=explain_out)
    for target in (out, explain_out):
        if target is not None:
            check_frame_path(target)  # before any work, not after it
    tested = conditions(fail_on, app.SCORE_METRICS)
    run = new_run(ctx)
    # Scored straight into a file, the leads are read as they are scored, not held (Parquet).
    sinks = out is not None and out.suffix.lower() in SINK_SUFFIXES
    result = app.score(
        run,
        project_of(project_file),
        leads=file,
        config=config,
        activities=activities,
        signals=signals,
        as_of=parse_as_of(as_of),
        by=by.value,
        export=export,
        source=source,
        load_config=load_config,
        stream=sinks,
    )
    written = None
    if by is By.account:
        for line in account_summary(result.accounts):
            run.info(line)
    else:
        if sinks and export is None:
            # streamed, never held
            written = result.write(out, escape_formulas=escape)  # type: ignore[arg-type]
        elif export is None and (out is not None or fmt is not Format.table):
            result.leads  # noqa: B018 - held for the output, so counted from it too
        for line in lead_summary(result.counts):
            run.info(line)
    if explain_out is not None:
        rows = result.write_ledger(explain_out, escape_formulas=escape)
        run.info(f"wrote the ledger ({rows:,} rows) to {explain_out}")
    _emit(run, result, fmt, out, top, written, escape)
    if tested:
        exit_if_met(run, Verdict(tested, result.metrics()))


def _emit(
    run: Run,
    result: ScoreResult,
    fmt: Format,
    out: Path | None,
    top: int,
    written: int | None,
    escape: bool,
) -> None:
    from revq.io.writers import frame_bytes
    from revq.render.score_view import score_table

    name = result.export
    if written is not None:
        run.info(f"wrote {written:,} rows to {out}")
    elif out is not None:
        count = result.write(out, escape_formulas=escape)
        if name is None:
            run.info(f"wrote {count:,} rows to {out}")
        elif count is None:
            run.info(f"wrote the {name} layout to {out}")
        else:
            run.info(f"wrote {count:,} rows in the {name} layout to {out}")
    elif name is not None:
        kind = "json" if fmt is Format.json else "csv"
        data = frame_bytes(result.exported, kind, escape=escape)
        emit_text(run, data.decode("utf-8"), None)
    elif fmt is Format.table:
        rows = result.accounts if result.by == "account" else result.head(top)
        print_views([score_table(rows, top, result.by)])
    else:
        emit_text(run, frame_bytes(result.rows, fmt.value, escape=escape).decode("utf-8"), None)


@user_errors
def explain(
    ctx: typer.Context,
    lead_ids: Annotated[list[str], typer.Argument(help="Lead ids to explain.")],
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="Leads export (default: inputs.leads).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: ConfigOpt = None,
    activities: ActivitiesOpt = None,
    signals: SignalsOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[Format, format_option(*TableFormats)] = Format.table,
    out: OutOpt = None,
    source: SourceOpt = None,
    load_config: LeadsLoadConfigOpt = None,
    project_file: ProjectOpt = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """The explanation ledger of leads, rule by rule (raw points, decay factor, cap, points
    counted), with the scores and the stage decision path."""
    from revq.app import score as app
    from revq.app.inputs import parse_as_of
    from revq.render.score_view import explain_views

    run = new_run(ctx)
    result = app.explain(
        run,
        project_of(project_file),
        lead_ids,
        leads=leads,
        config=config,
        activities=activities,
        signals=signals,
        as_of=parse_as_of(as_of),
        source=source,
        load_config=load_config,
    )
    if fmt is not Format.table:
        if out is not None:
            result.write(out, fmt.value, escape_formulas=escape)  # type: ignore[arg-type]
        else:
            text = result.to_json() if fmt is Format.json else result.to_csv(escape_formulas=escape)
            emit_text(run, text, None)
        return
    print_views(explain_views(result.unordered_ledger, result.scored, result.model, lead_ids))
