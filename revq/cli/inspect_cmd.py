"""`revq inspect FILE`: what an export holds and how revq reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    DateOrderOpt,
    DecimalOpt,
    DelimiterOpt,
    EncodingOpt,
    LoadConfigOpt,
    OutOpt,
    ProjectOpt,
    SheetOpt,
    SourceOpt,
    TableFormat,
    TableOpt,
    current_project,
    load_options_for,
    report_load,
    ui,
    user_errors,
)
from revq.cli.stdin import accept_stdin, shown_result
from revq.core.profile import profile_columns
from revq.io.load import load_table
from revq.io.writers import check_frame_path, write_bytes_atomic, write_frame_atomic
from revq.render.inspect_view import inspect_json, inspect_tables


@user_errors
def inspect(
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
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TableFormat.table
    ),
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
    project_file: ProjectOpt = None,
) -> None:
    """Show the detected vendor and table, the column mapping, row accounting, a profile of
    every column, and warnings. Run it before anything else on a new export."""
    if rejects_out is not None:
        check_frame_path(rejects_out)
    project = current_project(project_file)
    opts = load_options_for(
        project,
        file,
        table,
        config,
        source=source,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        date_order=date_order,
        decimal=decimal,
    )
    tz = project.config.timezone if project else "UTC"
    result = load_table(file, opts, timezone=tz, require_table=False)
    report_load(result)
    result = shown_result(result)
    profile = profile_columns(result.frame)
    if rejects_out is not None:
        write_frame_atomic(rejects_out, result.rejects, inputs=[file])
        ui.info(f"wrote {result.rejects.height} rejects to {rejects_out}")
    if fmt is TableFormat.json:
        text = inspect_json(result, profile)
        if out:
            write_bytes_atomic(out, text.encode("utf-8"), inputs=[file])
        else:
            typer.echo(text, nl=False)
        return
    if fmt is TableFormat.csv:
        data = profile.with_columns(profile["examples"].list.join(" | ")).write_csv()
        if out:
            write_bytes_atomic(out, data.encode("utf-8"), inputs=[file])
        else:
            typer.echo(data, nl=False)
        return
    if out:
        write_bytes_atomic(out, inspect_json(result, profile).encode("utf-8"), inputs=[file])
        return
    for renderable in inspect_tables(result, profile):
        ui.out.print(renderable)
