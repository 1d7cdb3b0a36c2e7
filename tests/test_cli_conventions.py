"""The conventions of a well-made command line: every command and option has help in plain
words, each command's examples run as written, the global options work before or after the
command, -V and shell completion."""

from __future__ import annotations

import importlib
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.text import Text

from revq import __version__
from revq.cli import app as cli_app
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = ["--as-of", "2026-10-31"]


def commands() -> Iterator[tuple[list[str], Any]]:
    """Every command as (its words, its click command), groups and their subcommands too."""
    root = typer.main.get_command(cli_app.full_app())

    def walk(path: list[str], command: Any) -> Iterator[tuple[list[str], Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk([*path, name], sub)

    yield from walk([], root)


COMMANDS = list(commands())
IDS = [" ".join(path) or "revq" for path, _ in COMMANDS]


def test_every_command_is_found() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"score", "explain", "audit rejections", "config schema", "validate"} <= names
    assert len(names) == 17  # the root, 13 commands, 2 groups' 2 subcommands


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_command_and_option_has_help_in_plain_words(path: list[str], command: Any) -> None:
    ctx = typer.Context(command)
    texts = {"the command": command.help}
    for param in command.get_params(ctx):
        if "--help" not in param.opts:
            texts[param.opts[0] if param.opts else param.name] = param.help
    for what, text in texts.items():
        assert text and text.strip(), f"{' '.join(path)} {what} has no help"
        plain = Text.from_markup(text).plain
        # Nothing taken for markup and dropped ("Markdown or HTML [default: ...]."), no stray
        # spaces ("then ."), no doubled ones.
        assert plain == text.replace("\\[", "["), f"{what}: {plain!r}"
        assert not re.search(r" [,;:)]| \.(?![.\w])|\( |  ", plain), f"{what}: {plain!r}"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_help_shows_no_python_types(path: list[str], command: Any) -> None:
    result = run_cli([*path, "--help"], width=120)
    assert result.exit_code == 0, result.stderr
    found = re.findall(r"<[a-z_\[\]|, ]+>", result.stdout)
    assert not found, f"revq {' '.join(path)} --help shows {found}"
    assert "[x>=" not in result.stdout and "range]" not in result.stdout


def examples() -> list[tuple[str, str, str]]:
    """Every command's examples, (command, what it does, the line), in the order the commands
    are listed: a later example may use a file an earlier one wrote (diff the config backtest
    suggested, changes the export score wrote)."""
    out = []
    for name, (module, attribute, group) in cli_app.COMMANDS.items():
        target = getattr(importlib.import_module(module), attribute)
        if group:
            subs = [(f"{name} {s.name}", s.callback) for s in target.registered_commands]
        else:
            subs = [(name, target)]
        for words, callback in subs:
            out += [(words, what, line) for what, line in callback.examples]
    return out + [("revq", what, line) for what, line in cli_app.EXAMPLES]


def test_every_command_has_two_or_three_examples() -> None:
    found = examples()
    for path, _ in COMMANDS:
        words = " ".join(path)
        if path and path[0] in ("audit", "config") and len(path) == 1:
            continue  # a group: its subcommands have them
        count = sum(1 for command, _, _ in found if command == (words or "revq"))
        assert 2 <= count <= 3, f"revq {words}: {count} examples"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project beside its configs, as the examples expect."""
    root = tmp_path_factory.mktemp("examples")
    shutil.copytree(SAMPLE, root / "sample_data")
    shutil.copytree(ROOT / "configs", root / "configs")
    return root / "sample_data"


def test_every_example_runs_in_the_sample_project(project: Path) -> None:
    for command, what, line in examples():
        words = shlex.split(line)
        assert words[0] == "revq", line
        assert (
            words[1 : 1 + len(command.split())] == command.split()
            or command == "revq"
            or (command == "changes" and words[1] == "score")
        ), f"{line!r} is listed under {command}"
        result = run_cli(words[1:], cwd=project)
        assert result.exit_code == 0, f"{line} ({what}): {result.stderr}"
    assert (project / "suggested.yaml").exists() and (project / "push.csv").exists()


def test_help_shows_the_examples() -> None:
    result = run_cli(["score", "--help"], width=120)
    assert "Examples" in result.stdout
    assert "revq score --as-of 2026-10-31 --export hubspot --out today.csv" in result.stdout


def test_version() -> None:
    for flag in ("-V", "--version"):
        result = run_cli([flag])
        assert result.exit_code == 0 and result.stdout == f"revq {__version__}\n"


def test_shell_completion_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    # typer finds the shell from the process tree, which a test runner's workers may hide
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    shown = run_cli(["--show-completion"])
    assert shown.exit_code == 0 and "_REVQ_COMPLETE=complete_bash" in shown.stdout
    assert "--install-completion" in run_cli(["--help"], width=120).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["-q", "score", *AS_OF, "--top", "2"],
        ["score", "-q", *AS_OF, "--top", "2"],
        ["score", *AS_OF, "--top", "2", "--quiet"],
    ],
)
def test_quiet_before_or_after_the_command(args: list[str]) -> None:
    result = run_cli(args, cwd=SAMPLE)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("top 2 of 5,000 leads")


def test_verbose_and_no_color_after_a_subcommand() -> None:
    result = run_cli(["audit", "rejections", *AS_OF, "-v", "--no-color", "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout + result.stderr


def test_project_before_or_after_the_command(tmp_path: Path) -> None:
    project = str(SAMPLE / "revq.yaml")
    before = run_cli(["--project", project, "score", *AS_OF, "-f", "csv"], cwd=tmp_path)
    after = run_cli(["score", "--project", project, *AS_OF, "-f", "csv"], cwd=tmp_path)
    assert before.exit_code == after.exit_code == 0, before.stderr
    assert before.stdout == after.stdout and before.stdout.startswith("lead_id,")
    check = run_cli(["--project", project, "validate"], cwd=tmp_path)
    assert check.exit_code == 0, check.stderr


def test_the_command_run_is_found_after_the_root_options() -> None:
    named = cli_app.command_named
    assert named(["--project", "x/revq.yaml", "-q", "score", "--top", "3"]) == "score"
    assert named(["--project=x/revq.yaml", "audit", "rejections"]) == "audit"
    assert named(["--no-color", "-v", "funnel"]) == "funnel"
    assert named(["--version"]) is None and named([]) is None


def test_the_metrics_help_names_are_the_metrics_there_are() -> None:
    """Help lists --fail-on's metrics without importing the modules that compute them: the
    lists must not drift from what --fail-on accepts."""
    from revq.app.changes import CHANGES_METRICS
    from revq.app.inspect import INSPECT_METRICS as INSPECTED
    from revq.cli.changes_cmd import METRICS
    from revq.cli.inspect_cmd import INSPECT_METRICS
    from revq.cli.score_cmd import SCORE_METRICS
    from revq.core.scoring.metrics import METRICS as SCORED

    assert set(SCORE_METRICS.split(", ")) == set(SCORED)
    assert set(INSPECT_METRICS) == set(INSPECTED)
    assert set(METRICS) == set(CHANGES_METRICS)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_a_choice_shows_its_choices(path: list[str], command: Any) -> None:
    """`--by [lead|account]`, not the word another command's --by takes (COLUMNS)."""
    ctx = typer.Context(command)
    for param in command.get_params(ctx):
        kind = getattr(param, "type_descriptor", None)
        if kind is not None and kind.is_choice and kind.choices:
            values = {str(getattr(c, "value", c)) for c in kind.choices}
            shown = param.metavar.removeprefix("[").removesuffix("]").split("|")
            # --format lists the formats its command writes, some of all there are.
            assert param.metavar.startswith("[") and set(shown) <= values, param.opts
