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
