"""A run whose result tells nobody anything says so, and names the way out."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from tests.conftest import SAMPLE, run_cli


def test_a_scoring_that_puts_every_lead_in_one_stage_says_so(tmp_path: Path) -> None:
    # Thirty leads this config gives the same points: every one is held back alike.
    leads = tmp_path / "leads.csv"
    pl.DataFrame(
        {
            "lead_id": [str(i) for i in range(30)],
            "email": [f"p{i}@example.com" for i in range(30)],
            "title": ["Student"] * 30,
        }
    ).write_csv(leads)
    config = tmp_path / "scoring.yaml"
    config.write_text(
        "version: 1\nfit:\n  rules:\n"
        "    - {name: student, when: {column: title, contains: Student}, points: 5}\n",
        encoding="utf-8",
    )
    result = run_cli(["score", str(leads), "--config", str(config), "-f", "csv"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    stages = pl.read_csv(result.stdout.encode())["stage"]
    assert stages.n_unique() == 1  # the case, by the output itself
    line = next(x for x in result.stderr.splitlines() if "does not separate" in x)
    assert line.startswith(f"warning: 30 of 30 leads (100.0%) are {stages[0]}:")
    assert "revq explain" in line and "revq backtest --suggest" in line


def test_a_scoring_that_separates_says_nothing_of_the_kind() -> None:
    result = run_cli(["score", "--as-of", "2026-10-31", "-f", "csv"], cwd=SAMPLE)
    assert result.exit_code == 0 and "does not separate" not in result.stderr
