"""Pipeline and revenue in a period, what a revenue team reads first: opportunities created
(count and amount), deals won (count and amount), win rate and average deal.

Created counts the opportunities opened in the period; won counts the deals closed won in it,
whenever they were opened; the win rate is won over closed in the period."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import polars as pl

from revq.core.funnel import UTC_US


def _amount(opps: pl.DataFrame) -> pl.Expr:
    """Amounts to sum: a deal without one adds nothing. Without the column at all there is
    no sum, not a sum of 0 (see `_if_amounts`)."""
    return pl.col("amount").fill_null(0.0) if "amount" in opps.columns else pl.lit(0.0)


def _if_amounts(opps: pl.DataFrame, value: float | None) -> float | None:
    """A money figure, or None when the opportunities carry no amount: 'Revenue won 0' from
    an export without amounts would read as a week without revenue."""
    return value if "amount" in opps.columns else None


def _within(column: str, start: datetime, end: datetime) -> pl.Expr:
    at = pl.col(column).cast(UTC_US)
    return (at >= pl.lit(start, dtype=UTC_US)) & (at < pl.lit(end, dtype=UTC_US))


def period_revenue(opps: pl.DataFrame, start: datetime, end: datetime) -> dict[str, Any]:
    """The period's figures; a rate or an average of nothing is None."""
    amount = _amount(opps)
    won = pl.col("is_won").fill_null(False) if "is_won" in opps.columns else pl.lit(False)
    closed = pl.col("is_closed").fill_null(False) | won if "is_closed" in opps.columns else won
    created = (
        opps.filter(_within("created_at", start, end)) if "created_at" in opps.columns else None
    )
    ended = (
        opps.filter(_within("closed_at", start, end) & closed)
        if "closed_at" in opps.columns
        else None
    )
    row: dict[str, Any] = {
        "created": created.height if created is not None else None,
        "pipeline": _if_amounts(opps, round(float(created.select(amount.sum()).item()), 2))
        if created is not None
        else None,
        "won": None,
        "won_amount": None,
        "closed": None,
        "win_rate": None,
        "average_deal": None,
    }
    if ended is not None:
        deals = ended.filter(won)
        won_amount = float(deals.select(amount.sum()).item())
        row |= {
            "won": deals.height,
            "won_amount": _if_amounts(opps, round(won_amount, 2)),
            "closed": ended.height,
            "win_rate": round(deals.height / ended.height, 4) if ended.height else None,
            "average_deal": _if_amounts(opps, round(won_amount / deals.height, 2))
            if deals.height
            else None,
        }
    return row


def revenue_by(
    opps: pl.DataFrame, column: str, start: datetime, end: datetime
) -> list[dict[str, Any]]:
    """The period's opportunities created and won by `column` (lead source), the largest
    pipeline first."""
    if column not in opps.columns:
        return []
    amount = _amount(opps)
    won = pl.col("is_won").fill_null(False) if "is_won" in opps.columns else pl.lit(False)
    created = _within("created_at", start, end) if "created_at" in opps.columns else pl.lit(False)
    # Without close dates no win is dated, so none is the period's.
    won_now = (
        (_within("closed_at", start, end) & won) if "closed_at" in opps.columns else pl.lit(False)
    )
    rows = (
        opps.group_by(pl.col(column).fill_null("(none)").alias(column))
        .agg(
            created.sum().alias("created"),
            amount.filter(created).sum().round(2).alias("pipeline"),
            won_now.sum().alias("won"),
            amount.filter(won_now).sum().round(2).alias("won_amount"),
        )
        .filter((pl.col("created") > 0) | (pl.col("won") > 0))
    )
    if "amount" not in opps.columns:  # no money to rank by or show: the counts
        nothing = pl.lit(None, dtype=pl.Float64)
        rows = rows.with_columns(nothing.alias("pipeline"), nothing.alias("won_amount"))
        return rows.sort(["created", "won", column], descending=[True, True, False]).to_dicts()
    order = ["pipeline", "won_amount", column]
    return rows.sort(order, descending=[True, True, False]).to_dicts()
