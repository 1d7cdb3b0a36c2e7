"""Config files checked before any data is read, and the JSON Schema of each kind of config."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from revq.app.results import Outcome
from revq.app.run import Run
from revq.config.kinds import CONFIG_KINDS, detect_kind
from revq.config.loader import parse_yaml, validate_data
from revq.config.scoring import load_scoring
from revq.errors import ConfigError
from revq.io.project import PROJECT_FILE, Project


@dataclass(frozen=True, eq=False, repr=False)
class ValidateResult(Outcome):
    """The config files checked, each with its kind (project, load, preset, scoring, reasons,
    funnel), in the order they were checked: every one valid."""

    validated: tuple[tuple[Path, str], ...]
    _run: Run = field(repr=False)

    def metrics(self) -> dict[str, Any]:
        """`revq validate` takes no --fail-on: an invalid file is an error."""
        return {}


def config_files(project: Project | None, files: Sequence[Path | str] | None = None) -> list[Path]:
    """The files named, else the project's revq.yaml and the configs it names.

    Raises:
        ConfigError: no files named and no project.
    """
    paths = [Path(f) for f in files or []]
    if paths:
        return paths
    if project is None:
        raise ConfigError(
            PROJECT_FILE,
            "",
            "no revq.yaml in this folder; name the files to check or run revq init",
        )
    paths = [project.root / PROJECT_FILE]
    paths += [project.root / p for p in project.config.configs.values()]
    return paths


def check_config(path: Path) -> str:
    """Check one config file against the model of its kind.

    Returns:
        The kind of config it is.

    Raises:
        ConfigError: naming the file, the key path, the bad value and what is allowed.
    """
    data, node = parse_yaml(path)
    kind = detect_kind(path, data)
    if kind == "scoring":
        load_scoring(path)  # compiled too: list and lookup references, regexes, names
    else:
        validate_data(path, data, node, CONFIG_KINDS[kind])
    return kind


def validate(
    run: Run, project: Project | None, *, files: Sequence[Path | str] | None = None
) -> ValidateResult:
    """Check config files in order, saying each valid one as it passes; the first invalid one
    is an error.

    Args:
        project: whose revq.yaml and configs are checked when no files are named.
        files: the config files to check.

    Returns:
        The files checked, with their kinds.

    Raises:
        ConfigError: the first invalid file, or no files named and no project.
    """
    validated = []
    for path in config_files(project, files):
        kind = check_config(path)
        run.info(f"{path}: valid {kind} config")
        validated.append((path, kind))
    return ValidateResult(tuple(validated), run)


def config_schema(kind: str = "project") -> dict[str, Any]:
    """The JSON Schema of a config kind, for editor autocompletion.

    Raises:
        ConfigError: an unknown kind.
    """
    model: type[BaseModel] | None = CONFIG_KINDS.get(kind)
    if model is None:
        raise ConfigError(
            "<argument>",
            "kind",
            f"unknown config kind {kind!r}; allowed: {', '.join(CONFIG_KINDS)}",
        )
    return model.model_json_schema()
