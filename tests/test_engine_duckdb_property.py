"""The DuckDB engine against the polars engine on generated scoring models and leads: the
same rows, in the same order, to the micro-point and the character (one DuckDB connection for
the module)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

ibis = pytest.importorskip("ibis")

from revq.engines.ibis_scoring import score_table  # noqa: E402
from tests.engine_equality import assert_same_rows, polars_scored  # noqa: E402
from tests.engine_strategies import inputs, models  # noqa: E402

CON = ibis.duckdb.connect()


@st.composite
def cases(draw: st.DrawFn) -> tuple[object, object]:
    model = draw(models())
    return model, draw(inputs(model))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cases())
def test_generated_models_score_alike(case: tuple[object, object]) -> None:
    model, data = case
    expected = polars_scored(
        model,  # type: ignore[arg-type]
        data.leads,  # type: ignore[attr-defined]
        activities=data.activities,  # type: ignore[attr-defined]
        signals=data.signals,  # type: ignore[attr-defined]
        as_of=data.as_of,  # type: ignore[attr-defined]
    )
    expr = score_table(
        model,  # type: ignore[arg-type]
        ibis.memtable(data.leads),  # type: ignore[attr-defined]
        activities=_table(data.activities),  # type: ignore[attr-defined]
        signals=_table(data.signals),  # type: ignore[attr-defined]
        as_of=data.as_of,  # type: ignore[attr-defined]
    )
    assert_same_rows(expected, CON.to_polars(expr))
    # what the example exercised (shown by --hypothesis-show-statistics)
    event(f"stages: {sorted(set(expected['stage']))}")
    event(f"intent scored: {bool((expected['intent_score'] != 0).any())}")
    event(f"signal why-now: {bool(expected['why_now'].str.contains(' on ').any())}")
    event(f"routed: {expected['owner'].n_unique() > 2}")


def _table(frame: object) -> object:
    return None if frame is None else ibis.memtable(frame)
