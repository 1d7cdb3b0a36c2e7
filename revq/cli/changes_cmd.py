"""`revq changes OLD NEW`: the rows of a new output that a CRM sync must push."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from revq.cli.common import OutOpt, emit_text, exit_if_met, ui, user_errors
from revq.cli.stdin import accept_stdin
from revq.core.changes import changed_rows
from revq.core.fail_on import FailOnError, parse_fail_on
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.writers import frame_bytes, write_frame_atomic


class ChangesFormat(StrEnum):
    csv = "csv"
    json = "json"


METRICS = ("pushed", "new", "changed", "unchanged", "gone", "pushed_rate")
# Keys tried in order when --key is not given: a lead output, an account roll-up.
DEFAULT_KEYS = ("lead_id", "account_domain")


@user_errors
def changes_command(
    old: Annotated[
        Path, typer.Argument(help="The previous output (as written by revq).", dir_okay=False)
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The new output, same layout; - reads it from stdin (revq score ... | revq "
            "changes last.csv -).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ],
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            help="The column that names a row (default: lead_id, else account_domain, else "
            "the first column, as an export's record id is).",
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="Comma-separated columns to compare (default: every column both hold), e.g. "
            "'stage,owner' to push hand-offs and not the daily decay of scores.",
        ),
    ] = None,
    fmt: Annotated[ChangesFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ChangesFormat.csv
    ),
    out: OutOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 after writing when a condition holds: a guard for an unattended sync, "
            "e.g. 'pushed_rate>0.2' (a broken config would re-stage every lead). Metrics: "
            + ", ".join(METRICS)
            + ".",
        ),
    ] = None,
) -> None:
    """The rows of NEW that are new or differ from OLD in any column both hold: what a CRM
    sync must push after a scheduled run (`revq score --export hubspot --out today.csv`, then
    `revq changes yesterday.csv today.csv --out push.csv`). Values compare as text; rows keep
    NEW's order and layout. Counts go to stderr."""
    try:
        conditions = parse_fail_on(fail_on, set(METRICS)) if fail_on else []
    except FailOnError as exc:
        raise RevqError(str(exc)) from None
    before, after = _read_output(old), _read_output(new)
    column = key or next((k for k in DEFAULT_KEYS if k in after.columns), after.columns[0])
    compared = [c.strip() for c in on.split(",") if c.strip()] if on else None
    for path, frame in ((old, before), (new, after)):
        _check_key(path, frame, column)
        missing = [c for c in compared or [] if c not in frame.columns]
        if missing:
            raise InputError(path, f"--on: no column {', '.join(map(repr, missing))}")
    result = changed_rows(before, after, column, compared)
    ui.info(
        f"{result.new + result.changed:,} rows to push ({result.new:,} new, "
        f"{result.changed:,} changed); {result.unchanged:,} unchanged; "
        f"{result.gone:,} in {old.name} no longer in {new.name} (keyed on {column})"
    )
    moved = sorted(((n, c) for c, n in result.by_column.items() if n), key=lambda x: -x[0])
    if moved:
        ui.info("changed columns: " + ", ".join(f"{c} {n:,}" for n, c in moved))
    if out is not None:
        write_frame_atomic(out, result.rows, inputs=[old, new])
        ui.info(f"wrote {result.rows.height:,} rows to {out}")
    else:
        emit_text(frame_bytes(result.rows, fmt.value).decode("utf-8"), None)
    pushed = result.new + result.changed
    values = {
        "pushed": pushed,
        "new": result.new,
        "changed": result.changed,
        "unchanged": result.unchanged,
        "gone": result.gone,
        "pushed_rate": round(pushed / after.height, 4) if after.height else 0.0,
    }
    exit_if_met(conditions, values)


def _read_output(path: Path) -> pl.DataFrame:
    """An output revq wrote, as written: text files as text, so values compare exactly. It may
    sit in a zip archive or be gzipped, as any export."""
    source = sources.locate(path)
    suffix = source.suffix
    try:
        if suffix == ".parquet":
            return pl.read_parquet(source.readable())
        if suffix in (".jsonl", ".ndjson"):
            return pl.read_ndjson(source.readable(), infer_schema_length=None)
        if suffix == ".json":
            return pl.read_json(source.readable(), infer_schema_length=None)
        if suffix in (".csv", ".tsv", ".txt", ""):
            sep = "\t" if suffix == ".tsv" else ","
            return pl.read_csv(source.readable(), separator=sep, infer_schema=False)
    except Exception as exc:  # polars raises several kinds for a file it cannot parse
        raise InputError(path, f"cannot read as a revq output: {exc}".splitlines()[0]) from None
    raise RevqError(f"{path}: expected a revq output: .csv, .tsv, .json, .jsonl or .parquet")


def _check_key(path: Path, frame: pl.DataFrame, key: str) -> None:
    if key not in frame.columns:
        raise InputError(
            path, f"no column {key!r} to match rows on; it has {', '.join(frame.columns)}"
        )
    blank = pl.col(key).is_null() | (pl.col(key).cast(pl.String).str.strip_chars() == "")
    missing = frame.with_row_index("_record", offset=1).filter(blank)["_record"]
    if missing.len():
        # a row without its key can be matched to nothing: pushed as new, it would make a
        # record without an id in the CRM
        raise InputError(
            path,
            f"{missing.len():,} rows have no {key!r} (the first is record {missing[0]}): "
            "every row needs the key it is matched on",
        )
    repeated = frame.filter(pl.col(key).is_duplicated())
    if repeated.height:
        raise InputError(
            path,
            f"{key!r} {repeated[key][0]!r} names {repeated.height} rows: the key must name one",
        )
