"""`revq inspect FILE`: what an export holds and how revq reads it."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revq.cli.common import (
    DateOrderOpt,
    DecimalOpt,
    DelimiterOpt,
    EncodingOpt,
    EscapeFormulasOpt,
    Format,
    LoadConfigOpt,
    OutOpt,
    ProjectOpt,
    SheetOpt,
    SourceOpt,
    TableOpt,
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

if TYPE_CHECKING:
    from revq.app.inspect import ArchiveInspection, InspectResult
    from revq.app.run import Run

# The metrics --fail-on names in its help; the inspect module is not imported for --help.
INSPECT_METRICS = (
    "rows_read",
    "rows_loaded",
    "rows_rejected",
    "footer_rows",
    "duplicates_merged",
    "deleted_in_source",
    "other_properties",
    "earlier_versions",
    "rejected_rate",
)


@examples(
    (
        "what revq makes of an export: vendor, table, columns, every row accounted for",
        "revq inspect hubspot_contacts.csv",
    ),
    ("the same as JSON, for a script", "revq inspect salesforce_leads.csv --format json"),
    (
        "a nightly data-quality gate: exit 1 when over 1% of rows are rejected",
        "revq inspect dispositions.csv --fail-on 'rejected_rate>0.01'",
    ),
)
@user_errors
def inspect(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="The export to inspect (CSV, TSV, XLSX, Parquet, JSON, also zipped or "
            "gzipped: export.zip/Lead.csv; - reads stdin).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ],
    source: SourceOpt = None,
    table: TableOpt = None,
    encoding: EncodingOpt = None,
    delimiter: DelimiterOpt = None,
    sheet: SheetOpt = None,
    date_order: DateOrderOpt = None,
    decimal: DecimalOpt = None,
    fmt: Annotated[Format, format_option(Format.table, Format.json, Format.csv)] = Format.table,
    out: OutOpt = None,
    rejects_out: Annotated[
        Path | None,
        typer.Option(
            "--rejects-out",
            help="Write quarantined rows (file, line, column, rule, raw value) to this CSV.",
            dir_okay=False,
        ),
    ] = None,
    config: LoadConfigOpt = None,
    keep_deleted: Annotated[
        bool | None,
        typer.Option(
            "--keep-deleted",
            help="Load records the export marks deleted in the source (IsDeleted, "
            "_fivetran_deleted); by default they are set aside and counted.",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 after the output when a condition on the row accounting holds, a "
            "nightly data-quality gate: e.g. 'rejected_rate>0.01'. Metrics: "
            + ", ".join(INSPECT_METRICS)
            + "."
        ),
    ] = None,
    project_file: ProjectOpt = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """Show the detected vendor and table, the column mapping, row accounting, a profile of
    every column, and warnings. Run it before anything else on a new export."""
    from revq.app import inspect as app
    from revq.app.results import Verdict, conditions
    from revq.io.writers import check_frame_path

    distinct_outputs(out=out, rejects_out=rejects_out)
    if rejects_out is not None:
        check_frame_path(rejects_out)
    tested = conditions(fail_on, app.INSPECT_METRICS)
    run = new_run(ctx)
    result = app.inspect(
        run,
        project_of(project_file),
        file,
        source=source,
        table=table,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        date_order=date_order,
        decimal=decimal,
        config=config,
        keep_deleted=keep_deleted,
    )
    if isinstance(result, app.ArchiveInspection):
        _emit_archive(ctx, run, result, fmt, out, escape)
        return
    if rejects_out is not None:
        count = result.write_rejects(rejects_out, escape_formulas=escape)
        run.info(f"wrote {count} rejects to {rejects_out}")
    _emit_inspection(ctx, result, fmt, out, escape)
    if fmt is Format.table and out is None:
        follow = NEXT.get(result.load.table or "")
        if follow is not None:
            hint(run, f"{follow[0]} {shlex.quote(str(file))}", follow[1])
    if tested:
        exit_if_met(run, Verdict(tested, result.metrics()))


# What a user does next with an export of each table.
NEXT = {
    "leads": ("revq score", "score these leads"),
    "dispositions": ("revq audit rejections", "what sales rejected, and why"),
    "stage_history": ("revq funnel", "conversions and velocity from this history"),
}


def _emit_inspection(
    ctx: typer.Context, result: InspectResult, fmt: Format, out: Path | None, escape: bool
) -> None:
    """The inspection in the format asked for: to --out (JSON for the table format) or stdout."""
    from revq.render.inspect_view import inspect_view

    if out is not None:
        result.write(out, "csv" if fmt is Format.csv else "json", escape_formulas=escape)
    elif fmt is Format.json:
        typer.echo(result.to_json(), nl=False)
    elif fmt is Format.csv:
        typer.echo(result.to_csv(escape_formulas=escape), nl=False)
    else:
        print_view(ctx, inspect_view(result.load, result.profile, view_width()))


def _emit_archive(
    ctx: typer.Context,
    run: Run,
    result: ArchiveInspection,
    fmt: Format,
    out: Path | None,
    escape: bool,
) -> None:
    """The exports of an archive, in the format asked for."""
    from revq.render.inspect_view import archive_view

    if fmt is Format.json or (out is not None and fmt is Format.table):
        emit_text(run, result.to_json(), out, [result.archive])
    elif fmt is Format.csv:
        emit_text(run, result.to_csv(escape_formulas=escape), out, [result.archive])
    else:
        print_view(ctx, archive_view(result.name, list(result.exports), view_width()))
