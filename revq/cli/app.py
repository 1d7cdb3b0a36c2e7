"""The revq command line: one thin module per command, registered here.

A run imports only the module of the command it runs: importing all of them (charts,
templates, model fitting) would add a quarter of a second to every cron job.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache
from types import MethodType
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from revq import __version__
from revq.cli.common import GLOBAL_PANEL, Flags, global_options, one_line
from revq.errors import ExitCode, RevqError

# name -> (module, attribute, is a group of subcommands), in the order help lists them.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "inspect": ("revq.cli.inspect_cmd", "inspect", False),
    "score": ("revq.cli.score_cmd", "score", False),
    "explain": ("revq.cli.score_cmd", "explain", False),
    "compile": ("revq.cli.compile_cmd", "compile_command", False),
    "funnel": ("revq.cli.funnel_cmd", "funnel_command", False),
    "report": ("revq.cli.report_cmd", "report", False),
    "backtest": ("revq.cli.backtest_cmd", "backtest_command", False),
    "diff": ("revq.cli.diff_cmd", "diff_command", False),
    "changes": ("revq.cli.changes_cmd", "changes_command", False),
    "notify": ("revq.cli.notify_cmd", "notify", False),
    "init": ("revq.cli.init_cmd", "init", False),
    "validate": ("revq.cli.config_cmd", "validate", False),
    "config": ("revq.cli.config_cmd", "config_app", True),
    "audit": ("revq.cli.audit_cmd", "audit_app", True),
}
# The root's own flags, and those of them that take a value, skipped to find the command.
ROOT_FLAGS = {"--quiet", "-q", "--verbose", "-v", "--no-color"}
ROOT_VALUED = {"--project"}

# What the whole tool is for, shown under `revq --help`.
EXAMPLES = (
    ("score the leads as of a day: the 20 to call first", "revq score --as-of 2026-10-31"),
    ("what sales rejected, and why", "revq audit rejections --as-of 2026-10-31"),
    ("start here with a new export: what revq makes of it", "revq inspect hubspot_contacts.csv"),
)


def _click_error(name: str) -> type[Exception]:
    """A click exception class, reached from typer's public BadParameter: typer 0.29 vendors
    click (typer._click), earlier versions use click itself, and these are the classes raised
    either way."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


UsageError = _click_error("UsageError")
ClickException = _click_error("ClickException")
# Set, a revq bug shows its traceback instead of the one line that names it.
DEBUG_VARIABLE = "REVQ_DEBUG"


def _fail(message: str, hint: str | None = None) -> NoReturn:
    """The one line every error is, and at most one hint after it."""
    from revq.io.stdin import shown

    text = one_line(shown(message))
    if text[:1].isupper() and text[1:2].islower():  # click's "Invalid value", "No such ..."
        text = text[0].lower() + text[1:]
    hint = one_line(hint) if hint else None  # it may name what was typed
    sys.stderr.write(f"revq: error: {text}\n" + (f"hint: {hint}\n" if hint else ""))
    sys.exit(int(ExitCode.USAGE))


def _usage_error(exc: Any) -> NoReturn:
    """A usage error of the command line (an unknown command or option, a bad option value, a
    missing argument): the framework's boxed usage message, made the one line revq promises."""
    message = exc.format_message().replace("Value error, ", "")
    ctx = getattr(exc, "ctx", None)
    # A bad value's message says what is allowed; a word the command does not take, or one it
    # lacks, is better answered by its help.
    bad_value = isinstance(exc, typer.BadParameter) and type(exc).__name__ != "MissingParameter"
    hint = f"run '{ctx.command_path} --help'" if ctx is not None and not bad_value else None
    _fail(message, hint)


