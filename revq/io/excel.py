"""XLSX exports -> the same raw string records as delimited text, with sheet row numbers."""

from __future__ import annotations

from pathlib import Path

import fastexcel
import polars as pl

from revq.core.schema import LINE
from revq.errors import InputError
from revq.io.text import (
    PREAMBLE_WINDOW,
    RawTable,
    empty_rejects,
    header_index,
    mark_footers,
    settle_headers,
)


def read_excel(
    path: Path,
    *,
    sheet: str | int | None,
    null_values: list[str],
    content: Path | bytes | None = None,
) -> RawTable:
    """`content`: the workbook's bytes when `path` names it inside an archive or compressed."""
    book = path if content is None else content
    try:
        if isinstance(sheet, str):
            grid = pl.read_excel(
                book,
                sheet_name=sheet,
                has_header=False,
                infer_schema_length=0,
                drop_empty_rows=False,
                drop_empty_cols=False,
                raise_if_empty=False,
            )
        else:
            grid = pl.read_excel(
                book,
                sheet_id=(sheet or 0) + 1,
                has_header=False,
                infer_schema_length=0,
                drop_empty_rows=False,
                drop_empty_cols=False,
                raise_if_empty=False,
            )
    except Exception as exc:  # fastexcel raises its own types for corrupt or missing sheets
        names = _sheet_names(book)
        if names and sheet is not None and not _has_sheet(names, sheet):
            raise InputError(
                path,
                f"no sheet {sheet!r}{' (counting from 0)' if isinstance(sheet, int) else ''}: "
                f"the workbook's sheets are {', '.join(names)}",
            ) from None
        raise InputError(path, f"cannot read as XLSX: {exc}".splitlines()[0]) from None
    if not isinstance(grid, pl.DataFrame):  # pragma: no cover - one sheet was asked for
        raise InputError(path, "expected one sheet")
    cells = grid.columns
    if not cells:  # a sheet with no cell at all
        raise InputError(
            path, "the sheet is empty: expected a header row and data rows" + _others(book, sheet)
        )
    grid = (
        grid.with_columns(pl.col(c).cast(pl.String) for c in cells)
        .with_row_index(LINE, offset=1)
        .with_columns(pl.col(LINE).cast(pl.Int64))
    )
    blank = pl.all_horizontal(
        pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in cells
    )
    grid = grid.with_columns(blank.alias("_blank"))
    non_blank = grid.filter(~pl.col("_blank"))
    if non_blank.height == 0:
        raise InputError(
            path, "the sheet is empty: expected a header row and data rows" + _others(book, sheet)
        )
    # A formatted report opens with its title and filters above the header row.
    filled = pl.sum_horizontal(
        (pl.col(c).is_not_null() & (pl.col(c).str.strip_chars() != "")).cast(pl.Int32)
        for c in cells
    )
    leading = non_blank.head(PREAMBLE_WINDOW).select(filled).to_series().to_list()
    start = header_index(leading)
    if start:
        warnings_above = [
            f"skipped {start} row{'s' if start > 1 else ''} above the header (a report title "
            f"or filter: {next(v for v in non_blank.row(0) if isinstance(v, str) and v.strip())!r})"
        ]
        non_blank = non_blank.slice(start)
    else:
        warnings_above = []
    header_row = non_blank.row(0, named=True)
    header_line = int(header_row[LINE])
    raw_headers = [str(header_row[c] or "") for c in cells]
    while len(raw_headers) > 1 and raw_headers[-1].strip() == "":
        raw_headers.pop()  # trailing unnamed, empty columns are sheet padding
    cells = cells[: len(raw_headers)]
    body = grid.filter(pl.col(LINE) > header_line)
    blank_lines = int(body["_blank"].sum())
    body = body.filter(~pl.col("_blank"))
    if body.height == 0:
        raise InputError(
            path, "has a header but no data rows" + _others(book, sheet), line=header_line
        )
    others_empty = (
        pl.all_horizontal(pl.col(c).is_null() for c in cells[1:])
        if len(cells) > 1
        else pl.lit(True)
    )
    body = body.with_columns(
        pl.when(others_empty)
        .then(pl.col(cells[0]).str.strip_chars())
        .otherwise(pl.lit(""))
        .fill_null("")
        .alias("bare")
    )
    body, footers, data_rows = mark_footers(path, body)
    # An unnamed column with no data is the sheet's margin (formatted reports start in column
    # B); it served to find the footers above, and is no column of the export.
    empty = data_rows.select(
        (pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")).all() for c in cells
    ).row(0)
    kept = [i for i, c in enumerate(cells) if raw_headers[i].strip() or not empty[i]]
    cells, raw_headers = [cells[i] for i in kept], [raw_headers[i] for i in kept]
    warnings: list[str] = warnings_above
    headers = settle_headers(path, raw_headers, header_line, warnings)
    frame = data_rows.select([pl.col(c).alias(h) for c, h in zip(cells, headers, strict=True)])
    if null_values:
        frame = frame.with_columns(pl.col(h).replace(null_values, None) for h in headers)
    frame = frame.with_columns(data_rows[LINE])
    return RawTable(
        path=path,
        headers=headers,
        frame=frame,
        encoding="xlsx",
        delimiter=None,
        rows_read=body.height,
        footer_rows=footers.height,
        blank_lines=blank_lines,
        rejects=empty_rejects(),
        warnings=warnings,
    )


def _sheet_names(book: Path | bytes) -> list[str]:
    try:
        return list(fastexcel.read_excel(book).sheet_names)
    except Exception:  # not a workbook at all: the caller says so
        return []


def _has_sheet(names: list[str], sheet: str | int) -> bool:
    return sheet in names if isinstance(sheet, str) else 0 <= sheet < len(names)


def _others(book: Path | bytes, sheet: str | int | None) -> str:
    """The workbook's other sheets, for an error about the one read: the data is often on
    another (a summary or cover sheet comes first)."""
    try:
        names = fastexcel.read_excel(book).sheet_names
    except Exception:  # pragma: no cover - the file was just read
        return ""
    read = sheet if isinstance(sheet, str) else names[sheet or 0] if names else None
    others = [n for n in names if n != read]
    return f" (other sheets: {', '.join(others)}; choose one with --sheet)" if others else ""
