"""The README's console examples on the sample data still say what revq prints.

Each `$ revq ...` (or `$ cd sample_data && revq ...`) in a ```console block is run; every line
shown after it must be in what it printed, except table rows drawn by hand in the README (a
leading single space) and lines standing for the rest (`...`): for a line cut short with `...`,
the part before must be. Blocks showing errors of a broken config are illustrations of a file
the reader does not have, and are not run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
BOX = re.compile("[│┃┏┓┗┛┡┩┣┫╇╈┳┻━─┌┐└┘├┤┬┴┼]")


def examples() -> list[tuple[str, list[str]]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        if "revq: error:" in block:
            continue
        in_sample = False  # a `cd sample_data` holds for the rest of its block
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *shown = chunk.rstrip("\n").split("\n")
            in_sample = in_sample or command.startswith("cd sample_data && ")
            if in_sample and not command.startswith("cd "):
                command = "cd sample_data && " + command
            out.append((command, shown))
    return out


def squash(text: str) -> str:
    return " ".join(BOX.sub(" ", text).split())


@pytest.mark.parametrize(("command", "shown"), examples(), ids=lambda v: str(v)[:60])
def test_console_example(command: str, shown: list[str]) -> None:
    cwd = ROOT
    if command.startswith("cd sample_data && "):
        cwd, command = SAMPLE, command.removeprefix("cd sample_data && ")
    command, _, pipe = command.partition(" | ")
    args = shlex.split(command)
    assert args[0] == "revq"
    result = run_cli(args[1:], cwd=cwd)
    assert result.exit_code == 0, result.stderr
    printed = result.stdout
    if pipe:
        head = re.fullmatch(r"head -(\d+)", pipe)
        assert head, pipe
        printed = "\n".join(printed.splitlines()[: int(head.group(1))])
    said = [squash(line) for line in (printed + "\n" + result.stderr).splitlines()]
    for line in shown:
        if (line.startswith(" ") and not line.startswith("  ")) or not line.strip(". "):
            continue  # a table drawn by hand, or "..."
        want = squash(line.split("...")[0]) if "..." in line else squash(line)
        assert any(want in s for s in said), f"{line!r} is not in what `{command}` printed"


def test_the_examples_are_found() -> None:
    commands = [c for c, _ in examples()]
    assert len(commands) >= 5 and any("explain" in c for c in commands)
    assert Path(ROOT / "README.md").exists()
