"""The scoring compiled to SQL for each warehouse dialect: one query that parses back with
sqlglot, with its steps as CTEs named after the config's parts; the DuckDB query, run by
DuckDB itself, gives the polars engine's rows."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

ibis = pytest.importorskip("ibis")
sqlglot = pytest.importorskip("sqlglot")

from revq.engines.ibis_scoring import score_table  # noqa: E402
from revq.engines.sql import DIALECTS, SQLGLOT_DIALECTS, compile_sql  # noqa: E402
from revq.errors import RevqError  # noqa: E402
from tests.engine_equality import (  # noqa: E402
    SAMPLE_AS_OF,
    assert_same_rows,
    polars_scored,
    sample_project,
)

NEEDS_PYSPARK = {"spark"}


@pytest.fixture(scope="module")
def expr() -> object:
    """The sample project's scoring over tables named as a warehouse would hold them."""
    sample = sample_project()

    def table(frame: pl.DataFrame, name: str) -> object:
        return ibis.table(ibis.memtable(frame).schema(), name=name)

    return score_table(
        sample.model,
        table(sample.leads, "leads"),
        activities=table(sample.activities, "activities"),
        signals=table(sample.signals, "signals"),
        as_of=SAMPLE_AS_OF,
    )


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_each_dialect_compiles_to_one_query_that_parses_back(expr: object, dialect: str) -> None:
    if dialect in NEEDS_PYSPARK:
        pytest.importorskip("pyspark")
    sql = compile_sql(expr, dialect)  # type: ignore[arg-type]
    parsed = sqlglot.parse(sql, read=SQLGLOT_DIALECTS[dialect])
    assert len(parsed) == 1 and isinstance(parsed[0], sqlglot.exp.Select)
    ctes = [cte.alias for cte in parsed[0].find_all(sqlglot.exp.CTE)]
    for step in ("revq_fit", "revq_negative", "revq_event_points", "revq_signal_points"):
        assert step in ctes, (step, ctes)
    for step in ("revq_scores", "revq_reasons", "revq_decisions", "revq_routing"):
        assert step in ctes, (step, ctes)
    # the tables read are the ones named, nothing else
    read = {t.name for t in parsed[0].find_all(sqlglot.exp.Table)} - set(ctes)
    assert read == {"leads", "activities", "signals"}, read


def test_an_unknown_dialect_is_named_with_the_known_ones(expr: object) -> None:
    with pytest.raises(RevqError, match=r"unknown SQL dialect 'oracle'.*snowflake, bigquery"):
        compile_sql(expr, "oracle")  # type: ignore[arg-type]


def test_duckdb_runs_the_duckdb_query_to_polars_rows(expr: object) -> None:
    sample = sample_project()
    con = duckdb.connect()
    for name, frame in (
        ("leads", sample.leads),
        ("activities", sample.activities),
        ("signals", sample.signals),
    ):
        con.register(f"{name}_frame", frame.to_arrow())
        con.execute(f"create table {name} as select * from {name}_frame")
    sql = compile_sql(expr, "duckdb")  # type: ignore[arg-type]
    got = con.sql(sql).pl()
    expected = polars_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of=SAMPLE_AS_OF,
    )
    assert_same_rows(expected, got)


def test_the_query_does_not_depend_on_the_session_time_zone(expr: object) -> None:
    """Ages and dates are taken between instants, never through a local time: a session in
    Los Angeles scores as one in UTC (a cast to DATE there would date a signal logged at
    midnight UTC the day before)."""
    sample = sample_project()
    con = duckdb.connect()
    con.execute("set TimeZone = 'America/Los_Angeles'")
    for name, frame in (
        ("leads", sample.leads),
        ("activities", sample.activities),
        ("signals", sample.signals),
    ):
        con.register(name, frame.to_arrow())
    got = con.sql(compile_sql(expr, "duckdb")).pl()  # type: ignore[arg-type]
    expected = polars_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of=SAMPLE_AS_OF,
    )
    assert_same_rows(expected, got)
