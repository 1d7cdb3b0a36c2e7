"""What every command shares: the run and its messages on stderr, one-line errors, the options
and the output plumbing (one format enum, one `--fail-on`, one emit to stdout or a file)."""

from __future__ import annotations

import functools
import inspect
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from revq.cli.progress import StatusLine
from revq.cli.stdin import SWEPT, accept_stdin
from revq.errors import ExitCode, RevqError
from revq.render.layout import inert_message, message_lines

if TYPE_CHECKING:  # the app layer (and polars) load when a command runs, not for --help
    from revq.app.results import Verdict
    from revq.app.run import Message, Run

P = ParamSpec("P")
R = TypeVar("R")


# The width of a view sent to a file or a pipe (a cron job's mail, a pasted snippet), unless
# COLUMNS says otherwise: wide enough for the lists, narrow enough for a mail reader.
PIPE_WIDTH = 100


def view_width(stream: Any = None) -> int:
    """The width a view is laid out for: COLUMNS if set; else the terminal's, also when the
    result is piped on to a terminal (`revq audit rejections | less`: stderr is still one;
    `revq score 2>&1 | head`: the keyboard is); else PIPE_WIDTH (cron, CI, a file)."""
    stream = stream or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for watched in (stream, sys.stderr, sys.stdin):
        if watched is not None and watched.isatty():
            try:
                return os.get_terminal_size(watched.fileno()).columns
            except (OSError, ValueError):
                continue
    return PIPE_WIDTH


class Flags:
    """The options every command takes, before or after its name (`revq -q score`, `revq
    score -q`), kept on the root click context, and the consoles they shape. (--project
    given before the command is moved after it, where the command takes it.)"""

    def __init__(
        self,
        quiet: bool = False,
        verbose: bool = False,
        no_color: bool = False,
    ) -> None:
        self.quiet, self.verbose, self.no_color = quiet, verbose, no_color
        self._consoles: dict[int, Console] = {}
        self.status: StatusLine | None = None

    def console(self, stream: Any) -> Console:
        """A console on `stream`: styled in a terminal, plain in a file or a pipe; no colour
        with --no-color or NO_COLOR, colour in a pipe with FORCE_COLOR (rich reads it)."""
        key = id(stream)
        if key not in self._consoles:
            plain = self.no_color or os.environ.get("NO_COLOR", "") != ""
            is_tty = stream.isatty()
            self._consoles[key] = Console(
                file=stream,
                width=view_width(stream),
                color_system=None if plain else "auto",
                highlight=False,
                soft_wrap=not is_tty,
            )
        return self._consoles[key]

    def print(self, message: Message) -> None:
        """A run's message on stderr: none with --quiet, detail only with --verbose."""
        if self.quiet or (message.level == "debug" and not self.verbose):
            return
        console = self.console(sys.stderr)
        said = inert_message(str(message))
        if console.soft_wrap:  # a file or a pipe: a message is one line, whatever its length
            console.print(said, markup=False)
            return
        # Wrapped here rather than by rich, which cuts a word longer than the width (a path)
        # with a line break inside it.
        for line in message_lines(said, console.width):
            console.print(line, markup=False, soft_wrap=True)

    def progress(self) -> StatusLine | None:
        """A status line for long work: only on a terminal's stderr, and not with --quiet."""
        if self.quiet or not sys.stderr.isatty():
            return None
        if self.status is None:
            self.status = StatusLine(self.console(sys.stderr))
        return self.status

    def done(self) -> None:
        """The work is over: the status line goes before the result is printed."""
        if self.status is not None:
            self.status.close()


def flags_of(ctx: typer.Context) -> Flags:
    """The root flags of an invocation."""
    root = ctx.find_root()
    if not isinstance(root.obj, Flags):
        root.obj = Flags()
    return root.obj


def new_run(ctx: typer.Context) -> Run:
    """A run of this invocation: its messages go to stderr as they come, as the root flags
    say, and its long work shows as a status line in a terminal."""
    from revq.app.run import Run

    flags = flags_of(ctx)
    run = Run(flags.print, warnings=not flags.quiet, progress=flags.progress())
    if ctx.meta.get(SWEPT):  # standard input that killed runs left, removed as it was read
        from revq.io.temps import swept_message, system_temp

        run.info(swept_message(ctx.meta[SWEPT], system_temp()))
    return run


