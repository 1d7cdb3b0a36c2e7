"""`revq inspect FILE`: what an export holds and how revq reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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
    distinct_outputs,
    emit_text,
    exit_if_met,
    load_options_for,
    report_load,
    ui,
    user_errors,
)
from revq.cli.stdin import accept_stdin, shown, shown_result
from revq.config.models import LoadOptions
from revq.core.fail_on import FailOnError, parse_fail_on
from revq.core.profile import profile_columns
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.file_sets import combine
from revq.io.load import LoadResult, load_table, sniff
from revq.io.writers import check_frame_path, write_bytes_atomic, write_frame_atomic
from revq.render.inspect_view import (
    archive_frame,
    archive_json,
    archive_table,
    inspect_json,
    inspect_tables,
)

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
        typer.Option(
            "--fail-on",
            help="Exit 1 after the output when a condition on the row accounting holds, a "
            "nightly data-quality gate: e.g. 'rejected_rate>0.01'. Metrics: "
            + ", ".join(INSPECT_METRICS)
            + ".",
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Show the detected vendor and table, the column mapping, row accounting, a profile of
    every column, and warnings. Run it before anything else on a new export."""
    distinct_outputs(out=out, rejects_out=rejects_out)
    if rejects_out is not None:
        check_frame_path(rejects_out)
    try:
        conditions = parse_fail_on(fail_on, set(INSPECT_METRICS)) if fail_on else []
    except FailOnError as exc:
        raise RevqError(str(exc)) from None
    project = current_project(project_file)
    listing = sources.several_exports(file)
    if listing is not None:  # a whole export (Salesforce's weekly one): say what is in it
        opts = load_options_for(project, file, table, config, source=source, encoding=encoding)
        _inspect_archive(file, listing, opts, fmt, out)
        return
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
        keep_deleted=keep_deleted,
    )
    tz = project.config.timezone if project else "UTC"
    # A pattern is inspected as the one input it is: every file, then the set they make.
    parts = [load_table(f, opts, timezone=tz, require_table=False) for f in sources.matches(file)]
    for part in parts:
        report_load(part)
    result = combine(file, parts, opts.dedupe) if sources.is_pattern(file) else parts[0]
    result = shown_result(result)
    _emit_inspection(result, fmt, out, rejects_out, file)
    a = result.accounting
    values = {
        **a.to_dict(),
        "rejected_rate": round(a.rows_rejected / a.rows_read, 4) if a.rows_read else 0.0,
    }
    exit_if_met(conditions, {k: values[k] for k in INSPECT_METRICS})


def _emit_inspection(
    result: LoadResult,
    fmt: TableFormat,
    out: Path | None,
    rejects_out: Path | None,
    file: Path,
) -> None:
    """The inspection in the format asked for, and the rejects to their file."""
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


def _inspect_archive(
    archive: Path,
    listing: list[tuple[str, int]],
    opts: LoadOptions,
    fmt: TableFormat,
    out: Path | None,
) -> None:
    """Each export of the archive with the vendor and table its headers say it is."""
    rows = []
    for member, size in listing:
        row: dict[str, Any] = {"member": member, "bytes": size, "vendor": None, "table": None}
        try:
            found = sniff(archive / member, opts)
        except InputError as exc:
            row["note"] = exc.message
        else:
            if found is not None and found.complete:
                row |= {"vendor": found.vendor, "table": found.table, "note": None}
            else:
                row["note"] = "not a table revq knows"
        rows.append(row)
    name = shown(str(archive))
    ui.info(f"{name}: a zip archive of {len(rows)} exports: inspect one as {name}/{listing[0][0]}")
    if fmt is TableFormat.json or (out is not None and fmt is TableFormat.table):
        emit_text(archive_json(name, rows), out, [archive])
    elif fmt is TableFormat.csv:
        emit_text(archive_frame(name, rows).write_csv(), out, [archive])
    else:
        ui.out.print(archive_table(name, rows))
