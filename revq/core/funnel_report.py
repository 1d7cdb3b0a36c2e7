"""The funnel report: stage entries assembled from what the exports hold, then the headline
figures against their benchmark bands, conversions, velocity, lead velocity, win rate, pipeline,
speed to lead and acceptance. Frames and definitions in, a report out: the funnel and report
commands load, this computes, their views render."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

import polars as pl

from revq.core import funnel

# Stage timestamp columns of a leads export, and the stage each one is the entry into.
STAGE_DATE_COLUMNS = {
    "created_at": "lead",
    "mql_at": "mql",
    "sql_at": "sql",
    "opportunity_at": "opportunity",
    "customer_at": "won",
}
# What a disposition needs for speed to lead.
SPEED_COLUMNS = frozenset({"handed_off_at", "first_touch_at"})


class SlaDefinitions(Protocol):
    @property
    def default_hours(self) -> float: ...
    @property
    def demo_request_hours(self) -> float: ...
    @property
    def demo_activity(self) -> str: ...
    @property
    def demo_lookback_days(self) -> float: ...


class FunnelDefinitions(Protocol):
    """What the report is computed by (the funnel config, validated at the edge)."""

    @property
    def stages(self) -> Sequence[str]: ...
    @property
    def pass_through(self) -> bool: ...
    @property
    def conversions(self) -> Sequence[tuple[str, str]]: ...
    @property
    def velocity(self) -> Sequence[tuple[str, str]]: ...
    @property
    def qualified_stage(self) -> str: ...
    @property
    def maturity_days(self) -> int: ...
    @property
    def sla(self) -> SlaDefinitions: ...
    @property
    def benchmarks(self) -> Mapping[str, tuple[float | None, float | None]]: ...
    def qualified_hash(self) -> str: ...


def history_from_leads(leads: pl.DataFrame) -> pl.DataFrame | None:
    """Stage entries from stage timestamp columns, when there is no stage history; None when
    the leads have none."""
    parts = [
        leads.select("lead_id", pl.lit(stage).alias("stage"), pl.col(col).alias("entered_at"))
        for col, stage in STAGE_DATE_COLUMNS.items()
        if col in leads.columns
    ]
    return pl.concat(parts).drop_nulls("entered_at") if parts else None


def link_opportunities(opps: pl.LazyFrame, leads: pl.LazyFrame) -> pl.LazyFrame:
    """The opportunities with the lead each was converted from, where they do not name it.

    A Salesforce opportunity does not carry its lead: the lead carries the opportunity it was
    converted into (`converted_opportunity_id`). A lead the opportunity names is kept. Of
    several leads converted into one opportunity the first converted (then the smallest id)
    is taken, so that the opportunity and its amount count once."""
    lead_schema = leads.collect_schema()
    order = [c for c in ("converted_at", "lead_id") if c in lead_schema]
    links = (
        leads.filter(pl.col("converted_opportunity_id").is_not_null())
        .sort(order, nulls_last=True)
        .unique("converted_opportunity_id", keep="first", maintain_order=True)
        .select(
            pl.col("converted_opportunity_id").alias("opportunity_id"),
            pl.col("lead_id").alias("_converted_from"),
        )
    )
    named = pl.col("lead_id") if "lead_id" in opps.collect_schema() else pl.lit(None, pl.String)
    return (
        opps.join(links, on="opportunity_id", how="left", maintain_order="left")
        .with_columns(pl.coalesce(named, "_converted_from").alias("lead_id"))
        .drop("_converted_from")
    )


def history_from_opportunities(opps: pl.DataFrame) -> pl.DataFrame:
    """Opportunity and won entries of the leads the opportunities came from."""
    parts = []
    if "created_at" in opps.columns:
        parts.append(
            opps.select(
                "lead_id",
                pl.lit("opportunity").alias("stage"),
                pl.col("created_at").alias("entered_at"),
            )
        )
    if {"closed_at", "is_won"} <= set(opps.columns):
        parts.append(
            opps.filter(pl.col("is_won")).select(
                "lead_id", pl.lit("won").alias("stage"), pl.col("closed_at").alias("entered_at")
            )
        )
    if not parts:
        return pl.DataFrame(
            schema={"lead_id": pl.String, "stage": pl.String, "entered_at": funnel.UTC_US}
        )
    return pl.concat(parts).drop_nulls(["lead_id", "entered_at"])


def first_stage_within(
    stages: pl.LazyFrame,
    stage_names: Sequence[str],
    since: datetime | None,
    until: datetime | None,
) -> pl.LazyFrame:
    """Keep leads whose first stage falls in [since, until) (stage dates stay whole)."""
    first = pl.min_horizontal([pl.col(f"{s}_at") for s in stage_names])
    if since is not None:
        stages = stages.filter(first >= since)
    if until is not None:
        stages = stages.filter(first < until)
    return stages


def band_reading(value: float | None, band: tuple[float | None, float | None] | None) -> str | None:
    """Where a figure stands against its benchmark band: below, within or above."""
    if value is None or band is None:
        return None
    low, high = band
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def flag_demo_requests(
    d: pl.DataFrame, acts: pl.DataFrame | None, sla: SlaDefinitions
) -> pl.DataFrame:
    """`_demo`: the lead asked for a demo shortly before its hand-off (the stricter SLA)."""
    if acts is None or "lead_id" not in acts.columns:
        return d.with_columns(pl.lit(False).alias("_demo"))
    demos = acts.filter(pl.col("activity_type") == sla.demo_activity).select(
        "lead_id", "occurred_at"
    )
    window = pl.duration(days=sla.demo_lookback_days)
    hits = (
        d.select("lead_id", "handed_off_at")
        .join(demos, on="lead_id")
        .filter(
            (pl.col("occurred_at") <= pl.col("handed_off_at"))
            & (pl.col("occurred_at") >= pl.col("handed_off_at") - window)
        )
        .select("lead_id")
        .unique()
        .with_columns(pl.lit(True).alias("_demo"))
    )
    return d.join(hits, on="lead_id", how="left").with_columns(pl.col("_demo").fill_null(False))


def sla_hours(acts: pl.DataFrame | None, sla: SlaDefinitions) -> pl.Expr:
    """Each hand-off's SLA: the demo-request SLA where flagged, else the default."""
    if acts is None or "lead_id" not in acts.columns:
        return pl.lit(sla.default_hours)
    return (
        pl.when(pl.col("_demo"))
        .then(pl.lit(sla.demo_request_hours))
        .otherwise(pl.lit(sla.default_hours))
    )


