"""Errors a user can fix, and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    CONDITION_MET = 1  # ran, but a --fail-on condition was met
    USAGE = 2  # bad usage, config or input


class RevqError(Exception):
    """An error caused by the user's input or config; shown as one line, exit code 2."""

    exit_code = ExitCode.USAGE


class InputError(RevqError):
    """Bad input data: names the file, and the line and column when they are known."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        col = f" column {column!r}:" if column is not None else ""
        super().__init__(f"{where}:{col} {message}")


class ConfigError(RevqError):
    """Bad config: names the file, the key path (and line when known), and what is allowed."""

    def __init__(
        self, path: Path | str, key_path: str, message: str, *, line: int | None = None
    ) -> None:
        self.path = str(path)
        self.key_path = key_path
        self.message = message
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        key = f" {key_path}:" if key_path else ""
        super().__init__(f"{where}:{key} {message}")
