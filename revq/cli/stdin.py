"""`-` as an export on the command line: standard input, spooled by `revq.io.stdin`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

STDIN = "-"
SPOOLED = "revq.stdin"  # the context's record that this run has read standard input
SWEPT = "revq.stdin.swept"  # how many spools of killed runs it removed


def spool_stdin(ctx: typer.Context) -> Path:
    """Standard input, kept in a temporary file removed when revq exits."""
    meta = ctx.meta
    if SPOOLED in meta:
        raise typer.BadParameter("standard input (-) can be read once: name one export '-'")
    if sys.stdin.isatty():
        sys.stderr.write("reading the export from standard input (end it with Ctrl-D)\n")
    from revq.io.stdin import spool, sweep_spools

    # An empty or unusable standard input is a RevqError: one line, said by the root command.
    path = spool(sys.stdin.buffer.read())
    meta[SPOOLED] = path
    meta[SWEPT] = sweep_spools()  # said once the run has its messages (new_run)
    return path


def accept_stdin(ctx: typer.Context, value: Path | None) -> Path | None:
    """Typer callback of an export argument: `-` reads standard input."""
    return spool_stdin(ctx) if value is not None and str(value) == STDIN else value


def accept_stdin_list(ctx: typer.Context, values: list[Path] | None) -> list[Path] | None:
    """Typer callback of a list of exports: at most one of them `-`."""
    if values is None:
        return None
    return [spool_stdin(ctx) if str(v) == STDIN else v for v in values]