class _OneLineErrors:
    """Of the root command: every error ends the same way, whoever finds it: one line on
    stderr, `revq: error: ...` (a `hint: ...` line may follow), exit code 2, nothing on
    stdout."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        given = (args, prog_name, complete_var)
        parent: Any = super()
        if not standalone_mode:
            return parent.main(*given, False, windows_expand_args, **extra)
        try:
            # Not standalone: the framework hands its errors up instead of printing them.
            code = parent.main(*given, False, windows_expand_args, **extra)
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # `revq` alone: help was shown
                sys.exit(exc.exit_code)  # type: ignore[attr-defined]
            _usage_error(exc)
        except ClickException as exc:
            _fail(exc.format_message())  # type: ignore[attr-defined]
        except RevqError as exc:  # raised before a command runs (standard input, say)
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{exc.filename or ''}: {exc.strerror or exc}")
        except typer.Abort:
            _fail("aborted")
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc}",
                f"this is a revq bug; {DEBUG_VARIABLE}=1 shows where, for a report",
            )
        sys.exit(code if isinstance(code, int) else 0)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"revq {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only errors on stderr.", rich_help_panel=GLOBAL_PANEL),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="More detail on stderr.", rich_help_panel=GLOBAL_PANEL
        ),
    ] = False,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="No colour or styles (also NO_COLOR=1; FORCE_COLOR=1 styles a pipe).",
            rich_help_panel=GLOBAL_PANEL,
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Flags(quiet=quiet, verbose=verbose, no_color=no_color)


class _PlainHelp:
    """Help in plain words: a value's kind as FILE, DATE or N rather than a Python type
    (`<bool>`, `<list[Path]>`), flags with none, ranges said in the help. And an option not
    given stays None without typer's conversion, which imports pydantic: a tenth of a second
    on every `revq COMMAND --help`, whose root options are all left out."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            plain_metavar(param)
            if "process_value" not in vars(param):
                param.process_value = MethodType(_none_stays_none(param.process_value), param)
        return params


