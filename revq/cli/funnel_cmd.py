"""`revq funnel`: conversion, velocity, lead velocity, win rate and speed to lead."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    AllowEmptyOpt,
    AsOfOpt,
    EscapeFormulasOpt,
    Format,
    HistoryOpt,
    OutOpt,
    ProjectOpt,
    distinct_outputs,
    emit_text,
    examples,
    exit_if_met,
    fail_on_option,
    format_option,
    hint,
    iso_date,
    new_run,
    print_view,
    project_of,
    user_errors,
    view_width,
)
from revq.cli.stdin import accept_stdin, accept_stdin_list


class Period(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"


class Method(StrEnum):
    cohort = "cohort"
    period = "period"
    both = "both"


@examples(
    ("the funnel by month, what stands out first", "revq funnel --as-of 2026-10-31"),
    (
        "conversions by quarter, cut by lead source",
        "revq funnel --as-of 2026-10-31 --period quarter --by lead_source",
    ),
    (
        "the funnel as Markdown, to a file",
        "revq funnel --as-of 2026-10-31 --format md --out funnel.md",
    ),
)
@user_errors
def funnel_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Exports in any order; each goes to the input its headers say it is (stage "
            "history, leads, opportunities, dispositions), several of one input read as one; "
            "- reads stdin.",
            dir_okay=False,
            show_default=False,
            callback=accept_stdin_list,
        ),
    ] = None,
    history: HistoryOpt = None,
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="Leads export, for --by and for stage dates when there is no history.",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    opportunities: Annotated[
        Path | None,
        typer.Option(
            "--opportunities",
            help="Opportunities export (win rate).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    dispositions: Annotated[
        Path | None,
        typer.Option(
            "--dispositions",
            help="Dispositions export (speed to lead).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Funnel config.", dir_okay=False)
    ] = None,
    spend: Annotated[
        Path | None,
        typer.Option(
            "--spend",
            help="Marketing spend (CSV with period and spend columns, "
            "YYYY-MM or dates) for cost per MQL and SQL.",
            dir_okay=False,
        ),
    ] = None,
    period: Annotated[
        Period | None,
        typer.Option("--period", help="Reporting period (default: period in the funnel config)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="A lead column to cut conversions by (lead_source, owner, ...).",
            metavar="COLUMN",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
    ] = None,
    as_of: AsOfOpt = None,
    allow_empty: AllowEmptyOpt = False,
    method: Annotated[
        Method | None,
        typer.Option(
            "--method",
            help="Conversion rates by cohort (of those entering A in the period, the share "
            "reaching B), by period (B entered / A entered in the period), or both (default: "
            "method in the funnel config).",
        ),
    ] = None,
    fmt: Annotated[
        Format, format_option(Format.table, Format.json, Format.csv, Format.md)
    ] = Format.table,
    out: OutOpt = None,
    entries_out: Annotated[
        Path | None,
        typer.Option(
            "--entries-out",
            help="Write each lead's time in each stage here (first and latest entry, entries, "
            "cumulative days): .csv, .parquet, .xlsx, .json, .jsonl or .tsv.",
            dir_okay=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 when a condition on a headline metric holds, e.g. sla_compliance<0.9"
        ),
    ] = None,
    project_file: ProjectOpt = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """Funnel metrics by period: stage conversions by cohort and by period, velocity between
    stages, lead velocity rate, win rate, and speed to lead against the SLA, each headline
    against its benchmark band."""
    from revq.app.funnel import assign_inputs, compute_funnel
    from revq.app.inputs import check_window, parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.io.writers import check_frame_path, refuse_input
    from revq.render.funnel_view import funnel_view

    if entries_out is not None:
        check_frame_path(entries_out)
    distinct_outputs(out=out, entries_out=entries_out)
    project = project_of(project_file)
    given = {
        "stage_history": history,
        "leads": leads,
        "opportunities": opportunities,
        "dispositions": dispositions,
    }
    roles = assign_inputs(project, files or [], dict(given))
    check_window(since, until)
    run = new_run(ctx)
    result = compute_funnel(
        run,
        project,
        history=roles["stage_history"],
        leads=roles["leads"],
        opportunities=roles["opportunities"],
        dispositions=roles["dispositions"],
        config=config,
        spend=spend,
        period=period.value if period is not None else None,
        by=by,
        since=since,
        until=until,
        when=parse_as_of(as_of),
        method=method.value if method is not None else None,
        allow_empty=allow_empty,
    )
    for target in (entries_out, out):
        if target is not None:
            refuse_input(target, run.guarded(*result.inputs))
    if entries_out is not None:
        rows = result.write_entries(entries_out, escape_formulas=escape)
        run.info(f"wrote {rows:,} lead and stage rows to {entries_out}")
    if fmt is Format.table and out is None:
        report = result.to_dict()
        print_view(ctx, funnel_view(report, view_width()))
        if result.measured:  # a report of a funnel without figures has none either
            hint(
                run,
                "revq report --weekly" if report["period"] == "week" else "revq report --monthly",
                "the same figures as a report, with charts",
                as_of=as_of,
                project=project_file,
            )
    elif fmt is Format.table:  # --out without --format: the file's suffix says which
        result.write(out)  # type: ignore[arg-type]
        run.info(f"wrote the funnel to {out}")
    else:
        if fmt is Format.csv:
            text = result.conversions_csv(escape_formulas=escape)
        else:
            text = result.markdown() if fmt is Format.md else result.to_json()
        emit_text(run, text, out, result.inputs, "the funnel")
    if fail_on:
        values = result.metrics()
        exit_if_met(run, Verdict(conditions(fail_on, values), values))