def latest_complete(rows: pl.DataFrame, when: datetime, cal: funnel.Calendar) -> Any:
    """The last period that ended before the as-of time."""
    current = (
        pl.DataFrame({"t": [when]}, schema={"t": funnel.UTC_US})
        .select(funnel.period_start("t", cal))
        .item()
    )
    done = rows.filter(pl.col("period") < current)
    return done["period"].max() if done.height else None


def funnel_report(
    stages: pl.LazyFrame,
    defs: FunnelDefinitions,
    cal: funnel.Calendar,
    when: datetime,
    by: str | None,
    opps: pl.DataFrame | None,
    disp: pl.DataFrame | None,
    acts: pl.DataFrame | None,
    lead_frame: pl.DataFrame | None,
) -> tuple[dict[str, Any], pl.DataFrame | None]:
    """The report (headline against bands, conversions, velocity, lead velocity, win rate,
    pipeline by source, speed to lead, acceptance), and the speed-to-lead rows when the
    dispositions hold hand-off and first-touch times."""
    pairs: list[tuple[str, str]] = [(a, b) for a, b in defs.conversions]
    conv = funnel.conversions(
        stages, pairs, period=cal, as_of=when, maturity_days=defs.maturity_days, by=by
    ).collect()
    overall_conv = (
        funnel.conversions(
            stages, pairs, period=cal, as_of=when, maturity_days=defs.maturity_days
        ).collect()
        if by
        else conv
    )
    vel = funnel.velocity(stages, [(a, b) for a, b in defs.velocity]).collect()
    lvr = funnel.lead_velocity(stages, defs.qualified_stage, cal).collect()
    headline: dict[str, dict[str, Any]] = {}
    # The periods conversions are measured in; with none configured, those of qualified leads.
    last = latest_complete(overall_conv if pairs else lvr, when, cal)
    for a, b in pairs:
        key = f"{a}_to_{b}"
        # No complete period yet: no headline row (and no comparison with a null period).
        row = overall_conv.filter(
            (pl.col("conversion") == f"{a}->{b}") & pl.col("period").eq_missing(last)
        ).drop_nulls("period")
        for method in ("cohort", "period"):
            value = row[f"{method}_rate"][0] if row.height else None
            headline[f"{key}_{method}"] = {
                "value": value,
                "band": defs.benchmarks.get(key),
                "reading": band_reading(value, defs.benchmarks.get(key)),
                "maturing": bool(row["maturing"][0]) if row.height and method == "cohort" else None,
            }
    lvr_row = lvr.filter(pl.col("period").eq_missing(last))
    lvr_value = lvr_row["lead_velocity_rate"][0] if lvr_row.height else None
    headline["lead_velocity_rate"] = {
        "value": lvr_value,
        "band": defs.benchmarks.get("lead_velocity_rate"),
        "reading": band_reading(lvr_value, defs.benchmarks.get("lead_velocity_rate")),
        "qualified": defs.qualified_stage,
        "definition_hash": defs.qualified_hash(),
    }
    report: dict[str, Any] = {
        "as_of": (when - timedelta(days=1)).date(),
        "period": cal.period,
        "fiscal_year_start_month": cal.fiscal_start_month,
        "latest_complete_period": last,
        "definitions": {
            "stages": defs.stages,
            "pass_through": defs.pass_through,
            "qualified_stage": defs.qualified_stage,
            "qualified_hash": defs.qualified_hash(),
            "maturity_days": defs.maturity_days,
        },
        "headline": headline,
        "conversions": conv.to_dicts(),
        "velocity": vel.to_dicts(),
        "lead_velocity": lvr.to_dicts(),
    }
    if opps is not None:
        _opportunity_figures(report, headline, opps, lead_frame)
    notes = negative_notes(report)
    if notes:
        report["notes"] = notes
    speed = None
    if disp is not None and set(disp.columns) >= SPEED_COLUMNS:
        flagged = flag_demo_requests(disp, acts, defs.sla)
        speed = funnel.speed_to_lead(flagged.lazy(), sla_hours(acts, defs.sla), when).collect()
        report["speed_to_lead"] = speed_summary(speed)
        report["speed_to_lead"]["by_period"] = (
            funnel.sla_by_period(speed.lazy(), cal).collect().to_dicts()
        )
        _acceptance(report, headline, disp, opps, cal, last, lvr)
        # The headline is the last complete period's, as every other headline figure (and
        # the report's) is; the figure over every hand-off stays in speed_to_lead.
        period_row = next(
            (r for r in report["speed_to_lead"]["by_period"] if r["period"] == last), None
        )
        comp = period_row["sla_compliance"] if period_row is not None else None
        headline["sla_compliance"] = {
            "value": comp,
            "band": defs.benchmarks.get("sla_compliance"),
            "reading": band_reading(comp, defs.benchmarks.get("sla_compliance")),
            "routed": period_row["routed"] if period_row is not None else 0,
        }
    for key in ("win_rate", "accepted_lead_rate", "opportunity_from_accepted"):
        band = defs.benchmarks.get(key)
        if key in headline and band is not None:  # a team's own band for these figures
            headline[key] |= {"band": band, "reading": band_reading(headline[key]["value"], band)}
    return report, speed


