"""A command asked for a period the exports hold no data in exits 2 naming what is missing and
the dates the exports cover (a scheduled report on stale exports fails loudly); --allow-empty
(allow_empty=True in the API) makes it a warning and an empty result. The dates each export
covers are computed here by DuckDB on the raw files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

import revq
from revq.errors import RevqError
from tests.conftest import ROOT, run_cli

STALE = "2026-11-01"  # months after the exports end: a cron job on stale exports


def _stamp(day: date, hour: int = 9) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Leads created from March 2015 to July 2016, with none in the weeks around the turn of
    2015 (a quiet spell inside the exports' dates), their stage history and dispositions."""
    root = tmp_path_factory.mktemp("stale")
    first = date(2015, 3, 2)
    days = [first + timedelta(days=11 * i) for i in range(47)]
    days = [d for d in days if not date(2015, 11, 25) <= d <= date(2016, 1, 12)]
    ids = [f"L{i:03d}" for i in range(len(days))]
    pl.DataFrame(
        {
            "lead_id": ids,
            "email": [f"p{i}@acme{i % 5}.com" for i in range(len(days))],
            "title": ["VP Sales" if i % 3 == 0 else "Analyst" for i in range(len(days))],
            "lead_source": ["Webinar" if i % 2 else "Paid search" for i in range(len(days))],
            "created_at": [_stamp(d) for d in days],
        }
    ).write_csv(root / "leads.csv")
    history = [(i, "lead", d) for i, d in zip(ids, days, strict=True)] + [
        (i, "mql", d + timedelta(days=4)) for i, d in zip(ids, days, strict=True)
    ]
    pl.DataFrame(
        {
            "lead_id": [h[0] for h in history],
            "stage": [h[1] for h in history],
            "entered_at": [_stamp(h[2], 10) for h in history],
        }
    ).write_csv(root / "stage_history.csv")
    handed = [d + timedelta(days=5) for d in days[::2]]
    pl.DataFrame(
        {
            "lead_id": ids[::2],
            "disposition": ["accepted", "rejected"] * (len(handed) // 2)
            + ["accepted"] * (len(handed) % 2),
            "reason": [None, "Bad timing"] * (len(handed) // 2) + [None] * (len(handed) % 2),
            "rep": ["Kim"] * len(handed),
            "handed_off_at": [_stamp(d) for d in handed],
            "first_touch_at": [_stamp(d, 11) for d in handed],
            "disposition_at": [_stamp(d + timedelta(days=2)) for d in handed],
        }
    ).write_csv(root / "dispositions.csv")
    (root / "scoring.yaml").write_text(
        "version: 1\nfit:\n  rules:\n    - {name: vp, when: {column: title, contains: VP}, "
        "points: 30}\n",
        encoding="utf-8",
    )
    (root / "revq.yaml").write_text(
        "version: 1\nname: stale\ninputs:\n  leads: {path: leads.csv}\n"
        "  stage_history: {path: stage_history.csv}\n  dispositions: {path: dispositions.csv}\n"
        "configs:\n  scoring: scoring.yaml\noutput_dir: reports\n",
        encoding="utf-8",
    )
    return root


def _span(root: Path, file: str, *columns: str) -> tuple[date, date]:
    """The first and last day of the columns, by DuckDB on the raw file."""
    low = ", ".join(f"min({c}::timestamptz)" for c in columns)
    high = ", ".join(f"max({c}::timestamptz)" for c in columns)
    sql = f"select least({low}), greatest({high}) from read_csv('{root / file}')"
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    first, last = con.execute(sql).fetchone()  # type: ignore[misc]
    return first.date(), last.date()


def _days(root: Path, file: str, *columns: str) -> str:
    first, last = _span(root, file, *columns)
    return f"{first}..{last}"


def _week(as_of: str) -> str:
    """The last complete ISO week by the end of `as_of`, as a report names it."""
    after = date.fromisoformat(as_of) + timedelta(days=1)
    start = after - timedelta(days=after.weekday()) - timedelta(days=7)
    year, week, _ = start.isocalendar()
    return f"{year}-W{week:02d} ({start}..{start + timedelta(days=6)})"


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("revq: error:")]


SPANS = (
    ("leads.csv", ("created_at",)),
    ("stage_history.csv", ("entered_at",)),
    ("dispositions.csv", ("handed_off_at", "disposition_at")),
)


def _covers(root: Path) -> str:
    """What the report's error says the exports cover: when they end, then each one's dates."""
    spans = [(file, _span(root, file, *columns)) for file, columns in SPANS]
    each = ", ".join(
        f"{file} {'covers ' if i == 0 else ''}{first}..{last}"
        for i, (file, (first, last)) in enumerate(spans)
    )
    return f"the exports end on {max(last for _, (_, last) in spans)} ({each})"


def test_a_weekly_report_on_stale_exports_exits_2_naming_what_they_cover(project: Path) -> None:
    out = project / "stale.md"
    result = run_cli(["report", "--weekly", "--as-of", STALE, "-o", str(out)], cwd=project)
    assert result.exit_code == 2 and not out.exists()
    assert _errors(result.stderr) == [
        f"revq: error: no lead, stage entry or disposition in {_week(STALE)}: "
        f"{_covers(project)}; pass --as-of inside them, or --allow-empty to write an empty report"
    ]
    monthly = run_cli(["report", "--monthly", "--as-of", STALE, "-o", str(out)], cwd=project)
    assert monthly.exit_code == 2
    assert " in 2026-10 (2026-10-01..2026-10-31): the exports end on " in monthly.stderr


def test_allow_empty_writes_the_empty_report_with_one_warning(project: Path) -> None:
    out = project / "empty.md"
    args = ["report", "--weekly", "--as-of", STALE, "-o", str(out), "--allow-empty"]
    result = run_cli(args, cwd=project)
    assert result.exit_code == 0, result.stderr
    assert out.exists()
    warnings = [x for x in result.stderr.splitlines() if x.startswith("warning: ")]
    assert warnings == [
        f"warning: no lead, stage entry or disposition in {_week(STALE)}: {_covers(project)}; "
        "writing an empty report (--allow-empty)"
    ]


def test_a_week_inside_the_exports_is_reported_even_a_quiet_one(project: Path) -> None:
    for as_of in ("2016-03-15", "2015-12-20"):  # a busy week; one of the quiet spell
        out = project / f"{as_of}.md"
        result = run_cli(["report", "--weekly", "--as-of", as_of, "-o", str(out)], cwd=project)
        assert result.exit_code == 0, result.stderr
        assert out.exists() and not _errors(result.stderr)


def test_a_scheduled_run_sees_exit_code_2(project: Path) -> None:
    # as cron runs it: a process, its exit status, its stderr
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "revq", "report", "--weekly", "--as-of", STALE],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines()[-1].startswith("revq: error: no lead, stage entry ")


