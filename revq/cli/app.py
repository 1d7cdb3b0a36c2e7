"""The revq command line: one thin module per command, registered here.

A run imports only the module of the command it runs: importing all of them (charts,
templates, model fitting) would add a quarter of a second to every cron job.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from functools import cache
from typing import Annotated, Any

import typer

from revq import __version__
from revq.cli.common import Flags

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
    "notify": ("revq.cli.notify_cmd", "notify", False),
    "init": ("revq.cli.init_cmd", "init", False),
    "validate": ("revq.cli.config_cmd", "validate", False),
    "config": ("revq.cli.config_cmd", "config_app", True),
    "audit": ("revq.cli.audit_cmd", "audit_app", True),
}
ROOT_FLAGS = {"--quiet", "-q", "--verbose", "-v"}


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
