"""The command line imports only the command it runs, and still offers every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from revq.cli.app import COMMANDS, build_app, command_named


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score", "leads.csv"], "score"),
        (["-q", "--verbose", "audit", "rejections"], "audit"),
        (["--version"], None),
        (["--help"], None),
        (["scroe"], None),  # a typo gets the full command line, and click's suggestion
        ([], None),
    ],
)
def test_command_named(args: list[str], expected: str | None) -> None:
    assert command_named(args) == expected


def test_a_single_command_app_has_only_that_command() -> None:
    import typer.main

    group = typer.main.get_command(build_app("report"))
    assert list(group.commands) == ["report"]  # type: ignore[attr-defined]
    full = typer.main.get_command(build_app())
    assert list(full.commands) == list(COMMANDS)  # type: ignore[attr-defined]


def test_score_runs_without_importing_the_other_commands() -> None:
    code = (
        "import sys; sys.argv = ['revq', '-q', 'score', '--help']\n"
        "from revq.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('revq.cli.') and m.endswith('_cmd')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "['revq.cli.score_cmd']"


def test_help_texts_are_paragraphs_not_source_lines() -> None:
    import typer.main

    group = typer.main.get_command(build_app())
    for name in ("score", "audit"):
        command = group.commands[name]  # type: ignore[attr-defined]
        helps = [command.help or ""]
        helps += [c.help or "" for c in getattr(command, "commands", {}).values()]
        for text in helps:
            assert text and all("\n" not in p for p in text.split("\n\n")), text
