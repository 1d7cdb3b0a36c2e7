"""`revq funnel`: conversion, velocity, lead velocity, win rate and speed to lead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from revq.cli.common import (
    OutOpt,
    ProjectOpt,
    current_project,
    emit_text,
    iso_date,
    load_input,
    load_options_for,
    report_load,
    ui,
    user_errors,
)
from revq.cli.score_cmd import AsOfOpt, Inputs, parse_as_of
from revq.cli.stdin import accept_stdin, accept_stdin_list
from revq.config.funnel import FunnelConfig, load_funnel
from revq.core import funnel
from revq.core.fail_on import FailOnError, conditions_met, parse_fail_on
from revq.core.parse import parse_datetime, parse_number
from revq.core.schema import LINE
from revq.core.scoring.dimensions import with_dimensions
from revq.errors import ExitCode, InputError, RevqError
from revq.io.load import load_table, sniff_table
from revq.io.project import Project
from revq.io.writers import to_json
from revq.render.funnel_view import funnel_markdown, funnel_tables


class Period(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"


class Method(StrEnum):
    cohort = "cohort"
    period = "period"
    both = "both"


# What each conversion method alone shows: the other method's columns and headline figures go.
_ONLY = {
    Method.cohort: ("entered_b", "period_rate"),
    Method.period: ("cohort_reached_b", "cohort_rate", "maturing"),
}


def for_method(report: dict[str, Any], method: Method) -> dict[str, Any]:
    """The report with one conversion method's figures (both: unchanged)."""
    if method is Method.both:
        return report
    other = "period" if method is Method.cohort else "cohort"
    drop = set(_ONLY[method])
    return {
        **report,
        "method": method.value,
        "headline": {k: v for k, v in report["headline"].items() if not k.endswith(f"_{other}")},
        "conversions": [
            {k: v for k, v in row.items() if k not in drop} for row in report["conversions"]
        ],
    }


class FunnelFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def _load(project: Project | None, given: Path | None, table: str) -> pl.DataFrame | None:
    path = given or (project.input_path(table) if project else None)
    if path is None or not path.exists():
        if given is not None:
            raise RevqError(f"{given}: file not found")
        return None
    result = load_input(
        path,
        load_options_for(project, path, table),
        table=table,
        timezone=project.config.timezone if project else "UTC",
    )
    return result.frame


def _history_from_leads(leads: pl.DataFrame, source: Path | None) -> pl.DataFrame:
    """Stage entries from stage timestamp columns, when there is no stage history."""
    columns = {
        "created_at": "lead",
        "mql_at": "mql",
        "sql_at": "sql",
        "opportunity_at": "opportunity",
        "customer_at": "won",
    }
    parts = [
        leads.select("lead_id", pl.lit(stage).alias("stage"), pl.col(col).alias("entered_at"))
        for col, stage in columns.items()
        if col in leads.columns
    ]
    if not parts:
        raise RevqError(
            f"{source or 'the leads'}: no stage dates (created_at, mql_at, sql_at, opportunity_at, "
            "customer_at: a create date or 'Became a ... Date' columns); pass a stage history "
            "with --history, or map those columns with load.columns"
        )
    return pl.concat(parts).drop_nulls("entered_at")


def _history_from_opportunities(opps: pl.DataFrame) -> pl.DataFrame:
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


