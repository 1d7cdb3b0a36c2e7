"""`revq compile`: the sample project's scoring as one query per dialect, reading the raw
exports' columns. Every dialect's query parses back with sqlglot; DuckDB's, run on the raw
sample CSVs, gives the polars engine's rows; Snowflake's and BigQuery's are reviewed in golden
files (update them with REVQ_UPDATE_GOLDEN=1 and read the diff); the dbt model names its
config, sha256 and revq version, and reads its sources."""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from revq import __version__
from tests.conftest import SAMPLE, run_cli

sqlglot = pytest.importorskip("sqlglot")
duckdb = pytest.importorskip("duckdb")
pytest.importorskip("ibis")

AS_OF = "2026-10-31"
PROJECT = str(SAMPLE / "revq.yaml")
GOLDEN = Path(__file__).parent / "golden" / "compile"
UPDATE = os.environ.get("REVQ_UPDATE_GOLDEN") == "1"
SQLGLOT = {"spark": "spark", "databricks": "databricks"}
RAW = {"leads": "hubspot_contacts.csv", "activities": "activities.csv", "signals": "signals.csv"}


@cache
def compiled(dialect: str) -> str:
    result = run_cli(["compile", "--project", PROJECT, "--dialect", dialect, "--as-of", AS_OF])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "dialect", ["snowflake", "bigquery", "databricks", "postgres", "duckdb", "spark"]
)
def test_every_dialect_parses_back(dialect: str) -> None:
    sql = compiled(dialect)
    tree = sqlglot.parse_one(sql, read=SQLGLOT.get(dialect, dialect))
    tables = {t.name for t in tree.find_all(sqlglot.exp.Table)}
    assert {"leads", "activities", "signals"} <= tables
    ctes = [c.alias for c in tree.find_all(sqlglot.exp.CTE)]
    # The steps are named for what they do: the load's, then the scoring's.
    for step in ("revq_leads_mapped", "revq_leads_merged_by_email", "revq_activities_mapped"):
        assert step in ctes
    assert "revq_fit" in ctes
    assert not [c for c in ctes if c.startswith("t") and c[1:].isdigit()], ctes


def test_the_duckdb_query_on_the_raw_csvs_gives_the_polars_rows(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for table, name in RAW.items():
        con.execute(
            f"create view {table} as select * from read_csv('{SAMPLE / name}', "
            "all_varchar = true, header = true, allow_quoted_nulls = false)"
        )
    got = pl.from_arrow(con.sql(compiled("duckdb")).arrow())
    assert isinstance(got, pl.DataFrame)
    out = tmp_path / "scored.parquet"
    result = run_cli(["score", "--project", PROJECT, "--as-of", AS_OF, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    expected = pl.read_parquet(out)
    assert got.columns == expected.columns
    assert got.cast(expected.schema).equals(expected)  # type: ignore[arg-type]
    assert expected.height == 5000 and (expected["signal_score"] > 0).sum() > 100


@pytest.mark.parametrize("dialect", ["snowflake", "bigquery"])
def test_golden_query(dialect: str) -> None:
    path = GOLDEN / f"sample-{dialect}.sql"
    sql = compiled(dialect)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with REVQ_UPDATE_GOLDEN=1 and review it"
    assert sql == path.read_text(encoding="utf-8"), (
        f"{dialect} query differs from {path}: if the change is meant, run the tests with "
        "REVQ_UPDATE_GOLDEN=1 and review the diff"
    )


def test_dbt_model(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    model = tmp_path / "dbt" / "models" / "revq_scored_leads.sql"
    result = run_cli(
        [
            "compile",
            "--project",
            str(project / "revq.yaml"),
            "--dialect",
            "duckdb",
            "--dbt",
            str(model),
            "--dbt-ref",
            "signals=stg_signals",
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = model.read_text(encoding="utf-8")
    lines = text.splitlines()
    config = tmp_path / "configs" / "scoring.yaml"
    digest = hashlib.sha256(config.read_bytes()).hexdigest()
    assert lines[0] == f"-- revq scoring model: ../configs/scoring.yaml (sha256 {digest})"
    assert lines[1].startswith("-- project: revq.yaml (sha256 ")
    assert f"revq {__version__}" in lines[2]
    assert "scored as of the end of the day the model runs" in lines[2]
    assert "{{ config(materialized='table') }}" in lines[:8]
    assert "{{ source('revq', 'leads') }}" in text
    assert "{{ source('revq', 'activities') }}" in text
    assert "{{ ref('stg_signals') }}" in text
    # Rendered as dbt renders it, the model is the plain query reading those relations.
    jinja2 = pytest.importorskip("jinja2")
    rendered = (
        jinja2.Environment()
        .from_string(text)
        .render(
            config=lambda **_: "",
            source=lambda _, name: f'"raw"."{name}"',
            ref=lambda name: f'"analytics"."{name}"',
        )
    )
    tree = sqlglot.parse_one(rendered, read="duckdb")
    tables = {(t.db, t.name) for t in tree.find_all(sqlglot.exp.Table)}
    assert {("raw", "leads"), ("raw", "activities"), ("analytics", "stg_signals")} <= tables
    assert "CURRENT_DATE" in rendered  # scored as of the day it runs


def test_compile_errors_are_one_line() -> None:
    result = run_cli(["compile", "--project", PROJECT, "--dialect", "oracle"])
    assert result.exit_code == 2
    assert "expected one of snowflake, bigquery" in result.stderr
    result = run_cli(
        ["compile", "--project", PROJECT, "--dialect", "duckdb", "--dbt-ref", "leads=x"]
    )
    assert result.exit_code == 2
    assert "goes with --dbt" in result.stderr


def _project_without(tmp_path: Path, export: str, header: str) -> Path:
    """The sample project with one column left out of one of its exports."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(SAMPLE.parent / "configs", tmp_path / "configs")
    path = project / export
    pl.read_csv(path, infer_schema=False).drop(header).write_csv(path)
    return project / "revq.yaml"


@pytest.mark.parametrize(
    ("export", "header", "key", "column"),
    [
        ("hubspot_contacts.csv", "Number of Employees", "fit.rules[1].when.column", "employees"),
        ("activities.csv", "detail", "intent.events.rules[1].when.all[1].column", "detail"),
    ],
)
def test_a_column_the_config_reads_and_the_export_lacks_is_named(
    tmp_path: Path, export: str, header: str, key: str, column: str
) -> None:
    """As `revq score` names it: the config's file, line and key, the column, and the
    columns there are (not the engine's 'score with --engine polars')."""
    project = _project_without(tmp_path, export, header)
    result = run_cli(["compile", "--project", str(project), "--dialect", "snowflake"])
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    config = tmp_path / "configs" / "scoring.yaml"
    line = next(
        i
        for i, text in enumerate(config.read_text().splitlines(), 1)
        if f"column: {column}" in text
    )
    assert last.startswith("revq: error: "), last
    assert f"/scoring.yaml:{line}: {key}: unknown " in last, last
    assert f"column {column!r}; " in last and "--engine polars" not in last
    assert result.stdout == ""