def negative_notes(report: dict[str, Any]) -> list[str]:
    """What a time that came out negative says of the data: no figure is printed for it."""
    notes = []
    for row in report["velocity"]:
        if row["negative"]:
            a, b = row["span"].split("->")
            notes.append(
                f"{row['span']}: {row['negative']:,} of {row['leads']:,} leads reached {b} "
                f"before {a} (close dates before creation: a close date without a time?); "
                "they are left out of its figures"
            )
    cycle = report.get("sales_velocity", {})
    if cycle.get("closed_before_created"):
        notes.append(
            f"{cycle['closed_before_created']:,} won opportunities close before they were "
            "created (a close date without a time?): left out of the cycle length and sales "
            "velocity"
        )
    return notes


def _opportunity_figures(
    report: dict[str, Any],
    headline: dict[str, dict[str, Any]],
    opps: pl.DataFrame,
    lead_frame: pl.DataFrame | None,
) -> None:
    """Win rate, sales velocity and pipeline by source."""
    win = funnel.win_rates(opps.lazy()).collect().row(0, named=True)
    report["win_rate"] = win
    headline["win_rate"] = {"value": win["win_rate"], "band": None, "reading": None}
    if {"created_at", "closed_at", "amount"} <= set(opps.columns):
        report["sales_velocity"] = funnel.sales_velocity(opps.lazy()).collect().row(0, named=True)
    # Leads exported without their source (a column left out of the report) give no cut.
    sourced = lead_frame is not None and "lead_source" in lead_frame.columns
    if sourced and lead_frame is not None and {"lead_id", "amount"} <= set(opps.columns):
        joined = opps.join(
            lead_frame.select("lead_id", "lead_source").unique("lead_id"),
            on="lead_id",
            how="left",
        )
        report["pipeline_by_source"] = (
            funnel.pipeline_by(joined.lazy(), "lead_source").collect().to_dicts()
        )