def test_funnel_windows_the_exports_do_not_reach(project: Path) -> None:
    history = _span(project, "stage_history.csv", "entered_at")
    leads = _span(project, "leads.csv", "created_at")
    each = f"stage_history.csv covers {history[0]}..{history[1]}, leads.csv {leads[0]}..{leads[1]}"
    after = f"the exports end on {max(history[1], leads[1])} ({each})"
    earlier = f"the exports begin on {min(history[0], leads[0])} ({each})"
    window = ["funnel", "--since", "2026-01-01", "--until", "2026-03-31", "--as-of", STALE]
    result = run_cli(window, cwd=project)
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"revq: error: no stage entry or lead in 2026-01-01..2026-03-31: {after}; pass "
        "--since/--until inside them, or --allow-empty to write an empty funnel"
    ]
    before = run_cli(["funnel", "--as-of", "2014-12-31"], cwd=project)
    assert _errors(before.stderr) == [
        f"revq: error: no stage entry or lead by 2014-12-31: {earlier}; pass --as-of inside "
        "them, or --allow-empty to write an empty funnel"
    ]
    allowed = run_cli([*window, "--allow-empty", "-f", "json"], cwd=project)
    assert allowed.exit_code == 0, allowed.stderr
    assert "writing an empty funnel (--allow-empty)" in allowed.stderr
    inside = ["funnel", "--since", "2015-06-01", "--until", "2015-12-31", "--as-of", STALE]
    assert run_cli(inside, cwd=project).exit_code == 0
    late = run_cli(["funnel", "--since", "2027-01-01", "--as-of", STALE], cwd=project)
    assert _errors(late.stderr) == [
        f"revq: error: --since 2027-01-01 is after {STALE}, the as-of day: the window holds no day"
    ]


def test_audit_windows_the_dispositions_do_not_reach(project: Path) -> None:
    days = _days(project, "dispositions.csv", "handed_off_at", "disposition_at")
    window = ["audit", "rejections", "--since", "2026-01-01", "--until", "2026-01-31"]
    result = run_cli([*window, "--as-of", STALE], cwd=project)
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"revq: error: no disposition in 2026-01-01..2026-01-31: dispositions.csv covers "
        f"{days}; pass --since/--until inside it, or --allow-empty to write an empty audit"
    ]
    allowed = run_cli([*window, "--as-of", STALE, "--allow-empty", "-f", "json"], cwd=project)
    assert allowed.exit_code == 0, allowed.stderr
    inside = ["audit", "rejections", "--since", "2015-04-01", "--until", "2015-09-30"]
    assert run_cli([*inside, "--as-of", STALE], cwd=project).exit_code == 0
    # without a window the audit reads every disposition: nothing to check
    assert run_cli(["audit", "rejections", "--as-of", STALE], cwd=project).exit_code == 0


def test_the_api_raises_the_same_error_and_allow_empty_warns(project: Path) -> None:
    opened = revq.Project.open(project)
    cli = run_cli(["report", "--weekly", "--as-of", STALE, "-o", "-"], cwd=project)
    with pytest.raises(RevqError) as raised:
        opened.report("weekly", as_of=STALE)
    assert f"revq: error: {raised.value}" == _errors(cli.stderr)[0]
    empty = opened.report("weekly", as_of=STALE, allow_empty=True)
    assert empty.context["report"]["has_data"] is False
    assert any(w.endswith("writing an empty report (--allow-empty)") for w in empty.warnings)
    assert opened.report("weekly", as_of="2016-03-15").context["report"]["has_data"] is True
    with pytest.raises(RevqError, match=r"^no stage entry or lead in 2026-01-01\.\.2026-03-31: "):
        opened.funnel(as_of=STALE, since="2026-01-01", until="2026-03-31")
    assert opened.funnel(as_of=STALE, since="2026-01-01", allow_empty=True).warnings
    with pytest.raises(RevqError, match=r"^no disposition in 2026-01-01\.\.2026-01-31: "):
        opened.audit_rejections(as_of=STALE, since="2026-01-01", until="2026-01-31")
