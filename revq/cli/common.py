"""What every command shares: the run and its messages on stderr, one-line errors, the options
and the output plumbing (one format enum, one `--fail-on`, one emit to stdout or a file)."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from revq.cli.stdin import SWEPT, accept_stdin
from revq.errors import ExitCode, RevqError

if TYPE_CHECKING:  # the app layer (and polars) load when a command runs, not for --help
    from revq.app.results import Verdict
    from revq.app.run import Message, Run

P = ParamSpec("P")
R = TypeVar("R")


def _console(stream: Any) -> Console:
    is_tty = stream.isatty()
    return Console(
        file=stream,
        width=None if is_tty else 160,
        no_color=not is_tty,
        highlight=False,
        soft_wrap=not is_tty,
    )


def out_console() -> Console:
    """The result, on stdout."""
    return _console(sys.stdout)


def err_console() -> Console:
    return _console(sys.stderr)


class Flags:
    """The root flags of an invocation (`revq -q ...`), kept on its click context."""

    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose

    def print(self, message: Message) -> None:
        """A run's message on stderr: none with --quiet, detail only with --verbose."""
        if self.quiet or (message.level == "debug" and not self.verbose):
            return
        err_console().print(str(message), markup=False)


def new_run(ctx: typer.Context) -> Run:
    """A run of this invocation: its messages go to stderr as they come, as the root flags
    (kept on the root context) say."""
    from revq.app.run import Run

    found = ctx.find_root().obj
    flags = found if isinstance(found, Flags) else Flags()
    run = Run(flags.print, warnings=not flags.quiet)
    if ctx.meta.get(SWEPT):  # standard input that killed runs left, removed as it was read
        from revq.io.temps import swept_message, system_temp

        run.info(swept_message(ctx.meta[SWEPT], system_temp()))
    return run


def one_line(message: str) -> str:
    """A message as the one line an error is: a value quoted from a file may hold line
    breaks (a multi-line cell, a parser's own message)."""
    return re.sub(r"\s*[\r\n]+\s*", " ", message.strip())


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a user's error into one line on stderr and exit code 2: never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from revq.io.stdin import shown

        try:
            return func(*args, **kwargs)
        except RevqError as exc:
            sys.stderr.write(f"revq: error: {one_line(shown(str(exc)))}\n")
            raise typer.Exit(int(exc.exit_code)) from None
        except OSError as exc:
            message = f"{exc.filename or ''}: {exc.strerror or exc}"
            sys.stderr.write(f"revq: error: {one_line(shown(message))}\n")
            raise typer.Exit(int(ExitCode.USAGE)) from None

    return wrapper


class Format(StrEnum):
    """Every output format; each command takes some of them (`format_option`)."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"


def format_option(*allowed: Format, help: str = "Output format.", **kwargs: Any) -> Any:
    """The --format/-f option of a command that writes the formats `allowed`."""
    names = [f.value for f in allowed]

    def only(value: Format | None) -> Format | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value.value!r} is not one of {', '.join(names)}")
        return value

    return typer.Option(
        "--format", "-f", help=help, metavar=f"[{'|'.join(names)}]", callback=only, **kwargs
    )


def fail_on_option(help: str) -> Any:
    return typer.Option("--fail-on", help=help)


def exit_if_met(run: Run, verdict: Verdict) -> None:
    """After the output is written: exit 1 when a --fail-on condition holds. A condition on a
    metric without a value is said, since a gate that cannot be measured has not passed."""
    if verdict.unmeasured:
        run.warn("--fail-on not measured (no value this run): " + "; ".join(verdict.unmeasured))
    if verdict.met:
        run.warn("--fail-on met: " + "; ".join(verdict.met))
        raise typer.Exit(int(ExitCode.CONDITION_MET))


def distinct_outputs(**targets: Path | None) -> None:
    """Two outputs of one run written to the same file: the second would replace the first."""
    from revq.io.sources import refuse_loop, resolved

    seen: dict[Path, str] = {}
    for option, path in targets.items():
        if path is None:
            continue
        refuse_loop(path)
        key = resolved(path)
        flag = "--" + option.replace("_", "-")
        if key in seen:
            raise RevqError(f"{path}: given to both {seen[key]} and {flag}; name two files")
        seen[key] = flag


def emit_text(
    run: Run, text: str, out: Path | None, inputs: Sequence[Path] = (), what: str = ""
) -> None:
    """A rendered result to --out (atomically, never over an input) or to stdout."""
    if out is None:
        typer.echo(text, nl=False)
        return
    from revq.io.writers import write_bytes_atomic

    write_bytes_atomic(out, text.encode("utf-8"), inputs=inputs, say=run.info)
    run.info(f"wrote {what or 'the result'} to {out}")


def print_views(renderables: Iterable[Any]) -> None:
    """Terminal views of a result, on stdout."""
    console = out_console()
    for renderable in renderables:
        console.print(renderable)


def iso_date(value: str | None) -> str | None:
    """A typer callback: dates on the command line are YYYY-MM-DD, or a usage error."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


