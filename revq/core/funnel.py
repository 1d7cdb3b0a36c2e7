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

from revq.core import timeline

UTC_US = pl.Datetime("us", "UTC")


@dataclass(frozen=True)
class Ladder:
    stages: tuple[str, ...]
    pass_through: bool = True


def first_entries(history: pl.LazyFrame, stages: tuple[str, ...], as_of: datetime) -> pl.LazyFrame:
    """One row per lead with an entry up to the as-of time: `<stage>_at` = when it first
    entered each of `stages` (null if never). Entries without a lead id are left out (the loader
    rejects them; a frame built by hand may not)."""
    # Each stage's times as a column of their own, then one plain min per column: the same
    # figures as a filtered min per group, in half the time (10M entries: 1.4 s -> 0.7 s).
    return (
        timeline.entries_until(history, as_of)
        .select(
            "lead_id",
            *(
                pl.when(pl.col("stage") == s).then(pl.col("entered_at")).alias(f"{s}_at")
                for s in stages
            ),
        )
        .group_by("lead_id")
        .agg(pl.all().min())
    )


def reached_from(first: pl.LazyFrame, ladder: Ladder) -> pl.LazyFrame:
    """From `first_entries` over the ladder's stages: the leads that reached one of them, with
    skipped stages passed through when the ladder says so."""
    cols = [f"{s}_at" for s in ladder.stages]
    first = first.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in cols))
    if not ladder.pass_through:
        return first
    # Walk the ladder from the top: a stage's time is its own first entry, else the earliest
    # time any later stage was reached.
    exprs = {}
    later: pl.Expr | None = None
    for col in reversed(cols):
        own = pl.col(col)
        exprs[col] = own if later is None else pl.coalesce(own, later)
        later = exprs[col] if later is None else pl.min_horizontal(own, later)
    return first.with_columns(exprs[c].alias(c) for c in cols)


def reached(history: pl.LazyFrame, ladder: Ladder, as_of: datetime) -> pl.LazyFrame:
    """One row per lead that reached a stage of the ladder: `<stage>_at` = when it first
    reached each stage."""
    return reached_from(first_entries(history, ladder.stages, as_of), ladder)


@dataclass(frozen=True)
class Calendar:
    """Reporting periods: week (starting Monday or Sunday), month, or fiscal quarter."""

    period: str = "month"
    fiscal_start_month: int = 1
    week_start: str = "monday"


def period_start(column: str, cal: Calendar | str) -> pl.Expr:
    cal = Calendar(cal) if isinstance(cal, str) else cal
    col = pl.col(column)
    if cal.period == "week":
        if cal.week_start == "sunday":  # polars weeks start on Monday
            return col.dt.offset_by("1d").dt.truncate("1w").dt.offset_by("-1d")
        return col.dt.truncate("1w")
    if cal.period == "quarter":
        shift = cal.fiscal_start_month - 1  # fiscal quarters start in the fiscal year's month
        if shift:
            return col.dt.offset_by(f"-{shift}mo").dt.truncate("1q").dt.offset_by(f"{shift}mo")
        return col.dt.truncate("1q")
    return col.dt.truncate("1mo")


def entries_by_period(
    stages: pl.LazyFrame, stage_names: tuple[str, ...], period: Calendar | str
) -> pl.LazyFrame:
    """Leads first reaching each stage, by period: one row per period, one column per stage."""
    long = stages.select("lead_id", *(pl.col(f"{s}_at").alias(s) for s in stage_names)).unpivot(
        index="lead_id", variable_name="stage", value_name="entered_at"
    )
    return (
        long.drop_nulls("entered_at")
        .group_by(period_start("entered_at", period).alias("period"))
        .agg((pl.col("stage") == s).sum().cast(pl.Int64).alias(s) for s in stage_names)
        .sort("period")
    )


def period_length(cal: Calendar | str) -> str:
    period = cal if isinstance(cal, str) else cal.period
    return {"week": "1w", "month": "1mo", "quarter": "3mo"}[period]