def _none_stays_none(process: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def process_value(param: Any, ctx: Any, value: Any) -> Any:
        if value is None and not param.required:
            return param.callback(ctx, param, value) if param.callback is not None else None
        return process(ctx, value)

    return process_value


# What an option's value is, in a word, where its type (text) says too little; one flag has
# one word in every command.
VALUE_WORDS = {
    "--as-of": "DATE",
    "--since": "DATE",
    "--until": "DATE",
    "--fail-on": "CONDITIONS",
    "--source": "VENDOR",
    "--table": "TABLE",
    "--encoding": "ENCODING",
    "--delimiter": "CHAR",
    "--sheet": "SHEET",
    "--export": "LAYOUT",
    "--by": "COLUMNS",
    "--template": "TEMPLATE",
    "--outcome": "COLUMN",
    "--reached": "STAGE",
    "--decision-time": "COLUMNS",
    "--capacity": "LEADS[/week]",
    "--key": "COLUMN",
    "--on": "COLUMNS",
    "--exports": "PATH",
    "--dbt": "PATH",
}


def plain_metavar(param: Any) -> None:
    """The word a parameter's value is shown as in help, unless it names its own."""
    param._get_number_range_help_str = lambda: None  # said in the help's own words
    if param.metavar is not None:
        return
    if getattr(param, "is_flag", False):
        param.metavar = ""
        return
    kind = param.type_descriptor
    if kind.is_choice and kind.choices:
        word = "|".join(str(getattr(c, "value", c)) for c in kind.choices)
        param.metavar = f"[{word}]"
        return
    named = next((VALUE_WORDS[o] for o in param.opts if o in VALUE_WORDS), None)
    if named is not None:
        param.metavar = named
        return
    if kind.is_path:
        info = kind.parameter_info
        word = (
            "DIR"
            if not getattr(info, "file_okay", True)
            else "FILE"
            if not getattr(info, "dir_okay", True)
            else "PATH"
        )
    else:
        base = kind.annotation
        word = {int: "N", float: "NUMBER"}.get(base, "TEXT")
    if param.param_type_name == "argument":
        # An argument is shown by its name (FILE, LEAD_ID...), which says what it takes.
        word = param.name.upper().removesuffix("S") if kind.is_list else param.name.upper()
        param.display_type_rich = lambda ctx: None
    param.metavar = word


class RevqCommand(_PlainHelp, TyperCommand):
    pass


class SubGroup(_PlainHelp, TyperGroup):
    """A group under the root (`revq audit`): help in plain words; its errors reach the
    root's handler."""


class RevqGroup(_OneLineErrors, _PlainHelp, TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = after_the_command(args)
        return super().parse_args(ctx, args)


def after_the_command(args: list[str]) -> list[str]:
    """`revq --project FILE score` as `revq score --project FILE`: the command takes it. (The
    root does not: typer converts an option with a value through pydantic even when it is
    given none, a tenth of a second more for every `revq COMMAND --help`.)"""
    front: list[str] = []
    valued: list[str] = []
    i = 0
    while i < len(args):
        if args[i] in ROOT_FLAGS:
            front.append(args[i])
            i += 1
        elif args[i] in ROOT_VALUED and i + 1 < len(args):
            valued += args[i : i + 2]
            i += 2
        elif args[i].split("=", 1)[0] in ROOT_VALUED:
            valued.append(args[i])
            i += 1
        else:
            break
    if not valued or i == len(args):
        return args  # no command follows: click says what is wrong
    rest = args[i:]
    end = rest.index("--") if "--" in rest else len(rest)
    return front + rest[:end] + valued + rest[end:]


def examples_epilog(examples: tuple[tuple[str, str], ...]) -> str | None:
    """A command's examples under its help: what each does, then the command line."""
    from rich.markup import escape

    if not examples:
        return None
    # Led by a blank line: typer strips the indentation the lines after the first share.
    lines = ["", "[bold]Examples[/bold]"]
    for what, line in examples:
        lines += [f"  [dim]# {escape(what)}[/dim]", f"  {escape(line)}"]
    return "\n".join(lines)


def build_app(only: str | None = None) -> typer.Typer:
    """The command line with every command, or with only the one named."""
    cli = typer.Typer(
        name="revq",
        help="Lead qualification as reviewable config: load CRM exports, score and stage "
        "leads, audit rejections, measure the funnel.\n\nThe commands that read a project "
        "take --project FILE (default: revq.yaml in the current folder), before or after "
        "their name, as they take -q, -v and --no-color.",
        epilog=examples_epilog(EXAMPLES),
        no_args_is_help=True,
        cls=RevqGroup,
        pretty_exceptions_enable=False,
    )
    cli.callback()(root)
    for name, (module, attribute, group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target: Any = getattr(importlib.import_module(module), attribute)
        if group:
            cli.add_typer(_group(target), name=name)
        else:
            cli.command(
                name,
                help=_unwrapped(target.__doc__),
                epilog=examples_epilog(getattr(target, "examples", ())),
                cls=RevqCommand,
            )(global_options(target))
    return cli


def _group(source: typer.Typer) -> typer.Typer:
    """A group of subcommands (`revq audit rejections`) registered afresh, each with the
    global options, so that the module's own Typer is left as it is."""
    info = source.info
    group = typer.Typer(help=info.help, no_args_is_help=True, cls=SubGroup)
    for sub in source.registered_commands:
        callback = sub.callback
        assert callback is not None
        group.command(
            sub.name,
            help=_unwrapped(sub.help or callback.__doc__),
            epilog=examples_epilog(getattr(callback, "examples", ())),
            cls=RevqCommand,
        )(global_options(callback))
    return group


def _unwrapped(doc: str | None) -> str | None:
    """A docstring's lines joined into paragraphs: help text is wrapped to the terminal, and
    the source's own line breaks would otherwise cut its sentences."""
    if doc is None:
        return None
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def command_named(args: list[str]) -> str | None:
    """The command an argument list runs, when it names one after the root options."""
    skip = False
    for arg in args:
        if skip or arg in ROOT_FLAGS or arg.split("=", 1)[0] in ROOT_VALUED:
            skip = arg in ROOT_VALUED and not skip
            continue
        return arg if arg in COMMANDS else None
    return None


@cache
def full_app() -> typer.Typer:
    return build_app()


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole command line, built on first use (tests, documentation)
        return full_app()
    raise AttributeError(name)


def main() -> None:
    build_app(command_named(sys.argv[1:]))(prog_name="revq")
