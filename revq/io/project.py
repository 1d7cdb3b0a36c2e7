"""The project file, revq.yaml, read from the folder a command runs in (like dbt_project.yml).

Only the working folder is searched: a revq.yaml in some parent folder must never silently
change how a file elsewhere is read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from revq.config.loader import load_model
from revq.config.models import InputSpec, LoadOptions, ProjectConfig

PROJECT_FILE = "revq.yaml"
INPUT_ONLY_FIELDS = frozenset(set(InputSpec.model_fields) - set(LoadOptions.model_fields))


@dataclass(frozen=True)
class Project:
    root: Path
    config: ProjectConfig

    def input_path(self, table: str) -> Path | list[Path] | None:
        """The export (or the list of exports) revq.yaml names for a table."""
        spec = self.config.inputs.get(table)  # type: ignore[call-overload]
        if spec is None:
            return None
        named: str | list[str] = spec.path
        if isinstance(named, list):
            return [self._at(p) for p in named]
        return self._at(named)

    def _at(self, named: str) -> Path:
        """A path revq.yaml names, from the project's folder: an export beside it
        (../exports/leads.csv) is named in messages without the detour."""
        return Path(os.path.normpath(self.root / named))

    def load_options(self, table: str | None) -> LoadOptions:
        """Project-wide load options with the input's own overrides on top."""
        base = self.config.load
        spec: InputSpec | None = (
            self.config.inputs.get(table) if table else None  # type: ignore[call-overload]
        )
        if spec is None:
            return base
        # path and join say where the input is and what joins it, not how a file is read
        overrides = {
            k: getattr(spec, k) for k in spec.model_fields_set if k not in INPUT_ONLY_FIELDS
        }
        return base.model_copy(update=overrides)


def find_project(start: Path | None = None) -> Project | None:
    folder = (start or Path.cwd()).resolve()
    candidate = folder / PROJECT_FILE
    if candidate.is_file():
        return Project(folder, load_model(candidate, ProjectConfig))
    return None


def load_project(path: Path) -> Project:
    return Project(path.resolve().parent, load_model(path, ProjectConfig))