def conversions(
    stages: pl.LazyFrame,
    pairs: list[tuple[str, str]],
    *,
    period: Calendar | str,
    as_of: datetime,
    maturity_days: int,
    by: str | None = None,
) -> pl.LazyFrame:
    """Per period (and `by` value) and stage pair: entered A, reached B (cohort), entered B in
    the period, cohort and period rates, and whether the cohort is still maturing."""
    keys = ["period", *([by] if by else [])]
    if not pairs:  # a funnel config may measure no conversion
        schema: dict[str, pl.DataType] = {"conversion": pl.String(), "period": UTC_US}
        if by:
            schema[by] = stages.collect_schema()[by]
        for name in ("entered_a", "cohort_reached_b", "entered_b"):
            schema[name] = pl.Int64()
        schema |= {"cohort_rate": pl.Float64(), "period_rate": pl.Float64()}
        return pl.LazyFrame(schema=schema | {"maturing": pl.Boolean()})
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
    period_end = pl.col("period").dt.offset_by(period_length(period))
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
        # A time between stages cannot be negative: one that comes out so (a close date
        # without a time before a creation time on the same day) is left out of the figures,
        # and counted, so a note can say why.
        valid = pl.col("days").filter(pl.col("days") >= 0)
        parts.append(
            stages.filter(pl.col(f"{a}_at").is_not_null() & pl.col(f"{b}_at").is_not_null())
            .select(days.alias("days"))
            .select(
                pl.lit(f"{a}->{b}").alias("span"),
                pl.len().alias("leads"),
                valid.median().round(2).alias("median_days"),
                valid.quantile(0.75, "linear").round(2).alias("p75_days"),
                valid.quantile(0.90, "linear").round(2).alias("p90_days"),
                (pl.col("days") < 0).sum().alias("negative"),
            )
        )
    if not parts:  # a funnel config may measure no velocity
        schema = {"span": pl.String(), "leads": pl.UInt32()}
        return pl.LazyFrame(
            schema=schema
            | {f"{q}_days": pl.Float64() for q in ("median", "p75", "p90")}
            | {"negative": pl.UInt32()}
        )
    return pl.concat(parts)


