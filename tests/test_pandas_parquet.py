"""The sample project written as pandas writes Parquet (integer columns with NaN-able floats,
so ids become 81585149.0; picklists as categoricals) gives the same results as the CSVs."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.conftest import ROOT, SAMPLE, run_cli

TABLES = ("hubspot_contacts", "activities", "signals", "dispositions", "stage_history")
TABLES += ("opportunities",)


def _pandas_style(frame: pl.DataFrame) -> pl.DataFrame:
    exprs = []
    for name, dtype in frame.schema.items():
        if dtype == pl.String and frame[name].n_unique() < 50:
            exprs.append(pl.col(name).cast(pl.Categorical))
        elif dtype.is_integer():
            exprs.append(pl.col(name).cast(pl.Float64).fill_null(float("nan")))
    return frame.with_columns(exprs)


@pytest.fixture(scope="module")
def parquet_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pandas_project")
    for table in TABLES:
        frame = pl.read_csv(SAMPLE / f"{table}.csv", infer_schema_length=None)
        _pandas_style(frame).write_parquet(folder / f"{table}.parquet")
    project = (SAMPLE / "revq.yaml").read_text(encoding="utf-8")
    project = project.replace(".csv", ".parquet").replace("../configs/", f"{ROOT}/configs/")
    (folder / "revq.yaml").write_text(project, encoding="utf-8")
    return folder


def test_the_fixture_has_float_ids(parquet_project: Path) -> None:
    ids = pl.read_parquet(parquet_project / "activities.parquet")["lead_id"]
    assert ids.dtype == pl.Float64 and str(ids[0]).endswith(".0")


@pytest.mark.parametrize(
    "command",
    [
        ["score", "--format", "csv"],
        ["funnel", "--format", "json"],
        ["audit", "rejections", "--format", "json"],
    ],
)
def test_same_results_as_the_csv_project(parquet_project: Path, command: list[str]) -> None:
    args = ["-q", *command, "--as-of", "2026-10-31"]
    from_csv = run_cli(args, cwd=SAMPLE)
    from_parquet = run_cli(args, cwd=parquet_project)
    assert from_csv.exit_code == 0 and from_parquet.exit_code == 0, from_parquet.stderr
    assert from_parquet.stdout == from_csv.stdout


def test_float_ids_past_the_64_bit_integers_stay_as_written(tmp_path: Path) -> None:
    """A whole float id is read as the integer it holds; one no 64-bit integer holds (a JSON
    export's 1e268) stays as written, as 2.5 does, rather than ending the load. NaN is pandas'
    missing value: the email stands for that lead's id."""
    from revq.io.load import load_table

    ids = [81585149.0, -1.1238372868560034e268, 2.5, float("nan"), 9.2e18, 9.3e18]
    emails = [f"p{i}@example.com" for i in range(len(ids))]
    path = tmp_path / "leads.parquet"
    pl.DataFrame({"lead_id": ids, "email": emails}).write_parquet(path)
    loaded = load_table(path, table="leads").frame.sort("_line")
    # the text of a float not held as an integer is Python's repr of it
    assert loaded["lead_id"].to_list() == [
        "81585149",
        "-1.1238372868560034e+268",
        "2.5",
        "p3@example.com",
        "9200000000000000000",
        "9.3e+18",
    ]
