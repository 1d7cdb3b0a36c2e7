"""No output replaces a file of the project: not only the export a command reads first, but
every export it reads, and every export, config and revq.yaml the project names, read by this
command or not (`revq score --out dispositions.csv` would lose the team's dispositions)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run_cli

AS_OF = "2026-10-31"
CASES = [
    # (command, the project file given as its output): read by the command, or not
    (["score", "--as-of", AS_OF, "--out"], "activities.csv"),
    (["score", "--as-of", AS_OF, "--out"], "dispositions.csv"),
    (["score", "--as-of", AS_OF, "--out", "scored.csv", "--explain-out"], "opportunities.csv"),
    (["explain", "81585149", "--as-of", AS_OF, "-f", "csv", "--out"], "signals.csv"),
    (["funnel", "--as-of", AS_OF, "--out"], "stage_history.csv"),
    (["funnel", "--as-of", AS_OF, "--entries-out"], "dispositions.csv"),
    (["audit", "rejections", "--as-of", AS_OF, "--out"], "hubspot_contacts.csv"),
    (["audit", "rejections", "--as-of", AS_OF, "--recycle-out"], "activities.csv"),
    (["backtest", "-f", "json", "--out"], "opportunities.csv"),
    (["funnel", "--as-of", AS_OF, "-f", "md", "--out"], "revq.yaml"),
    (
        ["diff", "../configs/scoring.yaml", "../configs/scoring.yaml", "-f", "md", "--out"],
        "activities.csv",
    ),
    (
        ["diff", "../configs/scoring.yaml", "../configs/scoring.yaml", "-f", "md", "--out"],
        "../configs/reasons.yaml",
    ),
]


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(("args", "target"), CASES, ids=[f"{a[0]}>{t}" for a, t in CASES])
def test_an_output_never_replaces_a_file_of_the_project(
    tmp_path: Path, args: list[str], target: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    before = _digests(tmp_path)
    result = run_cli([*args, target], cwd=project)
    assert result.exit_code == 2, (result.stdout[-300:], result.stderr[-500:])
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == (
        f"revq: error: {target}: refusing to overwrite an input file; choose another --out"
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert _digests(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ["backtest", "--out", "bt.csv"],
        ["diff", "../configs/scoring.yaml", "../configs/scoring.yaml", "--out", "d.csv"],
    ],
    ids=["backtest", "diff"],
)
def test_a_text_result_is_not_written_under_a_table_name(tmp_path: Path, args: list[str]) -> None:
    """A backtest or a diff is Markdown or JSON: a .csv name got JSON or Markdown bytes."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    result = run_cli(args, cwd=project)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].endswith("name it .md or .json, or pass --format")
    assert not (project / args[-1]).exists()
    args[-1] = args[-1].replace(".csv", ".md")
    assert run_cli(args, cwd=project).exit_code == 0
    assert (project / args[-1]).read_text().startswith("#")
