"""The DuckDB engine against the polars engine on generated scoring models and leads: the
same rows, in the same order, to the micro-point and the character (one DuckDB connection for
the module)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

ibis = pytest.importorskip("ibis")

from revq.core.derive import derive_lead_fields  # noqa: E402
from revq.engines.ibis_scoring import score_table  # noqa: E402
from revq.engines.load.lead_fields import derive_lead_fields as engine_lead_fields  # noqa: E402
from revq.engines.load.text import Text  # noqa: E402
from tests.engine_equality import assert_same_rows, polars_scored  # noqa: E402
from tests.engine_strategies import email_texts, inputs, models, website_texts  # noqa: E402

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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(email_texts(), website_texts()), min_size=1, max_size=30))
def test_lead_fields_derived_alike(rows: list[tuple[str | None, str | None]]) -> None:
    """The email normalised, its domain, whether it is personal, the account key and the
    lead id an email gives, derived by DuckDB as polars derives them."""
    frame = pl.DataFrame(
        {"email": [e for e, _ in rows], "website": [w for _, w in rows]},
        schema={"email": pl.String, "website": pl.String},
    ).with_row_index("i")
    expected = derive_lead_fields(frame.lazy(), fill_lead_ids=True).collect()
    derived = engine_lead_fields(ibis.memtable(frame), Text("duckdb"))
    got = CON.to_polars(derived.select(*expected.columns).order_by("i"))
    for column in expected.columns:
        assert got[column].to_list() == expected[column].to_list(), column
