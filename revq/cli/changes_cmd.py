"""`revq changes OLD NEW`: the rows of a new output that a CRM sync must push."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import (
    EscapeFormulasOpt,
    Format,
    OutOpt,
    emit_text,
    examples,
    exit_if_met,
    fail_on_option,
    format_option,
    new_run,
    user_errors,
)
from revq.cli.stdin import accept_stdin

# The metrics --fail-on names in its help; the changes module is not imported for --help.
METRICS = ("pushed", "new", "changed", "unchanged", "gone", "pushed_rate")


@examples(
    (
        "the scored leads as the CRM import wanted them a week ago",
        "revq score --as-of 2026-10-24 --export hubspot --out last-week.csv",
    ),
    ("the rows to push since: new or changed", "revq changes last-week.csv today.csv"),
    (
        "only hand-offs and owners, not the daily decay of scores",
        "revq changes last-week.csv today.csv --on 'revq Stage,Contact owner' --out push.csv",
    ),
)
@user_errors
def changes_command(
    ctx: typer.Context,
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
    fmt: Annotated[Format, format_option(Format.csv, Format.json)] = Format.csv,
    out: OutOpt = None,
    fail_on: Annotated[
        str | None,
        fail_on_option(
            "Exit 1 after writing when a condition holds: a guard for an unattended sync, "
            "e.g. 'pushed_rate>0.2' (a broken config would re-stage every lead). Metrics: "
            + ", ".join(METRICS)
            + "."
        ),
    ] = None,
    escape: EscapeFormulasOpt = True,
) -> None:
    """The rows of NEW that are new or differ from OLD in any column both hold: what a CRM
    sync must push after a scheduled run (`revq score --export hubspot --out today.csv`, then
    `revq changes yesterday.csv today.csv --out push.csv`). Values compare as text; rows keep
    NEW's order and layout. Counts go to stderr."""
    from revq.app import changes as app
    from revq.app.results import Verdict, conditions

    tested = conditions(fail_on, app.CHANGES_METRICS)
    run = new_run(ctx)
    result = app.changes(run, old, new, key=key, on=on)
    if out is not None:
        count = result.write(out, escape_formulas=escape)
        run.info(f"wrote {count:,} rows to {out}")
    else:
        if fmt is Format.json:
            text = result.text("json")
        else:
            text = result.text("csv", escape_formulas=escape)
        emit_text(run, text, None)
    if tested:
        exit_if_met(run, Verdict(tested, result.metrics()))