def lead_velocity(stages: pl.LazyFrame, qualified: str, period: Calendar | str) -> pl.LazyFrame:
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
    # No deal closed yet: no rate (a 0/0 would be NaN, which JSON cannot carry).
    return closed.select(
        pl.len().alias("closed"),
        won.sum().alias("won"),
        pl.when(pl.len() > 0).then(won.sum() / pl.len()).round(4).alias("win_rate"),
        amount.sum().round(2).alias("closed_amount"),
        amount.filter(won).sum().round(2).alias("won_amount"),
        pl.when(amount.sum() != 0)
        .then(amount.filter(won).sum() / amount.sum())
        .round(4)
        .alias("win_rate_by_amount"),
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


def sla_by_period(speed: pl.LazyFrame, period: Calendar | str) -> pl.LazyFrame:
    """SLA compliance and median hours to first touch by hand-off period (from speed_to_lead)."""
    return (
        speed.group_by(period_start("handed_off_at", period).alias("period"))
        .agg(
            pl.len().alias("routed"),
            pl.col("within_sla").sum().alias("within_sla"),
            pl.col("hours_to_first_touch").median().round(2).alias("median_hours"),
        )
        .with_columns(
            (pl.col("within_sla") / pl.col("routed")).round(4).alias("sla_compliance"),
            (pl.col("routed") - pl.col("within_sla")).alias("breaches"),
        )
        .sort("period")
    )


def sla_breaches(speed: pl.LazyFrame, start: datetime, end: datetime) -> pl.LazyFrame:
    """Leads handed off in [start, end) whose SLA was missed, slowest first."""
    handed = pl.col("handed_off_at")
    in_window = (handed >= pl.lit(start, dtype=UTC_US)) & (handed < pl.lit(end, dtype=UTC_US))
    return speed.filter(in_window & ~pl.col("within_sla")).sort(
        [pl.col("hours_to_first_touch").fill_null(float("inf")), "lead_id"],
        descending=[True, False],
    )


def acceptance_by_period(
    dispositions: pl.LazyFrame,
    period: Calendar | str,
    opportunities: pl.LazyFrame | None = None,
) -> pl.LazyFrame:
    """Routed leads and the accepted share of those decided, by hand-off period; with
    opportunities, how many accepted leads of the period went on to an opportunity."""
    decided = pl.col("disposition").is_in(("accepted", "converted", "rejected", "recycled"))
    accepted = pl.col("disposition").is_in(("accepted", "converted"))
    rows = dispositions.filter(pl.col("handed_off_at").is_not_null())
    extra = []
    if opportunities is not None:
        with_opp = opportunities.select("lead_id").unique().with_columns(pl.lit(True).alias("_opp"))
        rows = rows.join(with_opp, on="lead_id", how="left")
        extra.append((accepted & pl.col("_opp").fill_null(False)).sum().alias("opportunities"))
    return (
        rows.group_by(period_start("handed_off_at", period).alias("period"))
        .agg(
            pl.len().alias("routed"),
            decided.sum().alias("decided"),
            accepted.sum().alias("accepted"),
            *extra,
        )
        .with_columns((pl.col("accepted") / pl.col("decided")).round(4).alias("acceptance_rate"))
        .sort("period")
    )


def pipeline_by(opps: pl.LazyFrame, dim: str) -> pl.LazyFrame:
    """Opportunities and amounts (created, won) by a dimension, largest amount first."""
    won = pl.col("is_won").fill_null(False)
    amount = pl.col("amount").fill_null(0.0)
    return (
        opps.group_by(pl.col(dim).cast(pl.String).fill_null("(missing)").alias(dim))
        .agg(
            pl.len().alias("opportunities"),
            amount.sum().round(2).alias("amount"),
            won.sum().alias("won"),
            amount.filter(won).sum().round(2).alias("won_amount"),
        )
        .sort(["amount", dim], descending=[True, False])
    )


def sales_velocity(opps: pl.LazyFrame) -> pl.LazyFrame:
    """opportunities x average deal size x win rate / average cycle length (days): pipeline
    value expected per day."""
    won = pl.col("is_won").fill_null(False)
    closed = pl.col("is_closed").fill_null(False) | won
    cycle = (pl.col("closed_at") - pl.col("created_at")).dt.total_seconds(fractional=True) / 86400
    figures = opps.select(
        pl.len().alias("opportunities"),
        pl.col("amount").mean().round(2).alias("average_deal"),
        (won.sum() / closed.sum()).round(4).alias("win_rate"),
        # A won cycle that comes out negative (closed before it was created) is left out of the
        # mean, and counted.
        cycle.filter(won & (cycle >= 0)).mean().round(2).alias("cycle_days"),
        (cycle < 0).filter(won).sum().alias("closed_before_created"),
    )
    return figures.with_columns(
        (
            pl.col("opportunities")
            * pl.col("average_deal")
            * pl.col("win_rate")
            / pl.col("cycle_days")
        )
        .round(2)
        .alias("per_day")
    )


def movement_reading(qualified_change: float | None, acceptance_change: float | None) -> str | None:
    """DOMAIN.md's reading of MQL volume against acceptance, period over period."""
    if qualified_change is None or acceptance_change is None:
        return None
    fewer, more = qualified_change < 0, qualified_change > 0
    if fewer and acceptance_change > 0:
        return "fewer MQLs, higher acceptance: qualification is tightening"
    if more and acceptance_change <= 0:
        return "more MQLs, flat or lower acceptance: marketing may be optimising for volume"
    if more and acceptance_change > 0:
        return "more MQLs and higher acceptance: the funnel is growing healthily"
    if fewer and acceptance_change <= 0:
        return "fewer MQLs and lower acceptance: check sources and scoring"
    return "MQL volume unchanged"


def stage_entries(
    history: pl.LazyFrame, as_of: datetime, *, each_entry_once: bool = False
) -> pl.LazyFrame:
    """Per lead and stage, ordered by lead then stage: first and latest entry, entries, and
    cumulative days in the stage. An entry lasts until its exit time, else until the lead's
    next entry into any stage, else until the as-of time; so recycles and re-entries add up
    rather than overwrite. Entries at the same time follow each other in stage-name order, and
    the same stage entered twice at one time, once with an exit time, ends the open entry where
    the closed one begins. Entries without a lead id belong to no lead's timeline and are left
    out. With
    `each_entry_once`, an entry repeated (same lead, stage and time) counts once, as in
    `stage_durations`."""
    rows = timeline.entries_until(history, as_of)
    ids = rows.select(pl.col("lead_id").unique()).collect()
    packed = timeline.pack_timelines(rows, as_of, lambda: ids.height)
    if each_entry_once and (packed is None or packed.repeats):
        return stage_entries(timeline.first_of_repeats(history), as_of)
    if packed is None:
        return _entries_by_sort(history, as_of)
    dtype = history.collect_schema()["entered_at"]

    def at(offset: str) -> pl.Expr:
        us = pl.col(offset) + packed.pack.base
        return pl.from_epoch(us, time_unit="us").dt.replace_time_zone("UTC").cast(dtype)

    times = timeline.entry_times(rows, packed).select("_first", "_latest")
    return (
        pl.concat([timeline.duration_figures(packed), times], how="horizontal")
        .with_columns(timeline.stage_name(packed).cast(pl.String))
        .join(ids.lazy().with_columns(timeline.lead_hash(packed.seed).alias("_lead")), on="_lead")
        .select(
            "lead_id",
            "stage",
            at("_first").alias("first_entered_at"),
            at("_latest").alias("latest_entered_at"),
            "entries",
            "days_in_stage",
        )
        .sort("lead_id", "stage")
    )


def stage_durations(
    history: pl.LazyFrame,
    as_of: datetime,
    leads: int | None = None,
    *,
    each_entry_once: bool = False,
) -> pl.LazyFrame:
    """`stage_entries`' entries and days in stage, per lead and stage but without the lead id
    and in no set order (the stage an Enum of the history's stage names, cheaper to group than
    strings): what `time_in_stage` needs, at a fraction of the cost. `leads`, when the caller
    knows it, is the number of distinct lead ids among the entries up to the as-of time (from
    `first_entries`), which saves counting them again. With `each_entry_once`, an entry that
    comes twice (same lead, stage and time: from two exports, or twice from one) counts once;
    the ordered keys show whether any does, so most histories are not searched for repeats."""
    rows = timeline.entries_until(history, as_of)

    def count() -> int:
        if leads is not None:
            return leads
        return int(rows.select(pl.col("lead_id").n_unique()).collect().item())

    packed = timeline.pack_timelines(rows, as_of, count)
    if each_entry_once and (packed is None or packed.repeats):
        return stage_durations(timeline.first_of_repeats(history), as_of, leads)
    if packed is None:
        return _entries_by_sort(history, as_of).select("stage", "entries", "days_in_stage")
    return timeline.duration_figures(packed).select(
        timeline.stage_name(packed), "entries", "days_in_stage"
    )


def _entries_by_sort(history: pl.LazyFrame, as_of: datetime) -> pl.LazyFrame:
    """`stage_entries` by sorting the rows themselves: for histories whose times do not pack
    into integer keys, or whose lead ids collide under every hash seed."""
    now = pl.lit(as_of, dtype=UTC_US)
    schema = history.collect_schema()
    # the same tie rule as the packed keys: at one time and stage, an open entry first
    has_exit = pl.col("exited_at").is_not_null() if "exited_at" in schema else pl.lit(False)
    entries = history.filter((pl.col("entered_at") <= now) & pl.col("lead_id").is_not_null()).sort(
        "lead_id", "entered_at", "stage", has_exit
    )
    # Rows are sorted by lead, so the next row is the lead's next entry unless the lead changes
    # (cheaper than a window over every lead).
    same_lead = pl.col("lead_id").shift(-1) == pl.col("lead_id")
    next_entry = pl.when(same_lead).then(pl.col("entered_at").shift(-1))
    exit_at = pl.col("exited_at") if "exited_at" in schema else pl.lit(None, dtype=UTC_US)
    until = pl.min_horizontal(pl.coalesce(exit_at, next_entry, now), now)
    names = sorted(
        n for n in entries.select(pl.col("stage").unique()).collect()["stage"] if n is not None
    )
    code = pl.col("stage").replace_strict(
        {n: i + 1 for i, n in enumerate(names)}, default=0, return_dtype=pl.UInt64
    )
    lead_no = (pl.col("lead_id").ne_missing(pl.col("lead_id").shift())).cum_sum().cast(pl.UInt64)
    # One stable sort on an integer (lead number, stage) key puts each lead's entries into a
    # stage in time order and next to each other, so every figure below is read off the first
    # and last row of a run: no group-by over millions of (lead, stage) pairs.
    runs = entries.select(
        "lead_id",
        "stage",
        "entered_at",
        (until - pl.col("entered_at")).dt.total_microseconds().alias("_us"),
        (lead_no * (len(names) + 1) + code).alias("_key"),
    ).sort("_key", maintain_order=True)
    key = pl.col("_key")
    starts = key.ne_missing(key.shift()).alias("_start")
    ends = key.ne_missing(key.shift(-1))
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    # Durations summed exactly, as 128-bit microseconds: a float running sum over millions of
    # rows would drift in the last digits.
    total = pl.col("_us").cast(pl.Int128).cum_sum()
    before = pl.when(starts).then(total - pl.col("_us")).forward_fill()
    return (
        runs.with_columns(
            starts,
            ends.alias("_end"),
            pl.when(starts).then(pl.col("entered_at")).forward_fill().alias("first_entered_at"),
            (row - pl.when(starts).then(row).forward_fill() + 1).cast(pl.UInt32).alias("entries"),
            ((total - before).cast(pl.Float64) / 86_400_000_000).round(4).alias("days_in_stage"),
        )
        .filter(pl.col("_end"))
        .select(
            "lead_id",
            "stage",
            "first_entered_at",
            pl.col("entered_at").alias("latest_entered_at"),
            "entries",
            "days_in_stage",
        )
    )


def time_in_stage(entries: pl.LazyFrame, stages: tuple[str, ...]) -> pl.LazyFrame:
    """Per stage: leads, leads that entered more than once, median and p90 cumulative days."""
    return (
        entries.filter(pl.col("stage").is_in(stages))
        .group_by("stage")
        .agg(
            pl.len().alias("leads"),
            (pl.col("entries") > 1).sum().alias("re_entered"),
            pl.col("days_in_stage").median().round(2).alias("median_days"),
            pl.col("days_in_stage").quantile(0.9, "linear").round(2).alias("p90_days"),
        )
        .with_columns(pl.col("stage").cast(pl.String))
        .with_columns(
            pl.col("stage")
            .replace_strict({s: i for i, s in enumerate(stages)}, return_dtype=pl.Int64)
            .alias("_order")
        )
        .sort("_order")
        .drop("_order")
    )


def signal_before_opportunity(
    opps: pl.LazyFrame, leads: pl.LazyFrame, signals: pl.LazyFrame, window_days: int = 90
) -> pl.LazyFrame:
    """Each opportunity with the type of its account's latest signal in the `window_days`
    before it was created ('(none)' without one): which triggers preceded pipeline."""
    keyed = opps.join(
        leads.select("lead_id", "account_key").unique("lead_id"), on="lead_id", how="left"
    )
    window = pl.duration(days=window_days)
    prior = (
        keyed.select("opportunity_id", "account_key", "created_at")
        .join(
            signals.select("account_key", "signal_type", pl.col("occurred_at").alias("_s")),
            on="account_key",
        )
        .filter(
            (pl.col("_s") <= pl.col("created_at")) & (pl.col("_s") >= pl.col("created_at") - window)
        )
        .group_by("opportunity_id")
        .agg(
            pl.col("signal_type")
            .sort_by([pl.col("_s"), pl.col("signal_type")], descending=[True, False])
            .first()
        )
    )
    return keyed.join(prior, on="opportunity_id", how="left").with_columns(
        pl.col("signal_type").fill_null("(none)")
    )


def cost_per_stage(
    stages: pl.LazyFrame, spend: pl.LazyFrame, cal: Calendar | str, stage_names: tuple[str, ...]
) -> pl.LazyFrame:
    """Spend per period against leads reaching each stage in that period: cost per MQL, SQL."""
    out = spend.group_by(period_start("period", cal).alias("period")).agg(
        pl.col("spend").sum().round(2)
    )
    for stage in stage_names:
        counts = (
            stages.filter(pl.col(f"{stage}_at").is_not_null())
            .group_by(period_start(f"{stage}_at", cal).alias("period"))
            .agg(pl.len().cast(pl.Int64).alias(f"{stage}s"))
        )
        out = out.join(counts, on="period", how="left").with_columns(
            (pl.col("spend") / pl.col(f"{stage}s")).round(2).alias(f"cost_per_{stage}")
        )
    return out.sort("period")
