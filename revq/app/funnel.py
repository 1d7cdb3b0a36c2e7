"""The funnel: conversion (cohort and period), velocity, lead velocity rate, win rate and
speed to lead, from the stage history, the leads' stage dates and the opportunities."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import polars as pl

from revq.app.advice import say_unfit
from revq.app.data_span import check_period, span_of, span_of_load, window_period
from revq.app.empty_funnel import StageSources, measured_nothing, reached_counts, why_empty
from revq.app.inputs import (
    check_window,
    follow_lead_merges,
    frame_of,
    link_converted_leads,
    load_input_of,
    load_options_for,
    window,
)
from revq.app.results import Outcome
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.config.funnel import FunnelConfig, load_funnel
from revq.core import funnel
from revq.core.funnel_report import (
    SPEED_COLUMNS,
    STAGE_DATE_COLUMNS,
    first_stage_within,
    funnel_report,
    history_from_leads,
    history_from_opportunities,
)
from revq.core.parse import parse_datetime, parse_number, within_amount
from revq.core.schema import LINE
from revq.core.scoring.dimensions import with_dimensions
from revq.errors import InputError, RevqError
from revq.io import sources
from revq.io.exports import Export, export_files
from revq.io.load import LoadResult, load_table, sniff_table
from revq.io.project import Project
from revq.io.writers import csv_text, to_json, write_bytes_atomic, write_frame_atomic
from revq.render.funnel_view import funnel_markdown

Method = Literal["cohort", "period", "both"]
Period = Literal["week", "month", "quarter"]

# What each conversion method alone shows: the other method's columns and headline figures go.
_ONLY = {
    "cohort": ("entered_b", "period_rate"),
    "period": ("cohort_reached_b", "cohort_rate", "maturing"),
}


def for_method(report: dict[str, Any], method: str) -> dict[str, Any]:
    """The report with one conversion method's figures (both: unchanged)."""
    if method == "both":
        return report
    other = "period" if method == "cohort" else "cohort"
    drop = set(_ONLY[method])
    return {
        **report,
        "method": method,
        "headline": {k: v for k, v in report["headline"].items() if not k.endswith(f"_{other}")},
        "conversions": [
            {k: v for k, v in row.items() if k not in drop} for row in report["conversions"]
        ],
    }


ENTRIES = ("stage entry counts", "stage entries count")
FUNNEL_INPUTS = ("stage_history", "leads", "opportunities", "dispositions")
DEFAULT_LADDER = ("lead", "mql", "sal", "sql", "opportunity", "won")
HISTORY_SCHEMA: dict[str, pl.DataType] = {
    "lead_id": pl.String(),
    "stage": pl.String(),
    "entered_at": funnel.UTC_US,
}
# Cuts that come from scoring the leads (as of the as-of day) rather than from the export.
SCORED_CUTS = ("quadrant", "segment", "fit_grade", "score_band", "signal_type", "recommended_stage")


def _cost(
    run: Run, path: Path, stages: pl.LazyFrame, cal: funnel.Calendar, cfg: FunnelConfig
) -> list[dict[str, Any]]:
    raw = load_table(path, require_table=False)
    run.loads.record(raw)
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
    spend = within_amount(parse_number(pl.col(spend_col)))
    parsed = frame.select(period.alias("period"), spend.alias("spend"))
    bad = parsed.with_columns(frame[LINE]).filter(
        pl.col("period").is_null() | pl.col("spend").is_null()
    )
    if bad.height:
        line = int(bad[LINE][0])
        raise InputError(
            path,
            "expected a period (YYYY-MM or a date) and an amount (a number under 2^53)",
            line=line,
            column=f"{period_col}/{spend_col}",
        )
    stage_names = tuple(s for s in ("mql", "sql") if s in cfg.stages)
    return funnel.cost_per_stage(stages, parsed.lazy(), cal, stage_names).collect().to_dicts()


def assign_inputs(
    project: Project | None, files: list[Path], given: dict[str, Export | None]
) -> dict[str, Export | None]:
    """Each export named without a role goes to the input its headers say it is; several
    of one input (a lead history and an opportunity history, monthly exports) are read as one."""
    roles: dict[str, Export | None] = dict(given)
    for path in files:
        table = sniff_table(sources.matches(path)[0], load_options_for(project, path, None))
        if table not in FUNNEL_INPUTS:
            what = f"an export of {table}" if table else "not an export revq recognises"
            raise RevqError(
                f"{path}: {what}, not a funnel input: expected a stage history, leads, "
                "opportunities or dispositions export (or name its role with --history, "
                "--leads, --opportunities or --dispositions)"
            )
        before = export_files(roles[table])
        if any(sources.resolved(p) == sources.resolved(path) for p in before):
            raise RevqError(f"{path}: given twice; name each export once")
        roles[table] = [*before, path] if before else path
    return roles


