"""One reading of an outcome column, for learning points and for backtesting them."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from revq.app.backtest import outcome_expr
from revq.core.learn import reached
from revq.core.outcome import reached_condition
from revq.core.scoring.conditions import condition_expr


def _gated(frame: pl.DataFrame, column: str) -> list[bool]:
    """The leads a gate on `reached_condition` marks (init's already_converted gate)."""
    cond = condition_expr(reached_condition(frame.schema, column), frame.schema)
    return frame.select(cond.fill_null(False)).to_series().to_list()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # a flag as it is, missing is no
        (pl.Series([True, False, None]), [True, False, False]),
        # a number above zero; NaN is unknown, not above every number
        (pl.Series([1.0, 0.0, -2.0, float("nan"), None]), [True, False, False, False, False]),
        (pl.Series([3, 0, None]), [True, False, False]),
        # a date reached when it is filled
        (pl.Series([date(2026, 1, 5), None]), [True, False]),
        # text that says yes, in any case and spacing; anything else is no
        (
            pl.Series([" Yes", "TRUE", "Closed Won", "0", "no", "maybe", None]),
            [True, True, True, False, False, False, False],
        ),
    ],
)
def test_an_outcome_is_read_alike_by_learning_and_backtesting(
    values: pl.Series, expected: list[bool]
) -> None:
    frame = values.alias("converted").to_frame()
    assert reached(frame, "converted").to_list() == expected
    assert frame.select(outcome_expr(frame, "converted")).to_series().to_list() == expected
    assert _gated(frame, "converted") == expected


def test_a_lifecycle_stage_is_reached_at_sql_or_past_it() -> None:
    frame = pl.DataFrame({"lifecycle_stage": ["lead", "MQL", "sql", "Opportunity", "won", None]})
    expected = [False, False, True, True, True, False]
    assert reached(frame, "lifecycle_stage").to_list() == expected
    assert frame.select(outcome_expr(frame, "lifecycle_stage")).to_series().to_list() == expected
    assert _gated(frame, "lifecycle_stage") == expected
