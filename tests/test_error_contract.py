"""One error contract for every command: whatever goes wrong before or while a command runs
(a missing, unreadable, empty or looping file, empty standard input, a bad option value, an
unknown option or command), the user sees exactly one line on stderr, `revq: error: ...`
(a `hint: ...` line may follow), exit code 2 and nothing on stdout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE, Run, run_cli

AS_OF = "2026-10-31"

# Each command with the place a file goes ({file}), run in a copy of the sample project so
# that everything but that file is in order; its bad option value; whether that file may be
# standard input (`-`).
COMMANDS: dict[str, tuple[list[str], list[str], bool]] = {
    "inspect": (["inspect", "{file}"], ["inspect", "x.csv", "--date-order", "ymd"], True),
    "score": (
        ["score", "{file}", "--as-of", AS_OF],
        ["score", "--as-of", "2026-13-45"],
        True,
    ),
    "explain": (
        ["explain", "1", "--leads", "{file}", "--as-of", AS_OF],
        ["explain", "1", "--format", "xml"],
        True,
    ),
    "funnel": (["funnel", "{file}", "--as-of", AS_OF], ["funnel", "--since", "2026-02-30"], True),
    "report": (
        ["report", "--weekly", "--as-of", AS_OF, "--project", "{file}"],
        ["report", "--weekly", "--format", "csv"],
        False,
    ),
    "backtest": (["backtest", "{file}", "--as-of", AS_OF], ["backtest", "--holdout", "2"], True),
    "diff": (
        ["diff", "../configs/scoring.yaml", "../configs/scoring.yaml", "{file}"],
        ["diff", "a.yaml", "b.yaml", "--top", "-1"],
        True,
    ),
    "changes": (
        ["changes", "hubspot_contacts.csv", "{file}"],
        ["changes", "a", "b", "-f", "md"],
        True,
    ),
    "audit": (
        ["audit", "rejections", "{file}", "--as-of", AS_OF],
        ["audit", "rejections", "--as-of", "yesterday"],
        True,
    ),
    "init": (["init", "{tmp}/new", "--exports", "{file}"], ["init", "--exports"], False),
    "validate": (["validate", "{file}"], ["validate", "--no-such-flag"], False),
    "config": (["config", "schema", "{file}"], ["config", "schema", "xml"], False),
}

# The file cases: how each makes the file it names.
Make = Callable[[Path], Path]


def _missing(tmp: Path) -> Path:
    return tmp / "no_such_export.csv"


def _folder(tmp: Path) -> Path:
    folder = tmp / "a_folder.csv"
    folder.mkdir()
    return folder


def _unreadable(tmp: Path) -> Path:
    path = tmp / "unreadable.csv"
    shutil.copy(SAMPLE / "hubspot_contacts.csv", path)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads it all the same
        pytest.skip("running as a user who can read a file without permission")
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.csv"
    path.write_bytes(b"")
    return path


def _loop(tmp: Path) -> Path:
    path = tmp / "loop.csv"
    path.symlink_to(path.name)
    return path


FILE_CASES: dict[str, Make] = {
    "missing": _missing,
    "folder": _folder,
    "unreadable": _unreadable,
    "empty": _empty,
    "loop": _loop,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project: a command that went on would write into it, not into
    the repository."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SAMPLE, root / "sample_data")
    shutil.copytree(ROOT / "configs", root / "configs")
    return root / "sample_data"


def assert_one_line_error(result: Run, *mentions: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert result.stderr.endswith("\n")
    assert lines[0].startswith("revq: error: "), result.stderr
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith("hint: ")), result.stderr
    for text in mentions:
        assert text in lines[0], result.stderr


FILE_COMMANDS = [c for c in COMMANDS if c != "config"]  # `config schema` reads no file


@pytest.mark.parametrize("case", list(FILE_CASES))
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_that_cannot_be_read(command: str, case: str, project: Path, tmp_path: Path) -> None:
    path = FILE_CASES[case](tmp_path)
    template = COMMANDS[command][0]
    args = [a.replace("{file}", str(path)).replace("{tmp}", str(tmp_path)) for a in template]
    result = run_cli(args, cwd=project)
    assert_one_line_error(result, path.name)


@pytest.mark.parametrize("command", [c for c in COMMANDS if COMMANDS[c][2]])
def test_empty_standard_input(command: str, project: Path) -> None:
    args = [a.replace("{file}", "-") for a in COMMANDS[command][0]]
    result = run_cli(args, cwd=project, input=b"")
    assert_one_line_error(result, "standard input (-) is empty")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_bad_option_value(command: str, project: Path) -> None:
    result = run_cli(COMMANDS[command][1], cwd=project)
    assert_one_line_error(result)


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--weekly", "--as-of", "0001-01-02"],  # its weeks would begin before year 1
        ["score", "--as-of", "9999-12-31"],  # the end of its day is past the calendar
        ["funnel", "--since", "1899-12-31"],
    ],
)
def test_a_day_at_either_end_of_the_calendar_is_a_usage_error(
    args: list[str], project: Path
) -> None:
    result = run_cli(args, cwd=project)
    assert_one_line_error(result, "expected a date as YYYY-MM-DD from 1900-01-01 to 9998-12-31")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_unknown_option(command: str, project: Path) -> None:
    words = COMMANDS[command][0]
    name = words[:2] if command in ("audit", "config") else words[:1]
    result = run_cli([*name, "--no-such-flag"], cwd=project)
    assert_one_line_error(result, "no such option: --no-such-flag")
    assert result.stderr.splitlines()[1] == f"hint: run 'revq {' '.join(name)} --help'"


@pytest.mark.parametrize("args", [["nosuch"], ["scor"], ["audit", "nosuch"], ["config", "x"]])
def test_an_unknown_command(args: list[str], project: Path) -> None:
    result = run_cli(args, cwd=project)
    assert_one_line_error(result, f"no such command '{args[-1]}'")


def test_a_near_miss_is_named() -> None:
    result = run_cli(["scor"])
    assert result.stderr.startswith("revq: error: no such command 'scor'. Did you mean 'score'?")


def test_a_revq_bug_is_one_line_too(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    # Not a user's error, but a cron job reading exit codes must not take it for a --fail-on
    # (exit 1), and the user sees what to report.
    import revq.app.validate

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(revq.app.validate, "validate", broken)
    monkeypatch.delenv("REVQ_DEBUG", raising=False)
    result = run_cli(["validate"], cwd=project)
    assert_one_line_error(result, "internal error: ZeroDivisionError: division by zero")
    assert "REVQ_DEBUG=1" in result.stderr.splitlines()[1]
    monkeypatch.setenv("REVQ_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        run_cli(["validate"], cwd=project)


def _revq(args: list[str], cwd: Path, stdin: bytes = b"") -> Run:
    """revq as a user runs it: a process of its own, its real streams and exit status."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("REVQ_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "revq", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
    )
    return Run(done.returncode, done.stdout.decode(), done.stderr.decode())


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--format", "xml"],
        ["score", "--as-of", "2026-13-45"],
        ["nosuch"],
        ["inspect", "-"],
        ["inspect", "."],
        ["score", "loop.csv"],
    ],
    ids=" ".join,
)
def test_through_a_real_process(args: list[str], project: Path) -> None:
    loop = project / "loop.csv"
    if not loop.is_symlink():
        loop.symlink_to(loop.name)
    result = _revq(args, project)
    assert_one_line_error(result)
    assert "Traceback" not in result.stderr and "╭" not in result.stderr


def test_a_binary_file_as_a_config_is_one_line(tmp_path: Path) -> None:
    # YAML's reader error runs over two lines ('... not allowed\n  in "<unicode string>"')
    config = tmp_path / "scoring.yaml"
    config.write_bytes(b"PK\x03\x04\x00\x00binary")
    result = run_cli(["validate", str(config)])
    assert_one_line_error(result, f"{config}: invalid YAML: unacceptable character #x0003")