class DateOrder(StrEnum):
    auto = "auto"
    dmy = "dmy"
    mdy = "mdy"


class Decimal(StrEnum):
    dot = "."
    comma = ","


OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write the result to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", help="Vendor preset: hubspot, salesforce, marketo, pardot, generic."),
]
TableOpt = Annotated[
    str | None,
    typer.Option(
        "--table",
        help="Canonical table: leads, activities, signals, dispositions, "
        "stage_history, opportunities.",
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Text encoding, e.g. cp1252 or latin-1.")
]
DelimiterOpt = Annotated[str | None, typer.Option("--delimiter", help="Field delimiter.")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="XLSX sheet name or 0-based index.")]
DateOrderOpt = Annotated[
    DateOrder | None, typer.Option("--date-order", help="Day/month order of dates like 3/5/2026.")
]
DecimalOpt = Annotated[
    Decimal | None, typer.Option("--decimal", help="Decimal separator of numbers: '.' or ','.")
]
ProjectOpt = Annotated[
    Path | None,
    typer.Option(
        "--project",
        help="Project file (default: revq.yaml in the current folder).",
        exists=True,
        dir_okay=False,
    ),
]
LoadConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="A load config (YAML: columns, values, null_values, date_order, ...) for this file.",
        exists=True,
        dir_okay=False,
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        callback=iso_date,
        help="As of the end of this day (YYYY-MM-DD): what happened later does not count. "
        "Default today; cron jobs should pass it explicitly.",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Scoring config (default: configs.scoring in revq.yaml).",
        dir_okay=False,
    ),
]
EscapeFormulasOpt = Annotated[
    bool,
    typer.Option(
        "--escape-formulas/--no-escape-formulas",
        help="In CSV, TSV and .xlsx outputs, a text cell that starts with = + - @, a tab or a "
        "carriage return gets a leading ' so that a spreadsheet shows it as text, never runs "
        "it (OWASP); --no-escape-formulas writes cells as they are, for a program to read.",
    ),
]
LeadsArg = Annotated[
    Path | None,
    typer.Argument(
        help="Leads export (default: inputs.leads; - reads stdin).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]
ActivitiesOpt = Annotated[
    Path | None,
    typer.Option(
        "--activities",
        help="Activities export (default: inputs.activities).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]
SignalsOpt = Annotated[
    Path | None,
    typer.Option(
        "--signals",
        help="Account signals export (default: inputs.signals).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]
LeadsLoadConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--load-config",
        help="Load config for the leads file (columns, values, null_values, ...).",
        exists=True,
        dir_okay=False,
    ),
]
HistoryOpt = Annotated[
    Path | None,
    typer.Option(
        "--history",
        help="Stage history export (default: inputs.stage_history).",
        dir_okay=False,
        callback=accept_stdin,
    ),
]


def project_of(project_file: Path | None) -> Any:
    """The project of --project, else of revq.yaml in the working folder, else None."""
    from revq.app.inputs import open_project

    return open_project(project_file)
