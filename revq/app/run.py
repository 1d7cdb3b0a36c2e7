"""The context of one run: where its messages go, and what it has read.

A command line prints messages to stderr as they come; a notebook or a scheduler's task wants
them kept with the result. So every use case takes a `Run` and says what it has to say through
it, to a sink the caller gives; nothing is printed or kept at module level, and two runs in one
process share nothing. Long work is said the same way (`step`), to a progress sink the caller
may give (a command line in a terminal draws a status line; the Python API gives none)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from revq.io.exports import Loads
from revq.io.load import LoadResult

Level = Literal["info", "warning", "debug"]


@dataclass(frozen=True)
class Message:
    """Something a run said: progress and counts (info), what the user should know
    (warning), or detail (debug)."""

    level: Level
    text: str

    def __str__(self) -> str:
        return f"warning: {self.text}" if self.level == "warning" else self.text


Sink = Callable[[Message], None]
# Called with the work under way as it begins ("reading leads.csv (84 MB)"), and with None when
# no work is under way.
Progress = Callable[[str | None], None]


class Run:
    """One run's messages, its load cache and its provenance (the exports it read).

    Args:
        sink: called with each message as it is said; none keeps them only in `messages`.
        warnings: False spares the passes over the data that only find warnings (a quiet
            command line prints none).
        progress: called with each step of long work as it begins, and with None when none
            is under way; none shows no progress.
    """

    def __init__(
        self, sink: Sink | None = None, *, warnings: bool = True, progress: Progress | None = None
    ) -> None:
        self._sink = sink
        self._progress = progress
        self._steps: list[str] = []
        self.wants_warnings = warnings
        self.messages: list[Message] = []
        self._said: set[str] = set()
        # Project inputs named in revq.yaml but not found, said once a run.
        self.missing_inputs: set[str] = set()
        self.loads = Loads(self.info, self.warn, self.step)
        # Files this run must not write over though it may not read them (a project's own
        # exports, configs and revq.yaml): see `guarded`.
        self.kept: set[Path] = set()

    def _say(self, level: Level, text: str) -> None:
        message = Message(level, text)
        self.messages.append(message)
        if self._sink is not None:
            self._sink(message)

    def info(self, text: str) -> None:
        self._say("info", text)

    def info_once(self, text: str) -> None:
        """Said once however many times a run meets the case (the report audits the same
        dispositions for three windows)."""
        if text not in self._said:
            self._said.add(text)
            self.info(text)

    def warn(self, text: str) -> None:
        self._say("warning", text)

    def debug(self, text: str) -> None:
        self._say("debug", text)

    @contextmanager
    def step(self, text: str) -> Iterator[None]:
        """Long work under way (reading an export, scoring, writing), for the progress sink;
        steps nest, and the enclosing one is shown again when an inner one ends."""
        if self._progress is None:
            yield
            return
        self._steps.append(text)
        self._progress(text)
        try:
            yield
        finally:
            self._steps.pop()
            self._progress(self._steps[-1] if self._steps else None)

    @property
    def loaded(self) -> dict[Path, LoadResult]:
        """Every export this run read, by resolved path: a report's provenance."""
        return self.loads.by_path

    def guarded(self, *given: Path) -> list[Path]:
        """The files an output of this run may not replace: those `given` (its own inputs),
        every export it read, and every file of the project it ran in (kept), read or not:
        `revq score --out dispositions.csv` must not overwrite the project's dispositions."""
        return [*given, *self.loads.by_path, *self.loads.links, *self.kept]

    def warnings(self) -> tuple[str, ...]:
        return tuple(m.text for m in self.messages if m.level == "warning")
