"""`revq validate` and `revq config schema`: configs checked before any data is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import ProjectOpt, examples, new_run, project_of, user_errors

# The config kinds the argument's help names (revq.config.kinds.CONFIG_KINDS); the config
# models are not imported for --help.
CONFIG_KINDS = ("project", "load", "preset", "scoring", "reasons", "funnel")

config_app = typer.Typer(help="Config helpers.", no_args_is_help=True)


@examples(
    ("revq.yaml and every config it names", "revq validate"),
    ("some configs on their own", "revq validate ../configs/scoring.yaml ../configs/funnel.yaml"),
)
@user_errors
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Config files to check (default: revq.yaml and the configs it names).",
            dir_okay=False,
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Check config files: every error names the file, the key path, the bad value and what
    is allowed. Exit code 2 on the first invalid file."""
    from revq.app import validate as app

    run = new_run(ctx)
    # The project is read only when no file is named: a broken revq.yaml does not stop a
    # check of other files.
    app.validate(run, None if files else project_of(project_file), files=files)


@config_app.command("schema")
@examples(
    ("the JSON Schema of a scoring config, for an editor", "revq config schema scoring"),
    ("of revq.yaml itself", "revq config schema project"),
)
@user_errors
def schema(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help=f"Config kind: {', '.join(CONFIG_KINDS)}.")
    ] = "project",
) -> None:
    """Print the JSON Schema of a config kind, for editor autocompletion."""
    from revq.app.validate import config_schema

    typer.echo(json.dumps(config_schema(kind), indent=2, sort_keys=True))