def _acceptance(
    report: dict[str, Any],
    headline: dict[str, dict[str, Any]],
    disp: pl.DataFrame,
    opps: pl.DataFrame | None,
    cal: funnel.Calendar,
    last: Any,
    lvr: pl.DataFrame,
) -> None:
    """Accepted lead rate, opportunities from accepted leads, and the reading of MQL volume
    against acceptance, period over period."""
    with_opps = opps.lazy() if opps is not None and "lead_id" in opps.columns else None
    by_period = funnel.acceptance_by_period(disp.lazy(), cal, with_opps).collect()
    report["acceptance_by_period"] = by_period.to_dicts()
    row = by_period.filter(pl.col("period").eq_missing(last))
    rate = row["acceptance_rate"][0] if row.height else None
    headline["accepted_lead_rate"] = {"value": rate, "band": None, "reading": None}
    if opps is not None and "lead_id" in opps.columns:
        accepted = disp.filter(pl.col("disposition").is_in(("accepted", "converted")))
        with_opp = accepted.join(opps.select("lead_id").unique(), on="lead_id", how="semi")
        value = round(with_opp.height / accepted.height, 4) if accepted.height else None
        headline["opportunity_from_accepted"] = {"value": value, "band": None, "reading": None}
    before = by_period.filter(pl.col("period") < last).tail(1) if last is not None else None
    q_now = lvr.filter(pl.col("period").eq_missing(last))
    change_q = q_now["lead_velocity_rate"][0] if q_now.height else None
    change_a = (
        rate - before["acceptance_rate"][0]
        if rate is not None
        and before is not None
        and before.height
        and before["acceptance_rate"][0] is not None
        else None
    )
    report["reading"] = funnel.movement_reading(change_q, change_a)


def speed_summary(speed: pl.DataFrame) -> dict[str, Any]:
    """Speed to lead overall, by owner (worst breach rate first) and by weekday."""
    owner = "rep" if "rep" in speed.columns else None
    breaches = speed.filter(~pl.col("within_sla"))
    by_owner = (
        speed.group_by(owner)
        .agg(
            pl.len().alias("routed"),
            (~pl.col("within_sla")).sum().alias("breaches"),
            pl.col("hours_to_first_touch").median().round(2).alias("median_hours"),
        )
        .with_columns((pl.col("breaches") / pl.col("routed")).round(4).alias("breach_rate"))
        .sort(["breach_rate", owner], descending=[True, False])
        .to_dicts()
        if owner
        else []
    )
    weekday = (
        speed.group_by(
            pl.col("handed_off_at").dt.strftime("%a").alias("weekday"),
            pl.col("handed_off_at").dt.weekday().alias("_d"),
        )
        .agg(pl.len().alias("routed"), (~pl.col("within_sla")).sum().alias("breaches"))
        .with_columns((pl.col("breaches") / pl.col("routed")).round(4).alias("breach_rate"))
        .sort("_d")
        .drop("_d")
        .to_dicts()
    )
    within = int(speed["within_sla"].sum())
    median: Any = speed["hours_to_first_touch"].median()
    return {
        "routed": speed.height,
        "touched": int(speed["hours_to_first_touch"].is_not_null().sum()),
        "median_hours": None if median is None else round(float(median), 2),
        "within_sla": within,
        "sla_compliance": None if speed.height == 0 else round(within / speed.height, 4),
        "breaches": breaches.height,
        "by_owner": by_owner,
        "by_weekday": weekday,
    }