def _cost(
    path: Path, stages: pl.LazyFrame, cal: funnel.Calendar, cfg: FunnelConfig
) -> list[dict[str, Any]]:
    raw = load_table(path, require_table=False)
    report_load(raw)
    frame = raw.frame
    lower = {c.lower(): c for c in frame.columns}
    period_col = lower.get("period") or lower.get("month") or lower.get("date")
    spend_col = lower.get("spend") or lower.get("cost") or lower.get("amount")
    if period_col is None or spend_col is None:
        raise RevqError(
            f"{path}: expected a period (or month/date) column and a spend (or "
            f"cost/amount) column; found {', '.join(frame.columns)}"
        )
    text = pl.col(period_col).cast(pl.String).str.strip_chars()
    month_only = text.str.contains(r"^\d{4}-\d{2}$")
    period = parse_datetime(pl.when(month_only).then(text + "-01").otherwise(text), "dmy", "UTC")
    parsed = frame.select(period.alias("period"), parse_number(pl.col(spend_col)).alias("spend"))
    bad = parsed.with_columns(frame[LINE]).filter(
        pl.col("period").is_null() | pl.col("spend").is_null()
    )
    if bad.height:
        line = int(bad[LINE][0])
        raise InputError(
            path,
            "expected a period (YYYY-MM or a date) and a number",
            line=line,
            column=f"{period_col}/{spend_col}",
        )
    stage_names = tuple(s for s in ("mql", "sql") if s in cfg.stages)
    return funnel.cost_per_stage(stages, parsed.lazy(), cal, stage_names).collect().to_dicts()


def _band(value: float | None, band: tuple[float | None, float | None] | None) -> str | None:
    if value is None or band is None:
        return None
    low, high = band
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def _sla_hours(d: pl.DataFrame, acts: pl.DataFrame | None, cfg: FunnelConfig) -> pl.Expr:
    if acts is None or "lead_id" not in acts.columns:
        return pl.lit(cfg.sla.default_hours)
    return (
        pl.when(pl.col("_demo"))
        .then(pl.lit(cfg.sla.demo_request_hours))
        .otherwise(pl.lit(cfg.sla.default_hours))
    )


def _flag_demo_requests(
    d: pl.DataFrame, acts: pl.DataFrame | None, cfg: FunnelConfig
) -> pl.DataFrame:
    if acts is None or "lead_id" not in acts.columns:
        return d.with_columns(pl.lit(False).alias("_demo"))
    demos = acts.filter(pl.col("activity_type") == cfg.sla.demo_activity).select(
        "lead_id", "occurred_at"
    )
    window = pl.duration(days=cfg.sla.demo_lookback_days)
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


FUNNEL_INPUTS = ("stage_history", "leads", "opportunities", "dispositions")


def assign_inputs(
    project: Project | None, files: list[Path], given: dict[str, Path | None]
) -> dict[str, Path | None]:
    """Each export named without an option goes to the input its headers say it is."""
    roles = dict(given)
    for path in files:
        table = sniff_table(path, load_options_for(project, path, None))
        if table not in FUNNEL_INPUTS:
            what = f"a {table} export" if table else "not an export revq recognises"
            raise RevqError(
                f"{path}: {what}, not a funnel input: expected a stage history, leads, "
                "opportunities or dispositions export (or name its role with --history, "
                "--leads, --opportunities or --dispositions)"
            )
        if roles[table] is not None:
            raise RevqError(
                f"{path}: a second {table.replace('_', ' ')} export (the other is "
                f"{roles[table]}); pass one"
            )
        roles[table] = path
    return roles


