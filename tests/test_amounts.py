"""Amounts of money revq adds up stay numbers a sum can hold: an amount of 2^53 or more either
side of zero is quarantined by the loader (an export's 1.7e308 made the pipeline `inf` and the
average deal `Infinity`), and JSON output never holds NaN or Infinity, which are not JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl

from revq.io.load import load_table
from revq.io.writers import frame_bytes, to_json
from tests.conftest import ROOT, SAMPLE, run_cli

AS_OF = "2026-10-31"


def _strict(text: str) -> Any:
    """JSON as any other reader parses it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_json_holds_null_for_a_figure_that_is_not_finite() -> None:
    data = {"average_deal": float("inf"), "rates": [float("nan"), 0.5], "n": (1, -float("inf"))}
    assert _strict(to_json(data)) == {"average_deal": None, "rates": [None, 0.5], "n": [1, None]}
    frame = pl.DataFrame({"lead_id": ["a", "b"], "score": [float("nan"), 2.5]})
    assert _strict(frame_bytes(frame, "json").decode()) == [
        {"lead_id": "a", "score": None},
        {"lead_id": "b", "score": 2.5},
    ]


def test_a_parquet_amount_past_the_bound_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "opportunities.parquet"
    pl.DataFrame(
        {
            "opportunity_id": ["o1", "o2", "o3", "o4"],
            "amount": [45500.0, 1.7e308, -(2.0**53), 2.0**53 - 1],
            "created_at": ["2026-10-20"] * 4,
        }
    ).write_parquet(path)
    loaded = load_table(path, table="opportunities")
    assert loaded.frame["opportunity_id"].to_list() == ["o1", "o4"]
    assert loaded.rejects["rule"].to_list() == ["invalid_number"] * 2
    assert loaded.rejects["line"].to_list() == [2, 3]  # a Parquet file's rows from 1


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    (tmp_path / "configs").symlink_to(ROOT / "configs")
    opps = project / "opportunities.csv"
    # two of the opportunities created in 2026-W43: their sum overflowed to inf
    text = opps.read_text(encoding="utf-8")
    for amount in (",20900.0,2026-10-21", ",18300.0,2026-10-21"):
        assert amount in text
        text = text.replace(amount, ",1.7e308," + amount.split(",")[2])
    opps.write_text(text, encoding="utf-8")
    return project


def test_huge_amounts_are_quarantined_not_summed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    funnel = run_cli(["funnel", "--as-of", AS_OF, "-f", "json"], cwd=project)
    assert funnel.exit_code == 0, funnel.stderr
    assert "opportunities.csv: generic opportunities: read 215 rows = 213 loaded + 2 rejected" in (
        funnel.stderr
    )
    got = _strict(funnel.stdout)
    assert 0 < got["sales_velocity"]["average_deal"] < 1e6
    report = run_cli(["-q", "report", "--weekly", "--as-of", AS_OF, "-o", "-"], cwd=project)
    assert report.exit_code == 0, report.stderr
    (row,) = [r for r in report.stdout.splitlines() if r.startswith("| Pipeline created")]
    assert "inf" not in row and "| 169,400 |" in row  # 208,600 less the two set aside


def test_a_spend_past_the_bound_is_an_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "spend.csv").write_text("month,spend\n2026-09,45000\n2026-10,1.7e308\n")
    spend = ["--spend", str(tmp_path / "spend.csv")]
    result = run_cli(["-q", "funnel", "--as-of", AS_OF, *spend, "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith(f"revq: error: {tmp_path / 'spend.csv'}:3: ")
