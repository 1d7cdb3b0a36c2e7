"""The documentation opens with a first run on the X Education export: the commands it shows
give, today, the output it shows."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, realdata, run_cli

DOC = ROOT / "docs" / "index.md"


def _shown() -> list[tuple[str, list[str]]]:
    """Each command of the first run with the lines the page shows under it."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## A first run on a real export") :]
    # not a console block: those run on the sample project (tests/test_doc_examples.py)
    fence = "```shell-session\n"
    block = section[section.index(fence) + len(fence) :]
    block = block[: block.index("```")]
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line)
    return commands


def test_the_first_run_in_the_docs_is_what_revq_prints(tmp_path: Path) -> None:
    (tmp_path / "Leads.csv").symlink_to(realdata("x-education-leads", "Leads.csv"))
    (init, init_lines), (score, score_lines) = _shown()
    assert init == "revq init xed --exports Leads.csv"
    made = run_cli(init.split()[1:], cwd=tmp_path, width=100)
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines() == init_lines
    assert score == "cd xed && revq score --top 3"
    scored = run_cli(["score", "--top", "3"], cwd=tmp_path / "xed", width=100)
    assert scored.exit_code == 0, scored.stderr
    # The page shows the terminal: messages (wrapped at its width), then the table, then the
    # hint. The heading's day is the day the page was written (the export has no dates: as-of is
    # today).
    err = scored.stderr.splitlines()
    got = " ".join([*err[:-1], *scored.stdout.splitlines(), err[-1]])
    assert _words(got) == _words(" ".join(score_lines))


def _words(text: str) -> list[str]:
    return re.sub(r"as of \d{4}-\d{2}-\d{2}", "as of DAY", text).split()
