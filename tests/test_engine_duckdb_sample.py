"""The DuckDB engine (revq.engines.ibis_scoring on Ibis's DuckDB backend) against the polars
engine on the bundled sample project: the canonical frames revq's loader gives, scored by
both, equal row for row."""

from __future__ import annotations

import polars as pl
import pytest

ibis = pytest.importorskip("ibis")

from revq.engines.ibis_scoring import score_table  # noqa: E402
from tests.engine_equality import (  # noqa: E402
    SAMPLE_AS_OF,
    assert_same_rows,
    polars_scored,
    sample_project,
)


@pytest.fixture(scope="module")
def con() -> object:
    return ibis.duckdb.connect()


@pytest.mark.parametrize(
    "parts",
    [
        pytest.param((), id="leads-only"),
        pytest.param(("activities",), id="with-activities"),
        pytest.param(("signals",), id="with-signals"),
        pytest.param(("activities", "signals"), id="everything"),
    ],
)
def test_sample_project_scores_equal_polars(con: object, parts: tuple[str, ...]) -> None:
    sample = sample_project()
    activities = sample.activities if "activities" in parts else None
    signals = sample.signals if "signals" in parts else None
    expected = polars_scored(
        sample.model, sample.leads, activities=activities, signals=signals, as_of=SAMPLE_AS_OF
    )
    expr = score_table(
        sample.model,
        ibis.memtable(sample.leads),
        activities=ibis.memtable(activities) if activities is not None else None,
        signals=ibis.memtable(signals) if signals is not None else None,
        as_of=SAMPLE_AS_OF,
    )
    got = con.to_polars(expr)  # type: ignore[attr-defined]
    assert_same_rows(expected, got)
    # The comparison has teeth: the sample exercises what each part adds.
    assert expected.height == 5000
    assert expected["stage"].n_unique() >= 2
    assert expected["fit_score"].n_unique() > 5
    assert expected["top_reasons"].null_count() < expected.height // 2
    if activities is not None:
        assert (expected["intent_score"] > 0).sum() > 500
    if signals is not None:
        assert (expected["signal_score"] > 0).sum() > 100
        assert expected["why_now"].str.contains(" on 20").sum() > 50
    assert expected["owner"].null_count() < expected.height


def test_sample_project_order_is_by_score_then_id(con: object) -> None:
    """The engine orders rows itself: ties in total score by lead id."""
    sample = sample_project()
    expr = score_table(
        sample.model,
        ibis.memtable(sample.leads.sample(fraction=1.0, shuffle=True, seed=7)),
        activities=None,
        signals=None,
        as_of=SAMPLE_AS_OF,
    )
    got = con.to_polars(expr)  # type: ignore[attr-defined]
    resorted = got.sort(["total_score", "lead_id"], descending=[True, False])
    assert got["lead_id"].to_list() == resorted["lead_id"].to_list()
    assert got.select(pl.col("total_score").is_duplicated().sum()).item() > 100  # real ties