def global_options(func: Callable[..., R]) -> Callable[..., R]:
    """A command that also takes the root options after its name: `revq score -q` as
    `revq -q score`. They are added to its signature, so they show in its help. The command
    takes the click context as `ctx`."""
    signature = inspect.signature(func, eval_str=True)
    if "ctx" not in signature.parameters:
        raise TypeError(f"{func.__name__} takes no ctx: the global options need it")
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False, annotation=kind)
        for name, kind in GLOBAL_OPTIONS.items()
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        flags = flags_of(kwargs["ctx"])
        flags.quiet = kwargs.pop("quiet") or flags.quiet
        flags.verbose = kwargs.pop("verbose") or flags.verbose
        flags.no_color = kwargs.pop("no_color") or flags.no_color
        try:
            return func(*args, **kwargs)
        finally:
            flags.done()

    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *added]
    )
    return wrapper


GLOBAL_PANEL = "Global options (before or after the command)"
GLOBAL_OPTIONS: dict[str, Any] = {
    "quiet": Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only errors on stderr.", rich_help_panel=GLOBAL_PANEL),
    ],
    "verbose": Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="More detail on stderr.", rich_help_panel=GLOBAL_PANEL
        ),
    ],
    "no_color": Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="No colour or styles (also NO_COLOR=1; FORCE_COLOR=1 styles a pipe).",
            rich_help_panel=GLOBAL_PANEL,
        ),
    ],
}


def print_view(ctx: typer.Context, lines: Iterable[Text]) -> None:
    """A view of a result, on stdout: its lines are laid out for `view_width()`, so they are
    printed as they are, never wrapped again."""
    flags = flags_of(ctx)
    flags.done()
    console = flags.console(sys.stdout)
    for line in lines:
        console.print(line, soft_wrap=True)


def hint(run: Run, command: str, why: str = "", **given: Any) -> None:
    """The closing `next:` line, on stderr: what a user would run next, with the options of
    this run it needs to show the same thing (`as_of`, `project`) when they were given."""
    carried = "".join(
        f" --{name.replace('_', '-')} {shlex.quote(str(value))}"
        for name, value in given.items()
        if value is not None
    )
    run.info(f"next: {command}{carried}" + (f"  ({why})" if why else ""))


def shown_path(path: Path | str) -> str:
    """A path as a person in this folder would type it: relative to it (`../configs/a.yaml`)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


Example = tuple[str, str]  # what it does, the command line


def examples(*pairs: Example) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A command's examples, shown under its help and run by the tests in the sample project,
    so they stay true."""

    def mark(func: Callable[P, R]) -> Callable[P, R]:
        func.examples = pairs  # type: ignore[attr-defined]
        return func

    return mark


def one_line(message: str) -> str:
    """A message as the one line an error is: a value quoted from a file may hold line
    breaks (a multi-line cell, a parser's own message), read as spaces; any other control
    character is shown, not obeyed (inert_message)."""
    return inert_message(re.sub(r"\s*[\r\n]+\s*", " ", message.strip()))


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

    def only(value: str | Format) -> Format:
        # Parsed here, not by the enum: a wrong value is told the command's formats, not every
        # format some command writes.
        text = value.value if isinstance(value, Format) else str(value)
        if text not in names:
            raise typer.BadParameter(f"{text!r} is not one of {', '.join(names)}")
        return Format(text)

    return typer.Option(
        "--format", "-f", help=help, metavar=f"[{'|'.join(names)}]", parser=only, **kwargs
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

    write_bytes_atomic(out, text.encode("utf-8"), inputs=run.guarded(*inputs), say=run.info)
    run.info(f"wrote {what or 'the result'} to {out}")


def iso_date(value: str | None) -> str | None:
    """A typer callback: dates on the command line are YYYY-MM-DD, or a usage error."""
    from revq.app.inputs import EXPECTED_DAY, checked_day

    if value is not None:
        try:
            checked_day(value)
        except ValueError:
            raise typer.BadParameter(f"expected {EXPECTED_DAY}, got {value!r}") from None
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
        "stage_history, opportunities, accounts.",
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
        metavar="FILE",
        rich_help_panel=GLOBAL_PANEL,
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
AllowEmptyOpt = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="A period the exports hold no data in gives an empty result and a warning, exit "
        "0; without it, exit 2 naming the dates the exports cover (a scheduled run on stale "
        "exports fails loudly).",
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
