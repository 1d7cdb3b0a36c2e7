"""The work under way, as a status line on a terminal's stderr.

A run says what it is doing (`Run.step`); a command line in a terminal shows it once the run
has taken about a second, so a quick command prints nothing extra and a long one is never
silent. Nothing is shown with -q, or when stderr is a file or a pipe (cron, CI): the caller
does not make one then.
"""

from __future__ import annotations

import threading
import time

from rich.console import Console
from rich.status import Status
from rich.text import Text

from revq.render.layout import inert_message

DELAY = 1.0  # seconds of work before the status line shows


class StatusLine:
    """A run's progress sink: `line(text)` shows what is under way, `line(None)` that nothing
    is. The line is erased when the work ends, so it never mixes with the result."""

    def __init__(self, console: Console, delay: float = DELAY) -> None:
        self._console, self._delay = console, delay
        self._lock = threading.Lock()
        self._status: Status | None = None
        self._timer: threading.Timer | None = None
        self._text = ""
        self._began: float | None = None  # when the run's first step began

    def __call__(self, text: str | None) -> None:
        with self._lock:
            if text is None:
                self._hide()
                return
            self._text = text
            if self._status is not None:
                return  # the line reads the text each time it is drawn
            now = time.monotonic()
            if self._began is None:
                self._began = now
            wait = self._delay - (now - self._began)
            if wait <= 0:
                self._show()
            elif self._timer is None:
                self._timer = threading.Timer(wait, self._show_later)
                self._timer.daemon = True
                self._timer.start()

    def __rich__(self) -> Text:
        """The line as drawn (rich redraws it several times a second): the step and the
        seconds the run has taken."""
        began = self._began if self._began is not None else time.monotonic()
        # the step may name an export's file, whose name is not revq's to trust
        return Text(f"{inert_message(self._text)} · {time.monotonic() - began:.0f} s")

    def _show_later(self) -> None:
        with self._lock:
            if self._timer is not None:  # not hidden meanwhile
                self._timer = None
                self._show()

    def _show(self) -> None:
        self._status = Status(self, console=self._console, spinner="dots")
        self._status.start()

    def _hide(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._status is not None:
            self._status.stop()
            self._status = None

    def close(self) -> None:
        """Nothing more is under way: before the result is printed, or at exit."""
        with self._lock:
            self._hide()
