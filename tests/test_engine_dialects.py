"""One test per place SQL dialects differ from polars in meaning (regex search, fractional
days, integer division, NULL order, rounding of halves, case-insensitive lookups, signed
zeros): the polars engine gives the hand-worked result, and DuckDB gives polars' result."""

from __future__ import annotations

import pytest

ibis = pytest.importorskip("ibis")

from revq.engines.ibis_scoring import score_table  # noqa: E402
from tests.engine_cases import CASES  # noqa: E402
from tests.engine_equality import assert_same_rows, polars_scored  # noqa: E402


@pytest.fixture(scope="module")
def con() -> object:
    return ibis.duckdb.connect()


@pytest.mark.parametrize("name", sorted(CASES))
def test_duckdb_gives_what_polars_gives(con: object, name: str) -> None:
    case = CASES[name]()
    expected = polars_scored(
        case.model, case.leads, activities=case.activities, signals=None, as_of=case.as_of
    )
    case.check(expected)  # the hand-worked numbers: the case exercises the difference
    expr = score_table(
        case.model,
        ibis.memtable(case.leads),
        activities=ibis.memtable(case.activities) if case.activities is not None else None,
        as_of=case.as_of,
    )
    assert_same_rows(expected, con.to_polars(expr))  # type: ignore[attr-defined]


def test_microseconds_between_instants_as_the_duckdb_engine_writes_them() -> None:
    """The DuckDB engine counts microseconds between two instants by their epoch microseconds
    (not DuckDB's DATE_DIFF, through its calendar): the count polars gives, before 1970,
    across a DST change in a session zone that has one, and to the microsecond."""
    from datetime import UTC, datetime

    import polars as pl

    from revq.engines.connect import connect
    from revq.engines.time import micros_between

    pairs = pl.DataFrame(
        {
            "a": [
                datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
                datetime(2026, 3, 29, 0, 59, 59, 500_000, tzinfo=UTC),
                datetime(1900, 2, 28, 12, tzinfo=UTC),
                datetime(2026, 11, 1, tzinfo=UTC),
            ],
            "b": [
                datetime(1970, 1, 1, tzinfo=UTC),
                datetime(2026, 3, 29, 1, 0, 0, 250_000, tzinfo=UTC),
                datetime(2100, 3, 1, 0, 0, 0, 1, tzinfo=UTC),
                datetime(2025, 11, 1, 6, 30, tzinfo=UTC),
            ],
        }
    )
    engine = connect("duckdb")
    engine.backend.raw_sql("SET TimeZone = 'Europe/Berlin'")
    table = ibis.memtable(pairs)
    expr = table.select(n=micros_between(table.a, table.b))
    assert "EPOCH_US" in engine.backend.compile(expr)
    got = engine.collect(expr)["n"].to_list()
    want = pairs.select((pl.col("b") - pl.col("a")).dt.total_microseconds())["b"].to_list()
    assert got == want == [1, 750_000, want[2], -31_512_600_000_000]
    engine.close()
