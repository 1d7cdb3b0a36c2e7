"""Progress on long work: a run says each step through the progress sink its caller gives; the
command line draws it as a status line on a terminal's stderr after about a second, and never
with -q, in a pipe or in CI; stdout carries the result alone either way."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from revq.app.inputs import open_project, parse_as_of
from revq.app.run import Run
from revq.app.score import score
from revq.cli.common import Flags
from revq.cli.progress import StatusLine
from tests.conftest import SAMPLE, run_cli


def test_steps_reach_the_sink_in_order_nested_and_end_with_none() -> None:
    seen: list[str | None] = []
    run = Run(progress=seen.append)
    with run.step("reading a.csv"):
        with run.step("typing columns"):
            pass
        with run.step("checking values"):
            pass
    assert seen == [
        "reading a.csv",
        "typing columns",
        "reading a.csv",
        "checking values",
        "reading a.csv",
        None,
    ]


def test_a_step_that_fails_still_ends() -> None:
    seen: list[str | None] = []
    run = Run(progress=seen.append)
    with pytest.raises(ValueError), run.step("scoring"):
        raise ValueError("boom")
    assert seen == ["scoring", None]


def test_without_a_sink_a_step_costs_nothing_and_says_nothing() -> None:
    run = Run()
    with run.step("reading a.csv"):
        pass
    assert run.messages == []


def test_a_scoring_run_says_its_steps(tmp_path: Path) -> None:
    """Reading each input (with its size), scoring, writing: what a person waits for."""
    seen: list[str | None] = []
    run = Run(progress=seen.append)
    result = score(run, open_project(SAMPLE / "revq.yaml"), as_of=parse_as_of("2026-10-31"))
    result.counts  # noqa: B018 - counted as the command line counts for its summary
    result.write(tmp_path / "scored.parquet")
    steps = [s for s in seen if s is not None]
    assert steps[0].startswith("reading hubspot_contacts.csv (") and steps[0].endswith(" MB)")
    assert any(s.startswith("reading activities.csv (") for s in steps)
    assert "scoring 5,000 leads" in steps and "writing scored.parquet" in steps
    assert seen[-1] is None


def test_the_command_line_draws_nothing_in_a_pipe() -> None:
    """CliRunner's stderr is not a terminal, as in cron or CI: no status line, no spinner."""
    result = run_cli(["score", "--as-of", "2026-10-31", "--top", "3"], cwd=SAMPLE)
    assert result.exit_code == 0
    assert "reading " not in result.stderr and "scoring 5,000" not in result.stderr


def test_only_a_terminal_without_quiet_gets_a_status_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert Flags().progress() is not None
    assert Flags(quiet=True).progress() is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert Flags().progress() is None


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=80, color_system=None), out


def test_a_quick_run_shows_no_status_line() -> None:
    console, out = _console()
    line = StatusLine(console, delay=5)
    line("reading a.csv")
    line(None)
    line.close()
    assert out.getvalue() == ""


def test_a_long_run_shows_what_it_is_doing_then_erases_it() -> None:
    console, out = _console()
    line = StatusLine(console, delay=0.05)
    line("reading leads.csv (84.2 MB)")
    time.sleep(0.3)
    line("scoring 1,000,000 leads")
    time.sleep(0.3)
    line.close()
    drawn = out.getvalue()
    assert "reading leads.csv (84.2 MB)" in drawn and "scoring 1,000,000 leads" in drawn
    assert drawn.endswith("\x1b[1A\x1b[2K")  # the line is gone: up one, cleared
