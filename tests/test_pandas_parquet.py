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
