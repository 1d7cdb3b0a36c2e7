"""`revq score` and `revq explain`: the ranked, staged, explained list sales can act on."""

from __future__ import annotations

import shlex
from datetime import timedelta
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
    examples,
    exit_if_met,
    fail_on_option,
    format_option,
    hint,
    new_run,
    print_view,
    project_of,
    user_errors,
    view_width,
)
from revq.cli.stdin import accept_stdin
from revq.errors import RevqError

if TYPE_CHECKING:
    from revq.app.run import Run
    from revq.app.score import ScoreResult

# The metrics --fail-on names in its help; the scoring module is not imported for --help.
SCORE_METRICS = (
    "converted, disqualified, gated, gated_rate, handoff_rate, handoffs, leads, mql, nurture, pql, "
    "recycled, rejected_rate, rows_rejected, sales_ready, signal_qualified, unowned_handoffs"
)


class By(StrEnum):
    lead = "lead"
    account = "account"


TableFormats = (Format.table, Format.json, Format.csv)


@examples(
    ("the 20 leads to call first, as of a day", "revq score --as-of 2026-10-31"),
    (
        "the CRM import layout named under exports in revq.yaml",
        "revq score --as-of 2026-10-31 --export hubspot --out today.csv",
    ),
    (
        "scored by DuckDB, which reads the exports itself (same bytes as polars)",
        "revq score --as-of 2026-10-31 --engine duckdb --out scored.csv",
    ),
)
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
    top: Annotated[
        int, typer.Option("--top", min=1, help="Rows shown in the table (1 or more).")
    ] = 20,
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
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="ENGINE",
            help="Where to score: polars (here), duckdb or spark (they read the exports "
            "themselves; spark is local[2], or a master URL: spark://host:7077, local[4]), "
            "warehouse (warehouse.url in revq.yaml), or a connection URL "
            "(duckdb:///wh.db, postgres://user:${VAR}@host/db; ${VAR} from the environment).",
        ),
    ] = "polars",
    into: Annotated[
        str | None,
        typer.Option(
            "--into",
            metavar="SCHEMA.TABLE",
            help="With --engine: write the scored leads into this table of the engine "
            "(replaced if there) instead of bringing them back.",
        ),
    ] = None,
) -> None:
    """Score and stage leads: fit, intent, signals and negatives; grade, quadrant, stage,
    why-now, next action and owner. Rows are ordered by total score (highest first), then
    lead id; the same inputs and --as-of give byte-identical output."""
    from revq.app import score as app
    from revq.app.inputs import parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.io.writers import SINK_SUFFIXES, check_frame_path, refuse_input
    from revq.render.score_view import account_summary, lead_summary

    distinct_outputs(out=out, explain_out=explain_out)
    for target in (out, explain_out):
        if target is not None:
            check_frame_path(target)  # before any work, not after it
    tested = conditions(fail_on, app.SCORE_METRICS)
    run = new_run(ctx)
    if engine != "polars" or into is not None:
        _engine_score(ctx, run, locals())
        return
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
    for target in (out, explain_out):
        if target is not None:
            refuse_input(target, run.guarded(*result.inputs.inputs))
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
    first = _emit(ctx, run, result, fmt, out, top, written, escape)
    if first is not None:
        hint(
            run,
            f"revq explain {shlex.quote(first)}",
            "why it scored as it did",
            as_of=as_of,
            project=project_file,
        )
    if tested:
        exit_if_met(run, Verdict(tested, result.metrics()))


