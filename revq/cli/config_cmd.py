"""`revq validate` and `revq config schema`: configs checked before any data is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel

from revq.cli.common import ui, user_errors
from revq.config.kinds import CONFIG_KINDS, detect_kind
from revq.config.loader import parse_yaml, validate_data
from revq.config.scoring import load_scoring
from revq.errors import ConfigError
from revq.io.project import PROJECT_FILE, find_project

config_app = typer.Typer(help="Config helpers.", no_args_is_help=True)


@user_errors
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Config files to check (default: revq.yaml and the configs it names).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Check config files: every error names the file, the key path, the bad value and what
    is allowed. Exit code 2 on the first invalid file."""
    paths = list(files or [])
    if not paths:
        project = find_project()
        if project is None:
            raise ConfigError(
                PROJECT_FILE,
                "",
                "no revq.yaml in this folder; name the files to check or run revq init",
            )
        paths = [project.root / PROJECT_FILE]
        paths += [project.root / p for p in project.config.configs.values()]
    for path in paths:
        data, node = parse_yaml(path)
        kind = detect_kind(path, data)
        if kind == "scoring":
            load_scoring(path)  # compiled too: list and lookup references, regexes, names
        else:
            validate_data(path, data, node, CONFIG_KINDS[kind])
        ui.info(f"{path}: valid {kind} config")


@config_app.command("schema")
@user_errors
def schema(
    kind: Annotated[
        str, typer.Argument(help=f"Config kind: {', '.join(CONFIG_KINDS)}.")
    ] = "project",
) -> None:
    """Print the JSON Schema of a config kind, for editor autocompletion."""
    model: type[BaseModel] | None = CONFIG_KINDS.get(kind)
    if model is None:
        raise ConfigError(
            "<argument>",
            "kind",
            f"unknown config kind {kind!r}; allowed: {', '.join(CONFIG_KINDS)}",
        )
    typer.echo(json.dumps(model.model_json_schema(), indent=2, sort_keys=True))
