"""`revq score --engine duckdb` and a warehouse URL on the sample project: DuckDB reads the raw
exports itself (or the warehouse's tables of raw exports), maps them inside its query, and
gives the polars engine's bytes; `--into` writes a table that reads back the same rows."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import SAMPLE, run_cli

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("ibis")

AS_OF = "2026-10-31"
PROJECT = str(SAMPLE / "revq.yaml")
RAW = {"leads": "hubspot_contacts.csv", "activities": "activities.csv", "signals": "signals.csv"}


def _score(tmp_path: Path, name: str, *extra: str) -> tuple[bytes, str]:
    out = tmp_path / name
    result = run_cli(["score", "--project", PROJECT, "--as-of", AS_OF, "--out", str(out), *extra])
    assert result.exit_code == 0, result.stderr
    return out.read_bytes(), result.stderr


@pytest.fixture(scope="module")
def polars_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("polars")
    return {s: _score(folder, f"scored{s}")[0] for s in (".csv", ".parquet")}


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_duckdb_reads_the_exports_and_gives_the_polars_bytes(
    tmp_path: Path, polars_outputs: dict[str, bytes], suffix: str
) -> None:
    data, stderr = _score(tmp_path, f"scored{suffix}", "--engine", "duckdb")
    assert data == polars_outputs[suffix]
    # The comparison has teeth: the sample's duplicates, activities and signals all count.
    leads = (
        pl.read_csv(tmp_path / "scored.csv")
        if suffix == ".csv"
        else pl.read_parquet(tmp_path / "scored.parquet")
    )
    assert leads.height == 5000  # 5,060 rows, 60 re-created leads merged by email
    assert (leads["intent_score"] > 0).sum() > 500
    assert (leads["signal_score"] > 0).sum() > 100
    # The load steps the engine's query cannot take are said, once, on stderr.
    warnings = [line for line in stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "count and list the rows it leaves out" in warnings[0]
    assert "report footers" in warnings[0]
    assert "hubspot_contacts.csv: hubspot leads: read by the duckdb engine" in stderr
    assert "scored 5,000 leads" in stderr


def test_stdout_formats_match_polars() -> None:
    args = ["score", "--project", PROJECT, "--as-of", AS_OF, "-f", "json"]
    expected = run_cli(args)
    got = run_cli([*args, "--engine", "duckdb"])
    assert got.exit_code == 0, got.stderr
    assert got.stdout == expected.stdout


def _warehouse(path: Path) -> None:
    """A DuckDB database standing for the warehouse: the raw exports loaded as a connector
    lands them, every column text, under an ANALYTICS schema."""
    con = duckdb.connect(str(path))
    con.execute("create schema analytics")
    for table, name in RAW.items():
        con.execute(
            f"create table analytics.raw_{table} as select * from read_csv("
            f"'{SAMPLE / name}', all_varchar = true, header = true, allow_quoted_nulls = false)"
        )
    con.close()


def _warehouse_project(tmp_path: Path, url: str) -> Path:
    project = tmp_path / "revq.yaml"
    shutil.copy(SAMPLE.parent / "configs" / "scoring.yaml", tmp_path / "scoring.yaml")
    project.write_text(
        "version: 1\nname: warehouse sample\n"
        "inputs:\n  leads: {path: hubspot_contacts.csv, source: hubspot}\n"
        "load:\n  date_order: auto\n"
        "configs: {scoring: scoring.yaml}\n"
        f"warehouse:\n  url: '{url}'\n  tables:\n"
        "    leads: analytics.raw_leads\n"
        "    activities: analytics.raw_activities\n"
        "    signals: analytics.raw_signals\n",
        encoding="utf-8",
    )
    return project


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("warehouse")
    _warehouse(folder / "wh.db")
    return folder


def test_a_warehouse_scores_its_tables_and_writes_into_one(
    tmp_path: Path,
    warehouse: Path,
    polars_outputs: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "wh.db"
    shutil.copy(warehouse / "wh.db", db)
    monkeypatch.setenv("REVQ_TEST_WAREHOUSE", str(db))
    project = _warehouse_project(tmp_path, "duckdb://${REVQ_TEST_WAREHOUSE}")
    base = ["score", "--project", str(project), "--as-of", AS_OF, "--engine", "warehouse"]
    out = tmp_path / "scored.csv"
    result = run_cli([*base, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == polars_outputs[".csv"]
    assert "analytics.raw_leads: hubspot leads: read by the" in result.stderr

    result = run_cli([*base, "--into", "analytics.revq_scored"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "wrote 5,000 rows into analytics.revq_scored" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    back = pl.from_arrow(
        con.sql("select * from analytics.revq_scored order by total_score desc, lead_id").arrow()
    )
    con.close()
    expected = pl.read_parquet(io.BytesIO(polars_outputs[".parquet"]))
    assert back.columns == expected.columns
    assert back.cast(expected.schema).equals(expected)  # type: ignore[arg-type]


def test_a_missing_table_is_said(tmp_path: Path, warehouse: Path) -> None:
    url = f"duckdb://{warehouse / 'wh.db'}"
    project = _warehouse_project(tmp_path, url)
    text = project.read_text(encoding="utf-8").replace("analytics.raw_signals", "analytics.none")
    project.write_text(text, encoding="utf-8")
    result = run_cli(["score", "--project", str(project), "--as-of", AS_OF, "--engine", url])
    assert result.exit_code == 0, result.stderr
    assert "no table analytics.none; scoring without signals" in result.stderr


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--engine", "duckdb", "--into", "main.scored"], "--engine duckdb runs in memory"),
        (["--into", "main.scored"], "name one with --engine"),
        (["--engine", "duckdb", "--by", "account"], "--by account rolls up with --engine polars"),
        (["--engine", "oracle"], "expected polars, duckdb, spark"),
        (["--engine", "duckdb:///x.db", str(SAMPLE / "hubspot_contacts.csv")], "not files"),
    ],
)
def test_usage_errors_are_one_line(extra: list[str], said: str) -> None:
    result = run_cli(["score", "--project", PROJECT, "--as-of", AS_OF, *extra])
    assert result.exit_code == 2
    assert said in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_an_event_export_without_a_type_column_takes_its_name(tmp_path: Path) -> None:
    """A sync's table of one kind of event (demo_request.csv) has no type column: each row is
    of the kind its name says, in DuckDB as revq's loader reads it."""
    acts = pl.read_csv(SAMPLE / "activities.csv", infer_schema=False)
    demos = acts.filter(pl.col("activity_type") == "demo_request").drop("activity_type")
    path = tmp_path / "demo_request.csv"
    demos.write_csv(path)
    outputs = {}
    for engine in ("polars", "duckdb"):
        outputs[engine], _ = _score(tmp_path, f"{engine}.csv", "--activities", str(path),
                                    "--engine", engine)  # fmt: skip
    assert outputs["duckdb"] == outputs["polars"]
    scored = pl.read_csv(tmp_path / "polars.csv")
    assert scored["top_reasons"].str.contains("demo_request").sum() > 10  # the kind counted