@user_errors
def funnel_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Exports in any order; each goes to the input its headers say it is (stage "
            "history, leads, opportunities, dispositions); - reads stdin.",
            dir_okay=False,
            show_default=False,
            callback=accept_stdin_list,
        ),
    ] = None,
    history: Annotated[
        Path | None,
        typer.Option(
            "--history",
            help="Stage history export (default: inputs.stage_history).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    leads: Annotated[
        Path | None,
        typer.Option(
            "--leads",
            help="Leads export, for --by and for stage dates when there is no history.",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    opportunities: Annotated[
        Path | None,
        typer.Option(
            "--opportunities",
            help="Opportunities export (win rate).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    dispositions: Annotated[
        Path | None,
        typer.Option(
            "--dispositions",
            help="Dispositions export (speed to lead).",
            dir_okay=False,
            callback=accept_stdin,
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Funnel config.", dir_okay=False)
    ] = None,
    spend: Annotated[
        Path | None,
        typer.Option(
            "--spend",
            help="Marketing spend (CSV with period and spend columns, "
            "YYYY-MM or dates) for cost per MQL and SQL.",
            dir_okay=False,
        ),
    ] = None,
    period: Annotated[
        Period | None,
        typer.Option("--period", help="Reporting period (default: period in the funnel config)."),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="A lead column to cut conversions by (lead_source, owner, ...)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", callback=iso_date, help="First day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", callback=iso_date, help="Last day (YYYY-MM-DD).")
    ] = None,
    as_of: AsOfOpt = None,
    method: Annotated[
        Method | None,
        typer.Option(
            "--method",
            help="Conversion rates by cohort (of those entering A in the period, the share "
            "reaching B), by period (B entered / A entered in the period), or both (default: "
            "method in the funnel config).",
        ),
    ] = None,
    fmt: Annotated[FunnelFormat, typer.Option("--format", "-f", help="Output format.")] = (
        FunnelFormat.table
    ),
    out: OutOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a condition on a headline metric holds, e.g. sla_compliance<0.9",
        ),
    ] = None,
    project_file: ProjectOpt = None,
) -> None:
    """Funnel metrics by period: stage conversions by cohort and by period, velocity between
    stages, lead velocity rate, win rate, and speed to lead against the SLA, each headline
    against its benchmark band."""
    project = current_project(project_file)
    roles = assign_inputs(
        project,
        files or [],
        {
            "stage_history": history,
            "leads": leads,
            "opportunities": opportunities,
            "dispositions": dispositions,
        },
    )
    run = compute_funnel(
        project,
        history=roles["stage_history"],
        leads=roles["leads"],
        opportunities=roles["opportunities"],
        dispositions=roles["dispositions"],
        config=config,
        spend=spend,
        period=period.value if period is not None else None,
        by=by,
        since=since,
        until=until,
        when=parse_as_of(as_of),
    )
    report = for_method(run.report, method or Method(run.config.method))
    _emit(report, fmt, out)
    if fail_on:
        try:
            conditions = parse_fail_on(fail_on, set(report["headline"]))
        except FailOnError as exc:
            raise RevqError(str(exc)) from None
        values = {k: v["value"] for k, v in report["headline"].items()}
        met = conditions_met(conditions, values)
        if met:
            ui.warn("--fail-on met: " + "; ".join(met))
            raise typer.Exit(int(ExitCode.CONDITION_MET))


DEFAULT_LADDER = ("lead", "mql", "sal", "sql", "opportunity", "won")


def stage_dates(
    project: Project | None, history: Path | None, when: datetime
) -> pl.DataFrame | None:
    """Per lead, when it first reached each stage of the ladder (`<stage>_at`), from the stage
    history and the opportunities; None when the project has no stage history."""
    hist = _load(project, history, "stage_history")
    if hist is None:
        return None
    opps = _load(project, None, "opportunities")
    if opps is not None and "lead_id" in opps.columns:
        hist = pl.concat(
            [hist.select("lead_id", "stage", "entered_at"), _history_from_opportunities(opps)]
        )
    ladder: tuple[str, ...] = DEFAULT_LADDER
    pass_through = True
    if project is not None and "funnel" in project.config.configs:
        cfg = load_funnel(project.root / project.config.configs["funnel"])
        ladder, pass_through = tuple(cfg.stages), cfg.pass_through
    return funnel.reached(hist.lazy(), funnel.Ladder(ladder, pass_through), when).collect()


def _each_entry_once(hist: pl.DataFrame) -> pl.DataFrame:
    """The same entry can come from two exports (history and opportunities), or twice from
    one: count it once. Most histories have no repeats, and counting distinct row hashes
    (a third of a second for 10M entries) shows it without the unique (2.5 s); a hash
    collision only sends the history through the exact unique."""
    keys = ["lead_id", "stage", "entered_at"]
    row_hash = pl.col("lead_id").hash() ^ pl.col("stage").hash(seed=1)
    row_hash = row_hash ^ pl.col("entered_at").hash(seed=2)
    if hist.select(row_hash.n_unique()).item() == hist.height:
        return hist
    # The first of a repeat, so that other columns (an exit time) do not depend on the run.
    return hist.unique(keys, keep="first", maintain_order=True)


# Cuts that come from scoring the leads (as of --as-of) rather than from the export.
SCORED_CUTS = ("quadrant", "segment", "fit_grade", "score_band", "signal_type", "recommended_stage")


def _dimension(
    project: Project | None,
    lead_frame: pl.DataFrame | None,
    leads: Path | None,
    by: str,
    when: datetime,
) -> pl.DataFrame:
    """lead_id and the --by column: a column of the leads, or a cut scoring gives."""
    if lead_frame is not None and by in lead_frame.columns:
        return lead_frame.select("lead_id", by).unique("lead_id", keep="first")
    if by not in SCORED_CUTS:
        raise RevqError(
            f"--by {by}: not a column of the leads (pass --leads), nor a cut scoring gives "
            f"({', '.join(SCORED_CUTS)})"
        )
    if lead_frame is None:
        raise RevqError(f"--by {by}: needs the leads to score (pass --leads)")
    if project is None or "scoring" not in project.config.configs:
        raise RevqError(f"--by {by}: needs a scoring config (configs.scoring in revq.yaml)")
    run = Inputs(leads, None, None, None, None, None, project=project)
    scored = run.score(when, ordered=False).collect()  # joined on lead id: no order needed
    scored = with_dimensions(scored.rename({"stage": "recommended_stage"}))
    return scored.select("lead_id", by)


@dataclass
class FunnelRun:
    """The funnel report and the frames it was computed from, for the report command."""

    report: dict[str, Any]
    calendar: funnel.Calendar
    config: FunnelConfig
    leads: pl.DataFrame | None
    opportunities: pl.DataFrame | None
    signals: pl.DataFrame | None
    speed: pl.DataFrame | None


def compute_funnel(
    project: Project | None,
    *,
    history: Path | None = None,
    leads: Path | None = None,
    opportunities: Path | None = None,
    dispositions: Path | None = None,
    config: Path | None = None,
    spend: Path | None = None,
    period: str | None = None,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    when: datetime,
) -> FunnelRun:
    """Load the exports named (or the project's) and compute every funnel metric."""
    cfg_path = config or (
        project.root / project.config.configs["funnel"]
        if project and "funnel" in project.config.configs
        else None
    )
    cfg = load_funnel(cfg_path)
    period = period or cfg.period
    lead_frame = _load(project, leads, "leads")
    hist = _load(project, history, "stage_history")
    opps = _load(project, opportunities, "opportunities")
    if hist is None and lead_frame is not None:
        hist = _history_from_leads(
            lead_frame, leads or (project.input_path("leads") if project else None)
        )
    if hist is None:
        if opps is None:
            raise RevqError(
                "no stage history, leads or opportunities: pass --history, --leads or "
                "--opportunities, or set inputs.stage_history in revq.yaml"
            )
        # An opportunity report alone: each opportunity is one way through the funnel's last
        # stages (opportunity, won), so win rates, velocity and cycle length still hold.
        ui.info("only opportunities given: the funnel starts at the opportunity stage")
        hist = _history_from_opportunities(
            opps.with_columns(pl.col("opportunity_id").alias("lead_id"))
        )
        # Nothing is known of the stages before: none is taken as passed through.
        cfg = cfg.model_copy(update={"pass_through": False})
    elif opps is not None and "lead_id" in opps.columns:
        hist = pl.concat(
            [hist.select("lead_id", "stage", "entered_at"), _history_from_opportunities(opps)]
        )
    hist = _each_entry_once(hist)
    ladder = funnel.Ladder(tuple(cfg.stages), cfg.pass_through)
    stages = funnel.reached(hist.lazy(), ladder, when)
    if by is not None:
        cut = _dimension(project, lead_frame, leads, by, when)
        stages = stages.join(cut.lazy(), on="lead_id", how="left")
    stages = _filter(stages, cfg, since, until).collect().lazy()
    entries = funnel.stage_entries(hist.lazy(), when)
    cal = funnel.Calendar(
        period,
        project.config.fiscal_year_start_month if project else 1,
        project.config.week_start if project else "monday",
    )
    report, speed = _report(stages, cfg, cal, when, by, project, opps, dispositions, lead_frame)
    report["time_in_stage"] = funnel.time_in_stage(entries, tuple(cfg.stages)).collect().to_dicts()
    report["entries_by_period"] = (
        funnel.entries_by_period(stages, tuple(cfg.stages), cal).collect().to_dicts()
    )
    if spend is not None:
        report["cost"] = _cost(spend, stages, cal, cfg)
    sig = _load(project, None, "signals")
    if (
        opps is not None
        and lead_frame is not None
        and sig is not None
        and "created_at" in (opps.columns)
        and "account_key" in lead_frame.columns
    ):
        tagged = funnel.signal_before_opportunity(opps.lazy(), lead_frame.lazy(), sig.lazy())
        report["pipeline_by_signal_type"] = (
            funnel.pipeline_by(tagged, "signal_type").collect().to_dicts()
        )
    return FunnelRun(report, cal, cfg, lead_frame, opps, sig, speed)


def _filter(
    stages: pl.LazyFrame, cfg: FunnelConfig, since: str | None, until: str | None
) -> pl.LazyFrame:
    """Keep leads whose first stage falls in the window (stage dates stay whole)."""
    first = pl.min_horizontal([pl.col(f"{s}_at") for s in cfg.stages])
    if since:
        stages = stages.filter(first >= datetime.fromisoformat(since).replace(tzinfo=UTC))
    if until:
        end = datetime.fromisoformat(until).replace(tzinfo=UTC) + timedelta(days=1)
        stages = stages.filter(first < end)
    return stages


def _latest_complete(rows: pl.DataFrame, when: datetime, cal: funnel.Calendar) -> Any:
    """The last period that ended before the as-of time."""
    current = (
        pl.DataFrame({"t": [when]}, schema={"t": funnel.UTC_US})
        .select(funnel.period_start("t", cal))
        .item()
    )
    done = rows.filter(pl.col("period") < current)
    return done["period"].max() if done.height else None


def _report(
    stages: pl.LazyFrame,
    cfg: FunnelConfig,
    cal: funnel.Calendar,
    when: datetime,
    by: str | None,
    project: Project | None,
    opps: pl.DataFrame | None,
    dispositions: Path | None,
    lead_frame: pl.DataFrame | None,
) -> tuple[dict[str, Any], pl.DataFrame | None]:
    period = cal
    pairs: list[tuple[str, str]] = [(a, b) for a, b in cfg.conversions]
    conv = funnel.conversions(
        stages,
        pairs,
        period=period,
        as_of=when,
        maturity_days=cfg.maturity_days,
        by=by,
    ).collect()
    overall_conv = (
        funnel.conversions(
            stages,
            pairs,
            period=period,
            as_of=when,
            maturity_days=cfg.maturity_days,
        ).collect()
        if by
        else conv
    )
    vel = funnel.velocity(stages, [(a, b) for a, b in cfg.velocity]).collect()
    lvr = funnel.lead_velocity(stages, cfg.qualified_stage, period).collect()
    headline: dict[str, dict[str, Any]] = {}
    last = _latest_complete(overall_conv, when, cal)
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
                "band": cfg.benchmarks.get(key),
                "reading": _band(value, cfg.benchmarks.get(key)),
                "maturing": bool(row["maturing"][0]) if row.height and method == "cohort" else None,
            }
    lvr_row = lvr.filter(pl.col("period").eq_missing(last))
    lvr_value = lvr_row["lead_velocity_rate"][0] if lvr_row.height else None
    headline["lead_velocity_rate"] = {
        "value": lvr_value,
        "band": cfg.benchmarks.get("lead_velocity_rate"),
        "reading": _band(lvr_value, cfg.benchmarks.get("lead_velocity_rate")),
        "qualified": cfg.qualified_stage,
        "definition_hash": cfg.qualified_hash(),
    }
    report: dict[str, Any] = {
        "as_of": (when - timedelta(days=1)).date(),
        "period": cal.period,
        "fiscal_year_start_month": cal.fiscal_start_month,
        "latest_complete_period": last,
        "definitions": {
            "stages": cfg.stages,
            "pass_through": cfg.pass_through,
            "qualified_stage": cfg.qualified_stage,
            "qualified_hash": cfg.qualified_hash(),
            "maturity_days": cfg.maturity_days,
        },
        "headline": headline,
        "conversions": conv.to_dicts(),
        "velocity": vel.to_dicts(),
        "lead_velocity": lvr.to_dicts(),
    }
    if opps is not None:
        win = funnel.win_rates(opps.lazy()).collect().row(0, named=True)
        report["win_rate"] = win
        headline["win_rate"] = {"value": win["win_rate"], "band": None, "reading": None}
        if {"created_at", "closed_at", "amount"} <= set(opps.columns):
            report["sales_velocity"] = (
                funnel.sales_velocity(opps.lazy()).collect().row(0, named=True)
            )
        if lead_frame is not None and "lead_id" in opps.columns and "amount" in opps.columns:
            joined = opps.join(
                lead_frame.select("lead_id", "lead_source").unique("lead_id"),
                on="lead_id",
                how="left",
            )
            report["pipeline_by_source"] = (
                funnel.pipeline_by(joined.lazy(), "lead_source").collect().to_dicts()
            )
    speed = None
    disp = _load(project, dispositions, "dispositions")
    if disp is not None and {"handed_off_at", "first_touch_at"} <= set(disp.columns):
        acts = _load(project, None, "activities")
        flagged = _flag_demo_requests(disp, acts, cfg)
        speed = funnel.speed_to_lead(flagged.lazy(), _sla_hours(flagged, acts, cfg), when).collect()
        report["speed_to_lead"] = _speed_summary(speed)
        report["speed_to_lead"]["by_period"] = (
            funnel.sla_by_period(speed.lazy(), cal).collect().to_dicts()
        )
        _acceptance(report, headline, disp, opps, cal, last, lvr)
        comp = report["speed_to_lead"]["sla_compliance"]
        headline["sla_compliance"] = {
            "value": comp,
            "band": cfg.benchmarks.get("sla_compliance"),
            "reading": _band(comp, cfg.benchmarks.get("sla_compliance")),
        }
    return report, speed


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


def _speed_summary(speed: pl.DataFrame) -> dict[str, Any]:
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
    return {
        "routed": speed.height,
        "touched": int(speed["hours_to_first_touch"].is_not_null().sum()),
        "median_hours": _round(speed["hours_to_first_touch"].median()),
        "within_sla": int(speed["within_sla"].sum()),
        "sla_compliance": _rate(int(speed["within_sla"].sum()), speed.height),
        "breaches": breaches.height,
        "by_owner": by_owner,
        "by_weekday": weekday,
    }


def _rate(k: int, n: int) -> float | None:
    return None if n == 0 else round(k / n, 4)


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _emit(report: dict[str, Any], fmt: FunnelFormat, out: Path | None) -> None:
    if fmt is FunnelFormat.table and out is None:
        for renderable in funnel_tables(report):
            ui.out.print(renderable)
        return
    if fmt is FunnelFormat.csv:
        text = pl.DataFrame(report["conversions"]).write_csv()
    elif fmt is FunnelFormat.md:
        text = funnel_markdown(report)
    else:
        text = to_json(report)
    emit_text(text, out, (), "the funnel")