def stage_dates(
    run: Run,
    project: Project | None,
    history: Path | None,
    when: datetime,
    leads: LoadResult | None = None,
) -> pl.DataFrame | None:
    """Per lead, when it first reached each stage of the ladder (`<stage>_at`), from the stage
    history and the opportunities; None when the project has no stage history. The entries of
    a lead merged away as a duplicate count for the record of `leads` kept in its place."""
    hist = frame_of(run, project, history, "stage_history")
    if hist is None:
        return None
    opps = frame_of(run, project, None, "opportunities")
    if leads is not None:
        opps = link_converted_leads(run, opps, leads)
    if opps is not None and "lead_id" in opps.columns:
        hist = pl.concat(
            [hist.select("lead_id", "stage", "entered_at"), history_from_opportunities(opps)]
        )
    if leads is not None:
        hist = follow_lead_merges(run, hist, leads, ENTRIES)
    ladder: tuple[str, ...] = DEFAULT_LADDER
    pass_through = True
    if project is not None and "funnel" in project.config.configs:
        cfg = load_funnel(project.root / project.config.configs["funnel"])
        ladder, pass_through = tuple(cfg.stages), cfg.pass_through
    return funnel.reached(hist.lazy(), funnel.Ladder(ladder, pass_through), when).collect()


def _dimension(
    run: Run,
    project: Project | None,
    lead_frame: pl.DataFrame | None,
    leads: Export | None,
    by: str,
    when: datetime,
) -> pl.DataFrame:
    """lead_id and the `by` column: a column of the leads, or a cut scoring gives."""
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
    inputs = ScoringInputs(run, project, leads=leads)
    if run.wants_warnings:
        say_unfit(run, inputs, when)
    with run.step(f"scoring {inputs.leads.accounting.rows_loaded:,} leads for --by {by}"):
        # a gate that marks a lead converted reads the conversion the cut by stage measures
        model = (
            inputs.decided_model("the conversion this funnel measures")
            if by == "recommended_stage"
            else inputs.compiled.model
        )
        scored = inputs.score(when, model, ordered=False).collect()  # joined on id: no order
    scored = with_dimensions(scored.rename({"stage": "recommended_stage"}))
    return scored.select("lead_id", by)


