"""`revq report`: the weekly or monthly report in Markdown or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    AllowEmptyOpt,
    Format,
    ProjectOpt,
    examples,
    exit_if_met,
    fail_on_option,
    format_option,
    iso_date,
    new_run,
    project_of,
    shown_path,
    user_errors,
)
from revq.errors import RevqError


@examples(
    (
        "last week's report, to reports/ as revq.yaml says",
        "revq report --weekly --as-of 2026-10-31",
    ),
    (
        "last month's, as HTML with its charts",
        "revq report --monthly --as-of 2026-10-31 --format html --out october.html",
    ),
)
@user_errors
def report(
    ctx: typer.Context,
    weekly: Annotated[bool, typer.Option("--weekly", help="The last complete week.")] = False,
    monthly: Annotated[bool, typer.Option("--monthly", help="The last complete month.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            callback=iso_date,
            help="The report covers the last complete week or month ending by this day "
            "(YYYY-MM-DD); default today. Cron jobs should pass it explicitly.",
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        format_option(
            Format.md,
            Format.html,
            help="Markdown or HTML (default: what --out or --template is named, else md).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            help="Template name (default: weekly or monthly; a team's own templates come from "
            "templates_dir in revq.yaml), or a template file (exec.html.j2).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output file, '-' for stdout (default: a file named for the period in the "
            "output folder of revq.yaml, e.g. reports/2026-W47.html).",
            dir_okay=False,
            allow_dash=True,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 after writing when a headline condition holds, e.g. sla_compliance<0.9"
        ),
    ] = None,
    allow_empty: AllowEmptyOpt = False,
    project_file: ProjectOpt = None,
) -> None:
    """The weekly or monthly report: headline metrics against the prior period and the
    benchmark bands, signals, rejections, the action list and a provenance footer."""
    from revq.app.inputs import parse_as_of
    from revq.app.report import report as build_report
    from revq.app.results import Verdict, conditions
    from revq.render.report_view import report_summary

    if weekly == monthly:
        raise RevqError("choose one of --weekly or --monthly")
    run = new_run(ctx)
    to_stdout = out is not None and str(out) == "-"
    result = build_report(
        run,
        project_of(project_file),
        "weekly" if weekly else "monthly",
        as_of=parse_as_of(as_of),
        template=template,
        fmt=fmt.value if fmt is not None else None,
        out=out,
        allow_empty=allow_empty,
    )
    values = result.metrics()
    tested = conditions(fail_on, values)
    if to_stdout:  # nothing is written beside a report on stdout, so nothing is linked
        typer.echo(result.render(result.format, linked=False), nl=False)
    else:
        target = result.write(out)
        run.info(f"wrote the {result.kind} report for {result.label} to {shown_path(target)}")
        for line in report_summary(result.context):
            run.info(line)
    covered = result.context["report"]["has_data"]  # an uncovered period is said already
    if covered and values and all(v is None for v in values.values()):
        # What a cron job on a stale export (or a mistyped --as-of) produces: say so.
        run.warn(
            f"no headline metric has data for {result.label}: "
            "check --as-of and that the exports are current"
        )
    exit_if_met(run, Verdict(tested, values))
