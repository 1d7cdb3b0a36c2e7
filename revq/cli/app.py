"""The revq command line: one thin module per command, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from revq import __version__
from revq.cli.audit_cmd import audit_app
from revq.cli.backtest_cmd import backtest_command
from revq.cli.common import ui
from revq.cli.config_cmd import config_app, validate
from revq.cli.diff_cmd import diff_command
from revq.cli.funnel_cmd import funnel_command
from revq.cli.init_cmd import init
from revq.cli.inspect_cmd import inspect
from revq.cli.report_cmd import report
from revq.cli.score_cmd import explain, score

app = typer.Typer(
    name="revq",
    help="Lead qualification as reviewable config: load CRM exports, score and stage leads, "
    "audit rejections, measure the funnel.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"revq {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="More detail on stderr.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    ui.quiet = quiet
    ui.verbose = verbose


app.command()(inspect)
app.command()(score)
app.command()(explain)
app.command("funnel")(funnel_command)
app.command()(report)
app.command("backtest")(backtest_command)
app.command("diff")(diff_command)
app.command()(init)
app.command()(validate)
app.add_typer(config_app, name="config")
app.add_typer(audit_app, name="audit")


def main() -> None:
    app()
