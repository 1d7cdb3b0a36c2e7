"""`revq init [DIR]`: scaffold a project so later commands run with no arguments."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from revq.cli.common import ui, user_errors
from revq.errors import RevqError
from revq.io.project import PROJECT_FILE
from revq.io.writers import write_bytes_atomic


@user_errors
def init(
    directory: Annotated[
        Path, typer.Argument(help="Folder of the new project.", file_okay=False)
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Create revq.yaml (paths of the team's exports, config files, time zone, fiscal calendar,
    output folder) and starter configs: the documented scoring, funnel and reasons examples."""
    templates = resources.files("revq.data") / "project"
    written = []
    for entry in sorted(templates.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        target = directory / (
            PROJECT_FILE if entry.name == "revq.yaml" else f"configs/{entry.name}"
        )
        if target.exists() and not force:
            raise RevqError(f"{target}: already exists; pass --force to overwrite")
        write_bytes_atomic(target, entry.read_bytes())
        written.append(target)
    for target in written:
        ui.info(f"created {target}")
    ui.info(f"next: put your exports where {directory / PROJECT_FILE} says, then run revq inspect")