@dataclass(frozen=True, eq=False, repr=False)
class FunnelResult(Outcome):
    """The funnel's figures (`report`, as `revq funnel --format json` prints them with every
    method) and the frames they were computed from.

    Attributes:
        report: headline, conversions, velocity, lead velocity, win rate, speed to lead, time
            in stage and entries by period.
        method: the conversion method shown: cohort, period or both.
        history: the stage entries the figures were computed from.
    """

    report: dict[str, Any]
    method: str
    calendar: funnel.Calendar = field(repr=False)
    config: FunnelConfig = field(repr=False)
    leads: pl.DataFrame | None = field(repr=False)
    opportunities: pl.DataFrame | None = field(repr=False)
    signals: pl.DataFrame | None = field(repr=False)
    speed: pl.DataFrame | None = field(repr=False)
    history: pl.DataFrame = field(repr=False)
    as_of: datetime = field(repr=False)
    inputs: list[Path] = field(repr=False)
    _run: Run = field(repr=False)
    # False: no headline figure and no lead between two stages (and said why on stderr).
    measured: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `revq funnel --format json` prints: the report with the conversion
        method asked for."""
        return for_method(self.report, self.method)

    def to_json(self) -> str:
        return to_json(self.to_dict())

    def conversions_csv(self, *, escape_formulas: bool = True) -> str:
        """What `revq funnel --format csv` prints: the conversions."""
        return csv_text(pl.DataFrame(self.to_dict()["conversions"]), escape=escape_formulas)

    def markdown(self) -> str:
        """What `revq funnel --format md` prints."""
        return funnel_markdown(self.to_dict())

    def metrics(self) -> dict[str, Any]:
        return {k: v["value"] for k, v in self.to_dict()["headline"].items()}

    def entries(self) -> pl.DataFrame:
        """Each lead's time in each stage (first and latest entry, entries, cumulative days),
        an entry repeated across exports counted once: what `--entries-out` writes."""
        return funnel.stage_entries(self.history.lazy(), self.as_of, each_entry_once=True).collect()

    def write(self, path: Path | str, *, escape_formulas: bool = True) -> None:
        """The funnel to a file, atomically, by its suffix: .csv the conversions, .md the
        Markdown report, anything else JSON (what `--out PATH --format json` writes)."""
        path = Path(path)
        suffix = path.suffix.lower()
        text = (
            self.conversions_csv(escape_formulas=escape_formulas)
            if suffix == ".csv"
            else self.markdown()
            if suffix == ".md"
            else self.to_json()
        )
        write_bytes_atomic(
            path, text.encode("utf-8"), inputs=self._run.guarded(*self.inputs), say=self._run.info
        )

    def write_entries(self, path: Path | str, *, escape_formulas: bool = True) -> int:
        """`entries()` to a file, atomically, by its suffix; returns the rows written."""
        entries = self.entries()
        write_frame_atomic(
            Path(path),
            entries,
            inputs=self._run.guarded(*self.inputs),
            escape=escape_formulas,
            say=self._run.info,
        )
        return entries.height


def compute_funnel(
    run: Run,
    project: Project | None,
    *,
    history: Export | None = None,
    leads: Export | None = None,
    opportunities: Export | None = None,
    dispositions: Export | None = None,
    config: Path | None = None,
    spend: Path | None = None,
    period: str | None = None,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    when: datetime,
    method: str | None = None,
    stageless_ok: bool = False,
    allow_empty: bool = False,
    check_empty: bool = True,
) -> FunnelResult:
    """Load the exports named (or the project's) and compute every funnel metric. With
    `stageless_ok` (the report, whose other sections stand without it), exports holding no
    stage date give empty funnel figures instead of an error. A window (since/until, or
    everything up to `when`) that none of the exports reaches is an error, or with
    `allow_empty` a warning and an empty funnel (`check_empty` False: the caller has checked
    its own period, as the report does). A funnel that measures nothing says why."""
    check_window(since, until)
    if period is not None and period not in ("week", "month", "quarter"):
        raise RevqError(f"period {period!r}: 'week', 'month' or 'quarter'")
    if method is not None and method not in ("cohort", "period", "both"):
        raise RevqError(f"method {method!r}: 'cohort', 'period' or 'both'")
    cfg_path = config or (
        project.root / project.config.configs["funnel"]
        if project and "funnel" in project.config.configs
        else None
    )
    cfg = load_funnel(cfg_path)
    period = period or cfg.period
    lead_result = load_input_of(run, project, leads, "leads")
    lead_frame = lead_result.frame if lead_result is not None else None
    hist_load = load_input_of(run, project, history, "stage_history")
    hist = hist_load.frame if hist_load is not None else None
    opps_load = load_input_of(run, project, opportunities, "opportunities")
    opps = opps_load.frame if opps_load is not None else None
    stage_sources = StageSources()
    if hist_load is not None and hist is not None and hist.height == 0:
        # A history of other properties only (a HubSpot property history without the
        # lifecycle stage) dates no stage: it must not hide the stage dates the leads hold.
        stage_sources.empty_history, hist = hist_load, None
    if lead_result is not None:
        # A duplicate's history is the person's: left under its own id it is a second lead.
        hist = follow_lead_merges(run, hist, lead_result, ENTRIES)
        opps = link_converted_leads(run, opps, lead_result)
        opps = follow_lead_merges(
            run, opps, lead_result, ("opportunity counts", "opportunities count")
        )
    dateless = ""  # the leads, when they were given but hold no stage date
    if hist is None and lead_frame is not None:
        assert lead_result is not None
        hist = history_from_leads(lead_frame)
        leads_name = lead_result.path.name
        if hist is not None:
            dated = [c for c in STAGE_DATE_COLUMNS if c in lead_frame.columns]
            stage_sources.lead_dates = (leads_name, dated)
            if stage_sources.empty_history is not None:
                run.info(
                    f"{stage_sources.empty_history.path.name}: no stage entry; the funnel reads "
                    f"the stage dates of {leads_name} ({', '.join(dated)})"
                )
        else:
            dateless = str(lead_result.path)
            if opps is None and not stageless_ok:
                raise RevqError(
                    f"{dateless}: no stage dates ({', '.join(STAGE_DATE_COLUMNS)}: a create "
                    "date or 'Became a ... Date' columns); pass a stage history with "
                    "--history, or map those columns with load.columns"
                )
    if hist is None and opps is None:  # nothing dates a stage
        if not stageless_ok:
            if stage_sources.empty_history is not None:
                raise RevqError(
                    "; ".join(stage_sources.causes())
                    + ": name the property that holds the stage in load.stage_properties, "
                    "or pass leads with stage dates (--leads)"
                )
            raise RevqError(
                "no stage history, leads or opportunities: pass --history, --leads or "
                "--opportunities, or set inputs.stage_history in revq.yaml"
            )
        run.warn(
            "no stage dates in the project's exports (no stage history, no stage date columns "
            "on the leads, no opportunities): the funnel figures are empty"
        )
        hist = pl.DataFrame(schema=HISTORY_SCHEMA)
    elif hist is None:
        assert opps is not None  # the branch above took the case without
        # An opportunity report alone: each opportunity is one way through the funnel's last
        # stages (opportunity, won), so win rates, velocity and cycle length still hold.
        run.info(
            f"{Path(dateless).name}: no stage dates; the funnel starts at the opportunity stage"
            if dateless
            else "only opportunities given: the funnel starts at the opportunity stage"
        )
        hist = history_from_opportunities(
            opps.with_columns(pl.col("opportunity_id").alias("lead_id"))
        )
        # Nothing is known of the stages before: none is taken as passed through.
        cfg = cfg.model_copy(update={"pass_through": False})
    elif opps is not None:
        named = opps["lead_id"].count() if "lead_id" in opps.columns else 0
        if named:
            hist = pl.concat(
                [hist.select("lead_id", "stage", "entered_at"), history_from_opportunities(opps)]
            )
        if named < opps.height and opps_load is not None:
            stage_sources.unlinked = (opps_load.path.name, opps.height - named)
    if check_empty:
        spans = [
            span_of(hist_load.path.name, "stage_history", hist_load.lazy())
            if hist_load is not None
            else None,
            span_of(lead_result.path.name, "leads", lead_result.lazy(), STAGE_DATE_COLUMNS)
            if lead_result is not None
            else None,
            span_of_load(opps_load, "opportunities") if opps_load is not None else None,
        ]
        check_period(
            run,
            [s for s in spans if s is not None],
            window_period(*window(since, until), when),
            allow_empty=allow_empty,
            empty="an empty funnel",
        )
    ladder = funnel.Ladder(tuple(cfg.stages), cfg.pass_through)
    # Every lead's first entries once: the leads reached, and how many leads there are, which
    # the time-in-stage figures check their lead keys against.
    with run.step(f"ordering {hist.height:,} stage entries"):
        firsts = funnel.first_entries(hist.lazy(), ladder.stages, when).collect()
    stages = funnel.reached_from(firsts.lazy(), ladder)
    if by is not None:
        cut = _dimension(run, project, lead_frame, leads, by, when)
        stages = stages.join(cut.lazy(), on="lead_id", how="left")
    stages = first_stage_within(stages, cfg.stages, *window(since, until)).collect().lazy()
    # The same entry can come from two exports (history and opportunities), or twice from one:
    # it counts once. First entries are the same either way.
    entries = funnel.stage_durations(hist.lazy(), when, leads=firsts.height, each_entry_once=True)
    cal = funnel.Calendar(
        period,
        project.config.fiscal_year_start_month if project else 1,
        project.config.week_start if project else "monday",
    )
    disp = frame_of(run, project, dispositions, "dispositions")
    # Activities only tell which hand-offs were demo requests (the stricter SLA).
    speed_measured = disp is not None and set(disp.columns) >= SPEED_COLUMNS
    acts = frame_of(run, project, None, "activities") if speed_measured else None
    if lead_result is not None:
        disp = follow_lead_merges(
            run, disp, lead_result, ("disposition counts", "dispositions count")
        )
        acts = follow_lead_merges(run, acts, lead_result, ("activity counts", "activities count"))
    report, speed = funnel_report(stages, cfg, cal, when, by, opps, disp, acts, lead_frame)
    report["time_in_stage"] = funnel.time_in_stage(entries, tuple(cfg.stages)).collect().to_dicts()
    report["entries_by_period"] = (
        funnel.entries_by_period(stages, tuple(cfg.stages), cal).collect().to_dicts()
    )
    if spend is not None:
        report["cost"] = _cost(run, spend, stages, cal, cfg)
    measured = not measured_nothing(report)
    if not measured:
        within = window_period(*window(since, until), when).phrase
        run.warn(why_empty(reached_counts(stages, cfg.stages), within, stage_sources))
    sig = frame_of(run, project, None, "signals")
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
    inputs = [
        f for given in (history, leads, opportunities, dispositions) for f in export_files(given)
    ]
    return FunnelResult(
        report,
        method or cfg.method,
        cal,
        cfg,
        lead_frame,
        opps,
        sig,
        speed,
        hist,
        when,
        inputs,
        run,
        measured,
    )
