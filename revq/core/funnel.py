"""Funnel metrics: when each lead reached each stage, and what follows from that.

Definitions (pinned here so every figure can be reproduced):
- reached_at(stage): the first time a lead entered the stage. With pass-through on, a lead that
  skipped a stage is counted as having passed it when it first reached any later stage.
- Cohort conversion A->B for a period: of the leads reaching A in the period, the share that
  ever reached B (up to the as-of time). A cohort is immature while its period ended less than
  `maturity_days` before the as-of time.
- Period conversion A->B: leads reaching B in the period / leads reaching A in the period.
- Velocity A->B: days from reached_at(A) to reached_at(B) among leads that reached both.
- Lead velocity rate: (qualified this period - qualified last period) / qualified last period.
- Speed to lead: hours from hand-off to first sales touch; compliant when within the SLA.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import polars as pl

UTC_US = pl.Datetime("us", "UTC")


@dataclass(frozen=True)
class Ladder:
    stages: tuple[str, ...]
    pass_through: bool = True


def reached(history: pl.LazyFrame, ladder: Ladder, as_of: datetime) -> pl.LazyFrame:
    """One row per lead: `<stage>_at` = when it first reached each stage of the ladder."""
    entries = history.filter(
        pl.col("stage").is_in(ladder.stages) & (pl.col("entered_at") <= pl.lit(as_of, dtype=UTC_US))
    )
    first = entries.group_by("lead_id").agg(
        pl.col("entered_at").filter(pl.col("stage") == s).min().alias(f"{s}_at")
        for s in ladder.stages
    )
    if not ladder.pass_through:
        return first
    # Walk the ladder from the top: a stage's time is its own first entry, else the earliest
    # time any later stage was reached.
    cols = [f"{s}_at" for s in ladder.stages]
    exprs = {}
    later: pl.Expr | None = None
    for col in reversed(cols):
        own = pl.col(col)
        exprs[col] = own if later is None else pl.coalesce(own, later)
        later = exprs[col] if later is None else pl.min_horizontal(own, later)
    return first.with_columns(exprs[c].alias(c) for c in cols)


def period_start(column: str, period: str) -> pl.Expr:
    every = {"week": "1w", "month": "1mo", "quarter": "1q"}[period]
    return pl.col(column).dt.truncate(every)


def conversions(
    stages: pl.LazyFrame,
    pairs: list[tuple[str, str]],
    *,
    period: str,
    as_of: datetime,
    maturity_days: int,
    by: str | None = None,
) -> pl.LazyFrame:
    """Per period (and `by` value) and stage pair: entered A, reached B (cohort), entered B in
    the period, cohort and period rates, and whether the cohort is still maturing."""
    keys = ["period", *([by] if by else [])]
    parts = []
    for a, b in pairs:
        a_at, b_at = pl.col(f"{a}_at"), pl.col(f"{b}_at")
        cohort = (
            stages.filter(a_at.is_not_null())
            .with_columns(period_start(f"{a}_at", period).alias("period"))
            .group_by(keys)
            .agg(
                pl.len().cast(pl.Int64).alias("entered_a"),
                b_at.is_not_null().sum().cast(pl.Int64).alias("cohort_reached_b"),
            )
        )
        in_period = (
            stages.filter(b_at.is_not_null())
            .with_columns(period_start(f"{b}_at", period).alias("period"))
            .group_by(keys)
            .agg(pl.len().cast(pl.Int64).alias("entered_b"))
        )
        parts.append(
            cohort.join(in_period, on=keys, how="full", coalesce=True).with_columns(
                pl.lit(f"{a}->{b}").alias("conversion"),
                pl.col("entered_a").fill_null(0),
                pl.col("cohort_reached_b").fill_null(0),
                pl.col("entered_b").fill_null(0),
            )
        )
    out = pl.concat(parts, how="diagonal")
    period_end = pl.col("period").dt.offset_by(
        {"week": "1w", "month": "1mo", "quarter": "1q"}[period]
    )
    mature_by = pl.lit(as_of, dtype=UTC_US) - pl.duration(days=maturity_days)
    return (
        out.with_columns(
            pl.when(pl.col("entered_a") > 0)
            .then(pl.col("cohort_reached_b") / pl.col("entered_a"))
            .round(4)
            .alias("cohort_rate"),
            pl.when(pl.col("entered_a") > 0)
            .then(pl.col("entered_b") / pl.col("entered_a"))
            .round(4)
            .alias("period_rate"),
            (period_end > mature_by).alias("maturing"),
        )
        .select(
            "conversion",
            *keys,
            "entered_a",
            "cohort_reached_b",
            "entered_b",
            "cohort_rate",
            "period_rate",
            "maturing",
        )
        .sort(["conversion", *keys])
    )


def velocity(stages: pl.LazyFrame, pairs: list[tuple[str, str]]) -> pl.LazyFrame:
    """Days between stages among leads that reached both: count, median, p75, p90."""
    parts = []
    for a, b in pairs:
        days = (pl.col(f"{b}_at") - pl.col(f"{a}_at")).dt.total_seconds(fractional=True) / 86_400
        parts.append(
            stages.filter(pl.col(f"{a}_at").is_not_null() & pl.col(f"{b}_at").is_not_null())
            .select(days.alias("days"))
            .select(
                pl.lit(f"{a}->{b}").alias("span"),
                pl.len().alias("leads"),
                pl.col("days").median().round(2).alias("median_days"),
                pl.col("days").quantile(0.75, "linear").round(2).alias("p75_days"),
                pl.col("days").quantile(0.90, "linear").round(2).alias("p90_days"),
            )
        )
    return pl.concat(parts)


def lead_velocity(stages: pl.LazyFrame, qualified: str, period: str) -> pl.LazyFrame:
    """Qualified leads per period and the lead velocity rate against the period before."""
    counts = (
        stages.filter(pl.col(f"{qualified}_at").is_not_null())
        .group_by(period_start(f"{qualified}_at", period).alias("period"))
        .agg(pl.len().cast(pl.Int64).alias("qualified"))
        .sort("period")
    )
    previous = pl.col("qualified").shift(1)
    return counts.with_columns(
        previous.alias("previous"),
        ((pl.col("qualified") - previous) / previous).round(4).alias("lead_velocity_rate"),
    )


def win_rates(opportunities: pl.LazyFrame) -> pl.LazyFrame:
    """Won over closed, by count and by amount."""
    closed = opportunities.filter(pl.col("is_closed") | pl.col("is_won"))
    won = pl.col("is_won").fill_null(False)
    amount = (
        pl.col("amount").fill_null(0.0)
        if "amount" in opportunities.collect_schema()
        else (pl.lit(0.0))
    )
    return closed.select(
        pl.len().alias("closed"),
        won.sum().alias("won"),
        (won.sum() / pl.len()).round(4).alias("win_rate"),
        amount.sum().round(2).alias("closed_amount"),
        amount.filter(won).sum().round(2).alias("won_amount"),
        (amount.filter(won).sum() / amount.sum()).round(4).alias("win_rate_by_amount"),
    )


def speed_to_lead(dispositions: pl.LazyFrame, sla_hours: pl.Expr, as_of: datetime) -> pl.LazyFrame:
    """Hours from hand-off to first touch per routed lead, its SLA and whether it was met. A
    lead not yet touched breaches once its SLA has passed at the as-of time."""
    now = pl.lit(as_of, dtype=UTC_US)
    touched = pl.col("first_touch_at").is_not_null()
    hours = (pl.col("first_touch_at") - pl.col("handed_off_at")).dt.total_seconds(
        fractional=True
    ) / 3600
    waiting = (now - pl.col("handed_off_at")).dt.total_seconds(fractional=True) / 3600
    return (
        dispositions.filter(pl.col("handed_off_at").is_not_null())
        .with_columns(
            sla_hours.alias("sla_hours"),
            pl.when(touched).then(hours).alias("hours_to_first_touch"),
        )
        .with_columns(
            pl.when(touched)
            .then(pl.col("hours_to_first_touch") <= pl.col("sla_hours"))
            .otherwise(waiting <= pl.col("sla_hours"))
            .alias("within_sla"),
        )
    )
