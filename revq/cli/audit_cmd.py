"""`revq audit rejections`: what sales rejected, by reason, source, rep and score band."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    AllowEmptyOpt,
    AsOfOpt,
    EscapeFormulasOpt,
    Format,
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
from revq.cli.stdin import accept_stdin

audit_app = typer.Typer(help="Audits of the sales hand-off.", no_args_is_help=True)


@audit_app.command("rejections")
@examples(
    ("what sales rejected and why, findings first", "revq audit rejections --as-of 2026-10-31"),
    (
        "two cuts, as Markdown for a wiki page",
        "revq audit rejections --as-of 2026-10-31 --by rep,score_band --format md",
    ),
    (
        "the leads to re-check, and when",
        "revq audit rejections --as-of 2026-10-31 --recycle-out recycle.csv",
    ),
)
@user_errors
def rejections(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Dispositions export (default: inputs.dispositions; - reads stdin).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="A `revq score` output, or a leads export to score with --config.",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Scoring config.", dir_okay=False)
    ] = None,
    reasons: Annotated[
        Path | None,
        typer.Option(
            "--reasons",
            help="Reason taxonomy (default: configs.reasons, else configs/reasons.yaml, else "
            "the built-in one).",
            dir_okay=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", callback=iso_date, help="First disposition day (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", callback=iso_date, help="Last disposition day (YYYY-MM-DD)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Comma-separated cuts (default: lead_source, rep, score_band, quadrant, stage, "
            "signal_type and month, those the data has).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    allow_empty: AllowEmptyOpt = False,
    fmt: Annotated[
        Format, format_option(Format.table, Format.md, Format.json, Format.csv)
    ] = Format.table,
    out: OutOpt = None,
    recycle_out: Annotated[
        Path | None,
        typer.Option("--recycle-out", help="Write the recycle list (CSV) here.", dir_okay=False),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 when a condition holds, e.g. missing_reason_rate>0.05,rejection_rate>0.8"
        ),
    ] = None,
    load_config: Annotated[
        Path | None,
        typer.Option(
            "--load-config",
            help="Load config for the dispositions file.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    project_file: ProjectOpt = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """Audit sales dispositions: acceptance and rejection rates, reasons (mapped onto canonical
    codes, unmapped labels reported), cuts by source, rep, score band, quadrant, stage, signal
    type and month, sources with outsized rejection (Wilson intervals), miscalibration flags,
    and the recycle list."""
    from revq.app.audit import DEFAULT_BY, compute_audit, metric_names, scored_leads
    from revq.app.inputs import check_window, parse_as_of
    from revq.app.results import Verdict, conditions
    from revq.io.writers import check_frame_path, refuse_input
    from revq.render.audit_view import audit_view

    if recycle_out is not None:
        check_frame_path(recycle_out)
    check_window(since, until)
    distinct_outputs(out=out, recycle_out=recycle_out)
    project = project_of(project_file)
    when = parse_as_of(as_of)
    tested = conditions(fail_on, metric_names())
    run = new_run(ctx)
    result = compute_audit(
        run,
        project,
        dispositions=file,
        scored=lambda: scored_leads(run, project, leads, config, when),
        reasons=reasons,
        since=since,
        until=until,
        by=by or DEFAULT_BY,
        when=when,
        load_config=load_config,
        strict_by=by is not None,
        allow_empty=allow_empty,
    )
    for target in (recycle_out, out):
        if target is not None:
            refuse_input(target, run.guarded(result.path))
    if recycle_out is not None:
        rows = result.write_recycle(recycle_out, escape_formulas=escape)
        run.info(f"wrote {rows:,} leads to re-check to {recycle_out}")
    if fmt is Format.table and out is None:
        print_view(ctx, audit_view(result.report, result.dims, view_width()))
        if recycle_out is None and result.report["recycle"]["due"]:
            due = result.report["recycle"]["due"]
            hint(
                run,
                "revq audit rejections --recycle-out recycle.csv",
                f"the {due:,} leads due for a re-check",
                as_of=as_of,
                project=project_file,
            )
    elif fmt is Format.table:  # --out without --format: the file's suffix says which
        result.write(out)  # type: ignore[arg-type]
        run.info(f"wrote the audit to {out}")
    else:
        if fmt is Format.csv:
            text = result.cuts_csv(escape_formulas=escape)
        else:
            text = result.markdown() if fmt is Format.md else result.to_json()
        emit_text(run, text, out, [result.path], "the audit")
    exit_if_met(run, Verdict(tested, result.metrics()))
