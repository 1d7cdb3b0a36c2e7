"""The revq command line: one thin module per command, registered here.

A run imports only the module of the command it runs: importing all of them (charts,
templates, model fitting) would add a quarter of a second to every cron job.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from revq import __version__
from revq.cli.common import Flags, one_line
from revq.errors import ExitCode, RevqError

# name -> (module, attribute, is a group of subcommands), in the order help lists them.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "inspect": ("revq.cli.inspect_cmd", "inspect", False),
    "score": ("revq.cli.score_cmd", "score", False),
    "explain": ("revq.cli.score_cmd", "explain", False),
    "funnel": ("revq.cli.funnel_cmd", "funnel_command", False),
    "report": ("revq.cli.report_cmd", "report", False),
    "backtest": ("revq.cli.backtest_cmd", "backtest_command", False),
    "diff": ("revq.cli.diff_cmd", "diff_command", False),
    "changes": ("revq.cli.changes_cmd", "changes_command", False),
    "init": ("revq.cli.init_cmd", "init", False),
    "validate": ("revq.cli.config_cmd", "validate", False),
    "config": ("revq.cli.config_cmd", "config_app", True),
    "audit": ("revq.cli.audit_cmd", "audit_app", True),
}
ROOT_FLAGS = {"--quiet", "-q", "--verbose", "-v"}


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


class RevqGroup(TyperGroup):
    """The root command. Every error ends the same way, whoever finds it: one line on stderr,
    `revq: error: ...` (a `hint: ...` line may follow), exit code 2, nothing on stdout."""

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
        if not standalone_mode:
            return super().main(*given, False, windows_expand_args, **extra)
        try:
            # Not standalone: the framework hands its errors up instead of printing them.
            code = super().main(*given, False, windows_expand_args, **extra)
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="More detail on stderr.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    ctx.obj = Flags(quiet=quiet, verbose=verbose)


def build_app(only: str | None = None) -> typer.Typer:
    """The command line with every command, or with only the one named."""
    cli = typer.Typer(
        name="revq",
        help="Lead qualification as reviewable config: load CRM exports, score and stage "
        "leads, audit rejections, measure the funnel.",
        no_args_is_help=True,
        cls=RevqGroup,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
    cli.callback()(root)
    for name, (module, attribute, group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target: Any = getattr(importlib.import_module(module), attribute)
        if group:
            for sub in target.registered_commands:
                callback = sub.callback
                sub.help = _unwrapped(sub.help or (callback.__doc__ if callback else None))
            cli.add_typer(target, name=name)
        else:
            cli.command(name, help=_unwrapped(target.__doc__))(target)
    return cli


def _unwrapped(doc: str | None) -> str | None:
    """A docstring's lines joined into paragraphs: help text is wrapped to the terminal, and
    the source's own line breaks would otherwise cut its sentences."""
    if doc is None:
        return None
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def command_named(args: list[str]) -> str | None:
    """The command an argument list runs, when it names one after the root flags."""
    for arg in args:
        if arg in ROOT_FLAGS:
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
    build_app(command_named(sys.argv[1:]))()
