from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revq.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The shared data beside the checkout; REVQ_SHARED points elsewhere (a second worktree of it).
SHARED = Path(os.environ.get("REVQ_SHARED") or ROOT.parent / "shared")
REALDATA = SHARED / "realdata"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(
    args: Sequence[str],
    cwd: Path | None = None,
    input: bytes | None = None,
    width: int | None = None,
) -> Run:
    """revq run in this process, as typer's runner runs it; `input` is its standard input. Its
    terminal views are laid out `width` columns wide, else as for a pipe (the width the README
    shows); never as the test runner's COLUMNS happen to be."""
    runner = CliRunner(env={"COLUMNS": str(width) if width else None})
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


def realdata(*parts: str) -> Path:
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not present ({'/'.join(parts)}): ../shared is absent")
    return path


# The sample's stage history, as revq reads it beside the contacts export (DuckDB SQL). That
# export holds some people twice (one email, in other case or with spaces): the history of the
# record merged away is the person's and counts for the record kept, the one with the latest
# activity, then the latest create date.
CONTACTS = f"""(select "Record ID" id, lower(trim("Email")) email,
    try_strptime("Last Activity Date", '%Y-%m-%d %H:%M') activity,
    try_strptime("Create Date", '%Y-%m-%d %H:%M') created
    from read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar = true)
    where regexp_matches(lower(trim("Email")), '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'))"""
MERGES = f"""(select id, first_value(id) over (partition by email
    order by activity desc nulls last, created desc nulls last) kept from {CONTACTS})"""
SAMPLE_HISTORY = f"""(select coalesce(m.kept, h.lead_id) lead_id, h.stage, h.entered_at
    from read_csv('{SAMPLE}/stage_history.csv', all_varchar = true) h
    left join {MERGES} m on m.id = h.lead_id)"""