def _engine_score(ctx: typer.Context, run: Run, given: dict[str, object]) -> None:
    """`revq score --engine ...`: scored in another engine, then output as the polars
    engine's would be."""
    from revq.engines.errors import require_ibis

    require_ibis()
    from revq.app import score as app
    from revq.app.engine_score import engine_score
    from revq.app.inputs import parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.io.writers import frame_bytes
    from revq.render.score_view import converted_count, lead_summary, score_view

    engine, into, out = str(given["engine"]), given["into"], given["out"]
    fmt, escape = given["fmt"], bool(given["escape"])
    if engine == "polars":
        raise RevqError("--into writes into a table of another engine: name one with --engine")
    if given["by"] is not By.lead:
        raise RevqError("--by account rolls up with --engine polars; leave --engine out")
    if given["explain_out"] is not None:
        raise RevqError("--explain-out writes the polars engine's ledger; leave --engine out")
    if into is not None and (out is not None or fmt is not Format.table):
        raise RevqError("--into writes into a table: it goes with neither --out nor --format")
    project = project_of(given["project_file"])  # type: ignore[arg-type]
    export = given["export"]
    result = engine_score(
        run,
        project,
        engine=engine,
        as_of=parse_as_of(given["as_of"]),  # type: ignore[arg-type]
        leads=given["file"],  # type: ignore[arg-type]
        config=given["config"],  # type: ignore[arg-type]
        activities=given["activities"],  # type: ignore[arg-type]
        signals=given["signals"],  # type: ignore[arg-type]
        into=into,  # type: ignore[arg-type]
        export=export,  # type: ignore[arg-type]
        layout=app.export_spec(project, export, "lead"),  # type: ignore[arg-type]
        source=given["source"],  # type: ignore[arg-type]
        load_config=given["load_config"],  # type: ignore[arg-type]
    )
    for line in lead_summary(result.counts):
        run.info(line)
    if into is not None:
        run.info(f"wrote {result.rows:,} rows into {into} ({result.engine})")
    elif out is not None:
        count = result.write(out, escape_formulas=escape)  # type: ignore[arg-type]
        run.info(f"wrote {count:,} rows to {out}")
    elif export is not None:
        kind = "json" if fmt is Format.json else "csv"
        emit_text(run, frame_bytes(result.exported, kind, escape=escape).decode("utf-8"), None)
    elif fmt is Format.table:
        as_of = f"{result.as_of - timedelta(days=1):%Y-%m-%d}"
        top = int(given["top"])  # type: ignore[call-overload]
        shown = result.head(top + 1, to_work=True)  # one more: does the list end in a tie?
        done = converted_count(result.counts)
        print_view(ctx, score_view(shown, result.rows, as_of, view_width(), done, top))
    else:
        emit_text(run, frame_bytes(result.leads, str(fmt), escape=escape).decode("utf-8"), None)
    tested = conditions(given["fail_on"], app.SCORE_METRICS)  # type: ignore[arg-type]
    if tested:
        exit_if_met(run, Verdict(tested, result.metrics()))


def _emit(
    ctx: typer.Context,
    run: Run,
    result: ScoreResult,
    fmt: Format,
    out: Path | None,
    top: int,
    written: int | None,
    escape: bool,
) -> str | None:
    """The result in the format asked for; the id of the lead the table shows first."""
    from revq.io.writers import frame_bytes
    from revq.render.score_view import account_view, converted_count, score_view

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
    elif fmt is Format.table and result.by == "account":
        print_view(ctx, account_view(result.accounts, top, view_width()))
    elif fmt is Format.table:
        total = int(result.counts["len"].sum())
        as_of = f"{result.as_of - timedelta(days=1):%Y-%m-%d}"  # the end of this day
        # the call list: a lead converted already is past it, whatever it scores
        shown = result.head(top + 1, to_work=True)  # one more: does the list end in a tie?
        done = converted_count(result.counts)
        print_view(ctx, score_view(shown, total, as_of, view_width(), done, top))
        return str(shown["lead_id"][0]) if shown.height else None
    else:
        emit_text(run, frame_bytes(result.rows, fmt.value, escape=escape).decode("utf-8"), None)
    return None


@examples(
    (
        "the rules behind a lead's score, and how its stage was decided",
        "revq explain 81585149 --as-of 2026-10-31",
    ),
    (
        "two leads' ledgers as CSV, for a spreadsheet",
        "revq explain 81585149 75577382 --as-of 2026-10-31 --format csv",
    ),
)
@user_errors
def explain(
    ctx: typer.Context,
    lead_ids: Annotated[
        list[str], typer.Argument(help="Lead ids to explain, as `revq score` shows them.")
    ],
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
    from revq.render.score_view import explain_view

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
    if fmt is not Format.table or out is not None:
        if out is not None:  # the table view is for a terminal: a file gets the data, by suffix
            chosen = None if fmt is Format.table else fmt.value
            result.write(out, chosen, escape_formulas=escape)  # type: ignore[arg-type]
        else:
            text = result.to_json() if fmt is Format.json else result.to_csv(escape_formulas=escape)
            emit_text(run, text, None)
        return
    view = explain_view(
        result.unordered_ledger, result.scored, result.model, lead_ids, view_width()
    )
    print_view(ctx, view)
